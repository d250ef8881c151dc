// Edits of YAML front matter: one test per style rule — what an edit
// writes is what the neighbours of the value would have written, and every
// other byte stays.
#include <catch2/catch.hpp>

#include "edit_helpers.h"
#include "helpers.h"

namespace {

using postparse::Edit;
using postparse::Scalar;

}  // namespace

TEST_CASE("edit: a no-op edit renders the post byte for byte", "[edit]") {
  std::string post = "\n---\ntitle:   spaced   # comment\n# own line\ntags: [a,b]\n...\nbody\n";
  CHECK(test::edited(post, [](Edit &) {}) == post);
}

TEST_CASE("edit: setting a plain value changes only its bytes, comments stay", "[edit]") {
  std::string post =
      "---\n# head comment\ntitle: Old title # trailing\ndate: 2021-07-31 12:27:53\n---\nbody\n";
  CHECK(test::edited(post, [](Edit &e) { e.set("/title", "New title"); }) ==
        "---\n# head comment\ntitle: New title # trailing\ndate: 2021-07-31 12:27:53\n---\nbody\n");
}

TEST_CASE("edit: quoting only where YAML needs it", "[edit]") {
  std::string post = "---\nt: x\n---\n";
  auto set = [&](const char *value) {
    postparse::Document doc = postparse::Document::parse(post);
    Edit edit(doc);
    edit.set("/t", value);
    std::string out = edit.render();
    return out.substr(7, out.size() - 7 - 5);  // the value alone
  };
  CHECK(set("plain words") == "plain words");
  CHECK(set("中文标题") == "中文标题");
  CHECK(set("true") == "'true'");  // a reserved word
  CHECK(set("null") == "'null'");
  CHECK(set("42") == "'42'");  // a number as a string
  CHECK(set("3.5") == "'3.5'");
  CHECK(set("2021-07-31") == "'2021-07-31'");  // a date as a string
  CHECK(set("a: b") == "'a: b'");
  CHECK(set("a #b") == "'a #b'");
  CHECK(set("- item") == "'- item'");  // leading indicators
  CHECK(set("*star") == "'*star'");
  CHECK(set("[x]") == "'[x]'");
  CHECK(set(" edge") == "' edge'");
  CHECK(set("...x") == "'...x'");  // a document marker as a key would end the document
  CHECK(set("it's") == "it's");
  CHECK(set("it's: x") == "'it''s: x'");
  CHECK(set("") == "''");
  CHECK(set("tab\there") == "tab\there");
  CHECK(set("bell\x07") == "\"bell\\x07\"");  // not printable: double quotes with escapes
}

TEST_CASE("edit: the old quote style is kept", "[edit]") {
  CHECK(test::edited("---\na: 'x'\nb: \"y\"\n---\n", [](Edit &e) { e.set("/a", "plain").set("/b", "plain"); }) ==
        "---\na: 'plain'\nb: \"plain\"\n---\n");
  CHECK(test::edited("---\na: 'x'\n---\n", [](Edit &e) { e.set("/a", "it's"); }) == "---\na: 'it''s'\n---\n");
  CHECK(test::edited("---\nb: \"y\"\n---\n", [](Edit &e) { e.set("/b", "say \"hi\"\\"); }) ==
        "---\nb: \"say \\\"hi\\\"\\\\\"\n---\n");
}

TEST_CASE("edit: text with line breaks becomes a literal block scalar", "[edit]") {
  CHECK(test::edited("---\nt: x\nn: 1\n---\n", [](Edit &e) { e.set("/t", "one\ntwo"); }) ==
        "---\nt: |-\n  one\n  two\nn: 1\n---\n");
  CHECK(test::edited("---\nm:\n  t: x\n---\n", [](Edit &e) { e.set("/m/t", "one\ntwo\n"); }) ==
        "---\nm:\n  t: |\n    one\n    two\n---\n");
  // A block scalar replaced by a one-line value.
  CHECK(test::edited("---\nt: |\n  a\n  b\nn: 1\n---\n", [](Edit &e) { e.set("/t", "short"); }) ==
        "---\nt: short\nn: 1\n---\n");
  // In a flow collection there is no block scalar: double quotes.
  CHECK(test::edited("---\nt: [a, b]\n---\n", [](Edit &e) { e.set("/t/0", "x\ny"); }) ==
        "---\nt: [\"x\\ny\", b]\n---\n");
}

