// The "in body" insertion mode (https://html.spec.whatwg.org/#parsing-main-inbody):
// characters, comments, and start tags; end tags are in
// tree_mode_in_body_end_tags.cpp.  body_start_tag dispatches on the tag to
// one small function per group of start tags the spec handles alike, in
// the spec's order.
#include <algorithm>

#include "html/token_match.h"
#include "html/tree_builder.h"

namespace postparse::impl::html {

void TreeBuilder::mode_in_body(Token &t) {
  switch (t.kind) {
    case TokenKind::character: {
      if (t.data.find('\0') != std::string::npos) {
        // U+0000 is dropped here (rare: only the data state lets it through).
        error("unexpected-null-character");
        t.data.erase(std::remove(t.data.begin(), t.data.end(), '\0'), t.data.end());
      }
      if (t.data.empty()) return;
      reconstruct_formatting();
      insert_characters(t.data);
      if (!all_whitespace(t.data)) frameset_ok_ = false;
      return;
    }
    case TokenKind::comment:
      return insert_comment(t, appropriate_place());
    case TokenKind::doctype:
      return error("unexpected-doctype");
    case TokenKind::start_tag:
      return body_start_tag(t);
    case TokenKind::end_tag:
      return body_end_tag(t);
    case TokenKind::end_of_file:
      if (!template_modes_.empty()) return mode_in_template(t);
      return;
  }
}

void TreeBuilder::body_start_tag(Token &t) {
  const Tag tag = tag_from_name(t.name);
  if (tag_is(tag, kInHeadStartTag)) return mode_in_head(t);
  switch (tag) {
    case Tag::html: return body_start_html(t);
    case Tag::body: return body_start_body(t);
    case Tag::frameset: return body_start_frameset(t);
    case Tag::address: case Tag::article: case Tag::aside: case Tag::blockquote: case Tag::center:
    case Tag::details: case Tag::dialog: case Tag::dir: case Tag::div: case Tag::dl: case Tag::fieldset:
    case Tag::figcaption: case Tag::figure: case Tag::footer: case Tag::header: case Tag::hgroup:
    case Tag::main: case Tag::menu: case Tag::nav: case Tag::ol: case Tag::p: case Tag::search:
    case Tag::section: case Tag::summary: case Tag::ul:
      return body_start_block(t);
    case Tag::h1: case Tag::h2: case Tag::h3: case Tag::h4: case Tag::h5: case Tag::h6:
      return body_start_heading(t);
    case Tag::pre: case Tag::listing: return body_start_pre(t);
    case Tag::form: return body_start_form(t);
    case Tag::li: case Tag::dd: case Tag::dt: return body_start_list_item(t, tag);
    case Tag::plaintext: return body_start_plaintext(t);
    case Tag::button: return body_start_button(t);
    case Tag::a: return body_start_a(t);
    case Tag::b: case Tag::big: case Tag::code: case Tag::em: case Tag::font: case Tag::i: case Tag::s:
    case Tag::small: case Tag::strike: case Tag::strong: case Tag::tt: case Tag::u:
      return body_start_formatting(t);
    case Tag::nobr: return body_start_nobr(t);
    case Tag::applet: case Tag::marquee: case Tag::object: return body_start_applet_marquee_object(t);
    case Tag::table: return body_start_table(t);
    case Tag::area: case Tag::br: case Tag::embed: case Tag::img: case Tag::keygen: case Tag::wbr:
      return body_start_void(t);
    case Tag::input: return body_start_input(t);
    case Tag::param: case Tag::source: case Tag::track: return body_start_media_parameter(t);
    case Tag::hr: return body_start_hr(t);
    case Tag::image:
      error("unexpected-start-tag-image");
      t.name = "img";
      return body_start_tag(t);
    case Tag::textarea: return body_start_textarea(t);
    case Tag::xmp: case Tag::iframe: case Tag::noembed: return body_start_raw_text(t, tag);
    case Tag::noscript:
      // Without scripting, <noscript> content is markup: any other start tag.
      return scripting_ ? body_start_raw_text(t, tag) : body_start_other(t);
    case Tag::select: return body_start_select(t);
    case Tag::option: return body_start_option(t);
    case Tag::optgroup: return body_start_optgroup(t);
    case Tag::rb: case Tag::rtc: case Tag::rp: case Tag::rt: return body_start_ruby_child(t, tag);
    case Tag::math: case Tag::svg: return body_start_foreign(t, tag);
    case Tag::caption: case Tag::col: case Tag::colgroup: case Tag::frame: case Tag::head: case Tag::tbody:
    case Tag::td: case Tag::tfoot: case Tag::th: case Tag::thead: case Tag::tr:
      return error("unexpected-start-tag-ignored");
    default: return body_start_other(t);
  }
}

// A stray <html> or <body> start tag adds the attributes the element lacks.
void TreeBuilder::add_missing_attributes(pugi::xml_node element, const Token &t) {
  for (const Attribute &a : t.attributes)
    if (!element.attribute(a.name.c_str())) dom_.add_attribute(element, a.name, a.value);
}

void TreeBuilder::body_start_html(const Token &t) {
  error("unexpected-start-tag-html");
  if (stack_has(Tag::template_) || open_.empty()) return;
  add_missing_attributes(open_.front().node, t);
}

void TreeBuilder::body_start_body(const Token &t) {
  error("unexpected-start-tag-body");
  if (open_.size() < 2 || !is_html(open_[1], Tag::body) || stack_has(Tag::template_)) return;
  frameset_ok_ = false;
  add_missing_attributes(open_[1].node, t);
}

// <frameset> replaces the body, while nothing has made the page a body page
// (frameset_ok_).
void TreeBuilder::body_start_frameset(const Token &t) {
  error("unexpected-start-tag-frameset");
  if (open_.size() < 2 || !is_html(open_[1], Tag::body) || !frameset_ok_) return;
  if (open_[1].node.parent()) dom_.detach(open_[1].node);
  while (open_.size() > 1) stack_erase(open_.size() - 1);
  insert_html_element(t);
  mode_ = Mode::in_frameset;
}

// Block elements close an open <p> (in button scope) before they start.
void TreeBuilder::close_p_in_button_scope() {
  if (in_scope(Tag::p, kButtonScope)) close_p_element();
}

void TreeBuilder::body_start_block(const Token &t) {
  close_p_in_button_scope();
  insert_html_element(t);
}

// A heading directly in another heading closes it.
void TreeBuilder::body_start_heading(const Token &t) {
  close_p_in_button_scope();
  if (current().ns == Ns::html && tag_is(current().tag, kHeading)) {
    error("nested-heading");
    pop();
  }
  insert_html_element(t);
}

// <pre> and <listing> drop a newline right after the start tag.
void TreeBuilder::body_start_pre(const Token &t) {
  close_p_in_button_scope();
  insert_html_element(t);
  skip_next_newline_ = true;
  frameset_ok_ = false;
}

// Forms do not nest (outside templates, which keep no form pointer).
void TreeBuilder::body_start_form(const Token &t) {
  bool in_template = stack_has(Tag::template_);
  if (form_ && !in_template) return error("unexpected-start-tag-form");
  close_p_in_button_scope();
  pugi::xml_node form = insert_html_element(t);
  if (!in_template) form_ = form;
}

// <li> closes an open <li>, <dd> and <dt> an open <dd> or <dt>, unless a
// special element other than address, div and p stands between.
void TreeBuilder::body_start_list_item(const Token &t, Tag tag) {
  frameset_ok_ = false;
  for (std::size_t i = open_.size(); i-- > 0;) {
    const Open &node = open_[i];
    bool match = node.ns == Ns::html &&
                 (tag == Tag::li ? node.tag == Tag::li : (node.tag == Tag::dd || node.tag == Tag::dt));
    if (match) {
      Tag open_tag = node.tag;
      generate_implied_end_tags(open_tag);
      if (!current_is(open_tag)) error("unexpected-list-item-end");
      pop_until(open_tag);
      break;
    }
    bool transparent = node.ns == Ns::html && (node.tag == Tag::address || node.tag == Tag::div || node.tag == Tag::p);
    if (is_special(node.tag, node.ns) && !transparent) break;
  }
  close_p_in_button_scope();
  insert_html_element(t);
}

void TreeBuilder::body_start_plaintext(const Token &t) {
  close_p_in_button_scope();
  insert_html_element(t);
  tokenizer_.set_state(TokenizerState::plaintext);
}

// Buttons do not nest: a new one closes the open one.
void TreeBuilder::body_start_button(const Token &t) {
  if (in_scope(Tag::button, kDefaultScope)) {
    error("unexpected-start-tag-button");
    generate_implied_end_tags();
    pop_until(Tag::button);
  }
  reconstruct_formatting();
  insert_html_element(t);
  frameset_ok_ = false;
}

// Runs the end tag a start tag implies (for <a> in <a>, <nobr> in <nobr>),
// written where the start tag begins.
void TreeBuilder::run_implied_formatting_end_tag(const char *name, std::size_t at) {
  Token end_tag;
  end_tag.reset(TokenKind::end_tag, at);
  end_tag.name = name;
  if (!run_adoption_agency(end_tag)) body_any_other_end_tag(end_tag);
}

void TreeBuilder::insert_formatting_element(const Token &t) {
  pugi::xml_node node = insert_html_element(t);
  if (node) push_formatting(node, t);
}

// Links do not nest: an <a> still in the list of active formatting
// elements is closed first, and leaves the list and the stack.
void TreeBuilder::body_start_a(const Token &t) {
  for (std::size_t i = formatting_.size(); i-- > 0;) {
    if (formatting_[i].marker) break;
    if (formatting_[i].tag == Tag::a) {
      error("unexpected-start-tag-implies-end-tag");
      pugi::xml_node stale = formatting_[i].node;
      // The implied </a> closes the old link where the new one starts.
      run_implied_formatting_end_tag("a", t.begin);
      std::size_t entry = formatting_index(stale);
      if (entry != SIZE_MAX) formatting_.erase(formatting_.begin() + static_cast<std::ptrdiff_t>(entry));
      remove_from_stack(stale);
      break;
    }
  }
  reconstruct_formatting();
  insert_formatting_element(t);
}

void TreeBuilder::body_start_formatting(const Token &t) {
  reconstruct_formatting();
  insert_formatting_element(t);
}

void TreeBuilder::body_start_nobr(const Token &t) {
  reconstruct_formatting();
  if (in_scope(Tag::nobr, kDefaultScope)) {
    error("unexpected-start-tag-nobr");
    run_implied_formatting_end_tag("nobr", t.begin);
    reconstruct_formatting();
  }
  insert_formatting_element(t);
}

// These put a marker in the list of active formatting elements, so that
// formatting from outside does not reopen inside them.
void TreeBuilder::body_start_applet_marquee_object(const Token &t) {
  reconstruct_formatting();
  insert_html_element(t);
  push_marker();
  frameset_ok_ = false;
}

// In quirks mode a table may sit in a paragraph.
void TreeBuilder::body_start_table(const Token &t) {
  if (quirks_ != QuirksMode::quirks) close_p_in_button_scope();
  insert_html_element(t);
  frameset_ok_ = false;
  mode_ = Mode::in_table;
}

// Inserts a void element and pops it at once (when the node limit let it
// be made).
void TreeBuilder::insert_void_element(const Token &t) {
  if (insert_html_element(t)) pop();
}

void TreeBuilder::body_start_void(const Token &t) {
  reconstruct_formatting();
  insert_void_element(t);
  frameset_ok_ = false;
}

// An <input> in a select closes the select (customizable select).
void TreeBuilder::body_start_input(const Token &t) {
  if (fragment_ && context_.ns == Ns::html && context_.tag == Tag::select)
    return error("unexpected-input-in-select");
  if (in_scope(Tag::select, kDefaultScope)) {
    error("unexpected-input-in-select");
    pop_until(Tag::select);
  }
  reconstruct_formatting();
  insert_void_element(t);
  if (!is_hidden_input(t)) frameset_ok_ = false;
}

// <param>, <source>, <track>: void, and no formatting reopens for them.
void TreeBuilder::body_start_media_parameter(const Token &t) { insert_void_element(t); }

void TreeBuilder::body_start_hr(const Token &t) {
  close_p_in_button_scope();
  if (in_scope(Tag::select, kDefaultScope)) {
    generate_implied_end_tags();
    if (in_scope(Tag::option, kDefaultScope) || in_scope(Tag::optgroup, kDefaultScope))
      error("unexpected-hr-in-option");
  }
  insert_void_element(t);
  frameset_ok_ = false;
}

// <textarea> content is RCDATA, and a newline right after the start tag is
// dropped.
void TreeBuilder::body_start_textarea(const Token &t) {
  insert_html_element(t);
  skip_next_newline_ = true;
  tokenizer_.set_state(TokenizerState::rcdata);
  original_mode_ = mode_;
  frameset_ok_ = false;
  mode_ = Mode::text;
}

// <xmp>, <iframe>, <noembed> and (with scripting) <noscript>: raw text.
void TreeBuilder::body_start_raw_text(Token &t, Tag tag) {
  if (tag == Tag::xmp) {
    close_p_in_button_scope();
    reconstruct_formatting();
  }
  if (tag == Tag::xmp || tag == Tag::iframe) frameset_ok_ = false;
  parse_raw_text(t, TokenizerState::rawtext);
}

// <select> content is parsed by the in-body rules ("customizable select"):
// options, optgroups and any other markup nest inside it.  Selects do not
// nest: a second one closes the first.
void TreeBuilder::body_start_select(const Token &t) {
  if (fragment_ && context_.ns == Ns::html && context_.tag == Tag::select)
    return error("unexpected-select-in-select");
  if (in_scope(Tag::select, kDefaultScope)) {
    error("unexpected-select-in-select");
    pop_until(Tag::select);
    return;
  }
  reconstruct_formatting();
  insert_html_element(t);
  frameset_ok_ = false;
}

// An option closes an open option; outside a select only a current one.
void TreeBuilder::body_start_option(const Token &t) {
  if (in_scope(Tag::select, kDefaultScope)) {
    generate_implied_end_tags(Tag::optgroup);
    if (in_scope(Tag::option, kDefaultScope)) error("unexpected-option-in-option");
  } else if (current_is(Tag::option)) {
    pop();
  }
  reconstruct_formatting();
  insert_html_element(t);
}

// An optgroup closes an open option and optgroup.
void TreeBuilder::body_start_optgroup(const Token &t) {
  if (in_scope(Tag::select, kDefaultScope)) {
    generate_implied_end_tags();
    if (in_scope(Tag::option, kDefaultScope) || in_scope(Tag::optgroup, kDefaultScope))
      error("unexpected-optgroup-in-option");
  } else if (current_is(Tag::option)) {
    pop();
  }
  reconstruct_formatting();
  insert_html_element(t);
}

// Ruby annotations close the open ones of their ruby: <rb> and <rtc> all of
// them, <rp> and <rt> all but an <rtc> they may sit in.
void TreeBuilder::body_start_ruby_child(const Token &t, Tag tag) {
  if (in_scope(Tag::ruby, kDefaultScope)) {
    bool in_rtc_allowed = tag == Tag::rp || tag == Tag::rt;
    generate_implied_end_tags(in_rtc_allowed ? Tag::rtc : Tag::unknown);
    if (!current_is(Tag::ruby) && !(in_rtc_allowed && current_is(Tag::rtc))) error("unexpected-start-tag-ruby");
  }
  insert_html_element(t);
}

// <math> and <svg> start foreign content.
void TreeBuilder::body_start_foreign(const Token &t, Tag tag) {
  reconstruct_formatting();
  insert_foreign_element(t, tag == Tag::math ? Ns::mathml : Ns::svg);
  if (t.self_closing && !open_.empty()) pop();
}

// Any other start tag: an ordinary element.
void TreeBuilder::body_start_other(const Token &t) {
  reconstruct_formatting();
  insert_html_element(t);
}

}  // namespace postparse::impl::html
