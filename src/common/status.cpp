#include "common/status.h"

#include <iterator>

namespace postparse::impl {

const char *status_name(int status) {
  // Index = status code.  Names are part of the contract: never renamed.
  static const char *const kNames[] = {
      "ok",           "invalid_argument", "no_memory",      "internal",
      "input_too_large", "front_matter_too_large", "depth_limit", "alias_limit",
      "key_limit",    "syntax",           "duplicate_key",  "not_a_mapping",
      "unterminated", "invalid_date",     "unknown_timezone", "wrong_kind",
      "not_found",    "out_of_range",     "bad_tag",        "diagnostic_limit",
      "xpath",        "node_limit",       "attribute_limit", "html",
      "profile",      "regex",            "bad_path",       "key_exists",
      "edit_verify",  "not_representable", "edit_unsupported", "not_editable"};
  if (status < 0 || status >= static_cast<int>(std::size(kNames))) return "unknown";
  return kNames[status];
}

}  // namespace postparse::impl
