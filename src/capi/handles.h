// The C ABI's opaque handles and the conversions between them and the C++
// internals.  This folder is the only place that knows both sides.
#pragma once

#include <memory>
#include <cstring>
#include <new>
#include <string>
#include <string_view>

#include "common/options.h"
#include "document/document.h"
#include "postparse/postparse.h"

struct postparse_options {
  postparse::impl::Options options;
};

struct postparse_doc {
  std::unique_ptr<postparse::impl::Document> doc;
};

namespace postparse::capi {

// Runs `body` and turns any exception into a status: nothing thrown inside
// the library may cross the C boundary.
template <class Body>
int guarded(Body &&body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc &) {
    return POSTPARSE_ERR_NO_MEMORY;
  } catch (...) {
    return POSTPARSE_ERR_INTERNAL;
  }
}

inline const impl::Value *unwrap(const postparse_value *v) {
  return reinterpret_cast<const impl::Value *>(v);
}
inline const postparse_value *wrap(const impl::Value *v) {
  return reinterpret_cast<const postparse_value *>(v);
}

inline postparse_str view(std::string_view s) {
  return postparse_str{s.empty() ? "" : s.data(), s.size()};
}

postparse_span span_of(const impl::Document &doc, std::size_t begin, std::size_t end);

// The int a C caller passed as a public enum.  C lets any int through an
// enum parameter, but in C++ loading a value outside the enumerators' range
// is undefined, so the parameter's bytes are copied, never loaded as the
// enum; callers then range-check the int.
template <class Enum>
int enum_value(const Enum &value) {
  static_assert(sizeof(Enum) == sizeof(int), "public enums are int-sized");
  int raw;
  std::memcpy(&raw, &value, sizeof raw);
  return raw;
}

// A diagnostic as the C ABI gives it (its message borrowed from `d`).
inline postparse_diagnostic to_public(const impl::Diagnostic &d) {
  return postparse_diagnostic{d.code,     static_cast<postparse_severity>(d.severity),
                              static_cast<postparse_part>(d.part), view(d.message),
                              d.offset,   d.line,
                              d.column};
}

// Copies `text` into a malloc'd NUL-terminated buffer for the caller
// (*out; *len when not NULL).  POSTPARSE_ERR_NO_MEMORY when malloc fails.
int give(const std::string &text, char **out, size_t *len);

}  // namespace postparse::capi
