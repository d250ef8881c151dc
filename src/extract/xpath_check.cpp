// The allow-list of selector shapes, and the reason each allowed shape stays
// within the bound stated in xpath_check.h.
//
// How pugixml evaluates a location path (step_do in pugixml.cpp): a step
// takes a node-set whose duplicates are removed, walks its axis from each
// node, tests each node it meets (a "candidate") against the step's
// predicates, and removes duplicates from the result before the next step.
// So the cost of a step is the number of candidates times the cost of its
// predicates, and a node is a candidate as many times as nodes of the input
// set reach it: once on the child, attribute and self axes, at most d times
// (d: the depth) on descendant ones, and up to its number of children
// (parent) or descendants (ancestor) on the upward axes.  A predicate is an
// expression evaluated with the candidate as context; a relative path in it
// is evaluated the same way from that one node.
//
// Let n be the DOM's nodes (attributes included) and d its depth.  The
// checker gives every predicate a Mode, from how often its candidates can be
// tested, and allows in it only what keeps the total within O(n x d):
//
//  once  (candidates of child, attribute and self steps, of the first step
//        of a path from the root, e.g. //p, and of filters like (//p)[...]):
//        child, attribute and self steps, each with predicates of their own;
//        a node below the candidate is then reached from at most as many
//        candidates as the path has steps, so such paths cost O(n) in all.
//        One parent::, ancestor:: or '..' step may end a path (O(d) per
//        candidate, nothing follows it: "../p" would read every sibling of
//        every node).  Strings may be read from literals, '@attr', 'text()'
//        and '.': '.' is the candidate's whole text, and the sum over all
//        nodes of their subtree's size is at most n x d.  The string-value of
//        any other path (".." is its parent's whole text, "ancestor::body"
//        the whole body's) is refused.
//  deep  (candidates of '//' or descendant:: after the first step:
//        //footer//p[...] tests a p once per footer above it, up to d times):
//        as once, but not '.' as a string, which would cost n x d x d;
//        //p[ancestor::footer][contains(., 'x')] says the same in O(n x d).
//  cheap (candidates of parent::, ancestor:: and '..', reached once per node
//        below them: //p/..[count(*) > 1] reads body's children for every p):
//        only attributes and self:: tests, no child step, no text; so each
//        candidate costs its attributes (at most POSTPARSE_LIMIT_HTML_
//        ATTRIBUTES), and the candidates are at most n x d in all.
//
// Inside a predicate, no predicate or step may follow a parenthesised
// expression: "(..)/p" is "../p".  Nowhere: absolute paths inside a predicate (the whole document again per
// candidate), '//' and the descendant axes inside a predicate (a subtree per
// candidate), and the following, preceding and sibling axes (the rest of the
// document or of the siblings per node: pugixml's "x[1]" stops at the first
// node that *matches*, so following-sibling::q[1] walks every sibling when
// no q follows).  Functions are an allow-list too: id() and any unknown one
// are refused.  A union costs the sum of its branches.  So each step or
// predicate of the selector costs O(n x d) node visits, and the selector
// O(s x n x d) for s steps and predicates; an expression this checker cannot
// follow is refused rather than passed.
#include "extract/xpath_check.h"

#include <algorithm>
#include <vector>

#include "extract/xpath_tokens.h"

