#include "front_matter/dates.h"

#include "postparse/postparse.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace dates = postparse::impl::dates;
using dates::Outcome;

namespace {

// Parses text that must be accepted and returns the instant.
dates::Instant parsed(const std::string &text, const date::time_zone *zone = nullptr) {
  const dates::Result r = dates::parse(text, zone);
  INFO("text: '" << text << "' message: " << r.message);
  REQUIRE(r.outcome == Outcome::ok);
  CHECK(r.message.empty());
  return r.instant;
}

std::string iso(const std::string &text, const date::time_zone *zone = nullptr) {
  return dates::format_iso8601(parsed(text, zone));
}

// Checks that text is rejected as invalid and that the message names the field.
void require_invalid(const std::string &text, const std::string &field) {
  const dates::Result r = dates::parse(text, nullptr);
  INFO("text: '" << text << "' message: " << r.message);
  REQUIRE(r.outcome == Outcome::invalid_date);
  CHECK(r.message.find(field) != std::string::npos);
}

Outcome outcome_of(const std::string &text) { return dates::parse(text, nullptr).outcome; }

const date::time_zone *zone(const char *name) {
  const date::time_zone *z = dates::find_zone(name);
  REQUIRE(z != nullptr);
  return z;
}

}  // namespace

TEST_CASE("YAML 1.1 timestamp examples", "[dates]") {
  // All five spec examples denote 2001-12-15T02:59:43.1Z except the date.
  SECTION("canonical") {
    const auto i = parsed("2001-12-15T02:59:43.1Z");
    CHECK(i.unix_seconds == 1008385183);
    CHECK(i.nanoseconds == 100000000);
    CHECK(i.offset_seconds == 0);
    CHECK(i.explicit_offset);
    CHECK(i.has_time);
    CHECK(i.fraction_digits == 1);
    CHECK(dates::format_iso8601(i) == "2001-12-15T02:59:43.1+00:00");
  }
  SECTION("iso8601 with lowercase t") {
    const auto i = parsed("2001-12-14t21:59:43.10-05:00");
    CHECK(i.unix_seconds == 1008385183);
    CHECK(i.offset_seconds == -5 * 3600);
    CHECK(i.explicit_offset);
    CHECK(i.fraction_digits == 2);
    CHECK(dates::format_iso8601(i) == "2001-12-14T21:59:43.1-05:00");
  }
  SECTION("space separated with one-digit offset") {
    const auto i = parsed("2001-12-14 21:59:43.10 -5");
    CHECK(i.unix_seconds == 1008385183);
    CHECK(i.offset_seconds == -5 * 3600);
    CHECK(dates::format_iso8601(i) == "2001-12-14T21:59:43.1-05:00");
  }
  SECTION("no time zone, one-digit hour") {
    const auto i = parsed("2001-12-15 2:59:43.10");
    CHECK(i.unix_seconds == 1008385183);
    CHECK_FALSE(i.explicit_offset);
    CHECK(i.offset_seconds == 0);
    CHECK(dates::format_iso8601(i) == "2001-12-15T02:59:43.1+00:00");
  }
  SECTION("date only") {
    const auto i = parsed("2002-12-14");
    CHECK(i.unix_seconds == 1039824000);
    CHECK_FALSE(i.has_time);
    CHECK_FALSE(i.explicit_offset);
    CHECK(i.nanoseconds == 0);
    CHECK(dates::format_iso8601(i) == "2002-12-14T00:00:00+00:00");
  }
  SECTION("one-digit month and day") {
    CHECK(iso("2001-1-2 3:04:05") == "2001-01-02T03:04:05+00:00");
    CHECK(iso("2001-1-2") == "2001-01-02T00:00:00+00:00");
  }
}

