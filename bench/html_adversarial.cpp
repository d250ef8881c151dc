// Adversarial HTML inputs: each is parsed in a child process so that its
// peak memory can be read on its own (getrusage of the child), and time per
// MB shows whether the parser stays linear.  Google Benchmark cannot report a
// per-case peak RSS, hence this small harness.
//
//   bench_html_adversarial [SCALE]   (SCALE 1 = the sizes below; 0.1 for a smoke run)
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "html/html_parser.h"

namespace {

struct Case {
  const char *name;
  std::function<std::string(double)> make;
};

std::string repeat(const std::string &unit, std::size_t n) {
  std::string out;
  out.reserve(unit.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += unit;
  return out;
}

std::size_t scaled(double scale, double n) { return static_cast<std::size_t>(n * scale) + 1; }

const std::vector<Case> kCases = {
    {"100,000 nested <div>", [](double s) { return repeat("<div>", scaled(s, 100000)) + "x"; }},
    {"100,000 misnested <b><a>", [](double s) { return repeat("<b>x<a>y</b>z</a>", scaled(s, 100000)); }},
    {"100,000 unclosed <b>", [](double s) { return repeat("<b>x", scaled(s, 100000)); }},
    {"50 MB attribute value", [](double s) { return "<p title=\"" + std::string(scaled(s, 50e6), 'a') + "\">x</p>"; }},
    {"1,000,000 &amp;", [](double s) { return "<p>" + repeat("&amp;", scaled(s, 1e6)) + "</p>"; }},
    {"100 MB text node", [](double s) { return "<p>" + std::string(scaled(s, 100e6), 'x') + "</p>"; }},
    {"100,000 table cells fostered", [](double s) { return "<table>" + repeat("x<td>", scaled(s, 100000)); }},
};

}  // namespace

int main(int argc, char **argv) {
  double scale = argc > 1 ? std::atof(argv[1]) : 1.0;
  std::printf("%-32s %12s %10s %10s %12s\n", "input", "bytes", "ms", "ms/MB", "peak RSS MB");
  for (const Case &c : kCases) {
    int pipe_fd[2];
    if (pipe(pipe_fd) != 0) return 1;
    pid_t pid = fork();
    if (pid == 0) {
      close(pipe_fd[0]);
      std::string input = c.make(scale);
      postparse::impl::html::HtmlOptions options;
      auto start = std::chrono::steady_clock::now();
      auto result = postparse::impl::html::parse_html(input, 0, options);
      double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      double out[2] = {static_cast<double>(input.size()), ms};
      if (write(pipe_fd[1], out, sizeof out) != sizeof out) _exit(1);
      _exit(result.root ? 0 : 1);
    }
    close(pipe_fd[1]);
    double in[2] = {0, 0};
    ssize_t got = read(pipe_fd[0], in, sizeof in);
    close(pipe_fd[0]);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    if (got != sizeof in || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      std::printf("%-32s failed\n", c.name);
      continue;
    }
    double mb = in[0] / 1e6;
    std::printf("%-32s %12.0f %10.1f %10.2f %12.1f\n", c.name, in[0], in[1], in[1] / mb,
                static_cast<double>(usage.ru_maxrss) / 1024.0);
  }
}
