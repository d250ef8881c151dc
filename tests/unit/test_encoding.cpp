// Input encodings: UTF-16/UTF-32 with a BOM are decoded, a run of UTF-8 BOMs
// is skipped, and ill-formed UTF-8 or UTF-16 gets one warning with its
// position instead of silent U+FFFD.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "helpers.h"

namespace {

const std::string kPost = "---\ntitle: 標題\n---\n第一段 text\n\n𝄞 second\n";

// `text` (UTF-8, no surrogates needed by callers but supported) encoded as
// UTF-16 or UTF-32 in the given byte order, BOM first.
std::string encode(const std::u32string &text, int unit, bool little_endian) {
  std::vector<std::uint32_t> units{0xFEFF};
  for (char32_t cp : text) {
    if (unit == 2 && cp > 0xFFFF) {
      units.push_back(0xD800 + ((cp - 0x10000) >> 10));
      units.push_back(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      units.push_back(cp);
    }
  }
  std::string out;
  for (std::uint32_t u : units)
    for (int i = 0; i < unit; ++i) {
      int shift = little_endian ? 8 * i : 8 * (unit - 1 - i);
      out += static_cast<char>((u >> shift) & 0xFF);
    }
  return out;
}

std::u32string to_u32(const std::string &utf8) {
  std::u32string out;
  for (std::size_t i = 0; i < utf8.size();) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : c & (0x7F >> n);
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    out += cp;
    i += n;
  }
  return out;
}

std::string paragraph(const postparse::Document &doc, std::size_t i) {
  return std::string(postparse::to_view(postparse_doc_paragraph_text(doc.get(), i)));
}

std::vector<postparse_diagnostic> with_severity(const postparse::Document &doc, postparse_severity severity) {
  std::vector<postparse_diagnostic> out;
  for (const postparse_diagnostic &d : doc.diagnostics())
    if (d.severity == severity) out.push_back(d);
  return out;
}

bool mentions(const postparse_diagnostic &d, std::string_view word) {
  return postparse::to_view(d.message).find(word) != std::string_view::npos;
}

}  // namespace

TEST_CASE("UTF-16 and UTF-32 with a BOM are decoded before splitting", "[encoding]") {
  struct Case {
    const char *name;
    int unit;
    bool little_endian;
  };
  for (Case c : {Case{"UTF-16LE", 2, true}, Case{"UTF-16BE", 2, false}, Case{"UTF-32LE", 4, true},
                 Case{"UTF-32BE", 4, false}}) {
    INFO(c.name);
    postparse::Document doc = test::parse(encode(to_u32(kPost), c.unit, c.little_endian));
    REQUIRE(doc.format() == POSTPARSE_FORMAT_YAML);
    CHECK(doc.front_matter()["title"].text() == "標題");
    REQUIRE(postparse_doc_paragraph_count(doc.get()) == 2);
    CHECK(paragraph(doc, 0) == "第一段 text");
    CHECK(paragraph(doc, 1) == "𝄞 second");
    // The source is the decoded UTF-8 text, after a UTF-8 BOM.
    CHECK(doc.source() == "\xEF\xBB\xBF" + kPost);
    auto notes = with_severity(doc, POSTPARSE_SEVERITY_NOTE);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].code == POSTPARSE_ERR_SYNTAX);
    CHECK(mentions(notes[0], c.name));
    CHECK(with_severity(doc, POSTPARSE_SEVERITY_WARNING).empty());
    // Lines and columns are those of the original: the body starts on line 4.
    postparse_span body = doc.body_span();
    CHECK(body.line == 4);
    CHECK(body.column == 1);
  }
}

TEST_CASE("ill-formed UTF-16 becomes U+FFFD with one warning at the first unit", "[encoding]") {
  std::string post = encode(to_u32("---\ntitle: a\n---\nab"), 2, true);
  post += std::string("\x00\xD8", 2);  // a lone high surrogate after "ab" on line 4
  post += encode(to_u32("cd"), 2, true).substr(2);
  post += std::string("\x00\xDC", 2);  // a lone low surrogate
  post += "x";                          // an odd last byte
  postparse::Document doc = test::parse(post);
  CHECK(doc.front_matter()["title"].text() == "a");
  CHECK(doc.body() == "ab\uFFFD" "cd\uFFFD\uFFFD");
  auto warnings = with_severity(doc, POSTPARSE_SEVERITY_WARNING);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].code == POSTPARSE_ERR_SYNTAX);
  CHECK(mentions(warnings[0], "UTF-16LE"));
  CHECK(mentions(warnings[0], "3 code unit"));
  CHECK(warnings[0].line == 4);
  CHECK(warnings[0].column == 3);
}

TEST_CASE("a run of UTF-8 BOMs does not hide the front matter", "[encoding]") {
  postparse::Document doc = test::parse("\xEF\xBB\xBF\xEF\xBB\xBF---\ntitle: x\n---\nbody\n");
  REQUIRE(doc.format() == POSTPARSE_FORMAT_YAML);
  CHECK(doc.front_matter()["title"].text() == "x");
  auto warnings = with_severity(doc, POSTPARSE_SEVERITY_WARNING);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].part == POSTPARSE_PART_SPLIT);
  CHECK(mentions(warnings[0], "byte order mark"));
  CHECK(doc.front_matter_span()->column == 1);

  // One BOM stays silent, as before.
  CHECK(test::parse("\xEF\xBB\xBF---\ntitle: x\n---\nbody\n").diagnostics().empty());
}

TEST_CASE("ill-formed UTF-8 in the body gets one warning at the first bad byte", "[encoding]") {
  // "中文" in GBK is D6 D0 CE C4; the body holds it twice.
  postparse::Document doc = test::parse("---\ntitle: t\n---\n<p>ok \xD6\xD0\xCE\xC4</p>\n<p>\xD6\xD0\xCE\xC4</p>\n");
  auto warnings = with_severity(doc, POSTPARSE_SEVERITY_WARNING);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].code == POSTPARSE_ERR_SYNTAX);
  CHECK(warnings[0].part == POSTPARSE_PART_BODY);
  CHECK(warnings[0].line == 4);
  CHECK(warnings[0].column == 7);
  CHECK(mentions(warnings[0], "UTF-8"));
}

TEST_CASE("ill-formed UTF-8 in front matter and body: one warning, in the front matter", "[encoding]") {
  postparse::Document doc = test::parse("---\ntitle: \"caf\xE9\"\n---\nna\xEFve\n");
  auto warnings = with_severity(doc, POSTPARSE_SEVERITY_WARNING);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].part == POSTPARSE_PART_FRONT_MATTER);
  CHECK(warnings[0].line == 2);
  CHECK(warnings[0].column == 12);
  CHECK(mentions(warnings[0], "2 sequence"));
}

TEST_CASE("well-formed UTF-8 gets no encoding diagnostic", "[encoding]") {
  CHECK(test::parse(kPost).diagnostics().empty());
}
