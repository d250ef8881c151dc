// Turns one edit operation into one splice of the post's text: the bytes
// [begin, end) are replaced by `text`, written in the style of their
// neighbours.  Everything else stays byte for byte.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "common/options.h"
#include "edit/data.h"
#include "edit/parsed_post.h"
#include "edit/scalar_text.h"

namespace postparse::impl::edit {

struct Splice {
  std::size_t begin = 0, end = 0;
  std::string text;
};

// A value to write: a scalar, a list of scalars, an empty mapping (what a
// nested mapping becomes when its last key is deleted), or any tree (a
// value given as JSON), already as the post's format holds it.
struct NewValue {
  enum class Shape { scalar, list, empty_map, tree } shape = Shape::scalar;
  Data scalar;
  std::vector<Data> items;
  Data tree;
  Data as_data() const;
};

// Each call fills `out` and returns POSTPARSE_OK, or returns
// POSTPARSE_ERR_EDIT_UNSUPPORTED when the place is written in a form the
// splicer does not rewrite (the text is then unchanged).  Indices are
// those of the parsed tree.  The verifier checks every result.
class Splicer {
 public:
  Splicer(const ParsedPost &post, const Options &options);

  // Replaces the value of pair/item `index` of `parent`.
  int replace(const Value &parent, std::size_t index, const NewValue &value, Splice &out);
  // Adds `key: value` to `map` before pair `before` (== pair count: at the
  // end).  `landed` receives the pair index the key has after the splice
  // (TOML puts keys before a table's sub-tables).
  int add_pair(const Value &map, std::size_t before, const std::string &key, const NewValue &value,
               Splice &out, std::size_t &landed);
  // Removes pair/item `index` of `parent`.
  int remove(const Value &parent, std::size_t index, Splice &out);
  // Writes a new key for pair `index` of `map`.
  int rename(const Value &map, std::size_t index, const std::string &key, Splice &out);
  // Adds an item at the end of the sequence `seq`.
  int append(const Value &seq, const Data &item, Splice &out);

 private:
  bool flow(const Value &container) const;
  YamlSpot spot(bool in_flow, std::size_t indent, Style old_style) const;
  std::string scalar_text(const Data &value, bool in_flow, std::size_t indent, Style old_style) const;
  std::string key_text(const std::string &key, Style old_style) const;
  std::string pair_separator(const Value &map) const;
  std::size_t column(std::size_t pos) const;
  const Value *parent_of(const Value &node, std::size_t &index) const;
  std::size_t list_indent_offset() const;

  // Block collections: YAML block mappings and sequences, TOML tables.
  int block_replace(const Value &parent, std::size_t index, const NewValue &value, Splice &out);
  int block_add_pair(const Value &map, std::size_t before, const std::string &key, const NewValue &value,
                     Splice &out, std::size_t &landed);
  int block_remove(const Value &parent, std::size_t index, Splice &out);
  int block_append(const Value &seq, const Data &item, Splice &out);
  int toml_remove_section(const Value &parent, std::size_t index, Splice &out);
  std::string block_value_text(const NewValue &value, std::size_t key_column, bool after_indicator) const;
  std::size_t indicator_after(const Value &parent, std::size_t index) const;
  std::size_t carry_comment(std::size_t end, std::string &written) const;

  // Flow collections: YAML flow, JSON, TOML arrays and inline tables.
  int flow_replace(const Value &parent, std::size_t index, const NewValue &value, Splice &out);
  int flow_add_pair(const Value &map, std::size_t before, const std::string &key, const NewValue &value,
                    Splice &out);
  int flow_remove(const Value &parent, std::size_t index, Splice &out);
  int flow_append(const Value &seq, const Data &item, Splice &out);
  std::string flow_value_text(const NewValue &value, const Value *old) const;
  std::string flow_separator(const Value &container) const;
  std::size_t flow_open_end(const Value &container) const;
  std::size_t start_of(const Value &container, std::size_t index) const;
  std::size_t end_of(const Value &container, std::size_t index) const;

  const ParsedPost &post_;
  std::string_view text_;
  Format format_;
  const Options &options_;
  std::string newline_;
};

}  // namespace postparse::impl::edit
