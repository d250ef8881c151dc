// The fast YAML reader against yaml-cpp on hand-picked front matter: the
// shapes it takes (with the marks that are easy to get wrong: nulls before
// a `null` key, empty values at the end of a nested mapping, sequences at
// their key's column) and the ones it must leave to yaml-cpp.  Either way
// the stage's results must be identical with the reader on and off.
#include <catch2/catch.hpp>

#include <string>

#include "front_matter_stage.h"

namespace {

std::string post_with(const std::string &content) { return "---\n" + content + "\n---\n<p>body</p>\n"; }

void check_identical(const std::string &content, bool accepted, const postparse::impl::Options &options = {}) {
  INFO("front matter: " << content);
  std::string post = post_with(content);
  auto fast = test::run_front_matter_stage(post, options, true);
  auto slow = test::run_front_matter_stage(post, options, false);
  CHECK(fast->fast_path_taken == accepted);
  CHECK(test::stage_difference(*fast, *slow) == "");
}

}  // namespace

TEST_CASE("the fast reader takes the common shapes and gives yaml-cpp's results", "[yaml-fast-path]") {
  const char *const taken[] = {
      "title: Hello\ndate: 2021-07-31 12:27:53\ncomments: false",
      "title: 'it''s'\ntags: ['a', \"b\", c]",
      "categories: \n - a\n - b\nauthor: x",
      "categories:\n- a\n- b\nnext: 1",
      "a:\nnull: 1",
      "a:\n~: 1\nNULL:",
      "a:\n  b:\nc: 1",
      "a: 1\nb:\n  c: 1\n  d:\n",
      "a: 1\nb:\n  c: 1\n  d:",
      "meta:\n  x: '1'\nauthor:\n  login: admin\n  email: a@b.c\n  first_name: ''",
      "params:\n  fm:\n    aliases: [chomp]\n    returnType: any\n    signatures: [strings.Chomp STRING]\naliases: [/f/c]",
      "a: ~\nb: null\nc: [~, null, 1, 0x10, 1.5, true, 2001-12-14t21:59:43.10-05:00]",
      "k: \"q \\\"x\\\" \\n \\u00e9 \\/ \\\\ \\t\"",
      "a: 1\na: 2\nA: 3\n1: x\n0x1: y",
      "x: []\ny: [ a , b ]\nz: [ 'a' ,\"b\"]",
      "t: a [b] {c} d, e",
      "n: -5\nm: C#\nu: http://x.org/a?b=c#d\nv: a:b",
      "key with space : v\nk2  : w",
      "  a: 1\n  b: 2",
      "a:\n\n  b: 1\n\nc: 2\n\n",
      "a: 1   \nb: 'x'   \nc: [a]  \n",
      "seq:\n  - a\n  - 'b'\n  - [c, d]\n  - ~\nafter: 1",
      "date: Mon, 22 Oct 2018 11:26:54 GMT\nupdated: Invalid Date\npubDate: 2023-05-10",
      "title: 第4话 - 荒野五人行\ntags: ['声优', '新闻',\"news\"]",
      "a:\n  b:\n    c:\n      d: 1\n    e: 2\nf: 3",
      "x: yes\ny: on\nz: 0777\nw: 1_000\nv: 190:20:30",
      "<<: a\nb: 1",
  };
  for (const char *content : taken) check_identical(content, true);
  postparse::impl::Options yaml11;
  yaml11.schema = postparse::impl::YamlSchema::yaml_1_1;
  yaml11.duplicate_keys = postparse::impl::DuplicateKeys::last_wins;
  for (const char *content : taken) check_identical(content, true, yaml11);
}

TEST_CASE("the fast reader leaves everything else to yaml-cpp", "[yaml-fast-path]") {
  const char *const left[] = {
      "a: 1 # comment",
      "# comment\na: 1",
      "a: &x 1\nb: *x",
      "a: !!str 1",
      "a: |\n  x",
      "a: >\n  x",
      "a: {b: 1}",
      "a: [[1]]",
      "a: [a,]",
      "a: [a: b]",
      "a: [a?b]",
      "? a\n: b",
      "a:\tb",
      "a: b\r\nc: d",
      "a: 'x\n  y'",
      "title: a\n  b",
      "a: b: c",
      "a: b:",
      "- a\n- b",
      "",
      "\n  \n",
      "a:\n- \n",
      "a:\n  -\n",
      "a: \"\\x41\"",
      "a: \"\\ud800\"",
      "a: 'unclosed",
      "a: \"unclosed",
      "a: 1\n  b: 2",
      "a:\n    b: 1\n  c: 2",
      "a: 1\n- b",
      "seq:\n  - a\n  b: 1",
      "seq:\n  - a: 1",
      "a: 'x' y",
      "a: [x] y",
      "a: @x",
      "a: `x`",
      "%YAML 1.2\na: 1",
      "---\na: 1",
      "a: 1\n...x: 2",
      "\"quoted key\": x",
      "a: \xff",
      "a: \xef\xbb\xbfx",
      "a: x\x01",
  };
  for (const char *content : left) check_identical(content, false);
}

TEST_CASE("limits stop the fast reader's tree as they stop yaml-cpp's", "[yaml-fast-path]") {
  postparse::impl::Options options;
  options.limits.depth = 2;
  check_identical("a:\n  b:\n    c: 1", true, options);
  check_identical("a: '[[['", true, options);
  check_identical("a: x[[[", true, options);
  options = {};
  options.limits.keys = 2;
  check_identical("a: 1\nb: 2\nc: 3", true, options);
  options.limits.depth = 0;
  check_identical("a: 1", true, options);
}
