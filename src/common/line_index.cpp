#include "common/line_index.h"

#include <algorithm>

#include "common/utf8.h"

namespace postparse::impl {
// A break ends a line at `i`: LF, or CR not followed by LF (CRLF breaks at LF).
bool LineIndex::is_break(std::size_t i) const {
  char c = text_[i];
  return c == '\n' || (c == '\r' && (i + 1 >= text_.size() || text_[i + 1] != '\n'));
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  bom_run_end_ = utf8_bom_run_end(text);
  blocks_.reserve(text.size() / kBlock + 1);
  Checkpoint running;
  for (std::size_t block = 0; block * kBlock <= text.size(); ++block) {
    blocks_.push_back(running);
    std::size_t end = std::min(text.size(), (block + 1) * kBlock);
    for (std::size_t i = block * kBlock; i < end; ++i) {
      if (!is_utf8_continuation(text[i])) ++running.code_points_before;
      if (is_break(i)) {
        ++running.lines_before;
        running.line_start = i + 1;
      }
    }
  }
}

std::size_t LineIndex::code_points_before(std::size_t offset) const {
  std::size_t block = offset / kBlock;
  std::size_t n = blocks_[block].code_points_before;
  for (std::size_t i = block * kBlock; i < offset; ++i) n += !is_utf8_continuation(text_[i]);
  return n;
}

LineColumn LineIndex::locate(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  std::size_t block = offset / kBlock;
  std::size_t block_begin = block * kBlock;
  std::size_t line = blocks_[block].lines_before + 1;
  std::size_t line_start = blocks_[block].line_start;
  for (std::size_t i = block_begin; i < offset; ++i) {
    if (is_break(i)) {
      ++line;
      line_start = i + 1;
    }
  }
  std::size_t column = code_points_before(offset) - code_points_before(line_start) + 1;
  // BOMs are not part of the first line's text (a run of them is skipped
  // by the split stage as well).
  if (line_start == 0) column -= std::min(offset, bom_run_end_) / 3;
  return {line, column};
}

SourceSpan LineIndex::span(std::size_t begin, std::size_t end) const {
  LineColumn where = locate(begin);
  return {begin, end - begin, where.line, where.column};
}

}  // namespace postparse::impl
