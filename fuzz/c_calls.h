/* See c_calls.c. */
#ifndef POSTPARSE_FUZZ_C_CALLS_H
#define POSTPARSE_FUZZ_C_CALLS_H

#include <postparse/postparse.h>

#ifdef __cplusplus
extern "C" {
#endif

int fuzz_set_yaml_schema(postparse_options *o, int v);
int fuzz_set_duplicate_keys(postparse_options *o, int v);
int fuzz_set_html_mode(postparse_options *o, int v);
int fuzz_set_text_form(postparse_options *o, int v);
int fuzz_set_body_format(postparse_options *o, int v);
int fuzz_set_limit(postparse_options *o, int which, uint64_t value);
int fuzz_get_limit(const postparse_options *o, int which, uint64_t *out);

#ifdef __cplusplus
}
#endif

#endif
