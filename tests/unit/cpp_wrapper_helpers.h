// What the C++ wrapper tests share: the real posts they read and how.
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "helpers.h"

namespace test {

// A real RSSHub post (OSChina news): 2 <p>, 2 <h3>, 23 <li> (4 of them
// nested), then one <p> with the only <a>; no image, no comment.
inline const char *const kImpala =
    "corpus/RSSHUB-PAGE/编程/开源中国/资讯/Apache Impala 40 发布，大规模并行处理 SQL 查询引擎.md";
inline const char *const kSeed = "seed/000_1533502123a03027.txt";

inline postparse::Document parse_file(const char *relative, const postparse::Options *options = nullptr) {
  const std::string bytes = read_file(data(relative));
  REQUIRE(!bytes.empty());
  return postparse::Document::parse(bytes, options);  // the document keeps its own copy
}

}  // namespace test
