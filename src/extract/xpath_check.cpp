#include "extract/xpath_check.h"

#include <vector>

namespace postparse::impl::extract {
namespace {

// An XPath 1.0 token (XPath 1.0, 3.7 "Lexical Structure"), enough to tell
// paths, axes, predicates and operators apart.
struct Token {
  enum class Kind { name, axis, literal, number, variable, punct } kind = Kind::punct;
  std::string_view text;
  std::size_t offset = 0;
};

bool is_name_start(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80; }
bool is_name_char(unsigned char c) { return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  auto push = [&](Token::Kind kind, std::size_t from, std::size_t to) {
    tokens.push_back({kind, s.substr(from, to - from), from});
    i = to;
  };
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (c == '"' || c == '\'') {
      std::size_t end = s.find(c, i + 1);
      push(Token::Kind::literal, i, end == std::string_view::npos ? s.size() : end + 1);
    } else if (is_digit(c) || (c == '.' && i + 1 < s.size() && is_digit(s[i + 1]))) {
      std::size_t end = i;
      while (end < s.size() && (is_digit(s[end]) || s[end] == '.')) ++end;
      push(Token::Kind::number, i, end);
    } else if (c == '$' || is_name_start(static_cast<unsigned char>(c))) {
      std::size_t end = i + 1;
      // A QName may hold one ':' (prefix:local or prefix:*), never '::'.
      while (end < s.size() && (is_name_char(static_cast<unsigned char>(s[end])) ||
                                (s[end] == ':' && end + 1 < s.size() && s[end + 1] != ':' && s[end - 1] != ':')))
        ++end;
      std::size_t after = end;
      while (after < s.size() && s[after] == ' ') ++after;
      bool axis = s.compare(after, 2, "::") == 0;
      push(c == '$' ? Token::Kind::variable : axis ? Token::Kind::axis : Token::Kind::name, i, end);
    } else {
      static constexpr std::string_view kTwo[] = {"//", "::", "..", "!=", "<=", ">="};
      std::size_t length = 1;
      for (std::string_view two : kTwo)
        if (s.compare(i, 2, two) == 0) length = 2;
      push(Token::Kind::punct, i, i + length);
    }
  }
  return tokens;
}

bool is_punct(const Token &t, std::string_view text) { return t.kind == Token::Kind::punct && t.text == text; }

// Which tokens are operators.  XPath 3.7: '*' multiplies, and and/or/div/mod
// are operator names, unless the token before is '@', '::', '(', '[', ','
// or an operator (or there is none): then they are name tests.
std::vector<bool> operators(const std::vector<Token> &tokens) {
  std::vector<bool> op(tokens.size(), false);
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const Token &t = tokens[k];
    bool after_operand = k > 0 && !op[k - 1] && !is_punct(tokens[k - 1], "@") && !is_punct(tokens[k - 1], "::") &&
                         !is_punct(tokens[k - 1], "(") && !is_punct(tokens[k - 1], "[") && !is_punct(tokens[k - 1], ",");
    if (t.kind == Token::Kind::punct) {
      for (std::string_view o : {"/", "//", "|", "+", "-", "=", "!=", "<", "<=", ">", ">="})
        if (t.text == o) op[k] = true;
      if (t.text == "*") op[k] = after_operand;
    } else if (t.kind == Token::Kind::name) {
      op[k] = after_operand && (t.text == "and" || t.text == "or" || t.text == "div" || t.text == "mod");
    }
  }
  return op;
}

// A '/' or '//' at k starts an absolute location path (rather than
// separating two steps of one).
bool starts_path(const std::vector<Token> &tokens, const std::vector<bool> &op, std::size_t k) {
  if (k == 0) return true;
  const Token &prev = tokens[k - 1];
  return op[k - 1] || is_punct(prev, "(") || is_punct(prev, "[") || is_punct(prev, ",");
}

