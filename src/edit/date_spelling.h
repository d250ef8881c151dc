// Writing a new point in time in the spelling of the date it replaces, so
// that `date: 2021-07-31 12:27:53` stays in that shape.
#pragma once

#include <string>
#include <string_view>

#include "front_matter/dates.h"

namespace postparse::impl::edit {

// `instant` in the shape of `old_text` (ISO 8601 / YAML timestamp forms:
// date separator, date-time separator, seconds, fraction digits, offset
// form and the blank before it; RFC 2822 forms), or as RFC 3339 when
// `old_text` is no date postparse reads (a date alone without has_time, no
// offset without explicit_offset).  A time replacing a date alone is
// written with its time (2022-01-01T05:06:07Z), never cut to the date.  Empty when the instant is outside the
// years 0000-9999 or its offset is a day or more.
std::string spell_date(const dates::Instant &instant, std::string_view old_text);

}  // namespace postparse::impl::edit
