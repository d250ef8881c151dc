// Differential harness: the same post parsed with options that must not
// change a result has to give the same result.
//   1. Recording HTML parse errors, a huge diagnostic limit and a source
//      name change diagnostics and the JSON's "source" only: paragraphs
//      (text, kind, class, reason) and editorial fields must be identical.
//   2. Without the built-in profile (which never drops paragraphs) the
//      paragraphs must be the same, but for the cuts the profile's patterns
//      make (a boilerplate line off an end of a <br> run, a picture credit
//      off the end of a caption): each paragraph is one or more pieces, in
//      order, of its kind, inside its span, whose texts make up its text
//      but for the blanks, line breaks and bars the cuts fall on.
//   3. The front matter data, written as JSON and read back as a Hugo-style
//      JSON front matter block, must be the same data (a JSON round trip).
//   4. Parsing the input in place (postparse_doc_parse_borrowed) must give
//      the same JSON as parsing a copy.
// A last byte of 0xC0 or more sets the same small limits on every parse
// (fuzz::apply_trailing_limits).
#include <nlohmann/json.hpp>

#include "common.h"

namespace {

struct Paragraph {
  std::string text, reason;
  int kind = 0, level = 0, boilerplate = 0;
  size_t offset = 0, length = 0;
  bool operator==(const Paragraph &o) const {
    return text == o.text && reason == o.reason && kind == o.kind && level == o.level &&
           boilerplate == o.boilerplate && offset == o.offset && length == o.length;
  }
};

std::vector<Paragraph> paragraphs(const postparse_doc *doc, bool with_class) {
  std::vector<Paragraph> out;
  for (size_t i = 0; i < postparse_doc_paragraph_count(doc); ++i) {
    Paragraph p;
    postparse_str text = postparse_doc_paragraph_text(doc, i);
    p.text.assign(text.data, text.len);
    postparse_paragraph read = POSTPARSE_INIT(postparse_paragraph);
    FUZZ_CHECK(postparse_doc_paragraph_at(doc, i, &read) == POSTPARSE_OK);
    p.kind = read.kind;
    p.level = read.level;
    p.offset = read.span.offset, p.length = read.span.length;
    if (with_class) {
      p.boilerplate = read.boilerplate;
      p.reason.assign(read.reason.data, read.reason.len);
    }
    out.push_back(std::move(p));
  }
  return out;
}

// The text without what a cut may take away: blanks, line breaks, bars.
std::string without_cut_marks(const std::string &text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\n' || c == '|') continue;
    if (text.compare(i, 3, "\xEF\xBD\x9C") == 0) {  // ｜
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

// Whether `cut` is `whole` with some paragraphs cut into pieces (see 2.).
bool cut_from(const std::vector<Paragraph> &cut, const std::vector<Paragraph> &whole) {
  size_t k = 0;
  for (const Paragraph &w : whole) {
    std::string target = without_cut_marks(w.text), made;
    do {
      if (k == cut.size()) return false;
      const Paragraph &piece = cut[k++];
      if (piece.kind != w.kind || piece.level != w.level) return false;
      if (piece.offset < w.offset || piece.offset + piece.length > w.offset + w.length) return false;
      made += without_cut_marks(piece.text);
    } while (made.size() < target.size());
    if (made != target) return false;
  }
  return k == cut.size();
}

std::vector<std::string> editorial(const postparse_doc *doc) {
  std::vector<std::string> out;
  for (size_t i = 0; i < postparse_doc_editorial_count(doc); ++i) {
    postparse_editorial m = POSTPARSE_INIT(postparse_editorial);
    FUZZ_CHECK(postparse_doc_editorial_at(doc, i, &m) == POSTPARSE_OK);
    out.push_back(std::string(m.key.data, m.key.len) + '\0' + std::string(m.value.data, m.value.len));
  }
  return out;
}

bool has_error(const postparse_doc *doc) {
  for (size_t i = 0; i < postparse_doc_diagnostic_count(doc); ++i) {
    postparse_diagnostic d = POSTPARSE_INIT(postparse_diagnostic);
    FUZZ_CHECK(postparse_doc_diagnostic_at(doc, i, &d) == POSTPARSE_OK);
    if (d.severity == POSTPARSE_SEVERITY_ERROR || d.code == POSTPARSE_ERR_DIAGNOSTIC_LIMIT) return true;
  }
  return false;
}

void json_round_trip(const postparse_doc *doc) {
  if (postparse_doc_format(doc) == POSTPARSE_FORMAT_NONE || has_error(doc)) return;
  nlohmann::json first = nlohmann::json::parse(fuzz::render(&postparse_doc_to_json, doc, 0), nullptr, false);
  FUZZ_CHECK(!first.is_discarded());  // the library's JSON is always valid JSON
  const nlohmann::json &data = first["front_matter"]["data"];
  if (!data.is_object()) return;
  std::string post = data.dump() + "\n";
  if (post.size() > 256 * 1024) return;  // aliases expanded past the front matter size limit
  postparse_doc *again = fuzz::parse(post.data(), post.size(), nullptr);
  FUZZ_CHECK(again != nullptr);
  FUZZ_CHECK(postparse_doc_format(again) == POSTPARSE_FORMAT_JSON);
  nlohmann::json second = nlohmann::json::parse(fuzz::render(&postparse_doc_to_json, again, 0), nullptr, false);
  FUZZ_CHECK(!second.is_discarded());
  FUZZ_CHECK(second["front_matter"]["data"] == data);
  postparse_doc_free(again);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > fuzz::kMaxInput) return 0;
  const char *text = reinterpret_cast<const char *>(data);
  postparse_options *limits = nullptr;
  FUZZ_CHECK(postparse_options_new(&limits) == POSTPARSE_OK);
  size_t post_size = fuzz::apply_trailing_limits(data, size, limits);
  postparse_doc *plain = fuzz::parse(text, post_size, limits);
  postparse_options_free(limits);
  if (!plain) return 0;

  postparse_options *noisy = nullptr;
  FUZZ_CHECK(postparse_options_new(&noisy) == POSTPARSE_OK);
  (void)fuzz::apply_trailing_limits(data, size, noisy);
  postparse_options_set_html_errors(noisy, true);
  postparse_options_set_limit(noisy, POSTPARSE_LIMIT_DIAGNOSTICS, UINT64_MAX);
  postparse_options_set_source_name(noisy, "other.md", 8);
  postparse_doc *recorded = fuzz::parse(text, post_size, noisy);
  FUZZ_CHECK(recorded != nullptr);
  FUZZ_CHECK(paragraphs(plain, true) == paragraphs(recorded, true));
  FUZZ_CHECK(editorial(plain) == editorial(recorded));

  postparse_options *bare = nullptr;
  FUZZ_CHECK(postparse_options_new(&bare) == POSTPARSE_OK);
  (void)fuzz::apply_trailing_limits(data, size, bare);
  postparse_options_set_default_profile(bare, false);
  postparse_doc *unprofiled = fuzz::parse(text, post_size, bare);
  FUZZ_CHECK(unprofiled != nullptr);
  FUZZ_CHECK(cut_from(paragraphs(plain, false), paragraphs(unprofiled, false)));

  json_round_trip(plain);

  postparse_options *same = nullptr;
  FUZZ_CHECK(postparse_options_new(&same) == POSTPARSE_OK);
  (void)fuzz::apply_trailing_limits(data, size, same);
  postparse_doc *borrowed = nullptr;
  // The borrowed bytes end at an unreadable page: nothing may read past them.
  fuzz::GuardedCopy guarded(text, post_size);
  FUZZ_CHECK(postparse_doc_parse_borrowed(guarded.data(), post_size, same, &borrowed) == POSTPARSE_OK);
  FUZZ_CHECK(fuzz::render(&postparse_doc_to_json, plain, 0) == fuzz::render(&postparse_doc_to_json, borrowed, 0));
  postparse_doc_free(borrowed);
  postparse_options_free(same);

  postparse_doc_free(unprofiled);
  postparse_doc_free(recorded);
  postparse_doc_free(plain);
  postparse_options_free(bare);
  postparse_options_free(noisy);
  return 0;
}
