// Splices in block collections — YAML block mappings and sequences, TOML
// tables — where each pair or item has its own line(s): a new key is one
// new line indented as its siblings, a new item one line with their dash.
#include "edit/convert.h"
#include "edit/layout.h"
#include "edit/splicer.h"
#include "postparse/postparse.h"

namespace postparse::impl::edit {
namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

// A TOML table written as a [section] or an array of tables ([[x]]): they
// come after a table's own keys and are not rewritten in place.  (A table
// made by dotted keys, `site.name = 1`, is written among the keys.)
bool toml_section(std::string_view text, const Value &v) {
  return (v.kind == Kind::mapping || v.kind == Kind::sequence) && v.style == Style::block &&
         v.begin < text.size() && text[v.begin] == '[';
}

// The offset of the '-' that introduces a block sequence item starting at
// `pos`, or npos.
std::size_t dash_before(std::string_view text, std::size_t pos) {
  while (pos > 0 && (text[pos - 1] == ' ' || text[pos - 1] == '\t')) --pos;
  return pos > 0 && text[pos - 1] == '-' ? pos - 1 : npos;
}

// The '-' of a block sequence item: before the item; for an empty item
// (`-` alone, a null whose empty span sits where the node before it ended)
// the first '-' after that.
std::size_t item_dash(std::string_view text, const Value &item) {
  if (item.kind != Kind::null || item.end != item.begin) return dash_before(text, item.begin);
  std::size_t pos = item.begin;
  while (pos < text.size() &&
         (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\r' || text[pos] == '\n'))
    ++pos;
  return pos < text.size() && text[pos] == '-' ? pos : npos;
}

// Where a value's text ends: its span's end, or past the dash of an empty
// last item (`-` alone), whose span sits where the item before it ended.
std::size_t written_end(std::string_view text, const Value &v) {
  if (v.is_scalar() || v.items.empty() || v.style == Style::flow) return v.end;
  const Value &last = *v.items.back();
  std::size_t end = v.end;
  if (v.kind == Kind::sequence && last.kind == Kind::null && last.end == last.begin) {
    std::size_t dash = item_dash(text, last);
    if (dash != npos && dash + 1 > end) end = dash + 1;
  }
  std::size_t inner = written_end(text, last);
  return inner > end ? inner : end;
}

// `line` placed at `at`, a line start; a line break goes first when `at`
// is the end of a last line that has none.
Splice insert_line(std::string_view text, std::size_t at, const std::string &line,
                   const std::string &newline) {
  if (at > 0 && text[at - 1] != '\n') return Splice{at, at, newline + line};
  return Splice{at, at, line + newline};
}

}  // namespace

// Just past the ':' after pair `index`'s key, or past the '-' of item
// `index`; npos when the text is not shaped so.
std::size_t Splicer::indicator_after(const Value &parent, std::size_t index) const {
  if (parent.kind == Kind::mapping) {
    std::size_t p = skip_blanks(text_, parent.keys[index]->end);
    return p < text_.size() && text_[p] == ':' ? p + 1 : npos;
  }
  std::size_t dash = item_dash(text_, *parent.items[index]);
  return dash == npos ? npos : dash + 1;
}

// A value written after a key's ':' or an item's '-' in a block collection
// whose key or dash is at `key_column`: " scalar", " []", or a block list
// on the lines below.
std::string Splicer::block_value_text(const NewValue &value, std::size_t key_column, bool in_mapping) const {
  if (value.shape == NewValue::Shape::empty_map) return " {}";
  if (value.shape == NewValue::Shape::tree) {
    if (!in_mapping) return " " + flow_value_text(value, nullptr);
    return yaml_nested_value(value.tree, key_column, newline_, options_.schema);
  }
  if (value.shape == NewValue::Shape::scalar)
    return " " + scalar_text(value.scalar, false, key_column + 2, Style::plain);
  if (value.items.empty() || !in_mapping) return " " + flow_value_text(value, nullptr);
  std::size_t dash_column = key_column + list_indent_offset();
  std::string out;
  for (const Data &item : value.items)
    out += newline_ + std::string(dash_column, ' ') + "- " +
           scalar_text(item, false, dash_column + 2, Style::plain);
  return out;
}

int Splicer::block_replace(const Value &parent, std::size_t index, const NewValue &value, Splice &out) {
  const Value &old = *parent.items[index];
  if (format_ == Format::toml) {
    if (toml_section(text_, old)) return POSTPARSE_ERR_EDIT_UNSUPPORTED;
    out = Splice{old.begin, old.end, flow_value_text(value, &old)};
    return POSTPARSE_OK;
  }
  bool in_mapping = parent.kind == Kind::mapping;
  if (in_mapping && old.begin < parent.keys[index]->end) return POSTPARSE_ERR_EDIT_UNSUPPORTED;  // an alias
  std::size_t indicator = indicator_after(parent, index);
  // An empty null is written nowhere (its empty span sits at the ':' or
  // '-'): the new value goes right after the indicator.
  bool empty = old.kind == Kind::null && old.end == old.begin;
  if (indicator == npos || (old.begin < indicator && !empty)) return POSTPARSE_ERR_EDIT_UNSUPPORTED;
  std::size_t key_column = column(indicator - 1);
  if (in_mapping) key_column = column(parent.keys[index]->begin);
  // Node properties (a tag, an anchor) between the indicator and the value
  // belong to the old value: they are replaced with it.
  bool bare = only_spaces(text_, indicator, old.begin);
  bool inline_scalar =
      old.is_scalar() && old.end > old.begin && old.style != Style::literal && old.style != Style::folded;
  if (bare && inline_scalar && value.shape == NewValue::Shape::scalar) {
    std::string written = scalar_text(value.scalar, false, key_column + 2, old.style);
    if (written.find('\n') == std::string::npos) {
      out = Splice{old.begin, old.end, written};
      return POSTPARSE_OK;
    }
  }
  if (bare && old.kind == Kind::sequence && old.style == Style::flow &&
      value.shape == NewValue::Shape::list) {
    out = Splice{old.begin, old.end, flow_value_text(value, &old)};
    return POSTPARSE_OK;
  }
  if (old.kind == Kind::sequence && old.style == Style::block && value.shape == NewValue::Shape::list &&
      !value.items.empty() && in_mapping && old.begin < text_.size() &&
      only_spaces(text_, line_start(text_, old.begin), old.begin) && text_[old.begin] == '-') {
    // The same dash, gap and indentation for every new item.
    std::string prefix(text_.substr(line_start(text_, old.begin), old.begin - line_start(text_, old.begin)));
    std::size_t first = old.items.empty() ? old.begin + 2 : old.items[0]->begin;
    std::string gap = first > old.begin + 1 && only_spaces(text_, old.begin + 1, first)
                          ? std::string(text_.substr(old.begin + 1, first - old.begin - 1))
                          : " ";
    Style style = old.items.empty() ? Style::plain : old.items[0]->style;
    std::string written;
    for (std::size_t i = 0; i < value.items.size(); ++i) {
      if (i) written += newline_ + prefix;
      written += "-" + gap + scalar_text(value.items[i], false, column(old.begin) + 2, style);
    }
    std::size_t end = written_end(text_, old);
    if (end > old.begin && text_[end - 1] == '\n') written += newline_;
    out = Splice{old.begin, end, written};
    return POSTPARSE_OK;
  }
  std::string written = block_value_text(value, key_column, in_mapping);
  std::size_t old_end = written_end(text_, old);
  std::size_t end = !empty && old_end > indicator ? old_end : indicator;
  if (end > indicator && text_[end - 1] == '\n' && written.back() != '\n') written += newline_;
  end = carry_comment(end, written);
  out = Splice{indicator, end, written};
  return POSTPARSE_OK;
}

// A comment after the old value on its line would become content of a
// block scalar or list written in its place: it moves to the end of the
// written text's first line (after `key:` or a block scalar's header),
// where YAML allows one.  Returns the end of the bytes to replace.
std::size_t Splicer::carry_comment(std::size_t end, std::string &written) const {
  std::size_t first_break = written.find('\n');
  if (first_break == std::string::npos) return end;
  std::size_t hash = skip_blanks(text_, end);
  if (hash >= text_.size() || text_[hash] != '#' || hash == end) return end;
  std::size_t stop = text_.find('\n', hash);
  if (stop == std::string_view::npos) stop = text_.size();
  if (stop > hash && text_[stop - 1] == '\r') --stop;
  if (first_break > 0 && written[first_break - 1] == '\r') --first_break;
  written.insert(first_break, " " + std::string(text_.substr(hash, stop - hash)));
  return stop;
}

int Splicer::block_add_pair(const Value &map, std::size_t before, const std::string &key,
                            const NewValue &value, Splice &out, std::size_t &landed) {
  // A table made by dotted keys has no lines of its own to add one to.
  if (format_ == Format::toml && &map != post_.root() && !toml_section(text_, map))
    return POSTPARSE_ERR_EDIT_UNSUPPORTED;
  std::size_t n = map.keys.size();
  std::size_t plain = n;  // TOML: pairs before the first [section]
  if (format_ == Format::toml)
    for (std::size_t i = 0; i < n; ++i)
      if (toml_section(text_, *map.items[i])) {
        plain = i;
        break;
      }
  if (before > plain) before = plain;
  landed = before;
  std::size_t indent = n > 0 && plain > 0 ? column(map.keys[0]->begin) : 0;
  std::string line = std::string(indent, ' ') + key_text(key, Style::plain);
  if (format_ == Format::toml)
    line += pair_separator(map) + flow_value_text(value, nullptr);
  else
    line += ":" + block_value_text(value, indent, true);
  if (before < plain) {
    std::size_t k = map.keys[before]->begin;
    if (!only_spaces(text_, line_start(text_, k), k)) return POSTPARSE_ERR_EDIT_UNSUPPORTED;
    out = insert_line(text_, line_start(text_, k), line, newline_);
    return POSTPARSE_OK;
  }
  std::size_t at;
  if (plain > 0) {
    const Value &k = *map.keys[plain - 1], &v = *map.items[plain - 1];
    std::size_t v_end = written_end(text_, v);
    at = line_after(text_, v_end > k.end ? v_end : k.end);
  } else if (&map == post_.root()) {
    at = post_.split.content_begin;
  } else if (format_ == Format::toml) {
    at = line_after(text_, map.begin + 1);  // a [section] without keys of its own: after its header
  } else {
    return POSTPARSE_ERR_EDIT_UNSUPPORTED;
  }
  out = insert_line(text_, at, line, newline_);
  return POSTPARSE_OK;
}

int Splicer::block_remove(const Value &parent, std::size_t index, Splice &out) {
  const Value &old = *parent.items[index];
  if (format_ == Format::toml && toml_section(text_, old)) return toml_remove_section(parent, index, out);
  // A TOML table may be empty; a YAML block collection cannot.
  if (parent.items.size() == 1 && &parent != post_.root() && format_ != Format::toml) {
    // The collection would be left empty, which a block cannot say: it
    // becomes {} or [] in its own parent.
    std::size_t at = 0;
    const Value *grand = parent_of(parent, at);
    if (!grand) return POSTPARSE_ERR_EDIT_UNSUPPORTED;
    NewValue empty;
    empty.shape = parent.kind == Kind::mapping ? NewValue::Shape::empty_map : NewValue::Shape::list;
    return replace(*grand, at, empty, out);
  }
  std::size_t start;
  std::size_t last = written_end(text_, old);
  if (parent.kind == Kind::mapping) {
    start = parent.keys[index]->begin;
    if (parent.keys[index]->end > last) last = parent.keys[index]->end;
    if (old.begin < parent.keys[index]->end && old.end <= parent.keys[index]->end)
      last = parent.keys[index]->end;
  } else {
    start = item_dash(text_, old);
    if (start == npos) return POSTPARSE_ERR_EDIT_UNSUPPORTED;
  }
  std::size_t begin = line_start(text_, start);
  if (!only_spaces(text_, begin, start)) return POSTPARSE_ERR_EDIT_UNSUPPORTED;
  if (last < start + 1) last = start + 1;  // an empty item ends on its dash's line
  out = Splice{begin, line_after(text_, last), ""};
  return POSTPARSE_OK;
}

// A [section] of the root goes with every line up to the next section of
// the root (its own sub-sections included) or the end of the block.
int Splicer::toml_remove_section(const Value &parent, std::size_t index, Splice &out) {
  const Value &old = *parent.items[index];
  if (&parent != post_.root() || old.kind != Kind::mapping) return POSTPARSE_ERR_EDIT_UNSUPPORTED;
  std::size_t begin = line_start(text_, old.begin);
  std::size_t end = post_.split.content_end;
  if (index + 1 < parent.items.size()) end = line_start(text_, parent.items[index + 1]->begin);
  if (end < begin) return POSTPARSE_ERR_EDIT_UNSUPPORTED;
  out = Splice{begin, end, ""};
  return POSTPARSE_OK;
}

int Splicer::block_append(const Value &seq, const Data &item, Splice &out) {
  if (format_ == Format::toml || seq.items.empty()) return POSTPARSE_ERR_EDIT_UNSUPPORTED;
  const Value &last = *seq.items.back();
  std::size_t dash = item_dash(text_, last);
  if (dash == npos) return POSTPARSE_ERR_EDIT_UNSUPPORTED;
  std::size_t begin = line_start(text_, dash);
  if (!only_spaces(text_, begin, dash)) return POSTPARSE_ERR_EDIT_UNSUPPORTED;
  std::string gap = last.begin > dash + 1 && only_spaces(text_, dash + 1, last.begin)
                        ? std::string(text_.substr(dash + 1, last.begin - dash - 1))
                        : " ";
  std::string line = std::string(text_.substr(begin, dash - begin)) + "-" + gap +
                     scalar_text(item, false, column(dash) + 2, last.is_scalar() ? last.style : Style::plain);
  out = insert_line(text_, line_after(text_, last.end > dash ? last.end : dash + 1), line, newline_);
  return POSTPARSE_OK;
}

}  // namespace postparse::impl::edit
