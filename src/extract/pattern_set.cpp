#include "extract/pattern_set.h"

#include <algorithm>

namespace postparse::impl::extract {
namespace {

// Skips inline flag groups ("(?i)", "(?s-m)") starting at `at`; npos when
// one turns on multi-line mode, where '^' matches at every line.
std::size_t after_flags(std::string_view p, std::size_t at) {
  while (p.substr(at, 2) == "(?" && at + 2 < p.size() && p[at + 2] != ':' && p[at + 2] != 'P' && p[at + 2] != '<') {
    std::size_t close = p.find(')', at);
    if (close == std::string_view::npos) return at;
    std::string_view flags = p.substr(at + 2, close - at - 2);
    if (flags.substr(0, flags.find('-')).find('m') != std::string_view::npos) return std::string_view::npos;
    at = close + 1;
  }
  return at;
}

// The offsets where the pattern's top-level alternatives begin; empty when
// the pattern uses syntax this reading does not follow (\Q…\E quoting).
std::vector<std::size_t> alternative_starts(std::string_view p) {
  std::vector<std::size_t> starts{0};
  int depth = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\') {
      if (i + 1 < p.size() && p[i + 1] == 'Q') return {};
      ++i;
    } else if (c == '[') {
      // A class: '^' may negate it and a ']' first is a literal.
      std::size_t k = i + 1;
      if (k < p.size() && p[k] == '^') ++k;
      if (k < p.size() && p[k] == ']') ++k;
      for (; k < p.size() && p[k] != ']'; ++k)
        if (p[k] == '\\') ++k;
      i = k;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == '|' && depth == 0) {
      starts.push_back(i + 1);
    }
  }
  return starts;
}

}  // namespace

bool anchored_at_start(std::string_view pattern) {
  std::vector<std::size_t> starts = alternative_starts(pattern);
  if (starts.empty()) return false;
  return std::all_of(starts.begin(), starts.end(), [pattern](std::size_t s) {
    std::size_t at = after_flags(pattern, s);
    return at != std::string_view::npos && at < pattern.size() && pattern[at] == '^';
  });
}

int PatternSet::add(const std::string &pattern) {
  re2::RE2::Options options;
  options.set_log_errors(false);
  bool at_start = anchored_at_start(pattern);
  Part &part = at_start ? start_ : anywhere_;
  if (!part.set)
    part.set = std::make_unique<re2::RE2::Set>(options, at_start ? re2::RE2::ANCHOR_START : re2::RE2::UNANCHORED);
  if (part.set->Add(pattern, nullptr) < 0) return -1;
  part.index.push_back(count_);
  return count_++;
}

bool PatternSet::compile() {
  if (count_ == 0) return false;
  for (Part *part : {&start_, &anywhere_})
    if (part->set && !part->set->Compile()) return false;
  return true;
}

bool PatternSet::match_part(const Part &part, std::string_view text, std::vector<int> &hits) const {
  if (!part.set) return true;
  std::vector<int> found;
  re2::RE2::Set::ErrorInfo error{};
  if (!part.set->Match(re2::StringPiece(text.data(), text.size()), &found, &error) &&
      error.kind != re2::RE2::Set::kNoError)
    return false;
  for (int k : found) hits.push_back(part.index[static_cast<std::size_t>(k)]);
  return true;
}

bool PatternSet::match(std::string_view text, std::vector<int> &hits) const {
  hits.clear();
  if (!match_part(start_, text, hits) || !match_part(anywhere_, text, hits)) return false;
  std::sort(hits.begin(), hits.end());
  return true;
}

}  // namespace postparse::impl::extract
