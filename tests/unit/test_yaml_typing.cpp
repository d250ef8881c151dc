// Typing of YAML front matter through the public API: every rule of the YAML
// 1.2 core schema (the default) and of YAML 1.1, explicit tags, styles, raw
// text, spans, keys, merge keys, aliases, duplicate keys and the root kind.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <functional>
#include <string>

#include "helpers.h"

namespace {

postparse::Options schema_options(postparse_yaml_schema schema) {
  postparse::Options options;
  options.yaml_schema(schema);
  return options;
}

// A post whose front matter is the single pair `v: <value>`.
postparse::Document doc_of(const std::string &value, const postparse::Options *options = nullptr) {
  return test::parse("---\nv: " + value + "\n---\nbody\n", options);
}

postparse_kind kind_of(const std::string &value, const postparse::Options *options = nullptr) {
  auto doc = doc_of(value, options);
  return doc.front_matter()["v"].kind();
}

double double_of(const std::string &value, const postparse::Options *options = nullptr) {
  auto doc = doc_of(value, options);
  return doc.front_matter()["v"].as_double();
}

bool bool_of(const std::string &value, const postparse::Options *options = nullptr) {
  auto doc = doc_of(value, options);
  return doc.front_matter()["v"].as_bool();
}

std::string text_of(const std::string &value, const postparse::Options *options = nullptr) {
  auto doc = doc_of(value, options);
  return std::string(doc.front_matter()["v"].text());
}

int status_of(const std::function<void()> &call) {
  try {
    call();
  } catch (const postparse::Error &e) {
    return e.status();
  }
  return POSTPARSE_OK;
}

}  // namespace

// ---------------------------------------------------------------------------
// YAML 1.2 core schema (default)
// ---------------------------------------------------------------------------

TEST_CASE("1.2: null forms", "[typing]") {
  for (std::string text : {"~", "null", "Null", "NULL"}) {
    CAPTURE(text);
    auto doc = doc_of(text);
    CHECK(doc.diagnostics().empty());
    auto v = doc.front_matter()["v"];
    REQUIRE(v);
    CHECK(v.kind() == POSTPARSE_KIND_NULL);
    CHECK(v.text() == text);
  }
  SECTION("an empty value is null with empty text") {
    auto doc = test::parse("---\nempty:\nnext: 1\nlast:\n---\n");
    auto root = doc.front_matter();
    REQUIRE(root["empty"]);
    CHECK(root["empty"].kind() == POSTPARSE_KIND_NULL);
    CHECK(root["empty"].text().empty());
    CHECK(root["next"].as_int() == 1);
    REQUIRE(root["last"]);
    CHECK(root["last"].kind() == POSTPARSE_KIND_NULL);
  }
  SECTION("other spellings are strings") {
    for (std::string text : {"nULL", "NUll", "none", "None", "nil"}) {
      CAPTURE(text);
      CHECK(kind_of(text) == POSTPARSE_KIND_STRING);
    }
  }
  SECTION("quoted null is a string") {
    CHECK(kind_of("'null'") == POSTPARSE_KIND_STRING);
    CHECK(kind_of("\"~\"") == POSTPARSE_KIND_STRING);
    CHECK(kind_of("''") == POSTPARSE_KIND_STRING);
  }
}

TEST_CASE("1.2: bool forms", "[typing]") {
  for (std::string text : {"true", "True", "TRUE"}) {
    CAPTURE(text);
    CHECK(kind_of(text) == POSTPARSE_KIND_BOOL);
    CHECK(bool_of(text) == true);
    CHECK(text_of(text) == text);
  }
  for (std::string text : {"false", "False", "FALSE"}) {
    CAPTURE(text);
    CHECK(kind_of(text) == POSTPARSE_KIND_BOOL);
    CHECK(bool_of(text) == false);
  }
  SECTION("other spellings are strings") {
    for (std::string text : {"tRUE", "fAlse", "T", "F"}) {
      CAPTURE(text);
      CHECK(kind_of(text) == POSTPARSE_KIND_STRING);
    }
  }
  SECTION("yes/no/on/off and y/n are strings in 1.2") {
    for (std::string text : {"yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off",
                             "OFF", "y", "n", "Y", "N"}) {
      CAPTURE(text);
      auto doc = doc_of(text);
      auto v = doc.front_matter()["v"];
      CHECK(v.kind() == POSTPARSE_KIND_STRING);
      CHECK(v.text() == text);
      CHECK(status_of([&] { v.as_bool(); }) == POSTPARSE_ERR_WRONG_KIND);
    }
  }
  SECTION("quoted bools are strings") {
    auto doc = test::parse("---\na: 'true'\nb: \"false\"\n---\n");
    auto root = doc.front_matter();
    CHECK(root["a"].kind() == POSTPARSE_KIND_STRING);
    CHECK(root["a"].text() == "true");
    CHECK(root["b"].kind() == POSTPARSE_KIND_STRING);
    CHECK(root["b"].text() == "false");
  }
}

