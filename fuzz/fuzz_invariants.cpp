// Invariant harness: properties that must hold for every post over every
// rendering, beyond what fuzz::check_document checks.
//   - the body runs to the end of the input;
//   - the JSON is valid and no object in it repeats a key;
//   - every resolved date in the JSON is RFC 3339;
//   - paragraph text has no control character but the newline (and tab in
//     raw and pre text);
//   - the Markdown rendering, read back as a Markdown body, gives the same
//     content paragraph texts;
//   - the memory allocated while parsing and rendering stays within the
//     bound documented in postparse.h ("Memory"), measured through the
//     sanitizer allocator's hooks (skipped in builds without a sanitizer).
// The input is a post; its length mod 3 picks the text form, and a last
// byte of 0xC0 or more sets small limits (fuzz::apply_trailing_limits).
#include <nlohmann/json.hpp>

#include <set>

#include "common.h"

extern "C" {
// From the sanitizer runtime when there is one (weak: absent otherwise).
__attribute__((weak)) int __sanitizer_install_malloc_and_free_hooks(void (*)(const volatile void *, size_t),
                                                                    void (*)(const volatile void *));
__attribute__((weak)) size_t __sanitizer_get_allocated_size(const volatile void *);
}

namespace {

// Live bytes since the hooks were installed and their peak; single-threaded.
long long g_live = 0, g_peak = 0;

void on_malloc(const volatile void *, size_t size) {
  g_live += static_cast<long long>(size);
  if (g_live > g_peak) g_peak = g_live;
}

void on_free(const volatile void *ptr) {
  if (ptr && __sanitizer_get_allocated_size) g_live -= static_cast<long long>(__sanitizer_get_allocated_size(ptr));
}

bool hooks_installed() {
  static const bool installed = __sanitizer_install_malloc_and_free_hooks && __sanitizer_get_allocated_size &&
                                __sanitizer_install_malloc_and_free_hooks(&on_malloc, &on_free) != 0;
  return installed;
}

// Fails on a repeated key in any object (JSON readers keep only one).
struct UniqueKeys : nlohmann::json_sax<nlohmann::json> {
  std::vector<std::set<std::string>> objects;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t &) override { return true; }
  bool string(string_t &) override { return true; }
  bool binary(binary_t &) override { return true; }
  bool start_object(std::size_t) override {
    objects.emplace_back();
    return true;
  }
  bool key(string_t &k) override {
    FUZZ_CHECK(objects.back().insert(k).second);
    return true;
  }
  bool end_object() override {
    objects.pop_back();
    return true;
  }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) override {
    FUZZ_CHECK(false);
    return false;
  }
};

