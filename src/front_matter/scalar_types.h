// Typing of YAML scalars: which text is a bool, an int, a float, a null or a
// timestamp.  postparse does this itself rather than through yaml-cpp's
// `as<T>()`, because yaml-cpp mixes YAML 1.1 and 1.2 rules (it reads `yes`
// as true and `0777` as octal under every setting) and we need each schema
// exactly, plus exact big integers.
#pragma once

#include <cstdint>
#include <string_view>

#include "common/options.h"
#include "front_matter/value.h"

namespace postparse::impl {

struct TypedScalar {
  Kind kind = Kind::string;
  bool boolean = false;
  std::int64_t integer = 0;
  bool big = false;
  double floating = 0.0;
};

// The type of an untagged plain scalar under `schema`.
TypedScalar resolve_plain(std::string_view text, YamlSchema schema);

// Reads `text` as the standard type named by `tag` (the part after
// "tag:yaml.org,2002:", e.g. "int").  Returns false when the text does not fit
// the tag or the tag is not a scalar type postparse knows.
bool resolve_tagged(std::string_view tag, std::string_view text, YamlSchema schema,
                    TypedScalar &out);

bool is_null_word(std::string_view text);

}  // namespace postparse::impl