TEST_CASE("1.2: integers", "[typing]") {
  struct Case {
    const char *text;
    std::int64_t value;
  };
  for (Case c : {Case{"0", 0}, Case{"42", 42}, Case{"+12", 12}, Case{"-12", -12}, Case{"-0", 0},
                 Case{"0o17", 15}, Case{"0o0", 0}, Case{"0x1F", 31}, Case{"0x1f", 31},
                 Case{"0xff", 255}, Case{"0777", 777}, Case{"007", 7},
                 Case{"9223372036854775807", INT64_MAX},
                 Case{"-9223372036854775808", INT64_MIN}}) {
    CAPTURE(c.text);
    auto doc = doc_of(c.text);
    CHECK(doc.diagnostics().empty());
    auto v = doc.front_matter()["v"];
    CHECK(v.kind() == POSTPARSE_KIND_INT);
    CHECK_FALSE(v.is_big());
    CHECK(v.as_int() == c.value);
    CHECK(v.as_double() == static_cast<double>(c.value));
    CHECK(v.text() == c.text);  // as written
  }
  SECTION("not integers in 1.2") {
    for (std::string text : {"1_000", "0b1010", "0o18", "0x", "0xG1", "0X1F", "0O17", "190:20:30",
                             "1 000", "12a", "+", "0x_1F",
                             "-0x1F", "+0o17"}) {
      CAPTURE(text);
      CHECK(kind_of(text) == POSTPARSE_KIND_STRING);
    }
  }
  SECTION("quoted numbers are strings") {
    auto doc = test::parse("---\na: \"123\"\nb: '0x1F'\n---\n");
    auto root = doc.front_matter();
    CHECK(root["a"].kind() == POSTPARSE_KIND_STRING);
    CHECK(root["a"].text() == "123");
    CHECK(status_of([&] { root["a"].as_int(); }) == POSTPARSE_ERR_WRONG_KIND);
    CHECK(root["b"].kind() == POSTPARSE_KIND_STRING);
  }
}

TEST_CASE("1.2: integers beyond int64 keep their digits", "[typing]") {
  for (std::string text : {"123456789012345678901234567890", "-123456789012345678901234567890",
                           "9223372036854775808", "-9223372036854775809",
                           "0xFFFFFFFFFFFFFFFFFF", "0o7777777777777777777777777"}) {
    CAPTURE(text);
    auto doc = doc_of(text);
    CHECK(doc.diagnostics().empty());
    auto v = doc.front_matter()["v"];
    CHECK(v.kind() == POSTPARSE_KIND_INT);
    CHECK(v.is_big());
    CHECK(v.text() == text);
    CHECK(status_of([&] { v.as_int(); }) == POSTPARSE_ERR_OUT_OF_RANGE);
    std::int64_t out = 0;
    CHECK(postparse_value_int(v.get(), &out) == POSTPARSE_ERR_OUT_OF_RANGE);
  }
}

TEST_CASE("1.2: floats", "[typing]") {
  struct Case {
    const char *text;
    double value;
  };
  for (Case c : {Case{"1.5", 1.5}, Case{"-2.5e3", -2500.0}, Case{".5", 0.5}, Case{"1.", 1.0},
                 Case{"+1.5", 1.5}, Case{"-.5", -0.5}, Case{"1e3", 1000.0}, Case{"1E-2", 0.01},
                 Case{"6.8523015e+5", 685230.15}, Case{"0.0", 0.0}, Case{"3.14159", 3.14159}}) {
    CAPTURE(c.text);
    auto doc = doc_of(c.text);
    auto v = doc.front_matter()["v"];
    CHECK(v.kind() == POSTPARSE_KIND_FLOAT);
    CHECK(v.as_double() == Approx(c.value));
    CHECK(v.text() == c.text);
    CHECK(status_of([&] { v.as_int(); }) == POSTPARSE_ERR_WRONG_KIND);
  }
  SECTION("infinities") {
    for (std::string text : {".inf", ".Inf", ".INF", "+.inf"}) {
      CAPTURE(text);
      CHECK(kind_of(text) == POSTPARSE_KIND_FLOAT);
      CHECK(double_of(text) == HUGE_VAL);
    }
    for (std::string text : {"-.inf", "-.Inf", "-.INF"}) {
      CAPTURE(text);
      CHECK(kind_of(text) == POSTPARSE_KIND_FLOAT);
      CHECK(double_of(text) == -HUGE_VAL);
    }
  }
  SECTION("not a number") {
    for (std::string text : {".nan", ".NaN", ".NAN"}) {
      CAPTURE(text);
      CHECK(kind_of(text) == POSTPARSE_KIND_FLOAT);
      CHECK(std::isnan(double_of(text)));
    }
  }
  SECTION("not floats") {
    for (std::string text : {".", "1.2.3", "1e", "e3", ".Nan", ".infinity", "inf", "nan", "1,5",
                             "1_000.5", "-.nan", "+.NaN"}) {
      CAPTURE(text);
      CHECK(kind_of(text) == POSTPARSE_KIND_STRING);
    }
  }
}

TEST_CASE("1.2: YAML timestamps as plain scalars", "[typing]") {
  SECTION("date and time with offset") {
    auto doc = doc_of("2001-12-14t21:59:43.10-05:00");
    auto v = doc.front_matter()["v"];
    CHECK(v.kind() == POSTPARSE_KIND_TIMESTAMP);
    CHECK(v.text() == "2001-12-14t21:59:43.10-05:00");
    CHECK(v.style() == POSTPARSE_STYLE_PLAIN);
    auto t = v.as_time();
    REQUIRE(t);
    CHECK(t->unix_seconds == 1008385183);
    CHECK(t->nanoseconds == 100000000);
    CHECK(t->offset_seconds == -5 * 3600);
    CHECK(t->explicit_offset);
    CHECK(t->has_time);
  }
  SECTION("date only") {
    auto doc = doc_of("2002-12-14");
    auto v = doc.front_matter()["v"];
    CHECK(v.kind() == POSTPARSE_KIND_TIMESTAMP);
    CHECK(v.text() == "2002-12-14");
    auto t = v.as_time();
    REQUIRE(t);
    CHECK(t->unix_seconds == 1039824000);
    CHECK_FALSE(t->has_time);
  }
  SECTION("other YAML timestamp spellings") {
    for (std::string text : {"2001-12-14T21:59:43.10Z", "2001-12-14 21:59:43.10 -5",
                             "2001-12-15 2:59:43.10", "2001-12-14T21:59:43+01:00"}) {
      CAPTURE(text);
      CHECK(kind_of(text) == POSTPARSE_KIND_TIMESTAMP);
    }
  }
  SECTION("quoted timestamps stay strings") {
    auto doc = test::parse("---\na: '2002-12-14'\nb: \"2001-12-14t21:59:43.10-05:00\"\n---\n");
    auto root = doc.front_matter();
    CHECK(root["a"].kind() == POSTPARSE_KIND_STRING);
    CHECK(root["a"].text() == "2002-12-14");
    CHECK(root["b"].kind() == POSTPARSE_KIND_STRING);
  }
  SECTION("date-like text that is not a YAML timestamp is a string") {
    for (std::string text : {"2002-1-14", "2002/12/14", "14-12-2002", "2002-12-14 is a date"}) {
      CAPTURE(text);
      CHECK(kind_of(text) == POSTPARSE_KIND_STRING);
    }
  }
}

