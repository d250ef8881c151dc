// Every post of tests/data/corpus: the front matter stage gives the same
// trees, spans, dates and diagnostics with the fast YAML reader as with
// yaml-cpp alone, under both schemas, and the reader takes most blocks (it
// exists for them).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "front_matter_stage.h"

namespace {

std::vector<std::string> corpus_posts() {
  std::vector<std::string> paths;
  for (const auto &entry : std::filesystem::recursive_directory_iterator(std::string(POSTPARSE_TEST_DATA_DIR) + "/corpus"))
    if (entry.is_regular_file() && entry.path().extension() == ".md") paths.push_back(entry.path().string());
  std::sort(paths.begin(), paths.end());
  return paths;
}

std::string read_bytes(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

TEST_CASE("the fast YAML reader gives yaml-cpp's results on every corpus post", "[yaml-fast-path-corpus]") {
  std::vector<std::string> paths = corpus_posts();
  REQUIRE(paths.size() > 2500);
  postparse::impl::Options yaml11;
  yaml11.schema = postparse::impl::YamlSchema::yaml_1_1;
  std::size_t taken = 0;
  for (const std::string &path : paths) {
    INFO(path);
    std::string post = read_bytes(path);
    for (bool schema_1_1 : {false, true}) {
      const postparse::impl::Options &options = schema_1_1 ? yaml11 : postparse::impl::Options{};
      auto fast = test::run_front_matter_stage(post, options, true);
      auto slow = test::run_front_matter_stage(post, options, false);
      REQUIRE(test::stage_difference(*fast, *slow) == "");
      if (!schema_1_1) taken += fast->fast_path_taken;
    }
  }
  std::printf("fast YAML reader: %zu of %zu posts (%.1f%%)\n", taken, paths.size(), 100.0 * taken / paths.size());
  CHECK(taken * 100 >= paths.size() * 95);
}
