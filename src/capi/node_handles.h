// The C ABI's node handles: a postparse_node is a pugixml node's internal
// object, so handing one out costs nothing and stays valid with the DOM.
#pragma once

#include <pugixml.hpp>

#include "postparse/postparse.h"

namespace postparse::capi {

inline pugi::xml_node node_of(const postparse_node *node) {
  return pugi::xml_node(reinterpret_cast<pugi::xml_node_struct *>(const_cast<postparse_node *>(node)));
}

inline const postparse_node *wrap_node(pugi::xml_node node) {
  return reinterpret_cast<const postparse_node *>(node.internal_object());
}

}  // namespace postparse::capi
