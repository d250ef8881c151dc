// The HTML tokenizer's markup declarations: markup declaration open, the
// comment states, bogus comments and CDATA sections.
#include "html/tokenizer_impl.h"

namespace postparse::impl::html {

namespace {
constexpr char kReplacement[] = "\xEF\xBF\xBD";
}

void Tokenizer::Impl::markup_declaration_open_state() {
  if (lookahead("--", false)) {
    pos_ += 2;
    start_comment({});
    state_ = State::comment_start;
  } else if (lookahead("doctype", true)) {
    pos_ += 7;
    out_->reset(TokenKind::doctype, base_ + lt_pos_);
    state_ = State::doctype;
  } else if (lookahead("[CDATA[", false)) {
    pos_ += 7;
    if (cdata_allowed_) {
      state_ = State::cdata_section;
    } else {
      error("cdata-in-html-content");
      start_comment("[CDATA[");
      state_ = State::bogus_comment;
    }
  } else {
    error("incorrectly-opened-comment");
    start_comment({});
    state_ = State::bogus_comment;
  }
}

void Tokenizer::Impl::bogus_comment_state() {
  std::string &data = out_->data;
  for (;;) {
    take_run(data, kClassBogusComment);
    int c = peek();
    switch (c) {
      case '>':
        consume();
        state_ = State::data;
        emit_current();
        return;
      case kEof:
        emit_and_reach_eof();
        return;
      case 0:
        error("unexpected-null-character");
        consume();
        data.append(kReplacement, 3);
        break;
      default:
        consume();
        append_utf8(data, c);
        break;
    }
  }
}

void Tokenizer::Impl::comment_states() {
  std::string &data = out_->data;
  for (;;) {
    if (state_ == State::comment) take_run(data, kClassComment);
    int c = peek();
    switch (state_) {
      case State::comment_start:
        if (c == '-') {
          consume();
          state_ = State::comment_start_dash;
        } else if (c == '>') {
          error("abrupt-closing-of-empty-comment");
          consume();
          state_ = State::data;
          emit_current();
          return;
        } else {
          state_ = State::comment;
        }
        break;
      case State::comment_start_dash:
        if (c == '-') {
          consume();
          state_ = State::comment_end;
        } else if (c == '>') {
          error("abrupt-closing-of-empty-comment");
          consume();
          state_ = State::data;
          emit_current();
          return;
        } else if (c == kEof) {
          error("eof-in-comment");
          emit_and_reach_eof();
          return;
        } else {
          data.push_back('-');
          state_ = State::comment;
        }
        break;
      case State::comment:
        switch (c) {
          case '<':
            consume();
            data.push_back('<');
            state_ = State::comment_less_than;
            break;
          case '-':
            consume();
            state_ = State::comment_end_dash;
            break;
          case 0:
            error("unexpected-null-character");
            consume();
            data.append(kReplacement, 3);
            break;
          case kEof:
            error("eof-in-comment");
            emit_and_reach_eof();
            return;
          default:
            consume();
            append_utf8(data, c);
            break;
        }
        break;
      case State::comment_less_than:
        if (c == '!') {
          consume();
          data.push_back('!');
          state_ = State::comment_less_than_bang;
        } else if (c == '<') {
          consume();
          data.push_back('<');
        } else {
          state_ = State::comment;
        }
        break;
      case State::comment_less_than_bang:
        if (c == '-') {
          consume();
          state_ = State::comment_less_than_bang_dash;
        } else {
          state_ = State::comment;
        }
        break;
      case State::comment_less_than_bang_dash:
        if (c == '-') {
          consume();
          state_ = State::comment_less_than_bang_dash_dash;
        } else {
          state_ = State::comment_end_dash;
        }
        break;
      case State::comment_less_than_bang_dash_dash:
        if (c != '>' && c != kEof) error("nested-comment");
        state_ = State::comment_end;
        break;
      case State::comment_end_dash:
        if (c == '-') {
          consume();
          state_ = State::comment_end;
        } else if (c == kEof) {
          error("eof-in-comment");
          emit_and_reach_eof();
          return;
        } else {
          data.push_back('-');
          state_ = State::comment;
        }
        break;
      case State::comment_end:
        if (c == '>') {
          consume();
          state_ = State::data;
          emit_current();
          return;
        } else if (c == '!') {
          consume();
          state_ = State::comment_end_bang;
        } else if (c == '-') {
          consume();
          data.push_back('-');
        } else if (c == kEof) {
          error("eof-in-comment");
          emit_and_reach_eof();
          return;
        } else {
          data.append("--", 2);
          state_ = State::comment;
        }
        break;
      case State::comment_end_bang:
        if (c == '-') {
          consume();
          data.append("--!", 3);
          state_ = State::comment_end_dash;
        } else if (c == '>') {
          error("incorrectly-closed-comment");
          consume();
          state_ = State::data;
          emit_current();
          return;
        } else if (c == kEof) {
          error("eof-in-comment");
          emit_and_reach_eof();
          return;
        } else {
          data.append("--!", 3);
          state_ = State::comment;
        }
        break;
      default:
        return;
    }
  }
}

void Tokenizer::Impl::cdata_section_state() {
  std::string &d = chars();
  const unsigned char *s = bytes();
  for (;;) {
    take_run(d, kClassCdata);
    int c = peek();
    switch (c) {
      case ']': {
        // CDATA section bracket and end states: "]]>" ends the section,
        // other brackets are characters.
        std::size_t p = pos_;
        while (p < n_ && s[p] == ']') ++p;
        std::size_t brackets = p - pos_;
        if (brackets >= 2 && p < n_ && s[p] == '>') {
          d.append(brackets - 2, ']');
          pos_ = p + 1;
          state_ = State::data;
          return;
        }
        d.append(brackets, ']');
        pos_ = p;
        break;
      }
      case kEof:
        error("eof-in-cdata");
        state_ = State::eof;
        return;
      default:  // NUL included: it is a character here
        consume();
        append_utf8(d, c);
        break;
    }
  }
}

}  // namespace postparse::impl::html
