// Tree construction in foreign content (https://html.spec.whatwg.org/#parsing-main-inforeign):
// tokens whose adjusted current node is an SVG or MathML element, except at
// integration points.
#include "html/foreign.h"
#include "html/token_match.h"
#include "html/tree_builder.h"

namespace postparse::impl::html {

void TreeBuilder::pop_until_html_or_integration_point() {
  while (!open_.empty()) {
    const Open &c = current();
    if (c.ns == Ns::html || is_mathml_text_integration_point(c.tag, c.ns) || c.integration_point) return;
    pop();
  }
}

void TreeBuilder::foreign_content(Token &t) {
  if (t.kind == TokenKind::character) {
    bool non_space = false;
    std::string text;
    for (char c : t.data) {
      if (c == '\0') {
        error("unexpected-null-character");
        text += "\xEF\xBF\xBD";
        continue;
      }
      if (!is_html_space(c)) non_space = true;
      text += c;
    }
    insert_characters(text);
    if (non_space) frameset_ok_ = false;
    return;
  }
  if (t.kind == TokenKind::comment) return insert_comment(t, appropriate_place());
  if (t.kind == TokenKind::doctype) return error("unexpected-doctype");
  if (t.kind == TokenKind::start_tag) {
    bool font_attributes = false;
    for (const Attribute &a : t.attributes)
      font_attributes = font_attributes || a.name == "color" || a.name == "face" || a.name == "size";
    if (breaks_out_of_foreign_content(tag_from_name(t.name), font_attributes)) {
      error("unexpected-html-element-in-foreign-content");
      pop_until_html_or_integration_point();
      return process(mode_, t);
    }
    insert_foreign_element(t, adjusted_current().ns);
    if (t.self_closing && !open_.empty()) pop();
    return;
  }
  if (t.kind == TokenKind::end_tag && (t.name == "br" || t.name == "p")) {
    error("unexpected-html-end-tag-in-foreign-content");
    pop_until_html_or_integration_point();
    return process(mode_, t);
  }
  if (t.kind == TokenKind::end_tag) {
    if (t.name == "script" && current().ns == Ns::svg && std::string_view(current().node.name()) == "script") {
      pop();
      return;
    }
    std::size_t i = open_.size() - 1;
    if (ascii_lower(open_[i].node.name()) != t.name) error("unexpected-end-tag");
    for (;;) {
      if (i == 0) return;
      if (ascii_lower(open_[i].node.name()) == t.name) {
        pop_until_node(open_[i].node);
        return;
      }
      --i;
      if (open_[i].ns == Ns::html) return process(mode_, t);
    }
  }
}

}  // namespace postparse::impl::html
