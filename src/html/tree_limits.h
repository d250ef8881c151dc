// The events that say the tree builder hit one of its limits (html_nodes,
// html_depth, html_attributes of common/limits.h).  The document stage
// turns each into a warning with a POSTPARSE_ERR_* code; the enum, not a
// parse error's text, carries which limit it was.
#pragma once

#include <cstddef>
#include <string_view>

namespace postparse::impl::html {

enum class TreeLimit { nodes, depth, attributes };

// A limit hit at `offset` (the token that hit it).
struct LimitEvent {
  TreeLimit limit = TreeLimit::nodes;
  std::size_t offset = 0;
};

// The parse error code that records the limit among the parse errors (a
// static string).
constexpr std::string_view parse_error_code(TreeLimit limit) {
  switch (limit) {
    case TreeLimit::nodes: return "node-limit-exceeded";
    case TreeLimit::depth: return "depth-limit-exceeded";
    case TreeLimit::attributes: return "attribute-limit-exceeded";
  }
  return "limit-exceeded";
}

}  // namespace postparse::impl::html
