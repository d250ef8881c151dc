// Applying profiles to an extraction: the rules' XPath selections and RE2
// patterns decide classes, drop paragraphs and capture metadata.
#pragma once

#include <vector>

#include "extract/paragraph.h"
#include "extract/profile.h"

namespace postparse::impl::extract {

// Applies every rule of `profiles`, in order (later rules win over earlier
// ones and over the generic signals), to `extraction`, whose paragraphs and
// images point into the DOM of `root`, from which XPath is evaluated.
// Fills extraction.metadata and, from it, extraction.editorial.
void apply_profiles(Extraction &extraction, pugi::xml_node root,
                    const std::vector<const Profile *> &profiles);

}  // namespace postparse::impl::extract
