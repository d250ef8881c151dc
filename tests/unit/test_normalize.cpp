// Paragraph text normalisation: white space, invisible characters, CJK
// spacing, Unicode forms, invalid UTF-8 and the character predicates.
#include <utf8proc.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>
#include <vector>

#include "extract/normalize.h"

using postparse::impl::extract::char_count;
using postparse::impl::extract::is_blank;
using postparse::impl::extract::is_cjk;
using postparse::impl::extract::normalize_paragraph;
using postparse::impl::extract::NormalizeOptions;
using postparse::impl::extract::UnicodeForm;

namespace {

std::string norm(std::string_view text, NormalizeOptions options = {}) {
  return normalize_paragraph(text, options);
}

NormalizeOptions with_form(UnicodeForm form) {
  return NormalizeOptions{form, false, true};
}
NormalizeOptions without_breaks() {
  return NormalizeOptions{UnicodeForm::nfc, false, false};
}

// utf8proc's own NFC of valid UTF-8, to check outputs are in NFC.
std::string reference_nfc(const std::string &text) {
  utf8proc_uint8_t *out = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t *>(text.c_str()));
  std::string result = out ? reinterpret_cast<const char *>(out) : "<invalid>";
  std::free(out);
  return result;
}

}  // namespace

TEST_CASE("normalize: ideographic-space indent is removed", "[normalize]") {
  CHECK(norm("\u3000\u30007月31日下午，省委召开") == "7月31日下午，省委召开");
}

TEST_CASE("normalize: runs of white space collapse to one space", "[normalize]") {
  CHECK(norm("a\u00A0\u00A0b") == "a b");
  CHECK(norm("a  \t b") == "a b");
  // Every White_Space character other than '\n'.
  CHECK(norm("a\t\v\f\r\u0085\u00A0\u1680\u2000\u2005\u200A\u2028\u2029\u202F\u205F\u3000b") == "a b");
  CHECK(norm("a\u2003b") == "a b");
}

TEST_CASE("normalize: leading and trailing white space is removed", "[normalize]") {
  CHECK(norm("  a b  ") == "a b");
  CHECK(norm("\u00A0\u3000word\u2009") == "word");
  CHECK(norm("   ").empty());
  CHECK(norm("").empty());
}

TEST_CASE("normalize: explicit line breaks", "[normalize]") {
  CHECK(norm("foo \n\n bar") == "foo\nbar");
  CHECK(norm("foo\nbar") == "foo\nbar");
  CHECK(norm("a \u00A0\n \n\u3000 b") == "a\nb");
  CHECK(norm("\n foo \n") == "foo");      // a paragraph does not start or end with a break
  CHECK(norm("a\r\nb") == "a\nb");        // CR is collapsible white space
  CHECK(norm("中文\n字") == "中文\n字");  // a <br> between CJK characters stays
}

TEST_CASE("normalize: without keep_line_breaks '\\n' is white space", "[normalize]") {
  CHECK(norm("foo \n\n bar", without_breaks()) == "foo bar");
  CHECK(norm("中文\n字", without_breaks()) == "中文字");
  CHECK(norm("\nfoo\n", without_breaks()) == "foo");
}

TEST_CASE("normalize: source line breaks between CJK characters are removed", "[normalize]") {
  // '\r' marks a line break of the source (the segmenter writes it).
  CHECK(norm("中文 \r\u3000 字") == "中文字");
  CHECK(norm("省委\r召开") == "省委召开");
  CHECK(norm("これは\rテスト\rです") == "これはテストです");
  CHECK(norm("下午\r，\r省委") == "下午，省委");
  CHECK(norm("「\r引用\r」\r。") == "「引用」。");
  CHECK(norm("他说\r“\r你好\r”\r。") == "他说“你好”。");
}

TEST_CASE("normalize: written spaces between CJK characters stay (names)", "[normalize]") {
  CHECK(norm("(记者 冯芸 马涛)") == "(记者 冯芸 马涛)");
  CHECK(norm("中文 \u3000 字") == "中文 字");
}

TEST_CASE("normalize: spaces between CJK and other scripts are kept", "[normalize]") {
  CHECK(norm("中文 abc") == "中文 abc");
  CHECK(norm("abc 中文") == "abc 中文");
  CHECK(norm("2024 年") == "2024 年");
  CHECK(norm("“a” “b”") == "“a” “b”");  // English quotes keep their spaces
}

TEST_CASE("normalize: Korean keeps spaces between words", "[normalize]") {
  CHECK(is_cjk(U'한'));
  CHECK(norm("한국어 문장 입니다") == "한국어 문장 입니다");
  CHECK(norm("韓國 한국") == "韓國 한국");
}