namespace postparse::impl::extract {
namespace {

using Kind = XPathToken::Kind;

enum class Mode { once, deep, cheap };  // ordered: each allows less than the one before

// What an operand gives, for the string-value rule.
enum class Value { scalar, cheap_nodes, context_node, other_nodes };

struct Operand {
  Value value = Value::scalar;
  std::size_t offset = 0;
};

struct Place {
  bool in_predicate = false;
  Mode mode = Mode::once;
};

struct Refusal {
  std::size_t offset;
  std::string message;
};

// How a function uses its arguments (XPath 1.0, 4).
enum class Reads { nothing, set, strings, refused };

Reads function_reads(std::string_view name) {
  for (std::string_view f : {"position", "last", "true", "false"})
    if (name == f) return Reads::nothing;
  for (std::string_view f : {"count", "not", "boolean", "name", "local-name", "namespace-uri"})
    if (name == f) return Reads::set;
  for (std::string_view f : {"string", "concat", "contains", "starts-with", "substring", "substring-before",
                             "substring-after", "string-length", "normalize-space", "translate", "number", "sum",
                             "floor", "ceiling", "round", "lang"})
    if (name == f) return Reads::strings;
  return Reads::refused;
}

// Without arguments these read the context node's string-value.
bool reads_context_without_arguments(std::string_view name) {
  return name == "string" || name == "string-length" || name == "normalize-space" || name == "number";
}

bool is_node_type(std::string_view name) {
  return name == "node" || name == "text" || name == "comment" || name == "processing-instruction";
}

bool is_upward(std::string_view axis) { return axis == "parent" || axis == "ancestor" || axis == "ancestor-or-self"; }
bool is_downward(std::string_view axis) { return axis == "descendant" || axis == "descendant-or-self"; }
bool is_allowed_axis(std::string_view axis) {
  return axis == "child" || axis == "attribute" || axis == "self" || is_upward(axis) || is_downward(axis);
}

// A recursive descent over XPath 1.0's grammar (3.1-3.5) that refuses, at the
// token where it starts, any shape outside the allow-list above.
class CostChecker {
 public:
  explicit CostChecker(std::string_view expression)
      : tokens_(tokenize_xpath(expression)), operator_(xpath_operators(tokens_)), end_(expression.size()) {}

  XPathCostProblem check() {
    try {
      expression(Place{});
      if (!at_end()) refuse(offset(), "this part of the selector could not be checked for cost");
    } catch (const Refusal &r) {
      return {r.offset, r.message};
    }
    return {};
  }

 private:
  bool at_end() const { return pos_ >= tokens_.size(); }
  bool punct(std::string_view text, std::size_t ahead = 0) const {
    return pos_ + ahead < tokens_.size() && is_punct(tokens_[pos_ + ahead], text);
  }
  std::size_t offset() const { return at_end() ? end_ : tokens_[pos_].offset; }
  [[noreturn]] static void refuse(std::size_t at, std::string message) { throw Refusal{at, std::move(message)}; }
  void expect(std::string_view text) {
    if (!punct(text)) refuse(offset(), "this part of the selector could not be checked for cost");
    ++pos_;
  }

  // Operands and the operators between them at one bracket level: and/or
  // join truth values, '|' joins node-sets, every other operator compares or
  // computes with its operands' string-values (XPath 3.4, 3.5).
  Operand expression(Place place) {
    std::vector<std::vector<Operand>> unions(1);  // operands joined by '|'
    std::vector<std::string_view> joins;          // the operator after each union
    unions.back().push_back(operand(place));
    while (!at_end() && operator_[pos_]) {
      std::string_view op = tokens_[pos_++].text;
      if (op != "|") joins.push_back(op), unions.emplace_back();
      unions.back().push_back(operand(place));
    }
    auto computes = [](std::string_view op) { return op != "and" && op != "or"; };
    for (std::size_t i = 0; i < unions.size(); ++i)
      if ((i > 0 && computes(joins[i - 1])) || (i < joins.size() && computes(joins[i])))
        for (const Operand &o : unions[i]) read_string_value(o, place);
    if (!joins.empty()) return {Value::scalar, unions[0][0].offset};
    if (unions[0].size() == 1) return unions[0][0];
    bool attributes = std::all_of(unions[0].begin(), unions[0].end(),
                                  [](const Operand &o) { return o.value == Value::cheap_nodes; });
    return {attributes ? Value::cheap_nodes : Value::other_nodes, unions[0][0].offset};
  }

  Operand operand(Place place) {
    std::size_t at = offset();
    if (at_end()) refuse(at, "this part of the selector could not be checked for cost");
    const XPathToken &t = tokens_[pos_];
    if (punct("-")) {  // unary minus: a number
      ++pos_;
      read_string_value(operand(place), place);
      return {Value::scalar, at};
    }
    if (t.kind == Kind::literal || t.kind == Kind::number || t.kind == Kind::variable) {
      ++pos_;
      return {Value::scalar, at};
    }
    if (punct("(")) {
      ++pos_;
      Operand inner = expression(place);
      expect(")");
      return filter(inner, place);
    }
    if (t.kind == Kind::name && punct("(", 1) && !is_node_type(t.text)) return function(place);
    if (punct("/") || punct("//")) {
      if (place.in_predicate)
        refuse(at, "an absolute location path inside a predicate is evaluated from the root again for every node "
                   "(quadratic); select the nodes in the main path instead");
      return path(place, Start::root);
    }
    return path(place, Start::context);
  }

