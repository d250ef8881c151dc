// Checks run on a TOML block before toml++ sees it.
//
// toml++ 3.3 (Debian 12) recurses once per dotted-key segment and nests
// without a bound of its own, asserts on a date-time whose 'T' is not
// followed by a digit, and reaches __builtin_unreachable on some non-ASCII
// characters where it expects whitespace.  Each of those is found here first
// and reported as a diagnostic, so the library is never handed them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace postparse::impl {

struct TomlHazard {
  bool found = false;
  int code = 0;
  std::string message;
  std::size_t offset = 0;  // in the text
};

TomlHazard find_toml_hazard(std::string_view text, std::size_t depth_limit);

}  // namespace postparse::impl