TEST_CASE("RFC 3339 / ISO 8601 forms", "[dates]") {
  SECTION("offset notations") {
    CHECK(iso("2021-07-31T12:00:00Z") == "2021-07-31T12:00:00+00:00");
    CHECK(iso("2021-07-31T12:00:00z") == "2021-07-31T12:00:00+00:00");
    CHECK(iso("2021-07-31T12:00:00+08:00") == "2021-07-31T12:00:00+08:00");
    CHECK(iso("2021-07-31T12:00:00+0800") == "2021-07-31T12:00:00+08:00");
    CHECK(iso("2021-07-31T12:00:00+08") == "2021-07-31T12:00:00+08:00");
    CHECK(iso("2021-07-31T12:00:00 +08:00") == "2021-07-31T12:00:00+08:00");
    CHECK(iso("2021-07-31T12:00:00-00:00") == "2021-07-31T12:00:00+00:00");
    CHECK(iso("2021-07-31T12:00:00+05:30") == "2021-07-31T12:00:00+05:30");
    CHECK(iso("2021-07-31T12:00:00-0930") == "2021-07-31T12:00:00-09:30");
    CHECK(iso("2021-07-31T12:00:00 Z") == "2021-07-31T12:00:00+00:00");
    CHECK(parsed("2021-07-31T12:00:00+08:00").unix_seconds == 1627704000);
    CHECK(parsed("2021-07-31T12:00:00+0800").unix_seconds == 1627704000);
    CHECK(parsed("2021-07-31T12:00:00+08").unix_seconds == 1627704000);
    CHECK(parsed("2021-07-31T12:00:00+08").explicit_offset);
  }
  SECTION("separators") {
    CHECK(parsed("2021-07-31T12:27:53Z").unix_seconds == 1627734473);
    CHECK(parsed("2021-07-31t12:27:53Z").unix_seconds == 1627734473);
    CHECK(parsed("2021-07-31 12:27:53Z").unix_seconds == 1627734473);
    CHECK(parsed("2021-07-31\t12:27:53Z").unix_seconds == 1627734473);
    CHECK(parsed("2021-07-31   12:27:53Z").unix_seconds == 1627734473);
  }
  SECTION("minutes without seconds") {
    const auto i = parsed("2021-07-31T12:27Z");
    CHECK(i.unix_seconds == 1627734420);
    CHECK(i.has_time);
    CHECK(iso("2021-07-31 12:27 +02:00") == "2021-07-31T12:27:00+02:00");
  }
  SECTION("fractional seconds") {
    auto i = parsed("2021-07-31T12:27:53.123456789Z");
    CHECK(i.nanoseconds == 123456789);
    CHECK(i.fraction_digits == 9);
    CHECK(dates::format_iso8601(i) == "2021-07-31T12:27:53.123456789+00:00");
    i = parsed("2021-07-31T12:27:53.000000001Z");
    CHECK(i.nanoseconds == 1);
    CHECK(dates::format_iso8601(i) == "2021-07-31T12:27:53.000000001+00:00");
    i = parsed("2021-07-31T12:27:53.5Z");
    CHECK(i.nanoseconds == 500000000);
    CHECK(i.fraction_digits == 1);
  }
  SECTION("more than nine fraction digits are truncated, not rounded") {
    const auto i = parsed("2021-07-31T12:27:53.9999999999999Z");
    CHECK(i.unix_seconds == 1627734473);
    CHECK(i.nanoseconds == 999999999);
    CHECK(i.fraction_digits == 9);
  }
  SECTION("zero fraction is not printed") {
    // Real value from the corpus (Go / Hugo style export).
    const auto i = parsed("2004-07-21 17:40:54.000000000 -07:00");
    CHECK(i.unix_seconds == 1090456854);
    CHECK(i.nanoseconds == 0);
    CHECK(i.fraction_digits == 9);
    CHECK(i.offset_seconds == -7 * 3600);
    CHECK(dates::format_iso8601(i) == "2004-07-21T17:40:54-07:00");
  }
  SECTION("Go time.String() zone label after the offset is ignored") {
    CHECK(iso("2021-07-31 12:00:00 +0000 UTC") == "2021-07-31T12:00:00+00:00");
    CHECK(iso("2021-07-31 12:00:00 -0700 MST") == "2021-07-31T12:00:00-07:00");
    CHECK(iso("2021-07-31 12:00:00 +0530 +0530") == "2021-07-31T12:00:00+05:30");
    CHECK(iso("2021-07-31 12:00:00 +0800 EST") == "2021-07-31T12:00:00+08:00");
  }
  SECTION("zone names") {
    CHECK(iso("2021-07-31 12:00:00 UTC") == "2021-07-31T12:00:00+00:00");
    CHECK(iso("2021-07-31 12:00:00 GMT") == "2021-07-31T12:00:00+00:00");
    CHECK(iso("2021-07-31 12:00:00 PDT") == "2021-07-31T12:00:00-07:00");
    const auto i = parsed("2021-07-31 12:00:00 Asia/Tokyo");
    CHECK(i.explicit_offset);
    CHECK(i.offset_seconds == 9 * 3600);
    CHECK(i.unix_seconds == 1627700400);
  }
}

