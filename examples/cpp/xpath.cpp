// Prints what an XPath 1.0 expression selects in a post's body, through the
// C++ wrapper: a first line "N matches" ("1 match"), then one line per match with its
// element's name and its text (an attribute's value for an attribute
// match, e.g. //img/@src).  Build against an installed postparse with CMake:
//   find_package(postparse REQUIRED)
//   target_link_libraries(app PRIVATE postparse::postparse)
// Usage: xpath POST EXPRESSION
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <postparse/postparse.hpp>

// The text on one line: line breaks shown as " / ".
static std::string one_line(std::string_view text) {
  std::string out;
  for (char c : text) out += c == '\n' ? std::string(" / ") : std::string(1, c);
  return out;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    std::cerr << "usage: " << argv[0] << " POST EXPRESSION\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << argv[1] << ": cannot read\n";
    return 1;
  }
  std::stringstream bytes;
  bytes << in.rdbuf();
  try {
    postparse::Document doc = postparse::Document::parse(bytes.str());
    // The list's nodes and strings are borrowed from `doc`, which outlives it.
    postparse::NodeList matches = doc.select(argv[2]);
    std::cout << matches.size() << (matches.size() == 1 ? " match\n" : " matches\n");
    for (std::size_t i = 0; i < matches.size(); ++i)
      std::cout << matches[i].name() << "\t" << one_line(matches.string_at(i)) << "\n";
  } catch (const postparse::Error &e) {
    std::cerr << argv[1] << ": " << e.what() << "\n";  // e.g. "postparse: xpath: //p["
    return 1;
  }
}
