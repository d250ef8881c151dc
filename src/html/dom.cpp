#include "html/dom.h"

#include "common/internal_check.h"

namespace postparse::impl::html {

Dom::Dom() = default;

pugi::xml_node Dom::place(pugi::xml_node parent, pugi::xml_node before, pugi::xml_node_type type) {
  return before ? parent.insert_child_before(type, before) : parent.append_child(type);
}

NodeInfo &Dom::remember(pugi::xml_node node, std::size_t begin, std::size_t end) {
  index_.set(node.internal_object(), static_cast<std::uint32_t>(infos_.size()));
  NodeInfo &info = infos_.emplace_back();
  info.begin = begin;
  info.end = end;
  return info;
}

pugi::xml_node Dom::add_element(pugi::xml_node parent, pugi::xml_node before, const std::string &name,
                                Ns ns, Tag tag, std::size_t begin, std::size_t end) {
  pugi::xml_node node = place(parent, before, pugi::node_element);
  node.set_name(name.c_str());
  NodeInfo &i = remember(node, begin, end);
  i.ns = ns;
  i.tag = tag;
  return node;
}

void Dom::add_attribute(pugi::xml_node element, const std::string &name, std::string_view value, AttrNs ns) {
  pugi::xml_attribute a = element.append_attribute(name.c_str());
  a.set_value(value.data(), value.size());
  if (ns != AttrNs::none) attribute_ns_[a.internal_object()] = ns;
  else if (!attribute_ns_.empty()) attribute_ns_.erase(a.internal_object());  // a reused address
}

pugi::xml_node Dom::add_comment(pugi::xml_node parent, pugi::xml_node before, std::string_view text,
                                std::size_t begin, std::size_t end) {
  pugi::xml_node node = place(parent, before, pugi::node_comment);
  node.set_value(text.data(), text.size());
  remember(node, begin, end);
  return node;
}

pugi::xml_node Dom::add_doctype(std::string_view text, const DoctypeInfo &parts, std::size_t begin,
                                std::size_t end) {
  doctype_ = parts;
  pugi::xml_node node = doc_.append_child(pugi::node_doctype);
  node.set_value(text.data(), text.size());
  remember(node, begin, end);
  return node;
}

void Dom::add_text(pugi::xml_node parent, pugi::xml_node before, std::string_view text,
                   std::size_t begin, std::size_t end) {
  if (text.empty()) return;
  pugi::xml_node previous = before ? before.previous_sibling() : parent.last_child();
  if (previous && previous.type() == pugi::node_pcdata) {
    NodeInfo &i = info(previous);
    text_buffers_[i.text_buffer].append(text);
    i.end = std::max(i.end, end);
    return;
  }
  pugi::xml_node node = place(parent, before, pugi::node_pcdata);
  NodeInfo &i = remember(node, begin, end);
  i.text_buffer = static_cast<std::uint32_t>(text_buffers_.size());
  text_buffers_.emplace_back(text);
  text_nodes_.push_back(node);
}

void Dom::move(pugi::xml_node node, pugi::xml_node parent, pugi::xml_node before) {
  if (before) parent.insert_move_before(node, before);
  else parent.append_move(node);
}

void Dom::detach(pugi::xml_node node) {
  if (!detached_) detached_ = doc_.append_child(pugi::node_element);
  detached_.append_move(node);
}

void Dom::drop_detached() {
  if (!detached_) return;
  // Called after flush_text(), so no pending text points into the subtree;
  // its attributes' namespaces go, as their addresses will be reused.  No
  // node may still be open: freeing one the tree builder holds is the bug
  // that detaching (instead of removing) exists to prevent.
  std::vector<pugi::xml_node> pending{detached_};
  while (!pending.empty()) {
    pugi::xml_node n = pending.back();
    pending.pop_back();
    POSTPARSE_INTERNAL_CHECK(!find_info(n) || !find_info(n)->open);
    for (pugi::xml_attribute a : n.attributes()) attribute_ns_.erase(a.internal_object());
    for (pugi::xml_node child : n.children()) pending.push_back(child);
  }
  doc_.remove_child(detached_);
  detached_ = pugi::xml_node();
}

NodeInfo &Dom::info(pugi::xml_node node) {
  std::uint32_t index = index_.get(node.internal_object());
  return index == PointerIndex::kMissing ? scratch_ : infos_[index];  // every node we made is indexed
}

const NodeInfo *Dom::find_info(pugi::xml_node node) const {
  std::uint32_t index = index_.get(node.internal_object());
  return index == PointerIndex::kMissing ? nullptr : &infos_[index];
}

AttrNs Dom::attribute_ns(pugi::xml_attribute attribute) const {
  auto it = attribute_ns_.find(attribute.internal_object());
  return it == attribute_ns_.end() ? AttrNs::none : it->second;
}

std::string_view Dom::text_of(pugi::xml_node text_node) {
  std::uint32_t index = index_.get(text_node.internal_object());
  if (index != PointerIndex::kMissing && infos_[index].text_buffer != UINT32_MAX)
    return text_buffers_[infos_[index].text_buffer];
  return text_node.value();
}

void Dom::copy_children(pugi::xml_node from, pugi::xml_node to, std::size_t budget) {
  // The copies are made in a holder outside both subtrees, and only then
  // replace the children of `to`: `to` may lie inside `from` (a
  // <selectedcontent> inside its own <option>), and copying into the live
  // subtree would copy the copies again, until the budget ran out.  This is
  // the standard's order too: clone the children, then replace.
  pugi::xml_node holder = doc_.append_child(pugi::node_element);
  // Iterative, so that deep content cannot exhaust the stack.
  std::vector<std::pair<pugi::xml_node, pugi::xml_node>> pending;  // (source, copy's parent)
  for (pugi::xml_node c = from.last_child(); c; c = c.previous_sibling()) pending.emplace_back(c, holder);
  while (!pending.empty() && budget > 0) {
    auto [source, parent] = pending.back();
    pending.pop_back();
    --budget;
    NodeInfo info = this->info(source);
    switch (source.type()) {
      case pugi::node_element: {
        pugi::xml_node copy = add_element(parent, {}, source.name(), info.ns, info.tag, info.begin, info.end);
        for (pugi::xml_attribute a : source.attributes()) add_attribute(copy, a.name(), a.value(), attribute_ns(a));
        for (pugi::xml_node c = source.last_child(); c; c = c.previous_sibling()) pending.emplace_back(c, copy);
        break;
      }
      case pugi::node_pcdata: {
        std::string text(text_of(source));
        add_text(parent, {}, text, info.begin, info.end);
        break;
      }
      case pugi::node_comment:
        add_comment(parent, {}, source.value(), info.begin, info.end);
        break;
      default:
        break;
    }
  }
  while (to.first_child()) detach(to.first_child());
  while (holder.first_child()) move(holder.first_child(), to, {});
  POSTPARSE_INTERNAL_CHECK(!holder.first_child());
  doc_.remove_child(holder);
}

void Dom::flush_text() {
  for (std::size_t i = 0; i < text_nodes_.size(); ++i) {
    if (!text_nodes_[i]) continue;  // removed from the tree
    text_nodes_[i].set_value(text_buffers_[i].data(), text_buffers_[i].size());
    info(text_nodes_[i]).text_buffer = UINT32_MAX;  // its text is in the node now
    std::string().swap(text_buffers_[i]);
  }
  text_nodes_.clear();
  text_buffers_.clear();
}

}  // namespace postparse::impl::html