  // (expr)[predicate]/path: outside predicates the predicates test each node
  // of the (duplicate-free) set once.  Inside one, "(..)/p" or
  // "(..)[count(*) > 1]" would be "../p" again, behind parentheses.
  Operand filter(Operand inner, Place place) {
    if (!punct("[") && !punct("/") && !punct("//")) return inner;
    if (place.in_predicate)
      refuse(offset(), "a predicate or a step after a parenthesised expression inside a predicate could not be "
                       "checked for cost; write the path without parentheses");
    predicates(place.mode);
    if (punct("/") || punct("//")) path(place, Start::filter);
    return {Value::other_nodes, inner.offset};
  }

  Operand function(Place place) {
    std::size_t at = offset();
    std::string_view name = tokens_[pos_].text;
    Reads reads = function_reads(name);
    if (reads == Reads::refused)
      refuse(at, "the function " + std::string(name) + "() is not one a profile selector may use");
    if (name == "lang" && place.mode != Mode::once)  // lang() walks the ancestors of a node tested many times
      refuse(at, "lang() walks every ancestor, here for a node tested many times; test @lang instead");
    pos_ += 2;  // the name and '('
    std::size_t arguments = 0;
    while (!at_end() && !punct(")")) {
      Operand argument = expression(place);
      if (reads == Reads::strings) read_string_value(argument, place);
      ++arguments;
      if (punct(",")) ++pos_;
    }
    expect(")");
    if (arguments == 0 && reads_context_without_arguments(name)) read_string_value({Value::context_node, at}, place);
    return {Value::scalar, at};
  }

  enum class Start { root, context, filter };

  Operand path(Place place, Start start) {
    std::size_t at = offset();
    std::string_view separator;
    std::size_t separator_at = at;
    if (start != Start::context) {
      separator = tokens_[pos_].text;
      ++pos_;
      if (start == Start::root && !starts_step()) return {Value::other_nodes, at};  // "/": the root alone
    }
    Value value = Value::other_nodes;
    for (std::size_t index = 0;; ++index) {
      bool first = index == 0 && start != Start::filter;
      Value step_value = step(place, separator, separator_at, first);
      value = index == 0 && separator.empty() ? step_value : Value::other_nodes;
      if (!punct("/") && !punct("//")) break;
      separator_at = offset();
      separator = tokens_[pos_++].text;
    }
    return {value, at};
  }

  bool starts_step() const {
    if (at_end()) return false;
    const XPathToken &t = tokens_[pos_];
    return t.kind == Kind::name || t.kind == Kind::axis || punct(".") || punct("..") || punct("@") ||
           (punct("*") && !operator_[pos_]);
  }

  Value step(Place place, std::string_view separator, std::size_t separator_at, bool first) {
    std::size_t at = offset();
    std::string_view axis = "child";
    bool text_test = false;
    bool dot_dot = punct("..");
    if (punct(".")) {
      axis = "self", ++pos_;
    } else if (dot_dot) {
      axis = "parent", ++pos_;
    } else {
      if (punct("@")) {
        axis = "attribute", ++pos_;
      } else if (!at_end() && tokens_[pos_].kind == Kind::axis) {
        axis = tokens_[pos_].text, pos_ += 2;  // the axis name and '::'
      }
      text_test = node_test();
    }
    if (!is_allowed_axis(axis))
      refuse(at, "the " + std::string(axis) + " axis walks the rest of the document or of the siblings from every "
                 "node (quadratic; '" + std::string(axis) + "::x[1]' too, when no x comes); select elements by "
                 "their own attributes and ancestors instead");
    bool upward = is_upward(axis);
    bool downward = is_downward(axis) || separator == "//";
    if (place.in_predicate) check_in_predicate(place, axis, separator, separator_at, at, downward);
    Mode mode = upward ? Mode::cheap : downward && !first ? Mode::deep : Mode::once;
    predicates(std::max(mode, place.mode));
    if (place.in_predicate && upward && (punct("/") || punct("//")))
      refuse(at, "a step after " + (dot_dot ? std::string("'..'") : std::string(axis) + "::") +
                 " inside a predicate reads the children or attributes of a node shared by many others once for each "
                 "of them "
                 "(nodes x siblings); it may only end the path (ancestor::div, not ../p or ancestor::*/p)");
    if (axis == "self") return Value::context_node;
    if (axis == "attribute" || (axis == "child" && text_test)) return Value::cheap_nodes;
    return Value::other_nodes;
  }

