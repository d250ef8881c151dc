// libFuzzer harness for postparse: uses ONLY the public C header.
//
// Input layout: byte 0 selects options, the rest is the post.
//   bit 0      : YAML schema (0 = 1.2, 1 = 1.1)
//   bits 1-2   : duplicate-key policy (0 error, 1 first wins, 2 last wins, 3 error)
//   bit 3      : Hexo unfenced front matter on/off
//   bits 4-5   : which small limit (if any): 0 none, 1 depth, 2 alias nodes, 3 keys
//   bits 6-7   : small limit value (1..4) / also diagnostic limit when bit 7 set with 0
//
// Invariants checked with __builtin_trap():
//   - every span (front matter, content, body, value) lies inside the input
//   - diagnostics have line >= 1 and column >= 1, offset <= input length
//   - postparse_doc_to_json succeeds with non-empty output "{...}"
#include <postparse/postparse.h>

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <vector>

namespace {

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) __builtin_trap();                                             \
  } while (0)

size_t g_len = 0;
volatile size_t g_sink = 0;

void check_str(postparse_str s) {
  CHECK(s.data != nullptr);
  // Touch the bytes so ASan sees any out-of-bounds view.
  size_t h = 0;
  for (size_t i = 0; i < s.len; ++i) h = h * 31 + (unsigned char)s.data[i];
  g_sink += h;
}

void check_span(const postparse_span &sp) {
  CHECK(sp.offset <= g_len);
  CHECK(sp.length <= g_len - sp.offset);
  CHECK(sp.line >= 1);
  CHECK(sp.column >= 1);
}

void walk(const postparse_value *v, int depth) {
  if (!v) return;
  CHECK(depth < 10000);
  postparse_kind k = postparse_value_kind(v);
  CHECK(k >= POSTPARSE_KIND_NULL && k <= POSTPARSE_KIND_MAPPING);
  postparse_style st = postparse_value_style(v);
  CHECK(st >= POSTPARSE_STYLE_PLAIN && st <= POSTPARSE_STYLE_FLOW);
  check_str(postparse_value_raw(v));
  check_str(postparse_value_tag(v));
  check_str(postparse_value_text(v));
  check_span(postparse_value_span(v));

  int b = 0;
  int rc = postparse_value_bool(v, &b);
  if (k == POSTPARSE_KIND_BOOL) CHECK(rc == POSTPARSE_OK);
  int64_t i64 = 0;
  rc = postparse_value_int(v, &i64);
  (void)postparse_value_is_big(v);
  double d = 0;
  (void)postparse_value_float(v, &d);
  postparse_time t;
  memset(&t, 0, sizeof t);
  rc = postparse_value_time(v, &t);
  if (rc == POSTPARSE_OK) {
    CHECK(t.nanoseconds >= 0 && t.nanoseconds <= 999999999);
    char buf[40];
    size_t n = postparse_time_format(&t, buf, sizeof buf);
    CHECK(n < sizeof buf);
    if (n) CHECK(buf[n] == '\0');
  }
  g_sink += (size_t)b + (size_t)i64 + (size_t)rc;

  size_t n = postparse_value_size(v);
  if (k != POSTPARSE_KIND_SEQUENCE && k != POSTPARSE_KIND_MAPPING) CHECK(n == 0);
  for (size_t idx = 0; idx < n; ++idx) {
    const postparse_value *item = postparse_value_at(v, idx);
    CHECK(item != nullptr);
    if (k == POSTPARSE_KIND_MAPPING) {
      const postparse_value *key = postparse_value_key_at(v, idx);
      CHECK(key != nullptr);
      walk(key, depth + 1);
      postparse_kind kk = postparse_value_kind(key);
      if (kk != POSTPARSE_KIND_SEQUENCE && kk != POSTPARSE_KIND_MAPPING) {
        postparse_str kt = postparse_value_text(key);
        const postparse_value *got = postparse_value_get(v, kt.data, kt.len);
        CHECK(got != nullptr);  // the first pair with that text exists
      }
    } else {
      CHECK(postparse_value_key_at(v, idx) == nullptr);
    }
    walk(item, depth + 1);
  }
  CHECK(postparse_value_at(v, n) == nullptr);
  CHECK(postparse_value_key_at(v, n) == nullptr);
}

