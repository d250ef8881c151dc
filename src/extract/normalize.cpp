#include "extract/normalize.h"

#include "common/utf8.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace postparse::impl::extract {
namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr char32_t kZwj = 0x200D;

// ---------------------------------------------------------------- UTF-8 ----

// Bytes covered by one U+FFFD when decoding fails at `s`: the lead byte plus
// the continuation bytes that could still have begun a valid sequence (the
// "maximal subpart" of Unicode 3.9 / WHATWG), so a truncated character gives
// one U+FFFD, as a browser shows it, and a stray byte never swallows the next
// character.  Always at least 1.
std::size_t ill_formed_length(const unsigned char *s, std::size_t n) {
  unsigned char lead = s[0], lo = 0x80, hi = 0xBF;
  std::size_t trail;
  if (lead >= 0xC2 && lead <= 0xDF) {
    trail = 1;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    trail = 2;
    if (lead == 0xE0) lo = 0xA0;  // overlong
    if (lead == 0xED) hi = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    trail = 3;
    if (lead == 0xF0) lo = 0x90;  // overlong
    if (lead == 0xF4) hi = 0x8F;  // beyond U+10FFFF
  } else {
    return 1;  // continuation byte, C0/C1 or F5-FF: never starts a character
  }
  std::size_t length = 1;
  while (length <= trail && length < n && s[length] >= lo && s[length] <= hi) {
    ++length;
    lo = 0x80, hi = 0xBF;  // only the second byte has a narrowed range
  }
  return length;
}

// The code point of the well-formed non-ASCII UTF-8 sequence at s[0..n)
// into *cp, and its length; 0 (and *cp unchanged) when the bytes are
// ill-formed (utf8_sequence_length says which are).  Written out rather
// than calling utf8proc_iterate: it runs for every non-ASCII character of
// every paragraph.
std::size_t decode_one(const unsigned char *s, std::size_t n, char32_t *cp) {
  const std::size_t length = utf8_sequence_length(s, n);
  if (length < 2) return 0;
  char32_t value = s[0] & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) value = (value << 6) | (s[k] & 0x3F);
  *cp = value;
  return length;
}

// Calls visit(cp) for each code point of `text` (U+FFFD for ill-formed
// bytes) until it returns false; the one decoder every function here shares,
// so they all agree on what the code points of a text are.
template <typename Visit>
void for_each_code_point(std::string_view text, Visit &&visit) {
  const auto *s = reinterpret_cast<const unsigned char *>(text.data());
  std::size_t i = 0, n = text.size();
  while (i < n) {
    if (s[i] < 0x80) {  // ASCII needs no library call
      if (!visit(static_cast<char32_t>(s[i]))) return;
      ++i;
      continue;
    }
    char32_t cp = kReplacement;
    std::size_t length = decode_one(s + i, n - i, &cp);
    if (!visit(cp)) return;
    i += length > 0 ? length : ill_formed_length(s + i, n - i);
  }
}

std::u32string decode(std::string_view text) {
  std::u32string cps;
  cps.reserve(text.size());
  for_each_code_point(text, [&](char32_t cp) {
    cps.push_back(cp);
    return true;
  });
  return cps;
}

std::string encode(const std::u32string &cps) {
  std::string out;
  out.reserve(cps.size() * 3);
  for (char32_t cp : cps) append_utf8(out, cp);
  return out;
}

// ------------------------------------------------------ character classes ----

// Unicode White_Space, '\n' included (callers decide what '\n' means).
bool is_white_space(char32_t cp) {
  return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000;
}

// Characters that take no room on screen: zero-width space/non-joiner/joiner,
// word joiner, BOM (an old word joiner) and the soft hyphen, which only shows
// where a browser hyphenates.
bool is_invisible(char32_t cp) {
  return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF || cp == 0xAD;
}

int boundclass(char32_t cp) {
  return utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->boundclass;
}

bool is_hangul(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F) || (cp >= 0xA960 && cp <= 0xA97F) ||
         (cp >= 0xAC00 && cp <= 0xD7FF) || (cp >= 0xFFA0 && cp <= 0xFFDC);
}

// Scripts written without spaces between words: CJK except Hangul (Korean
// separates words with spaces), plus the general-punctuation quotes Chinese
// uses (“” ‘’), which belong to no script.
bool closes_up(char32_t cp) {
  return (is_cjk(cp) && !is_hangul(cp)) || cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D;
}

