// Markdown bodies: md4c renders them, the HTML stage and extraction read the
// result, and every span still points into the post.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "helpers.h"

namespace {

std::string text(const postparse::Document &doc, std::size_t i) {
  postparse_str s = postparse_doc_paragraph_text(doc.get(), i);
  return std::string(s.data, s.len);
}

postparse_paragraph_kind kind(const postparse::Document &doc, std::size_t i, int *level = nullptr) {
  postparse_paragraph p = test::paragraph_at(doc.get(), i);
  if (level) *level = p.level;
  return p.kind;
}

std::string spanned(const postparse::Document &doc, const postparse_span &span) {
  return std::string(doc.source().substr(span.offset, span.length));
}

}  // namespace

TEST_CASE("a body that does not start with '<' is Markdown, one that does is HTML", "[markdown]") {
  CHECK(postparse_doc_body_format(test::parse("---\na: 1\n---\n\nHello *world*\n").get()) == POSTPARSE_BODY_MARKDOWN);
  CHECK(postparse_doc_body_format(test::parse("---\na: 1\n---\n\n  <p>Hello</p>\n").get()) == POSTPARSE_BODY_HTML);
  CHECK(postparse_doc_body_format(test::parse("").get()) == POSTPARSE_BODY_HTML);
  postparse::Options forced;
  forced.body_format(POSTPARSE_BODY_HTML);
  postparse::Document html = test::parse("a\n\nb\n", &forced);
  CHECK(postparse_doc_body_format(html.get()) == POSTPARSE_BODY_HTML);
  CHECK(postparse_doc_paragraph_count(html.get()) == 1);  // as HTML, a blank line is only white space
  CHECK(postparse_options_set_body_format(nullptr, POSTPARSE_BODY_HTML) == POSTPARSE_ERR_INVALID_ARGUMENT);
}

TEST_CASE("Markdown blocks become paragraphs of the right kind", "[markdown]") {
  postparse::Document doc = test::parse(
      "---\ntitle: t\n---\n# Title\n\nFirst *para*\ncontinues.\n\n- one\n- two\n\n> quoted\n\n"
      "```\ncode  line\n  indented\n```\n\n| h |\n|---|\n| c |\n");
  REQUIRE(postparse_doc_paragraph_count(doc.get()) == 8);
  int level = 0;
  CHECK(kind(doc, 0, &level) == POSTPARSE_PARAGRAPH_HEADING);
  CHECK(level == 1);
  CHECK(text(doc, 0) == "Title");
  CHECK(text(doc, 1) == "First para continues.");  // soft break between Latin words: a space
  CHECK(kind(doc, 2) == POSTPARSE_PARAGRAPH_LIST_ITEM);
  CHECK(text(doc, 3) == "two");
  CHECK(kind(doc, 4) == POSTPARSE_PARAGRAPH_QUOTE);
  CHECK(kind(doc, 5) == POSTPARSE_PARAGRAPH_PRE);
  CHECK(text(doc, 5) == "code  line\n  indented\n");
  CHECK(kind(doc, 6) == POSTPARSE_PARAGRAPH_TABLE_CELL);
  CHECK(text(doc, 7) == "c");
}

TEST_CASE("Markdown soft breaks between CJK characters join without a space", "[markdown]") {
  postparse::Document doc = test::parse("声优石川界人即将\n进行手术。\n");
  REQUIRE(postparse_doc_paragraph_count(doc.get()) == 1);
  CHECK(text(doc, 0) == "声优石川界人即将进行手术。");
}

