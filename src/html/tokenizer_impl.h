// Internals of the HTML tokenizer, shared by the tokenizer_*.cpp files: the
// state list, the input reader (UTF-8 decoding, newline normalisation,
// input-stream parse errors) and token emission.
//
// Conventions: `pos_` is the byte index of the next input character.  A state
// handler looks at it with peek(), which decodes one character and sets
// `len_` to the bytes it spans; consume() moves past it.  "Reconsume" is a
// state change without consume().  Runs of ordinary characters are copied in
// one go with run_end(), which stops at any byte the state has to look at
// (per-state byte classes) and at anything that needs decoding or an error.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "common/ascii.h"
#include "html/char_refs.h"
#include "html/tokenizer.h"

namespace postparse::impl::html {

enum class State : std::uint8_t {
  data, rcdata, rawtext, script_data, plaintext,
  tag_open, end_tag_open, tag_name,
  // Script data escaped / double escaped, each with its "dash" and "dash
  // dash" states; the less-than sign, end tag and escape start/end states
  // are lookaheads inside these handlers.
  script_escaped, script_escaped_dash, script_escaped_dash_dash,
  script_double_escaped, script_double_escaped_dash, script_double_escaped_dash_dash,
  before_attribute_name, attribute_name, after_attribute_name, before_attribute_value,
  attribute_value_double, attribute_value_single, attribute_value_unquoted,
  after_attribute_value_quoted, self_closing_start_tag,
  bogus_comment, markup_declaration_open,
  comment_start, comment_start_dash, comment, comment_less_than, comment_less_than_bang,
  comment_less_than_bang_dash, comment_less_than_bang_dash_dash, comment_end_dash, comment_end,
  comment_end_bang,
  doctype, before_doctype_name, doctype_name, after_doctype_name, after_doctype_public_keyword,
  before_doctype_public_id, doctype_public_id_double, doctype_public_id_single,
  after_doctype_public_id, between_doctype_ids, after_doctype_system_keyword,
  before_doctype_system_id, doctype_system_id_double, doctype_system_id_single,
  after_doctype_system_id, bogus_doctype,
  cdata_section,  // with its bracket and end states
  eof,  // the end of the input was reached: emit what is pending, then end_of_file
};

constexpr int kEof = -1;

// Byte classes: for each state with runs, which bytes end a run.  Every class
// stops at NUL, CR, the C0 controls other than whitespace, DEL and every
// non-ASCII byte (which run_end() lets through when it starts a well-formed
// sequence that needs no parse error).
enum ByteClass : std::uint8_t {
  kClassData,          // < &
  kClassRawtext,       // <
  kClassPlaintext,     // (nothing more)
  kClassScriptEscaped,  // - <
  kClassTagName,       // whitespace / > A-Z
  kClassAttrName,      // whitespace / > = A-Z " ' <
  kClassAttrDouble,    // " &
  kClassAttrSingle,    // ' &
  kClassAttrUnquoted,  // whitespace & > " ' < = `
  kClassComment,       // < -
  kClassBogusComment,  // >
  kClassDoctypeName,   // whitespace > A-Z
  kClassIdDouble,      // " >
  kClassIdSingle,      // ' >
  kClassCdata,         // ]
  kClassCount
};

// kStopTables.stop[class][byte] != 0: the byte ends a run in that class.
struct StopTables {
  std::uint8_t stop[kClassCount][256];
};
extern const StopTables kStopTables;


// Length of the well-formed UTF-8 sequence at p (lead byte >= 0x80) if it
// needs no parse error (not a C1 control, not a noncharacter), else 0.
inline std::size_t utf8_plain_length(const unsigned char *p, const unsigned char *end) {
  unsigned b0 = p[0];
  std::size_t avail = static_cast<std::size_t>(end - p);
  if (b0 < 0xC2) return 0;
  if (b0 < 0xE0) {
    if (avail < 2 || (p[1] & 0xC0) != 0x80) return 0;
    if (b0 == 0xC2 && p[1] < 0xA0) return 0;  // U+0080..U+009F
    return 2;
  }
  if (b0 < 0xF0) {
    if (avail < 3) return 0;
    unsigned b1 = p[1], b2 = p[2];
    if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return 0;
    if (b0 == 0xE0 && b1 < 0xA0) return 0;   // overlong
    if (b0 == 0xED && b1 >= 0xA0) return 0;  // surrogate
    if (b0 == 0xEF && ((b1 == 0xB7 && b2 >= 0x90 && b2 <= 0xAF) || (b1 == 0xBF && b2 >= 0xBE)))
      return 0;  // U+FDD0..U+FDEF, U+FFFE, U+FFFF
    return 3;
  }
  if (b0 < 0xF5) {
    if (avail < 4) return 0;
    unsigned b1 = p[1], b2 = p[2], b3 = p[3];
    if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80 || (b3 & 0xC0) != 0x80) return 0;
    if (b0 == 0xF0 && b1 < 0x90) return 0;  // overlong
    if (b0 == 0xF4 && b1 >= 0x90) return 0;  // > U+10FFFF
    if ((b1 & 0x0F) == 0x0F && b2 == 0xBF && b3 >= 0xBE) return 0;  // U+xFFFE, U+xFFFF
    return 4;
  }
  return 0;
}

inline void append_utf8(std::string &s, int cp) {
  if (cp < 0x80) {
    s.push_back(static_cast<char>(cp));
    return;
  }
  char buf[4];
  int n = encode_utf8(static_cast<std::uint32_t>(cp), buf);
  s.append(buf, static_cast<std::size_t>(n));
}

