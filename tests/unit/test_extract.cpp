// Extraction on real and minimal inputs: paragraphs, kinds, boilerplate
// with reasons, editorial metadata.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "helpers.h"

namespace {

struct Para {
  std::string text;
  postparse_paragraph_kind kind;
  int level;
  bool boilerplate;
  std::string reason;
};

std::vector<Para> paragraphs(const postparse::Document &doc) {
  std::vector<Para> out;
  for (std::size_t i = 0; i < postparse_doc_paragraph_count(doc.get()); ++i) {
    postparse_paragraph read = test::paragraph_at(doc.get(), i);
    Para p;
    p.text.assign(read.text.data, read.text.len);
    p.kind = read.kind;
    p.level = read.level;
    p.boilerplate = read.boilerplate;
    p.reason.assign(read.reason.data, read.reason.len);
    out.push_back(p);
  }
  return out;
}

std::vector<std::string> content(const postparse::Document &doc) {
  std::vector<std::string> out;
  for (const Para &p : paragraphs(doc))
    if (!p.boilerplate) out.push_back(p.text);
  return out;
}

}  // namespace

TEST_CASE("the seed post gives its 12 content paragraphs, the promo as boilerplate and the editor", "[extract]") {
  auto doc = test::parse(test::read_file(test::data("seed/000_1533502123a03027.txt")));
  auto text = content(doc);
  REQUIRE(text.size() == 12);
  CHECK(text.front() == "\xe6\xb2\xb3\xe5\x8d\x97\xe5\x8f\xac\xe5\xbc\x80\xe6\x96\xb0\xe5\x86\xa0\xe8\x82\xba\xe7\x82\x8e"
                        "\xe7\x96\xab\xe6\x83\x85\xe9\x98\xb2\xe6\x8e\xa7\xe5\xb7\xa5\xe4\xbd\x9c\xe4\xb8\x93\xe9\xa2\x98"
                        "\xe4\xbc\x9a\xe8\xae\xae");  // 河南召开新冠肺炎疫情防控工作专题会议
  CHECK(text.back() == "\xe7\xa9\x86\xe4\xb8\xba\xe6\xb0\x91\xe3\x80\x81\xe6\x88\xb4\xe6\x9f\x8f\xe5\x8d\x8e\xe5\x87\xba"
                       "\xe5\xb8\xad\xe3\x80\x82(\xe8\xae\xb0\xe8\x80\x85 \xe5\x86\xaf\xe8\x8a\xb8 \xe9\xa9\xac\xe6\xb6\x9b)");
  for (const std::string &t : text) CHECK(t.rfind("\xe3\x80\x80", 0) != 0);  // no leading U+3000
  bool promo = false;
  for (const Para &p : paragraphs(doc)) {
    CHECK(p.text.find("appendQr") == std::string::npos);  // no <style> text anywhere
    if (p.text.find("\xe6\xb5\xb7\xe9\x87\x8f\xe8\xb5\x84\xe8\xae\xaf") == 0) {  // 海量资讯
      promo = true;
      CHECK(p.boilerplate);
      CHECK(p.reason == "marker:qr");
    }
  }
  CHECK(promo);
  CHECK(test::editorial(doc.get(), "editor") == "\xe5\xbc\xa0\xe7\x8e\xab");  // 张玫
  std::vector<std::string> reporters = test::editorial_values(doc.get(), "reporters");
  REQUIRE(reporters.size() == 2);
  CHECK(reporters[0] == "\xe5\x86\xaf\xe8\x8a\xb8");  // 冯芸
  CHECK(reporters[1] == "\xe9\xa9\xac\xe6\xb6\x9b");  // 马涛
  std::string json = doc.to_json();
  CHECK(json.find("\"text\":\" news_keyword_pub,stock, \"") != std::string::npos);  // comments as data
  CHECK(json.find("\"boilerplate\":true,\"reason\":\"marker:qr\"") != std::string::npos);  // the QR image
  // Schema 2: the captured fields are "editorial", and every span has one shape.
  CHECK(json.find("\"editorial\":{\"editor\":\"\xe5\xbc\xa0\xe7\x8e\xab\",\"reporters\":[\"\xe5\x86\xaf\xe8\x8a\xb8\","
                  "\"\xe9\xa9\xac\xe6\xb6\x9b\"]") != std::string::npos);
  CHECK(json.find("\"metadata\"") == std::string::npos);
  CHECK(json.find("\"comments\":[{\"text\":\" news_keyword_pub,stock, \",\"span\":{\"offset\":") != std::string::npos);
  CHECK(json.find("\"reason\":\"marker:qr\",\"span\":{\"offset\":") != std::string::npos);
}

