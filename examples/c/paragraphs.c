/* Prints the content paragraphs of a post, one per line with its kind
 * ("paragraph", "heading 2", "list item"...), through the C ABI;
 * boilerplate (promotions, editor lines, navigation) is skipped.  A line
 * break inside a paragraph is printed as " / ".  Build against an installed
 * postparse:
 *   cc -std=c99 paragraphs.c $(pkg-config --cflags --libs postparse)
 * Usage: paragraphs POST */
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

static const char *kind_name(postparse_paragraph_kind kind) {
  switch (kind) {
    case POSTPARSE_PARAGRAPH_HEADING: return "heading";
    case POSTPARSE_PARAGRAPH_LIST_ITEM: return "list item";
    case POSTPARSE_PARAGRAPH_QUOTE: return "quote";
    case POSTPARSE_PARAGRAPH_PRE: return "pre";
    case POSTPARSE_PARAGRAPH_TABLE_CELL: return "table cell";
    case POSTPARSE_PARAGRAPH_CAPTION: return "caption";
    default: return "paragraph";
  }
}

/* Paragraph text is a view (not NUL-terminated) that may hold '\n'. */
static void print_text(postparse_str text) {
  size_t i;
  for (i = 0; i < text.len; ++i) {
    if (text.data[i] == '\n')
      fputs(" / ", stdout);
    else
      putchar(text.data[i]);
  }
}

int main(int argc, char **argv) {
  size_t len = 0, i, count;
  char *bytes;
  postparse_doc *doc = NULL;
  postparse_status status;
  if (argc != 2) {
    fprintf(stderr, "usage: %s POST\n", argv[0]);
    return 2;
  }
  bytes = read_file(argv[1], &len);
  if (!bytes) {
    fprintf(stderr, "%s: cannot read\n", argv[1]);
    return 1;
  }
  status = postparse_doc_parse(bytes, len, NULL, &doc);
  free(bytes); /* the document keeps its own copy */
  if (status != POSTPARSE_OK) {
    fprintf(stderr, "%s: %s\n", argv[1], postparse_status_str(status));
    return 1;
  }
  count = postparse_doc_paragraph_count(doc);
  for (i = 0; i < count; ++i) {
    postparse_paragraph p = POSTPARSE_INIT(postparse_paragraph);
    if (postparse_doc_paragraph_at(doc, i, &p) != POSTPARSE_OK || p.boilerplate) continue;
    if (p.kind == POSTPARSE_PARAGRAPH_HEADING)
      printf("%s %d\t", kind_name(p.kind), p.level);
    else
      printf("%s\t", kind_name(p.kind));
    print_text(p.text);
    putchar('\n');
  }
  postparse_doc_free(doc);
  return 0;
}