TEST_CASE("edit: appending to a block list adds one line with the siblings' indent and dash", "[edit]") {
  CHECK(test::edited("---\ntags:\n- a\n- b\nx: 1\n---\n", [](Edit &e) { e.append("/tags", "c"); }) ==
        "---\ntags:\n- a\n- b\n- c\nx: 1\n---\n");
  CHECK(test::edited("---\ntags:\n    -   a\nx: 1\n---\n", [](Edit &e) { e.append("/tags", "c d"); }) ==
        "---\ntags:\n    -   a\n    -   c d\nx: 1\n---\n");
  CHECK(test::edited("---\ntags:\n  - 'a'\n---\n", [](Edit &e) { e.append("/tags", "b"); }) ==
        "---\ntags:\n  - 'a'\n  - 'b'\n---\n");
}

TEST_CASE("edit: a flow list stays flow with its separators", "[edit]") {
  CHECK(test::edited("---\ntags: [a, b]\n---\n", [](Edit &e) { e.append("/tags", "c"); }) ==
        "---\ntags: [a, b, c]\n---\n");
  CHECK(test::edited("---\ntags: ['a','b']\n---\n", [](Edit &e) { e.append("/tags", "c"); }) ==
        "---\ntags: ['a','b','c']\n---\n");
  CHECK(test::edited("---\ntags: []\n---\n", [](Edit &e) { e.append("/tags", "c"); }) == "---\ntags: [c]\n---\n");
  CHECK(test::edited("---\ntags: [a]\n---\n", [](Edit &e) { e.append("/tags", "x, y"); }) ==
        "---\ntags: [a, 'x, y']\n---\n");
  CHECK(test::edited("---\ntags: [a, b]\n---\n", [](Edit &e) {
          e.set_list("/tags", {"x", "y", "z"});
        }) == "---\ntags: [x, y, z]\n---\n");
}

TEST_CASE("edit: set_list keeps a block list's layout; new lists follow the post's", "[edit]") {
  CHECK(test::edited("---\ntags:\n  - a\nx: 1\n---\n", [](Edit &e) {
          e.set_list("/tags", {"b", "c"});
        }) == "---\ntags:\n  - b\n  - c\nx: 1\n---\n");
  // A new list is indented as the post's other block lists (here not at all).
  CHECK(test::edited("---\ncats:\n- a\n---\n", [](Edit &e) {
          e.set_list("/tags", {"x", "y"});
        }) == "---\ncats:\n- a\ntags:\n- x\n- y\n---\n");
  CHECK(test::edited("---\nt: 1\n---\n", [](Edit &e) { e.set_list("/tags", {}); }) == "---\nt: 1\ntags: []\n---\n");
}

TEST_CASE("edit: dates keep the spelling of the value they replace", "[edit]") {
  postparse_time t = POSTPARSE_INIT(postparse_time);
  t.unix_seconds = 1641092645;  // 2022-01-02T03:04:05Z
  t.offset_seconds = 8 * 3600;  // shown at +08:00: 11:04:05
  t.explicit_offset = true;
  t.has_time = true;
  auto with = [&](const char *old) {
    std::string post = std::string("---\ndate: ") + old + "\n---\n";
    postparse::Document doc = postparse::Document::parse(post);
    Edit edit(doc);
    edit.set("/date", Scalar::date(t));
    std::string out = edit.render();
    return out.substr(10, out.size() - 10 - 5);
  };
  CHECK(with("2021-07-31 12:27:53 +08:00") == "2022-01-02 11:04:05 +08:00");
  CHECK(with("2021-07-31T12:27:53Z") == "2022-01-02T11:04:05+08:00");
  CHECK(with("2006-10-03 16:13:32.000000000 -07:00") == "2022-01-02 11:04:05.000000000 +08:00");
  CHECK(with("2021-07-31T12:27:53+0900") == "2022-01-02T11:04:05+0800");
  CHECK(with("Mon, 17 Jan 2022 10:59:00 GMT") == "Sun, 02 Jan 2022 11:04:05 +0800");
  CHECK(with("2021/07/31 12:27") == "2022/01/02 11:04:05+08:00");
  CHECK(with("not a date") == "2022-01-02T11:04:05+08:00");  // RFC 3339
  // A time replacing a date alone keeps its time (it was cut to the date).
  CHECK(with("2021-07-31") == "2022-01-02T11:04:05+08:00");
  CHECK(with("2021/07/31") == "2022/01/02T11:04:05+08:00");
  // A naive time stays naive when the new one is too.
  t.explicit_offset = false;
  t.offset_seconds = 0;
  CHECK(with("2021-07-31 12:27:53") == "2022-01-02 03:04:05");
  t.has_time = false;
  CHECK(with("2021-07-31 12:27:53") == "2022-01-02");
  // Written as given, with its kind read back: a YAML timestamp, or a string.
  postparse::Document doc = postparse::Document::parse("---\ndate: 2021-07-31\n---\n");
  Edit edit(doc);
  edit.set("/date", Scalar::date("2023-05-06 07:08:09"));
  postparse::Document reread = postparse::Document::parse(edit.render());
  CHECK(reread.front_matter()["date"].kind() == POSTPARSE_KIND_TIMESTAMP);
  CHECK_THROWS_MATCHES(edit.set("/date", Scalar::date("soon")), postparse::Error,
                       Catch::Predicate<postparse::Error>([](const postparse::Error &e) {
                         return e.status() == POSTPARSE_ERR_INVALID_DATE;
                       }));
}

