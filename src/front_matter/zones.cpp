// IANA zone lookup that never hands out the machine's own zone: output must
// not depend on where it runs (postparse.h, postparse_options_set_timezone).
#include <date/tz.h>

#include <filesystem>
#include <string>
#include <system_error>
#include <unordered_set>

#include "front_matter/dates.h"

namespace postparse::impl::dates {
namespace {

namespace fs = std::filesystem;

// The system tz database that date's OS-database build reads, and the link
// that names the machine's zone.  Debian's zoneinfo holds a `localtime`
// entry pointing at /etc/localtime, so the database knows "localtime" as a
// zone like any other.
constexpr const char *kZoneInfoDir = "/usr/share/zoneinfo";
constexpr const char *kMachineZoneLink = "/etc/localtime";
constexpr int kMaxLinkHops = 40;  // as the kernel's ELOOP bound

bool last_component_is_localtime(std::string_view name) {
  std::size_t slash = name.rfind('/');
  return name.substr(slash == std::string_view::npos ? 0 : slash + 1) == "localtime";
}

// Follows the zone file's chain of symbolic links one hop at a time; true
// when one hop is the machine's zone link (its final target is an ordinary
// zone file, so comparing only the end of the chain would miss it).
bool links_to_machine_zone(std::string_view name) {
  fs::path path = fs::path(kZoneInfoDir) / std::string(name);
  for (int hop = 0; hop < kMaxLinkHops; ++hop) {
    std::error_code ec;
    if (!fs::is_symlink(path, ec)) return false;
    fs::path target = fs::read_symlink(path, ec);
    if (ec) return false;
    path = (target.is_absolute() ? target : path.parent_path() / target).lexically_normal();
    if (path == kMachineZoneLink) return true;
  }
  return true;  // a loop: not a zone anyone can rely on
}

bool names_machine_zone(std::string_view name) {
  return last_component_is_localtime(name) || links_to_machine_zone(name);
}

// The zones of the database that stand for the machine's zone, found once
// (one pass of link reads over the database's own names, never over text
// from a post) and immutable after: safe to read from any thread.  The
// database is never reloaded, so its zone pointers stay valid.
bool is_machine_zone(const date::time_zone *zone) {
  static const std::unordered_set<const date::time_zone *> machine_zones = [] {
    std::unordered_set<const date::time_zone *> found;
    for (const date::time_zone &known : date::get_tzdb().zones)
      if (names_machine_zone(known.name())) found.insert(&known);
    return found;
  }();
  return machine_zones.count(zone) != 0;
}

}  // namespace

const date::time_zone *find_zone(std::string_view iana_name) noexcept {
  // Zone names are looked up as NUL-terminated strings: a NUL would cut the
  // name short.
  if (iana_name.empty() || iana_name.find('\0') != std::string_view::npos) return nullptr;
  try {
    // The in-memory database decides: text from a post never becomes a
    // path (the link check ran once, over the database's own names).
    const date::time_zone *zone = date::locate_zone(iana_name);
    return is_machine_zone(zone) ? nullptr : zone;
  } catch (...) {
    return nullptr;  // unknown name, or no readable zoneinfo at all
  }
}

}  // namespace postparse::impl::dates
