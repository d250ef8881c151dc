// Split stage through the public API: which front matter block a post has,
// where its fences and content are in the whole file, where the body starts,
// and which diagnostics the split raises.
#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "helpers.h"

namespace {

// The content span is not exposed by the C++ wrapper; read it through the C ABI.
std::optional<postparse_span> content_span(const postparse::Document &doc) {
  postparse_span s{};
  if (postparse_doc_front_matter_content_span(doc.get(), &s) != POSTPARSE_OK) return std::nullopt;
  return s;
}

std::string_view slice(const std::string &text, const postparse_span &span) {
  return std::string_view(text).substr(span.offset, span.length);
}

// Diagnostics raised while finding the block (not while parsing its content).
std::size_t split_diagnostics(const postparse::Document &doc) {
  std::size_t n = 0;
  for (const auto &d : doc.diagnostics()) n += d.part == POSTPARSE_PART_SPLIT;
  return n;
}

postparse::Options hexo_on() {
  postparse::Options options;
  options.hexo_unfenced(true);
  return options;
}

}  // namespace

TEST_CASE("--- fences: YAML block, spans and body", "[split]") {
  const std::string post = "---\ntitle: Hello\ntags: [a, b]\n---\nBody line\n";
  auto doc = test::parse(post);
  CHECK(doc.format() == POSTPARSE_FORMAT_YAML);
  CHECK(doc.diagnostics().empty());

  auto fm = doc.front_matter_span();
  REQUIRE(fm);
  CHECK(fm->offset == 0);
  CHECK(fm->length == 33);  // both fences, without the closing fence's line break
  CHECK(fm->line == 1);
  CHECK(fm->column == 1);
  CHECK(slice(post, *fm) == "---\ntitle: Hello\ntags: [a, b]\n---");

  auto content = content_span(doc);
  REQUIRE(content);
  CHECK(content->offset == 4);
  CHECK(content->length == 26);
  CHECK(content->line == 2);
  CHECK(content->column == 1);
  CHECK(slice(post, *content) == "title: Hello\ntags: [a, b]\n");

  CHECK(doc.body() == "Body line\n");
  auto body = doc.body_span();
  CHECK(body.offset == 34);
  CHECK(body.length == 10);
  CHECK(body.line == 5);
  CHECK(body.column == 1);

  auto root = doc.front_matter();
  REQUIRE(root);
  CHECK(root.kind() == POSTPARSE_KIND_MAPPING);
  CHECK(root["title"].text() == "Hello");
  CHECK(root["tags"].size() == 2);
}

TEST_CASE("a fence of 4+ dashes is closed by the same run", "[split]") {
  SECTION("---- ... ----") {
    const std::string post = "----\ntitle: x\n----\nbody\n";
    auto doc = test::parse(post);
    CHECK(doc.format() == POSTPARSE_FORMAT_YAML);
    CHECK(doc.diagnostics().empty());
    auto fm = doc.front_matter_span();
    REQUIRE(fm);
    CHECK(fm->offset == 0);
    CHECK(slice(post, *fm) == "----\ntitle: x\n----");
    auto content = content_span(doc);
    REQUIRE(content);
    CHECK(content->offset == 5);
    CHECK(slice(post, *content) == "title: x\n");
    CHECK(doc.body() == "body\n");
    CHECK(doc.body_span().offset == 19);
    CHECK(doc.body_span().line == 4);
    CHECK(doc.front_matter()["title"].text() == "x");
  }
  SECTION("------ ... ------ (six)") {
    auto doc = test::parse("------\ntitle: x\n------\nbody");
    CHECK(doc.format() == POSTPARSE_FORMAT_YAML);
    CHECK(doc.body() == "body");
    CHECK(doc.body_span().line == 4);
    CHECK(doc.front_matter()["title"].text() == "x");
  }
  SECTION("a --- line does not close a ---- fence") {
    const std::string post = "----\ntitle: x\n---\n----\nbody";
    auto doc = test::parse(post);
    CHECK(doc.format() == POSTPARSE_FORMAT_YAML);
    CHECK(split_diagnostics(doc) == 0);
    auto content = content_span(doc);
    REQUIRE(content);
    CHECK(slice(post, *content) == "title: x\n---\n");
    CHECK(doc.body() == "body");
    CHECK(doc.body_span().line == 5);
  }
}

TEST_CASE("a --- fence is not closed by ----", "[split]") {
  SECTION("only a 4-dash line follows: unterminated") {
    const std::string post = "---\ntitle: x\n----\nbody\n";
    auto doc = test::parse(post);
    CHECK(doc.format() == POSTPARSE_FORMAT_NONE);
    CHECK_FALSE(doc.front_matter());
    CHECK_FALSE(doc.front_matter_span());
    CHECK(doc.body() == post);
    CHECK(doc.body_span().offset == 0);
    CHECK(doc.body_span().line == 1);
    auto diags = doc.diagnostics();
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].code == POSTPARSE_ERR_UNTERMINATED);
    CHECK(diags[0].severity == POSTPARSE_SEVERITY_WARNING);
    CHECK(diags[0].part == POSTPARSE_PART_SPLIT);
    CHECK(diags[0].line == 1);
  }
  SECTION("the ---- line is content, the later --- closes") {
    const std::string post = "---\ntitle: x\n----\n---\nbody";
    auto doc = test::parse(post);
    CHECK(doc.format() == POSTPARSE_FORMAT_YAML);
    CHECK(split_diagnostics(doc) == 0);
    auto content = content_span(doc);
    REQUIRE(content);
    CHECK(slice(post, *content) == "title: x\n----\n");
    auto fm = doc.front_matter_span();
    REQUIRE(fm);
    CHECK(slice(post, *fm) == "---\ntitle: x\n----\n---");
    CHECK(doc.body() == "body");
    CHECK(doc.body_span().line == 5);
  }
}

