// The HTML tokenizer's driver: the public interface, input decoding, token
// emission, character references, and the data, RCDATA, RAWTEXT, PLAINTEXT
// and tag open states.
#include "html/tokenizer_impl.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace postparse::impl::html {
namespace {

constexpr bool is_run_stop_common(unsigned b) {
  // NUL, CR, controls other than tab/LF/FF, DEL, non-ASCII.
  return b < 0x20 ? !(b == '\t' || b == '\n' || b == '\f') : b >= 0x7F;
}

constexpr StopTables make_stop_tables() {
  StopTables t{};
  const char *extra[kClassCount] = {};
  extra[kClassData] = "<&";
  extra[kClassRawtext] = "<";
  extra[kClassPlaintext] = "";
  extra[kClassScriptEscaped] = "-<";
  extra[kClassTagName] = "\t\n\f />";
  extra[kClassAttrName] = "\t\n\f />=\"'<";
  extra[kClassAttrDouble] = "\"&";
  extra[kClassAttrSingle] = "'&";
  extra[kClassAttrUnquoted] = "\t\n\f &>\"'<=`";
  extra[kClassComment] = "<-";
  extra[kClassBogusComment] = ">";
  extra[kClassDoctypeName] = "\t\n\f >";
  extra[kClassIdDouble] = "\">";
  extra[kClassIdSingle] = "'>";
  extra[kClassCdata] = "]";
  for (int c = 0; c < kClassCount; ++c) {
    for (unsigned b = 0; b < 256; ++b) t.stop[c][b] = is_run_stop_common(b) ? 1 : 0;
    for (const char *e = extra[c]; *e; ++e) t.stop[c][static_cast<unsigned char>(*e)] = 1;
    if (c == kClassTagName || c == kClassAttrName || c == kClassDoctypeName) {
      for (unsigned b = 'A'; b <= 'Z'; ++b) t.stop[c][b] = 1;  // lowercased one by one
    }
  }
  return t;
}

// The classes whose stop bytes are the common ones plus at most two more
// can be scanned 16 bytes at a time: {enabled, extra 1, extra 2}.
struct SimdStops {
  bool enabled;
  char c1, c2;
};
constexpr SimdStops kSimdStops[kClassCount] = {
    {true, '<', '&'},    // kClassData
    {true, '<', '<'},    // kClassRawtext
    {true, 0x7F, 0x7F},  // kClassPlaintext
    {true, '-', '<'},    // kClassScriptEscaped
    {false, 0, 0},       // kClassTagName
    {false, 0, 0},       // kClassAttrName
    {true, '"', '&'},    // kClassAttrDouble
    {true, '\'', '&'},   // kClassAttrSingle
    {false, 0, 0},       // kClassAttrUnquoted
    {true, '<', '-'},    // kClassComment
    {true, '>', '>'},    // kClassBogusComment
    {false, 0, 0},       // kClassDoctypeName
    {true, '"', '>'},    // kClassIdDouble
    {true, '\'', '>'},   // kClassIdSingle
    {true, ']', ']'},    // kClassCdata
};

}  // namespace

const StopTables kStopTables = make_stop_tables();

#if defined(__SSE2__)
namespace {

// Moves p over whole 16-byte blocks of 3-byte UTF-8 sequences (five
// characters per block) that need no decoding work: leads E1..EF except ED,
// no noncharacter (EF B7 xx, EF BF xx are left to the scalar path).  This is
// most of CJK text, its punctuation included.
std::size_t skip_utf8_3byte_blocks(const unsigned char *s, std::size_t p, std::size_t n) {
  const __m128i e1 = _mm_set1_epi8(static_cast<char>(0xE1)), fourteen = _mm_set1_epi8(14);
  const __m128i c0 = _mm_set1_epi8(static_cast<char>(0xC0)), x80 = _mm_set1_epi8(static_cast<char>(0x80));
  const __m128i ed = _mm_set1_epi8(static_cast<char>(0xED)), ef = _mm_set1_epi8(static_cast<char>(0xEF));
  const __m128i b7 = _mm_set1_epi8(static_cast<char>(0xB7)), bf = _mm_set1_epi8(static_cast<char>(0xBF));
  constexpr unsigned kLeads = 0x1249, kConts = 0x36DB;  // bits 0,3,6,9,12 and the others below 15
  while (p + 16 <= n) {
    __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(s + p));
    __m128i y = _mm_sub_epi8(x, e1);
    unsigned leads = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(y, fourteen), y)));
    unsigned conts = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(x, c0), x80)));
    if ((leads & 0x7FFF) != kLeads || (conts & 0x7FFF) != kConts) break;
    if (_mm_movemask_epi8(_mm_cmpeq_epi8(x, ed)) & kLeads) break;
    unsigned efs = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, ef))) & kLeads;
    if (efs != 0) {
      unsigned risky = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, b7), _mm_cmpeq_epi8(x, bf))));
      if ((efs << 1) & risky) break;
    }
    p += 15;
  }
  return p;
}

}  // namespace
#endif

