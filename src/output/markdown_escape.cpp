#include "output/markdown_escape.h"

#include <cstdio>

#include "common/ascii.h"

namespace postparse::impl::markdown {
namespace {

// md4c's looser test for an autolink's scheme at `at`, just after the '<':
// any ASCII character (CommonMark wants a letter), then letters, digits,
// '+', '.' or '-', with the ':' 2 to 31 characters after `at`.
bool md4c_reads_scheme(std::string_view text, std::size_t at) {
  if (at >= text.size() || static_cast<unsigned char>(text[at]) >= 0x80) return false;
  std::size_t end = at + 1;
  while (end < text.size() && end - at < 32 &&
         (is_ascii_alnum(text[end]) || text[end] == '+' || text[end] == '.' || text[end] == '-'))
    ++end;
  return end - at >= 2 && end - at <= 31 && end < text.size() && text[end] == ':';
}

// Where a reader with GitHub's autolinks (md4c's permissive ones) would
// start a URL or an e-mail address: the ':' of "scheme://", the '.' of a
// "www." that starts a word, an '@' between word characters.
bool autolink_trigger(std::string_view text, std::size_t i) {
  char c = text[i];
  if (c == ':') return i > 0 && is_ascii_alnum(text[i - 1]) && text.substr(i + 1, 2) == "//";
  if (c == '.')
    return i >= 3 && text.substr(i - 3, 3) == "www" && (i == 3 || !is_ascii_alnum(text[i - 4])) &&
           i + 1 < text.size() && is_ascii_alnum(text[i + 1]);
  if (c == '@') return i > 0 && is_ascii_alnum(text[i - 1]) && i + 1 < text.size() && is_ascii_alnum(text[i + 1]);
  return false;
}

// An autolink runs to the next blank, over punctuation and markup alike,
// so it would take an emphasis delimiter or a link's ']' that follows with
// it.  Its trigger is escaped (the text stays plain text) when the run
// reaches the end of this piece of text, where markup may follow, or holds
// a character that is escaped or is markup itself; a URL with a blank
// after it in plain prose is left as written.
bool autolink_would_swallow(std::string_view text, std::size_t trigger, char next) {
  std::size_t end = trigger;
  while (end < text.size() && !is_space_or_tab(text[end])) ++end;
  if (end == text.size() && !is_space_or_tab(next)) return true;
  return text.substr(trigger, end - trigger).find_first_of("\\`*_[]~|<>&!") != std::string_view::npos;
}

// `&` followed by what a reader could take for a character reference
// (&name; &#123; &#x1F;); a lone & or "AT&T" reads back as written.
bool starts_reference(std::string_view text, std::size_t amp) {
  std::size_t i = amp + 1;
  if (i < text.size() && text[i] == '#') ++i;
  if (i < text.size() && (text[i] == 'x' || text[i] == 'X') && i == amp + 2) ++i;
  std::size_t name = i;
  while (i < text.size() && is_ascii_alnum(text[i])) ++i;
  return i > name && i < text.size() && text[i] == ';';
}

// True when the line is only `c` and blanks, with at least `minimum` of c:
// a thematic break (---, * * *) or a setext underline (===, -).
bool only(std::string_view line, char c, std::size_t minimum) {
  std::size_t count = 0;
  for (char x : line) {
    if (x == c) ++count;
    else if (!is_space_or_tab(x)) return false;
  }
  return count >= minimum;
}

}  // namespace

void append_inline(std::string &out, std::string_view text, char next, bool link_text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    char after = i + 1 < text.size() ? text[i + 1] : next;
    // Code spans, emphasis, links, strikethrough, table cells, and the
    // escape character itself.
    bool escape = std::string_view("\\`*_[]~|").find(c) != std::string_view::npos;
    // '_' between two letters or digits can neither open nor close
    // emphasis (snake_case); '*' can, so it is always escaped.
    if (c == '_') escape = !(i > 0 && is_ascii_alnum(text[i - 1]) && is_ascii_alnum(after));
    // Raw HTML and autolinks start with '<' and a letter, '/', '!' or '?'
    // ("<=" is text).  md4c (0.4.8) also reads "<" + any ASCII character +
    // the rest of a scheme + ':' as an autolink ("< .x:y>"), so that is
    // escaped too, for readers built on it.
    if (c == '<')
      escape = after == '\0' || is_ascii_alnum(after) || after == '/' || after == '!' || after == '?' ||
               md4c_reads_scheme(text, i + 1);
    if (c == '&') escape = starts_reference(text, i);
    if (c == '!') escape = after == '[';
    if ((c == ':' || c == '.' || c == '@') && autolink_trigger(text, i))
      escape = link_text || autolink_would_swallow(text, i, next);
    if (escape) out += '\\';
    out += c;
  }
}

std::size_t block_start_escape(std::string_view line) {
  if (line.empty()) return std::string_view::npos;
  char first = line[0];
  bool blank_or_end = line.size() == 1 || is_space_or_tab(line[1]);
  if (first == '>') return 0;  // block quote, even without a blank after it
  if ((first == '-' || first == '+') && (blank_or_end || only(line, first, 1))) return 0;  // list, break, setext
  if (first == '=' && only(line, '=', 1)) return 0;  // setext underline
  if (first == '#') {
    std::size_t hashes = line.find_first_not_of('#');
    if (hashes == std::string_view::npos || (hashes <= 6 && is_space_or_tab(line[hashes]))) return 0;  // ATX heading
  }
  // Ordered list item: up to nine digits, then '.' or ')' and a blank or the end.
  std::size_t digits = 0;
  while (digits < line.size() && is_ascii_digit(line[digits])) ++digits;
  if (digits >= 1 && digits <= 9 && digits < line.size() && (line[digits] == '.' || line[digits] == ')') &&
      (digits + 1 == line.size() || is_space_or_tab(line[digits + 1])))
    return digits;
  return std::string_view::npos;
}

std::string link_destination(std::string_view href) {
  std::string out = "<";
  auto percent = [&out](unsigned char byte) {
    char hex[4];
    std::snprintf(hex, sizeof hex, "%%%02X", byte);
    out += hex;
  };
  for (std::size_t i = 0; i < href.size(); ++i) {
    auto byte = static_cast<unsigned char>(href[i]);
    auto second = i + 1 < href.size() ? static_cast<unsigned char>(href[i + 1]) : 0;
    if (byte < 0x20 || byte == 0x7F) {  // C0 controls, line breaks, DEL
      percent(byte);
    } else if (byte == 0xC2 && second >= 0x80 && second <= 0x9F) {  // C1 controls U+0080-U+009F
      percent(byte), percent(second), ++i;
    } else {
      // A backtick would open a code span that runs over the link (code spans
      // bind tighter than links), and an entity reference would be decoded;
      // escaped, each is a plain character.
      bool entity = byte == '&' && starts_reference(href, i);
      if (byte == '<' || byte == '>' || byte == '\\' || byte == '`' || entity) out += '\\';
      out += href[i];
    }
  }
  return out + ">";
}

}  // namespace postparse::impl::markdown
