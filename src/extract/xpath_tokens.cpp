#include "extract/xpath_tokens.h"

#include "common/ascii.h"

namespace postparse::impl::extract {
namespace {

bool is_name_start(unsigned char c) { return is_ascii_alpha(c) || c == '_' || c >= 0x80; }
bool is_name_char(unsigned char c) { return is_name_start(c) || is_ascii_digit(c) || c == '-' || c == '.'; }

}  // namespace

std::vector<XPathToken> tokenize_xpath(std::string_view s) {
  using Kind = XPathToken::Kind;
  std::vector<XPathToken> tokens;
  std::size_t i = 0;
  auto push = [&](Kind kind, std::size_t from, std::size_t to) {
    tokens.push_back({kind, s.substr(from, to - from), from});
    i = to;
  };
  while (i < s.size()) {
    char c = s[i];
    if (is_space_tab_or_newline(c)) {
      ++i;
    } else if (c == '"' || c == '\'') {
      std::size_t end = s.find(c, i + 1);
      push(Kind::literal, i, end == std::string_view::npos ? s.size() : end + 1);
    } else if (is_ascii_digit(c) || (c == '.' && i + 1 < s.size() && is_ascii_digit(s[i + 1]))) {
      std::size_t end = i;
      while (end < s.size() && (is_ascii_digit(s[end]) || s[end] == '.')) ++end;
      push(Kind::number, i, end);
    } else if (c == '$' || is_name_start(static_cast<unsigned char>(c))) {
      std::size_t end = i + 1;
      // A QName may hold one ':' (prefix:local or prefix:*), never '::'.
      while (end < s.size() && (is_name_char(static_cast<unsigned char>(s[end])) ||
                                (s[end] == ':' && end + 1 < s.size() && s[end + 1] != ':' && s[end - 1] != ':')))
        ++end;
      std::size_t after = end;
      while (after < s.size() && is_space_tab_or_newline(s[after])) ++after;
      bool axis = s.compare(after, 2, "::") == 0;
      push(c == '$' ? Kind::variable : axis ? Kind::axis : Kind::name, i, end);
    } else {
      static constexpr std::string_view kTwo[] = {"//", "::", "..", "!=", "<=", ">="};
      std::size_t length = 1;
      for (std::string_view two : kTwo)
        if (s.compare(i, 2, two) == 0) length = 2;
      push(Kind::punct, i, i + length);
    }
  }
  return tokens;
}

std::vector<bool> xpath_operators(const std::vector<XPathToken> &tokens) {
  std::vector<bool> op(tokens.size(), false);
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const XPathToken &t = tokens[k];
    bool after_operand = k > 0 && !op[k - 1] && !is_punct(tokens[k - 1], "@") && !is_punct(tokens[k - 1], "::") &&
                         !is_punct(tokens[k - 1], "(") && !is_punct(tokens[k - 1], "[") && !is_punct(tokens[k - 1], ",");
    if (t.kind == XPathToken::Kind::punct) {
      for (std::string_view o : {"/", "//", "|", "+", "-", "=", "!=", "<", "<=", ">", ">="})
        if (t.text == o) op[k] = true;
      if (t.text == "*") op[k] = after_operand;
    } else if (t.kind == XPathToken::Kind::name) {
      op[k] = after_operand && (t.text == "and" || t.text == "or" || t.text == "div" || t.text == "mod");
    }
  }
  return op;
}

}  // namespace postparse::impl::extract
