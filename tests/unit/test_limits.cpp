// Every limit is an option with a default, reports its own code, and leaves
// the rest of the post readable.
#include <catch2/catch.hpp>

#include "helpers.h"

namespace {

std::string fenced(const std::string &yaml) { return "---\n" + yaml + "\n---\nbody"; }

void check_limit_hit(const postparse::Document &doc, int code) {
  auto diags = doc.diagnostics();
  const postparse_diagnostic *d = test::first_with(diags, code);
  REQUIRE(d);
  CHECK(d->severity == POSTPARSE_SEVERITY_ERROR);
  CHECK(d->part == POSTPARSE_PART_FRONT_MATTER);
  CHECK_FALSE(doc.front_matter());
  CHECK(doc.body() == "body");
}

}  // namespace

TEST_CASE("limits have documented defaults and 0 restores them", "[limits]") {
  postparse::Options o;
  CHECK(o.limit(POSTPARSE_LIMIT_INPUT_BYTES) == 256u << 20);
  CHECK(o.limit(POSTPARSE_LIMIT_FRONT_MATTER_BYTES) == 1u << 20);
  CHECK(o.limit(POSTPARSE_LIMIT_DEPTH) == 64);
  CHECK(o.limit(POSTPARSE_LIMIT_ALIAS_NODES) == 10000);
  CHECK(o.limit(POSTPARSE_LIMIT_ALIAS_BYTES) == 4u << 20);
  CHECK(o.limit(POSTPARSE_LIMIT_HTML_DEPTH) == 512);
  CHECK(o.limit(POSTPARSE_LIMIT_KEYS) == 10000);
  CHECK(o.limit(POSTPARSE_LIMIT_DIAGNOSTICS) == 1000);
  o.limit(POSTPARSE_LIMIT_KEYS, 3);
  CHECK(o.limit(POSTPARSE_LIMIT_KEYS) == 3);
  o.limit(POSTPARSE_LIMIT_KEYS, 0);
  CHECK(o.limit(POSTPARSE_LIMIT_KEYS) == 10000);
  CHECK(postparse_options_set_limit(nullptr, POSTPARSE_LIMIT_KEYS, 1) == POSTPARSE_ERR_INVALID_ARGUMENT);
  CHECK(postparse_options_set_limit(const_cast<postparse_options *>(o.get()), static_cast<postparse_limit>(99), 1) ==
        POSTPARSE_ERR_INVALID_ARGUMENT);
}

TEST_CASE("input size limit refuses the document", "[limits]") {
  postparse::Options o;
  o.limit(POSTPARSE_LIMIT_INPUT_BYTES, 10);
  postparse_doc *doc = nullptr;
  CHECK(postparse_doc_parse("0123456789", 10, o.get(), &doc) == POSTPARSE_OK);
  postparse_doc_free(doc);
  CHECK(postparse_doc_parse("0123456789A", 11, o.get(), &doc) == POSTPARSE_ERR_INPUT_TOO_LARGE);
  CHECK(doc == nullptr);
}

TEST_CASE("front matter size limit skips the block but keeps the body", "[limits]") {
  postparse::Options o;
  o.limit(POSTPARSE_LIMIT_FRONT_MATTER_BYTES, 16);
  check_limit_hit(test::parse(fenced("title: a rather long title"), &o), POSTPARSE_ERR_FRONT_MATTER_TOO_LARGE);
  CHECK(test::parse(fenced("title: short"), &o).front_matter());
}

TEST_CASE("depth limit stops deep nesting of every kind", "[limits]") {
  std::string flow = std::string(100, '[') + std::string(100, ']');
  check_limit_hit(test::parse(fenced("a: " + flow)), POSTPARSE_ERR_DEPTH_LIMIT);
  // Far deeper than yaml-cpp's own recursion guard: our limit stops it first.
  std::string very_deep = std::string(100000, '[') + std::string(100000, ']');
  check_limit_hit(test::parse(fenced("a: " + very_deep)), POSTPARSE_ERR_DEPTH_LIMIT);
  std::string block;
  for (int i = 0; i < 80; ++i) block += std::string(static_cast<std::size_t>(i) * 2, ' ') + "k:\n";
  check_limit_hit(test::parse(fenced(block + std::string(160, ' ') + "v")), POSTPARSE_ERR_DEPTH_LIMIT);
  postparse::Options o;
  o.limit(POSTPARSE_LIMIT_DEPTH, 2);
  CHECK(test::parse(fenced("a: [1]"), &o).front_matter());
  check_limit_hit(test::parse(fenced("a: [[1]]"), &o), POSTPARSE_ERR_DEPTH_LIMIT);
  check_limit_hit(test::parse("+++\na = [[1]]\n+++\nbody", &o), POSTPARSE_ERR_DEPTH_LIMIT);
}

