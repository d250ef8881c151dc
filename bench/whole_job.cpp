// The whole job in-process through the C ABI, for bench/compare: every file
// of LIST_FILE (one path per line) is parsed with the default options and
// rendered as its JSON line, written to stdout — what `postparse FILE...`
// does, without the process start and the file reads.  The posts are in
// memory already, so they are parsed in place (postparse_doc_parse_borrowed).
//
//   bench_whole_job LIST_FILE [REPS] [THREADS]
//
// Files are read into memory first.  The loop over all files runs REPS times
// (default 3); with THREADS > 1 the files are dealt round-robin to that many
// threads, each parsing and rendering its share into its own buffer (output
// is then not written, so that the threads share nothing).  Prints to stderr
// one JSON object: {"files", "bytes", "seconds" (the fastest repetition),
// "errors" (documents with an error diagnostic), "threads"}.
#include <postparse/postparse.h>

#include <algorithm>
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

// Parses and renders posts[first], posts[first + step], ...; appends each
// JSON line to `out` when it is given.  Returns the documents with errors.
size_t run_share(const std::vector<Post> &posts, size_t first, size_t step, FILE *out) {
  size_t errors = 0;
  for (size_t i = first; i < posts.size(); i += step) {
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

size_t run_once(const std::vector<Post> &posts, unsigned threads) {
  if (threads <= 1) return run_share(posts, 0, 1, stdout);
  std::vector<std::thread> pool;
  std::vector<size_t> errors(threads, 0);
  for (unsigned t = 0; t < threads; ++t)
    pool.emplace_back([&, t] { errors[t] = run_share(posts, t, threads, nullptr); });
  for (auto &thread : pool) thread.join();
  size_t total = 0;
  for (size_t e : errors) total += e;
  return total;
}

}  // namespace

int main(int argc, char **argv) {
  if (argc < 2 || argc > 4) {
    std::cerr << "usage: bench_whole_job LIST_FILE [REPS] [THREADS]\n";
    return 2;
  }
  const int reps = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  const unsigned threads = argc > 3 ? static_cast<unsigned>(std::max(1, std::atoi(argv[3]))) : 1;
  std::vector<Post> posts;
  try {
    posts = read_posts(argv[1]);
  } catch (const std::exception &e) {
    std::cerr << "bench_whole_job: " << e.what() << "\n";
    return 1;
  }
  size_t bytes = 0;
  for (const auto &post : posts) bytes += post.bytes.size();

  double best = 1e300;
  size_t errors = 0;
  for (int rep = 0; rep < reps; ++rep) {
    auto start = std::chrono::steady_clock::now();
    errors = run_once(posts, threads);
    fflush(stdout);
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::ostringstream summary;
  summary << "{\"files\":" << posts.size() << ",\"bytes\":" << bytes << ",\"seconds\":" << best
          << ",\"errors\":" << errors << ",\"threads\":" << threads << "}\n";
  std::cerr << summary.str();
  return 0;
}
