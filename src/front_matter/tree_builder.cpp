#include "front_matter/tree_builder.h"

#include <charconv>
#include <utility>

#include "common/ascii.h"
#include "front_matter/scalar_extent.h"
#include "front_matter/scalar_types.h"
#include "postparse/postparse.h"

namespace postparse::impl {
namespace {

constexpr std::string_view kYamlTagPrefix = "tag:yaml.org,2002:";

// What makes two keys "the same": YAML's rule, the same tag and canonical
// value (so `16`/`0x10`, `true`/`True`, `~`/`null`, `1.5`/`1.50` collide).
// Collections are never compared.
std::string key_identity(const Value &key) {
  if (!key.is_scalar()) return {};
  std::string id(1, static_cast<char>('0' + static_cast<int>(key.kind)));
  switch (key.kind) {
    case Kind::null: return id;
    case Kind::boolean: return id + (key.boolean ? "1" : "0");
    case Kind::integer: return key.big ? id + key.text : id + std::to_string(key.integer);
    case Kind::floating: {
      char buf[64];
      auto [end, ec] = std::to_chars(buf, buf + sizeof buf, key.floating);
      return ec == std::errc() ? id + std::string(buf, end) : id + key.text;
    }
    default: return id + key.text;
  }
}

std::size_t saturating_add(std::size_t a, std::size_t b) {
  return a + b < a ? static_cast<std::size_t>(-1) : a + b;
}

}  // namespace

TreeBuilder::TreeBuilder(std::string_view text, const OffsetMap &map, bool json, LoadContext &context)
    : text_(text), map_(map), json_(json), context_(context) {}

Value *TreeBuilder::make(Kind kind, std::size_t begin, std::size_t end) {
  Value *v = context_.arena.make();
  v->kind = kind;
  v->begin = map_.to_input(begin);
  v->end = std::max(v->begin, map_.to_input(end));
  v->source = &context_.source;
  return v;
}

// yaml-cpp reports a null's mark unreliably (at the next token for `key:`
// and past the `~`), so the raw text is looked for between the previous node
// and the mark: an explicit `~`/`null` is spanned, an empty value gets an
// empty span.  The scan never passes the mark, which keeps long runs of
// empty values linear.
std::size_t TreeBuilder::null_extent_begin(std::size_t mark) const {
  std::size_t pos = std::min(last_end_, mark);
  std::size_t limit = std::min(text_.size(), std::max(mark, pos));
  while (pos < limit) {
    char c = text_[pos];
    if (is_space_tab_or_newline(c) || c == ':' || c == '-' || c == '?' || c == ',' || c == '[' || c == '{') {
      ++pos;
    } else {
      break;
    }
  }
  return skip_node_properties(text_, pos);
}

void TreeBuilder::null(std::size_t mark, std::size_t anchor) {
  std::size_t begin = null_extent_begin(mark);
  std::size_t end = begin;
  auto boundary = [&](std::size_t at) {
    return at >= text_.size() || std::string_view(" \t\r\n,]}#:").find(text_[at]) != std::string_view::npos;
  };
  for (std::string_view word : {"null", "Null", "NULL", "~"}) {
    if (text_.substr(begin, word.size()) == word && boundary(begin + word.size())) {
      end = begin + word.size();
      break;
    }
  }
  std::size_t scanned = begin;
  if (end == begin) begin = end = std::min(last_end_, text_.size());
  Value *v = make(Kind::null, begin, end);
  v->text = std::string(text_.substr(begin, end - begin));
  // Past what was scanned, so that the next empty value does not rescan it.
  last_end_ = std::max(last_end_, std::max(end, scanned));
  remember(anchor, v);
  attach(v);
}

void TreeBuilder::alias(std::size_t mark, std::size_t anchor) {
  auto found = anchors_.find(anchor);
  if (found == anchors_.end())
    throw Stop{POSTPARSE_ERR_ALIAS_LIMIT, "alias refers to a node that contains it", map_.to_input(mark)};
  if (stack_.size() + found->second->height > context_.options.limits.depth)
    throw Stop{POSTPARSE_ERR_DEPTH_LIMIT,
               "an alias makes the " + std::string(context_.subject) + " nest deeper than " +
                   std::to_string(context_.options.limits.depth) + " levels (depth limit)",
               map_.to_input(mark)};
  count_expansion(found->second, map_.to_input(mark));
  std::size_t end = mark + 1;
  while (end < text_.size() && text_[end] != ' ' && text_[end] != '\n' && text_[end] != ',' &&
         text_[end] != ']' && text_[end] != '}' && text_[end] != '\r' && text_[end] != '\t')
    ++end;
  last_end_ = std::max(last_end_, end);
  attach(found->second);
}

void TreeBuilder::count_expansion(const Value *value, std::size_t at) {
  expanded_ = saturating_add(expanded_, value->subtree_nodes);
  expanded_bytes_ = saturating_add(expanded_bytes_, value->subtree_bytes);
  if (expanded_bytes_ > context_.options.limits.alias_bytes)
    throw Stop{POSTPARSE_ERR_ALIAS_LIMIT,
               "aliases expand to more than " + std::to_string(context_.options.limits.alias_bytes) +
                   " bytes of text (alias byte limit); the " + std::string(context_.subject) + " was not expanded",
               at};
  if (expanded_ > context_.options.limits.alias_nodes)
    throw Stop{POSTPARSE_ERR_ALIAS_LIMIT,
               "aliases expand to more than " +
                   std::to_string(context_.options.limits.alias_nodes) +
                   " nodes (alias limit); the " + std::string(context_.subject) + " was not expanded",
               at};
}

void TreeBuilder::scalar(std::size_t mark, const std::string &tag, std::size_t anchor, std::string value) {
  ScalarExtent extent = scalar_extent(text_, mark, value);
  Value *v = make(Kind::string, extent.begin, extent.end);
  v->style = extent.style;
  v->text = keep_chomped_folded(text_, extent, std::move(value));
  v->subtree_bytes = v->text.size();
  type_scalar(*v, tag);
  last_end_ = std::max(last_end_, extent.end);
  remember(anchor, v);
  attach(v);
}

void TreeBuilder::type_scalar(Value &value, const std::string &tag) {
  // JSON has no YAML 1.1 words; it is always read with the core rules.
  YamlSchema schema = json_ ? YamlSchema::core_1_2 : context_.options.schema;
  TypedScalar typed;
  if (tag == "?") {
    typed = resolve_plain(value.text, schema);
  } else if (tag == "!" || tag.empty()) {
    typed.kind = Kind::string;  // quoted or block scalars are strings
  } else {
    value.tag = tag;
    std::string_view name(tag);
    bool standard = name.substr(0, kYamlTagPrefix.size()) == kYamlTagPrefix;
    if (standard && !resolve_tagged(name.substr(kYamlTagPrefix.size()), value.text, schema, typed))
      context_.diagnostics.add(POSTPARSE_ERR_BAD_TAG, Severity::warning, Part::front_matter,
                               "value '" + value.text.substr(0, 80) + "' does not fit tag " + tag +
                                   "; kept as a string",
                               value.begin);
  }
  value.kind = typed.kind;
  value.boolean = typed.boolean;
  value.integer = typed.integer;
  value.big = typed.big;
  value.floating = typed.floating;
}

void TreeBuilder::start(Kind kind, std::size_t mark, const std::string &tag, std::size_t anchor,
                        bool flow) {
  if (stack_.size() + 1 > context_.options.limits.depth)
    throw Stop{POSTPARSE_ERR_DEPTH_LIMIT,
               std::string(context_.subject) + " nests deeper than " + std::to_string(context_.options.limits.depth) +
                   " levels (depth limit)",
               map_.to_input(mark)};
  std::size_t begin = skip_node_properties(text_, mark);
  Value *v = make(kind, begin, begin);
  v->style = flow ? Style::flow : Style::block;
  if (tag != "?" && tag != "!" && !tag.empty()) v->tag = tag;
  last_end_ = std::max(last_end_, begin + (flow ? 1 : 0));
  stack_.push_back(Frame{v, anchor, flow, nullptr, {}});
}

void TreeBuilder::finish() {
  Frame frame = std::move(stack_.back());
  stack_.pop_back();
  Value &node = *frame.node;
  if (node.kind == Kind::mapping && !json_ && context_.options.schema == YamlSchema::yaml_1_1)
    apply_merge_keys(node);
  for (const Value *child : node.items) node.add_child_measures(*child);
  for (const Value *key : node.keys) node.add_child_measures(*key);
  std::size_t end = last_end_;
  if (frame.flow) end = flow_collection_end(text_, last_end_, node.kind == Kind::sequence ? ']' : '}');
  node.end = std::max(node.begin, map_.to_input(end));
  last_end_ = std::max(last_end_, end);
  remember(frame.anchor, &node);
  attach(&node);
}

void TreeBuilder::remember(std::size_t anchor, const Value *value) {
  if (anchor != 0) anchors_[anchor] = value;
}

void TreeBuilder::attach(const Value *value) {
  if (stack_.empty()) {
    root_ = value;
    return;
  }
  Frame &frame = stack_.back();
  if (frame.node->kind == Kind::sequence) {
    frame.node->items.push_back(value);
  } else if (!frame.pending_key) {
    if (++keys_ > context_.options.limits.keys)
      throw Stop{POSTPARSE_ERR_KEY_LIMIT,
                 std::string(context_.subject) + " has more than " + std::to_string(context_.options.limits.keys) +
                     " keys (key limit)",
                 value->begin};
    frame.pending_key = value;
  } else {
    add_pair(frame, frame.pending_key, value);
    frame.pending_key = nullptr;
  }
}

void TreeBuilder::add_pair(Frame &frame, const Value *key, const Value *value) {
  Value &map = *frame.node;
  std::string id = key_identity(*key);
  auto found = id.empty() ? frame.key_index.end() : frame.key_index.find(id);
  if (found == frame.key_index.end()) {
    if (!id.empty()) frame.key_index.emplace(std::move(id), map.keys.size());
    map.keys.push_back(key);
    map.items.push_back(value);
    return;
  }
  switch (context_.options.duplicate_keys) {
    case DuplicateKeys::error:
      context_.diagnostics.add(POSTPARSE_ERR_DUPLICATE_KEY, Severity::error, Part::front_matter,
                               "duplicate key '" + key->text.substr(0, 80) +
                                   "'; the first occurrence is kept",
                               key->begin);
      break;
    case DuplicateKeys::first_wins:
      break;
    case DuplicateKeys::last_wins:
      map.items[found->second] = value;
      break;
  }
}

// YAML 1.1 `<<` merge keys: the pairs of the merged mapping(s) are added
// unless the mapping already has the key; earlier mappings in a merge list
// win over later ones.
void TreeBuilder::apply_merge_keys(Value &map) {
  std::vector<const Value *> keys, items, sources;
  for (std::size_t i = 0; i < map.keys.size(); ++i) {
    const Value *key = map.keys[i];
    if (key->kind == Kind::string && key->style == Style::plain && key->text == "<<") {
      const Value *merged = map.items[i];
      if (merged->kind == Kind::mapping) sources.push_back(merged);
      for (const Value *item : merged->kind == Kind::sequence ? merged->items : std::vector<const Value *>{})
        if (item->kind == Kind::mapping) sources.push_back(item);
      continue;
    }
    keys.push_back(key);
    items.push_back(map.items[i]);
  }
  if (sources.empty()) return;
  std::unordered_map<std::string, bool> present;
  for (const Value *key : keys) present[key_identity(*key)] = true;
  for (const Value *source : sources) {
    count_expansion(source, source->begin);
    for (std::size_t i = 0; i < source->keys.size(); ++i) {
      std::string id = key_identity(*source->keys[i]);
      if (!id.empty() && present[id]) continue;
      present[id] = true;
      keys.push_back(source->keys[i]);
      items.push_back(source->items[i]);
    }
  }
  map.keys = std::move(keys);
  map.items = std::move(items);
}

const Value *TreeBuilder::finish_document() {
  if (!root_) return make(Kind::mapping, 0, text_.size());
  if (root_->kind != Kind::mapping)
    context_.diagnostics.add(POSTPARSE_ERR_NOT_A_MAPPING, Severity::error, Part::front_matter,
                             std::string(context_.subject) + " is not a mapping of keys to values; it is kept as is",
                             root_->begin);
  return root_;
}

}  // namespace postparse::impl
