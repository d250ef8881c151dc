// postparse_options_*: the options object.
#include "capi/handles.h"
#include "extract/profile.h"
#include "front_matter/dates.h"

using postparse::capi::enum_value;
using postparse::capi::guarded;
namespace impl = postparse::impl;

namespace {

std::uint64_t *limit_slot(impl::Limits &limits, int which) {
  switch (which) {
    case POSTPARSE_LIMIT_INPUT_BYTES: return &limits.input_bytes;
    case POSTPARSE_LIMIT_FRONT_MATTER_BYTES: return &limits.front_matter_bytes;
    case POSTPARSE_LIMIT_DEPTH: return &limits.depth;
    case POSTPARSE_LIMIT_ALIAS_NODES: return &limits.alias_nodes;
    case POSTPARSE_LIMIT_KEYS: return &limits.keys;
    case POSTPARSE_LIMIT_DIAGNOSTICS: return &limits.diagnostics;
    case POSTPARSE_LIMIT_HTML_NODES: return &limits.html_nodes;
    case POSTPARSE_LIMIT_HTML_DEPTH: return &limits.html_depth;
    case POSTPARSE_LIMIT_HTML_ATTRIBUTES: return &limits.html_attributes;
    case POSTPARSE_LIMIT_ALIAS_BYTES: return &limits.alias_bytes;
  }
  return nullptr;
}

}  // namespace

extern "C" {

postparse_status postparse_options_set_body_format(postparse_options *options, postparse_body_format format) noexcept {
  int value = enum_value(format);
  if (!options || value < POSTPARSE_BODY_AUTO || value > POSTPARSE_BODY_MARKDOWN) return POSTPARSE_ERR_INVALID_ARGUMENT;
  options->options.body_format = static_cast<impl::BodyFormat>(value);
  return POSTPARSE_OK;
}

postparse_status postparse_options_new(postparse_options **out) noexcept {
  if (!out) return POSTPARSE_ERR_INVALID_ARGUMENT;
  *out = nullptr;
  return guarded([&] {
    *out = new postparse_options();
    return POSTPARSE_OK;
  });
}

void postparse_options_free(postparse_options *options) noexcept { delete options; }

postparse_status postparse_options_clone(const postparse_options *options, postparse_options **out) noexcept {
  if (!out) return POSTPARSE_ERR_INVALID_ARGUMENT;
  *out = nullptr;
  if (!options) return POSTPARSE_ERR_INVALID_ARGUMENT;
  return guarded([&] {
    *out = new postparse_options(*options);
    return POSTPARSE_OK;
  });
}

postparse_status postparse_options_set_yaml_schema(postparse_options *options, postparse_yaml_schema schema) noexcept {
  int value = enum_value(schema);
  if (!options || (value != POSTPARSE_YAML_1_2 && value != POSTPARSE_YAML_1_1)) return POSTPARSE_ERR_INVALID_ARGUMENT;
  options->options.schema = static_cast<impl::YamlSchema>(value);
  return POSTPARSE_OK;
}

postparse_status postparse_options_set_duplicate_keys(postparse_options *options,
                                         postparse_duplicate_keys policy) noexcept {
  int value = enum_value(policy);
  if (!options || value < POSTPARSE_DUPLICATE_ERROR || value > POSTPARSE_DUPLICATE_LAST_WINS)
    return POSTPARSE_ERR_INVALID_ARGUMENT;
  options->options.duplicate_keys = static_cast<impl::DuplicateKeys>(value);
  return POSTPARSE_OK;
}

postparse_status postparse_options_set_timezone(postparse_options *options, const char *name, size_t len) noexcept {
  if (!options || (!name && len > 0)) return POSTPARSE_ERR_INVALID_ARGUMENT;
  return guarded([&] {
    std::string_view zone_name(name ? name : "", len);
    const date::time_zone *zone = impl::dates::find_zone(zone_name);
    if (!zone) return POSTPARSE_ERR_UNKNOWN_TIMEZONE;
    options->options.zone_name = std::string(zone_name);
    options->options.zone = zone;
    return POSTPARSE_OK;
  });
}

postparse_status postparse_options_set_limit(postparse_options *options, postparse_limit limit, uint64_t value) noexcept {
  if (!options) return POSTPARSE_ERR_INVALID_ARGUMENT;
  std::uint64_t *slot = limit_slot(options->options.limits, enum_value(limit));
  if (!slot) return POSTPARSE_ERR_INVALID_ARGUMENT;
  impl::Limits defaults;
  *slot = value != 0 ? value : *limit_slot(defaults, enum_value(limit));
  return POSTPARSE_OK;
}

postparse_status postparse_options_get_limit(const postparse_options *options, postparse_limit limit, uint64_t *out) noexcept {
  if (!options || !out) return POSTPARSE_ERR_INVALID_ARGUMENT;
  impl::Limits copy = options->options.limits;
  std::uint64_t *slot = limit_slot(copy, enum_value(limit));
  if (!slot) return POSTPARSE_ERR_INVALID_ARGUMENT;
  *out = *slot;
  return POSTPARSE_OK;
}

postparse_status postparse_options_set_hexo_unfenced(postparse_options *options, bool enable) noexcept {
  if (!options) return POSTPARSE_ERR_INVALID_ARGUMENT;
  options->options.hexo_unfenced = enable;
  return POSTPARSE_OK;
}

postparse_status postparse_options_set_html_mode(postparse_options *options, postparse_html_mode mode) noexcept {
  int value = enum_value(mode);
  if (!options || value < POSTPARSE_HTML_AUTO || value > POSTPARSE_HTML_DOCUMENT) return POSTPARSE_ERR_INVALID_ARGUMENT;
  options->options.html_mode = static_cast<impl::HtmlMode>(value);
  return POSTPARSE_OK;
}

postparse_status postparse_options_set_html_errors(postparse_options *options, bool enable) noexcept {
  if (!options) return POSTPARSE_ERR_INVALID_ARGUMENT;
  options->options.html_errors = enable;
  return POSTPARSE_OK;
}

postparse_status postparse_options_set_scripting(postparse_options *options, bool enable) noexcept {
  if (!options) return POSTPARSE_ERR_INVALID_ARGUMENT;
  options->options.scripting = enable;
  return POSTPARSE_OK;
}

postparse_status postparse_options_set_source_name(postparse_options *options, const char *name, size_t len) noexcept {
  if (!options || (!name && len > 0)) return POSTPARSE_ERR_INVALID_ARGUMENT;
  return guarded([&] {
    options->options.source_name.assign(name ? name : "", len);
    options->options.has_source_name = true;
    return POSTPARSE_OK;
  });
}

postparse_status postparse_options_set_text_form(postparse_options *options, postparse_text_form form) noexcept {
  int value = enum_value(form);
  if (!options || value < POSTPARSE_TEXT_NFC || value > POSTPARSE_TEXT_RAW) return POSTPARSE_ERR_INVALID_ARGUMENT;
  options->options.text_form = static_cast<impl::TextForm>(value);
  return POSTPARSE_OK;
}

postparse_status postparse_options_add_profile(postparse_options *options, const postparse_profile *profile) noexcept {
  if (!options || !profile) return POSTPARSE_ERR_INVALID_ARGUMENT;
  return guarded([&] {
    options->profiles.added.push_back(profile->profile);
    return POSTPARSE_OK;
  });
}

postparse_status postparse_options_set_default_profile(postparse_options *options, bool enable) noexcept {
  if (!options) return POSTPARSE_ERR_INVALID_ARGUMENT;
  options->profiles.use_default = enable;
  return POSTPARSE_OK;
}

}  // extern "C"
