// Creating and inserting nodes: the appropriate place (with foster
// parenting), elements for tokens, text, comments, and the tree limits.
#include "common/ascii.h"
#include "html/foreign.h"
#include "html/tree_builder.h"

namespace postparse::impl::html {

// The node limit ends tree construction in the middle of a token.  The step
// that wanted the node must not go on as if it had been made (it would push
// a missing element, or pop one it never pushed), so the whole token is
// abandoned by unwinding to run(), which stops the parse there.  Every node
// made so far stays in the tree.
void TreeBuilder::ensure_room_for_node() {
  if (dom_.node_count() + clone_units_ < limits_.html_nodes) return;
  if (!stopped_) limit_error(TreeLimit::nodes);
  stopped_ = true;
  throw NodeLimitReached{};
}

void TreeBuilder::mark_closed(pugi::xml_node node, std::size_t end) {
  if (!node) return;
  NodeInfo &info = dom_.info(node);
  if (end > info.end) info.end = end;
}

TreeBuilder::Place TreeBuilder::appropriate_place(pugi::xml_node override_target) {
  pugi::xml_node target = override_target ? override_target : current().node;
  const Open *target_open = nullptr;
  for (auto it = open_.rbegin(); it != open_.rend(); ++it)
    if (it->node == target) {
      target_open = &*it;
      break;
    }
  bool table_like = target_open && target_open->ns == Ns::html &&
                    (target_open->tag == Tag::table || target_open->tag == Tag::tbody ||
                     target_open->tag == Tag::tfoot || target_open->tag == Tag::thead ||
                     target_open->tag == Tag::tr);
  if (!foster_parenting_ || !table_like) return {target, {}};

  std::size_t last_template = SIZE_MAX, last_table = SIZE_MAX;
  for (std::size_t i = open_.size(); i-- > 0;) {
    if (last_template == SIZE_MAX && is_html(open_[i], Tag::template_)) last_template = i;
    if (last_table == SIZE_MAX && is_html(open_[i], Tag::table)) last_table = i;
  }
  if (last_template != SIZE_MAX && (last_table == SIZE_MAX || last_template > last_table))
    return {open_[last_template].node, {}};
  if (last_table == SIZE_MAX) return {open_.front().node, {}};
  pugi::xml_node table = open_[last_table].node;
  if (table.parent()) return {table.parent(), table};
  return {open_[last_table - 1].node, {}};
}

pugi::xml_node TreeBuilder::create_element(const Token &t, Ns ns, Place place, const std::string &name) {
  ensure_room_for_node();
  Tag tag = ns == Ns::html ? tag_from_name(name) : tag_from_name(t.name);
  pugi::xml_node node = dom_.add_element(place.parent, place.before, name, ns, tag, t.begin, t.end);
  for (const Attribute &a : t.attributes) {
    if (ns == Ns::html) {
      dom_.add_attribute(node, a.name, a.value);
    } else {
      AdjustedAttribute adjusted = adjust_foreign_attribute(ns, a.name);
      dom_.add_attribute(node, adjusted.name, a.value, adjusted.ns);
    }
  }
  return node;
}

void TreeBuilder::push(pugi::xml_node node, Tag tag, Ns ns, bool integration_point) {
  stack_insert(open_.size(), Open{node, tag, ns, integration_point});
}

pugi::xml_node TreeBuilder::insert_html_element(const Token &t) {
  pugi::xml_node node = create_element(t, Ns::html, appropriate_place(), t.name);
  Tag tag = tag_from_name(t.name);
  push(node, tag, Ns::html);
  if (tag == Tag::option) note_option(node, t);
  if (tag == Tag::selectedcontent) selectedcontents_.push_back(node);
  return node;
}

pugi::xml_node TreeBuilder::insert_element_named(const std::string &name, Tag tag, std::size_t at) {
  ensure_room_for_node();
  Place place = appropriate_place();
  pugi::xml_node node = dom_.add_element(place.parent, place.before, name, Ns::html, tag, at, at);
  push(node, tag, Ns::html);
  return node;
}

pugi::xml_node TreeBuilder::insert_foreign_element(const Token &t, Ns ns) {
  std::string name = ns == Ns::svg ? adjust_svg_tag_name(t.name) : t.name;
  pugi::xml_node node = create_element(t, ns, appropriate_place(), name);
  Tag tag = tag_from_name(t.name);
  bool integration_point = is_svg_html_integration_point(tag, ns);
  if (ns == Ns::mathml && tag == Tag::annotation_xml) {
    for (const Attribute &a : t.attributes) {
      if (a.name != "encoding") continue;
      std::string v = ascii_lower(a.value);
      integration_point = v == "text/html" || v == "application/xhtml+xml";
    }
  }
  push(node, tag, ns, integration_point);
  return node;
}

void TreeBuilder::insert_characters(std::string_view text) {
  if (text.empty()) return;
  Place place = appropriate_place();
  if (place.parent.type() == pugi::node_document) return;  // text cannot go there
  ensure_room_for_node();
  dom_.add_text(place.parent, place.before, text, token_begin_, token_end_);
}

void TreeBuilder::insert_comment(const Token &t, Place place) {
  ensure_room_for_node();
  dom_.add_comment(place.parent, place.before, t.data, t.begin, t.end);
}

namespace {

pugi::xml_node nearest_select(const Dom &dom, pugi::xml_node node) {
  for (pugi::xml_node p = node.parent(); p; p = p.parent()) {
    const NodeInfo *info = dom.find_info(p);
    if (info && info->ns == Ns::html && info->tag == Tag::select) return p;
  }
  return {};
}

}  // namespace

// The select's selectedness as options arrive: the first option, unless an
// option with a `selected` attribute comes (the last such one wins).
void TreeBuilder::note_option(pugi::xml_node option, const Token &t) {
  pugi::xml_node select = nearest_select(dom_, option);
  if (!select) return;
  SelectState &state = selects_[select.internal_object()];
  if (!state.first_option) state.first_option = option;
  for (const Attribute &a : t.attributes)
    if (a.name == "selected") state.selected_option = option;
}

// "Maybe clone an option into selectedcontent": when the selected option of
// a select is complete, its content is copied into the select's
// <selectedcontent>.
void TreeBuilder::maybe_clone_option(pugi::xml_node option) {
  if (selectedcontents_.empty()) return;
  pugi::xml_node select = nearest_select(dom_, option);
  if (!select) return;
  auto it = selects_.find(select.internal_object());
  if (it == selects_.end()) return;
  pugi::xml_node selected = it->second.selected_option ? it->second.selected_option : it->second.first_option;
  if (selected != option) return;
  for (pugi::xml_node target : selectedcontents_) {
    if (nearest_select(dom_, target) != select) continue;
    std::size_t used = dom_.node_count() + clone_units_;
    std::size_t budget = limits_.html_nodes > used ? limits_.html_nodes - used : 0;
    dom_.copy_children(option, target, budget);
    return;
  }
}

}  // namespace postparse::impl::html
