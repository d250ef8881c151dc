// Shared by the edit tests: comparing front matter trees through the public
// API and diffing the lines of two texts.
#pragma once

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "postparse/postparse.hpp"

namespace test {

// "" when `a` and `b` hold the same data, else where they differ.  With
// `loose_dates`, a date and a string (or two dates) are the same when they
// read as the same instant — what a conversion through JSON, which has no
// dates, or through TOML, which spells dates its own way, keeps.
inline std::string data_difference(postparse::Value a, postparse::Value b, bool loose_dates,
                                   const std::string &at = "") {
  std::string where = at.empty() ? "/" : at;
  postparse_kind ka = a.kind(), kb = b.kind();
  bool datelike_a = ka == POSTPARSE_KIND_TIMESTAMP || ka == POSTPARSE_KIND_STRING;
  bool datelike_b = kb == POSTPARSE_KIND_TIMESTAMP || kb == POSTPARSE_KIND_STRING;
  if (loose_dates && datelike_a && datelike_b &&
      (ka == POSTPARSE_KIND_TIMESTAMP || kb == POSTPARSE_KIND_TIMESTAMP)) {
    auto ta = a.as_time(), tb = b.as_time();
    if (!ta || !tb) return where + ": a date and a non-date";
    if (ta->unix_seconds != tb->unix_seconds || ta->nanoseconds != tb->nanoseconds)
      return where + ": another instant";
    return "";
  }
  if (ka != kb) return where + ": kind " + std::to_string(ka) + " vs " + std::to_string(kb);
  switch (ka) {
    case POSTPARSE_KIND_NULL:
      return "";
    case POSTPARSE_KIND_BOOL:
      return a.as_bool() == b.as_bool() ? "" : where + ": bool";
    case POSTPARSE_KIND_INT:
      if (a.is_big() || b.is_big()) return a.text() == b.text() ? "" : where + ": big int";
      return a.as_int() == b.as_int() ? "" : where + ": int";
    case POSTPARSE_KIND_FLOAT: {
      double x = a.as_double(), y = b.as_double();
      return x == y || (std::isnan(x) && std::isnan(y)) ? "" : where + ": float";
    }
    case POSTPARSE_KIND_STRING:
    case POSTPARSE_KIND_TIMESTAMP:
      return a.text() == b.text()
                 ? ""
                 : where + ": '" + std::string(a.text()) + "' vs '" + std::string(b.text()) + "'";
    default:
      break;
  }
  if (a.size() != b.size())
    return where + ": size " + std::to_string(a.size()) + " vs " + std::to_string(b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    std::string step = at + "/" + std::to_string(i);
    if (ka == POSTPARSE_KIND_MAPPING) {
      if (a.key_at(i).text() != b.key_at(i).text())
        return where + ": key '" + std::string(a.key_at(i).text()) + "' vs '" +
               std::string(b.key_at(i).text()) + "'";
      step = at + "/" + std::string(a.key_at(i).text());
    }
    std::string d = data_difference(a[i], b[i], loose_dates, step);
    if (!d.empty()) return d;
  }
  return "";
}

// The lines of `text`, each with its line break.
inline std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    out.push_back(text.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

// The one changed region of two texts, in lines: the lines [first,
// old_end) of `before` were replaced by [first, new_end) of `after`.
struct LineChange {
  std::size_t first = 0, old_end = 0, new_end = 0;
  std::size_t removed() const { return old_end - first; }
  std::size_t added() const { return new_end - first; }
};

inline LineChange line_change(std::string_view before, std::string_view after) {
  auto a = lines_of(before), b = lines_of(after);
  std::size_t first = 0;
  while (first < a.size() && first < b.size() && a[first] == b[first]) ++first;
  std::size_t tail = 0;
  while (tail < a.size() - first && tail < b.size() - first &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
    ++tail;
  return LineChange{first, a.size() - tail, b.size() - tail};
}

// The status `call` throws as a postparse::Error, or POSTPARSE_OK.
template <class Call>
postparse_status status_of(Call call) {
  try {
    call();
  } catch (const postparse::Error &e) {
    return e.status();
  }
  return POSTPARSE_OK;
}

// `post` with `apply`'s edits, rendered.
inline std::string edited(std::string_view post, void (*apply)(postparse::Edit &)) {
  postparse::Document doc = postparse::Document::parse(post);
  postparse::Edit edit(doc);
  apply(edit);
  return edit.render();
}

// The 0-based line of byte `offset`.
inline std::size_t line_of(std::string_view text, std::size_t offset) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) n += text[i] == '\n';
  return n;
}

}  // namespace test
