// YAML (and JSON) front matter through yaml-cpp's event parser.
//
// The event API is used rather than YAML::Load so that postparse sees every
// node as it is parsed: it can stop at its own depth, key and alias limits
// before any expansion happens (a billion-laughs block fails after a few
// thousand nodes), keep key order and duplicates, and record where each value
// is written.  Only one document is read (never LoadAll, which can loop
// forever on malformed input).
#include <algorithm>
#include <cstdint>
#include <sstream>
#include <unordered_set>
#include <unordered_map>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "common/ascii.h"
#include "common/utf8.h"
#include "common/line_breaks.h"
#include "front_matter/syntax_hints.h"
#include "front_matter/tree_builder.h"
#include "front_matter/tree_loader.h"
#include "front_matter/json_reader.h"
#include "front_matter/yaml_fast_path.h"
#include "postparse/postparse.h"
#include "split/encoding.h"

namespace postparse::impl {
namespace {

class EventAdapter : public YAML::EventHandler {
 public:
  explicit EventAdapter(TreeBuilder &builder) : builder_(builder) {}

  void OnDocumentStart(const YAML::Mark &) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override {
    builder_.null(static_cast<std::size_t>(mark.pos), anchor);
  }
  void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override {
    builder_.alias(static_cast<std::size_t>(mark.pos), anchor);
  }
  void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                const std::string &value) override {
    builder_.scalar(static_cast<std::size_t>(mark.pos), tag, anchor, value);
  }
  void OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    builder_.start(Kind::sequence, static_cast<std::size_t>(mark.pos), tag, anchor,
                   style == YAML::EmitterStyle::Flow);
  }
  void OnSequenceEnd() override { builder_.finish(); }
  void OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    builder_.start(Kind::mapping, static_cast<std::size_t>(mark.pos), tag, anchor,
                   style == YAML::EmitterStyle::Flow);
  }
  void OnMapEnd() override { builder_.finish(); }

 private:
  TreeBuilder &builder_;
};

int hex_value(std::string_view s) {
  int v = 0;
  for (char c : s) {
    int d = hex_digit_value(static_cast<unsigned char>(c));
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

// JSON writes characters beyond U+FFFF as UTF-16 surrogate pairs
// (\ud83d\ude00), which yaml-cpp rejects.  Each pair (12 bytes) is rewritten
// in place to an escaped line break, six blanks and the character's 4 UTF-8
// bytes: YAML drops an escaped line break and the blanks that follow it, so
// the string's content is exact and every byte offset stays the same.  A lone
// surrogate becomes \uFFFD.
void expand_surrogate_pairs(std::string &json) {
  for (std::size_t i = 0; i + 6 <= json.size(); ++i) {
    if (json[i] != '\\') continue;
    if (json[i + 1] != 'u') {
      ++i;  // skip the escaped character
      continue;
    }
    int high = hex_value(std::string_view(json).substr(i + 2, 4));
    if (high < 0xD800 || high > 0xDFFF) continue;
    int low = i + 12 <= json.size() && json[i + 6] == '\\' && json[i + 7] == 'u'
                  ? hex_value(std::string_view(json).substr(i + 8, 4))
                  : -1;
    if (high <= 0xDBFF && low >= 0xDC00 && low <= 0xDFFF) {
      std::string replacement = "\\\n      ";
      append_utf8(replacement, static_cast<char32_t>(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)));
      json.replace(i, 12, replacement);
      i += 11;
    } else {
      json.replace(i, 6, "\\uFFFD");
      i += 5;
    }
  }
}

// Where a second YAML document starts (a `---` or `...` line after the first
// document's content), or npos.  Only the first document is front matter.
std::size_t second_document_at(std::string_view text) {
  bool content_seen = false;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    bool marker = (line.substr(0, 3) == "---" || line.substr(0, 3) == "...") &&
                  (line.size() == 3 || is_space_or_tab(line[3]) || line[3] == '\r');
    bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos || line[0] == '#';
    if (marker && (content_seen || line[0] == '.')) return pos;
    if (!blank) content_seen = true;
    pos = end + 1;
  }
  return std::string_view::npos;
}

