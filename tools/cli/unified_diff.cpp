#include "unified_diff.h"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace postparse_cli {
namespace {

using Lines = std::vector<std::string_view>;

// The lines of `text`, each with its line end ("\n"; the last may lack one).
Lines split_lines(std::string_view text) {
  Lines out;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::size_t len = end == std::string_view::npos ? text.size() : end + 1;
    out.push_back(text.substr(0, len));
    text.remove_prefix(len);
  }
  return out;
}

enum class Op { keep, remove, add };

struct Step {
  Op op;
  std::size_t a, b;  // line index in before (keep, remove) and after (keep, add)
};

// Past this many changed lines the diff stops looking for the shortest
// script (its trace grows with the square) and replaces the whole changed
// middle: still a correct diff, in bounded time and memory.
constexpr std::ptrdiff_t kMaxEdits = 1000;

std::vector<Step> replace_all(std::size_t a0, std::size_t n, std::size_t b0, std::size_t m) {
  std::vector<Step> steps;
  for (std::size_t i = 0; i < n; ++i) steps.push_back({Op::remove, a0 + i, 0});
  for (std::size_t j = 0; j < m; ++j) steps.push_back({Op::add, 0, b0 + j});
  return steps;
}

// Myers' greedy shortest edit script between a[0..n) and b[0..m): the
// furthest-reaching path of each diagonal per edit count, one vector per
// count kept to walk back (O(D^2) memory, D the number of changed lines).
std::vector<Step> edit_script(const Lines &a, std::size_t a0, std::size_t n, const Lines &b, std::size_t b0,
                              std::size_t m) {
  const std::ptrdiff_t N = static_cast<std::ptrdiff_t>(n), M = static_cast<std::ptrdiff_t>(m);
  std::vector<std::vector<std::ptrdiff_t>> trace;  // trace[d][k + d] = x reached on diagonal k
  std::vector<std::ptrdiff_t> v(3, 0);             // v[k + d + 1], with room for k = ±(d+1)
  std::ptrdiff_t found_d = -1;
  for (std::ptrdiff_t d = 0; d <= N + M && found_d < 0; ++d) {
    if (d > kMaxEdits) return replace_all(a0, n, b0, m);
    std::vector<std::ptrdiff_t> next(static_cast<std::size_t>(2 * d + 1), 0);
    for (std::ptrdiff_t k = -d; k <= d; k += 2) {
      auto prev = [&](std::ptrdiff_t kk) { return v[static_cast<std::size_t>(kk + (d - 1) + 1)]; };
      std::ptrdiff_t x;
      if (d == 0) x = 0;
      else if (k == -d || (k != d && prev(k - 1) < prev(k + 1))) x = prev(k + 1);  // down: an added line
      else x = prev(k - 1) + 1;                                                    // right: a removed line
      std::ptrdiff_t y = x - k;
      while (x < N && y < M && a[a0 + static_cast<std::size_t>(x)] == b[b0 + static_cast<std::size_t>(y)]) ++x, ++y;
      next[static_cast<std::size_t>(k + d)] = x;
      if (x >= N && y >= M) found_d = d;
    }
    trace.push_back(next);
    v.assign(static_cast<std::size_t>(2 * d + 3), 0);
    for (std::ptrdiff_t k = -d; k <= d; k += 2) v[static_cast<std::size_t>(k + d + 1)] = next[static_cast<std::size_t>(k + d)];
  }
  // Walk back from (N, M) through the trace.
  std::vector<Step> steps;
  std::ptrdiff_t x = N, y = M;
  for (std::ptrdiff_t d = found_d; d >= 0; --d) {
    std::ptrdiff_t k = x - y;
    auto at = [&](std::ptrdiff_t dd, std::ptrdiff_t kk) { return trace[static_cast<std::size_t>(dd)][static_cast<std::size_t>(kk + dd)]; };
    std::ptrdiff_t prev_k = 0, prev_x = 0, prev_y = 0;
    if (d > 0) {
      prev_k = (k == -d || (k != d && at(d - 1, k - 1) < at(d - 1, k + 1))) ? k + 1 : k - 1;
      prev_x = at(d - 1, prev_k);
      prev_y = prev_x - prev_k;
    }
    std::ptrdiff_t snake_x = d > 0 ? (prev_k == k + 1 ? prev_x : prev_x + 1) : 0;
    while (x > snake_x) --x, --y, steps.push_back({Op::keep, a0 + static_cast<std::size_t>(x), b0 + static_cast<std::size_t>(y)});
    if (d > 0) {
      if (prev_k == k + 1) steps.push_back({Op::add, 0, b0 + static_cast<std::size_t>(prev_y)});
      else steps.push_back({Op::remove, a0 + static_cast<std::size_t>(prev_x), 0});
      x = prev_x, y = prev_y;
    }
  }
  std::reverse(steps.begin(), steps.end());
  return steps;
}

