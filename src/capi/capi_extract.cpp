// postparse_doc_paragraph_* and editorial metadata.
#include "capi/handles.h"

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
  if (!options || form < POSTPARSE_TEXT_NFC || form > POSTPARSE_TEXT_RAW) return POSTPARSE_ERR_INVALID_ARGUMENT;
  options->options.text_form = static_cast<impl::TextForm>(form);
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
  switch (field) {
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
