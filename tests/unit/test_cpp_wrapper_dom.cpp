// The C++ wrapper (postparse.hpp): the body's DOM, XPath node lists,
// profiles, options and errors, on hand-counted snippets and a real post.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cpp_wrapper_helpers.h"

namespace {

using test::kImpala;
using test::kSeed;
using test::parse_file;

// 3 <p> (2 in the div), 3 <li>, one class attribute.
const char *const kSnippet =
    "<div id=\"main\"><p class=\"x\">one <b>two</b></p><p>three</p>"
    "<ul><li>a</li><li>b</li><li>c</li></ul></div><p>four</p>";

std::vector<std::string> names(postparse::NodeChildren children) {
  std::vector<std::string> out;
  for (const postparse::Node &n : children) out.emplace_back(n.is_element() ? n.name() : "#" + std::string(n.value()));
  return out;
}

}  // namespace

TEST_CASE("C++ XPath counts on a hand-counted snippet", "[cpp]") {
  postparse::Document doc = test::parse(kSnippet);
  CHECK(doc.select("//p").size() == 3);
  CHECK(doc.select("//div/p").size() == 2);
  CHECK(doc.select("//li").size() == 3);
  CHECK(doc.select("//p[@class]").size() == 1);
  CHECK(doc.select("//table").empty());

  postparse::NodeList items = doc.select("//li/text()");
  REQUIRE(items.size() == 3);
  std::vector<std::string> texts;
  for (postparse::Node n : items) {
    CHECK(n.kind() == POSTPARSE_NODE_TEXT);
    texts.emplace_back(n.value());
  }
  CHECK(texts == std::vector<std::string>{"a", "b", "c"});
  auto strings = items.strings();
  CHECK(std::vector<std::string_view>(strings.begin(), strings.end()) == std::vector<std::string_view>{"a", "b", "c"});

  // An attribute match gives its element and the attribute's value.
  postparse::NodeList classes = doc.select("//@class");
  REQUIRE(classes.size() == 1);
  CHECK(classes[0].name() == "p");
  CHECK(classes.string_at(0) == "x");
  CHECK(classes[0].get() == postparse_node_list_at(classes.get(), 0));
  // Past the end: a falsy node, an empty string.
  CHECK(!classes[1]);
  CHECK(classes.string_at(1).empty());
}

TEST_CASE("C++ XPath on a real post", "[cpp]") {
  postparse::Document doc = parse_file(kImpala);
  CHECK(doc.select("//li").size() == 23);  // counted in the post: 19 + 4 nested
  CHECK(doc.select("//ul").size() == 6);
  postparse::NodeList headings = doc.select("//h3");
  REQUIRE(headings.size() == 2);
  CHECK(headings[0].text_content() == "重大变化：");
  CHECK(headings.string_at(1) == "新功能：");
  postparse::NodeList hrefs = doc.select("//a/@href");
  REQUIRE(hrefs.size() == 1);
  CHECK(hrefs.string_at(0) == doc.links()[0].href);
  CHECK(hrefs[0].attribute("target") == std::string_view("_blank"));
  // The body root holds one outer <div> (and the white space around it).
  postparse::Node root = doc.body_root();
  CHECK(!doc.body_is_document());
  CHECK(root.name() == "html");
  std::vector<std::string> elements;
  for (postparse::Node n : root.children())
    if (n.is_element()) elements.emplace_back(n.name());
  CHECK(elements == std::vector<std::string>{"div"});
}

