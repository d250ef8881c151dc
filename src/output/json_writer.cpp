#include "output/json_writer.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "common/bytes8.h"
#include "common/utf8.h"

namespace postparse::impl {
void JsonWriter::separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_ += ',';
    first_.back() = false;
  }
}

void JsonWriter::begin_object() {
  separate();
  out_ += '{';
  first_.push_back(true);
}

void JsonWriter::end_object() {
  out_ += '}';
  first_.pop_back();
}

void JsonWriter::begin_array() {
  separate();
  out_ += '[';
  first_.push_back(true);
}

void JsonWriter::end_array() {
  out_ += ']';
  first_.pop_back();
}

void JsonWriter::key(std::string_view name) {
  separate();
  quoted(name, true);
  after_key_ = true;
}

namespace {

// Bytes that cannot stand as they are inside a JSON string.
struct EscapeTable {
  bool needed[256] = {};
  constexpr EscapeTable() {
    for (int c = 0; c < 0x20; ++c) needed[c] = true;
    needed['"'] = needed['\\'] = needed[0x7F] = true;
  }
};
constexpr EscapeTable kEscape;

// Whether any byte of `word` (all of them ASCII) needs escaping: below 0x20,
// '"', '\\' or DEL.
bool word_needs_escape(std::uint64_t word) {
  return bytes8::has_byte_below(word, 0x20) || bytes8::has_byte(word, '"') || bytes8::has_byte(word, '\\') ||
         bytes8::has_byte(word, 0x7F);
}

// Length of the prefix of `text` that can be written as it is: no byte that
// needs escaping, well-formed UTF-8.  Plain ASCII goes eight bytes at a time.
std::size_t plain_prefix(std::string_view text) {
  const auto *s = reinterpret_cast<const unsigned char *>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      const std::uint64_t word = bytes8::load(s + i);
      if (bytes8::all_ascii(word) && !word_needs_escape(word)) {
        i += 8;
        continue;
      }
    }
    if (s[i] < 0x80) {
      if (kEscape.needed[s[i]]) return i;
      ++i;
      continue;
    }
    const std::size_t length = utf8_sequence_length(s + i, n - i);
    if (length == 0) return i;
    i += length;
  }
  return n;
}

}  // namespace

// `"text"` (and `:` for a key) in one append when nothing needs escaping,
// which is almost always: keys and most values are plain.
void JsonWriter::quoted(std::string_view text, bool as_key) {
  std::size_t plain = plain_prefix(text);
  if (plain == text.size()) {
    std::size_t at = out_.size();
    out_.resize(at + text.size() + (as_key ? 3 : 2));
    char *p = &out_[at];
    *p++ = '"';
    std::memcpy(p, text.data(), text.size());
    p += text.size();
    *p++ = '"';
    if (as_key) *p = ':';
    return;
  }
  out_.reserve(out_.size() + text.size() + 3);
  out_ += '"';
  escaped(text, plain);
  out_ += '"';
  if (as_key) out_ += ':';
}

// The rest of `text` from `from` (the end of its plain prefix): runs of
// bytes that need no escaping are copied at once, the others escaped, and
// validity is checked a whole prefix at a time.
void JsonWriter::escaped(std::string_view text, std::size_t from) {
  const auto *s = reinterpret_cast<const unsigned char *>(text.data());
  std::size_t valid_end = from + utf8_valid_prefix(text.substr(from));
  out_.append(text.data(), from);
  std::size_t run = from;
  for (std::size_t i = from; i < text.size();) {
    while (i < valid_end && !kEscape.needed[s[i]]) ++i;
    if (i == text.size()) break;
    out_.append(text.data() + run, i - run);
    escape_byte(s[i]);  // an escape, or U+FFFD at the end of the valid prefix
    run = ++i;
    if (i > valid_end) valid_end = i + utf8_valid_prefix(text.substr(i));
  }
  out_.append(text.data() + run, text.size() - run);
}

void JsonWriter::string(std::string_view text) {
  separate();
  quoted(text, false);
}

// One byte that cannot stand as it is in a JSON string: an escape, or
// U+FFFD for a byte that starts no well-formed UTF-8 sequence.
void JsonWriter::escape_byte(unsigned char c) {
  static const char kHex[] = "0123456789abcdef";
  switch (c) {
    case '"': out_ += "\\\""; break;
    case '\\': out_ += "\\\\"; break;
    case '\n': out_ += "\\n"; break;
    case '\r': out_ += "\\r"; break;
    case '\t': out_ += "\\t"; break;
    case '\b': out_ += "\\b"; break;
    case '\f': out_ += "\\f"; break;
    default:
      if (c >= 0x80) {
        out_ += "\xEF\xBF\xBD";
      } else {
        out_ += "\\u00";
        out_ += kHex[c >> 4];
        out_ += kHex[c & 0xF];
      }
  }
}

void JsonWriter::integer(std::int64_t value) {
  separate();
  char digits[21];
  auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out_.append(digits, static_cast<std::size_t>(end - digits));
}

void JsonWriter::unsigned_integer(std::uint64_t value) {
  separate();
  char digits[20];
  auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out_.append(digits, static_cast<std::size_t>(end - digits));
}

void JsonWriter::number(double value) {
  if (std::isnan(value)) return string(".nan");
  if (std::isinf(value)) return string(value > 0 ? ".inf" : "-.inf");
  separate();
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  std::string_view digits(buf, static_cast<std::size_t>(end - buf));
  out_ += digits;
  // Keep floats recognisable as floats (1.0 rather than 1).
  if (digits.find_first_of(".eE") == std::string_view::npos) out_ += ".0";
}

void JsonWriter::span_object(std::uint64_t offset, std::uint64_t length, std::uint64_t line,
                             std::uint64_t column) {
  separate();
  char text[128];
  char *p = text;
  auto member = [&p](std::string_view name, std::uint64_t value) {
    std::memcpy(p, name.data(), name.size());
    p += name.size();
    p = std::to_chars(p, p + 20, value).ptr;
  };
  member("{\"offset\":", offset);
  member(",\"length\":", length);
  member(",\"line\":", line);
  member(",\"column\":", column);
  *p++ = '}';
  out_.append(text, static_cast<std::size_t>(p - text));
}

void JsonWriter::raw_number(std::string_view digits) {
  separate();
  out_ += digits;
}

void JsonWriter::boolean(bool value) {
  separate();
  out_ += value ? "true" : "false";
}

void JsonWriter::null() {
  separate();
  out_ += "null";
}

}  // namespace postparse::impl
