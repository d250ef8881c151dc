// The status vocabulary.  The public POSTPARSE_* codes of postparse.h are
// the codes every stage uses, for its diagnostics and its results: there is
// no internal code enum to map, so a stage's code is what the caller sees.
// This names them (postparse_status_str and the JSON output).
#pragma once

namespace postparse::impl {
const char *status_name(int status);
}
