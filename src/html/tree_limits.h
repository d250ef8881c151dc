// The tree builder's limits, and the events that say one was hit.  The
// document stage turns each event into a warning with a POSTPARSE_ERR_*
// code; the enum, not a parse error's text, carries which limit it was.
#pragma once

#include <cstddef>
#include <string_view>

namespace postparse::impl::html {

struct TreeLimits {
  // Past max_nodes the tree stops growing (clones count their copied
  // attribute text too, see charge_clone); at max_depth the deepest open
  // element is closed, as its own end tag would close it, before the next
  // start tag, so deeper elements become siblings (browsers flatten too);
  // past max_attributes an element's further attributes are dropped.  Each
  // is reported once as a parse error with its position.
  std::size_t max_nodes = 2'000'000;
  std::size_t max_depth = 512;
  std::size_t max_attributes = 1000;
  std::size_t max_errors = 1000;
};

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
