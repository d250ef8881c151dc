#include "input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>

namespace postparse_cli {
namespace {

// Closes a descriptor we opened (never standard input).
struct OwnedFd {
  int fd = -1;
  bool owned = false;
  ~OwnedFd() {
    if (owned && fd >= 0) ::close(fd);
  }
};

// How much to reserve up front: a regular file's size (when it fits the
// cap) spares the string's regrowth; pipes and devices start small.
std::size_t initial_capacity(int fd, std::size_t cap) {
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 0) return 0;
  return std::min(static_cast<std::size_t>(st.st_size) + 1, cap);
}

// Reads until end of input or `cap` bytes, whichever comes first.
ReadResult read_capped(int fd, std::size_t cap, std::string &out) {
  out.clear();
  out.reserve(initial_capacity(fd, cap));
  char chunk[1 << 16];
  while (out.size() < cap) {
    std::size_t want = std::min(sizeof chunk, cap - out.size());
    ssize_t got = ::read(fd, chunk, want);
    if (got < 0) {
      if (errno == EINTR) continue;
      return {ReadStatus::failed, std::strerror(errno)};
    }
    if (got == 0) return {};
    out.append(chunk, static_cast<std::size_t>(got));
  }
  return {ReadStatus::too_large, {}};
}

}  // namespace

ReadResult read_input(const std::string &path, std::uint64_t limit, std::string &out) {
  OwnedFd input;
  if (path == "-") {
    input.fd = STDIN_FILENO;
  } else {
    input.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (input.fd < 0) return {ReadStatus::failed, std::string("cannot open: ") + std::strerror(errno)};
    input.owned = true;
  }
  // limit + 1 bytes, saturating: a limit near 2^64 is "no practical limit".
  constexpr std::uint64_t kMax = std::numeric_limits<std::size_t>::max() - 1;
  std::size_t cap = static_cast<std::size_t>(std::min(limit, kMax)) + 1;
  ReadResult result = read_capped(input.fd, cap, out);
  if (result.status == ReadStatus::too_large) out.clear(), out.shrink_to_fit();
  return result;
}

}  // namespace postparse_cli