std::size_t Tokenizer::Impl::run_end(std::size_t p, ByteClass cls) const {
  const std::uint8_t *stop = kStopTables.stop[cls];
  const unsigned char *s = bytes();
  const std::size_t n = n_;
#if defined(__SSE2__)
  const SimdStops &simd = kSimdStops[cls];
  const __m128i below = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7F), lf = _mm_set1_epi8('\n');
  const __m128i x1 = _mm_set1_epi8(simd.c1), x2 = _mm_set1_epi8(simd.c2);
#endif
  for (;;) {
    bool found = false;
#if defined(__SSE2__)
    // Bytes below 0x20 but LF (signed: non-ASCII too), DEL and the two
    // extras are looked at one by one.
    if (simd.enabled) {
      while (p + 16 <= n) {
        __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(s + p));
        __m128i ctl = _mm_andnot_si128(_mm_cmpeq_epi8(x, lf), _mm_cmplt_epi8(x, below));
        __m128i m = _mm_or_si128(_mm_or_si128(ctl, _mm_cmpeq_epi8(x, del)),
                                 _mm_or_si128(_mm_cmpeq_epi8(x, x1), _mm_cmpeq_epi8(x, x2)));
        unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(m));
        if (mask != 0) {
          p += static_cast<std::size_t>(__builtin_ctz(mask));
          found = true;
          break;
        }
        p += 16;
      }
    }
#endif
    if (!found) {
      while (p < n && !stop[s[p]]) ++p;
    }
    if (p >= n) return n;
    unsigned b = s[p];
    if (b < 0x80) {
      if (stop[b]) return p;
      ++p;  // tab, FF
      continue;
    }
    // A run of non-ASCII characters.
#if defined(__SSE2__)
    p = skip_utf8_3byte_blocks(s, p, n);
    if (p >= n) return n;
    b = s[p];
    if (b < 0x80) continue;
#endif
    do {
      if (b >= 0xE1 && b <= 0xEF && b != 0xED && p + 2 < n && (s[p + 1] & 0xC0) == 0x80 &&
          (s[p + 2] & 0xC0) == 0x80 && (b != 0xEF || (s[p + 1] != 0xB7 && s[p + 1] != 0xBF))) {
        p += 3;  // most of the BMP, CJK included: nothing to check
      } else if (b >= 0xC3 && b <= 0xDF && p + 1 < n && (s[p + 1] & 0xC0) == 0x80) {
        p += 2;
      } else {
        std::size_t l = utf8_plain_length(s + p, s + n);
        if (l == 0) return p;
        p += l;
      }
    } while (p < n && (b = s[p]) >= 0x80);
  }
}

// --- input -------------------------------------------------------------------

int Tokenizer::Impl::peek_slow() {
  const unsigned char *s = bytes();
  unsigned b = s[pos_];
  if (b < 0x80) {
    len_ = 1;
    if (b == '\r') {
      if (pos_ + 1 < n_ && s[pos_ + 1] == '\n') len_ = 2;
      return '\n';
    }
    if (b == 0 || b == '\t' || b == '\n' || b == '\f') return static_cast<int>(b);
    if (pos_ >= checked_) {
      checked_ = pos_ + 1;
      error("control-character-in-input-stream");
    }
    return static_cast<int>(b);
  }
  // The WHATWG UTF-8 decoder: one U+FFFD per maximal subpart.
  std::size_t need;
  unsigned lower = 0x80, upper = 0xBF;
  std::uint32_t cp;
  if (b >= 0xC2 && b <= 0xDF) {
    need = 1;
    cp = b & 0x1F;
  } else if (b >= 0xE0 && b <= 0xEF) {
    need = 2;
    cp = b & 0x0F;
    if (b == 0xE0) lower = 0xA0;
    if (b == 0xED) upper = 0x9F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    need = 3;
    cp = b & 0x07;
    if (b == 0xF0) lower = 0x90;
    if (b == 0xF4) upper = 0x8F;
  } else {
    need = 0;
    cp = 0;
  }
  std::size_t i = 1;
  bool ok = need != 0;
  for (; ok && i <= need; ++i) {
    if (pos_ + i >= n_) {
      ok = false;
      break;
    }
    unsigned c = s[pos_ + i];
    if (c < lower || c > upper) {
      ok = false;
      break;
    }
    cp = (cp << 6) | (c & 0x3F);
    lower = 0x80;
    upper = 0xBF;
  }
  len_ = i;
  bool report = pos_ >= checked_;
  if (report) checked_ = pos_ + len_;
  if (!ok) {
    if (report) error("invalid-utf-8-sequence");
    return 0xFFFD;
  }
  if (report) {
    if (cp <= 0x9F) error("control-character-in-input-stream");
    else if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) error("noncharacter-in-input-stream");
  }
  return static_cast<int>(cp);
}

