// What every harness shares: invariant checks over everything a document
// exposes through the public C ABI.  Only <postparse/postparse.h> is used.
//
// A broken invariant prints which check failed and traps (__builtin_trap),
// which libFuzzer and the standalone replay both report as a crash with a
// stack.
#pragma once

#include <postparse/postparse.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <string>
#include <vector>

#define FUZZ_CHECK(cond)                                                        \
  do {                                                                          \
    if (!(cond)) {                                                              \
      fprintf(stderr, "fuzz check failed: %s:%d: %s\n", __FILE__, __LINE__, #cond); \
      __builtin_trap();                                                         \
    }                                                                           \
  } while (0)

namespace fuzz {

// Harnesses cap their input so that one run stays fast; the library's own
// limits are what bounds larger inputs (tests/adversarial/ covers those).
constexpr size_t kMaxInput = 1 << 16;

inline volatile size_t g_sink = 0;

// Touches every byte so that ASan sees a view that points outside memory.
inline void check_str(postparse_str s) {
  FUZZ_CHECK(s.data != nullptr);
  size_t h = 0;
  for (size_t i = 0; i < s.len; ++i) h = h * 31 + static_cast<unsigned char>(s.data[i]);
  g_sink = g_sink + h;
}

inline void check_span(const postparse_span &sp, size_t input_len) {
  FUZZ_CHECK(sp.offset <= input_len);
  FUZZ_CHECK(sp.length <= input_len - sp.offset);
  FUZZ_CHECK(sp.line >= 1);
  FUZZ_CHECK(sp.column >= 1);
}

inline void check_time(const postparse_time &t) {
  FUZZ_CHECK(t.nanoseconds >= 0 && t.nanoseconds <= 999999999);
  char buf[40];
  size_t n = postparse_time_format(&t, buf, sizeof buf);
  FUZZ_CHECK(n < sizeof buf);
  if (n) FUZZ_CHECK(buf[n] == '\0');
}

// Every accessor of every value, iteratively (front matter may be deep).
inline void walk_values(const postparse_value *root, size_t input_len) {
  std::vector<const postparse_value *> pending;
  if (root) pending.push_back(root);
  size_t visited = 0;
  while (!pending.empty() && visited++ < 100000) {
    const postparse_value *v = pending.back();
    pending.pop_back();
    postparse_kind k = postparse_value_kind(v);
    FUZZ_CHECK(k >= POSTPARSE_KIND_NULL && k <= POSTPARSE_KIND_MAPPING);
    postparse_style st = postparse_value_style(v);
    FUZZ_CHECK(st >= POSTPARSE_STYLE_PLAIN && st <= POSTPARSE_STYLE_FLOW);
    check_str(postparse_value_raw(v));
    check_str(postparse_value_tag(v));
    check_str(postparse_value_text(v));
    check_span(postparse_value_span(v), input_len);
    bool b = false;
    int rc = postparse_value_bool(v, &b);
    if (k == POSTPARSE_KIND_BOOL) FUZZ_CHECK(rc == POSTPARSE_OK);
    int64_t i64 = 0;
    rc = postparse_value_int(v, &i64);
    if (k == POSTPARSE_KIND_INT && !postparse_value_is_big(v)) FUZZ_CHECK(rc == POSTPARSE_OK);
    double d = 0;
    (void)postparse_value_float(v, &d);
    postparse_time t = POSTPARSE_INIT(postparse_time);
    if (postparse_value_time(v, &t) == POSTPARSE_OK) check_time(t);
    size_t n = postparse_value_count(v);
    if (k != POSTPARSE_KIND_SEQUENCE && k != POSTPARSE_KIND_MAPPING) FUZZ_CHECK(n == 0);
    for (size_t i = 0; i < n; ++i) {
      const postparse_value *item = postparse_value_at(v, i);
      FUZZ_CHECK(item != nullptr);
      pending.push_back(item);
      const postparse_value *key = postparse_value_key_at(v, i);
      if (k != POSTPARSE_KIND_MAPPING) {
        FUZZ_CHECK(key == nullptr);
        continue;
      }
      FUZZ_CHECK(key != nullptr);
      pending.push_back(key);
      postparse_kind kk = postparse_value_kind(key);
      if (kk != POSTPARSE_KIND_SEQUENCE && kk != POSTPARSE_KIND_MAPPING) {
        postparse_str kt = postparse_value_text(key);
        FUZZ_CHECK(postparse_value_get(v, kt.data, kt.len) != nullptr);  // the first pair with that text
      }
    }
    FUZZ_CHECK(postparse_value_at(v, n) == nullptr);
    FUZZ_CHECK(postparse_value_key_at(v, n) == nullptr);
  }
}

// The DOM: spans, names, attributes, parent links; serialisation.
inline void walk_dom(const postparse_doc *doc, size_t input_len) {
  const postparse_node *root = postparse_doc_body_root(doc);
  FUZZ_CHECK(root != nullptr);
  std::vector<const postparse_node *> pending{root};
  size_t visited = 0;
  while (!pending.empty() && visited++ < 200000) {
    const postparse_node *n = pending.back();
    pending.pop_back();
    postparse_span sp;
    FUZZ_CHECK(postparse_node_span(doc, n, &sp) == POSTPARSE_OK);
    check_span(sp, input_len);
    check_str(postparse_node_name(n));
    check_str(postparse_node_value(n));
    for (size_t i = 0; i < postparse_node_attribute_count(n); ++i) {
      postparse_str name, value;
      FUZZ_CHECK(postparse_node_attribute_at(n, i, &name, &value) == POSTPARSE_OK);
      check_str(name);
      check_str(value);
    }
    (void)postparse_node_namespace(doc, n);
    for (const postparse_node *c = postparse_node_first_child(n); c; c = postparse_node_next_sibling(c)) {
      FUZZ_CHECK(postparse_node_parent(c) == n);
      pending.push_back(c);
    }
  }
  char *html = nullptr;
  size_t len = 0;
  FUZZ_CHECK(postparse_node_to_html(doc, root, 0, &html, &len) == POSTPARSE_OK);
  FUZZ_CHECK(html && strlen(html) <= len);
  postparse_free(html);
}

// Runs an XPath expression; a bad one must be POSTPARSE_ERR_XPATH, nothing else.
inline void select(const postparse_doc *doc, const char *xpath, size_t len) {
  postparse_node_list *list = nullptr;
  int rc = postparse_doc_select(doc, xpath, len, &list);
  if (rc != POSTPARSE_OK) {
    FUZZ_CHECK(rc == POSTPARSE_ERR_XPATH && list == nullptr);
    return;
  }
  for (size_t i = 0; i < postparse_node_list_count(list); ++i) {
    FUZZ_CHECK(postparse_node_list_at(list, i) != nullptr);
    check_str(postparse_node_list_string_at(list, i));
  }
  postparse_node_list_free(list);
}

// Paragraphs, inline spans, images, links, comments, editorial fields, excerpt.
inline void walk_extraction(const postparse_doc *doc, size_t input_len) {
  size_t count = postparse_doc_paragraph_count(doc);
  for (size_t i = 0; i < count; ++i) {
    postparse_str text = postparse_doc_paragraph_text(doc, i);
    check_str(text);
    postparse_paragraph p = POSTPARSE_INIT(postparse_paragraph);
    FUZZ_CHECK(postparse_doc_paragraph_at(doc, i, &p) == POSTPARSE_OK);
    FUZZ_CHECK(p.text.data == text.data && p.text.len == text.len);
    FUZZ_CHECK(p.kind >= POSTPARSE_PARAGRAPH && p.kind <= POSTPARSE_PARAGRAPH_CAPTION);
    FUZZ_CHECK(p.kind == POSTPARSE_PARAGRAPH_HEADING ? p.level >= 1 && p.level <= 6 : p.level == 0);
    FUZZ_CHECK(p.boilerplate ? p.reason.len > 0 : p.reason.len == 0);
    check_str(p.reason);
    check_span(p.span, input_len);
    size_t inlines = postparse_doc_inline_count(doc, i);
    FUZZ_CHECK(inlines == p.inline_count);
    for (size_t j = 0; j < inlines; ++j) {
      postparse_inline in = POSTPARSE_INIT(postparse_inline);
      FUZZ_CHECK(postparse_doc_inline_at(doc, i, j, &in) == POSTPARSE_OK);
      check_str(in.text);
      check_str(in.href);
      check_span(in.span, input_len);
      FUZZ_CHECK(in.text_offset <= text.len && in.text_length <= text.len - in.text_offset);
      if (in.text_length) FUZZ_CHECK(memcmp(text.data + in.text_offset, in.text.data, in.text_length) == 0);
    }
    postparse_inline none = POSTPARSE_INIT(postparse_inline);
    FUZZ_CHECK(postparse_doc_inline_at(doc, i, inlines, &none) == POSTPARSE_ERR_NOT_FOUND);
  }
  postparse_paragraph past = POSTPARSE_INIT(postparse_paragraph);
  FUZZ_CHECK(postparse_doc_paragraph_at(doc, count, &past) == POSTPARSE_ERR_NOT_FOUND);
  FUZZ_CHECK(postparse_doc_paragraph_at(doc, 0, nullptr) == POSTPARSE_ERR_INVALID_ARGUMENT);
  for (size_t i = 0; i < postparse_doc_image_count(doc); ++i) {
    postparse_image im = POSTPARSE_INIT(postparse_image);
    FUZZ_CHECK(postparse_doc_image_at(doc, i, &im) == POSTPARSE_OK);
    check_str(im.src), check_str(im.alt), check_str(im.class_name), check_str(im.reason);
    check_span(im.span, input_len);
  }
  for (size_t i = 0; i < postparse_doc_link_count(doc); ++i) {
    postparse_link l = POSTPARSE_INIT(postparse_link);
    FUZZ_CHECK(postparse_doc_link_at(doc, i, &l) == POSTPARSE_OK);
    check_str(l.href), check_str(l.text);
    check_span(l.span, input_len);
  }
  for (size_t i = 0; i < postparse_doc_comment_count(doc); ++i) {
    postparse_comment c = POSTPARSE_INIT(postparse_comment);
    FUZZ_CHECK(postparse_doc_comment_at(doc, i, &c) == POSTPARSE_OK);
    check_str(c.text);
    check_span(c.span, input_len);
  }
  for (size_t i = 0; i < postparse_doc_editorial_count(doc); ++i) {
    postparse_editorial m = POSTPARSE_INIT(postparse_editorial);
    FUZZ_CHECK(postparse_doc_editorial_at(doc, i, &m) == POSTPARSE_OK);
    check_str(m.key), check_str(m.value), check_str(m.rule);
    FUZZ_CHECK(m.key.len > 0 && m.value.len > 0);
    check_span(m.span, input_len);
  }
  for (const char *key : {"editor", "reporters", "source", "original_title"}) {
    postparse_str value = postparse_doc_editorial_get(doc, key, strlen(key));
    check_str(value);
    // The first entry with the key, or nothing when there is none.
    bool found = false;
    for (size_t i = 0; i < postparse_doc_editorial_count(doc) && !found; ++i) {
      postparse_editorial m = POSTPARSE_INIT(postparse_editorial);
      postparse_doc_editorial_at(doc, i, &m);
      if (m.key.len != strlen(key) || memcmp(m.key.data, key, m.key.len) != 0) continue;
      found = true;
      FUZZ_CHECK(m.value.data == value.data && m.value.len == value.len);
    }
    if (!found) FUZZ_CHECK(value.len == 0);
  }
  size_t before = 0;
  if (postparse_doc_has_excerpt(doc, &before)) FUZZ_CHECK(before <= count);
}

inline void check_diagnostics(const postparse_doc *doc, size_t input_len) {
  size_t n = postparse_doc_diagnostic_count(doc);
  for (size_t i = 0; i < n; ++i) {
    postparse_diagnostic d = POSTPARSE_INIT(postparse_diagnostic);
    FUZZ_CHECK(postparse_doc_diagnostic_at(doc, i, &d) == POSTPARSE_OK);
    FUZZ_CHECK(d.line >= 1 && d.column >= 1 && d.offset <= input_len);
    FUZZ_CHECK(d.severity >= POSTPARSE_SEVERITY_NOTE && d.severity <= POSTPARSE_SEVERITY_ERROR);
    FUZZ_CHECK(d.message.len > 0);
    check_str(d.message);
    (void)postparse_status_str(d.code);
  }
  postparse_diagnostic d = POSTPARSE_INIT(postparse_diagnostic);
  FUZZ_CHECK(postparse_doc_diagnostic_at(doc, n, &d) == POSTPARSE_ERR_NOT_FOUND);
}

// JSON, text and Markdown: allocated, NUL-terminated, released.
inline std::string render(int (*fn)(const postparse_doc *, unsigned, char **, size_t *), const postparse_doc *doc,
                          unsigned flags) {
  char *out = nullptr;
  size_t len = 0;
  FUZZ_CHECK(fn(doc, flags, &out, &len) == POSTPARSE_OK);
  FUZZ_CHECK(out != nullptr && out[len] == '\0');
  std::string copy(out, len);
  postparse_free(out);
  return copy;
}

inline void check_outputs(const postparse_doc *doc) {
  std::string json = render(&postparse_doc_to_json, doc, 0);
  FUZZ_CHECK(json.size() >= 2 && json.front() == '{' && json.back() == '}');
  FUZZ_CHECK(json.find('\0') == std::string::npos);
  // Explained: every paragraph gains "rule" and "evidence", nothing else changes size-wise downwards.
  std::string explained = render(&postparse_doc_to_json, doc, POSTPARSE_JSON_EXPLAIN);
  FUZZ_CHECK(explained.size() >= json.size() && explained.front() == '{' && explained.back() == '}');
  for (size_t i = 0; i < postparse_doc_paragraph_count(doc); ++i) {
    postparse_paragraph p = POSTPARSE_INIT(postparse_paragraph);
    FUZZ_CHECK(postparse_doc_paragraph_at(doc, i, &p) == POSTPARSE_OK);
    FUZZ_CHECK(p.rule.len > 0 || p.evidence.len == 0);  // evidence only with a rule
    FUZZ_CHECK(!p.boilerplate || p.rule.len > 0);       // every boilerplate paragraph says why
  }
  std::string text = render(&postparse_doc_to_text, doc, 0);
  std::string all = render(&postparse_doc_to_text, doc, POSTPARSE_OUTPUT_BOILERPLATE);
  FUZZ_CHECK(all.size() >= text.size());
  (void)render(&postparse_doc_to_markdown, doc, 0);
  (void)render(&postparse_doc_to_markdown, doc, POSTPARSE_OUTPUT_BOILERPLATE);
  char *out = nullptr;
  FUZZ_CHECK(postparse_doc_to_json(doc, 1u << 7, &out, nullptr) == POSTPARSE_ERR_INVALID_ARGUMENT && !out);
}

// The length of the text every span and diagnostic offset refers to: the
// input, or its UTF-8 decoding when it started with a UTF-16/UTF-32 BOM.
inline size_t source_len(const postparse_doc *doc) { return postparse_doc_source(doc).len; }

// Input that starts with a UTF-16 or UTF-32 byte order mark, which the
// library decodes to UTF-8 before parsing.
inline bool starts_with_wide_bom(const char *input, size_t len) {
  auto at = [&](size_t i) { return i < len ? static_cast<unsigned char>(input[i]) : 0x100u; };
  return (at(0) == 0xFF && at(1) == 0xFE) || (at(0) == 0xFE && at(1) == 0xFF) ||
         (at(0) == 0 && at(1) == 0 && at(2) == 0xFE && at(3) == 0xFF);
}

// Everything a document offers.
inline void check_document(const postparse_doc *doc, const char *input, size_t input_len) {
  postparse_str src = postparse_doc_source(doc);
  if (starts_with_wide_bom(input, input_len)) {
    check_str(src);
    input_len = src.len;  // decoded: every span refers to the UTF-8 text
  } else {
    FUZZ_CHECK(src.len == input_len && (input_len == 0 || memcmp(src.data, input, input_len) == 0));
  }
  postparse_format fmt = postparse_doc_format(doc);
  FUZZ_CHECK(fmt >= POSTPARSE_FORMAT_NONE && fmt <= POSTPARSE_FORMAT_TOML);
  postparse_span sp;
  if (postparse_doc_front_matter_span(doc, &sp) == POSTPARSE_OK) check_span(sp, input_len);
  if (postparse_doc_front_matter_content_span(doc, &sp) == POSTPARSE_OK) check_span(sp, input_len);
  FUZZ_CHECK(postparse_doc_body_span(doc, &sp) == POSTPARSE_OK);
  check_span(sp, input_len);
  postparse_str body = postparse_doc_body(doc);
  check_str(body);
  FUZZ_CHECK(body.len == sp.length);
  walk_values(postparse_doc_front_matter(doc), input_len);
  walk_dom(doc, input_len);
  walk_extraction(doc, input_len);
  check_diagnostics(doc, input_len);
  check_outputs(doc);
}

// Small limits, so that every limit is reached by inputs of a few bytes.  A
// post whose last byte is 0xC0 or above (never the last byte of well-formed
// UTF-8 text, so real posts are unaffected) has that byte removed, and it
// chooses the limits: bits 0-1 pick a family, the other six bits the values.
//   0: HTML        depth 1-16, nodes 1-64 (step 21), attributes 1-4
//   1: front matter depth 1-8, keys 1-8, alias nodes 1-8, alias bytes 1-64
//   2: diagnostics 1-4 with HTML errors recorded, front matter bytes 1-128
//   3: all of the above at once
// Returns the post's length without the selector byte.
inline size_t apply_trailing_limits(const uint8_t *data, size_t size, postparse_options *options) {
  if (size == 0 || data[size - 1] < 0xC0) return size;
  unsigned b = data[size - 1] & 0x3F, family = b & 3, v = b >> 2;  // v: 0-15
  auto set = [&](postparse_limit limit, uint64_t value) {
    FUZZ_CHECK(postparse_options_set_limit(options, limit, value) == POSTPARSE_OK);
  };
  if (family == 0 || family == 3) {
    set(POSTPARSE_LIMIT_HTML_DEPTH, 1 + v);
    set(POSTPARSE_LIMIT_HTML_NODES, 1 + (v & 3) * 21);
    set(POSTPARSE_LIMIT_HTML_ATTRIBUTES, 1 + (v >> 2));
  }
  if (family == 1 || family == 3) {
    set(POSTPARSE_LIMIT_DEPTH, 1 + (v & 7));
    set(POSTPARSE_LIMIT_KEYS, 1 + (v >> 1));
    set(POSTPARSE_LIMIT_ALIAS_NODES, 1 + ((v + 3) & 7));
    set(POSTPARSE_LIMIT_ALIAS_BYTES, 1 + 4 * v);
  }
  if (family == 2 || family == 3) {
    set(POSTPARSE_LIMIT_DIAGNOSTICS, 1 + (v & 3));
    set(POSTPARSE_LIMIT_FRONT_MATTER_BYTES, 1 + 8 * v);
    FUZZ_CHECK(postparse_options_set_html_errors(options, true) == POSTPARSE_OK);
  }
  return size - 1;
}

// Parses with `options`; a refused parse must leave no document and never be
// an internal error.
inline postparse_doc *parse(const char *text, size_t len, const postparse_options *options) {
  postparse_doc *doc = nullptr;
  int rc = postparse_doc_parse(text, len, options, &doc);
  if (rc != POSTPARSE_OK) {
    FUZZ_CHECK(doc == nullptr);
    FUZZ_CHECK(rc != POSTPARSE_ERR_INTERNAL);
    return nullptr;
  }
  FUZZ_CHECK(doc != nullptr);
  return doc;
}

// A copy of some bytes that ends exactly where a page the process may not
// read begins, so that reading even one byte past the end faults at once.
// ASan sees over-reads only in instrumented code; the system libraries
// postparse calls (md4c, yaml-cpp, pugixml, RE2, utf8proc) are not, and a
// parse that borrows the caller's bytes (postparse_doc_parse_borrowed) hands
// those bytes to them.
class GuardedCopy {
 public:
  GuardedCopy(const char *data, size_t len) {
    const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
    const size_t pages = (len + page - 1) / page + 1;
    size_ = pages * page;
    void *map = mmap(nullptr, size_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    FUZZ_CHECK(map != MAP_FAILED);
    base_ = static_cast<char *>(map);
    FUZZ_CHECK(mprotect(base_ + size_ - page, page, PROT_NONE) == 0);
    data_ = base_ + size_ - page - len;
    if (len) memcpy(data_, data, len);
  }
  ~GuardedCopy() { munmap(base_, size_); }
  GuardedCopy(const GuardedCopy &) = delete;
  GuardedCopy &operator=(const GuardedCopy &) = delete;
  const char *data() const { return data_; }

 private:
  char *base_ = nullptr;
  char *data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace fuzz
