#include "split/encoding.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>

#include "common/utf8.h"

namespace postparse::impl {
namespace {

struct Encoding {
  const char *name;
  std::string_view bom;
  std::size_t unit;  // bytes per code unit
  bool little_endian;
};

// UTF-32LE first: its BOM begins with UTF-16LE's.
constexpr Encoding kEncodings[] = {
    {"UTF-32LE", std::string_view("\xFF\xFE\x00\x00", 4), 4, true},
    {"UTF-32BE", std::string_view("\x00\x00\xFE\xFF", 4), 4, false},
    {"UTF-16LE", std::string_view("\xFF\xFE", 2), 2, true},
    {"UTF-16BE", std::string_view("\xFE\xFF", 2), 2, false},
};

constexpr char32_t kReplacement = 0xFFFD;

std::uint32_t read_unit(std::string_view bytes, std::size_t at, const Encoding &e) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < e.unit; ++i) {
    std::size_t byte = e.little_endian ? at + e.unit - 1 - i : at + i;
    value = (value << 8) | static_cast<unsigned char>(bytes[byte]);
  }
  return value;
}

bool is_high_surrogate(std::uint32_t u) { return u >= 0xD800 && u <= 0xDBFF; }
bool is_low_surrogate(std::uint32_t u) { return u >= 0xDC00 && u <= 0xDFFF; }

class Decoder {
 public:
  Decoder(std::string_view input, const Encoding &e) : in_(input), e_(e) {
    out_.encoding = e.name;
    out_.utf8.reserve(input.size() / e.unit * 3 / 2 + 8);
  }

  DecodedText run() && {
    std::size_t pos = 0;  // the BOM itself is decoded too: U+FEFF, a UTF-8 BOM
    while (pos + e_.unit <= in_.size()) pos = e_.unit == 2 ? utf16_at(pos) : utf32_at(pos);
    if (pos < in_.size()) bad("a truncated last code unit");
    return std::move(out_);
  }

 private:
  std::size_t utf16_at(std::size_t pos) {
    std::uint32_t unit = read_unit(in_, pos, e_);
    if (is_high_surrogate(unit) && pos + 4 <= in_.size()) {
      std::uint32_t next = read_unit(in_, pos + 2, e_);
      if (is_low_surrogate(next)) {
        put(0x10000 + ((unit - 0xD800) << 10) + (next - 0xDC00));
        return pos + 4;
      }
    }
    if (is_high_surrogate(unit) || is_low_surrogate(unit)) bad("a lone surrogate");
    else put(unit);
    return pos + 2;
  }

  std::size_t utf32_at(std::size_t pos) {
    std::uint32_t unit = read_unit(in_, pos, e_);
    if (is_high_surrogate(unit) || is_low_surrogate(unit)) bad("a surrogate");
    else if (unit > 0x10FFFF) bad("a value beyond U+10FFFF");
    else put(unit);
    return pos + 4;
  }

  void put(std::uint32_t cp) {
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
    out_.utf8.append(reinterpret_cast<const char *>(buf), static_cast<std::size_t>(n));
  }

  void bad(const char *kind) {
    if (out_.bad_count++ == 0) {
      out_.first_bad = out_.utf8.size();
      out_.first_bad_kind = kind;
    }
    put(kReplacement);
  }

  std::string_view in_;
  const Encoding &e_;
  DecodedText out_;
};

}  // namespace

std::optional<DecodedText> decode_utf16_or_32(std::string_view input) {
  for (const Encoding &e : kEncodings)
    if (input.substr(0, e.bom.size()) == e.bom) return Decoder(input, e).run();
  return std::nullopt;
}

Utf8Check check_utf8(std::string_view text) {
  Utf8Check check;
  const auto *bytes = reinterpret_cast<const utf8proc_uint8_t *>(text.data());
  std::size_t i = 0;
  while (i < text.size()) {
    // Well-formed stretches at once (ASCII eight bytes at a time): most
    // posts are valid from end to end.
    i += utf8_valid_prefix(text.substr(i));
    if (i >= text.size()) break;
    if (check.bad_count++ == 0) check.first_bad = i;
    // Skip the lead byte and its continuation bytes: one count per
    // ill-formed sequence, roughly as many as the U+FFFDs a reader sees.
    ++i;
    while (i < text.size() && (bytes[i] & 0xC0) == 0x80) ++i;
  }
  return check;
}

}  // namespace postparse::impl
