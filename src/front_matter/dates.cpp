// Date/time recognition for front-matter values; see dates.h for the contract.
//
// Parsing is split in two phases so each function has one job:
//   1. shape: a hand-written scanner reads the text into raw Fields without
//      judging their ranges (a shape mismatch means "not a date");
//   2. meaning: the Fields are range-checked with date.h (never rolled over)
//      and anchored to UTC with an explicit offset or a tz.h zone.
#include "front_matter/dates.h"

#include <date/date.h>
#include <date/tz.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "common/ascii.h"

namespace postparse::impl::dates {
namespace {

using std::chrono::seconds;

// Cursor over the text.  The primitive readers consume only what they
// matched, and nothing when they fail.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool at_end() const { return pos_ == text_.size(); }
  char peek(std::size_t ahead = 0) const { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }
  bool accept(char c) { return !at_end() && text_[pos_] == c && (++pos_, true); }

  // Reads min..max ASCII digits as a decimal number (count in *count).
  // Stopping at max lets the caller's next expectation reject longer runs.
  bool number(std::size_t min, std::size_t max, int &value, int *count = nullptr) {
    std::size_t n = 0;
    int v = 0;
    for (; n < max && is_ascii_digit(peek(n)); ++n) v = v * 10 + (peek(n) - '0');
    if (n < min) return false;
    pos_ += n;
    value = v;
    if (count != nullptr) *count = static_cast<int>(n);
    return true;
  }

