#include "front_matter/scalar_types.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <string>

#include "front_matter/dates.h"

namespace postparse::impl {
namespace {

bool is_digit(char c, int base) {
  if (base == 2) return c == '0' || c == '1';
  if (base == 8) return c >= '0' && c <= '7';
  if (base == 10) return c >= '0' && c <= '9';
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// All characters are digits of `base` (underscores allowed when `underscores`,
// as YAML 1.1 permits `1_000`), and there is at least one digit.
bool all_digits(std::string_view s, int base, bool underscores) {
  bool any = false;
  for (char c : s) {
    if (c == '_' && underscores) continue;
    if (!is_digit(c, base)) return false;
    any = true;
  }
  return any;
}

std::string without_underscores(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '_') out += c;
  return out;
}

// Converts digits of `base` into an int64, or marks the value big when it does
// not fit (the exact digits stay in the value's text).
TypedScalar make_integer(bool negative, std::string_view digits, int base) {
  TypedScalar out;
  out.kind = Kind::integer;
  std::string clean = without_underscores(digits);
  std::uint64_t magnitude = 0;
  auto [ptr, ec] = std::from_chars(clean.data(), clean.data() + clean.size(), magnitude, base);
  const std::uint64_t limit = negative ? std::uint64_t{1} << 63
                                       : static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (ec != std::errc() || ptr != clean.data() + clean.size() || magnitude > limit) {
    out.big = true;
    double approx = 0;  // the nearest double, for postparse_value_float
    for (char c : clean) approx = approx * base + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    out.floating = negative ? -approx : approx;
    return out;
  }
  out.integer = negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
  out.floating = static_cast<double>(out.integer);
  return out;
}

std::string_view strip_sign(std::string_view s, bool &negative) {
  negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  return s;
}

bool special_float(std::string_view text, TypedScalar &out) {
  bool negative = false;
  std::string_view s = strip_sign(text, negative);
  if (s == ".inf" || s == ".Inf" || s == ".INF") {
    out.kind = Kind::floating;
    out.floating = negative ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  if (text == ".nan" || text == ".NaN" || text == ".NAN") {
    out.kind = Kind::floating;
    out.floating = std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  return false;
}

bool parse_double(std::string_view s, TypedScalar &out) {
  std::string clean = without_underscores(s);
  if (!clean.empty() && clean[0] == '+') clean.erase(0, 1);
  double d = 0;
  auto [ptr, ec] = std::from_chars(clean.data(), clean.data() + clean.size(), d);
  if (ptr != clean.data() + clean.size() || (ec != std::errc() && ec != std::errc::result_out_of_range))
    return false;
  if (ec == std::errc::result_out_of_range) {
    // from_chars leaves the value alone when it does not fit; the number is
    // still a float: infinite when the exponent is positive, else zero.
    bool negative = !clean.empty() && clean[0] == '-';
    std::size_t e = clean.find_first_of("eE");
    bool tiny = e != std::string::npos && e + 1 < clean.size() && clean[e + 1] == '-';
    d = tiny ? (negative ? -0.0 : 0.0) : (negative ? -HUGE_VAL : HUGE_VAL);
  }
  out.kind = Kind::floating;
  out.floating = d;
  return true;
}

// YAML 1.2 core: [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
bool is_core_float(std::string_view text) {
  bool negative = false;
  std::string_view s = strip_sign(text, negative);
  std::size_t i = 0, int_digits = 0, frac_digits = 0;
  while (i < s.size() && is_digit(s[i], 10)) ++i, ++int_digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && is_digit(s[i], 10)) ++i, ++frac_digits;
  }
  if (int_digits == 0 && frac_digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    std::size_t exp_start = i;
    while (i < s.size() && is_digit(s[i], 10)) ++i;
    if (i == exp_start) return false;
  }
  return i == s.size();
}

// YAML 1.1: [-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?  (a dot is required)
bool is_yaml11_float(std::string_view text) {
  bool negative = false;
  std::string_view s = strip_sign(text, negative);
  std::size_t dot = s.find('.');
  if (dot == std::string_view::npos) return false;
  std::string_view whole = s.substr(0, dot);
  if (!whole.empty() && (!is_digit(whole[0], 10) || !all_digits(whole, 10, true))) return false;
  std::string_view rest = s.substr(dot + 1);
  std::size_t e = rest.find_first_of("eE");
  std::string_view frac = rest.substr(0, e);
  for (char c : frac)
    if (!is_digit(c, 10) && c != '_') return false;
  if (whole.empty() && frac.empty()) return false;
  if (e == std::string_view::npos) return true;
  std::string_view exp = rest.substr(e + 1);
  return exp.size() >= 2 && (exp[0] == '-' || exp[0] == '+') && all_digits(exp.substr(1), 10, false);
}

// YAML 1.1 sexagesimal: 190:20:30 (int) or 190:20:30.15 (float), base 60.
bool sexagesimal(std::string_view text, TypedScalar &out) {
  bool negative = false;
  std::string_view s = strip_sign(text, negative);
  if (s.empty() || s[0] < '1' || s[0] > '9' || s.find(':') == std::string_view::npos) return false;
  double total = 0;
  std::size_t pos = 0;
  bool first = true, fractional = false;
  while (pos <= s.size()) {
    std::size_t colon = s.find(':', pos);
    std::string_view part = s.substr(pos, colon == std::string_view::npos ? std::string_view::npos : colon - pos);
    bool last = colon == std::string_view::npos;
    std::string_view digits = part;
    if (last && part.find('.') != std::string_view::npos) {
      fractional = true;
      digits = part.substr(0, part.find('.'));
      for (char c : part.substr(part.find('.') + 1))
        if (!is_digit(c, 10) && c != '_') return false;
    }
    if (!all_digits(digits, 10, first)) return false;
    if (!first && (digits.size() > 2 || std::stoi(std::string(digits)) > 59)) return false;
    double piece = 0;
    std::string clean = without_underscores(fractional ? part : digits);
    std::from_chars(clean.data(), clean.data() + clean.size(), piece);
    total = total * 60 + piece;
    first = false;
    if (last) break;
    pos = colon + 1;
  }
  if (fractional) {
    out.kind = Kind::floating;
    out.floating = negative ? -total : total;
  } else {
    if (total > 9.2e18) return false;
    out.kind = Kind::integer;
    out.integer = static_cast<std::int64_t>(negative ? -total : total);
    out.floating = negative ? -total : total;
  }
  return true;
}

bool core_int(std::string_view text, TypedScalar &out) {
  if (text.size() > 2 && text[0] == '0' && text[1] == 'o' && all_digits(text.substr(2), 8, false)) {
    out = make_integer(false, text.substr(2), 8);
    return true;
  }
  if (text.size() > 2 && text[0] == '0' && text[1] == 'x' && all_digits(text.substr(2), 16, false)) {
    out = make_integer(false, text.substr(2), 16);
    return true;
  }
  bool negative = false;
  std::string_view digits = strip_sign(text, negative);
  if (!all_digits(digits, 10, false)) return false;
  out = make_integer(negative, digits, 10);
  return true;
}

bool yaml11_int(std::string_view text, TypedScalar &out) {
  bool negative = false;
  std::string_view s = strip_sign(text, negative);
  if (s.size() > 2 && s[0] == '0' && s[1] == 'b' && all_digits(s.substr(2), 2, true)) {
    out = make_integer(negative, s.substr(2), 2);
    return true;
  }
  if (s.size() > 2 && s[0] == '0' && s[1] == 'x' && all_digits(s.substr(2), 16, true)) {
    out = make_integer(negative, s.substr(2), 16);
    return true;
  }
  if (s.size() > 1 && s[0] == '0' && all_digits(s.substr(1), 8, true)) {
    out = make_integer(negative, s.substr(1), 8);
    return true;
  }
  if (s == "0" || (!s.empty() && s[0] >= '1' && s[0] <= '9' && all_digits(s, 10, true))) {
    out = make_integer(negative, s, 10);
    return true;
  }
  return false;
}

bool bool_word(std::string_view text, YamlSchema schema, bool &value) {
  static constexpr std::string_view kTrue[] = {"true", "True", "TRUE"};
  static constexpr std::string_view kFalse[] = {"false", "False", "FALSE"};
  // YAML 1.1 also lists y/n, but no mainstream loader (PyYAML, js-yaml,
  // libyaml users) applies them, and `n: 5` keys would become booleans.
  static constexpr std::string_view kTrue11[] = {"yes", "Yes", "YES", "on", "On", "ON"};
  static constexpr std::string_view kFalse11[] = {"no", "No", "NO", "off", "Off", "OFF"};
  for (auto w : kTrue)
    if (text == w) return value = true, true;
  for (auto w : kFalse)
    if (text == w) return value = false, true;
  if (schema != YamlSchema::yaml_1_1) return false;
  for (auto w : kTrue11)
    if (text == w) return value = true, true;
  for (auto w : kFalse11)
    if (text == w) return value = false, true;
  return false;
}

}  // namespace

bool is_null_word(std::string_view text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

TypedScalar resolve_plain(std::string_view text, YamlSchema schema) {
  TypedScalar out;
  bool b = false;
  if (is_null_word(text)) {
    out.kind = Kind::null;
  } else if (bool_word(text, schema, b)) {
    out.kind = Kind::boolean;
    out.boolean = b;
  } else if (schema == YamlSchema::core_1_2) {
    if (!core_int(text, out) && !special_float(text, out) &&
        !(is_core_float(text) && parse_double(text, out)) && dates::looks_like_yaml_timestamp(text))
      out.kind = Kind::timestamp;
  } else {
    if (!yaml11_int(text, out) && !special_float(text, out) &&
        !(is_yaml11_float(text) && parse_double(text, out)) && !sexagesimal(text, out) &&
        dates::looks_like_yaml_timestamp(text))
      out.kind = Kind::timestamp;
  }
  return out;
}

bool resolve_tagged(std::string_view tag, std::string_view text, YamlSchema schema,
                    TypedScalar &out) {
  TypedScalar plain = resolve_plain(text, schema);
  out = TypedScalar{};
  if (tag == "str" || tag == "binary") return true;
  if (tag == "null") {
    out.kind = Kind::null;
    return is_null_word(text);
  }
  if (tag == "bool" && plain.kind == Kind::boolean) return out = plain, true;
  if (tag == "int" && plain.kind == Kind::integer) return out = plain, true;
  if (tag == "float") {
    if (plain.kind == Kind::floating) return out = plain, true;
    if (plain.kind == Kind::integer && !plain.big) {
      out.kind = Kind::floating;
      out.floating = static_cast<double>(plain.integer);
      return true;
    }
  }
  if (tag == "timestamp") {
    dates::Result r = dates::parse(text, nullptr);
    if (r.outcome == dates::Outcome::ok) {
      out.kind = Kind::timestamp;
      return true;
    }
  }
  return false;
}

}  // namespace postparse::impl