// Combining marks (e.g. the kana voicing mark U+3099) attach to what precedes
// them; removing the space before one would change, and un-normalise, the
// preceding character.
bool is_mark(char32_t cp) {
  utf8proc_category_t category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_MC ||
         category == UTF8PROC_CATEGORY_ME;
}

// A space between `left` and `right` disappears when both belong to text
// written without spaces (at least one of them a CJK character: two quotes,
// as in English “a” “b”, keep theirs).
bool joins_without_space(char32_t left, char32_t right) {
  bool cjk_side = (is_cjk(left) && !is_hangul(left)) || (is_cjk(right) && !is_hangul(right));
  return cjk_side && closes_up(left) && closes_up(right) && !is_mark(right);
}

// -------------------------------------------------------------- the steps ----

// A ZWJ glues emoji into one glyph (👨‍👩‍👧, ❤️‍🔥): it stays when it follows
// an Extended_Pictographic character (skipping Extend ones such as U+FE0F
// or skin tones, as grapheme rule GB11 does) and precedes another.
// utf8proc's grapheme boundclass carries Extended_Pictographic.
bool keeps_zwj(const std::u32string &cps, std::size_t kept, std::size_t next) {
  if (next >= cps.size() || boundclass(cps[next]) != UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC) return false;
  std::size_t i = kept;
  while (i > 0 && boundclass(cps[i - 1]) == UTF8PROC_BOUNDCLASS_EXTEND) --i;
  return i > 0 && boundclass(cps[i - 1]) == UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC;
}

// Control characters (C0 but tab and line feed, DEL, C1) drive terminals
// (ESC starts escape sequences) and mean nothing in text: they never reach
// the output.  The ones that are White_Space (VT, FF, CR, NEL) are left to
// the white-space rules; `raw` text gets no such rules, so there CR (the
// marker of a source line break) becomes the line break '\n' it stands
// for and the others a space.
bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

void drop_controls(std::u32string &cps, bool raw) {
  std::size_t kept = 0;
  for (char32_t cp : cps) {
    if (cp == '\t' || cp == '\n' || !is_control(cp)) {
      cps[kept++] = cp;
    } else if (is_white_space(cp)) {
      cps[kept++] = !raw ? cp : cp == '\r' ? U'\n' : U' ';
    }
  }
  cps.resize(kept);
}

// Removes invisible characters in place.  Runs before normalisation so that
// what they separated (e + U+00AD + U+0301) can compose.
void drop_invisible(std::u32string &cps) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    char32_t cp = cps[i];
    if (is_invisible(cp) && !(cp == kZwj && keeps_zwj(cps, kept, i + 1))) continue;
    cps[kept++] = cp;
  }
  cps.resize(kept);
}

bool needs_normalizing(const std::u32string &cps, UnicodeForm form) {
  for (char32_t cp : cps)
    if (!is_normalization_inert(cp, form)) return true;
  return false;
}

// Runs before white space is collapsed, so that white space NFKC produces
// (U+3000, NBSP, U+2000-U+200A all become U+0020) is collapsed too, and the
// CJK rule sees the characters the reader gets (NFKC turns fullwidth Latin
// into ASCII, which keeps its spaces).
std::u32string apply_form(std::u32string cps, UnicodeForm form) {
  if (!needs_normalizing(cps, form)) return cps;
  std::string utf8 = encode(cps);
  int flags = UTF8PROC_STABLE | UTF8PROC_COMPOSE | (form == UnicodeForm::nfkc ? UTF8PROC_COMPAT : 0);
  utf8proc_uint8_t *mapped = nullptr;
  utf8proc_ssize_t length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t *>(utf8.data()),
                                         static_cast<utf8proc_ssize_t>(utf8.size()), &mapped,
                                         static_cast<utf8proc_option_t>(flags));
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
  if (length < 0) return cps;  // only on allocation failure: unnormalised text beats none
  return decode(std::string_view(reinterpret_cast<const char *>(mapped), static_cast<std::size_t>(length)));
}

// Writes the output one code point at a time.  White space is only noted and
// turned into a separator when the next visible character arrives, so runs
// collapse to one, and white space at either end, or around a line break,
// never reaches the output.
class Collapser {
 public:
  explicit Collapser(std::size_t capacity) { out_.reserve(capacity); }

  // `soft`: the white space comes from a line break in the source, which
  // between CJK characters joins without a space (a written space there,
  // as between names, stays).
  void space(bool soft) {
    pending_space_ = true;
    pending_soft_ = pending_soft_ || soft;
  }
  void line_break() { pending_break_ = true; }

