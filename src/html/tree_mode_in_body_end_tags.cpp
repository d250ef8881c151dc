// End tags in the "in body" insertion mode
// (https://html.spec.whatwg.org/#parsing-main-inbody): body_end_tag
// dispatches on the tag to one small function per group of end tags.
#include "html/token_match.h"
#include "html/tree_builder.h"

namespace postparse::impl::html {

void TreeBuilder::body_end_tag(Token &t) {
  const Tag tag = tag_from_name(t.name);
  switch (tag) {
    case Tag::template_: return mode_in_head(t);
    case Tag::body: case Tag::html: return body_end_body(t, tag);
    case Tag::address: case Tag::article: case Tag::aside: case Tag::blockquote: case Tag::button:
    case Tag::center: case Tag::details: case Tag::dialog: case Tag::dir: case Tag::div: case Tag::dl:
    case Tag::fieldset: case Tag::figcaption: case Tag::figure: case Tag::footer: case Tag::header:
    case Tag::hgroup: case Tag::listing: case Tag::main: case Tag::menu: case Tag::nav: case Tag::ol:
    case Tag::pre: case Tag::search: case Tag::section: case Tag::select: case Tag::summary: case Tag::ul:
      close_element_in_scope(tag, kDefaultScope);
      return;
    case Tag::form: return body_end_form(t);
    case Tag::p: return body_end_p(t);
    case Tag::li: close_element_in_scope(tag, kListItemScope, tag); return;
    case Tag::dd: case Tag::dt: close_element_in_scope(tag, kDefaultScope, tag); return;
    case Tag::h1: case Tag::h2: case Tag::h3: case Tag::h4: case Tag::h5: case Tag::h6:
      return body_end_heading(tag);
    case Tag::a: case Tag::b: case Tag::big: case Tag::code: case Tag::em: case Tag::font: case Tag::i:
    case Tag::nobr: case Tag::s: case Tag::small: case Tag::strike: case Tag::strong: case Tag::tt: case Tag::u:
      if (!run_adoption_agency(t)) body_any_other_end_tag(t);
      return;
    case Tag::applet: case Tag::marquee: case Tag::object:
      if (close_element_in_scope(tag, kDefaultScope)) clear_formatting_to_marker();
      return;
    case Tag::br:
      // </br> is read as <br>.
      error("unexpected-end-tag-br");
      t.kind = TokenKind::start_tag;
      t.attributes.clear();
      return body_start_tag(t);
    default: return body_any_other_end_tag(t);
  }
}

// </body> and </html> end the body (the elements stay open until the end
// of the input); </html> is then processed again in "after body".
void TreeBuilder::body_end_body(Token &t, Tag tag) {
  if (!in_scope(Tag::body, kDefaultScope)) return error("unexpected-end-tag");
  if (open_.size() > 1) mark_closed(open_[1].node, t.end);
  mode_ = Mode::after_body;
  if (tag == Tag::html) process(mode_, t);
}

// Outside templates </form> closes the form the form pointer names, where
// it is on the stack, and clears the pointer; in a template it closes the
// open <form> as other elements are closed.
void TreeBuilder::body_end_form(const Token &t) {
  if (stack_has(Tag::template_)) {
    close_element_in_scope(Tag::form, kDefaultScope);
    return;
  }
  pugi::xml_node node = form_;
  form_ = pugi::xml_node();
  if (!node || !in_scope_node(node, kDefaultScope)) return error("unexpected-end-tag");
  generate_implied_end_tags();
  if (current().node != node) error("end-tag-too-early");
  mark_closed(node, t.end);
  remove_from_stack(node);
}

// A </p> without an open <p> makes an empty one.
void TreeBuilder::body_end_p(const Token &t) {
  if (!in_scope(Tag::p, kButtonScope)) {
    error("unexpected-end-tag-p");
    insert_element_named("p", Tag::p, t.begin);
  }
  close_p_element();
}

// Any heading end tag closes the open heading, whatever its level.
void TreeBuilder::body_end_heading(Tag tag) {
  if (!in_scope_any_heading(kDefaultScope)) return error("unexpected-end-tag");
  generate_implied_end_tags();
  if (!current_is(tag)) error("end-tag-too-early");
  pop_until_one_of({Tag::h1, Tag::h2, Tag::h3, Tag::h4, Tag::h5, Tag::h6});
}

// Closes the innermost open element of the name, unless a special element
// stands between (then the end tag is ignored).
void TreeBuilder::body_any_other_end_tag(Token &t) {
  for (std::size_t i = open_.size(); i-- > 0;) {
    const Open &node = open_[i];
    if (node.ns == Ns::html && t.name == node.node.name()) {
      Tag tag = node.tag;
      pugi::xml_node target = node.node;
      generate_implied_end_tags(tag == Tag::unknown ? Tag::html : tag);
      // generate_implied_end_tags skips only known tags; an unknown name never
      // has an implied end tag, so nothing of it is popped above.
      if (current().node != target) error("end-tag-too-early");
      pop_until_node(target);
      return;
    }
    if (is_special(node.tag, node.ns)) return error("unexpected-end-tag");
  }
}

}  // namespace postparse::impl::html