TEST_CASE("segmentation rules on minimal inputs", "[extract]") {
  SECTION("inline elements add no spaces; blocks split") {
    // ("next" alone would be a pagination label, so another word.)
    auto doc = test::parse("<div>foo<b>bar</b><p>middle</p>tail</div>");
    CHECK(content(doc) == std::vector<std::string>{"foobar", "middle", "tail"});
  }
  SECTION("one <br> breaks a line, two break the paragraph") {
    auto doc = test::parse("<p>a<br>b<br><br>c</p>");
    CHECK(content(doc) == std::vector<std::string>{"a\nb", "c"});
  }
  SECTION("spacer paragraphs are dropped") {
    auto doc = test::parse("<p>x</p><p>&nbsp;</p><p>\xe3\x80\x80</p><p></p><p>y</p>");
    CHECK(content(doc) == std::vector<std::string>{"x", "y"});
  }
  SECTION("pre keeps its white space") {
    auto doc = test::parse("<pre>a  b\n  c</pre>");
    auto p = paragraphs(doc);
    REQUIRE(p.size() == 1);
    CHECK(p[0].kind == POSTPARSE_PARAGRAPH_PRE);
    CHECK(p[0].text == "a  b\n  c");
  }
  SECTION("script, style, template, noscript, comments and hidden text never leak") {
    auto doc = test::parse(
        "<p>a<script>s()</script><style>.x{}</style><template>t</template><noscript>n</noscript>"
        "<!--c--><span hidden>h</span><span style='display: none'>d</span>b</p>");
    CHECK(content(doc) == std::vector<std::string>{"ab"});
  }
  SECTION("the fallback text of video, audio and canvas is not text; a picture's image is an image") {
    auto doc = test::parse(
        "<video controls src=\"v.mp4\">Your browser does not support the video tag.</video>"
        "<audio><p>Get a newer browser</p></audio><canvas>c</canvas><p>kept</p>"
        "<picture><source srcset=\"a.webp\"><img src=\"a.jpg\"></picture>");
    CHECK(content(doc) == std::vector<std::string>{"kept"});
    CHECK(postparse_doc_image_count(doc.get()) == 1);
  }
  SECTION("controls drawn without <button> are not text: role=button, inline btn/button classes") {
    auto doc = test::parse(
        "<pre><code>x = 1\n<span class=\"copy-code-btn\">Copy code</span></code></pre>"
        "<p>a<a role=\"button\" href=\"#\">Like</a><span class=\"likeButton\">Save</span>b</p>"
        "<p>c<span class=\"btnx\">d</span><span class=\"subtitle\">e</span></p>"
        "<div class=\"button-group\"><p>kept</p></div>");
    CHECK(content(doc) == std::vector<std::string>{"x = 1\n", "ab", "cde", "kept"});
  }
  SECTION("img alt is not text") {
    auto doc = test::parse("<p>a<img alt='picture'>b</p>");
    CHECK(content(doc) == std::vector<std::string>{"ab"});
  }
  SECTION("kinds: headings with level, list items, quotes, cells, captions") {
    auto doc = test::parse(
        "<h2>T</h2><ul><li>i</li></ul><blockquote><p>q</p></blockquote>"
        "<table><caption>c</caption><tr><td>d</td></tr></table>");
    auto p = paragraphs(doc);
    REQUIRE(p.size() == 5);
    CHECK((p[0].kind == POSTPARSE_PARAGRAPH_HEADING && p[0].level == 2));
    CHECK(p[1].kind == POSTPARSE_PARAGRAPH_LIST_ITEM);
    CHECK(p[2].kind == POSTPARSE_PARAGRAPH_QUOTE);
    CHECK(p[3].kind == POSTPARSE_PARAGRAPH_CAPTION);
    CHECK(p[4].kind == POSTPARSE_PARAGRAPH_TABLE_CELL);
  }
  SECTION("source line breaks join CJK without a space and Latin words with one") {
    auto doc = test::parse("<p>\xe4\xb8\xad\xe6\x96\x87\n\xe5\xad\x97 and\nmore</p>");
    CHECK(content(doc) == std::vector<std::string>{"\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97 and more"});
  }
  SECTION("editorial lines become metadata") {
    auto doc = test::parse("<p>text</p><p>\xe6\x9d\xa5\xe6\xba\x90\xef\xbc\x9a\xe6\x96\xb0\xe5\x8d\x8e\xe7\xa4\xbe</p>");
    CHECK(content(doc) == std::vector<std::string>{"text"});
    CHECK(test::editorial(doc.get(), "source") == "\xe6\x96\xb0\xe5\x8d\x8e\xe7\xa4\xbe");
  }
  SECTION("a paragraph of links is boilerplate by link density") {
    auto doc = test::parse("<p><a href='/1'>one</a> | <a href='/2'>two</a></p><p>real text here</p>");
    auto p = paragraphs(doc);
    REQUIRE(p.size() == 2);
    CHECK(p[0].boilerplate);
    CHECK(p[0].reason == "link-density");
    CHECK_FALSE(p[1].boilerplate);
  }
}
