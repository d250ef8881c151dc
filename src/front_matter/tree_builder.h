// Builds a Value tree from a stream of YAML parse events, enforcing the
// depth, key and alias limits and the duplicate-key policy as it goes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "front_matter/tree_loader.h"

namespace postparse::impl {

class TreeBuilder {
 public:
  // Thrown from an event to abandon the parse when a limit is hit.
  struct Stop {
    int code;
    std::string message;
    std::size_t offset;  // in the whole input
  };

  // `text` is what the parser reads; `map` turns offsets in it into offsets
  // in the whole input.
  TreeBuilder(std::string_view text, const OffsetMap &map, bool json, LoadContext &context);

  void null(std::size_t mark, std::size_t anchor);
  void alias(std::size_t mark, std::size_t anchor);
  // `value` is taken by value so that a caller's temporary moves into
  // the node.
  void scalar(std::size_t mark, const std::string &tag, std::size_t anchor, std::string value);
  void start(Kind kind, std::size_t mark, const std::string &tag, std::size_t anchor, bool flow);
  void finish();
  // The root once the document is complete (an empty mapping when the block
  // held no node at all); reports a root that is not a mapping.
  const Value *finish_document();

 private:
  struct Frame {
    Value *node;
    std::size_t anchor;
    bool flow;
    const Value *pending_key = nullptr;
    std::unordered_map<std::string, std::size_t> key_index;  // identity -> pair
  };

  Value *make(Kind kind, std::size_t begin, std::size_t end);
  void attach(const Value *value);
  void add_pair(Frame &frame, const Value *key, const Value *value);
  void apply_merge_keys(Value &map);
  void type_scalar(Value &value, const std::string &tag);
  void remember(std::size_t anchor, const Value *value);
  void count_expansion(const Value *value, std::size_t at);
  std::size_t null_extent_begin(std::size_t mark) const;

  std::string_view text_;
  OffsetMap map_;
  bool json_;
  LoadContext &context_;
  std::vector<Frame> stack_;
  const Value *root_ = nullptr;
  std::unordered_map<std::size_t, const Value *> anchors_;
  std::size_t last_end_ = 0;  // end of the last finished node, in text_
  std::size_t keys_ = 0;
  std::size_t expanded_ = 0;  // nodes reached through aliases and merges
  std::size_t expanded_bytes_ = 0;  // and their text
};

}  // namespace postparse::impl