bool Tokenizer::Impl::lookahead(std::string_view word, bool ci) const {
  if (n_ - pos_ < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = in_[pos_ + i];
    if (ci) c = to_lower(static_cast<unsigned char>(c));
    if (c != word[i]) return false;
  }
  return true;
}

// --- tokens ------------------------------------------------------------------

Tokenizer::Impl::Impl(std::string_view input, std::size_t base, std::vector<ParseError> *errors,
                      std::size_t max_errors)
    : in_(input.data()), n_(input.size()), base_(base), errors_(errors), max_errors_(max_errors) {}

void Tokenizer::Impl::next(Token &t) {
  // Characters start where the last token ended (a '<' left pending by
  // tag_open_state included).
  t.reset(TokenKind::character, base_ + (state_ == State::tag_open ? lt_pos_ : pos_));
  out_ = &t;
  emitted_ = false;
  do {
    run_state();
  } while (!emitted_);
  out_ = nullptr;
}

void Tokenizer::Impl::emit_current() {
  Token &t = *out_;
  t.end = base_ + pos_;
  if (t.kind == TokenKind::start_tag) {
    last_start_tag_ = t.name;
    has_last_start_tag_ = true;
  } else if (t.kind == TokenKind::end_tag) {
    if (!t.attributes.empty()) {
      error("end-tag-with-attributes");
      t.attributes.clear();
    }
    if (t.self_closing) error("end-tag-with-trailing-solidus");
  }
  attr_ = nullptr;
  emitted_ = true;
}

void Tokenizer::Impl::eof_state() {
  emitted_ = true;
  if (!out_->data.empty()) {
    out_->end = base_ + n_;
    return;
  }
  out_->reset(TokenKind::end_of_file, base_ + n_);
}

void Tokenizer::Impl::char_ref(std::string &to, bool in_attribute) {
  CharRefResult r;
  decode_char_ref(in_ + pos_, in_ + n_, in_attribute, r);
  for (int i = 0; i < r.error_count; ++i) error_at(r.error_code[i], pos_ - 1 + r.error_at[i]);
  if (r.consumed == 0) {
    to.push_back('&');
    return;
  }
  to.append(r.text, r.text_len);
  pos_ += r.consumed;
}

void Tokenizer::Impl::start_attribute() {
  Attribute &a = out_->attributes.emplace_back();
  a.begin = a.end = base_ + pos_;
  attr_ = &a;
}

void Tokenizer::Impl::finish_attribute_name() {
  attr_->end = base_ + pos_;
  std::vector<Attribute> &attrs = out_->attributes;
  std::size_t before = attrs.size() - 1;  // attr_ is the last one
  bool duplicate = false;
  if (before < 16) {
    for (std::size_t i = 0; i < before; ++i) {
      if (attrs[i].name == attr_->name) {
        duplicate = true;
        break;
      }
    }
  } else {
    // Many attributes: a set keeps the check linear overall.
    if (attr_names_.empty()) {
      for (std::size_t i = 0; i < before; ++i) attr_names_.insert(attrs[i].name);
    }
    duplicate = !attr_names_.insert(attr_->name).second;
  }
  if (duplicate) {
    error("duplicate-attribute");
    dropped_ = std::move(attrs.back());
    attrs.pop_back();
    dropped_.value.clear();
    attr_ = &dropped_;
  }
}

