// The body's DOM through the C ABI: the seed post's structure, spans,
// XPath, serialisation, modes and limits.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>
#include <vector>

#include "helpers.h"

namespace {

std::string str(postparse_str s) { return std::string(s.data, s.len); }

struct List {
  postparse_node_list *list = nullptr;
  ~List() { postparse_node_list_free(list); }
};

std::vector<const postparse_node *> select(const postparse::Document &doc, const std::string &xpath) {
  List l;
  REQUIRE(postparse_doc_select(doc.get(), xpath.data(), xpath.size(), &l.list) == POSTPARSE_OK);
  std::vector<const postparse_node *> out;
  for (std::size_t i = 0; i < postparse_node_list_count(l.list); ++i) out.push_back(postparse_node_list_at(l.list, i));
  return out;
}

std::string html_of(const postparse::Document &doc, const postparse_node *node, int outer = 1) {
  char *buf = nullptr;
  std::size_t len = 0;
  REQUIRE(postparse_node_to_html(doc.get(), node, outer, &buf, &len) == POSTPARSE_OK);
  std::string out(buf, len);
  postparse_free(buf);
  return out;
}

std::string text_of(const postparse_node *node) {
  char *buf = nullptr;
  std::size_t len = 0;
  REQUIRE(postparse_node_text_content(node, &buf, &len) == POSTPARSE_OK);
  std::string out(buf, len);
  postparse_free(buf);
  return out;
}

}  // namespace

TEST_CASE("the seed post's body DOM", "[html]") {
  std::string bytes = test::read_file(test::data("seed/000_1533502123a03027.txt"));
  auto doc = test::parse(bytes);
  CHECK_FALSE(postparse_doc_body_is_document(doc.get()));
  CHECK(select(doc, "//p").size() == 13);
  CHECK(select(doc, "//comment()").size() == 11);

  auto styles = select(doc, "//style");
  REQUIRE(styles.size() == 1);
  std::string css = text_of(styles[0]);
  CHECK(css.find(".appendQr_wrap&#123;border:1px solid #E6E6E6;padding:8px;&#125;") != std::string::npos);

  auto imgs = select(doc, "//div[@class='appendQr_normal']/img");
  REQUIRE(imgs.size() == 1);
  CHECK(postparse_node_first_child(imgs[0]) == nullptr);  // a void element: no children
  postparse_str src{};
  REQUIRE(postparse_node_attribute(imgs[0], "src", 3, &src) == POSTPARSE_OK);
  CHECK(str(src) == "https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png");

  // Spans point into the whole file.
  auto ps = select(doc, "//p");
  postparse_span span{};
  REQUIRE(postparse_node_span(doc.get(), ps[1], &span) == POSTPARSE_OK);
  std::string p_source = bytes.substr(span.offset, span.length);
  CHECK(p_source.rfind("<p cms-style=\"font-L\">", 0) == 0);
  CHECK(p_source.substr(p_source.size() - 4) == "</p>");
  CHECK(span.line == 17);
}

TEST_CASE("XPath selects nodes and attributes; bad XPath is a status", "[html]") {
  auto doc = test::parse("---\ntitle: x\n---\n<p>a <a href='/x'>one</a> <a href=\"/y\">two</a></p>");
  postparse_node_list *list = nullptr;
  REQUIRE(postparse_doc_select(doc.get(), "//a/@href", 9, &list) == POSTPARSE_OK);
  REQUIRE(postparse_node_list_count(list) == 2);
  CHECK(str(postparse_node_list_string_at(list, 0)) == "/x");
  CHECK(str(postparse_node_list_string_at(list, 1)) == "/y");
  CHECK(str(postparse_node_name(postparse_node_list_at(list, 1))) == "a");
  postparse_node_list_free(list);
  CHECK(postparse_doc_select(doc.get(), "//a[", 4, &list) == POSTPARSE_ERR_XPATH);
  CHECK(list == nullptr);
  // An expression that is valid but not a node set cannot be selected.
  CHECK(postparse_doc_select(doc.get(), "string(//a[2])", 14, &list) == POSTPARSE_ERR_XPATH);
}

TEST_CASE("an XPath with an embedded NUL is refused, not cut short at it", "[html][regression][regression-embedded-nul]") {
  auto doc = test::parse("<p>a <a href='/x'>one</a></p>");
  postparse_node_list *list = reinterpret_cast<postparse_node_list *>(&list);
  // "//a" then a NUL then a predicate that matches nothing: cut short, it
  // would select the link.
  static const char kExpression[] = "//a\0[@href='/none']";
  CHECK(postparse_doc_select(doc.get(), kExpression, sizeof kExpression - 1, &list) == POSTPARSE_ERR_XPATH);
  CHECK(list == nullptr);
  static const char kTrailing[] = "//a\0";
  CHECK(postparse_doc_select(doc.get(), kTrailing, sizeof kTrailing - 1, &list) == POSTPARSE_ERR_XPATH);
}

TEST_CASE("real-world HTML: stray end tags, raw ampersands, List<T> and autolinks stay text", "[html]") {
  auto doc = test::parse("<div><p>x</p></p></div></div>\n<p>List<T> and <https://example.com/a?b=1&c=2> &mid=3&idx=4</p>");
  auto ps = select(doc, "//p");
  REQUIRE(ps.size() == 3);
  CHECK(text_of(ps[2]).find("&mid=3&idx=4") != std::string::npos);
  auto root = postparse_doc_body_root(doc.get());
  CHECK(html_of(doc, root, 0).find("&amp;mid=3&amp;idx=4") != std::string::npos);
}

