// Date/time recognition for front-matter values.
//
// Front matter in the wild carries dates in several notations (YAML 1.1
// timestamps, RFC 3339 / ISO 8601, RFC 2822 as produced by mail and feed
// tools, and slash-separated dates).  This module turns any of them into a
// single Instant, keeping enough of what was written (offset, precision,
// whether a time was present) to render it back faithfully.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace date {
class time_zone;
}

namespace postparse::impl::dates {

struct Instant {
  std::int64_t unix_seconds = 0;    // seconds since 1970-01-01T00:00:00Z
  std::int32_t nanoseconds = 0;     // 0..999999999
  std::int32_t offset_seconds = 0;  // UTC offset the time was written in (or the default zone's offset at that instant)
  bool explicit_offset = false;     // true when the text carried Z / +hh:mm / a zone name
  bool has_time = false;            // false for a date-only value such as 2023-05-23
  int fraction_digits = 0;          // digits of fractional seconds as written (0..9)
};

enum class Outcome { ok, not_a_date, invalid_date };

struct Result {
  Outcome outcome = Outcome::not_a_date;
  Instant instant;
  std::string message;  // why, for invalid_date
  // For ok: how a local time that a clock change skipped or repeated was
  // read (which rule applied), to be shown as a warning; empty otherwise.
  std::string warning;
};

// Reads text as a point in time.  Leading/trailing ASCII whitespace is
// ignored.  default_zone is the zone for naive times and date-only values
// (nullptr means UTC).  A local time that a clock change skipped (DST gap)
// is read with the offset before the change, i.e. moved forward by the
// gap (02:30 -> 03:30 -04:00 in America/New_York on 2021-03-14); a time it
// repeated is read as its first occurrence; both set Result::warning.  A
// value whose RFC 3339 text would fall outside the years 0000-9999 is
// invalid_date.  Text shaped like no supported form gives
// not_a_date; a well-shaped value with an impossible field (Feb 30, hour 25,
// leap second, offset hour > 23, unknown zone name, wrong weekday) gives
// invalid_date with a message naming the field.  Never throws; thread-safe.
Result parse(std::string_view text, const date::time_zone *default_zone) noexcept;

// True if text matches the YAML 1.1 timestamp regexp
// (https://yaml.org/type/timestamp.html) in full, used for implicit typing of
// plain scalars.  Pure shape check: no trimming, no range validation.
bool looks_like_yaml_timestamp(std::string_view text) noexcept;

// RFC 3339 rendering in the instant's own offset, e.g.
// 2021-07-31T12:27:53+00:00.  Fractional seconds appear only when non-zero,
// trailing zeros trimmed.  RFC 3339 offsets are whole minutes: an offset
// with a seconds part (local mean time, before zones had standard offsets:
// Asia/Shanghai +08:05:43) is rounded to the nearest minute (+08:06) and
// the clock time shown moves with it (12:00:00+08:05:43 is written
// 12:00:17+08:06), so the text still denotes the same instant.
std::string format_iso8601(const Instant &);

// The offset RFC 3339 text uses for `offset_seconds`, in seconds: rounded
// to the nearest whole minute, halves away from zero, and at most
// 23:59 either way (RFC 3339 offset hours are 00-23, so +23:59:30 is
// written +23:59, not +24:00; the clock time shown moves with it).
std::int32_t rfc3339_offset(std::int32_t offset_seconds) noexcept;

// IANA zone lookup; nullptr when unknown, and for a name that stands for
// the machine's own zone (`localtime`, or any zone file linked through
// /etc/localtime), which is never used.  Never throws.  Thread-safe.
// Defined in zones.cpp.
const date::time_zone *find_zone(std::string_view iana_name) noexcept;

}  // namespace postparse::impl::dates