bool digits(const std::string &s, size_t at, size_t n) {
  if (at + n > s.size()) return false;
  for (size_t i = at; i < at + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

// The n-digit number at `at`, within [low, high]; false when not digits.
bool number_in(const std::string &s, size_t at, size_t n, int low, int high) {
  if (!digits(s, at, n)) return false;
  int v = 0;
  for (size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
  return v >= low && v <= high;
}

// YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM), as RFC 3339 section 5.6,
// with each field in its range (a leap second may be 60; the day is checked
// against 31 only: the corpus test checks real calendar days).
bool is_rfc3339(const std::string &s) {
  if (!(digits(s, 0, 4) && s.size() > 19 && s[4] == '-' && number_in(s, 5, 2, 1, 12) && s[7] == '-' &&
        number_in(s, 8, 2, 1, 31) && (s[10] == 'T' || s[10] == 't') && number_in(s, 11, 2, 0, 23) &&
        s[13] == ':' && number_in(s, 14, 2, 0, 59) && s[16] == ':' && number_in(s, 17, 2, 0, 60)))
    return false;
  size_t i = 19;
  if (i < s.size() && s[i] == '.') {
    size_t start = ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == start) return false;
  }
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) return i + 1 == s.size();
  return i + 6 == s.size() && (s[i] == '+' || s[i] == '-') && number_in(s, i + 1, 2, 0, 23) &&
         s[i + 3] == ':' && number_in(s, i + 4, 2, 0, 59);
}

void check_json(const postparse_doc *doc) {
  std::string json = fuzz::render(&postparse_doc_to_json, doc, 0);
  UniqueKeys keys;
  FUZZ_CHECK(nlohmann::json::sax_parse(json, &keys));
  nlohmann::json parsed = nlohmann::json::parse(json);
  const nlohmann::json &front_matter = parsed["front_matter"];
  if (front_matter.is_object() && front_matter.contains("dates"))
    for (const auto &item : front_matter["dates"].items())
      FUZZ_CHECK(item.value().is_string() && is_rfc3339(item.value().get<std::string>()));
}

// What a Markdown rendering must keep of a paragraph's text: all of it, but
// for the final newlines of a <pre> (a fenced block always ends its last
// line), as tests/roundtrip/check_corpus.py compares.
std::string comparable(postparse_str text, postparse_paragraph_kind kind) {
  std::string out(text.data, text.len);
  if (kind == POSTPARSE_PARAGRAPH_PRE)
    while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

// Checks every paragraph's characters; returns the content paragraphs'
// texts.  Tab is allowed where the text keeps its white space (raw text, pre).
std::vector<std::string> content_texts(const postparse_doc *doc, postparse_text_form form) {
  std::vector<std::string> texts;
  for (size_t i = 0; i < postparse_doc_paragraph_count(doc); ++i) {
    postparse_paragraph p = POSTPARSE_INIT(postparse_paragraph);
    FUZZ_CHECK(postparse_doc_paragraph_at(doc, i, &p) == POSTPARSE_OK);
    postparse_str text = p.text;
    postparse_paragraph_kind kind = p.kind;
    bool tab_allowed = form == POSTPARSE_TEXT_RAW || kind == POSTPARSE_PARAGRAPH_PRE;
    for (size_t j = 0; j < text.len; ++j) {
      unsigned char c = static_cast<unsigned char>(text.data[j]);
      FUZZ_CHECK(c >= 0x20 || c == '\n' || (c == '\t' && tab_allowed));
      FUZZ_CHECK(c != 0x7F);
      // C1 controls, U+0080-U+009F, are C2 80-C2 9F in UTF-8.
      if (c == 0xC2 && j + 1 < text.len) {
        unsigned char d = static_cast<unsigned char>(text.data[j + 1]);
        FUZZ_CHECK(d < 0x80 || d > 0x9F);
      }
    }
    if (!p.boilerplate) texts.push_back(comparable(text, kind));
  }
  return texts;
}

// The content paragraphs, written as Markdown and read back as a Markdown
// body with the same options, are the same texts.
void check_markdown_round_trip(const postparse_doc *doc, const std::vector<std::string> &texts,
                               postparse_text_form form) {
  std::string markdown = fuzz::render(&postparse_doc_to_markdown, doc, 0);
  postparse_options *options = nullptr;
  FUZZ_CHECK(postparse_options_new(&options) == POSTPARSE_OK);
  postparse_options_set_body_format(options, POSTPARSE_BODY_MARKDOWN);
  postparse_options_set_text_form(options, form);
  postparse_options_set_default_profile(options, false);
  postparse_doc *again = fuzz::parse(markdown.data(), markdown.size(), options);
  postparse_options_free(options);
  FUZZ_CHECK(again != nullptr);
  std::vector<std::string> read_back;
  for (size_t i = 0; i < postparse_doc_paragraph_count(again); ++i) {
    postparse_paragraph p = POSTPARSE_INIT(postparse_paragraph);
    FUZZ_CHECK(postparse_doc_paragraph_at(again, i, &p) == POSTPARSE_OK);
    read_back.push_back(comparable(p.text, p.kind));
  }
  FUZZ_CHECK(read_back == texts);
  postparse_doc_free(again);
}

size_t count_nodes(const postparse_doc *doc) {
  size_t n = 0;
  std::vector<const postparse_node *> pending{postparse_doc_body_root(doc)};
  while (!pending.empty()) {
    const postparse_node *node = pending.back();
    pending.pop_back();
    ++n;
    for (const postparse_node *c = postparse_node_first_child(node); c; c = postparse_node_next_sibling(c))
      pending.push_back(c);
  }
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > fuzz::kMaxInput) return 0;
  bool measure = hooks_installed();
  long long baseline = g_live;
  g_peak = g_live;

  const char *text = reinterpret_cast<const char *>(data);
  postparse_options *options = nullptr;
  FUZZ_CHECK(postparse_options_new(&options) == POSTPARSE_OK);
  auto form = static_cast<postparse_text_form>(size % 3);
  postparse_options_set_text_form(options, form);
  size = fuzz::apply_trailing_limits(data, size, options);
  postparse_doc *doc = fuzz::parse(text, size, options);
  postparse_options_free(options);
  if (!doc) return 0;

  postparse_span body;
  FUZZ_CHECK(postparse_doc_body_span(doc, &body) == POSTPARSE_OK);
  FUZZ_CHECK(body.offset + body.length == fuzz::source_len(doc));
  // The library's renderings, then the peak, before this harness's own
  // checks allocate (a parsed JSON tree, key sets) and would count too.
  (void)fuzz::render(&postparse_doc_to_json, doc, 0);
  (void)fuzz::render(&postparse_doc_to_text, doc, POSTPARSE_OUTPUT_BOILERPLATE);
  (void)fuzz::render(&postparse_doc_to_markdown, doc, 0);
  long long peak = g_peak - baseline;
  check_json(doc);
  std::vector<std::string> texts = content_texts(doc, form);
  size_t nodes = count_nodes(doc);
  if (measure) FUZZ_CHECK(peak <= 64LL * static_cast<long long>(size) + 512LL * nodes + (64LL << 20));
  // Raw and NFKC text keep or change what Markdown itself normalises (blanks
  // at a line's start, compatibility characters), so the round trip is a
  // property of the default form.
  if (form == POSTPARSE_TEXT_NFC) check_markdown_round_trip(doc, texts, form);
  postparse_doc_free(doc);
  return 0;
}
