#include "output/document_json.h"

#include "common/status.h"
#include "output/json_writer.h"

namespace postparse::impl {
namespace {

const char *format_name(Format format) {
  switch (format) {
    case Format::yaml: return "yaml";
    case Format::json: return "json";
    case Format::toml: return "toml";
    case Format::none: break;
  }
  return "none";
}

const char *severity_name(Severity s) {
  return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "note";
}

const char *part_name(Part p) {
  return p == Part::split ? "split" : p == Part::front_matter ? "front_matter" : "body";
}

void write_span(JsonWriter &w, const Document &doc, std::size_t begin, std::size_t end) {
  LineColumn where = doc.lines->locate(begin);
  w.begin_object();
  w.key("offset"), w.unsigned_integer(begin);
  w.key("length"), w.unsigned_integer(end - begin);
  w.key("line"), w.unsigned_integer(where.line);
  w.key("column"), w.unsigned_integer(where.column);
  w.end_object();
}

// A big integer is written as a JSON number when its text is plain decimal
// (JSON numbers have no size limit), otherwise as its text.
void write_big_integer(JsonWriter &w, const std::string &text) {
  std::string_view digits(text);
  bool negative = !digits.empty() && digits[0] == '-';
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.remove_prefix(1);
  bool decimal = !digits.empty() && digits.find_first_not_of("0123456789") == std::string_view::npos;
  if (!decimal) return w.string(text);
  while (digits.size() > 1 && digits[0] == '0') digits.remove_prefix(1);
  w.raw_number((negative ? "-" : "") + std::string(digits));
}

void write_value(JsonWriter &w, const Value &v) {
  switch (v.kind) {
    case Kind::null: return w.null();
    case Kind::boolean: return w.boolean(v.boolean);
    case Kind::integer: return v.big ? write_big_integer(w, v.text) : w.integer(v.integer);
    case Kind::floating: return w.number(v.floating);
    case Kind::string:
    case Kind::timestamp: return w.string(v.text);
    case Kind::sequence:
      w.begin_array();
      for (const Value *item : v.items) write_value(w, *item);
      return w.end_array();
    case Kind::mapping:
      w.begin_object();
      for (std::size_t i = 0; i < v.items.size(); ++i) {
        w.key(v.keys[i]->text);
        write_value(w, *v.items[i]);
      }
      return w.end_object();
  }
}

void write_front_matter(JsonWriter &w, const Document &doc) {
  const Split &s = doc.split;
  if (s.format == Format::none) return w.null();
  w.begin_object();
  w.key("format"), w.string(format_name(s.format));
  w.key("span"), write_span(w, doc, s.block_begin, s.block_end);
  w.key("content_span"), write_span(w, doc, s.content_begin, s.content_end);
  w.key("data");
  if (doc.front_matter.root) write_value(w, *doc.front_matter.root);
  else w.null();
  w.key("dates");
  w.begin_object();
  for (const DateField &field : doc.front_matter.dates) {
    w.key(field.pointer);
    w.string(dates::format_iso8601(field.instant));
  }
  w.end_object();
  w.end_object();
}

void write_diagnostics(JsonWriter &w, const Document &doc) {
  w.begin_array();
  for (const Diagnostic &d : doc.diagnostics) {
    w.begin_object();
    w.key("code"), w.string(status_name(d.code));
    w.key("status"), w.integer(d.code);
    w.key("severity"), w.string(severity_name(d.severity));
    w.key("part"), w.string(part_name(d.part));
    w.key("message"), w.string(d.message);
    w.key("offset"), w.unsigned_integer(d.offset);
    w.key("line"), w.unsigned_integer(d.line);
    w.key("column"), w.unsigned_integer(d.column);
    w.end_object();
  }
  w.end_array();
}

}  // namespace

std::string document_to_json(const Document &doc) {
  JsonWriter w;
  w.begin_object();
  w.key("source");
  if (doc.options.has_source_name) w.string(doc.options.source_name);
  else w.null();
  w.key("front_matter"), write_front_matter(w, doc);
  w.key("body"), write_span(w, doc, doc.split.body_begin, doc.source.size());
  w.key("diagnostics"), write_diagnostics(w, doc);
  w.end_object();
  return std::move(w.str());
}

}  // namespace postparse::impl
