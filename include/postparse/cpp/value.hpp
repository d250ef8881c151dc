// postparse/cpp/value.hpp — the typed front matter tree (postparse_value_*).
// Included by postparse/postparse.hpp.
#ifndef POSTPARSE_CPP_VALUE_HPP
#define POSTPARSE_CPP_VALUE_HPP

#include <cstdint>
#include <optional>
#include <string_view>

#include "postparse/cpp/core.hpp"

namespace postparse {

// A borrowed view of one front matter value; cheap to copy.
// Lifetime: valid while the Document it came from lives (moving the Document
// object keeps it valid; destroying it does not).  A default or missing
// Value is falsy, and reads as the C "nothing" results (kind NULL, empty
// views, size 0).
// Threads: immutable; any number of threads may read it at once.
// Errors: as_bool/as_int/as_double throw Error (POSTPARSE_ERR_WRONG_KIND,
// POSTPARSE_ERR_OUT_OF_RANGE, POSTPARSE_ERR_INVALID_ARGUMENT for a missing
// value); as_time gives nullopt instead.
class Value {
 public:
  Value() = default;
  explicit Value(const postparse_value *raw) : raw_(raw) {}
  explicit operator bool() const noexcept { return raw_ != nullptr; }

  postparse_kind kind() const noexcept { return postparse_value_kind(raw_); }
  postparse_style style() const noexcept { return postparse_value_style(raw_); }
  // A scalar's text after unquoting; empty for collections.
  std::string_view text() const noexcept { return to_view(postparse_value_text(raw_)); }
  // The value exactly as written in the file.
  std::string_view raw_text() const noexcept { return to_view(postparse_value_raw(raw_)); }
  std::string_view tag() const noexcept { return to_view(postparse_value_tag(raw_)); }
  Span span() const noexcept { return postparse_value_span(raw_); }
  bool as_bool() const {
    bool b = false;
    check(postparse_value_bool(raw_, &b));
    return b;
  }
  std::int64_t as_int() const {
    std::int64_t i = 0;
    check(postparse_value_int(raw_, &i));
    return i;
  }
  double as_double() const {
    double d = 0;
    check(postparse_value_float(raw_, &d));
    return d;
  }
  // True when an integer does not fit in int64_t (its digits are text()).
  bool is_big() const noexcept { return postparse_value_is_big(raw_); }
  // The value read as a time, or nullopt when it is not a date (collections,
  // text that is no date, impossible dates).  Cost: linear in the text.
  std::optional<Time> as_time() const {
    Time t = POSTPARSE_INIT(postparse_time);
    Status status = postparse_value_time(raw_, &t);
    if (status == POSTPARSE_ERR_NOT_FOUND || status == POSTPARSE_ERR_INVALID_DATE ||
        status == POSTPARSE_ERR_WRONG_KIND)
      return std::nullopt;
    check(status);
    return t;
  }
  // Items of a sequence or pairs of a mapping (0 otherwise).
  std::size_t size() const noexcept { return postparse_value_count(raw_); }
  // Item `index` of a sequence or value of pair `index`; falsy when absent.
  Value operator[](std::size_t index) const noexcept { return Value(postparse_value_at(raw_, index)); }
  // The value of the first pair with this key; falsy when absent.  Cost: O(pairs).
  Value operator[](std::string_view key) const noexcept {
    return Value(postparse_value_get(raw_, key.data(), key.size()));
  }
  // The key of pair `index` of a mapping; falsy when absent.
  Value key_at(std::size_t index) const noexcept { return Value(postparse_value_key_at(raw_, index)); }
  const postparse_value *get() const noexcept { return raw_; }

 private:
  const postparse_value *raw_ = nullptr;
};

}  // namespace postparse

#endif  // POSTPARSE_CPP_VALUE_HPP
