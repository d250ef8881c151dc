// The list of active formatting elements and the adoption agency algorithm
// (https://html.spec.whatwg.org/#adoption-agency-algorithm), with the spec's
// loop limits (8 outer, 3 inner) so that misnested markup stays linear.
#include "html/tree_builder.h"

namespace postparse::impl::html {
namespace {

bool same_attributes(const std::vector<Attribute> &a, const std::vector<Attribute> &b) {
  if (a.size() != b.size()) return false;
  for (const Attribute &x : a) {
    bool found = false;
    for (const Attribute &y : b)
      if (x.name == y.name && x.value == y.value) found = true;
    if (!found) return false;
  }
  return true;
}

}  // namespace

void TreeBuilder::push_marker() { formatting_.push_back(Formatting{true, {}, Tag::unknown, {}, {}, 0, 0}); }

void TreeBuilder::push_formatting(pugi::xml_node node, const Token &t) {
  // "Noah's Ark": at most three equal entries after the last marker.
  std::size_t equal = 0, earliest = SIZE_MAX;
  for (std::size_t i = formatting_.size(); i-- > 0;) {
    const Formatting &f = formatting_[i];
    if (f.marker) break;
    if (f.name == t.name && same_attributes(f.attributes, t.attributes)) {
      ++equal;
      earliest = i;
    }
  }
  if (equal >= 3) formatting_.erase(formatting_.begin() + static_cast<std::ptrdiff_t>(earliest));
  formatting_.push_back(Formatting{false, node, tag_from_name(t.name), t.name, t.attributes, t.begin, t.end});
}

std::size_t TreeBuilder::formatting_index(pugi::xml_node node) const {
  for (std::size_t i = formatting_.size(); i-- > 0;)
    if (!formatting_[i].marker && formatting_[i].node == node) return i;
  return SIZE_MAX;
}

void TreeBuilder::clear_formatting_to_marker() {
  while (!formatting_.empty()) {
    bool marker = formatting_.back().marker;
    formatting_.pop_back();
    if (marker) return;
  }
}

// Reconstruction stops at the depth limit: the entries it did not reopen
// stay in the list, not on the stack (a state the algorithm itself reaches
// after any implied end tag), and are tried again at the next
// reconstruction.  Without the stop, a list made long by formatting
// elements with distinct attributes would nest without bound.
void TreeBuilder::reconstruct_formatting() {
  if (formatting_.empty()) return;
  auto open = [&](const Formatting &f) { return f.marker || is_open(f.node); };
  if (open(formatting_.back())) return;
  std::size_t i = formatting_.size() - 1;
  while (i > 0 && !open(formatting_[i - 1])) --i;
  for (; i < formatting_.size() && open_.size() < limits_.html_depth; ++i) {
    Formatting &f = formatting_[i];
    Token saved;
    saved.reset(TokenKind::start_tag, f.begin);
    saved.name = f.name;
    saved.attributes = f.attributes;
    saved.end = f.end;
    charge_clone(f.attributes);
    f.node = insert_html_element(saved);
  }
}

// Clones are the one way markup makes many nodes from few bytes (every
// paragraph reopens the formatting elements still active), and they copy
// their attributes, which the input holds only once.  So each clone counts
// as kCloneNodes nodes against the node limit, plus one more per
// kCloneBytesPerNode bytes (or part) of copied attribute text: a real page
// makes a handful of clones, while a hostile one reaches the limit with
// a quarter of the nodes, and memory stays bounded whatever the attributes.
void TreeBuilder::charge_clone(const std::vector<Attribute> &attributes) {
  std::size_t bytes = 0;
  for (const Attribute &a : attributes) bytes += a.name.size() + a.value.size();
  clone_units_ += (kCloneNodes - 1) + (bytes + kCloneBytesPerNode - 1) / kCloneBytesPerNode;
}

// Returns false when the caller must act as for "any other end tag".
bool TreeBuilder::run_adoption_agency(Token &t) {
  const std::string &subject = t.name;
  if (current().ns == Ns::html && subject == current().node.name() &&
      formatting_index(current().node) == SIZE_MAX) {
    pop();
    return true;
  }
  for (int outer = 0; outer < 8; ++outer) {
    std::size_t fi = SIZE_MAX;
    for (std::size_t i = formatting_.size(); i-- > 0;) {
      if (formatting_[i].marker) break;
      if (formatting_[i].name == subject) {
        fi = i;
        break;
      }
    }
    if (fi == SIZE_MAX) return false;
    pugi::xml_node formatting = formatting_[fi].node;
    std::size_t si = stack_index(formatting);
    if (si == SIZE_MAX) {
      error("adoption-agency-1.2");
      formatting_.erase(formatting_.begin() + static_cast<std::ptrdiff_t>(fi));
      return true;
    }
    if (!in_scope_node(formatting, kDefaultScope)) {
      error("adoption-agency-4.4");
      return true;
    }
    if (formatting != current().node) error("adoption-agency-1.3");

    std::size_t furthest = SIZE_MAX;
    for (std::size_t i = si + 1; i < open_.size(); ++i)
      if (is_special(open_[i].tag, open_[i].ns)) {
        furthest = i;
        break;
      }
    if (furthest == SIZE_MAX) {
      pop_until_node(formatting);
      std::size_t again = formatting_index(formatting);
      if (again != SIZE_MAX) formatting_.erase(formatting_.begin() + static_cast<std::ptrdiff_t>(again));
      return true;
    }
    pugi::xml_node furthest_block = open_[furthest].node;
    pugi::xml_node common_ancestor = open_[si - 1].node;
    std::size_t bookmark = fi;

    pugi::xml_node last_node = furthest_block;
    std::size_t node_index = furthest;
    for (int inner = 1;; ++inner) {
      --node_index;
      pugi::xml_node node = open_[node_index].node;
      if (node == formatting) break;
      std::size_t entry = formatting_index(node);
      if (inner > 3 && entry != SIZE_MAX) {
        formatting_.erase(formatting_.begin() + static_cast<std::ptrdiff_t>(entry));
        if (entry < bookmark) --bookmark;
        entry = SIZE_MAX;
      }
      if (entry == SIZE_MAX) {
        stack_erase(node_index);
        continue;
      }
      Formatting &f = formatting_[entry];
      charge_clone(f.attributes);
      ensure_room_for_node();
      pugi::xml_node replacement =
          dom_.add_element(common_ancestor, {}, f.name, Ns::html, f.tag, f.begin, f.end);
      for (const Attribute &a : f.attributes) dom_.add_attribute(replacement, a.name, a.value);
      f.node = replacement;
      stack_replace(node_index, replacement);
      node = replacement;
      if (last_node == furthest_block) bookmark = entry + 1;
      dom_.move(last_node, node, {});
      last_node = node;
    }
    Place place = appropriate_place(common_ancestor);
    dom_.move(last_node, place.parent, place.before);

    Formatting saved = formatting_[formatting_index(formatting)];
    charge_clone(saved.attributes);
    ensure_room_for_node();
    pugi::xml_node element =
        dom_.add_element(furthest_block, {}, saved.name, Ns::html, saved.tag, saved.begin, saved.end);
    for (const Attribute &a : saved.attributes) dom_.add_attribute(element, a.name, a.value);
    while (furthest_block.first_child() != element) dom_.move(furthest_block.first_child(), element, {});

    std::size_t old_entry = formatting_index(formatting);
    saved.node = element;
    formatting_.insert(formatting_.begin() + static_cast<std::ptrdiff_t>(bookmark), saved);
    formatting_.erase(formatting_.begin() + static_cast<std::ptrdiff_t>(old_entry < bookmark ? old_entry : old_entry + 1));

    remove_from_stack(formatting);
    std::size_t fb = stack_index(furthest_block);
    stack_insert(fb + 1, Open{element, saved.tag, Ns::html, false});
  }
  return true;
}

}  // namespace postparse::impl::html