TEST_CASE("styles and block scalar content", "[typing]") {
  const std::string post =
      "---\n"
      "plain: hello world\n"
      "single: 'it''s'\n"
      "double: \"a\\\"b\\tc\"\n"
      "literal: |\n"
      "  line1\n"
      "  line2\n"
      "folded: >\n"
      "  a\n"
      "  b\n"
      "\n"
      "  c\n"
      "strip: |-\n"
      "  x\n"
      "keep: |+\n"
      "  y\n"
      "\n"
      "last: 1\n"
      "---\n";
  auto doc = test::parse(post);
  CHECK(doc.diagnostics().empty());
  auto root = doc.front_matter();
  REQUIRE(root);

  auto plain = root["plain"];
  CHECK(plain.kind() == POSTPARSE_KIND_STRING);
  CHECK(plain.style() == POSTPARSE_STYLE_PLAIN);
  CHECK(plain.text() == "hello world");
  CHECK(plain.raw_text() == "hello world");

  auto single = root["single"];
  CHECK(single.kind() == POSTPARSE_KIND_STRING);
  CHECK(single.style() == POSTPARSE_STYLE_SINGLE_QUOTED);
  CHECK(single.text() == "it's");
  CHECK(single.raw_text() == "'it''s'");

  auto dbl = root["double"];
  CHECK(dbl.kind() == POSTPARSE_KIND_STRING);
  CHECK(dbl.style() == POSTPARSE_STYLE_DOUBLE_QUOTED);
  CHECK(dbl.text() == "a\"b\tc");
  CHECK(dbl.raw_text() == "\"a\\\"b\\tc\"");

  auto literal = root["literal"];
  CHECK(literal.kind() == POSTPARSE_KIND_STRING);
  CHECK(literal.style() == POSTPARSE_STYLE_LITERAL);
  CHECK(literal.text() == "line1\nline2\n");
  CHECK(literal.raw_text() == "|\n  line1\n  line2");

  auto folded = root["folded"];
  CHECK(folded.kind() == POSTPARSE_KIND_STRING);
  CHECK(folded.style() == POSTPARSE_STYLE_FOLDED);
  CHECK(folded.text() == "a b\nc\n");
  CHECK(folded.raw_text() == ">\n  a\n  b\n\n  c");

  auto strip = root["strip"];
  CHECK(strip.style() == POSTPARSE_STYLE_LITERAL);
  CHECK(strip.text() == "x");
  CHECK(strip.raw_text() == "|-\n  x");

  auto keep = root["keep"];
  CHECK(keep.style() == POSTPARSE_STYLE_LITERAL);
  CHECK(keep.text() == "y\n\n");

  CHECK(root["last"].as_int() == 1);

  SECTION("block scalars that look like other types are strings") {
    auto d = test::parse("---\na: |\n  123\nb: >\n  true\n---\n");
    CHECK(d.front_matter()["a"].kind() == POSTPARSE_KIND_STRING);
    CHECK(d.front_matter()["a"].text() == "123\n");
    CHECK(d.front_matter()["b"].kind() == POSTPARSE_KIND_STRING);
    CHECK(d.front_matter()["b"].text() == "true\n");
  }
  SECTION("collections: block and flow styles") {
    auto d = test::parse("---\nblock:\n  - a\n  - b\nflow: [a, b]\nmap: {k: v}\n---\n");
    auto r = d.front_matter();
    CHECK(r.style() == POSTPARSE_STYLE_BLOCK);
    CHECK(r["block"].kind() == POSTPARSE_KIND_SEQUENCE);
    CHECK(r["block"].style() == POSTPARSE_STYLE_BLOCK);
    CHECK(r["flow"].kind() == POSTPARSE_KIND_SEQUENCE);
    CHECK(r["flow"].style() == POSTPARSE_STYLE_FLOW);
    CHECK(r["flow"].raw_text() == "[a, b]");
    CHECK(r["map"].kind() == POSTPARSE_KIND_MAPPING);
    CHECK(r["map"].style() == POSTPARSE_STYLE_FLOW);
    CHECK(r["map"].raw_text() == "{k: v}");
    CHECK(r["map"]["k"].text() == "v");
    CHECK(r["flow"].text().empty());
  }
}

