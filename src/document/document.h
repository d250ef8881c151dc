// A parsed post: the pipeline's results, owned together and immutable once
// built.  The C ABI's postparse_doc is a thin wrapper around this.
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
#include "extract/paragraph.h"
#include "extract/profile_set.h"
#include "html/html_parser.h"
#include "split/split.h"

namespace postparse::impl {

struct Document {
  // The text every offset refers to: owned_source, or the caller's bytes
  // when the input was borrowed (InputOwnership::borrow) and needed no
  // decoding.
  std::string_view source;
  // The document's own copy of the input, in UTF-8 (decoded from
  // UTF-16/UTF-32 when it started with their BOM); empty when borrowed.
  std::string owned_source;
  Options options;
  Split split;
  ValueArena arena;
  FrontMatter front_matter;
  BodyFormat body_format = BodyFormat::html;  // as read: html or markdown
  html::HtmlResult html;  // the body's DOM
  extract::Extraction extraction;  // paragraphs, images, links, metadata
  std::vector<Diagnostic> diagnostics;  // positions filled in
  std::unique_ptr<LineIndex> lines;     // over `source`
  SourceText source_text;               // what values point at

  std::string_view text() const { return source; }
  std::string_view body() const { return text().substr(split.body_begin); }
};

// Whether the document copies its input or reads the caller's bytes in
// place (they must then outlive the document, unchanged).
enum class InputOwnership { copy, borrow };

// Runs the pipeline over `input`.  Problems in the post become diagnostics;
// only resource exhaustion (std::bad_alloc) propagates.
// `profiles` are applied during the parse only: the document keeps copies
// of what they captured, never the profiles.
std::unique_ptr<Document> parse_document(std::string_view input, const Options &options,
                                         const extract::ProfileSet &profiles,
                                         InputOwnership ownership = InputOwnership::copy);

}  // namespace postparse::impl
