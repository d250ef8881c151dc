// The HTML stage's entry point: a post body (bytes at some offset of the
// whole input) to a DOM, as a fragment in a <body> context or as a whole
// document.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "common/options.h"
#include "html/dom.h"
#include "html/token.h"
#include "html/tree_builder.h"

namespace postparse::impl::html {

struct HtmlOptions {
  HtmlMode mode = HtmlMode::automatic;
  Limits limits;  // the tree builder reads html_nodes, html_depth, html_attributes, diagnostics
  bool scripting = false;      // <noscript> content is parsed as markup
  bool record_errors = false;  // keep the spec's parse errors
};

struct HtmlResult {
  std::unique_ptr<Dom> dom;
  // For a fragment, the <html> element whose children are the body content;
  // for a document, the document node.
  pugi::xml_node root;
  bool is_document = false;
  bool limit_hit = false;
  std::vector<ParseError> errors;        // with record_errors, at most limits.diagnostics
  std::size_t error_total = 0;           // all parse errors, recorded or not
  std::vector<LimitEvent> limit_events;  // limits hit, always kept
};

// True when the text starts (after blanks and comments) with a DOCTYPE or an
// <html> tag, i.e. is a whole document rather than body content.
bool looks_like_document(std::string_view text);

HtmlResult parse_html(std::string_view text, std::size_t base, const HtmlOptions &options);

}  // namespace postparse::impl::html
