// The parse options behind the opaque postparse_options handle.
#pragma once

#include <string>

#include "common/limits.h"

namespace date { class time_zone; }

namespace postparse::impl {

enum class YamlSchema { core_1_2 = 0, yaml_1_1 = 1 };
enum class DuplicateKeys { error = 0, first_wins = 1, last_wins = 2 };

enum class HtmlMode { automatic = 0, fragment = 1, document = 2 };
enum class TextForm { nfc = 0, nfkc = 1, raw = 2 };
enum class BodyFormat { automatic = 0, html = 1, markdown = 2 };

struct Options {
  YamlSchema schema = YamlSchema::core_1_2;
  DuplicateKeys duplicate_keys = DuplicateKeys::error;
  // nullptr means UTC; the machine's zone is deliberately never consulted so
  // that output does not depend on where it runs.
  const date::time_zone *zone = nullptr;
  std::string zone_name = "UTC";
  bool hexo_unfenced = false;
  HtmlMode html_mode = HtmlMode::automatic;
  BodyFormat body_format = BodyFormat::automatic;
  bool html_errors = false;
  bool scripting = false;
  TextForm text_form = TextForm::nfc;
  std::string source_name;
  bool has_source_name = false;
  Limits limits;
};

}  // namespace postparse::impl
