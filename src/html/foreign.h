// Name adjustments for SVG and MathML content (the spec's tables for tag
// names, attribute names and namespaced attributes).
#pragma once

#include <string>
#include <string_view>

#include "html/dom.h"

namespace postparse::impl::html {

struct AdjustedAttribute {
  std::string name;  // qualified name as the DOM keeps it, e.g. "xlink:href", "viewBox"
  AttrNs ns = AttrNs::none;
};

// SVG's camelCase element names (clippath -> clipPath); others unchanged.
std::string adjust_svg_tag_name(const std::string &lowercase);
// MathML/SVG attribute name adjustment plus the xlink/xml/xmlns namespaces.
AdjustedAttribute adjust_foreign_attribute(Ns ns, const std::string &lowercase);
// Start tags that break out of foreign content back into HTML.
bool breaks_out_of_foreign_content(Tag tag, bool has_font_attributes);

}  // namespace postparse::impl::html
