// postparse_profile_*: loading profiles and reading what loading found.
#include <algorithm>

#include "capi/handles.h"
#include "extract/profile.h"

using postparse::capi::guarded;
using postparse::capi::view;
namespace impl = postparse::impl;

extern "C" {

postparse_status postparse_profile_load(const char *yaml, size_t len, postparse_profile **out) noexcept {
  return postparse_profile_load_limited(yaml, len, 0, out);
}

postparse_status postparse_profile_load_limited(const char *yaml, size_t len, size_t max_bytes, postparse_profile **out) noexcept {
  if (!out) return POSTPARSE_ERR_INVALID_ARGUMENT;
  *out = nullptr;
  if (!yaml && len > 0) return POSTPARSE_ERR_INVALID_ARGUMENT;
  if (len > (max_bytes != 0 ? max_bytes : POSTPARSE_PROFILE_MAX_BYTES_DEFAULT)) return POSTPARSE_ERR_INPUT_TOO_LARGE;
  return guarded([&] {
    auto handle = std::make_unique<postparse_profile>();
    handle->profile = impl::extract::load_profile(std::string_view(yaml ? yaml : "", len));
    const auto &diagnostics = handle->profile->diagnostics;
    auto first_error = std::find_if(diagnostics.begin(), diagnostics.end(), [](const impl::Diagnostic &d) {
      return d.severity == impl::Severity::error;
    });
    *out = handle.release();
    return first_error == diagnostics.end() ? POSTPARSE_OK : first_error->code;
  });
}

void postparse_profile_free(postparse_profile *profile) noexcept { delete profile; }

postparse_str postparse_profile_name(const postparse_profile *profile) noexcept {
  return profile ? view(profile->profile->name) : view({});
}

size_t postparse_profile_rule_count(const postparse_profile *profile) noexcept {
  return profile ? profile->profile->rules.size() : 0;
}

size_t postparse_profile_diagnostic_count(const postparse_profile *profile) noexcept {
  return profile ? profile->profile->diagnostics.size() : 0;
}

postparse_status postparse_profile_diagnostic_at(const postparse_profile *profile, size_t index,
                                                 postparse_diagnostic *out) noexcept {
  if (!profile || !postparse::capi::fits(out)) return POSTPARSE_ERR_INVALID_ARGUMENT;
  const auto &all = profile->profile->diagnostics;
  if (index >= all.size()) return POSTPARSE_ERR_NOT_FOUND;
  postparse::capi::fill(out, postparse::capi::to_public(all[index]));
  return POSTPARSE_OK;
}

const char *postparse_default_profile_text(size_t *len) noexcept {
  std::string_view text = impl::extract::default_profile_text();
  if (len) *len = text.size();
  return text.data();  // a string literal: NUL-terminated
}

}  // extern "C"
