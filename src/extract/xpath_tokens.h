// XPath 1.0 tokens (XPath 1.0, 3.7 "Lexical Structure"), enough for the
// profile loader's checks to tell paths, axes, predicates, functions and
// operators apart in an expression pugixml has already compiled.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace postparse::impl::extract {

struct XPathToken {
  enum class Kind { name, axis, literal, number, variable, punct } kind = Kind::punct;
  std::string_view text;  // a view into the expression
  std::size_t offset = 0;
};

std::vector<XPathToken> tokenize_xpath(std::string_view expression);

// Which tokens are operators.  XPath 3.7: '*' multiplies, and and/or/div/mod
// are operator names, unless the token before is '@', '::', '(', '[', ','
// or an operator (or there is none): then they are name tests.
std::vector<bool> xpath_operators(const std::vector<XPathToken> &tokens);

inline bool is_punct(const XPathToken &t, std::string_view text) {
  return t.kind == XPathToken::Kind::punct && t.text == text;
}

}  // namespace postparse::impl::extract
