// postparse.hpp — a header-only C++17 wrapper over the C ABI in postparse.h.
//
// RAII ownership for options and documents, std::string_view for strings,
// exceptions (postparse::Error) for failed calls.  It adds no state of its
// own: thread safety and lifetimes are those documented in postparse.h —
// a Value is borrowed from its Document and must not outlive it.
#ifndef POSTPARSE_POSTPARSE_HPP
#define POSTPARSE_POSTPARSE_HPP

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "postparse/postparse.h"

namespace postparse {

// A failed call: `status()` is the POSTPARSE_ERR_* code.
class Error : public std::runtime_error {
 public:
  explicit Error(int status)
      : std::runtime_error(std::string("postparse: ") + postparse_status_str(status)), status_(status) {}
  int status() const noexcept { return status_; }

 private:
  int status_;
};

inline void check(int status) {
  if (status != POSTPARSE_OK) throw Error(status);
}

inline std::string_view to_view(postparse_str s) noexcept { return {s.data, s.len}; }

// A compiled profile (see postparse_profile_load).  load() never throws for
// a bad profile: check ok() and diagnostics(); rules with errors are left out.
class Profile {
 public:
  // max_bytes 0: POSTPARSE_PROFILE_MAX_BYTES_DEFAULT.  Throws Error
  // (POSTPARSE_ERR_INPUT_TOO_LARGE) for a larger text.
  static Profile load(std::string_view yaml, std::size_t max_bytes = 0) {
    postparse_profile *raw = nullptr;
    int status = postparse_profile_load_limited(yaml.data(), yaml.size(), max_bytes, &raw);
    if (!raw) throw Error(status);
    return Profile(raw);
  }
  bool ok() const noexcept {
    for (const postparse_diagnostic &d : diagnostics())
      if (d.severity == POSTPARSE_SEVERITY_ERROR) return false;
    return true;
  }
  std::string_view name() const noexcept { return to_view(postparse_profile_name(raw_.get())); }
  std::size_t rule_count() const noexcept { return postparse_profile_rule_count(raw_.get()); }
  std::vector<postparse_diagnostic> diagnostics() const noexcept {
    std::vector<postparse_diagnostic> out;
    postparse_diagnostic d = POSTPARSE_INIT(postparse_diagnostic);
    for (std::size_t i = 0; postparse_profile_diagnostic_at(raw_.get(), i, &d) == POSTPARSE_OK; ++i) out.push_back(d);
    return out;
  }
  const postparse_profile *get() const noexcept { return raw_.get(); }

 private:
  explicit Profile(postparse_profile *raw) : raw_(raw, &postparse_profile_free) {}
  std::unique_ptr<postparse_profile, decltype(&postparse_profile_free)> raw_;
};

class Options {
 public:
  Options() { check(postparse_options_new(&raw_)); }
  ~Options() { postparse_options_free(raw_); }
  Options(const Options &) = delete;
  Options &operator=(const Options &) = delete;
  Options(Options &&other) noexcept : raw_(other.raw_) { other.raw_ = nullptr; }
  Options &operator=(Options &&other) noexcept {
    std::swap(raw_, other.raw_);
    return *this;
  }

  Options &yaml_schema(postparse_yaml_schema schema) {
    check(postparse_options_set_yaml_schema(raw_, schema));
    return *this;
  }
  Options &duplicate_keys(postparse_duplicate_keys policy) {
    check(postparse_options_set_duplicate_keys(raw_, policy));
    return *this;
  }
  Options &timezone(std::string_view iana) {
    check(postparse_options_set_timezone(raw_, iana.data(), iana.size()));
    return *this;
  }
  Options &limit(postparse_limit which, std::uint64_t value) {
    check(postparse_options_set_limit(raw_, which, value));
    return *this;
  }
  std::uint64_t limit(postparse_limit which) const {
    std::uint64_t value = 0;
    check(postparse_options_get_limit(raw_, which, &value));
    return value;
  }
  Options &hexo_unfenced(bool enable) {
    check(postparse_options_set_hexo_unfenced(raw_, enable));
    return *this;
  }
  Options &html_mode(postparse_html_mode mode) {
    check(postparse_options_set_html_mode(raw_, mode));
    return *this;
  }
  Options &html_errors(bool enable) {
    check(postparse_options_set_html_errors(raw_, enable));
    return *this;
  }
  Options &scripting(bool enable) {
    check(postparse_options_set_scripting(raw_, enable));
    return *this;
  }
  Options &source_name(std::string_view name) {
    check(postparse_options_set_source_name(raw_, name.data(), name.size()));
    return *this;
  }
  Options &body_format(postparse_body_format format) {
    check(postparse_options_set_body_format(raw_, format));
    return *this;
  }
  Options &text_form(postparse_text_form form) {
    check(postparse_options_set_text_form(raw_, form));
    return *this;
  }
  Options &add_profile(const Profile &profile) {
    check(postparse_options_add_profile(raw_, profile.get()));
    return *this;
  }
  Options &default_profile(bool enable) {
    check(postparse_options_set_default_profile(raw_, enable));
    return *this;
  }
  const postparse_options *get() const noexcept { return raw_; }

