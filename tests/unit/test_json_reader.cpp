// The JSON front matter reader against yaml-cpp: on JSON that yaml-cpp
// reads right, the stage's results (tree, spans, dates, diagnostics) are
// identical with the reader on and off; text that is not strict JSON is
// left to yaml-cpp; and JSON that yaml-cpp gets wrong (keys over 1024
// characters, surrogate pairs) is read as JSON says.
#include <catch2/catch.hpp>

#include <string>

#include "front_matter_stage.h"

namespace postparse::testing {
bool json_reader_accepts(std::string_view text);
}

namespace {

namespace impl = postparse::impl;

// `block` is the front matter as the loader sees it (a `;;;` block's
// members inside braces); the post is made from it.
void check_identical(const std::string &block, bool members_only, const impl::Options &options = {},
                     bool loads = true) {
  std::string post = members_only ? ";;;\n" + block.substr(1, block.size() - 3) + "\n;;;\n<p>body</p>\n"
                                  : block + "\n<p>body</p>\n";
  INFO("post: " << post);
  auto with_reader = test::run_front_matter_stage(post, options, true);
  auto without = test::run_front_matter_stage(post, options, false);
  CHECK((with_reader->front_matter.root != nullptr) == loads);
  CHECK(test::stage_difference(*with_reader, *without) == "");
  CHECK(postparse::testing::json_reader_accepts(block));
}

const impl::Value *member(const impl::Value *map, const std::string &key) {
  for (std::size_t i = 0; map && i < map->keys.size(); ++i)
    if (map->keys[i]->text == key) return map->items[i];
  return nullptr;
}

}  // namespace

TEST_CASE("the JSON reader gives yaml-cpp's results on the JSON yaml-cpp reads right", "[json-reader]") {
  const char *const blocks[] = {
      "{\"title\": \"Hello\", \"date\": \"2021-07-31 12:27:53\"}",
      "{\"a\": [1, -2, 3.5, -0.25e+3, 1E9, 0, true, false, null], \"b\": {}, \"c\": []}",
      "{\"nested\": {\"x\": {\"y\": [[], [[1]], {\"z\": null}]}}, \"after\": \"w\"}",
      "{\"esc\": \"q \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u4e2d\"}",
      "{\"cjk\": \"第4话 - 荒野五人行\", \"tags\": [\"声优\", \"新闻\"]}",
      "{\n\t\"tabbed\": 1,\n\t\"list\": [\n\t\t\"a\"\n\t]\n}",
      "{ \"spaced\" : 1 , \"k\" :\"v\" }",
      "{\"dup\": 1, \"dup\": 2}",
      "{\"big\": 123456789012345678901234567890, \"neg\": -9223372036854775808}",
      "{\"updated\": \"Mon, 22 Oct 2018 11:26:54 GMT\", \"pubDate\": \"2023-05-10\"}",
  };
  for (const char *block : blocks) check_identical(block, false);
  check_identical("{\"title\": \"Hexo JSON\",\n\"tags\": [\"a\", \"b\"]\n}", true);
  check_identical("{\"only\": {\"deep\": [1, 2, {\"x\": \"y\"}]}\n}", true);
  impl::Options shallow;
  shallow.limits.depth = 2;
  check_identical("{\"a\": [1, [2, [3]]]}", false, shallow, false);  // the depth limit, reported alike
  impl::Options few_keys;
  few_keys.limits.keys = 2;
  check_identical("{\"a\": 1, \"b\": 2, \"c\": 3}", false, few_keys, false);
}

TEST_CASE("what is not strict JSON is left to yaml-cpp", "[json-reader]") {
  const char *const posts[] = {
      "{\"trailing\": 1,}\n",
      "{'single': 'quotes'}\n",
      "{unquoted: 1}\n",
      "{\"a\": 01}\n",
      "{\"a\": .5}\n",
      "{\"a\": +1}\n",
      "{\"a\": \"\\x41\"}\n",
      "{\"a\": [1, 2}\n",
      "{\"a\": tru}\n",
      "{\"a\" 1}\n",
  };
  for (const char *post : posts) {
    INFO("post: " << post);
    auto with_reader = test::run_front_matter_stage(post, {}, true);
    auto without = test::run_front_matter_stage(post, {}, false);
    CHECK(test::stage_difference(*with_reader, *without) == "");
    std::string text = post;
    CHECK_FALSE(postparse::testing::json_reader_accepts(text.substr(0, text.rfind('}') + 1)));
  }
}

TEST_CASE("JSON that yaml-cpp gets wrong is read as JSON says", "[json-reader][regression-json-long-key]") {
  SECTION("a key longer than YAML's 1024-character limit on implicit keys") {
    // Found by the differential harness: a YAML key of 388 U+FFFD (ill-formed
    // bytes) is 1,164 bytes; its JSON output did not read back as JSON.
    std::string key(1100, 'k'), accented;
    for (int i = 0; i < 600; ++i) accented += "\xC3\xA9";
    std::string post = "{\"" + key + "\": 1, \"" + accented + "\": 2, \"after\": \"x\"}\n<p>body</p>\n";
    auto stage = test::run_front_matter_stage(post, {}, true);
    const impl::Value *root = stage->front_matter.root;
    REQUIRE(root != nullptr);
    REQUIRE(root->keys.size() == 3);
    CHECK(member(root, key) != nullptr);
    CHECK(member(root, key)->text == "1");
    CHECK(member(root, accented)->text == "2");
    CHECK(member(root, "after")->text == "x");
    CHECK(stage->diagnostics.empty());
    // yaml-cpp alone refuses the block.
    auto without = test::run_front_matter_stage(post, {}, false);
    CHECK(without->front_matter.root == nullptr);
  }
  SECTION("surrogate pairs and lone surrogates") {
    std::string post = "{\"emoji\": \"a\\ud83d\\ude00b\", \"lone\": \"x\\ud800y\", \"\\ud83d\\ude00\": 1}\n";
    auto stage = test::run_front_matter_stage(post, {}, true);
    const impl::Value *root = stage->front_matter.root;
    REQUIRE(root != nullptr);
    CHECK(member(root, "emoji")->text == "a\xF0\x9F\x98\x80" "b");
    CHECK(member(root, "lone")->text == "x\xEF\xBF\xBDy");
    CHECK(member(root, "\xF0\x9F\x98\x80") != nullptr);
    // The value's span covers its source text, escapes and all.
    const impl::Value *emoji = member(root, "emoji");
    CHECK(post.substr(emoji->begin, emoji->end - emoji->begin) == "\"a\\ud83d\\ude00b\"");
  }
}