TEST_CASE("trailing spaces and tabs on both fences", "[split]") {
  const std::string post = "--- \t\ntitle: x\n---  \nbody\n";
  auto doc = test::parse(post);
  CHECK(doc.format() == POSTPARSE_FORMAT_YAML);
  CHECK(doc.diagnostics().empty());
  auto fm = doc.front_matter_span();
  REQUIRE(fm);
  CHECK(fm->offset == 0);
  CHECK(fm->length == 20);
  CHECK(slice(post, *fm) == "--- \t\ntitle: x\n---  ");
  auto content = content_span(doc);
  REQUIRE(content);
  CHECK(content->offset == 6);
  CHECK(content->length == 9);
  CHECK(content->line == 2);
  CHECK(doc.body() == "body\n");
  CHECK(doc.body_span().offset == 21);
  CHECK(doc.body_span().line == 4);
  CHECK(doc.front_matter()["title"].text() == "x");

  SECTION("also on ;;; and +++ fences") {
    auto json = test::parse(";;; \n\"title\": \"x\"\n;;;\t\nbody");
    CHECK(json.format() == POSTPARSE_FORMAT_JSON);
    CHECK(json.body() == "body");
    CHECK(json.front_matter()["title"].text() == "x");
    auto toml = test::parse("+++\t \ntitle = \"x\"\n+++ \nbody");
    CHECK(toml.format() == POSTPARSE_FORMAT_TOML);
    CHECK(toml.body() == "body");
    CHECK(toml.front_matter()["title"].text() == "x");
  }
}

TEST_CASE("... closes a YAML block", "[split]") {
  const std::string post = "---\ntitle: x\n...\nbody\n";
  auto doc = test::parse(post);
  CHECK(doc.format() == POSTPARSE_FORMAT_YAML);
  CHECK(doc.diagnostics().empty());
  auto fm = doc.front_matter_span();
  REQUIRE(fm);
  CHECK(slice(post, *fm) == "---\ntitle: x\n...");
  auto content = content_span(doc);
  REQUIRE(content);
  CHECK(slice(post, *content) == "title: x\n");
  CHECK(doc.body() == "body\n");
  CHECK(doc.body_span().offset == 17);
  CHECK(doc.body_span().line == 4);
  CHECK(doc.front_matter()["title"].text() == "x");
}

TEST_CASE(";;; fences: Hexo JSON members without braces", "[split]") {
  const std::string post = ";;;\n\"title\": \"x\",\n\"n\": 1\n;;;\nbody";
  auto doc = test::parse(post);
  CHECK(doc.format() == POSTPARSE_FORMAT_JSON);
  CHECK(doc.diagnostics().empty());

  auto fm = doc.front_matter_span();
  REQUIRE(fm);
  CHECK(fm->offset == 0);
  CHECK(fm->length == 28);
  CHECK(fm->line == 1);
  auto content = content_span(doc);
  REQUIRE(content);
  CHECK(content->offset == 4);
  CHECK(content->length == 21);
  CHECK(content->line == 2);
  CHECK(slice(post, *content) == "\"title\": \"x\",\n\"n\": 1\n");
  CHECK(doc.body() == "body");
  CHECK(doc.body_span().offset == 29);
  CHECK(doc.body_span().line == 5);

  auto root = doc.front_matter();
  REQUIRE(root);
  CHECK(root.kind() == POSTPARSE_KIND_MAPPING);
  REQUIRE(root.size() == 2);
  CHECK(root.key_at(0).text() == "title");
  CHECK(root.key_at(1).text() == "n");
  CHECK(root["title"].kind() == POSTPARSE_KIND_STRING);
  CHECK(root["title"].text() == "x");
  CHECK(root["title"].style() == POSTPARSE_STYLE_DOUBLE_QUOTED);
  CHECK(root["n"].kind() == POSTPARSE_KIND_INT);
  CHECK(root["n"].as_int() == 1);
  // Positions of values are in whole-file terms despite the missing braces.
  postparse_span title = root["title"].span();
  CHECK(title.offset == 13);
  CHECK(title.line == 2);
  CHECK(title.column == 10);
  CHECK(slice(post, title) == "\"x\"");
}

