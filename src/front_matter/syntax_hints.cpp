#include "front_matter/syntax_hints.h"

#include <vector>

namespace postparse::impl {
namespace {

struct LineRange {
  std::size_t begin, end;
};

std::vector<LineRange> lines_of(std::string_view text) {
  std::vector<LineRange> out;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      std::size_t end = (i > begin && text[i - 1] == '\r') ? i - 1 : i;
      out.push_back({begin, end});
      begin = i + 1;
    }
  }
  return out;
}

// Where a quoted value opens on this line (after `key: ` or `- `), or npos.
std::size_t value_quote(std::string_view line) {
  std::size_t i = line.find_first_not_of(' ');
  if (i == std::string_view::npos) return i;
  if (line.compare(i, 2, "- ") == 0) i = line.find_first_not_of(' ', i + 2);
  if (i == std::string_view::npos) return i;
  if (line[i] != '\'' && line[i] != '"') {
    std::size_t colon = line.find(": ", i);
    if (colon == std::string_view::npos) return std::string_view::npos;
    i = line.find_first_not_of(' ', colon + 2);
  }
  if (i == std::string_view::npos || (line[i] != '\'' && line[i] != '"')) return std::string_view::npos;
  return i;
}

// True when the quoted scalar opening at `open` also closes on this line.
bool closes_on_line(std::string_view line, std::size_t open) {
  char quote = line[open];
  for (std::size_t i = open + 1; i < line.size(); ++i) {
    if (quote == '"' && line[i] == '\\') {
      ++i;
    } else if (line[i] == quote) {
      if (quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
        ++i;
        continue;
      }
      return true;
    }
  }
  return false;
}

}  // namespace

SyntaxHint find_unclosed_quote(std::string_view text, std::size_t error) {
  SyntaxHint hint;
  std::vector<LineRange> lines = lines_of(text);
  std::size_t error_line = 0;
  while (error_line + 1 < lines.size() && lines[error_line + 1].begin <= error) ++error_line;
  if (error_line == 0) return hint;
  LineRange prev = lines[error_line - 1];
  std::string_view line = text.substr(prev.begin, prev.end - prev.begin);
  std::size_t open = value_quote(line);
  if (open == std::string_view::npos || closes_on_line(line, open)) return hint;
  // The signature of a swallowed line: the error line holds the quote that
  // ended the runaway string, before the place the parser gave up.
  LineRange bad = lines[error_line];
  std::string_view upto = text.substr(bad.begin, std::min(error, bad.end) - bad.begin);
  if (upto.find(line[open]) == std::string_view::npos) return hint;
  hint.found = true;
  hint.offset = prev.begin + open;
  hint.note = "; the quoted value that starts here is not closed on its line, so the parser read "
              "the next line into it and stopped there";
  return hint;
}

}  // namespace postparse::impl