TEST_CASE("C++ nodes: navigation, attributes, spans, serialisation", "[cpp]") {
  postparse::Document doc = test::parse(kSnippet);
  postparse::Node root = doc.body_root();
  REQUIRE(root);
  CHECK(root.kind() == POSTPARSE_NODE_ELEMENT);
  CHECK(names(root.children()) == std::vector<std::string>{"div", "p"});
  CHECK(root.children().size() == 2);
  postparse::Node div = root.first_child();
  postparse::Node last = root.last_child();
  CHECK(div.name() == "div");
  CHECK(last.name() == "p");
  CHECK(div.next_sibling() == last);
  CHECK(last.previous_sibling() == div);
  CHECK(!last.next_sibling());
  CHECK(div.parent() == root);
  CHECK(root.parent().get() == postparse_node_parent(root.get()));
  CHECK(names(div.children()) == std::vector<std::string>{"p", "p", "ul"});

  // Attributes, in source order; a missing one is nullopt.
  CHECK(div.attribute_count() == 1);
  CHECK(div.attribute("id") == std::string_view("main"));
  CHECK(!div.attribute("class"));
  CHECK(div.has_attribute("id"));
  CHECK(!div.has_attribute("class"));
  REQUIRE(div.attribute_at(0));
  CHECK(div.attribute_at(0)->name == "id");
  CHECK(!div.attribute_at(1));
  CHECK(div.attributes().size() == 1);

  postparse::Node p = div.first_child();
  CHECK(p.to_html() == "<p class=\"x\">one <b>two</b></p>");
  CHECK(p.to_html(false) == "one <b>two</b>");
  CHECK(p.text_content() == "one two");
  CHECK(p.first_child().kind() == POSTPARSE_NODE_TEXT);
  CHECK(p.first_child().value() == "one ");
  CHECK(p.first_child().name().empty());
  const postparse::Span span = p.span();
  CHECK(doc.source().substr(span.offset, span.length) == "<p class=\"x\">one <b>two</b></p>");
  CHECK(span.line == 1);
  CHECK(span.column == 16);
  CHECK(p.element_namespace() == POSTPARSE_NS_HTML);

  // A falsy node: the "nothing" answers, and Errors where C fails.
  postparse::Node none;
  CHECK(!none);
  CHECK(none.name().empty());
  CHECK(!none.first_child());
  CHECK(none.children().empty());
  CHECK_THROWS_AS(none.span(), postparse::Error);
  CHECK_THROWS_AS(none.to_html(), postparse::Error);
}

TEST_CASE("C++ nodes: comments, foreign content, whole documents", "[cpp]") {
  postparse::Document doc = test::parse("<p>a<!-- c --></p><svg><clipPath></clipPath></svg>");
  postparse::Node p = doc.select("//p")[0];
  CHECK(p.last_child().kind() == POSTPARSE_NODE_COMMENT);
  CHECK(p.last_child().value() == " c ");
  postparse::NodeList svg = doc.select("//svg");
  REQUIRE(svg.size() == 1);
  CHECK(svg[0].element_namespace() == POSTPARSE_NS_SVG);
  CHECK(svg[0].first_child().name() == "clipPath");

  postparse::Document whole =
      test::parse("<!DOCTYPE html><html><head><title>t</title></head><body><p>x</p></body></html>");
  CHECK(whole.body_is_document());
  postparse::Node root = whole.body_root();
  CHECK(root.kind() == POSTPARSE_NODE_DOCUMENT);
  CHECK(root.first_child().kind() == POSTPARSE_NODE_DOCTYPE);
  CHECK(root.first_child().value() == "html");
  CHECK(whole.select("/html/body/p").string_at(0) == "x");
}

TEST_CASE("C++ XPath errors are Errors naming the expression", "[cpp]") {
  postparse::Document doc = test::parse(kSnippet);
  for (std::string_view bad : {std::string_view("//p["), std::string_view("count(//p)"),
                               std::string_view("//p\0//li", 8)}) {
    INFO(std::string(bad));
    try {
      doc.select(bad);
      FAIL("accepted");
    } catch (const postparse::Error &e) {
      CHECK(e.status() == POSTPARSE_ERR_XPATH);
      CHECK(std::string(e.what()).rfind("postparse: xpath: ", 0) == 0);
    }
  }
  try {
    doc.select("//p[");
  } catch (const postparse::Error &e) {
    CHECK(std::string(e.what()) == "postparse: xpath: //p[");
  }
}