  template <class Pred>
  std::string_view take_while(Pred pred) {
    const std::size_t start = pos_;
    while (!at_end() && pred(text_[pos_])) ++pos_;
    return text_.substr(start, pos_ - start);
  }
  std::size_t blanks() { return take_while(is_space_or_tab).size(); }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

// ---------------------------------------------------------------------------
// Phase 1: shape.

enum class ZoneKind { none, offset, named };

struct Offset { int sign = 1, hours = 0, minutes = 0, seconds = 0; };

// What the text says, unchecked.
struct Fields {
  int year = 0, month = 0, day = 0;
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
  std::int32_t nanoseconds = 0;
  int fraction_digits = 0;
  std::string_view weekday_name;  // RFC 2822 "Sat", empty when absent
  int weekday = -1;               // 0 = Sunday (date::weekday::c_encoding)
  ZoneKind zone = ZoneKind::none;
  Offset offset;               // ZoneKind::offset
  std::string_view zone_name;  // ZoneKind::named
};

constexpr std::array<std::string_view, 12> kMonthNames{
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> kWeekdayNames{
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};

// Index of a name given in full or as its 3-letter abbreviation, any case;
// -1 when unknown.
template <std::size_t N>
int index_of_name(const std::array<std::string_view, N> &names, std::string_view word) {
  for (std::size_t i = 0; i < N; ++i) {
    if (ascii_iequals(word, names[i]) || ascii_iequals(word, names[i].substr(0, 3))) return static_cast<int>(i);
  }
  return -1;
}

// Zone names with a fixed meaning in RFC 2822 (sections 3.3, 4.3), plus the
// ISO 8601 / RFC 3339 designator Z.
struct FixedZone { std::string_view name; int hours; };
constexpr std::array<FixedZone, 12> kFixedZones{{{"UT", 0}, {"UTC", 0}, {"GMT", 0}, {"Z", 0},
                                                 {"EST", -5}, {"EDT", -4}, {"CST", -6}, {"CDT", -5},
                                                 {"MST", -7}, {"MDT", -6}, {"PST", -8}, {"PDT", -7}}};

// Any number of digits; only the first nine (nanoseconds) are kept.  Extra
// digits are truncated, not rounded, so a time never moves to the next second.
void read_fraction(std::string_view digits, Fields &f) {
  f.fraction_digits = static_cast<int>(digits.size() < 9 ? digits.size() : 9);
  f.nanoseconds = 0;
  for (std::size_t i = 0; i < 9; ++i) {
    f.nanoseconds = f.nanoseconds * 10 + (i < digits.size() ? digits[i] - '0' : 0);
  }
}

// h[h]:mm[:ss[.fff]].  One-digit hours as in YAML's "2001-12-15 2:59:43.10".
bool scan_clock(Scanner &s, Fields &f) {
  if (!s.number(1, 2, f.hour) || !s.accept(':') || !s.number(2, 2, f.minute)) return false;
  f.has_time = true;
  if (!s.accept(':')) return true;
  if (!s.number(2, 2, f.second)) return false;
  if (s.accept('.')) read_fraction(s.take_while(is_ascii_digit), f);
  return true;
}

// +h, +hh, +h:mm, +hh:mm, +hhmm (or -), and +hh:mm:ss as format_iso8601
// writes for local mean time.  Ranges are checked later, so "+25:00" is
// reported as a bad offset rather than as "not a date".
bool scan_numeric_offset(Scanner &s, Fields &f) {
  const char sign = s.peek();
  if ((sign != '+' && sign != '-') || !is_ascii_digit(s.peek(1))) return false;
  s.accept(sign);
  Offset o{sign == '-' ? -1 : 1};
  int hour_digits = 0;
  s.number(1, 2, o.hours, &hour_digits);
  const bool colon = s.accept(':');
  if ((colon || (hour_digits == 2 && is_ascii_digit(s.peek()))) && !s.number(2, 2, o.minutes)) return false;
  if (colon && s.accept(':') && !s.number(2, 2, o.seconds)) return false;
  f.zone = ZoneKind::offset;
  f.offset = o;
  return true;
}

// A zone written as a name.  Fixed RFC 2822 names become offsets right
// away; anything else (Asia/Tokyo, Etc/GMT+5) is kept for IANA lookup.
bool scan_zone_name(Scanner &s, Fields &f) {
  if (!is_ascii_alpha(s.peek())) return false;
  const std::string_view name = s.take_while([](char c) { return !is_space_or_tab(c); });
  f.zone = ZoneKind::named;
  f.zone_name = name;
  for (const FixedZone &z : kFixedZones) {
    if (ascii_iequals(name, z.name)) {
      f.zone = ZoneKind::offset;
      f.offset = Offset{z.hours < 0 ? -1 : 1, std::abs(z.hours), 0, 0};
    }
  }
  return true;
}

bool scan_zone(Scanner &s, Fields &f) {
  const char c = s.peek();
  return (c == '+' || c == '-') ? scan_numeric_offset(s, f) : scan_zone_name(s, f);
}

// Go's time.String() writes "-0700 MST" (or "+0530 +0530" for zones without
// an abbreviation).  The trailing label is redundant: the number wins.
bool skip_offset_label(Scanner &s) {
  if (s.blanks() == 0 || s.at_end()) return s.at_end();
  Fields ignored;
  if (is_ascii_alpha(s.peek())) s.take_while(is_ascii_alpha);
  else if (!scan_numeric_offset(s, ignored)) return false;
  return s.at_end();
}

// YYYY-M[M]-D[D] or YYYY/M[M]/D[D], the same separator twice.
bool scan_iso_date(Scanner &s, Fields &f) {
  if (!s.number(4, 4, f.year)) return false;
  const char sep = s.peek();
  if (sep != '-' && sep != '/') return false;
  s.accept(sep);
  return s.number(1, 2, f.month) && s.accept(sep) && s.number(1, 2, f.day);
}

// YAML 1.1 / RFC 3339 / ISO 8601 and the slash variant.  Between date and
// time: T, t or blanks (YAML's "[Tt]|[ \t]+"); blanks may precede the zone
// (YAML's "21:59:43.10 -5").
bool scan_iso(std::string_view text, Fields &f) {
  Scanner s(text);
  if (!scan_iso_date(s, f)) return false;
  if (s.at_end()) return true;
  const bool separated = s.accept('T') || s.accept('t') || s.blanks() > 0;
  if (!separated || !scan_clock(s, f)) return false;
  s.blanks();
  if (s.at_end()) return true;
  if (!scan_zone(s, f)) return false;
  return f.zone == ZoneKind::offset ? skip_offset_label(s) : s.at_end();
}

// Optional "Sat," prefix (the comma is tolerated missing).  Kept so it can
// be checked against the date.
bool scan_rfc2822_weekday(Scanner &s, Fields &f) {
  if (!is_ascii_alpha(s.peek())) return true;
  f.weekday_name = s.take_while(is_ascii_alpha);
  f.weekday = index_of_name(kWeekdayNames, f.weekday_name);
  if (f.weekday < 0) return false;
  const bool comma = s.accept(',');
  return s.blanks() > 0 || comma;
}

// D[D] Mon YYYY
bool scan_rfc2822_date(Scanner &s, Fields &f) {
  if (!s.number(1, 2, f.day) || s.blanks() == 0) return false;
  f.month = index_of_name(kMonthNames, s.take_while(is_ascii_alpha)) + 1;
  return f.month != 0 && s.blanks() > 0 && s.number(4, 4, f.year);
}

// Zone, then an optional comment such as "(CEST)", which carries no meaning.
bool scan_rfc2822_zone(Scanner &s, Fields &f) {
  s.blanks();
  if (s.at_end()) return true;
  if (!scan_zone(s, f)) return false;
  s.blanks();
  if (s.at_end()) return true;
  if (!s.accept('(')) return false;
  s.take_while([](char c) { return c != ')'; });
  return s.accept(')') && s.at_end();
}

// [Day,] D Mon YYYY [hh:mm[:ss] [zone]]
bool scan_rfc2822(std::string_view text, Fields &f) {
  Scanner s(text);
  if (!scan_rfc2822_weekday(s, f) || !scan_rfc2822_date(s, f)) return false;
  if (s.at_end()) return true;
  return s.blanks() > 0 && scan_clock(s, f) && scan_rfc2822_zone(s, f);
}

// ---------------------------------------------------------------------------
// Phase 2: meaning.

std::string num(int v) { return std::to_string(v); }

// "<field> N is out of range lo-hi", or empty when in range.
std::string range_error(const char *field, int v, int lo, int hi) {
  if (v >= lo && v <= hi) return {};
  return std::string(field) + " " + num(v) + " is out of range " + num(lo) + "-" + num(hi);
}

date::year_month_day civil_date(const Fields &f) {
  return date::year_month_day{date::year{f.year}, date::month{static_cast<unsigned>(f.month)},
                              date::day{static_cast<unsigned>(f.day)}};
}

// Runs only once the date is known to exist.
std::string check_weekday(const Fields &f) {
  if (f.weekday < 0) return {};
  const date::weekday actual{date::sys_days{civil_date(f)}};
  if (actual.c_encoding() == static_cast<unsigned>(f.weekday)) return {};
  return "weekday '" + std::string(f.weekday_name) + "' does not match the date, which is a " +
         std::string(kWeekdayNames[actual.c_encoding()]);
}

// First problem in reading order, empty when every field is valid.  The
// calendar date is judged by date.h (leap years included), never rolled over.
std::string validate(const Fields &f) {
  std::string problem = range_error("month", f.month, 1, 12);
  if (problem.empty() && !civil_date(f).ok()) {
    problem = "day " + num(f.day) + " does not exist in month " + num(f.month) + " of year " + num(f.year);
  }
  if (problem.empty() && f.second == 60) problem = "second 60 (leap second) is not supported";
  const struct {
    const char *field;
    int value, lo, hi;
  } ranges[] = {{"hour", f.hour, 0, 23},           {"minute", f.minute, 0, 59},
                {"second", f.second, 0, 59},       {"offset hour", f.offset.hours, 0, 23},
                {"offset minute", f.offset.minutes, 0, 59}, {"offset second", f.offset.seconds, 0, 59}};
  for (const auto &r : ranges) {
    if (problem.empty()) problem = range_error(r.field, r.value, r.lo, r.hi);
  }
  return problem.empty() ? check_weekday(f) : problem;
}

// Appends snprintf output; every use below fits the buffer.
template <class... Args>
void append(std::string &out, const char *fmt, Args... args) {
  char buf[64];
  if (std::snprintf(buf, sizeof buf, fmt, args...) > 0) out += buf;
}

void append_fraction(std::string &out, std::int32_t nanoseconds) {
  if (nanoseconds == 0) return;
  std::string digits;
  append(digits, ".%09ld", static_cast<long>(nanoseconds));
  out += digits.erase(digits.find_last_not_of('0') + 1);
}

// +hh:mm, rounded to the minute (see rfc3339_offset).
void append_offset(std::string &out, std::int32_t offset) {
  const std::int32_t whole_minute_seconds = rfc3339_offset(offset);
  const long magnitude = std::labs(static_cast<long>(whole_minute_seconds));
  append(out, "%c%02ld:%02ld", whole_minute_seconds < 0 ? '-' : '+', magnitude / 3600, magnitude % 3600 / 60);
}

// The local time RFC 3339 text shows for the instant.
date::local_seconds shown_local_time(const Instant &instant) {
  return date::local_seconds{seconds{instant.unix_seconds} + seconds{rfc3339_offset(instant.offset_seconds)}};
}

bool writable(const Instant &instant) {
  const int year = static_cast<int>(date::year_month_day{date::floor<date::days>(shown_local_time(instant))}.year());
  return year >= 0 && year <= 9999;
}

// A wall-clock time pinned to UTC, with the offset in force there; `note`
// says how a local time that a clock change skipped or repeated was read.
struct Anchored {
  date::sys_seconds utc;
  seconds offset;
  std::string note;
};

Anchored anchor_at_offset(date::local_seconds local, const Offset &o) {
  const seconds offset{o.sign * (o.hours * 3600 + o.minutes * 60 + o.seconds)};
  return {date::sys_seconds{local.time_since_epoch() - offset}, offset, {}};
}

std::string offset_text(seconds offset) {
  std::string out = " ";
  append_offset(out, static_cast<std::int32_t>(offset.count()));
  return out;
}

std::string clock_text(date::local_seconds local) {
  return date::format("%F %T", local);
}

// Local time in a zone (nullptr: UTC).  A time a clock change skipped
// (the DST gap) is read with the offset in force before the change, which
// moves it forward by the gap's length (02:30 becomes 03:30 when clocks
// jump from 02:00 to 03:00); a time it repeated is read as its first
// occurrence.  These are RFC 5545's rules, and what JavaScript's Temporal
// calls "compatible" and Python's zoneinfo does with fold=0.
Anchored anchor_in_zone(date::local_seconds local, const date::time_zone *zone) {
  if (zone == nullptr) return anchor_at_offset(local, Offset{});
  const date::local_info info = zone->get_info(local);
  const seconds before = info.first.offset;
  Anchored at{date::sys_seconds{local.time_since_epoch() - before}, before, {}};
  const std::string where = "local time " + clock_text(local) + " in " + zone->name();
  if (info.result == date::local_info::nonexistent) {
    at.offset = info.second.offset;
    at.note = "nonexistent " + where + " (skipped by a clock change); read as " +
              clock_text(date::local_seconds{at.utc.time_since_epoch() + at.offset}) + offset_text(at.offset) +
              " (shifted forward by the gap)";
  } else if (info.result == date::local_info::ambiguous) {
    at.note = "ambiguous " + where + " (repeated by a clock change); read as its first occurrence, " +
              clock_text(local) + offset_text(before) + " (the second is at" + offset_text(info.second.offset) + ")";
  }
  return at;
}

Result invalid(std::string message) { return Result{Outcome::invalid_date, Instant{}, std::move(message), {}}; }

// Explicit offset first, then a zone named in the text, then the default zone.
Result resolve(const Fields &f, const date::time_zone *default_zone) {
  std::string problem = validate(f);
  if (!problem.empty()) return invalid(std::move(problem));
  const date::local_seconds local = date::local_days{civil_date(f)} + std::chrono::hours{f.hour} +
                                    std::chrono::minutes{f.minute} + seconds{f.second};
  const date::time_zone *zone = default_zone;
  if (f.zone == ZoneKind::named && (zone = find_zone(f.zone_name)) == nullptr) {
    return invalid("unknown time zone '" + std::string(f.zone_name) + "'");
  }
  const Anchored at = f.zone == ZoneKind::offset ? anchor_at_offset(local, f.offset) : anchor_in_zone(local, zone);
  const Instant instant{at.utc.time_since_epoch().count(), f.nanoseconds,
                        static_cast<std::int32_t>(at.offset.count()), f.zone != ZoneKind::none,
                        f.has_time, f.fraction_digits};
  if (!writable(instant)) return invalid("it lies outside the years 0000-9999 that RFC 3339 can write");
  return Result{Outcome::ok, instant, {}, at.note};
}

}  // namespace

Result parse(std::string_view text, const date::time_zone *default_zone) noexcept {
  try {
    const std::string_view t = trim_ascii(text, is_c_space);
    Fields f;
    if (scan_iso(t, f)) return resolve(f, default_zone);
    f = Fields{};
    if (scan_rfc2822(t, f)) return resolve(f, default_zone);
    return Result{};
  } catch (...) {
    // Unreadable zone data (or memory exhaustion) must not escape; the
    // message is best effort for the same reason.
    Result r{Outcome::invalid_date, Instant{}, {}, {}};
    try { r.message = "time zone data could not be used"; } catch (...) {}
    return r;
  }
}

// Mirrors the regexp on https://yaml.org/type/timestamp.html, with blanks
// allowed before either kind of zone as its own example "21:59:43.10 -5"
// (and PyYAML) require.
bool looks_like_yaml_timestamp(std::string_view text) noexcept {
  Scanner s(text);
  int v = 0, month_digits = 0, day_digits = 0;
  if (!s.number(4, 4, v) || !s.accept('-') || !s.number(1, 2, v, &month_digits) || !s.accept('-') ||
      !s.number(1, 2, v, &day_digits)) {
    return false;
  }
  if (s.at_end()) return month_digits == 2 && day_digits == 2;  // the ymd form
  if (!s.accept('T') && !s.accept('t') && s.blanks() == 0) return false;
  if (!s.number(1, 2, v) || !s.accept(':') || !s.number(2, 2, v) || !s.accept(':') || !s.number(2, 2, v)) {
    return false;
  }
  if (s.accept('.')) s.take_while(is_ascii_digit);
  if (s.at_end()) return true;
  s.blanks();
  if (s.accept('Z')) return s.at_end();
  if ((!s.accept('+') && !s.accept('-')) || !s.number(1, 2, v)) return false;
  if (s.accept(':') && !s.number(2, 2, v)) return false;
  return s.at_end();
}

std::int32_t rfc3339_offset(std::int32_t offset_seconds) noexcept {
  // RFC 3339's time-numoffset has hours 00-23: rounding +23:59:30 up would
  // give +24:00, which no RFC 3339 reader accepts, so the largest offset
  // text can hold is the limit.  The shown clock time uses this same value,
  // so the text still denotes the exact instant.
  constexpr std::int32_t kLargestSeconds = 23 * 3600 + 59 * 60;
  const std::int32_t rounded_seconds = std::min((std::abs(offset_seconds) + 30) / 60 * 60, kLargestSeconds);
  return offset_seconds < 0 ? -rounded_seconds : rounded_seconds;
}

std::string format_iso8601(const Instant &instant) {
  const date::local_seconds local = shown_local_time(instant);
  const date::local_days day = date::floor<date::days>(local);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<seconds> clock{local - day};
  const int year = static_cast<int>(ymd.year());
  std::string out;
  append(out, "%s%04d-%02u-%02uT%02ld:%02ld:%02ld", year < 0 ? "-" : "", std::abs(year),
         static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
         static_cast<long>(clock.hours().count()), static_cast<long>(clock.minutes().count()),
         static_cast<long>(clock.seconds().count()));
  append_fraction(out, instant.nanoseconds);
  append_offset(out, instant.offset_seconds);
  return out;
}

}  // namespace postparse::impl::dates
