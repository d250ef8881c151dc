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
// small depth (1-4) and key (1-7) limits.  The rest is the block's content,
// checked as it is and also read as choices (FuzzedDataProvider) that
// write a block in the reader's shapes from tricky pieces, with now and
// then one stray byte: raw bytes mostly fall outside the shapes, and the
// comparison only has teeth where the reader takes the block.
//
// Besides the public header, the harness uses the library's two test hooks
// (src/front_matter/yaml_fast_path.h, outside the C ABI; programs linking
// the static library can call them): one switches the reader off, the
// other says whether it takes a text, for the share printed at exit.
#include <fuzzer/FuzzedDataProvider.h>

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

// Pieces that sit on the reader's edges: null words, typed scalars, dates,
// indicators inside or at the start of scalars, comments, escapes.
const char *const kWords[] = {"a", "title", "date", "null", "Null", "~", "1", "0x1", "true", "True", "yes", "-5",
                              "1_000", "0777", ".inf", "1.5e3", "190:20:30", "2021-07-31", "2021-07-31 12:27:53",
                              "Mon, 22 Oct 2018 11:26:54 GMT", "Invalid Date", "a b", "C#", "a #b", "a[b]", "a,b",
                              "x:y", "http://x.org/a?b=c#d", "<<", "-k", ":k", "?k", "\u00e9", "\xc3\xa9",
                              "\xe4\xb8\xad\xe6\x96\x87", "it's", "a\"b", "@x", "%x", "&x", "*x", "!x", "|", ">"};
const char *const kQuoted[] = {"''", "'a'", "'it''s'", "' '", "'a: b'", "'#x'", "'[a]'", "\"\"", "\"a\"",
                               "\"\\\"x\\\"\"", "\"a\\nb\"", "\"\\u00e9\\t\\/\\\\\"", "\"\\ud800\"",
                               "\"\\x41\"", "'unclosed", "\"2021-07-31\""};

std::string pick(FuzzedDataProvider &in, bool quoted) {
  if (quoted) return kQuoted[in.ConsumeIntegralInRange<size_t>(0, sizeof kQuoted / sizeof *kQuoted - 1)];
  return kWords[in.ConsumeIntegralInRange<size_t>(0, sizeof kWords / sizeof *kWords - 1)];
}

std::string spaces(FuzzedDataProvider &in) { return std::string(in.ConsumeIntegralInRange<size_t>(0, 2), ' '); }

std::string flow_sequence(FuzzedDataProvider &in) {
  std::string out = "[" + spaces(in);
  size_t n = in.ConsumeIntegralInRange<size_t>(0, 4);
  for (size_t i = 0; i < n; ++i) out += (i ? "," + spaces(in) : "") + pick(in, in.ConsumeBool()) + spaces(in);
  return out + "]";
}

std::string scalar_or_flow(FuzzedDataProvider &in) {
  switch (in.ConsumeIntegralInRange(0, 3)) {
    case 0: return pick(in, true);
    case 1: return flow_sequence(in);
    default: return pick(in, false);
  }
}

// A block mapping at `indent`: keys with scalars, flow sequences, nested
// mappings, block sequences (at the key's column or deeper) or nothing.
void mapping(FuzzedDataProvider &in, std::string &out, size_t indent, int depth) {
  size_t entries = in.ConsumeIntegralInRange<size_t>(1, 5);
  for (size_t e = 0; e < entries && in.remaining_bytes() > 0; ++e) {
    if (in.ConsumeIntegralInRange(0, 7) == 0) out += std::string(in.ConsumeIntegralInRange<size_t>(0, 3), ' ') + "\n";
    out += std::string(indent, ' ') + pick(in, false) + (in.ConsumeIntegralInRange(0, 7) ? "" : " ") + ":";
    int kind = in.ConsumeIntegralInRange(0, 7);
    if (kind <= 3) {
      out += " " + spaces(in) + scalar_or_flow(in) + spaces(in) + "\n";
    } else if (kind == 4 && depth < 4) {
      out += spaces(in) + "\n";
      mapping(in, out, indent + in.ConsumeIntegralInRange<size_t>(1, 4), depth + 1);
    } else if (kind == 5) {
      out += spaces(in) + "\n";
      size_t column = indent + in.ConsumeIntegralInRange<size_t>(0, 2);
      size_t items = in.ConsumeIntegralInRange<size_t>(1, 3);
      for (size_t i = 0; i < items; ++i) out += std::string(column, ' ') + "- " + scalar_or_flow(in) + "\n";
    } else {
      out += spaces(in) + "\n";  // an empty value: a null
    }
  }
}

std::string generated_block(const uint8_t *data, size_t size) {
  FuzzedDataProvider in(data, size);
  std::string out;
  mapping(in, out, in.ConsumeIntegralInRange<size_t>(0, 1), 0);
  if (!out.empty() && in.ConsumeIntegralInRange(0, 3) == 0) {  // one stray byte
    size_t at = in.ConsumeIntegralInRange<size_t>(0, out.size() - 1);
    out.insert(out.begin() + static_cast<std::ptrdiff_t>(at), static_cast<char>(in.ConsumeIntegral<uint8_t>()));
  }
  if (in.ConsumeBool() && !out.empty()) out.pop_back();  // no final line break
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

// Parses `content` as a post's block with the reader on and off; the two
// documents must be the same.
void compare(const std::string &content, uint8_t sel) {
  std::string post = "---\n" + content + "\n---\n<p>body</p>\n";
  postparse_options *options = options_for(sel);
  ++counts.runs;
  counts.taken += postparse::testing::yaml_fast_path_accepts(content);
  postparse_doc *fast = fuzz::parse(post.data(), post.size(), options);
  postparse::testing::set_yaml_fast_path(false);
  postparse_doc *slow = fuzz::parse(post.data(), post.size(), options);
  postparse::testing::set_yaml_fast_path(true);
  postparse_options_free(options);

  std::string a = describe_document(fast), b = describe_document(slow);
  if (a != b) fprintf(stderr, "block:\n%s\nfast reader:\n%s\nyaml-cpp:\n%s\n", content.c_str(), a.c_str(), b.c_str());
  FUZZ_CHECK(a == b);
  postparse_doc_free(fast);
  postparse_doc_free(slow);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1 || size > fuzz::kMaxInput) return 0;
  compare(std::string(reinterpret_cast<const char *>(data + 1), size - 1), data[0]);
  compare(generated_block(data + 1, size - 1), data[0]);
  return 0;
}
