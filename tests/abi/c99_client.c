/* A strict C99 client of the shared library: compiles with -std=c99
 * -pedantic -Werror and exercises the C ABI on a real post.  Exit 0 when
 * every check holds; prints what failed otherwise. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "postparse/postparse.h"

static int failures = 0;

#define CHECK(cond)                                                           \
  do {                                                                        \
    if (!(cond)) {                                                            \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                             \
    }                                                                         \
  } while (0)

static int str_eq(postparse_str s, const char *text) {
  return s.len == strlen(text) && memcmp(s.data, text, s.len) == 0;
}

static char *read_all(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *buf = NULL;
  long size;
  if (!f) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
    buf = (char *)malloc((size_t)size + 1);
    if (buf) *len = fread(buf, 1, (size_t)size, f);
  }
  fclose(f);
  return buf;
}

static void check_versions(void) {
  CHECK(strcmp(postparse_version(), POSTPARSE_VERSION_STRING) == 0);
  CHECK(postparse_version_number() == POSTPARSE_VERSION_NUMBER);
  CHECK(strcmp(postparse_status_str(POSTPARSE_OK), "ok") == 0);
  CHECK(strcmp(postparse_status_str(POSTPARSE_ERR_SYNTAX), "syntax") == 0);
  CHECK(strcmp(postparse_status_str(-5), "unknown") == 0);
}

static void check_argument_errors(void) {
  postparse_doc *doc = (postparse_doc *)&doc;
  CHECK(postparse_doc_parse(NULL, 3, NULL, &doc) == POSTPARSE_ERR_INVALID_ARGUMENT);
  CHECK(doc == NULL);
  CHECK(postparse_doc_parse("x", 1, NULL, NULL) == POSTPARSE_ERR_INVALID_ARGUMENT);
  CHECK(postparse_options_new(NULL) == POSTPARSE_ERR_INVALID_ARGUMENT);
  CHECK(postparse_doc_front_matter(NULL) == NULL);
  CHECK(postparse_value_kind(NULL) == POSTPARSE_KIND_NULL);
  postparse_free(NULL);
  postparse_doc_free(NULL);
  postparse_options_free(NULL);
}

static void check_seed(const char *data, size_t len) {
  postparse_options *options = NULL;
  postparse_doc *doc = NULL;
  const postparse_value *root, *categories, *comments, *date;
  postparse_time when = POSTPARSE_INIT(postparse_time);
  postparse_span body;
  char iso[40];
  char *json = NULL;
  size_t json_len = 0;
  bool flag = true;

  CHECK(postparse_options_new(&options) == POSTPARSE_OK);
  CHECK(postparse_options_set_timezone(options, "Mars/Olympus", 12) == POSTPARSE_ERR_UNKNOWN_TIMEZONE);
  /* C passes any int as an enum: out-of-range values are refused, not undefined. */
  CHECK(postparse_options_set_yaml_schema(options, (postparse_yaml_schema)7) == POSTPARSE_ERR_INVALID_ARGUMENT);
  CHECK(postparse_options_set_yaml_schema(options, (postparse_yaml_schema)-1) == POSTPARSE_ERR_INVALID_ARGUMENT);
  CHECK(postparse_options_set_html_mode(options, (postparse_html_mode)3) == POSTPARSE_ERR_INVALID_ARGUMENT);
  CHECK(postparse_options_set_body_format(options, (postparse_body_format)99) == POSTPARSE_ERR_INVALID_ARGUMENT);
  CHECK(postparse_options_set_text_form(options, (postparse_text_form)3) == POSTPARSE_ERR_INVALID_ARGUMENT);
  CHECK(postparse_options_set_duplicate_keys(options, (postparse_duplicate_keys)3) == POSTPARSE_ERR_INVALID_ARGUMENT);
  CHECK(postparse_options_set_limit(options, (postparse_limit)10, 5) == POSTPARSE_ERR_INVALID_ARGUMENT);
  CHECK(postparse_options_set_timezone(options, "Asia/Shanghai", 13) == POSTPARSE_OK);
  CHECK(postparse_doc_parse(data, len, options, &doc) == POSTPARSE_OK);
  postparse_options_free(options); /* the document does not depend on it */

  CHECK(postparse_doc_format(doc) == POSTPARSE_FORMAT_YAML);
  CHECK(postparse_doc_diagnostic_count(doc) == 0);
  root = postparse_doc_front_matter(doc);
  CHECK(postparse_value_kind(root) == POSTPARSE_KIND_MAPPING);
  categories = postparse_value_get(root, "categories", 10);
  CHECK(postparse_value_kind(categories) == POSTPARSE_KIND_SEQUENCE);
  CHECK(postparse_value_count(categories) == 3);
  CHECK(str_eq(postparse_value_text(postparse_value_at(categories, 0)), "\xe9\x87\x91\xe8\x9e\x8d"));
  comments = postparse_value_get(root, "comments", 8);
  CHECK(postparse_value_bool(comments, &flag) == POSTPARSE_OK && !flag);
  date = postparse_value_get(root, "date", 4);
  CHECK(postparse_value_kind(date) == POSTPARSE_KIND_STRING);
  CHECK(postparse_value_time(date, &when) == POSTPARSE_OK);
  CHECK(when.unix_seconds == 1627734473 && when.offset_seconds == 0 && when.explicit_offset);
  CHECK(postparse_time_format(&when, iso, sizeof iso) > 0 && strcmp(iso, "2021-07-31T12:27:53+00:00") == 0);
  CHECK(postparse_value_time(categories, &when) == POSTPARSE_ERR_WRONG_KIND);

  CHECK(postparse_doc_body_span(doc, &body) == POSTPARSE_OK);
  CHECK(body.line == 14 && body.offset + body.length == len);
  CHECK(postparse_doc_body(doc).len == body.length);

  CHECK(postparse_doc_to_json(doc, 0, &json, &json_len) == POSTPARSE_OK);
  CHECK(json != NULL && strlen(json) == json_len && json[0] == '{');
  CHECK(strstr(json, "\"/date\":\"2021-07-31T12:27:53+00:00\"") != NULL);
  postparse_free(json);
  CHECK(postparse_doc_to_json(doc, 1u << 7, &json, &json_len) == POSTPARSE_ERR_INVALID_ARGUMENT);
  CHECK(postparse_doc_to_json(doc, POSTPARSE_JSON_EXPLAIN, &json, &json_len) == POSTPARSE_OK);
  CHECK(strstr(json, "\"rule\":") != NULL && strstr(json, "\"evidence\":") != NULL);
  postparse_free(json);
  postparse_doc_free(doc);
}