TEST_CASE("block scalars: chomping of trailing empty lines", "[typing]") {
  // YAML 1.2 8.1.1.2: strip drops the final break and trailing empty lines,
  // clip keeps the final break only, keep keeps the break and every trailing
  // empty line - for literal and folded scalars alike.
  struct Case {
    const char *header;
    const char *text;
  };
  for (Case c : {Case{"|-", "y"}, Case{"|", "y\n"}, Case{"|+", "y\n\n"}, Case{">-", "y"},
                 Case{">", "y\n"}, Case{">+", "y\n\n"}}) {
    CAPTURE(c.header);
    auto doc = test::parse(std::string("---\nk: ") + c.header + "\n  y\n\nlast: 1\n---\n");
    CHECK(doc.diagnostics().empty());
    auto k = doc.front_matter()["k"];
    CHECK(k.kind() == POSTPARSE_KIND_STRING);
    CHECK(k.text() == c.text);
    CHECK(doc.front_matter()["last"].as_int() == 1);
  }
}

TEST_CASE("explicit tags", "[typing]") {
  SECTION("!!str 123 is a string") {
    auto doc = doc_of("!!str 123");
    CHECK(doc.diagnostics().empty());
    auto v = doc.front_matter()["v"];
    CHECK(v.kind() == POSTPARSE_KIND_STRING);
    CHECK(v.tag() == "tag:yaml.org,2002:str");
    CHECK(v.text() == "123");
  }
  SECTION("!!str true is a string") {
    auto doc = doc_of("!!str true");
    CHECK(doc.front_matter()["v"].kind() == POSTPARSE_KIND_STRING);
    CHECK(doc.front_matter()["v"].text() == "true");
  }
  SECTION("!!int \"42\" is an int") {
    auto doc = doc_of("!!int \"42\"");
    CHECK(doc.diagnostics().empty());
    auto v = doc.front_matter()["v"];
    CHECK(v.kind() == POSTPARSE_KIND_INT);
    CHECK(v.as_int() == 42);
    CHECK(v.tag() == "tag:yaml.org,2002:int");
    CHECK(v.style() == POSTPARSE_STYLE_DOUBLE_QUOTED);
  }
  SECTION("!!float 1 is a float") {
    auto doc = doc_of("!!float 1");
    CHECK(doc.diagnostics().empty());
    auto v = doc.front_matter()["v"];
    CHECK(v.kind() == POSTPARSE_KIND_FLOAT);
    CHECK(v.as_double() == 1.0);
    CHECK(v.tag() == "tag:yaml.org,2002:float");
  }
  SECTION("!!bool and !!null") {
    auto doc = test::parse("---\nb: !!bool true\nn: !!null ''\n---\n");
    CHECK(doc.diagnostics().empty());
    CHECK(doc.front_matter()["b"].kind() == POSTPARSE_KIND_BOOL);
    CHECK(doc.front_matter()["b"].as_bool());
    CHECK(doc.front_matter()["n"].kind() == POSTPARSE_KIND_NULL);
  }
  SECTION("!!timestamp") {
    auto doc = test::parse("---\nd: !!timestamp 2001-12-14\nq: !!timestamp \"2002-12-14\"\n---\n");
    CHECK(doc.diagnostics().empty());
    CHECK(doc.front_matter()["d"].kind() == POSTPARSE_KIND_TIMESTAMP);
    CHECK(doc.front_matter()["q"].kind() == POSTPARSE_KIND_TIMESTAMP);
  }
  SECTION("!!int abc is kept as a string with a bad-tag warning") {
    auto doc = test::parse("\n---\ntitle: x\nv: !!int abc\n---\n");
    auto v = doc.front_matter()["v"];
    CHECK(v.kind() == POSTPARSE_KIND_STRING);
    CHECK(v.text() == "abc");
    CHECK(v.tag() == "tag:yaml.org,2002:int");
    auto diags = doc.diagnostics();
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].code == POSTPARSE_ERR_BAD_TAG);
    CHECK(diags[0].severity == POSTPARSE_SEVERITY_WARNING);
    CHECK(diags[0].part == POSTPARSE_PART_FRONT_MATTER);
    CHECK(diags[0].line == 4);
    CHECK(doc.front_matter()["title"].text() == "x");
  }
  SECTION("!!bool yes does not fit in 1.2") {
    auto doc = doc_of("!!bool yes");
    CHECK(doc.front_matter()["v"].kind() == POSTPARSE_KIND_STRING);
    CHECK(test::count_code(doc, POSTPARSE_ERR_BAD_TAG) == 1);
  }
  SECTION("a local tag is kept, the value is a string") {
    auto doc = doc_of("!custom x");
    CHECK(doc.diagnostics().empty());
    auto v = doc.front_matter()["v"];
    CHECK(v.kind() == POSTPARSE_KIND_STRING);
    CHECK(v.tag() == "!custom");
    CHECK(v.text() == "x");
  }
  SECTION("a local tag on a number-like value keeps it a string") {
    auto doc = doc_of("!custom 42");
    CHECK(doc.front_matter()["v"].kind() == POSTPARSE_KIND_STRING);
    CHECK(doc.front_matter()["v"].tag() == "!custom");
  }
  SECTION("untagged values have no tag") {
    auto doc = test::parse("---\na: 1\nb: 'x'\nc: [1]\n---\n");
    CHECK(doc.front_matter()["a"].tag().empty());
    CHECK(doc.front_matter()["b"].tag().empty());
    CHECK(doc.front_matter()["c"].tag().empty());
  }
}

