// Front-matter harness: split + YAML / JSON / TOML + dates.  Byte 0 picks
// the fence and the typing options, the rest is the block's content, so the
// fuzzer spends its time inside the loaders rather than on finding fences.
#include "common.h"

namespace {

const char *const kFences[][2] = {
    {"---\n", "\n---\n"}, {";;;\n", "\n;;;\n"}, {"+++\n", "\n+++\n"}, {"", ""}, {"---\r\n", "\r\n...\r\n"}};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1 || size > fuzz::kMaxInput) return 0;
  const uint8_t sel = data[0];
  const auto &fence = kFences[(sel & 7) % 5];
  std::string post = std::string(fence[0]) + std::string(reinterpret_cast<const char *>(data + 1), size - 1) +
                     fence[1] + "<p>body</p>\n";

  postparse_options *options = nullptr;
  FUZZ_CHECK(postparse_options_new(&options) == POSTPARSE_OK);
  postparse_options_set_yaml_schema(options, (sel & 8) ? POSTPARSE_YAML_1_1 : POSTPARSE_YAML_1_2);
  postparse_options_set_duplicate_keys(options, static_cast<postparse_duplicate_keys>((sel >> 4) % 3));
  postparse_options_set_hexo_unfenced(options, (sel >> 6) & 1);
  if (sel & 0x80) FUZZ_CHECK(postparse_options_set_timezone(options, "Asia/Shanghai", 13) == POSTPARSE_OK);

  postparse_doc *doc = fuzz::parse(post.data(), post.size(), options);
  postparse_options_free(options);
  if (!doc) return 0;
  fuzz::walk_values(postparse_doc_front_matter(doc), fuzz::source_len(doc));
  fuzz::check_diagnostics(doc, fuzz::source_len(doc));
  // The body after a front matter block is always there, whatever the block.
  postparse_str body = postparse_doc_body(doc);
  FUZZ_CHECK(body.len >= 12 || postparse_doc_format(doc) == POSTPARSE_FORMAT_NONE);
  (void)fuzz::render(&postparse_doc_to_json, doc, 0);
  postparse_doc_free(doc);
  return 0;
}