TEST_CASE("RFC 2822 forms", "[dates]") {
  SECTION("corpus value") {
    const auto i = parsed("Sat, 31 Jul 2021 12:27:53 GMT");
    CHECK(i.unix_seconds == 1627734473);
    CHECK(i.offset_seconds == 0);
    CHECK(i.explicit_offset);
    CHECK(i.has_time);
    CHECK(dates::format_iso8601(i) == "2021-07-31T12:27:53+00:00");
  }
  SECTION("weekday optional, one-digit day, seconds optional") {
    CHECK(parsed("31 Jul 2021 12:27:53 GMT").unix_seconds == 1627734473);
    CHECK(iso("Thu, 1 Jul 2021 08:05:00 +0000") == "2021-07-01T08:05:00+00:00");
    CHECK(iso("1 Jul 2021 08:05 +0000") == "2021-07-01T08:05:00+00:00");
    CHECK(iso("Thu, 01 Jul 2021 08:05 -0000") == "2021-07-01T08:05:00+00:00");
    CHECK(iso("Thu 1 Jul 2021 08:05:00 GMT") == "2021-07-01T08:05:00+00:00");
  }
  SECTION("numeric zones") {
    const auto i = parsed("Tue, 01 Jul 2003 10:52:37 +0200");
    CHECK(i.unix_seconds == 1057049557);
    CHECK(i.offset_seconds == 7200);
    CHECK(iso("Tue, 01 Jul 2003 10:52:37 -0430") == "2003-07-01T10:52:37-04:30");
    CHECK(iso("Tue, 01 Jul 2003 10:52:37 +0200 (CEST)") == "2003-07-01T10:52:37+02:00");
  }
  SECTION("named zones use the RFC 2822 values") {
    struct Case {
      const char *name;
      int hours;
    };
    const Case cases[] = {{"UT", 0},   {"UTC", 0},  {"GMT", 0},  {"Z", 0},    {"EST", -5},
                          {"EDT", -4}, {"CST", -6}, {"CDT", -5}, {"MST", -7}, {"MDT", -6},
                          {"PST", -8}, {"PDT", -7}};
    for (const Case &c : cases) {
      const auto i = parsed(std::string("Sat, 31 Jul 2021 12:27:53 ") + c.name);
      INFO(c.name);
      CHECK(i.offset_seconds == c.hours * 3600);
      CHECK(i.unix_seconds == 1627734473 - c.hours * 3600);
      CHECK(i.explicit_offset);
    }
    CHECK(parsed("Sat, 31 Jul 2021 12:27:53 gmt").offset_seconds == 0);
  }
  SECTION("month and weekday names are case-insensitive") {
    CHECK(parsed("sat, 31 jul 2021 12:27:53 GMT").unix_seconds == 1627734473);
    CHECK(parsed("SAT, 31 JUL 2021 12:27:53 GMT").unix_seconds == 1627734473);
    CHECK(parsed("Saturday, 31 July 2021 12:27:53 GMT").unix_seconds == 1627734473);
    const char *months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (int m = 0; m < 12; ++m) {
      const auto text = std::string("1 ") + months[m] + " 2021 00:00 Z";
      const std::string mm = (m < 9 ? "0" : "") + std::to_string(m + 1);
      CHECK(iso(text) == "2021-" + mm + "-01T00:00:00+00:00");
    }
  }
  SECTION("without time or zone the default zone applies") {
    const auto i = parsed("31 Jul 2021");
    CHECK_FALSE(i.has_time);
    CHECK_FALSE(i.explicit_offset);
    CHECK(i.unix_seconds == 1627689600);
    const auto j = parsed("Sat, 31 Jul 2021 12:27:53");
    CHECK_FALSE(j.explicit_offset);
    CHECK(j.unix_seconds == 1627734473);
  }
  SECTION("weekday must match the date") {
    require_invalid("Fri, 31 Jul 2021 12:27:53 GMT", "weekday");
    require_invalid("Sun, 31 Jul 2021", "weekday");
  }
}

