#include "common/line_index.h"

#include <algorithm>

namespace postparse::impl {

LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      line_starts_.push_back(i + 1);
    } else if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      line_starts_.push_back(i + 1);
    }
  }
}

LineColumn LineIndex::locate(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line_start = *(next - 1);
  std::size_t start = line_start;
  if (start == 0 && text_.substr(0, 3) == "\xEF\xBB\xBF" && offset >= 3) start = 3;
  std::size_t column = 1;
  for (std::size_t i = start; i < offset; ++i) {
    // Count lead bytes only: continuation bytes (10xxxxxx) belong to the
    // code point already counted.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  return {static_cast<std::size_t>(next - line_starts_.begin()), column};
}

}  // namespace postparse::impl
