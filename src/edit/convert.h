// Converting the front matter to another format: the data as the target
// format holds it, and a new block written in that format.
#pragma once

#include <string>

#include "common/options.h"
#include "edit/data.h"
#include "split/split.h"

namespace postparse::impl::edit {

struct Converted {
  std::string block;  // fences included, ending with a line break
  Data intended;      // what the block must read back as
};

// POSTPARSE_ERR_NOT_REPRESENTABLE when `data` holds what `to` cannot (TOML:
// null, integers beyond 64 bits; JSON: infinities and NaN; any format: a
// key that is a collection); POSTPARSE_ERR_INVALID_ARGUMENT for
// Format::none.
int convert_data(const Data &data, Format to, const Options &options, const std::string &newline,
                 Converted &out);

// `data` as format `to` holds it (see convert_data's statuses): string keys,
// dates as `to` reads them.
int adapt_data(const Data &data, Format to, const Options &options, Data &out);

// The block writers (block_writers.cpp): `data` already adapted to the
// format (string keys, representable scalars).
std::string write_yaml_block(const Data &data, const std::string &newline, YamlSchema schema);
std::string write_json_block(const Data &data, const std::string &newline);
std::string write_toml_block(const Data &data, const std::string &newline);

// One value written inside an existing block (block_writers.cpp).  YAML
// after `key:` at indentation `indent`: " scalar", " []", or nested block
// lines (no final line break); YAML flow; one-line JSON; a TOML inline value.
std::string yaml_nested_value(const Data &data, std::size_t indent, const std::string &newline,
                              YamlSchema schema);
std::string yaml_flow_value(const Data &data, YamlSchema schema);
std::string json_inline_value(const Data &data);
std::string toml_inline_value(const Data &data);

}  // namespace postparse::impl::edit
