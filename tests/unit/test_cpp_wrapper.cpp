// The C++ wrapper (postparse.hpp) on real posts: parts, diagnostics,
// paragraphs and their inline spans, images, links, comments, editorial
// fields, the excerpt and renderings agree with the C calls and with the
// posts' known content.  The DOM, XPath, profiles and errors are in
// test_cpp_wrapper_dom.cpp.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "cpp_wrapper_helpers.h"

namespace {

using test::kImpala;
using test::kSeed;
using test::parse_file;

bool same_span(const postparse_span &a, const postparse_span &b) {
  return a.offset == b.offset && a.length == b.length && a.line == b.line && a.column == b.column;
}

}  // namespace

TEST_CASE("C++ paragraphs agree with the C calls, item by item", "[cpp]") {
  for (const char *post : {kImpala, kSeed}) {
    INFO(post);
    postparse::Document doc = parse_file(post);
    auto paragraphs = doc.paragraphs();
    REQUIRE(paragraphs.size() == postparse_doc_paragraph_count(doc.get()));
    std::size_t i = 0;
    for (const postparse::Paragraph &p : paragraphs) {
      postparse_paragraph c = test::paragraph_at(doc.get(), i);
      CHECK(p.index == i);
      CHECK(p.kind == c.kind);
      CHECK(p.level == c.level);
      CHECK(p.boilerplate == c.boilerplate);
      CHECK(p.text.data() == c.text.data);  // borrowed, not copied
      CHECK(p.text == postparse::to_view(c.text));
      CHECK(p.reason == postparse::to_view(c.reason));
      CHECK(same_span(p.span, c.span));
      CHECK(p.inline_count == c.inline_count);
      CHECK(doc.paragraph_text(i) == p.text);
      ++i;
    }
    CHECK(i == paragraphs.size());
  }
}

TEST_CASE("C++ paragraphs of a real post: kinds, levels, texts, spans", "[cpp]") {
  postparse::Document doc = parse_file(kImpala);
  auto paragraphs = doc.paragraphs();
  REQUIRE(paragraphs.size() == 28);  // 2 p + 2 h3 + 23 li + 1 p, counted in the post
  CHECK(paragraphs[0].kind == POSTPARSE_PARAGRAPH);
  CHECK(paragraphs[0].text.substr(0, 14) == "Apache Impala ");
  CHECK(paragraphs[1].text == "Apache Impala 4.0 正式发布，更新内容如下：");
  CHECK(paragraphs[2].kind == POSTPARSE_PARAGRAPH_HEADING);
  CHECK(paragraphs[2].level == 3);
  CHECK(paragraphs[2].text == "重大变化：");
  CHECK(paragraphs[3].kind == POSTPARSE_PARAGRAPH_LIST_ITEM);
  CHECK(paragraphs[3].text == "移除对 Hive 2.x 的支持；");
  CHECK(paragraphs[14].text == "新功能：");
  CHECK(paragraphs.back().text.substr(0, 24) == "更多详情可查看：");
  // Random access and the standard algorithms work on the lazy range.
  CHECK(std::count_if(paragraphs.begin(), paragraphs.end(),
                      [](const postparse::Paragraph &p) { return p.kind == POSTPARSE_PARAGRAPH_LIST_ITEM; }) == 23);
  // The "……" item and the "更多详情可查看：URL" pointer line are the only boilerplate.
  CHECK(std::count_if(paragraphs.begin(), paragraphs.end(), [](const postparse::Paragraph &p) { return p.boilerplate; }) == 2);
  CHECK(paragraphs.back().boilerplate);
  CHECK(paragraphs.back().reason == "pointer");
  CHECK(paragraphs.back().rule == "default/labelled-address");  // the last of the rules that match
  CHECK(paragraphs.end() - paragraphs.begin() == 28);
  CHECK((*(paragraphs.begin() + 2)).text == "重大变化：");
  // A heading's span starts at its text inside <h3> in the source.
  const postparse::Paragraph heading = paragraphs[2];
  CHECK(doc.source().substr(heading.span.offset, heading.span.length) == "重大变化：");
  CHECK(heading.span.line == 20);  // `<h3>重大变化：</h3>` is line 20 of the file
  CHECK(heading.span.column == 5);
  // Finding nothing: nullopt, the empty view, an empty range; at() throws.
  CHECK(!doc.paragraph(28));
  CHECK(doc.paragraph(27)->text == paragraphs[27].text);
  CHECK(doc.paragraph_text(28).empty());
  CHECK(doc.inlines(28).empty());
  CHECK_THROWS_AS(paragraphs.at(28), std::out_of_range);
}

