// The C ABI's contract: pinned status codes and names, argument checking,
// borrowed views, spans and time formatting.
#include <catch2/catch.hpp>

#include <cstring>

#include "helpers.h"

TEST_CASE("status codes and their names are pinned", "[capi]") {
  const std::pair<int, const char *> pinned[] = {
      {0, "ok"},           {1, "invalid_argument"},       {2, "no_memory"},   {3, "internal"},
      {4, "input_too_large"}, {5, "front_matter_too_large"}, {6, "depth_limit"}, {7, "alias_limit"},
      {8, "key_limit"},    {9, "syntax"},                  {10, "duplicate_key"}, {11, "not_a_mapping"},
      {12, "unterminated"}, {13, "invalid_date"},          {14, "unknown_timezone"}, {15, "wrong_kind"},
      {16, "not_found"},   {17, "out_of_range"},           {18, "bad_tag"},    {19, "diagnostic_limit"},
      {20, "xpath"},       {21, "node_limit"},             {22, "attribute_limit"}, {23, "html"},
      {24, "profile"},     {25, "regex"},                {26, "bad_path"},   {27, "key_exists"},
      {28, "edit_verify"}, {29, "not_representable"},   {30, "edit_unsupported"}, {31, "not_editable"}};
  for (auto [code, name] : pinned) CHECK(std::strcmp(postparse_status_str(code), name) == 0);
  CHECK(POSTPARSE_ERR_SYNTAX == 9);
  CHECK(POSTPARSE_ERR_DIAGNOSTIC_LIMIT == 19);
  CHECK(POSTPARSE_ERR_HTML == 23);
  CHECK(POSTPARSE_ERR_PROFILE == 24);
  CHECK(POSTPARSE_ERR_REGEX == 25);
  CHECK(POSTPARSE_ERR_NOT_EDITABLE == 31);
  CHECK(std::strcmp(postparse_status_str(32), "unknown") == 0);
}

TEST_CASE("options reject bad arguments and leave state unchanged", "[capi]") {
  postparse_options *o = nullptr;
  REQUIRE(postparse_options_new(&o) == POSTPARSE_OK);
  CHECK(postparse_options_set_yaml_schema(o, static_cast<postparse_yaml_schema>(7)) == POSTPARSE_ERR_INVALID_ARGUMENT);
  CHECK(postparse_options_set_duplicate_keys(o, static_cast<postparse_duplicate_keys>(-1)) ==
        POSTPARSE_ERR_INVALID_ARGUMENT);
  CHECK(postparse_options_set_timezone(o, nullptr, 3) == POSTPARSE_ERR_INVALID_ARGUMENT);
  CHECK(postparse_options_set_timezone(o, "Asia/Tokyo!", 10) == POSTPARSE_OK);  // length, not NUL
  CHECK(postparse_options_set_timezone(o, "Not/AZone", 9) == POSTPARSE_ERR_UNKNOWN_TIMEZONE);
  // A NUL inside the length is part of the name, never where it ends.
  CHECK(postparse_options_set_timezone(o, "Asia/Tokyo\0!", 12) == POSTPARSE_ERR_UNKNOWN_TIMEZONE);
  CHECK(postparse_options_set_timezone(o, "UTC\0", 4) == POSTPARSE_ERR_UNKNOWN_TIMEZONE);
  postparse_doc *doc = nullptr;
  static const char post[] = "---\nd: 2020-01-01 09:00\n---\n";
  REQUIRE(postparse_doc_parse(post, sizeof post - 1, o, &doc) == POSTPARSE_OK);
  postparse_time t = POSTPARSE_INIT(postparse_time);
  REQUIRE(postparse_value_time(postparse_value_get(postparse_doc_front_matter(doc), "d", 1), &t) == POSTPARSE_OK);
  CHECK(t.offset_seconds == 9 * 3600);  // Tokyo kept after the failed set
  postparse_doc_free(doc);
  postparse_options_free(o);
}

