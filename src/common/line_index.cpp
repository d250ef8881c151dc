#include "common/line_index.h"

#include <algorithm>
#include <cstdint>

#include "common/bytes8.h"
#include "common/utf8.h"

namespace postparse::impl {
// A break ends a line at `i`: LF, or CR not followed by LF (CRLF breaks at LF).
bool LineIndex::is_break(std::size_t i) const {
  char c = text_[i];
  return c == '\n' || (c == '\r' && (i + 1 >= text_.size() || text_[i + 1] != '\n'));
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  static_assert(kBlock % kChunk == 0 && kBlock <= kLineStartedBefore, "chunk counts fit in 16 bits");
  bom_run_end_ = utf8_bom_run_end(text);
  blocks_.reserve(text.size() / kBlock + 1);
  chunks_.reserve(text.size() / kChunk + 1);
  Checkpoint running;
  ChunkCheckpoint in_block;
  for (std::size_t chunk_begin = 0; chunk_begin <= text.size(); chunk_begin += kChunk) {
    if (chunk_begin % kBlock == 0) {
      blocks_.push_back(running);
      in_block = ChunkCheckpoint{};
    }
    chunks_.push_back(in_block);
    std::size_t end = std::min(text.size(), chunk_begin + kChunk);
    std::size_t i = chunk_begin;
    // Eight bytes at a time: code points by counting continuation bytes,
    // and a byte-wise look only at words that hold a CR or LF.
    for (; i + 8 <= end; i += 8) {
      const std::uint64_t word = bytes8::load(text.data() + i);
      std::size_t leads = 8 - bytes8::count_low_bits(bytes8::continuation_bytes(word));
      running.code_points_before += leads;
      in_block.code_points = static_cast<std::uint16_t>(in_block.code_points + leads);
      if (bytes8::has_byte(word, '\n') || bytes8::has_byte(word, '\r'))
        for (std::size_t k = i; k < i + 8; ++k) note_break(k, running, in_block);
    }
    for (; i < end; ++i) {
      if (!is_utf8_continuation(text[i])) {
        ++running.code_points_before;
        ++in_block.code_points;
      }
      note_break(i, running, in_block);
    }
  }
}

void LineIndex::note_break(std::size_t i, Checkpoint &running, ChunkCheckpoint &in_block) const {
  if (!is_break(i)) return;
  ++running.lines_before;
  running.line_start = i + 1;
  ++in_block.lines;
  // A break on the block's last byte starts the line in the next block,
  // whose own checkpoint records it.
  in_block.line_start = static_cast<std::uint16_t>((i + 1) % kBlock);
}

std::size_t LineIndex::code_points_before(std::size_t offset) const {
  std::size_t chunk = offset / kChunk;
  std::size_t n = blocks_[offset / kBlock].code_points_before + chunks_[chunk].code_points;
  for (std::size_t i = chunk * kChunk; i < offset; ++i) n += !is_utf8_continuation(text_[i]);
  return n;
}

LineColumn LineIndex::locate(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const std::size_t block = offset / kBlock;
  const ChunkCheckpoint &at = chunks_[offset / kChunk];
  std::size_t line = blocks_[block].lines_before + at.lines + 1;
  std::size_t line_start =
      at.line_start == kLineStartedBefore ? blocks_[block].line_start : block * kBlock + at.line_start;
  for (std::size_t i = offset / kChunk * kChunk; i < offset; ++i) {
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
