// Markdown rendering.  Paragraph text is plain text, so what CommonMark
// would read as syntax is backslash-escaped (markdown_escape.h); inline
// spans found in the text (see extract::InlineSpan::text_offset) become
// syntax again.
#include <utf8proc.h>

#include <algorithm>
#include <cctype>

#include "output/markdown_escape.h"
#include "output/text_output.h"
#include "split/split.h"

namespace postparse::impl {
namespace {

using extract::InlineSpan;
using extract::Paragraph;
using extract::ParagraphKind;

// Writes one block's inline content, line by line: plain text is escaped
// for where it stands (block-start escapes only at the start of a line),
// syntax goes out as it is, and a '\n' in the text becomes a hard break
// (a backslash at the end of the line) or, in a block that is one line
// (a heading), a <br> element.
class InlineWriter {
 public:
  explicit InlineWriter(bool one_line) : one_line_(one_line) {}

  // `next`: the character the output goes on with after `text` ('\0' if
  // unknown), which decides whether a final '!' must be escaped.
  void text(std::string_view text, char next, bool link_text = false) {
    for (std::size_t start = 0;;) {
      std::size_t end = text.find('\n', start);
      line_text(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start),
                end == std::string_view::npos ? next : '\0', link_text);
      if (end == std::string_view::npos) return;
      start = end + 1;
      if (out_.empty()) continue;  // line breaks before any text have nothing to break
      std::string_view hard_break = one_line_ ? "<br>" : "\\\n";
      out_ += hard_break;
      trailing_breaks_ += hard_break.size();
      line_start_ = !one_line_;
    }
  }
  void syntax(std::string_view markup) {
    out_ += markup;
    if (!markup.empty()) trailing_breaks_ = 0;
    line_start_ = false;
  }
  bool at_line_start() const { return line_start_; }
  // A hard break at the very end would read back as a literal backslash
  // (and breaks nothing either way).  Only the breaks written here are
  // taken off: text that reads "<br>" ("x\\<br>" escaped) stays.
  std::string finish() {
    out_.resize(out_.size() - trailing_breaks_);
    return std::move(out_);
  }

 private:
  void line_text(std::string_view piece, char next, bool link_text) {
    if (line_start_) {
      // Leading blanks are not part of a Markdown line's text (and four of
      // them would start an indented code block).
      piece.remove_prefix(std::min(piece.find_first_not_of(" \t"), piece.size()));
      if (piece.empty()) return;
      std::size_t at = markdown::block_start_escape(piece);
      if (at != std::string_view::npos) {
        markdown::append_inline(out_, piece.substr(0, at), piece[at], link_text);
        out_ += '\\';
        piece.remove_prefix(at);
      }
      line_start_ = false;
    }
    std::size_t before = out_.size();
    markdown::append_inline(out_, piece, next, link_text);
    if (out_.size() != before) trailing_breaks_ = 0;
  }

  std::string out_;
  std::size_t trailing_breaks_ = 0;  // bytes at the end of out_ that are hard breaks written here
  bool one_line_;
  bool line_start_ = true;
};

// Inline spans that do not overlap an earlier one, in text order.  A code
// span cannot hold a line break (a reader turns it into a space).
std::vector<const InlineSpan *> usable_spans(const Paragraph &p) {
  std::vector<const InlineSpan *> spans;
  std::size_t cursor = 0;
  for (const InlineSpan &s : p.spans) {
    if (s.text_length == 0 || s.text_offset < cursor || s.text_offset + s.text_length > p.text.size()) continue;
    if (s.kind == InlineSpan::Kind::code && extract::span_text(p, s).find('\n') != std::string_view::npos) continue;
    spans.push_back(&s);
    cursor = s.text_offset + s.text_length;
  }
  return spans;
}

std::string code_span(std::string_view text) {
  std::size_t longest = 0, run = 0;
  for (char c : text) longest = std::max(longest, run = c == '`' ? run + 1 : 0);
  std::string fence(longest + 1, '`');
  // A reader strips one blank from each end when both ends have one, and
  // a backtick at either end would join the fence.
  bool blank_ends = text.size() >= 2 && text.front() == ' ' && text.back() == ' ' &&
                    text.find_first_not_of(' ') != std::string_view::npos;
  bool pad = !text.empty() && (text.front() == '`' || text.back() == '`' || blank_ends);
  return fence + (pad ? " " : "") + std::string(text) + (pad ? " " : "") + fence;
}

// The code point before `at` / at `at` in `text` (-1 at either end).
utf8proc_int32_t code_point_before(std::string_view text, std::size_t at) {
  if (at == 0) return -1;
  std::size_t start = at - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  utf8proc_int32_t cp = -1;
  utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t *>(text.data() + start), at - start, &cp);
  return cp;
}
utf8proc_int32_t code_point_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) return -1;
  utf8proc_int32_t cp = -1;
  utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t *>(text.data() + at), text.size() - at, &cp);
  return cp;
}

// CommonMark's classes for delimiter runs; the ends of the text count as
// white space.
bool is_space(utf8proc_int32_t cp) {
  return cp < 0 || cp == ' ' || cp == '\n' || utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}
bool is_punctuation(utf8proc_int32_t cp) {
  if (cp < 0) return false;
  if (cp < 128) return std::ispunct(cp) != 0;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF: case UTF8PROC_CATEGORY_PO: return true;
    default: return false;
  }
}

