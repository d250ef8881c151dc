// The "in template" insertion mode: a template's content is parsed in the
// mode its first start tag calls for.
#include "html/token_match.h"
#include "html/tree_builder.h"

namespace postparse::impl::html {

void TreeBuilder::mode_in_template(Token &t) {
  auto switch_to = [&](Mode mode) {
    if (!template_modes_.empty()) template_modes_.pop_back();
    template_modes_.push_back(mode);
    mode_ = mode;
    process(mode_, t);
  };
  if (t.kind == TokenKind::character || t.kind == TokenKind::comment || t.kind == TokenKind::doctype)
    return mode_in_body(t);
  if (start_in(t, kInHeadStartTag) || end(t, {"template"}))
    return mode_in_head(t);
  if (start(t, {"caption", "colgroup", "tbody", "tfoot", "thead"})) return switch_to(Mode::in_table);
  if (start(t, {"col"})) return switch_to(Mode::in_column_group);
  if (start(t, {"tr"})) return switch_to(Mode::in_table_body);
  if (start(t, {"td", "th"})) return switch_to(Mode::in_row);
  if (t.kind == TokenKind::start_tag) return switch_to(Mode::in_body);
  if (t.kind == TokenKind::end_tag) return error("unexpected-end-tag-in-template");
  // End of file.
  if (!stack_has(Tag::template_)) return;
  error("eof-in-template");
  pop_until(Tag::template_);
  clear_formatting_to_marker();
  if (!template_modes_.empty()) template_modes_.pop_back();
  reset_insertion_mode();
  process(mode_, t);
}

}  // namespace postparse::impl::html
