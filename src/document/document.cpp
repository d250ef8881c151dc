#include "document/document.h"

#include <algorithm>
#include <optional>

#include "extract/apply_profile.h"
#include "extract/classify.h"
#include "extract/structure_signals.h"
#include "extract/segment.h"
#include "markdown/markdown_html.h"
#include "postparse/postparse.h"
#include "split/encoding.h"

namespace postparse::impl {

namespace {

int limit_code(html::TreeLimit limit) {
  switch (limit) {
    case html::TreeLimit::nodes: return POSTPARSE_ERR_NODE_LIMIT;
    case html::TreeLimit::depth: return POSTPARSE_ERR_DEPTH_LIMIT;
    case html::TreeLimit::attributes: return POSTPARSE_ERR_ATTRIBUTE_LIMIT;
  }
  return POSTPARSE_ERR_ATTRIBUTE_LIMIT;
}

std::string limit_message(html::TreeLimit limit, const Limits &limits) {
  switch (limit) {
    case html::TreeLimit::nodes:
      return "the body has more than " + std::to_string(limits.html_nodes) +
             " nodes (HTML node limit); the rest of it is not in the tree";
    case html::TreeLimit::depth:
      return "elements nest deeper than " + std::to_string(limits.html_depth) +
             " levels (HTML depth limit); deeper ones were made siblings";
    case html::TreeLimit::attributes: break;
  }
  return "an element has more than " + std::to_string(limits.html_attributes) +
         " attributes (HTML attribute limit); the rest were dropped";
}

html::HtmlOptions html_options(const Options &options) {
  html::HtmlOptions html;
  html.mode = options.html_mode;
  html.scripting = options.scripting;
  html.record_errors = options.html_errors;
  html.limits = options.limits;
  return html;
}

// A Markdown body is rendered to HTML first; the tree's spans and the
// parse errors' offsets are then mapped back into the post.
void parse_markdown_body(Document &doc) {
  markdown::MarkdownHtml rendered = markdown::markdown_to_html(doc.body(), doc.split.body_begin);
  html::HtmlOptions options = html_options(doc.options);
  options.mode = HtmlMode::fragment;
  doc.html = html::parse_html(rendered.html, 0, options);
  markdown::OffsetMap::Cursor cursor(rendered.map);
  auto to_input = [&](std::size_t at) { return std::min(cursor.to_source(at), doc.source.size()); };
  doc.html.dom->remap_spans(to_input, doc.source.size());
  for (html::ParseError &e : doc.html.errors) e.offset = to_input(e.offset);
  for (html::LimitEvent &e : doc.html.limit_events) e.offset = to_input(e.offset);
}

// The HTML stage over the body (Markdown bodies go through HTML too).
void parse_body(Document &doc, DiagnosticSink &sink) {
  BodyFormat format = doc.options.body_format;
  if (format == BodyFormat::automatic)
    format = markdown::looks_like_markdown(doc.body()) ? BodyFormat::markdown : BodyFormat::html;
  doc.body_format = format;
  if (format == BodyFormat::markdown) parse_markdown_body(doc);
  else doc.html = html::parse_html(doc.body(), doc.split.body_begin, html_options(doc.options));
  for (const html::LimitEvent &e : doc.html.limit_events)
    sink.add(limit_code(e.limit), Severity::warning, Part::body, limit_message(e.limit, doc.options.limits), e.offset);
  for (const html::ParseError &e : doc.html.errors) {
    if (e.is_limit) continue;  // reported above
    sink.add(POSTPARSE_ERR_HTML, Severity::note, Part::body, std::string(e.code), e.offset);
  }
  if (doc.options.html_errors && doc.html.error_total > doc.html.errors.size())
    sink.add_dropped(doc.html.error_total - doc.html.errors.size(), Severity::note);
}

// The extract stage over the body's DOM.
void extract_body(Document &doc, const extract::ProfileSet &profile_set) {
  extract::NormalizeOptions options;
  options.form = doc.options.text_form == TextForm::nfkc ? extract::UnicodeForm::nfkc : extract::UnicodeForm::nfc;
  options.raw = doc.options.text_form == TextForm::raw;
  std::vector<const extract::Profile *> profiles = profile_set.in_order();
  extract::LineJudge line_reason = [&profiles](const std::string &line) {
    return extract::boilerplate_reason_by_patterns(profiles, line);
  };
  doc.extraction = extract::segment(*doc.html.dom, doc.html.root, options, line_reason);

  std::vector<std::string> markers;
  for (const extract::Profile *profile : profiles)
    markers.insert(markers.end(), profile->markers.begin(), profile->markers.end());
  extract::classify(doc.extraction, markers);
  extract::mark_credit_rolls(doc.extraction);
  extract::apply_profiles(doc.extraction, doc.html.root, profiles);
  extract::mark_furniture_headings(doc.extraction);
  extract::keep_only_line(doc.extraction);
}

// The document's text, in UTF-8: the input itself (borrowed) or its copy;
// UTF-16 and UTF-32 with a BOM are decoded into the document's own text
// whatever the ownership (a note says so; ill-formed units are a warning).
void take_input(Document &doc, std::string_view input, InputOwnership ownership, DiagnosticSink &sink) {
  std::optional<DecodedText> decoded = decode_utf16_or_32(input);
  if (!decoded) {
    if (ownership == InputOwnership::borrow) {
      doc.source = input;
    } else {
      doc.owned_source.assign(input.data(), input.size());
      doc.source = doc.owned_source;
    }
    return;
  }
  doc.owned_source = std::move(decoded->utf8);
  doc.source = doc.owned_source;
  sink.add(POSTPARSE_ERR_SYNTAX, Severity::note, Part::split,
           std::string("the input is ") + decoded->encoding +
               " (byte order mark); it was decoded to UTF-8, and offsets refer to the decoded text",
           0);
  if (decoded->bad_count > 0)
    sink.add(POSTPARSE_ERR_SYNTAX, Severity::warning, Part::split,
             std::string("ill-formed ") + decoded->encoding + ": " + decoded->first_bad_kind + "; " +
                 std::to_string(decoded->bad_count) + " code unit(s) read as U+FFFD",
             decoded->first_bad);
}

// The part of the post an offset falls in.
Part part_at(const Split &split, std::size_t offset) {
  if (split.format != Format::none && offset >= split.block_begin && offset < split.block_end)
    return Part::front_matter;
  return offset >= split.body_begin ? Part::body : Part::split;
}

// One warning per post for ill-formed UTF-8, at the first bad sequence, in
// whichever part it is: every stage reads such bytes as U+FFFD, and a post
// in GBK, Big5 or Latin-1 would otherwise turn into replacement characters
// without a word.
void report_ill_formed_utf8(const Document &doc, DiagnosticSink &sink) {
  Utf8Check check = check_utf8(doc.text());
  if (check.bad_count == 0) return;
  sink.add(POSTPARSE_ERR_SYNTAX, Severity::warning, part_at(doc.split, check.first_bad),
           "ill-formed UTF-8 (" + std::to_string(check.bad_count) +
               " sequence(s) in the post, read as U+FFFD); postparse reads UTF-8, or UTF-16/UTF-32 "
               "with a byte order mark: is the post in another encoding (GBK, Big5, Latin-1)?",
           check.first_bad);
}

}  // namespace

std::unique_ptr<Document> parse_document(std::string_view input, const Options &options,
                                         const extract::ProfileSet &profiles, InputOwnership ownership) {
  auto doc = std::make_unique<Document>();
  DiagnosticSink sink(options.limits.diagnostics);
  take_input(*doc, input, ownership, sink);
  doc->options = options;
  doc->lines = std::make_unique<LineIndex>(doc->source);
  doc->source_text = SourceText{doc->text(), doc->lines.get(), options.zone};

  SplitOptions split_options;
  split_options.hexo_unfenced = options.hexo_unfenced;
  split_options.is_mapping = [&](std::string_view candidate) {
    return candidate.size() <= options.limits.front_matter_bytes && yaml_is_mapping(candidate, options.limits.depth);
  };
  doc->split = split_post(doc->text(), split_options, sink);
  report_ill_formed_utf8(*doc, sink);

  LoadContext context{doc->options, doc->source_text, doc->arena, sink};
  context.check_utf8 = false;  // report_ill_formed_utf8 covers the whole post
  doc->front_matter = load_front_matter(doc->text(), doc->split, context);

  parse_body(*doc, sink);
  extract_body(*doc, profiles);

  doc->diagnostics = sink.finish();
  locate_diagnostics(doc->diagnostics, *doc->lines);
  return doc;
}

}  // namespace postparse::impl
