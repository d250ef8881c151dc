// Front matter stage end to end: dates resolved into the output, date
// diagnostics, JSON/TOML mapped onto the same tree, diagnostics' positions.
#include <catch2/catch.hpp>

#include "helpers.h"

namespace {

std::string json_of(const std::string &post, const postparse::Options *options = nullptr) {
  return test::parse(post, options).to_json();
}

bool contains(const std::string &haystack, const std::string &needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("date-valued keys are resolved into the output by JSON pointer", "[front_matter][dates]") {
  std::string json = json_of(
      "---\ndate: Sat, 31 Jul 2021 12:27:53 GMT\nupdated: 2021-08-01T09:00:00+08:00\n"
      "meta:\n  lastmod: 2004-07-21 17:40:54.000000000 -07:00\n"
      "shown: 2002-12-14\nnote: 2002-12-14 is a date in prose\n---\nbody");
  CHECK(contains(json, "\"/date\":\"2021-07-31T12:27:53+00:00\""));
  CHECK(contains(json, "\"/updated\":\"2021-08-01T09:00:00+08:00\""));
  CHECK(contains(json, "\"/meta/lastmod\":\"2004-07-21T17:40:54-07:00\""));
  // A YAML timestamp under any key is a date; prose under a non-date key is not.
  CHECK(contains(json, "\"/shown\":\"2002-12-14T00:00:00+00:00\""));
  CHECK_FALSE(contains(json, "\"/note\""));
  // The data keeps the text as written.
  CHECK(contains(json, "\"date\":\"Sat, 31 Jul 2021 12:27:53 GMT\""));
}

TEST_CASE("JSON pointers escape / and ~ in keys", "[front_matter][dates]") {
  std::string json = json_of("---\n\"a/b~c\":\n  date: 2020-01-02\n---\n");
  CHECK(contains(json, "\"/a~1b~0c/date\":\"2020-01-02T00:00:00+00:00\""));
}

TEST_CASE("naive dates use the options' time zone, never the machine's", "[front_matter][dates]") {
  postparse::Options shanghai;
  shanghai.timezone("Asia/Shanghai");
  std::string post = "---\ndate: 2021-07-31 12:00:00\n---\n";
  CHECK(contains(json_of(post), "\"/date\":\"2021-07-31T12:00:00+00:00\""));
  CHECK(contains(json_of(post, &shanghai), "\"/date\":\"2021-07-31T12:00:00+08:00\""));
  auto t = test::parse(post, &shanghai).front_matter()["date"].as_time();
  REQUIRE(t);
  CHECK(t->unix_seconds == 1627704000);
  CHECK_FALSE(t->explicit_offset);
}

TEST_CASE("impossible dates are errors with a position, never rolled over", "[front_matter][dates]") {
  auto doc = test::parse("\n---\ntitle: x\ndate: 2021-02-30 10:00:00\n---\nbody");
  auto diags = doc.diagnostics();
  const postparse_diagnostic *d = test::first_with(diags, POSTPARSE_ERR_INVALID_DATE);
  REQUIRE(d);
  CHECK(d->severity == POSTPARSE_SEVERITY_ERROR);
  CHECK(d->line == 4);
  CHECK(d->column == 7);
  CHECK_FALSE(contains(doc.to_json(), "\"/date\""));
  CHECK(doc.front_matter()["title"].text() == "x");  // the rest is still there
  CHECK(doc.body() == "body");
}

TEST_CASE("a date key that holds no date gets a warning and keeps its text", "[front_matter][dates]") {
  auto doc = test::parse("---\ndate: Invalid Date\n---\n");
  auto diags = doc.diagnostics();
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].code == POSTPARSE_ERR_INVALID_DATE);
  CHECK(diags[0].severity == POSTPARSE_SEVERITY_WARNING);
  CHECK(doc.front_matter()["date"].text() == "Invalid Date");
}

TEST_CASE("YAML syntax errors point at the line in the whole file and keep the body", "[front_matter]") {
  // The seed format: a blank line, then the block; the title has a stray quote.
  auto doc = test::parse("\n---\ntitle: 'it's'\nauthor: x\n---\n<p>body</p>\n");
  auto diags = doc.diagnostics();
  const postparse_diagnostic *d = test::first_with(diags, POSTPARSE_ERR_SYNTAX);
  REQUIRE(d);
  CHECK(d->part == POSTPARSE_PART_FRONT_MATTER);
  CHECK(d->line == 3);
  CHECK_FALSE(doc.front_matter());
  CHECK(doc.body() == "<p>body</p>\n");
  CHECK(contains(doc.to_json(), "\"data\":null"));
}

TEST_CASE("JSON and TOML blocks map onto the same tree as YAML", "[front_matter]") {
  auto json = test::parse(";;;\n\"title\": \"x\",\n\"tags\": [\"a\", 1, true, null],\n\"n\": 1.5\n;;;\nbody");
  auto yaml = test::parse("---\ntitle: x\ntags: [a, 1, true, null]\nn: 1.5\n---\nbody");
  auto toml = test::parse("+++\ntitle = \"x\"\ntags = [\"a\", 1, true]\nn = 1.5\n+++\nbody");
  for (auto *doc : {&json, &yaml, &toml}) {
    postparse::Value fm = doc->front_matter();
    REQUIRE(fm.kind() == POSTPARSE_KIND_MAPPING);
    CHECK(fm.key_at(0).text() == "title");
    CHECK(fm["title"].text() == "x");
    CHECK(fm["tags"][0].text() == "a");
    CHECK(fm["tags"][1].as_int() == 1);
    CHECK(fm["tags"][2].as_bool());
    CHECK(fm["n"].as_double() == 1.5);
    CHECK(doc->body() == "body");
  }
  CHECK(json.format() == POSTPARSE_FORMAT_JSON);
  CHECK(toml.format() == POSTPARSE_FORMAT_TOML);
}

