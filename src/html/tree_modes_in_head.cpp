// The head insertion modes: before head, in head, in head noscript, after
// head.
#include "html/token_match.h"
#include "html/tree_builder.h"

namespace postparse::impl::html {

void TreeBuilder::mode_before_head(Token &t) {
  if (t.kind == TokenKind::character) {
    std::size_t n = 0;
    while (n < t.data.size() && is_html_space(t.data[n])) ++n;
    t.data.erase(0, n);
    if (t.data.empty()) return;
  } else if (t.kind == TokenKind::comment) {
    return insert_comment(t, appropriate_place());
  } else if (t.kind == TokenKind::doctype) {
    return error("unexpected-doctype");
  } else if (start(t, {"html"})) {
    return mode_in_body(t);
  } else if (start(t, {"head"})) {
    head_ = insert_html_element(t);
    mode_ = Mode::in_head;
    return;
  } else if (t.kind == TokenKind::end_tag && !end(t, {"head", "body", "html", "br"})) {
    return error("unexpected-end-tag");
  }
  head_ = insert_element_named("head", Tag::head, t.begin);
  mode_ = Mode::in_head;
  process(mode_, t);
}

// The steps the in head, after head and in column group modes begin with:
// leading white space of a character token is inserted, comments are
// inserted, a DOCTYPE is a parse error, and <html> goes to the in body
// rules.  True when that dealt with the whole token; false when the mode
// goes on with it (a character token then holds what followed its white
// space).
bool TreeBuilder::shared_first_steps(Token &t) {
  if (t.kind == TokenKind::character) return !split_leading_whitespace(t);
  if (t.kind == TokenKind::comment) {
    insert_comment(t, appropriate_place());
    return true;
  }
  if (t.kind == TokenKind::doctype) {
    error("unexpected-doctype");
    return true;
  }
  if (start(t, {"html"})) {
    mode_in_body(t);
    return true;
  }
  return false;
}

void TreeBuilder::mode_in_head(Token &t) {
  if (shared_first_steps(t)) return;
  if (start(t, {"base", "basefont", "bgsound", "link", "meta"})) {
    insert_html_element(t);
    pop();
    return;
  } else if (start(t, {"title"})) {
    return parse_raw_text(t, TokenizerState::rcdata);
  } else if ((start(t, {"noscript"}) && scripting_) || start(t, {"noframes", "style"})) {
    return parse_raw_text(t, TokenizerState::rawtext);
  } else if (start(t, {"noscript"})) {
    insert_html_element(t);
    mode_ = Mode::in_head_noscript;
    return;
  } else if (start(t, {"script"})) {
    return parse_raw_text(t, TokenizerState::script_data);
  } else if (end(t, {"head"})) {
    pop();
    mode_ = Mode::after_head;
    return;
  } else if (start(t, {"template"})) {
    insert_html_element(t);
    push_marker();
    frameset_ok_ = false;
    mode_ = Mode::in_template;
    template_modes_.push_back(Mode::in_template);
    return;
  } else if (end(t, {"template"})) {
    if (!stack_has(Tag::template_)) return error("unexpected-end-tag");
    generate_all_implied_end_tags_thoroughly();
    if (!current_is(Tag::template_)) error("unexpected-end-tag");
    pop_until(Tag::template_);
    clear_formatting_to_marker();
    if (!template_modes_.empty()) template_modes_.pop_back();
    reset_insertion_mode();
    return;
  } else if (start(t, {"head"}) || (t.kind == TokenKind::end_tag && !end(t, {"body", "html", "br"}))) {
    return error("unexpected-tag-in-head");
  }
  pop();  // the head
  mode_ = Mode::after_head;
  process(mode_, t);
}

void TreeBuilder::mode_in_head_noscript(Token &t) {
  if (t.kind == TokenKind::doctype) return error("unexpected-doctype");
  if (start(t, {"html"})) return mode_in_body(t);
  if (end(t, {"noscript"})) {
    pop();
    mode_ = Mode::in_head;
    return;
  }
  if ((t.kind == TokenKind::character && all_whitespace(t.data)) || t.kind == TokenKind::comment ||
      start(t, {"basefont", "bgsound", "link", "meta", "noframes", "style"}))
    return mode_in_head(t);
  if (t.kind == TokenKind::character) {
    if (!split_leading_whitespace(t)) return;
  } else if (start(t, {"head", "noscript"}) || (t.kind == TokenKind::end_tag && !end(t, {"br"}))) {
    return error("unexpected-tag-in-noscript");
  }
  error("unexpected-tag-in-noscript");
  pop();
  mode_ = Mode::in_head;
  process(mode_, t);
}

void TreeBuilder::mode_after_head(Token &t) {
  if (shared_first_steps(t)) return;
  if (start(t, {"body"})) {
    insert_html_element(t);
    frameset_ok_ = false;
    mode_ = Mode::in_body;
    return;
  } else if (start(t, {"frameset"})) {
    insert_html_element(t);
    mode_ = Mode::in_frameset;
    return;
  } else if (start_in(t, kInHeadStartTag)) {
    error("unexpected-start-tag-out-of-my-head");
    if (head_) push(head_, Tag::head, Ns::html);
    mode_in_head(t);
    if (head_) {
      std::size_t i = stack_index(head_);
      if (i != SIZE_MAX) stack_erase(i);
    }
    return;
  } else if (end(t, {"template"})) {
    return mode_in_head(t);
  } else if (start(t, {"head"}) || (t.kind == TokenKind::end_tag && !end(t, {"body", "html", "br"}))) {
    return error("unexpected-tag-after-head");
  }
  insert_element_named("body", Tag::body, t.begin);
  mode_ = Mode::in_body;
  process(mode_, t);
}

}  // namespace postparse::impl::html
