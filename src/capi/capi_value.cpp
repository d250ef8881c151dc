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

int postparse_value_bool(const postparse_value *value, int *out) noexcept {
  if (!value || !out) return POSTPARSE_ERR_INVALID_ARGUMENT;
  if (unwrap(value)->kind != impl::Kind::boolean) return POSTPARSE_ERR_WRONG_KIND;
  *out = unwrap(value)->boolean ? 1 : 0;
  return POSTPARSE_OK;
}

int postparse_value_int(const postparse_value *value, int64_t *out) noexcept {
  if (!value || !out) return POSTPARSE_ERR_INVALID_ARGUMENT;
  const impl::Value &v = *unwrap(value);
  if (v.kind != impl::Kind::integer) return POSTPARSE_ERR_WRONG_KIND;
  if (v.big) return POSTPARSE_ERR_OUT_OF_RANGE;
  *out = v.integer;
  return POSTPARSE_OK;
}

int postparse_value_is_big(const postparse_value *value) noexcept {
  return value && unwrap(value)->kind == impl::Kind::integer && unwrap(value)->big;
}

int postparse_value_float(const postparse_value *value, double *out) noexcept {
  if (!value || !out) return POSTPARSE_ERR_INVALID_ARGUMENT;
  const impl::Value &v = *unwrap(value);
  if (v.kind != impl::Kind::floating && v.kind != impl::Kind::integer) return POSTPARSE_ERR_WRONG_KIND;
  *out = v.floating;
  return POSTPARSE_OK;
}

int postparse_value_time(const postparse_value *value, postparse_time *out) noexcept {
  if (!value || !out) return POSTPARSE_ERR_INVALID_ARGUMENT;
  const impl::Value &v = *unwrap(value);
  if (!v.is_scalar()) return POSTPARSE_ERR_WRONG_KIND;
  return guarded([&] {
    impl::dates::Result r = impl::dates::parse(v.text, v.source->zone);
    if (r.outcome == impl::dates::Outcome::not_a_date) return POSTPARSE_ERR_NOT_FOUND;
    if (r.outcome == impl::dates::Outcome::invalid_date) return POSTPARSE_ERR_INVALID_DATE;
    out->unix_seconds = r.instant.unix_seconds;
    out->nanoseconds = r.instant.nanoseconds;
    out->offset_seconds = r.instant.offset_seconds;
    out->explicit_offset = r.instant.explicit_offset;
    out->has_time = r.instant.has_time;
    return POSTPARSE_OK;
  });
}

size_t postparse_time_format(const postparse_time *time, char *buf, size_t size) noexcept {
  if (!time || !buf) return 0;
  // Years 0000-9999, offsets under a day: what ISO 8601 text can hold.
  constexpr int64_t kMin = -62167219200, kMax = 253402300799;
  if (time->nanoseconds < 0 || time->nanoseconds > 999999999 || time->offset_seconds <= -86400 ||
      time->offset_seconds >= 86400)
    return 0;
  // The clock time shown uses the offset rounded to the minute (RFC 3339).
  if (time->unix_seconds < kMin - 86400 || time->unix_seconds > kMax + 86400) return 0;
  const int64_t shown = time->unix_seconds + impl::dates::rfc3339_offset(time->offset_seconds);
  if (shown < kMin || shown > kMax) return 0;
  try {
    impl::dates::Instant instant;
    instant.unix_seconds = time->unix_seconds;
    instant.nanoseconds = time->nanoseconds;
    instant.offset_seconds = time->offset_seconds;
    instant.explicit_offset = time->explicit_offset != 0;
    instant.has_time = time->has_time != 0;
    instant.fraction_digits = time->nanoseconds ? 9 : 0;
    std::string text = impl::dates::format_iso8601(instant);
    if (text.size() + 1 > size) return 0;
    std::memcpy(buf, text.c_str(), text.size() + 1);
    return text.size();
  } catch (...) {
    return 0;
  }
}

size_t postparse_value_size(const postparse_value *value) noexcept {
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
  impl::LineColumn where = v.source->lines->locate(v.begin);
  return postparse_span{v.begin, v.end - v.begin, where.line, where.column};
}

}  // extern "C"
