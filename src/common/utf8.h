// UTF-8 byte facts that several stages need (line index, split, extract,
// front matter).  Here rather than in split/encoding.h so that common/
// depends on no stage.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/bytes8.h"

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

// Length of the well-formed UTF-8 sequence that starts at s[0] (n > 0 bytes
// available): 1 for ASCII, 2 to 4 for a multi-byte character, 0 when the
// bytes are ill-formed (overlong form, surrogate, beyond U+10FFFF, a
// continuation byte as lead, truncated).  The one statement of the rule
// that every scanner here shares.
inline std::size_t utf8_sequence_length(const unsigned char *s, std::size_t n) {
  const unsigned char lead = s[0];
  if (lead < 0x80) return 1;
  const std::size_t length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                             : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
  if (length == 0 || length > n) return 0;
  // The second byte's range depends on the lead (overlongs, surrogates,
  // beyond U+10FFFF); the others are any continuation byte.
  const unsigned char lo = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
  const unsigned char hi = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
  if (s[1] < lo || s[1] > hi) return 0;
  for (std::size_t k = 2; k < length; ++k)
    if (!is_utf8_continuation(static_cast<char>(s[k]))) return 0;
  return length;
}

// Length of the longest prefix of `text` that is well-formed UTF-8:
// text.size() for valid text.  ASCII is skipped eight bytes at a time,
// since most text the writers check is mostly ASCII.
inline std::size_t utf8_valid_prefix(std::string_view text) {
  const auto *s = reinterpret_cast<const unsigned char *>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    if (i + 8 <= n && bytes8::all_ascii(bytes8::load(s + i))) {
      i += 8;
      continue;
    }
    const std::size_t length = utf8_sequence_length(s + i, n - i);
    if (length == 0) return i;
    i += length;
  }
  return n;
}

// Appends code point `cp` (a valid scalar value, U+0000-U+10FFFF without
// surrogates) as UTF-8: the one encoder of the front matter readers and
// normalisation.  Written out rather than calling utf8proc_encode_char: it
// runs for every character of every normalised paragraph.
inline void append_utf8(std::string &out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
    return;
  }
  char buffer[4];
  std::size_t length;
  if (cp < 0x800) {
    buffer[0] = static_cast<char>(0xC0 | (cp >> 6));
    length = 2;
  } else if (cp < 0x10000) {
    buffer[0] = static_cast<char>(0xE0 | (cp >> 12));
    buffer[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    length = 3;
  } else {
    buffer[0] = static_cast<char>(0xF0 | (cp >> 18));
    buffer[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    buffer[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    length = 4;
  }
  buffer[length - 1] = static_cast<char>(0x80 | (cp & 0x3F));
  out.append(buffer, length);
}

}  // namespace postparse::impl