TEST_CASE("a whole document is recognised and parsed as one", "[html]") {
  auto doc = test::parse("<!DOCTYPE html><html><head><title>t</title></head><body><p>x</body></html>");
  CHECK(postparse_doc_body_is_document(doc.get()));
  CHECK(postparse_node_kind(postparse_doc_body_root(doc.get())) == POSTPARSE_NODE_DOCUMENT);
  CHECK(select(doc, "/html/head/title").size() == 1);
  postparse::Options fragment;
  fragment.html_mode(POSTPARSE_HTML_FRAGMENT);
  auto as_fragment = test::parse("<!DOCTYPE html><html><body><p>x</body></html>", &fragment);
  CHECK_FALSE(postparse_doc_body_is_document(as_fragment.get()));
}

TEST_CASE("serialisation round-trips void elements, raw text and escaping", "[html]") {
  auto doc = test::parse("<p title='a\"b'>x &lt; y<br><img src=a.png></p><script>if (a < b) {}</script>");
  auto root = postparse_doc_body_root(doc.get());
  CHECK(html_of(doc, root, 0) ==
        "<p title=\"a&quot;b\">x &lt; y<br><img src=\"a.png\"></p><script>if (a < b) {}</script>");
}

TEST_CASE("HTML limits flatten or stop the tree and say so", "[html][limits]") {
  std::string deep;
  for (int i = 0; i < 2000; ++i) deep += "<div>";
  deep += "end";
  auto doc = test::parse(deep);
  CHECK(test::count_code(doc, POSTPARSE_ERR_DEPTH_LIMIT) == 1);
  CHECK(select(doc, "//div").size() == 2000);  // every element kept, nesting capped
  CHECK(text_of(postparse_doc_body_root(doc.get())) == "end");

  postparse::Options small;
  small.limit(POSTPARSE_LIMIT_HTML_NODES, 10);
  auto cut = test::parse("<p>1</p><p>2</p><p>3</p><p>4</p><p>5</p><p>6</p><p>7</p>", &small);
  CHECK(test::count_code(cut, POSTPARSE_ERR_NODE_LIMIT) == 1);
  CHECK(select(cut, "//p").size() < 7);

  small.limit(POSTPARSE_LIMIT_HTML_ATTRIBUTES, 2);
  auto attrs = test::parse("<p a=1 b=2 c=3 d=4>x</p>", &small);
  CHECK(test::count_code(attrs, POSTPARSE_ERR_ATTRIBUTE_LIMIT) == 1);
  CHECK(postparse_node_attribute_count(select(attrs, "//p")[0]) == 2);
}

TEST_CASE("HTML parse errors are notes only when asked for", "[html]") {
  auto quiet = test::parse("<p>x</div>");
  CHECK(test::count_code(quiet, POSTPARSE_ERR_HTML) == 0);
  postparse::Options loud;
  loud.html_errors(true);
  auto noisy = test::parse("<p>x</div>", &loud);
  auto diags = noisy.diagnostics();
  const postparse_diagnostic *d = test::first_with(diags, POSTPARSE_ERR_HTML);
  REQUIRE(d);
  CHECK(d->severity == POSTPARSE_SEVERITY_NOTE);
  CHECK(d->part == POSTPARSE_PART_BODY);
  CHECK(d->offset == 4);
}

namespace {

std::size_t select_count(const postparse::Document &doc, const char *xpath) {
  postparse_node_list *list = nullptr;
  REQUIRE(postparse_doc_select(doc.get(), xpath, std::strlen(xpath), &list) == POSTPARSE_OK);
  std::size_t n = postparse_node_list_count(list);
  postparse_node_list_free(list);
  return n;
}

}  // namespace

TEST_CASE("a selectedcontent inside its own option is filled once, not with its own copies",
          "[html][regression][regression-selectedcontent-self-copy]") {
  // The option's content was copied into the selectedcontent while the copy
  // walked the live subtree that received it: 4.4 KB grew to the node limit.
  postparse::Options html;
  html.body_format(POSTPARSE_BODY_HTML);
  postparse::Document doc =
      test::parse("<select><option selected>a<selectedcontent></selectedcontent>b</option></select>", &html);
  CHECK(select_count(doc, "//node()") < 20);
  CHECK(test::count_code(doc, POSTPARSE_ERR_NODE_LIMIT) == 0);
}

TEST_CASE("elements the selectedcontent copy replaces stay alive while still open",
          "[html][regression][regression-selectedcontent-open-children]") {
  // Filling the selectedcontent replaces its children, one of which (the
  // <div>) is still open: later text goes into it, which must not touch
  // freed memory (the asan preset checks), and the parse goes on.
  postparse::Options html;
  html.body_format(POSTPARSE_BODY_HTML);
  for (const char *body : {"<select><selectedcontent><div><option selected>x</option>y<p>tail",
                           "<select><selectedcontent><b><option selected>x</option>y</b>z<p>tail",
                           "<select><selectedcontent><selectedcontent><option selected>x</option>y</select>"
                           "<select><selectedcontent><option>w</option></select><p>tail"}) {
    postparse::Document doc = test::parse(body, &html);
    CHECK(select_count(doc, "//selectedcontent") >= 1);
    CHECK(select_count(doc, "//node()") < 40);
  }
}
