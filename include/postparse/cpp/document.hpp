// postparse/cpp/document.hpp — a parsed post (postparse_doc_*).  Included by
// postparse/postparse.hpp.
#ifndef POSTPARSE_CPP_DOCUMENT_HPP
#define POSTPARSE_CPP_DOCUMENT_HPP

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "postparse/cpp/core.hpp"
#include "postparse/cpp/items.hpp"
#include "postparse/cpp/node.hpp"
#include "postparse/cpp/options.hpp"
#include "postparse/cpp/value.hpp"

namespace postparse {

// A parsed post.
// Ownership: owns its postparse_doc (released by postparse_doc_free);
// move-only.  Everything read from it — Values, Nodes, the string_views of
// items and spans — is borrowed and valid while it lives; moving the
// Document keeps them valid.  NodeLists from select() must not outlive it.
// Threads: immutable; any number of threads may read it (and everything
// borrowed from it) at once.
// Errors: only parse() and failing C calls throw Error; problems inside the
// post are diagnostics(), and lookups that find nothing give nullopt, a
// falsy Value or Node, or an empty view, as the C calls do.
// Collections (paragraphs(), inlines(), images(), links(), comments(),
// editorial()) are lazy random-access ranges: making one costs nothing,
// each item is read through one C call when accessed.
class Document {
 public:
  using Paragraphs = detail::IndexRange<detail::ParagraphSource>;
  using Inlines = detail::IndexRange<detail::InlineSource>;
  using Images = detail::IndexRange<detail::ImageSource>;
  using Links = detail::IndexRange<detail::LinkSource>;
  using Comments = detail::IndexRange<detail::CommentSource>;
  using Editorials = detail::IndexRange<detail::EditorialSource>;

  // Parses a post (the bytes are copied); throws Error only when no document
  // can be made (input too large, out of memory).
  static Document parse(std::string_view bytes, const Options *options = nullptr) {
    postparse_doc *raw = nullptr;
    check(postparse_doc_parse(bytes.data(), bytes.size(), options ? options->get() : nullptr, &raw));
    return Document(raw);
  }
  static Document parse(std::string_view bytes, const Options &options) { return parse(bytes, &options); }

  // Parses a post without copying it (postparse_doc_parse_borrowed): the
  // bytes must stay alive and unchanged while the Document lives.
  static Document parse_borrowed(std::string_view bytes, const Options *options = nullptr) {
    postparse_doc *raw = nullptr;
    check(postparse_doc_parse_borrowed(bytes.data(), bytes.size(), options ? options->get() : nullptr, &raw));
    return Document(raw);
  }

  // ---- Parts of the post ----
  // The text every offset refers to (the input, or its UTF-8 decoding).
  std::string_view source() const noexcept { return to_view(postparse_doc_source(raw())); }
  postparse_format format() const noexcept { return postparse_doc_format(raw()); }
  // The front matter's root value; falsy when there is none or it failed.
  Value front_matter() const noexcept { return Value(postparse_doc_front_matter(raw())); }
  // The whole block, fences included; nullopt without front matter.
  std::optional<Span> front_matter_span() const { return optional_span(&postparse_doc_front_matter_span); }
  // The bytes between the fences; nullopt without front matter.
  std::optional<Span> front_matter_content_span() const {
    return optional_span(&postparse_doc_front_matter_content_span);
  }
  std::string_view body() const noexcept { return to_view(postparse_doc_body(raw())); }
  Span body_span() const {
    Span s{};
    check(postparse_doc_body_span(raw(), &s));
    return s;
  }
  // POSTPARSE_BODY_HTML or POSTPARSE_BODY_MARKDOWN (never AUTO).
  postparse_body_format body_format() const noexcept { return postparse_doc_body_format(raw()); }

  // The date-valued fields of the front matter (front_matter.dates of the
  // JSON), in document order.  Cost: one vector, O(1) per field.
  std::vector<DateField> dates() const {
    std::vector<DateField> out(postparse_doc_date_count(raw()), POSTPARSE_INIT(postparse_date));
    for (std::size_t i = 0; i < out.size(); ++i) {
      out[i].time = POSTPARSE_INIT(postparse_time);
      check(postparse_doc_date_at(raw(), i, &out[i]));
    }
    return out;
  }

  // ---- Diagnostics ----
  std::size_t diagnostic_count() const noexcept { return postparse_doc_diagnostic_count(raw()); }
  // Every diagnostic (split, front matter, body).  Cost: one vector, one
  // copy per diagnostic.
  std::vector<Diagnostic> diagnostics() const {
    std::vector<Diagnostic> out(diagnostic_count(), POSTPARSE_INIT(postparse_diagnostic));
    for (std::size_t i = 0; i < out.size(); ++i) check(postparse_doc_diagnostic_at(raw(), i, &out[i]));
    return out;
  }