// The step starting at tokens[axis] keeps only its first node: its node
// test is followed by exactly one predicate, "[1]".
bool keeps_first_only(const std::vector<Token> &tokens, std::size_t axis) {
  std::size_t i = axis + 3;  // past the axis name, '::' and the name test ('*', a name or a node type)
  if (i < tokens.size() && is_punct(tokens[i], "(")) i += 2;  // node(), text(), ...: '(' and ')'
  return i + 2 < tokens.size() && is_punct(tokens[i], "[") && tokens[i + 1].text == "1" &&
         is_punct(tokens[i + 2], "]") && (i + 3 >= tokens.size() || !is_punct(tokens[i + 3], "["));
}

}  // namespace

XPathCostProblem xpath_cost_problem(std::string_view expression) {
  std::vector<Token> tokens = tokenize(expression);
  std::vector<bool> op = operators(tokens);
  int predicate_depth = 0;
  std::vector<char> open;  // '[' or '(' of each open bracket
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const Token &t = tokens[k];
    if (is_punct(t, "[") || is_punct(t, "(")) {
      open.push_back(t.text[0]);
      predicate_depth += t.text == "[";
    } else if ((is_punct(t, "]") || is_punct(t, ")")) && !open.empty()) {
      predicate_depth -= open.back() == '[';
      open.pop_back();
    } else if ((is_punct(t, "/") || is_punct(t, "//")) && predicate_depth > 0) {
      if (starts_path(tokens, op, k))
        return {t.offset, "an absolute location path inside a predicate is evaluated from the root again for every "
                          "node (quadratic); select the nodes in the main path instead"};
      if (t.text == "//")
        return {t.offset, "'//' inside a predicate searches a whole subtree for every node; use a child step, an "
                          "attribute or ancestor:: instead"};
    } else if (t.kind == Token::Kind::axis) {
      std::string axis(t.text);
      if (predicate_depth > 0 && (axis == "descendant" || axis == "descendant-or-self"))
        return {t.offset, "the " + axis + " axis inside a predicate searches a whole subtree for every node; use a "
                          "child step, an attribute or ancestor:: instead"};
      if ((axis == "following" || axis == "preceding" || axis == "following-sibling" || axis == "preceding-sibling") &&
          !keeps_first_only(tokens, k))
        return {t.offset, "the " + axis + " axis walks the rest of the document or of the siblings from every node "
                          "(quadratic); only '" + axis + "::x[1]' (the nearest one) is allowed"};
    }
  }
  return {};
}

bool selects_text_nodes(std::string_view expression) {
  std::vector<Token> tokens = tokenize(expression);
  // Each top-level branch's last step, trailing predicates skipped.
  std::vector<std::size_t> ends;  // one past each branch's last token
  int depth = 0;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    if (is_punct(tokens[k], "[") || is_punct(tokens[k], "(")) ++depth;
    if (is_punct(tokens[k], "]") || is_punct(tokens[k], ")")) --depth;
    if (depth == 0 && is_punct(tokens[k], "|")) ends.push_back(k);
  }
  ends.push_back(tokens.size());
  for (std::size_t end : ends) {
    std::size_t k = end;
    while (k > 0 && is_punct(tokens[k - 1], "]")) {  // skip a trailing predicate
      int nesting = 0;
      do {
        --k;
        nesting += is_punct(tokens[k], "]") - is_punct(tokens[k], "[");
      } while (k > 0 && nesting > 0);
    }
    if (k >= 3 && is_punct(tokens[k - 1], ")") && is_punct(tokens[k - 2], "(") && tokens[k - 3].kind == Token::Kind::name) {
      std::string_view test = tokens[k - 3].text;
      bool is_step = k == 3 || is_punct(tokens[k - 4], "/") || is_punct(tokens[k - 4], "//") || is_punct(tokens[k - 4], "::");
      if (is_step && (test == "text" || test == "comment" || test == "processing-instruction")) return true;
    }
  }
  return false;
}

}  // namespace postparse::impl::extract
