/* Prints the title and the resolved date of each post named on the command
 * line, through the C ABI.  Build against an installed postparse:
 *   cc front_matter.c $(pkg-config --cflags --libs postparse) */
#include <stdio.h>
#include <stdlib.h>

#include <postparse/postparse.h>

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *buf;
  long size;
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  size = ftell(f);
  fseek(f, 0, SEEK_SET);
  buf = size >= 0 ? malloc((size_t)size + 1) : NULL;
  *len = buf ? fread(buf, 1, (size_t)size, f) : 0;
  fclose(f);
  return buf;
}

int main(int argc, char **argv) {
  int i, status = 0;
  for (i = 1; i < argc; ++i) {
    size_t len = 0, d;
    char *bytes = read_file(argv[i], &len);
    postparse_doc *doc = NULL;
    const postparse_value *fm, *title;
    postparse_time when = POSTPARSE_INIT(postparse_time);
    char iso[40] = "(no date)";
    if (!bytes || postparse_doc_parse(bytes, len, NULL, &doc) != POSTPARSE_OK) {
      fprintf(stderr, "%s: cannot parse\n", argv[i]);
      free(bytes);
      status = 1;
      continue;
    }
    fm = postparse_doc_front_matter(doc);
    title = postparse_value_get(fm, "title", 5);
    if (postparse_value_time(postparse_value_get(fm, "date", 4), &when) == POSTPARSE_OK)
      postparse_time_format(&when, iso, sizeof iso);
    printf("%s\t%.*s\t%s\n", argv[i], (int)postparse_value_text(title).len,
           postparse_value_text(title).data, iso);
    for (d = 0; d < postparse_doc_diagnostic_count(doc); ++d) {
      postparse_diagnostic diag = POSTPARSE_INIT(postparse_diagnostic);
      postparse_doc_diagnostic_at(doc, d, &diag);
      fprintf(stderr, "%s:%zu:%zu: %s: %.*s\n", argv[i], diag.line, diag.column,
              postparse_status_str(diag.code), (int)diag.message.len, diag.message.data);
    }
    postparse_doc_free(doc);
    free(bytes);
  }
  return status;
}
