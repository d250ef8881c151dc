// Loading profiles in the unit tests: the status, the profile and its
// diagnostics, and a check of the first error's code, position and message.
#pragma once

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "postparse/postparse.h"

namespace test {

inline std::string profile_str(postparse_str s) { return std::string(s.data, s.len); }

using ProfilePtr = std::unique_ptr<postparse_profile, decltype(&postparse_profile_free)>;

struct Loaded {
  int status = -1;
  ProfilePtr profile{nullptr, &postparse_profile_free};
  std::vector<postparse_diagnostic> diagnostics;
};

inline Loaded load(const std::string &yaml) {
  Loaded out;
  postparse_profile *raw = nullptr;
  out.status = postparse_profile_load(yaml.data(), yaml.size(), &raw);
  out.profile.reset(raw);
  REQUIRE(raw != nullptr);  // a profile comes back even when the text has errors
  std::size_t n = postparse_profile_diagnostic_count(raw);
  for (std::size_t i = 0; i < n; ++i) {
    postparse_diagnostic d = POSTPARSE_INIT(postparse_diagnostic);
    REQUIRE(postparse_profile_diagnostic_at(raw, i, &d) == POSTPARSE_OK);
    out.diagnostics.push_back(d);
  }
  return out;
}

inline const postparse_diagnostic *first_error(const Loaded &l) {
  for (const auto &d : l.diagnostics)
    if (d.severity == POSTPARSE_SEVERITY_ERROR) return &d;
  return nullptr;
}

// The profile fails to load with `code` as its first error, at line:column,
// and the message names `needle`.
inline void check_error(const std::string &yaml, int code, std::size_t line, std::size_t column, const std::string &needle) {
  INFO("profile:\n" << yaml);
  Loaded l = load(yaml);
  CHECK(l.status == code);
  const postparse_diagnostic *d = first_error(l);
  REQUIRE(d);
  INFO("message: " << profile_str(d->message));
  CHECK(d->code == code);
  CHECK(d->severity == POSTPARSE_SEVERITY_ERROR);
  CHECK(d->part == POSTPARSE_PART_PROFILE);
  CHECK(d->line == line);
  CHECK(d->column == column);
  CHECK(profile_str(d->message).find(needle) != std::string::npos);
}

inline const std::string kHead = "profile: t\nversion: 1\nrules:\n";  // lines 1-3; the first rule starts on line 4

}  // namespace test