TEST_CASE("C++ inline spans and links of a real post", "[cpp]") {
  postparse::Document doc = parse_file(kImpala);
  const std::string href = "https://www.oschina.net/action/GoToLink?url=https%3A%2F%2Fimpala.apache.org%2Fdocs%2Fchangelog-4.0.html";
  const postparse::Paragraph last = doc.paragraphs().back();
  REQUIRE(last.inline_count == 1);
  auto inlines = doc.inlines(last);
  REQUIRE(inlines.size() == 1);
  const postparse::Inline link = inlines[0];
  CHECK(link.kind == POSTPARSE_INLINE_LINK);
  CHECK(link.href == href);
  CHECK(link.text == "https://impala.apache.org/docs/changelog-4.0.html");
  CHECK(link.text_offset == std::string("更多详情可查看：").size());
  CHECK(last.text.substr(link.text_offset, link.text_length) == link.text);
  CHECK(doc.source().substr(link.span.offset, 9) == "<a href=\"");
  postparse_inline c = POSTPARSE_INIT(postparse_inline);
  REQUIRE(postparse_doc_inline_at(doc.get(), last.index, 0, &c) == POSTPARSE_OK);
  CHECK(same_span(link.span, c.span));

  auto links = doc.links();
  REQUIRE(links.size() == 1);
  CHECK(links[0].href == href);
  CHECK(links[0].text == link.text);
  CHECK(same_span(links[0].span, link.span));
  CHECK(doc.images().empty());
  CHECK(doc.comments().empty());
  CHECK(doc.editorial().empty());
  CHECK(!doc.editorial("editor"));
}

TEST_CASE("C++ emphasis, strong and code spans of a paragraph", "[cpp]") {
  postparse::Document doc = test::parse("<p>a <em>b</em> <strong>c</strong> <code>d</code></p>");
  REQUIRE(doc.paragraphs().size() == 1);
  std::vector<postparse::Inline> spans(doc.inlines(0).begin(), doc.inlines(0).end());
  REQUIRE(spans.size() == 3);
  CHECK(spans[0].kind == POSTPARSE_INLINE_EMPHASIS);
  CHECK(spans[1].kind == POSTPARSE_INLINE_STRONG);
  CHECK(spans[2].kind == POSTPARSE_INLINE_CODE);
  CHECK(spans[0].text == "b");
  CHECK(spans[1].text == "c");
  CHECK(spans[2].text == "d");
  CHECK(spans[2].text_offset == 6);  // "a b c d"
  CHECK(spans[0].href.empty());
}

TEST_CASE("C++ images, comments and editorial fields of the seed post", "[cpp]") {
  postparse::Document doc = parse_file(kSeed);
  auto images = doc.images();
  REQUIRE(images.size() == 1);  // the QR code of the promotion at the end
  const postparse::Image qr = images[0];
  CHECK(qr.src == "https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png");
  CHECK(qr.alt.empty());
  CHECK(qr.class_name.empty());
  CHECK(qr.boilerplate);
  CHECK(qr.reason == "marker:qr");
  CHECK(qr.span.line == 65);
  CHECK(doc.source().substr(qr.span.offset, 10) == "<img src=\"");

  auto comments = doc.comments();
  CHECK(comments.size() == 11);  // the body's `<!--`, counted in the post
  CHECK(comments[0].text == " news_keyword_pub,stock, ");
  CHECK(comments[1].text == " 正文下iframe ");
  CHECK(doc.source().substr(comments[1].span.offset, comments[1].span.length) == "<!-- 正文下iframe -->");

  // 责任编辑：张玫 and (记者 冯芸 马涛), captured by the built-in profile.
  CHECK(doc.editorial("editor") == std::string_view("张玫"));
  CHECK(!doc.editorial("keywords"));
  std::vector<std::string_view> reporters;
  for (const postparse::Editorial &e : doc.editorial()) {
    CHECK(!e.rule.empty());
    if (e.key == "reporters") reporters.push_back(e.value);
  }
  CHECK(reporters == std::vector<std::string_view>{"冯芸", "马涛"});
  CHECK(doc.editorial().size() == postparse_doc_editorial_count(doc.get()));

  // Content paragraphs come first; the promotion and the editor line are
  // boilerplate with their reasons.
  auto paragraphs = doc.paragraphs();
  REQUIRE(paragraphs.size() == 14);
  CHECK(paragraphs[0].text == "河南召开新冠肺炎疫情防控工作专题会议");
  CHECK(paragraphs[12].boilerplate);
  CHECK(paragraphs[12].reason == "marker:qr");
  CHECK(paragraphs[13].text == "责任编辑：张玫");
  CHECK(paragraphs[13].reason == "editorial:editor");
  CHECK(!doc.excerpt_paragraphs());
}