std::string error_message(const YAML::Exception &e, bool json) {
  std::string message = e.msg.empty() ? std::string("malformed input") : e.msg;
  return std::string(json ? "JSON" : "YAML") + " syntax error: " + message;
}

}  // namespace

namespace {

// yaml-cpp 0.7 accepts a quoted scalar that the end of the stream cuts off
// (`title: "unclosed`), taking the rest of the block as its text.  Such a
// scalar's raw text does not end with its quote; the first one found is
// returned.  Aliased subtrees are visited once.
const Value *unclosed_quoted_scalar(const Value *root) {
  std::vector<const Value *> stack{root};
  std::unordered_set<const Value *> seen;
  while (!stack.empty()) {
    const Value *v = stack.back();
    stack.pop_back();
    if (!v || !seen.insert(v).second) continue;
    if (v->style == Style::single_quoted || v->style == Style::double_quoted) {
      char quote = v->style == Style::single_quoted ? '\'' : '"';
      std::string_view raw = v->raw();
      if (raw.size() < 2 || raw.front() != quote || raw.back() != quote) return v;
    }
    stack.insert(stack.end(), v->keys.begin(), v->keys.end());
    stack.insert(stack.end(), v->items.begin(), v->items.end());
  }
  return nullptr;
}

// The deepest nesting of flow collections ([ and {) outside quotes and
// comments, and where it is first exceeded beyond `limit` (npos if never).
// yaml-cpp's scanner tokenises a whole run of openers before the tree
// builder's depth check sees the first one, at about 235 bytes each, so deep
// flow nesting is refused before yaml-cpp reads it.  (Brackets inside block
// scalars count too; only a text with more than `limit` of them unclosed
// is affected.)
std::size_t flow_depth_exceeded(std::string_view text, std::uint64_t limit) {
  std::uint64_t depth = 0;
  char quote = 0;
  bool token_start = true;  // a quote only opens a scalar where a token starts
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (c == '\\' && quote == '"') ++i;
      else if (c == quote) quote = 0;
      continue;
    }
    if (c == '#' && token_start) {
      while (i < text.size() && text[i] != '\n') ++i;
      token_start = true;
      continue;
    }
    if ((c == '\'' || c == '"') && token_start) {
      quote = c;
      continue;
    }
    if (c == '[' || c == '{') {
      if (++depth > limit) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
    token_start = is_space_tab_or_newline(c) || c == '[' || c == '{' || c == ',' || c == ':' || c == '-' || c == '?';
  }
  return std::string_view::npos;
}

}  // namespace

namespace {

void report_flow_depth(std::size_t at, const OffsetMap &map, LoadContext &context) {
  context.diagnostics.add(POSTPARSE_ERR_DEPTH_LIMIT, Severity::error, Part::front_matter,
                          std::string(context.subject) + " nests flow collections deeper than " +
                              std::to_string(context.options.limits.depth) + " levels (depth limit)",
                          map.to_input(at));
}

// The tree of a text the fast YAML reader or the JSON reader took, from its
// events.  Of yaml-cpp's path only what can apply to such a text is done:
// the readers take no NUL, no ill-formed UTF-8, no second document and no
// unclosed quote (and the YAML reader no CR), but brackets inside scalars
// still count for the flow depth check (which cannot fire when there are no
// more of them than the limit).
const Value *load_read_events(std::string_view text, const std::vector<YamlEvent> &events, const OffsetMap &map,
                              bool json, LoadContext &context) {
  std::uint64_t limit = context.options.limits.depth;
  auto openers = static_cast<std::uint64_t>(std::count_if(text.begin(), text.end(), [](char c) { return c == '[' || c == '{'; }));
  if (openers > limit) {
    if (std::size_t deep = flow_depth_exceeded(text, limit); deep != std::string_view::npos) {
      report_flow_depth(deep, map, context);
      return nullptr;
    }
  }
  TreeBuilder builder(text, map, json, context);
  try {
    replay_yaml_events(text, events, builder);
  } catch (const TreeBuilder::Stop &stop) {
    context.diagnostics.add(stop.code, Severity::error, Part::front_matter, stop.message, stop.offset);
    return nullptr;
  }
  return builder.finish_document();
}

}  // namespace

