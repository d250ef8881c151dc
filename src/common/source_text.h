// What every value needs to know about the input it was read from: the
// bytes (for its raw text), the line index (for its line and column) and the
// zone in which its naive dates are read.  Owned by the document.
#pragma once

#include <string_view>

#include "common/line_index.h"

namespace date { class time_zone; }

namespace postparse::impl {

struct SourceText {
  std::string_view text;
  const LineIndex *lines = nullptr;
  const date::time_zone *zone = nullptr;  // nullptr: UTC
};

}  // namespace postparse::impl
