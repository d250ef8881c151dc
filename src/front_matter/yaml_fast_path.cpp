#include "front_matter/yaml_fast_path.h"

#include <atomic>
#include <cstdint>
#include <cstring>

#include "common/ascii.h"
#include "common/utf8.h"
#include "front_matter/json_reader.h"
#include "front_matter/scalar_types.h"
#include "front_matter/tree_builder.h"

namespace postparse::impl {
namespace {

// Far below yaml-cpp's own recursion limit, past which it fails where the
// reader would not; real front matter nests two or three levels.
constexpr std::size_t kMaxNesting = 64;
// yaml-cpp refuses a key longer than 1024 characters (a "simple key").
constexpr std::size_t kMaxKeyBytes = 1000;

bool is_line_end(std::string_view t, std::size_t i) { return i >= t.size() || t[i] == '\n'; }
bool is_blank_or_end(std::string_view t, std::size_t i) { return is_line_end(t, i) || t[i] == ' '; }
bool is_one_of(char c, std::string_view set) { return set.find(c) != std::string_view::npos; }

// Bytes whose reading by yaml-cpp the reader does not reproduce: control
// characters (tab and CR included: yaml-cpp gives tabs meanings of their
// own, and CR is what load_yaml normalises), DEL, ill-formed UTF-8 (yaml-cpp
// replaces it, which moves offsets), C1 controls with NEL, the line and
// paragraph separators, byte order marks and noncharacters U+FFFE/U+FFFF.
bool has_unusual_bytes(std::string_view t) {
  if (utf8_valid_prefix(t) != t.size()) return true;
  const auto *s = reinterpret_cast<const unsigned char *>(t.data());
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  for (std::size_t i = 0, n = t.size(); i < n;) {
    // Eight printable ASCII bytes at once: none below 0x20, none above 0x7E.
    if (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, s + i, 8);
      bool below = ((w - kOnes * 0x20) & ~w & kHighs) != 0;
      bool above = (((w + kOnes * (127 - 0x7E)) | w) & kHighs) != 0;
      if (!below && !above) {
        i += 8;
        continue;
      }
    }
    unsigned char c = s[i];
    if ((c >= 0x20 && c < 0x7F) || c == '\n') {
      ++i;
      continue;
    }
    if (c < 0x80) return true;  // a control character or DEL
    // Well-formed UTF-8 here, so the bytes after a lead byte exist.
    if (c == 0xC2 && s[i + 1] < 0xA0) return true;
    if (c == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) return true;
    if (c == 0xEF && ((s[i + 1] == 0xBB && s[i + 2] == 0xBF) || (s[i + 1] == 0xBF && s[i + 2] >= 0xBE))) return true;
    ++i;
  }
  return false;
}

// A plain scalar may start with this character in block context (`-`, `?`
// and `:` only when a non-blank follows them, as yaml-cpp's PlainScalar).
bool plain_start_in_block(std::string_view t, std::size_t i) {
  char c = t[i];
  if (c == ' ' || c == '\n' || is_one_of(c, ",[]{}#&*!|>'\"%@`")) return false;
  return !(is_one_of(c, "-?:") && is_blank_or_end(t, i + 1));
}

// The same inside `[...]`, with margins: the reader also refuses `-` and
// `:` before a flow indicator or `#`, and `?` anywhere at the start.
bool plain_start_in_flow(std::string_view t, std::size_t i) {
  char c = t[i];
  if (c == ' ' || c == '\n' || is_one_of(c, "?,[]{}#&*!|>'\"%@`")) return false;
  return !(is_one_of(c, "-:") && (is_blank_or_end(t, i + 1) || is_one_of(t[i + 1], ",[]{}#")));
}

// \uXXXX's code point, or -1 when it is not four hex digits or a surrogate
// (which yaml-cpp refuses).
long unicode_escape(std::string_view t, std::size_t i) {
  if (i + 4 > t.size()) return -1;
  long cp = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    int d = hex_digit_value(static_cast<unsigned char>(t[i + k]));
    if (d < 0) return -1;
    cp = cp * 16 + d;
  }
  return cp >= 0xD800 && cp <= 0xDFFF ? -1 : cp;
}

