// Where inline spans are in their paragraph's normalised text.  The
// segmenter knows each span as a range of the paragraph's raw buffer (the
// text as collected from the DOM); the paragraph's text is that buffer
// normalised.  Spans refer to the text by offset and length instead of
// keeping a copy, since nested spans would otherwise each hold their whole
// subtree's text (quadratic in nesting).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "extract/normalize.h"

namespace postparse::impl::extract {

struct ByteRange {
  std::size_t begin = 0, end = 0;
};

// For each range of `raw`, the range of `text` (== normalize_paragraph(raw,
// options)) that its content became: white space collapsed or trimmed at its
// edges is outside it, and a range whose content normalises to nothing is
// empty (at the position where it was).  Linear in raw.size() plus the
// number of ranges (times log of it).  Exact unless normalisation joins
// characters across a range's edge (a combining mark right after it, say);
// then the result is the nearest range of whole characters, always inside
// `text` and on UTF-8 character boundaries.
std::vector<ByteRange> locate_in_normalized(std::string_view raw, std::string_view text,
                                            const std::vector<ByteRange> &ranges, const NormalizeOptions &options);

}  // namespace postparse::impl::extract
