// TOML front matter (Hugo's `+++` fences) through toml++.
//
// toml++ keeps table keys sorted, so postparse restores the written order
// from each key's source position; values keep the text they were written
// with, and TOML dates become timestamps read by postparse's date rules.
#include <algorithm>
#include <vector>

#include <toml++/toml.h>

#include "common/line_breaks.h"
#include "common/utf8.h"
#include "front_matter/toml_guard.h"
#include "front_matter/tree_loader.h"
#include "postparse/postparse.h"

namespace postparse::impl {
namespace {

// Converts toml++'s 1-based line/column positions into byte offsets.
class PositionMap {
 public:
  explicit PositionMap(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') starts_.push_back(i + 1);
  }
  std::size_t offset(const toml::source_position &pos) {
    if (pos.line == 0 || pos.line > starts_.size()) return text_.size();
    // Columns count code points.  Positions are asked for mostly in source
    // order, so walking on from the last answer on the same line keeps long
    // one-line arrays linear.
    std::size_t i = starts_[pos.line - 1];
    std::size_t col = 1;
    if (pos.line == cursor_line_ && pos.column >= cursor_column_) {
      i = cursor_offset_;
      col = cursor_column_;
    }
    for (; col < pos.column && i < text_.size(); ++col) {
      ++i;
      while (i < text_.size() && is_utf8_continuation(text_[i])) ++i;
    }
    cursor_line_ = pos.line;
    cursor_column_ = col;
    cursor_offset_ = std::min(i, text_.size());
    return cursor_offset_;
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
  std::size_t cursor_line_ = 0, cursor_column_ = 1, cursor_offset_ = 0;
};

class TomlConverter {
 public:
  TomlConverter(std::string_view text, std::size_t base, LoadContext &context)
      : text_(text), base_(base), positions_(text), context_(context) {}

  const Value *convert(const toml::node &node, std::size_t depth);

 private:
  Value *make(Kind kind, const toml::source_region &region);
  Value *make_key(const toml::key &key);
  const Value *table(const toml::table &table, std::size_t depth);
  const Value *array(const toml::array &array, std::size_t depth);
  void scalar(const toml::node &node, Value &out);

  std::string_view text_;
  std::size_t base_;
  PositionMap positions_;
  LoadContext &context_;
  std::size_t keys_ = 0;
};

struct LimitHit {
  int code;
  std::string message;
  std::size_t offset;
};

Value *TomlConverter::make(Kind kind, const toml::source_region &region) {
  Value *v = context_.arena.make();
  v->kind = kind;
  std::size_t begin = positions_.offset(region.begin);
  std::size_t end = std::max(begin, positions_.offset(region.end));
  v->begin = base_ + begin;
  v->end = base_ + end;
  v->source = &context_.source;
  return v;
}

Value *TomlConverter::make_key(const toml::key &key) {
  Value *k = make(Kind::string, key.source());
  k->text = std::string(key.str());
  std::string_view raw = text_.substr(k->begin - base_, k->end - k->begin);
  if (!raw.empty()) k->style = raw[0] == '"' ? Style::double_quoted : raw[0] == '\'' ? Style::single_quoted : Style::plain;
  return k;
}

const Value *TomlConverter::table(const toml::table &table, std::size_t depth) {
  Value *map = make(Kind::mapping, table.source());
  map->style = table.is_inline() ? Style::flow : Style::block;
  std::vector<std::pair<const toml::key *, const toml::node *>> pairs;
  for (auto &&[key, node] : table) pairs.emplace_back(&key, &node);
  auto position = [](const toml::key *k) {
    return std::make_pair(k->source().begin.line, k->source().begin.column);
  };
  std::stable_sort(pairs.begin(), pairs.end(),
                   [&](const auto &a, const auto &b) { return position(a.first) < position(b.first); });
  for (auto &[key, node] : pairs) {
    if (++keys_ > context_.options.limits.keys)
      throw LimitHit{POSTPARSE_ERR_KEY_LIMIT,
                     "front matter has more than " + std::to_string(context_.options.limits.keys) +
                         " keys (key limit)",
                     positions_.offset(key->source().begin)};
    map->keys.push_back(make_key(*key));
    map->items.push_back(convert(*node, depth + 1));
    map->add_child_measures(*map->keys.back());
    map->add_child_measures(*map->items.back());
  }
  return map;
}

const Value *TomlConverter::array(const toml::array &array, std::size_t depth) {
  Value *seq = make(Kind::sequence, array.source());
  seq->style = array.is_array_of_tables() ? Style::block : Style::flow;  // [[x]] vs [..]
  for (const toml::node &item : array) {
    seq->items.push_back(convert(item, depth + 1));
    seq->add_child_measures(*seq->items.back());
  }
  return seq;
}

void TomlConverter::scalar(const toml::node &node, Value &out) {
  std::string_view raw = text_.substr(out.begin - base_, out.end - out.begin);
  if (auto s = node.as_string()) {
    out.kind = Kind::string;
    out.text = s->get();
    if (!raw.empty()) out.style = raw[0] == '\'' ? Style::single_quoted : Style::double_quoted;
  } else if (auto i = node.as_integer()) {
    out.kind = Kind::integer;
    out.integer = i->get();
    out.floating = static_cast<double>(out.integer);
    out.text = std::string(raw);  // as written: 0x1F, 1_000, +5
  } else if (auto f = node.as_floating_point()) {
    out.kind = Kind::floating;
    out.floating = f->get();
    out.text = std::string(raw);
  } else if (auto b = node.as_boolean()) {
    out.kind = Kind::boolean;
    out.boolean = b->get();
    out.text = b->get() ? "true" : "false";
  } else if (node.is_date() || node.is_date_time()) {
    out.kind = Kind::timestamp;
    out.text = std::string(raw);
  } else {
    out.kind = Kind::string;  // a local time of day: no date to resolve
    out.text = std::string(raw);
  }
}

const Value *TomlConverter::convert(const toml::node &node, std::size_t depth) {
  if (depth > context_.options.limits.depth)
    throw LimitHit{POSTPARSE_ERR_DEPTH_LIMIT,
                   "front matter nests deeper than " + std::to_string(context_.options.limits.depth) +
                       " levels (depth limit)",
                   positions_.offset(node.source().begin)};
  if (auto t = node.as_table()) return table(*t, depth);
  if (auto a = node.as_array()) return array(*a, depth);
  Value *v = make(Kind::string, node.source());
  scalar(node, *v);
  return v;
}

}  // namespace

const Value *load_toml(std::string_view original, std::size_t base, LoadContext &context) {
  std::string buffer = normalise_line_breaks(original);  // lone CR is a line break too
  std::string_view text = buffer;
  TomlHazard hazard = find_toml_hazard(text, context.options.limits.depth);
  if (hazard.found) {
    context.diagnostics.add(hazard.code, Severity::error, Part::front_matter, hazard.message, base + hazard.offset);
    return nullptr;
  }
  TomlConverter converter(text, base, context);
  try {
    toml::table root = toml::parse(text);
    return converter.convert(root, 0);
  } catch (const toml::parse_error &e) {
    PositionMap positions(text);
    context.diagnostics.add(POSTPARSE_ERR_SYNTAX, Severity::error, Part::front_matter,
                            "TOML syntax error: " + std::string(e.description()),
                            base + positions.offset(e.source().begin));
  } catch (const LimitHit &hit) {
    context.diagnostics.add(hit.code, Severity::error, Part::front_matter, hit.message, base + hit.offset);
  }
  return nullptr;
}

}  // namespace postparse::impl