TEST_CASE("plain and slash dates", "[dates]") {
  CHECK(iso("2023-05-23") == "2023-05-23T00:00:00+00:00");
  CHECK_FALSE(parsed("2023-05-23").has_time);
  CHECK(iso("2023-05-23 08:30") == "2023-05-23T08:30:00+00:00");
  CHECK(iso("2023-05-23 08:30:15") == "2023-05-23T08:30:15+00:00");
  CHECK(iso("2023/05/23") == "2023-05-23T00:00:00+00:00");
  CHECK_FALSE(parsed("2023/05/23").has_time);
  CHECK(iso("2023/05/23 08:30") == "2023-05-23T08:30:00+00:00");
  CHECK(iso("2023/05/23 08:30:15") == "2023-05-23T08:30:15+00:00");
  CHECK(parsed("2023/5/3").unix_seconds == parsed("2023-05-03").unix_seconds);
}

TEST_CASE("years 0000-9999, including corpus years 1970 and 2189", "[dates]") {
  CHECK(parsed("1970-01-01").unix_seconds == 0);
  CHECK(parsed("1970-01-01T00:00:00Z").unix_seconds == 0);
  CHECK(iso("1970-01-01 00:00:01") == "1970-01-01T00:00:01+00:00");
  CHECK(parsed("2189-06-15").unix_seconds == 6925305600);
  CHECK(iso("2189-06-15 10:00:00 +02:00") == "2189-06-15T10:00:00+02:00");
  CHECK(parsed("0000-01-01T00:00:00Z").unix_seconds == -62167219200);
  CHECK(iso("0000-01-01T00:00:00Z") == "0000-01-01T00:00:00+00:00");
  CHECK(parsed("9999-12-31T23:59:59Z").unix_seconds == 253402300799);
  CHECK(iso("9999-12-31T23:59:59Z") == "9999-12-31T23:59:59+00:00");
  CHECK(parsed("1800-01-01").unix_seconds == -5364662400);
  const auto before_epoch = parsed("1969-12-31T23:59:59.25Z");
  CHECK(before_epoch.unix_seconds == -1);
  CHECK(before_epoch.nanoseconds == 250000000);
  CHECK(dates::format_iso8601(before_epoch) == "1969-12-31T23:59:59.25+00:00");
}

TEST_CASE("leading and trailing whitespace is ignored", "[dates]") {
  CHECK(parsed("  2021-07-31  ").unix_seconds == 1627689600);
  CHECK(parsed("\t\r\nSat, 31 Jul 2021 12:27:53 GMT\n").unix_seconds == 1627734473);
  CHECK(parsed(" 2021-07-31T12:27:53Z ").unix_seconds == 1627734473);
}

TEST_CASE("impossible fields are invalid_date, never rolled over", "[dates]") {
  require_invalid("2021-02-30", "day");
  require_invalid("2021-02-29", "day");
  require_invalid("1900-02-29", "day");
  require_invalid("2021-04-31 10:00", "day");
  require_invalid("2021-01-32", "day");
  require_invalid("2021-01-00", "day");
  require_invalid("30 Feb 2021 10:00 GMT", "day");
  require_invalid("2021-13-01", "month");
  require_invalid("2021-00-01", "month");
  require_invalid("2021/13/01", "month");
  require_invalid("2021-07-31 25:00:00", "hour");
  require_invalid("2021-07-31T24:00:00Z", "hour");
  require_invalid("31 Jul 2021 25:00 GMT", "hour");
  require_invalid("2021-07-31 12:60:00", "minute");
  require_invalid("2021-07-31 12:00:61", "second");
  require_invalid("2016-12-31T23:59:60Z", "leap second");
  require_invalid("2021-07-31T12:00:00+24:00", "offset hour");
  require_invalid("2021-07-31T12:00:00+2400", "offset hour");
  require_invalid("2021-07-31T12:00:00+12:60", "offset minute");
  require_invalid("2021-07-31T12:00:00+12:00:60", "offset second");
  require_invalid("Sat, 31 Jul 2021 12:27:53 +9900", "offset hour");
  require_invalid("2021-07-31 12:00:00 Mars/Olympus", "time zone");
  require_invalid("Sat, 31 Jul 2021 12:27:53 XYZ", "time zone");
  // Leap days that exist are fine.
  CHECK(iso("2020-02-29") == "2020-02-29T00:00:00+00:00");
  CHECK(iso("2000-02-29") == "2000-02-29T00:00:00+00:00");
}