static void check_broken_yaml(void) {
  static const char post[] = "---\ntitle: 'a'b'\n---\nbody\n";
  postparse_doc *doc = NULL;
  postparse_diagnostic d = POSTPARSE_INIT(postparse_diagnostic);
  postparse_diagnostic old_caller;
  CHECK(postparse_doc_parse(post, sizeof post - 1, NULL, &doc) == POSTPARSE_OK);
  CHECK(postparse_doc_front_matter(doc) == NULL);
  CHECK(str_eq(postparse_doc_body(doc), "body\n"));
  CHECK(postparse_doc_diagnostic_at(doc, 0, &d) == POSTPARSE_OK);
  CHECK(d.size == sizeof d);
  CHECK(d.code == POSTPARSE_ERR_SYNTAX && d.severity == POSTPARSE_SEVERITY_ERROR);
  CHECK(d.part == POSTPARSE_PART_FRONT_MATTER && d.line == 2);
  CHECK(postparse_doc_diagnostic_at(doc, 1, &d) == POSTPARSE_ERR_NOT_FOUND);
  /* A growing struct whose size was not set is refused, never written. */
  memset(&old_caller, 0, sizeof old_caller);
  CHECK(postparse_doc_diagnostic_at(doc, 0, &old_caller) == POSTPARSE_ERR_INVALID_ARGUMENT);
  CHECK(old_caller.code == 0 && old_caller.size == 0);
  postparse_doc_free(doc);
}

int main(int argc, char **argv) {
  size_t len = 0;
  char *seed;
  if (argc != 2) {
    fprintf(stderr, "usage: %s SEED_POST\n", argv[0]);
    return 2;
  }
  seed = read_all(argv[1], &len);
  if (!seed) {
    fprintf(stderr, "cannot read %s\n", argv[1]);
    return 2;
  }
  check_versions();
  check_argument_errors();
  check_seed(seed, len);
  check_broken_yaml();
  free(seed);
  if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
  else printf("c99 client: all checks passed\n");
  return failures ? 1 : 0;
}