  // Notes white space: '\n' is a line break when line breaks are kept,
  // other white space a (soft, for source line breaks) space.  False for
  // anything else, which the caller writes.
  bool separator(char32_t cp, bool keep_line_breaks) {
    if (cp == '\n' && keep_line_breaks) line_break();
    else if (is_white_space(cp)) space(cp == '\r' || cp == '\n');
    else return false;
    return true;
  }

  void visible(char32_t cp) {
    separate_from(cp);
    append_utf8(out_, cp);
    last_ = cp;
  }

  // A run of visible characters that starts with `first` and ends with
  // `last`, already UTF-8 (the input's own bytes).
  void visible_run(std::string_view utf8, char32_t first, char32_t last) {
    separate_from(first);
    out_.append(utf8);
    last_ = last;
  }

  std::string take() { return std::move(out_); }

 private:
  void separate_from(char32_t next) {
    if (has_last_) write_separator(next);
    pending_space_ = pending_break_ = pending_soft_ = false;
    has_last_ = true;
  }

  // A line break absorbs the white space around it and the breaks after it.
  void write_separator(char32_t next) {
    if (pending_break_)
      out_ += '\n';
    else if (pending_space_ && !(pending_soft_ && joins_without_space(last_, next)))
      out_ += ' ';
  }

  std::string out_;
  char32_t last_ = 0;
  bool has_last_ = false, pending_space_ = false, pending_break_ = false, pending_soft_ = false;
};

std::string collapse(const std::u32string &cps, bool keep_line_breaks) {
  Collapser collapser(cps.size() * 3);
  for (char32_t cp : cps)
    if (!collapser.separator(cp, keep_line_breaks)) collapser.visible(cp);
  return collapser.take();
}

// Blocks of CJK scripts, sorted; see is_cjk in the header for what they are.
struct Range {
  char32_t first, last;
};
constexpr Range kCjkRanges[] = {
    {0x1100, 0x11FF},    // Hangul Jamo
    {0x2E80, 0x2FDF},    // CJK Radicals Supplement, Kangxi Radicals
    {0x2FF0, 0x4DBF},    // Ideographic Description .. CJK Compatibility, Extension A
    {0x4E00, 0x9FFF},    // CJK Unified Ideographs
    {0xA960, 0xA97F},    // Hangul Jamo Extended-A
    {0xAC00, 0xD7FF},    // Hangul Syllables, Jamo Extended-B
    {0xF900, 0xFAFF},    // CJK Compatibility Ideographs
    {0xFE10, 0xFE1F},    // Vertical Forms
    {0xFE30, 0xFE6F},    // CJK Compatibility Forms, Small Form Variants
    {0xFF00, 0xFFEF},    // Halfwidth and Fullwidth Forms
    {0x16FE0, 0x16FFF},  // Ideographic Symbols and Punctuation
    {0x1AFF0, 0x1B16F},  // Kana Extended-B, Supplement, Extended-A, Small Kana
    {0x1F200, 0x1F2FF},  // Enclosed Ideographic Supplement
    {0x20000, 0x3FFFF},  // planes 2 and 3: CJK Extensions B and later
};

}  // namespace

// The ranges are the scripts and symbols real posts are written in (CJK,
// kana with its middle dot and prolonged sound mark, Hangul syllables,
// emoji; for NFC also punctuation, arrows, mathematical operators, box
// drawing, shapes and dingbats): a paragraph made of them takes the one-pass
// path.  test_normalize_inert.cpp checks every code point claimed here
// against utf8proc, alone and after every composition first.
bool is_normalization_inert(char32_t cp, UnicodeForm form) {
  if (form == UnicodeForm::none) return true;
  bool common = (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3041 && cp <= 0x3096) ||
                (cp >= 0x30A1 && cp <= 0x30FC) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
                (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x2500 && cp <= 0x25FF) || cp == kReplacement;
  if (form == UnicodeForm::nfkc) return cp < 0xA0 || common;
  return cp < 0x300 || common || (cp >= 0x2002 && cp <= 0x205E) || (cp >= 0x2190 && cp <= 0x22FF) ||
         (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x3000 && cp <= 0x3029) || (cp >= 0x3030 && cp <= 0x303F) ||
         (cp >= 0xFF01 && cp <= 0xFF60);
}

bool is_cjk(char32_t cp) {
  if (cp < kCjkRanges[0].first) return false;  // all of Latin, Greek, Cyrillic, ... in one test
  for (const Range &range : kCjkRanges)
    if (cp >= range.first && cp <= range.last) return true;
  return false;
}