  void check_in_predicate(Place place, std::string_view axis, std::string_view separator, std::size_t separator_at,
                          std::size_t at, bool downward) {
    if (separator == "//")
      refuse(separator_at, "'//' inside a predicate searches a whole subtree for every node; use a child step, an "
                           "attribute or ancestor:: instead");
    if (downward)
      refuse(at, "the " + std::string(axis) + " axis inside a predicate searches a whole subtree for every node; "
                 "use a child step, an attribute or ancestor:: instead");
    if (place.mode == Mode::cheap && axis != "attribute" && axis != "self")
      refuse(at, "inside a predicate of parent::, ancestor:: or '..', only attributes and self:: may be tested: "
                 "such a node is tested once for every node below it");
  }

  // The node test; true when it is text().
  bool node_test() {
    if (at_end()) refuse(offset(), "this part of the selector could not be checked for cost");
    const XPathToken &t = tokens_[pos_];
    if (t.kind == Kind::name && punct("(", 1)) {  // node(), text(), comment(), processing-instruction('x')
      if (!is_node_type(t.text)) refuse(t.offset, "this part of the selector could not be checked for cost");
      pos_ += 2;
      if (!at_end() && tokens_[pos_].kind == Kind::literal) ++pos_;
      expect(")");
      return t.text == "text";
    }
    if (t.kind != Kind::name && !punct("*")) refuse(t.offset, "this part of the selector could not be checked for cost");
    ++pos_;
    if (t.text.back() == ':' && punct("*")) ++pos_;  // prefix:*
    return false;
  }

  void predicates(Mode mode) {
    while (punct("[")) {
      ++pos_;
      expression(Place{true, mode});
      expect("]");
    }
  }

  // The operand's string-value is read (compared, computed with, passed to a
  // string function) once per evaluation.
  static void read_string_value(const Operand &o, Place place) {
    switch (o.value) {
      case Value::scalar:
      case Value::cheap_nodes:
        return;
      case Value::context_node:
        if (place.mode == Mode::once) return;
        if (place.mode == Mode::deep)
          refuse(o.offset, "the text of a node that '//' or descendant:: reaches once per ancestor is read each "
                           "time (nodes x depth x depth); test it in a step of its own instead: "
                           "//p[ancestor::footer][contains(., 'x')], not //footer//p[contains(., 'x')]");
        refuse(o.offset, "inside a predicate of parent::, ancestor:: or '..', the text of that node is read once for "
                         "every node below it (quadratic); test its attributes instead");
      case Value::other_nodes:
        refuse(o.offset, "the text of this node-set is read for every node tested (for '..' or ancestor::, the "
                         "text of a large part of the document); only '.', '@attr', 'text()' and literals may be "
                         "read as strings");
    }
  }

  std::vector<XPathToken> tokens_;
  std::vector<bool> operator_;
  std::size_t end_;
  std::size_t pos_ = 0;
};

}  // namespace

XPathCostProblem xpath_cost_problem(std::string_view expression) { return CostChecker(expression).check(); }

bool selects_text_nodes(std::string_view expression) {
  std::vector<XPathToken> tokens = tokenize_xpath(expression);
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
    if (k >= 3 && is_punct(tokens[k - 1], ")") && is_punct(tokens[k - 2], "(") && tokens[k - 3].kind == Kind::name) {
      std::string_view test = tokens[k - 3].text;
      bool is_step = k == 3 || is_punct(tokens[k - 4], "/") || is_punct(tokens[k - 4], "//") || is_punct(tokens[k - 4], "::");
      if (is_step && (test == "text" || test == "comment" || test == "processing-instruction")) return true;
    }
  }
  return false;
}

}  // namespace postparse::impl::extract
