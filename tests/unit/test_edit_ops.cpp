// Edit operations one by one (set, set_list, append, delete, rename,
// insert) and every status an edit can fail with; a failed operation
// leaves the edit as it was.
#include <catch2/catch.hpp>
#include <cstring>

#include "edit_helpers.h"
#include "helpers.h"

namespace {

using postparse::Edit;
using postparse::Scalar;

const char kPost[] = "---\ntitle: T\ntags:\n- a\n- b\nmeta:\n  x: 1\n  y: 2\n---\nbody\n";

std::string after(void (*apply)(Edit &)) {
  postparse::Document doc = postparse::Document::parse(kPost);
  Edit edit(doc);
  apply(edit);
  return edit.render();
}

}  // namespace

TEST_CASE("edit ops: set replaces a value or adds the key at the end of its mapping", "[edit]") {
  CHECK(after([](Edit &e) { e.set("/meta/y", Scalar::integer(3)); }) ==
        "---\ntitle: T\ntags:\n- a\n- b\nmeta:\n  x: 1\n  y: 3\n---\nbody\n");
  CHECK(after([](Edit &e) { e.set("/meta/z", "new"); }) ==
        "---\ntitle: T\ntags:\n- a\n- b\nmeta:\n  x: 1\n  y: 2\n  z: new\n---\nbody\n");
  CHECK(after([](Edit &e) { e.set("/tags/1", "B"); }) ==
        "---\ntitle: T\ntags:\n- a\n- B\nmeta:\n  x: 1\n  y: 2\n---\nbody\n");
  // A collection replaced by a scalar.
  CHECK(after([](Edit &e) { e.set("/meta", "flat"); }) ==
        "---\ntitle: T\ntags:\n- a\n- b\nmeta: flat\n---\nbody\n");
  // Keys with '/' and '~' are escaped in the pointer.
  postparse::Document doc = postparse::Document::parse("---\na/b~c: 1\n---\n");
  CHECK(Edit(doc).set("/a~1b~0c", Scalar::integer(2)).render() == "---\na/b~c: 2\n---\n");
}

TEST_CASE("edit ops: set_list, append, delete, rename, insert", "[edit]") {
  CHECK(after([](Edit &e) { e.set_list("/tags", {"x"}); }) ==
        "---\ntitle: T\ntags:\n- x\nmeta:\n  x: 1\n  y: 2\n---\nbody\n");
  CHECK(after([](Edit &e) { e.append("/tags", "c"); }) ==
        "---\ntitle: T\ntags:\n- a\n- b\n- c\nmeta:\n  x: 1\n  y: 2\n---\nbody\n");
  // Appending to a missing key makes a one-item list.
  CHECK(after([](Edit &e) { e.append("/cats", "c"); }) ==
        "---\ntitle: T\ntags:\n- a\n- b\nmeta:\n  x: 1\n  y: 2\ncats:\n- c\n---\nbody\n");
  CHECK(after([](Edit &e) { e.remove("/title"); }) ==
        "---\ntags:\n- a\n- b\nmeta:\n  x: 1\n  y: 2\n---\nbody\n");
  CHECK(after([](Edit &e) { e.remove("/tags/0"); }) ==
        "---\ntitle: T\ntags:\n- b\nmeta:\n  x: 1\n  y: 2\n---\nbody\n");
  CHECK(after([](Edit &e) { e.remove("/meta"); }) == "---\ntitle: T\ntags:\n- a\n- b\n---\nbody\n");
  // The last key of a nested mapping leaves {} (a block cannot be empty).
  CHECK(after([](Edit &e) { e.remove("/meta/x").remove("/meta/y"); }) ==
        "---\ntitle: T\ntags:\n- a\n- b\nmeta: {}\n---\nbody\n");
  CHECK(after([](Edit &e) { e.remove("/tags/0").remove("/tags/0"); }) ==
        "---\ntitle: T\ntags: []\nmeta:\n  x: 1\n  y: 2\n---\nbody\n");
  CHECK(after([](Edit &e) { e.rename("/title", "name"); }) ==
        "---\nname: T\ntags:\n- a\n- b\nmeta:\n  x: 1\n  y: 2\n---\nbody\n");
  CHECK(after([](Edit &e) { e.rename("/title", "a: b"); }) ==
        "---\n'a: b': T\ntags:\n- a\n- b\nmeta:\n  x: 1\n  y: 2\n---\nbody\n");
  CHECK(after([](Edit &e) { e.insert_before("/tags", "date", Scalar::date("2021-07-31 12:27:53")); }) ==
        "---\ntitle: T\ndate: 2021-07-31 12:27:53\ntags:\n- a\n- b\nmeta:\n  x: 1\n  y: 2\n---\nbody\n");
  CHECK(after([](Edit &e) { e.insert_after("/meta/x", "w", Scalar::boolean(false)); }) ==
        "---\ntitle: T\ntags:\n- a\n- b\nmeta:\n  x: 1\n  w: false\n  y: 2\n---\nbody\n");
  // Operations compose; a rename to the same name is a no-op.
  CHECK(after([](Edit &e) { e.rename("/title", "title").set("/title", "T"); }) == kPost);
}