TEST_CASE("a post without front matter has no front matter spans", "[capi]") {
  auto doc = test::parse("just a body\n");
  postparse_span span{};
  CHECK(postparse_doc_front_matter_span(doc.get(), &span) == POSTPARSE_ERR_NOT_FOUND);
  CHECK(postparse_doc_front_matter_content_span(doc.get(), &span) == POSTPARSE_ERR_NOT_FOUND);
  CHECK(postparse_doc_front_matter(doc.get()) == nullptr);
  CHECK(doc.body() == "just a body\n");
  CHECK(doc.format() == POSTPARSE_FORMAT_NONE);
}

TEST_CASE("an empty input parses to an empty document", "[capi]") {
  postparse_doc *doc = nullptr;
  REQUIRE(postparse_doc_parse(nullptr, 0, nullptr, &doc) == POSTPARSE_OK);
  CHECK(postparse_doc_body(doc).len == 0);
  CHECK(postparse_doc_body(doc).data != nullptr);
  CHECK(postparse_doc_diagnostic_count(doc) == 0);
  postparse_doc_free(doc);
}

TEST_CASE("value accessors check kinds and ranges", "[capi]") {
  auto doc = test::parse("---\ns: text\nn: 7\nl: [1]\nf: 2.5\n---\n");
  const postparse_value *root = postparse_doc_front_matter(doc.get());
  const postparse_value *s = postparse_value_get(root, "s", 1);
  const postparse_value *n = postparse_value_get(root, "n", 1);
  bool b = false;
  int64_t i = 0;
  double d = 0;
  postparse_time t = POSTPARSE_INIT(postparse_time);
  CHECK(postparse_value_bool(s, &b) == POSTPARSE_ERR_WRONG_KIND);
  CHECK(postparse_value_int(s, &i) == POSTPARSE_ERR_WRONG_KIND);
  CHECK(postparse_value_int(n, &i) == POSTPARSE_OK);
  CHECK(i == 7);
  CHECK(postparse_value_float(n, &d) == POSTPARSE_OK);
  CHECK(d == 7.0);
  CHECK(postparse_value_time(s, &t) == POSTPARSE_ERR_NOT_FOUND);
  CHECK(postparse_value_int(nullptr, &i) == POSTPARSE_ERR_INVALID_ARGUMENT);
  CHECK(postparse_value_count(root) == 4);
  CHECK(postparse_value_at(root, 4) == nullptr);
  CHECK(postparse_value_key_at(root, 4) == nullptr);
  CHECK(postparse_value_key_at(postparse_value_get(root, "l", 1), 0) == nullptr);
  CHECK(postparse_value_get(root, "missing", 7) == nullptr);
  CHECK(postparse_value_get(root, "sx", 1) == s);  // length, not NUL
  CHECK(postparse_value_count(s) == 0);
  CHECK(postparse_value_text(postparse_value_get(root, "l", 1)).len == 0);
}

TEST_CASE("raw text and spans point into the whole file", "[capi]") {
  std::string post = "\xEF\xBB\xBF\n---\ntitle: \"quoted \\\" text\"\n---\n";
  auto doc = test::parse(post);
  postparse::Value title = doc.front_matter()["title"];
  CHECK(title.raw_text() == "\"quoted \\\" text\"");
  postparse_span span = title.span();
  CHECK(post.substr(span.offset, span.length) == title.raw_text());
  CHECK(span.line == 3);
  CHECK(span.column == 8);
  auto fm_span = doc.front_matter_span();
  REQUIRE(fm_span);
  CHECK(fm_span->offset == 4);  // after the BOM and the blank line
  CHECK(fm_span->line == 2);
  CHECK(fm_span->column == 1);  // the BOM is not counted
}

TEST_CASE("time formatting needs room", "[capi]") {
  postparse_time t{sizeof(postparse_time), 1627734473, 500000000, -7 * 3600, true, true};
  char buf[40];
  REQUIRE(postparse_time_format(&t, buf, sizeof buf) > 0);
  CHECK(std::string(buf) == "2021-07-31T05:27:53.5-07:00");
  char tiny[10];
  CHECK(postparse_time_format(&t, tiny, sizeof tiny) == 0);
  CHECK(postparse_time_format(nullptr, buf, sizeof buf) == 0);
  postparse_time unsized = t;
  unsized.size = 0;  // a caller that did not say how large its struct is
  CHECK(postparse_time_format(&unsized, buf, sizeof buf) == 0);
}