TEST_CASE("normalize: no space is removed before a combining mark", "[normalize]") {
  // Joining would make か + U+3099 compose into が; the space stays.
  CHECK(norm("か \u3099") == "か \u3099");
}

TEST_CASE("normalize: zero-width characters and soft hyphens are dropped", "[normalize]") {
  CHECK(norm("so\u00ADft") == "soft");
  CHECK(norm("zero\u200Bwidth") == "zerowidth");
  CHECK(norm("a\u200B\u200C\u200D\u2060\uFEFFb") == "ab");
  CHECK(norm("\uFEFFhello") == "hello");
  CHECK(norm("中\u200B \u200B文") == "中 文");  // a written space stays
  CHECK(norm("中\u200B\r\u200B文") == "中文");
  CHECK(norm("\u200B \u00AD").empty());
}

TEST_CASE("normalize: zero-width joiner is kept inside emoji sequences", "[normalize]") {
  const std::string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";
  CHECK(norm(family) == family);
  const std::string heart_on_fire = "\u2764\uFE0F\u200D\U0001F525";  // ZWJ after the VS16
  CHECK(norm(heart_on_fire) == heart_on_fire);
  const std::string dark_man_cook = "\U0001F468\U0001F3FF\u200D\U0001F373";  // after a skin tone
  CHECK(norm(dark_man_cook) == dark_man_cook);
  CHECK(norm("a\u200Db") == "ab");
  CHECK(norm("\U0001F468\u200Da") == "\U0001F468a");
  CHECK(norm("a\u200D\U0001F468") == "a\U0001F468");
  CHECK(norm("\u200D\U0001F468") == "\U0001F468");
}

TEST_CASE("normalize: NFC by default", "[normalize]") {
  CHECK(norm("e\u0301") == "\u00E9");
  CHECK(norm("cafe\u0301 au lait") == "caf\u00E9 au lait");
  CHECK(norm("e\u00AD\u0301") == "\u00E9");                               // dropped before composing
  CHECK(norm("\uFF46\uFF55\uFF4C\uFF4C") == "\uFF46\uFF55\uFF4C\uFF4C");  // ｆｕｌｌ stays
  CHECK(norm("\u1100\u1161") == "\uAC00");                                // conjoining jamo compose
}

TEST_CASE("normalize: NFKC as an option", "[normalize]") {
  const NormalizeOptions nfkc = with_form(UnicodeForm::nfkc);
  CHECK(norm("\uFF46\uFF55\uFF4C\uFF4C", nfkc) == "full");
  CHECK(norm("e\u0301", nfkc) == "\u00E9");
  CHECK(norm("\uFF46\uFF55\uFF4C\uFF4C\u3000\uFF57\uFF49\uFF44\uFF54\uFF48", nfkc) == "full width");
  CHECK(norm("\u3000\u3000\u4E2D\uFF0C\u6587", nfkc) == "\u4E2D,\u6587");
  // The CJK rule sees the NFKC result: ASCII letters keep their space.
  CHECK(norm("中文 \uFF41\uFF42\uFF43", nfkc) == "中文 abc");
  CHECK(norm("中文\r\uFF41\uFF42\uFF43") == "中文\uFF41\uFF42\uFF43");  // fullwidth letters are CJK
}

TEST_CASE("normalize: form none leaves code points alone", "[normalize]") {
  const NormalizeOptions none = with_form(UnicodeForm::none);
  CHECK(norm("e\u0301", none) == "e\u0301");
  CHECK(norm("\uFF46\uFF55\uFF4C\uFF4C", none) == "\uFF46\uFF55\uFF4C\uFF4C");
  CHECK(norm("  a\u00A0\u00A0b\u200B ", none) == "a b");  // white space work still happens
}

TEST_CASE("normalize: invalid UTF-8 becomes U+FFFD", "[normalize]") {
  CHECK(norm("\xff") == "\uFFFD");
  CHECK(norm("a\xff"
             "b") == "a\uFFFDb");
  CHECK(norm("\xe4\xb8"
             "a") == "\uFFFDa");                                  // truncated character: one U+FFFD
  CHECK(norm("\xed\xa0\x80") == "\uFFFD\uFFFD\uFFFD");            // encoded surrogate
  CHECK(norm("\xc0\x80") == "\uFFFD\uFFFD");                      // overlong NUL
  CHECK(norm("\xf4\x90\x80\x80") == "\uFFFD\uFFFD\uFFFD\uFFFD");  // beyond U+10FFFF
  CHECK(norm("\x80 \xbf") == "\uFFFD \uFFFD");
}