class Reader {
 public:
  Reader(std::string_view text, std::vector<YamlEvent> &events) : t_(text), events_(events) {}

  bool document() {
    if (has_unusual_bytes(t_)) return false;
    Line first = next_line(0);
    if (!first.found) return false;  // an empty block: rare, left to yaml-cpp
    pos_ = first.content();
    if (!mapping(first.indent, 1)) return false;
    return !next_line(pos_).found;
  }

 private:
  // The next line with something on it, from the line start `pos`.
  struct Line {
    bool found = false;
    std::size_t start = 0, indent = 0;
    std::size_t content() const { return start + indent; }
  };
  Line next_line(std::size_t pos) const {
    while (pos < t_.size()) {
      std::size_t i = pos;
      while (i < t_.size() && t_[i] == ' ') ++i;
      if (i == t_.size()) break;
      if (t_[i] != '\n') return Line{true, pos, i - pos};
      pos = i + 1;
    }
    return Line{};
  }
  bool is_entry_dash(std::size_t i) const { return t_[i] == '-' && is_blank_or_end(t_, i + 1); }

  void event(YamlEvent::Type type, std::size_t mark, bool flow = false) {
    YamlEvent &e = events_.emplace_back();
    e.type = type;
    e.mark = mark;
    e.flow = flow;
  }
  // A plain scalar is a null when yaml-cpp's IsNullString says so; its
  // mark is where it starts either way.
  void plain(std::size_t begin, std::size_t end) {
    std::string_view s = t_.substr(begin, end - begin);
    if (s == "~" || s == "null" || s == "Null" || s == "NULL") return event(YamlEvent::Type::null, begin);
    event(YamlEvent::Type::scalar, begin);
    events_.back().begin = begin;
    events_.back().end = end;
  }
  void quoted(std::size_t mark, std::size_t begin, std::size_t end) {
    event(YamlEvent::Type::scalar, mark);
    events_.back().quoted = true;
    events_.back().begin = begin;
    events_.back().end = end;
  }

  void skip_spaces() {
    while (pos_ < t_.size() && t_[pos_] == ' ') ++pos_;
  }
  // Only blanks may follow a value on its line; moves to the next line.
  bool end_of_line() {
    skip_spaces();
    if (!is_line_end(t_, pos_)) return false;
    if (pos_ < t_.size()) ++pos_;
    return true;
  }

  // Pairs of `key: value` lines starting at `column`; pos_ is at the first
  // key.  Ends at a line indented less (pos_ at a line start).
  bool mapping(std::size_t column, std::size_t depth) {
    if (depth > kMaxNesting) return false;
    event(YamlEvent::Type::mapping_start, pos_);
    for (;;) {
      if (!key()) return false;
      skip_spaces();
      if (is_line_end(t_, pos_)) {
        if (pos_ < t_.size()) ++pos_;
        if (!value_below(column, depth)) return false;
      } else if (!inline_value() || !end_of_line()) {
        return false;
      }
      Line next = next_line(pos_);
      if (!next.found || next.indent < column) break;
      if (next.indent > column) return false;  // a continuation line, or an error
      pos_ = next.content();
    }
    event(YamlEvent::Type::end, pos_);
    return true;
  }

  // A plain key on one line, up to `: ` or a `:` ending the line.
  bool key() {
    std::size_t start = pos_;
    if (!plain_start_in_block(t_, start) || t_.substr(start, 3) == "---" || t_.substr(start, 3) == "...")
      return false;
    std::size_t last = start;
    for (std::size_t i = start; i < t_.size(); ++i) {
      char c = t_[i];
      if (c == '\n') return false;
      if (c == ':' && is_blank_or_end(t_, i + 1)) {
        if (i - start > kMaxKeyBytes) return false;
        plain(start, last);
        pos_ = i + 1;
        return true;
      }
      if (c == '#' && t_[i - 1] == ' ') return false;  // a comment
      if (c != ' ') last = i + 1;
    }
    return false;
  }

