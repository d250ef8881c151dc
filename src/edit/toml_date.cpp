#include "edit/toml_date.h"

#include <toml++/toml.h>

#include <string>

namespace postparse::impl::edit {

bool is_toml_date(std::string_view text) {
  if (text.empty() || text.size() > 64 || text.find_first_of("\n\r#=\"'[]{}") != std::string_view::npos)
    return false;
  std::string doc = "d = " + std::string(text) + "\n";
  try {
    toml::table table = toml::parse(doc);
    const toml::node *node = table.get("d");
    return node && (node->is_date() || node->is_date_time());
  } catch (const toml::parse_error &) {
    return false;
  }
}

}  // namespace postparse::impl::edit