TEST_CASE("C++ profiles capture editorial fields on a real post", "[cpp]") {
  postparse::Profile profile = postparse::Profile::load(
      "profile: test\n"
      "version: 1\n"
      "rules:\n"
      "  - name: sections\n"
      "    select: //h3\n"
      "    capture: section\n");
  REQUIRE(profile.ok());
  CHECK(profile.status() == POSTPARSE_OK);
  CHECK(profile.name() == "test");
  CHECK(profile.rule_count() == 1);
  CHECK(profile.diagnostic_count() == 0);
  CHECK_NOTHROW(profile.throw_on_error());

  postparse::Options options;
  options.add_profile(profile);
  postparse::Document doc = parse_file(kImpala, &options);
  CHECK(doc.editorial("section") == std::string_view("重大变化："));
  std::vector<std::string_view> sections;
  for (const postparse::Editorial &e : doc.editorial()) {
    CHECK(e.key == "section");
    CHECK(e.rule == "sections");  // the rule's name
    sections.push_back(e.value);
  }
  CHECK(sections == std::vector<std::string_view>{"重大变化：", "新功能：", });
  CHECK(doc.editorial()[0].span.line == 20);

  // Without the built-in profile, the seed's editor is not captured.
  postparse::Options plain;
  plain.default_profile(false);
  CHECK(!parse_file(kSeed, &plain).editorial("editor"));
  CHECK(parse_file(kSeed).editorial("editor") == std::string_view("张玫"));
}

TEST_CASE("C++ profile errors carry their line and column", "[cpp]") {
  const std::string yaml =
      "profile: bad\n"
      "version: 1\n"
      "rules:\n"
      "  - name: r\n"
      "    match: '(unclosed'\n";
  postparse::Profile profile = postparse::Profile::load(yaml);  // a profile comes back
  CHECK(!profile.ok());
  CHECK(profile.status() == POSTPARSE_ERR_REGEX);
  CHECK(profile.rule_count() == 0);
  const std::vector<postparse::Diagnostic> diagnostics = profile.diagnostics();
  REQUIRE(diagnostics.size() == profile.diagnostic_count());
  REQUIRE(!diagnostics.empty());
  const postparse::Diagnostic &d = diagnostics[0];
  CHECK(d.code == POSTPARSE_ERR_REGEX);
  CHECK(d.part == POSTPARSE_PART_PROFILE);
  CHECK(d.line == 5);
  CHECK(d.column == 12);  // the pattern's opening quote
  try {
    profile.throw_on_error();
    FAIL("no error");
  } catch (const postparse::Error &e) {
    CHECK(e.status() == POSTPARSE_ERR_REGEX);
    CHECK(std::string(e.what()).rfind("postparse: regex: 5:12: ", 0) == 0);
  }

  // Too large a text makes no profile: an Error.
  try {
    postparse::Profile::load(yaml, 4);
    FAIL("loaded");
  } catch (const postparse::Error &e) {
    CHECK(e.status() == POSTPARSE_ERR_INPUT_TOO_LARGE);
  }
  // The built-in profile's text loads cleanly.
  postparse::Profile builtin = postparse::Profile::load(postparse::Profile::default_text());
  CHECK(builtin.ok());
  CHECK(!builtin.name().empty());
  CHECK(builtin.rule_count() > 0);
}

