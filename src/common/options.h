// The parse options behind the opaque postparse_options handle.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace date { class time_zone; }
namespace postparse::impl::extract { struct Profile; }

namespace postparse::impl {

enum class YamlSchema { core_1_2 = 0, yaml_1_1 = 1 };
enum class DuplicateKeys { error = 0, first_wins = 1, last_wins = 2 };

struct Limits {
  // Defaults are documented in postparse.h next to postparse_limit.
  std::uint64_t input_bytes = 256u << 20;
  std::uint64_t front_matter_bytes = 1u << 20;
  // Far below yaml-cpp's own recursion guard, so our limit is what users see.
  std::uint64_t depth = 64;
  std::uint64_t alias_nodes = 10000;
  std::uint64_t alias_bytes = 4u << 20;
  std::uint64_t keys = 10000;
  std::uint64_t diagnostics = 1000;
  std::uint64_t html_nodes = 2'000'000;
  std::uint64_t html_depth = 512;
  std::uint64_t html_attributes = 1000;
};

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
  bool default_profile = true;
  // Shared: a compiled profile is immutable, and options are copied freely.
  std::vector<std::shared_ptr<const extract::Profile>> profiles;
  std::string source_name;
  bool has_source_name = false;
  Limits limits;
};

}  // namespace postparse::impl
