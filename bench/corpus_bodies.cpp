#include "corpus_bodies.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "postparse/postparse.hpp"

namespace bench {

std::vector<std::string> load_bodies(const std::string &dir) {
  std::vector<std::string> paths;
  for (const auto &entry : std::filesystem::recursive_directory_iterator(dir)) {
    std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".md" || ext == ".txt")) paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> bodies;
  for (const std::string &path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    postparse::Document doc = postparse::Document::parse(bytes.str());
    bodies.emplace_back(doc.body());
  }
  return bodies;
}

}  // namespace bench
