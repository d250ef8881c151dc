// Lists every front matter key of a post with its kind, through the C++
// wrapper.  Build against an installed postparse with CMake:
//   find_package(postparse REQUIRED)
//   target_link_libraries(app PRIVATE postparse::postparse)
#include <fstream>
#include <iostream>
#include <sstream>

#include <postparse/postparse.hpp>

int main(int argc, char **argv) {
  if (argc != 2) {
    std::cerr << "usage: " << argv[0] << " POST\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  static const char *const kinds[] = {"null", "bool", "int", "float", "string", "timestamp", "sequence", "mapping"};
  try {
    postparse::Options options;
    options.timezone("Asia/Shanghai");
    postparse::Document doc = postparse::Document::parse(bytes.str(), &options);
    postparse::Value fm = doc.front_matter();
    for (std::size_t i = 0; i < fm.size(); ++i) {
      postparse::Value value = fm[i];
      std::cout << fm.key_at(i).text() << "\t" << kinds[value.kind()] << "\t" << value.raw_text().substr(0, 60);
      if (auto when = value.as_time()) std::cout << "\t" << postparse::format_time(*when);
      std::cout << "\n";
    }
    for (const postparse_diagnostic &d : doc.diagnostics())
      std::cerr << argv[1] << ":" << d.line << ":" << d.column << ": " << postparse::to_view(d.message) << "\n";
  } catch (const postparse::Error &e) {
    std::cerr << argv[1] << ": " << e.what() << "\n";
    return 1;
  }
}
