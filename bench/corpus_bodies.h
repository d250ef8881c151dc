// Loads the bodies of every post under a corpus folder (front matter split
// off by postparse itself), for the HTML benchmarks.
#pragma once

#include <string>
#include <vector>

namespace bench {

// Every *.md / *.txt file below `dir`, body only.
std::vector<std::string> load_bodies(const std::string &dir);

}  // namespace bench
