// YAML (and JSON) front matter through yaml-cpp's event parser.
//
// The event API is used rather than YAML::Load so that postparse sees every
// node as it is parsed: it can stop at its own depth, key and alias limits
// before any expansion happens (a billion-laughs block fails after a few
// thousand nodes), keep key order and duplicates, and record where each value
// is written.  Only one document is read (never LoadAll, which can loop
// forever on malformed input).
#include <sstream>
#include <unordered_map>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "common/line_breaks.h"
#include "front_matter/syntax_hints.h"
#include "front_matter/tree_builder.h"
#include "front_matter/tree_loader.h"
#include "postparse/postparse.h"

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

std::string error_message(const YAML::Exception &e, bool json) {
  std::string message = e.msg.empty() ? std::string("malformed input") : e.msg;
  return std::string(json ? "JSON" : "YAML") + " syntax error: " + message;
}

}  // namespace

const Value *load_yaml(std::string_view text, const OffsetMap &map, bool json, LoadContext &context) {
  std::string buffer = normalise_line_breaks(text);
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
  return builder.finish_document();
}

bool yaml_is_mapping(std::string_view text) {
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
