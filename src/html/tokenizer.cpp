// The HTML tokenizer's driver: the public interface, token emission,
// character references, appropriate end tags, and the data, RCDATA, RAWTEXT,
// PLAINTEXT and tag open states.
#include "html/tokenizer_impl.h"

namespace postparse::impl::html {

// --- tokens ------------------------------------------------------------------

Tokenizer::Impl::Impl(std::string_view input, std::size_t base, std::vector<ParseError> *errors,
                      std::size_t max_errors)
    : in_(input.data()), n_(input.size()), base_(base), errors_(errors), max_errors_(max_errors) {}

void Tokenizer::Impl::next(Token &t) {
  // Characters start where the last token ended (a '<' left pending by
  // tag_open_state included).
  t.reset(TokenKind::character, base_ + (state_ == State::tag_open ? lt_pos_ : pos_));
  out_ = &t;
  emitted_ = false;
  do {
    run_state();
  } while (!emitted_);
  out_ = nullptr;
}

void Tokenizer::Impl::emit_current() {
  Token &t = *out_;
  t.end = base_ + pos_;
  if (t.kind == TokenKind::start_tag) {
    last_start_tag_ = t.name;
    has_last_start_tag_ = true;
  } else if (t.kind == TokenKind::end_tag) {
    if (!t.attributes.empty()) {
      error("end-tag-with-attributes");
      t.attributes.clear();
    }
    if (t.self_closing) error("end-tag-with-trailing-solidus");
  }
  attr_ = nullptr;
  emitted_ = true;
}

void Tokenizer::Impl::eof_state() {
  emitted_ = true;
  if (!out_->data.empty()) {
    out_->end = base_ + n_;
    return;
  }
  out_->reset(TokenKind::end_of_file, base_ + n_);
}

void Tokenizer::Impl::char_ref(std::string &to, bool in_attribute) {
  CharRefResult r;
  decode_char_ref(in_ + pos_, in_ + n_, in_attribute, r);
  for (int i = 0; i < r.error_count; ++i) error_at(r.error_code[i], pos_ - 1 + r.error_at[i]);
  if (r.consumed == 0) {
    to.push_back('&');
    return;
  }
  to.append(r.text, r.text_len);
  pos_ += r.consumed;
}

void Tokenizer::Impl::start_attribute() {
  Attribute &a = out_->attributes.emplace_back();
  a.begin = a.end = base_ + pos_;
  attr_ = &a;
}

void Tokenizer::Impl::finish_attribute_name() {
  attr_->end = base_ + pos_;
  std::vector<Attribute> &attrs = out_->attributes;
  std::size_t before = attrs.size() - 1;  // attr_ is the last one
  bool duplicate = false;
  if (before < 16) {
    for (std::size_t i = 0; i < before; ++i) {
      if (attrs[i].name == attr_->name) {
        duplicate = true;
        break;
      }
    }
  } else {
    // Many attributes: a set keeps the check linear overall.
    if (attr_names_.empty()) {
      for (std::size_t i = 0; i < before; ++i) attr_names_.insert(attrs[i].name);
    }
    duplicate = !attr_names_.insert(attr_->name).second;
  }
  if (duplicate) {
    error("duplicate-attribute");
    dropped_ = std::move(attrs.back());
    attrs.pop_back();
    dropped_.value.clear();
    attr_ = &dropped_;
  }
}

bool Tokenizer::Impl::appropriate_end_tag() {
  const unsigned char *s = bytes();
  std::size_t p = pos_;
  while (p < n_ && is_ascii_alpha(s[p])) ++p;
  std::size_t len = p - pos_;
  if (len != 0 && has_last_start_tag_ && len == last_start_tag_.size()) {
    bool same = true;
    for (std::size_t i = 0; i < len && same; ++i) same = ascii_lower(s[pos_ + i]) == last_start_tag_[i];
    if (same) {
      std::size_t name_at = pos_;
      pos_ = p;
      int c = peek();
      if (is_html_space(c) || c == '/' || c == '>') {
        if (!chars().empty()) {
          // The text before goes out first; the end tag is read again
          // on the next call.
          pos_ = lt_pos_;
          flush_chars(lt_pos_);
          return true;
        }
        start_tag_token(TokenKind::end_tag);
        out_->name.assign(last_start_tag_);
        consume();
        if (c == '>') {
          state_ = State::data;
          emit_current();
        } else {
          state_ = c == '/' ? State::self_closing_start_tag : State::before_attribute_name;
        }
        return true;
      }
      pos_ = name_at;
    }
  }
  std::string &d = chars();
  d.append("</", 2);
  d.append(in_ + pos_, len);
  pos_ = p;
  return false;
}

// --- states ------------------------------------------------------------------

void Tokenizer::Impl::run_state() {
  switch (state_) {
    case State::data: return data_state();
    case State::rcdata: return rcdata_state();
    case State::rawtext: return rawtext_state();
    case State::script_data: return script_data_state();
    case State::plaintext: return plaintext_state();
    case State::tag_open: return tag_open_state();
    case State::end_tag_open: return end_tag_open_state();
    case State::tag_name: return tag_name_state();
    case State::script_escaped:
    case State::script_escaped_dash:
    case State::script_escaped_dash_dash: return script_escaped_states();
    case State::script_double_escaped:
    case State::script_double_escaped_dash:
    case State::script_double_escaped_dash_dash: return script_double_escaped_states();
    case State::before_attribute_name: return before_attribute_name_state();
    case State::attribute_name: return attribute_name_state();
    case State::after_attribute_name: return after_attribute_name_state();
    case State::before_attribute_value: return before_attribute_value_state();
    case State::attribute_value_double: return attribute_value_quoted_state('"');
    case State::attribute_value_single: return attribute_value_quoted_state('\'');
    case State::attribute_value_unquoted: return attribute_value_unquoted_state();
    case State::after_attribute_value_quoted: return after_attribute_value_quoted_state();
    case State::self_closing_start_tag: return self_closing_start_tag_state();
    case State::bogus_comment: return bogus_comment_state();
    case State::markup_declaration_open: return markup_declaration_open_state();
    case State::comment_start:
    case State::comment_start_dash:
    case State::comment:
    case State::comment_less_than:
    case State::comment_less_than_bang:
    case State::comment_less_than_bang_dash:
    case State::comment_less_than_bang_dash_dash:
    case State::comment_end_dash:
    case State::comment_end:
    case State::comment_end_bang: return comment_states();
    case State::doctype:
    case State::before_doctype_name:
    case State::doctype_name:
    case State::after_doctype_name:
    case State::after_doctype_public_keyword:
    case State::before_doctype_public_id:
    case State::doctype_public_id_double:
    case State::doctype_public_id_single:
    case State::after_doctype_public_id:
    case State::between_doctype_ids:
    case State::after_doctype_system_keyword:
    case State::before_doctype_system_id:
    case State::doctype_system_id_double:
    case State::doctype_system_id_single:
    case State::after_doctype_system_id:
    case State::bogus_doctype: return doctype_states();
    case State::cdata_section: return cdata_section_state();
    case State::eof: return eof_state();
  }
}

void Tokenizer::Impl::data_state() {
  std::string &d = chars();
  for (;;) {
    take_run(d, kClassData);
    int c = peek();
    switch (c) {
      case '<':
        lt_pos_ = pos_;
        consume();
        state_ = State::tag_open;
        return;
      case '&':
        consume();
        char_ref(d, false);
        break;
      case 0:
        error("unexpected-null-character");
        consume();
        d.push_back('\0');
        break;
      case kEof:
        state_ = State::eof;
        return;
      default:
        consume();
        append_utf8(d, c);
        break;
    }
  }
}

void Tokenizer::Impl::rcdata_state() {
  std::string &d = chars();
  for (;;) {
    take_run(d, kClassData);
    int c = peek();
    switch (c) {
      case '<':
        lt_pos_ = pos_;
        consume();
        if (pos_ < n_ && in_[pos_] == '/') {
          ++pos_;
          if (appropriate_end_tag()) return;
        } else {
          d.push_back('<');
        }
        break;
      case '&':
        consume();
        char_ref(d, false);
        break;
      case 0:
        error("unexpected-null-character");
        consume();
        d.append("\xEF\xBF\xBD");
        break;
      case kEof:
        state_ = State::eof;
        return;
      default:
        consume();
        append_utf8(d, c);
        break;
    }
  }
}

void Tokenizer::Impl::rawtext_state() {
  std::string &d = chars();
  for (;;) {
    take_run(d, kClassRawtext);
    int c = peek();
    switch (c) {
      case '<':
        lt_pos_ = pos_;
        consume();
        if (pos_ < n_ && in_[pos_] == '/') {
          ++pos_;
          if (appropriate_end_tag()) return;
        } else {
          d.push_back('<');
        }
        break;
      case 0:
        error("unexpected-null-character");
        consume();
        d.append("\xEF\xBF\xBD");
        break;
      case kEof:
        state_ = State::eof;
        return;
      default:
        consume();
        append_utf8(d, c);
        break;
    }
  }
}

void Tokenizer::Impl::plaintext_state() {
  std::string &d = chars();
  for (;;) {
    take_run(d, kClassPlaintext);
    int c = peek();
    switch (c) {
      case 0:
        error("unexpected-null-character");
        consume();
        d.append("\xEF\xBF\xBD");
        break;
      case kEof:
        state_ = State::eof;
        return;
      default:
        consume();
        append_utf8(d, c);
        break;
    }
  }
}

void Tokenizer::Impl::tag_open_state() {
  int c = peek();
  if (!chars().empty() && (is_ascii_alpha(c) || c == '!' || c == '/' || c == '?')) {
    // A token starts here: the characters before it go out first.
    flush_chars(lt_pos_);
    return;
  }
  if (is_ascii_alpha(c)) {
    start_tag_token(TokenKind::start_tag);
    state_ = State::tag_name;
    return;
  }
  switch (c) {
    case '!':
      consume();
      state_ = State::markup_declaration_open;
      return;
    case '/':
      consume();
      state_ = State::end_tag_open;
      return;
    case '?':
      error("unexpected-question-mark-instead-of-tag-name");
      start_comment({});
      state_ = State::bogus_comment;
      return;
    case kEof:
      error("eof-before-tag-name");
      chars().push_back('<');
      state_ = State::eof;
      return;
    default:
      error("invalid-first-character-of-tag-name");
      chars().push_back('<');
      state_ = State::data;
      return;
  }
}

void Tokenizer::Impl::end_tag_open_state() {
  int c = peek();
  if (is_ascii_alpha(c)) {
    start_tag_token(TokenKind::end_tag);
    state_ = State::tag_name;
    return;
  }
  switch (c) {
    case '>':
      error("missing-end-tag-name");
      consume();
      state_ = State::data;
      if (chars().empty()) out_->begin = base_ + pos_;  // "</>" is dropped
      return;
    case kEof:
      error("eof-before-tag-name");
      chars().append("</", 2);
      state_ = State::eof;
      return;
    default:
      error("invalid-first-character-of-tag-name");
      start_comment({});
      state_ = State::bogus_comment;
      return;
  }
}

// --- the public interface ------------------------------------------------------

Tokenizer::Tokenizer(std::string_view input, std::size_t base, std::vector<ParseError> *errors,
                     std::size_t max_errors)
    : impl_(std::make_unique<Impl>(input, base, errors, max_errors)) {}

Tokenizer::~Tokenizer() = default;

void Tokenizer::next(Token &token) { impl_->next(token); }

void Tokenizer::set_state(TokenizerState state) {
  if (impl_->state_ == State::eof) return;
  // A '<' held back while characters went out belongs to the new state.
  if (impl_->state_ == State::tag_open) impl_->pos_ = impl_->lt_pos_;
  switch (state) {
    case TokenizerState::data: impl_->state_ = State::data; break;
    case TokenizerState::rcdata: impl_->state_ = State::rcdata; break;
    case TokenizerState::rawtext: impl_->state_ = State::rawtext; break;
    case TokenizerState::script_data: impl_->state_ = State::script_data; break;
    case TokenizerState::plaintext: impl_->state_ = State::plaintext; break;
    case TokenizerState::cdata_section: impl_->state_ = State::cdata_section; break;
  }
}

void Tokenizer::set_last_start_tag(std::string_view name) {
  impl_->last_start_tag_.assign(name.data(), name.size());
  impl_->has_last_start_tag_ = true;
}

void Tokenizer::set_cdata_allowed(bool allowed) { impl_->cdata_allowed_ = allowed; }

std::size_t Tokenizer::error_count() const { return impl_->error_count_; }

}  // namespace postparse::impl::html
