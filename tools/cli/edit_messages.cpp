#include "edit_messages.h"

namespace postparse_cli {

std::string edit_problem(postparse_status status, const std::string &detail) {
  std::string text;
  switch (status) {
    case POSTPARSE_ERR_BAD_PATH:
      text = "not a key path (a JSON pointer such as /title, /tags/0, /params/lastmod, or a top-level key name)";
      break;
    case POSTPARSE_ERR_NOT_FOUND: text = "no such key or list item (parents are never created)"; break;
    case POSTPARSE_ERR_WRONG_KIND:
      text = "the value there is not of the kind this needs (--append needs a list; a path cannot go into a "
             "scalar; --rename needs a key, not a list item)";
      break;
    case POSTPARSE_ERR_KEY_EXISTS: text = "the key '" + detail + "' is already there"; break;
    case POSTPARSE_ERR_EDIT_VERIFY:
      text = "the edited post would not read back as exactly the intended data; nothing written";
      break;
    case POSTPARSE_ERR_NOT_REPRESENTABLE:
      text = "the value cannot be written in " + (detail.empty() ? std::string("this post's format") : detail) +
             " (TOML has no null and 64-bit integers; JSON has no infinity or NaN)";
      break;
    case POSTPARSE_ERR_EDIT_UNSUPPORTED:
      text = "the value is written in a form that is not rewritten in place (a YAML alias, a complex key, a "
             "TOML table replaced by another value...)";
      break;
    case POSTPARSE_ERR_NOT_EDITABLE: text = "the front matter has errors, so edits cannot be checked"; break;
    case POSTPARSE_ERR_INVALID_DATE: text = "the value does not read as a date"; break;
    case POSTPARSE_ERR_SYNTAX: text = "the value is not one JSON value (--type json)"; break;
    case POSTPARSE_ERR_INPUT_TOO_LARGE: text = "larger than --max-input-bytes"; break;
    case POSTPARSE_ERR_FRONT_MATTER_TOO_LARGE:
    case POSTPARSE_ERR_DEPTH_LIMIT:
    case POSTPARSE_ERR_KEY_LIMIT: text = "the edited front matter would pass a limit"; break;
    default: text = "the edit failed"; break;
  }
  return text + " [" + postparse_status_str(status) + "]";
}

}  // namespace postparse_cli
