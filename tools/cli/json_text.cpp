#include "json_text.h"

#include <stdexcept>

namespace postparse_cli::json_text {
namespace {

// The end of the JSON value that starts at `at` (strings, numbers, literals,
// and nested arrays and objects, counted without recursion).
std::size_t value_end(std::string_view t, std::size_t at) {
  int depth = 0;
  std::size_t i = at;
  do {
    if (i >= t.size()) throw std::runtime_error("truncated JSON");
    char c = t[i];
    if (c == '"') {
      for (++i; i < t.size() && t[i] != '"'; ++i)
        if (t[i] == '\\') ++i;
      ++i;
    } else if (c == '{' || c == '[') {
      ++depth, ++i;
    } else if (c == '}' || c == ']') {
      --depth, ++i;
    } else if (c == ',' || c == ':') {
      ++i;
    } else {
      while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']') ++i;
    }
  } while (depth > 0);
  return i;
}

// A string's content without its escapes: enough for member names.
std::string decode_name(std::string_view quoted) {
  std::string out;
  for (std::size_t i = 1; i + 1 < quoted.size(); ++i) {
    if (quoted[i] == '\\' && i + 2 < quoted.size()) ++i;
    out += quoted[i];
  }
  return out;
}

struct Member {
  std::string name;
  std::string_view text;   // "name":value as written
  std::string_view value;  // the value alone
};

std::vector<Member> members(std::string_view object) {
  std::vector<Member> out;
  std::size_t i = 1;  // after '{'
  while (i < object.size() && object[i] != '}') {
    std::size_t name_end = value_end(object, i);
    std::size_t end = value_end(object, name_end + 1);
    out.push_back({decode_name(object.substr(i, name_end - i)), object.substr(i, end - i),
                   object.substr(name_end + 1, end - name_end - 1)});
    i = end;
    if (i < object.size() && object[i] == ',') ++i;
  }
  return out;
}

std::vector<std::string_view> items(std::string_view array) {
  std::vector<std::string_view> out;
  std::size_t i = 1;  // after '['
  while (i < array.size() && array[i] != ']') {
    std::size_t end = value_end(array, i);
    out.push_back(array.substr(i, end - i));
    i = end;
    if (i < array.size() && array[i] == ',') ++i;
  }
  return out;
}

}  // namespace

std::string select(std::string_view value, const std::vector<Path> &paths) {
  for (const Path &p : paths)
    if (p.empty()) return std::string(value);
  if (!value.empty() && value.front() == '[') {
    std::string out = "[";
    for (std::string_view item : items(value)) out += (out.size() > 1 ? "," : "") + select(item, paths);
    return out + "]";
  }
  if (value.empty() || value.front() != '{') return "null";  // a path goes on past a scalar
  std::string out = "{";
  for (const Member &m : members(value)) {
    std::vector<Path> rest;
    for (const Path &p : paths)
      if (p.front() == m.name) rest.emplace_back(p.begin() + 1, p.end());
    if (rest.empty()) continue;
    std::string_view name = m.text.substr(0, m.text.size() - m.value.size() - 1);
    out += (out.size() > 1 ? "," : "") + std::string(name) + ":" + select(m.value, rest);
  }
  return out + "}";
}

std::string drop_items(std::string_view object, std::string_view array, std::string_view key,
                       std::string_view unwanted) {
  std::string out = "{";
  for (const Member &m : members(object)) {
    out += out.size() > 1 ? "," : "";
    if (m.name != array || m.value.empty() || m.value.front() != '[') {
      out += m.text;
      continue;
    }
    out += std::string(m.text.substr(0, m.text.size() - m.value.size())) + "[";
    bool first = true;
    for (std::string_view item : items(m.value)) {
      bool drop = false;
      if (!item.empty() && item.front() == '{')
        for (const Member &field : members(item))
          if (field.name == key && field.value.size() >= 2 && decode_name(field.value) == unwanted) drop = true;
      if (drop) continue;
      out += (first ? "" : ",") + std::string(item);
      first = false;
    }
    out += "]";
  }
  return out + "}";
}

std::string insert_after(std::string_view object, std::string_view after, std::string_view name,
                         std::string_view member) {
  std::string out = "{";
  bool inserted = false;
  std::string added = "\"" + std::string(name) + "\":" + std::string(member);
  for (const Member &m : members(object)) {
    out += (out.size() > 1 ? "," : "") + std::string(m.text);
    if (!inserted && m.name == after) out += "," + added, inserted = true;
  }
  if (!inserted) out += (out.size() > 1 ? "," : "") + added;
  return out + "}";
}

}  // namespace postparse_cli::json_text
