// The front matter stage: from the block that split found to a typed tree
// and the resolved dates of its date-valued fields.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "front_matter/dates.h"
#include "front_matter/json_keys.h"
#include "front_matter/tree_loader.h"
#include "split/split.h"

namespace postparse::impl {

// A date-valued field: where it is (RFC 6901 JSON pointer into the JSON
// output's `data`) and when it is.
struct DateField {
  std::string pointer;
  const Value *value = nullptr;
  dates::Instant instant;
};

struct FrontMatter {
  const Value *root = nullptr;  // nullptr: none, or it failed to parse
  JsonKeyNames json_keys;       // names of the keys in JSON (and in the pointers of `dates`)
  std::vector<DateField> dates;
};

// Parses the block `split` found in `input` (limits and diagnostics per
// `context`).  Never throws for bad input.
FrontMatter load_front_matter(std::string_view input, const Split &split, LoadContext &context);

// True for keys whose values are dates by convention in static-site
// generators (Hexo, Jekyll, Hugo, Astro): date, updated, lastmod, pubDate...
bool is_date_key(std::string_view key);

}  // namespace postparse::impl
