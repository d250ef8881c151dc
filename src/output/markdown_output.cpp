// Markdown rendering.  Paragraph text is plain text, so everything that
// CommonMark would read as syntax is backslash-escaped; inline spans found
// in the text (see extract::InlineSpan::text_offset) become syntax again.
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
  std::size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
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
    if (s.text.find('\n') != std::string::npos) continue;  // markup cannot span a hard break here
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

std::string render_span(const InlineSpan &s) {
  std::string inner;
  escape_inline(s.text, inner);
  switch (s.kind) {
    case InlineSpan::Kind::link: return "[" + inner + "](" + link_destination(s.href) + ")";
    case InlineSpan::Kind::emphasis: return "*" + inner + "*";
    case InlineSpan::Kind::strong: return "**" + inner + "**";
    case InlineSpan::Kind::code: return code_span(s.text);
  }
  return inner;
}

// The paragraph's text with its spans; explicit line breaks become hard
// breaks (backslash at the end of the line).
std::string inline_markdown(const Paragraph &p) {
  std::string out;
  std::size_t at = 0;
  for (const InlineSpan *s : usable_spans(p)) {
    escape_inline(std::string_view(p.text).substr(at, s->text_offset - at), out);
    out += render_span(*s);
    at = s->text_offset + s->text_length;
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
      std::string text = inline_markdown(p);
      std::replace(text.begin(), text.end(), '\n', ' ');  // a heading is one line
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