  // What follows `key:` on the lines below: a nested mapping, a block
  // sequence (which may sit at the key's own column), or nothing at all,
  // which is a null.  pos_ is at the start of the next line.
  bool value_below(std::size_t column, std::size_t depth) {
    Line next = next_line(pos_);
    if (next.found) {
      bool dash = is_entry_dash(next.content());
      if (next.indent > column || (next.indent == column && dash)) {
        pos_ = next.content();
        return dash ? sequence(next.indent, next.indent == column, depth + 1) : mapping(next.indent, depth + 1);
      }
    }
    // yaml-cpp marks such a null at the next token: the next line's
    // content, or the end of the text.
    event(YamlEvent::Type::null, next.found ? next.content() : t_.size());
    return true;
  }

  // `- value` lines at `column`; pos_ is at the first dash.  A sequence at
  // its parent key's column ends at the next key there.
  bool sequence(std::size_t column, bool at_key_column, std::size_t depth) {
    if (depth > kMaxNesting) return false;
    event(YamlEvent::Type::sequence_start, pos_);
    for (;;) {
      ++pos_;
      skip_spaces();
      if (is_line_end(t_, pos_)) return false;  // a null item
      if (!inline_value() || !end_of_line()) return false;
      Line next = next_line(pos_);
      if (!next.found || next.indent < column) break;
      if (next.indent > column) return false;
      if (!is_entry_dash(next.content())) {
        if (at_key_column) break;
        return false;
      }
      pos_ = next.content();
    }
    event(YamlEvent::Type::end, pos_);
    return true;
  }

  // A scalar or `[...]` after `key: ` or `- `.
  bool inline_value() {
    switch (t_[pos_]) {
      case '\'': return single_quoted();
      case '"': return double_quoted();
      case '[': return flow_sequence();
      default: return plain_in_block();
    }
  }

  // To the end of the line; a `: ` (a mapping yaml-cpp would refuse or
  // nest) or a comment makes the reader give up.
  bool plain_in_block() {
    std::size_t start = pos_;
    if (!plain_start_in_block(t_, start)) return false;
    std::size_t last = start, i = start;
    for (; !is_line_end(t_, i); ++i) {
      char c = t_[i];
      if (c == ':' && is_blank_or_end(t_, i + 1)) return false;
      if (c == '#' && t_[i - 1] == ' ') return false;
      if (c != ' ') last = i + 1;
    }
    plain(start, last);
    pos_ = i;
    return true;
  }

  // Up to a `,` or `]`, on the same line.  Everything that would end or
  // nest a plain scalar inside brackets makes the reader give up.
  bool plain_in_flow() {
    std::size_t start = pos_;
    if (!plain_start_in_flow(t_, start)) return false;
    std::size_t last = start, i = start;
    for (;; ++i) {
      if (is_line_end(t_, i)) return false;
      char c = t_[i];
      if (c == ',' || c == ']') break;
      if (is_one_of(c, "[{}?")) return false;
      if (c == ':' && (is_blank_or_end(t_, i + 1) || is_one_of(t_[i + 1], ",[]{}"))) return false;
      if (c == '#' && t_[i - 1] == ' ') return false;
      if (c != ' ') last = i + 1;
    }
    plain(start, last);
    pos_ = i;
    return true;
  }

  // '...' on one line; '' is a quote.
  bool single_quoted() {
    std::size_t start = pos_;
    bool escaped = false;
    std::size_t i = start + 1;
    for (;; ++i) {
      if (is_line_end(t_, i)) return false;
      if (t_[i] != '\'') continue;
      if (i + 1 < t_.size() && t_[i + 1] == '\'') {
        escaped = true;
        ++i;
        continue;
      }
      break;
    }
    quoted(start, start + 1, i);
    if (escaped) {
      YamlEvent &e = events_.back();
      e.decoded = true;
      for (std::size_t k = start + 1; k < i; ++k) {
        e.content += t_[k];
        if (t_[k] == '\'') ++k;
      }
    }
    pos_ = i + 1;
    return true;
  }

