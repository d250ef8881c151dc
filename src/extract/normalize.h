// Text normalisation: turns the text of one paragraph, as collected from the
// DOM, into the clean text a reader sees (white space collapsed, invisible
// characters dropped, Unicode-normalised), plus small character predicates
// shared by the other extraction stages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace postparse::impl::extract {

enum class UnicodeForm { nfc, nfkc, none };

// Kept an aggregate: callers write NormalizeOptions{form, raw, keep_line_breaks}.
struct NormalizeOptions {
  UnicodeForm form = UnicodeForm::nfc;
  // Keep the text as collected (no whitespace work, no dropping of
  // invisible characters, no NFC); only control characters are dealt with.
  bool raw = false;
  // Explicit breaks (from <br>) are '\n' in the input and kept as '\n' in the output.
  bool keep_line_breaks = true;
};

// `text` is UTF-8, possibly invalid: each maximal ill-formed subsequence
// becomes one U+FFFD.  In it, '\n' means an explicit line break (from <br>)
// and '\r' a line break of the source's formatting; all white space but '\n'
// is collapsible.  In every form, raw included, control characters (C0 but
// tab and '\n', DEL, C1 U+0080-U+009F) never reach the result: the result
// holds no control character but '\n' and, in raw text only, the tab.
// With `options.raw` the text is otherwise kept as written, white space
// included, except that a source line break ('\r') becomes '\n' and the
// other white-space controls (VT, FF, NEL) a space.  Unless `options.raw`:
// - control characters are dropped, the white-space ones (tab, VT, FF, CR,
//   NEL) being white space below;
// - zero-width characters (U+200B, U+200C, U+2060, U+FEFF) and soft hyphens
//   are dropped, and so is U+200D except inside emoji ZWJ sequences;
// - the text is normalised to options.form;
// - each run of white space becomes one U+0020, or nothing at either end of
//   the paragraph, around a '\n', or between two CJK characters when the
//   run holds a source line break ('\r') — a written space there stays;
// - runs of '\n' become one '\n' (or collapsible space without
//   keep_line_breaks).
// The result is valid UTF-8 in the requested form, and normalising it again
// with the same options returns it unchanged.
std::string normalize_paragraph(std::string_view text, const NormalizeOptions &options);

// normalize_paragraph without its one-pass shortcut for common text: every
// step on a code point buffer.  The same result by definition; tests compare
// the two.
std::string normalize_paragraph_stepwise(std::string_view text, const NormalizeOptions &options);

// True when the text has nothing visible: only white space (any Unicode
// White_Space, '\n' included), zero-width characters (U+200B-U+200D,
// U+2060, U+FEFF) and soft hyphens.  The empty text is blank; invalid UTF-8
// is not (it shows as U+FFFD).
bool is_blank(std::string_view text);

// Length in characters of already normalised text (valid UTF-8, as
// normalisation makes it): code points, not bytes or words.  Counted as the
// bytes that start a character, without decoding: classification counts
// every paragraph and every link.
std::size_t char_count(std::string_view text);

// Whether `form` maps the code point to itself whatever surrounds it: no
// decomposition the form applies (or one that recomposes to itself, as kana
// with a voicing mark), combining class 0, never the second of a composing
// pair.  A text of such code points is already normalised, so normalisation
// can skip the library.  Below U+0300 for NFC (U+00A0 for NFKC) covers most
// Latin text; CJK ideographs, kana, CJK and general punctuation and
// fullwidth forms (NFC only) cover most CJK text.  Conservative: false for
// everything not listed.  test_normalize checks every one against utf8proc.
bool is_normalization_inert(char32_t cp, UnicodeForm form);

// Ends with ':' or '：', like a label or a lead-in ("Steam 平台：", "类型:"):
// the line introduces what follows (link density spares it; segmentation
// never cuts it from its value).
inline bool ends_as_lead_in(std::string_view text) {
  return (text.size() >= 3 && text.substr(text.size() - 3) == "\xEF\xBC\x9A") || (!text.empty() && text.back() == ':');
}

// char_count(text) > limit, looking at no more of the text than it needs.
bool char_count_exceeds(std::string_view text, std::size_t limit);

// True for code points of CJK scripts: Han (incl. radicals, strokes,
// compatibility ideographs, planes 2-3), Hiragana, Katakana, Bopomofo,
// Hangul (syllables and jamo), CJK symbols and punctuation, enclosed CJK,
// CJK compatibility and vertical forms, and halfwidth/fullwidth forms.
// General punctuation such as “” is not CJK by script, see
// normalize_paragraph for how it joins CJK text.
bool is_cjk(char32_t cp);

}  // namespace postparse::impl::extract
