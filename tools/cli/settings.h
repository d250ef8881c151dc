// What the command line asked for, before it is turned into parse options.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "postparse/postparse.h"

namespace postparse_cli {

struct Settings {
  std::vector<std::string> files;
  bool yaml_1_1 = false;
  bool hexo_unfenced = false;
  bool fail_on_error = false;
  std::string timezone = "UTC";
  std::string duplicate_keys = "error";
  std::string format = "json";
  std::vector<std::string> profiles;
  std::uint64_t max_profile_bytes = POSTPARSE_PROFILE_MAX_BYTES_DEFAULT;
  bool no_default_profile = false;
  bool boilerplate = false;
  std::string text_form = "nfc";
  std::string body_format = "auto";
  std::map<postparse_limit, std::uint64_t> limits;
};

// Exit statuses of the command (README.md and --help say the same).
enum ExitStatus : int {
  kExitOk = 0,
  kExitInputError = 1,   // a file could not be read (or was over --max-input-bytes)
  kExitUsage = 2,        // bad option, option value or profile
  kExitPostError = 3,    // --fail-on-error and a post has an error diagnostic
  kExitOutputError = 4,  // standard output could not be written
};

}  // namespace postparse_cli
