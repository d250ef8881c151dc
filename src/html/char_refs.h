// Character references (https://html.spec.whatwg.org/#character-reference-state):
// named ones (longest match in the full table, legacy names without ';',
// the attribute-value exception), numeric ones (decimal and hexadecimal, with
// the spec's replacement table for C1 controls and its error ranges), and the
// ambiguous-ampersand check.
//
// The tokenizer calls decode_char_ref() just after consuming '&'.  The
// function only reads ahead: it says how many bytes after the '&' the
// reference spans and what it decodes to.  When it spans nothing, the '&' is
// an ordinary character and the tokenizer goes on with the next byte in the
// return state (every byte a failed reference could have consumed is an ASCII
// alphanumeric, '#', 'x' or 'X', which all return states treat as ordinary
// characters, so "flush the consumed code points" comes to the same thing).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace postparse::impl::html {

struct CharRefResult {
  std::size_t consumed = 0;  // bytes after the '&'; 0: emit '&' and go on
  char text[8] = {};         // the replacement, UTF-8 (at most two code points)
  std::uint8_t text_len = 0;
  // Parse errors (at most two): code and offset relative to the '&'.
  std::uint8_t error_count = 0;
  std::string_view error_code[2];
  std::size_t error_at[2] = {0, 0};
};

// `p`..`end` is the input after the '&'.  `in_attribute`: the reference is
// in an attribute value (return state is one of the attribute value states).
void decode_char_ref(const char *p, const char *end, bool in_attribute, CharRefResult &out);

// The longest named character reference that `s` starts with: its length in
// bytes (0 if none) and code points (second is 0 if there is only one).
std::size_t match_named_char_ref(std::string_view s, std::uint32_t &cp1, std::uint32_t &cp2);

// Appends `cp` to `out` as UTF-8; returns bytes written (out needs 4).
inline int encode_utf8(std::uint32_t cp, char *out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

}  // namespace postparse::impl::html
