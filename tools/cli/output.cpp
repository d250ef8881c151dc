#include "output.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace postparse_cli {

bool OutputWriter::write_record(std::string_view record) {
  if (error_ != 0) return false;
  while (!record.empty()) {
    ssize_t written = ::write(fd_, record.data(), record.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      error_ = errno;
      return false;
    }
    record.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

bool OutputWriter::close() {
  if (::close(fd_) != 0 && error_ == 0) error_ = errno;
  return error_ == 0;
}

bool OutputWriter::reader_gone() const { return error_ == EPIPE; }

std::string OutputWriter::problem() const {
  return std::string("cannot write to standard output: ") + std::strerror(error_);
}

}  // namespace postparse_cli