TEST_CASE("+++ fences: TOML with typed data, key order as written", "[split]") {
  const std::string post =
      "+++\n"
      "title = \"x\"\n"
      "z = 1\n"
      "a = 2\n"
      "ratio = 1.5\n"
      "draft = false\n"
      "date = 2021-07-31\n"
      "tags = [\"a\", \"b\"]\n"
      "params = { k = \"v\", n = 3 }\n"
      "+++\n"
      "body\n";
  auto doc = test::parse(post);
  CHECK(doc.format() == POSTPARSE_FORMAT_TOML);
  CHECK(doc.diagnostics().empty());
  auto fm = doc.front_matter_span();
  REQUIRE(fm);
  CHECK(fm->offset == 0);
  CHECK(fm->line == 1);
  CHECK(slice(post, *fm).substr(0, 4) == "+++\n");
  CHECK(slice(post, *fm).substr(slice(post, *fm).size() - 4) == "\n+++");
  auto content = content_span(doc);
  REQUIRE(content);
  CHECK(content->offset == 4);
  CHECK(content->line == 2);
  CHECK(content->offset + content->length == post.find("+++\nbody"));
  CHECK(doc.body() == "body\n");
  CHECK(doc.body_span().line == 11);
  CHECK(doc.body_span().offset == post.size() - 5);

  auto root = doc.front_matter();
  REQUIRE(root);
  REQUIRE(root.kind() == POSTPARSE_KIND_MAPPING);
  REQUIRE(root.size() == 8);
  const char *order[] = {"title", "z", "a", "ratio", "draft", "date", "tags", "params"};
  for (std::size_t i = 0; i < 8; ++i) {
    CAPTURE(i);
    CHECK(root.key_at(i).text() == order[i]);
  }
  CHECK(root["title"].kind() == POSTPARSE_KIND_STRING);
  CHECK(root["title"].text() == "x");
  CHECK(root["z"].kind() == POSTPARSE_KIND_INT);
  CHECK(root["z"].as_int() == 1);
  CHECK(root["a"].as_int() == 2);
  CHECK(root["ratio"].kind() == POSTPARSE_KIND_FLOAT);
  CHECK(root["ratio"].as_double() == 1.5);
  CHECK(root["draft"].kind() == POSTPARSE_KIND_BOOL);
  CHECK(root["draft"].as_bool() == false);
  CHECK(root["date"].kind() == POSTPARSE_KIND_TIMESTAMP);
  CHECK(root["date"].text() == "2021-07-31");
  auto t = root["date"].as_time();
  REQUIRE(t);
  CHECK(t->unix_seconds == 1627689600);
  CHECK_FALSE(t->has_time);
  CHECK(root["tags"].kind() == POSTPARSE_KIND_SEQUENCE);
  REQUIRE(root["tags"].size() == 2);
  CHECK(root["tags"][0].text() == "a");
  CHECK(root["tags"][1].text() == "b");
  auto params = root["params"];
  CHECK(params.kind() == POSTPARSE_KIND_MAPPING);
  REQUIRE(params.size() == 2);
  CHECK(params.key_at(0).text() == "k");
  CHECK(params.key_at(1).text() == "n");
  CHECK(params["k"].text() == "v");
  CHECK(params["n"].as_int() == 3);
  // A value's span is in whole-file terms.
  postparse_span z = root["z"].span();
  CHECK(z.line == 3);
  CHECK(z.column == 5);
  CHECK(slice(post, z) == "1");
}

TEST_CASE("+++ TOML: date-times, local times and numbers", "[split]") {
  const std::string post =
      "+++\n"
      "odt = 1979-05-27T07:32:00-08:00\n"
      "lt = 07:32:00\n"
      "f = 1e3\n"
      "hex = 0x1F\n"
      "sep = 1_000\n"
      "pos = +5\n"
      "+++\n";
  auto doc = test::parse(post);
  CHECK(doc.format() == POSTPARSE_FORMAT_TOML);
  CHECK(doc.diagnostics().empty());
  CHECK(doc.body().empty());
  auto root = doc.front_matter();
  REQUIRE(root);
  auto odt = root["odt"];
  CHECK(odt.kind() == POSTPARSE_KIND_TIMESTAMP);
  CHECK(odt.text() == "1979-05-27T07:32:00-08:00");
  auto t = odt.as_time();
  REQUIRE(t);
  CHECK(t->unix_seconds == 296667120);
  CHECK(t->offset_seconds == -8 * 3600);
  CHECK(t->explicit_offset);
  // A time of day alone names no date.
  CHECK(root["lt"].kind() == POSTPARSE_KIND_STRING);
  CHECK(root["lt"].text() == "07:32:00");
  CHECK(root["f"].kind() == POSTPARSE_KIND_FLOAT);
  CHECK(root["f"].as_double() == 1000.0);
  CHECK(root["f"].text() == "1e3");
  CHECK(root["hex"].kind() == POSTPARSE_KIND_INT);
  CHECK(root["hex"].as_int() == 31);
  CHECK(root["sep"].as_int() == 1000);
  CHECK(root["pos"].as_int() == 5);
  // postparse_value_text: "a number's text as written", as for floats.
  CHECK(root["hex"].text() == "0x1F");
  CHECK(root["sep"].text() == "1_000");
  CHECK(root["pos"].text() == "+5");
  CHECK(root["hex"].raw_text() == "0x1F");
}

