// Linearity of the whole job (parse + JSON) in the input size, shown as a
// ratio measured in one run: each input shape is generated at size n and
// 4n and timed (fastest of REPS); a linear cost gives a ratio near 4, a
// quadratic one near 16.  A ratio, not a time, so a busy machine shifts
// both sides alike.
//
//   bench_linearity [MIB] [REPS]     n = MIB MiB (default 4), REPS default 3
#include <postparse/postparse.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

namespace {

const std::string kFront = "---\ntitle: linearity\ndate: 2024-01-02 03:04:05\n---\n";

// Each shape makes a post of about `bytes` bytes.
struct Shape {
  const char *name;
  std::function<std::string(std::size_t bytes)> make;
};

std::string repeat(const std::string &unit, std::size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  return out;
}

const std::vector<Shape> &shapes() {
  static const std::vector<Shape> all = {
      {"one long line", [](std::size_t n) { return kFront + "<p>" + std::string(n, 'x') + "</p>"; }},
      {"many paragraphs", [](std::size_t n) { return kFront + repeat("<p>A short paragraph of text.</p>\n", n); }},
      {"CJK paragraphs", [](std::size_t n) { return kFront + repeat("<p>　　中文段落，包含标点符号。</p>", n); }},
      {"inline spans", [](std::size_t n) { return kFront + "<p>" + repeat("<a href=\"/x\">link</a> <em>em</em> ", n) + "</p>"; }},
      {"Markdown", [](std::size_t n) { return kFront + repeat("A line with `code` and *emphasis*.\n\n- item\n", n); }},
      {"nested divs", [](std::size_t n) { return kFront + repeat("<div><p>x</p>", n); }},
      {"misnested formatting", [](std::size_t n) { return kFront + repeat("<b><i>x</b></i>", n); }},
      {"comments", [](std::size_t n) { return kFront + repeat("<!-- c --><p>x</p>", n); }},
  };
  return all;
}

double seconds_for(const std::string &post, int reps) {
  double best = 1e300;
  for (int r = 0; r < reps; ++r) {
    auto start = std::chrono::steady_clock::now();
    postparse_doc *doc = nullptr;
    if (postparse_doc_parse_borrowed(post.data(), post.size(), nullptr, &doc) != POSTPARSE_OK) {
      std::fprintf(stderr, "bench_linearity: parse failed\n");
      std::exit(1);
    }
    char *json = nullptr;
    postparse_doc_to_json(doc, 0, &json, nullptr);
    postparse_free(json);
    postparse_doc_free(doc);
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

}  // namespace

int main(int argc, char **argv) {
  const double mib = argc > 1 ? std::atof(argv[1]) : 4.0;
  const int reps = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  const std::size_t n = static_cast<std::size_t>(mib * 1024 * 1024);
  std::printf("| shape | n = %.1f MiB | 4n | ratio (linear: 4) |\n|---|---:|---:|---:|\n", mib);
  for (const Shape &shape : shapes()) {
    double small = seconds_for(shape.make(n), reps);
    double large = seconds_for(shape.make(4 * n), reps);
    std::printf("| %s | %.3f s | %.3f s | %.1f |\n", shape.name, small, large, large / small);
    std::fflush(stdout);
  }
  return 0;
}
