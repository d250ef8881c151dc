// The HTML tokenizer's input reader: the byte classes that end runs of
// ordinary characters, the run scanner (SSE2 where available), and the
// decoding of one character with the input stream's preprocessing and
// parse errors (UTF-8 decoding as the WHATWG Encoding standard does it,
// CR LF and CR to LF, control characters, noncharacters).
#include "html/tokenizer_impl.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace postparse::impl::html {

namespace {

constexpr bool is_run_stop_common(unsigned b) {
  // NUL, CR, controls other than tab/LF/FF, DEL, non-ASCII.
  return b < 0x20 ? !(b == '\t' || b == '\n' || b == '\f') : b >= 0x7F;
}

constexpr StopTables make_stop_tables() {
  StopTables t{};
  const char *extra[kClassCount] = {};
  extra[kClassData] = "<&";
  extra[kClassRawtext] = "<";
  extra[kClassPlaintext] = "";
  extra[kClassScriptEscaped] = "-<";
  extra[kClassTagName] = "\t\n\f />";
  extra[kClassAttrName] = "\t\n\f />=\"'<";
  extra[kClassAttrDouble] = "\"&";
  extra[kClassAttrSingle] = "'&";
  extra[kClassAttrUnquoted] = "\t\n\f &>\"'<=`";
  extra[kClassComment] = "<-";
  extra[kClassBogusComment] = ">";
  extra[kClassDoctypeName] = "\t\n\f >";
  extra[kClassIdDouble] = "\">";
  extra[kClassIdSingle] = "'>";
  extra[kClassCdata] = "]";
  for (int c = 0; c < kClassCount; ++c) {
    for (unsigned b = 0; b < 256; ++b) t.stop[c][b] = is_run_stop_common(b) ? 1 : 0;
    for (const char *e = extra[c]; *e; ++e) t.stop[c][static_cast<unsigned char>(*e)] = 1;
    if (c == kClassTagName || c == kClassAttrName || c == kClassDoctypeName) {
      for (unsigned b = 'A'; b <= 'Z'; ++b) t.stop[c][b] = 1;  // lowercased one by one
    }
  }
  return t;
}

// The classes whose stop bytes are the common ones plus at most two more
// can be scanned 16 bytes at a time: {enabled, extra 1, extra 2}.
struct SimdStops {
  bool enabled;
  char c1, c2;
};
constexpr SimdStops kSimdStops[kClassCount] = {
    {true, '<', '&'},    // kClassData
    {true, '<', '<'},    // kClassRawtext
    {true, 0x7F, 0x7F},  // kClassPlaintext
    {true, '-', '<'},    // kClassScriptEscaped
    {false, 0, 0},       // kClassTagName
    {false, 0, 0},       // kClassAttrName
    {true, '"', '&'},    // kClassAttrDouble
    {true, '\'', '&'},   // kClassAttrSingle
    {false, 0, 0},       // kClassAttrUnquoted
    {true, '<', '-'},    // kClassComment
    {true, '>', '>'},    // kClassBogusComment
    {false, 0, 0},       // kClassDoctypeName
    {true, '"', '>'},    // kClassIdDouble
    {true, '\'', '>'},   // kClassIdSingle
    {true, ']', ']'},    // kClassCdata
};

}  // namespace

constexpr StopTables kStopTables = make_stop_tables();

#if defined(__SSE2__)
namespace {

// Moves p over whole 16-byte blocks of 3-byte UTF-8 sequences (five
// characters per block) that need no decoding work: leads E1..EF except ED,
// no noncharacter (EF B7 xx, EF BF xx are left to the scalar path).  This is
// most of CJK text, its punctuation included.
std::size_t skip_utf8_3byte_blocks(const unsigned char *s, std::size_t p, std::size_t n) {
  const __m128i e1 = _mm_set1_epi8(static_cast<char>(0xE1)), fourteen = _mm_set1_epi8(14);
  const __m128i c0 = _mm_set1_epi8(static_cast<char>(0xC0)), x80 = _mm_set1_epi8(static_cast<char>(0x80));
  const __m128i ed = _mm_set1_epi8(static_cast<char>(0xED)), ef = _mm_set1_epi8(static_cast<char>(0xEF));
  const __m128i b7 = _mm_set1_epi8(static_cast<char>(0xB7)), bf = _mm_set1_epi8(static_cast<char>(0xBF));
  constexpr unsigned kLeads = 0x1249, kConts = 0x36DB;  // bits 0,3,6,9,12 and the others below 15
  while (p + 16 <= n) {
    __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(s + p));
    __m128i y = _mm_sub_epi8(x, e1);
    unsigned leads = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(y, fourteen), y)));
    unsigned conts = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(x, c0), x80)));
    if ((leads & 0x7FFF) != kLeads || (conts & 0x7FFF) != kConts) break;
    if (_mm_movemask_epi8(_mm_cmpeq_epi8(x, ed)) & kLeads) break;
    unsigned efs = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, ef))) & kLeads;
    if (efs != 0) {
      unsigned risky = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, b7), _mm_cmpeq_epi8(x, bf))));
      if ((efs << 1) & risky) break;
    }
    p += 15;
  }
  return p;
}

}  // namespace
#endif