TEST_CASE("text not shaped like a date is not_a_date", "[dates]") {
  const char *texts[] = {"",
                         "   ",
                         "Invalid Date",
                         "hello",
                         "12",
                         "2021",
                         "1.5",
                         "true",
                         "21-07-31",
                         "12021-07-31",
                         "2021-07",
                         "2021-007-31",
                         "2021-07-031",
                         "2021-07/31",
                         "20210731",
                         "2021-07-31T",
                         "2021-07-31 12",
                         "2021-07-31 12:5",
                         "2021-07-31 123:00",
                         "2021-07-31 12:00:5",
                         "2021-07-31T12:00:00+",
                         "2021-07-31T12:00:00+08:0",
                         "2021-07-31T12:00:00+800",
                         "2021-07-31T12:00:00+08:00x",
                         "2021-07-31T12:00:00+08:00 12",
                         "2021-07-31T12:00:00 +GMT",
                         "Sat, 31 Foo 2021 12:27:53 GMT",
                         "Someday, 31 Jul 2021",
                         "31 Jul 21 12:27:53 GMT",
                         "Sat, 31 Jul 2021 12:27:53 GMT trailing",
                         "Sat, 31 Jul 2021 12:27:53 (GMT",
                         "Jul 31 2021"};
  for (const char *text : texts) {
    INFO("text: '" << text << "'");
    const dates::Result r = dates::parse(text, nullptr);
    CHECK(r.outcome == Outcome::not_a_date);
  }
}