  // "..." on one line, with the escapes \\ \" \/ \n \t \r \uXXXX only.
  bool double_quoted() {
    std::size_t start = pos_;
    bool escaped = false;
    std::size_t i = start + 1;
    for (;; ++i) {
      if (is_line_end(t_, i)) return false;
      char c = t_[i];
      if (c == '"') break;
      if (c != '\\') continue;
      escaped = true;
      char e = i + 1 < t_.size() ? t_[i + 1] : '\0';
      if (e == 'u') {
        if (unicode_escape(t_, i + 2) < 0) return false;
        i += 5;
      } else if (is_one_of(e, "\\\"/ntr")) {
        ++i;
      } else {
        return false;
      }
    }
    quoted(start, start + 1, i);
    if (escaped) decode_double_quoted(events_.back(), start + 1, i);
    pos_ = i + 1;
    return true;
  }
  void decode_double_quoted(YamlEvent &e, std::size_t from, std::size_t to) const {
    e.decoded = true;
    for (std::size_t k = from; k < to; ++k) {
      if (t_[k] != '\\') {
        e.content += t_[k];
        continue;
      }
      char c = t_[++k];
      switch (c) {
        case 'n': e.content += '\n'; break;
        case 't': e.content += '\t'; break;
        case 'r': e.content += '\r'; break;
        case 'u':
          append_utf8(e.content, static_cast<char32_t>(unicode_escape(t_, k + 1)));
          k += 4;
          break;
        default: e.content += c;  // \\ \" \/
      }
    }
  }

  // [a, 'b', "c"] on one line, without nesting or a trailing comma.
  bool flow_sequence() {
    event(YamlEvent::Type::sequence_start, pos_, true);
    ++pos_;
    skip_spaces();
    if (pos_ < t_.size() && t_[pos_] == ']') {
      ++pos_;
      event(YamlEvent::Type::end, pos_);
      return true;
    }
    for (;;) {
      if (is_line_end(t_, pos_)) return false;
      char c = t_[pos_];
      bool ok = c == '\'' ? single_quoted() : c == '"' ? double_quoted() : plain_in_flow();
      if (!ok) return false;
      skip_spaces();
      if (pos_ >= t_.size()) return false;
      if (t_[pos_] == ']') break;
      if (t_[pos_] != ',') return false;
      ++pos_;
      skip_spaces();
      if (pos_ < t_.size() && t_[pos_] == ']') return false;
    }
    ++pos_;
    event(YamlEvent::Type::end, pos_);
    return true;
  }

  std::string_view t_;
  std::vector<YamlEvent> &events_;
  std::size_t pos_ = 0;
};

std::atomic<bool> fast_path_enabled{true};

}  // namespace

bool read_common_yaml(std::string_view text, std::vector<YamlEvent> &events) {
  events.clear();
  events.reserve(text.size() / 16);  // about one event per short line
  return Reader(text, events).document();
}

void replay_yaml_events(std::string_view text, const std::vector<YamlEvent> &events, TreeBuilder &builder) {
  // The tags yaml-cpp gives untagged nodes: "?" to plain scalars and
  // collections, "!" to quoted scalars.
  static const std::string plain_tag = "?", quoted_tag = "!";
  for (const YamlEvent &e : events) {
    switch (e.type) {
      case YamlEvent::Type::scalar:
        builder.scalar(e.mark, e.quoted ? quoted_tag : plain_tag, 0,
                       e.decoded ? e.content : std::string(text.substr(e.begin, e.end - e.begin)));
        break;
      case YamlEvent::Type::null: builder.null(e.mark, 0); break;
      case YamlEvent::Type::mapping_start: builder.start(Kind::mapping, e.mark, plain_tag, 0, e.flow); break;
      case YamlEvent::Type::sequence_start: builder.start(Kind::sequence, e.mark, plain_tag, 0, e.flow); break;
      case YamlEvent::Type::end: builder.finish(); break;
    }
  }
}

bool yaml_fast_path_enabled() { return fast_path_enabled.load(std::memory_order_relaxed); }

}  // namespace postparse::impl

namespace postparse::testing {

void set_yaml_fast_path(bool enabled) { impl::fast_path_enabled.store(enabled, std::memory_order_relaxed); }

bool yaml_fast_path_accepts(std::string_view content) {
  std::vector<impl::YamlEvent> events;
  return impl::read_common_yaml(content, events);
}

bool json_reader_accepts(std::string_view text) {
  std::vector<impl::YamlEvent> events;
  return impl::read_json(text, events);
}

}  // namespace postparse::testing
