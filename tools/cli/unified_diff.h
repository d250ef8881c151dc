// A unified diff of two texts, as `diff -u` writes it (for `postparse set
// --dry-run`): written here rather than by running diff(1), so that the
// command needs no external program.
#pragma once

#include <string>
#include <string_view>

namespace postparse_cli {

// The unified diff from `before` to `after` with 3 lines of context, headed
// `--- a/NAME` and `+++ b/NAME`; "" when the texts are equal.  Lines are
// compared with their line ends (a CRLF line differs from its LF twin); a
// last line without one is followed by `\ No newline at end of file`.
// Cost: the common first and last lines are skipped at once, then Myers'
// O((N+M)·D) comparison over what is left (D lines changed); past 1,000
// changed lines the changed middle is shown as removed and added whole.
std::string unified_diff(std::string_view before, std::string_view after, std::string_view name);

}  // namespace postparse_cli