TEST_CASE("spans of values are in whole-file terms", "[typing]") {
  const std::string post = "\n---\ntitle: x\nauthor: Bob\nquote: 'it''s'\n---\nbody\n";
  auto doc = test::parse(post);
  auto root = doc.front_matter();
  REQUIRE(root);
  postparse_span author = root["author"].span();
  CHECK(author.offset == 22);
  CHECK(author.length == 3);
  CHECK(author.line == 4);
  CHECK(author.column == 9);
  postparse_span quote = root["quote"].span();
  CHECK(quote.line == 5);
  CHECK(quote.column == 8);
  CHECK(quote.length == 7);
  CHECK(post.substr(quote.offset, quote.length) == "'it''s'");
  postparse_span key = root.key_at(1).span();
  CHECK(key.offset == 14);
  CHECK(key.line == 4);
  CHECK(key.column == 1);
  CHECK(root.key_at(1).text() == "author");

  SECTION("columns count code points") {
    const std::string cjk = "---\n\xE6\xA0\x87\xE9\xA2\x98: x\nk: \xE4\xB8\xAD\xE6\x96\x87 y\n---\n";  // 标题: x / k: 中文 y
    auto d = test::parse(cjk);
    auto r = d.front_matter();
    REQUIRE(r);
    auto x = r["\xE6\xA0\x87\xE9\xA2\x98"];
    REQUIRE(x);
    CHECK(x.text() == "x");
    CHECK(x.span().offset == 12);
    CHECK(x.span().line == 2);
    CHECK(x.span().column == 5);
    CHECK(r.key_at(0).span().column == 1);
    CHECK(r.key_at(0).span().length == 6);
    auto k = r["k"];
    CHECK(k.text() == "\xE4\xB8\xAD\xE6\x96\x87 y");
    CHECK(k.span().column == 4);
    CHECK(k.span().length == 8);
  }
}

TEST_CASE("keys: order and case preserved, non-string keys keep their kinds", "[typing]") {
  SECTION("order as written") {
    auto doc = test::parse("---\nzeta: 1\nalpha: 2\nMid: 3\nbeta: 4\n---\n");
    auto root = doc.front_matter();
    REQUIRE(root.size() == 4);
    CHECK(root.key_at(0).text() == "zeta");
    CHECK(root.key_at(1).text() == "alpha");
    CHECK(root.key_at(2).text() == "Mid");
    CHECK(root.key_at(3).text() == "beta");
    CHECK(root[0].as_int() == 1);
    CHECK(root[3].as_int() == 4);
  }
  SECTION("case preserved: keys differing in case are distinct") {
    auto doc = test::parse("---\nTitle: a\ntitle: b\nTITLE: c\n---\n");
    CHECK(doc.diagnostics().empty());
    auto root = doc.front_matter();
    REQUIRE(root.size() == 3);
    CHECK(root.key_at(0).text() == "Title");
    CHECK(root.key_at(2).text() == "TITLE");
    CHECK(root["Title"].text() == "a");
    CHECK(root["title"].text() == "b");
    CHECK(root["TITLE"].text() == "c");
  }
  SECTION("non-string keys") {
    auto doc = test::parse("---\n1: a\ntrue: b\nnull: c\n1.5: d\n---\n");
    CHECK(doc.diagnostics().empty());
    auto root = doc.front_matter();
    REQUIRE(root.size() == 4);
    CHECK(root.key_at(0).kind() == POSTPARSE_KIND_INT);
    CHECK(root.key_at(0).as_int() == 1);
    CHECK(root[0].text() == "a");
    CHECK(root.key_at(1).kind() == POSTPARSE_KIND_BOOL);
    CHECK(root.key_at(1).as_bool());
    CHECK(root[1].text() == "b");
    CHECK(root.key_at(2).kind() == POSTPARSE_KIND_NULL);
    CHECK(root.key_at(2).text() == "null");
    CHECK(root[2].text() == "c");
    CHECK(root.key_at(3).kind() == POSTPARSE_KIND_FLOAT);
    CHECK(root.key_at(3).as_double() == 1.5);
    CHECK(root[3].text() == "d");
    // Lookup by text finds scalar keys of any kind.
    CHECK(root["1"].text() == "a");
    CHECK(root["true"].text() == "b");
  }
  SECTION("quoted keys are strings") {
    auto doc = test::parse("---\n\"1\": a\n'true': b\n---\n");
    auto root = doc.front_matter();
    CHECK(root.key_at(0).kind() == POSTPARSE_KIND_STRING);
    CHECK(root.key_at(0).style() == POSTPARSE_STYLE_DOUBLE_QUOTED);
    CHECK(root.key_at(1).kind() == POSTPARSE_KIND_STRING);
  }
}

TEST_CASE("aliases in 1.2", "[typing]") {
  auto doc = test::parse("---\na: &x [1, 2]\nb: *x\ns: &t hello\nu: *t\n---\n");
  CHECK(doc.diagnostics().empty());
  auto root = doc.front_matter();
  REQUIRE(root.size() == 4);
  auto a = root["a"];
  auto b = root["b"];
  CHECK(a.kind() == POSTPARSE_KIND_SEQUENCE);
  CHECK(b.kind() == POSTPARSE_KIND_SEQUENCE);
  REQUIRE(b.size() == 2);
  CHECK(b[0].kind() == POSTPARSE_KIND_INT);
  CHECK(b[0].as_int() == 1);
  CHECK(b[1].as_int() == 2);
  CHECK(a[0].as_int() == b[0].as_int());
  CHECK(a[1].as_int() == b[1].as_int());
  CHECK(root["u"].kind() == POSTPARSE_KIND_STRING);
  CHECK(root["u"].text() == "hello");
}

TEST_CASE("<< is an ordinary key in 1.2", "[typing]") {
  auto doc = test::parse("---\nbase: &b {a: 1}\nx:\n  <<: *b\n  c: 2\n---\n");
  CHECK(doc.diagnostics().empty());
  auto x = doc.front_matter()["x"];
  REQUIRE(x.size() == 2);
  CHECK(x.key_at(0).text() == "<<");
  CHECK(x.key_at(0).kind() == POSTPARSE_KIND_STRING);
  CHECK(x["<<"].kind() == POSTPARSE_KIND_MAPPING);
  CHECK(x["<<"]["a"].as_int() == 1);
  CHECK_FALSE(x["a"]);
  CHECK(x["c"].as_int() == 2);
}