TEST_CASE("edit: CRLF posts stay CRLF", "[edit]") {
  std::string post = "---\r\ntitle: x\r\ntags:\r\n- a\r\n---\r\nbody\r\n";
  CHECK(test::edited(post, [](Edit &e) { e.set("/title", "y").append("/tags", "b").set("/new", "1 2"); }) ==
        "---\r\ntitle: y\r\ntags:\r\n- a\r\n- b\r\nnew: 1 2\r\n---\r\nbody\r\n");
  CHECK(test::edited(post, [](Edit &e) { e.set("/title", "a\nb"); }) ==
        "---\r\ntitle: |-\r\n  a\r\n  b\r\ntags:\r\n- a\r\n---\r\nbody\r\n");
}

TEST_CASE("edit: scalars of every kind", "[edit]") {
  CHECK(test::edited("---\na: x\nb: x\nc: x\nd: x\ne: x\n---\n", [](Edit &e) {
          e.set("/a", Scalar::integer(-7))
              .set("/b", Scalar::number(2.5))
              .set("/c", Scalar::boolean(true))
              .set("/d", Scalar::null())
              .set("/e", Scalar::number(1e300));
        }) == "---\na: -7\nb: 2.5\nc: true\nd: null\ne: 1.0e+300\n---\n");
  CHECK(test::edited("---\na: x\n---\n", [](Edit &e) { e.set("/a", Scalar::number(3)); }) == "---\na: 3.0\n---\n");
  postparse::Document doc = postparse::Document::parse(test::edited("---\na: x\n---\n", [](Edit &e) {
    e.set("/a", Scalar::number(0.1)).set("/b", Scalar::number(-1.0 / 0.0));
  }));
  CHECK(doc.front_matter()["a"].as_double() == 0.1);
  CHECK(doc.front_matter()["b"].text() == "-.inf");
}

TEST_CASE("edit: a comment after a value moves to the header of a block written in its place", "[edit]") {
  CHECK(test::edited("---\nt: x # note\nn: 1\n---\n", [](Edit &e) { e.set("/t", "a\nb"); }) ==
        "---\nt: |- # note\n  a\n  b\nn: 1\n---\n");
  CHECK(test::edited("---\nt: x # note\nn: 1\n---\n", [](Edit &e) {
          e.set_list("/t", {"a", "b"});
        }) == "---\nt: # note\n  - a\n  - b\nn: 1\n---\n");
  // Lines of blanks cannot be a block scalar's: double quotes.
  CHECK(test::edited("---\nt: x\n---\n", [](Edit &e) { e.set("/t", "a\n\t\nb"); }) ==
        "---\nt: \"a\\n\\t\\nb\"\n---\n");
  CHECK(test::edited("---\nt: x\n---\n", [](Edit &e) { e.set("/t", "\n"); }) == "---\nt: \"\\n\"\n---\n");
  // Keep chomping would take in the empty lines before a key added after.
  CHECK(test::edited("---\nt: x\n---\n", [](Edit &e) { e.set("/t", "a\n\n").set("/u", "v"); }) ==
        "---\nt: \"a\\n\\n\"\nu: v\n---\n");
}

TEST_CASE("edit: a block scalar's span honours its indentation indicator",
          "[edit][regression-block-scalar-indicator]") {
  // The first line is indented more than the second; with the indicator
  // both are content, so the span (and what an edit after it sees) covers
  // both.
  std::string post = "---\nm: |2-\n     a\n    b\nn: 1\n---\n";
  postparse::Document doc = postparse::Document::parse(post);
  CHECK(doc.front_matter()["m"].text() == "   a\n  b");
  CHECK(doc.front_matter()["m"].raw_text() == "|2-\n     a\n    b");
  CHECK(test::edited(post, [](Edit &e) { e.remove("/m"); }) == "---\nn: 1\n---\n");
}
