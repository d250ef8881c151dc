// The C ABI's opaque handles and the conversions between them and the C++
// internals.  This folder is the only place that knows both sides.
#pragma once

#include <memory>
#include <cstring>
#include <new>
#include <string>
#include <string_view>

#include "capi/enum_mirrors.h"
#include "common/options.h"
#include "document/document.h"
#include "extract/profile_set.h"
#include "postparse/postparse.h"

// The profiles are the extract stage's business, held next to the options
// rather than in them (common/ depends on no stage).
struct postparse_options {
  postparse::impl::Options options;
  postparse::impl::extract::ProfileSet profiles;
};

// Shared: options that a profile was added to keep it alive.
struct postparse_profile {
  std::shared_ptr<const postparse::impl::extract::Profile> profile;
};

struct postparse_doc {
  std::unique_ptr<postparse::impl::Document> doc;
};

namespace postparse::capi {

// Runs `body` and turns any exception into a status: nothing thrown inside
// the library may cross the C boundary.
template <class Body>
postparse_status guarded(Body &&body) noexcept {
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

inline postparse_span to_public(const impl::SourceSpan &s) {
  return postparse_span{s.offset, s.length, s.line, s.column};
}

// [begin, end) of the document's input as a public span.
inline postparse_span span_of(const impl::Document &doc, std::size_t begin, std::size_t end) {
  return to_public(doc.lines->span(begin, end));
}

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

// Growing structs (see "Growing structs" in postparse.h).  The size each
// struct had when first published: a caller's `size` below it is refused.
// A member appended later must not change these numbers.
template <class Struct>
constexpr std::size_t kFirstPublishedSize = sizeof(Struct);

// Whether the caller's struct is large enough to be filled.
template <class Struct>
bool fits(const Struct *out) {
  return out && out->size >= kFirstPublishedSize<Struct>;
}

// Copies `value` into the caller's struct: only the members that fit in
// the caller's `size`, which is kept, so that a caller built against an
// older, shorter struct never has memory written past its end.
template <class Struct>
void fill(Struct *out, Struct value) {
  std::size_t caller_size = out->size;
  value.size = caller_size;
  std::memcpy(static_cast<void *>(out), &value, caller_size < sizeof value ? caller_size : sizeof value);
}

// A point in time as the C ABI gives it.
inline postparse_time to_public(const impl::dates::Instant &instant) {
  postparse_time out{};
  out.size = sizeof out;
  out.unix_seconds = instant.unix_seconds;
  out.nanoseconds = instant.nanoseconds;
  out.offset_seconds = instant.offset_seconds;
  out.explicit_offset = instant.explicit_offset;
  out.has_time = instant.has_time;
  return out;
}

// A diagnostic as the C ABI gives it (its message borrowed from `d`).
inline postparse_diagnostic to_public(const impl::Diagnostic &d) {
  postparse_diagnostic out{};
  out.size = sizeof out;
  out.code = d.code;
  out.severity = static_cast<postparse_severity>(d.severity);
  out.part = static_cast<postparse_part>(d.part);
  out.message = view(d.message);
  out.offset = d.offset;
  out.line = d.line;
  out.column = d.column;
  return out;
}

// Copies `text` into a malloc'd NUL-terminated buffer for the caller
// (*out; *len when not NULL).  POSTPARSE_ERR_NO_MEMORY when malloc fails.
postparse_status give(const std::string &text, char **out, size_t *len);

}  // namespace postparse::capi