// ---------------------------------------------------------------------------
// YAML 1.1
// ---------------------------------------------------------------------------

TEST_CASE("1.1: yes/no/on/off booleans, y/n stay strings", "[typing]") {
  auto yaml11 = schema_options(POSTPARSE_YAML_1_1);
  for (std::string text : {"yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"}) {
    CAPTURE(text);
    CHECK(kind_of(text, &yaml11) == POSTPARSE_KIND_BOOL);
    CHECK(bool_of(text, &yaml11) == true);
    CHECK(text_of(text, &yaml11) == text);
  }
  for (std::string text : {"no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE"}) {
    CAPTURE(text);
    CHECK(kind_of(text, &yaml11) == POSTPARSE_KIND_BOOL);
    CHECK(bool_of(text, &yaml11) == false);
  }
  // Documented choice: y/n are not booleans (no mainstream loader applies them).
  for (std::string text : {"y", "n", "Y", "N", "yEs", "oN"}) {
    CAPTURE(text);
    CHECK(kind_of(text, &yaml11) == POSTPARSE_KIND_STRING);
  }
  CHECK(kind_of("'yes'", &yaml11) == POSTPARSE_KIND_STRING);
  SECTION("!!bool yes fits in 1.1") {
    auto doc = doc_of("!!bool yes", &yaml11);
    CHECK(doc.diagnostics().empty());
    CHECK(doc.front_matter()["v"].kind() == POSTPARSE_KIND_BOOL);
    CHECK(doc.front_matter()["v"].as_bool());
  }
}

TEST_CASE("1.1: null forms are the same", "[typing]") {
  auto yaml11 = schema_options(POSTPARSE_YAML_1_1);
  for (std::string text : {"~", "null", "Null", "NULL", ""}) {
    CAPTURE(text);
    CHECK(kind_of(text, &yaml11) == POSTPARSE_KIND_NULL);
  }
}

TEST_CASE("1.1: integers", "[typing]") {
  auto yaml11 = schema_options(POSTPARSE_YAML_1_1);
  struct Case {
    const char *text;
    std::int64_t value;
  };
  for (Case c : {Case{"0", 0}, Case{"42", 42}, Case{"-42", -42}, Case{"+42", 42},
                 Case{"0777", 511}, Case{"-0777", -511}, Case{"0b1010", 10}, Case{"-0b1010", -10},
                 Case{"0x1F", 31}, Case{"0x_1F", 31}, Case{"1_000", 1000},
                 Case{"1_000_000", 1000000}, Case{"190:20:30", 685230}, Case{"-1:30", -90}}) {
    CAPTURE(c.text);
    auto doc = doc_of(c.text, &yaml11);
    CHECK(doc.diagnostics().empty());
    auto v = doc.front_matter()["v"];
    CHECK(v.kind() == POSTPARSE_KIND_INT);
    CHECK_FALSE(v.is_big());
    CHECK(v.as_int() == c.value);
    CHECK(v.text() == c.text);
  }
  SECTION("not integers in 1.1") {
    for (std::string text : {"0o17", "08", "0b102", "1:60:00", "abc"}) {
      CAPTURE(text);
      CHECK(kind_of(text, &yaml11) == POSTPARSE_KIND_STRING);
    }
  }
  SECTION("big integers") {
    auto doc = doc_of("123_456_789_012_345_678_901_234_567_890", &yaml11);
    auto v = doc.front_matter()["v"];
    CHECK(v.kind() == POSTPARSE_KIND_INT);
    CHECK(v.is_big());
    CHECK(v.text() == "123_456_789_012_345_678_901_234_567_890");
    CHECK(status_of([&] { v.as_int(); }) == POSTPARSE_ERR_OUT_OF_RANGE);
  }
}

TEST_CASE("1.1: floats need a dot", "[typing]") {
  auto yaml11 = schema_options(POSTPARSE_YAML_1_1);
  struct Case {
    const char *text;
    double value;
  };
  for (Case c : {Case{"1.5", 1.5}, Case{"-1.5", -1.5}, Case{"6.8523015e+5", 685230.15},
                 Case{"685.230_15e+03", 685230.15}, Case{"685_230.15", 685230.15},
                 Case{"190:20:30.15", 685230.15}, Case{".5", 0.5}, Case{"1.", 1.0}}) {
    CAPTURE(c.text);
    auto doc = doc_of(c.text, &yaml11);
    auto v = doc.front_matter()["v"];
    CHECK(v.kind() == POSTPARSE_KIND_FLOAT);
    CHECK(v.as_double() == Approx(c.value));
    CHECK(v.text() == c.text);
  }
  SECTION("special floats") {
    CHECK(double_of(".inf", &yaml11) == HUGE_VAL);
    CHECK(double_of("-.Inf", &yaml11) == -HUGE_VAL);
    CHECK(std::isnan(double_of(".NaN", &yaml11)));
  }
  SECTION("1e3 has no dot: a string in 1.1") {
    for (std::string text : {"1e3", "1E3", "6.8523015e5"}) {
      CAPTURE(text);
      CHECK(kind_of(text, &yaml11) == POSTPARSE_KIND_STRING);
    }
  }
}

