// The front matter stage (load_front_matter: YAML loading, typing, JSON key
// names, dates) over the front matter of every corpus post, with the fast
// YAML reader and with yaml-cpp alone.  Splitting, the line index and
// reading the files happen once, outside the timed loop.
//
//   bench_front_matter_stage [--corpus DIR] [benchmark flags]
//   bench_front_matter_stage --once fast|yaml-cpp [--corpus DIR] [--reps N]
//   bench_front_matter_stage --left [--corpus DIR]
//
// --left lists the posts whose YAML the fast reader leaves to yaml-cpp.
// --once runs the stage N times (default 1) without the benchmark library,
// for instruction counts that a noisy machine does not blur:
//   valgrind --tool=callgrind --toggle-collect='postparse::impl::load_front_matter*'
//     bench_front_matter_stage --once fast
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "common/diagnostics.h"
#include "common/line_index.h"
#include "common/options.h"
#include "front_matter/front_matter.h"
#include "front_matter/yaml_fast_path.h"
#include "split/split.h"

namespace {

namespace impl = postparse::impl;

std::string corpus_dir = "tests/data/corpus";

struct Post {
  std::string path;
  std::string text;
  std::unique_ptr<impl::LineIndex> lines;
  impl::SourceText source;
  impl::Split split;
};

std::vector<std::unique_ptr<Post>> load_posts() {
  std::vector<std::string> paths;
  for (const auto &entry : std::filesystem::recursive_directory_iterator(corpus_dir))
    if (entry.is_regular_file() && entry.path().extension() == ".md") paths.push_back(entry.path().string());
  std::sort(paths.begin(), paths.end());
  std::vector<std::unique_ptr<Post>> posts;
  for (const std::string &path : paths) {
    auto post = std::make_unique<Post>();
    post->path = path;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    post->text = bytes.str();
    post->lines = std::make_unique<impl::LineIndex>(post->text);
    post->source = impl::SourceText{post->text, post->lines.get(), nullptr};
    impl::DiagnosticSink sink(100);
    post->split = impl::split_post(post->text, impl::SplitOptions{}, sink);
    if (post->split.format != impl::Format::none) posts.push_back(std::move(post));
  }
  return posts;
}

const std::vector<std::unique_ptr<Post>> &posts() {
  static const std::vector<std::unique_ptr<Post>> loaded = load_posts();
  return loaded;
}

std::size_t front_matter_bytes() {
  std::size_t n = 0;
  for (const auto &post : posts()) n += post->split.content_end - post->split.content_begin;
  return n;
}

// One pass of the stage over every post, as parse_document runs it.
std::size_t run_stage(const impl::Options &options) {
  std::size_t values = 0;
  for (const auto &post : posts()) {
    impl::ValueArena arena;
    impl::DiagnosticSink sink(options.limits.diagnostics);
    impl::LoadContext context{options, post->source, arena, sink};
    context.check_utf8 = false;
    impl::FrontMatter fm = impl::load_front_matter(post->text, post->split, context);
    values += arena.size() + fm.dates.size();
  }
  return values;
}

void run(benchmark::State &state, bool fast) {
  impl::Options options;
  postparse::testing::set_yaml_fast_path(fast);
  for (auto _ : state) benchmark::DoNotOptimize(run_stage(options));
  postparse::testing::set_yaml_fast_path(true);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * front_matter_bytes()));
  state.counters["posts"] = static_cast<double>(posts().size());
}

void BM_front_matter_yaml_cpp(benchmark::State &state) { run(state, false); }
void BM_front_matter_fast_path(benchmark::State &state) { run(state, true); }
BENCHMARK(BM_front_matter_yaml_cpp)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_front_matter_fast_path)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char **argv) {
  const char *once = nullptr;
  int reps = 1;
  std::vector<char *> rest{argv[0]};
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--corpus") && i + 1 < argc) corpus_dir = argv[++i];
    else if (!std::strcmp(argv[i], "--once") && i + 1 < argc) once = argv[++i];
    else if (!std::strcmp(argv[i], "--reps") && i + 1 < argc) reps = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--left")) once = "left";
    else rest.push_back(argv[i]);
  }
  if (once && !std::strcmp(once, "left")) {
    // The YAML blocks the fast reader leaves to yaml-cpp.
    for (const auto &post : posts()) {
      const impl::Split &split = post->split;
      std::string_view content =
          std::string_view(post->text).substr(split.content_begin, split.content_end - split.content_begin);
      if (split.format == impl::Format::yaml && !postparse::testing::yaml_fast_path_accepts(content))
        std::printf("%s\n", post->path.c_str());
    }
    return 0;
  }
  if (once) {
    bool fast = !std::strcmp(once, "fast");
    (void)posts();  // loaded before the stage runs
    postparse::testing::set_yaml_fast_path(fast);
    std::size_t values = 0;
    for (int r = 0; r < reps; ++r) values += run_stage(impl::Options{});
    std::printf("%s: %zu posts, %zu front matter bytes, %zu values\n", once, posts().size(), front_matter_bytes(),
                values);
    return 0;
  }
  int count = static_cast<int>(rest.size());
  benchmark::Initialize(&count, rest.data());
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
