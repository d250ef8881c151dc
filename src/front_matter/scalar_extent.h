// Where a YAML scalar is written.  yaml-cpp's events carry only a start mark
// (pointing at the node's tag or anchor when it has one), so postparse finds
// the end of each scalar itself to give every value its raw text and span.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "front_matter/value.h"

namespace postparse::impl {

struct ScalarExtent {
  std::size_t begin = 0, end = 0;
  Style style = Style::plain;
};

// Skips node properties (`!tag`, `&anchor`) and the blanks after them.
std::size_t skip_node_properties(std::string_view text, std::size_t pos);

// The extent of the scalar whose first byte (after properties) is at `pos`.
// `value` is the scalar's content as yaml-cpp decoded it; for plain scalars
// its non-blank characters are matched one by one against the source, which
// is exact because plain scalars have no escapes and folding only changes
// blanks.
ScalarExtent scalar_extent(std::string_view text, std::size_t pos, std::string_view value);

// The value of a `>+` block scalar with its trailing line breaks counted from
// the source: yaml-cpp drops one of them for folded scalars with keep
// chomping (it keeps them right for `|+`).
std::string keep_chomped_folded(std::string_view text, const ScalarExtent &extent, std::string value);

// After the last child of a flow collection, finds its closing bracket and
// returns the offset just past it (or `pos` when none is found).
std::size_t flow_collection_end(std::string_view text, std::size_t pos, char closer);

}  // namespace postparse::impl