  // ---- Paragraphs and their inline spans ----
  // Content and boilerplate paragraphs in document order (filter on
  // Paragraph::boilerplate).  Cost per item: O(log lines) for its span.
  Paragraphs paragraphs() const noexcept {
    return Paragraphs(detail::ParagraphSource{raw()}, postparse_doc_paragraph_count(raw()));
  }
  // Paragraph `index`; nullopt past the end.
  std::optional<Paragraph> paragraph(std::size_t index) const {
    postparse_paragraph p = POSTPARSE_INIT(postparse_paragraph);
    Status status = postparse_doc_paragraph_at(raw(), index, &p);
    if (status == POSTPARSE_ERR_NOT_FOUND) return std::nullopt;
    check(status);
    return Paragraph::from(index, p);
  }
  // Paragraph `index`'s text alone; empty past the end.
  std::string_view paragraph_text(std::size_t index) const noexcept {
    return to_view(postparse_doc_paragraph_text(raw(), index));
  }
  // The links and emphasis of paragraph `paragraph` (empty past the end).
  Inlines inlines(std::size_t paragraph) const noexcept {
    return Inlines(detail::InlineSource{raw(), paragraph}, postparse_doc_inline_count(raw(), paragraph));
  }
  Inlines inlines(const Paragraph &paragraph) const noexcept { return inlines(paragraph.index); }
  // With Hexo's excerpt marker (<!-- more -->): how many paragraphs come
  // before it; nullopt when the body has none.
  std::optional<std::size_t> excerpt_paragraphs() const noexcept {
    std::size_t before = 0;
    if (!postparse_doc_has_excerpt(raw(), &before)) return std::nullopt;
    return before;
  }

  // ---- Images, links, comments ----
  Images images() const noexcept { return Images(detail::ImageSource{raw()}, postparse_doc_image_count(raw())); }
  Links links() const noexcept { return Links(detail::LinkSource{raw()}, postparse_doc_link_count(raw())); }
  Comments comments() const noexcept {
    return Comments(detail::CommentSource{raw()}, postparse_doc_comment_count(raw()));
  }

  // ---- Editorial fields (captured by profiles; not the front matter) ----
  // Every entry in capture order (a key may repeat).
  Editorials editorial() const noexcept {
    return Editorials(detail::EditorialSource{raw()}, postparse_doc_editorial_count(raw()));
  }
  // The value of the first entry with this key; nullopt when there is none
  // (or, as the C call cannot tell them apart, when its value is empty).
  // Cost: O(entries).
  std::optional<std::string_view> editorial(std::string_view key) const noexcept {
    std::string_view value = to_view(postparse_doc_editorial_get(raw(), key.data(), key.size()));
    if (value.empty()) return std::nullopt;
    return value;
  }

  // ---- Renderings (new strings; cost linear in the document) ----
  // flags: 0 or POSTPARSE_JSON_EXPLAIN.
  std::string to_json(unsigned flags = 0) const { return render(&postparse_doc_to_json, flags); }
  // flags: 0 or POSTPARSE_OUTPUT_BOILERPLATE.
  std::string to_text(unsigned flags = 0) const { return render(&postparse_doc_to_text, flags); }
  std::string to_markdown(unsigned flags = 0) const { return render(&postparse_doc_to_markdown, flags); }

  // ---- The body's tree ----
  // The root: an <html> element for a fragment, the document node for a
  // whole document.
  Node body_root() const noexcept { return Node(raw(), postparse_doc_body_root(raw())); }
  bool body_is_document() const noexcept { return postparse_doc_body_is_document(raw()); }
  // Evaluates an XPath 1.0 expression with the body root as context.
  // Throws Error(POSTPARSE_ERR_XPATH, naming the expression) when it is not
  // valid XPath 1.0 or does not give a node set.  See postparse_doc_select
  // for its cost on untrusted expressions.
  NodeList select(std::string_view xpath) const {
    postparse_node_list *list = nullptr;
    Status status = postparse_doc_select(raw(), xpath.data(), xpath.size(), &list);
    NodeList owned(raw(), list);  // released even if the check throws
    check(status, xpath);
    return owned;
  }

  const postparse_doc *get() const noexcept { return raw_.get(); }

 private:
  struct Free {
    void operator()(postparse_doc *doc) const noexcept { postparse_doc_free(doc); }
  };
  explicit Document(postparse_doc *raw) : raw_(raw) {}
  const postparse_doc *raw() const noexcept { return raw_.get(); }

  template <class Getter>
  std::optional<Span> optional_span(Getter getter) const {
    Span s{};
    Status status = getter(raw(), &s);
    if (status == POSTPARSE_ERR_NOT_FOUND) return std::nullopt;
    check(status);
    return s;
  }
  template <class Renderer>
  std::string render(Renderer renderer, unsigned flags) const {
    char *buf = nullptr;
    std::size_t len = 0;
    check(renderer(raw(), flags, &buf, &len));
    return detail::take(buf, len);
  }

  std::unique_ptr<postparse_doc, Free> raw_;
};

}  // namespace postparse

#endif  // POSTPARSE_CPP_DOCUMENT_HPP
