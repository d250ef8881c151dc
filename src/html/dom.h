// The DOM the tree builder produces: a pugixml document built through its
// node API (pugixml's own parser is an XML parser and rejects real HTML), plus
// a side table with what pugixml has no room for: each node's byte span in
// the input, its namespace, and namespaced attributes.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <pugixml.hpp>

#include "html/pointer_index.h"
#include "html/tags.h"

namespace postparse::impl::html {

// Namespace of an attribute adjusted in foreign content (xlink:href...).
enum class AttrNs : std::uint8_t { none = 0, xlink, xml, xmlns };

// The DOCTYPE's parts (pugixml keeps a DOCTYPE as one string).
struct DoctypeInfo {
  std::string name, public_id, system_id;
  bool has_public_id = false, has_system_id = false;
};

struct NodeInfo {
  std::size_t begin = 0, end = 0;  // byte span in the whole input
  Ns ns = Ns::html;
  Tag tag = Tag::unknown;
  std::uint32_t text_buffer = UINT32_MAX;  // text nodes: index of pending text
  bool open = false;  // on the tree builder's stack of open elements
};

class Dom {
 public:
  Dom();
  Dom(const Dom &) = delete;
  Dom &operator=(const Dom &) = delete;

  pugi::xml_document &document() { return doc_; }
  const pugi::xml_document &document() const { return doc_; }

  // Creates an element as the last child of `parent` (or before `before` when
  // it is not null).
  pugi::xml_node add_element(pugi::xml_node parent, pugi::xml_node before, const std::string &name,
                             Ns ns, Tag tag, std::size_t begin, std::size_t end);
  void add_attribute(pugi::xml_node element, const std::string &name, std::string_view value,
                     AttrNs ns = AttrNs::none);
  pugi::xml_node add_comment(pugi::xml_node parent, pugi::xml_node before, std::string_view text,
                             std::size_t begin, std::size_t end);
  pugi::xml_node add_doctype(std::string_view text, const DoctypeInfo &parts, std::size_t begin,
                             std::size_t end);
  const DoctypeInfo &doctype() const { return doctype_; }
  // Inserts text at the position, joining it to a text node right before it.
  void add_text(pugi::xml_node parent, pugi::xml_node before, std::string_view text,
                std::size_t begin, std::size_t end);

  // Takes `node` and its subtree out of the tree without freeing them: the
  // tree builder may still hold them (on its stack of open elements, in its
  // list of active formatting elements), as a browser's parser keeps a
  // removed subtree alive.  drop_detached() frees them.
  void detach(pugi::xml_node node);
  // Frees everything detached; called once tree construction has ended.
  void drop_detached();

  // Moves `node` (with its subtree) to the end of `parent` / before `before`.
  void move(pugi::xml_node node, pugi::xml_node parent, pugi::xml_node before);

  NodeInfo &info(pugi::xml_node node);
  const NodeInfo *find_info(pugi::xml_node node) const;
  AttrNs attribute_ns(pugi::xml_attribute attribute) const;
  std::size_t node_count() const { return infos_.size(); }

  // Replaces the children of `to` with copies of the children of `from`
  // (with their spans and namespaces); `budget` caps the nodes copied.
  void copy_children(pugi::xml_node from, pugi::xml_node to, std::size_t budget);
  // The text of a text node, including what is still buffered.
  std::string_view text_of(pugi::xml_node text_node);

  // Writes buffered text into the text nodes; call once when building ends.
  void flush_text();

  // Rewrites every node's span through `to_input` (for a tree parsed from
  // generated HTML, e.g. rendered Markdown, whose offsets must point into
  // the post instead).
  // Spans stay within [0, input_size].
  template <class Map>
  void remap_spans(Map to_input, std::size_t input_size) {
    for (NodeInfo &i : infos_) {
      std::size_t begin = std::min(to_input(i.begin), input_size);
      std::size_t end = i.end > i.begin ? std::min(to_input(i.end - 1) + 1, input_size) : begin;
      i.begin = begin;
      i.end = end < begin ? begin : end;
    }
  }

 private:
  pugi::xml_node place(pugi::xml_node parent, pugi::xml_node before, pugi::xml_node_type type);
  NodeInfo &remember(pugi::xml_node node, std::size_t begin, std::size_t end);

  pugi::xml_document doc_;
  pugi::xml_node detached_;  // holds detached subtrees until drop_detached()
  DoctypeInfo doctype_;
  std::vector<NodeInfo> infos_;
  NodeInfo scratch_;  // what info() gives for a node it does not know
  // Node -> index in infos_.  Pointer keys; nodes never move in memory.
  PointerIndex index_;
  std::unordered_map<const void *, AttrNs> attribute_ns_;
  // Text is collected here and written once: appending to a pugixml text
  // node re-copies it, which would be quadratic for text built piecewise.
  std::vector<std::string> text_buffers_;
  std::vector<pugi::xml_node> text_nodes_;
};

}  // namespace postparse::impl::html
