// Loading a front matter block into a Value tree.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/diagnostics.h"
#include "common/options.h"
#include "front_matter/value.h"

namespace postparse::impl {

// What a loader needs: the bytes, where they sit in the whole input, the
// options, and where nodes and diagnostics go.
struct LoadContext {
  const Options &options;
  const SourceText &source;
  ValueArena &arena;
  DiagnosticSink &diagnostics;
  // What the text is, for messages ("front matter nests deeper than..."):
  // the YAML loader also reads profiles.
  const char *subject = "front matter";
  // Whether the loader reports ill-formed UTF-8 itself: a profile's text
  // needs it, a document checks its whole input once instead.
  bool check_utf8 = true;
};

// How offsets in the text handed to a parser map to the whole input: the
// text may start with `prefix` synthetic bytes (the brace that turns Hexo's
// brace-less JSON into an object) and end with more; they map to the edges
// of the real content.
struct OffsetMap {
  std::size_t base = 0;          // input offset of the first real byte
  std::size_t prefix = 0;        // synthetic bytes before it
  std::size_t content_size = 0;  // real bytes
  std::size_t to_input(std::size_t pos) const {
    std::size_t real = pos > prefix ? pos - prefix : 0;
    return base + (real < content_size ? real : content_size);
  }
};

// Reads YAML `text`, laid out in the input as `map` says.
// `json` selects JSON typing (JSON is parsed as the YAML 1.2 flow subset it
// is, so spans and diagnostics work the same way).  Returns the root, or
// nullptr after an error diagnostic.  An empty document is an empty mapping.
const Value *load_yaml(std::string_view text, const OffsetMap &map, bool json,
                       LoadContext &context);

// Reads TOML `text` at `base` through toml++.
const Value *load_toml(std::string_view text, std::size_t base, LoadContext &context);

// True when `text` parses as a YAML mapping (used to accept Hexo's unfenced
// front matter) with flow collections nested at most `max_depth` deep.
// Never throws.
bool yaml_is_mapping(std::string_view text, std::uint64_t max_depth);

}  // namespace postparse::impl
