#include "edit/data.h"

#include <cmath>

namespace postparse::impl::edit {

long Data::find(const std::string &key) const {
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (keys[i].is_scalar() && keys[i].text == key) return static_cast<long>(i);
  return -1;
}

Data data_from(const Value &value) {
  Data d;
  d.kind = value.kind;
  d.boolean = value.boolean;
  d.integer = value.integer;
  d.big = value.big;
  d.floating = value.floating;
  d.text = value.text;
  d.items.reserve(value.items.size());
  for (const Value *item : value.items) d.items.push_back(data_from(*item));
  d.keys.reserve(value.keys.size());
  for (const Value *key : value.keys) d.keys.push_back(data_from(*key));
  return d;
}

namespace {

bool same_scalar(const Data &a, const Data &b) {
  switch (a.kind) {
    case Kind::null:
      return true;
    case Kind::boolean:
      return a.boolean == b.boolean;
    case Kind::integer:
      return a.big == b.big && (a.big ? a.text == b.text : a.integer == b.integer);
    case Kind::floating:
      return (std::isnan(a.floating) && std::isnan(b.floating)) || a.floating == b.floating;
    default:
      return a.text == b.text;
  }
}

bool same_list(const std::vector<Data> &a, const std::vector<Data> &b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!same_data(a[i], b[i])) return false;
  return true;
}

}  // namespace

bool same_data(const Data &a, const Data &b) {
  if (a.kind != b.kind) return false;
  if (a.is_scalar()) return same_scalar(a, b);
  return same_list(a.keys, b.keys) && same_list(a.items, b.items);
}

Data string_data(std::string text) {
  Data d;
  d.kind = Kind::string;
  d.text = std::move(text);
  return d;
}

}  // namespace postparse::impl::edit
