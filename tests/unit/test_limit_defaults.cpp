// The limit defaults are written once (src/common/limits.h) and documented
// in postparse.h.  This reads the "(default N [KiB|MiB|GiB])" of each
// postparse_limit enumerator's comment in the public header and checks that
// fresh options hold that number, so that the manual and the code cannot
// drift apart, and that a new limit cannot be added undocumented.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <regex>
#include <string>
#include <vector>

#include "helpers.h"

namespace {

struct DocumentedLimit {
  std::string name;
  int value = -1;             // the enumerator's value
  std::string comment;        // its doc comment, white space collapsed
};

// The enumerators of postparse_limit with the comment before each.
std::vector<DocumentedLimit> documented_limits(const std::string &header) {
  std::size_t begin = header.find("typedef enum postparse_limit {");
  std::size_t end = header.find("} postparse_limit;", begin);
  REQUIRE(begin != std::string::npos);
  REQUIRE(end != std::string::npos);
  std::string body = header.substr(begin, end - begin);
  std::vector<DocumentedLimit> out;
  static const std::regex kEnumerator(R"(POSTPARSE_LIMIT_(\w+) = (\d+))");
  std::size_t comment_from = body.find('{') + 1;
  for (std::sregex_iterator it(body.begin(), body.end(), kEnumerator), last; it != last; ++it) {
    DocumentedLimit limit;
    limit.name = (*it)[1];
    limit.value = std::stoi((*it)[2]);
    std::string comment = body.substr(comment_from, static_cast<std::size_t>(it->position()) - comment_from);
    limit.comment = std::regex_replace(comment, std::regex(R"((/\*\*|\*/|\*|\s)+)"), " ");
    comment_from = static_cast<std::size_t>(it->position() + it->length());
    out.push_back(limit);
  }
  return out;
}

std::uint64_t documented_default(const std::string &comment) {
  static const std::regex kDefault(R"(\(default ([0-9,]+)( KiB| MiB| GiB)?)");
  std::smatch m;
  if (!std::regex_search(comment, m, kDefault)) return 0;
  std::string digits = m[1];
  digits.erase(std::remove(digits.begin(), digits.end(), ','), digits.end());
  std::uint64_t value = std::stoull(digits);
  if (m[2] == " KiB") value <<= 10;
  if (m[2] == " MiB") value <<= 20;
  if (m[2] == " GiB") value <<= 30;
  return value;
}

}  // namespace

TEST_CASE("every limit's documented default is the one the options start with", "[limits]") {
  std::string header = test::read_file(POSTPARSE_SOURCE_DIR "/include/postparse/postparse.h");
  std::vector<DocumentedLimit> limits = documented_limits(header);
  REQUIRE(limits.size() >= 10);
  postparse::Options options;
  for (const DocumentedLimit &limit : limits) {
    INFO("POSTPARSE_LIMIT_" << limit.name << ": " << limit.comment);
    std::uint64_t documented = documented_default(limit.comment);
    REQUIRE(documented != 0);
    CHECK(options.limit(static_cast<postparse_limit>(limit.value)) == documented);
  }
}
