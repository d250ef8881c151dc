// A strict JSON (RFC 8259) reader for JSON front matter (`;;;` blocks and
// bare `{...}` objects), producing the events yaml-cpp reports for the same
// text, so that the TreeBuilder shared with the YAML readers turns them into
// the tree: typing, spans, duplicate keys, limits and diagnostics stay
// shared code.
//
// JSON is read through a YAML parser because JSON is (nearly) YAML 1.2 flow
// syntax, but yaml-cpp refuses what JSON allows: a key longer than 1024
// characters (YAML's limit on implicit keys) makes valid JSON a syntax
// error, and yaml-cpp rejects the surrogate pairs JSON writes for
// characters beyond U+FFFF.  Text this reader takes is therefore read as
// JSON says; anything it does not take (a syntax error, comments, single
// quotes and the other YAML leniencies, raw control characters in strings,
// ill-formed UTF-8, nesting past its own bound) goes to yaml-cpp as before,
// which gives the diagnostics.
#pragma once

#include <string_view>
#include <vector>

#include "front_matter/yaml_fast_path.h"

namespace postparse::impl {

// The events of `text` when it is one well-formed JSON value with nothing
// but JSON white space around it; false (with `events` in no particular
// state) otherwise.
bool read_json(std::string_view text, std::vector<YamlEvent> &events);

}  // namespace postparse::impl
