// The front matter of a post's text, parsed on its own (no body stage), as
// the edit needs it after every change: to find the spans of the values it
// rewrites and to check that the new text reads back as intended.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.h"
#include "common/line_index.h"
#include "common/options.h"
#include "common/source_text.h"
#include "front_matter/front_matter.h"
#include "split/split.h"

namespace postparse::impl::edit {

// Owns the text and everything read from it; values point into `text`, so
// a ParsedPost is never copied or moved (held through unique_ptr).
struct ParsedPost {
  std::string text;
  std::unique_ptr<LineIndex> lines;
  SourceText source;
  ValueArena arena;
  Split split;
  FrontMatter front_matter;
  std::vector<Diagnostic> diagnostics;

  ParsedPost() = default;
  ParsedPost(const ParsedPost &) = delete;
  ParsedPost &operator=(const ParsedPost &) = delete;

  std::string_view body() const { return std::string_view(text).substr(split.body_begin); }
  const Value *root() const { return front_matter.root; }
  // The first error of the split or front matter stages that makes the
  // tree unfit to edit or to verify against (syntax, limits, duplicate
  // keys, a root that is not a mapping); 0 when there is none.  Invalid
  // dates and tags that do not fit are errors too, but leave the tree
  // whole, so they do not count.
  int blocking_error() const;
};

// Splits and loads the front matter of `text` with `options`.  Never throws
// for bad input (std::bad_alloc propagates).
std::unique_ptr<ParsedPost> parse_front_matter(std::string text, const Options &options);

}  // namespace postparse::impl::edit
