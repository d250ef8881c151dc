// postparse's own immutable value tree for front matter.
//
// yaml-cpp nodes are not thread-safe and toml++ tables have their own model,
// so every loader converts at once into this tree; nothing of the source
// libraries outlives the parse.  A finished tree is never modified, which is
// what lets many threads read one document and lets YAML aliases share
// subtrees instead of copying them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "common/source_text.h"

namespace postparse::impl {

// Numbering matches postparse_kind / postparse_style in the public header.
enum class Kind { null = 0, boolean, integer, floating, string, timestamp, sequence, mapping };
enum class Style { plain = 0, single_quoted, double_quoted, literal, folded, block, flow };

struct Value {
  Kind kind = Kind::null;
  Style style = Style::plain;
  bool big = false;  // an integer beyond int64: exact digits are in `text`
  bool boolean = false;
  std::int64_t integer = 0;
  double floating = 0.0;
  std::string text;  // scalar content after unescaping and folding
  std::string tag;   // explicit tag, resolved; empty when none
  std::size_t begin = 0, end = 0;  // raw text in the whole input
  std::vector<const Value *> items;  // sequence items, or mapping values
  std::vector<const Value *> keys;   // mapping keys (parallel to items)
  // Measures of the expanded subtree, for the alias and depth limits (a
  // subtree reached through aliases counts once per reference).
  std::size_t subtree_nodes = 1;  // this node and all below it
  std::size_t subtree_bytes = 0;  // scalar text below it
  std::size_t height = 0;         // nesting levels below it
  const SourceText *source = nullptr;  // the input it was read from

  // Never throws: spans are inside the input by construction, and clamped
  // here so that a C accessor can never be made to fail.
  std::string_view raw() const {
    std::size_t from = begin < source->text.size() ? begin : source->text.size();
    return source->text.substr(from, end > from ? end - from : 0);
  }
  void add_child_measures(const Value &child) {
    auto add = [](std::size_t a, std::size_t b) { return a + b < a ? static_cast<std::size_t>(-1) : a + b; };
    subtree_nodes = add(subtree_nodes, child.subtree_nodes);
    subtree_bytes = add(subtree_bytes, child.subtree_bytes);
    if (child.height + 1 > height) height = child.height + 1;
  }
  bool is_scalar() const { return kind != Kind::sequence && kind != Kind::mapping; }
  // The value of the first pair whose key is a scalar with this text.
  const Value *find(std::string_view key) const;
};

// Owns the nodes of one tree.  A deque keeps node addresses stable while the
// tree grows, so parents can point at children.
class ValueArena {
 public:
  Value *make() { return &nodes_.emplace_back(); }
  std::size_t size() const { return nodes_.size(); }

 private:
  std::deque<Value> nodes_;
};

}  // namespace postparse::impl
