// The "in body" insertion mode (https://html.spec.whatwg.org/#parsing-main-inbody).
#include <algorithm>

#include "html/token_match.h"
#include "html/tree_builder.h"

namespace postparse::impl::html {
namespace {

bool is_heading(Tag tag) {
  return tag == Tag::h1 || tag == Tag::h2 || tag == Tag::h3 || tag == Tag::h4 || tag == Tag::h5 ||
         tag == Tag::h6;
}

bool tag_is(Tag tag, std::initializer_list<Tag> tags) {
  for (Tag t : tags)
    if (tag == t) return true;
  return false;
}

// Special elements that stop the li/dd/dt search (all but address, div, p).
bool stops_list_item_search(Tag tag, Ns ns) {
  if (ns != Ns::html)
    return ns == Ns::svg ? (tag == Tag::foreignobject || tag == Tag::desc || tag == Tag::title)
                         : (tag == Tag::mi || tag == Tag::mo || tag == Tag::mn || tag == Tag::ms ||
                            tag == Tag::mtext || tag == Tag::annotation_xml);
  switch (tag) {
    case Tag::address:
    case Tag::div:
    case Tag::p:
      return false;
    case Tag::applet:
    case Tag::area:
    case Tag::article:
    case Tag::aside:
    case Tag::base:
    case Tag::basefont:
    case Tag::bgsound:
    case Tag::blockquote:
    case Tag::body:
    case Tag::br:
    case Tag::button:
    case Tag::caption:
    case Tag::center:
    case Tag::col:
    case Tag::colgroup:
    case Tag::dd:
    case Tag::details:
    case Tag::dir:
    case Tag::dl:
    case Tag::dt:
    case Tag::embed:
    case Tag::fieldset:
    case Tag::figcaption:
    case Tag::figure:
    case Tag::footer:
    case Tag::form:
    case Tag::frame:
    case Tag::frameset:
    case Tag::h1:
    case Tag::h2:
    case Tag::h3:
    case Tag::h4:
    case Tag::h5:
    case Tag::h6:
    case Tag::head:
    case Tag::header:
    case Tag::hgroup:
    case Tag::hr:
    case Tag::html:
    case Tag::iframe:
    case Tag::img:
    case Tag::input:
    case Tag::keygen:
    case Tag::li:
    case Tag::link:
    case Tag::listing:
    case Tag::main:
    case Tag::marquee:
    case Tag::menu:
    case Tag::meta:
    case Tag::nav:
    case Tag::noembed:
    case Tag::noframes:
    case Tag::noscript:
    case Tag::object:
    case Tag::ol:
    case Tag::param:
    case Tag::plaintext:
    case Tag::pre:
    case Tag::script:
    case Tag::search:
    case Tag::section:
    case Tag::select:
    case Tag::source:
    case Tag::style:
    case Tag::summary:
    case Tag::table:
    case Tag::tbody:
    case Tag::td:
    case Tag::template_:
    case Tag::textarea:
    case Tag::tfoot:
    case Tag::th:
    case Tag::thead:
    case Tag::title:
    case Tag::tr:
    case Tag::track:
    case Tag::ul:
    case Tag::wbr:
    case Tag::xmp:
      return true;
    default:
      return false;
  }
}

bool is_special_for_end_tag(Tag tag, Ns ns) {
  return stops_list_item_search(tag, ns) ||
         (ns == Ns::html && (tag == Tag::address || tag == Tag::div || tag == Tag::p));
}

}  // namespace

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
  if (tag == Tag::html) {
    error("unexpected-start-tag-html");
    if (stack_has(Tag::template_) || open_.empty()) return;
    for (const Attribute &a : t.attributes)
      if (!open_.front().node.attribute(a.name.c_str()))
        dom_.add_attribute(open_.front().node, a.name, a.value);
    return;
  }
  if (tag_is(tag, {Tag::base, Tag::basefont, Tag::bgsound, Tag::link, Tag::meta, Tag::noframes, Tag::script,
                   Tag::style, Tag::template_, Tag::title}))
    return mode_in_head(t);
  if (tag == Tag::body) {
    error("unexpected-start-tag-body");
    if (open_.size() < 2 || !is_html(open_[1], Tag::body) || stack_has(Tag::template_)) return;
    frameset_ok_ = false;
    for (const Attribute &a : t.attributes)
      if (!open_[1].node.attribute(a.name.c_str())) dom_.add_attribute(open_[1].node, a.name, a.value);
    return;
  }
  if (tag == Tag::frameset) {
    error("unexpected-start-tag-frameset");
    if (open_.size() < 2 || !is_html(open_[1], Tag::body) || !frameset_ok_) return;
    if (open_[1].node.parent()) dom_.detach(open_[1].node);
    while (open_.size() > 1) stack_erase(open_.size() - 1);
    insert_html_element(t);
    mode_ = Mode::in_frameset;
    return;
  }
  if (tag_is(tag, {Tag::address,  Tag::article,    Tag::aside,   Tag::blockquote, Tag::center,
                   Tag::details,  Tag::dialog,     Tag::dir,     Tag::div,        Tag::dl,
                   Tag::fieldset, Tag::figcaption, Tag::figure,  Tag::footer,     Tag::header,
                   Tag::hgroup,   Tag::main,       Tag::menu,    Tag::nav,        Tag::ol,
                   Tag::p,        Tag::search,     Tag::section, Tag::summary,    Tag::ul})) {
    if (in_scope(Tag::p, kButtonScope)) close_p_element();
    insert_html_element(t);
    return;
  }
  if (is_heading(tag)) {
    if (in_scope(Tag::p, kButtonScope)) close_p_element();
    if (current().ns == Ns::html && is_heading(current().tag)) {
      error("nested-heading");
      pop();
    }
    insert_html_element(t);
    return;
  }
  if (tag == Tag::pre || tag == Tag::listing) {
    if (in_scope(Tag::p, kButtonScope)) close_p_element();
    insert_html_element(t);
    skip_next_newline_ = true;
    frameset_ok_ = false;
    return;
  }
  if (tag == Tag::form) {
    bool in_template = stack_has(Tag::template_);
    if (form_ && !in_template) return error("unexpected-start-tag-form");
    if (in_scope(Tag::p, kButtonScope)) close_p_element();
    pugi::xml_node form = insert_html_element(t);
    if (!in_template) form_ = form;
    return;
  }
  if (tag == Tag::li || tag == Tag::dd || tag == Tag::dt) {
    frameset_ok_ = false;
    for (std::size_t i = open_.size(); i-- > 0;) {
      const Open &node = open_[i];
      bool match = node.ns == Ns::html &&
                   (tag == Tag::li ? node.tag == Tag::li : (node.tag == Tag::dd || node.tag == Tag::dt));
      if (match) {
        Tag tag = node.tag;
        generate_implied_end_tags(tag);
        if (!current_is(tag)) error("unexpected-list-item-end");
        pop_until(tag);
        break;
      }
      if (stops_list_item_search(node.tag, node.ns)) break;
    }
    if (in_scope(Tag::p, kButtonScope)) close_p_element();
    insert_html_element(t);
    return;
  }
  if (tag == Tag::plaintext) {
    if (in_scope(Tag::p, kButtonScope)) close_p_element();
    insert_html_element(t);
    tokenizer_.set_state(TokenizerState::plaintext);
    return;
  }
  if (tag == Tag::button) {
    if (in_scope(Tag::button, kDefaultScope)) {
      error("unexpected-start-tag-button");
      generate_implied_end_tags();
      pop_until(Tag::button);
    }
    reconstruct_formatting();
    insert_html_element(t);
    frameset_ok_ = false;
    return;
  }
  if (tag == Tag::a) {
    for (std::size_t i = formatting_.size(); i-- > 0;) {
      if (formatting_[i].marker) break;
      if (formatting_[i].tag == Tag::a) {
        error("unexpected-start-tag-implies-end-tag");
        pugi::xml_node stale = formatting_[i].node;
        Token end_a;
        end_a.reset(TokenKind::end_tag, t.begin);
        end_a.name = "a";
        // The implied </a> closes the old link where the new one starts.
        if (!run_adoption_agency(end_a)) body_any_other_end_tag(end_a);
        std::size_t entry = formatting_index(stale);
        if (entry != SIZE_MAX) formatting_.erase(formatting_.begin() + static_cast<std::ptrdiff_t>(entry));
        remove_from_stack(stale);
        break;
      }
    }
    reconstruct_formatting();
    pugi::xml_node node = insert_html_element(t);
    if (node) push_formatting(node, t);
    return;
  }
  if (tag_is(tag, {Tag::b, Tag::big, Tag::code, Tag::em, Tag::font, Tag::i, Tag::s, Tag::small, Tag::strike,
                   Tag::strong, Tag::tt, Tag::u})) {
    reconstruct_formatting();
    pugi::xml_node node = insert_html_element(t);
    if (node) push_formatting(node, t);
    return;
  }
  if (tag == Tag::nobr) {
    reconstruct_formatting();
    if (in_scope(Tag::nobr, kDefaultScope)) {
      error("unexpected-start-tag-nobr");
      Token end_nobr;
      end_nobr.reset(TokenKind::end_tag, t.begin);
      end_nobr.name = "nobr";
      if (!run_adoption_agency(end_nobr)) body_any_other_end_tag(end_nobr);
      reconstruct_formatting();
    }
    pugi::xml_node node = insert_html_element(t);
    if (node) push_formatting(node, t);
    return;
  }
  if (tag == Tag::applet || tag == Tag::marquee || tag == Tag::object) {
    reconstruct_formatting();
    insert_html_element(t);
    push_marker();
    frameset_ok_ = false;
    return;
  }
  if (tag == Tag::table) {
    if (quirks_ != QuirksMode::quirks && in_scope(Tag::p, kButtonScope)) close_p_element();
    insert_html_element(t);
    frameset_ok_ = false;
    mode_ = Mode::in_table;
    return;
  }
  if (tag_is(tag, {Tag::area, Tag::br, Tag::embed, Tag::img, Tag::keygen, Tag::wbr})) {
    reconstruct_formatting();
    if (insert_html_element(t)) pop();
    frameset_ok_ = false;
    return;
  }
  if (tag == Tag::input) {
    if (fragment_ && context_.ns == Ns::html && context_.tag == Tag::select)
      return error("unexpected-input-in-select");
    if (in_scope(Tag::select, kDefaultScope)) {
      error("unexpected-input-in-select");
      pop_until(Tag::select);
    }
    reconstruct_formatting();
    if (insert_html_element(t)) pop();
    if (!is_hidden_input(t)) frameset_ok_ = false;
    return;
  }
  if (tag == Tag::param || tag == Tag::source || tag == Tag::track) {
    if (insert_html_element(t)) pop();
    return;
  }
  if (tag == Tag::hr) {
    if (in_scope(Tag::p, kButtonScope)) close_p_element();
    if (in_scope(Tag::select, kDefaultScope)) {
      generate_implied_end_tags();
      if (in_scope(Tag::option, kDefaultScope) || in_scope(Tag::optgroup, kDefaultScope))
        error("unexpected-hr-in-option");
    }
    if (insert_html_element(t)) pop();
    frameset_ok_ = false;
    return;
  }
  if (tag == Tag::image) {
    error("unexpected-start-tag-image");
    t.name = "img";
    return body_start_tag(t);
  }
  if (tag == Tag::textarea) {
    insert_html_element(t);
    skip_next_newline_ = true;
    tokenizer_.set_state(TokenizerState::rcdata);
    original_mode_ = mode_;
    frameset_ok_ = false;
    mode_ = Mode::text;
    return;
  }
  if (tag == Tag::xmp) {
    if (in_scope(Tag::p, kButtonScope)) close_p_element();
    reconstruct_formatting();
    frameset_ok_ = false;
    return parse_raw_text(t, TokenizerState::rawtext);
  }
  if (tag == Tag::iframe) {
    frameset_ok_ = false;
    return parse_raw_text(t, TokenizerState::rawtext);
  }
  if (tag == Tag::noembed || (tag == Tag::noscript && scripting_))
    return parse_raw_text(t, TokenizerState::rawtext);
  // <select> content is parsed by the in-body rules ("customizable select"):
  // options, optgroups and any other markup nest inside it.
  if (tag == Tag::select) {
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
    return;
  }
  if (tag == Tag::option) {
    if (in_scope(Tag::select, kDefaultScope)) {
      generate_implied_end_tags(Tag::optgroup);
      if (in_scope(Tag::option, kDefaultScope)) error("unexpected-option-in-option");
    } else if (current_is(Tag::option)) {
      pop();
    }
    reconstruct_formatting();
    insert_html_element(t);
    return;
  }
  if (tag == Tag::optgroup) {
    if (in_scope(Tag::select, kDefaultScope)) {
      generate_implied_end_tags();
      if (in_scope(Tag::option, kDefaultScope) || in_scope(Tag::optgroup, kDefaultScope))
        error("unexpected-optgroup-in-option");
    } else if (current_is(Tag::option)) {
      pop();
    }
    reconstruct_formatting();
    insert_html_element(t);
    return;
  }
  if (tag == Tag::rb || tag == Tag::rtc) {
    if (in_scope(Tag::ruby, kDefaultScope)) {
      generate_implied_end_tags();
      if (!current_is(Tag::ruby)) error("unexpected-start-tag-ruby");
    }
    insert_html_element(t);
    return;
  }
  if (tag == Tag::rp || tag == Tag::rt) {
    if (in_scope(Tag::ruby, kDefaultScope)) {
      generate_implied_end_tags(Tag::rtc);
      if (!current_is(Tag::rtc) && !current_is(Tag::ruby)) error("unexpected-start-tag-ruby");
    }
    insert_html_element(t);
    return;
  }
  if (tag == Tag::math || tag == Tag::svg) {
    reconstruct_formatting();
    insert_foreign_element(t, tag == Tag::math ? Ns::mathml : Ns::svg);
    if (t.self_closing && !open_.empty()) pop();
    return;
  }
  if (tag_is(tag, {Tag::caption, Tag::col, Tag::colgroup, Tag::frame, Tag::head, Tag::tbody, Tag::td,
                   Tag::tfoot, Tag::th, Tag::thead, Tag::tr}))
    return error("unexpected-start-tag-ignored");
  reconstruct_formatting();
  insert_html_element(t);
}

