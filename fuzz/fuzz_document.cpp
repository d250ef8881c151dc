// Whole-document harness: the input is a post, parsed with default options
// (plus the Sina-style profile rules the built-in profile already has) or,
// when its last byte says so, with small limits (fuzz::apply_trailing_limits),
// then every accessor and every output is checked.  Uses only the public C
// ABI.
#include "common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > fuzz::kMaxInput) return 0;
  const char *text = reinterpret_cast<const char *>(data);
  postparse_options *options = nullptr;
  FUZZ_CHECK(postparse_options_new(&options) == POSTPARSE_OK);
  size = fuzz::apply_trailing_limits(data, size, options);
  postparse_doc *doc = fuzz::parse(text, size, options);
  postparse_options_free(options);
  if (!doc) return 0;
  fuzz::check_document(doc, text, size);
  postparse_doc_free(doc);
  return 0;
}
