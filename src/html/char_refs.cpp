// Character reference decoding: see char_refs.h.
#include "html/char_refs.h"

#include <algorithm>

#include "common/ascii.h"

namespace postparse::impl::html {
namespace {

struct NamedRef {
  std::uint16_t name_offset;
  std::uint8_t name_length;
  std::uint32_t cp1, cp2;
};

#include "html/named_char_refs.inc"

// The numeric character reference end state's table for 0x80..0x9F (0: none).
constexpr std::uint16_t kC1Replacements[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void add_error(CharRefResult &r, std::string_view code, std::size_t at) {
  if (r.error_count < 2) {
    r.error_code[r.error_count] = code;
    r.error_at[r.error_count] = at;
    ++r.error_count;
  }
}

void set_text(CharRefResult &r, std::uint32_t cp1, std::uint32_t cp2) {
  int n = encode_utf8(cp1, r.text);
  if (cp2 != 0) n += encode_utf8(cp2, r.text + n);
  r.text_len = static_cast<std::uint8_t>(n);
}

// `p` is just after "&#".
void decode_numeric(const char *p, const char *end, CharRefResult &r) {
  const char *q = p;
  bool hex = false;
  if (q < end && (*q == 'x' || *q == 'X')) {
    hex = true;
    ++q;
  }
  const char *digits = q;
  std::uint32_t value = 0;
  bool overflow = false;
  for (; q < end; ++q) {
    int d = hex ? hex_digit_value(static_cast<unsigned char>(*q))
                : (*q >= '0' && *q <= '9' ? *q - '0' : -1);
    if (d < 0) break;
    if (!overflow) {
      value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
      if (value > 0x10FFFF) overflow = true;
    }
  }
  // Offsets are relative to the '&', which is at p - 2.
  if (q == digits) {
    add_error(r, "absence-of-digits-in-numeric-character-reference", static_cast<std::size_t>(q - p) + 2);
    r.consumed = 0;
    return;
  }
  if (q < end && *q == ';') {
    ++q;
  } else {
    add_error(r, "missing-semicolon-after-character-reference", static_cast<std::size_t>(q - p) + 2);
  }
  r.consumed = static_cast<std::size_t>(q - p) + 1;  // + the '#'
  std::size_t at = r.consumed + 1;
  std::uint32_t cp = value;
  if (overflow) {
    add_error(r, "character-reference-outside-unicode-range", at);
    cp = 0xFFFD;
  } else if (cp == 0) {
    add_error(r, "null-character-reference", at);
    cp = 0xFFFD;
  } else if (cp >= 0xD800 && cp <= 0xDFFF) {
    add_error(r, "surrogate-character-reference", at);
    cp = 0xFFFD;
  } else if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) {
    add_error(r, "noncharacter-character-reference", at);
  } else if (cp == 0x0D || ((cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) && cp != 0x09 && cp != 0x0A &&
                            cp != 0x0C && cp != 0x20)) {
    add_error(r, "control-character-reference", at);
    if (cp >= 0x80 && cp <= 0x9F && kC1Replacements[cp - 0x80] != 0) cp = kC1Replacements[cp - 0x80];
  }
  set_text(r, cp, 0);
}

}  // namespace

std::size_t match_named_char_ref(std::string_view s, std::uint32_t &cp1, std::uint32_t &cp2) {
  if (s.empty() || static_cast<unsigned char>(s[0]) >= 128) return 0;
  // Invariant: every entry in [lo, hi) starts with s[0..k).
  std::size_t lo = kNamedRefFirst[static_cast<unsigned char>(s[0])];
  std::size_t hi = kNamedRefFirst[static_cast<unsigned char>(s[0]) + 1];
  std::size_t best = kNamedRefCount;
  std::size_t k = 1;
  for (;;) {
    if (lo < hi && kNamedRefs[lo].name_length == k) best = lo++;  // sorts first
    if (lo >= hi || k >= s.size()) break;
    char c = s[k];
    if (!is_ascii_alnum(static_cast<unsigned char>(c)) && c != ';') break;
    // All names in [lo, hi) are longer than k and sorted by their byte k.
    auto at = [k](std::size_t i) { return kNamedRefNames[kNamedRefs[i].name_offset + k]; };
    std::size_t a = lo, b = hi;
    while (a < b) {  // first with byte k >= c
      std::size_t m = a + (b - a) / 2;
      if (at(m) < c) a = m + 1;
      else b = m;
    }
    std::size_t first = a;
    b = hi;
    while (a < b) {  // first with byte k > c
      std::size_t m = a + (b - a) / 2;
      if (at(m) <= c) a = m + 1;
      else b = m;
    }
    lo = first;
    hi = a;
    ++k;
  }
  if (best == kNamedRefCount) return 0;
  cp1 = kNamedRefs[best].cp1;
  cp2 = kNamedRefs[best].cp2;
  return kNamedRefs[best].name_length;
}

void decode_char_ref(const char *p, const char *end, bool in_attribute, CharRefResult &r) {
  r.consumed = 0;
  r.text_len = 0;
  r.error_count = 0;
  if (p >= end) return;
  unsigned char c = static_cast<unsigned char>(*p);
  if (c == '#') {
    decode_numeric(p + 1, end, r);
    return;
  }
  if (!is_ascii_alnum(c)) return;
  std::uint32_t cp1 = 0, cp2 = 0;
  std::size_t len = match_named_char_ref(std::string_view(p, static_cast<std::size_t>(end - p)), cp1, cp2);
  if (len == 0) {
    // Ambiguous ampersand: alphanumerics go through as they are; an error if
    // they end in ';'.
    const char *q = p;
    while (q < end && is_ascii_alnum(static_cast<unsigned char>(*q))) ++q;
    if (q < end && *q == ';')
      add_error(r, "unknown-named-character-reference", static_cast<std::size_t>(q - p) + 1);
    return;
  }
  bool semicolon = p[len - 1] == ';';
  if (!semicolon && in_attribute && p + len < end &&
      (p[len] == '=' || is_ascii_alnum(static_cast<unsigned char>(p[len])))) {
    return;  // for historical reasons, not a reference
  }
  if (!semicolon) add_error(r, "missing-semicolon-after-character-reference", len + 1);
  r.consumed = len;
  set_text(r, cp1, cp2);
}

}  // namespace postparse::impl::html
