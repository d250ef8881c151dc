// The HTML tree limits (nodes, depth) stop insertion in the middle of the
// tree construction algorithm; whatever step they stop, the parse must end
// with the limit's diagnostic and the rest of the post.  Each reproduction
// of a past crash is kept here, with the enumerations that found its family.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "helpers.h"

namespace {

postparse::Options html_options(postparse_limit limit, std::uint64_t value, postparse_html_mode mode) {
  postparse::Options o;
  o.limit(limit, value);
  o.html_mode(mode);
  return o;
}

bool has_paragraph(const postparse::Document &doc, std::string_view text) {
  for (std::size_t i = 0; i < postparse_doc_paragraph_count(doc.get()); ++i) {
    postparse_str p = postparse_doc_paragraph_text(doc.get(), i);
    if (std::string_view(p.data, p.len) == text) return true;
  }
  return false;
}

// Tokens that open, close or imply the elements the insertion modes track:
// document structure, tables, templates, formatting elements, foreign content.
const std::vector<std::string> &vocabulary() {
  static const std::vector<std::string> tokens = {
      "<html>", "</html>", "<head>", "</head>", "<body>", "</body>", "<frameset>", "<table>", "</table>",
      "<caption>", "<colgroup>", "<col>", "<tbody>", "</tbody>", "<tr>", "</tr>", "<td>", "</td>", "<th>",
      "<template>", "</template>", "<select>", "<option>", "<a>", "</a>", "<b>", "</b>", "<p>", "</p>",
      "<div>", "<li>", "<svg>", "<math>", "<mi>", "<foreignObject>", "<form>", "</form>", "<noscript>",
      "<button>", "<textarea>", "<title>", "<!---->", "<!doctype html>", "x", " "};
  return tokens;
}

// The body's DOM: how many nodes, and how deep (the root counts 1).
struct DomShape {
  std::size_t nodes = 0, depth = 0;
};

DomShape dom_shape(const postparse::Document &doc) {
  DomShape shape;
  std::vector<std::pair<const postparse_node *, std::size_t>> pending{{postparse_doc_body_root(doc.get()), 1}};
  while (!pending.empty()) {
    auto [node, depth] = pending.back();
    pending.pop_back();
    ++shape.nodes;
    shape.depth = std::max(shape.depth, depth);
    for (const postparse_node *c = postparse_node_first_child(node); c; c = postparse_node_next_sibling(c))
      pending.emplace_back(c, depth + 1);
  }
  return shape;
}

const postparse_html_mode kModes[] = {POSTPARSE_HTML_AUTO, POSTPARSE_HTML_FRAGMENT, POSTPARSE_HTML_DOCUMENT};

}  // namespace

TEST_CASE("depth limit reached inside a table row, then a new cell",
          "[html][limits][regression][regression-depth-cell]") {
  std::string deep;
  for (int i = 0; i < 507; ++i) deep += "<div>";
  deep += "<table><td><a></tr><td>tail";
  postparse::Document doc = test::parse(deep);  // default limits: depth 512
  CHECK(test::count_code(doc, POSTPARSE_ERR_DEPTH_LIMIT) == 1);
  CHECK(has_paragraph(doc, "tail"));

  postparse::Options six;
  six.limit(POSTPARSE_LIMIT_HTML_DEPTH, 6);
  postparse::Document shallow = test::parse("<v><table><td><a></tr><td>tail", &six);
  CHECK(test::count_code(shallow, POSTPARSE_ERR_DEPTH_LIMIT) == 1);
  CHECK(has_paragraph(shallow, "tail"));

  // The same raw HTML inside a Markdown body.
  six.body_format(POSTPARSE_BODY_MARKDOWN);
  postparse::Document markdown = test::parse("---\ntitle: t\n---\nIntro.\n\n<div><table><td><a></tr><td>tail\n", &six);
  CHECK(postparse_doc_body_format(markdown.get()) == POSTPARSE_BODY_MARKDOWN);
  CHECK(test::count_code(markdown, POSTPARSE_ERR_DEPTH_LIMIT) == 1);
  CHECK(has_paragraph(markdown, "Intro."));
}

TEST_CASE("node limit reached after <html> and before <head>",
          "[html][limits][regression][regression-node-limit-html]") {
  for (postparse_html_mode mode : kModes) {
    postparse::Options one = html_options(POSTPARSE_LIMIT_HTML_NODES, 1, mode);
    postparse::Document doc = test::parse("<html>x", &one);
    CHECK(test::count_code(doc, POSTPARSE_ERR_NODE_LIMIT) == 1);
  }
}

