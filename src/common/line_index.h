// Maps byte offsets of the whole input to 1-based line and column numbers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace postparse::impl {

struct LineColumn {
  std::size_t line = 1;
  std::size_t column = 1;
};

// A byte range of the whole input with the position of its first byte: the
// one shape every span takes on its way out (the C ABI's postparse_span,
// the JSON "span" objects), built only by LineIndex::span.
struct SourceSpan {
  std::size_t offset = 0;
  std::size_t length = 0;
  std::size_t line = 1;
  std::size_t column = 1;
};

// Lines end at LF, CRLF or a lone CR (old Mac files and mixed files occur in
// scraped corpora).  Columns count code points so that they match what an
// editor shows on CJK text; UTF-8 BOMs at offset 0 (one, or a run) are not
// counted.
//
// The index keeps checkpoints instead of every line start, so that memory
// stays small for inputs of millions of short lines and a lookup scans a
// bounded number of bytes even on a minified page that is one long line:
// per 4 KiB block the lines and code points before it and the line start in
// effect there, and per 64-byte chunk the same counts relative to its block
// in 16 bits (6 bytes per 64 of input).  A lookup scans at most two chunks.
// Spans are located for every paragraph, inline element, image and link,
// so this lookup is on the hot path of every parse.
// Immutable after construction, so lookups are thread-safe.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  LineColumn locate(std::size_t offset) const;
  // [begin, end) with the line and column of `begin` (begin <= end).
  SourceSpan span(std::size_t begin, std::size_t end) const;

 private:
  static constexpr std::size_t kBlock = 4096;
  static constexpr std::size_t kChunk = 64;
  static constexpr std::uint16_t kLineStartedBefore = 0xFFFF;
  struct Checkpoint {
    std::size_t lines_before = 0;       // line breaks before the block
    std::size_t code_points_before = 0; // code points before the block
    std::size_t line_start = 0;         // start of the line the block begins in
  };
  // Relative to the chunk's block: breaks and code points between the block's
  // start and the chunk's, and the offset in the block of the line start in
  // effect at the chunk (kLineStartedBefore: the block's line_start).
  struct ChunkCheckpoint {
    std::uint16_t lines = 0;
    std::uint16_t code_points = 0;
    std::uint16_t line_start = kLineStartedBefore;
  };

  bool is_break(std::size_t i) const;
  void note_break(std::size_t i, Checkpoint &running, ChunkCheckpoint &in_block) const;
  std::size_t code_points_before(std::size_t offset) const;

  std::string_view text_;
  std::size_t bom_run_end_ = 0;  // end of the UTF-8 BOMs at offset 0
  std::vector<Checkpoint> blocks_;
  std::vector<ChunkCheckpoint> chunks_;
};

}  // namespace postparse::impl