struct Tokenizer::Impl {
  Impl(std::string_view input, std::size_t base, std::vector<ParseError> *errors, std::size_t max_errors);

  // --- input ---------------------------------------------------------------
  const char *in_;
  std::size_t n_;
  std::size_t base_;
  std::size_t pos_ = 0;
  std::size_t len_ = 0;      // bytes of the character peek() returned
  std::size_t checked_ = 0;  // input-stream errors are reported once: bytes before this were seen

  int peek() {
    if (pos_ >= n_) {
      len_ = 0;
      return kEof;
    }
    unsigned char b = static_cast<unsigned char>(in_[pos_]);
    if (b >= 0x20 && b < 0x7F) {
      len_ = 1;
      return b;
    }
    return peek_slow();
  }
  int peek_slow();
  void consume() { pos_ += len_; }
  const unsigned char *bytes() const { return reinterpret_cast<const unsigned char *>(in_); }

  // End of the run of ordinary characters of `cls` starting at p.
  std::size_t run_end(std::size_t p, ByteClass cls) const;
  // Appends the run at pos_ to `to` and moves past it.
  void take_run(std::string &to, ByteClass cls) {
    std::size_t e = run_end(pos_, cls);
    if (e != pos_) {
      to.append(in_ + pos_, e - pos_);
      pos_ = e;
    }
  }
  // The input at pos_ starts with `word` (ASCII case-insensitive if `ci`).
  bool lookahead(std::string_view word, bool ci) const;

  // --- errors --------------------------------------------------------------
  std::vector<ParseError> *errors_;
  std::size_t max_errors_;
  std::size_t error_count_ = 0;
  void error(std::string_view code) { error_at(code, pos_); }
  void error_at(std::string_view code, std::size_t at) {
    ++error_count_;
    if (errors_ && errors_->size() < max_errors_) errors_->push_back({code, base_ + at});
  }

  // --- state ---------------------------------------------------------------
  State state_ = State::data;
  bool cdata_allowed_ = false;
  bool has_last_start_tag_ = false;
  std::string last_start_tag_;
  std::size_t lt_pos_ = 0;  // where the '<' of the current markup is

  // --- tokens --------------------------------------------------------------
  // Every token is built in the caller's token: characters accumulate in its
  // data, and pending characters go out on their own just before a tag,
  // comment or DOCTYPE starts (tag_open_state, appropriate_end_tag), so that
  // token can then be built in place.
  Token *out_ = nullptr;       // the caller's token, during next()
  Attribute *attr_ = nullptr;  // the attribute being built (may be &dropped_)
  Attribute dropped_;          // a duplicate attribute, not kept
  std::unordered_set<std::string> attr_names_;  // for tags with many attributes
  bool emitted_ = false;       // next() has a token to return

  void next(Token &t);
  std::string &chars() { return out_->data; }
  // Ends the character token at `at` and returns it.
  void flush_chars(std::size_t at) {
    out_->end = base_ + at;
    emitted_ = true;
  }
  void start_tag_token(TokenKind kind) {
    out_->reset(kind, base_ + lt_pos_);
    attr_ = nullptr;
    if (!attr_names_.empty()) attr_names_.clear();
  }
  void start_comment(std::string_view data) {
    out_->reset(TokenKind::comment, base_ + lt_pos_);
    out_->data.assign(data.data(), data.size());
  }
  void emit_current();  // the token ends at pos_
  void emit_and_reach_eof() {
    emit_current();
    state_ = State::eof;
  }
  void char_ref(std::string &to, bool in_attribute);

  // Attributes.
  void start_attribute();
  void finish_attribute_name();  // leaving the attribute name state: duplicate check

  // End tags in RCDATA, RAWTEXT and script data (escaped or not): pos_ is
  // just after "</", lt_pos_ at the '<'.  Unless the letters that follow make
  // an appropriate end tag (the last start tag's name, then whitespace, '/'
  // or '>'), appends "</" and the letters to the characters and returns
  // false.  Otherwise returns true, having either started the end tag token
  // (and switched state) or, when characters are pending, sent them out and
  // moved back to the '<' to read the end tag on the next call.
  bool appropriate_end_tag();

  // --- state handlers: each runs until it changes state or emits ---------
  void run_state();
  void eof_state();
  // tokenizer.cpp: text states and tag open (tokenizer_input.cpp: reading).
  void data_state();
  void rcdata_state();
  void rawtext_state();
  void plaintext_state();
  void tag_open_state();
  void end_tag_open_state();
  // tokenizer_script.cpp
  void script_data_state();
  void script_escaped_states();         // script_escaped*
  void script_double_escaped_states();  // script_double_escaped*
  // tokenizer_tags.cpp
  void tag_name_state();
  void before_attribute_name_state();
  void attribute_name_state();
  void after_attribute_name_state();
  void before_attribute_value_state();
  void attribute_value_quoted_state(char quote);
  void attribute_value_unquoted_state();
  void after_attribute_value_quoted_state();
  void self_closing_start_tag_state();
  // tokenizer_markup.cpp
  void markup_declaration_open_state();
  void bogus_comment_state();
  void comment_states();  // comment_start .. comment_end_bang
  void cdata_section_state();
  // tokenizer_doctype.cpp
  void doctype_states();  // doctype .. bogus_doctype
};

}  // namespace postparse::impl::html
