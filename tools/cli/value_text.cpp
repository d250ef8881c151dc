#include "value_text.h"

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <regex>

namespace postparse_cli {
namespace {

bool matches(const std::string &text, const char *pattern) { return std::regex_match(text, std::regex(pattern)); }

// YAML 1.2 core schema forms (https://yaml.org/spec/1.2.2/#1032-tag-resolution),
// narrowed where reading would lose what was typed: 007 stays a string.
bool is_null(const std::string &t) { return t == "null" || t == "Null" || t == "NULL" || t == "~"; }
bool is_true(const std::string &t) { return t == "true" || t == "True" || t == "TRUE"; }
bool is_false(const std::string &t) { return t == "false" || t == "False" || t == "FALSE"; }
bool is_int(const std::string &t) { return matches(t, "[-+]?(0|[1-9][0-9]*)|0o[0-7]+|0x[0-9a-fA-F]+"); }
bool is_float(const std::string &t) {
  // Digits alone are an int or (with leading zeros) a string, never a float.
  return matches(t,
                 "[-+]?(\\.[0-9]+|[0-9]+\\.[0-9]*)([eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+"
                 "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
}
bool is_date(const std::string &t) {
  return matches(t,
                 "[0-9]{4}-[0-9]{2}-[0-9]{2}"
                 "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\\.[0-9]*)?"
                 "([ \\t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?");
}

std::optional<std::int64_t> to_int(const std::string &t) {
  int base = 10;
  std::string digits = t;
  if (t.rfind("0o", 0) == 0) base = 8, digits = t.substr(2);
  else if (t.rfind("0x", 0) == 0) base = 16, digits = t.substr(2);
  errno = 0;
  char *end = nullptr;
  long long v = std::strtoll(digits.c_str(), &end, base);
  if (errno == ERANGE || end == digits.c_str() || *end != '\0') return std::nullopt;
  return static_cast<std::int64_t>(v);
}

double to_float(const std::string &t) {
  std::string s = t;
  bool negative = !s.empty() && s[0] == '-';
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.erase(0, 1);
  double v;
  if (s == ".inf" || s == ".Inf" || s == ".INF") v = HUGE_VAL;
  else if (s == ".nan" || s == ".NaN" || s == ".NAN") v = std::strtod("nan", nullptr);
  else v = std::strtod(s.c_str(), nullptr);
  return negative ? -v : v;
}

std::optional<postparse::Scalar> auto_scalar(const std::string &t) {
  if (is_null(t)) return postparse::Scalar::null();
  if (is_true(t) || is_false(t)) return postparse::Scalar::boolean(is_true(t));
  if (is_int(t)) {
    if (std::optional<std::int64_t> v = to_int(t)) return postparse::Scalar::integer(*v);
    return postparse::Scalar::string(t);  // beyond 64 bits: the text as written
  }
  if (is_float(t)) return postparse::Scalar::number(to_float(t));
  if (is_date(t)) return postparse::Scalar::date(t);
  return postparse::Scalar::string(t);
}

}  // namespace

std::optional<postparse::Scalar> typed_scalar(const std::string &text, const std::string &type) {
  if (type == "auto") return auto_scalar(text);
  if (type == "string") return postparse::Scalar::string(text);
  if (type == "null") {
    if (text.empty() || is_null(text)) return postparse::Scalar::null();
  } else if (type == "bool") {
    if (is_true(text) || is_false(text)) return postparse::Scalar::boolean(is_true(text));
  } else if (type == "int") {
    if (is_int(text) || matches(text, "[-+]?[0-9]+"))
      if (std::optional<std::int64_t> v = to_int(text)) return postparse::Scalar::integer(*v);
  } else if (type == "float") {
    if (is_float(text) || matches(text, "[-+]?[0-9]+")) return postparse::Scalar::number(to_float(text));
  } else if (type == "date") {
    return postparse::Scalar::date(text);  // the library says whether it reads as a date
  }
  return std::nullopt;
}

}  // namespace postparse_cli
