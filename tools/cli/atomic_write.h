// Replacing a file's content atomically (for `postparse set --in-place`):
// readers and a crash at any moment see either the whole old file or the
// whole new one, never a part.
#pragma once

#include <string>
#include <string_view>

namespace postparse_cli {

// The name pattern of the temporary file beside FILE while it is replaced:
// `.FILE.postparse-XXXXXX.tmp` (a hidden file, XXXXXX random).  A run
// killed mid-write leaves one behind; the next replace of FILE removes it.
std::string temp_file_prefix(const std::string &file_name);
inline constexpr std::string_view kTempSuffix = ".tmp";

// Writes `content` to a temporary file in `path`'s directory, gives it
// `path`'s permission bits (and owner when allowed), flushes it to disk
// (fsync), renames it over `path` and flushes the directory.  A symbolic
// link is followed: its target is replaced and the link stays.  Returns ""
// on success, else what failed (strerror text); on failure `path` is
// untouched and the temporary file removed.
std::string replace_file(const std::string &path, std::string_view content);

}  // namespace postparse_cli
