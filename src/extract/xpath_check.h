// Which XPath selectors a profile may use: only shapes whose cost is linear
// in the DOM for a fixed depth, and none that can never match.  A rule's
// selector is evaluated once per document, but pugixml has no step budget
// and a predicate is evaluated for every candidate node, so a predicate
// that reads much of the document (an absolute path, '//', '../p', the text
// of an ancestor) or an axis that walks the rest of it (following::,
// following-sibling::) multiplies the document by itself.
//
// The check is an allow-list (xpath_check.cpp says why each allowed shape
// is bounded): it accepts a selector only when it can show that each of its
// s steps and predicates costs O(n x d) node visits, n being the DOM's nodes
// and d its depth (at most POSTPARSE_LIMIT_HTML_DEPTH), so the selector
// costs O(s x n x d); a test of an attribute also scans the element's
// attributes (at most POSTPARSE_LIMIT_HTML_ATTRIBUTES).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace postparse::impl::extract {

struct XPathCostProblem {
  std::size_t offset = 0;  // byte in the expression where the refused part starts
  std::string message;     // empty: the expression is accepted
};

// Checks an expression pugixml has already compiled (so its syntax is
// valid).  Allowed:
// - outside predicates: child, attribute, self, parent ('..'), ancestor,
//   ancestor-or-self, descendant and descendant-or-self steps ('//'),
//   unions and filters ((//p)[1]);
// - inside a predicate: relative paths of child, attribute and self steps,
//   which a parent::, ancestor:: or '..' step may end (never be followed);
//   literals, numbers, operators and the functions of XPath 1.0 but id();
//   the string-value of '.', '@attr', 'text()' and literals only; no
//   predicate or step after a parenthesised expression ("(..)/p");
// - in a predicate of a parent::, ancestor:: or '..' step: attributes and
//   self:: only (such a node is tested once per node below it);
// - in a predicate of a '//' or descendant:: step after a path's first
//   step (tested once per ancestor it has on that axis): not '.' as a string.
// Refused, everywhere: following, preceding, following-sibling,
// preceding-sibling and namespace axes ("following-sibling::q[1]" too:
// pugixml stops at the first *matching* node, so it walks every sibling when
// no q follows).
XPathCostProblem xpath_cost_problem(std::string_view expression);

// True when the expression's result (or a branch of a top-level union)
// ends in a text(), comment() or processing-instruction() step: such nodes
// are never a paragraph's or an image's element, so the rule would never
// apply.
bool selects_text_nodes(std::string_view expression);

}  // namespace postparse::impl::extract