// "start,count" as diff -u writes a range: the count left out when it is
// 1, and an empty range named by the line before it.
std::string range(std::size_t first, std::size_t count) {
  std::string out = std::to_string(count == 0 ? first : first + 1);
  if (count != 1) out += "," + std::to_string(count);
  return out;
}

void put_line(std::string &out, char mark, std::string_view line) {
  out += mark;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view name) {
  if (before == after) return {};
  constexpr std::size_t kContext = 3;
  Lines a = split_lines(before), b = split_lines(after);
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  std::vector<Step> steps;
  for (std::size_t i = 0; i < head; ++i) steps.push_back({Op::keep, i, i});
  for (const Step &s : edit_script(a, head, a.size() - head - tail, b, head, b.size() - head - tail)) steps.push_back(s);
  for (std::size_t i = tail; i > 0; --i) steps.push_back({Op::keep, a.size() - i, b.size() - i});

  std::string out = "--- a/" + std::string(name) + "\n+++ b/" + std::string(name) + "\n";
  std::size_t i = 0;
  while (i < steps.size()) {
    while (i < steps.size() && steps[i].op == Op::keep) ++i;
    if (i == steps.size()) break;
    // A hunk: from kContext lines before this change to kContext lines
    // after the last change that is at most 2·kContext unchanged lines on.
    std::size_t start = i >= kContext ? i - kContext : 0, end = i;
    for (std::size_t j = i, quiet = 0; j < steps.size(); ++j) {
      if (steps[j].op != Op::keep) end = j + 1, quiet = 0;
      else if (++quiet > 2 * kContext) break;
    }
    std::size_t stop = std::min(steps.size(), end + kContext);
    std::size_t a_first = a.size(), b_first = b.size(), a_count = 0, b_count = 0;
    bool a_set = false, b_set = false;
    std::size_t a_next = 0, b_next = 0;  // where the range starts when it is empty
    for (std::size_t j = 0; j < start; ++j) {
      if (steps[j].op != Op::add) a_next = steps[j].a + 1;
      if (steps[j].op != Op::remove) b_next = steps[j].b + 1;
    }
    std::string body;
    for (std::size_t j = start; j < stop; ++j) {
      const Step &s = steps[j];
      if (s.op != Op::add) {
        if (!a_set) a_first = s.a, a_set = true;
        ++a_count;
      }
      if (s.op != Op::remove) {
        if (!b_set) b_first = s.b, b_set = true;
        ++b_count;
      }
      if (s.op == Op::keep) put_line(body, ' ', a[s.a]);
      else if (s.op == Op::remove) put_line(body, '-', a[s.a]);
      else put_line(body, '+', b[s.b]);
    }
    out += "@@ -" + range(a_set ? a_first : a_next, a_count) + " +" + range(b_set ? b_first : b_next, b_count) + " @@\n";
    out += body;
    i = stop;
  }
  return out;
}

}  // namespace postparse_cli