TEST_CASE("C++ excerpt: paragraphs before Hexo's marker", "[cpp]") {
  postparse::Document with = test::parse("---\ntitle: x\n---\n<p>one</p>\n<p>two</p>\n<!-- more -->\n<p>three</p>\n");
  REQUIRE(with.excerpt_paragraphs());
  CHECK(*with.excerpt_paragraphs() == 2);
  CHECK(!test::parse("<p>one</p>").excerpt_paragraphs());
}

TEST_CASE("C++ parts of a real post: format, spans, body", "[cpp]") {
  postparse::Document doc = parse_file(kImpala);
  CHECK(doc.format() == POSTPARSE_FORMAT_YAML);
  CHECK(doc.body_format() == POSTPARSE_BODY_HTML);
  auto block = doc.front_matter_span();
  auto content = doc.front_matter_content_span();
  REQUIRE(block);
  REQUIRE(content);
  CHECK(block->offset == 1);  // after the post's leading blank line
  CHECK(block->line == 2);
  CHECK(doc.source().substr(block->offset, 4) == "---\n");
  CHECK(doc.source().substr(content->offset, 7) == "title: ");
  CHECK(content->offset > block->offset);
  CHECK(content->offset + content->length < block->offset + block->length);
  CHECK(doc.front_matter()["author"].text() == "开源中国");
  const postparse::Span body = doc.body_span();
  CHECK(doc.source().substr(body.offset) == doc.body());
  CHECK(doc.body().find("<div class=\"content\">") != std::string_view::npos);
  CHECK(doc.diagnostics().empty());
  CHECK(doc.diagnostic_count() == 0);

  postparse::Document bare = test::parse("# Title\n\nSome *text*.\n");
  CHECK(bare.format() == POSTPARSE_FORMAT_NONE);
  CHECK(!bare.front_matter());
  CHECK(!bare.front_matter_span());
  CHECK(!bare.front_matter_content_span());
  CHECK(bare.body_format() == POSTPARSE_BODY_MARKDOWN);
  REQUIRE(bare.paragraphs().size() == 2);
  CHECK(bare.paragraphs()[0].kind == POSTPARSE_PARAGRAPH_HEADING);
  CHECK(bare.paragraphs()[0].level == 1);
  CHECK(bare.inlines(1)[0].kind == POSTPARSE_INLINE_EMPHASIS);
}

TEST_CASE("C++ diagnostics agree with the C calls", "[cpp]") {
  postparse::Document doc = test::parse("---\ntitle: [unclosed\n---\n<p>body</p>\n");
  const std::vector<postparse::Diagnostic> all = doc.diagnostics();
  REQUIRE(!all.empty());
  REQUIRE(all.size() == doc.diagnostic_count());
  postparse_diagnostic c = POSTPARSE_INIT(postparse_diagnostic);
  REQUIRE(postparse_doc_diagnostic_at(doc.get(), 0, &c) == POSTPARSE_OK);
  CHECK(all[0].code == POSTPARSE_ERR_SYNTAX);
  CHECK(all[0].code == c.code);
  CHECK(all[0].line == c.line);
  CHECK(all[0].part == POSTPARSE_PART_FRONT_MATTER);
  CHECK(!postparse::to_view(all[0].message).empty());
  CHECK(doc.paragraphs()[0].text == "body");  // the body survives the bad front matter
}