TEST_CASE("normalize: raw keeps the text as written", "[normalize]") {
  NormalizeOptions raw;
  raw.raw = true;
  const std::string input = "  a\u00A0\u00A0b \n\n\u200B so\u00ADft e\u0301 \t \u3000";
  CHECK(norm(input, raw) == input);
  CHECK(norm("", raw).empty());
  // Ill-formed bytes are U+FFFD in every form.
  CHECK(norm("a \xff", raw) == "a \uFFFD");
}

TEST_CASE("normalize: no control character but the line break (and tab in raw) gets through", "[normalize]") {
  // ESC, BEL, NUL, DEL and C1 controls (U+0080-U+009F) in paragraph text
  // reached a terminal as they were with the raw form (escape injection).
  NormalizeOptions raw;
  raw.raw = true;
  const std::string hostile = std::string("a\x1b[31mred\x07 b") + '\0' + "c\x7f" "\u0085" "d\u009b" "2Je\x1f" "\rf\x0bg\x0c" "h";
  CHECK(norm(hostile, raw) == "a[31mred bc d2Je\nf g h");
  CHECK(norm(hostile) == "a[31mred bc d2Je f g h");
  NormalizeOptions nfkc;
  nfkc.form = UnicodeForm::nfkc;
  CHECK(norm(hostile, nfkc) == "a[31mred bc d2Je f g h");
  // The source line break marker '\r' is never in any output: raw text
  // has the line break '\n' there.
  CHECK(norm("a\r\nb\rc", raw) == "a\n\nb\nc");
}

TEST_CASE("normalize: output is idempotent and NFC", "[normalize]") {
  const std::vector<std::string> samples = {
      "\u3000\u30007月31日下午，省委召开",
      "foo \n\n bar",
      "中文 \u3000 字",
      "e\u0301 \u00AD x",
      "a\xff"
      "b\xe4\xb8",
      "“a” “b” 中文 abc",
      "か \u3099 \u309B",
      "\u1100 \u1161",
      "\u2764\uFE0F\u200D\U0001F525",
      "\u00A8 x\u00B4",
      "\uFF41 \u3000 \uFF42",
      "\n\n",
  };
  const std::vector<NormalizeOptions> all_options = {with_form(UnicodeForm::nfc),
                                                     with_form(UnicodeForm::nfkc),
                                                     with_form(UnicodeForm::none), without_breaks()};
  for (const std::string &sample : samples) {
    for (const NormalizeOptions &options : all_options) {
      INFO("sample: " << sample << " form " << static_cast<int>(options.form));
      std::string once = norm(sample, options);
      CHECK(norm(once, options) == once);
      if (options.form == UnicodeForm::nfc) CHECK(reference_nfc(once) == once);
    }
  }
}

TEST_CASE("is_blank", "[normalize]") {
  CHECK(is_blank("\u3000\u00A0\u200B"));
  CHECK_FALSE(is_blank("x"));
  CHECK(is_blank(""));
  CHECK(is_blank(" \n\t\r\f\v\u0085\u1680\u2000\u200A\u2028\u2029\u202F\u205F"));
  CHECK(is_blank("\u200C\u200D\u2060\uFEFF\u00AD"));
  CHECK_FALSE(is_blank("\u3000\u3000\u4E2D"));
  CHECK_FALSE(is_blank("\xff"));  // shows as U+FFFD
  CHECK_FALSE(is_blank("  \u00A0."));
}

TEST_CASE("char_count counts code points", "[normalize]") {
  CHECK(char_count("中文ab") == 4);
  CHECK(char_count("") == 0);
  CHECK(char_count("\u00E9") == 1);
  CHECK(char_count("\U0001F525") == 1);
  CHECK(char_count("\xff") == 1);
  CHECK(char_count("\xe4\xb8") == 1);  // as many as the U+FFFD it becomes
  CHECK(char_count(norm("e\u0301")) == 1);
}

TEST_CASE("is_cjk", "[normalize]") {
  for (char32_t cp : {U'中', U'あ', U'ア', U'ㄅ', U'한', U'ᄀ', U'，', U'。', U'「', U'」', U'、', U'\u3000',
                      U'ｆ', U'ｱ', U'\u3400', U'\U00020000', U'\U0003134A', U'\uF900', U'\uFE10'}) {
    INFO(static_cast<unsigned>(cp));
    CHECK(is_cjk(cp));
  }
  for (char32_t cp :
       {U'a', U'1', U' ', U'\u00E9', U'\u0416', U'\u201C', U'\u2014', U'\U0001F525', U'\uFFFD'}) {
    INFO(static_cast<unsigned>(cp));
    CHECK_FALSE(is_cjk(cp));
  }
}
