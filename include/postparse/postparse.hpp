// postparse.hpp — a header-only C++17 wrapper over the whole C ABI in
// postparse.h (tests/abi/check_wrapper_coverage.py keeps it whole).
//
// Conventions, the same for every class (each states its own ownership and
// threads in a comment):
//  - Ownership.  Handles the caller owns in C (options, profiles, documents,
//    node lists, edits) are move-only RAII classes releasing them with the matching
//    *_free.  Borrowed C objects (values, nodes) are cheap non-owning views,
//    valid while the Document they came from lives; moving a Document keeps
//    them valid.  Borrowed strings are std::string_view with the same
//    lifetime; buffers the library allocates (renderings, HTML, text
//    content) come back as std::string.
//  - Finding nothing.  Where the C call finds nothing the wrapper gives
//    std::optional (nullopt), a falsy Value or Node, or the empty view, as
//    the C "finding nothing" rule says.
//  - Errors.  A C call that returns a failing status throws postparse::Error
//    carrying that status (and a detail: the XPath expression, the profile
//    error's position and message...).  Problems inside a post are not
//    errors: they are Document::diagnostics().
//  - Growing structs.  Items are C++ value types (Paragraph, Inline, Image,
//    Link, Comment, Editorial) filled from the C structs through
//    POSTPARSE_INIT, so the wrapper keeps working with later libraries.
//  - Collections.  Document's paragraphs(), images()... and a NodeList are
//    lazy random-access ranges (items read on access, O(1) each; nothing
//    stored); Node::children() a forward range; diagnostics() a vector.
//  - Threads.  The wrapper adds no state: what postparse.h says holds —
//    everything read from a Document may be read from many threads at once;
//    Options must not change while a parse uses them.
#ifndef POSTPARSE_POSTPARSE_HPP
#define POSTPARSE_POSTPARSE_HPP

#include "postparse/postparse.h"
#include "postparse/cpp/core.hpp"
#include "postparse/cpp/options.hpp"
#include "postparse/cpp/value.hpp"
#include "postparse/cpp/items.hpp"
#include "postparse/cpp/node.hpp"
#include "postparse/cpp/document.hpp"
#include "postparse/cpp/edit.hpp"

#endif  // POSTPARSE_POSTPARSE_HPP