TEST_CASE("C++ renderings match the paragraphs", "[cpp]") {
  postparse::Document doc = parse_file(kSeed);
  std::string expected;
  for (const postparse::Paragraph &p : doc.paragraphs())
    if (!p.boilerplate) expected.append(expected.empty() ? "" : "\n\n").append(p.text);
  expected += "\n";
  CHECK(doc.to_text() == expected);
  CHECK(doc.to_text(POSTPARSE_OUTPUT_BOILERPLATE).find("责任编辑：张玫") != std::string::npos);
  CHECK(doc.to_text().find("责任编辑") == std::string::npos);
  CHECK(parse_file(kImpala).to_markdown().find("### 重大变化：\n") != std::string::npos);
  const std::string json = doc.to_json();
  CHECK(json.front() == '{');
  CHECK(json.find("\"editor\":\"张玫\"") != std::string::npos);
  // A failing status becomes an Error carrying it: flags are reserved.
  try {
    (void)doc.to_text(1u << 7);
    FAIL("unknown flags were accepted");
  } catch (const postparse::Error &e) {
    CHECK(e.status() == POSTPARSE_ERR_INVALID_ARGUMENT);
    CHECK(e.name() == "invalid_argument");
    CHECK(std::string(e.what()) == "postparse: invalid_argument");
  }
}

TEST_CASE("C++ views stay valid when the Document is moved", "[cpp]") {
  postparse::Document first = parse_file(kImpala);
  const std::string_view text = first.paragraphs()[2].text;
  postparse::Value title = first.front_matter()["title"];
  postparse::Document moved = std::move(first);
  CHECK(text == "重大变化：");
  CHECK(title.text() == "Apache Impala 4.0 发布，大规模并行处理 SQL 查询引擎");
  CHECK(moved.paragraphs()[2].text.data() == text.data());
}

TEST_CASE("C++ library version and status names", "[cpp]") {
  CHECK(postparse::version() == POSTPARSE_VERSION_STRING);
  CHECK(postparse::version_number() == POSTPARSE_VERSION_NUMBER);
  CHECK(postparse::status_name(POSTPARSE_ERR_SYNTAX) == "syntax");
  CHECK(postparse::status_name(POSTPARSE_OK) == "ok");
}

TEST_CASE("C++ Options::clone copies every setting and shares the profiles", "[cpp]") {
  postparse::Options options;
  options.timezone("Asia/Shanghai").limit(POSTPARSE_LIMIT_DEPTH, 7).duplicate_keys(POSTPARSE_DUPLICATE_LAST_WINS);
  options.add_profile(postparse::Profile::load(
      "profile: drop-ads\nrules:\n  - name: ad\n    select: //p[@class='ad']\n    action: drop\n"));
  postparse::Options copy = options.clone();
  copy.source_name("copy.md");
  CHECK(copy.limit(POSTPARSE_LIMIT_DEPTH) == 7);
  std::string post = "---\ndate: 2021-07-31 12:00\na: 1\na: 2\n---\n<p class=\"ad\">buy</p><p>text</p>";
  postparse::Document from_copy = postparse::Document::parse(post, &copy);
  postparse::Document from_original = postparse::Document::parse(post, &options);
  std::string a = from_copy.to_json(), b = from_original.to_json();
  CHECK(a.find("\"source\":\"copy.md\"") != std::string::npos);
  CHECK(b.find("\"source\":null") != std::string::npos);
  CHECK(a.find("+08:00") != std::string::npos);  // the zone came along
  CHECK(a.find("buy") == std::string::npos);     // the profile too
  CHECK(a.substr(a.find("\"front_matter\"")) == b.substr(b.find("\"front_matter\"")));
  postparse_options *raw = nullptr;
  CHECK(postparse_options_clone(nullptr, &raw) == POSTPARSE_ERR_INVALID_ARGUMENT);
  CHECK(raw == nullptr);
  CHECK(postparse_options_clone(options.get(), nullptr) == POSTPARSE_ERR_INVALID_ARGUMENT);
}
