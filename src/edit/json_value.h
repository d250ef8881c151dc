// A value given as JSON text (any scalar, array or object), read with
// postparse's own JSON reader, for postparse_edit_set_json.
#pragma once

#include <string_view>

#include "common/options.h"
#include "edit/splicer.h"
#include "split/split.h"

namespace postparse::impl::edit {

// Reads `json` into `out`, as format `format` holds it (a scalar, a list of
// scalars, or a tree).  POSTPARSE_ERR_SYNTAX when it is not one JSON value;
// a limit's status (depth, keys) past the options' limits;
// POSTPARSE_ERR_NOT_REPRESENTABLE when the format cannot hold it (null in
// TOML).
int json_value(std::string_view json, Format format, const Options &options, NewValue &out);

}  // namespace postparse::impl::edit
