// postparse_node_*: reading the body's DOM, and the document's way in.
#include <cstring>
#include <string>

#include "capi/handles.h"
#include "capi/node_handles.h"
#include "html/dom_query.h"
#include "html/serialize.h"

using postparse::capi::give;
using postparse::capi::guarded;
using postparse::capi::node_of;
using postparse::capi::span_of;
using postparse::capi::view;
using postparse::capi::wrap_node;
namespace impl = postparse::impl;

namespace {

postparse_str cstr(const char *s) { return postparse_str{s, std::strlen(s)}; }

}  // namespace

extern "C" {


const postparse_node *postparse_doc_body_root(const postparse_doc *doc) noexcept {
  return doc ? wrap_node(doc->doc->html.root) : nullptr;
}

bool postparse_doc_body_is_document(const postparse_doc *doc) noexcept { return doc && doc->doc->html.is_document; }

postparse_node_type postparse_node_kind(const postparse_node *node) noexcept {
  switch (node ? node_of(node).type() : pugi::node_null) {
    case pugi::node_element: return POSTPARSE_NODE_ELEMENT;
    case pugi::node_pcdata: return POSTPARSE_NODE_TEXT;
    case pugi::node_comment: return POSTPARSE_NODE_COMMENT;
    case pugi::node_doctype: return POSTPARSE_NODE_DOCTYPE;
    default: return POSTPARSE_NODE_DOCUMENT;
  }
}

postparse_str postparse_node_name(const postparse_node *node) noexcept {
  if (!node || node_of(node).type() != pugi::node_element) return view({});
  return cstr(node_of(node).name());
}

postparse_str postparse_node_value(const postparse_node *node) noexcept {
  return node ? cstr(node_of(node).value()) : view({});
}

const postparse_node *postparse_node_parent(const postparse_node *node) noexcept {
  return node ? wrap_node(node_of(node).parent()) : nullptr;
}
const postparse_node *postparse_node_first_child(const postparse_node *node) noexcept {
  return node ? wrap_node(node_of(node).first_child()) : nullptr;
}
const postparse_node *postparse_node_last_child(const postparse_node *node) noexcept {
  return node ? wrap_node(node_of(node).last_child()) : nullptr;
}
const postparse_node *postparse_node_next_sibling(const postparse_node *node) noexcept {
  return node ? wrap_node(node_of(node).next_sibling()) : nullptr;
}
const postparse_node *postparse_node_previous_sibling(const postparse_node *node) noexcept {
  return node ? wrap_node(node_of(node).previous_sibling()) : nullptr;
}

size_t postparse_node_attribute_count(const postparse_node *node) noexcept {
  if (!node) return 0;
  size_t n = 0;
  for (pugi::xml_attribute a = node_of(node).first_attribute(); a; a = a.next_attribute()) ++n;
  return n;
}

postparse_status postparse_node_attribute_at(const postparse_node *node, size_t index, postparse_str *name,
                                postparse_str *value) noexcept {
  if (!node) return POSTPARSE_ERR_INVALID_ARGUMENT;
  pugi::xml_attribute a = node_of(node).first_attribute();
  for (size_t i = 0; a && i < index; ++i) a = a.next_attribute();
  if (!a) return POSTPARSE_ERR_NOT_FOUND;
  if (name) *name = cstr(a.name());
  if (value) *value = cstr(a.value());
  return POSTPARSE_OK;
}

postparse_status postparse_node_attribute(const postparse_node *node, const char *name, size_t name_len,
                             postparse_str *value) noexcept {
  if (!node || (!name && name_len > 0)) return POSTPARSE_ERR_INVALID_ARGUMENT;
  std::string_view wanted(name ? name : "", name_len);
  for (pugi::xml_attribute a = node_of(node).first_attribute(); a; a = a.next_attribute()) {
    if (wanted == a.name()) {
      if (value) *value = cstr(a.value());
      return POSTPARSE_OK;
    }
  }
  return POSTPARSE_ERR_NOT_FOUND;
}

postparse_namespace postparse_node_namespace(const postparse_doc *doc, const postparse_node *node) noexcept {
  if (!doc || !node) return POSTPARSE_NS_HTML;
  const impl::html::NodeInfo *info = doc->doc->html.dom->find_info(node_of(node));
  return info ? static_cast<postparse_namespace>(info->ns) : POSTPARSE_NS_HTML;
}

postparse_status postparse_node_span(const postparse_doc *doc, const postparse_node *node, postparse_span *out) noexcept {
  if (!doc || !node || !out) return POSTPARSE_ERR_INVALID_ARGUMENT;
  const impl::html::NodeInfo *info = doc->doc->html.dom->find_info(node_of(node));
  const impl::Document &d = *doc->doc;
  return guarded([&] {
    if (info) *out = span_of(d, info->begin, info->end);
    else *out = span_of(d, d.split.body_begin, d.source.size());  // the root
    return POSTPARSE_OK;
  });
}

postparse_status postparse_node_to_html(const postparse_doc *doc, const postparse_node *node, bool outer, char **out,
                           size_t *len) noexcept {
  if (out) *out = nullptr;
  if (!doc || !node || !out) return POSTPARSE_ERR_INVALID_ARGUMENT;
  return guarded([&] {
    std::string html;
    const impl::html::Dom &dom = *doc->doc->html.dom;
    if (outer) impl::html::serialize_node(dom, node_of(node), html);
    else impl::html::serialize_children(dom, node_of(node), html);
    return give(html, out, len);
  });
}

postparse_status postparse_node_text_content(const postparse_node *node, char **out, size_t *len) noexcept {
  if (out) *out = nullptr;
  if (!node || !out) return POSTPARSE_ERR_INVALID_ARGUMENT;
  return guarded([&] {
    std::string text;
    impl::html::append_text_content(node_of(node), text);
    return give(text, out, len);
  });
}

}  // extern "C"