namespace {

// Raw text in one pass: drop_controls(raw) and encode.
std::string normalize_raw(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for_each_code_point(text, [&](char32_t cp) {
    if (cp == '\t' || cp == '\n' || !is_control(cp))
      append_utf8(out, cp);
    else if (is_white_space(cp))
      out += cp == '\r' ? '\n' : ' ';
    return true;
  });
  return out;
}

bool is_printable_ascii(unsigned char c) { return c > 0x20 && c < 0x7F; }

// The common case in one pass, without decoding into a code point buffer:
// text with no invisible character and only inert code points, for which
// drop_invisible and apply_form change nothing, so the steps reduce to
// drop_controls and collapse, and visible characters are copied as written,
// a run of them (a word, or a line of CJK) at once.  False (and *out
// unspecified) as soon as a character needs the full steps.
bool normalize_simple(std::string_view text, const NormalizeOptions &options, std::string *out) {
  const auto *s = reinterpret_cast<const unsigned char *>(text.data());
  const std::size_t n = text.size();
  Collapser collapser(n);
  // The run of visible characters being read: text[run, i), from `first`
  // to `last`.
  constexpr std::size_t kNoRun = std::string_view::npos;
  std::size_t run = kNoRun;
  char32_t first = 0, last = 0;
  auto extend_run = [&](std::size_t at, char32_t cp) {
    if (run == kNoRun) run = at, first = cp;
    last = cp;
  };
  auto end_run = [&](std::size_t at) {
    if (run != kNoRun) collapser.visible_run(text.substr(run, at - run), first, last);
    run = kNoRun;
  };
  for (std::size_t i = 0; i < n;) {
    if (is_printable_ascii(s[i])) {
      // Printable ASCII, and single spaces between such characters: the
      // collapser would write each of those spaces as it is.
      std::size_t end = i + 1;
      for (;;) {
        while (end < n && is_printable_ascii(s[end])) ++end;
        if (end + 1 < n && s[end] == ' ' && is_printable_ascii(s[end + 1])) {
          end += 2;
          continue;
        }
        break;
      }
      extend_run(i, s[i]);
      last = s[end - 1];
      i = end;
      continue;
    }
    char32_t cp = s[i];
    std::size_t length = 1;
    bool ill_formed = false;
    if (cp >= 0x80) {
      length = decode_one(s + i, n - i, &cp);
      if (length == 0) {  // one U+FFFD, as for_each_code_point reads it
        cp = kReplacement;
        length = ill_formed_length(s + i, n - i);
        ill_formed = true;
      }
    }
    if (is_white_space(cp)) {
      end_run(i);
      collapser.separator(cp, options.keep_line_breaks);
    } else if (is_control(cp)) {
      end_run(i);  // dropped (the white-space controls were handled above)
    } else if (is_invisible(cp) || !is_normalization_inert(cp, options.form)) {
      return false;
    } else if (ill_formed) {
      end_run(i);
      collapser.visible(cp);
    } else {
      extend_run(i, cp);
    }
    i += length;
  }
  end_run(n);
  *out = collapser.take();
  return true;
}

}  // namespace

std::string normalize_paragraph(std::string_view text, const NormalizeOptions &options) {
  if (options.raw) return normalize_raw(text);
  std::string out;
  if (normalize_simple(text, options, &out)) return out;
  return normalize_paragraph_stepwise(text, options);
}

std::string normalize_paragraph_stepwise(std::string_view text, const NormalizeOptions &options) {
  if (options.raw) return normalize_raw(text);
  std::u32string cps = decode(text);
  drop_controls(cps, false);
  drop_invisible(cps);
  cps = apply_form(std::move(cps), options.form);
  return collapse(cps, options.keep_line_breaks);
}

bool is_blank(std::string_view text) {
  bool blank = true;
  for_each_code_point(text, [&](char32_t cp) {
    blank = is_white_space(cp) || is_invisible(cp);
    return blank;  // stop at the first visible character
  });
  return blank;
}

std::size_t char_count(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) count += !is_utf8_continuation(c);
  return count;
}

bool char_count_exceeds(std::string_view text, std::size_t limit) {
  // A character takes 1 to 4 bytes.
  if (text.size() <= limit) return false;
  if (text.size() / 4 > limit) return true;
  std::size_t count = 0;
  for (char c : text)
    if (!is_utf8_continuation(c) && ++count > limit) return true;
  return false;
}

}  // namespace postparse::impl::extract
