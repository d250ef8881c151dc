#include "output/json_writer.h"

#include <charconv>
#include <cmath>

namespace postparse::impl {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 when it is not valid
// (overlong forms, surrogates and values past U+10FFFF are invalid).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  if (n == 2 && c < 0xC2) return 0;
  if (n == 3) {
    unsigned char c1 = byte(i + 1);
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) return 0;
  }
  if (n == 4) {
    unsigned char c1 = byte(i + 1);
    if ((c == 0xF0 && c1 < 0x90) || c > 0xF4 || (c == 0xF4 && c1 >= 0x90)) return 0;
  }
  return n;
}

}  // namespace

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
  string(name);
  out_ += ':';
  after_key_ = true;
}

void JsonWriter::string(std::string_view text) {
  separate();
  out_.reserve(out_.size() + text.size() + 2);
  out_ += '"';
  // Runs of bytes that need no escaping (printable ASCII but '"' and '\\',
  // and well-formed UTF-8) are copied at once: most text is one run.
  std::size_t run = 0;
  auto flush = [&](std::size_t end) { out_.append(text.data() + run, end - run); };
  for (std::size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      if (std::size_t n = utf8_sequence_length(text, i)) {
        i += n;
        continue;
      }
    }
    flush(i);
    escape_byte(c);
    run = ++i;
  }
  flush(text.size());
  out_ += '"';
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
  out_ += std::to_string(value);
}

void JsonWriter::unsigned_integer(std::uint64_t value) {
  separate();
  out_ += std::to_string(value);
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
