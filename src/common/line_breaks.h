// Line-break normalisation that keeps byte offsets.
#pragma once

#include <string>
#include <string_view>

namespace postparse::impl {

// yaml-cpp and toml++ treat CRLF and LF as line breaks but not a lone CR,
// which old Mac files and mixed files use.  Replacing each lone CR by LF
// keeps every byte offset the same, so positions map back 1:1.
std::string normalise_line_breaks(std::string_view text);

}  // namespace postparse::impl
