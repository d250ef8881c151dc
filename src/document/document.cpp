#include "document/document.h"

#include <algorithm>

#include "extract/apply_profile.h"
#include "extract/classify.h"
#include "extract/segment.h"
#include "postparse/postparse.h"

namespace postparse::impl {

namespace {

int limit_code(std::string_view event) {
  if (event == "node-limit-exceeded") return POSTPARSE_ERR_NODE_LIMIT;
  if (event == "depth-limit-exceeded") return POSTPARSE_ERR_DEPTH_LIMIT;
  return POSTPARSE_ERR_ATTRIBUTE_LIMIT;
}

std::string limit_message(std::string_view event, const Limits &limits) {
  if (event == "node-limit-exceeded")
    return "the body has more than " + std::to_string(limits.html_nodes) +
           " nodes (HTML node limit); the rest of it is not in the tree";
  if (event == "depth-limit-exceeded")
    return "elements nest deeper than " + std::to_string(limits.html_depth) +
           " levels (HTML depth limit); deeper ones were made siblings";
  return "an element has more than " + std::to_string(limits.html_attributes) +
         " attributes (HTML attribute limit); the rest were dropped";
}

// The HTML stage over the body.
void parse_body(Document &doc, DiagnosticSink &sink) {
  html::HtmlOptions options;
  options.mode = doc.options.html_mode;
  options.scripting = doc.options.scripting;
  options.record_errors = doc.options.html_errors;
  options.limits.max_nodes = doc.options.limits.html_nodes;
  options.limits.max_depth = doc.options.limits.html_depth;
  options.limits.max_attributes = doc.options.limits.html_attributes;
  options.limits.max_errors = doc.options.limits.diagnostics;
  doc.html = html::parse_html(doc.body(), doc.split.body_begin, options);
  for (const html::ParseError &e : doc.html.limit_events)
    sink.add(limit_code(e.code), Severity::warning, Part::body, limit_message(e.code, doc.options.limits), e.offset);
  for (const html::ParseError &e : doc.html.errors) {
    if (e.code.size() > 14 && e.code.substr(e.code.size() - 14) == "limit-exceeded") continue;  // above
    sink.add(POSTPARSE_ERR_HTML, Severity::note, Part::body, std::string(e.code), e.offset);
  }
}

// The extract stage over the body's DOM.
void extract_body(Document &doc) {
  extract::NormalizeOptions options;
  options.form = doc.options.text_form == TextForm::nfkc ? extract::UnicodeForm::nfkc : extract::UnicodeForm::nfc;
  options.raw = doc.options.text_form == TextForm::raw;
  doc.extraction = extract::segment(*doc.html.dom, doc.html.root, options);

  std::vector<const extract::Profile *> profiles;
  if (doc.options.default_profile) profiles.push_back(extract::default_profile().get());
  for (const auto &profile : doc.options.profiles) profiles.push_back(profile.get());
  std::vector<std::string> markers;
  for (const extract::Profile *profile : profiles)
    markers.insert(markers.end(), profile->markers.begin(), profile->markers.end());
  extract::classify(doc.extraction, markers);
  extract::apply_profiles(doc.extraction, doc.html.root, profiles);
}

}  // namespace

std::unique_ptr<Document> parse_document(std::string_view input, const Options &options) {
  auto doc = std::make_unique<Document>();
  doc->source.assign(input.data(), input.size());
  doc->options = options;
  doc->lines = std::make_unique<LineIndex>(doc->source);
  doc->source_text = SourceText{doc->text(), doc->lines.get(), options.zone};
  DiagnosticSink sink(options.limits.diagnostics);

  SplitOptions split_options;
  split_options.hexo_unfenced = options.hexo_unfenced;
  split_options.is_mapping = [&](std::string_view candidate) {
    return candidate.size() <= options.limits.front_matter_bytes && yaml_is_mapping(candidate);
  };
  doc->split = split_post(doc->text(), split_options, sink);

  LoadContext context{doc->options, doc->source_text, doc->arena, sink};
  doc->front_matter = load_front_matter(doc->text(), doc->split, context);

  parse_body(*doc, sink);
  extract_body(*doc);

  doc->diagnostics = sink.finish();
  for (Diagnostic &d : doc->diagnostics) {
    LineColumn where = doc->lines->locate(d.offset);
    d.line = where.line;
    d.column = where.column;
  }
  return doc;
}

}  // namespace postparse::impl
