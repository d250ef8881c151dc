// segment()'s collected paragraph texts, the normalisation stage's real
// input (bench_stages measures normalisation on them): collecting changes
// nothing in the extraction, and each kept paragraph's text is its
// collected text normalised with the collected options.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract/normalize.h"
#include "extract/segment.h"
#include "html/html_parser.h"

namespace pp = postparse::impl;

TEST_CASE("segment hands back every paragraph text it normalises, as collected", "[extract]") {
  std::string html =
      "<p>a  <b>b</b>\n c</p><p>&nbsp;</p><pre>x  y\n z</pre><p>\xe4\xb8\xad\n\xe6\x96\x87</p>";  // 中\n文
  pp::html::HtmlOptions options;
  options.mode = pp::HtmlMode::fragment;
  pp::html::HtmlResult parsed = pp::html::parse_html(html, 0, options);
  const pp::extract::NormalizeOptions nfc{};

  std::vector<pp::extract::CollectedText> collected;
  pp::extract::Extraction with = pp::extract::segment(*parsed.dom, parsed.root, nfc, collected);
  pp::extract::Extraction without = pp::extract::segment(*parsed.dom, parsed.root, nfc);
  REQUIRE(with.paragraphs.size() == 3);
  REQUIRE(without.paragraphs.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(with.paragraphs[i].text == without.paragraphs[i].text);
    CHECK(with.paragraphs[i].begin == without.paragraphs[i].begin);
    CHECK(with.paragraphs[i].end == without.paragraphs[i].end);
  }

  // The spacer paragraph is collected too: it is normalised, then dropped.
  REQUIRE(collected.size() == 4);
  CHECK(collected[0].raw == "a  b\r c");  // a source line break is marked '\r'
  CHECK_FALSE(collected[0].options.raw);
  CHECK(collected[1].raw == "\xc2\xa0");
  CHECK(collected[2].raw == "x  y\n z");
  CHECK(collected[2].options.raw);  // <pre> keeps its white space
  CHECK(collected[3].raw == "\xe4\xb8\xad\r\xe6\x96\x87");

  std::vector<std::string> kept;
  for (const pp::extract::CollectedText &text : collected) {
    std::string normalized = pp::extract::normalize_paragraph(text.raw, text.options);
    if (!pp::extract::is_blank(normalized)) kept.push_back(normalized);
  }
  CHECK(kept == std::vector<std::string>{"a b c", "x  y\n z", "\xe4\xb8\xad\xe6\x96\x87"});
  for (std::size_t i = 0; i < 3; ++i) CHECK(kept[i] == with.paragraphs[i].text);
}
