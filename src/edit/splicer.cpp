// The splicer's dispatch and what block and flow splices share: how scalars
// and keys are written in the post's format, and where a node sits.
#include "edit/splicer.h"

#include "edit/layout.h"
#include "postparse/postparse.h"

namespace postparse::impl::edit {

Data NewValue::as_data() const {
  if (shape == Shape::scalar) return scalar;
  if (shape == Shape::tree) return tree;
  Data d;
  d.kind = shape == Shape::list ? Kind::sequence : Kind::mapping;
  if (shape == Shape::list) d.items = items;
  return d;
}

Splicer::Splicer(const ParsedPost &post, const Options &options)
    : post_(post),
      text_(post.text),
      format_(post.split.format),
      options_(options),
      newline_(newline_at(post.text, post.split.block_begin)) {}

bool Splicer::flow(const Value &container) const {
  // JSON is all flow; TOML's arrays and inline tables are flow, its tables
  // are blocks of lines.
  return format_ == Format::json || container.style == Style::flow;
}

std::size_t Splicer::column(std::size_t pos) const {
  return pos - line_start(text_, pos);
}

YamlSpot Splicer::spot(bool in_flow, std::size_t indent, Style old_style) const {
  YamlSpot s;
  s.flow = in_flow;
  s.indent = indent;
  s.old_style = old_style;
  s.newline = newline_;
  s.schema = options_.schema;
  return s;
}

std::string Splicer::scalar_text(const Data &value, bool in_flow, std::size_t indent, Style old_style) const {
  switch (format_) {
    case Format::json:
      return json_scalar(value);
    case Format::toml:
      return toml_scalar(value, old_style);
    default:
      return yaml_scalar(value, spot(in_flow, indent, old_style));
  }
}

std::string Splicer::key_text(const std::string &key, Style old_style) const {
  switch (format_) {
    case Format::json:
      return json_string(key);
    case Format::toml:
      return old_style == Style::single_quoted && key.find('\'') == std::string::npos &&
                     key.find('\n') == std::string::npos
                 ? "'" + key + "'"
                 : toml_key(key);
    default: {
      YamlSpot s = spot(true, 0, old_style);
      s.key = true;
      return yaml_scalar(string_data(key), s);
    }
  }
}

// The text between a key and its value in `map` as written (": ", " = "),
// when the first pair shows it plainly; else the format's usual one.
std::string Splicer::pair_separator(const Value &map) const {
  std::string usual = format_ == Format::toml ? " = " : ": ";
  if (map.keys.empty()) return usual;
  const Value &k = *map.keys[0];
  const Value &v = *map.items[0];
  if (v.begin <= k.end || v.begin - k.end > 8) return usual;
  std::string_view between = text_.substr(k.end, v.begin - k.end);
  bool has_marker = between.find(format_ == Format::toml ? '=' : ':') != std::string_view::npos;
  if (!has_marker || between.find_first_of("\n#") != std::string_view::npos) return usual;
  return std::string(between);
}

// Finds the collection holding `node` (by identity) under the root.
const Value *Splicer::parent_of(const Value &node, std::size_t &index) const {
  std::vector<const Value *> stack{post_.root()};
  while (!stack.empty()) {
    const Value *v = stack.back();
    stack.pop_back();
    for (std::size_t i = 0; i < v->items.size(); ++i) {
      if (v->items[i] == &node) {
        index = i;
        return v;
      }
      if (!v->items[i]->is_scalar()) stack.push_back(v->items[i]);
    }
  }
  return nullptr;
}

// How far the post's block lists are indented past their key (`tags:` then
// `- a` at the key's column, or two spaces in); two when there is none.
std::size_t Splicer::list_indent_offset() const {
  std::vector<const Value *> stack{post_.root()};
  while (!stack.empty()) {
    const Value *v = stack.back();
    stack.pop_back();
    for (std::size_t i = 0; i < v->items.size(); ++i) {
      const Value &item = *v->items[i];
      if (v->kind == Kind::mapping && item.kind == Kind::sequence && item.style == Style::block &&
          !item.items.empty()) {
        std::size_t dash = column(item.begin), key = column(v->keys[i]->begin);
        return dash >= key ? dash - key : 2;
      }
      if (!item.is_scalar()) stack.push_back(&item);
    }
  }
  return 2;
}

int Splicer::replace(const Value &parent, std::size_t index, const NewValue &value, Splice &out) {
  return flow(parent) ? flow_replace(parent, index, value, out) : block_replace(parent, index, value, out);
}

int Splicer::add_pair(const Value &map, std::size_t before, const std::string &key, const NewValue &value,
                      Splice &out, std::size_t &landed) {
  if (flow(map)) {
    landed = before;
    return flow_add_pair(map, before, key, value, out);
  }
  return block_add_pair(map, before, key, value, out, landed);
}

int Splicer::remove(const Value &parent, std::size_t index, Splice &out) {
  return flow(parent) ? flow_remove(parent, index, out) : block_remove(parent, index, out);
}

int Splicer::rename(const Value &map, std::size_t index, const std::string &key, Splice &out) {
  const Value &k = *map.keys[index];
  if (k.end <= k.begin) return POSTPARSE_ERR_EDIT_UNSUPPORTED;
  out = Splice{k.begin, k.end, key_text(key, k.style)};
  return POSTPARSE_OK;
}

int Splicer::append(const Value &seq, const Data &item, Splice &out) {
  return flow(seq) ? flow_append(seq, item, out) : block_append(seq, item, out);
}

}  // namespace postparse::impl::edit
