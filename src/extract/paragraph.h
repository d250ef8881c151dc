// The records extraction produces: paragraphs with kind, class and span,
// inline spans, images, links, comments and editorial fields.
#pragma once

#include <cstddef>
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace postparse::impl::extract {

// Numbering matches postparse_paragraph_kind in the public header.
enum class ParagraphKind { paragraph = 0, heading, list_item, quote, pre, table_cell, caption };
enum class ParagraphClass { content = 0, boilerplate = 1 };

// A link or an emphasis inside a paragraph, located in the original file.
// Its text is not copied: it is the part of the paragraph's text at
// text_offset/text_length (see span_text), so nested spans cost no more
// than flat ones.
struct InlineSpan {
  enum class Kind { link = 0, emphasis, strong, code } kind = Kind::link;
  std::string href;  // links only
  std::size_t begin = 0, end = 0;  // the element in the whole input
  // What its content became in the paragraph's text (bytes); length 0 when
  // it has no visible text.
  std::size_t text_offset = 0, text_length = 0;
};

struct Paragraph {
  ParagraphKind kind = ParagraphKind::paragraph;
  int level = 0;  // headings: 1-6
  ParagraphClass cls = ParagraphClass::content;
  std::string reason;  // why it is boilerplate (machine-readable), empty for content
  // What set its class last, for explaining it: "<profile>/<rule>" or
  // "signal/<name>"; empty when nothing did (content by default).  And what
  // the rule or signal saw (the pattern, the selector, the numbers).
  std::string rule, evidence;
  std::string text;    // normalised
  std::size_t begin = 0, end = 0;  // byte span in the whole input
  pugi::xml_node block;            // the block element it came from (may be the root)
  std::vector<InlineSpan> spans;
};

// The span's text: a view into the paragraph's, valid while it lives.
inline std::string_view span_text(const Paragraph &p, const InlineSpan &s) {
  std::size_t offset = std::min(s.text_offset, p.text.size());
  return std::string_view(p.text).substr(offset, s.text_length);
}

struct Image {
  std::string src, alt, cls;
  std::size_t begin = 0, end = 0;
  bool boilerplate = false;
  std::string reason;
  pugi::xml_node node;
};

struct Link {
  std::string href, text;
  std::size_t begin = 0, end = 0;
};

struct Comment {
  std::string text;
  std::size_t begin = 0, end = 0;
};

// An editorial field a profile rule captured (e.g. editor = 张玫), with the
// rule's name and where in the input the paragraph, image or comment it came
// from is.  The built-in profile captures editor (责任编辑), reporters (记者),
// source (来源) and original_title (原标题).
struct EditorialEntry {
  std::string key, value, rule;
  std::size_t begin = 0, end = 0;
};

struct Extraction {
  std::vector<Paragraph> paragraphs;
  std::vector<Image> images;
  std::vector<Link> links;
  std::vector<Comment> comments;
  std::vector<EditorialEntry> editorial;  // in the order rules captured them
  bool has_excerpt_marker = false;  // Hexo's <!-- more -->
  std::size_t excerpt_paragraphs = 0;  // paragraphs before it
};

}  // namespace postparse::impl::extract
