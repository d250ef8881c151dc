// Small questions about the layout of the post's text that every splice
// asks: where lines start and end, how a line is indented, which line
// break the block uses.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace postparse::impl::edit {

// The offset where the line holding `pos` starts.
inline std::size_t line_start(std::string_view text, std::size_t pos) {
  while (pos > 0 && text[pos - 1] != '\n') --pos;
  return pos;
}

// The offset just past the line break that ends the line holding `pos`
// (pos itself when it already starts a line after a break); the text's end
// when no line break follows.
inline std::size_t line_after(std::string_view text, std::size_t pos) {
  if (pos > 0 && pos <= text.size() && text[pos - 1] == '\n') return pos;
  std::size_t nl = text.find('\n', pos);
  return nl == std::string_view::npos ? text.size() : nl + 1;
}

// Whether text[from, to) holds only spaces.
inline bool only_spaces(std::string_view text, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i)
    if (text[i] != ' ') return false;
  return true;
}

// The line break the block starting at `from` uses: "\r\n" when its first
// line ends so, else "\n".
inline std::string newline_at(std::string_view text, std::size_t from) {
  std::size_t nl = text.find('\n', from);
  return nl != std::string_view::npos && nl > 0 && text[nl - 1] == '\r' ? "\r\n" : "\n";
}

// Skips spaces and tabs from `pos`.
inline std::size_t skip_blanks(std::string_view text, std::size_t pos) {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
  return pos;
}

}  // namespace postparse::impl::edit
