#include "front_matter/json_reader.h"

#include <cstddef>
#include <string>

#include "common/ascii.h"
#include "common/utf8.h"

namespace postparse::impl {
namespace {

// Past this many open arrays and objects the reader leaves the text to
// yaml-cpp, whose flow depth check and diagnostics apply as before; the
// reader keeps its own stack, so the bound is not about recursion.
constexpr std::size_t kMaxNesting = 256;

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

class Reader {
 public:
  Reader(std::string_view text, std::vector<YamlEvent> &events) : t_(text), events_(events) {}

  bool document() {
    if (utf8_valid_prefix(t_) != t_.size()) return false;  // yaml-cpp's path says where
    skip_space();
    if (!value()) return false;
    while (!open_.empty()) {
      skip_space();
      bool ok = just_opened_ ? first_member_or_item() : continue_container();
      if (!ok) return false;
    }
    skip_space();
    return pos_ == t_.size();
  }

 private:
  // The containers still open, innermost last ('{' or '['), and whether the
  // innermost was opened with nothing read in it yet.
  std::string open_;
  bool just_opened_ = false;

  char closer() const { return open_.back() == '{' ? '}' : ']'; }
  void close() {
    ++pos_;
    open_.pop_back();
    event(YamlEvent::Type::end, pos_);
  }

  void skip_space() {
    while (pos_ < t_.size() && is_json_space(t_[pos_])) ++pos_;
  }
  bool at(char c) const { return pos_ < t_.size() && t_[pos_] == c; }

  YamlEvent &event(YamlEvent::Type type, std::size_t mark) {
    YamlEvent &e = events_.emplace_back();
    e.type = type;
    e.mark = mark;
    return e;
  }

  // One value at pos_.  A scalar is read whole; an array or object is only
  // opened (its start event written, pushed on open_): document()'s loop
  // reads its items, so nesting never recurses.
  bool value() {
    if (pos_ >= t_.size()) return false;
    switch (t_[pos_]) {
      case '{': return open('{', YamlEvent::Type::mapping_start);
      case '[': return open('[', YamlEvent::Type::sequence_start);
      case '"': return string();
      case 't': return word("true");
      case 'f': return word("false");
      case 'n':
        if (t_.substr(pos_, 4) != "null") return false;
        event(YamlEvent::Type::null, pos_);
        pos_ += 4;
        return true;
      default: return number();
    }
  }

  bool open(char bracket, YamlEvent::Type type) {
    if (open_.size() >= kMaxNesting) return false;
    YamlEvent &e = event(type, pos_);
    e.flow = true;
    ++pos_;
    open_ += bracket;
    just_opened_ = true;
    return true;
  }

  // The first thing in a container just opened: its closing bracket (it is
  // empty) or its first member or item.
  bool first_member_or_item() {
    just_opened_ = false;
    if (!at(closer())) return member_or_item();
    close();
    return true;
  }

  // The next key-value pair of the innermost object (pos_ at its key), or
  // the next item of the innermost array.
  bool member_or_item() {
    if (open_.back() == '{') {
      if (!at('"') || !string()) return false;
      skip_space();
      if (!at(':')) return false;
      ++pos_;
      skip_space();
    }
    return value();
  }

  // After an item of the innermost container: a comma and the next item,
  // or its closing bracket.
  bool continue_container() {
    skip_space();
    if (at(',')) {
      ++pos_;
      skip_space();
      return member_or_item();
    }
    if (!at(closer())) return false;
    close();
    return true;
  }

  bool word(std::string_view w) {
    if (t_.substr(pos_, w.size()) != w) return false;
    plain(pos_, pos_ + w.size());
    return true;
  }
  void plain(std::size_t begin, std::size_t end) {
    YamlEvent &e = event(YamlEvent::Type::scalar, begin);
    e.begin = begin;
    e.end = end;
    pos_ = end;
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  bool number() {
    std::size_t i = pos_;
    auto digits = [&] {
      std::size_t from = i;
      while (i < t_.size() && t_[i] >= '0' && t_[i] <= '9') ++i;
      return i > from;
    };
    if (i < t_.size() && t_[i] == '-') ++i;
    if (i < t_.size() && t_[i] == '0') {
      ++i;
    } else if (!digits()) {
      return false;
    }
    if (i < t_.size() && t_[i] == '.') {
      ++i;
      if (!digits()) return false;
    }
    if (i < t_.size() && (t_[i] == 'e' || t_[i] == 'E')) {
      ++i;
      if (i < t_.size() && (t_[i] == '+' || t_[i] == '-')) ++i;
      if (!digits()) return false;
    }
    plain(pos_, i);
    return true;
  }

  // A string at pos_ (its opening quote).  The content is the source bytes
  // unless an escape needs decoding.
  bool string() {
    std::size_t mark = pos_++;
    std::size_t begin = pos_;
    std::string decoded;
    bool escaped = false;
    for (;;) {
      if (pos_ >= t_.size()) return false;
      auto c = static_cast<unsigned char>(t_[pos_]);
      if (c < 0x20) return false;  // JSON needs control characters escaped
      if (c == '"') break;
      if (c != '\\') {
        if (escaped) decoded += static_cast<char>(c);
        ++pos_;
        continue;
      }
      if (!escaped) decoded.assign(t_.substr(begin, pos_ - begin));
      escaped = true;
      if (!escape(decoded)) return false;
    }
    YamlEvent &e = event(YamlEvent::Type::scalar, mark);
    e.quoted = true;
    e.begin = begin;
    e.end = pos_;
    if (escaped) {
      e.decoded = true;
      e.content = std::move(decoded);
    }
    ++pos_;
    return true;
  }

  // The escape at pos_ (its backslash), appended to `out`.
  bool escape(std::string &out) {
    if (pos_ + 1 >= t_.size()) return false;
    char c = t_[pos_ + 1];
    pos_ += 2;
    switch (c) {
      case '"': out += '"'; return true;
      case '\\': out += '\\'; return true;
      case '/': out += '/'; return true;
      case 'b': out += '\b'; return true;
      case 'f': out += '\f'; return true;
      case 'n': out += '\n'; return true;
      case 'r': out += '\r'; return true;
      case 't': out += '\t'; return true;
      case 'u': return unicode(out);
      default: return false;
    }
  }

  long hex4(std::size_t i) const {
    if (i + 4 > t_.size()) return -1;
    long v = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      int d = hex_digit_value(static_cast<unsigned char>(t_[i + k]));
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    return v;
  }

  // \uXXXX after its `\u` (pos_ at the digits).  A surrogate pair is one
  // character; a lone surrogate becomes U+FFFD, as the yaml-cpp path does.
  bool unicode(std::string &out) {
    long high = hex4(pos_);
    if (high < 0) return false;
    pos_ += 4;
    if (high < 0xD800 || high > 0xDFFF) {
      append_utf8(out, static_cast<char32_t>(high));
      return true;
    }
    long low = high <= 0xDBFF && t_.substr(pos_, 2) == "\\u" ? hex4(pos_ + 2) : -1;
    if (low >= 0xDC00 && low <= 0xDFFF) {
      pos_ += 6;
      append_utf8(out, static_cast<char32_t>(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)));
    } else {
      append_utf8(out, 0xFFFD);
    }
    return true;
  }

  std::string_view t_;
  std::vector<YamlEvent> &events_;
  std::size_t pos_ = 0;
};

}  // namespace

bool read_json(std::string_view text, std::vector<YamlEvent> &events) {
  events.clear();
  return Reader(text, events).document();
}

}  // namespace postparse::impl
