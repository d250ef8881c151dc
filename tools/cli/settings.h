// What the command line asked for, before it is turned into parse options.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "postparse/postparse.h"

namespace postparse_cli {

struct Settings {
  std::vector<std::string> paths;       // files, directories, "-"
  std::vector<std::string> from_lists;  // --from-list files ("-": standard input)
  std::vector<std::string> include, exclude;
  unsigned threads = 0;  // 0: one per core
  bool unordered = false;
  std::string output_file;  // -o
  std::string out_dir;      // --out-dir
  std::string fields;       // --fields, comma-separated
  bool content_only = false;
  std::string fail_on;  // "", "error" or "warning"
  bool quiet = false;
  std::string stats_file;
  std::string encoding;
  bool yaml_1_1 = false;
  bool hexo_unfenced = false;
  std::string timezone = "UTC";
  std::string duplicate_keys = "error";
  std::string format = "jsonl";
  std::vector<std::string> profiles;
  std::uint64_t max_profile_bytes = POSTPARSE_PROFILE_MAX_BYTES_DEFAULT;
  bool no_default_profile = false;
  bool boilerplate = false;
  bool explain = false;  // --explain
  std::string text_form = "nfc";
  std::string body_format = "auto";
  std::map<postparse_limit, std::uint64_t> limits;
};

// Exit statuses of the command (README.md and --help say the same).
enum ExitStatus : int {
  kExitOk = 0,
  kExitInputError = 1,   // an input could not be read (or was over --max-input-bytes)
  kExitUsage = 2,        // bad option, option value or profile
  kExitPostError = 3,    // --fail-on and a post has such a diagnostic
  kExitOutputError = 4,  // the output could not be written
};

}  // namespace postparse_cli