TEST_CASE("naive times use the default zone", "[dates]") {
  SECTION("nullptr means UTC") {
    const auto i = parsed("2021-07-31 12:00:00", nullptr);
    CHECK(i.offset_seconds == 0);
    CHECK(i.unix_seconds == 1627732800);
  }
  SECTION("Asia/Shanghai") {
    const auto *shanghai = zone("Asia/Shanghai");
    const auto i = parsed("2021-07-31 12:00:00", shanghai);
    CHECK(i.unix_seconds == 1627704000);
    CHECK(i.offset_seconds == 8 * 3600);
    CHECK_FALSE(i.explicit_offset);
    CHECK(dates::format_iso8601(i) == "2021-07-31T12:00:00+08:00");
    // Date-only values are local midnight.
    const auto d = parsed("2021-07-31", shanghai);
    CHECK(d.unix_seconds == 1627660800);
    CHECK(dates::format_iso8601(d) == "2021-07-31T00:00:00+08:00");
    CHECK(iso("31 Jul 2021 12:00", shanghai) == "2021-07-31T12:00:00+08:00");
  }
  SECTION("an explicit offset wins over the default zone") {
    const auto *shanghai = zone("Asia/Shanghai");
    const auto i = parsed("Sat, 31 Jul 2021 12:27:53 GMT", shanghai);
    CHECK(i.unix_seconds == 1627734473);
    CHECK(i.offset_seconds == 0);
    CHECK(iso("2021-07-31T12:00:00-05:00", shanghai) == "2021-07-31T12:00:00-05:00");
    CHECK(iso("2021-07-31T12:00:00 Asia/Tokyo", shanghai) == "2021-07-31T12:00:00+09:00");
  }
  SECTION("America/New_York standard and daylight time") {
    const auto *ny = zone("America/New_York");
    CHECK(iso("2021-01-15 09:00", ny) == "2021-01-15T09:00:00-05:00");
    CHECK(iso("2021-07-15 09:00", ny) == "2021-07-15T09:00:00-04:00");
  }
  SECTION("America/New_York DST gap: a nonexistent time moves forward by the gap, with a warning") {
    // 2021-03-14 02:00-03:00 does not exist; read with the offset before the
    // gap (-05:00), 02:30 is 07:30Z, which is 03:30 -04:00.  It used to map
    // silently to the gap's end (07:00Z).
    const auto r = dates::parse("2021-03-14 02:30", zone("America/New_York"));
    REQUIRE(r.outcome == Outcome::ok);
    CHECK(r.instant.unix_seconds == 1615707000);
    CHECK(r.instant.offset_seconds == -4 * 3600);
    CHECK(dates::format_iso8601(r.instant) == "2021-03-14T03:30:00-04:00");
    CHECK(r.warning ==
          "nonexistent local time 2021-03-14 02:30:00 in America/New_York (skipped by a clock change); "
          "read as 2021-03-14 03:30:00 -04:00 (shifted forward by the gap)");
  }
  SECTION("America/New_York DST overlap: ambiguous time takes the earlier (EDT) reading, with a warning") {
    const auto r = dates::parse("2021-11-07 01:30", zone("America/New_York"));
    REQUIRE(r.outcome == Outcome::ok);
    CHECK(r.instant.unix_seconds == 1636263000);
    CHECK(r.instant.offset_seconds == -4 * 3600);
    CHECK(dates::format_iso8601(r.instant) == "2021-11-07T01:30:00-04:00");
    CHECK(r.warning.find("ambiguous local time 2021-11-07 01:30:00 in America/New_York") == 0);
    CHECK(r.warning.find("first occurrence, 2021-11-07 01:30:00 -04:00 (the second is at -05:00)") != std::string::npos);
  }
  SECTION("times clear of a clock change have no warning") {
    CHECK(dates::parse("2021-03-14 03:30", zone("America/New_York")).warning.empty());
    CHECK(dates::parse("2021-11-07 02:30", zone("America/New_York")).warning.empty());
    CHECK(dates::parse("2021-03-14T02:30:00-05:00", zone("America/New_York")).warning.empty());
  }
  SECTION("local mean time offsets are rounded to the minute when formatted (RFC 3339)") {
    const auto i = parsed("1800-01-01", zone("America/New_York"));
    CHECK(i.offset_seconds == -17762);
    CHECK(i.unix_seconds == -5364662400 + 17762);
    // -04:56:02 is written -04:56, and the clock moves with it: same instant.
    CHECK(dates::format_iso8601(i) == "1800-01-01T00:00:02-04:56");
    const auto back = parsed(dates::format_iso8601(i));
    CHECK(back.unix_seconds == i.unix_seconds);
    CHECK(back.offset_seconds == -17760);
    // Asia/Shanghai's local mean time, +08:05:43, rounds up to +08:06.
    CHECK(iso("1900-01-01 12:00", zone("Asia/Shanghai")) == "1900-01-01T12:00:17+08:06");
  }
  SECTION("a value whose RFC 3339 text would leave the years 0000-9999 is invalid") {
    // Los Angeles' local mean time, -07:52:58, is written -07:53: the clock
    // shown is 2 s earlier, which from 0000-01-01 00:00 is year -1.
    const auto r = dates::parse("0000-01-01 00:00", zone("America/Los_Angeles"));
    CHECK(r.outcome == Outcome::invalid_date);
    CHECK(r.message.find("0000-9999") != std::string::npos);
    CHECK(dates::parse("0000-01-01 00:00:02", zone("America/Los_Angeles")).outcome == Outcome::ok);
    CHECK(dates::parse("0000-01-01T00:00:00Z", nullptr).outcome == Outcome::ok);
  }
}

TEST_CASE("format_iso8601", "[dates]") {
  dates::Instant i;
  CHECK(dates::format_iso8601(i) == "1970-01-01T00:00:00+00:00");
  i.unix_seconds = 1627734473;
  CHECK(dates::format_iso8601(i) == "2021-07-31T12:27:53+00:00");
  i.offset_seconds = 8 * 3600;
  CHECK(dates::format_iso8601(i) == "2021-07-31T20:27:53+08:00");
  i.offset_seconds = -(9 * 3600 + 30 * 60);
  CHECK(dates::format_iso8601(i) == "2021-07-31T02:57:53-09:30");
  i.offset_seconds = 0;
  i.nanoseconds = 120000000;
  CHECK(dates::format_iso8601(i) == "2021-07-31T12:27:53.12+00:00");
  i.nanoseconds = 999999999;
  CHECK(dates::format_iso8601(i) == "2021-07-31T12:27:53.999999999+00:00");
  i.nanoseconds = 10;
  CHECK(dates::format_iso8601(i) == "2021-07-31T12:27:53.00000001+00:00");
  i.unix_seconds = 1008385183;
  i.nanoseconds = 100000000;
  i.offset_seconds = -5 * 3600;
  CHECK(dates::format_iso8601(i) == "2001-12-14T21:59:43.1-05:00");
}

