// How a scalar is written in each front matter format: YAML with quoting
// only where YAML needs it (or where the old value was quoted), JSON
// strings, TOML strings and keys, and numbers that read back exactly.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/options.h"
#include "edit/data.h"

namespace postparse::impl::edit {

// Where a YAML scalar goes and what it replaces.
struct YamlSpot {
  bool flow = false;               // inside a flow collection: no block scalars, no ,[]{} in plain text
  bool key = false;                // a mapping key: one line
  std::size_t indent = 2;          // content indentation of a block scalar
  Style old_style = Style::plain;  // the style of the value replaced (plain for new values)
  std::string newline = "\n";
  YamlSchema schema = YamlSchema::core_1_2;
};

// The YAML text of a scalar (no line break after it).
std::string yaml_scalar(const Data &value, const YamlSpot &spot);

// Whether `text` can be written as a plain YAML scalar there and read back
// as the same string.
bool yaml_plain_safe(std::string_view text, const YamlSpot &spot);

// A double-quoted YAML scalar with escapes for what is not printable.
std::string yaml_double_quoted(std::string_view text);

// The JSON text of a scalar (timestamps as strings).  An infinite or NaN
// float has no JSON text: the caller checks (json_representable).
std::string json_scalar(const Data &value);
std::string json_string(std::string_view text);

// The TOML text of a scalar; `old_style` keeps a literal ('...') string
// where the text allows it.  Null has no TOML text (toml_representable).
std::string toml_scalar(const Data &value, Style old_style = Style::double_quoted);
std::string toml_key(std::string_view key);

// The shortest decimal text that reads back as `value` (YAML forms for
// infinities and NaN; always with a '.' or exponent so it reads as a
// float).
std::string float_text(double value, bool yaml);

}  // namespace postparse::impl::edit
