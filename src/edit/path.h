// JSON pointers (RFC 6901) into the front matter: parsing them, and finding
// what they name in the parsed tree and in the intended data.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "edit/data.h"
#include "front_matter/value.h"

namespace postparse::impl::edit {

// Splits `pointer` into its unescaped tokens (none for "", the root).
// Returns POSTPARSE_OK or POSTPARSE_ERR_BAD_PATH (no leading '/', a '~' not
// followed by '0' or '1').
int parse_pointer(std::string_view pointer, std::vector<std::string> &tokens);

// A list index token: "0" or a decimal without leading zeros.
bool list_index(const std::string &token, std::size_t &out);

// Where the last token of a path falls: in `parent` (a mapping or a
// sequence), at `index`; `exists` is false for a key the mapping does not
// have (index is then the pair count).
struct Place {
  const Value *parent = nullptr;
  std::size_t index = 0;
  bool exists = false;
};

// Finds the place of a non-empty path in the tree under `root`.  Statuses:
// POSTPARSE_ERR_NOT_FOUND (a key or item before the last is missing, or the
// last is an item out of range), POSTPARSE_ERR_WRONG_KIND (a key into a
// list or a scalar, an index into a mapping or a scalar),
// POSTPARSE_ERR_BAD_PATH (an item token that is not an index).
int find_place(const Value &root, const std::vector<std::string> &tokens, Place &out);

// The intended data's node that holds the last token (same walk; the place
// was already found in the tree, so this cannot fail for the same path).
Data *data_parent(Data &root, const std::vector<std::string> &tokens);

}  // namespace postparse::impl::edit
