#include "value_text.h"

#include <cerrno>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace postparse_cli {
namespace {

// A cursor over the text for the forms below: hand-written rather than
// std::regex, whose matcher recurses per character and overflows the stack
// on a long --value.
class Scan {
 public:
  explicit Scan(const std::string &text) : s_(text) {}
  bool done() const { return i_ == s_.size(); }
  bool one(const char *set) {
    if (i_ < s_.size() && s_[i_] != '\0' && std::strchr(set, s_[i_]) != nullptr) return ++i_, true;
    return false;
  }
  // One character of `set`, or the scan fails.
  void need(const char *set) {
    if (!one(set)) fail_ = true;
  }
  bool word(const char *w) {
    std::size_t n = std::strlen(w);
    if (s_.compare(i_, n, w) != 0) return false;
    i_ += n;
    return true;
  }
  // Between `min` and `max` characters of `set`; the count read.
  std::size_t many(const char *set, std::size_t min = 1, std::size_t max = SIZE_MAX) {
    std::size_t n = 0;
    while (n < max && one(set)) ++n;
    if (n < min) fail_ = true;
    return n;
  }
  bool ok() const { return !fail_; }
  std::size_t pos() const { return i_; }
  void rewind(std::size_t to) { i_ = to, fail_ = false; }

 private:
  const std::string &s_;
  std::size_t i_ = 0;
  bool fail_ = false;
};

constexpr const char *kDigits = "0123456789";

// YAML 1.2 core schema forms (https://yaml.org/spec/1.2.2/#1032-tag-resolution),
// narrowed where reading would lose what was typed: 007 stays a string.
bool is_null(const std::string &t) { return t == "null" || t == "Null" || t == "NULL" || t == "~"; }
bool is_true(const std::string &t) { return t == "true" || t == "True" || t == "TRUE"; }
bool is_false(const std::string &t) { return t == "false" || t == "False" || t == "FALSE"; }

// [-+]?[0-9]+
bool is_digits(const std::string &t) {
  Scan s(t);
  s.one("+-");
  s.many(kDigits);
  return s.ok() && s.done();
}

// [-+]?(0|[1-9][0-9]*) | 0o[0-7]+ | 0x[0-9a-fA-F]+
bool is_int(const std::string &t) {
  Scan s(t);
  if (s.word("0o")) return s.many("01234567"), s.ok() && s.done();
  if (s.word("0x")) return s.many("0123456789abcdefABCDEF"), s.ok() && s.done();
  if (!is_digits(t)) return false;
  std::size_t first = (t[0] == '+' || t[0] == '-') ? 1 : 0;
  return t[first] != '0' || t.size() == first + 1;
}

// [-+]?(\.[0-9]+|[0-9]+\.[0-9]*)([eE][-+]?[0-9]+)? | [-+]?[0-9]+[eE][-+]?[0-9]+
// | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN).  Digits alone are an int or
// (with leading zeros) a string, never a float.
bool is_float(const std::string &t) {
  if (t == ".nan" || t == ".NaN" || t == ".NAN") return true;
  Scan s(t);
  s.one("+-");
  std::size_t sign = s.pos();
  if (s.word(".inf") || s.word(".Inf") || s.word(".INF")) return s.done();
  s.rewind(sign);
  std::size_t whole = s.many(kDigits, 0);
  bool point = s.one(".");
  std::size_t fraction = point ? s.many(kDigits, 0) : 0;
  if (whole + fraction == 0) return false;
  bool exponent = s.one("eE");
  if (exponent) s.one("+-"), s.many(kDigits);
  return s.ok() && s.done() && (point || exponent);
}

// [0-9]{4}-[0-9]{2}-[0-9]{2}, or with a time:
// [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]*)?([ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?
bool is_date(const std::string &t) {
  Scan s(t);
  s.many(kDigits, 4, 4);
  s.need("-");
  std::size_t month = s.many(kDigits, 1, 2);
  s.need("-");
  std::size_t day = s.many(kDigits, 1, 2);
  if (!s.ok()) return false;
  if (s.done()) return month == 2 && day == 2;
  if (!s.one("Tt") && s.many(" \t") == 0) return false;
  s.many(kDigits, 1, 2);
  s.need(":");
  s.many(kDigits, 2, 2);
  s.need(":");
  s.many(kDigits, 2, 2);
  if (s.one(".")) s.many(kDigits, 0);
  s.many(" \t", 0);
  if (!s.one("Z") && s.one("+-")) {
    s.many(kDigits, 1, 2);
    if (s.one(":")) s.many(kDigits, 2, 2);
  }
  return s.ok() && s.done();
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
    if (is_int(text) || is_digits(text))
      if (std::optional<std::int64_t> v = to_int(text)) return postparse::Scalar::integer(*v);
  } else if (type == "float") {
    if (is_float(text) || is_digits(text)) return postparse::Scalar::number(to_float(text));
  } else if (type == "date") {
    return postparse::Scalar::date(text);  // the library says whether it reads as a date
  }
  return std::nullopt;
}

}  // namespace postparse_cli
