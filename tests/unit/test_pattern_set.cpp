// The profiles' pattern set: which patterns can only match at the start of
// the text, and that the set finds exactly the patterns that match alone.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "extract/pattern_set.h"
#include "extract/profile.h"
#include "helpers.h"

namespace pp = postparse::impl;

TEST_CASE("patterns anchored at the start: every alternative begins with ^", "[extract][pattern-set]") {
  using pp::extract::anchored_at_start;
  CHECK(anchored_at_start("^a"));
  CHECK(anchored_at_start("(?i)^\\s*(?:a|b)c$"));
  CHECK(anchored_at_start("^a|(?i)^b"));
  CHECK(anchored_at_start("^[|]x|^y"));          // a bar in a class is no alternative
  CHECK(anchored_at_start("^[]|]x"));            // nor after a leading ']'
  CHECK(anchored_at_start("^a\\|b"));             // nor an escaped one
  CHECK_FALSE(anchored_at_start("a"));
  CHECK_FALSE(anchored_at_start("^a|b"));
  CHECK_FALSE(anchored_at_start("(?:^a|^b)"));     // not read inside groups: unsure, so no
  CHECK_FALSE(anchored_at_start("(?m)^a"));        // '^' at every line
  CHECK_FALSE(anchored_at_start("(?im)^a"));
  CHECK(anchored_at_start("(?i-m)^a"));
  CHECK_FALSE(anchored_at_start("^\\Qa|b\\E|c"));  // quoting is not followed: unsure
  CHECK_FALSE(anchored_at_start("[^a]^"));
}

TEST_CASE("the set finds exactly the patterns of the built-in profile that match alone", "[extract][pattern-set]") {
  std::shared_ptr<const pp::extract::Profile> profile = pp::extract::default_profile();
  REQUIRE(profile->paragraph_patterns);
  // Lines of real posts, and the phrasings the rules are written for.
  std::vector<std::string> texts = {"责任编辑：张玫", "题图：视觉中国", "© 2024 Acme", "0 saves", "欢迎评论区留言！",
                                    "The band first appeared on television in 1964.", "转载请注明出处。",
                                    "人们在彩灯前合影。摄影师：Yang Jianzheng", "——————", "文/任佳", ""};
  std::string corpus = test::read_file(test::data("seed/000_1533502123a03027.txt"));
  for (std::size_t from = 0; from < corpus.size();) {
    std::size_t end = corpus.find('\n', from);
    if (end == std::string::npos) end = corpus.size();
    texts.push_back(corpus.substr(from, end - from));
    from = end + 1;
  }
  std::vector<int> hits;
  std::size_t matched = 0;
  for (const std::string &text : texts) {
    INFO(text);
    REQUIRE(profile->paragraph_patterns->match(text, hits));
    for (std::size_t r = 0; r < profile->rules.size(); ++r) {
      int index = profile->pattern_of_rule[r];
      if (index < 0) continue;
      bool alone = re2::RE2::PartialMatch(text, *profile->rules[r].match);
      bool in_set = std::binary_search(hits.begin(), hits.end(), index);
      INFO(profile->rules[r].name);
      CHECK(alone == in_set);
      matched += alone;
    }
  }
  CHECK(matched >= 12);  // the phrasings above do match
}