TEST_CASE("Markdown paragraph, link and image spans point into the post", "[markdown]") {
  std::string post = "---\ntitle: t\n---\nSee [the docs](https://x.test/d \"T\") & <b>more</b>.\n\n![alt text](a.png)\n";
  postparse::Document doc = test::parse(post);
  REQUIRE(postparse_doc_paragraph_count(doc.get()) == 1);
  CHECK(text(doc, 0) == "See the docs & more.");
  postparse_span span = test::paragraph_at(doc.get(), 0).span;
  CHECK(spanned(doc, span).rfind("See", 0) == 0);
  CHECK(span.line == 4);
  postparse_link link = POSTPARSE_INIT(postparse_link);
  REQUIRE(postparse_doc_link_at(doc.get(), 0, &link) == POSTPARSE_OK);
  CHECK(postparse::to_view(link.href) == "https://x.test/d");
  CHECK(postparse::to_view(link.text) == "the docs");
  CHECK(link.span.offset >= post.find("[the docs]"));
  CHECK(link.span.offset <= post.find("the docs]"));
  postparse_image image = POSTPARSE_INIT(postparse_image);
  REQUIRE(postparse_doc_image_at(doc.get(), 0, &image) == POSTPARSE_OK);
  CHECK(postparse::to_view(image.src) == "a.png");
  CHECK(postparse::to_view(image.alt) == "alt text");
  CHECK(image.span.line == 6);
  // Every span of every paragraph lies inside the post.
  for (std::size_t i = 0; i < postparse_doc_paragraph_count(doc.get()); ++i) {
    span = test::paragraph_at(doc.get(), i).span;
    CHECK(span.offset + span.length <= post.size());
  }
}

TEST_CASE("raw HTML inside Markdown is parsed as HTML", "[markdown]") {
  postparse::Document doc = test::parse("Intro line\n\n<div class=\"share\">Share this</div>\n\n<p>a<br>b</p>\n");
  REQUIRE(postparse_doc_paragraph_count(doc.get()) == 3);
  CHECK(text(doc, 0) == "Intro line");
  CHECK(test::paragraph_at(doc.get(), 1).boilerplate);
  CHECK(postparse::to_view(test::paragraph_at(doc.get(), 1).reason) == "marker:share");
  CHECK(text(doc, 2) == "a\nb");
}

TEST_CASE("Markdown text with HTML-special characters and NUL stays text", "[markdown]") {
  std::string post("x < y && a > b \"q\"\n\n`<tag>`\n\nnul\0here\n", 37);
  postparse::Document doc = test::parse(post);
  REQUIRE(postparse_doc_paragraph_count(doc.get()) == 3);
  CHECK(text(doc, 0) == "x < y && a > b \"q\"");
  CHECK(text(doc, 1) == "<tag>");
  CHECK(text(doc, 2) == "nul\xEF\xBF\xBDhere");
}

TEST_CASE("screen-reader-only text and <br> before a newline in <pre>", "[extract]") {
  postparse::Document sr = test::parse("<p>Next<span class=\"sr-only\"> page</span></p><p class=\"elementor-screen-only\">x</p>");
  REQUIRE(postparse_doc_paragraph_count(sr.get()) == 1);
  CHECK(text(sr, 0) == "Next");
  postparse::Document pre = test::parse("<pre>a<br>\nb<br>c\n\nd</pre>");
  REQUIRE(postparse_doc_paragraph_count(pre.get()) == 1);
  CHECK(text(pre, 0) == "a\nb\nc\n\nd");
}

