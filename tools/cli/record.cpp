#include "record.h"

#include <nlohmann/json.hpp>

#include "json_text.h"

namespace postparse_cli {
namespace {

using Json = nlohmann::ordered_json;
using Path = json_text::Path;

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

// Applies --content-only, --encoding and --fields to the library's JSON,
// as text (json_text.h): numbers stay as written, whatever their size.
std::string reshape(const std::string &json, const RecordStyle &style) {
  std::string record = json;
  if (style.content_only) record = json_text::drop_items(record, "paragraphs", "class", "boilerplate");
  if (!style.encoding.empty()) {
    // The spans are offsets into the decoded UTF-8, not into the file.
    Json encoding = {{"name", style.encoding}, {"spans", "utf-8 text decoded from the file"}};
    record = json_text::insert_after(record, "source", "encoding", encoding.dump(-1, ' ', false, Json::error_handler_t::replace));
  }
  if (!style.fields.empty()) record = json_text::select(record, split_fields(style.fields));
  return record;
}

// --explain in text: every paragraph, under a line saying its class and
// what set it ("[boilerplate copyright] default/copyright: matches /…/").
std::string explained_text(const postparse::Document &doc) {
  std::string out;
  for (const postparse::Paragraph &p : doc.paragraphs()) {
    if (!out.empty()) out += '\n';
    out += p.boilerplate ? "[boilerplate " + std::string(p.reason) + "] " : std::string("[content] ");
    if (p.rule.empty()) out += "no rule or signal";
    else out += std::string(p.rule) + (p.evidence.empty() ? "" : ": " + std::string(p.evidence));
    out += '\n';
    out += p.text;
    out += '\n';
  }
  return out;
}

}  // namespace

bool is_json_format(const std::string &format) { return format == "jsonl" || format == "json"; }

std::string post_record(const postparse::Document &doc, const RecordStyle &style) {
  unsigned flags = style.boilerplate ? POSTPARSE_OUTPUT_BOILERPLATE : 0;
  if (style.format == "text") return style.explain ? explained_text(doc) : doc.to_text(flags);
  if (style.format == "markdown") return doc.to_markdown(flags);
  std::string json = doc.to_json(style.explain ? POSTPARSE_JSON_EXPLAIN : 0);
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
  std::string text = record.dump(-1, ' ', false, Json::error_handler_t::replace);
  return style.fields.empty() ? text : json_text::select(text, split_fields(style.fields));
}

std::string check_fields(const std::vector<std::string> &fields) {
  for (const std::string &field : fields) {
    if (field.empty() || field.front() == '.' || field.back() == '.' || field.find("..") != std::string::npos)
      return "--fields '" + field + "': give dotted member names, e.g. source,front_matter.data,paragraphs.text";
  }
  return "";
}

}  // namespace postparse_cli
