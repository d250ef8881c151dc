// Markdown rendering.  Paragraph text is plain text, so everything that
// CommonMark would read as syntax is backslash-escaped; inline spans found
// in the text (see extract::InlineSpan::text_offset) become syntax again.
#include <utf8proc.h>

#include <algorithm>
#include <cctype>

#include "output/text_output.h"

namespace postparse::impl {
namespace {

using extract::InlineSpan;
using extract::Paragraph;
using extract::ParagraphKind;

// Escapes ASCII punctuation CommonMark may read as syntax anywhere in a line.
void escape_inline(std::string_view text, std::string &out) {
  for (char c : text) {
    if (std::string_view("\\`*_[]<>!|~&").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
}

// What starts a block at the beginning of a line: #, >, list markers,
// ordered list "1." / "1)", thematic breaks "---", setext "===".
void escape_line_start(std::string &line) {
  // Leading spaces are not part of a Markdown paragraph's text, and four
  // of them would start an indented code block.
  std::size_t spaces = line.find_first_not_of(' ');
  line.erase(0, spaces == std::string::npos ? line.size() : spaces);
  std::size_t i = 0;
  if (i >= line.size()) return;
  char c = line[i];
  if (c == '#' || c == '>' || c == '-' || c == '+' || c == '=' || c == '*') {
    line.insert(i, "\\");
    return;
  }
  std::size_t j = i;
  while (j < line.size() && std::isdigit(static_cast<unsigned char>(line[j]))) ++j;
  if (j > i && j < line.size() && (line[j] == '.' || line[j] == ')')) line.insert(j, "\\");
}

// Inline spans that do not overlap an earlier one, in text order.
std::vector<const InlineSpan *> usable_spans(const Paragraph &p) {
  std::vector<const InlineSpan *> spans;
  std::size_t cursor = 0;
  for (const InlineSpan &s : p.spans) {
    if (s.text_length == 0 || s.text_offset < cursor) continue;
    if (extract::span_text(p, s).find('\n') != std::string_view::npos) continue;  // markup cannot span a hard break here
    spans.push_back(&s);
    cursor = s.text_offset + s.text_length;
  }
  return spans;
}

std::string code_span(std::string_view text) {
  std::size_t longest = 0, run = 0;
  for (char c : text) longest = std::max(longest, run = c == '`' ? run + 1 : 0);
  std::string fence(longest + 1, '`');
  bool pad = !text.empty() && (text.front() == '`' || text.back() == '`');
  return fence + (pad ? " " : "") + std::string(text) + (pad ? " " : "") + fence;
}

std::string link_destination(std::string_view href) {
  std::string out = "<";
  for (char c : href) {
    if (c == '<' || c == '>' || c == '\\') out += '\\';
    if (c != '\n' && c != '\r') out += c;
  }
  return out + ">";
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

std::string render_span(const InlineSpan &s, std::string_view text, bool after_span) {
  std::string_view content = text.substr(s.text_offset, s.text_length);
  std::string inner;
  escape_inline(content, inner);
  bool emphasis = s.kind == InlineSpan::Kind::emphasis || s.kind == InlineSpan::Kind::strong;
  // Two spans back to back would merge their delimiters ("**a****b**").
  bool as_html = emphasis && (after_span || !delimiters_work(text, s.text_offset, s.text_offset + s.text_length));
  switch (s.kind) {
    case InlineSpan::Kind::link: return "[" + inner + "](" + link_destination(s.href) + ")";
    case InlineSpan::Kind::emphasis: return as_html ? "<em>" + inner + "</em>" : "*" + inner + "*";
    case InlineSpan::Kind::strong: return as_html ? "<strong>" + inner + "</strong>" : "**" + inner + "**";
    case InlineSpan::Kind::code: return code_span(content);
  }
  return inner;
}

// The paragraph's text with its spans; explicit line breaks become hard
// breaks (backslash at the end of the line).
std::string inline_markdown(const Paragraph &p) {
  std::string out;
  std::size_t at = 0;
  bool any = false;
  for (const InlineSpan *s : usable_spans(p)) {
    escape_inline(std::string_view(p.text).substr(at, s->text_offset - at), out);
    out += render_span(*s, p.text, any && s->text_offset == at);
    at = s->text_offset + s->text_length;
    any = true;
  }
  escape_inline(std::string_view(p.text).substr(at), out);
  std::string result;
  std::size_t start = 0;
  while (start <= out.size()) {
    std::size_t end = out.find('\n', start);
    std::string line = out.substr(start, end == std::string::npos ? std::string::npos : end - start);
    escape_line_start(line);
    result += line;
    if (end == std::string::npos) break;
    result += "\\\n";
    start = end + 1;
  }
  return result;
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
      // A heading is one line: breaks become spaces (same length, so the
      // spans' offsets hold), and '#' is escaped so that a trailing run is
      // not read as the closing sequence.
      Paragraph one_line = p;
      std::replace(one_line.text.begin(), one_line.text.end(), '\n', ' ');
      std::string text;
      std::size_t backslashes = 0;  // run before the current character
      for (char c : inline_markdown(one_line)) {
        if (c == '#' && backslashes % 2 == 0) text += '\\';  // not already escaped
        backslashes = c == '\\' ? backslashes + 1 : 0;
        text += c;
      }
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

}  // namespace

std::string document_to_markdown(const Document &doc, bool boilerplate) {
  std::string out;
  for (const Paragraph &p : doc.extraction.paragraphs) {
    if (!boilerplate && p.cls != extract::ParagraphClass::content) continue;
    if (!out.empty()) out += '\n';
    out += block(p);
    out += '\n';
  }
  return out;
}

}  // namespace postparse::impl
