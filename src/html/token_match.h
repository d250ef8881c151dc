// Small predicates over tokens shared by the insertion modes.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "common/ascii.h"
#include "html/tags.h"
#include "html/token.h"

namespace postparse::impl::html {

inline bool all_whitespace(std::string_view s) {
  for (char c : s)
    if (!is_html_space(c)) return false;
  return true;
}

inline bool one_of(const std::string &name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names)
    if (name == n) return true;
  return false;
}

inline bool start(const Token &t, std::initializer_list<std::string_view> names) {
  return t.kind == TokenKind::start_tag && one_of(t.name, names);
}

inline bool end(const Token &t, std::initializer_list<std::string_view> names) {
  return t.kind == TokenKind::end_tag && one_of(t.name, names);
}

// A start tag whose name is in the category (see tags.h).
inline bool start_in(const Token &t, TagCategory category) {
  return t.kind == TokenKind::start_tag && tag_is(tag_from_name(t.name), category);
}

// <input type=hidden> (any case) behaves differently in tables and for
// frameset-ok.
inline bool is_hidden_input(const Token &t) {
  for (const Attribute &a : t.attributes)
    if (a.name == "type") return ascii_lower(a.value) == "hidden";
  return false;
}

}  // namespace postparse::impl::html
