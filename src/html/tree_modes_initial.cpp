// The first insertion modes of a document: "initial" (the DOCTYPE and the
// quirks mode) and "before html".
#include "html/token_match.h"
#include "html/tree_builder.h"

namespace postparse::impl::html {

void TreeBuilder::mode_initial(Token &t) {
  if (t.kind == TokenKind::character) {
    std::size_t n = 0;
    while (n < t.data.size() && is_html_space(t.data[n])) ++n;
    t.data.erase(0, n);  // whitespace is ignored here
    if (t.data.empty()) return;
  } else if (t.kind == TokenKind::comment) {
    return insert_comment(t, {dom_.document(), {}});
  } else if (t.kind == TokenKind::doctype) {
    return handle_doctype(t);
  }
  error("expected-doctype-but-got-other");
  quirks_ = QuirksMode::quirks;
  mode_ = Mode::before_html;
  process(mode_, t);
}

void TreeBuilder::mode_before_html(Token &t) {
  if (t.kind == TokenKind::doctype) return error("unexpected-doctype");
  if (t.kind == TokenKind::comment) return insert_comment(t, {dom_.document(), {}});
  if (t.kind == TokenKind::character) {
    std::size_t n = 0;
    while (n < t.data.size() && is_html_space(t.data[n])) ++n;
    t.data.erase(0, n);
    if (t.data.empty()) return;
  }
  if (start(t, {"html"})) {
    root_ = create_element(t, Ns::html, {dom_.document(), {}}, t.name);
    push(root_, Tag::html, Ns::html);
    mode_ = Mode::before_head;
    return;
  }
  if (t.kind == TokenKind::end_tag && !end(t, {"head", "body", "html", "br"}))
    return error("unexpected-end-tag-before-html");
  ensure_room_for_node();
  root_ = dom_.add_element(dom_.document(), {}, "html", Ns::html, Tag::html, t.begin, t.begin);
  push(root_, Tag::html, Ns::html);
  mode_ = Mode::before_head;
  process(mode_, t);
}

}  // namespace postparse::impl::html
