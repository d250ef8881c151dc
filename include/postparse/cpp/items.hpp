// postparse/cpp/items.hpp — the value types a Document's collections give
// (paragraphs, inline spans, images, links, comments, editorial fields),
// each filled from its C growing struct through POSTPARSE_INIT.  Included
// by postparse/postparse.hpp.
//
// Every std::string_view member is borrowed from the Document the item came
// from: valid while the Document lives.  The structs themselves are plain
// values, cheap to copy, safe to read from any thread.
#ifndef POSTPARSE_CPP_ITEMS_HPP
#define POSTPARSE_CPP_ITEMS_HPP

#include <cstddef>
#include <string_view>

#include "postparse/cpp/core.hpp"

namespace postparse {

// One paragraph (postparse_paragraph).
struct Paragraph {
  std::size_t index = 0;  // its position in Document::paragraphs(), for Document::inlines()
  postparse_paragraph_kind kind = POSTPARSE_PARAGRAPH;
  int level = 0;            // headings: 1-6; else 0
  bool boilerplate = false;  // not content (navigation, promotion, credits...)
  std::string_view reason;  // why it is boilerplate ("marker:qr"...); else empty
  std::string_view text;    // normalised; '\n' is a line break
  Span span{};
  std::size_t inline_count = 0;
  std::string_view rule;      // what set its class: "default/copyright", "signal/marker"...; else empty
  std::string_view evidence;  // what the rule or signal saw; else empty

  static Paragraph from(std::size_t index, const postparse_paragraph &p) noexcept {
    return Paragraph{index, p.kind, p.level, p.boilerplate, to_view(p.reason), to_view(p.text), p.span,
                     p.inline_count, to_view(p.rule), to_view(p.evidence)};
  }
};

// A link or emphasis inside a paragraph (postparse_inline): `text` is the
// range [text_offset, text_offset + text_length) of the paragraph's text.
struct Inline {
  postparse_inline_kind kind = POSTPARSE_INLINE_LINK;
  std::string_view text;
  std::string_view href;  // links only, as written
  std::size_t text_offset = 0;
  std::size_t text_length = 0;
  Span span{};  // the element in the source

  static Inline from(const postparse_inline &i) noexcept {
    return Inline{i.kind, to_view(i.text), to_view(i.href), i.text_offset, i.text_length, i.span};
  }
};

// An <img> of the body (postparse_image); attribute values as written.
struct Image {
  std::string_view src, alt, class_name;
  Span span{};
  bool boilerplate = false;  // promotion, QR code, page furniture
  std::string_view reason;

  static Image from(const postparse_image &i) noexcept {
    return Image{to_view(i.src), to_view(i.alt), to_view(i.class_name), i.span, i.boilerplate, to_view(i.reason)};
  }
};

// An <a> of the body (postparse_link): href as written, normalised text.
struct Link {
  std::string_view href, text;
  Span span{};

  static Link from(const postparse_link &l) noexcept { return Link{to_view(l.href), to_view(l.text), l.span}; }
};

// An HTML comment of the body (postparse_comment): its text as written.
struct Comment {
  std::string_view text;
  Span span{};

  static Comment from(const postparse_comment &c) noexcept { return Comment{to_view(c.text), c.span}; }
};

// One editorial field a profile rule captured (postparse_editorial), e.g.
// key "editor": not the front matter (Document::front_matter).
struct Editorial {
  std::string_view key, value;
  std::string_view rule;  // "<profile>/<rule>"
  Span span{};            // its paragraph, image or comment

  static Editorial from(const postparse_editorial &e) noexcept {
    return Editorial{to_view(e.key), to_view(e.value), to_view(e.rule), e.span};
  }
};

namespace detail {

// Sources of Document's ranges (see IndexRange): each reads item `index`
// through the C call and throws Error if it fails (it cannot for an index
// below the count).
struct ParagraphSource {
  const postparse_doc *doc;
  Paragraph at(std::size_t index) const {
    postparse_paragraph p = POSTPARSE_INIT(postparse_paragraph);
    check(postparse_doc_paragraph_at(doc, index, &p));
    return Paragraph::from(index, p);
  }
};

struct InlineSource {
  const postparse_doc *doc;
  std::size_t paragraph;
  Inline at(std::size_t index) const {
    postparse_inline i = POSTPARSE_INIT(postparse_inline);
    check(postparse_doc_inline_at(doc, paragraph, index, &i));
    return Inline::from(i);
  }
};

struct ImageSource {
  const postparse_doc *doc;
  Image at(std::size_t index) const {
    postparse_image i = POSTPARSE_INIT(postparse_image);
    check(postparse_doc_image_at(doc, index, &i));
    return Image::from(i);
  }
};

struct LinkSource {
  const postparse_doc *doc;
  Link at(std::size_t index) const {
    postparse_link l = POSTPARSE_INIT(postparse_link);
    check(postparse_doc_link_at(doc, index, &l));
    return Link::from(l);
  }
};

struct CommentSource {
  const postparse_doc *doc;
  Comment at(std::size_t index) const {
    postparse_comment c = POSTPARSE_INIT(postparse_comment);
    check(postparse_doc_comment_at(doc, index, &c));
    return Comment::from(c);
  }
};

struct EditorialSource {
  const postparse_doc *doc;
  Editorial at(std::size_t index) const {
    postparse_editorial e = POSTPARSE_INIT(postparse_editorial);
    check(postparse_doc_editorial_at(doc, index, &e));
    return Editorial::from(e);
  }
};

}  // namespace detail
}  // namespace postparse

#endif  // POSTPARSE_CPP_ITEMS_HPP