TEST_CASE("edit ops: a post without front matter gets a new YAML block", "[edit]") {
  postparse::Document doc = postparse::Document::parse("# Heading\n\ntext\n");
  Edit edit(doc);
  CHECK(edit.format() == POSTPARSE_FORMAT_NONE);
  CHECK(edit.render() == "# Heading\n\ntext\n");
  CHECK_THROWS_AS(edit.remove("/title"), postparse::Error);
  edit.set("/title", "Hello").append("/tags", "x");
  CHECK(edit.format() == POSTPARSE_FORMAT_YAML);
  CHECK(edit.render() == "---\ntitle: Hello\ntags:\n  - x\n---\n# Heading\n\ntext\n");
}

TEST_CASE("edit ops: every failure has its status and changes nothing", "[edit]") {
  postparse::Document doc = postparse::Document::parse(kPost);
  Edit edit(doc);
  CHECK(test::status_of([&] { edit.set("title", "x"); }) == POSTPARSE_ERR_BAD_PATH);
  CHECK(test::status_of([&] { edit.set("", "x"); }) == POSTPARSE_ERR_BAD_PATH);
  CHECK(test::status_of([&] { edit.set("/a~2", "x"); }) == POSTPARSE_ERR_BAD_PATH);
  CHECK(test::status_of([&] { edit.set("/tags/x", "x"); }) == POSTPARSE_ERR_BAD_PATH);
  CHECK(test::status_of([&] { edit.set("/tags/01", "x"); }) == POSTPARSE_ERR_BAD_PATH);
  CHECK(test::status_of([&] { edit.remove(""); }) == POSTPARSE_ERR_BAD_PATH);
  CHECK(test::status_of([&] { edit.set("/tags/2", "x"); }) == POSTPARSE_ERR_NOT_FOUND);
  CHECK(test::status_of([&] { edit.set("/missing/x", "x"); }) == POSTPARSE_ERR_NOT_FOUND);
  CHECK(test::status_of([&] { edit.remove("/missing"); }) == POSTPARSE_ERR_NOT_FOUND);
  CHECK(test::status_of([&] { edit.rename("/missing", "x"); }) == POSTPARSE_ERR_NOT_FOUND);
  CHECK(test::status_of([&] { edit.set("/title/x", "x"); }) == POSTPARSE_ERR_WRONG_KIND);
  CHECK(test::status_of([&] { edit.append("/title", "x"); }) == POSTPARSE_ERR_WRONG_KIND);
  CHECK(test::status_of([&] { edit.rename("/tags/0", "x"); }) == POSTPARSE_ERR_WRONG_KIND);
  CHECK(test::status_of([&] { edit.insert_after("/tags/0", "k", "x"); }) == POSTPARSE_ERR_WRONG_KIND);
  CHECK(test::status_of([&] { edit.rename("/title", "tags"); }) == POSTPARSE_ERR_KEY_EXISTS);
  CHECK(test::status_of([&] { edit.insert_after("/title", "meta", "x"); }) == POSTPARSE_ERR_KEY_EXISTS);
  CHECK(edit.render() == kPost);
}

TEST_CASE("edit ops: aliases are refused or caught by the check", "[edit]") {
  postparse::Document doc = postparse::Document::parse("---\na: &x 1\nb: *x\n---\n");
  Edit edit(doc);
  // b's value is written at a: rewriting it in place would change a too.
  CHECK(test::status_of([&] { edit.set("/b", Scalar::integer(2)); }) == POSTPARSE_ERR_EDIT_UNSUPPORTED);
  // Setting a in place would change what b refers to: the re-parse shows
  // b changed, which no one asked for.
  CHECK(test::status_of([&] { edit.set("/a", Scalar::integer(2)); }) == POSTPARSE_ERR_EDIT_VERIFY);
  CHECK(edit.render() == "---\na: &x 1\nb: *x\n---\n");
}

TEST_CASE("edit ops: front matter with errors is not editable", "[edit]") {
  for (const char *post : {"---\ntitle: [unclosed\n---\nbody\n", "---\na: 1\na: 2\n---\n",
                           "---\n- a list\n---\n", "+++\ntitle = \n+++\n"}) {
    INFO(post);
    postparse::Document doc = postparse::Document::parse(post);
    CHECK(test::status_of([&] { Edit edit(doc); }) == POSTPARSE_ERR_NOT_EDITABLE);
  }
  // An impossible date is an error on the value, but the tree is whole.
  postparse::Document doc = postparse::Document::parse("---\ndate: 2021-02-30\n---\n");
  CHECK(Edit(doc).set("/date", Scalar::date("2021-02-28")).render() == "---\ndate: 2021-02-28\n---\n");
}

