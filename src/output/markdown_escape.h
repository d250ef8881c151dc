// Escaping plain text for CommonMark (with the GitHub extensions md4c reads:
// tables, strikethrough, task lists), so that a Markdown reader gives back
// the same text.
#pragma once

#include <string>
#include <string_view>

namespace postparse::impl::markdown {

// Appends `text` (no line breaks in it) as inline content: backslash
// escapes before what could open emphasis, code, links, raw HTML,
// autolinks, entity references, strikethrough or table cells.  `next` is
// the character the output continues with, if known ('\0' otherwise, which
// is taken as "could be anything"): a '!' right before a link's '[' would
// make it an image.  A URL or e-mail address that a reader would turn into
// an autolink running over markup keeps its text but loses the autolink
// (its ':', '.' or '@' is escaped); inside a link's brackets (`link_text`)
// that is always so, as links do not nest.
void append_inline(std::string &out, std::string_view text, char next = '\0', bool link_text = false);

// Where a backslash must go in `line` (plain text at the start of a line,
// after any block prefix and without leading blanks) so that it does not
// start a block: ATX heading, block quote, list item, thematic break or
// setext underline; npos for an ordinary line.  The end of `line` is taken
// as the end of the line (an escape too many is harmless, one too few is
// not).  Characters that append_inline escapes everywhere are left to it.
std::size_t block_start_escape(std::string_view line);

// `href` as a link destination in angle brackets; control characters and
// line breaks are percent-encoded (they must never reach a terminal, and
// cannot stand in a destination).
std::string link_destination(std::string_view href);

}  // namespace postparse::impl::markdown
