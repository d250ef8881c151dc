// postparse_doc_*: what extraction found in the body — paragraphs with
// their inline spans, images, links, comments, the excerpt marker and the
// editorial fields.
#include "capi/handles.h"

using postparse::capi::fill;
using postparse::capi::fits;
using postparse::capi::span_of;
using postparse::capi::view;
namespace impl = postparse::impl;
namespace extract = postparse::impl::extract;

namespace {

const extract::Paragraph *paragraph(const postparse_doc *doc, size_t index) {
  if (!doc || index >= doc->doc->extraction.paragraphs.size()) return nullptr;
  return &doc->doc->extraction.paragraphs[index];
}

// The common shape of the indexed accessors: argument checks, range check,
// then the record converted and copied into the caller's growing struct.
template <class Public, class Record, class Convert>
postparse_status copy_out(const postparse_doc *doc, const std::vector<Record> *records, size_t index, Public *out,
                          Convert convert) {
  if (!doc || !fits(out)) return POSTPARSE_ERR_INVALID_ARGUMENT;
  if (!records || index >= records->size()) return POSTPARSE_ERR_NOT_FOUND;
  Public value{};
  value.size = sizeof value;
  convert((*records)[index], value);
  fill(out, value);
  return POSTPARSE_OK;
}

const extract::Extraction *extraction(const postparse_doc *doc) { return doc ? &doc->doc->extraction : nullptr; }

}  // namespace

extern "C" {

size_t postparse_doc_paragraph_count(const postparse_doc *doc) noexcept {
  return doc ? doc->doc->extraction.paragraphs.size() : 0;
}

postparse_status postparse_doc_paragraph_at(const postparse_doc *doc, size_t index, postparse_paragraph *out) noexcept {
  const extract::Extraction *x = extraction(doc);
  return copy_out(doc, x ? &x->paragraphs : nullptr, index, out,
                  [&](const extract::Paragraph &p, postparse_paragraph &v) {
                    v.kind = static_cast<postparse_paragraph_kind>(p.kind);
                    v.level = p.level;
                    v.boilerplate = p.cls == extract::ParagraphClass::boilerplate;
                    v.reason = view(p.reason);
                    v.text = view(p.text);
                    v.span = span_of(*doc->doc, p.begin, p.end);
                    v.inline_count = p.spans.size();
                    v.rule = view(p.rule);
                    v.evidence = view(p.evidence);
                  });
}

postparse_str postparse_doc_paragraph_text(const postparse_doc *doc, size_t index) noexcept {
  const extract::Paragraph *p = paragraph(doc, index);
  return p ? view(p->text) : view({});
}

size_t postparse_doc_inline_count(const postparse_doc *doc, size_t index) noexcept {
  const extract::Paragraph *p = paragraph(doc, index);
  return p ? p->spans.size() : 0;
}

postparse_status postparse_doc_inline_at(const postparse_doc *doc, size_t index, size_t span,
                                         postparse_inline *out) noexcept {
  const extract::Paragraph *p = paragraph(doc, index);
  return copy_out(doc, p ? &p->spans : nullptr, span, out, [&](const extract::InlineSpan &s, postparse_inline &v) {
    v.kind = static_cast<postparse_inline_kind>(s.kind);
    v.text = view(extract::span_text(*p, s));
    v.href = view(s.href);
    v.text_offset = s.text_offset;
    v.text_length = s.text_length;
    v.span = span_of(*doc->doc, s.begin, s.end);
  });
}

bool postparse_doc_has_excerpt(const postparse_doc *doc, size_t *paragraphs) noexcept {
  if (!doc || !doc->doc->extraction.has_excerpt_marker) return false;
  if (paragraphs) *paragraphs = doc->doc->extraction.excerpt_paragraphs;
  return true;
}

size_t postparse_doc_image_count(const postparse_doc *doc) noexcept {
  return doc ? doc->doc->extraction.images.size() : 0;
}

postparse_status postparse_doc_image_at(const postparse_doc *doc, size_t index, postparse_image *out) noexcept {
  const extract::Extraction *x = extraction(doc);
  return copy_out(doc, x ? &x->images : nullptr, index, out, [&](const extract::Image &i, postparse_image &v) {
    v.src = view(i.src);
    v.alt = view(i.alt);
    v.class_name = view(i.cls);
    v.span = span_of(*doc->doc, i.begin, i.end);
    v.boilerplate = i.boilerplate;
    v.reason = view(i.reason);
  });
}

size_t postparse_doc_link_count(const postparse_doc *doc) noexcept {
  return doc ? doc->doc->extraction.links.size() : 0;
}

postparse_status postparse_doc_link_at(const postparse_doc *doc, size_t index, postparse_link *out) noexcept {
  const extract::Extraction *x = extraction(doc);
  return copy_out(doc, x ? &x->links : nullptr, index, out, [&](const extract::Link &l, postparse_link &v) {
    v.href = view(l.href);
    v.text = view(l.text);
    v.span = span_of(*doc->doc, l.begin, l.end);
  });
}

size_t postparse_doc_comment_count(const postparse_doc *doc) noexcept {
  return doc ? doc->doc->extraction.comments.size() : 0;
}

postparse_status postparse_doc_comment_at(const postparse_doc *doc, size_t index, postparse_comment *out) noexcept {
  const extract::Extraction *x = extraction(doc);
  return copy_out(doc, x ? &x->comments : nullptr, index, out, [&](const extract::Comment &c, postparse_comment &v) {
    v.text = view(c.text);
    v.span = span_of(*doc->doc, c.begin, c.end);
  });
}

size_t postparse_doc_editorial_count(const postparse_doc *doc) noexcept {
  return doc ? doc->doc->extraction.editorial.size() : 0;
}

postparse_status postparse_doc_editorial_at(const postparse_doc *doc, size_t index,
                                            postparse_editorial *out) noexcept {
  const extract::Extraction *x = extraction(doc);
  return copy_out(doc, x ? &x->editorial : nullptr, index, out,
                  [&](const extract::EditorialEntry &e, postparse_editorial &v) {
                    v.key = view(e.key);
                    v.value = view(e.value);
                    v.rule = view(e.rule);
                    v.span = span_of(*doc->doc, e.begin, e.end);
                  });
}

postparse_str postparse_doc_editorial_get(const postparse_doc *doc, const char *key, size_t key_len) noexcept {
  if (!doc || (!key && key_len > 0)) return view({});
  std::string_view wanted(key ? key : "", key_len);
  for (const extract::EditorialEntry &e : doc->doc->extraction.editorial)
    if (e.key == wanted) return view(e.value);
  return view({});
}

}  // extern "C"