// Whether `*` delimiters around text[begin, end) would open and close
// emphasis by CommonMark's flanking rules; when they would not (a*(b)*c,
// 中文*“x”*中文) the span is written as an HTML tag instead.
bool delimiters_work(std::string_view text, std::size_t begin, std::size_t end) {
  utf8proc_int32_t before = code_point_before(text, begin), first = code_point_at(text, begin);
  utf8proc_int32_t last = code_point_before(text, end), after = code_point_at(text, end);
  bool opens = !is_space(first) && (!is_punctuation(first) || is_space(before) || is_punctuation(before));
  bool closes = !is_space(last) && (!is_punctuation(last) || is_space(after) || is_punctuation(after));
  return opens && closes;
}

// Three backticks at the start of a line would open a fenced code block,
// and two code spans back to back would merge their fences ("`a``b`"); the
// <code> element says the same without either risk.
void write_code(InlineWriter &w, std::string_view text, bool after_span) {
  std::string span = code_span(text);
  if (!after_span && !(w.at_line_start() && span.compare(0, 3, "```") == 0)) return w.syntax(span);
  w.syntax("<code>");
  w.text(text, '<');
  w.syntax("</code>");
}

void write_span(InlineWriter &w, const InlineSpan &s, std::string_view text, bool after_span) {
  std::string_view inner = text.substr(s.text_offset, s.text_length);
  if (s.kind == InlineSpan::Kind::code) return write_code(w, inner, after_span);
  if (s.kind == InlineSpan::Kind::link) {
    w.syntax("[");
    w.text(inner, ']', true);
    return w.syntax("](" + markdown::link_destination(s.href) + ")");
  }
  // Two spans back to back would merge their delimiters ("**a****b**").
  bool as_html = after_span || !delimiters_work(text, s.text_offset, s.text_offset + s.text_length);
  bool strong = s.kind == InlineSpan::Kind::strong;
  w.syntax(as_html ? (strong ? "<strong>" : "<em>") : (strong ? "**" : "*"));
  w.text(inner, as_html ? '<' : '*');
  w.syntax(as_html ? (strong ? "</strong>" : "</em>") : (strong ? "**" : "*"));
}

// The paragraph's text with its spans.
std::string inline_markdown(const Paragraph &p, bool one_line = false) {
  InlineWriter w(one_line);
  std::string_view text = p.text;
  std::size_t at = 0;
  bool any = false;
  for (const InlineSpan *s : usable_spans(p)) {
    // What follows the text is the span's syntax: '[' for a link, else
    // never '['.
    w.text(text.substr(at, s->text_offset - at), s->kind == InlineSpan::Kind::link ? '[' : '\0');
    write_span(w, *s, text, any && s->text_offset == at);
    at = s->text_offset + s->text_length;
    any = true;
  }
  w.text(text.substr(at), '\0');
  return w.finish();
}

std::string prefixed(const std::string &text, std::string_view first, std::string_view rest) {
  std::string out(first);
  for (char c : text) {
    out += c;
    if (c == '\n') out += rest;
  }
  return out;
}

std::string fenced(const std::string &text) {
  std::size_t longest = 0, run = 0;
  for (char c : text) longest = std::max(longest, run = c == '`' ? run + 1 : 0);
  std::string fence(std::max<std::size_t>(3, longest + 1), '`');
  return fence + "\n" + text + (text.empty() || text.back() != '\n' ? "\n" : "") + fence;
}

std::string block(const Paragraph &p) {
  switch (p.kind) {
    case ParagraphKind::heading: {
      // A heading is one line: its breaks are <br> elements.
      std::string text = inline_markdown(p, true);
      // A run of '#' at the end, after a blank, would be read as the
      // closing sequence; escaping its first '#' keeps it text.
      std::size_t run = text.find_last_not_of('#') + 1;
      if (run < text.size() && (run == 0 || text[run - 1] == ' ')) text.insert(run, "\\");
      return std::string(static_cast<std::size_t>(std::clamp(p.level, 1, 6)), '#') + " " + text;
    }
    case ParagraphKind::list_item: return prefixed(inline_markdown(p), "- ", "  ");
    case ParagraphKind::quote: return prefixed(inline_markdown(p), "> ", "> ");
    case ParagraphKind::pre: return fenced(p.text);
    case ParagraphKind::paragraph:
    case ParagraphKind::table_cell:
    case ParagraphKind::caption: break;
  }
  return inline_markdown(p);
}

// Whether a Markdown text, read as a post, would begin with front matter:
// a first paragraph "{}" or ";;;" followed later by ";;;" is a JSON block to
// the splitter, not text (the line-start escapes cover "---" and "+++").
bool reads_as_front_matter(std::string_view markdown) {
  DiagnosticSink ignored(1);
  return split_post(markdown, SplitOptions{}, ignored).format != Format::none;
}

}  // namespace

std::string document_to_markdown(const Document &doc, bool boilerplate) {
  std::string out;
  for (const Paragraph &p : doc.extraction.paragraphs) {
    if (!boilerplate && p.cls != extract::ParagraphClass::content) continue;
    if (!out.empty()) out += '\n';
    out += block(p);
    out += '\n';
  }
  // Its first character escaped, the text stays body: "\{" and "\;" are
  // Markdown's escapes for the plain characters.
  if (!out.empty() && reads_as_front_matter(out) && std::ispunct(static_cast<unsigned char>(out[0])))
    out.insert(0, 1, '\\');
  return out;
}

}  // namespace postparse::impl
