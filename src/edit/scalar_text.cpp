#include "edit/scalar_text.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "front_matter/scalar_types.h"

namespace postparse::impl::edit {
namespace {

bool is_control(unsigned char c) {
  return c < 0x20 || c == 0x7F;
}

// Characters YAML cannot hold as they are in any but a double-quoted
// scalar: C0 controls (tab aside), DEL, C1 controls, BOM, line and
// paragraph separators.
bool needs_escapes(std::string_view text, bool allow_newline) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n' && allow_newline) continue;
    if (c == '\t') continue;
    if (is_control(c)) return true;
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA0) return true;
    if (c == 0xEF && text.substr(i, 3) == "\xEF\xBB\xBF") return true;
    if (c == 0xE2 && (text.substr(i, 3) == "\xE2\x80\xA8" || text.substr(i, 3) == "\xE2\x80\xA9"))
      return true;
  }
  return false;
}

std::string hex_escape(const char *prefix, unsigned value, int digits) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%s%0*X", prefix, digits, value);
  return buf;
}

std::string single_quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'')
      out += "''";
    else
      out += c;
  }
  return out + "'";
}

// A `|` block scalar holding `text` (which has a line break), indented by
// `indent` spaces.
std::string literal_block(std::string_view text, const YamlSpot &spot) {
  std::size_t trailing = 0;
  while (trailing < text.size() && text[text.size() - 1 - trailing] == '\n') ++trailing;
  std::string_view body = text.substr(0, text.size() - trailing);
  // An indentation indicator (relative to the parent's indentation, which
  // is two less than `indent`) when the first line starts with a space.
  std::string header = "|";
  std::size_t first = body.find_first_not_of('\n');
  if (first != std::string_view::npos && body[first] == ' ') header += "2";
  std::size_t indent = spot.indent;
  header += trailing == 0 ? "-" : trailing == 1 ? "" : "+";
  std::string out = header;
  std::size_t pos = 0;
  while (pos <= body.size()) {
    std::size_t end = body.find('\n', pos);
    if (end == std::string_view::npos) end = body.size();
    out += spot.newline;
    if (end > pos) out.append(indent, ' ').append(body.substr(pos, end - pos));
    pos = end + 1;
  }
  for (std::size_t i = 1; i < trailing; ++i) out += spot.newline;
  return out;
}

// Whether a line holds only blanks: a block scalar would read it as a
// line of indentation (or, with a tab, content its span would not hold).
bool has_blank_line(std::string_view text) {
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.find_first_not_of(" \t") == std::string_view::npos) return true;
    pos = end + 1;
  }
  return false;
}

std::string string_scalar(const std::string &text, const YamlSpot &spot) {
  bool multiline = text.find('\n') != std::string::npos;
  if (needs_escapes(text, !spot.flow && !spot.key) || text.find('\r') != std::string::npos)
    return yaml_double_quoted(text);
  if (multiline) {
    // A block scalar can be neither a key nor in a flow collection, and
    // one of empty lines only reads as "".
    // Keep chomping (`|+`, more than one final line break) is not used:
    // its trailing empty lines would take in a key added after them.
    bool keep = text.size() >= 2 && text.compare(text.size() - 2, 2, "\n\n") == 0;
    if (spot.flow || spot.key || keep || text.find_first_not_of('\n') == std::string::npos ||
        has_blank_line(text))
      return yaml_double_quoted(text);
    return literal_block(text, spot);
  }
  if (spot.old_style == Style::double_quoted) return yaml_double_quoted(text);
  if (spot.old_style == Style::single_quoted) return single_quoted(text);
  if (yaml_plain_safe(text, spot)) return text;
  return single_quoted(text);
}

}  // namespace

bool yaml_plain_safe(std::string_view text, const YamlSpot &spot) {
  if (text.empty() || text.size() > 1024) return false;
  if (text.front() == ' ' || text.back() == ' ' || text.front() == '\t' || text.back() == '\t') return false;
  static const std::string_view kIndicators = "-?:,[]{}#&*!|>'\"%@`";
  if (kIndicators.find(text.front()) != std::string_view::npos) return false;
  if (text.back() == ':') return false;
  // A document marker at the start of a line (a key at column 0) would end
  // the document.
  if (text.substr(0, 3) == "---" || text.substr(0, 3) == "...") return false;
  if (text.find(": ") != std::string_view::npos || text.find(" #") != std::string_view::npos ||
      text.find(":\t") != std::string_view::npos || text.find("\t#") != std::string_view::npos)
    return false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || (c != '\t' && is_control(static_cast<unsigned char>(c)))) return false;
    if (spot.flow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}')) return false;
  }
  if (spot.flow && text.find(':') != std::string_view::npos) return false;
  if (needs_escapes(text, false)) return false;
  TypedScalar typed = resolve_plain(text, spot.schema);
  return typed.kind == Kind::string;
}

