// The WHATWG HTML tokenizer state machine.
//
// Input is UTF-8 bytes.  The input stream preprocessing of the spec is done
// while reading: CRLF and lone CR become LF; invalid UTF-8 becomes U+FFFD with
// a parse error; NUL is handled state by state as the spec says.  Byte offsets
// always refer to the original input, so the tree can map nodes to source.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "html/token.h"

namespace postparse::impl::html {

// States the tree builder (or a test) may switch the tokenizer into.
enum class TokenizerState { data, rcdata, rawtext, script_data, plaintext, cdata_section };

class Tokenizer {
 public:
  // `input` must outlive the tokenizer; input[0] is at `base` in the whole
  // file.  Parse errors are appended to `errors` (may be null) until it holds
  // `max_errors`; later ones are counted but not stored.
  Tokenizer(std::string_view input, std::size_t base, std::vector<ParseError> *errors,
            std::size_t max_errors);
  ~Tokenizer();
  Tokenizer(const Tokenizer &) = delete;
  Tokenizer &operator=(const Tokenizer &) = delete;

  // Fills `token` with the next token.  Adjacent characters may come as one
  // character token or several.  After end_of_file it keeps returning
  // end_of_file.  Linear in the input: no backtracking beyond the longest
  // named character reference.
  void next(Token &token);

  // The tree builder switches states after <title>, <textarea>, <style>,
  // <script>, <plaintext> etc.
  void set_state(TokenizerState state);
  // "The last start tag emitted", for appropriate end tags (tests set it).
  void set_last_start_tag(std::string_view name);
  // CDATA sections are only recognised when the adjusted current node is
  // not an HTML element; the tree builder keeps this up to date.
  void set_cdata_allowed(bool allowed);

  std::size_t error_count() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace postparse::impl::html