TEST_CASE("C++ options change how posts are parsed", "[cpp]") {
  postparse::Options o;
  o.yaml_schema(POSTPARSE_YAML_1_1).duplicate_keys(POSTPARSE_DUPLICATE_LAST_WINS).hexo_unfenced(true);
  postparse::Document yaml = postparse::Document::parse("draft: yes\nn: 1\nn: 2\n---\n<p>x</p>", o);
  CHECK(yaml.format() == POSTPARSE_FORMAT_YAML);
  CHECK(yaml.front_matter()["draft"].as_bool());
  CHECK(yaml.front_matter()["n"].as_int() == 2);
  CHECK(yaml.diagnostics().empty());

  postparse::Options html;
  html.body_format(POSTPARSE_BODY_HTML).html_mode(POSTPARSE_HTML_DOCUMENT).html_errors(true).scripting(true);
  html.text_form(POSTPARSE_TEXT_NFKC).source_name("posts/a.md");
  postparse::Document doc = postparse::Document::parse("# not a heading <p>ｘ</p><noscript><b>y</b></noscript>", html);
  CHECK(doc.body_format() == POSTPARSE_BODY_HTML);
  CHECK(doc.body_is_document());
  CHECK(test::count_code(doc, POSTPARSE_ERR_HTML) > 0);  // no DOCTYPE
  CHECK(doc.select("//noscript/b").empty());              // scripting: noscript holds text
  CHECK(doc.select("//noscript").string_at(0) == "<b>y</b>");
  REQUIRE(doc.paragraphs().size() == 2);
  CHECK(doc.paragraphs()[0].text == "# not a heading");
  CHECK(doc.paragraphs()[1].text == "x");  // NFKC folded the fullwidth letter
  CHECK(doc.to_json().find("\"source\":\"posts/a.md\"") != std::string::npos);
  postparse::Document defaults = postparse::Document::parse("# not a heading <p>ｘ</p><noscript><b>y</b></noscript>");
  CHECK(defaults.body_format() == POSTPARSE_BODY_MARKDOWN);
  CHECK(!defaults.body_is_document());
  CHECK(defaults.select("//noscript/b").size() == 1);

  o.limit(POSTPARSE_LIMIT_KEYS, 1);
  CHECK(o.limit(POSTPARSE_LIMIT_KEYS) == 1);
  CHECK(test::count_code(postparse::Document::parse("a: 1\nb: 2\n---\n", o), POSTPARSE_ERR_KEY_LIMIT) == 1);
  try {
    o.timezone("Nowhere/Atlantis");
    FAIL("accepted");
  } catch (const postparse::Error &e) {
    CHECK(e.status() == POSTPARSE_ERR_UNKNOWN_TIMEZONE);
    CHECK(std::string(e.what()) == "postparse: unknown_timezone: Nowhere/Atlantis");
  }
  CHECK_THROWS_AS(o.html_mode(static_cast<postparse_html_mode>(9)), postparse::Error);
}

TEST_CASE("C++ values: kinds, tags, spans, times, errors", "[cpp]") {
  postparse::Document doc = test::parse(
      "---\ntitle: !!str 12\nbig: 123456789012345678901234567890\nratio: 1.5\ndate: 2021-07-31 12:27:53\n"
      "tags: [a, b]\n---\n");
  postparse::Value fm = doc.front_matter();
  CHECK(fm.key_at(0).text() == "title");
  CHECK(fm["title"].kind() == POSTPARSE_KIND_STRING);
  CHECK(fm["title"].tag() == "tag:yaml.org,2002:str");
  CHECK(fm["big"].is_big());
  CHECK_THROWS_AS(fm["big"].as_int(), postparse::Error);
  CHECK(fm["ratio"].as_double() == 1.5);
  auto when = fm["date"].as_time();
  REQUIRE(when);
  CHECK(postparse::format_time(*when) == "2021-07-31T12:27:53+00:00");
  CHECK(!fm["tags"].as_time());
  CHECK(fm["tags"].size() == 2);
  CHECK(fm["tags"][1].text() == "b");
  CHECK(fm["tags"].style() == POSTPARSE_STYLE_FLOW);
  CHECK(doc.source().substr(fm["tags"].span().offset, fm["tags"].span().length) == "[a, b]");
  try {
    (void)fm["title"].as_int();
    FAIL("read a string as an int");
  } catch (const postparse::Error &e) {
    CHECK(e.status() == POSTPARSE_ERR_WRONG_KIND);
  }
  CHECK(!fm["missing"]);
  CHECK(fm["missing"].text().empty());
}
