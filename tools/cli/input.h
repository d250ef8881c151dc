// Reading a post (or a profile) from a file or standard input, never more
// than a limit: a huge file, /dev/zero or an endless pipe costs at most
// limit + 1 bytes of memory before it is refused.
#pragma once

#include <cstdint>
#include <string>

namespace postparse_cli {

enum class ReadStatus { ok, too_large, failed };

struct ReadResult {
  ReadStatus status = ReadStatus::ok;
  std::string problem;  // why it failed (strerror text), for ReadStatus::failed
};

// Reads `path` ("-" is standard input) into `out`, at most `limit` bytes:
// one byte more is read to tell a file of exactly `limit` bytes from a
// larger one, which gives ReadStatus::too_large.
ReadResult read_input(const std::string &path, std::uint64_t limit, std::string &out);

}  // namespace postparse_cli
