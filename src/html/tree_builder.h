// The WHATWG tree construction stage (https://html.spec.whatwg.org/#tree-construction):
// insertion modes, the stack of open elements, the list of active formatting
// elements with the adoption agency algorithm, foster parenting, templates,
// foreign content and fragment parsing.  It builds into a Dom.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/limits.h"
#include "html/dom.h"
#include "html/token.h"
#include "html/tree_limits.h"
#include "html/tokenizer.h"

namespace postparse::impl::html {

enum class QuirksMode { no_quirks, limited_quirks, quirks };

// The context element of a fragment parse (e.g. <body> for a post body).
struct FragmentContext {
  std::string name = "body";
  Ns ns = Ns::html;
};

class TreeBuilder {
 public:
  // Of `limits`, the tree builder obeys html_nodes, html_depth,
  // html_attributes and diagnostics (the parse errors it records).  Past
  // html_nodes the tree stops growing (clones count their copied attribute
  // text too, see charge_clone); at html_depth the deepest open element is
  // closed, as its own end tag would close it, before the next start tag,
  // so deeper elements become siblings (browsers flatten too); past
  // html_attributes an element's further attributes are dropped.  Each is
  // reported once as a LimitEvent and a parse error with its position.
  TreeBuilder(std::string_view input, std::size_t base, Dom &dom, const Limits &limits,
              bool scripting, std::vector<ParseError> *errors);

  // Parses the input as a whole document into dom.document().
  void parse_document();
  // Parses the input as a fragment; the result is the children of the
  // returned <html> element (itself a child of dom.document()).
  pugi::xml_node parse_fragment(const FragmentContext &context);

  QuirksMode quirks_mode() const { return quirks_; }
  // Limits that were hit (always recorded, even without parse errors).
  const std::vector<LimitEvent> &limit_events() const { return limit_events_; }
  bool limit_hit() const { return stopped_; }
  // Parse errors seen, recorded or not (the list stops at max_errors).
  std::size_t error_total() const { return error_total_ + tokenizer_.error_count(); }

 private:
  enum class Mode {
    initial, before_html, before_head, in_head, in_head_noscript, after_head, in_body, text,
    in_table, in_table_text, in_caption, in_column_group, in_table_body, in_row, in_cell,
    in_template, after_body, in_frameset, after_frameset,
    after_after_body, after_after_frameset
  };

  struct Open {
    pugi::xml_node node;
    Tag tag;
    Ns ns;
    bool integration_point = false;  // HTML integration point (MathML annotation-xml / SVG)
  };

  struct Formatting {
    bool marker = false;
    pugi::xml_node node;
    Tag tag = Tag::unknown;
    std::string name;
    std::vector<Attribute> attributes;
    std::size_t begin = 0, end = 0;
  };

  // A place to insert a node: in `parent`, before `before` (or at the end).
  struct Place {
    pugi::xml_node parent, before;
  };

  // --- driver (tree_builder.cpp) ---
  void run();
  void dispatch(Token &t);
  bool use_foreign_rules(const Token &t) const;
  void process(Mode mode, Token &t);
  void error(std::string_view code, std::size_t offset);
  void error(std::string_view code) { error(code, token_begin_); }
  void record_error(const ParseError &e);
  void limit_error(TreeLimit limit);
  void make_room_for_depth();
  bool close_current_as_end_tag();
  bool split_leading_whitespace(Token &t);

  // --- stack of open elements (tree_stack.cpp) ---
  const Open &current() const { return open_.back(); }
  const Open &adjusted_current() const;
  bool current_is(Tag tag) const;
  bool is_html(const Open &e, Tag tag) const { return e.ns == Ns::html && e.tag == tag; }
  bool in_scope(Tag tag, Scope scope) const;
  bool in_scope_node(pugi::xml_node node, Scope scope) const;
  bool in_scope_any_heading(Scope scope) const;
  bool stack_has(Tag tag) const;
  void pop();
  void stack_insert(std::size_t index, const Open &entry);
  void stack_erase(std::size_t index);
  void stack_replace(std::size_t index, pugi::xml_node node);
  bool is_open(pugi::xml_node node) const;
  void pop_until(Tag tag);
  void pop_until_one_of(std::initializer_list<Tag> tags);
  void pop_until_node(pugi::xml_node node);
  void generate_implied_end_tags(Tag except = Tag::unknown);
  void generate_all_implied_end_tags_thoroughly();
  void remove_from_stack(pugi::xml_node node);
  std::size_t stack_index(pugi::xml_node node) const;
  void reset_insertion_mode();
  void clear_stack_to_table_context();
  void clear_stack_to_table_body_context();
  void clear_stack_to_table_row_context();
  void close_cell();
  void close_p_element();
  bool close_element_in_scope(Tag tag, Scope scope, Tag implied_except = Tag::unknown);

  // --- inserting (tree_insert.cpp) ---
  Place appropriate_place(pugi::xml_node override_target = {});
  pugi::xml_node create_element(const Token &t, Ns ns, Place place, const std::string &name);
  pugi::xml_node insert_html_element(const Token &t);
  pugi::xml_node insert_foreign_element(const Token &t, Ns ns);
  pugi::xml_node insert_element_named(const std::string &name, Tag tag, std::size_t at);
  void push(pugi::xml_node node, Tag tag, Ns ns, bool integration_point = false);
  void insert_characters(std::string_view text);
  void insert_comment(const Token &t, Place place);
  void mark_closed(pugi::xml_node node, std::size_t end);
  // Thrown by ensure_room_for_node when the node limit is reached; run()
  // catches it and stops.
  struct NodeLimitReached {};
  void ensure_room_for_node();
  static constexpr std::size_t kCloneNodes = 4;
  static constexpr std::size_t kCloneBytesPerNode = 64;
  void charge_clone(const std::vector<Attribute> &attributes);
  void note_option(pugi::xml_node option, const Token &t);
  void maybe_clone_option(pugi::xml_node option);

