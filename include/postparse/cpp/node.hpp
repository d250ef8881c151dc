// postparse/cpp/node.hpp — the body's DOM (postparse_node_*) and XPath
// results (postparse_node_list_*).  Included by postparse/postparse.hpp.
#ifndef POSTPARSE_CPP_NODE_HPP
#define POSTPARSE_CPP_NODE_HPP

#include <cstddef>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "postparse/cpp/core.hpp"

namespace postparse {

// One attribute of an element: views borrowed from the Document.
struct Attribute {
  std::string_view name;
  std::string_view value;
};

class NodeChildren;

// A borrowed view of one node of a Document's body tree; cheap to copy.
// It carries its document too, which span(), element_namespace() and
// to_html() need.
// Lifetime: valid while the Document it came from lives (moving the Document
// object keeps it valid; destroying it does not).  A default Node, or the
// answer of a navigation that finds no node, is falsy; every accessor then
// gives the C "nothing" result.
// Threads: immutable; any number of threads may read it at once.
class Node {
 public:
  Node() = default;
  Node(const postparse_doc *doc, const postparse_node *raw) : doc_(doc), raw_(raw) {}
  explicit operator bool() const noexcept { return raw_ != nullptr; }
  friend bool operator==(const Node &a, const Node &b) noexcept { return a.raw_ == b.raw_; }
  friend bool operator!=(const Node &a, const Node &b) noexcept { return a.raw_ != b.raw_; }

  // POSTPARSE_NODE_ELEMENT, _TEXT... (POSTPARSE_NODE_DOCUMENT when falsy).
  postparse_node_type kind() const noexcept { return postparse_node_kind(raw_); }
  bool is_element() const noexcept { return raw_ && kind() == POSTPARSE_NODE_ELEMENT; }
  // An element's tag name (lowercase for HTML); empty for other kinds.
  std::string_view name() const noexcept { return to_view(postparse_node_name(raw_)); }
  // The text of a text or comment node, a DOCTYPE's name; else empty.
  std::string_view value() const noexcept { return to_view(postparse_node_value(raw_)); }

  Node parent() const noexcept { return Node(doc_, postparse_node_parent(raw_)); }
  Node first_child() const noexcept { return Node(doc_, postparse_node_first_child(raw_)); }
  Node last_child() const noexcept { return Node(doc_, postparse_node_last_child(raw_)); }
  Node next_sibling() const noexcept { return Node(doc_, postparse_node_next_sibling(raw_)); }
  Node previous_sibling() const noexcept { return Node(doc_, postparse_node_previous_sibling(raw_)); }
  // The children in order, as a forward range (O(1) per step, nothing stored).
  inline NodeChildren children() const noexcept;

  postparse_namespace element_namespace() const noexcept { return postparse_node_namespace(doc_, raw_); }
  // Where the node is written in the source.  Throws Error
  // (POSTPARSE_ERR_INVALID_ARGUMENT) for a falsy node.
  Span span() const {
    Span s{};
    check(postparse_node_span(doc_, raw_, &s));
    return s;
  }

  std::size_t attribute_count() const noexcept { return postparse_node_attribute_count(raw_); }
  // Attribute `index` in source order; nullopt past the end.  Cost: O(index).
  std::optional<Attribute> attribute_at(std::size_t index) const noexcept {
    postparse_str name{}, value{};
    if (postparse_node_attribute_at(raw_, index, &name, &value) != POSTPARSE_OK) return std::nullopt;
    return Attribute{to_view(name), to_view(value)};
  }
  // Every attribute in source order.  Cost: quadratic in their number
  // (bounded by POSTPARSE_LIMIT_HTML_ATTRIBUTES), one vector.
  std::vector<Attribute> attributes() const {
    std::vector<Attribute> out;
    for (std::size_t i = 0, n = attribute_count(); i < n; ++i)
      if (auto a = attribute_at(i)) out.push_back(*a);
    return out;
  }
  // The value of the attribute with this lowercase name; nullopt when the
  // element has none.  Cost: O(attributes).
  std::optional<std::string_view> attribute(std::string_view name) const noexcept {
    postparse_str value{};
    if (postparse_node_attribute(raw_, name.data(), name.size(), &value) != POSTPARSE_OK) return std::nullopt;
    return to_view(value);
  }
  bool has_attribute(std::string_view name) const noexcept {
    return postparse_node_attribute(raw_, name.data(), name.size(), nullptr) == POSTPARSE_OK;
  }

