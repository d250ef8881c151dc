// Queries over a parsed body's DOM, shared by the C ABI (node text, XPath
// selection) and extraction (profile selectors), so both read the tree the
// same way.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace postparse::impl::html {

// Appends the text of `node` and its descendants, in document order, to
// `out`.  Iterative: trees may be as deep as the depth limit allows.
void append_text_content(pugi::xml_node node, std::string &out);

// An XPath 1.0 expression compiled by pugixml, or why it is not one.
struct CompiledXPath {
  std::unique_ptr<pugi::xpath_query> query;  // null when the expression is refused
  std::string error;                         // pugixml's description, when refused
  std::size_t error_offset = 0;              // the byte where pugixml stopped
};

// Compiles `expression`.  pugixml reads a NUL-terminated string, so what
// follows a NUL would be silently ignored: such an expression is refused
// (error_offset at the NUL) instead of being cut short.
CompiledXPath compile_xpath(std::string_view expression);

// Whether matches must come in document order (sorting costs n log n, which
// a caller that only collects them into a set need not pay).
enum class MatchOrder { document, any };

// The query's matches under `root`.  Throws what pugixml throws
// (std::bad_alloc, pugi::xpath_exception for a query that does not give a
// node set).
pugi::xpath_node_set select(const pugi::xpath_query &query, pugi::xml_node root, MatchOrder order);

// The element a match stands for: the node itself, or an attribute's owner.
inline pugi::xml_node matched_node(const pugi::xpath_node &match) {
  return match.attribute() ? match.parent() : match.node();
}

}  // namespace postparse::impl::html
