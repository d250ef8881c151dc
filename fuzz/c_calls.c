/* Calls that pass arbitrary ints where the C ABI takes an enum, as a C
 * caller may (C converts any int to an enum type; C++ may not).  The
 * options harness uses them to check that out-of-range values are refused
 * with POSTPARSE_ERR_INVALID_ARGUMENT and change nothing. */
#include <postparse/postparse.h>

#include "c_calls.h"

int fuzz_set_yaml_schema(postparse_options *o, int v) { return postparse_options_set_yaml_schema(o, (postparse_yaml_schema)v); }
int fuzz_set_duplicate_keys(postparse_options *o, int v) {
  return postparse_options_set_duplicate_keys(o, (postparse_duplicate_keys)v);
}
int fuzz_set_html_mode(postparse_options *o, int v) { return postparse_options_set_html_mode(o, (postparse_html_mode)v); }
int fuzz_set_text_form(postparse_options *o, int v) { return postparse_options_set_text_form(o, (postparse_text_form)v); }
int fuzz_set_body_format(postparse_options *o, int v) {
  return postparse_options_set_body_format(o, (postparse_body_format)v);
}
int fuzz_set_limit(postparse_options *o, int which, uint64_t value) {
  return postparse_options_set_limit(o, (postparse_limit)which, value);
}
int fuzz_get_limit(const postparse_options *o, int which, uint64_t *out) {
  return postparse_options_get_limit(o, (postparse_limit)which, out);
}