TEST_CASE("link destinations written as Markdown read back as the same href", "[markdown][output]") {
  // A backtick would open a code span over the link, and an entity reference
  // would be decoded: both are escaped in the destination.
  postparse::Options html;
  html.body_format(POSTPARSE_BODY_HTML);
  const std::string href = "/m/next/r`x?a=1&copy;b=<2>\\";
  postparse::Document doc =
      test::parse("<p><a href=\"/m/next/r`x?a=1&amp;copy;b=&lt;2&gt;\\\">Next</a> or <code>Prev</code></p>", &html);
  REQUIRE(postparse_doc_link_count(doc.get()) == 1);
  postparse_link original = POSTPARSE_INIT(postparse_link);
  REQUIRE(postparse_doc_link_at(doc.get(), 0, &original) == POSTPARSE_OK);
  REQUIRE(std::string(original.href.data, original.href.len) == href);

  postparse::Options markdown;
  markdown.body_format(POSTPARSE_BODY_MARKDOWN);
  postparse::Document again = test::parse(doc.to_markdown(), &markdown);
  REQUIRE(postparse_doc_link_count(again.get()) == 1);
  postparse_link read_back = POSTPARSE_INIT(postparse_link);
  REQUIRE(postparse_doc_link_at(again.get(), 0, &read_back) == POSTPARSE_OK);
  CHECK(std::string(read_back.href.data, read_back.href.len) == href);
  CHECK(std::string(postparse_doc_paragraph_text(again.get(), 0).data,
                    postparse_doc_paragraph_text(again.get(), 0).len) == "Next or Prev");
}

TEST_CASE("URLs and e-mail addresses next to markup stay text when Markdown is read back",
          "[markdown][output][regression][regression-markdown-autolink-run]") {
  // A reader's autolinks run to the next blank, over '**' or ']': a URL
  // that markup follows keeps its text but is written so that it cannot
  // become an autolink; one followed by a blank in prose is left as written.
  postparse::Options html;
  html.body_format(POSTPARSE_BODY_HTML);
  postparse::Options markdown;
  markdown.body_format(POSTPARSE_BODY_MARKDOWN);
  markdown.default_profile(false);
  for (const char *body : {"<p><b>[src](https://e.jp/a/840x</b>tail and more words here</p>",
                           // md4c reads "< scheme:...>" as an autolink too
                           "<p>wow!&lt;n!&lt;&nbsp;tag:yaml.org,2002:str&gt;obr&gt; and more words here</p>",
                           "<p><b>see www.e.jp/x</b>y and <b>a@b.com</b>z and a long tail of text</p>",
                           "<p><a href=\"/x\">go https://e.jp/q</a> and <em>https://e.jp/q</em>r in a sentence</p>"}) {
    postparse::Document doc = test::parse(body, &html);
    postparse::Document again = test::parse(doc.to_markdown(), &markdown);
    REQUIRE(postparse_doc_paragraph_count(again.get()) == 1);
    postparse_str before = postparse_doc_paragraph_text(doc.get(), 0);
    postparse_str after = postparse_doc_paragraph_text(again.get(), 0);
    CHECK(std::string(after.data, after.len) == std::string(before.data, before.len));
  }
  postparse::Document prose =
      test::parse("<p>mail a@b.com, see www.e.jp/a and https://e.jp/b today, as 1 &lt; 2</p>", &html);
  CHECK(prose.to_markdown() == "mail a@b.com, see www.e.jp/a and https://e.jp/b today, as 1 < 2\n");
}

TEST_CASE("tabs in code keep their place, as CommonMark reads them", "[markdown][regression-markdown-code-tabs]") {
  // md4c reports a code line's indentation as a number of spaces; found by
  // the invariants harness, where a <pre> text starting with tabs, written
  // as a Markdown fence, read back with spaces.
  postparse::Document doc = test::parse(
      "```go\nfunc main() {\n\tfmt.Println(\"x\")\n}\n```\n\n"  // a fence: tabs as written
      "\tind\n\t\tdeep\n  \ttab\n\n"                              // indented code: 4 columns go
      ">\t\tfoo\n\n"  // CommonMark's example 6: 2 columns of the first tab stay, as spaces
      "- item\n\n  ```\n  \tx\n    y\n  ```\n");                  // in a list item: its 2 columns go
  REQUIRE(postparse_doc_paragraph_count(doc.get()) == 5);
  CHECK(text(doc, 0) == "func main() {\n\tfmt.Println(\"x\")\n}\n");
  CHECK(text(doc, 1) == "ind\n\tdeep\ntab\n");
  CHECK(kind(doc, 1) == POSTPARSE_PARAGRAPH_PRE);
  CHECK(text(doc, 2) == "  foo\n");
  CHECK(text(doc, 3) == "item");
  CHECK(text(doc, 4) == "\tx\n  y\n");
  // The round trip the harness checks: written as Markdown, read back alike.
  std::string markdown = doc.to_markdown();
  postparse::Document again = test::parse(markdown);
  REQUIRE(postparse_doc_paragraph_count(again.get()) == postparse_doc_paragraph_count(doc.get()));
  for (std::size_t i = 0; i < postparse_doc_paragraph_count(doc.get()); ++i) CHECK(text(again, i) == text(doc, i));
}

