// Finding the front matter block of a post and where its body starts.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

#include "common/diagnostics.h"

namespace postparse::impl {

enum class Format { none = 0, yaml = 1, json = 2, toml = 3 };

// How JSON content must be read: Hexo's `;;;` form holds the members of an
// object without its braces; Hugo's bare form is a whole object.
enum class JsonShape { none, members_only, whole_object };

struct Split {
  Format format = Format::none;
  JsonShape json_shape = JsonShape::none;
  // The block including its fences, and the content between them.
  std::size_t block_begin = 0, block_end = 0;
  std::size_t content_begin = 0, content_end = 0;
  // The body runs from body_begin to the end of the input.
  std::size_t body_begin = 0;
};

// Says whether a candidate text is a YAML mapping; used only for Hexo's
// unfenced form, where prose followed by a `---` rule must stay body.
using IsMappingFn = std::function<bool(std::string_view)>;

struct SplitOptions {
  bool hexo_unfenced = false;
  IsMappingFn is_mapping;  // required when hexo_unfenced is set
};

// Locates the front matter.  Tolerates a UTF-8 BOM (a run of them with a
// warning), leading blank lines, LF/CRLF/CR line ends, trailing blanks on
// fences, `...` closing YAML, and a missing final newline.  An opening
// fence that is never closed yields no front matter (the whole input is
// body) and a warning.
Split split_post(std::string_view input, const SplitOptions &options,
                 DiagnosticSink &diagnostics);

}  // namespace postparse::impl
