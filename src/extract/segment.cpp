#include "extract/segment.h"

#include <algorithm>
#include <cctype>

namespace postparse::impl::extract {
namespace {

using html::Ns;
using html::Tag;

bool is_block(Tag tag) {
  switch (tag) {
    case Tag::p: case Tag::div: case Tag::h1: case Tag::h2: case Tag::h3: case Tag::h4: case Tag::h5:
    case Tag::h6: case Tag::li: case Tag::dt: case Tag::dd: case Tag::blockquote: case Tag::pre:
    case Tag::td: case Tag::th: case Tag::tr: case Tag::table: case Tag::tbody: case Tag::thead:
    case Tag::tfoot: case Tag::caption: case Tag::figcaption: case Tag::figure: case Tag::section:
    case Tag::article: case Tag::header: case Tag::footer: case Tag::aside: case Tag::nav: case Tag::main:
    case Tag::ul: case Tag::ol: case Tag::dl: case Tag::address: case Tag::hr: case Tag::form:
    case Tag::fieldset: case Tag::details: case Tag::summary: case Tag::center: case Tag::dialog:
    case Tag::search: case Tag::hgroup: case Tag::menu: case Tag::dir: case Tag::listing: case Tag::xmp:
    case Tag::plaintext: case Tag::body: case Tag::html:
      return true;
    default:
      return false;
  }
}

// Subtrees whose text is never paragraph text.
bool is_skipped(Tag tag, Ns ns) {
  if (ns != Ns::html) return true;  // SVG and MathML are graphics and formulas
  switch (tag) {
    case Tag::script: case Tag::style: case Tag::template_: case Tag::noscript: case Tag::title:
    case Tag::textarea: case Tag::select: case Tag::option: case Tag::optgroup: case Tag::iframe:
    case Tag::object: case Tag::embed: case Tag::head: case Tag::meta: case Tag::link: case Tag::base:
    case Tag::noembed: case Tag::noframes: case Tag::button: case Tag::input:
      return true;
    default:
      return false;
  }
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char &c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Text only screen readers get: the class names of the usual CSS
// frameworks' visually-hidden utilities (Bootstrap, WordPress, Elementor...).
bool is_screen_reader_only(std::string_view cls) {
  for (std::string_view name : {"sr-only", "screen-reader-text", "visually-hidden", "visuallyhidden", "screen-only"})
    if (cls.find(name) != std::string_view::npos) return true;
  return false;
}

// `hidden`, aria-hidden, inline display:none / visibility:hidden, and
// screen-reader-only classes: nothing a sighted reader sees.
bool is_hidden(pugi::xml_node element) {
  if (element.attribute("hidden")) return true;
  if (is_screen_reader_only(lower(element.attribute("class").value()))) return true;
  if (lower(element.attribute("aria-hidden").value()) == "true") return true;
  std::string style = lower(element.attribute("style").value());
  style.erase(std::remove_if(style.begin(), style.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); }),
              style.end());
  return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

// The kind a paragraph takes from the blocks it sits in: the innermost of
// heading / list item / quote / pre / cell / caption.
struct BlockContext {
  ParagraphKind kind = ParagraphKind::paragraph;
  int level = 0;
};

bool kind_of_block(Tag tag, BlockContext &out) {
  switch (tag) {
    case Tag::h1: case Tag::h2: case Tag::h3: case Tag::h4: case Tag::h5: case Tag::h6:
      out = {ParagraphKind::heading, static_cast<int>(tag) - static_cast<int>(Tag::h1) + 1};
      return true;
    case Tag::li: case Tag::dt: case Tag::dd: out = {ParagraphKind::list_item, 0}; return true;
    case Tag::blockquote: out = {ParagraphKind::quote, 0}; return true;
    case Tag::pre: case Tag::listing: case Tag::xmp: case Tag::plaintext: out = {ParagraphKind::pre, 0}; return true;
    case Tag::td: case Tag::th: out = {ParagraphKind::table_cell, 0}; return true;
    case Tag::caption: case Tag::figcaption: out = {ParagraphKind::caption, 0}; return true;
    default: return false;
  }
}

// Finds each inline span's text in its paragraph's normalised text, in
// order; a span nested in the previous one (strong inside a link) is looked
// for inside it.
void locate_spans(Paragraph &p) {
  std::size_t cursor = 0;
  const InlineSpan *outer = nullptr;
  for (InlineSpan &span : p.spans) {
    bool nested = outer && span.begin >= outer->begin && span.end <= outer->end;
    std::size_t from = nested ? outer->text_offset : cursor;
    std::size_t at = span.text.empty() ? std::string::npos : p.text.find(span.text, from);
    if (at == std::string::npos) {
      span.text_offset = std::min(from, p.text.size());
      span.text_length = 0;
      continue;
    }
    span.text_offset = at;
    span.text_length = span.text.size();
    if (!nested) outer = &span, cursor = at + span.text.size();
  }
}

class Segmenter {
 public:
  Segmenter(const html::Dom &dom, const NormalizeOptions &options) : dom_(dom), options_(options) {}

