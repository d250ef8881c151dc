// The HTML tokenizer's tag states: tag name, the attribute states and the
// self-closing start tag state.
#include "html/tokenizer_impl.h"

namespace postparse::impl::html {

namespace {
constexpr char kReplacement[] = "\xEF\xBF\xBD";
}

void Tokenizer::Impl::tag_name_state() {
  std::string &name = out_->name;
  for (;;) {
    take_run(name, kClassTagName);
    int c = peek();
    switch (c) {
      case '\t':
      case '\n':
      case '\f':
      case ' ':
        consume();
        state_ = State::before_attribute_name;
        return;
      case '/':
        consume();
        state_ = State::self_closing_start_tag;
        return;
      case '>':
        consume();
        state_ = State::data;
        emit_current();
        return;
      case 0:
        error("unexpected-null-character");
        consume();
        name.append(kReplacement, 3);
        break;
      case kEof:
        error("eof-in-tag");
        state_ = State::eof;
        return;
      default:
        consume();
        if (is_ascii_upper(c)) name.push_back(ascii_lower(c));
        else append_utf8(name, c);
        break;
    }
  }
}

void Tokenizer::Impl::before_attribute_name_state() {
  for (;;) {
    int c = peek();
    switch (c) {
      case '\t':
      case '\n':
      case '\f':
      case ' ':
        consume();
        break;
      case '/':
      case '>':
      case kEof:
        state_ = State::after_attribute_name;
        return;
      case '=':
        error("unexpected-equals-sign-before-attribute-name");
        start_attribute();
        attr_->name.push_back('=');
        consume();
        state_ = State::attribute_name;
        return;
      default:
        start_attribute();
        state_ = State::attribute_name;
        return;
    }
  }
}

void Tokenizer::Impl::attribute_name_state() {
  for (;;) {
    take_run(attr_->name, kClassAttrName);
    int c = peek();
    switch (c) {
      case '\t':
      case '\n':
      case '\f':
      case ' ':
      case '/':
      case '>':
      case kEof:
        finish_attribute_name();
        state_ = State::after_attribute_name;
        return;
      case '=':
        finish_attribute_name();
        consume();
        state_ = State::before_attribute_value;
        return;
      case 0:
        error("unexpected-null-character");
        consume();
        attr_->name.append(kReplacement, 3);
        break;
      case '"':
      case '\'':
      case '<':
        error("unexpected-character-in-attribute-name");
        consume();
        attr_->name.push_back(static_cast<char>(c));
        break;
      default:
        consume();
        if (is_ascii_upper(c)) attr_->name.push_back(ascii_lower(c));
        else append_utf8(attr_->name, c);
        break;
    }
  }
}

void Tokenizer::Impl::after_attribute_name_state() {
  for (;;) {
    int c = peek();
    switch (c) {
      case '\t':
      case '\n':
      case '\f':
      case ' ':
        consume();
        break;
      case '/':
        consume();
        state_ = State::self_closing_start_tag;
        return;
      case '=':
        consume();
        state_ = State::before_attribute_value;
        return;
      case '>':
        consume();
        state_ = State::data;
        emit_current();
        return;
      case kEof:
        error("eof-in-tag");
        state_ = State::eof;
        return;
      default:
        start_attribute();
        state_ = State::attribute_name;
        return;
    }
  }
}

void Tokenizer::Impl::before_attribute_value_state() {
  for (;;) {
    int c = peek();
    switch (c) {
      case '\t':
      case '\n':
      case '\f':
      case ' ':
        consume();
        break;
      case '"':
        consume();
        state_ = State::attribute_value_double;
        return;
      case '\'':
        consume();
        state_ = State::attribute_value_single;
        return;
      case '>':
        error("missing-attribute-value");
        consume();
        state_ = State::data;
        emit_current();
        return;
      default:
        state_ = State::attribute_value_unquoted;
        return;
    }
  }
}

void Tokenizer::Impl::attribute_value_quoted_state(char quote) {
  const ByteClass cls = quote == '"' ? kClassAttrDouble : kClassAttrSingle;
  for (;;) {
    std::string &value = attr_->value;
    take_run(value, cls);
    int c = peek();
    if (c == quote) {
      consume();
      attr_->end = base_ + pos_;
      state_ = State::after_attribute_value_quoted;
      return;
    }
    switch (c) {
      case '&':
        consume();
        char_ref(value, true);
        break;
      case 0:
        error("unexpected-null-character");
        consume();
        value.append(kReplacement, 3);
        break;
      case kEof:
        error("eof-in-tag");
        state_ = State::eof;
        return;
      default:
        consume();
        append_utf8(value, c);
        break;
    }
  }
}

void Tokenizer::Impl::attribute_value_unquoted_state() {
  for (;;) {
    std::string &value = attr_->value;
    take_run(value, kClassAttrUnquoted);
    int c = peek();
    switch (c) {
      case '\t':
      case '\n':
      case '\f':
      case ' ':
        attr_->end = base_ + pos_;
        consume();
        state_ = State::before_attribute_name;
        return;
      case '&':
        consume();
        char_ref(value, true);
        break;
      case '>':
        attr_->end = base_ + pos_;
        consume();
        state_ = State::data;
        emit_current();
        return;
      case 0:
        error("unexpected-null-character");
        consume();
        value.append(kReplacement, 3);
        break;
      case '"':
      case '\'':
      case '<':
      case '=':
      case '`':
        error("unexpected-character-in-unquoted-attribute-value");
        consume();
        value.push_back(static_cast<char>(c));
        break;
      case kEof:
        error("eof-in-tag");
        state_ = State::eof;
        return;
      default:
        consume();
        append_utf8(value, c);
        break;
    }
  }
}

void Tokenizer::Impl::after_attribute_value_quoted_state() {
  int c = peek();
  switch (c) {
    case '\t':
    case '\n':
    case '\f':
    case ' ':
      consume();
      state_ = State::before_attribute_name;
      return;
    case '/':
      consume();
      state_ = State::self_closing_start_tag;
      return;
    case '>':
      consume();
      state_ = State::data;
      emit_current();
      return;
    case kEof:
      error("eof-in-tag");
      state_ = State::eof;
      return;
    default:
      error("missing-whitespace-between-attributes");
      state_ = State::before_attribute_name;
      return;
  }
}

void Tokenizer::Impl::self_closing_start_tag_state() {
  int c = peek();
  switch (c) {
    case '>':
      consume();
      out_->self_closing = true;
      state_ = State::data;
      emit_current();
      return;
    case kEof:
      error("eof-in-tag");
      state_ = State::eof;
      return;
    default:
      error("unexpected-solidus-in-tag");
      state_ = State::before_attribute_name;
      return;
  }
}

}  // namespace postparse::impl::html