TEST_CASE("format_iso8601 output parses back to the same instant", "[dates]") {
  const char *texts[] = {"2001-12-14t21:59:43.10-05:00", "Sat, 31 Jul 2021 12:27:53 GMT",
                         "2021-07-31 12:00:00 Asia/Kolkata", "0000-01-01T00:00:00+23:59",
                         "9999-12-31T23:59:59.999999999-23:59", "1969-07-20 20:17:40 UTC"};
  for (const char *text : texts) {
    INFO("text: '" << text << "'");
    const auto first = parsed(text);
    const auto again = parsed(dates::format_iso8601(first));
    CHECK(again.unix_seconds == first.unix_seconds);
    CHECK(again.nanoseconds == first.nanoseconds);
    CHECK(again.offset_seconds == first.offset_seconds);
    CHECK(dates::format_iso8601(again) == dates::format_iso8601(first));
  }
}

TEST_CASE("an offset that rounds to 24 hours is written +23:59, never +24:00", "[dates]") {
  // +23:59:30 passes validation (hour 23, second 30) but rounds to a whole
  // day, which RFC 3339 cannot write (offset hours are 00-23).
  const auto east = parsed("2021-01-01T00:00:00+23:59:30");
  CHECK(east.offset_seconds == 86370);
  CHECK(east.unix_seconds == 1609459200 - 86370);
  CHECK(dates::rfc3339_offset(86370) == 86340);
  CHECK(dates::rfc3339_offset(-86370) == -86340);
  CHECK(dates::rfc3339_offset(86369) == 86340);  // rounds down anyway
  // The clock shown moves with the written offset: the same instant.
  CHECK(dates::format_iso8601(east) == "2020-12-31T23:59:30+23:59");
  const auto west = parsed("2021-01-01T00:00:00-23:59:30");
  CHECK(dates::format_iso8601(west) == "2021-01-01T00:00:30-23:59");
  for (const auto &i : {east, west}) {
    const auto back = parsed(dates::format_iso8601(i));
    CHECK(back.unix_seconds == i.unix_seconds);
    CHECK(back.offset_seconds == dates::rfc3339_offset(i.offset_seconds));
  }
  // The same text through the C ABI.
  postparse_time t{sizeof(postparse_time), east.unix_seconds, 0, east.offset_seconds, true, true};
  char buf[40];
  REQUIRE(postparse_time_format(&t, buf, sizeof buf) > 0);
  CHECK(std::string(buf) == "2020-12-31T23:59:30+23:59");
}

TEST_CASE("looks_like_yaml_timestamp", "[dates]") {
  const char *matching[] = {"2001-12-15T02:59:43.1Z",
                            "2001-12-14t21:59:43.10-05:00",
                            "2001-12-14 21:59:43.10 -5",
                            "2001-12-15 2:59:43.10",
                            "2002-12-14",
                            "2001-1-2T3:04:05",
                            "2001-12-14T21:59:43",
                            "2001-12-14T21:59:43.Z",
                            "2001-12-14T21:59:43 Z",
                            "2001-12-14T21:59:43+5:30",
                            "2001-12-14\t\t21:59:43",
                            "2004-07-21 17:40:54.000000000 -07:00",
                            "2021-02-30"};  // shape only, no range check
  for (const char *text : matching) {
    INFO("text: '" << text << "'");
    CHECK(dates::looks_like_yaml_timestamp(text));
    // Every implicit YAML timestamp is something parse understands.
    CHECK(outcome_of(text) != Outcome::not_a_date);
  }
  const char *not_matching[] = {"",
                                "2001-1-2",  // the date-only form needs two digits
                                "2001-12-14 21:59",
                                "2001-12-14T21:59:43z",
                                "2001-12-14T21:59:43+0800",
                                "2001-12-14T21:59:43+08:0",
                                "2001-12-14T21:59:43 ",
                                " 2002-12-14",
                                "2002-12-14 ",
                                "2002/12/14",
                                "Sat, 31 Jul 2021 12:27:53 GMT",
                                "Invalid Date",
                                "12",
                                "2002-12-14x",
                                "2001-12-14T21:59:43Zx"};
  for (const char *text : not_matching) {
    INFO("text: '" << text << "'");
    CHECK_FALSE(dates::looks_like_yaml_timestamp(text));
  }
}

