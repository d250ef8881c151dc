// Small helpers shared by the unit tests: parse through the public C ABI and
// read values as std::string_view.
#pragma once

#include <cstdint>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>
#include <string>
#include <string_view>

#include "postparse/postparse.hpp"

namespace test {

// A small deterministic generator for tests that try many inputs: the same
// seed gives the same inputs on every machine (std::minstd and friends
// leave distributions implementation-defined).
class Lcg {
 public:
  explicit Lcg(std::uint32_t seed) : state_(seed) {}
  // 24 well-mixed bits.
  std::uint32_t next() { return (state_ = state_ * 1664525u + 1013904223u) >> 8; }

 private:
  std::uint32_t state_;
};

// Up to max_pieces - 1 pieces drawn from `pieces`, concatenated.
template <std::size_t N>
std::string random_text(Lcg &random, const char *const (&pieces)[N], std::size_t max_pieces) {
  std::string text;
  std::size_t count = random.next() % max_pieces;
  for (std::size_t k = 0; k < count; ++k) text += pieces[random.next() % N];
  return text;
}

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

// Paragraph `index` through the C ABI (which must have it).
inline postparse_paragraph paragraph_at(const postparse_doc *doc, std::size_t index) {
  postparse_paragraph p = POSTPARSE_INIT(postparse_paragraph);
  if (postparse_doc_paragraph_at(doc, index, &p) != POSTPARSE_OK) throw std::out_of_range("no such paragraph");
  return p;
}

// Every value captured under `key`, in order (e.g. each reporter).
inline std::vector<std::string> editorial_values(const postparse_doc *doc, std::string_view key) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < postparse_doc_editorial_count(doc); ++i) {
    postparse_editorial e = POSTPARSE_INIT(postparse_editorial);
    postparse_doc_editorial_at(doc, i, &e);
    if (std::string_view(e.key.data, e.key.len) == key) out.emplace_back(e.value.data, e.value.len);
  }
  return out;
}

// The first value captured under `key`; empty when there is none.
inline std::string editorial(const postparse_doc *doc, std::string_view key) {
  postparse_str v = postparse_doc_editorial_get(doc, key.data(), key.size());
  return std::string(v.data, v.len);
}

inline const postparse_diagnostic *first_with(const std::vector<postparse_diagnostic> &all, int code) {
  for (const auto &d : all)
    if (d.code == code) return &d;
  return nullptr;
}

}  // namespace test