TEST_CASE("a bare JSON object at the start is front matter", "[split]") {
  SECTION("one line") {
    const std::string post = "{ \"title\": \"x\", \"n\": 2 }\nbody";
    auto doc = test::parse(post);
    CHECK(doc.format() == POSTPARSE_FORMAT_JSON);
    CHECK(doc.diagnostics().empty());
    auto fm = doc.front_matter_span();
    REQUIRE(fm);
    CHECK(fm->offset == 0);
    CHECK(fm->length == 24);
    CHECK(slice(post, *fm) == "{ \"title\": \"x\", \"n\": 2 }");
    auto content = content_span(doc);
    REQUIRE(content);
    CHECK(content->offset == 0);
    CHECK(content->length == 24);
    CHECK(doc.body() == "body");
    CHECK(doc.body_span().offset == 25);
    CHECK(doc.body_span().line == 2);
    auto root = doc.front_matter();
    REQUIRE(root);
    CHECK(root["title"].text() == "x");
    CHECK(root["n"].kind() == POSTPARSE_KIND_INT);
    CHECK(root["n"].as_int() == 2);
  }
  SECTION("over several lines, with a brace inside a string") {
    const std::string post = "{\n  \"title\": \"a } b\"\n}\n\nbody\n";
    auto doc = test::parse(post);
    CHECK(doc.format() == POSTPARSE_FORMAT_JSON);
    CHECK(doc.diagnostics().empty());
    auto fm = doc.front_matter_span();
    REQUIRE(fm);
    CHECK(slice(post, *fm) == "{\n  \"title\": \"a } b\"\n}");
    CHECK(doc.body() == "\nbody\n");
    CHECK(doc.body_span().line == 4);
    CHECK(doc.front_matter()["title"].text() == "a } b");
  }
}

TEST_CASE("bare JSON: empty object, and text that is not a lone object", "[split]") {
  SECTION("{} is an empty mapping") {
    auto doc = test::parse("{}\nbody");
    CHECK(doc.format() == POSTPARSE_FORMAT_JSON);
    CHECK(doc.diagnostics().empty());
    REQUIRE(doc.front_matter());
    CHECK(doc.front_matter().kind() == POSTPARSE_KIND_MAPPING);
    CHECK(doc.front_matter().size() == 0);
    CHECK(doc.body() == "body");
    CHECK(doc.body_span().line == 2);
  }
  SECTION("an object that ends the input") {
    const std::string post = "{\"a\": 1}";
    auto doc = test::parse(post);
    CHECK(doc.format() == POSTPARSE_FORMAT_JSON);
    CHECK(doc.body().empty());
    CHECK(doc.body_span().offset == post.size());
    CHECK(doc.front_matter()["a"].as_int() == 1);
  }
  SECTION("text after the closing brace on its line: not front matter") {
    const std::string post = "{ \"a\": 1 } trailing\nbody";
    auto doc = test::parse(post);
    CHECK(doc.format() == POSTPARSE_FORMAT_NONE);
    CHECK(doc.diagnostics().empty());
    CHECK(doc.body() == post);
  }
  SECTION("braces that never balance: not front matter") {
    const std::string post = "{ \"a\": 1\nbody\n";
    auto doc = test::parse(post);
    CHECK(doc.format() == POSTPARSE_FORMAT_NONE);
    CHECK(doc.diagnostics().empty());
    CHECK(doc.body() == post);
  }
}

TEST_CASE("the first closing fence ends the block; later rules are body", "[split]") {
  const std::string post = "---\na: 1\n---\nbody\n---\nmore\n---\n";
  auto doc = test::parse(post);
  CHECK(doc.format() == POSTPARSE_FORMAT_YAML);
  CHECK(doc.diagnostics().empty());
  auto content = content_span(doc);
  REQUIRE(content);
  CHECK(slice(post, *content) == "a: 1\n");
  CHECK(doc.body() == "body\n---\nmore\n---\n");
  CHECK(doc.body_span().offset == 13);
  CHECK(doc.body_span().line == 4);
  CHECK(doc.front_matter().size() == 1);
}

TEST_CASE("a body starting with a {{< shortcode >}} is not front matter", "[split]") {
  const std::string post = "{{< shortcode >}}\ntext\n";
  auto doc = test::parse(post);
  CHECK(doc.format() == POSTPARSE_FORMAT_NONE);
  CHECK(doc.diagnostics().empty());
  CHECK_FALSE(doc.front_matter());
  CHECK_FALSE(doc.front_matter_span());
  CHECK_FALSE(content_span(doc));
  CHECK(doc.body() == post);
  CHECK(doc.body_span().offset == 0);
  CHECK(doc.body_span().length == post.size());
  CHECK(doc.body_span().line == 1);

  auto percent = test::parse("{{% note %}}\nhi\n{{% /note %}}\n");
  CHECK(percent.format() == POSTPARSE_FORMAT_NONE);
  CHECK(percent.diagnostics().empty());
}

TEST_CASE("a UTF-8 BOM before ---", "[split]") {
  const std::string post = "\xEF\xBB\xBF---\ntitle: x\n---\nbody";
  auto doc = test::parse(post);
  CHECK(doc.format() == POSTPARSE_FORMAT_YAML);
  CHECK(doc.diagnostics().empty());
  auto fm = doc.front_matter_span();
  REQUIRE(fm);
  CHECK(fm->offset == 3);
  CHECK(fm->length == 16);
  CHECK(fm->line == 1);
  CHECK(fm->column == 1);  // the BOM is not counted
  auto content = content_span(doc);
  REQUIRE(content);
  CHECK(content->offset == 7);
  CHECK(content->line == 2);
  CHECK(doc.body() == "body");
  CHECK(doc.body_span().offset == 20);
  CHECK(doc.body_span().line == 4);
  CHECK(doc.front_matter()["title"].text() == "x");
  CHECK(doc.front_matter()["title"].span().column == 8);
}

