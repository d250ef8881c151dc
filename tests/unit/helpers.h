// Small helpers shared by the unit tests: parse through the public C ABI and
// read values as std::string_view.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "postparse/postparse.hpp"

namespace test {

inline postparse::Document parse(std::string_view text, const postparse::Options *options = nullptr) {
  return postparse::Document::parse(text, options);
}

inline std::string read_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A file of tests/data (the seed post, the corpus).
inline std::string data(const std::string &relative) {
  return std::string(POSTPARSE_TEST_DATA_DIR) + "/" + relative;
}

// Diagnostics of a document with the given code.
inline std::size_t count_code(const postparse::Document &doc, int code) {
  std::size_t n = 0;
  for (const auto &d : doc.diagnostics()) n += d.code == code;
  return n;
}

inline const postparse_diagnostic *first_with(const std::vector<postparse_diagnostic> &all, int code) {
  for (const auto &d : all)
    if (d.code == code) return &d;
  return nullptr;
}

}  // namespace test
