// The whole job in-process through the C ABI, for bench/compare: every file
// of LIST_FILE (one path per line) is parsed with the default options and
// rendered as its JSON line, written to stdout — what `postparse FILE...`
// does, without the process start and the file reads.  The posts are in
// memory already, so they are parsed in place (postparse_doc_parse_borrowed).
//
//   bench_whole_job LIST_FILE [REPS] [THREADS]
//   bench_whole_job LIST_FILE REPS scaling
//
// Files are read into memory first.  The loop over all files runs REPS times
// (default 3); with THREADS > 1 that many threads take the next file from a
// shared counter (posts differ in size, so a fixed share would leave one
// thread idle at the end), each rendering into its own buffer that is then
// dropped, so that the threads share nothing.  Prints to stderr one JSON
// object: {"files", "bytes", "seconds" (the fastest repetition), "errors"
// (documents with an error diagnostic), "threads"}.
//
// "scaling" measures the in-process speed-up of 2 threads over 1: each
// repetition runs the same output-less loop on 1 thread and then on 2, so
// both see the same machine state; the object gains "seconds_2_threads" and
// "speedup" (fastest 1-thread repetition over fastest 2-thread one).
#include <postparse/postparse.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Post {
  std::string path;
  std::string bytes;
};

std::vector<Post> read_posts(const char *list_file) {
  std::ifstream list(list_file);
  std::vector<Post> posts;
  for (std::string path; std::getline(list, path);) {
    if (path.empty()) continue;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    posts.push_back({path, std::string(std::istreambuf_iterator<char>(in), {})});
  }
  return posts;
}

bool has_error(const postparse_doc *doc) {
  postparse_diagnostic d = POSTPARSE_INIT(postparse_diagnostic);
  for (size_t i = 0; i < postparse_doc_diagnostic_count(doc); ++i)
    if (postparse_doc_diagnostic_at(doc, i, &d) == POSTPARSE_OK && d.severity == POSTPARSE_SEVERITY_ERROR)
      return true;
  return false;
}

// Parses and renders the posts whose index `next` hands out; appends each
// JSON line to `out` when it is given.  Returns the documents with errors.
size_t run_share(const std::vector<Post> &posts, std::atomic<size_t> &next, FILE *out) {
  size_t errors = 0;
  for (size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < posts.size();) {
    postparse_doc *doc = nullptr;
    if (postparse_doc_parse_borrowed(posts[i].bytes.data(), posts[i].bytes.size(), nullptr, &doc) != POSTPARSE_OK) {
      ++errors;
      continue;
    }
    errors += has_error(doc) ? 1 : 0;
    char *json = nullptr;
    size_t len = 0;
    if (postparse_doc_to_json(doc, 0, &json, &len) == POSTPARSE_OK && out) {
      fwrite(json, 1, len, out);
      fputc('\n', out);
    }
    postparse_free(json);
    postparse_doc_free(doc);
  }
  return errors;
}

// One pass over every post on `threads` threads; only a single-threaded pass
// with `out` writes its JSON.
size_t run_once(const std::vector<Post> &posts, unsigned threads, FILE *out) {
  std::atomic<size_t> next{0};
  if (threads <= 1) return run_share(posts, next, out);
  std::vector<std::thread> pool;
  std::vector<size_t> errors(threads, 0);
  for (unsigned t = 0; t < threads; ++t)
    pool.emplace_back([&, t] { errors[t] = run_share(posts, next, nullptr); });
  for (auto &thread : pool) thread.join();
  size_t total = 0;
  for (size_t e : errors) total += e;
  return total;
}

// Wall seconds one call of `pass` takes, output flushed.
template <class Pass>
double seconds_of(Pass pass) {
  auto start = std::chrono::steady_clock::now();
  pass();
  fflush(stdout);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char **argv) {
  if (argc < 2 || argc > 4) {
    std::cerr << "usage: bench_whole_job LIST_FILE [REPS] [THREADS | scaling]\n";
    return 2;
  }
  const int reps = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  const bool scaling = argc > 3 && std::string(argv[3]) == "scaling";
  const unsigned threads = argc > 3 && !scaling ? static_cast<unsigned>(std::max(1, std::atoi(argv[3]))) : 1;
  std::vector<Post> posts;
  try {
    posts = read_posts(argv[1]);
  } catch (const std::exception &e) {
    std::cerr << "bench_whole_job: " << e.what() << "\n";
    return 1;
  }
  size_t bytes = 0;
  for (const auto &post : posts) bytes += post.bytes.size();

  double best = 1e300, best_two = 1e300;
  size_t errors = 0;
  for (int rep = 0; rep < reps; ++rep) {
    best = std::min(best, seconds_of([&] { errors = run_once(posts, threads, scaling ? nullptr : stdout); }));
    if (scaling) best_two = std::min(best_two, seconds_of([&] { run_once(posts, 2, nullptr); }));
  }
  std::ostringstream summary;
  summary << "{\"files\":" << posts.size() << ",\"bytes\":" << bytes << ",\"seconds\":" << best
          << ",\"errors\":" << errors << ",\"threads\":" << threads;
  if (scaling) summary << ",\"seconds_2_threads\":" << best_two << ",\"speedup\":" << best / best_two;
  summary << "}\n";
  std::cerr << summary.str();
  return 0;
}
