// Pinned names of the POSTPARSE_* status codes (used by postparse_status_str
// and in the JSON output).
#pragma once

namespace postparse::impl {
const char *status_name(int status);
}
