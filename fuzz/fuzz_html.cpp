// HTML harness: tokenizer + tree builder + DOM + XPath.  The input is
// "<xpath>\n<html body>": the first line is an XPath expression run over
// the tree (invalid ones must be refused cleanly), the rest is the body,
// parsed as a fragment or, when byte 0 is odd, as a document with
// scripting and parse-error recording.  A last byte of 0xC0 or more sets
// small limits (fuzz::apply_trailing_limits).
#include "common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1 || size > fuzz::kMaxInput) return 0;
  const char *text = reinterpret_cast<const char *>(data);
  postparse_options *options = nullptr;
  FUZZ_CHECK(postparse_options_new(&options) == POSTPARSE_OK);
  size = fuzz::apply_trailing_limits(data, size, options);
  const char *newline = static_cast<const char *>(memchr(text, '\n', size));
  size_t xpath_len = newline ? static_cast<size_t>(newline - text) : 0;
  const char *body = newline ? newline + 1 : text;
  size_t body_len = size - static_cast<size_t>(body - text);

  postparse_options_set_body_format(options, POSTPARSE_BODY_HTML);
  if (size > 0 && (data[0] & 1)) {
    postparse_options_set_html_mode(options, POSTPARSE_HTML_DOCUMENT);
    postparse_options_set_scripting(options, true);
    postparse_options_set_html_errors(options, true);
  }
  postparse_doc *doc = fuzz::parse(body, body_len, options);
  postparse_options_free(options);
  if (!doc) return 0;
  fuzz::walk_dom(doc, fuzz::source_len(doc));
  fuzz::check_diagnostics(doc, fuzz::source_len(doc));
  fuzz::select(doc, text, xpath_len);
  fuzz::select(doc, "//text()", 8);
  postparse_doc_free(doc);
  return 0;
}
