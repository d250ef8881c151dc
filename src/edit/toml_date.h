// Whether a text is a TOML date, time or date-time literal.
#pragma once

#include <string_view>

namespace postparse::impl::edit {

// True when `text`, written bare after `key = `, is read by TOML (toml++)
// as an offset or local date-time, or a local date.
bool is_toml_date(std::string_view text);

}  // namespace postparse::impl::edit
