// The names front-matter keys get as JSON object keys.
//
// JSON keys are strings, so YAML keys that differ only in kind (1 and "1",
// true and "true", null and "null") would be written twice, and a JSON
// reader keeps one of them.  Keys that are collections have no text of
// their own.  This assigns every key a name that is unique in its mapping;
// the JSON output and the JSON pointers of `dates` both use it.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/diagnostics.h"
#include "front_matter/value.h"

namespace postparse::impl {

class JsonKeyNames {
 public:
  // The JSON name of key `index` of mapping `map`: its text (a collection
  // key: its source text, trimmed), or for the n-th key (n >= 2) whose
  // text an earlier key of the same mapping has, "TEXT#n", the number
  // going up past names the mapping already has.
  std::string name(const Value &map, std::size_t index) const;

  // Walks the tree under `root` (each mapping once, however many aliases
  // reach it) and adds a warning at every key whose name had to differ
  // from its text.
  static JsonKeyNames assign(const Value &root, DiagnosticSink &diagnostics);

 private:
  // Only mappings with at least one renamed key are here.
  std::unordered_map<const Value *, std::vector<std::string>> renamed_;
};

}  // namespace postparse::impl
