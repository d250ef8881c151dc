// Reshaping the library's JSON records as text: members and items are cut
// and copied as written, never converted, so a number beyond a double's
// range (front matter integers of any length) stays exact and cannot throw.
// The input is the library's own output: valid JSON without white space.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace postparse_cli::json_text {

using Path = std::vector<std::string>;

// The parts of the JSON value `value` that the dotted paths name, in the
// value's own order; a path through an array applies to each of its items
// ("paragraphs.text": the text of every paragraph).
std::string select(std::string_view value, const std::vector<Path> &paths);

// `object` without the items of its array member `array` whose member
// `key` is the string `unwanted` (e.g. paragraphs whose class is
// boilerplate).
std::string drop_items(std::string_view object, std::string_view array, std::string_view key,
                       std::string_view unwanted);

// `object` with `member` (a JSON value) inserted after its member `after`
// (at the end when there is none).
std::string insert_after(std::string_view object, std::string_view after, std::string_view name,
                         std::string_view member);

}  // namespace postparse_cli::json_text
