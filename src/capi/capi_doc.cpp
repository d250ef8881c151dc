// postparse_doc_*: parsing, the parts of the post, diagnostics and renderings.
#include <cstdlib>
#include <cstring>

#include "capi/handles.h"
#include "output/document_json.h"
#include "output/text_output.h"

using postparse::capi::give;
using postparse::capi::guarded;
using postparse::capi::span_of;
using postparse::capi::view;
namespace impl = postparse::impl;

namespace {

// The text and Markdown renderings share their contract: flags 0 or
// POSTPARSE_OUTPUT_BOILERPLATE, a malloc'd NUL-terminated result.
postparse_status render_paragraphs(const postparse_doc *doc, unsigned flags, char **out, size_t *len,
                      std::string (*renderer)(const impl::Document &, bool)) {
  if (out) *out = nullptr;
  if (len) *len = 0;
  if (!doc || !out || (flags & ~POSTPARSE_OUTPUT_BOILERPLATE)) return POSTPARSE_ERR_INVALID_ARGUMENT;
  return guarded([&] { return give(renderer(*doc->doc, (flags & POSTPARSE_OUTPUT_BOILERPLATE) != 0), out, len); });
}

}  // namespace

extern "C" {

namespace {

postparse_status parse(const char *data, size_t len, const postparse_options *options, postparse_doc **out,
                       impl::InputOwnership ownership) noexcept {
  if (!out) return POSTPARSE_ERR_INVALID_ARGUMENT;
  *out = nullptr;
  if (!data && len > 0) return POSTPARSE_ERR_INVALID_ARGUMENT;
  return guarded([&] {
    static const postparse_options kDefaults{};
    const postparse_options &opts = options ? *options : kDefaults;
    if (len > opts.options.limits.input_bytes) return POSTPARSE_ERR_INPUT_TOO_LARGE;
    auto doc = std::make_unique<postparse_doc>();
    doc->doc = impl::parse_document(std::string_view(data ? data : "", len), opts.options, opts.profiles, ownership);
    *out = doc.release();
    return POSTPARSE_OK;
  });
}

}  // namespace

postparse_status postparse_doc_parse(const char *data, size_t len, const postparse_options *options,
                                     postparse_doc **out) noexcept {
  return parse(data, len, options, out, impl::InputOwnership::copy);
}

postparse_status postparse_doc_parse_borrowed(const char *data, size_t len, const postparse_options *options,
                                              postparse_doc **out) noexcept {
  return parse(data, len, options, out, impl::InputOwnership::borrow);
}

void postparse_doc_free(postparse_doc *doc) noexcept { delete doc; }

postparse_str postparse_doc_source(const postparse_doc *doc) noexcept {
  return doc ? view(doc->doc->text()) : view({});
}

postparse_format postparse_doc_format(const postparse_doc *doc) noexcept {
  return doc ? static_cast<postparse_format>(doc->doc->split.format) : POSTPARSE_FORMAT_NONE;
}

postparse_status postparse_doc_front_matter_span(const postparse_doc *doc, postparse_span *out) noexcept {
  if (!doc || !out) return POSTPARSE_ERR_INVALID_ARGUMENT;
  const impl::Split &s = doc->doc->split;
  if (s.format == impl::Format::none) return POSTPARSE_ERR_NOT_FOUND;
  return guarded([&] {
    *out = span_of(*doc->doc, s.block_begin, s.block_end);
    return POSTPARSE_OK;
  });
}

postparse_status postparse_doc_front_matter_content_span(const postparse_doc *doc, postparse_span *out) noexcept {
  if (!doc || !out) return POSTPARSE_ERR_INVALID_ARGUMENT;
  const impl::Split &s = doc->doc->split;
  if (s.format == impl::Format::none) return POSTPARSE_ERR_NOT_FOUND;
  return guarded([&] {
    *out = span_of(*doc->doc, s.content_begin, s.content_end);
    return POSTPARSE_OK;
  });
}

postparse_status postparse_doc_body_span(const postparse_doc *doc, postparse_span *out) noexcept {
  if (!doc || !out) return POSTPARSE_ERR_INVALID_ARGUMENT;
  return guarded([&] {
    *out = span_of(*doc->doc, doc->doc->split.body_begin, doc->doc->source.size());
    return POSTPARSE_OK;
  });
}

postparse_str postparse_doc_body(const postparse_doc *doc) noexcept {
  return doc ? view(doc->doc->body()) : view({});
}

const postparse_value *postparse_doc_front_matter(const postparse_doc *doc) noexcept {
  return doc ? postparse::capi::wrap(doc->doc->front_matter.root) : nullptr;
}

size_t postparse_doc_date_count(const postparse_doc *doc) noexcept {
  return doc ? doc->doc->front_matter.dates.size() : 0;
}

postparse_status postparse_doc_date_at(const postparse_doc *doc, size_t index, postparse_date *out) noexcept {
  if (!doc || !postparse::capi::fits(out)) return POSTPARSE_ERR_INVALID_ARGUMENT;
  const auto &all = doc->doc->front_matter.dates;
  if (index >= all.size()) return POSTPARSE_ERR_NOT_FOUND;
  postparse_date date{};
  date.size = sizeof date;
  date.pointer = view(all[index].pointer);
  date.value = postparse::capi::wrap(all[index].value);
  date.time = postparse::capi::to_public(all[index].instant);
  postparse::capi::fill(out, date);
  return POSTPARSE_OK;
}

postparse_body_format postparse_doc_body_format(const postparse_doc *doc) noexcept {
  return doc && doc->doc->body_format == impl::BodyFormat::markdown ? POSTPARSE_BODY_MARKDOWN : POSTPARSE_BODY_HTML;
}

size_t postparse_doc_diagnostic_count(const postparse_doc *doc) noexcept {
  return doc ? doc->doc->diagnostics.size() : 0;
}

postparse_status postparse_doc_diagnostic_at(const postparse_doc *doc, size_t index,
                                             postparse_diagnostic *out) noexcept {
  if (!doc || !postparse::capi::fits(out)) return POSTPARSE_ERR_INVALID_ARGUMENT;
  const auto &all = doc->doc->diagnostics;
  if (index >= all.size()) return POSTPARSE_ERR_NOT_FOUND;
  postparse::capi::fill(out, postparse::capi::to_public(all[index]));
  return POSTPARSE_OK;
}

postparse_status postparse_doc_to_json(const postparse_doc *doc, unsigned flags, char **out, size_t *len) noexcept {
  if (out) *out = nullptr;
  if (len) *len = 0;
  if (!doc || !out || (flags & ~POSTPARSE_JSON_EXPLAIN)) return POSTPARSE_ERR_INVALID_ARGUMENT;
  return guarded([&] { return give(impl::document_to_json(*doc->doc, (flags & POSTPARSE_JSON_EXPLAIN) != 0), out, len); });
}

postparse_status postparse_doc_to_text(const postparse_doc *doc, unsigned flags, char **out, size_t *len) noexcept {
  return render_paragraphs(doc, flags, out, len, &impl::document_to_text);
}

postparse_status postparse_doc_to_markdown(const postparse_doc *doc, unsigned flags, char **out, size_t *len) noexcept {
  return render_paragraphs(doc, flags, out, len, &impl::document_to_markdown);
}

}  // extern "C"
