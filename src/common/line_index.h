// Maps byte offsets of the whole input to 1-based line and column numbers.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace postparse::impl {

struct LineColumn {
  std::size_t line = 1;
  std::size_t column = 1;
};

// Lines end at LF, CRLF or a lone CR (old Mac files and mixed files occur in
// scraped corpora).  Columns count code points so that they match what an
// editor shows on CJK text; a UTF-8 BOM at offset 0 is not counted.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  LineColumn locate(std::size_t offset) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
};

}  // namespace postparse::impl
