#include "front_matter/toml_guard.h"

#include "common/ascii.h"
#include "postparse/postparse.h"

namespace postparse::impl {
namespace {

// `YYYY-MM-DD` followed by T/t and a non-digit.
bool bad_date_time_at(std::string_view text, std::size_t i) {
  if (i + 11 > text.size()) return false;
  for (std::size_t k : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!is_ascii_digit(text[i + k])) return false;
  if (text[i + 4] != '-' || text[i + 7] != '-') return false;
  if (text[i + 10] != 'T' && text[i + 10] != 't') return false;
  return i + 11 >= text.size() || !is_ascii_digit(text[i + 11]);
}

TomlHazard hazard(int code, std::string message, std::size_t at) { return {true, code, std::move(message), at}; }

class Scanner {
 public:
  Scanner(std::string_view text, std::size_t depth_limit) : text_(text), limit_(depth_limit) {}

  TomlHazard run() {
    while (pos_ < text_.size() && !result_.found) step();
    return result_;
  }

 private:
  void step() {
    char c = text_[pos_];
    if (c == '#') return skip_comment();
    if (c == '"' || c == '\'') return skip_string(c);
    if (c == '\n') {
      key_dots_ = 0;
      in_key_ = true;
      ++pos_;
      return;
    }
    if (static_cast<unsigned char>(c) >= 0x80) {
      // Outside strings and comments TOML allows only ASCII.
      result_ = hazard(POSTPARSE_ERR_SYNTAX, "TOML syntax error: unexpected non-ASCII character", pos_);
      return;
    }
    if (c == '=') in_key_ = false;
    if (c == '.' && (in_key_ || bracket_header_)) count_dot();
    if (c == '[' || c == '{') open();
    if (c == ']' || c == '}') close();
    if (is_ascii_digit(c) && bad_date_time_at(text_, pos_)) {
      result_ = hazard(POSTPARSE_ERR_SYNTAX, "TOML syntax error: a date-time needs a time after 'T'", pos_ + 10);
      return;
    }
    ++pos_;
  }

  void count_dot() {
    if (++key_dots_ + depth_ >= limit_)
      result_ = hazard(POSTPARSE_ERR_DEPTH_LIMIT,
                       "front matter nests deeper than " + std::to_string(limit_) + " levels (depth limit)", pos_);
  }

  void open() {
    if (in_key_ && text_[pos_] == '[') bracket_header_ = true;  // [table] or [[array]]
    if (!in_key_ && ++depth_ + key_dots_ >= limit_)
      result_ = hazard(POSTPARSE_ERR_DEPTH_LIMIT,
                       "front matter nests deeper than " + std::to_string(limit_) + " levels (depth limit)", pos_);
  }

  void close() {
    if (bracket_header_ && in_key_) {
      bracket_header_ = false;
      key_dots_ = 0;
    } else if (depth_ > 0) {
      --depth_;
    }
  }

  void skip_comment() {
    while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
  }

  // Strings may hold anything; only a line-ending backslash in a multi-line
  // basic string followed by a non-ASCII character trips toml++.
  void skip_string(char quote) {
    bool multi = text_.substr(pos_, 3) == std::string(3, quote);
    std::size_t i = pos_ + (multi ? 3 : 1);
    while (i < text_.size()) {
      char c = text_[i];
      if (quote == '"' && c == '\\') {
        if (multi && line_ending_backslash(i) && non_ascii_after_blanks(i + 1)) {
          result_ = hazard(POSTPARSE_ERR_SYNTAX,
                           "TOML: a line-ending backslash followed by a non-ASCII character is not supported", i);
          return;
        }
        i += 2;
        continue;
      }
      if (c == quote && (!multi || text_.substr(i, 3) == std::string(3, quote))) {
        pos_ = i + (multi ? 3 : 1);
        while (multi && pos_ < text_.size() && text_[pos_] == quote) ++pos_;  // """" endings
        return;
      }
      if (!multi && c == '\n') break;
      ++i;
    }
    pos_ = i;
  }

  bool line_ending_backslash(std::size_t i) const {
    std::size_t k = i + 1;
    while (k < text_.size() && is_space_or_tab(text_[k])) ++k;
    return k < text_.size() && (text_[k] == '\n' || text_[k] == '\r');
  }

  bool non_ascii_after_blanks(std::size_t k) const {
    while (k < text_.size() && is_space_tab_or_newline(text_[k])) ++k;
    return k < text_.size() && static_cast<unsigned char>(text_[k]) >= 0x80;
  }

  std::string_view text_;
  std::size_t limit_;
  std::size_t pos_ = 0;
  std::size_t depth_ = 0;
  std::size_t key_dots_ = 0;
  bool in_key_ = true;
  bool bracket_header_ = false;
  TomlHazard result_;
};

}  // namespace

TomlHazard find_toml_hazard(std::string_view text, std::size_t depth_limit) {
  return Scanner(text, depth_limit).run();
}

}  // namespace postparse::impl
