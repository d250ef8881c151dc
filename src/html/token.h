// Tokens of the WHATWG HTML tokenizer (https://html.spec.whatwg.org/#tokenization),
// as the tree builder consumes them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace postparse::impl::html {

enum class TokenKind : std::uint8_t { character, start_tag, end_tag, comment, doctype, end_of_file };

struct Attribute {
  std::string name;   // ASCII-lowercased
  std::string value;  // character references decoded, UTF-8
  std::size_t begin = 0, end = 0;  // the whole attribute in the input (name to end of value)
};

// One token.  The tokenizer refills the same object for every token so that
// its buffers are reused; copy what must outlive the next call.
struct Token {
  TokenKind kind = TokenKind::end_of_file;
  std::string name;  // tag name (ASCII-lowercased) or DOCTYPE name
  std::string data;  // character data or comment text, UTF-8 (may contain U+0000)
  std::vector<Attribute> attributes;  // in source order; repeated names already dropped
  bool self_closing = false;
  // DOCTYPE only.
  bool force_quirks = false;
  bool has_name = false, has_public_id = false, has_system_id = false;
  std::string public_id, system_id;
  // Where the token is written: byte offsets in the whole input.
  std::size_t begin = 0, end = 0;

  void reset(TokenKind k, std::size_t at) {
    kind = k;
    name.clear();
    data.clear();
    attributes.clear();
    self_closing = force_quirks = has_name = has_public_id = has_system_id = false;
    public_id.clear();
    system_id.clear();
    begin = end = at;
  }
};

// A parse error: its spec code (e.g. "eof-in-tag", "missing-semicolon-after-
// character-reference") and where it happened (byte offset in the whole input).
struct ParseError {
  std::string_view code;  // points at a static string
  std::size_t offset = 0;
  // Records a tree limit being hit; the limit itself travels as a
  // LimitEvent (tree_limits.h), which is what the document reports.
  bool is_limit = false;
};

}  // namespace postparse::impl::html
