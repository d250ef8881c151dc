// Tree construction: the driver, the dispatcher between HTML and foreign
// content rules, and parse errors.
#include "html/tree_builder.h"

#include "common/ascii.h"

namespace postparse::impl::html {
namespace {

TokenizerState state_for_context(Tag tag, bool scripting) {
  switch (tag) {
    case Tag::title:
    case Tag::textarea: return TokenizerState::rcdata;
    case Tag::style:
    case Tag::xmp:
    case Tag::iframe:
    case Tag::noembed:
    case Tag::noframes: return TokenizerState::rawtext;
    case Tag::noscript: return scripting ? TokenizerState::rawtext : TokenizerState::data;
    case Tag::script: return TokenizerState::script_data;
    case Tag::plaintext: return TokenizerState::plaintext;
    default: return TokenizerState::data;
  }
}

}  // namespace

TreeBuilder::TreeBuilder(std::string_view input, std::size_t base, Dom &dom, const Limits &limits,
                         bool scripting, std::vector<ParseError> *errors)
    : input_(input), base_(base), dom_(dom), limits_(limits), scripting_(scripting), errors_(errors),
      tokenizer_(input, base, errors, limits.diagnostics) {}

void TreeBuilder::error(std::string_view code, std::size_t offset) { record_error({code, offset}); }

void TreeBuilder::record_error(const ParseError &e) {
  ++error_total_;
  if (errors_ && errors_->size() < limits_.diagnostics) errors_->push_back(e);
}

// A limit is both an event (always kept) and a parse error like any other,
// marked so that the document does not report it twice.
void TreeBuilder::limit_error(TreeLimit limit) {
  limit_events_.push_back({limit, token_begin_});
  record_error({parse_error_code(limit), token_begin_, true});
}

void TreeBuilder::parse_document() {
  mode_ = Mode::initial;
  run();
}

pugi::xml_node TreeBuilder::parse_fragment(const FragmentContext &context) {
  fragment_ = true;
  Tag tag = tag_from_name(ascii_lower(context.name));
  context_ = Open{pugi::xml_node(), tag, context.ns, false};
  if (context.ns == Ns::html) tokenizer_.set_state(state_for_context(tag, scripting_));
  if (context.ns == Ns::html && tag == Tag::template_) template_modes_.push_back(Mode::in_template);
  // The root <html> element stands for the context's document element.
  root_ = dom_.add_element(dom_.document(), {}, "html", Ns::html, Tag::html, base_, base_ + input_.size());
  push(root_, Tag::html, Ns::html);
  reset_insertion_mode();
  if (context.ns != Ns::html) {
    // The integration point rules look at the context element.
    context_.integration_point = is_svg_html_integration_point(tag, context.ns);
  }
  run();
  return root_;
}

void TreeBuilder::run() {
  Token t;
  for (;;) {
    tokenizer_.next(t);
    token_begin_ = t.begin;
    token_end_ = t.end;
    token_ = &t;
    bool tag_token = t.kind == TokenKind::start_tag || t.kind == TokenKind::end_tag;
    token_tag_ = tag_token ? tag_from_name(t.name) : Tag::unknown;
    if (skip_next_newline_) {
      skip_next_newline_ = false;
      if (t.kind == TokenKind::character && !t.data.empty() && t.data[0] == '\n') {
        t.data.erase(0, 1);
        if (t.data.empty()) continue;
      }
    }
    if (t.kind == TokenKind::start_tag && t.attributes.size() > limits_.html_attributes) {
      t.attributes.resize(limits_.html_attributes);
      if (!attributes_reported_) limit_error(TreeLimit::attributes);
      attributes_reported_ = true;
    }
    if (!stopped_) {
      try {
        if (t.kind == TokenKind::start_tag) make_room_for_depth();
        dispatch(t);
      } catch (const NodeLimitReached &) {
        // stopped_ is set: the token is abandoned and the parse ends here.
      }
    }
    if (t.kind == TokenKind::end_of_file) break;
    if (stopped_) break;
    tokenizer_.set_cdata_allowed(!open_.empty() && adjusted_current().ns != Ns::html);
  }
  // Stop parsing: pop everything still open (it ends at the end of the input).
  token_ = nullptr;
  token_begin_ = base_ + input_.size();
  while (!open_.empty()) pop();
  dom_.flush_text();
  dom_.drop_detached();
}

namespace {

// Elements whose place on the stack the insertion modes keep track of (a
// mode, the template modes, the head and form pointers): one of them may
// leave the stack only through its own rules.
bool mode_tracks(Tag tag, Ns ns) {
  if (ns != Ns::html) return false;
  switch (tag) {
    case Tag::html: case Tag::head: case Tag::body: case Tag::frameset: case Tag::template_:
    case Tag::table: case Tag::caption: case Tag::colgroup: case Tag::tbody: case Tag::thead:
    case Tag::tfoot: case Tag::tr: case Tag::td: case Tag::th: case Tag::select: case Tag::noscript:
    case Tag::form:
      return true;
    default:
      return false;
  }
}

}  // namespace

// The depth limit, applied before each start tag: while the stack is at the
// limit, its deepest element is closed as its own end tag would close it at
// this point of the input.  Going through the end tag's rules keeps every
// invariant the insertion modes rely on (a cell is closed as a cell, and
// the mode moves to "in row"; a formatting element leaves the list of
// active formatting elements), so that no later step finds the stack in a
// state the algorithm itself cannot reach.  html, head, body and frameset
// stay open.
void TreeBuilder::make_room_for_depth() {
  // Void elements never open, so they need no room (and closing an element
  // for them would move the text after them out of it).
  if (is_void_element(token_tag_)) return;
  while (open_.size() >= limits_.html_depth && open_.size() > 1) {
    const Open &deepest = open_.back();
    if (deepest.ns == Ns::html && (deepest.tag == Tag::html || deepest.tag == Tag::head ||
                                   deepest.tag == Tag::body || deepest.tag == Tag::frameset))
      return;
    if (!depth_reported_) limit_error(TreeLimit::depth);
    depth_reported_ = true;
    bool tracked = mode_tracks(deepest.tag, deepest.ns);
    if (close_current_as_end_tag()) continue;
    // Its end tag was ignored here (e.g. an <a> whose entry in the list of
    // active formatting elements is another one): an element no mode keeps
    // track of can simply be popped, as an implied end tag would; one that
    // a mode tracks stays, and this start tag nests one deeper.
    if (tracked) return;
    pop();
  }
}

// Processes an end tag for the current node, written where the current
// token begins; true when that closed it.
bool TreeBuilder::close_current_as_end_tag() {
  std::size_t depth = open_.size();
  Token end;
  end.reset(TokenKind::end_tag, token_begin_);
  end.name = ascii_lower(open_.back().node.name());
  // The end tag is processed as the current token; the start tag is the
  // current one again afterwards, even when the node limit unwinds.
  struct Restore {
    TreeBuilder &b;
    const Token *token;
    Tag tag;
    std::size_t token_end;
    ~Restore() {
      b.token_ = token;
      b.token_tag_ = tag;
      b.token_end_ = token_end;
    }
  } restore{*this, token_, token_tag_, token_end_};
  token_ = &end;
  token_tag_ = tag_from_name(end.name);
  token_end_ = token_begin_;
  dispatch(end);
  return open_.size() < depth;
}

bool TreeBuilder::use_foreign_rules(const Token &t) const {
  if (open_.empty() && !fragment_) return false;
  const Open &a = adjusted_current();
  if (a.ns == Ns::html) return false;
  bool start = t.kind == TokenKind::start_tag;
  if (is_mathml_text_integration_point(a.tag, a.ns)) {
    if (start && t.name != "mglyph" && t.name != "malignmark") return false;
    if (t.kind == TokenKind::character) return false;
  }
  if (a.ns == Ns::mathml && a.tag == Tag::annotation_xml && start && t.name == "svg") return false;
  if (a.integration_point && (start || t.kind == TokenKind::character)) return false;
  if (t.kind == TokenKind::end_of_file) return false;
  return true;
}

void TreeBuilder::dispatch(Token &t) {
  if (use_foreign_rules(t)) foreign_content(t);
  else process(mode_, t);
}

void TreeBuilder::process(Mode mode, Token &t) {
  switch (mode) {
    case Mode::initial: return mode_initial(t);
    case Mode::before_html: return mode_before_html(t);
    case Mode::before_head: return mode_before_head(t);
    case Mode::in_head: return mode_in_head(t);
    case Mode::in_head_noscript: return mode_in_head_noscript(t);
    case Mode::after_head: return mode_after_head(t);
    case Mode::in_body: return mode_in_body(t);
    case Mode::text: return mode_text(t);
    case Mode::in_table: return mode_in_table(t);
    case Mode::in_table_text: return mode_in_table_text(t);
    case Mode::in_caption: return mode_in_caption(t);
    case Mode::in_column_group: return mode_in_column_group(t);
    case Mode::in_table_body: return mode_in_table_body(t);
    case Mode::in_row: return mode_in_row(t);
    case Mode::in_cell: return mode_in_cell(t);
    case Mode::in_template: return mode_in_template(t);
    case Mode::after_body: return mode_after_body(t);
    case Mode::in_frameset: return mode_in_frameset(t);
    case Mode::after_frameset: return mode_after_frameset(t);
    case Mode::after_after_body: return mode_after_after_body(t);
    case Mode::after_after_frameset: return mode_after_after_frameset(t);
  }
}

// Processes the leading whitespace of a character token in the current mode
// by inserting it; returns true when non-whitespace characters remain (the
// token now holds just those), false when the token was all whitespace.
bool TreeBuilder::split_leading_whitespace(Token &t) {
  std::size_t n = 0;
  while (n < t.data.size() && is_html_space(t.data[n])) ++n;
  if (n > 0) insert_characters(std::string_view(t.data).substr(0, n));
  t.data.erase(0, n);
  return !t.data.empty();
}

}  // namespace postparse::impl::html
