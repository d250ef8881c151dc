// Segmentation: walks the body's DOM in document order and cuts it into
// paragraphs the way a reader sees them, collecting images, links, inline
// spans and comments on the way.
#pragma once

#include "extract/normalize.h"
#include "extract/paragraph.h"
#include "html/dom.h"

namespace postparse::impl::extract {

// Block elements start and end paragraphs; inline elements never add
// spaces; one <br> is a line break, two end the paragraph; <pre> keeps its
// white space; script, style, template, noscript, form controls, embedded
// graphics, hidden elements and comments never give paragraph text.
Extraction segment(const html::Dom &dom, pugi::xml_node root, const NormalizeOptions &options);

}  // namespace postparse::impl::extract
