// Serialising the DOM back to HTML, following the WHATWG "serializing HTML
// fragments" algorithm (void elements, raw-text elements, escaping).
#pragma once

#include <string>

#include "html/dom.h"

namespace postparse::impl::html {

// Appends the HTML of `node` itself (outer HTML) to `out`.
void serialize_node(const Dom &dom, pugi::xml_node node, std::string &out);
// Appends the HTML of `node`'s children (inner HTML) to `out`.
void serialize_children(const Dom &dom, pugi::xml_node node, std::string &out);

}  // namespace postparse::impl::html
