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

// `root` (a mapping) as a TOML document: one `key = value` line per key
// (bare keys where TOML allows them), nested mappings as inline tables.
// TOML has no null: null members are left out (and written "" inside
// arrays).  Timestamps are written as TOML dates in RFC 3339 form (as
// postparse renders them), or as strings when they are not valid dates; a
// repeated key is written once; integers beyond 64 bits become strings.
std::string to_toml_front_matter(const postparse::impl::Value &root);

}  // namespace bench::stages
