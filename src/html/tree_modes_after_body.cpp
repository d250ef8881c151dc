// The insertion modes after </body>: after body and after after body.
#include "html/token_match.h"
#include "html/tree_builder.h"

namespace postparse::impl::html {

void TreeBuilder::mode_after_body(Token &t) {
  if (t.kind == TokenKind::character && all_whitespace(t.data)) return mode_in_body(t);
  if (t.kind == TokenKind::comment) return insert_comment(t, {open_.front().node, {}});
  if (t.kind == TokenKind::doctype) return error("unexpected-doctype");
  if (start(t, {"html"})) return mode_in_body(t);
  if (end(t, {"html"})) {
    if (fragment_) return error("unexpected-end-tag");
    mark_closed(root_, t.end);
    mode_ = Mode::after_after_body;
    return;
  }
  if (t.kind == TokenKind::end_of_file) return;
  error("unexpected-token-after-body");
  mode_ = Mode::in_body;
  process(mode_, t);
}

void TreeBuilder::mode_after_after_body(Token &t) {
  if (t.kind == TokenKind::comment) return insert_comment(t, {dom_.document(), {}});
  if (t.kind == TokenKind::doctype || (t.kind == TokenKind::character && all_whitespace(t.data)) ||
      start(t, {"html"}))
    return mode_in_body(t);
  if (t.kind == TokenKind::end_of_file) return;
  error("unexpected-token-after-after-body");
  mode_ = Mode::in_body;
  process(mode_, t);
}

}  // namespace postparse::impl::html