bool Tokenizer::Impl::appropriate_end_tag() {
  const unsigned char *s = bytes();
  std::size_t p = pos_;
  while (p < n_ && is_ascii_alpha(s[p])) ++p;
  std::size_t len = p - pos_;
  if (len != 0 && has_last_start_tag_ && len == last_start_tag_.size()) {
    bool same = true;
    for (std::size_t i = 0; i < len && same; ++i) same = to_lower(s[pos_ + i]) == last_start_tag_[i];
    if (same) {
      std::size_t name_at = pos_;
      pos_ = p;
      int c = peek();
      if (is_space(c) || c == '/' || c == '>') {
        if (!chars().empty()) {
          // The text before goes out first; the end tag is read again
          // on the next call.
          pos_ = lt_pos_;
          flush_chars(lt_pos_);
          return true;
        }
        start_tag_token(TokenKind::end_tag);
        out_->name.assign(last_start_tag_);
        consume();
        if (c == '>') {
          state_ = State::data;
          emit_current();
        } else {
          state_ = c == '/' ? State::self_closing_start_tag : State::before_attribute_name;
        }
        return true;
      }
      pos_ = name_at;
    }
  }
  std::string &d = chars();
  d.append("</", 2);
  d.append(in_ + pos_, len);
  pos_ = p;
  return false;
}

// --- states ------------------------------------------------------------------

void Tokenizer::Impl::run_state() {
  switch (state_) {
    case State::data: return data_state();
    case State::rcdata: return rcdata_state();
    case State::rawtext: return rawtext_state();
    case State::script_data: return script_data_state();
    case State::plaintext: return plaintext_state();
    case State::tag_open: return tag_open_state();
    case State::end_tag_open: return end_tag_open_state();
    case State::tag_name: return tag_name_state();
    case State::script_escaped:
    case State::script_escaped_dash:
    case State::script_escaped_dash_dash: return script_escaped_states();
    case State::script_double_escaped:
    case State::script_double_escaped_dash:
    case State::script_double_escaped_dash_dash: return script_double_escaped_states();
    case State::before_attribute_name: return before_attribute_name_state();
    case State::attribute_name: return attribute_name_state();
    case State::after_attribute_name: return after_attribute_name_state();
    case State::before_attribute_value: return before_attribute_value_state();
    case State::attribute_value_double: return attribute_value_quoted_state('"');
    case State::attribute_value_single: return attribute_value_quoted_state('\'');
    case State::attribute_value_unquoted: return attribute_value_unquoted_state();
    case State::after_attribute_value_quoted: return after_attribute_value_quoted_state();
    case State::self_closing_start_tag: return self_closing_start_tag_state();
    case State::bogus_comment: return bogus_comment_state();
    case State::markup_declaration_open: return markup_declaration_open_state();
    case State::comment_start:
    case State::comment_start_dash:
    case State::comment:
    case State::comment_less_than:
    case State::comment_less_than_bang:
    case State::comment_less_than_bang_dash:
    case State::comment_less_than_bang_dash_dash:
    case State::comment_end_dash:
    case State::comment_end:
    case State::comment_end_bang: return comment_states();
    case State::doctype:
    case State::before_doctype_name:
    case State::doctype_name:
    case State::after_doctype_name:
    case State::after_doctype_public_keyword:
    case State::before_doctype_public_id:
    case State::doctype_public_id_double:
    case State::doctype_public_id_single:
    case State::after_doctype_public_id:
    case State::between_doctype_ids:
    case State::after_doctype_system_keyword:
    case State::before_doctype_system_id:
    case State::doctype_system_id_double:
    case State::doctype_system_id_single:
    case State::after_doctype_system_id:
    case State::bogus_doctype: return doctype_states();
    case State::cdata_section: return cdata_section_state();
    case State::eof: return eof_state();
  }
}

void Tokenizer::Impl::data_state() {
  std::string &d = chars();
  for (;;) {
    take_run(d, kClassData);
    int c = peek();
    switch (c) {
      case '<':
        lt_pos_ = pos_;
        consume();
        state_ = State::tag_open;
        return;
      case '&':
        consume();
        char_ref(d, false);
        break;
      case 0:
        error("unexpected-null-character");
        consume();
        d.push_back('\0');
        break;
      case kEof:
        state_ = State::eof;
        return;
      default:
        consume();
        append_utf8(d, c);
        break;
    }
  }
}

void Tokenizer::Impl::rcdata_state() {
  std::string &d = chars();
  for (;;) {
    take_run(d, kClassData);
    int c = peek();
    switch (c) {
      case '<':
        lt_pos_ = pos_;
        consume();
        if (pos_ < n_ && in_[pos_] == '/') {
          ++pos_;
          if (appropriate_end_tag()) return;
        } else {
          d.push_back('<');
        }
        break;
      case '&':
        consume();
        char_ref(d, false);
        break;
      case 0:
        error("unexpected-null-character");
        consume();
        d.append("\xEF\xBF\xBD");
        break;
      case kEof:
        state_ = State::eof;
        return;
      default:
        consume();
        append_utf8(d, c);
        break;
    }
  }
}

