// The frameset insertion modes: in frameset, after frameset, after after
// frameset.
#include "html/token_match.h"
#include "html/tree_builder.h"

namespace postparse::impl::html {

// Frameset modes keep only the whitespace of character tokens.
void TreeBuilder::insert_whitespace_only(const Token &t, std::string_view error_code) {
  std::string kept;
  for (char c : t.data)
    if (is_html_space(c)) kept += c;
  if (kept.size() != t.data.size()) error(error_code);
  insert_characters(kept);
}

void TreeBuilder::mode_in_frameset(Token &t) {
  if (t.kind == TokenKind::character) {
    return insert_whitespace_only(t, "unexpected-char-in-frameset");
  }
  if (t.kind == TokenKind::comment) return insert_comment(t, appropriate_place());
  if (t.kind == TokenKind::doctype) return error("unexpected-doctype");
  if (start(t, {"html"})) return mode_in_body(t);
  if (start(t, {"frameset"})) {
    insert_html_element(t);
    return;
  }
  if (end(t, {"frameset"})) {
    if (open_.size() == 1 && current_is(Tag::html)) return error("unexpected-end-tag");
    pop();
    if (!fragment_ && !current_is(Tag::frameset)) mode_ = Mode::after_frameset;
    return;
  }
  if (start(t, {"frame"})) {
    insert_html_element(t);
    pop();
    return;
  }
  if (start(t, {"noframes"})) return mode_in_head(t);
  if (t.kind == TokenKind::end_of_file) {
    if (!(open_.size() == 1 && current_is(Tag::html))) error("eof-in-frameset");
    return;
  }
  error("unexpected-token-in-frameset");
}

void TreeBuilder::mode_after_frameset(Token &t) {
  if (t.kind == TokenKind::character) {
    return insert_whitespace_only(t, "unexpected-char-after-frameset");
  }
  if (t.kind == TokenKind::comment) return insert_comment(t, appropriate_place());
  if (t.kind == TokenKind::doctype) return error("unexpected-doctype");
  if (start(t, {"html"})) return mode_in_body(t);
  if (end(t, {"html"})) {
    mode_ = Mode::after_after_frameset;
    return;
  }
  if (start(t, {"noframes"})) return mode_in_head(t);
  if (t.kind == TokenKind::end_of_file) return;
  error("unexpected-token-after-frameset");
}

void TreeBuilder::mode_after_after_frameset(Token &t) {
  if (t.kind == TokenKind::comment) return insert_comment(t, {dom_.document(), {}});
  if (t.kind == TokenKind::doctype || (t.kind == TokenKind::character && all_whitespace(t.data)) ||
      start(t, {"html"}))
    return mode_in_body(t);
  if (t.kind == TokenKind::end_of_file) return;
  if (start(t, {"noframes"})) return mode_in_head(t);
  error("unexpected-token-after-after-frameset");
}

}  // namespace postparse::impl::html
