// ASCII character classes, case folding and trimming.
//
// Written out instead of <cctype> so that a host program's setlocale() can
// never change what the parsers match: a byte >= 0x80 (as char or unsigned
// char), a code point beyond ASCII and EOF (-1) are never letters, digits or
// spaces here.  The classifiers take int so that all of those can be passed
// as they are.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace postparse::impl {

constexpr bool is_ascii_upper(int c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_ascii_lower(int c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_ascii_alpha(int c) { return is_ascii_upper(c) || is_ascii_lower(c); }
constexpr bool is_ascii_digit(int c) { return c >= '0' && c <= '9'; }
constexpr bool is_ascii_alnum(int c) { return is_ascii_alpha(c) || is_ascii_digit(c); }
// The value of a hexadecimal digit (either case), or -1.
constexpr int hex_digit_value(int c) {
  return is_ascii_digit(c) ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
}

// The white space sets in use differ on purpose, so each has its own name
// rather than one "is_space" whose meaning depends on the file:
//
// Space or tab: YAML's s-white, Markdown's and the fences' blanks.
constexpr bool is_space_or_tab(int c) { return c == ' ' || c == '\t'; }
// Space, tab, LF, CR: YAML's s-white plus line breaks, and XPath's
// ExprWhitespace (XML's S production).
constexpr bool is_space_tab_or_newline(int c) { return is_space_or_tab(c) || c == '\n' || c == '\r'; }
// The WHATWG "ASCII whitespace": space, tab, LF, FF, CR (no VT).
constexpr bool is_html_space(int c) { return is_space_tab_or_newline(c) || c == '\f'; }
// What isspace() matches in the C locale: HTML's set plus VT.  Used where
// lenient sniffing of free text accepted that set before.
constexpr bool is_c_space(int c) { return is_html_space(c) || c == '\v'; }

constexpr char ascii_lower(char c) { return is_ascii_upper(c) ? static_cast<char>(c + ('a' - 'A')) : c; }

inline void ascii_lower_in_place(std::string &s) {
  for (char &c : s) c = ascii_lower(c);
}

inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  ascii_lower_in_place(out);
  return out;
}

inline bool ascii_iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

// `text` starts with `prefix`, ignoring ASCII case.
inline bool ascii_starts_with_icase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && ascii_iequals(text.substr(0, prefix.size()), prefix);
}

// `text` without the leading and trailing characters `is_space` matches
// (one of the predicates above).
// Whether `text` contains `lower_needle` (given in lowercase), ignoring
// ASCII case; no copy of the text.
inline bool ascii_contains_icase(std::string_view text, std::string_view lower_needle) {
  if (lower_needle.size() > text.size()) return false;
  for (std::size_t i = 0; i + lower_needle.size() <= text.size(); ++i) {
    std::size_t k = 0;
    while (k < lower_needle.size() && ascii_lower(text[i + k]) == lower_needle[k]) ++k;
    if (k == lower_needle.size()) return true;
  }
  return false;
}

inline std::string_view trim_ascii(std::string_view text, bool (*is_space)(int)) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace postparse::impl