TEST_CASE("edit ops: limits give their status", "[edit]") {
  postparse::Options options;
  options.limit(POSTPARSE_LIMIT_FRONT_MATTER_BYTES, 40);
  options.limit(POSTPARSE_LIMIT_DEPTH, 2);
  options.limit(POSTPARSE_LIMIT_KEYS, 3);
  postparse::Document doc = postparse::Document::parse("---\na: 1\nm:\n  k: v\n---\n", options);
  Edit edit(doc);
  CHECK(test::status_of([&] { edit.set("/a", std::string(50, 'x')); }) == POSTPARSE_ERR_FRONT_MATTER_TOO_LARGE);
  CHECK(test::status_of([&] { edit.set_list("/m/k", {"deep"}); }) == POSTPARSE_ERR_DEPTH_LIMIT);
  CHECK(test::status_of([&] { edit.set("/b", "x"); }) == POSTPARSE_ERR_KEY_LIMIT);
  CHECK(edit.render() == "---\na: 1\nm:\n  k: v\n---\n");
}

TEST_CASE("edit ops: the C ABI checks its arguments", "[edit]") {
  postparse_doc *doc = nullptr;
  REQUIRE(postparse_doc_parse(kPost, std::strlen(kPost), nullptr, &doc) == POSTPARSE_OK);
  postparse_edit *edit = nullptr;
  CHECK(postparse_edit_new(nullptr, &edit) == POSTPARSE_ERR_INVALID_ARGUMENT);
  CHECK(postparse_edit_new(doc, nullptr) == POSTPARSE_ERR_INVALID_ARGUMENT);
  REQUIRE(postparse_edit_new(doc, &edit) == POSTPARSE_OK);
  postparse_doc_free(doc);  // the edit keeps its own copy
  postparse_scalar v = POSTPARSE_INIT(postparse_scalar);
  v.kind = POSTPARSE_KIND_STRING;
  v.text = postparse_str{"New", 3};
  CHECK(postparse_edit_set(nullptr, "/title", 6, &v) == POSTPARSE_ERR_INVALID_ARGUMENT);
  CHECK(postparse_edit_set(edit, nullptr, 6, &v) == POSTPARSE_ERR_INVALID_ARGUMENT);
  CHECK(postparse_edit_set(edit, "/title", 6, nullptr) == POSTPARSE_ERR_INVALID_ARGUMENT);
  postparse_scalar small = v;
  small.size = sizeof(size_t);
  CHECK(postparse_edit_set(edit, "/title", 6, &small) == POSTPARSE_ERR_INVALID_ARGUMENT);
  postparse_scalar collection = v;
  collection.kind = POSTPARSE_KIND_SEQUENCE;
  CHECK(postparse_edit_set(edit, "/title", 6, &collection) == POSTPARSE_ERR_INVALID_ARGUMENT);
  CHECK(postparse_edit_set_list(edit, "/tags", 5, nullptr, 1) == POSTPARSE_ERR_INVALID_ARGUMENT);
  CHECK(postparse_edit_insert(edit, "/title", 6, static_cast<postparse_place>(9), "k", 1, &v) ==
        POSTPARSE_ERR_INVALID_ARGUMENT);
  char *out = nullptr;
  CHECK(postparse_edit_convert(edit, POSTPARSE_FORMAT_NONE, &out, nullptr) == POSTPARSE_ERR_INVALID_ARGUMENT);
  CHECK(postparse_edit_render(edit, nullptr, nullptr) == POSTPARSE_ERR_INVALID_ARGUMENT);
  // The path is read by its length, never to a NUL.
  CHECK(postparse_edit_set(edit, "/title!", 6, &v) == POSTPARSE_OK);
  size_t len = 0;
  REQUIRE(postparse_edit_render(edit, &out, &len) == POSTPARSE_OK);
  CHECK(std::string(out, len) == "---\ntitle: New\ntags:\n- a\n- b\nmeta:\n  x: 1\n  y: 2\n---\nbody\n");
  CHECK(out[len] == '\0');
  postparse_free(out);
  CHECK(postparse_edit_format(edit) == POSTPARSE_FORMAT_YAML);
  CHECK(postparse_edit_format(nullptr) == POSTPARSE_FORMAT_NONE);
  postparse_edit_free(edit);
  postparse_edit_free(nullptr);
}

