// The words of a class or id attribute, as page furniture is recognised by:
// split at every character that is not an ASCII letter or digit, and where a
// capital follows a lower-case letter ("appendQr_wrap" -> append, qr, wrap),
// lower-cased.  Whole words are compared so that "equal" never hits "qr".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace postparse::impl::extract {

std::vector<std::string> words_of(std::string_view attr);

}  // namespace postparse::impl::extract
