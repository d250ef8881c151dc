// postparse_node_* and postparse_doc_select: the body's DOM.
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "capi/handles.h"
#include "html/serialize.h"

using postparse::capi::give;
using postparse::capi::guarded;
using postparse::capi::span_of;
using postparse::capi::view;
namespace impl = postparse::impl;

struct postparse_node_list {
  std::vector<pugi::xml_node> nodes;
  std::vector<std::string> strings;
};

namespace {

pugi::xml_node node_of(const postparse_node *node) {
  return pugi::xml_node(reinterpret_cast<pugi::xml_node_struct *>(const_cast<postparse_node *>(node)));
}

const postparse_node *wrap(pugi::xml_node node) {
  return reinterpret_cast<const postparse_node *>(node.internal_object());
}

postparse_str cstr(const char *s) { return postparse_str{s, std::strlen(s)}; }

// The text of the subtree, in document order; iterative, since trees may be
// as deep as the caller's depth limit allows.
void collect_text(pugi::xml_node node, std::string &out) {
  if (node.type() == pugi::node_pcdata) out += node.value();
  pugi::xml_node n = node.first_child();
  while (n) {
    if (n.type() == pugi::node_pcdata) out += n.value();
    if (n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n && n != node && !n.next_sibling()) n = n.parent();
    n = n && n != node ? n.next_sibling() : pugi::xml_node();
  }
}

}  // namespace

extern "C" {

const postparse_node *postparse_doc_body_root(const postparse_doc *doc) noexcept {
  return doc ? wrap(doc->doc->html.root) : nullptr;
}

int postparse_doc_body_is_document(const postparse_doc *doc) noexcept { return doc && doc->doc->html.is_document; }

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
  return node ? wrap(node_of(node).parent()) : nullptr;
}
const postparse_node *postparse_node_first_child(const postparse_node *node) noexcept {
  return node ? wrap(node_of(node).first_child()) : nullptr;
}
const postparse_node *postparse_node_last_child(const postparse_node *node) noexcept {
  return node ? wrap(node_of(node).last_child()) : nullptr;
}
const postparse_node *postparse_node_next_sibling(const postparse_node *node) noexcept {
  return node ? wrap(node_of(node).next_sibling()) : nullptr;
}
const postparse_node *postparse_node_previous_sibling(const postparse_node *node) noexcept {
  return node ? wrap(node_of(node).previous_sibling()) : nullptr;
}

size_t postparse_node_attribute_count(const postparse_node *node) noexcept {
  if (!node) return 0;
  size_t n = 0;
  for (pugi::xml_attribute a = node_of(node).first_attribute(); a; a = a.next_attribute()) ++n;
  return n;
}

int postparse_node_attribute_at(const postparse_node *node, size_t index, postparse_str *name,
                                postparse_str *value) noexcept {
  if (!node) return POSTPARSE_ERR_INVALID_ARGUMENT;
  pugi::xml_attribute a = node_of(node).first_attribute();
  for (size_t i = 0; a && i < index; ++i) a = a.next_attribute();
  if (!a) return POSTPARSE_ERR_NOT_FOUND;
  if (name) *name = cstr(a.name());
  if (value) *value = cstr(a.value());
  return POSTPARSE_OK;
}

int postparse_node_attribute(const postparse_node *node, const char *name, size_t name_len,
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

int postparse_node_span(const postparse_doc *doc, const postparse_node *node, postparse_span *out) noexcept {
  if (!doc || !node || !out) return POSTPARSE_ERR_INVALID_ARGUMENT;
  const impl::html::NodeInfo *info = doc->doc->html.dom->find_info(node_of(node));
  const impl::Document &d = *doc->doc;
  return guarded([&] {
    if (info) *out = span_of(d, info->begin, info->end);
    else *out = span_of(d, d.split.body_begin, d.source.size());  // the root
    return POSTPARSE_OK;
  });
}

int postparse_node_to_html(const postparse_doc *doc, const postparse_node *node, int outer, char **out,
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

int postparse_node_text_content(const postparse_node *node, char **out, size_t *len) noexcept {
  if (out) *out = nullptr;
  if (!node || !out) return POSTPARSE_ERR_INVALID_ARGUMENT;
  return guarded([&] {
    std::string text;
    collect_text(node_of(node), text);
    return give(text, out, len);
  });
}

int postparse_doc_select(const postparse_doc *doc, const char *xpath, size_t len,
                         postparse_node_list **out) noexcept {
  if (out) *out = nullptr;
  if (!doc || !out || (!xpath && len > 0)) return POSTPARSE_ERR_INVALID_ARGUMENT;
  return guarded([&] {
    std::string expression(xpath ? xpath : "", len);
    // pugixml reads a NUL-terminated string: what follows a NUL would be
    // silently ignored, so such an expression is refused instead.
    if (expression.find('\0') != std::string::npos) return POSTPARSE_ERR_XPATH;
    pugi::xpath_node_set matches;
    try {
      pugi::xpath_query query(expression.c_str());
      matches = query.evaluate_node_set(doc->doc->html.root);
    } catch (const pugi::xpath_exception &) {
      return POSTPARSE_ERR_XPATH;
    }
    matches.sort();
    auto list = std::make_unique<postparse_node_list>();
    for (const pugi::xpath_node &m : matches) {
      if (m.attribute()) {
        list->nodes.push_back(m.parent());
        list->strings.emplace_back(m.attribute().value());
      } else {
        list->nodes.push_back(m.node());
        std::string text;
        if (m.node().type() == pugi::node_comment) text = m.node().value();
        else collect_text(m.node(), text);
        list->strings.push_back(std::move(text));
      }
    }
    *out = list.release();
    return POSTPARSE_OK;
  });
}

size_t postparse_node_list_size(const postparse_node_list *list) noexcept { return list ? list->nodes.size() : 0; }

const postparse_node *postparse_node_list_at(const postparse_node_list *list, size_t index) noexcept {
  if (!list || index >= list->nodes.size()) return nullptr;
  return wrap(list->nodes[index]);
}

postparse_str postparse_node_list_string(const postparse_node_list *list, size_t index) noexcept {
  if (!list || index >= list->strings.size()) return view({});
  return view(list->strings[index]);
}

void postparse_node_list_free(postparse_node_list *list) noexcept { delete list; }

}  // extern "C"