// Walks the body's DOM: every node's span inside the input, names, values,
// attributes; serialises the root and runs a fixed XPath query.
void walk_dom(const postparse_doc *doc) {
  const postparse_node *root = postparse_doc_body_root(doc);
  CHECK(root != nullptr);
  std::vector<const postparse_node *> pending{root};
  size_t visited = 0;
  while (!pending.empty() && visited < 200000) {
    const postparse_node *n = pending.back();
    pending.pop_back();
    ++visited;
    postparse_span sp;
    CHECK(postparse_node_span(doc, n, &sp) == POSTPARSE_OK);
    check_span(sp);
    check_str(postparse_node_name(n));
    check_str(postparse_node_value(n));
    size_t na = postparse_node_attribute_count(n);
    for (size_t i = 0; i < na; ++i) {
      postparse_str name, value;
      CHECK(postparse_node_attribute_at(n, i, &name, &value) == POSTPARSE_OK);
      check_str(name);
      check_str(value);
    }
    (void)postparse_node_namespace(doc, n);
    for (const postparse_node *c = postparse_node_first_child(n); c; c = postparse_node_next_sibling(c)) {
      CHECK(postparse_node_parent(c) == n);
      pending.push_back(c);
    }
  }
  char *html = nullptr;
  size_t hlen = 0;
  CHECK(postparse_node_to_html(doc, root, 0, &html, &hlen) == POSTPARSE_OK);
  postparse_free(html);
  postparse_node_list *list = nullptr;
  CHECK(postparse_doc_select(doc, "//*[@href or @src]/@*", 21, &list) == POSTPARSE_OK);
  for (size_t i = 0; i < postparse_node_list_size(list); ++i) check_str(postparse_node_list_string(list, i));
  postparse_node_list_free(list);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  const uint8_t sel = data[0];
  const char *text = reinterpret_cast<const char *>(data + 1);
  const size_t len = size - 1;
  g_len = len;

  postparse_options *opt = nullptr;
  CHECK(postparse_options_new(&opt) == POSTPARSE_OK && opt);
  CHECK(postparse_options_set_yaml_schema(
            opt, (sel & 1) ? POSTPARSE_YAML_1_1 : POSTPARSE_YAML_1_2) ==
        POSTPARSE_OK);
  int dup = (sel >> 1) & 3;
  postparse_duplicate_keys pol = dup == 1   ? POSTPARSE_DUPLICATE_FIRST_WINS
                                 : dup == 2 ? POSTPARSE_DUPLICATE_LAST_WINS
                                            : POSTPARSE_DUPLICATE_ERROR;
  CHECK(postparse_options_set_duplicate_keys(opt, pol) == POSTPARSE_OK);
  CHECK(postparse_options_set_hexo_unfenced(opt, (sel >> 3) & 1) ==
        POSTPARSE_OK);
  uint64_t small = 1 + ((sel >> 6) & 3);
  switch ((sel >> 4) & 3) {
    case 1:
      CHECK(postparse_options_set_limit(opt, POSTPARSE_LIMIT_DEPTH, small) ==
            POSTPARSE_OK);
      break;
    case 2:
      CHECK(postparse_options_set_limit(opt, POSTPARSE_LIMIT_ALIAS_NODES,
                                        small) == POSTPARSE_OK);
      break;
    case 3:
      CHECK(postparse_options_set_limit(opt, POSTPARSE_LIMIT_KEYS, small) ==
            POSTPARSE_OK);
      CHECK(postparse_options_set_limit(opt, POSTPARSE_LIMIT_DIAGNOSTICS,
                                        small) == POSTPARSE_OK);
      break;
    default:
      break;
  }
  // Bit 3 doubles as the HTML mode switch: some inputs parse as documents.
  if ((sel >> 3) & 1) (void)postparse_options_set_html_mode(opt, POSTPARSE_HTML_DOCUMENT);
  if (sel == 0xfe) (void)postparse_options_set_html_errors(opt, 1);
  if (sel == 0xff) {
    // Exercise a non-UTC zone once in a while.
    (void)postparse_options_set_timezone(opt, "Asia/Shanghai", 13);
    (void)postparse_options_set_source_name(opt, "fuzz\"\n.md", 9);
  }

  postparse_doc *doc = nullptr;
  int rc = postparse_doc_parse(text, len, opt, &doc);
  postparse_options_free(opt);
  if (rc != POSTPARSE_OK) {
    CHECK(doc == nullptr);
    // Internal failures are bugs; nothing else is expected for small inputs.
    CHECK(rc != POSTPARSE_ERR_INTERNAL);
    return 0;
  }
  CHECK(doc != nullptr);

  postparse_str src = postparse_doc_source(doc);
  CHECK(src.len == len);
  CHECK(len == 0 || memcmp(src.data, text, len) == 0);

  postparse_format fmt = postparse_doc_format(doc);
  CHECK(fmt >= POSTPARSE_FORMAT_NONE && fmt <= POSTPARSE_FORMAT_TOML);
  postparse_span sp;
  if (postparse_doc_front_matter_span(doc, &sp) == POSTPARSE_OK) {
    check_span(sp);
    postparse_span csp;
    if (postparse_doc_front_matter_content_span(doc, &csp) == POSTPARSE_OK) {
      check_span(csp);
    }
  }
  CHECK(postparse_doc_body_span(doc, &sp) == POSTPARSE_OK);
  check_span(sp);
  postparse_str body = postparse_doc_body(doc);
  check_str(body);
  CHECK(body.len == sp.length);

  walk(postparse_doc_front_matter(doc), 0);
  walk_dom(doc);
  for (size_t i = 0; i < postparse_doc_paragraph_count(doc); ++i) {
    check_str(postparse_doc_paragraph_text(doc, i));
    postparse_paragraph_kind kind;
    int level = 0;
    CHECK(postparse_doc_paragraph_kind(doc, i, &kind, &level) == POSTPARSE_OK);
    postparse_str reason;
    (void)postparse_doc_paragraph_is_boilerplate(doc, i, &reason);
    check_str(reason);
    postparse_span psp;
    CHECK(postparse_doc_paragraph_span(doc, i, &psp) == POSTPARSE_OK);
    check_span(psp);
  }
  for (size_t i = 0; i < postparse_doc_reporter_count(doc); ++i) check_str(postparse_doc_reporter(doc, i));

  size_t nd = postparse_doc_diagnostic_count(doc);
  for (size_t i = 0; i < nd; ++i) {
    postparse_diagnostic dg;
    CHECK(postparse_doc_diagnostic(doc, i, &dg) == POSTPARSE_OK);
    CHECK(dg.line >= 1);
    CHECK(dg.column >= 1);
    CHECK(dg.offset <= len);
    check_str(dg.message);
    (void)postparse_status_str(dg.code);
  }
  postparse_diagnostic dg;
  CHECK(postparse_doc_diagnostic(doc, nd, &dg) == POSTPARSE_ERR_NOT_FOUND);

  char *json = nullptr;
  size_t jlen = 0;
  rc = postparse_doc_to_json(doc, 0, &json, &jlen);
  CHECK(rc == POSTPARSE_OK);
  CHECK(json != nullptr);
  CHECK(jlen >= 2);
  CHECK(strlen(json) == jlen);  // NUL-terminated, no embedded NUL
  CHECK(json[0] == '{');
  CHECK(json[jlen - 1] == '}');
  postparse_free(json);

  postparse_doc_free(doc);
  return 0;
}
