// postparse_value_*: reading the typed front matter tree.
#include <cstring>

#include "capi/handles.h"
#include "front_matter/dates.h"

using postparse::capi::guarded;
using postparse::capi::unwrap;
using postparse::capi::view;
using postparse::capi::wrap;
namespace impl = postparse::impl;

extern "C" {

postparse_kind postparse_value_kind(const postparse_value *value) noexcept {
  return value ? static_cast<postparse_kind>(unwrap(value)->kind) : POSTPARSE_KIND_NULL;
}

postparse_style postparse_value_style(const postparse_value *value) noexcept {
  return value ? static_cast<postparse_style>(unwrap(value)->style) : POSTPARSE_STYLE_PLAIN;
}

postparse_str postparse_value_tag(const postparse_value *value) noexcept {
  return value ? view(unwrap(value)->tag) : view({});
}

postparse_str postparse_value_text(const postparse_value *value) noexcept {
  return value ? view(unwrap(value)->text) : view({});
}

postparse_status postparse_value_bool(const postparse_value *value, bool *out) noexcept {
  if (!value || !out) return POSTPARSE_ERR_INVALID_ARGUMENT;
  if (unwrap(value)->kind != impl::Kind::boolean) return POSTPARSE_ERR_WRONG_KIND;
  *out = unwrap(value)->boolean;
  return POSTPARSE_OK;
}

postparse_status postparse_value_int(const postparse_value *value, int64_t *out) noexcept {
  if (!value || !out) return POSTPARSE_ERR_INVALID_ARGUMENT;
  const impl::Value &v = *unwrap(value);
  if (v.kind != impl::Kind::integer) return POSTPARSE_ERR_WRONG_KIND;
  if (v.big) return POSTPARSE_ERR_OUT_OF_RANGE;
  *out = v.integer;
  return POSTPARSE_OK;
}

bool postparse_value_is_big(const postparse_value *value) noexcept {
  return value && unwrap(value)->kind == impl::Kind::integer && unwrap(value)->big;
}

postparse_status postparse_value_float(const postparse_value *value, double *out) noexcept {
  if (!value || !out) return POSTPARSE_ERR_INVALID_ARGUMENT;
  const impl::Value &v = *unwrap(value);
  if (v.kind != impl::Kind::floating && v.kind != impl::Kind::integer) return POSTPARSE_ERR_WRONG_KIND;
  *out = v.floating;
  return POSTPARSE_OK;
}

postparse_status postparse_value_time(const postparse_value *value, postparse_time *out) noexcept {
  if (!value || !out) return POSTPARSE_ERR_INVALID_ARGUMENT;
  const impl::Value &v = *unwrap(value);
  if (!v.is_scalar()) return POSTPARSE_ERR_WRONG_KIND;
  return guarded([&] {
    impl::dates::Result r = impl::dates::parse(v.text, v.source->zone);
    if (r.outcome == impl::dates::Outcome::not_a_date) return POSTPARSE_ERR_NOT_FOUND;
    if (r.outcome == impl::dates::Outcome::invalid_date) return POSTPARSE_ERR_INVALID_DATE;
    postparse::capi::fill(out, postparse::capi::to_public(r.instant));
    return POSTPARSE_OK;
  });
}

size_t postparse_value_count(const postparse_value *value) noexcept {
  return value ? unwrap(value)->items.size() : 0;
}

const postparse_value *postparse_value_at(const postparse_value *value, size_t index) noexcept {
  if (!value || index >= unwrap(value)->items.size()) return nullptr;
  return wrap(unwrap(value)->items[index]);
}

const postparse_value *postparse_value_key_at(const postparse_value *value, size_t index) noexcept {
  if (!value || unwrap(value)->kind != impl::Kind::mapping || index >= unwrap(value)->keys.size())
    return nullptr;
  return wrap(unwrap(value)->keys[index]);
}

const postparse_value *postparse_value_get(const postparse_value *value, const char *key,
                                           size_t key_len) noexcept {
  if (!value || (!key && key_len > 0)) return nullptr;
  return wrap(unwrap(value)->find(std::string_view(key ? key : "", key_len)));
}

}  // extern "C"

extern "C" {

postparse_str postparse_value_raw(const postparse_value *value) noexcept {
  return value ? view(unwrap(value)->raw()) : view({});
}

postparse_span postparse_value_span(const postparse_value *value) noexcept {
  if (!value) return postparse_span{0, 0, 0, 0};
  const impl::Value &v = *unwrap(value);
  return postparse::capi::to_public(v.source->lines->span(v.begin, v.end));
}

}  // extern "C"
