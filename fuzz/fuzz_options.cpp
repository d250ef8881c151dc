// Options harness: every option, chosen from the input with
// FuzzedDataProvider (limits at their extremes included), then the rest of
// the input parsed as a post and checked whole.
#include <fuzzer/FuzzedDataProvider.h>

#include "c_calls.h"
#include "common.h"

namespace {

void set_limit(postparse_options *options, FuzzedDataProvider &in) {
  int which = in.ConsumeIntegralInRange<int>(-1, 10);  // one unknown limit on either side
  uint64_t value;
  switch (in.ConsumeIntegralInRange<int>(0, 4)) {
    case 0: value = 0; break;  // restores the default
    case 1: value = 1; break;
    case 2: value = UINT64_MAX; break;
    case 3: value = in.ConsumeIntegralInRange<uint64_t>(1, 64); break;  // reached by small inputs
    default: value = in.ConsumeIntegralInRange<uint64_t>(1, 4096);
  }
  int rc = fuzz_set_limit(options, which, value);
  uint64_t got = 0;
  if (which < 0 || which > 9) {
    FUZZ_CHECK(rc == POSTPARSE_ERR_INVALID_ARGUMENT);
    FUZZ_CHECK(fuzz_get_limit(options, which, &got) == POSTPARSE_ERR_INVALID_ARGUMENT);
    return;
  }
  FUZZ_CHECK(fuzz_get_limit(options, which, &got) == POSTPARSE_OK);
  FUZZ_CHECK(rc == POSTPARSE_OK);
  FUZZ_CHECK(value == 0 ? got != 0 : got == value);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > fuzz::kMaxInput) return 0;
  FuzzedDataProvider in(data, size);
  postparse_options *options = nullptr;
  FUZZ_CHECK(postparse_options_new(&options) == POSTPARSE_OK);
  // Each enum from one below to one above its range: the outside values must
  // be refused, the others accepted.
  auto expect = [](int rc, int v, int last) {
    FUZZ_CHECK(rc == (v >= 0 && v <= last ? POSTPARSE_OK : POSTPARSE_ERR_INVALID_ARGUMENT));
  };
  int v = in.ConsumeIntegralInRange<int>(-1, 2);
  expect(fuzz_set_yaml_schema(options, v), v, 1);
  v = in.ConsumeIntegralInRange<int>(-1, 3);
  expect(fuzz_set_duplicate_keys(options, v), v, 2);
  postparse_options_set_hexo_unfenced(options, in.ConsumeBool());
  v = in.ConsumeIntegralInRange<int>(-1, 3);
  expect(fuzz_set_html_mode(options, v), v, 2);
  postparse_options_set_html_errors(options, in.ConsumeBool());
  postparse_options_set_scripting(options, in.ConsumeBool());
  v = in.ConsumeIntegralInRange<int>(-1, 3);
  expect(fuzz_set_text_form(options, v), v, 2);
  v = in.ConsumeIntegralInRange<int>(-1, 3);
  expect(fuzz_set_body_format(options, v), v, 2);
  postparse_options_set_default_profile(options, in.ConsumeBool());
  std::string zone = in.ConsumeRandomLengthString(40);
  (void)postparse_options_set_timezone(options, zone.data(), zone.size());
  std::string name = in.ConsumeRandomLengthString(40);
  FUZZ_CHECK(postparse_options_set_source_name(options, name.data(), name.size()) == POSTPARSE_OK);
  for (int n = in.ConsumeIntegralInRange<int>(0, 12); n > 0; --n) set_limit(options, in);

  std::string post = in.ConsumeRemainingBytesAsString();
  postparse_doc *doc = fuzz::parse(post.data(), post.size(), options);
  postparse_options_free(options);
  if (!doc) return 0;
  fuzz::check_document(doc, post.data(), post.size());
  postparse_doc_free(doc);
  return 0;
}
