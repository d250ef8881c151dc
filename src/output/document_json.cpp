#include "output/document_json.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

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
  switch (p) {
    case Part::split: return "split";
    case Part::front_matter: return "front_matter";
    case Part::body: return "body";
    case Part::profile: return "profile";
  }
  return "body";
}

// The members of a span object, so that objects that are a span plus more
// (the body) write them the same way.
void write_span_members(JsonWriter &w, const SourceSpan &span) {
  w.key("offset"), w.unsigned_integer(span.offset);
  w.key("length"), w.unsigned_integer(span.length);
  w.key("line"), w.unsigned_integer(span.line);
  w.key("column"), w.unsigned_integer(span.column);
}

void write_span(JsonWriter &w, const Document &doc, std::size_t begin, std::size_t end) {
  const SourceSpan span = doc.lines->span(begin, end);
  w.span_object(span.offset, span.length, span.line, span.column);
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

void write_value(JsonWriter &w, const Value &v, const JsonKeyNames &names) {
  switch (v.kind) {
    case Kind::null: return w.null();
    case Kind::boolean: return w.boolean(v.boolean);
    case Kind::integer: return v.big ? write_big_integer(w, v.text) : w.integer(v.integer);
    case Kind::floating: return w.number(v.floating);
    case Kind::string:
    case Kind::timestamp: return w.string(v.text);
    case Kind::sequence:
      w.begin_array();
      for (const Value *item : v.items) write_value(w, *item, names);
      return w.end_array();
    case Kind::mapping:
      w.begin_object();
      for (std::size_t i = 0; i < v.items.size(); ++i) {
        w.key(names.name(v, i));
        write_value(w, *v.items[i], names);
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
  if (doc.front_matter.root) write_value(w, *doc.front_matter.root, doc.front_matter.json_keys);
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

const char *kind_name(extract::ParagraphKind kind) {
  static const char *const kNames[] = {"paragraph", "heading", "list_item", "quote", "pre", "table_cell", "caption"};
  return kNames[static_cast<int>(kind)];
}

const char *span_kind_name(extract::InlineSpan::Kind kind) {
  static const char *const kNames[] = {"link", "emphasis", "strong", "code"};
  return kNames[static_cast<int>(kind)];
}

void write_paragraph(JsonWriter &w, const Document &doc, const extract::Paragraph &p, bool explain) {
  w.begin_object();
  w.key("kind"), w.string(kind_name(p.kind));
  if (p.kind == extract::ParagraphKind::heading) w.key("level"), w.integer(p.level);
  w.key("class"), w.string(p.cls == extract::ParagraphClass::content ? "content" : "boilerplate");
  if (!p.reason.empty()) w.key("reason"), w.string(p.reason);
  if (explain) {
    w.key("rule");
    if (p.rule.empty()) w.null();
    else w.string(p.rule);
    w.key("evidence");
    if (p.rule.empty()) w.null();
    else w.string(p.evidence);
  }
  w.key("text"), w.string(p.text);
  w.key("span"), write_span(w, doc, p.begin, p.end);
  if (!p.spans.empty()) {
    w.key("inline");
    w.begin_array();
    for (const extract::InlineSpan &s : p.spans) {
      w.begin_object();
      w.key("kind"), w.string(span_kind_name(s.kind));
      if (s.kind == extract::InlineSpan::Kind::link) w.key("href"), w.string(s.href);
      w.key("text_offset"), w.unsigned_integer(s.text_offset);
      w.key("text_length"), w.unsigned_integer(s.text_length);
      w.key("span"), write_span(w, doc, s.begin, s.end);
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
}

// The fields the built-in profile captures, written first in this order
// whenever they were captured; editor, source and original_title have one
// value (the first captured), written as a string.
constexpr std::string_view kKnownKeys[] = {"editor", "reporters", "source", "original_title"};

bool is_known(std::string_view key) {
  return std::find(std::begin(kKnownKeys), std::end(kKnownKeys), key) != std::end(kKnownKeys);
}

// Every captured key once: the known fields first, then every other key in
// the order first captured, as the list of its distinct values in the order
// found (the C ABI keeps every entry, repeats included).
void write_editorial(JsonWriter &w, const std::vector<extract::EditorialEntry> &entries) {
  std::unordered_map<std::string_view, std::vector<std::string_view>> values;
  std::vector<std::string_view> keys(std::begin(kKnownKeys), std::end(kKnownKeys));
  for (const extract::EditorialEntry &e : entries) {
    auto [it, fresh] = values.try_emplace(e.key);
    if (fresh && !is_known(e.key)) keys.push_back(e.key);
    std::vector<std::string_view> &list = it->second;
    if (std::find(list.begin(), list.end(), e.value) == list.end()) list.push_back(e.value);
  }
  w.begin_object();
  for (std::string_view key : keys) {
    auto found = values.find(key);
    if (found == values.end()) continue;
    w.key(key);
    if (is_known(key) && key != "reporters") {
      w.string(found->second.front());
      continue;
    }
    w.begin_array();
    for (std::string_view value : found->second) w.string(value);
    w.end_array();
  }
  w.end_object();
}

void write_extraction(JsonWriter &w, const Document &doc, bool explain) {
  const extract::Extraction &x = doc.extraction;
  w.key("paragraphs");
  w.begin_array();
  for (const extract::Paragraph &p : x.paragraphs) write_paragraph(w, doc, p, explain);
  w.end_array();
  w.key("editorial"), write_editorial(w, x.editorial);
  w.key("images");
  w.begin_array();
  for (const extract::Image &i : x.images) {
    w.begin_object();
    w.key("src"), w.string(i.src);
    if (!i.alt.empty()) w.key("alt"), w.string(i.alt);
    if (!i.cls.empty()) w.key("class"), w.string(i.cls);
    w.key("boilerplate"), w.boolean(i.boilerplate);
    if (!i.reason.empty()) w.key("reason"), w.string(i.reason);
    w.key("span"), write_span(w, doc, i.begin, i.end);
    w.end_object();
  }
  w.end_array();
  w.key("links");
  w.begin_array();
  for (const extract::Link &l : x.links) {
    w.begin_object();
    w.key("href"), w.string(l.href);
    w.key("text"), w.string(l.text);
    w.key("span"), write_span(w, doc, l.begin, l.end);
    w.end_object();
  }
  w.end_array();
  w.key("comments");
  w.begin_array();
  for (const extract::Comment &c : x.comments) {
    w.begin_object();
    w.key("text"), w.string(c.text);
    w.key("span"), write_span(w, doc, c.begin, c.end);
    w.end_object();
  }
  w.end_array();
  if (x.has_excerpt_marker) w.key("excerpt_paragraphs"), w.unsigned_integer(x.excerpt_paragraphs);
}

}  // namespace

std::string document_to_json(const Document &doc, bool explain) {
  JsonWriter w;
  w.begin_object();
  // Bumped whenever a field changes meaning or disappears (adding is not a change).
  w.key("schema"), w.integer(2);
  w.key("source");
  if (doc.options.has_source_name) w.string(doc.options.source_name);
  else w.null();
  w.key("front_matter"), write_front_matter(w, doc);
  w.key("body");
  {
    w.begin_object();
    write_span_members(w, doc.lines->span(doc.split.body_begin, doc.source.size()));
    w.key("format"), w.string(doc.body_format == BodyFormat::markdown ? "markdown" : "html");
    w.end_object();
  }
  write_extraction(w, doc, explain);
  w.key("diagnostics"), write_diagnostics(w, doc);
  w.end_object();
  return std::move(w.str());
}

}  // namespace postparse::impl
