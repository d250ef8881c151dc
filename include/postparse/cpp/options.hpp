// postparse/cpp/options.hpp — profiles (site rules as YAML) and parse
// options.  Included by postparse/postparse.hpp.
#ifndef POSTPARSE_CPP_OPTIONS_HPP
#define POSTPARSE_CPP_OPTIONS_HPP

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "postparse/cpp/core.hpp"

namespace postparse {

// A compiled profile (see postparse_profile_load).
// Ownership: owns its postparse_profile (released by postparse_profile_free);
// move-only.  Names, messages and diagnostics are borrowed from it.
// Threads: immutable; may be read and added to options from any number of
// threads at once.
// Errors: load() does not throw for a profile with mistakes: status() is the
// code of its first error, ok() tells, diagnostics() give each with its line
// and column, and rules with errors are left out; throw_on_error() turns the
// first error into an Error.
class Profile {
 public:
  // Compiles `yaml` (copied).  max_bytes 0: POSTPARSE_PROFILE_MAX_BYTES_DEFAULT.
  // Throws Error when no profile is made: POSTPARSE_ERR_INPUT_TOO_LARGE for a
  // larger text, POSTPARSE_ERR_NO_MEMORY.
  static Profile load(std::string_view yaml, std::size_t max_bytes = 0) {
    postparse_profile *raw = nullptr;
    Status status = max_bytes == 0 ? postparse_profile_load(yaml.data(), yaml.size(), &raw)
                                   : postparse_profile_load_limited(yaml.data(), yaml.size(), max_bytes, &raw);
    if (!raw) throw Error(status);
    return Profile(raw, status);
  }

  // The built-in profile's YAML text (static), to copy and adapt.
  static std::string_view default_text() noexcept {
    std::size_t len = 0;
    const char *text = postparse_default_profile_text(&len);
    return std::string_view(text, len);
  }

  // POSTPARSE_OK, or the code of the first error diagnostic.
  Status status() const noexcept { return status_; }
  bool ok() const noexcept { return status_ == POSTPARSE_OK; }
  // Throws Error(status(), "LINE:COLUMN: message") for the first error.
  void throw_on_error() const {
    if (ok()) return;
    for (const Diagnostic &d : diagnostics())
      if (d.severity == POSTPARSE_SEVERITY_ERROR)
        throw Error(status_, std::to_string(d.line) + ":" + std::to_string(d.column) + ": " +
                                 std::string(to_view(d.message)));
    throw Error(status_);
  }

  // The profile's `profile:` name; empty if none.
  std::string_view name() const noexcept { return to_view(postparse_profile_name(raw_.get())); }
  // Usable rules (rules with errors are not counted).
  std::size_t rule_count() const noexcept { return postparse_profile_rule_count(raw_.get()); }
  std::size_t diagnostic_count() const noexcept { return postparse_profile_diagnostic_count(raw_.get()); }
  // Every diagnostic, positions in the profile's text (part
  // POSTPARSE_PART_PROFILE).  Cost: one copy per diagnostic.
  std::vector<Diagnostic> diagnostics() const {
    std::vector<Diagnostic> out(diagnostic_count(), POSTPARSE_INIT(postparse_diagnostic));
    for (std::size_t i = 0; i < out.size(); ++i) check(postparse_profile_diagnostic_at(raw_.get(), i, &out[i]));
    return out;
  }
  const postparse_profile *get() const noexcept { return raw_.get(); }

 private:
  struct Free {
    void operator()(postparse_profile *profile) const noexcept { postparse_profile_free(profile); }
  };
  Profile(postparse_profile *raw, Status status) : raw_(raw), status_(status) {}
  std::unique_ptr<postparse_profile, Free> raw_;
  Status status_;
};

// How posts are parsed (postparse_options_*).  Setters return *this for
// chaining and throw Error when the C setter fails (e.g.
// POSTPARSE_ERR_UNKNOWN_TIMEZONE), leaving the options unchanged.
// Ownership: owns its postparse_options; move-only.  Documents parsed with
// it and profiles added to it do not depend on it afterwards.
// Threads: may be shared read-only by concurrent parses; must not be changed
// while a parse that uses it is running.
class Options {
 public:
  Options() {
    postparse_options *raw = nullptr;
    check(postparse_options_new(&raw));
    raw_.reset(raw);
  }

  // A copy with every setting (profiles shared).  Thread-safe against
  // parses using this object.
  Options clone() const {
    postparse_options *raw = nullptr;
    check(postparse_options_clone(raw_.get(), &raw));
    return Options(raw);
  }

  Options &yaml_schema(postparse_yaml_schema schema) {
    check(postparse_options_set_yaml_schema(raw(), schema));
    return *this;
  }
  Options &duplicate_keys(postparse_duplicate_keys policy) {
    check(postparse_options_set_duplicate_keys(raw(), policy));
    return *this;
  }
  Options &timezone(std::string_view iana) {
    check(postparse_options_set_timezone(raw(), iana.data(), iana.size()), iana);
    return *this;
  }
  Options &limit(postparse_limit which, std::uint64_t value) {
    check(postparse_options_set_limit(raw(), which, value));
    return *this;
  }
  std::uint64_t limit(postparse_limit which) const {
    std::uint64_t value = 0;
    check(postparse_options_get_limit(raw_.get(), which, &value));
    return value;
  }
  Options &hexo_unfenced(bool enable) {
    check(postparse_options_set_hexo_unfenced(raw(), enable));
    return *this;
  }
  Options &html_mode(postparse_html_mode mode) {
    check(postparse_options_set_html_mode(raw(), mode));
    return *this;
  }
  Options &html_errors(bool enable) {
    check(postparse_options_set_html_errors(raw(), enable));
    return *this;
  }
  Options &scripting(bool enable) {
    check(postparse_options_set_scripting(raw(), enable));
    return *this;
  }
  Options &source_name(std::string_view name) {
    check(postparse_options_set_source_name(raw(), name.data(), name.size()));
    return *this;
  }
  Options &body_format(postparse_body_format format) {
    check(postparse_options_set_body_format(raw(), format));
    return *this;
  }
  Options &text_form(postparse_text_form form) {
    check(postparse_options_set_text_form(raw(), form));
    return *this;
  }
  // Applies `profile` after the built-in one and those added before; the
  // options share it, so `profile` may be destroyed at once.
  Options &add_profile(const Profile &profile) {
    check(postparse_options_add_profile(raw(), profile.get()));
    return *this;
  }
  // Turns the built-in profile on (default) or off.
  Options &default_profile(bool enable) {
    check(postparse_options_set_default_profile(raw(), enable));
    return *this;
  }
  const postparse_options *get() const noexcept { return raw_.get(); }

 private:
  struct Free {
    void operator()(postparse_options *options) const noexcept { postparse_options_free(options); }
  };
  explicit Options(postparse_options *adopted) noexcept { raw_.reset(adopted); }
  // A moved-from Options has no object: its setters throw
  // POSTPARSE_ERR_INVALID_ARGUMENT (the C setters' answer to NULL).
  postparse_options *raw() { return raw_.get(); }
  std::unique_ptr<postparse_options, Free> raw_;
};

}  // namespace postparse

#endif  // POSTPARSE_CPP_OPTIONS_HPP