std::string yaml_double_quoted(std::string_view text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '"':
        out += "\\\"";
        continue;
      case '\\':
        out += "\\\\";
        continue;
      case '\n':
        out += "\\n";
        continue;
      case '\t':
        out += "\\t";
        continue;
      case '\r':
        out += "\\r";
        continue;
      case 0:
        out += "\\0";
        continue;
      default:
        break;
    }
    if (is_control(c)) {
      out += hex_escape("\\x", c, 2);
    } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      out += hex_escape("\\x", static_cast<unsigned char>(text[i + 1]), 2);
      ++i;
    } else if (c == 0xEF && text.substr(i, 3) == "\xEF\xBB\xBF") {
      out += "\\uFEFF";
      i += 2;
    } else if (c == 0xE2 && text.substr(i, 3) == "\xE2\x80\xA8") {
      out += "\\L";
      i += 2;
    } else if (c == 0xE2 && text.substr(i, 3) == "\xE2\x80\xA9") {
      out += "\\P";
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string float_text(double value, bool yaml) {
  if (std::isnan(value)) return yaml ? ".nan" : "nan";
  if (std::isinf(value)) return value > 0 ? (yaml ? ".inf" : "inf") : (yaml ? "-.inf" : "-inf");
  char buf[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, value);
    if (std::strtod(buf, nullptr) == value) break;
  }
  std::string out = buf;
  if (out.find_first_of(".e") == std::string::npos) {
    out += ".0";
  } else if (out.find('.') == std::string::npos) {
    // 1e+20 -> 1.0e+20: TOML and YAML 1.1 want a digit after a dot.
    out.insert(out.find('e'), ".0");
  }
  return out;
}

namespace {

// Null, booleans and numbers, spelled alike in YAML, JSON and TOML (YAML's
// infinities and NaN as `.inf` and `.nan`).
std::string plain_scalar(const Data &value, bool yaml) {
  switch (value.kind) {
    case Kind::boolean:
      return value.boolean ? "true" : "false";
    case Kind::integer:
      return value.big ? value.text : std::to_string(value.integer);
    case Kind::floating:
      return float_text(value.floating, yaml);
    default:
      return "null";
  }
}

}  // namespace

std::string yaml_scalar(const Data &value, const YamlSpot &spot) {
  switch (value.kind) {
    case Kind::null:
    case Kind::boolean:
    case Kind::integer:
    case Kind::floating:
      return plain_scalar(value, true);
    case Kind::timestamp:
      return value.text;
    case Kind::string:
      return string_scalar(value.text, spot);
    default:
      return "null";
  }
}

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (is_control(c))
          out += hex_escape("\\u", c, 4);
        else
          out += ch;
    }
  }
  return out + "\"";
}

std::string json_scalar(const Data &value) {
  if (value.kind == Kind::null || value.kind == Kind::boolean || value.kind == Kind::integer ||
      value.kind == Kind::floating)
    return plain_scalar(value, false);
  return json_string(value.text);
}

namespace {

// TOML's basic strings take JSON's escapes (\" \\ \n \t \r \b \f \uXXXX).
std::string toml_basic_string(std::string_view text) { return json_string(text); }

}  // namespace

std::string toml_scalar(const Data &value, Style old_style) {
  switch (value.kind) {
    case Kind::boolean:
    case Kind::integer:
    case Kind::floating:
      return plain_scalar(value, false);
    case Kind::timestamp:
      return value.text;
    case Kind::string: {
      bool literal_fits =
          value.text.find('\'') == std::string::npos && value.text.find('\n') == std::string::npos;
      for (char c : value.text)
        if (is_control(static_cast<unsigned char>(c)) && c != '\t') literal_fits = false;
      if (old_style == Style::single_quoted && literal_fits) return "'" + value.text + "'";
      return toml_basic_string(value.text);
    }
    default:
      return "\"\"";
  }
}

std::string toml_key(std::string_view key) {
  bool bare = !key.empty();
  for (char c : key)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
      bare = false;
  // A bare key that starts like a date or a number (2021-07-31x, -1x) is
  // misread by TOML readers: such keys are quoted; digits alone stay bare.
  bool starts_as_word = (key[0] >= 'A' && key[0] <= 'Z') || (key[0] >= 'a' && key[0] <= 'z') || key[0] == '_';
  if (bare && !starts_as_word && key.find_first_not_of("0123456789") != std::string_view::npos) bare = false;
  return bare ? std::string(key) : toml_basic_string(key);
}

}  // namespace postparse::impl::edit
