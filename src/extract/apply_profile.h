// Applying profiles to an extraction: the rules' XPath selections and RE2
// patterns decide classes, drop paragraphs and capture metadata.
#pragma once

#include <string>
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

// The reason `text` (normalised), as a paragraph of its own, is
// boilerplate by the pattern rules of `profiles` (paragraph rules with a
// `match` and no `select`: markup is not known for a line), later rules
// winning as in apply_profiles; empty when it is content.
std::string boilerplate_reason_by_patterns(const std::vector<const Profile *> &profiles, const std::string &text);

}  // namespace postparse::impl::extract
