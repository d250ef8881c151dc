#include "front_matter/scalar_extent.h"

#include "common/ascii.h"

namespace postparse::impl {
namespace {

std::size_t line_end(std::string_view text, std::size_t pos) {
  while (pos < text.size() && text[pos] != '\n' && text[pos] != '\r') ++pos;
  return pos;
}

std::size_t next_line(std::string_view text, std::size_t pos) {
  pos = line_end(text, pos);
  if (pos < text.size() && text[pos] == '\r') ++pos;
  if (pos < text.size() && text[pos] == '\n') ++pos;
  return pos;
}

std::size_t single_quoted_end(std::string_view text, std::size_t pos) {
  for (std::size_t i = pos + 1; i < text.size(); ++i) {
    if (text[i] != '\'') continue;
    if (i + 1 < text.size() && text[i + 1] == '\'') {
      ++i;  // '' is an escaped quote
      continue;
    }
    return i + 1;
  }
  return text.size();
}

std::size_t double_quoted_end(std::string_view text, std::size_t pos) {
  for (std::size_t i = pos + 1; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '"') {
      return i + 1;
    }
  }
  return text.size();
}

std::size_t indentation_of_line_at(std::string_view text, std::size_t pos) {
  std::size_t start = pos;
  while (start > 0 && text[start - 1] != '\n' && text[start - 1] != '\r') --start;
  std::size_t indent = 0;
  while (start + indent < text.size() && text[start + indent] == ' ') ++indent;
  return indent;
}

// A block scalar runs over the lines indented more than the line holding its
// header, at least as much as its first non-empty content line; its raw text
// ends with its last non-empty line.  An empty block scalar has no content
// lines at all (the next sibling is not its content).
std::size_t block_scalar_end(std::string_view text, std::size_t pos) {
  std::size_t end = line_end(text, pos);
  std::size_t parent_indent = indentation_of_line_at(text, pos);
  std::size_t content_indent = std::string_view::npos;
  // An indentation indicator (`|2-`, `>-1`) fixes the content's indentation,
  // relative to the parent's: a first line indented more than the rest is
  // then content, and so are the less indented lines after it.
  for (std::size_t i = pos + 1; i < text.size() && i < pos + 3; ++i)
    if (text[i] >= '1' && text[i] <= '9') content_indent = parent_indent + static_cast<std::size_t>(text[i] - '0');
  for (std::size_t line = next_line(text, pos); line < text.size(); line = next_line(text, line)) {
    std::size_t indent = 0;
    while (line + indent < text.size() && text[line + indent] == ' ') ++indent;
    std::size_t stop = line_end(text, line);
    bool empty = true;
    for (std::size_t i = line + indent; i < stop; ++i)
      if (!is_space_tab_or_newline(text[i])) empty = false;
    if (empty) continue;
    if (indent <= parent_indent) break;
    if (content_indent == std::string_view::npos) content_indent = indent;
    if (indent < content_indent) break;
    end = stop;
  }
  return end;
}

std::size_t plain_scalar_end(std::string_view text, std::size_t pos, std::string_view value) {
  std::size_t i = pos, last = pos;
  for (char expected : value) {
    if (is_space_tab_or_newline(expected)) continue;
    while (i < text.size() && is_space_tab_or_newline(text[i])) ++i;
    if (i >= text.size() || text[i] != expected) return line_end(text, pos);
    last = ++i;
  }
  return last;
}

}  // namespace

std::size_t skip_node_properties(std::string_view text, std::size_t pos) {
  while (pos < text.size() && (text[pos] == '!' || text[pos] == '&')) {
    while (pos < text.size() && !is_space_tab_or_newline(text[pos])) ++pos;
    while (pos < text.size() && is_space_tab_or_newline(text[pos])) ++pos;
  }
  return pos;
}

ScalarExtent scalar_extent(std::string_view text, std::size_t pos, std::string_view value) {
  ScalarExtent out;
  out.begin = skip_node_properties(text, pos);
  if (out.begin >= text.size()) {
    out.begin = out.end = text.size();
    return out;
  }
  switch (text[out.begin]) {
    case '\'':
      out.style = Style::single_quoted;
      out.end = single_quoted_end(text, out.begin);
      break;
    case '"':
      out.style = Style::double_quoted;
      out.end = double_quoted_end(text, out.begin);
      break;
    case '|':
    case '>':
      out.style = text[out.begin] == '|' ? Style::literal : Style::folded;
      out.end = block_scalar_end(text, out.begin);
      break;
    default:
      out.end = plain_scalar_end(text, out.begin, value);
  }
  return out;
}

std::string keep_chomped_folded(std::string_view text, const ScalarExtent &extent, std::string value) {
  if (extent.style != Style::folded) return value;
  std::size_t header_end = line_end(text, extent.begin);
  std::string_view header = text.substr(extent.begin, header_end - extent.begin);
  std::size_t comment = header.find(" #");
  if (header.substr(0, comment).find('+') == std::string_view::npos) return value;
  // Count line breaks from the last content line up to the next line that
  // has anything on it (or the end of the block).
  std::size_t breaks = 0;
  for (std::size_t pos = extent.end; pos < text.size();) {
    std::size_t stop = line_end(text, pos);
    bool blank = true;
    for (std::size_t i = pos; i < stop; ++i)
      if (!is_space_tab_or_newline(text[i])) blank = false;
    if (!blank && pos != extent.end) break;
    if (stop >= text.size()) break;
    ++breaks;
    pos = next_line(text, pos);
  }
  while (!value.empty() && value.back() == '\n') value.pop_back();
  return value + std::string(breaks, '\n');
}

std::size_t flow_collection_end(std::string_view text, std::size_t pos, char closer) {
  for (std::size_t i = pos; i < text.size(); ++i) {
    char c = text[i];
    if (c == closer) return i + 1;
    if (c == '#') {
      i = line_end(text, i);
    } else if (!is_space_tab_or_newline(c) && c != ',' && c != ':' && c != '?') {
      return pos;
    }
  }
  return pos;
}

}  // namespace postparse::impl
