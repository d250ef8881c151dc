// The stack of open elements: scopes, implied end tags, popping, and
// resetting the insertion mode.
#include "html/tree_builder.h"

namespace postparse::impl::html {

const TreeBuilder::Open &TreeBuilder::adjusted_current() const {
  if (fragment_ && open_.size() == 1) return context_;
  return open_.back();
}

bool TreeBuilder::current_is(Tag tag) const {
  return !open_.empty() && open_.back().ns == Ns::html && open_.back().tag == tag;
}

bool TreeBuilder::in_scope(Tag tag, Scope scope) const {
  for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
    if (it->ns == Ns::html && it->tag == tag) return true;
    if (ends_scope(it->tag, it->ns, scope)) return false;
  }
  return false;
}

bool TreeBuilder::in_scope_node(pugi::xml_node node, Scope scope) const {
  for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
    if (it->node == node) return true;
    if (ends_scope(it->tag, it->ns, scope)) return false;
  }
  return false;
}

bool TreeBuilder::in_scope_any_heading(Scope scope) const {
  for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
    if (it->ns == Ns::html && tag_is(it->tag, kHeading)) return true;
    if (ends_scope(it->tag, it->ns, scope)) return false;
  }
  return false;
}

bool TreeBuilder::stack_has(Tag tag) const {
  for (const Open &e : open_)
    if (e.ns == Ns::html && e.tag == tag) return true;
  return false;
}

std::size_t TreeBuilder::stack_index(pugi::xml_node node) const {
  for (std::size_t i = open_.size(); i-- > 0;)
    if (open_[i].node == node) return i;
  return SIZE_MAX;
}

void TreeBuilder::pop() {
  const Open &e = open_.back();
  // An element closed by its own end tag ends with that tag; one closed
  // implicitly ends where the token that closed it begins.
  bool own_end_tag = token_ && token_->kind == TokenKind::end_tag && e.ns == Ns::html &&
                     (e.tag != Tag::unknown ? e.tag == token_tag_ : token_->name == e.node.name());
  mark_closed(e.node, own_end_tag ? token_end_ : token_begin_);
  pugi::xml_node popped = e.node;
  bool option = e.ns == Ns::html && e.tag == Tag::option;
  stack_erase(open_.size() - 1);
  if (option) maybe_clone_option(popped);
}

void TreeBuilder::pop_until(Tag tag) {
  while (!open_.empty()) {
    bool done = is_html(open_.back(), tag);
    pop();
    if (done) return;
  }
}

void TreeBuilder::pop_until_one_of(std::initializer_list<Tag> tags) {
  while (!open_.empty()) {
    bool done = false;
    for (Tag tag : tags) done = done || is_html(open_.back(), tag);
    pop();
    if (done) return;
  }
}

void TreeBuilder::pop_until_node(pugi::xml_node node) {
  while (!open_.empty()) {
    bool done = open_.back().node == node;
    pop();
    if (done) return;
  }
}

void TreeBuilder::generate_implied_end_tags(Tag except) {
  while (!open_.empty() && open_.back().ns == Ns::html && tag_is(open_.back().tag, kImpliedEndTag) &&
         open_.back().tag != except)
    pop();
}

void TreeBuilder::generate_all_implied_end_tags_thoroughly() {
  for (;;) {
    if (open_.empty() || open_.back().ns != Ns::html) return;
    if (!tag_is(open_.back().tag, kImpliedEndTagThoroughly)) return;
    pop();
  }
}

void TreeBuilder::remove_from_stack(pugi::xml_node node) {
  std::size_t i = stack_index(node);
  if (i != SIZE_MAX) stack_erase(i);
}

// Every change to the stack goes through these three, so that each node's
// "open" mark (what is_open() reads in O(1)) always matches the stack.
void TreeBuilder::stack_insert(std::size_t index, const Open &entry) {
  open_.insert(open_.begin() + static_cast<std::ptrdiff_t>(index), entry);
  dom_.info(entry.node).open = true;
}

void TreeBuilder::stack_erase(std::size_t index) {
  dom_.info(open_[index].node).open = false;
  open_.erase(open_.begin() + static_cast<std::ptrdiff_t>(index));
}

void TreeBuilder::stack_replace(std::size_t index, pugi::xml_node node) {
  dom_.info(open_[index].node).open = false;
  open_[index].node = node;
  dom_.info(node).open = true;
}

bool TreeBuilder::is_open(pugi::xml_node node) const {
  const NodeInfo *info = dom_.find_info(node);
  return info && info->open;
}

void TreeBuilder::clear_stack_to_table_context() {
  while (!(current_is(Tag::table) || current_is(Tag::template_) || current_is(Tag::html))) pop();
}

void TreeBuilder::clear_stack_to_table_body_context() {
  while (!(current_is(Tag::tbody) || current_is(Tag::tfoot) || current_is(Tag::thead) ||
           current_is(Tag::template_) || current_is(Tag::html)))
    pop();
}

void TreeBuilder::clear_stack_to_table_row_context() {
  while (!(current_is(Tag::tr) || current_is(Tag::template_) || current_is(Tag::html))) pop();
}

void TreeBuilder::close_cell() {
  generate_implied_end_tags();
  if (!(current_is(Tag::td) || current_is(Tag::th))) error("unexpected-cell-end");
  pop_until_one_of({Tag::td, Tag::th});
  clear_formatting_to_marker();
  mode_ = Mode::in_row;
}

// The usual steps of an end tag: ignored (as an error) unless an element
// of the tag is in scope; else implied end tags are generated (all but
// `implied_except`) and the stack is popped through that element.  True
// when the element was closed.
bool TreeBuilder::close_element_in_scope(Tag tag, Scope scope, Tag implied_except) {
  if (!in_scope(tag, scope)) {
    error("unexpected-end-tag");
    return false;
  }
  generate_implied_end_tags(implied_except);
  if (!current_is(tag)) error("end-tag-too-early");
  pop_until(tag);
  return true;
}

void TreeBuilder::close_p_element() {
  generate_implied_end_tags(Tag::p);
  if (!current_is(Tag::p)) error("unexpected-p-end");
  pop_until(Tag::p);
}

void TreeBuilder::reset_insertion_mode() {
  for (std::size_t i = open_.size(); i-- > 0;) {
    bool last = i == 0;
    const Open &node = (last && fragment_) ? context_ : open_[i];
    if (node.ns != Ns::html) {
      if (last) break;
      continue;
    }
    switch (node.tag) {
      case Tag::td:
      case Tag::th:
        if (!last) {
          mode_ = Mode::in_cell;
          return;
        }
        break;
      case Tag::tr: mode_ = Mode::in_row; return;
      case Tag::tbody: case Tag::thead: case Tag::tfoot: mode_ = Mode::in_table_body; return;
      case Tag::caption: mode_ = Mode::in_caption; return;
      case Tag::colgroup: mode_ = Mode::in_column_group; return;
      case Tag::table: mode_ = Mode::in_table; return;
      case Tag::template_: mode_ = template_modes_.empty() ? Mode::in_template : template_modes_.back(); return;
      case Tag::head:
        if (!last) {
          mode_ = Mode::in_head;
          return;
        }
        break;
      case Tag::body: mode_ = Mode::in_body; return;
      case Tag::frameset: mode_ = Mode::in_frameset; return;
      case Tag::html: mode_ = head_ ? Mode::after_head : Mode::before_head; return;
      default: break;
    }
    if (last) break;
  }
  mode_ = Mode::in_body;
}

}  // namespace postparse::impl::html