TEST_CASE("find_zone", "[dates]") {
  CHECK(dates::find_zone("Asia/Shanghai") != nullptr);
  CHECK(dates::find_zone("UTC") != nullptr);
  CHECK(dates::find_zone("Not/A_Zone") == nullptr);
  CHECK(dates::find_zone("") == nullptr);
  CHECK(dates::find_zone("../../etc/passwd") == nullptr);
  CHECK(dates::find_zone(std::string_view("Asia/Shanghai\0x", 15)) == nullptr);
}

TEST_CASE("zone names that are paths or very long are refused without error", "[dates][localtime]") {
  // Names come from posts; only the database's own names are zones.
  CHECK(dates::find_zone("Asia/../Asia/Shanghai") == nullptr);
  CHECK(dates::find_zone("../zoneinfo/UTC") == nullptr);
  CHECK(dates::find_zone("./UTC") == nullptr);
  CHECK(dates::find_zone("Etc/../../../../etc/localtime") == nullptr);
  CHECK(dates::find_zone("/usr/share/zoneinfo/UTC") == nullptr);
  std::string climb = "Asia/";
  for (int i = 0; i < 5000; ++i) climb += "../";
  CHECK(dates::find_zone(climb + "etc/passwd") == nullptr);
  CHECK(dates::find_zone(std::string(1 << 20, 'a')) == nullptr);
  CHECK(dates::find_zone("Asia/" + std::string(100000, 'x')) == nullptr);
  const dates::Result r = dates::parse("2021-07-31 12:00:00 Asia/" + std::string(5000, 'x'), nullptr);
  CHECK(r.outcome != Outcome::ok);
  // The database's own names still resolve, the same zone every time.
  CHECK(dates::find_zone("Asia/Shanghai") == dates::find_zone("Asia/Shanghai"));
  CHECK(dates::find_zone("Asia/Shanghai") != nullptr);
}

TEST_CASE("names of the machine's zone are refused as unknown", "[dates][localtime]") {
  // The system tz database knows "localtime" (Debian: a link to
  // /etc/localtime); output must not depend on the machine it runs on.
  CHECK(dates::find_zone("localtime") == nullptr);
  CHECK(dates::find_zone("posix/localtime") == nullptr);
  CHECK(dates::find_zone("Etc/UTC") != nullptr);  // what /etc/localtime often names
  // The same through the C ABI, which the CLI's --timezone uses.
  postparse_options *options = nullptr;
  REQUIRE(postparse_options_new(&options) == POSTPARSE_OK);
  CHECK(postparse_options_set_timezone(options, "localtime", 9) == POSTPARSE_ERR_UNKNOWN_TIMEZONE);
  CHECK(postparse_options_set_timezone(options, "Asia/Shanghai", 13) == POSTPARSE_OK);
  postparse_options_free(options);
  // A date naming the zone in its text is not read in the machine's zone.
  CHECK(dates::parse("2021-07-31 12:00:00 localtime", nullptr).outcome != Outcome::ok);
}

TEST_CASE("parse is usable from several threads at once", "[dates]") {
  const auto *ny = zone("America/New_York");
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&failures, ny] {
      for (int n = 0; n < 200; ++n) {
        const auto a = dates::parse("2021-11-07 01:30", ny);
        const auto b = dates::parse("2021-07-31 12:00:00", dates::find_zone("Europe/Paris"));
        if (a.outcome != Outcome::ok || a.instant.unix_seconds != 1636263000 ||
            b.outcome != Outcome::ok || b.instant.offset_seconds != 7200) {
          ++failures;
        }
      }
    });
  }
  for (auto &th : threads) th.join();
  CHECK(failures == 0);
}