void Tokenizer::Impl::rawtext_state() {
  std::string &d = chars();
  for (;;) {
    take_run(d, kClassRawtext);
    int c = peek();
    switch (c) {
      case '<':
        lt_pos_ = pos_;
        consume();
        if (pos_ < n_ && in_[pos_] == '/') {
          ++pos_;
          if (appropriate_end_tag()) return;
        } else {
          d.push_back('<');
        }
        break;
      case 0:
        error("unexpected-null-character");
        consume();
        d.append("\xEF\xBF\xBD");
        break;
      case kEof:
        state_ = State::eof;
        return;
      default:
        consume();
        append_utf8(d, c);
        break;
    }
  }
}

void Tokenizer::Impl::plaintext_state() {
  std::string &d = chars();
  for (;;) {
    take_run(d, kClassPlaintext);
    int c = peek();
    switch (c) {
      case 0:
        error("unexpected-null-character");
        consume();
        d.append("\xEF\xBF\xBD");
        break;
      case kEof:
        state_ = State::eof;
        return;
      default:
        consume();
        append_utf8(d, c);
        break;
    }
  }
}

void Tokenizer::Impl::tag_open_state() {
  int c = peek();
  if (!chars().empty() && (is_ascii_alpha(c) || c == '!' || c == '/' || c == '?')) {
    // A token starts here: the characters before it go out first.
    flush_chars(lt_pos_);
    return;
  }
  if (is_ascii_alpha(c)) {
    start_tag_token(TokenKind::start_tag);
    state_ = State::tag_name;
    return;
  }
  switch (c) {
    case '!':
      consume();
      state_ = State::markup_declaration_open;
      return;
    case '/':
      consume();
      state_ = State::end_tag_open;
      return;
    case '?':
      error("unexpected-question-mark-instead-of-tag-name");
      start_comment({});
      state_ = State::bogus_comment;
      return;
    case kEof:
      error("eof-before-tag-name");
      chars().push_back('<');
      state_ = State::eof;
      return;
    default:
      error("invalid-first-character-of-tag-name");
      chars().push_back('<');
      state_ = State::data;
      return;
  }
}

void Tokenizer::Impl::end_tag_open_state() {
  int c = peek();
  if (is_ascii_alpha(c)) {
    start_tag_token(TokenKind::end_tag);
    state_ = State::tag_name;
    return;
  }
  switch (c) {
    case '>':
      error("missing-end-tag-name");
      consume();
      state_ = State::data;
      if (chars().empty()) out_->begin = base_ + pos_;  // "</>" is dropped
      return;
    case kEof:
      error("eof-before-tag-name");
      chars().append("</", 2);
      state_ = State::eof;
      return;
    default:
      error("invalid-first-character-of-tag-name");
      start_comment({});
      state_ = State::bogus_comment;
      return;
  }
}

// --- the public interface ------------------------------------------------------

Tokenizer::Tokenizer(std::string_view input, std::size_t base, std::vector<ParseError> *errors,
                     std::size_t max_errors)
    : impl_(std::make_unique<Impl>(input, base, errors, max_errors)) {}

Tokenizer::~Tokenizer() = default;

void Tokenizer::next(Token &token) { impl_->next(token); }

void Tokenizer::set_state(TokenizerState state) {
  if (impl_->state_ == State::eof) return;
  switch (state) {
    case TokenizerState::data: impl_->state_ = State::data; break;
    case TokenizerState::rcdata: impl_->state_ = State::rcdata; break;
    case TokenizerState::rawtext: impl_->state_ = State::rawtext; break;
    case TokenizerState::script_data: impl_->state_ = State::script_data; break;
    case TokenizerState::plaintext: impl_->state_ = State::plaintext; break;
    case TokenizerState::cdata_section: impl_->state_ = State::cdata_section; break;
  }
}

void Tokenizer::set_last_start_tag(std::string_view name) {
  impl_->last_start_tag_.assign(name.data(), name.size());
  impl_->has_last_start_tag_ = true;
}

void Tokenizer::set_cdata_allowed(bool allowed) { impl_->cdata_allowed_ = allowed; }

std::size_t Tokenizer::error_count() const { return impl_->error_count_; }

}  // namespace postparse::impl::html
