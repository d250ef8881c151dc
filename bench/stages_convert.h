// The corpus has YAML front matter only (hugo-docs shows TOML and JSON only
// inside its examples), so the JSON and TOML loaders are measured on the
// corpus's YAML front matter converted by this small deterministic writer:
// the same keys, values and nesting, written as each format writes them.
#pragma once

#include <string>

#include "front_matter/value.h"

namespace bench::stages {

// `root` (a mapping) as a JSON object, pretty-printed with two-space indents
// as Hugo writes JSON front matter.  Timestamps become strings; numbers
// JSON cannot write (.inf, .nan) become null; a repeated key is written
// once (the first).
std::string to_json_front_matter(const postparse::impl::Value &root);

// `root` (a mapping) as a TOML document: one `key = value` line per key,
// nested mappings as inline tables.  TOML has no null: null members are
// left out (and written "" inside arrays).  Timestamps that are valid RFC
// 3339 / TOML dates are written as TOML dates, other ones as strings; a
// repeated key is written once; integers beyond 64 bits become strings.
std::string to_toml_front_matter(const postparse::impl::Value &root);

}  // namespace bench::stages