  // The node as HTML (outer) or its children (inner), a new string.
  // Throws Error for a falsy node.  Cost: linear in the subtree.
  std::string to_html(bool outer = true) const {
    char *buf = nullptr;
    std::size_t len = 0;
    check(postparse_node_to_html(doc_, raw_, outer, &buf, &len));
    return detail::take(buf, len);
  }
  // The text of the node and its descendants, a new string.  Throws Error
  // for a falsy node.  Cost: linear in the subtree.
  std::string text_content() const {
    char *buf = nullptr;
    std::size_t len = 0;
    check(postparse_node_text_content(raw_, &buf, &len));
    return detail::take(buf, len);
  }

  const postparse_node *get() const noexcept { return raw_; }
  const postparse_doc *document() const noexcept { return doc_; }

 private:
  const postparse_doc *doc_ = nullptr;
  const postparse_node *raw_ = nullptr;
};

// A node's children as a forward range: iterating follows next_sibling
// (O(1) per step); nothing is stored.  Same lifetime and threads as Node.
class NodeChildren {
 public:
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Node;
    using difference_type = std::ptrdiff_t;
    using pointer = const Node *;
    using reference = const Node &;

    iterator() = default;
    explicit iterator(Node node) : node_(node) {}
    reference operator*() const noexcept { return node_; }
    pointer operator->() const noexcept { return &node_; }
    iterator &operator++() noexcept {
      node_ = node_.next_sibling();
      return *this;
    }
    iterator operator++(int) noexcept {
      iterator old = *this;
      ++*this;
      return old;
    }
    friend bool operator==(const iterator &a, const iterator &b) noexcept { return a.node_ == b.node_; }
    friend bool operator!=(const iterator &a, const iterator &b) noexcept { return a.node_ != b.node_; }

   private:
    Node node_;
  };

  explicit NodeChildren(Node parent) noexcept : parent_(parent) {}
  iterator begin() const noexcept { return iterator(parent_.first_child()); }
  iterator end() const noexcept { return iterator(Node(parent_.document(), nullptr)); }
  bool empty() const noexcept { return !parent_.first_child(); }
  // Cost: O(children).
  std::size_t size() const noexcept { return static_cast<std::size_t>(std::distance(begin(), end())); }

 private:
  Node parent_;
};

inline NodeChildren Node::children() const noexcept { return NodeChildren(*this); }

// The result of Document::select: the matches in document order.
// Ownership: owns its postparse_node_list (released by
// postparse_node_list_free); move-only.  Its Nodes and strings are borrowed:
// the Document must outlive the list, the strings live as long as the list.
// Threads: immutable; any number of threads may read it at once.
// Iterating it gives each match's Node (O(1) per item, nothing stored);
// strings() gives each match's XPath string value.
class NodeList {
  struct NodeSource {
    const postparse_doc *doc;
    const postparse_node_list *list;
    Node at(std::size_t index) const noexcept { return Node(doc, postparse_node_list_at(list, index)); }
  };
  struct StringSource {
    const postparse_node_list *list;
    std::string_view at(std::size_t index) const noexcept {
      return to_view(postparse_node_list_string_at(list, index));
    }
  };

 public:
  using iterator = detail::IndexRange<NodeSource>::iterator;

  NodeList(const postparse_doc *doc, postparse_node_list *raw) : doc_(doc), raw_(raw) {}

  std::size_t size() const noexcept { return postparse_node_list_count(raw_.get()); }
  bool empty() const noexcept { return size() == 0; }
  // Match `index`: the node, or for an attribute match its element; falsy
  // past the end.
  Node operator[](std::size_t index) const noexcept { return NodeSource{doc_, raw_.get()}.at(index); }
  // The XPath string value of match `index` (an attribute's value, a node's
  // text); empty past the end.
  std::string_view string_at(std::size_t index) const noexcept {
    return StringSource{raw_.get()}.at(index);
  }
  // The matches' nodes (also what iterating the list gives), and their
  // string values, as random-access ranges.
  detail::IndexRange<NodeSource> nodes() const noexcept { return {NodeSource{doc_, raw_.get()}, size()}; }
  detail::IndexRange<StringSource> strings() const noexcept { return {StringSource{raw_.get()}, size()}; }
  iterator begin() const noexcept { return nodes().begin(); }
  iterator end() const noexcept { return nodes().end(); }
  const postparse_node_list *get() const noexcept { return raw_.get(); }

 private:
  struct Free {
    void operator()(postparse_node_list *list) const noexcept { postparse_node_list_free(list); }
  };
  const postparse_doc *doc_;
  std::unique_ptr<postparse_node_list, Free> raw_;
};

}  // namespace postparse

#endif  // POSTPARSE_CPP_NODE_HPP
