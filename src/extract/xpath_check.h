// Which XPath selectors a profile may use: none that costs more than one
// pass over the tree per predicate level, none that can never match.  A rule's selector is evaluated
// once per document, but pugixml has no step budget, and some expression
// shapes cost far more than one pass over the tree: a predicate is
// evaluated for every candidate node, so an absolute path or a subtree
// search inside it (//*[count(//*) > 0]) multiplies the document by itself,
// and the following/preceding axes walk the rest of the document (or of the
// siblings) from every context node.  The profile loader refuses those
// shapes, so that a profile's cost stays within nodes x depth per rule.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace postparse::impl::extract {

struct XPathCostProblem {
  std::size_t offset = 0;  // byte in the expression where the costly part starts
  std::string message;     // empty: the expression is accepted
};

// Checks an expression pugixml has already compiled (so its syntax is
// valid).  Refused: inside a predicate, an absolute location path ('/' or
// '//' starting a path), the '//' abbreviation and the descendant and
// descendant-or-self axes; anywhere, the following, preceding,
// following-sibling and preceding-sibling axes, unless the step keeps only
// its first node ("following-sibling::p[1]", which pugixml stops at).
XPathCostProblem xpath_cost_problem(std::string_view expression);

// True when the expression's result (or a branch of a top-level union)
// ends in a text(), comment() or processing-instruction() step: such nodes
// are never a paragraph's or an image's element, so the rule would never
// apply.
bool selects_text_nodes(std::string_view expression);

}  // namespace postparse::impl::extract
