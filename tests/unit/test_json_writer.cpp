// JsonWriter::string against a per-byte reference on random byte strings
// that mix ASCII, escapes, controls and well- and ill-formed UTF-8: every
// ill-formed byte becomes one U+FFFD, well-formed sequences are copied,
// and the output is always valid UTF-8.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "common/utf8.h"
#include "helpers.h"
#include "output/json_writer.h"

using postparse::impl::JsonWriter;

namespace {

// The well-formed sequence length at s[i] (0 when ill-formed), from the
// Unicode table of well-formed byte sequences (Table 3-7).
std::size_t sequence_length(const std::string &s, std::size_t i) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  auto in = [&](std::size_t k, int lo, int hi) { return k < s.size() && b(k) >= lo && b(k) <= hi; };
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return in(i + 1, 0x80, 0xBF) ? 2 : 0;
  if (c == 0xE0) return in(i + 1, 0xA0, 0xBF) && in(i + 2, 0x80, 0xBF) ? 3 : 0;
  if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return in(i + 1, 0x80, 0xBF) && in(i + 2, 0x80, 0xBF) ? 3 : 0;
  if (c == 0xED) return in(i + 1, 0x80, 0x9F) && in(i + 2, 0x80, 0xBF) ? 3 : 0;
  if (c == 0xF0) return in(i + 1, 0x90, 0xBF) && in(i + 2, 0x80, 0xBF) && in(i + 3, 0x80, 0xBF) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3) return in(i + 1, 0x80, 0xBF) && in(i + 2, 0x80, 0xBF) && in(i + 3, 0x80, 0xBF) ? 4 : 0;
  if (c == 0xF4) return in(i + 1, 0x80, 0x8F) && in(i + 2, 0x80, 0xBF) && in(i + 3, 0x80, 0xBF) ? 4 : 0;
  return 0;
}

std::string reference(const std::string &text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = sequence_length(text, i);
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (n > 1) {
      out.append(text, i, n);
      i += n;
      continue;
    }
    static const char kHex[] = "0123456789abcdef";
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xF];
        } else {
          out += static_cast<char>(c);
        }
    }
    ++i;
  }
  return out + "\"";
}

}  // namespace

TEST_CASE("JsonWriter::string equals the per-byte reference", "[json]") {
  static const char *const pieces[] = {"abcdefgh", "x", "\"", "\\", "\n", "\t", "\x01", "\x1F", "\x7F",
                                       "\xC3\xA9", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80", "\x80", "\xBF",
                                       "\xC0\xAF", "\xC2", "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                                       "\xF5", "\xFF", "\xE4\xB8", "\xF0\x9F\x98"};
  test::Lcg random(777);
  for (int round = 0; round < 50000; ++round) {
    const std::string text = test::random_text(random, pieces, 16);
    JsonWriter writer;
    writer.string(text);
    INFO("round " << round << ", " << text.size() << " bytes");
    REQUIRE(writer.str() == reference(text));
    REQUIRE(postparse::impl::utf8_valid_prefix(writer.str()) == writer.str().size());
  }
}
