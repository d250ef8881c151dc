// What the command tells the person running it, on standard error: a
// progress bar while a batch runs on a terminal, and a one-line summary at
// the end (also as JSON with --stats FILE).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>

#include "batch.h"

namespace postparse_cli {

class Tally {
 public:
  explicit Tally(std::size_t total) : total_(total), start_(std::chrono::steady_clock::now()) {}

  void add(const PostResult &r);
  std::size_t done() const { return done_; }
  std::size_t unreadable() const { return unreadable_; }
  std::size_t with_errors() const { return with_errors_; }
  std::size_t with_warnings() const { return with_warnings_; }
  double seconds() const;

  // "2589 files, 9.48 MB, 0 unreadable, 3 with errors (syntax 3), 12 with
  // warnings (invalid_date 12); 1.21 s, 7.8 MB/s".
  std::string summary() const;
  // The same as a JSON object.
  std::string json(unsigned threads) const;
  // "[=====>     ] 1204/2589 files  6.1 MB/s  ETA 3 s".
  std::string progress_line() const;

 private:
  std::size_t total_, done_ = 0, unreadable_ = 0, with_errors_ = 0, with_warnings_ = 0;
  std::uint64_t bytes_ = 0;
  std::map<std::string, unsigned> codes_;  // "severity:code" -> count
  std::chrono::steady_clock::time_point start_;
};

// Redraws one progress line in place on a terminal, at most ten times a
// second; silent when disabled.
class ProgressBar {
 public:
  ProgressBar(bool enabled, int fd) : enabled_(enabled), fd_(fd) {}
  void update(const Tally &tally, bool force = false);
  void clear();

 private:
  bool enabled_;
  int fd_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace postparse_cli