TEST_CASE("leading blank lines before the opening fence", "[split]") {
  SECTION("the seed format: one empty line") {
    const std::string post = "\n---\ntitle: x\n---\nbody";
    auto doc = test::parse(post);
    CHECK(doc.format() == POSTPARSE_FORMAT_YAML);
    CHECK(doc.diagnostics().empty());
    auto fm = doc.front_matter_span();
    REQUIRE(fm);
    CHECK(fm->offset == 1);
    CHECK(fm->length == 16);
    CHECK(fm->line == 2);
    CHECK(fm->column == 1);
    auto content = content_span(doc);
    REQUIRE(content);
    CHECK(content->offset == 5);
    CHECK(content->line == 3);
    CHECK(doc.body() == "body");
    CHECK(doc.body_span().offset == 18);
    CHECK(doc.body_span().line == 5);
    postparse_span title = doc.front_matter()["title"].span();
    CHECK(title.line == 3);
    CHECK(title.column == 8);
  }
  SECTION("several blank and whitespace-only lines") {
    const std::string post = "\n  \n\t\n---\ntitle: x\n---\nbody";
    auto doc = test::parse(post);
    CHECK(doc.format() == POSTPARSE_FORMAT_YAML);
    CHECK(doc.diagnostics().empty());
    auto fm = doc.front_matter_span();
    REQUIRE(fm);
    CHECK(fm->offset == 6);
    CHECK(fm->line == 4);
    CHECK(doc.body() == "body");
    CHECK(doc.body_span().line == 7);
  }
  SECTION("BOM then a blank line") {
    const std::string post = "\xEF\xBB\xBF\n---\ntitle: x\n---\nbody";
    auto doc = test::parse(post);
    CHECK(doc.format() == POSTPARSE_FORMAT_YAML);
    auto fm = doc.front_matter_span();
    REQUIRE(fm);
    CHECK(fm->offset == 4);
    CHECK(fm->line == 2);
    CHECK(fm->column == 1);
    CHECK(doc.body() == "body");
    CHECK(doc.body_span().line == 5);
  }
}

TEST_CASE("CRLF line ends everywhere", "[split]") {
  const std::string post = "---\r\ntitle: x\r\nn: 1\r\n---\r\nbody\r\nmore\r\n";
  auto doc = test::parse(post);
  CHECK(doc.format() == POSTPARSE_FORMAT_YAML);
  CHECK(doc.diagnostics().empty());
  auto fm = doc.front_matter_span();
  REQUIRE(fm);
  CHECK(fm->offset == 0);
  CHECK(fm->length == 24);
  CHECK(slice(post, *fm) == "---\r\ntitle: x\r\nn: 1\r\n---");
  auto content = content_span(doc);
  REQUIRE(content);
  CHECK(content->offset == 5);
  CHECK(content->length == 16);
  CHECK(content->line == 2);
  CHECK(doc.body() == "body\r\nmore\r\n");
  CHECK(doc.body_span().offset == 26);
  CHECK(doc.body_span().line == 5);
  CHECK(doc.body_span().column == 1);

  auto root = doc.front_matter();
  REQUIRE(root);
  CHECK(root["title"].text() == "x");
  CHECK(root["title"].raw_text() == "x");
  CHECK(root["n"].kind() == POSTPARSE_KIND_INT);
  CHECK(root["n"].as_int() == 1);
  CHECK(root["n"].span().line == 3);
  CHECK(root["n"].span().column == 4);

  SECTION("CRLF in TOML and JSON blocks") {
    auto toml = test::parse("+++\r\ntitle = \"x\"\r\nn = 2\r\n+++\r\nbody\r\n");
    CHECK(toml.format() == POSTPARSE_FORMAT_TOML);
    CHECK(toml.diagnostics().empty());
    CHECK(toml.body() == "body\r\n");
    CHECK(toml.body_span().line == 5);
    CHECK(toml.front_matter()["title"].text() == "x");
    CHECK(toml.front_matter()["n"].as_int() == 2);
    CHECK(toml.front_matter()["n"].span().line == 3);

    auto json = test::parse(";;;\r\n\"title\": \"x\"\r\n;;;\r\nbody");
    CHECK(json.format() == POSTPARSE_FORMAT_JSON);
    CHECK(json.diagnostics().empty());
    CHECK(json.body() == "body");
    CHECK(json.body_span().line == 4);
    CHECK(json.front_matter()["title"].text() == "x");
  }
}