TEST_CASE("edit ops: empty values (`key:`, `- `) are set, appended after and deleted", "[edit]") {
  std::string post = "---\nempty:\nnext: 1\nlist:\n-\n- a\n-\n---\n";
  CHECK(test::edited(post, [](Edit &e) { e.set("/empty", "x"); }) == "---\nempty: x\nnext: 1\nlist:\n-\n- a\n-\n---\n");
  CHECK(test::edited(post, [](Edit &e) { e.set_list("/empty", {"a", "b"}); }) ==
        "---\nempty:\n- a\n- b\nnext: 1\nlist:\n-\n- a\n-\n---\n");
  CHECK(test::edited(post, [](Edit &e) { e.set("/list/0", "z"); }) == "---\nempty:\nnext: 1\nlist:\n- z\n- a\n-\n---\n");
  CHECK(test::edited(post, [](Edit &e) { e.append("/list", "c"); }) == "---\nempty:\nnext: 1\nlist:\n-\n- a\n-\n- c\n---\n");
  CHECK(test::edited(post, [](Edit &e) { e.remove("/list/2").remove("/list/0"); }) ==
        "---\nempty:\nnext: 1\nlist:\n- a\n---\n");
  CHECK(test::edited(post, [](Edit &e) { e.append("/empty", "c"); }) == "---\nempty:\n- c\nnext: 1\nlist:\n-\n- a\n-\n---\n");
  CHECK(test::edited(post, [](Edit &e) { e.remove("/empty"); }) == "---\nnext: 1\nlist:\n-\n- a\n-\n---\n");
}

TEST_CASE("edit ops: the edit works on the document's UTF-8 text and options", "[edit]") {
  // A UTF-16LE post is written back as UTF-8 (its byte order mark too).
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("---\ntitle: x\n---\nbody\n")) utf16 += std::string{c, '\0'};
  postparse::Document doc = postparse::Document::parse(utf16);
  CHECK(Edit(doc).set("/title", "y").render() == "\xEF\xBB\xBF---\ntitle: y\n---\nbody\n");
  // Hexo's unfenced front matter stays unfenced.
  postparse::Options options;
  options.hexo_unfenced(true);
  postparse::Document hexo = postparse::Document::parse("title: x\n---\nbody\n", options);
  CHECK(Edit(hexo).set("/title", "y").set("/tags", "t").render() == "title: y\ntags: t\n---\nbody\n");
  // The options' schema decides what needs quotes: `yes` is a bool in YAML 1.1.
  postparse::Options yaml11;
  yaml11.yaml_schema(POSTPARSE_YAML_1_1);
  postparse::Document old = postparse::Document::parse("---\na: x\n---\n", yaml11);
  CHECK(Edit(old).set("/a", "yes").render() == "---\na: 'yes'\n---\n");
  CHECK(Edit(postparse::Document::parse("---\na: x\n---\n")).set("/a", "yes").render() == "---\na: yes\n---\n");
}

namespace {

// The messages of a post's error diagnostics outside its body, in order.
std::vector<std::string> front_matter_errors(const postparse::Document &doc) {
  std::vector<std::string> out;
  for (const auto &d : doc.diagnostics())
    if (d.severity == POSTPARSE_SEVERITY_ERROR && d.part != POSTPARSE_PART_BODY)
      out.emplace_back(d.message.data, d.message.len);
  return out;
}

}  // namespace

TEST_CASE("edit ops: an invalid date is carried over as written, and no error is added",
          "[edit][regression-edit-invalid-date-carried-over]") {
  // Found by the edit harness, which required every render to read back
  // without front matter errors: a post whose date is impossible is
  // editable (the error is on the value; the tree is whole), so its renders
  // and conversions keep that date and its error.  The library was right;
  // the harness now requires that a render adds no error to those the text
  // before it had.  This pins the behaviour it relies on.
  postparse::Document doc = postparse::Document::parse("---\ntitle: x\ndate: 2021-02-30\n---\nbody\n");
  const std::vector<std::string> errors = front_matter_errors(doc);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].rfind("invalid date '2021-02-30'", 0) == 0);
  Edit edit(doc);
  edit.set("/title", "New title");
  CHECK(edit.render() == "---\ntitle: New title\ndate: 2021-02-30\n---\nbody\n");
  for (postparse_format to : {POSTPARSE_FORMAT_YAML, POSTPARSE_FORMAT_TOML, POSTPARSE_FORMAT_JSON}) {
    INFO(to);
    postparse::Document again = postparse::Document::parse(edit.convert(to));
    CHECK(front_matter_errors(again) == errors);
    CHECK(again.front_matter()["title"].text() == "New title");
    CHECK(again.front_matter()["date"].text() == "2021-02-30");
    CHECK(again.body() == "body\n");
  }
}
