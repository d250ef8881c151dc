// Parsing is thread-safe: 8 documents parsed on 8 threads at once give the
// same results as parsed one after another, and one document may be read
// from many threads.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include "helpers.h"

TEST_CASE("8 documents parsed on 8 threads at once", "[threads]") {
  std::vector<std::string> posts;
  posts.push_back(test::read_file(test::data("seed/000_1533502123a03027.txt")));
  for (int i = 0; i < 7; ++i)
    posts.push_back("\n---\ntitle: post " + std::to_string(i) + "\ndate: 2021-0" + std::to_string(i + 1) +
                    "-15 08:00:00\ntags: [a, b]\nbad: [\n---\nbody " + std::to_string(i));
  postparse::Options options;
  options.timezone("Asia/Shanghai");
  std::vector<std::string> expected;
  for (const auto &p : posts) expected.push_back(test::parse(p, &options).to_json());

  std::vector<std::string> results(posts.size());
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < posts.size(); ++i) {
    threads.emplace_back([&, i] {
      ++ready;
      while (ready.load() < static_cast<int>(posts.size())) std::this_thread::yield();
      for (int round = 0; round < 50; ++round) results[i] = test::parse(posts[i], &options).to_json();
    });
  }
  for (auto &t : threads) t.join();
  for (std::size_t i = 0; i < posts.size(); ++i) CHECK(results[i] == expected[i]);
  CHECK(expected[0].find("\"/date\":\"2021-07-31T12:27:53+00:00\"") != std::string::npos);
  CHECK(expected[3].find("\"/date\":\"2021-04-15T08:00:00+08:00\"") == std::string::npos);  // bad YAML
}

TEST_CASE("one document read from 8 threads at once", "[threads]") {
  auto doc = test::parse(test::read_file(test::data("seed/000_1533502123a03027.txt")));
  std::string expected = doc.to_json();
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      for (int round = 0; round < 50; ++round) {
        if (doc.to_json() != expected) ++mismatches;
        if (!doc.front_matter()["date"].as_time()) ++mismatches;
      }
    });
  }
  for (auto &t : threads) t.join();
  CHECK(mismatches == 0);
}

TEST_CASE("one profile shared by options on 8 threads, Markdown and HTML bodies", "[threads]") {
  std::string sina = test::read_file(std::string(POSTPARSE_SOURCE_DIR) + "/profiles/sina.yaml");
  postparse::Profile profile = postparse::Profile::load(sina);
  REQUIRE(profile.ok());
  postparse::Options options;
  options.add_profile(profile);
  std::vector<std::string> posts = {test::read_file(test::data("seed/000_1533502123a03027.txt")),
                                    "---\ntitle: md\n---\n# Head\n\nText *em* [l](u)\n\n- a\n- b\n"};
  std::vector<std::string> expected;
  for (const auto &p : posts) expected.push_back(test::parse(p, &options).to_markdown() + test::parse(p, &options).to_json());
  std::vector<int> mismatches(8, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) {
        const std::string &post = posts[(t + round) % posts.size()];
        postparse::Document doc = test::parse(post, &options);
        if (doc.to_markdown() + doc.to_json() != expected[(t + round) % posts.size()]) ++mismatches[t];
      }
    });
  for (auto &t : threads) t.join();
  for (int m : mismatches) CHECK(m == 0);
  CHECK(expected[0].find("\"keywords\":[\"stock\"]") != std::string::npos);
}
