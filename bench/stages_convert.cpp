#include "stages_convert.h"

#include <cmath>
#include <cstdio>
#include <set>
#include <string_view>

#include "front_matter/dates.h"

namespace bench::stages {

namespace pp = postparse::impl;

namespace {

// A basic string in both formats: JSON's escapes are valid TOML, and DEL,
// which TOML does not allow raw, is escaped too.
void quoted(std::string_view text, std::string &out) {
  out += '"';
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (byte < 0x20 || byte == 0x7f) {
          char escape[8];
          std::snprintf(escape, sizeof escape, "\\u%04x", byte);
          out += escape;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

// Shortest text that reads back as the same double; with a '.' so that TOML
// reads a float, not an integer.
std::string float_text(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", value);
  std::string out = text;
  if (out.find_first_of(".e") == std::string::npos) out += ".0";
  return out;
}

// Mapping members in order, first of each key only, scalar keys only.
template <class Fn>
void each_member(const pp::Value &map, Fn &&fn) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < map.items.size(); ++i) {
    const pp::Value &key = *map.keys[i];
    if (!key.is_scalar() || !seen.insert(key.text).second) continue;
    fn(key.text, *map.items[i]);
  }
}

void json_value(const pp::Value &v, int indent, std::string &out) {
  std::string pad(static_cast<std::size_t>(indent + 2), ' ');
  switch (v.kind) {
    case pp::Kind::null: out += "null"; return;
    case pp::Kind::boolean: out += v.boolean ? "true" : "false"; return;
    case pp::Kind::integer: out += v.big ? v.text : std::to_string(v.integer); return;
    case pp::Kind::floating: out += std::isfinite(v.floating) ? float_text(v.floating) : "null"; return;
    case pp::Kind::string:
    case pp::Kind::timestamp: quoted(v.text, out); return;
    case pp::Kind::sequence: {
      if (v.items.empty()) return void(out += "[]");
      out += "[\n";
      for (std::size_t i = 0; i < v.items.size(); ++i) {
        out += pad;
        json_value(*v.items[i], indent + 2, out);
        out += i + 1 < v.items.size() ? ",\n" : "\n";
      }
      out += std::string(static_cast<std::size_t>(indent), ' ') + "]";
      return;
    }
    case pp::Kind::mapping: {
      std::string members;
      each_member(v, [&](const std::string &key, const pp::Value &item) {
        if (!members.empty()) members += ",\n";
        members += pad;
        quoted(key, members);
        members += ": ";
        json_value(item, indent + 2, members);
      });
      if (members.empty()) return void(out += "{}");
      out += "{\n" + members + "\n" + std::string(static_cast<std::size_t>(indent), ' ') + "}";
      return;
    }
  }
}

bool digits(std::string_view s, std::size_t at, std::size_t n) {
  if (at + n > s.size()) return false;
  for (std::size_t i = at; i < at + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

// YYYY-MM-DD, optionally [T ]hh:mm:ss[.frac][Z|+hh:mm]: the shape TOML
// reads as a date.
bool is_toml_date(std::string_view s) {
  if (!digits(s, 0, 4) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2) || s[7] != '-' || !digits(s, 8, 2))
    return false;
  std::size_t at = 10;
  if (at < s.size()) {
    if ((s[at] != 'T' && s[at] != ' ') || !digits(s, at + 1, 2) || s.substr(at + 3, 1) != ":" ||
        !digits(s, at + 4, 2) || s.substr(at + 6, 1) != ":" || !digits(s, at + 7, 2))
      return false;
    at += 9;
    if (at < s.size() && s[at] == '.') {
      std::size_t start = ++at;
      while (digits(s, at, 1)) ++at;
      if (at == start) return false;
    }
    if (at < s.size() && s[at] == 'Z') ++at;
    else if (at < s.size() && (s[at] == '+' || s[at] == '-')) {
      if (!digits(s, at + 1, 2) || s.substr(at + 3, 1) != ":" || !digits(s, at + 4, 2)) return false;
      at += 6;
    }
  }
  return at == s.size();
}

// A timestamp as a TOML date in RFC 3339 form (YAML's "2004-07-21
// 17:40:54 -07:00" becomes 2004-07-21T17:40:54-07:00, 2023-05-10 stays),
// or "" when it is not a valid date.
std::string toml_date(std::string_view timestamp) {
  pp::dates::Result r = pp::dates::parse(timestamp, nullptr);
  if (r.outcome != pp::dates::Outcome::ok) return {};
  std::string date = pp::dates::format_iso8601(r.instant);
  if (!r.instant.has_time) date = date.substr(0, 10);  // a date-only value stays one
  return is_toml_date(date) ? date : std::string();
}

// A bare key when TOML allows one (A-Z a-z 0-9 _ -), as people write them.
void toml_key(std::string_view key, std::string &out) {
  bool bare = !key.empty();
  for (char c : key)
    bare &= (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  if (bare) out += key;
  else quoted(key, out);
}

void toml_value(const pp::Value &v, std::string &out) {
  switch (v.kind) {
    case pp::Kind::null: out += "\"\""; return;
    case pp::Kind::boolean: out += v.boolean ? "true" : "false"; return;
    case pp::Kind::integer:
      if (v.big) quoted(v.text, out);
      else out += std::to_string(v.integer);
      return;
    case pp::Kind::floating:
      out += std::isnan(v.floating) ? "nan" : std::isinf(v.floating) ? (v.floating > 0 ? "inf" : "-inf")
                                                                      : float_text(v.floating);
      return;
    case pp::Kind::timestamp: {
      std::string date = toml_date(v.text);
      if (date.empty()) quoted(v.text, out);
      else out += date;
      return;
    }
    case pp::Kind::string: quoted(v.text, out); return;
    case pp::Kind::sequence:
      out += '[';
      for (std::size_t i = 0; i < v.items.size(); ++i) {
        if (i > 0) out += ", ";
        toml_value(*v.items[i], out);
      }
      out += ']';
      return;
    case pp::Kind::mapping: {
      std::string members;
      each_member(v, [&](const std::string &key, const pp::Value &item) {
        if (item.kind == pp::Kind::null) return;
        members += members.empty() ? " " : ", ";
        toml_key(key, members);
        members += " = ";
        toml_value(item, members);
      });
      out += "{" + members + (members.empty() ? "}" : " }");
      return;
    }
  }
}

}  // namespace

std::string to_json_front_matter(const pp::Value &root) {
  std::string out;
  json_value(root, 0, out);
  return out;
}

std::string to_toml_front_matter(const pp::Value &root) {
  std::string out;
  each_member(root, [&](const std::string &key, const pp::Value &item) {
    if (item.kind == pp::Kind::null) return;
    toml_key(key, out);
    out += " = ";
    toml_value(item, out);
    out += '\n';
  });
  return out;
}

}  // namespace bench::stages