  Extraction run(pugi::xml_node root) {
    block_node_ = root;
    visit_children(root);
    flush();
    return std::move(out_);
  }

 private:
  const html::NodeInfo *info(pugi::xml_node n) const { return dom_.find_info(n); }

  void visit_children(pugi::xml_node node) {
    for (pugi::xml_node child : node.children()) visit(child);
  }

  void visit(pugi::xml_node node) {
    switch (node.type()) {
      case pugi::node_pcdata: return text(node);
      case pugi::node_comment: return comment(node);
      case pugi::node_element: return element(node);
      default: return;
    }
  }

  void extend_span(pugi::xml_node node) {
    const html::NodeInfo *i = info(node);
    if (!i) return;
    if (buffer_.empty() || i->begin < begin_) begin_ = i->begin;
    end_ = std::max(end_, i->end);
  }

  void text(pugi::xml_node node) {
    std::string_view value = node.value();
    if (value.empty()) return;
    if (buffer_.empty()) begin_ = SIZE_MAX, end_ = 0;
    extend_span(node);
    if (pre_depth_ > 0) {
      buffer_ += value;
    } else {
      // Source line breaks are white space, marked as CR so that normalising
      // joins them between CJK characters; only <br> ('\n') breaks lines.
      for (char c : value) buffer_ += (c == '\n' || c == '\r') ? '\r' : (c == '\t' || c == '\f') ? ' ' : c;
    }
    if (!is_blank(value)) breaks_ = 0;
  }

  void comment(pugi::xml_node node) {
    const html::NodeInfo *i = info(node);
    std::string text = node.value();
    out_.comments.push_back({text, i ? i->begin : 0, i ? i->end : 0});
    std::string trimmed = lower(normalize_paragraph(text, NormalizeOptions{}));
    if (trimmed == "more" && !out_.has_excerpt_marker) {
      flush();
      out_.has_excerpt_marker = true;
      out_.excerpt_paragraphs = out_.paragraphs.size();
    }
  }

  void element(pugi::xml_node node) {
    const html::NodeInfo *i = info(node);
    Tag tag = i ? i->tag : Tag::unknown;
    Ns ns = i ? i->ns : Ns::html;
    if (is_skipped(tag, ns) || is_hidden(node)) return;
    if (tag == Tag::img) return image(node, i);
    if (tag == Tag::br) return line_break(node);
    if (tag == Tag::a) link(node, i);
    if (tag == Tag::em || tag == Tag::i) inline_span(node, i, InlineSpan::Kind::emphasis);
    if (tag == Tag::strong || tag == Tag::b) inline_span(node, i, InlineSpan::Kind::strong);
    if (tag == Tag::code && pre_depth_ == 0) inline_span(node, i, InlineSpan::Kind::code);
    if (!is_block(tag)) return visit_children(node);
    block(node, tag);
  }

  void block(pugi::xml_node node, Tag tag) {
    flush();
    BlockContext context;
    bool pushed = kind_of_block(tag, context);
    if (pushed) contexts_.push_back(context);
    bool pre = context.kind == ParagraphKind::pre && pushed;
    pre_depth_ += pre;
    pugi::xml_node outer_block = block_node_;
    block_node_ = node;
    visit_children(node);
    flush();
    block_node_ = outer_block;
    pre_depth_ -= pre;
    if (pushed) contexts_.pop_back();
  }

