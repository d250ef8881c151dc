// Where one run of collected text is several paragraphs to a reader.
//
// Segmentation collects a block's text into one buffer, with '\n' for a
// <br> and '\r' for a line break of the source (white space to a browser,
// joined between CJK characters by normalisation).  Some of those breaks
// end a paragraph all the same:
// - in a caption, every <br>: a caption's lines are separate statements
//   (what the picture shows, then who took it);
// - a single <br> between two runs of prose, each long and the first ending
//   a sentence (feeds that write paragraphs as "text<br>text"), or between
//   such a run and a last line (a signature or a source line under the
//   text; last in the paragraph the other cuts leave, as a Markdown
//   rendering writes it); short runs (verse, addresses, lists of fields)
//   stay lines of one paragraph;
// - every <br> of a paragraph whose runs are each a whole sentence of at
//   least a few words, or a lead-in ending in a colon ("总结一下：" over
//   such sentences); a title line, a verse line ending in a comma or a
//   bulleted item among them keeps the lines together;
// - a line at either end of a <br> run that the profiles' patterns call
//   boilerplate on its own (a picture credit under a caption, "原标题：…"
//   over the text, a count under a card): it is cut off so that the rules
//   can drop it without the lines it stands beside;
// - in a caption or the text by an image, a picture credit ending the last
//   line after a sentence end, a blank or a bar ("…购买门票。摄影师：X",
//   "比例变化 图自华尔街日报", "幼崽。｜图片来源：X"): the credit names who
//   made the picture, the rest says what it shows;
// - in bare text straight inside a wrapper block (a <div>, not a <p>), a
//   blank source line (inside a text node, or at its edge with the node's
//   text on the other side), and the source lines of fields or items (an
//   event name, a venue, a time, each on its line), which are told from prose
//   wrapped at a line width by their lengths; a first line narrower than
//   the text wrapped after it (a title over its text) is no part of the
//   wrap; a note or item number alone on its line ("[1]", "2.") stays with
//   the line after it.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/normalize.h"
#include "extract/span_offsets.h"

namespace postparse::impl::extract {

struct CutContext {
  // How the paragraph is normalised: the lengths and ends of its <br> runs
  // are those of the lines it shows, which are what a Markdown rendering
  // writes and a reader of it measures.
  NormalizeOptions options;
  bool caption = false;     // the text is in a <caption> or <figcaption>
  bool bare_block = false;  // the text sits straight in a wrapper block
  bool by_image = false;    // an image came since the last paragraph
  // Why one line of the collected text (as collected, not normalised) is
  // boilerplate on its own (its reason), or empty when it is not; an empty
  // function: no line is.
  std::function<std::string(std::string_view line)> line_reason;
};

// Where a paragraph ends: the byte at `at` and `width` bytes from it (a
// '\n', '\r' or blank) belong to neither side; a width of 0 cuts between
// two characters.
struct Cut {
  std::size_t at = 0, width = 1;
};

// Where in `raw` paragraphs end, ascending.  A run of '\n' (a blank line
// kept in a list item inside a <pre>) is one break, as normalisation makes
// it.  A cut inside one of `spans` (a link or emphasis that goes on past
// it) is never made: the element holds the two parts together.  A
// source line break cuts only inside one of `texts` (the text nodes' ranges
// of raw, ascending), between visible text on both sides: line breaks
// of the markup around elements are layout of the source, not of the text.
std::vector<Cut> paragraph_cuts(std::string_view raw, const CutContext &context, const std::vector<ByteRange> &spans,
                                const std::vector<ByteRange> &texts);

}  // namespace postparse::impl::extract