TEST_CASE("1.1: timestamps are the same", "[typing]") {
  auto yaml11 = schema_options(POSTPARSE_YAML_1_1);
  CHECK(kind_of("2001-12-14t21:59:43.10-05:00", &yaml11) == POSTPARSE_KIND_TIMESTAMP);
  CHECK(kind_of("2002-12-14", &yaml11) == POSTPARSE_KIND_TIMESTAMP);
  CHECK(kind_of("'2002-12-14'", &yaml11) == POSTPARSE_KIND_STRING);
}

TEST_CASE("1.1: << merge keys", "[typing]") {
  auto yaml11 = schema_options(POSTPARSE_YAML_1_1);
  const std::string post =
      "---\n"
      "base: &base\n"
      "  a: 1\n"
      "  b: 2\n"
      "other: &other\n"
      "  b: 20\n"
      "  c: 30\n"
      "single:\n"
      "  <<: *base\n"
      "  x: 9\n"
      "override:\n"
      "  <<: *base\n"
      "  a: 100\n"
      "override_first:\n"
      "  a: 100\n"
      "  <<: *base\n"
      "multi:\n"
      "  <<: [*base, *other]\n"
      "inline:\n"
      "  <<: {k: v}\n"
      "  z: 0\n"
      "---\n";
  auto doc = test::parse(post, &yaml11);
  CHECK(doc.diagnostics().empty());
  auto root = doc.front_matter();
  REQUIRE(root);

  SECTION("a single mapping through an alias") {
    auto single = root["single"];
    CHECK(single.size() == 3);
    CHECK_FALSE(single["<<"]);
    CHECK(single["a"].as_int() == 1);
    CHECK(single["b"].as_int() == 2);
    CHECK(single["x"].as_int() == 9);
  }
  SECTION("an explicit key overrides a merged key, wherever it is written") {
    auto o = root["override"];
    CHECK(o.size() == 2);
    CHECK_FALSE(o["<<"]);
    CHECK(o["a"].as_int() == 100);
    CHECK(o["b"].as_int() == 2);
    auto f = root["override_first"];
    CHECK(f.size() == 2);
    CHECK(f["a"].as_int() == 100);
    CHECK(f["b"].as_int() == 2);
  }
  SECTION("a list of aliases: the earlier mapping wins") {
    auto m = root["multi"];
    CHECK(m.size() == 3);
    CHECK_FALSE(m["<<"]);
    CHECK(m["a"].as_int() == 1);
    CHECK(m["b"].as_int() == 2);
    CHECK(m["c"].as_int() == 30);
  }
  SECTION("an inline mapping") {
    auto i = root["inline"];
    CHECK(i.size() == 2);
    CHECK(i["k"].text() == "v");
    CHECK(i["z"].as_int() == 0);
  }
  SECTION("the merged-from mappings are unchanged") {
    CHECK(root["base"].size() == 2);
    CHECK(root["other"].size() == 2);
    CHECK(root["other"]["b"].as_int() == 20);
  }
}

TEST_CASE("1.1: a quoted '<<' is an ordinary key", "[typing]") {
  auto yaml11 = schema_options(POSTPARSE_YAML_1_1);
  auto doc = test::parse("---\nbase: &b {a: 1}\nx:\n  '<<': *b\n---\n", &yaml11);
  auto x = doc.front_matter()["x"];
  REQUIRE(x.size() == 1);
  CHECK(x.key_at(0).text() == "<<");
  CHECK(x["<<"].kind() == POSTPARSE_KIND_MAPPING);
}

TEST_CASE("JSON front matter is always typed with the core rules", "[typing]") {
  auto yaml11 = schema_options(POSTPARSE_YAML_1_1);
  auto doc = test::parse(";;;\n\"a\": 1e3,\n\"b\": 1.5e3\n;;;\n", &yaml11);
  auto root = doc.front_matter();
  REQUIRE(root);
  CHECK(root["a"].kind() == POSTPARSE_KIND_FLOAT);
  CHECK(root["a"].as_double() == 1000.0);
  CHECK(root["b"].kind() == POSTPARSE_KIND_FLOAT);
  CHECK(root["b"].as_double() == 1500.0);
}

// ---------------------------------------------------------------------------
// Duplicate keys and the root's kind
// ---------------------------------------------------------------------------

TEST_CASE("duplicate keys: default policy is an error that keeps the first", "[typing]") {
  const std::string post = "\n---\ntitle: first\nother: 1\ntitle: second\n---\nbody";
  auto doc = test::parse(post);
  auto diags = doc.diagnostics();
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].code == POSTPARSE_ERR_DUPLICATE_KEY);
  CHECK(diags[0].severity == POSTPARSE_SEVERITY_ERROR);
  CHECK(diags[0].part == POSTPARSE_PART_FRONT_MATTER);
  CHECK(diags[0].line == 5);  // the second occurrence
  CHECK(diags[0].column == 1);
  CHECK(diags[0].offset == post.find("title: second"));
  auto root = doc.front_matter();
  REQUIRE(root.size() == 2);
  CHECK(root.key_at(0).text() == "title");
  CHECK(root.key_at(1).text() == "other");
  CHECK(root["title"].text() == "first");
  CHECK(doc.body() == "body");

  SECTION("explicit DUPLICATE_ERROR behaves the same") {
    postparse::Options options;
    options.duplicate_keys(POSTPARSE_DUPLICATE_ERROR);
    auto d = test::parse(post, &options);
    CHECK(test::count_code(d, POSTPARSE_ERR_DUPLICATE_KEY) == 1);
    CHECK(d.front_matter()["title"].text() == "first");
  }
  SECTION("in a nested mapping") {
    auto d = test::parse("---\nmeta:\n  k: 1\n  k: 2\n---\n");
    auto ds = d.diagnostics();
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].code == POSTPARSE_ERR_DUPLICATE_KEY);
    CHECK(ds[0].line == 4);
    CHECK(ds[0].column == 3);
    CHECK(d.front_matter()["meta"]["k"].as_int() == 1);
    CHECK(d.front_matter()["meta"].size() == 1);
  }
}