  void line_break(pugi::xml_node node) {
    if (pre_depth_ > 0) {
      // Feeds that turn code's newlines into <br> often keep the newline
      // too; a browser then shows every line double-spaced, but the code
      // has one break there, so "<br>\n" counts once.
      pugi::xml_node next = node.next_sibling();
      bool newline_follows = next.type() == pugi::node_pcdata && (next.value()[0] == '\n' || next.value()[0] == '\r');
      if (!newline_follows) buffer_ += '\n';
      return;
    }
    // <br><br> separates paragraphs, as a blank line would.
    if (++breaks_ >= 2) return flush();
    if (!buffer_.empty()) {
      buffer_ += '\n';
      extend_span(node);
    }
  }

  void image(pugi::xml_node node, const html::NodeInfo *i) {
    out_.images.push_back({node.attribute("src").value(), node.attribute("alt").value(),
                           node.attribute("class").value(), i ? i->begin : 0, i ? i->end : 0, false, {}, node});
  }

  std::string subtree_text(pugi::xml_node node) const {
    std::string text;
    for (pugi::xml_node d = node.first_child(); d;) {
      if (d.type() == pugi::node_pcdata) text += d.value();
      const html::NodeInfo *i = info(d);
      bool descend = d.type() == pugi::node_element && d.first_child() && !(i && is_skipped(i->tag, i->ns));
      if (descend) {
        d = d.first_child();
        continue;
      }
      while (d && !d.next_sibling() && d != node) d = d.parent();
      if (!d || d == node) break;
      d = d.next_sibling();
    }
    return normalize_paragraph(text, NormalizeOptions{UnicodeForm::nfc, false, false});
  }

  void link(pugi::xml_node node, const html::NodeInfo *i) {
    std::string text = subtree_text(node);
    Link l{node.attribute("href").value(), text, i ? i->begin : 0, i ? i->end : 0};
    out_.links.push_back(l);
    spans_.push_back({InlineSpan::Kind::link, l.text, l.href, l.begin, l.end});
  }

  void inline_span(pugi::xml_node node, const html::NodeInfo *i, InlineSpan::Kind kind) {
    spans_.push_back({kind, subtree_text(node), {}, i ? i->begin : 0, i ? i->end : 0});
  }

  void flush() {
    breaks_ = 0;
    if (buffer_.empty()) {
      spans_.clear();
      return;
    }
    NormalizeOptions options = options_;
    if (!contexts_.empty() && contexts_.back().kind == ParagraphKind::pre) options.raw = true;  // keeps its white space
    std::string text = normalize_paragraph(buffer_, options);
    buffer_.clear();
    if (is_blank(text)) {  // spacer paragraphs (empty, &nbsp;, U+3000) separate but are dropped
      spans_.clear();
      return;
    }
    Paragraph p;
    BlockContext context = contexts_.empty() ? BlockContext{} : contexts_.back();
    p.kind = context.kind;
    p.level = context.level;
    p.text = std::move(text);
    p.begin = begin_ == SIZE_MAX ? 0 : begin_;
    p.end = std::max(p.begin, end_);
    p.block = block_node_;
    p.spans = std::move(spans_);
    spans_.clear();
    locate_spans(p);
    out_.paragraphs.push_back(std::move(p));
  }

  const html::Dom &dom_;
  NormalizeOptions options_;
  Extraction out_;
  std::string buffer_;
  std::size_t begin_ = SIZE_MAX, end_ = 0;
  std::vector<BlockContext> contexts_;
  std::vector<InlineSpan> spans_;
  pugi::xml_node block_node_;
  int pre_depth_ = 0;
  int breaks_ = 0;
};

}  // namespace

Extraction segment(const html::Dom &dom, pugi::xml_node root, const NormalizeOptions &options) {
  return Segmenter(dom, options).run(root);
}

}  // namespace postparse::impl::extract
