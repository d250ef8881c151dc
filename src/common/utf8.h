// UTF-8 byte facts that several stages need (line index, split, extract,
// front matter).  Here rather than in split/encoding.h so that common/
// depends on no stage.
#pragma once

#include <cstddef>
#include <string_view>

namespace postparse::impl {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// A byte that continues a multi-byte sequence (10xxxxxx): never the start
// of a character.
constexpr bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Where a run of UTF-8 BOMs at the start of `text` ends (0 when there is
// none; 3 for the usual single BOM).
inline std::size_t utf8_bom_run_end(std::string_view text) {
  std::size_t end = 0;
  while (text.substr(end, kUtf8Bom.size()) == kUtf8Bom) end += kUtf8Bom.size();
  return end;
}

}  // namespace postparse::impl
