#include "edit/edit.h"

#include "edit/convert.h"
#include "edit/date_spelling.h"
#include "edit/json_value.h"
#include "edit/layout.h"
#include "edit/path.h"
#include "edit/toml_date.h"
#include "front_matter/scalar_types.h"
#include "postparse/postparse.h"

namespace postparse::impl::edit {

int Edit::make(std::string_view text, const Options &options, std::unique_ptr<Edit> &out) {
  std::unique_ptr<Edit> edit(new Edit());
  edit->options_ = options;
  edit->current_ = parse_front_matter(std::string(text), options);
  if (edit->current_->blocking_error()) return POSTPARSE_ERR_NOT_EDITABLE;
  edit->body_ = std::string(edit->current_->body());
  edit->intended_.kind = Kind::mapping;
  if (edit->current_->root()) edit->intended_ = data_from(*edit->current_->root());
  out = std::move(edit);
  return POSTPARSE_OK;
}

// The data a scalar becomes in the post's format, and whether the format
// can hold it.
int Edit::resolve(const ScalarInput &input, const Value *old, Data &out) const {
  Format format = current_->split.format == Format::none ? Format::yaml : current_->split.format;
  out = Data{};
  out.kind = input.kind;
  switch (input.kind) {
    case Kind::null:
      return format == Format::toml ? POSTPARSE_ERR_NOT_REPRESENTABLE : POSTPARSE_OK;
    case Kind::boolean:
      out.boolean = input.boolean;
      return POSTPARSE_OK;
    case Kind::integer:
      out.integer = input.integer;
      out.floating = static_cast<double>(input.integer);
      return POSTPARSE_OK;
    case Kind::floating:
      out.floating = input.number;
      if (format == Format::json && !(input.number - input.number == 0))
        return POSTPARSE_ERR_NOT_REPRESENTABLE;
      return POSTPARSE_OK;
    case Kind::string:
      out.text = input.text;
      return POSTPARSE_OK;
    case Kind::timestamp:
      break;
    default:
      return POSTPARSE_ERR_INVALID_ARGUMENT;
  }
  out.text = !input.text.empty()
                 ? input.text
                 : spell_date(input.time,
                              old && old->is_scalar() ? std::string_view(old->text) : std::string_view());
  if (out.text.empty() || dates::parse(out.text, options_.zone).outcome != dates::Outcome::ok)
    return POSTPARSE_ERR_INVALID_DATE;
  // A date is typed as one where the format has dates and reads this
  // spelling as one; elsewhere it is a string (that reads as a date).
  bool typed = format == Format::yaml   ? resolve_plain(out.text, options_.schema).kind == Kind::timestamp
               : format == Format::toml ? is_toml_date(out.text)
                                        : false;
  if (!typed) out.kind = Kind::string;
  return POSTPARSE_OK;
}

int Edit::resolve_value(const ScalarInput *scalar, const std::vector<ScalarInput> *list, const Value *old,
                        NewValue &out) const {
  if (scalar) {
    out.shape = NewValue::Shape::scalar;
    return resolve(*scalar, old, out.scalar);
  }
  out.shape = NewValue::Shape::list;
  out.items.resize(list->size());
  for (std::size_t i = 0; i < list->size(); ++i) {
    const Value *old_item =
        old && old->kind == Kind::sequence && i < old->items.size() ? old->items[i] : nullptr;
    if (int s = resolve((*list)[i], old_item, out.items[i])) return s;
  }
  return POSTPARSE_OK;
}

// A post without front matter gets an empty YAML block first, in `added`,
// on which the operation then works; `added` stays empty otherwise.
int Edit::ensure_front_matter(std::unique_ptr<ParsedPost> &added) const {
  if (current_->split.format != Format::none) return POSTPARSE_OK;
  const std::string &text = current_->text;
  std::size_t at = current_->split.body_begin;
  std::string newline = newline_at(text, at);
  std::string with_block = text.substr(0, at) + "---" + newline + "---" + newline + text.substr(at);
  added = parse_front_matter(std::move(with_block), options_);
  if (added->split.format != Format::yaml || !added->root() || added->body() != body_)
    return POSTPARSE_ERR_EDIT_VERIFY;
  return POSTPARSE_OK;
}

int Edit::verify(std::string text, const Data &intended, std::unique_ptr<ParsedPost> *parsed) const {
  if (text.size() > options_.limits.input_bytes) return POSTPARSE_ERR_INPUT_TOO_LARGE;
  std::unique_ptr<ParsedPost> post = parse_front_matter(std::move(text), options_);
  if (int error = post->blocking_error()) {
    // A limit the new text reaches is the caller's to know; any other error
    // (a syntax error, a duplicate key) means the edit went wrong.
    bool limit = error == POSTPARSE_ERR_FRONT_MATTER_TOO_LARGE || error == POSTPARSE_ERR_DEPTH_LIMIT ||
                 error == POSTPARSE_ERR_ALIAS_LIMIT || error == POSTPARSE_ERR_KEY_LIMIT;
    return limit ? error : POSTPARSE_ERR_EDIT_VERIFY;
  }
  if (post->body() != body_) return POSTPARSE_ERR_EDIT_VERIFY;
  Data read;
  read.kind = Kind::mapping;
  if (post->root()) read = data_from(*post->root());
  if (!same_data(read, intended)) return POSTPARSE_ERR_EDIT_VERIFY;
  if (parsed) *parsed = std::move(post);
  return POSTPARSE_OK;
}

int Edit::commit(const Change &change, std::unique_ptr<ParsedPost> base) {
  const std::string &text = base ? base->text : current_->text;
  const Splice &s = change.splice;
  if (s.begin > s.end || s.end > text.size()) return POSTPARSE_ERR_EDIT_UNSUPPORTED;
  std::string spliced = text.substr(0, s.begin) + s.text + text.substr(s.end);
  std::unique_ptr<ParsedPost> parsed;
  if (int status = verify(std::move(spliced), change.intended, &parsed)) return status;
  current_ = std::move(parsed);
  intended_ = change.intended;
  return POSTPARSE_OK;
}

namespace {

// The tokens of a path that must name a key or an item (not the root).
int tokens_of(std::string_view path, std::vector<std::string> &tokens) {
  if (int status = parse_pointer(path, tokens)) return status;
  return tokens.empty() ? POSTPARSE_ERR_BAD_PATH : POSTPARSE_OK;
}

}  // namespace

int Edit::set_value(std::string_view path, const ValueMaker &make) {
  std::vector<std::string> tokens;
  if (int status = tokens_of(path, tokens)) return status;
  std::unique_ptr<ParsedPost> base;
  if (int status = ensure_front_matter(base)) return status;
  const ParsedPost &post = base ? *base : *current_;
  Place place;
  if (int status = find_place(*post.root(), tokens, place)) return status;
  const Value *old = place.exists ? place.parent->items[place.index] : nullptr;
  NewValue value;
  if (int status = make(old, value)) return status;
  Change change;  // (two steps: GCC 12 -O2 misreads the aggregate form as uninitialised)
  change.intended = intended_;
  Data *parent = data_parent(change.intended, tokens);
  if (!parent) return POSTPARSE_ERR_INTERNAL;
  Splicer splicer(post, options_);
  if (place.exists) {
    if (int status = splicer.replace(*place.parent, place.index, value, change.splice)) return status;
    parent->items[place.index] = value.as_data();
  } else {
    std::size_t landed = 0;
    if (int status = splicer.add_pair(*place.parent, place.parent->keys.size(), tokens.back(), value,
                                      change.splice, landed))
      return status;
    parent->keys.insert(parent->keys.begin() + static_cast<long>(landed), string_data(tokens.back()));
    parent->items.insert(parent->items.begin() + static_cast<long>(landed), value.as_data());
  }
  return commit(change, std::move(base));
}

int Edit::set(std::string_view path, const ScalarInput &value) {
  return set_value(path,
                   [&](const Value *old, NewValue &out) { return resolve_value(&value, nullptr, old, out); });
}

int Edit::set_list(std::string_view path, const std::vector<ScalarInput> &items) {
  return set_value(path,
                   [&](const Value *old, NewValue &out) { return resolve_value(nullptr, &items, old, out); });
}

int Edit::set_json(std::string_view path, std::string_view json) {
  Format format = current_->split.format == Format::none ? Format::yaml : current_->split.format;
  NewValue parsed;
  if (int status = json_value(json, format, options_, parsed)) return status;
  return set_value(path, [&](const Value *, NewValue &out) {
    out = parsed;
    return POSTPARSE_OK;
  });
}

int Edit::append(std::string_view path, const ScalarInput &value) {
  std::vector<std::string> tokens;
  if (int status = tokens_of(path, tokens)) return status;
  Place place;
  if (current_->root()) {
    if (int status = find_place(*current_->root(), tokens, place)) return status;
  }
  const Value *old = place.exists ? place.parent->items[place.index] : nullptr;
  // Appending to a key that is missing or null makes a one-item list.
  if (!old || old->kind == Kind::null) return set_list(path, std::vector<ScalarInput>{value});
  if (old->kind != Kind::sequence) return POSTPARSE_ERR_WRONG_KIND;
  Data item;
  const Value *sibling = old->items.empty() ? nullptr : old->items.back();
  if (int status = resolve(value, sibling && sibling->kind == Kind::timestamp ? sibling : nullptr, item))
    return status;
  Change change;  // (two steps: GCC 12 -O2 misreads the aggregate form as uninitialised)
  change.intended = intended_;
  Data *parent = data_parent(change.intended, tokens);
  if (!parent) return POSTPARSE_ERR_INTERNAL;
  if (int status = Splicer(*current_, options_).append(*old, item, change.splice)) return status;
  parent->items[place.index].items.push_back(item);
  return commit(change, nullptr);
}

int Edit::remove(std::string_view path) {
  std::vector<std::string> tokens;
  if (int status = tokens_of(path, tokens)) return status;
  if (!current_->root()) return POSTPARSE_ERR_NOT_FOUND;
  Place place;
  if (int status = find_place(*current_->root(), tokens, place)) return status;
  if (!place.exists) return POSTPARSE_ERR_NOT_FOUND;
  Change change;  // (two steps: GCC 12 -O2 misreads the aggregate form as uninitialised)
  change.intended = intended_;
  Data *parent = data_parent(change.intended, tokens);
  if (!parent) return POSTPARSE_ERR_INTERNAL;
  if (int status = Splicer(*current_, options_).remove(*place.parent, place.index, change.splice))
    return status;
  if (parent->kind == Kind::mapping)
    parent->keys.erase(parent->keys.begin() + static_cast<long>(place.index));
  parent->items.erase(parent->items.begin() + static_cast<long>(place.index));
  return commit(change, nullptr);
}

// The place of an existing key of a mapping at `path` (rename and insert
// act on one).
int Edit::find_existing_key(std::string_view path, std::vector<std::string> &tokens, Place &place) const {
  if (int status = tokens_of(path, tokens)) return status;
  if (!current_->root()) return POSTPARSE_ERR_NOT_FOUND;
  if (int status = find_place(*current_->root(), tokens, place)) return status;
  if (place.parent->kind != Kind::mapping) return POSTPARSE_ERR_WRONG_KIND;
  if (!place.exists) return POSTPARSE_ERR_NOT_FOUND;
  return POSTPARSE_OK;
}

int Edit::rename(std::string_view path, std::string_view new_key) {
  std::vector<std::string> tokens;
  Place place;
  if (int status = find_existing_key(path, tokens, place)) return status;
  std::string key(new_key);
  if (key == tokens.back()) return POSTPARSE_OK;
  Change change;  // (two steps: GCC 12 -O2 misreads the aggregate form as uninitialised)
  change.intended = intended_;
  Data *parent = data_parent(change.intended, tokens);
  if (!parent) return POSTPARSE_ERR_INTERNAL;
  if (parent->find(key) >= 0) return POSTPARSE_ERR_KEY_EXISTS;
  if (int status = Splicer(*current_, options_).rename(*place.parent, place.index, key, change.splice))
    return status;
  parent->keys[place.index] = string_data(key);
  return commit(change, nullptr);
}

int Edit::insert(std::string_view path, Where where, std::string_view key, const ScalarInput &value) {
  std::vector<std::string> tokens;
  Place place;
  if (int status = find_existing_key(path, tokens, place)) return status;
  Change change;  // (two steps: GCC 12 -O2 misreads the aggregate form as uninitialised)
  change.intended = intended_;
  Data *parent = data_parent(change.intended, tokens);
  if (!parent) return POSTPARSE_ERR_INTERNAL;
  std::string name(key);
  if (parent->find(name) >= 0) return POSTPARSE_ERR_KEY_EXISTS;
  NewValue written;
  if (int status = resolve_value(&value, nullptr, nullptr, written)) return status;
  std::size_t before = place.index + (where == Where::after ? 1 : 0);
  std::size_t landed = 0;
  if (int status =
          Splicer(*current_, options_).add_pair(*place.parent, before, name, written, change.splice, landed))
    return status;
  parent->keys.insert(parent->keys.begin() + static_cast<long>(landed), string_data(name));
  parent->items.insert(parent->items.begin() + static_cast<long>(landed), written.as_data());
  return commit(change, nullptr);
}

int Edit::render(std::string &out) const {
  if (int status = verify(current_->text, intended_, nullptr)) return status;
  out = current_->text;
  return POSTPARSE_OK;
}

int Edit::convert(Format to, std::string &out) const {
  if (to == current_->split.format) return render(out);
  const std::string &text = current_->text;
  const Split &split = current_->split;
  std::size_t begin = split.format == Format::none ? split.body_begin : split.block_begin;
  Converted converted;
  if (int status = convert_data(intended_, to, options_, newline_at(text, begin), converted)) return status;
  std::string whole = text.substr(0, begin) + converted.block + text.substr(split.body_begin);
  if (int status = verify(whole, converted.intended, nullptr)) return status;
  out = std::move(whole);
  return POSTPARSE_OK;
}

}  // namespace postparse::impl::edit
