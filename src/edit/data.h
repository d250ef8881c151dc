// The data an edit intends the front matter to hold: a plain mutable tree,
// made from the parsed front matter and changed by each operation, against
// which every render is checked after it is parsed again.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "front_matter/value.h"

namespace postparse::impl::edit {

struct Data {
  Kind kind = Kind::null;
  bool boolean = false;
  std::int64_t integer = 0;
  bool big = false;  // an integer beyond int64: digits in `text`
  double floating = 0.0;
  std::string text;         // strings and timestamps (as written), big ints
  std::vector<Data> items;  // sequence items or mapping values
  std::vector<Data> keys;   // mapping keys, parallel to items

  bool is_scalar() const { return kind != Kind::sequence && kind != Kind::mapping; }
  // Index of the pair whose key is a scalar with exactly this text, or -1.
  long find(const std::string &key) const;
};

// A copy of a parsed value tree.  Scalars that are not strings keep their
// typed value; keys are copied the same way.
Data data_from(const Value &value);

// Whether two trees hold the same data: same kinds, same keys in the same
// order, same scalars (floats by value, NaN equal to NaN; timestamps and
// strings by text; integers by value, big ones by digits).
bool same_data(const Data &a, const Data &b);

// A string scalar.
Data string_data(std::string text);

}  // namespace postparse::impl::edit
