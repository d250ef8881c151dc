// Better positions for YAML syntax errors in hand-written front matter.
//
// The commonest breakage in real posts is a quoted value whose closing quote
// is missing or comes too early (`title: 'Don't worry'`).  yaml-cpp then reads
// on into the following lines and reports the error where it gives up, which
// is often the line *after* the mistake.  This looks for that signature and
// moves the error to the line where the quote opens.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace postparse::impl {

struct SyntaxHint {
  bool found = false;
  std::size_t offset = 0;  // where the unclosed quote opens, in `text`
  std::string note;        // appended to the parser's message
};

// `text` is the YAML block, `error` the offset yaml-cpp reported.
SyntaxHint find_unclosed_quote(std::string_view text, std::size_t error);

}  // namespace postparse::impl
