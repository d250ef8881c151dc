// Extraction harness with a profile from the input: "<profile YAML>\0<post>"
// (a last byte of 0xC0 or more sets small limits, fuzz::apply_trailing_limits).
// The profile is loaded (bad ones give diagnostics, never a failure), added
// to the options, and the post's paragraphs, metadata and outputs checked.
#include "common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > fuzz::kMaxInput) return 0;
  const char *text = reinterpret_cast<const char *>(data);
  const char *nul = static_cast<const char *>(memchr(text, '\0', size));
  size_t profile_len = nul ? static_cast<size_t>(nul - text) : size;
  const char *post = nul ? nul + 1 : text + size;
  size_t post_len = size - static_cast<size_t>(post - text);

  postparse_profile *profile = nullptr;
  int rc = postparse_profile_load(text, profile_len, &profile);
  FUZZ_CHECK(profile != nullptr);
  FUZZ_CHECK(rc == POSTPARSE_OK || rc == POSTPARSE_ERR_SYNTAX || rc == POSTPARSE_ERR_PROFILE ||
             rc == POSTPARSE_ERR_XPATH || rc == POSTPARSE_ERR_REGEX || rc == POSTPARSE_ERR_DEPTH_LIMIT ||
             rc == POSTPARSE_ERR_ALIAS_LIMIT || rc == POSTPARSE_ERR_KEY_LIMIT ||
             rc == POSTPARSE_ERR_DUPLICATE_KEY || rc == POSTPARSE_ERR_BAD_TAG);
  for (size_t i = 0; i < postparse_profile_diagnostic_count(profile); ++i) {
    postparse_diagnostic d = POSTPARSE_INIT(postparse_diagnostic);
    FUZZ_CHECK(postparse_profile_diagnostic_at(profile, i, &d) == POSTPARSE_OK);
    FUZZ_CHECK(d.part == POSTPARSE_PART_PROFILE && d.offset <= profile_len && d.line >= 1);
    fuzz::check_str(d.message);
  }
  fuzz::check_str(postparse_profile_name(profile));

  postparse_options *options = nullptr;
  FUZZ_CHECK(postparse_options_new(&options) == POSTPARSE_OK);
  post_len = fuzz::apply_trailing_limits(reinterpret_cast<const uint8_t *>(post), post_len, options);
  FUZZ_CHECK(postparse_options_add_profile(options, profile) == POSTPARSE_OK);
  postparse_profile_free(profile);  // the options keep their own reference
  postparse_doc *doc = fuzz::parse(post, post_len, options);
  postparse_options_free(options);
  if (!doc) return 0;
  fuzz::walk_extraction(doc, fuzz::source_len(doc));
  fuzz::check_outputs(doc);
  postparse_doc_free(doc);
  return 0;
}
