// Which profiles one parse applies.  Owned by the caller's options (the C
// ABI's postparse_options) and handed to the document for its extract
// stage, so that the options of common/ know nothing of profiles.
#pragma once

#include <memory>
#include <vector>

#include "extract/profile.h"

namespace postparse::impl::extract {

struct ProfileSet {
  bool use_default = true;  // the built-in profile first (default_profile())
  // Shared: a compiled profile is immutable, and options are copied freely.
  std::vector<std::shared_ptr<const Profile>> added;

  // The profiles to apply, in order: the built-in one, then those added.
  std::vector<const Profile *> in_order() const {
    std::vector<const Profile *> out;
    if (use_default) out.push_back(default_profile().get());
    for (const auto &profile : added) out.push_back(profile.get());
    return out;
  }
};

}  // namespace postparse::impl::extract
