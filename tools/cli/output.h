// Writing records to standard output, each whole or not at all from the
// command's side: a record (one JSON line, or one post's text) goes out in
// one write loop straight to the descriptor, with no stdio buffer in
// between, so a crash or kill between records never leaves a finished
// record cut mid-line, and every write error is seen at once.
#pragma once

#include <string>
#include <string_view>

namespace postparse_cli {

class OutputWriter {
 public:
  explicit OutputWriter(int fd) : fd_(fd) {}

  // Writes all of `record`; false (and problem() set) on a write error.
  bool write_record(std::string_view record);
  // Closes the descriptor, which is where some file systems report a
  // failed write; false (and problem() set) on an error.
  bool close();

  // The errno of the first failure (0 when none).
  int error() const { return error_; }
  // True when the reader went away (EPIPE with SIGPIPE ignored): the
  // command then ends quietly, as it would have by the signal.
  bool reader_gone() const;
  // "cannot write to standard output: <reason>".
  std::string problem() const;

 private:
  int fd_;
  int error_ = 0;
};

}  // namespace postparse_cli