std::size_t Tokenizer::Impl::run_end(std::size_t p, ByteClass cls) const {
  const std::uint8_t *stop = kStopTables.stop[cls];
  const unsigned char *s = bytes();
  const std::size_t n = n_;
#if defined(__SSE2__)
  const SimdStops &simd = kSimdStops[cls];
  const __m128i below = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7F), lf = _mm_set1_epi8('\n');
  const __m128i x1 = _mm_set1_epi8(simd.c1), x2 = _mm_set1_epi8(simd.c2);
#endif
  for (;;) {
    bool found = false;
#if defined(__SSE2__)
    // Bytes below 0x20 but LF (signed: non-ASCII too), DEL and the two
    // extras are looked at one by one.
    if (simd.enabled) {
      while (p + 16 <= n) {
        __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(s + p));
        __m128i ctl = _mm_andnot_si128(_mm_cmpeq_epi8(x, lf), _mm_cmplt_epi8(x, below));
        __m128i m = _mm_or_si128(_mm_or_si128(ctl, _mm_cmpeq_epi8(x, del)),
                                 _mm_or_si128(_mm_cmpeq_epi8(x, x1), _mm_cmpeq_epi8(x, x2)));
        unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(m));
        if (mask != 0) {
          p += static_cast<std::size_t>(__builtin_ctz(mask));
          found = true;
          break;
        }
        p += 16;
      }
    }
#endif
    if (!found) {
      while (p < n && !stop[s[p]]) ++p;
    }
    if (p >= n) return n;
    unsigned b = s[p];
    if (b < 0x80) {
      if (stop[b]) return p;
      ++p;  // tab, FF
      continue;
    }
    // A run of non-ASCII characters.
#if defined(__SSE2__)
    p = skip_utf8_3byte_blocks(s, p, n);
    if (p >= n) return n;
    b = s[p];
    if (b < 0x80) continue;
#endif
    do {
      if (b >= 0xE1 && b <= 0xEF && b != 0xED && p + 2 < n && (s[p + 1] & 0xC0) == 0x80 &&
          (s[p + 2] & 0xC0) == 0x80 && (b != 0xEF || (s[p + 1] != 0xB7 && s[p + 1] != 0xBF))) {
        p += 3;  // most of the BMP, CJK included: nothing to check
      } else if (b >= 0xC3 && b <= 0xDF && p + 1 < n && (s[p + 1] & 0xC0) == 0x80) {
        p += 2;
      } else {
        std::size_t l = utf8_plain_length(s + p, s + n);
        if (l == 0) return p;
        p += l;
      }
    } while (p < n && (b = s[p]) >= 0x80);
  }
}

// --- input -------------------------------------------------------------------

int Tokenizer::Impl::peek_slow() {
  const unsigned char *s = bytes();
  unsigned b = s[pos_];
  if (b < 0x80) {
    len_ = 1;
    if (b == '\r') {
      if (pos_ + 1 < n_ && s[pos_ + 1] == '\n') len_ = 2;
      return '\n';
    }
    if (b == 0 || b == '\t' || b == '\n' || b == '\f') return static_cast<int>(b);
    if (pos_ >= checked_) {
      checked_ = pos_ + 1;
      error("control-character-in-input-stream");
    }
    return static_cast<int>(b);
  }
  // The WHATWG UTF-8 decoder: one U+FFFD per maximal subpart.
  std::size_t need;
  unsigned lower = 0x80, upper = 0xBF;
  std::uint32_t cp;
  if (b >= 0xC2 && b <= 0xDF) {
    need = 1;
    cp = b & 0x1F;
  } else if (b >= 0xE0 && b <= 0xEF) {
    need = 2;
    cp = b & 0x0F;
    if (b == 0xE0) lower = 0xA0;
    if (b == 0xED) upper = 0x9F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    need = 3;
    cp = b & 0x07;
    if (b == 0xF0) lower = 0x90;
    if (b == 0xF4) upper = 0x8F;
  } else {
    need = 0;
    cp = 0;
  }
  std::size_t i = 1;
  bool ok = need != 0;
  for (; ok && i <= need; ++i) {
    if (pos_ + i >= n_) {
      ok = false;
      break;
    }
    unsigned c = s[pos_ + i];
    if (c < lower || c > upper) {
      ok = false;
      break;
    }
    cp = (cp << 6) | (c & 0x3F);
    lower = 0x80;
    upper = 0xBF;
  }
  len_ = i;
  bool report = pos_ >= checked_;
  if (report) checked_ = pos_ + len_;
  if (!ok) {
    if (report) error("invalid-utf-8-sequence");
    return 0xFFFD;
  }
  if (report) {
    if (cp <= 0x9F) error("control-character-in-input-stream");
    else if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) error("noncharacter-in-input-stream");
  }
  return static_cast<int>(cp);
}

bool Tokenizer::Impl::lookahead(std::string_view word, bool ci) const {
  if (n_ - pos_ < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = in_[pos_ + i];
    if (ci) c = ascii_lower(static_cast<unsigned char>(c));
    if (c != word[i]) return false;
  }
  return true;
}

}  // namespace postparse::impl::html
