#include "edit/convert.h"

#include <cmath>

#include "common/utf8.h"
#include "edit/date_spelling.h"
#include "edit/toml_date.h"
#include "front_matter/dates.h"
#include "front_matter/scalar_types.h"
#include "postparse/postparse.h"

namespace postparse::impl::edit {
namespace {

// A date as `to` holds it: kept where `to` reads its text as a date; for
// TOML rewritten as RFC 3339 when its spelling is not TOML's; else a string.
Data adapt_date(const Data &in, Format to, const Options &options) {
  Data out = in;
  if (to == Format::yaml) {
    if (resolve_plain(in.text, options.schema).kind != Kind::timestamp) out.kind = Kind::string;
    return out;
  }
  if (to == Format::toml && !is_toml_date(in.text)) {
    dates::Result r = dates::parse(in.text, options.zone);
    if (r.outcome == dates::Outcome::ok) out.text = spell_date(r.instant, {});
  }
  if (to != Format::toml || !is_toml_date(out.text)) {
    out = in;
    out.kind = Kind::string;
  }
  return out;
}

bool is_utf8(std::string_view text) { return utf8_valid_prefix(text) == text.size(); }

int adapt(const Data &in, Format to, const Options &options, Data &out) {
  out = in;
  switch (in.kind) {
    case Kind::null:
      return to == Format::toml ? POSTPARSE_ERR_NOT_REPRESENTABLE : POSTPARSE_OK;
    case Kind::integer:
      return to == Format::toml && in.big ? POSTPARSE_ERR_NOT_REPRESENTABLE : POSTPARSE_OK;
    case Kind::floating:
      return to == Format::json && !std::isfinite(in.floating) ? POSTPARSE_ERR_NOT_REPRESENTABLE
                                                               : POSTPARSE_OK;
    case Kind::timestamp:
      out = adapt_date(in, to, options);
      return POSTPARSE_OK;
    case Kind::boolean:
      return POSTPARSE_OK;
    case Kind::string:
      // JSON and TOML text is Unicode: bytes that are not UTF-8 (kept as
      // they were in a YAML post) have no spelling there.
      return to != Format::yaml && !is_utf8(in.text) ? POSTPARSE_ERR_NOT_REPRESENTABLE : POSTPARSE_OK;
    default:
      break;
  }
  for (std::size_t i = 0; i < in.items.size(); ++i)
    if (int status = adapt(in.items[i], to, options, out.items[i])) return status;
  for (std::size_t i = 0; i < in.keys.size(); ++i) {
    // Keys are strings in JSON and TOML, and postparse writes them so in
    // YAML: `1:` becomes "1".
    if (!in.keys[i].is_scalar()) return POSTPARSE_ERR_NOT_REPRESENTABLE;
    if (to != Format::yaml && !is_utf8(in.keys[i].text)) return POSTPARSE_ERR_NOT_REPRESENTABLE;
    out.keys[i] = string_data(in.keys[i].text);
  }
  // The same key twice (`1` and "1") would no longer be the same data.
  for (std::size_t i = 0; i < out.keys.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (out.keys[i].text == out.keys[j].text) return POSTPARSE_ERR_NOT_REPRESENTABLE;
  return POSTPARSE_OK;
}

}  // namespace

int adapt_data(const Data &data, Format to, const Options &options, Data &out) {
  return adapt(data, to, options, out);
}

int convert_data(const Data &data, Format to, const Options &options, const std::string &newline,
                 Converted &out) {
  if (to == Format::none) return POSTPARSE_ERR_INVALID_ARGUMENT;
  if (int status = adapt(data, to, options, out.intended)) return status;
  switch (to) {
    case Format::yaml:
      out.block = write_yaml_block(out.intended, newline, options.schema);
      break;
    case Format::json:
      out.block = write_json_block(out.intended, newline);
      break;
    default:
      out.block = write_toml_block(out.intended, newline);
      break;
  }
  return POSTPARSE_OK;
}

}  // namespace postparse::impl::edit
