// A fast reader for the shapes nearly all real front matter has: a block
// mapping of plain keys whose values are single-line plain or quoted
// scalars, one-line flow sequences of such scalars, block sequences of them
// and nested block mappings of the same.
//
// yaml-cpp costs far more than the tree it feeds (a stream, a token queue
// and a string per token), and this shape needs none of it.  The reader
// produces the very events yaml-cpp would report, with the same marks, and
// the same TreeBuilder turns them into the tree: typing, spans, duplicate
// keys, limits and diagnostics are shared code, so the only thing that can
// differ is the events, and those are checked against yaml-cpp by
// fuzz/fuzz_yaml_fast_path.cpp and by the corpus test.  Anything the reader
// is not sure about (comments, anchors, tags, block scalars, flow mappings,
// multi-line scalars, tabs, CR, control characters, unusual indentation,
// any syntax error) makes it give up before anything is built, and yaml-cpp
// reads the text as before.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace postparse::impl {

class TreeBuilder;

// One parse event, as yaml-cpp's EventHandler would receive it.
struct YamlEvent {
  enum class Type : unsigned char { scalar, null, mapping_start, sequence_start, end };
  Type type = Type::scalar;
  bool quoted = false;  // scalar: tag "!" (quoted) rather than "?" (plain)
  bool flow = false;    // sequence or mapping start: `[...]`/`{...}` rather than block style
  std::size_t mark = 0;  // yaml-cpp's mark: offset in the text
  // A scalar's content is text[begin, end) unless `decoded` is set (a
  // quoted scalar with escapes), which keeps the common case copy-free.
  std::size_t begin = 0, end = 0;
  bool decoded = false;
  std::string content;
};

// The events of `text` when it has one of the common shapes; false (with
// `events` in no particular state) when the reader gives up.
bool read_common_yaml(std::string_view text, std::vector<YamlEvent> &events);

// Feeds `events`, read from `text`, to `builder` (which may throw
// TreeBuilder::Stop, as with yaml-cpp).
void replay_yaml_events(std::string_view text, const std::vector<YamlEvent> &events, TreeBuilder &builder);

// Whether load_yaml tries the fast YAML reader (and, for JSON front matter,
// the JSON reader of json_reader.h) first: it does unless a test switched
// them off.
bool yaml_fast_path_enabled();

}  // namespace postparse::impl

// Test hooks, outside the C ABI (the shared library does not export them;
// programs linking the static library, such as the fuzz harnesses and unit
// tests, can call them).  Not thread-safe against concurrent parses.
namespace postparse::testing {

// Switches the fast YAML reader and the JSON reader on (the default) or off
// for the whole process, so that a test can compare their results with
// yaml-cpp's.
void set_yaml_fast_path(bool enabled);

// Whether the fast reader accepts a YAML front matter block's content.
bool yaml_fast_path_accepts(std::string_view content);

// Whether the JSON reader accepts a text (a bare JSON front matter block, or
// a `;;;` block's members with the braces around them).
bool json_reader_accepts(std::string_view text);

}  // namespace postparse::testing
