#include "report.h"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <sstream>

#include <nlohmann/json.hpp>

namespace postparse_cli {
namespace {

std::string megabytes(std::uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f MB", static_cast<double>(bytes) / 1e6);
  return buf;
}

// "(syntax 3, invalid_date 1)" for the codes of one severity.
std::string by_code(const std::map<std::string, unsigned> &codes, const std::string &severity) {
  std::string out;
  for (const auto &[key, count] : codes) {
    if (key.compare(0, severity.size() + 1, severity + ":") != 0) continue;
    out += (out.empty() ? "" : ", ") + key.substr(severity.size() + 1) + " " + std::to_string(count);
  }
  return out.empty() ? "" : " (" + out + ")";
}

void write_all(int fd, const std::string &text) {
  const char *p = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n <= 0) return;  // standard error gone: nothing to tell anyone
    p += n;
    left -= static_cast<std::size_t>(n);
  }
}

}  // namespace

void Tally::add(const PostResult &r) {
  ++done_;
  bytes_ += r.bytes;
  unreadable_ += r.unreadable ? 1 : 0;
  with_errors_ += !r.unreadable && r.has_error ? 1 : 0;
  with_warnings_ += r.has_warning ? 1 : 0;
  for (const auto &[code, count] : r.codes) codes_[code] += count;
}

double Tally::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

std::string Tally::summary() const {
  double s = seconds();
  char rate[64];
  std::snprintf(rate, sizeof rate, "%.2f s, %.1f MB/s", s, s > 0 ? static_cast<double>(bytes_) / 1e6 / s : 0.0);
  std::ostringstream out;
  out << done_ << " files, " << megabytes(bytes_) << ", " << unreadable_ << " unreadable, " << with_errors_
      << " with errors" << by_code(codes_, "error") << ", " << with_warnings_ << " with warnings"
      << by_code(codes_, "warning") << "; " << rate;
  return out.str();
}

std::string Tally::json(unsigned threads) const {
  nlohmann::ordered_json out;
  double s = seconds();
  out["files"] = done_;
  out["bytes"] = bytes_;
  out["unreadable"] = unreadable_;
  out["posts_with_errors"] = with_errors_;
  out["posts_with_warnings"] = with_warnings_;
  nlohmann::ordered_json errors = nlohmann::ordered_json::object(), warnings = nlohmann::ordered_json::object();
  for (const auto &[key, count] : codes_) {
    bool error = key.compare(0, 6, "error:") == 0;
    (error ? errors : warnings)[key.substr(key.find(':') + 1)] = count;
  }
  out["errors_by_code"] = errors;
  out["warnings_by_code"] = warnings;
  out["seconds"] = s;
  out["mb_per_second"] = s > 0 ? static_cast<double>(bytes_) / 1e6 / s : 0.0;
  out["threads"] = threads;
  return out.dump(2) + "\n";
}

std::string Tally::progress_line() const {
  constexpr int kWidth = 24;
  double fraction = total_ ? static_cast<double>(done_) / static_cast<double>(total_) : 1.0;
  int filled = static_cast<int>(fraction * kWidth);
  std::string bar(static_cast<std::size_t>(filled), '=');
  if (filled < kWidth) bar += '>', bar.append(static_cast<std::size_t>(kWidth - filled - 1), ' ');
  double s = seconds();
  double rate = s > 0 ? static_cast<double>(bytes_) / 1e6 / s : 0.0;
  double eta = done_ ? s / static_cast<double>(done_) * static_cast<double>(total_ - done_) : 0.0;
  char buf[160];
  std::snprintf(buf, sizeof buf, "[%s] %zu/%zu files  %.1f MB/s  ETA %.0f s", bar.c_str(), done_, total_, rate,
                std::ceil(eta));
  return buf;
}

void ProgressBar::update(const Tally &tally, bool force) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (!force && drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  drawn_ = true;
  write_all(fd_, "\r\x1b[K" + tally.progress_line());
}

void ProgressBar::clear() {
  if (enabled_ && drawn_) write_all(fd_, "\r\x1b[K");
  drawn_ = false;
}

}  // namespace postparse_cli
