#include "output/json_writer.h"

#include <charconv>
#include <cmath>

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
  string(name);
  out_ += ':';
  after_key_ = true;
}

void JsonWriter::string(std::string_view text) {
  separate();
  out_.reserve(out_.size() + text.size() + 2);
  out_ += '"';
  // Bytes that need no escaping (printable ASCII but '"' and '\\', and
  // well-formed UTF-8) are copied in runs: most text is one run.  Validity
  // is checked ahead, a whole prefix at a time.
  static const struct EscapeTable {
    bool needed[256] = {};
    EscapeTable() {
      for (int c = 0; c < 0x20; ++c) needed[c] = true;
      needed['"'] = needed['\\'] = needed[0x7F] = true;
    }
  } kEscape;
  const auto *s = reinterpret_cast<const unsigned char *>(text.data());
  std::size_t valid_end = utf8_valid_prefix(text);
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size();) {
    while (i < valid_end && !kEscape.needed[s[i]]) ++i;
    if (i == text.size()) break;
    out_.append(text.data() + run, i - run);
    escape_byte(s[i]);  // an escape, or U+FFFD at the end of the valid prefix
    run = ++i;
    if (i > valid_end) valid_end = i + utf8_valid_prefix(text.substr(i));
  }
  out_.append(text.data() + run, text.size() - run);
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
