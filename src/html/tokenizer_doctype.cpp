// The HTML tokenizer's DOCTYPE states, from the DOCTYPE state to the bogus
// DOCTYPE state.  The DOCTYPE token is created when the DOCTYPE state is
// entered, with no name and no identifiers.
#include "html/tokenizer_impl.h"

namespace postparse::impl::html {

namespace {
constexpr char kReplacement[] = "\xEF\xBF\xBD";
}

void Tokenizer::Impl::doctype_states() {
  Token &t = *out_;
  for (;;) {
    int c;
    switch (state_) {
      case State::doctype_name:
        take_run(t.name, kClassDoctypeName);
        break;
      case State::doctype_public_id_double:
        take_run(t.public_id, kClassIdDouble);
        break;
      case State::doctype_public_id_single:
        take_run(t.public_id, kClassIdSingle);
        break;
      case State::doctype_system_id_double:
        take_run(t.system_id, kClassIdDouble);
        break;
      case State::doctype_system_id_single:
        take_run(t.system_id, kClassIdSingle);
        break;
      case State::bogus_doctype:
        pos_ = run_end(pos_, kClassBogusComment);
        break;
      default:
        break;
    }
    c = peek();
    // EOF is handled alike in every DOCTYPE state but the bogus one.
    if (c == kEof) {
      if (state_ != State::bogus_doctype) {
        error("eof-in-doctype");
        t.force_quirks = true;
      }
      emit_and_reach_eof();
      return;
    }
    bool space = is_html_space(c);
    switch (state_) {
      case State::doctype:
        if (space) {
          consume();
        } else if (c != '>') {
          error("missing-whitespace-before-doctype-name");
        }
        state_ = State::before_doctype_name;
        break;
      case State::before_doctype_name:
        if (space) {
          consume();
        } else if (c == '>') {
          error("missing-doctype-name");
          t.force_quirks = true;
          consume();
          state_ = State::data;
          emit_current();
          return;
        } else {
          consume();
          t.has_name = true;
          if (c == 0) {
            error("unexpected-null-character");
            t.name.append(kReplacement, 3);
          } else if (is_ascii_upper(c)) {
            t.name.push_back(ascii_lower(c));
          } else {
            append_utf8(t.name, c);
          }
          state_ = State::doctype_name;
        }
        break;
      case State::doctype_name:
        if (space) {
          consume();
          state_ = State::after_doctype_name;
        } else if (c == '>') {
          consume();
          state_ = State::data;
          emit_current();
          return;
        } else {
          consume();
          if (c == 0) {
            error("unexpected-null-character");
            t.name.append(kReplacement, 3);
          } else if (is_ascii_upper(c)) {
            t.name.push_back(ascii_lower(c));
          } else {
            append_utf8(t.name, c);
          }
        }
        break;
      case State::after_doctype_name:
        if (space) {
          consume();
        } else if (c == '>') {
          consume();
          state_ = State::data;
          emit_current();
          return;
        } else if (lookahead("public", true)) {
          pos_ += 6;
          state_ = State::after_doctype_public_keyword;
        } else if (lookahead("system", true)) {
          pos_ += 6;
          state_ = State::after_doctype_system_keyword;
        } else {
          error("invalid-character-sequence-after-doctype-name");
          t.force_quirks = true;
          state_ = State::bogus_doctype;
        }
        break;
      case State::after_doctype_public_keyword:
      case State::before_doctype_public_id:
        if (space) {
          consume();
          state_ = State::before_doctype_public_id;
        } else if (c == '"' || c == '\'') {
          if (state_ == State::after_doctype_public_keyword)
            error("missing-whitespace-after-doctype-public-keyword");
          consume();
          t.has_public_id = true;
          t.public_id.clear();
          state_ = c == '"' ? State::doctype_public_id_double : State::doctype_public_id_single;
        } else if (c == '>') {
          error("missing-doctype-public-identifier");
          t.force_quirks = true;
          consume();
          state_ = State::data;
          emit_current();
          return;
        } else {
          error("missing-quote-before-doctype-public-identifier");
          t.force_quirks = true;
          state_ = State::bogus_doctype;
        }
        break;
      case State::doctype_public_id_double:
      case State::doctype_public_id_single:
        if (c == (state_ == State::doctype_public_id_double ? '"' : '\'')) {
          consume();
          state_ = State::after_doctype_public_id;
        } else if (c == '>') {
          error("abrupt-doctype-public-identifier");
          t.force_quirks = true;
          consume();
          state_ = State::data;
          emit_current();
          return;
        } else if (c == 0) {
          error("unexpected-null-character");
          consume();
          t.public_id.append(kReplacement, 3);
        } else {
          consume();
          append_utf8(t.public_id, c);
        }
        break;
      case State::after_doctype_public_id:
      case State::between_doctype_ids:
        if (space) {
          consume();
          state_ = State::between_doctype_ids;
        } else if (c == '>') {
          consume();
          state_ = State::data;
          emit_current();
          return;
        } else if (c == '"' || c == '\'') {
          if (state_ == State::after_doctype_public_id)
            error("missing-whitespace-between-doctype-public-and-system-identifiers");
          consume();
          t.has_system_id = true;
          t.system_id.clear();
          state_ = c == '"' ? State::doctype_system_id_double : State::doctype_system_id_single;
        } else {
          error("missing-quote-before-doctype-system-identifier");
          t.force_quirks = true;
          state_ = State::bogus_doctype;
        }
        break;
      case State::after_doctype_system_keyword:
      case State::before_doctype_system_id:
        if (space) {
          consume();
          state_ = State::before_doctype_system_id;
        } else if (c == '"' || c == '\'') {
          if (state_ == State::after_doctype_system_keyword)
            error("missing-whitespace-after-doctype-system-keyword");
          consume();
          t.has_system_id = true;
          t.system_id.clear();
          state_ = c == '"' ? State::doctype_system_id_double : State::doctype_system_id_single;
        } else if (c == '>') {
          error("missing-doctype-system-identifier");
          t.force_quirks = true;
          consume();
          state_ = State::data;
          emit_current();
          return;
        } else {
          error("missing-quote-before-doctype-system-identifier");
          t.force_quirks = true;
          state_ = State::bogus_doctype;
        }
        break;
      case State::doctype_system_id_double:
      case State::doctype_system_id_single:
        if (c == (state_ == State::doctype_system_id_double ? '"' : '\'')) {
          consume();
          state_ = State::after_doctype_system_id;
        } else if (c == '>') {
          error("abrupt-doctype-system-identifier");
          t.force_quirks = true;
          consume();
          state_ = State::data;
          emit_current();
          return;
        } else if (c == 0) {
          error("unexpected-null-character");
          consume();
          t.system_id.append(kReplacement, 3);
        } else {
          consume();
          append_utf8(t.system_id, c);
        }
        break;
      case State::after_doctype_system_id:
        if (space) {
          consume();
        } else if (c == '>') {
          consume();
          state_ = State::data;
          emit_current();
          return;
        } else {
          error("unexpected-character-after-doctype-system-identifier");
          state_ = State::bogus_doctype;
        }
        break;
      case State::bogus_doctype:
        consume();
        if (c == '>') {
          state_ = State::data;
          emit_current();
          return;
        }
        if (c == 0) error("unexpected-null-character");
        break;
      default:
        return;
    }
  }
}

}  // namespace postparse::impl::html
