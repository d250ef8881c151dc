// The code points normalisation skips the library for
// (is_normalization_inert) against utf8proc: each maps to itself under its
// form, alone and after every code point that starts a composing pair, and
// has combining class 0.  A wrong range here would leave text unnormalised.
#include <utf8proc.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>
#include <vector>

#include "extract/normalize.h"
#include "helpers.h"

using postparse::impl::extract::is_normalization_inert;
using postparse::impl::extract::UnicodeForm;

namespace {

std::u32string map(const std::u32string &text, UnicodeForm form) {
  // Encode, map, decode: the same call normalize.cpp makes.
  int flags = UTF8PROC_STABLE | UTF8PROC_COMPOSE | (form == UnicodeForm::nfkc ? UTF8PROC_COMPAT : 0);
  std::string utf8;
  for (char32_t cp : text) {
    utf8proc_uint8_t bytes[4];
    utf8proc_ssize_t len = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), bytes);
    utf8.append(reinterpret_cast<const char *>(bytes), static_cast<std::size_t>(len));
  }
  utf8proc_uint8_t *mapped = nullptr;
  utf8proc_ssize_t length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t *>(utf8.data()),
                                         static_cast<utf8proc_ssize_t>(utf8.size()), &mapped,
                                         static_cast<utf8proc_option_t>(flags));
  std::u32string out;
  for (utf8proc_ssize_t i = 0; i < length;) {
    utf8proc_int32_t cp;
    i += utf8proc_iterate(mapped + i, length - i, &cp);
    out += static_cast<char32_t>(cp);
  }
  std::free(mapped);
  return out;
}

// Code points that begin some canonical composition: those whose
// decomposition's first code point they are, found by decomposing every
// assigned BMP and SMP code point.
std::vector<char32_t> composition_firsts() {
  std::vector<bool> seen(0x110000, false);
  std::vector<char32_t> firsts;
  for (char32_t cp = 0; cp < 0x20000; ++cp) {
    utf8proc_int32_t parts[4];
    int last_boundclass = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), parts, 4, UTF8PROC_DECOMPOSE,
                                                 &last_boundclass);
    if (n >= 2 && !seen[static_cast<std::size_t>(parts[0])]) {
      seen[static_cast<std::size_t>(parts[0])] = true;
      firsts.push_back(static_cast<char32_t>(parts[0]));
    }
  }
  firsts.push_back(0x1100);  // Hangul L jamo, composed algorithmically
  firsts.push_back(0xAC00);  // Hangul LV syllable
  return firsts;
}

}  // namespace

TEST_CASE("inert code points map to themselves and compose with nothing before them", "[normalize]") {
  const std::vector<char32_t> firsts = composition_firsts();
  REQUIRE(firsts.size() > 300);
  for (UnicodeForm form : {UnicodeForm::nfc, UnicodeForm::nfkc}) {
    std::size_t inert = 0;
    for (char32_t cp = 0x20; cp < 0x20000; ++cp) {
      if (!is_normalization_inert(cp, form) || (cp >= 0x7F && cp <= 0x9F)) continue;
      ++inert;
      INFO("U+" << std::hex << static_cast<unsigned>(cp) << (form == UnicodeForm::nfc ? " NFC" : " NFKC"));
      REQUIRE(utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->combining_class == 0);
      REQUIRE(map(std::u32string(1, cp), form) == std::u32string(1, cp));
    }
    CHECK(inert > 20000);
  }
  // Pairs: only the code points above U+0300 that are inert (below it the
  // old rule, which utf8proc's own tables confirm, is kept), after every
  // composition first.
  std::u32string seconds;
  auto sampled = [](char32_t cp) {  // large blocks that compose with nothing: a sample each
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1F300 && cp <= 0x1FAFF);
  };
  for (char32_t cp = 0x300; cp < 0x20000; ++cp)
    if (is_normalization_inert(cp, UnicodeForm::nfc) && !sampled(cp)) seconds += cp;
  seconds += U"\u4E00\u6587\u9FFF\uAC00\uAC01\uB294\uD7A3\U0001F300\U0001F600\U0001FAFF";
  for (char32_t first : firsts) {
    for (char32_t second : seconds) {
      std::u32string pair{first, second};
      std::u32string expected = map(std::u32string(1, first), UnicodeForm::nfc) + second;
      INFO("U+" << std::hex << static_cast<unsigned>(first) << " U+" << static_cast<unsigned>(second));
      REQUIRE(map(pair, UnicodeForm::nfc) == expected);
    }
  }
}

TEST_CASE("the one-pass normalisation equals the stepwise one", "[normalize]") {
  using postparse::impl::extract::normalize_paragraph;
  using postparse::impl::extract::normalize_paragraph_stepwise;
  using postparse::impl::extract::NormalizeOptions;
  // Pieces that take every branch: ASCII runs, white space of every kind
  // (source and explicit breaks, U+3000, NBSP), controls (C0, DEL, C1),
  // CJK and kana (inert), a voicing mark and a combining acute (not),
  // invisibles and a ZWJ emoji, fullwidth letters (inert for NFC only),
  // the newer inert ranges and a Hangul composition,
  // ill-formed bytes (a lone continuation, a truncated sequence, an
  // overlong, a surrogate).
  static const char *const pieces[] = {
      "ab", "Zz.", " ", "  ", "\t", "\n", "\r", "\r\n", "\x0B", "\x0C", "\xC2\x85", "\xE3\x80\x80", "\xC2\xA0",
      "\x01", "\x1B", "\x7F", "\xC2\x9B", "\xE4\xB8\xAD", "\xE6\x96\x87", "\xE3\x81\x8B", "\xE3\x82\x99",
      "e\xCC\x81", "\xC3\xA9", "\xE2\x80\x8B", "\xC2\xAD", "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9",
      "\xEF\xBC\xA1", "\xE2\x80\x9C", "\x80", "\xE4\xB8", "\xC0\xAF", "\xED\xA0\x80", "\xEF\xBF\xBD",
      // kana prolonged sound mark, box drawing, an arrow, an emoji, Hangul
      // syllables and a trailing jamo (U+AC00 U+11A8 composes to U+AC01)
      "\xE3\x83\xBC", "\xE2\x94\x80", "\xE2\x86\x92", "\xF0\x9F\x98\x80", "\xEA\xB0\x80", "\xEB\x8A\x94",
      "\xE1\x86\xA8"};
  test::Lcg random(12345);
  for (int round = 0; round < 20000; ++round) {
    const std::string text = test::random_text(random, pieces, 12);
    for (UnicodeForm form : {UnicodeForm::nfc, UnicodeForm::nfkc, UnicodeForm::none}) {
      for (bool breaks : {true, false}) {
        NormalizeOptions options{form, false, breaks};
        INFO("text bytes: " << text.size() << " round " << round);
        REQUIRE(normalize_paragraph(text, options) == normalize_paragraph_stepwise(text, options));
      }
    }
  }
}
