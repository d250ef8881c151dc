// Table insertion modes: in table, in table text, in caption, in column
// group, in table body, in row, in cell.
#include "html/token_match.h"
#include "html/tree_builder.h"

namespace postparse::impl::html {

void TreeBuilder::in_table_anything_else(Token &t) {
  error("unexpected-token-in-table");
  foster_parenting_ = true;
  mode_in_body(t);
  foster_parenting_ = false;
}

void TreeBuilder::mode_in_table(Token &t) {
  if (t.kind == TokenKind::character) {
    if (current_is(Tag::table) || current_is(Tag::tbody) || current_is(Tag::template_) ||
        current_is(Tag::tfoot) || current_is(Tag::thead) || current_is(Tag::tr)) {
      pending_table_text_.clear();
      pending_table_text_dirty_ = false;
      original_mode_ = mode_;
      mode_ = Mode::in_table_text;
      return process(mode_, t);
    }
    return in_table_anything_else(t);
  }
  if (t.kind == TokenKind::comment) return insert_comment(t, appropriate_place());
  if (t.kind == TokenKind::doctype) return error("unexpected-doctype");
  if (start(t, {"caption"})) {
    clear_stack_to_table_context();
    push_marker();
    insert_html_element(t);
    mode_ = Mode::in_caption;
    return;
  }
  if (start(t, {"colgroup"})) {
    clear_stack_to_table_context();
    insert_html_element(t);
    mode_ = Mode::in_column_group;
    return;
  }
  if (start(t, {"col"})) {
    clear_stack_to_table_context();
    insert_element_named("colgroup", Tag::colgroup, t.begin);
    mode_ = Mode::in_column_group;
    return process(mode_, t);
  }
  if (start(t, {"tbody", "tfoot", "thead"})) {
    clear_stack_to_table_context();
    insert_html_element(t);
    mode_ = Mode::in_table_body;
    return;
  }
  if (start(t, {"td", "th", "tr"})) {
    clear_stack_to_table_context();
    insert_element_named("tbody", Tag::tbody, t.begin);
    mode_ = Mode::in_table_body;
    return process(mode_, t);
  }
  if (start(t, {"table"})) {
    error("unexpected-start-tag-implies-end-tag");
    if (!in_scope(Tag::table, kTableScope)) return;
    pop_until(Tag::table);
    reset_insertion_mode();
    return process(mode_, t);
  }
  if (end(t, {"table"})) {
    if (!in_scope(Tag::table, kTableScope)) return error("unexpected-end-tag");
    pop_until(Tag::table);
    reset_insertion_mode();
    return;
  }
  if (end(t, {"body", "caption", "col", "colgroup", "html", "tbody", "td", "tfoot", "th", "thead", "tr"}))
    return error("unexpected-end-tag");
  if (start(t, {"style", "script", "template"}) || end(t, {"template"})) return mode_in_head(t);
  if (start(t, {"input"})) {
    if (!is_hidden_input(t)) return in_table_anything_else(t);
    error("unexpected-hidden-input-in-table");
    if (insert_html_element(t)) pop();
    return;
  }
  if (start(t, {"form"})) {
    error("unexpected-form-in-table");
    if (stack_has(Tag::template_) || form_) return;
    form_ = insert_html_element(t);
    if (form_) pop();
    return;
  }
  if (t.kind == TokenKind::end_of_file) return mode_in_body(t);
  in_table_anything_else(t);
}

void TreeBuilder::mode_in_table_text(Token &t) {
  if (t.kind == TokenKind::character) {
    for (char c : t.data) {
      if (c == '\0') {
        error("unexpected-null-character");
        continue;
      }
      if (!is_html_space(c)) pending_table_text_dirty_ = true;
      pending_table_text_ += c;
    }
    return;
  }
  if (pending_table_text_dirty_) {
    // Non-whitespace text in a table is moved before it (foster parenting).
    error("unexpected-character-in-table");
    foster_parenting_ = true;
    reconstruct_formatting();
    insert_characters(pending_table_text_);
    frameset_ok_ = false;
    foster_parenting_ = false;
  } else {
    insert_characters(pending_table_text_);
  }
  pending_table_text_.clear();
  pending_table_text_dirty_ = false;
  mode_ = original_mode_;
  process(mode_, t);
}

void TreeBuilder::mode_in_caption(Token &t) {
  bool closes = end(t, {"caption"}) ||
                start(t, {"caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr"}) ||
                end(t, {"table"});
  if (closes) {
    if (!close_element_in_scope(Tag::caption, kTableScope)) return;
    clear_formatting_to_marker();
    mode_ = Mode::in_table;
    if (!end(t, {"caption"})) process(mode_, t);
    return;
  }
  if (end(t, {"body", "col", "colgroup", "html", "tbody", "td", "tfoot", "th", "thead", "tr"}))
    return error("unexpected-end-tag");
  mode_in_body(t);
}

void TreeBuilder::mode_in_column_group(Token &t) {
  if (shared_first_steps(t)) return;
  if (start(t, {"col"})) {
    if (insert_html_element(t)) pop();
    return;
  } else if (end(t, {"colgroup"})) {
    if (!current_is(Tag::colgroup)) return error("unexpected-end-tag");
    pop();
    mode_ = Mode::in_table;
    return;
  } else if (end(t, {"col"})) {
    return error("unexpected-end-tag");
  } else if (start(t, {"template"}) || end(t, {"template"})) {
    return mode_in_head(t);
  } else if (t.kind == TokenKind::end_of_file) {
    return mode_in_body(t);
  }
  if (!current_is(Tag::colgroup)) return error("unexpected-token-in-colgroup");
  pop();
  mode_ = Mode::in_table;
  process(mode_, t);
}

void TreeBuilder::mode_in_table_body(Token &t) {
  if (start(t, {"tr"})) {
    clear_stack_to_table_body_context();
    insert_html_element(t);
    mode_ = Mode::in_row;
    return;
  }
  if (start(t, {"th", "td"})) {
    error("unexpected-cell-in-table-body");
    clear_stack_to_table_body_context();
    insert_element_named("tr", Tag::tr, t.begin);
    mode_ = Mode::in_row;
    return process(mode_, t);
  }
  if (end(t, {"tbody", "tfoot", "thead"})) {
    if (!in_scope(tag_from_name(t.name), kTableScope)) return error("unexpected-end-tag");
    clear_stack_to_table_body_context();
    pop();
    mode_ = Mode::in_table;
    return;
  }
  if (start(t, {"caption", "col", "colgroup", "tbody", "tfoot", "thead"}) || end(t, {"table"})) {
    if (!in_scope(Tag::tbody, kTableScope) && !in_scope(Tag::thead, kTableScope) &&
        !in_scope(Tag::tfoot, kTableScope))
      return error("unexpected-token-in-table-body");
    clear_stack_to_table_body_context();
    pop();
    mode_ = Mode::in_table;
    return process(mode_, t);
  }
  if (end(t, {"body", "caption", "col", "colgroup", "html", "td", "th", "tr"})) return error("unexpected-end-tag");
  mode_in_table(t);
}

void TreeBuilder::mode_in_row(Token &t) {
  if (start(t, {"th", "td"})) {
    clear_stack_to_table_row_context();
    insert_html_element(t);
    mode_ = Mode::in_cell;
    push_marker();
    return;
  }
  if (end(t, {"tr"})) {
    if (!in_scope(Tag::tr, kTableScope)) return error("unexpected-end-tag");
    clear_stack_to_table_row_context();
    pop();
    mode_ = Mode::in_table_body;
    return;
  }
  if (start(t, {"caption", "col", "colgroup", "tbody", "tfoot", "thead", "tr"}) || end(t, {"table"})) {
    if (!in_scope(Tag::tr, kTableScope)) return error("unexpected-token-in-row");
    clear_stack_to_table_row_context();
    pop();
    mode_ = Mode::in_table_body;
    return process(mode_, t);
  }
  if (end(t, {"tbody", "tfoot", "thead"})) {
    if (!in_scope(tag_from_name(t.name), kTableScope)) return error("unexpected-end-tag");
    if (!in_scope(Tag::tr, kTableScope)) return;
    clear_stack_to_table_row_context();
    pop();
    mode_ = Mode::in_table_body;
    return process(mode_, t);
  }
  if (end(t, {"body", "caption", "col", "colgroup", "html", "td", "th"})) return error("unexpected-end-tag");
  mode_in_table(t);
}

void TreeBuilder::mode_in_cell(Token &t) {
  if (end(t, {"td", "th"})) {
    if (!close_element_in_scope(tag_from_name(t.name), kTableScope)) return;
    clear_formatting_to_marker();
    mode_ = Mode::in_row;
    return;
  }
  if (start(t, {"caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr"})) {
    if (!in_scope(Tag::td, kTableScope) && !in_scope(Tag::th, kTableScope))
      return error("unexpected-token-in-cell");
    close_cell();
    return process(mode_, t);
  }
  if (end(t, {"body", "caption", "col", "colgroup", "html"})) return error("unexpected-end-tag");
  if (end(t, {"table", "tbody", "tfoot", "thead", "tr"})) {
    if (!in_scope(tag_from_name(t.name), kTableScope)) return error("unexpected-end-tag");
    close_cell();
    return process(mode_, t);
  }
  mode_in_body(t);
}

}  // namespace postparse::impl::html
