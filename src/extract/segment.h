// Segmentation: walks the body's DOM in document order and cuts it into
// paragraphs the way a reader sees them, collecting images, links, inline
// spans and comments on the way.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "extract/normalize.h"
#include "extract/paragraph.h"
#include "html/dom.h"

namespace postparse::impl::extract {

// Block elements start and end paragraphs; inline elements never add
// spaces; one <br> is a line break, two end the paragraph; <pre> keeps its
// white space; script, style, template, noscript, form controls, embedded
// graphics, hidden elements and comments never give paragraph text.
// Why a line, normalised like a paragraph, is boilerplate on its own (its
// reason), or empty when it is not: segmentation cuts such a line from
// either end of a <br> run, and a picture credit from the end of a
// paragraph (see paragraph_cuts.h).  An empty function: no line is.
using LineJudge = std::function<std::string(const std::string &line)>;

Extraction segment(const html::Dom &dom, pugi::xml_node root, const NormalizeOptions &options,
                   const LineJudge &line_reason = {});

// A paragraph's text as segment() collected it from the DOM, before
// normalisation, with the options it was normalised with: the real input of
// the normalisation stage, which bench_stages measures on its own.
struct CollectedText {
  std::string raw;
  NormalizeOptions options;
};

// segment(), also appending each paragraph's collected text to `collected`.
Extraction segment(const html::Dom &dom, pugi::xml_node root, const NormalizeOptions &options,
                   std::vector<CollectedText> &collected, const LineJudge &line_reason = {});

}  // namespace postparse::impl::extract
