// Plain-text and Markdown renderings of a document's paragraphs.
#pragma once

#include <string>

#include "document/document.h"

namespace postparse::impl {

// Content paragraphs (all paragraphs with `boilerplate`), separated by a
// blank line, each ending in a newline.
std::string document_to_text(const Document &doc, bool boilerplate);

// The same paragraphs as CommonMark: kinds become block syntax, inline spans
// become links / emphasis / code, other text is escaped.
std::string document_to_markdown(const Document &doc, bool boilerplate);

}  // namespace postparse::impl
