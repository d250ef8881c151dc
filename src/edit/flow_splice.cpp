// Splices inside flow collections — YAML `[..]`/`{..}`, every JSON object
// and array, TOML arrays and inline tables — keeping the separators and
// line layout the collection already has.
#include "edit/convert.h"
#include "edit/layout.h"
#include "edit/splicer.h"
#include "postparse/postparse.h"

namespace postparse::impl::edit {

std::size_t Splicer::start_of(const Value &container, std::size_t index) const {
  return container.kind == Kind::mapping ? container.keys[index]->begin : container.items[index]->begin;
}

std::size_t Splicer::end_of(const Value &container, std::size_t index) const {
  return container.items[index]->end;
}

// Just past the opening bracket; Hexo's `;;;` JSON has no brace of its own
// (its root starts at the first member).
std::size_t Splicer::flow_open_end(const Value &container) const {
  if (container.begin < text_.size() && (text_[container.begin] == '{' || text_[container.begin] == '['))
    return container.begin + 1;
  return container.begin;
}

// What goes between two items: as written between the first two, else a
// line break and the first item's indentation when it sits on its own
// line, else ", ".
std::string Splicer::flow_separator(const Value &container) const {
  std::size_t n = container.items.size();
  if (n >= 2) {
    std::size_t from = end_of(container, 0), to = start_of(container, 1);
    if (from < to) {
      std::string_view between = text_.substr(from, to - from);
      if (between.find('#') == std::string_view::npos && between.find(',') == between.rfind(',') &&
          between.find(',') != std::string_view::npos)
        return std::string(between);
    }
  }
  if (n >= 1) {
    std::size_t open = flow_open_end(container), first = start_of(container, 0);
    if (open <= first && text_.substr(open, first - open).find('\n') != std::string_view::npos) {
      std::size_t ls = line_start(text_, first);
      return "," + newline_ + std::string(text_.substr(ls, first - ls));
    }
  }
  return ", ";
}

std::string Splicer::flow_value_text(const NewValue &value, const Value *old) const {
  if (value.shape == NewValue::Shape::empty_map) return "{}";
  if (value.shape == NewValue::Shape::tree) {
    switch (format_) {
      case Format::json:
        return json_inline_value(value.tree);
      case Format::toml:
        return toml_inline_value(value.tree);
      default:
        return yaml_flow_value(value.tree, options_.schema);
    }
  }
  if (value.shape == NewValue::Shape::scalar)
    return scalar_text(value.scalar, true, 0, old ? old->style : Style::plain);
  std::string sep = ", ";
  Style item_style = Style::plain;
  if (old && old->kind == Kind::sequence && old->style == Style::flow) {
    std::string written = flow_separator(*old);
    if (written.find('\n') == std::string::npos) sep = written;
    if (!old->items.empty()) item_style = old->items[0]->style;
  }
  if (format_ == Format::toml && item_style == Style::plain) item_style = Style::double_quoted;
  std::string out = "[";
  for (std::size_t i = 0; i < value.items.size(); ++i) {
    if (i) out += sep;
    out += scalar_text(value.items[i], true, 0, item_style);
  }
  return out + "]";
}

int Splicer::flow_replace(const Value &parent, std::size_t index, const NewValue &value, Splice &out) {
  const Value &old = *parent.items[index];
  if (old.end < old.begin ||
      (format_ == Format::toml && old.kind == Kind::mapping && old.style != Style::flow))
    return POSTPARSE_ERR_EDIT_UNSUPPORTED;
  out = Splice{old.begin, old.end, flow_value_text(value, &old)};
  return POSTPARSE_OK;
}

int Splicer::flow_add_pair(const Value &map, std::size_t before, const std::string &key,
                           const NewValue &value, Splice &out) {
  std::string pair = key_text(key, format_ == Format::json ? Style::double_quoted : Style::plain) +
                     pair_separator(map) + flow_value_text(value, nullptr);
  std::size_t n = map.keys.size();
  if (n == 0) {
    std::size_t at = flow_open_end(map);
    out = Splice{at, at, pair};
  } else if (before < n) {
    std::size_t at = start_of(map, before);
    out = Splice{at, at, pair + flow_separator(map)};
  } else {
    std::size_t at = end_of(map, n - 1);
    out = Splice{at, at, flow_separator(map) + pair};
  }
  return POSTPARSE_OK;
}

int Splicer::flow_remove(const Value &parent, std::size_t index, Splice &out) {
  std::size_t n = parent.items.size();
  std::size_t closer = parent.end > 0 ? parent.end - 1 : 0;
  bool bracketed = flow_open_end(parent) > parent.begin && closer < text_.size() &&
                   (text_[closer] == '}' || text_[closer] == ']');
  // The last item goes with the blanks around it: `{}`, `[]`.
  if (n == 1 && bracketed)
    out = Splice{flow_open_end(parent), closer, ""};
  else if (n == 1)
    out = Splice{start_of(parent, 0), end_of(parent, 0), ""};
  else if (index + 1 < n)
    out = Splice{start_of(parent, index), start_of(parent, index + 1), ""};
  else
    out = Splice{end_of(parent, index - 1), end_of(parent, index), ""};
  return out.begin <= out.end ? POSTPARSE_OK : POSTPARSE_ERR_EDIT_UNSUPPORTED;
}

int Splicer::flow_append(const Value &seq, const Data &item, Splice &out) {
  Style style = seq.items.empty() ? Style::plain : seq.items.back()->style;
  if (format_ == Format::toml && style == Style::plain) style = Style::double_quoted;
  std::string value = scalar_text(item, true, 0, style);
  if (seq.items.empty()) {
    std::size_t at = flow_open_end(seq);
    out = Splice{at, at, value};
  } else {
    std::size_t at = end_of(seq, seq.items.size() - 1);
    out = Splice{at, at, flow_separator(seq) + value};
  }
  return POSTPARSE_OK;
}

}  // namespace postparse::impl::edit
