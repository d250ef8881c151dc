#include "edit/date_spelling.h"

#include <cstdint>
#include <cstdio>

namespace postparse::impl::edit {
namespace {

struct Civil {
  long long year;
  unsigned month, day, hour, minute, second;
  unsigned weekday;  // 0 = Sunday
};

// Howard Hinnant's days-to-civil algorithm.
Civil civil_from(std::int64_t local_seconds) {
  std::int64_t days = local_seconds / 86400;
  std::int64_t rest = local_seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  Civil c{};
  c.weekday = static_cast<unsigned>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
  std::int64_t z = days + 719468;
  std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  auto doe = static_cast<unsigned>(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  c.day = doy - (153 * mp + 2) / 5 + 1;
  c.month = mp < 10 ? mp + 3 : mp - 9;
  c.year = static_cast<long long>(yoe) + era * 400 + (c.month <= 2);
  c.hour = static_cast<unsigned>(rest / 3600);
  c.minute = static_cast<unsigned>(rest % 3600 / 60);
  c.second = static_cast<unsigned>(rest % 60);
  return c;
}

// What a date looked like.
struct Shape {
  bool rfc2822 = false;
  char date_separator = '-';
  bool has_time = true;
  char time_separator = 'T';
  bool seconds = true;
  int fraction_digits = 0;
  enum class Offset { none, z, colon, compact, hours, gmt } offset = Offset::colon;
  bool blank_before_offset = false;
};

bool digit(char c) {
  return c >= '0' && c <= '9';
}

// Reads the shape of an ISO 8601 / YAML timestamp text; false for others.
bool iso_shape(std::string_view t, Shape &s) {
  std::size_t i = 0;
  while (i < t.size() && digit(t[i])) ++i;
  if (i != 4 || i >= t.size() || (t[i] != '-' && t[i] != '/')) return false;
  s.date_separator = t[i];
  while (i < t.size() && (digit(t[i]) || t[i] == s.date_separator)) ++i;
  s.has_time = i < t.size();
  if (!s.has_time) {
    s.offset = Shape::Offset::none;
    return true;
  }
  s.time_separator = t[i] == ' ' || t[i] == '\t' ? ' ' : t[i];
  while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == 'T' || t[i] == 't')) ++i;
  std::size_t colons = 0;
  while (i < t.size() && (digit(t[i]) || t[i] == ':')) colons += t[i++] == ':';
  s.seconds = colons >= 2;
  s.fraction_digits = 0;
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && digit(t[i])) ++i, ++s.fraction_digits;
  }
  s.blank_before_offset = i < t.size() && t[i] == ' ';
  while (i < t.size() && t[i] == ' ') ++i;
  std::string_view zone = t.substr(i);
  if (zone.empty())
    s.offset = Shape::Offset::none;
  else if (zone == "Z" || zone == "z")
    s.offset = Shape::Offset::z;
  else if (zone.find(':') != std::string_view::npos)
    s.offset = Shape::Offset::colon;
  else if (zone.size() == 5)
    s.offset = Shape::Offset::compact;
  else if (zone.size() <= 3)
    s.offset = Shape::Offset::hours;
  else
    return false;
  return true;
}

bool rfc2822_shape(std::string_view t, Shape &s) {
  if (t.size() < 20 || t.find(',') == std::string_view::npos || digit(t[0])) return false;
  s.rfc2822 = true;
  s.offset = t.substr(t.size() - 3) == "GMT" || t.substr(t.size() - 3) == "UTC" ? Shape::Offset::gmt
                                                                                : Shape::Offset::compact;
  return true;
}

std::string offset_text(std::int32_t offset, Shape::Offset form) {
  if (form == Shape::Offset::z && offset == 0) return "Z";
  if (form == Shape::Offset::gmt && offset == 0) return "GMT";
  char sign = offset < 0 ? '-' : '+';
  std::int32_t a = offset < 0 ? -offset : offset;
  char buf[16];
  if (form == Shape::Offset::compact || form == Shape::Offset::gmt)
    std::snprintf(buf, sizeof buf, "%c%02d%02d", sign, a / 3600, a % 3600 / 60);
  else if (form == Shape::Offset::hours && a % 3600 == 0)
    std::snprintf(buf, sizeof buf, "%c%02d", sign, a / 3600);
  else
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign, a / 3600, a % 3600 / 60);
  return buf;
}

std::string spell(const dates::Instant &instant, Shape shape) {
  std::int32_t offset = dates::rfc3339_offset(instant.offset_seconds);
  Civil c = civil_from(instant.unix_seconds + offset);
  if (c.year < 0 || c.year > 9999) return {};
  if (!instant.has_time) shape.has_time = false;
  // A time of day never goes lost in the spelling of a date alone: it is
  // written as RFC 3339 writes it.
  if (instant.has_time && !shape.has_time && !shape.rfc2822) shape.has_time = true, shape.seconds = true;
  if (instant.explicit_offset && shape.offset == Shape::Offset::none && shape.has_time)
    shape.offset = Shape::Offset::colon;
  char buf[96];
  if (shape.rfc2822) {
    static const char *const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char *const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::snprintf(buf, sizeof buf, "%s, %02u %s %04lld %02u:%02u:%02u ", kDays[c.weekday], c.day,
                  kMonths[c.month - 1], c.year, c.hour, c.minute, c.second);
    return buf + offset_text(offset, shape.offset);
  }
  std::snprintf(buf, sizeof buf, "%04lld%c%02u%c%02u", c.year, shape.date_separator, c.month,
                shape.date_separator, c.day);
  std::string out = buf;
  if (!shape.has_time) return out;
  std::snprintf(buf, sizeof buf, "%c%02u:%02u", shape.time_separator, c.hour, c.minute);
  out += buf;
  int digits = shape.fraction_digits;
  if (!shape.seconds && (c.second != 0 || instant.nanoseconds != 0)) shape.seconds = true;
  if (shape.seconds) {
    std::snprintf(buf, sizeof buf, ":%02u", c.second);
    out += buf;
    // Keep the digits written before, more when the new time needs them.
    std::snprintf(buf, sizeof buf, "%09d", instant.nanoseconds);
    int needed = 9;
    while (needed > 0 && buf[needed - 1] == '0') --needed;
    if (needed > digits) digits = needed;
    if (digits > 0) out += "." + std::string(buf, static_cast<std::size_t>(digits));
  }
  if (shape.offset == Shape::Offset::none) return out;
  if (shape.blank_before_offset) out += ' ';
  return out + offset_text(offset, shape.offset);
}

}  // namespace

std::string spell_date(const dates::Instant &instant, std::string_view old_text) {
  if (instant.offset_seconds <= -86400 || instant.offset_seconds >= 86400 || instant.nanoseconds < 0 ||
      instant.nanoseconds > 999999999)
    return {};
  Shape shape;
  bool known = iso_shape(old_text, shape) || rfc2822_shape(old_text, shape);
  if (!known) {
    shape = Shape{};
    if (!instant.explicit_offset) shape.offset = Shape::Offset::none;
  }
  return spell(instant, shape);
}

}  // namespace postparse::impl::edit
