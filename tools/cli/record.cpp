#include "record.h"

#include <nlohmann/json.hpp>

namespace postparse_cli {
namespace {

using Json = nlohmann::ordered_json;
using Path = std::vector<std::string>;

std::vector<Path> split_fields(const std::vector<std::string> &fields) {
  std::vector<Path> out;
  for (const std::string &field : fields) {
    Path path;
    std::size_t start = 0;
    for (std::size_t dot; (dot = field.find('.', start)) != std::string::npos; start = dot + 1)
      path.push_back(field.substr(start, dot - start));
    path.push_back(field.substr(start));
    out.push_back(path);
  }
  return out;
}

// The parts of `value` the paths name, in the record's own order.  A path
// through an array applies to each of its items ("paragraphs.text": the
// text of every paragraph).
Json select(const Json &value, const std::vector<Path> &paths) {
  for (const Path &p : paths)
    if (p.empty()) return value;
  if (value.is_array()) {
    Json out = Json::array();
    for (const Json &item : value) out.push_back(select(item, paths));
    return out;
  }
  if (!value.is_object()) return nullptr;
  Json out = Json::object();
  for (const auto &[key, member] : value.items()) {
    std::vector<Path> rest;
    for (const Path &p : paths)
      if (p.front() == key) rest.emplace_back(p.begin() + 1, p.end());
    if (!rest.empty()) out[key] = select(member, rest);
  }
  return out;
}

// Applies --content-only, --fields and --encoding to the library's JSON.
std::string reshape(const std::string &json, const RecordStyle &style) {
  Json record = Json::parse(json);
  if (style.content_only && record["paragraphs"].is_array()) {
    Json kept = Json::array();
    for (Json &p : record["paragraphs"])
      if (p.value("class", "content") != "boilerplate") kept.push_back(std::move(p));
    record["paragraphs"] = std::move(kept);
  }
  if (!style.encoding.empty()) {
    // The spans are offsets into the decoded UTF-8, not into the file.
    Json with = Json::object();
    for (auto &[key, member] : record.items()) {
      with[key] = std::move(member);
      if (key == "source") with["encoding"] = {{"name", style.encoding}, {"spans", "utf-8 text decoded from the file"}};
    }
    record = std::move(with);
  }
  if (!style.fields.empty()) record = select(record, split_fields(style.fields));
  return record.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

bool is_json_format(const std::string &format) { return format == "jsonl" || format == "json"; }

std::string post_record(const postparse::Document &doc, const RecordStyle &style) {
  unsigned flags = style.boilerplate ? POSTPARSE_OUTPUT_BOILERPLATE : 0;
  if (style.format == "text") return doc.to_text(flags);
  if (style.format == "markdown") return doc.to_markdown(flags);
  std::string json = doc.to_json();
  if (!style.content_only && style.fields.empty() && style.encoding.empty()) return json;
  return reshape(json, style);
}

std::string io_record(const std::string &path, const std::string &problem, const RecordStyle &style) {
  if (!is_json_format(style.format)) return "";
  Json record = {{"schema", 2},
                 {"source", path},
                 {"front_matter", nullptr},
                 {"body", nullptr},
                 {"paragraphs", Json::array()},
                 {"editorial", Json::object()},
                 {"images", Json::array()},
                 {"links", Json::array()},
                 {"comments", Json::array()},
                 {"diagnostics",
                  {{{"code", "io"},
                    {"severity", "error"},
                    {"part", "input"},
                    {"message", problem},
                    {"offset", 0},
                    {"line", 0},
                    {"column", 0}}}}};
  if (!style.fields.empty()) record = select(record, split_fields(style.fields));
  return record.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string check_fields(const std::vector<std::string> &fields) {
  for (const std::string &field : fields) {
    if (field.empty() || field.front() == '.' || field.back() == '.' || field.find("..") != std::string::npos)
      return "--fields '" + field + "': give dotted member names, e.g. source,front_matter.data,paragraphs.text";
  }
  return "";
}

}  // namespace postparse_cli
