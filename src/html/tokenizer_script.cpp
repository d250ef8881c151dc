// The HTML tokenizer's script data states: script data, escaped and double
// escaped (with their dash, less-than sign, end tag, and escape start/end
// states, done here as lookaheads since all they look for is ASCII).
#include "html/tokenizer_impl.h"

namespace postparse::impl::html {

namespace {
constexpr char kReplacement[] = "\xEF\xBF\xBD";
}

void Tokenizer::Impl::script_data_state() {
  std::string &d = chars();
  for (;;) {
    take_run(d, kClassRawtext);
    int c = peek();
    switch (c) {
      case '<':
        lt_pos_ = pos_;
        consume();
        if (pos_ < n_ && in_[pos_] == '/') {
          // Script data end tag open / name.
          ++pos_;
          if (appropriate_end_tag()) return;
        } else if (pos_ < n_ && in_[pos_] == '!') {
          // Script data escape start (dash) states.
          ++pos_;
          d.append("<!", 2);
          if (pos_ < n_ && in_[pos_] == '-') {
            ++pos_;
            d.push_back('-');
            if (pos_ < n_ && in_[pos_] == '-') {
              ++pos_;
              d.push_back('-');
              state_ = State::script_escaped_dash_dash;
              return;
            }
          }
        } else {
          d.push_back('<');
        }
        break;
      case 0:
        error("unexpected-null-character");
        consume();
        d.append(kReplacement, 3);
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

namespace {

// The ASCII letters at s[p..], and whether they spell "script" (ASCII case-insensitively).
std::size_t letters_end(const unsigned char *s, std::size_t p, std::size_t n, bool &is_script) {
  std::size_t start = p;
  while (p < n && is_ascii_alpha(s[p])) ++p;
  is_script = false;
  if (p - start == 6) {
    static constexpr char kScript[] = "script";
    is_script = true;
    for (std::size_t i = 0; i < 6; ++i) is_script = is_script && ascii_lower(s[start + i]) == kScript[i];
  }
  return p;
}

}  // namespace

void Tokenizer::Impl::script_escaped_states() {
  std::string &d = chars();
  for (;;) {
    if (state_ == State::script_escaped) take_run(d, kClassScriptEscaped);
    int c = peek();
    switch (c) {
      case '-':
        consume();
        d.push_back('-');
        if (state_ == State::script_escaped) state_ = State::script_escaped_dash;
        else state_ = State::script_escaped_dash_dash;
        break;
      case '<':
        // Script data escaped less-than sign state.
        lt_pos_ = pos_;
        consume();
        state_ = State::script_escaped;
        if (pos_ < n_ && in_[pos_] == '/') {
          ++pos_;
          if (appropriate_end_tag()) return;
        } else if (pos_ < n_ && is_ascii_alpha(static_cast<unsigned char>(in_[pos_]))) {
          // Script data double escape start state.
          d.push_back('<');
          bool is_script;
          std::size_t e = letters_end(bytes(), pos_, n_, is_script);
          d.append(in_ + pos_, e - pos_);
          pos_ = e;
          int t = peek();
          if (is_html_space(t) || t == '/' || t == '>') {
            consume();
            d.push_back(static_cast<char>(t));
            if (is_script) {
              state_ = State::script_double_escaped;
              return;
            }
          }
        } else {
          d.push_back('<');
        }
        break;
      case '>':
        consume();
        d.push_back('>');
        if (state_ == State::script_escaped_dash_dash) {
          state_ = State::script_data;
          return;
        }
        state_ = State::script_escaped;
        break;
      case 0:
        error("unexpected-null-character");
        consume();
        d.append(kReplacement, 3);
        state_ = State::script_escaped;
        break;
      case kEof:
        error("eof-in-script-html-comment-like-text");
        state_ = State::eof;
        return;
      default:
        consume();
        append_utf8(d, c);
        state_ = State::script_escaped;
        break;
    }
  }
}

void Tokenizer::Impl::script_double_escaped_states() {
  std::string &d = chars();
  for (;;) {
    if (state_ == State::script_double_escaped) take_run(d, kClassScriptEscaped);
    int c = peek();
    switch (c) {
      case '-':
        consume();
        d.push_back('-');
        if (state_ == State::script_double_escaped) state_ = State::script_double_escaped_dash;
        else state_ = State::script_double_escaped_dash_dash;
        break;
      case '<':
        consume();
        d.push_back('<');
        state_ = State::script_double_escaped;
        // Script data double escaped less-than sign state.
        if (pos_ < n_ && in_[pos_] == '/') {
          ++pos_;
          d.push_back('/');
          // Script data double escape end state.
          bool is_script;
          std::size_t e = letters_end(bytes(), pos_, n_, is_script);
          d.append(in_ + pos_, e - pos_);
          pos_ = e;
          int t = peek();
          if (is_html_space(t) || t == '/' || t == '>') {
            consume();
            d.push_back(static_cast<char>(t));
            if (is_script) {
              state_ = State::script_escaped;
              return;
            }
          }
        }
        break;
      case '>':
        consume();
        d.push_back('>');
        if (state_ == State::script_double_escaped_dash_dash) {
          state_ = State::script_data;
          return;
        }
        state_ = State::script_double_escaped;
        break;
      case 0:
        error("unexpected-null-character");
        consume();
        d.append(kReplacement, 3);
        state_ = State::script_double_escaped;
        break;
      case kEof:
        error("eof-in-script-html-comment-like-text");
        state_ = State::eof;
        return;
      default:
        consume();
        append_utf8(d, c);
        state_ = State::script_double_escaped;
        break;
    }
  }
}

}  // namespace postparse::impl::html