TEST_CASE("node limits 1-4 after every two-token prefix, in every HTML mode",
          "[html][limits][regression][regression-node-limit-family]") {
  const auto &tokens = vocabulary();
  std::size_t parses = 0, limited = 0;
  for (postparse_html_mode mode : kModes)
    for (std::uint64_t limit = 1; limit <= 4; ++limit) {
      postparse::Options o = html_options(POSTPARSE_LIMIT_HTML_NODES, limit, mode);
      for (const std::string &first : tokens)
        for (const std::string &second : tokens) {
          postparse::Document doc = test::parse(first + second + "<td>x<p>y", &o);
          CHECK_FALSE(doc.to_json().empty());
          ++parses;
          std::size_t reported = test::count_code(doc, POSTPARSE_ERR_NODE_LIMIT);
          CHECK(reported <= 1);
          limited += reported;
          // The tree never passes the limit (the body root and the document
          // element a whole-document parse adds are outside the count).
          CHECK(dom_shape(doc).nodes <= limit + 2);
        }
    }
  CHECK(parses == 3 * 4 * vocabulary().size() * vocabulary().size());
  CHECK(limited > parses / 2);  // the limit is really reached, at many different steps
}

TEST_CASE("depth limits 1-6 after every two-token prefix, in every HTML mode",
          "[html][limits][regression][regression-depth-family]") {
  const auto &tokens = vocabulary();
  std::size_t limited = 0, tails = 0;
  for (postparse_html_mode mode : kModes)
    for (std::uint64_t limit = 1; limit <= 6; ++limit) {
      postparse::Options o = html_options(POSTPARSE_LIMIT_HTML_DEPTH, limit, mode);
      for (const std::string &first : tokens)
        for (const std::string &second : tokens) {
          postparse::Document doc = test::parse(first + second + "<v><table><td><a></tr><td>tail", &o);
          INFO(first + second << " at depth limit " << limit << ", mode " << mode);
          std::size_t reported = test::count_code(doc, POSTPARSE_ERR_DEPTH_LIMIT);
          CHECK(reported <= 1);
          limited += reported;
          tails += has_paragraph(doc, "tail");
          // A few levels over at most (postparse.h, POSTPARSE_LIMIT_HTML_DEPTH):
          // html, head and body stay open; a cell implies tbody and tr; a
          // <template> placed in <head> after </head> has head above it in
          // the tree but not on the stack; the text node is a level too.
          CHECK(dom_shape(doc).depth <= std::max<std::size_t>(limit, 3) + 6);
        }
    }
  // Most inputs reach the limit, and most keep their tail paragraph.
  std::size_t parses = 3 * 6 * tokens.size() * tokens.size();
  CHECK(limited > parses / 2);
  CHECK(tails > parses / 2);
}

TEST_CASE("formatting elements reconstructed at the depth limit stay bounded",
          "[html][limits][regression][regression-reconstruct-depth]") {
  // 600 formatting elements with distinct attributes escape the Noah's Ark
  // clause; every paragraph reconstructs them, but never deeper than the
  // depth limit, and never past the node limit.
  std::string body = "<p>";
  for (int i = 0; i < 600; ++i) body += "<b id=" + std::to_string(i) + ">";
  body += "</p>";
  for (int i = 0; i < 50; ++i) body += "<p>x";
  body += "<p>tail";
  postparse::Options o;
  o.limit(POSTPARSE_LIMIT_HTML_DEPTH, 64);
  postparse::Document doc = test::parse(body, &o);
  CHECK(test::count_code(doc, POSTPARSE_ERR_DEPTH_LIMIT) == 1);
  CHECK(has_paragraph(doc, "tail"));
  postparse_node_list *all = nullptr;
  REQUIRE(postparse_doc_select(doc.get(), "//b", 3, &all) == POSTPARSE_OK);
  // At most one depth's worth of clones per paragraph.
  CHECK(postparse_node_list_count(all) <= 600 + 52 * 64);
  postparse_node_list_free(all);
}

TEST_CASE("cloned attribute text counts against the node limit",
          "[html][limits][regression][regression-clone-attributes]") {
  // One formatting element with a 64 KiB attribute, reconstructed in each of
  // 2,000 paragraphs, would copy 128 MiB; the copies are charged to the node
  // limit, so the tree stops growing with a node_limit diagnostic instead.
  std::string body = "<p><b title=\"" + std::string(64 * 1024, 'v') + "\">x</p>";
  for (int i = 0; i < 2000; ++i) body += "<p>x";
  postparse::Options o;
  o.limit(POSTPARSE_LIMIT_HTML_NODES, 100'000);
  postparse::Document doc = test::parse(body, &o);
  CHECK(test::count_code(doc, POSTPARSE_ERR_NODE_LIMIT) == 1);
  postparse_node_list *all = nullptr;
  REQUIRE(postparse_doc_select(doc.get(), "//b", 3, &all) == POSTPARSE_OK);
  CHECK(postparse_node_list_count(all) < 100'000 / (64 * 1024 / 64) + 2);
  postparse_node_list_free(all);
}
