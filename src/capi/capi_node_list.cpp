// postparse_doc_select and postparse_node_list_*: XPath over the body's DOM.
#include <memory>
#include <string>
#include <vector>

#include "capi/handles.h"
#include "capi/node_handles.h"
#include "html/dom_query.h"

using postparse::capi::guarded;
using postparse::capi::view;
using postparse::capi::wrap_node;
namespace impl = postparse::impl;

// The matches, with each one's XPath string value made once.
struct postparse_node_list {
  std::vector<pugi::xml_node> nodes;
  std::vector<std::string> strings;
};

extern "C" {

postparse_status postparse_doc_select(const postparse_doc *doc, const char *xpath, size_t len,
                         postparse_node_list **out) noexcept {
  if (out) *out = nullptr;
  if (!doc || !out || (!xpath && len > 0)) return POSTPARSE_ERR_INVALID_ARGUMENT;
  return guarded([&] {
    impl::html::CompiledXPath compiled = impl::html::compile_xpath(std::string_view(xpath ? xpath : "", len));
    if (!compiled.query) return POSTPARSE_ERR_XPATH;
    pugi::xpath_node_set matches;
    try {
      matches = impl::html::select(*compiled.query, doc->doc->html.root, impl::html::MatchOrder::document);
    } catch (const pugi::xpath_exception &) {
      return POSTPARSE_ERR_XPATH;  // not a node set
    }
    auto list = std::make_unique<postparse_node_list>();
    for (const pugi::xpath_node &m : matches) {
      if (m.attribute()) {
        list->nodes.push_back(m.parent());
        list->strings.emplace_back(m.attribute().value());
      } else {
        list->nodes.push_back(m.node());
        std::string text;
        if (m.node().type() == pugi::node_comment) text = m.node().value();
        else impl::html::append_text_content(m.node(), text);
        list->strings.push_back(std::move(text));
      }
    }
    *out = list.release();
    return POSTPARSE_OK;
  });
}

size_t postparse_node_list_count(const postparse_node_list *list) noexcept { return list ? list->nodes.size() : 0; }

const postparse_node *postparse_node_list_at(const postparse_node_list *list, size_t index) noexcept {
  if (!list || index >= list->nodes.size()) return nullptr;
  return wrap_node(list->nodes[index]);
}

postparse_str postparse_node_list_string_at(const postparse_node_list *list, size_t index) noexcept {
  if (!list || index >= list->strings.size()) return view({});
  return view(list->strings[index]);
}

void postparse_node_list_free(postparse_node_list *list) noexcept { delete list; }

}  // extern "C"