void TreeBuilder::body_end_tag(Token &t) {
  const Tag tag = tag_from_name(t.name);
  if (tag == Tag::template_) return mode_in_head(t);
  if (tag == Tag::body || tag == Tag::html) {
    if (!in_scope(Tag::body, kDefaultScope)) return error("unexpected-end-tag");
    if (open_.size() > 1) mark_closed(open_[1].node, t.end);
    mode_ = Mode::after_body;
    if (tag == Tag::html) process(mode_, t);
    return;
  }
  if (tag_is(tag, {Tag::address,    Tag::article, Tag::aside,   Tag::blockquote, Tag::button, Tag::center,
                   Tag::details,    Tag::dialog,  Tag::dir,     Tag::div,        Tag::dl,     Tag::fieldset,
                   Tag::figcaption, Tag::figure,  Tag::footer,  Tag::header,     Tag::hgroup, Tag::listing,
                   Tag::main,       Tag::menu,    Tag::nav,     Tag::ol,         Tag::pre,    Tag::search,
                   Tag::section,    Tag::select,  Tag::summary, Tag::ul})) {
    if (!in_scope(tag, kDefaultScope)) return error("unexpected-end-tag");
    generate_implied_end_tags();
    if (!current_is(tag)) error("end-tag-too-early");
    pop_until(tag);
    return;
  }
  if (tag == Tag::form) {
    if (!stack_has(Tag::template_)) {
      pugi::xml_node node = form_;
      form_ = pugi::xml_node();
      if (!node || !in_scope_node(node, kDefaultScope)) return error("unexpected-end-tag");
      generate_implied_end_tags();
      if (current().node != node) error("end-tag-too-early");
      mark_closed(node, t.end);
      remove_from_stack(node);
      return;
    }
    if (!in_scope(Tag::form, kDefaultScope)) return error("unexpected-end-tag");
    generate_implied_end_tags();
    if (!current_is(Tag::form)) error("end-tag-too-early");
    pop_until(Tag::form);
    return;
  }
  if (tag == Tag::p) {
    if (!in_scope(Tag::p, kButtonScope)) {
      error("unexpected-end-tag-p");
      insert_element_named("p", Tag::p, t.begin);
    }
    close_p_element();
    return;
  }
  if (tag == Tag::li || tag == Tag::dd || tag == Tag::dt) {
    if (!in_scope(tag, tag == Tag::li ? kListItemScope : kDefaultScope)) return error("unexpected-end-tag");
    generate_implied_end_tags(tag);
    if (!current_is(tag)) error("end-tag-too-early");
    pop_until(tag);
    return;
  }
  if (is_heading(tag)) {
    if (!in_scope_any_heading(kDefaultScope)) return error("unexpected-end-tag");
    generate_implied_end_tags();
    if (!current_is(tag)) error("end-tag-too-early");
    pop_until_one_of({Tag::h1, Tag::h2, Tag::h3, Tag::h4, Tag::h5, Tag::h6});
    return;
  }
  if (tag_is(tag, {Tag::a, Tag::b, Tag::big, Tag::code, Tag::em, Tag::font, Tag::i, Tag::nobr, Tag::s,
                   Tag::small, Tag::strike, Tag::strong, Tag::tt, Tag::u})) {
    if (!run_adoption_agency(t)) body_any_other_end_tag(t);
    return;
  }
  if (tag == Tag::applet || tag == Tag::marquee || tag == Tag::object) {
    if (!in_scope(tag, kDefaultScope)) return error("unexpected-end-tag");
    generate_implied_end_tags();
    if (!current_is(tag)) error("end-tag-too-early");
    pop_until(tag);
    clear_formatting_to_marker();
    return;
  }
  if (tag == Tag::br) {
    error("unexpected-end-tag-br");
    t.kind = TokenKind::start_tag;
    t.attributes.clear();
    return body_start_tag(t);
  }
  body_any_other_end_tag(t);
}

void TreeBuilder::body_any_other_end_tag(Token &t) {
  for (std::size_t i = open_.size(); i-- > 0;) {
    const Open &node = open_[i];
    if (node.ns == Ns::html && t.name == node.node.name()) {
      Tag tag = node.tag;
      pugi::xml_node target = node.node;
      generate_implied_end_tags(tag == Tag::unknown ? Tag::html : tag);
      // generate_implied_end_tags skips only known tags; an unknown name never
      // has an implied end tag, so nothing of it is popped above.
      if (current().node != target) error("end-tag-too-early");
      pop_until_node(target);
      return;
    }
    if (is_special_for_end_tag(node.tag, node.ns)) return error("unexpected-end-tag");
  }
}

}  // namespace postparse::impl::html
