// --encoding: posts written in a legacy encoding (GBK, Big5, Shift_JIS,
// Latin-1...) decoded to UTF-8 with iconv before they are parsed.
#pragma once

#include <string>

namespace postparse_cli {

// Whether iconv knows `name` as a source encoding.
bool encoding_known(const std::string &name);

// Decodes `bytes` from `name` into UTF-8 in place; false with `problem` set
// when a byte sequence is not valid in that encoding (its offset is named).
bool decode_to_utf8(const std::string &name, std::string &bytes, std::string &problem);

}  // namespace postparse_cli
