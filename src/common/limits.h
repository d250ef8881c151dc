// The resource limits of one parse, and their defaults.
//
// This is the one place the defaults are written: the options start from
// them, postparse_options_set_limit(..., 0) restores them, and each stage
// reads the same struct (the HTML tree builder included).  postparse.h
// documents them next to postparse_limit; tests/unit/test_limit_defaults.cpp
// checks that the documented numbers are these.
#pragma once

#include <cstdint>

namespace postparse::impl {

struct Limits {
  std::uint64_t input_bytes = 256u << 20;
  std::uint64_t front_matter_bytes = 1u << 20;
  // Far below yaml-cpp's own recursion guard, so our limit is what users see.
  std::uint64_t depth = 64;
  std::uint64_t alias_nodes = 10000;
  std::uint64_t alias_bytes = 4u << 20;
  std::uint64_t keys = 10000;
  // Also caps the HTML parse errors recorded with postparse_options_set_html_errors.
  std::uint64_t diagnostics = 1000;
  std::uint64_t html_nodes = 2'000'000;
  std::uint64_t html_depth = 512;
  std::uint64_t html_attributes = 1000;
};

}  // namespace postparse::impl
