// The "text" insertion mode, which the raw text and RCDATA elements
// (<script>, <style>, <title>, <textarea>...) switch to for their content.
#include "html/tree_builder.h"

namespace postparse::impl::html {

void TreeBuilder::parse_raw_text(Token &t, TokenizerState state) {
  insert_html_element(t);
  tokenizer_.set_state(state);
  original_mode_ = mode_;
  mode_ = Mode::text;
}

void TreeBuilder::mode_text(Token &t) {
  if (t.kind == TokenKind::character) return insert_characters(t.data);
  if (t.kind == TokenKind::end_of_file) {
    error("eof-in-text");
    pop();
    mode_ = original_mode_;
    return process(mode_, t);
  }
  if (t.kind == TokenKind::end_tag) {
    pop();
    mode_ = original_mode_;
  }
}

}  // namespace postparse::impl::html