TEST_CASE("lone CR line ends", "[split]") {
  const std::string post = "---\rtitle: x\rn: 1\r---\rbody\rmore";
  auto doc = test::parse(post);
  CHECK(doc.format() == POSTPARSE_FORMAT_YAML);
  CHECK(doc.diagnostics().empty());
  auto fm = doc.front_matter_span();
  REQUIRE(fm);
  CHECK(fm->offset == 0);
  CHECK(slice(post, *fm) == "---\rtitle: x\rn: 1\r---");
  auto content = content_span(doc);
  REQUIRE(content);
  CHECK(content->offset == 4);
  CHECK(content->line == 2);
  CHECK(slice(post, *content) == "title: x\rn: 1\r");
  CHECK(doc.body() == "body\rmore");
  CHECK(doc.body_span().offset == 22);
  CHECK(doc.body_span().line == 5);
  auto root = doc.front_matter();
  REQUIRE(root);
  CHECK(root["title"].text() == "x");
  CHECK(root["n"].as_int() == 1);
  CHECK(root["n"].span().line == 3);
  CHECK(root["n"].span().column == 4);
}

TEST_CASE("mixed line ends", "[split]") {
  const std::string post = "---\r\ntitle: x\nn: 1\r---\nbody\r\nend";
  auto doc = test::parse(post);
  CHECK(doc.format() == POSTPARSE_FORMAT_YAML);
  CHECK(doc.diagnostics().empty());
  auto content = content_span(doc);
  REQUIRE(content);
  CHECK(content->offset == 5);
  CHECK(slice(post, *content) == "title: x\nn: 1\r");
  CHECK(doc.body() == "body\r\nend");
  CHECK(doc.body_span().offset == 23);
  CHECK(doc.body_span().line == 5);
  auto root = doc.front_matter();
  REQUIRE(root);
  CHECK(root["title"].text() == "x");
  CHECK(root["n"].as_int() == 1);
  CHECK(root["n"].span().line == 3);
}

TEST_CASE("no final newline after the closing fence", "[split]") {
  const std::string post = "---\ntitle: x\n---";
  auto doc = test::parse(post);
  CHECK(doc.format() == POSTPARSE_FORMAT_YAML);
  CHECK(doc.diagnostics().empty());
  auto fm = doc.front_matter_span();
  REQUIRE(fm);
  CHECK(fm->length == post.size());
  CHECK(doc.body().empty());
  CHECK(doc.body_span().offset == post.size());
  CHECK(doc.body_span().length == 0);
  CHECK(doc.body_span().line == 3);
  CHECK(doc.front_matter()["title"].text() == "x");

  SECTION("with trailing blanks on the fence") {
    auto d = test::parse("---\ntitle: x\n--- ");
    CHECK(d.format() == POSTPARSE_FORMAT_YAML);
    CHECK(d.body().empty());
    CHECK(d.front_matter()["title"].text() == "x");
  }
  SECTION("a final newline gives an empty body on the next line") {
    auto d = test::parse("---\ntitle: x\n---\n");
    CHECK(d.body().empty());
    CHECK(d.body_span().offset == 17);
    CHECK(d.body_span().length == 0);
    CHECK(d.body_span().line == 4);
    CHECK(d.body_span().column == 1);
  }
}

TEST_CASE("an empty block is an empty mapping", "[split]") {
  const std::string post = "---\n---\n";
  auto doc = test::parse(post);
  CHECK(doc.format() == POSTPARSE_FORMAT_YAML);
  CHECK(doc.diagnostics().empty());
  auto root = doc.front_matter();
  REQUIRE(root);
  CHECK(root.kind() == POSTPARSE_KIND_MAPPING);
  CHECK(root.size() == 0);
  auto fm = doc.front_matter_span();
  REQUIRE(fm);
  CHECK(fm->offset == 0);
  CHECK(fm->length == 7);
  auto content = content_span(doc);
  REQUIRE(content);
  CHECK(content->offset == 4);
  CHECK(content->length == 0);
  CHECK(doc.body().empty());
  CHECK(doc.body_span().offset == 8);
  CHECK(doc.body_span().line == 3);

  SECTION("with a body") {
    auto d = test::parse("---\n---\nbody\n");
    CHECK(d.format() == POSTPARSE_FORMAT_YAML);
    CHECK(d.front_matter().kind() == POSTPARSE_KIND_MAPPING);
    CHECK(d.front_matter().size() == 0);
    CHECK(d.body() == "body\n");
    CHECK(d.body_span().line == 3);
  }
  SECTION("only a comment or blank lines inside") {
    auto d = test::parse("---\n# nothing here\n\n---\nbody");
    CHECK(d.format() == POSTPARSE_FORMAT_YAML);
    CHECK(d.diagnostics().empty());
    CHECK(d.front_matter().kind() == POSTPARSE_KIND_MAPPING);
    CHECK(d.front_matter().size() == 0);
    CHECK(d.body() == "body");
  }
}

