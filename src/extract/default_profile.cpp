// The built-in profile: profiles/default.yaml, compiled into the library so
// that it works without any file installed.
#include "extract/profile.h"

namespace postparse::impl::extract {

std::string_view default_profile_text() {
  static constexpr std::string_view kText =
#include "default_profile.inc"
      ;
  return kText;
}

std::shared_ptr<const Profile> default_profile() {
  // Loaded once, on first use (thread-safe static initialisation); a load
  // error in the shipped file is caught by the unit tests.
  static const std::shared_ptr<const Profile> profile = load_profile(default_profile_text());
  return profile;
}

}  // namespace postparse::impl::extract
