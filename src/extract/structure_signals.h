// Signals read from the paragraphs' order rather than from one paragraph:
// credit rolls under a credits heading, and the one line a post has.
#pragma once

#include "extract/paragraph.h"

namespace postparse::impl::extract {

// Staff and credit rolls: a heading that names credits ("Credits", "Senior
// team", "制作人员", "STAFF") and the name lists after it, up to the next
// heading, become boilerplate ("credits:roll", rule "signal/credit-roll").
// A name list is text without a sentence in it: names separated by commas,
// or "Name: Role" pairs, or one such item per paragraph.  Prose under the
// heading stays content, and so does a heading with no list after it.
void mark_credit_rolls(Extraction &extraction);

// A heading whose section holds only the page's furniture (its paragraphs
// up to the next heading, at least one, all boilerplate as links, pointers,
// listings, labels, promotions or credits) is the furniture's title ("Skills" over tag
// links, "相关阅读" over a link list): boilerplate with its section's first
// reason (rule "signal/boilerplate-section").  Runs after the profiles.
void mark_furniture_headings(Extraction &extraction);

// A post that is itself only a link or a notice keeps its one line: when no
// paragraph is content and exactly one, of 16 characters or more, was taken
// as a pointer (a link line, a bare address), it is content again (rule
// "signal/only-line"; a titled link alone is classify()'s "link-post").
// Runs after the profiles.
void keep_only_line(Extraction &extraction);

}  // namespace postparse::impl::extract