TEST_CASE("an unterminated block leaves the whole input as body", "[split]") {
  SECTION("--- never closed") {
    const std::string post = "---\ntitle: x\n\nSome text.\n";
    auto doc = test::parse(post);
    CHECK(doc.format() == POSTPARSE_FORMAT_NONE);
    CHECK_FALSE(doc.front_matter());
    CHECK_FALSE(doc.front_matter_span());
    CHECK_FALSE(content_span(doc));
    CHECK(doc.body() == post);
    CHECK(doc.body_span().offset == 0);
    CHECK(doc.body_span().length == post.size());
    CHECK(doc.body_span().line == 1);
    auto diags = doc.diagnostics();
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].code == POSTPARSE_ERR_UNTERMINATED);
    CHECK(diags[0].severity == POSTPARSE_SEVERITY_WARNING);
    CHECK(diags[0].part == POSTPARSE_PART_SPLIT);
    CHECK(diags[0].line == 1);
    CHECK(diags[0].column == 1);
    CHECK(diags[0].offset == 0);
  }
  SECTION("after a BOM and a blank line: body skips only the BOM, warning at the fence's line") {
    const std::string post = "\xEF\xBB\xBF\n---\ntitle: x\n";
    auto doc = test::parse(post);
    CHECK(doc.format() == POSTPARSE_FORMAT_NONE);
    CHECK(doc.body() == post.substr(3));
    CHECK(doc.body_span().offset == 3);
    CHECK(doc.body_span().line == 1);
    CHECK(doc.body_span().column == 1);
    auto diags = doc.diagnostics();
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].code == POSTPARSE_ERR_UNTERMINATED);
    CHECK(diags[0].severity == POSTPARSE_SEVERITY_WARNING);
    CHECK(diags[0].line == 2);
    CHECK(diags[0].column == 1);
  }
  SECTION("after a BOM on line 1: the warning's column does not count the BOM") {
    const std::string post = "\xEF\xBB\xBF---\ntitle: x\n";
    auto doc = test::parse(post);
    CHECK(doc.format() == POSTPARSE_FORMAT_NONE);
    CHECK(doc.body() == post.substr(3));
    auto diags = doc.diagnostics();
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].code == POSTPARSE_ERR_UNTERMINATED);
    CHECK(diags[0].offset == 3);
    CHECK(diags[0].line == 1);
    CHECK(diags[0].column == 1);
  }
  SECTION("+++ and ;;; never closed") {
    for (std::string post : {"+++\ntitle = \"x\"\nbody", ";;;\n\"title\": \"x\"\nbody"}) {
      CAPTURE(post);
      auto doc = test::parse(post);
      CHECK(doc.format() == POSTPARSE_FORMAT_NONE);
      CHECK(doc.body() == post);
      REQUIRE(doc.diagnostics().size() == 1);
      CHECK(doc.diagnostics()[0].code == POSTPARSE_ERR_UNTERMINATED);
      CHECK(doc.diagnostics()[0].line == 1);
    }
  }
  SECTION("a lone --- as the whole input") {
    auto doc = test::parse("---");
    CHECK(doc.format() == POSTPARSE_FORMAT_NONE);
    CHECK(doc.body() == "---");
    CHECK(test::count_code(doc, POSTPARSE_ERR_UNTERMINATED) == 1);
  }
}

TEST_CASE("no front matter at all", "[split]") {
  SECTION("prose") {
    const std::string post = "# Title\n\nSome text.\n";
    auto doc = test::parse(post);
    CHECK(doc.format() == POSTPARSE_FORMAT_NONE);
    CHECK(doc.diagnostics().empty());
    CHECK_FALSE(doc.front_matter());
    CHECK_FALSE(doc.front_matter_span());
    CHECK(doc.body() == post);
    CHECK(doc.body_span().offset == 0);
    CHECK(doc.body_span().length == post.size());
    CHECK(doc.body_span().line == 1);
    CHECK(doc.body_span().column == 1);
  }
  SECTION("a key: value line without fences (Hexo unfenced off by default)") {
    const std::string post = "title: x\n---\nbody";
    auto doc = test::parse(post);
    CHECK(doc.format() == POSTPARSE_FORMAT_NONE);
    CHECK(doc.diagnostics().empty());
    CHECK(doc.body() == post);
  }
  SECTION("empty input") {
    auto doc = test::parse("");
    CHECK(doc.format() == POSTPARSE_FORMAT_NONE);
    CHECK(doc.diagnostics().empty());
    CHECK(doc.body().empty());
    CHECK(doc.body_span().offset == 0);
    CHECK(doc.body_span().line == 1);
  }
  SECTION("only blank lines") {
    auto doc = test::parse("\n\n  \n");
    CHECK(doc.format() == POSTPARSE_FORMAT_NONE);
    CHECK(doc.diagnostics().empty());
    CHECK(doc.body() == "\n\n  \n");
  }
  SECTION("a BOM before prose is not part of the body") {
    auto doc = test::parse("\xEF\xBB\xBFhello\n");
    CHECK(doc.format() == POSTPARSE_FORMAT_NONE);
    CHECK(doc.body() == "hello\n");
    CHECK(doc.body_span().offset == 3);
    CHECK(doc.body_span().column == 1);
  }
  SECTION("a fence that is not at the start is a thematic break") {
    const std::string post = "intro\n---\ntitle: x\n---\nbody";
    auto doc = test::parse(post);
    CHECK(doc.format() == POSTPARSE_FORMAT_NONE);
    CHECK(doc.diagnostics().empty());
    CHECK(doc.body() == post);
  }
  SECTION("an indented fence is not a fence") {
    const std::string post = " ---\ntitle: x\n ---\nbody";
    auto doc = test::parse(post);
    CHECK(doc.format() == POSTPARSE_FORMAT_NONE);
    CHECK(doc.diagnostics().empty());
    CHECK(doc.body() == post);
  }
}

