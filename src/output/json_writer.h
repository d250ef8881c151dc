// A small streaming JSON writer: postparse's output needs only objects,
// arrays, strings and numbers, always valid UTF-8, on one line.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace postparse::impl {

class JsonWriter {
 public:
  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void key(std::string_view name);
  void string(std::string_view text);  // invalid UTF-8 becomes U+FFFD
  void integer(std::int64_t value);
  void unsigned_integer(std::uint64_t value);
  void number(double value);           // non-finite numbers become strings
  void raw_number(std::string_view digits);
  // {"offset":N,"length":N,"line":N,"column":N} in one append: every
  // paragraph, inline element, image, link and comment has one.
  void span_object(std::uint64_t offset, std::uint64_t length, std::uint64_t line, std::uint64_t column);
  void boolean(bool value);
  void null();

  std::string &str() { return out_; }

 private:
  void separate();
  void quoted(std::string_view text, bool as_key);
  void escaped(std::string_view text, std::size_t from);
  void escape_byte(unsigned char c);

  std::string out_;
  std::vector<bool> first_;  // per open container: no member written yet
  bool after_key_ = false;
};

}  // namespace postparse::impl
