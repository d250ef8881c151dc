// Differential harness for the fast YAML reader: a YAML front matter block
// parsed with the reader switched on and off must give the same document,
// value for value (kind, style, text, raw text, tag, span with line and
// column, scalar readings, key order) and diagnostic for diagnostic (code,
// severity, message, position), and the same JSON.  Whatever the reader
// takes must be exactly what yaml-cpp makes of it; what it leaves to
// yaml-cpp is trivially the same.
//
// Byte 0 picks the options: bit 0 the YAML 1.1 schema, bits 1-2 the
// duplicate-key policy, bit 3 a default time zone, bits 4-7 (when not 0)
// small depth (1-4) and key (1-7) limits.  The rest is the block's content.
//
// Besides the public header, the harness uses the library's two test hooks
// (src/front_matter/yaml_fast_path.h, outside the C ABI; programs linking
// the static library can call them): one switches the reader off, the
// other says whether it takes a text, for the share printed at exit.
#include <cmath>
#include <string_view>

#include "common.h"

namespace postparse::testing {
void set_yaml_fast_path(bool enabled);
bool yaml_fast_path_accepts(std::string_view content);
}  // namespace postparse::testing

namespace {

struct Counts {
  size_t runs = 0, taken = 0;
  ~Counts() {
    if (runs) fprintf(stderr, "yaml fast path: took %zu of %zu inputs\n", taken, runs);
  }
} counts;

std::string view(postparse_str s) { return std::string(s.data ? s.data : "", s.len); }

// Everything a value exposes, one line per value, in document order.
void describe(const postparse_value *v, std::string &out, int depth) {
  if (!v || depth > 200) return;
  postparse_span sp = postparse_value_span(v);
  out += std::to_string(postparse_value_kind(v)) + " " + std::to_string(postparse_value_style(v)) + " [" +
         view(postparse_value_text(v)) + "] [" + view(postparse_value_raw(v)) + "] [" + view(postparse_value_tag(v)) +
         "] " + std::to_string(sp.offset) + "+" + std::to_string(sp.length) + "@" + std::to_string(sp.line) + ":" +
         std::to_string(sp.column);
  bool b = false;
  if (postparse_value_bool(v, &b) == POSTPARSE_OK) out += b ? " true" : " false";
  int64_t i = 0;
  if (postparse_value_int(v, &i) == POSTPARSE_OK) out += " i" + std::to_string(i);
  double d = 0;
  if (postparse_value_float(v, &d) == POSTPARSE_OK) {
    char buf[40];
    snprintf(buf, sizeof buf, " f%a", std::isnan(d) ? 0.0 : d);
    out += std::isnan(d) ? std::string(" nan") : std::string(buf);
  }
  if (postparse_value_is_big(v)) out += " big";
  postparse_time t = POSTPARSE_INIT(postparse_time);
  if (postparse_value_time(v, &t) == POSTPARSE_OK) {
    char buf[48];
    postparse_time_format(&t, buf, sizeof buf);
    out += std::string(" t") + buf;
  }
  out += '\n';
  for (size_t k = 0; k < postparse_value_count(v); ++k) {
    describe(postparse_value_key_at(v, k), out, depth + 1);
    describe(postparse_value_at(v, k), out, depth + 1);
  }
}

std::string describe_document(const postparse_doc *doc) {
  if (!doc) return "refused";
  std::string out = "format " + std::to_string(postparse_doc_format(doc)) + "\n";
  describe(postparse_doc_front_matter(doc), out, 0);
  for (size_t k = 0; k < postparse_doc_diagnostic_count(doc); ++k) {
    postparse_diagnostic d = POSTPARSE_INIT(postparse_diagnostic);
    FUZZ_CHECK(postparse_doc_diagnostic_at(doc, k, &d) == POSTPARSE_OK);
    out += "diagnostic " + std::to_string(d.code) + " " + std::to_string(d.severity) + " " + std::to_string(d.offset) +
           "@" + std::to_string(d.line) + ":" + std::to_string(d.column) + " " + view(d.message) + "\n";
  }
  out += fuzz::render(&postparse_doc_to_json, doc, 0);
  return out;
}

postparse_options *options_for(uint8_t sel) {
  postparse_options *options = nullptr;
  FUZZ_CHECK(postparse_options_new(&options) == POSTPARSE_OK);
  postparse_options_set_yaml_schema(options, (sel & 1) ? POSTPARSE_YAML_1_1 : POSTPARSE_YAML_1_2);
  postparse_options_set_duplicate_keys(options, static_cast<postparse_duplicate_keys>(((sel >> 1) & 3) % 3));
  if (sel & 8) FUZZ_CHECK(postparse_options_set_timezone(options, "Asia/Shanghai", 13) == POSTPARSE_OK);
  if (unsigned v = sel >> 4) {
    FUZZ_CHECK(postparse_options_set_limit(options, POSTPARSE_LIMIT_DEPTH, 1 + (v & 3)) == POSTPARSE_OK);
    FUZZ_CHECK(postparse_options_set_limit(options, POSTPARSE_LIMIT_KEYS, 1 + (v >> 2) * 2) == POSTPARSE_OK);
  }
  return options;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1 || size > fuzz::kMaxInput) return 0;
  std::string content(reinterpret_cast<const char *>(data + 1), size - 1);
  std::string post = "---\n" + content + "\n---\n<p>body</p>\n";
  postparse_options *options = options_for(data[0]);

  ++counts.runs;
  counts.taken += postparse::testing::yaml_fast_path_accepts(content);
  postparse_doc *fast = fuzz::parse(post.data(), post.size(), options);
  postparse::testing::set_yaml_fast_path(false);
  postparse_doc *slow = fuzz::parse(post.data(), post.size(), options);
  postparse::testing::set_yaml_fast_path(true);
  postparse_options_free(options);

  std::string a = describe_document(fast), b = describe_document(slow);
  if (a != b) fprintf(stderr, "fast reader:\n%s\nyaml-cpp:\n%s\n", a.c_str(), b.c_str());
  FUZZ_CHECK(a == b);
  postparse_doc_free(fast);
  postparse_doc_free(slow);
  return 0;
}
