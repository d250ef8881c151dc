// Classification by generic signals: which paragraphs are content and which
// are boilerplate (with a machine-readable reason).  Site and language
// knowledge (editorial lines, promos) is in profiles, see apply_profile.h.
#pragma once

#include <string>
#include <vector>

#include "extract/paragraph.h"

namespace postparse::impl::extract {

// Applies the generic signals to `extraction` in place:
// - a block or ancestor whose class/id has one of `markers` as a word
//   (the profiles' furniture words: QR codes, share bars, copyright, related
//   links, ads) makes its paragraphs and images boilerplate ("marker:<word>");
// - short paragraphs made mostly of link text are boilerplate
//   ("link-density").
void classify(Extraction &extraction, const std::vector<std::string> &markers);

}  // namespace postparse::impl::extract
