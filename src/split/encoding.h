// What the bytes of a post are: UTF-8 (the normal case), or UTF-16/UTF-32
// announced by a byte order mark, which is decoded into UTF-8 before
// anything else reads the post.  Other encodings (GBK, Big5, Latin-1...)
// are not guessed: they show up as ill-formed UTF-8, which is reported.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "common/utf8.h"

namespace postparse::impl {

// A post decoded from UTF-16 or UTF-32 into UTF-8.  The BOM becomes a UTF-8
// BOM, so line and column numbers in the decoded text are those of the
// original; byte offsets are the decoded text's.
struct DecodedText {
  std::string utf8;
  const char *encoding = "";  // "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"
  // The first ill-formed code unit (a lone surrogate, a value beyond
  // U+10FFFF, a truncated last unit): its offset in `utf8`, where its U+FFFD
  // was written, and how many such units there were.
  std::size_t first_bad = std::string::npos;
  std::size_t bad_count = 0;
  const char *first_bad_kind = "";
};

// Decodes `input` when it starts with a UTF-16 or UTF-32 BOM (UTF-32LE is
// tried before UTF-16LE, whose BOM it starts with); nothing for any other
// input, which is read as UTF-8.  Ill-formed units become U+FFFD.
std::optional<DecodedText> decode_utf16_or_32(std::string_view input);

// The first ill-formed UTF-8 sequence in a text and how many there are.
struct Utf8Check {
  std::size_t first_bad = std::string::npos;
  std::size_t bad_count = 0;
};
Utf8Check check_utf8(std::string_view text);

}  // namespace postparse::impl