TEST_CASE("duplicate keys: FIRST_WINS keeps the first silently", "[typing]") {
  postparse::Options options;
  options.duplicate_keys(POSTPARSE_DUPLICATE_FIRST_WINS);
  auto doc = test::parse("---\ntitle: first\nother: 1\ntitle: second\n---\n", &options);
  CHECK(doc.diagnostics().empty());
  auto root = doc.front_matter();
  REQUIRE(root.size() == 2);
  CHECK(root["title"].text() == "first");
}

TEST_CASE("duplicate keys: LAST_WINS keeps the last silently, at the first's position",
          "[typing]") {
  postparse::Options options;
  options.duplicate_keys(POSTPARSE_DUPLICATE_LAST_WINS);
  auto doc = test::parse("---\ntitle: first\nother: 1\ntitle: second\n---\n", &options);
  CHECK(doc.diagnostics().empty());
  auto root = doc.front_matter();
  REQUIRE(root.size() == 2);
  CHECK(root.key_at(0).text() == "title");
  CHECK(root.key_at(1).text() == "other");
  CHECK(root["title"].text() == "second");
  CHECK(root[0].text() == "second");
}

TEST_CASE("duplicate keys compare by kind and value", "[typing]") {
  SECTION("16 and 0x10 are the same int") {
    auto doc = test::parse("---\n16: a\n0x10: b\n---\n");
    CHECK(test::count_code(doc, POSTPARSE_ERR_DUPLICATE_KEY) == 1);
    auto root = doc.front_matter();
    REQUIRE(root.size() == 1);
    CHECK(root[0].text() == "a");
  }
  SECTION("1 and \"1\" are different keys") {
    auto doc = test::parse("---\n1: a\n\"1\": b\n---\n");
    // Both are kept; only their JSON names must differ, which a warning says.
    REQUIRE(doc.diagnostics().size() == 1);
    CHECK(doc.diagnostics()[0].severity == POSTPARSE_SEVERITY_WARNING);
    CHECK(doc.diagnostics()[0].line == 3);
    auto root = doc.front_matter();
    REQUIRE(root.size() == 2);
    CHECK(root.key_at(0).kind() == POSTPARSE_KIND_INT);
    CHECK(root.key_at(1).kind() == POSTPARSE_KIND_STRING);
    CHECK(root[1].text() == "b");
  }
  SECTION("'a' and a are the same string") {
    auto doc = test::parse("---\na: 1\n'a': 2\n---\n");
    CHECK(test::count_code(doc, POSTPARSE_ERR_DUPLICATE_KEY) == 1);
    CHECK(doc.front_matter()["a"].as_int() == 1);
  }
  SECTION("in 1.1, 0777 and 511 are the same int") {
    auto yaml11 = schema_options(POSTPARSE_YAML_1_1);
    auto doc = test::parse("---\n0777: a\n511: b\n---\n", &yaml11);
    CHECK(test::count_code(doc, POSTPARSE_ERR_DUPLICATE_KEY) == 1);
  }
}

TEST_CASE("duplicate keys compare nulls, bools and floats by value too", "[typing]") {
  // Like `16` and `0x10`, keys that resolve to the same value are the same key.
  SECTION("null and ~") {
    auto doc = test::parse("---\nnull: a\n~: b\n---\n");
    CHECK(test::count_code(doc, POSTPARSE_ERR_DUPLICATE_KEY) == 1);
    CHECK(doc.front_matter().size() == 1);
  }
  SECTION("true and True") {
    auto doc = test::parse("---\ntrue: a\nTrue: b\n---\n");
    CHECK(test::count_code(doc, POSTPARSE_ERR_DUPLICATE_KEY) == 1);
    CHECK(doc.front_matter().size() == 1);
  }
  SECTION("1.5 and 1.50") {
    auto doc = test::parse("---\n1.5: a\n1.50: b\n---\n");
    CHECK(test::count_code(doc, POSTPARSE_ERR_DUPLICATE_KEY) == 1);
    CHECK(doc.front_matter().size() == 1);
  }
}

TEST_CASE("a non-mapping root is an error and is kept as is", "[typing]") {
  SECTION("a sequence") {
    auto doc = test::parse("---\n- a\n- b\n---\nbody");
    CHECK(doc.format() == POSTPARSE_FORMAT_YAML);
    auto diags = doc.diagnostics();
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].code == POSTPARSE_ERR_NOT_A_MAPPING);
    CHECK(diags[0].severity == POSTPARSE_SEVERITY_ERROR);
    CHECK(diags[0].part == POSTPARSE_PART_FRONT_MATTER);
    CHECK(diags[0].line == 2);
    auto root = doc.front_matter();
    REQUIRE(root);
    CHECK(root.kind() == POSTPARSE_KIND_SEQUENCE);
    REQUIRE(root.size() == 2);
    CHECK(root[0].text() == "a");
    CHECK(root[1].text() == "b");
    CHECK(doc.body() == "body");
  }
  SECTION("a scalar") {
    auto doc = test::parse("---\njust text\n---\nbody");
    CHECK(test::count_code(doc, POSTPARSE_ERR_NOT_A_MAPPING) == 1);
    auto root = doc.front_matter();
    REQUIRE(root);
    CHECK(root.kind() == POSTPARSE_KIND_STRING);
    CHECK(root.text() == "just text");
  }
}
