#include "html/dom_query.h"

namespace postparse::impl::html {

void append_text_content(pugi::xml_node node, std::string &out) {
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

CompiledXPath compile_xpath(std::string_view expression) {
  CompiledXPath compiled;
  std::size_t nul = expression.find('\0');
  if (nul != std::string_view::npos) {
    compiled.error = "the expression contains a NUL character";
    compiled.error_offset = nul;
    return compiled;
  }
  try {
    compiled.query = std::make_unique<pugi::xpath_query>(std::string(expression).c_str());
  } catch (const pugi::xpath_exception &e) {
    compiled.error = e.what();
    compiled.error_offset = e.result().offset < 0 ? 0 : static_cast<std::size_t>(e.result().offset);
  }
  return compiled;
}

pugi::xpath_node_set select(const pugi::xpath_query &query, pugi::xml_node root, MatchOrder order) {
  pugi::xpath_node_set matches = query.evaluate_node_set(root);
  if (order == MatchOrder::document) matches.sort();
  return matches;
}

}  // namespace postparse::impl::html