const Value *load_yaml(std::string_view text, const OffsetMap &map, bool json, LoadContext &context) {
  if (yaml_fast_path_enabled()) {
    std::vector<YamlEvent> events;
    if (json ? read_json(text, events) : read_common_yaml(text, events))
      return load_read_events(text, events, map, json, context);
  }
  // yaml-cpp reads a NUL as the start of an escape and silently corrupts the
  // scalar around it; YAML does not allow NUL, so the block is refused.
  if (std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    context.diagnostics.add(POSTPARSE_ERR_SYNTAX, Severity::error, Part::front_matter,
                            "a NUL byte, which YAML does not allow; the " + std::string(context.subject) +
                                " is not read",
                            map.to_input(nul));
    return nullptr;
  }
  if (std::size_t deep = flow_depth_exceeded(text, context.options.limits.depth); deep != std::string_view::npos) {
    report_flow_depth(deep, map, context);
    return nullptr;
  }
  // yaml-cpp turns ill-formed UTF-8 into U+FFFD without a word: say where.
  if (std::size_t bad = context.check_utf8 ? check_utf8(text).first_bad : std::string_view::npos;
      bad != std::string_view::npos)
    context.diagnostics.add(POSTPARSE_ERR_SYNTAX, Severity::warning, Part::front_matter,
                            "ill-formed UTF-8; the bytes are read as U+FFFD", map.to_input(bad));
  std::string buffer = normalise_line_breaks(text);
  if (json) expand_surrogate_pairs(buffer);
  TreeBuilder builder(buffer, map, json, context);
  std::istringstream stream(buffer);
  try {
    YAML::Parser parser(stream);
    EventAdapter adapter(builder);
    parser.HandleNextDocument(adapter);
  } catch (const TreeBuilder::Stop &stop) {
    context.diagnostics.add(stop.code, Severity::error, Part::front_matter, stop.message, stop.offset);
    return nullptr;
  } catch (const YAML::Exception &e) {
    std::size_t pos = std::min(e.mark.pos < 0 ? std::size_t{0} : static_cast<std::size_t>(e.mark.pos),
                               buffer.size());
    std::string message = error_message(e, json);
    SyntaxHint hint = find_unclosed_quote(buffer, pos);
    if (hint.found) {
      message += hint.note;
      pos = hint.offset;
    }
    context.diagnostics.add(POSTPARSE_ERR_SYNTAX, Severity::error, Part::front_matter, message,
                            map.to_input(pos));
    return nullptr;
  }
  std::size_t second = json ? std::string_view::npos : second_document_at(buffer);
  if (second != std::string_view::npos)
    context.diagnostics.add(POSTPARSE_ERR_SYNTAX, Severity::warning, Part::front_matter,
                            "the " + std::string(context.subject) + " holds more than one YAML document; only the first is read",
                            map.to_input(second));
  const Value *root = builder.finish_document();
  if (const Value *open = unclosed_quoted_scalar(root)) {
    context.diagnostics.add(POSTPARSE_ERR_SYNTAX, Severity::error, Part::front_matter,
                            "a quoted string is never closed: its quote opens here and the block ends inside it",
                            open->begin);
    return nullptr;
  }
  return root;
}

bool yaml_is_mapping(std::string_view text, std::uint64_t max_depth) {
  if (text.find('\0') != std::string_view::npos) return false;
  if (flow_depth_exceeded(text, max_depth) != std::string_view::npos) return false;
  struct Probe : YAML::EventHandler {
    bool mapping = false, seen = false;
    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &, YAML::anchor_t) override { seen = true; }
    void OnAlias(const YAML::Mark &, YAML::anchor_t) override { seen = true; }
    void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t,
                  const std::string &) override { seen = true; }
    void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                         YAML::EmitterStyle::value) override { seen = true; }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {
      if (!seen) mapping = true;
      seen = true;
    }
    void OnMapEnd() override {}
  };
  std::string buffer = normalise_line_breaks(text);
  std::istringstream stream(buffer);
  Probe probe;
  try {
    YAML::Parser parser(stream);
    parser.HandleNextDocument(probe);
  } catch (...) {
    return false;  // prose, or anything else that is not YAML
  }
  return probe.mapping;
}

}  // namespace postparse::impl