TEST_CASE("Hexo's unfenced form with the option on", "[split]") {
  auto options = hexo_on();
  SECTION("accepted") {
    const std::string post = "title: x\ntags: [a]\n---\nbody";
    auto doc = test::parse(post, &options);
    CHECK(doc.format() == POSTPARSE_FORMAT_YAML);
    CHECK(doc.diagnostics().empty());
    auto fm = doc.front_matter_span();
    REQUIRE(fm);
    CHECK(fm->offset == 0);
    CHECK(fm->length == 22);
    CHECK(fm->line == 1);
    CHECK(slice(post, *fm) == "title: x\ntags: [a]\n---");
    auto content = content_span(doc);
    REQUIRE(content);
    CHECK(content->offset == 0);
    CHECK(content->length == 19);
    CHECK(content->line == 1);
    CHECK(doc.body() == "body");
    CHECK(doc.body_span().offset == 23);
    CHECK(doc.body_span().line == 4);
    auto root = doc.front_matter();
    REQUIRE(root);
    CHECK(root["title"].text() == "x");
    CHECK(root["title"].span().line == 1);
    CHECK(root["title"].span().column == 8);
    CHECK(root["tags"].size() == 1);
  }
  SECTION("after a leading blank line") {
    const std::string post = "\ntitle: x\n---\nbody";
    auto doc = test::parse(post, &options);
    CHECK(doc.format() == POSTPARSE_FORMAT_YAML);
    auto fm = doc.front_matter_span();
    REQUIRE(fm);
    CHECK(fm->offset == 1);
    CHECK(fm->line == 2);
    CHECK(doc.body() == "body");
    CHECK(doc.body_span().line == 4);
    CHECK(doc.front_matter()["title"].span().line == 2);
  }
  SECTION("the regular fenced form still works") {
    auto doc = test::parse("---\ntitle: x\n---\nbody", &options);
    CHECK(doc.format() == POSTPARSE_FORMAT_YAML);
    CHECK(doc.front_matter_span()->offset == 0);
    CHECK(doc.body() == "body");
    CHECK(doc.front_matter()["title"].text() == "x");
  }
}

TEST_CASE("Hexo's unfenced JSON members before ;;; with the option on", "[split]") {
  auto options = hexo_on();
  const std::string post = "\"title\": \"x\",\n\"n\": 1\n;;;\nbody";
  auto doc = test::parse(post, &options);
  CHECK(doc.format() == POSTPARSE_FORMAT_JSON);
  CHECK(doc.diagnostics().empty());
  auto fm = doc.front_matter_span();
  REQUIRE(fm);
  CHECK(fm->offset == 0);
  CHECK(slice(post, *fm) == "\"title\": \"x\",\n\"n\": 1\n;;;");
  auto content = content_span(doc);
  REQUIRE(content);
  CHECK(content->offset == 0);
  CHECK(slice(post, *content) == "\"title\": \"x\",\n\"n\": 1\n");
  CHECK(doc.body() == "body");
  CHECK(doc.body_span().line == 4);
  auto root = doc.front_matter();
  REQUIRE(root);
  CHECK(root["title"].text() == "x");
  CHECK(root["n"].as_int() == 1);
  postparse_span title = root["title"].span();
  CHECK(title.offset == 9);
  CHECK(title.line == 1);
  CHECK(title.column == 10);
  CHECK(slice(post, title) == "\"x\"");

  SECTION("not without the option") {
    auto off = test::parse(post);
    CHECK(off.format() == POSTPARSE_FORMAT_NONE);
    CHECK(off.body() == post);
  }
  SECTION("prose before ;;; stays body") {
    const std::string prose = "Some prose: here\n;;;\nbody";
    auto d = test::parse(prose, &options);
    CHECK(d.format() == POSTPARSE_FORMAT_NONE);
    CHECK(d.diagnostics().empty());
    CHECK(d.body() == prose);
  }
}

TEST_CASE("Hexo's unfenced form is not accepted when the option is off", "[split]") {
  const std::string post = "title: x\n---\nbody";
  postparse::Options off;
  off.hexo_unfenced(false);
  for (const postparse::Options *options : {static_cast<const postparse::Options *>(nullptr),
                                            static_cast<const postparse::Options *>(&off)}) {
    auto doc = test::parse(post, options);
    CHECK(doc.format() == POSTPARSE_FORMAT_NONE);
    CHECK(doc.diagnostics().empty());
    CHECK_FALSE(doc.front_matter());
    CHECK(doc.body() == post);
    CHECK(doc.body_span().line == 1);
  }
}

TEST_CASE("prose before a --- rule stays body even with Hexo's unfenced form on", "[split]") {
  auto options = hexo_on();
  for (std::string post : {"Hello world.\n\nMore prose, see: below\n---\nbody",
                           "# Heading\n---\nbody", "# Heading\n---", "Hello world.\n---\nbody",
                           "- a list\n- of items\n---\nbody"}) {
    CAPTURE(post);
    auto doc = test::parse(post, &options);
    CHECK(doc.format() == POSTPARSE_FORMAT_NONE);
    CHECK(doc.diagnostics().empty());
    CHECK_FALSE(doc.front_matter());
    CHECK_FALSE(doc.front_matter_span());
    CHECK(doc.body() == post);
    CHECK(doc.body_span().offset == 0);
    CHECK(doc.body_span().line == 1);
  }
}
