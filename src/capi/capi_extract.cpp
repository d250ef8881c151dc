// postparse_doc_paragraph_* and editorial metadata.
#include "capi/handles.h"

using postparse::capi::enum_value;
using postparse::capi::span_of;
using postparse::capi::view;
namespace impl = postparse::impl;

namespace {

const impl::extract::Paragraph *paragraph(const postparse_doc *doc, size_t index) {
  if (!doc || index >= doc->doc->extraction.paragraphs.size()) return nullptr;
  return &doc->doc->extraction.paragraphs[index];
}

}  // namespace

extern "C" {

int postparse_options_set_text_form(postparse_options *options, postparse_text_form form) noexcept {
  int value = enum_value(form);
  if (!options || value < POSTPARSE_TEXT_NFC || value > POSTPARSE_TEXT_RAW) return POSTPARSE_ERR_INVALID_ARGUMENT;
  options->options.text_form = static_cast<impl::TextForm>(value);
  return POSTPARSE_OK;
}

size_t postparse_doc_paragraph_count(const postparse_doc *doc) noexcept {
  return doc ? doc->doc->extraction.paragraphs.size() : 0;
}

postparse_str postparse_doc_paragraph_text(const postparse_doc *doc, size_t index) noexcept {
  const impl::extract::Paragraph *p = paragraph(doc, index);
  return p ? view(p->text) : view({});
}

int postparse_doc_paragraph_kind(const postparse_doc *doc, size_t index, postparse_paragraph_kind *kind,
                                 int *level) noexcept {
  if (!doc || !kind) return POSTPARSE_ERR_INVALID_ARGUMENT;
  const impl::extract::Paragraph *p = paragraph(doc, index);
  if (!p) return POSTPARSE_ERR_NOT_FOUND;
  *kind = static_cast<postparse_paragraph_kind>(p->kind);
  if (level) *level = p->level;
  return POSTPARSE_OK;
}

int postparse_doc_paragraph_is_boilerplate(const postparse_doc *doc, size_t index, postparse_str *reason) noexcept {
  const impl::extract::Paragraph *p = paragraph(doc, index);
  if (reason) *reason = p ? view(p->reason) : view({});
  return p && p->cls == impl::extract::ParagraphClass::boilerplate;
}

int postparse_doc_paragraph_span(const postparse_doc *doc, size_t index, postparse_span *out) noexcept {
  if (!doc || !out) return POSTPARSE_ERR_INVALID_ARGUMENT;
  const impl::extract::Paragraph *p = paragraph(doc, index);
  if (!p) return POSTPARSE_ERR_NOT_FOUND;
  *out = span_of(*doc->doc, p->begin, p->end);
  return POSTPARSE_OK;
}

postparse_str postparse_doc_editorial(const postparse_doc *doc, postparse_editorial field) noexcept {
  if (!doc) return view({});
  const impl::extract::Editorial &e = doc->doc->extraction.editorial;
  switch (enum_value(field)) {
    case POSTPARSE_EDITORIAL_EDITOR: return view(e.editor);
    case POSTPARSE_EDITORIAL_SOURCE: return view(e.source);
    case POSTPARSE_EDITORIAL_ORIGINAL_TITLE: return view(e.original_title);
  }
  return view({});
}

size_t postparse_doc_reporter_count(const postparse_doc *doc) noexcept {
  return doc ? doc->doc->extraction.editorial.reporters.size() : 0;
}

postparse_str postparse_doc_reporter(const postparse_doc *doc, size_t index) noexcept {
  if (!doc || index >= doc->doc->extraction.editorial.reporters.size()) return view({});
  return view(doc->doc->extraction.editorial.reporters[index]);
}

}  // extern "C"

// Inline spans, images, links, comments, the excerpt marker and metadata.
extern "C" {

size_t postparse_doc_inline_count(const postparse_doc *doc, size_t index) noexcept {
  const impl::extract::Paragraph *p = paragraph(doc, index);
  return p ? p->spans.size() : 0;
}

int postparse_doc_inline(const postparse_doc *doc, size_t index, size_t span, postparse_inline *out) noexcept {
  if (!doc || !out) return POSTPARSE_ERR_INVALID_ARGUMENT;
  const impl::extract::Paragraph *p = paragraph(doc, index);
  if (!p || span >= p->spans.size()) return POSTPARSE_ERR_NOT_FOUND;
  const impl::extract::InlineSpan &s = p->spans[span];
  *out = postparse_inline{static_cast<postparse_inline_kind>(s.kind), view(impl::extract::span_text(*p, s)), view(s.href),
                          s.text_offset, s.text_length, span_of(*doc->doc, s.begin, s.end)};
  return POSTPARSE_OK;
}

size_t postparse_doc_image_count(const postparse_doc *doc) noexcept {
  return doc ? doc->doc->extraction.images.size() : 0;
}

int postparse_doc_image(const postparse_doc *doc, size_t index, postparse_image *out) noexcept {
  if (!doc || !out) return POSTPARSE_ERR_INVALID_ARGUMENT;
  const auto &images = doc->doc->extraction.images;
  if (index >= images.size()) return POSTPARSE_ERR_NOT_FOUND;
  const impl::extract::Image &i = images[index];
  *out = postparse_image{view(i.src), view(i.alt), view(i.cls), span_of(*doc->doc, i.begin, i.end),
                         i.boilerplate ? 1 : 0, view(i.reason)};
  return POSTPARSE_OK;
}

size_t postparse_doc_link_count(const postparse_doc *doc) noexcept {
  return doc ? doc->doc->extraction.links.size() : 0;
}

int postparse_doc_link(const postparse_doc *doc, size_t index, postparse_link *out) noexcept {
  if (!doc || !out) return POSTPARSE_ERR_INVALID_ARGUMENT;
  const auto &links = doc->doc->extraction.links;
  if (index >= links.size()) return POSTPARSE_ERR_NOT_FOUND;
  const impl::extract::Link &l = links[index];
  *out = postparse_link{view(l.href), view(l.text), span_of(*doc->doc, l.begin, l.end)};
  return POSTPARSE_OK;
}

size_t postparse_doc_comment_count(const postparse_doc *doc) noexcept {
  return doc ? doc->doc->extraction.comments.size() : 0;
}

postparse_str postparse_doc_comment(const postparse_doc *doc, size_t index, postparse_span *span) noexcept {
  if (!doc || index >= doc->doc->extraction.comments.size()) return view({});
  const impl::extract::Comment &c = doc->doc->extraction.comments[index];
  if (span) *span = span_of(*doc->doc, c.begin, c.end);
  return view(c.text);
}

int postparse_doc_excerpt(const postparse_doc *doc, size_t *paragraphs) noexcept {
  if (!doc || !doc->doc->extraction.has_excerpt_marker) return 0;
  if (paragraphs) *paragraphs = doc->doc->extraction.excerpt_paragraphs;
  return 1;
}

size_t postparse_doc_metadata_count(const postparse_doc *doc) noexcept {
  return doc ? doc->doc->extraction.metadata.size() : 0;
}

int postparse_doc_metadata(const postparse_doc *doc, size_t index, postparse_metadata *out) noexcept {
  if (!doc || !out) return POSTPARSE_ERR_INVALID_ARGUMENT;
  const auto &all = doc->doc->extraction.metadata;
  if (index >= all.size()) return POSTPARSE_ERR_NOT_FOUND;
  const impl::extract::MetadataEntry &m = all[index];
  *out = postparse_metadata{view(m.key), view(m.value), view(m.rule), span_of(*doc->doc, m.begin, m.end)};
  return POSTPARSE_OK;
}

}  // extern "C"
