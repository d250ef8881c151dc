// postparse/cpp/core.hpp — the C++ wrapper's foundations: errors, the
// library's version, value types shared by every object, rendered buffers
// and the lazy index ranges.  Included by postparse/postparse.hpp; see
// there for the wrapper's conventions.
#ifndef POSTPARSE_CPP_CORE_HPP
#define POSTPARSE_CPP_CORE_HPP

#include <cstddef>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "postparse/postparse.h"

namespace postparse {

// A status code: POSTPARSE_OK or a POSTPARSE_ERR_* value (pinned forever).
using Status = postparse_status;
// A region of the source text (offset, length, 1-based line and column).
using Span = postparse_span;
// One problem found in a post or a profile.  Kept as the C struct so that
// code written against earlier versions of this wrapper keeps compiling:
// read its message with to_view(d.message); it is borrowed from the
// Document or Profile it came from.
using Diagnostic = postparse_diagnostic;
// A point in time read from a value (see Value::as_time, format_time).
using Time = postparse_time;
// A date-valued front matter field (Document::dates): its JSON pointer and
// value are borrowed from the Document.
using DateField = postparse_date;

// The pinned name of a status code ("syntax", "xpath", "ok"...).
inline std::string_view status_name(Status status) noexcept { return postparse_status_str(status); }

// A failed call.  status() is the POSTPARSE_ERR_* code the C call returned;
// what() reads "postparse: <status name>", followed by ": <detail>" when the
// wrapper knows more (the XPath expression, a profile error's position and
// message).  Immutable; safe to share between threads.
class Error : public std::runtime_error {
 public:
  explicit Error(Status status) : Error(status, std::string_view()) {}
  Error(Status status, std::string_view detail)
      : std::runtime_error(describe(status, detail)), status_(status) {}
  Status status() const noexcept { return status_; }
  std::string_view name() const noexcept { return status_name(status_); }

 private:
  static std::string describe(Status status, std::string_view detail) {
    std::string text = std::string("postparse: ") + postparse_status_str(status);
    if (!detail.empty()) text.append(": ").append(detail);
    return text;
  }
  Status status_;
};

// Throws Error for any status but POSTPARSE_OK.
inline void check(Status status) {
  if (status != POSTPARSE_OK) throw Error(status);
}
inline void check(Status status, std::string_view detail) {
  if (status != POSTPARSE_OK) throw Error(status, detail);
}

// A borrowed C string view as std::string_view (same lifetime).
inline std::string_view to_view(postparse_str s) noexcept { return {s.data, s.len}; }

// The version of the library actually linked (compare POSTPARSE_VERSION_STRING,
// the header's).  Thread-safe.
inline std::string_view version() noexcept { return postparse_version(); }
inline unsigned version_number() noexcept { return postparse_version_number(); }

// `time` as RFC 3339 (e.g. 2021-07-31T12:27:53+00:00); empty when the time
// is out of range (see postparse_time_format).  Thread-safe.
inline std::string format_time(const Time &time) {
  char buf[64];
  std::size_t n = postparse_time_format(&time, buf, sizeof buf);
  return std::string(buf, n);
}

namespace detail {

// Owns a buffer the library allocated for the caller.
struct FreeBuffer {
  void operator()(char *buffer) const noexcept { postparse_free(buffer); }
};
using Buffer = std::unique_ptr<char, FreeBuffer>;

// Copies a library buffer into a std::string and releases it.
inline std::string take(char *buffer, std::size_t len) {
  Buffer owned(buffer);
  return owned ? std::string(owned.get(), len) : std::string();
}

// A random-access range over a C collection read by index: `Source` is a
// small copyable struct holding the C handle(s), with `Item at(size_t)`.
// Items are made when dereferenced (one C call each, O(1) for a document's
// or node list's collections, plus O(log lines) for an item with a span),
// never stored, so making the range costs nothing; the range and its
// iterators are valid as long as the handle they read from.
template <class Source>
class IndexRange {
 public:
  using value_type = decltype(std::declval<const Source &>().at(0));
  using size_type = std::size_t;

  class iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = IndexRange::value_type;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = value_type;  // items are made on access

    iterator() = default;
    iterator(Source source, std::size_t index) : source_(source), index_(index) {}
    reference operator*() const { return source_.at(index_); }
    reference operator[](difference_type n) const { return source_.at(index_ + static_cast<std::size_t>(n)); }
    iterator &operator++() { ++index_; return *this; }
    iterator operator++(int) { iterator old = *this; ++index_; return old; }
    iterator &operator--() { --index_; return *this; }
    iterator operator--(int) { iterator old = *this; --index_; return old; }
    iterator &operator+=(difference_type n) { index_ += static_cast<std::size_t>(n); return *this; }
    iterator &operator-=(difference_type n) { index_ -= static_cast<std::size_t>(n); return *this; }
    friend iterator operator+(iterator it, difference_type n) { return it += n; }
    friend iterator operator+(difference_type n, iterator it) { return it += n; }
    friend iterator operator-(iterator it, difference_type n) { return it -= n; }
    friend difference_type operator-(const iterator &a, const iterator &b) {
      return static_cast<difference_type>(a.index_) - static_cast<difference_type>(b.index_);
    }
    friend bool operator==(const iterator &a, const iterator &b) { return a.index_ == b.index_; }
    friend bool operator!=(const iterator &a, const iterator &b) { return a.index_ != b.index_; }
    friend bool operator<(const iterator &a, const iterator &b) { return a.index_ < b.index_; }
    friend bool operator>(const iterator &a, const iterator &b) { return a.index_ > b.index_; }
    friend bool operator<=(const iterator &a, const iterator &b) { return a.index_ <= b.index_; }
    friend bool operator>=(const iterator &a, const iterator &b) { return a.index_ >= b.index_; }

   private:
    Source source_{};
    std::size_t index_ = 0;
  };

  IndexRange(Source source, std::size_t count) : source_(source), count_(count) {}
  // Iterators carry their own copy of the source: they stay valid after the
  // range object is gone, as long as the C handle lives.
  iterator begin() const { return iterator(source_, 0); }
  iterator end() const { return iterator(source_, count_); }
  std::size_t size() const noexcept { return count_; }
  bool empty() const noexcept { return count_ == 0; }
  value_type operator[](std::size_t index) const { return source_.at(index); }
  // Item `index`; throws std::out_of_range past the end.
  value_type at(std::size_t index) const {
    if (index >= count_) throw std::out_of_range("postparse: index out of range");
    return source_.at(index);
  }
  value_type front() const { return at(0); }
  value_type back() const { return at(count_ - 1); }

 private:
  Source source_;
  std::size_t count_;
};

}  // namespace detail
}  // namespace postparse

#endif  // POSTPARSE_CPP_CORE_HPP