 private:
  postparse_options *raw_ = nullptr;
};

// A borrowed view of one front matter value; cheap to copy.  A default or
// missing Value is falsy.
class Value {
 public:
  Value() = default;
  explicit Value(const postparse_value *raw) : raw_(raw) {}
  explicit operator bool() const noexcept { return raw_ != nullptr; }

  postparse_kind kind() const noexcept { return postparse_value_kind(raw_); }
  postparse_style style() const noexcept { return postparse_value_style(raw_); }
  std::string_view text() const noexcept { return to_view(postparse_value_text(raw_)); }
  std::string_view raw_text() const noexcept { return to_view(postparse_value_raw(raw_)); }
  std::string_view tag() const noexcept { return to_view(postparse_value_tag(raw_)); }
  postparse_span span() const noexcept { return postparse_value_span(raw_); }
  bool as_bool() const {
    bool b = false;
    check(postparse_value_bool(raw_, &b));
    return b;
  }
  std::int64_t as_int() const {
    std::int64_t i = 0;
    check(postparse_value_int(raw_, &i));
    return i;
  }
  double as_double() const {
    double d = 0;
    check(postparse_value_float(raw_, &d));
    return d;
  }
  bool is_big() const noexcept { return postparse_value_is_big(raw_); }
  // The value read as a time, or nullopt when it is not a date (collections,
  // text that is no date, impossible dates).
  std::optional<postparse_time> as_time() const {
    postparse_time t = POSTPARSE_INIT(postparse_time);
    int status = postparse_value_time(raw_, &t);
    if (status == POSTPARSE_ERR_NOT_FOUND || status == POSTPARSE_ERR_INVALID_DATE ||
        status == POSTPARSE_ERR_WRONG_KIND)
      return std::nullopt;
    check(status);
    return t;
  }
  std::size_t size() const noexcept { return postparse_value_count(raw_); }
  Value operator[](std::size_t index) const noexcept { return Value(postparse_value_at(raw_, index)); }
  Value operator[](std::string_view key) const noexcept {
    return Value(postparse_value_get(raw_, key.data(), key.size()));
  }
  Value key_at(std::size_t index) const noexcept { return Value(postparse_value_key_at(raw_, index)); }
  const postparse_value *get() const noexcept { return raw_; }

 private:
  const postparse_value *raw_ = nullptr;
};

inline std::string format_time(const postparse_time &t) {
  char buf[64];
  std::size_t n = postparse_time_format(&t, buf, sizeof buf);
  return std::string(buf, n);
}

class Document {
 public:
  // Parses a post; throws Error only when no document can be made (input
  // too large, out of memory).  Problems in the post are diagnostics().
  static Document parse(std::string_view bytes, const Options *options = nullptr) {
    postparse_doc *raw = nullptr;
    check(postparse_doc_parse(bytes.data(), bytes.size(), options ? options->get() : nullptr, &raw));
    return Document(raw);
  }

  postparse_format format() const noexcept { return postparse_doc_format(raw_.get()); }
  Value front_matter() const noexcept { return Value(postparse_doc_front_matter(raw_.get())); }
  std::string_view body() const noexcept { return to_view(postparse_doc_body(raw_.get())); }
  std::string_view source() const noexcept { return to_view(postparse_doc_source(raw_.get())); }
  postparse_span body_span() const {
    postparse_span s{};
    check(postparse_doc_body_span(raw_.get(), &s));
    return s;
  }
  std::optional<postparse_span> front_matter_span() const {
    postparse_span s{};
    if (postparse_doc_front_matter_span(raw_.get(), &s) != POSTPARSE_OK) return std::nullopt;
    return s;
  }
  std::vector<postparse_diagnostic> diagnostics() const {
    std::vector<postparse_diagnostic> out(postparse_doc_diagnostic_count(raw_.get()),
                                          POSTPARSE_INIT(postparse_diagnostic));
    for (std::size_t i = 0; i < out.size(); ++i) check(postparse_doc_diagnostic_at(raw_.get(), i, &out[i]));
    return out;
  }
  std::string to_json() const { return render(&postparse_doc_to_json, 0); }
  std::string to_text(unsigned flags = 0) const { return render(&postparse_doc_to_text, flags); }
  std::string to_markdown(unsigned flags = 0) const { return render(&postparse_doc_to_markdown, flags); }
  const postparse_doc *get() const noexcept { return raw_.get(); }

 private:
  explicit Document(postparse_doc *raw) : raw_(raw, &postparse_doc_free) {}
  template <class Renderer>
  std::string render(Renderer renderer, unsigned flags) const {
    char *buf = nullptr;
    std::size_t len = 0;
    check(renderer(raw_.get(), flags, &buf, &len));
    std::unique_ptr<char, decltype(&postparse_free)> owned(buf, &postparse_free);
    return std::string(buf, len);
  }
  std::unique_ptr<postparse_doc, decltype(&postparse_doc_free)> raw_;
};

}  // namespace postparse

#endif  // POSTPARSE_POSTPARSE_HPP
