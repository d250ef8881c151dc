// postparse_doc_parse_borrowed: the same document as postparse_doc_parse,
// read in place from the caller's bytes (no copy), except for UTF-16/32
// input, which is decoded into the document's own text.
#include <catch2/catch.hpp>

#include <sys/mman.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "helpers.h"

namespace {

std::string json_of(const postparse_doc *doc) {
  char *out = nullptr;
  size_t len = 0;
  REQUIRE(postparse_doc_to_json(doc, 0, &out, &len) == POSTPARSE_OK);
  std::string json(out, len);
  postparse_free(out);
  return json;
}

}  // namespace

TEST_CASE("a borrowed parse reads the caller's bytes in place and gives the same document", "[capi][borrowed]") {
  for (const char *relative : {"seed/000_1533502123a03027.txt",
                               "corpus/joeduffy/2004-07-21-a-plethora-of-programming-languages.md"}) {
    std::string path = test::data(relative);
    const std::string bytes = test::read_file(path);
    REQUIRE(!bytes.empty());
    postparse_doc *copied = nullptr, *borrowed = nullptr;
    REQUIRE(postparse_doc_parse(bytes.data(), bytes.size(), nullptr, &copied) == POSTPARSE_OK);
    REQUIRE(postparse_doc_parse_borrowed(bytes.data(), bytes.size(), nullptr, &borrowed) == POSTPARSE_OK);
    CHECK(postparse_doc_source(borrowed).data == bytes.data());  // no copy
    CHECK(postparse_doc_source(copied).data != bytes.data());
    CHECK(json_of(borrowed) == json_of(copied));
    postparse_doc_free(copied);
    postparse_doc_free(borrowed);
  }
}

TEST_CASE("a borrowed UTF-16 input is decoded into the document's own text", "[capi][borrowed]") {
  const std::string utf16("\xFF\xFE-\0-\0-\0\n\0a\0:\0 \0b\0\n\0-\0-\0-\0\n\0x\0", 30);
  postparse_doc *doc = nullptr;
  REQUIRE(postparse_doc_parse_borrowed(utf16.data(), utf16.size(), nullptr, &doc) == POSTPARSE_OK);
  postparse_str source = postparse_doc_source(doc);
  CHECK(source.data != utf16.data());
  CHECK(std::string(source.data, source.len) == "\xEF\xBB\xBF---\na: b\n---\nx");  // the BOM decodes too
  postparse_doc_free(doc);
}

TEST_CASE("a borrowed parse checks its arguments as postparse_doc_parse does", "[capi][borrowed]") {
  postparse_doc *doc = reinterpret_cast<postparse_doc *>(1);
  CHECK(postparse_doc_parse_borrowed(nullptr, 3, nullptr, &doc) == POSTPARSE_ERR_INVALID_ARGUMENT);
  CHECK(doc == nullptr);
  CHECK(postparse_doc_parse_borrowed("x", 1, nullptr, nullptr) == POSTPARSE_ERR_INVALID_ARGUMENT);
  postparse_options *options = nullptr;
  REQUIRE(postparse_options_new(&options) == POSTPARSE_OK);
  REQUIRE(postparse_options_set_limit(options, POSTPARSE_LIMIT_INPUT_BYTES, 2) == POSTPARSE_OK);
  CHECK(postparse_doc_parse_borrowed("abc", 3, options, &doc) == POSTPARSE_ERR_INPUT_TOO_LARGE);
  postparse_options_free(options);
}

TEST_CASE("nothing reads past the end of borrowed bytes", "[capi][borrowed][regression-borrowed-page-end]") {
  // Found by the differential harness: md4c reads one byte after a body
  // that ends in what could start an ordered list ("12"), past the
  // caller's memory when the parse borrows it.  The bytes here end where an
  // unreadable page begins, so any read past them faults.
  const long page = sysconf(_SC_PAGESIZE);
  char *base = static_cast<char *>(
      mmap(nullptr, 2 * static_cast<size_t>(page), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  REQUIRE(base != MAP_FAILED);
  REQUIRE(mprotect(base + page, static_cast<size_t>(page), PROT_NONE) == 0);
  for (const std::string post : {"12", "+++\na = 1\n+++\n0777", "---\nt: x\n---\n1. a\n2", "- x\n  3", "a\n\n9)"}) {
    INFO("post: " << post);
    char *data = base + page - post.size();
    std::memcpy(data, post.data(), post.size());
    postparse_doc *borrowed = nullptr, *copied = nullptr;
    REQUIRE(postparse_doc_parse_borrowed(data, post.size(), nullptr, &borrowed) == POSTPARSE_OK);
    REQUIRE(postparse_doc_parse(post.data(), post.size(), nullptr, &copied) == POSTPARSE_OK);
    CHECK(json_of(borrowed) == json_of(copied));
    postparse_doc_free(borrowed);
    postparse_doc_free(copied);
  }
  munmap(base, 2 * static_cast<size_t>(page));
}
