// postparse_time_*: writing a point in time as RFC 3339.
#include <cstring>

#include "capi/handles.h"
#include "front_matter/dates.h"

namespace impl = postparse::impl;

extern "C" {

size_t postparse_time_format(const postparse_time *time, char *buf, size_t size) noexcept {
  if (!postparse::capi::fits(time) || !buf) return 0;
  // Years 0000-9999, offsets under a day: what ISO 8601 text can hold.
  constexpr int64_t kMin = -62167219200, kMax = 253402300799;
  if (time->nanoseconds < 0 || time->nanoseconds > 999999999 || time->offset_seconds <= -86400 ||
      time->offset_seconds >= 86400)
    return 0;
  // The clock time shown uses the offset rounded to the minute (RFC 3339).
  if (time->unix_seconds < kMin - 86400 || time->unix_seconds > kMax + 86400) return 0;
  const int64_t shown = time->unix_seconds + impl::dates::rfc3339_offset(time->offset_seconds);
  if (shown < kMin || shown > kMax) return 0;
  try {
    impl::dates::Instant instant;
    instant.unix_seconds = time->unix_seconds;
    instant.nanoseconds = time->nanoseconds;
    instant.offset_seconds = time->offset_seconds;
    instant.explicit_offset = time->explicit_offset;
    instant.has_time = time->has_time;
    instant.fraction_digits = time->nanoseconds ? 9 : 0;
    std::string text = impl::dates::format_iso8601(instant);
    if (text.size() + 1 > size) return 0;
    std::memcpy(buf, text.c_str(), text.size() + 1);
    return text.size();
  } catch (...) {
    return 0;
  }
}

}  // extern "C"