TEST_CASE("Markdown output never starts with what reads as front matter",
          "[markdown][output][regression-markdown-front-matter-lookalike]") {
  // Found by the invariants harness: a first paragraph "{}" written as
  // Markdown and read back as a post became an empty JSON front matter
  // block, and the paragraph was lost.
  for (const char *html : {"<p>{}</p><p>text</p>", "<p>;;;</p><p>\"a\": 1</p><p>;;;</p><p>x</p>",
                           "<p>{\"title\": \"t\"}</p><p>body</p>", "<p>---</p><p>a: 1</p><p>---</p>"}) {
    INFO("body: " << html);
    // Without the built-in profile, which takes ";;;" and "---" alone for
    // dividers: every paragraph is content and written.
    postparse::Options as_html;
    as_html.body_format(POSTPARSE_BODY_HTML);
    as_html.default_profile(false);
    postparse::Document doc = test::parse(html, &as_html);
    std::string markdown = doc.to_markdown();
    postparse::Options as_markdown;
    as_markdown.body_format(POSTPARSE_BODY_MARKDOWN);
    as_markdown.default_profile(false);
    postparse::Document again = test::parse(markdown, &as_markdown);
    CHECK(postparse_doc_format(again.get()) == POSTPARSE_FORMAT_NONE);
    REQUIRE(postparse_doc_paragraph_count(again.get()) == postparse_doc_paragraph_count(doc.get()));
    for (std::size_t i = 0; i < postparse_doc_paragraph_count(doc.get()); ++i) CHECK(text(again, i) == text(doc, i));
  }
}

TEST_CASE("angle brackets that CommonMark reads as text stay text",
          "[markdown][output][regression-markdown-misread-autolink]") {
  // Found by the invariants harness: md4c 0.4.8 takes "<" + any ASCII
  // character + a scheme-like run + ":" for an autolink ("< .g:a>",
  // "<1a:b>"), so a body holding such text lost its '<' and '>'.  The
  // reader now keeps them, and the writer escapes the '<' for other
  // md4c-based readers.
  postparse::Document doc = test::parse("x < .g:a> y\n\na <1a:b> c\n\nq <+x:y>\n");
  REQUIRE(postparse_doc_paragraph_count(doc.get()) == 3);
  CHECK(text(doc, 0) == "x < .g:a> y");
  CHECK(text(doc, 1) == "a <1a:b> c");
  CHECK(text(doc, 2) == "q <+x:y>");
  std::string markdown = doc.to_markdown();
  CHECK(markdown == "x \\< .g:a> y\n\na \\<1a:b> c\n\nq \\<+x:y>\n");
  postparse::Document again = test::parse(markdown);
  REQUIRE(postparse_doc_paragraph_count(again.get()) == 3);
  for (std::size_t i = 0; i < 3; ++i) CHECK(text(again, i) == text(doc, i));
  // Real autolinks and links with a destination in angle brackets stay links.
  postparse::Document links = test::parse("see <https://e.jp/a> and [t](< .g:a>) now\n");
  REQUIRE(postparse_doc_paragraph_count(links.get()) == 1);
  CHECK(text(links, 0) == "see https://e.jp/a and t now");
  CHECK(links.to_markdown() == "see [https\\://e.jp/a](<https://e.jp/a>) and [t](< .g:a>) now\n");
}
