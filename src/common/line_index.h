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
// The index keeps a checkpoint per 4 KiB block (lines and code points before
// it, and the line start in effect there) instead of every line start: memory
// stays tiny for inputs of millions of short lines, and a lookup costs at
// most two block scans even on a minified page that is one long line.
// Immutable after construction, so lookups are thread-safe.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  LineColumn locate(std::size_t offset) const;
  // [begin, end) with the line and column of `begin` (begin <= end).
  SourceSpan span(std::size_t begin, std::size_t end) const;

 private:
  static constexpr std::size_t kBlock = 4096;
  struct Checkpoint {
    std::size_t lines_before = 0;       // line breaks before the block
    std::size_t code_points_before = 0; // code points before the block
    std::size_t line_start = 0;         // start of the line the block begins in
  };

  bool is_break(std::size_t i) const;
  std::size_t code_points_before(std::size_t offset) const;

  std::string_view text_;
  std::size_t bom_run_end_ = 0;  // end of the UTF-8 BOMs at offset 0
  std::vector<Checkpoint> blocks_;
};

}  // namespace postparse::impl