  // --- active formatting elements (tree_formatting.cpp) ---
  void push_formatting(pugi::xml_node node, const Token &t);
  void push_marker();
  void reconstruct_formatting();
  void clear_formatting_to_marker();
  std::size_t formatting_index(pugi::xml_node node) const;
  bool run_adoption_agency(Token &t);

  // --- insertion modes, one file per mode or group of modes ---
  // tree_modes_initial.cpp
  void mode_initial(Token &t);
  void handle_doctype(Token &t);  // doctype.cpp
  void mode_before_html(Token &t);
  // tree_modes_in_head.cpp
  void mode_before_head(Token &t);
  bool shared_first_steps(Token &t);
  void mode_in_head(Token &t);
  void mode_in_head_noscript(Token &t);
  void mode_after_head(Token &t);
  // tree_mode_in_body.cpp: the mode, and start tags by group
  void mode_in_body(Token &t);
  void body_start_tag(Token &t);
  void body_start_html(const Token &t);
  void body_start_body(const Token &t);
  void add_missing_attributes(pugi::xml_node element, const Token &t);
  void body_start_frameset(const Token &t);
  void close_p_in_button_scope();
  void body_start_block(const Token &t);
  void body_start_heading(const Token &t);
  void body_start_pre(const Token &t);
  void body_start_form(const Token &t);
  void body_start_list_item(const Token &t, Tag tag);
  void body_start_plaintext(const Token &t);
  void body_start_button(const Token &t);
  void run_implied_formatting_end_tag(const char *name, std::size_t at);
  void insert_formatting_element(const Token &t);
  void body_start_a(const Token &t);
  void body_start_formatting(const Token &t);
  void body_start_nobr(const Token &t);
  void body_start_applet_marquee_object(const Token &t);
  void body_start_table(const Token &t);
  void insert_void_element(const Token &t);
  void body_start_void(const Token &t);
  void body_start_input(const Token &t);
  void body_start_media_parameter(const Token &t);
  void body_start_hr(const Token &t);
  void body_start_textarea(const Token &t);
  void body_start_raw_text(Token &t, Tag tag);
  void body_start_select(const Token &t);
  void body_start_option(const Token &t);
  void body_start_optgroup(const Token &t);
  void body_start_ruby_child(const Token &t, Tag tag);
  void body_start_foreign(const Token &t, Tag tag);
  void body_start_other(const Token &t);
  // tree_mode_in_body_end_tags.cpp
  void body_end_tag(Token &t);
  void body_end_body(Token &t, Tag tag);
  void body_end_form(const Token &t);
  void body_end_p(const Token &t);
  void body_end_heading(Tag tag);
  void body_any_other_end_tag(Token &t);
  // tree_mode_text.cpp
  void mode_text(Token &t);
  void parse_raw_text(Token &t, TokenizerState state);
  // tree_modes_in_table.cpp
  void mode_in_table(Token &t);
  void in_table_anything_else(Token &t);
  void mode_in_table_text(Token &t);
  void mode_in_caption(Token &t);
  void mode_in_column_group(Token &t);
  void mode_in_table_body(Token &t);
  void mode_in_row(Token &t);
  void mode_in_cell(Token &t);
  // tree_mode_in_template.cpp
  void mode_in_template(Token &t);
  // tree_modes_after_body.cpp
  void mode_after_body(Token &t);
  void mode_after_after_body(Token &t);
  // tree_modes_in_frameset.cpp
  void mode_in_frameset(Token &t);
  void insert_whitespace_only(const Token &t, std::string_view error_code);
  void mode_after_frameset(Token &t);
  void mode_after_after_frameset(Token &t);
  // tree_foreign_content.cpp
  void foreign_content(Token &t);
  void pop_until_html_or_integration_point();

  std::string_view input_;
  std::size_t base_;
  Dom &dom_;
  Limits limits_;
  bool scripting_;
  std::vector<ParseError> *errors_;
  std::vector<LimitEvent> limit_events_;
  Tokenizer tokenizer_;
  std::size_t error_total_ = 0;
  std::size_t clone_units_ = 0;  // copied attribute text, in nodes (charge_clone)

  Mode mode_ = Mode::initial;
  Mode original_mode_ = Mode::initial;
  std::vector<Mode> template_modes_;
  std::vector<Open> open_;
  std::vector<Formatting> formatting_;
  pugi::xml_node head_, form_;
  bool frameset_ok_ = true;
  bool foster_parenting_ = false;
  bool stopped_ = false;
  bool depth_reported_ = false;
  bool attributes_reported_ = false;
  QuirksMode quirks_ = QuirksMode::no_quirks;
  bool fragment_ = false;
  Open context_{};  // fragment context element (not in the DOM)
  bool skip_next_newline_ = false;  // after <pre>, <listing>, <textarea>
  std::string pending_table_text_;
  bool pending_table_text_dirty_ = false;  // holds non-whitespace
  std::size_t token_begin_ = 0, token_end_ = 0;
  const Token *token_ = nullptr;  // the token being processed
  Tag token_tag_ = Tag::unknown;  // its tag name, interned
  pugi::xml_node root_;  // the <html> element
  // Customizable <select>: which option of each select is selected, and the
  // <selectedcontent> elements that mirror it.
  struct SelectState {
    pugi::xml_node first_option, selected_option;
  };
  std::unordered_map<const void *, SelectState> selects_;
  std::vector<pugi::xml_node> selectedcontents_;
};

}  // namespace postparse::impl::html
