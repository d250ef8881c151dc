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
  posts.push_back(test::read_file(test::shared("seed/000_1533502123a03027.txt")));
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
  auto doc = test::parse(test::read_file(test::shared("seed/000_1533502123a03027.txt")));
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
