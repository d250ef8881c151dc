// A C++ client of the shared library through the header-only wrapper:
// compiles with -pedantic -Werror and checks the wrapper on a real post.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "postparse/postparse.hpp"

static int failures = 0;
#define CHECK(cond)                                                                  \
  do {                                                                               \
    if (!(cond)) {                                                                   \
      std::cerr << __FILE__ << ":" << __LINE__ << ": check failed: " #cond "\n";     \
      ++failures;                                                                    \
    }                                                                                \
  } while (0)

int main(int argc, char **argv) {
  if (argc != 2) return 2;
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string bytes = buffer.str();

  postparse::Options options;
  options.timezone("Europe/Paris").limit(POSTPARSE_LIMIT_DEPTH, 10);
  CHECK(options.limit(POSTPARSE_LIMIT_DEPTH) == 10);
  options.limit(POSTPARSE_LIMIT_DEPTH, 0);  // back to the default
  CHECK(options.limit(POSTPARSE_LIMIT_DEPTH) == 64);
  try {
    options.timezone("Nowhere/Atlantis");
    CHECK(false);
  } catch (const postparse::Error &e) {
    CHECK(e.status() == POSTPARSE_ERR_UNKNOWN_TIMEZONE);
  }

  postparse::Document doc = postparse::Document::parse(bytes, &options);
  CHECK(doc.format() == POSTPARSE_FORMAT_YAML);
  postparse::Value fm = doc.front_matter();
  CHECK(fm.kind() == POSTPARSE_KIND_MAPPING);
  CHECK(fm["author"].text() == "\xe6\x96\xb0\xe6\xb5\xaa\xe8\xb4\xa2\xe7\xbb\x8f");
  CHECK(fm["categories"].size() == 3);
  CHECK(!fm["comments"].as_bool());
  CHECK(!fm["missing"]);
  CHECK(fm["title"].style() == POSTPARSE_STYLE_SINGLE_QUOTED);
  CHECK(fm["title"].raw_text().front() == '\'');
  auto when = fm["date"].as_time();
  CHECK(when && postparse::format_time(*when) == "2021-07-31T12:27:53+00:00");
  CHECK(doc.body().substr(0, 6) == "\n<div>");
  CHECK(doc.diagnostics().empty());
  CHECK(doc.to_json().find("\"format\":\"yaml\"") != std::string::npos);

  postparse::Document naive = postparse::Document::parse("---\ndate: 2021-07-01 10:00\n---\n", &options);
  auto paris = naive.front_matter()["date"].as_time();
  CHECK(paris && postparse::format_time(*paris) == "2021-07-01T10:00:00+02:00");

  try {
    postparse::Options tiny;
    tiny.limit(POSTPARSE_LIMIT_INPUT_BYTES, 4);
    postparse::Document::parse(bytes, &tiny);
    CHECK(false);
  } catch (const postparse::Error &e) {
    CHECK(e.status() == POSTPARSE_ERR_INPUT_TOO_LARGE);
  }
  if (failures == 0) std::cout << "c++ client: all checks passed\n";
  return failures ? 1 : 0;
}