TEST_CASE("TOML dates are timestamps and TOML errors have positions", "[front_matter]") {
  auto doc = test::parse("+++\ndate = 2021-07-31T12:27:53+08:00\nday = 2021-07-31\n+++\n");
  CHECK(doc.front_matter()["date"].kind() == POSTPARSE_KIND_TIMESTAMP);
  CHECK(contains(doc.to_json(), "\"/date\":\"2021-07-31T12:27:53+08:00\""));
  CHECK(contains(doc.to_json(), "\"/day\":\"2021-07-31T00:00:00+00:00\""));
  auto bad = test::parse("+++\ntitle = \"x\"\ntitle = \"y\"\n+++\nbody");
  auto diags = bad.diagnostics();
  const postparse_diagnostic *d = test::first_with(diags, POSTPARSE_ERR_SYNTAX);
  REQUIRE(d);
  CHECK(d->line == 3);
  CHECK(bad.body() == "body");
}

TEST_CASE("JSON output is valid UTF-8 and escapes control characters", "[front_matter][output]") {
  std::string json = json_of("---\ntitle: \"tab\\there \\u0001 \\\"q\\\"\"\nbad: \"\xff\"\n---\n");
  CHECK(contains(json, "\"title\":\"tab\\there \\u0001 \\\"q\\\"\""));
  CHECK(contains(json, "\xEF\xBF\xBD"));  // the invalid byte became U+FFFD
  CHECK_FALSE(contains(json, "\xff"));
}

TEST_CASE("non-finite floats and big integers are written losslessly", "[front_matter][output]") {
  std::string json = json_of("---\na: .inf\nb: -.inf\nc: .nan\nd: 123456789012345678901234567890\ne: 1.0\n---\n");
  CHECK(contains(json, "\"a\":\".inf\""));
  CHECK(contains(json, "\"b\":\"-.inf\""));
  CHECK(contains(json, "\"c\":\".nan\""));
  CHECK(contains(json, "\"d\":123456789012345678901234567890"));
  CHECK(contains(json, "\"e\":1.0"));
}

TEST_CASE("a runaway quoted value is reported on its own line", "[front_matter]") {
  auto doc = test::parse("---\ntitle: x\ndescription: 'no closing quote\nauthor: 'someone'\n---\nbody");
  auto diags = doc.diagnostics();
  const postparse_diagnostic *d = test::first_with(diags, POSTPARSE_ERR_SYNTAX);
  REQUIRE(d);
  CHECK(d->line == 3);
  CHECK(d->column == 14);
  // A legal multi-line quoted value followed by an unrelated error is not blamed.
  auto other = test::parse("---\ntitle: 'two\n  lines'\nbad: [\n---\nbody");
  auto other_diags = other.diagnostics();
  const postparse_diagnostic *e = test::first_with(other_diags, POSTPARSE_ERR_SYNTAX);
  REQUIRE(e);
  CHECK(e->line >= 4);
}

TEST_CASE("JSON surrogate pairs are decoded, and a second YAML document is reported", "[front_matter]") {
  auto json = test::parse(";;;\n\"a\": \"x\\ud83d\\ude00 y\",\n\"b\": \"\\ud800z\"\n;;;\nbody");
  REQUIRE(json.front_matter());
  CHECK(json.front_matter()["a"].text() == "x\xF0\x9F\x98\x80 y");
  CHECK(json.front_matter()["a"].raw_text() == "\"x\\ud83d\\ude00 y\"");
  CHECK(json.front_matter()["b"].text() == "\xEF\xBF\xBDz");
  auto two = test::parse("----\na: 1\n---\nb: 2\n----\nbody");
  auto diags = two.diagnostics();
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].severity == POSTPARSE_SEVERITY_WARNING);
  CHECK(diags[0].line == 3);
  CHECK(two.front_matter()["a"].as_int() == 1);
}

TEST_CASE("a quoted string the block ends inside is a syntax error at its quote", "[front_matter]") {
  // yaml-cpp alone accepts it and takes the rest of the block as the string.
  postparse::Document doc = test::parse("---\ntitle: \"unclosed\ntags: [a]\n---\nbody\n");
  const auto all = doc.diagnostics();
  const postparse_diagnostic *d = test::first_with(all, POSTPARSE_ERR_SYNTAX);
  REQUIRE(d);
  CHECK(d->severity == POSTPARSE_SEVERITY_ERROR);
  CHECK(d->line == 2);
  CHECK(d->column == 8);
  CHECK(doc.body() == "body\n");
  // Closed quotes, multi-line ones included, are fine.
  postparse::Document ok = test::parse("---\ntitle: \"a\n  b\"\nname: 'x'\n---\n");
  CHECK(test::count_code(ok, POSTPARSE_ERR_SYNTAX) == 0);
}