TEST_CASE("alias limit stops a billion-laughs block before expanding it", "[limits]") {
  std::string laughs = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    std::string prev(1, static_cast<char>(c - 1));
    laughs += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 9; ++i) laughs += (i ? ", *" : "*") + prev;
    laughs += "]\n";
  }
  auto doc = test::parse(fenced(laughs));
  check_limit_hit(doc, POSTPARSE_ERR_ALIAS_LIMIT);
  auto diags = doc.diagnostics();
  CHECK(test::first_with(diags, POSTPARSE_ERR_ALIAS_LIMIT)->line >= 3);
  // A few aliases well under the limit are fine.
  auto ok = test::parse(fenced("a: &x [1, 2]\nb: *x\nc: *x"));
  REQUIRE(ok.front_matter());
  CHECK(ok.front_matter()["c"].size() == 2);
}

TEST_CASE("an alias inside its own anchor is refused", "[limits]") {
  check_limit_hit(test::parse(fenced("a: &a [*a]")), POSTPARSE_ERR_ALIAS_LIMIT);
}

TEST_CASE("key limit counts keys across the block", "[limits]") {
  postparse::Options o;
  o.limit(POSTPARSE_LIMIT_KEYS, 3);
  CHECK(test::parse(fenced("a: 1\nb: 2\nc: 3"), &o).front_matter());
  check_limit_hit(test::parse(fenced("a: 1\nb: {c: 3, d: 4}"), &o), POSTPARSE_ERR_KEY_LIMIT);
  check_limit_hit(test::parse("+++\na = 1\nb = 2\nc = 3\nd = 4\n+++\nbody", &o), POSTPARSE_ERR_KEY_LIMIT);
  std::string many;
  for (int i = 0; i < 10001; ++i) many += "k" + std::to_string(i) + ": 1\n";
  check_limit_hit(test::parse(fenced(many)), POSTPARSE_ERR_KEY_LIMIT);
}

TEST_CASE("diagnostic limit caps the list and says so", "[limits]") {
  postparse::Options o;
  o.limit(POSTPARSE_LIMIT_DIAGNOSTICS, 5);
  std::string dups;
  for (int i = 0; i < 50; ++i) dups += "k: " + std::to_string(i) + "\n";
  auto diags = test::parse(fenced(dups), &o).diagnostics();
  REQUIRE(diags.size() == 5);
  CHECK(diags[0].code == POSTPARSE_ERR_DUPLICATE_KEY);
  CHECK(diags[4].code == POSTPARSE_ERR_DIAGNOSTIC_LIMIT);
  CHECK(diags[4].severity == POSTPARSE_SEVERITY_ERROR);  // the dropped ones were errors
  // Exactly as many diagnostics as the cap: nothing is dropped.
  std::string four;
  for (int i = 0; i < 5; ++i) four += "k: " + std::to_string(i) + "\n";
  auto exact = test::parse(fenced(four), &o).diagnostics();
  CHECK(exact.size() == 4);
  CHECK_FALSE(test::first_with(exact, POSTPARSE_ERR_DIAGNOSTIC_LIMIT));
}

TEST_CASE("hostile front matter found by fuzzing and review stays bounded", "[limits]") {
  // One long scalar aliased many times: stopped by the alias byte limit.
  std::string big = "a: &a " + std::string(50000, 'x') + "\nb: [";
  for (int i = 0; i < 200; ++i) big += (i ? ", *a" : "*a");
  check_limit_hit(test::parse(fenced(big + "]")), POSTPARSE_ERR_ALIAS_LIMIT);
  // An alias cannot nest a tree deeper than the depth limit.
  std::string chain = "k0: &k0 [[[[[[[[[[1]]]]]]]]]]\n";
  for (int i = 1; i < 10; ++i)
    chain += "k" + std::to_string(i) + ": &k" + std::to_string(i) + " [[[[[[[[[*k" + std::to_string(i - 1) + "]]]]]]]]]\n";
  check_limit_hit(test::parse(fenced(chain)), POSTPARSE_ERR_DEPTH_LIMIT);
  // TOML inputs that toml++ cannot take are reported before it sees them.
  std::string dotted = "a";
  for (int i = 0; i < 5000; ++i) dotted += ".a";
  check_limit_hit(test::parse("+++\n" + dotted + " = 1\n+++\nbody"), POSTPARSE_ERR_DEPTH_LIMIT);
  check_limit_hit(test::parse("+++\nd = 2021-07-31T:00:00\n+++\nbody"), POSTPARSE_ERR_SYNTAX);
  check_limit_hit(test::parse("+++\n\xCD\xB8\n+++\nbody"), POSTPARSE_ERR_SYNTAX);
  // Many empty values and empty block scalars parse (linearly) with right spans.
  std::string dashes;
  for (int i = 0; i < 100000; ++i) dashes += "-\n";
  auto seq = test::parse(fenced(dashes));
  REQUIRE(seq.front_matter());
  CHECK(seq.front_matter().size() == 100000);
  auto empty_blocks = test::parse(fenced("x:\n  a: |\n  b: |\n  c: 1"));
  CHECK(empty_blocks.front_matter()["x"]["a"].raw_text() == "|");
  CHECK(empty_blocks.front_matter()["x"]["c"].as_int() == 1);
}
