// bench_stages: one benchmark per pipeline stage over the repository's
// posts (bench/README.md, "Per stage").
//
//   bench_stages [--corpus DIR]... [Google Benchmark flags]
//   bench_stages --list [--corpus DIR]...
//   bench_stages --once STAGE [--corpus DIR]...
//
// The corpus is every *.md / *.txt file under the --corpus folders
// (default: tests/data/corpus and bench/data/long-posts, from the
// repository's root).  Each benchmark reports bytes/s and items/s of its
// stage's inputs; inputs are prepared before anything is timed.
//
// --once is for bench/callgrind: it prepares STAGE, runs it once over its
// inputs (warming the allocator and anything built on first use), then once
// more with callgrind collecting (under `valgrind --tool=callgrind
// --instr-atstart=no --collect-atstart=no`; outside valgrind the markers do
// nothing), and prints "STAGE<TAB>BYTES<TAB>ITEMS".
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define STAGES_CALLGRIND 1
#endif

#include "stages.h"
#include "stages_inputs.h"

namespace {

using bench::stages::Corpus;
using bench::stages::PreparedStage;
using bench::stages::StageDef;

std::vector<std::string> corpus_dirs;

const Corpus &corpus() {
  static const Corpus loaded = bench::stages::load_corpus(corpus_dirs);
  return loaded;
}

std::vector<StageDef> all_stages() {
  std::vector<StageDef> stages;
  for (auto group : {bench::stages::front_stages, bench::stages::body_stages, bench::stages::output_stages})
    for (StageDef &def : group()) stages.push_back(std::move(def));
  return stages;
}

// The prepared stage being benchmarked.  Google Benchmark calls a
// benchmark's function several times; the inputs are prepared once per
// stage, and the previous stage's are freed first.
PreparedStage &prepared(const StageDef &def) {
  static std::string name;
  static std::unique_ptr<PreparedStage> stage;
  if (!stage || name != def.name) {
    stage.reset();
    stage = def.prepare(corpus());
    name = def.name;
  }
  return *stage;
}

void run_benchmark(benchmark::State &state, const StageDef &def) {
  PreparedStage &stage = prepared(def);
  for (auto _ : state) {
    if (stage.needs_reset()) {
      state.PauseTiming();
      stage.reset();
      state.ResumeTiming();
    }
    stage.run();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * stage.bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * stage.items));
}

// Only this function's run() is counted by callgrind.
void run_collected(PreparedStage &stage) {
#ifdef STAGES_CALLGRIND
  CALLGRIND_START_INSTRUMENTATION;
  CALLGRIND_TOGGLE_COLLECT;
#endif
  stage.run();
#ifdef STAGES_CALLGRIND
  CALLGRIND_TOGGLE_COLLECT;
  CALLGRIND_STOP_INSTRUMENTATION;
#endif
}

int run_once(const std::string &name) {
  for (const StageDef &def : all_stages()) {
    if (def.name != name) continue;
    std::unique_ptr<PreparedStage> stage = def.prepare(corpus());
    stage->run();  // warm-up, not counted
    stage->reset();
    run_collected(*stage);
    std::printf("%s\t%zu\t%zu\n", name.c_str(), stage->bytes, stage->items);
    return 0;
  }
  std::cerr << "bench_stages: no stage named " << name << " (--list)\n";
  return 2;
}

int list() {
  for (const StageDef &def : all_stages()) std::printf("%s\t%s\n", def.name.c_str(), def.input.c_str());
  return 0;
}

}  // namespace

int main(int argc, char **argv) {
  std::vector<char *> rest;
  std::string once;
  bool listing = false;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--corpus") == 0 && i + 1 < argc) corpus_dirs.push_back(argv[++i]);
    else if (std::strcmp(argv[i], "--once") == 0 && i + 1 < argc) once = argv[++i];
    else if (std::strcmp(argv[i], "--list") == 0) listing = true;
    else rest.push_back(argv[i]);
  }
  if (corpus_dirs.empty()) corpus_dirs = {"tests/data/corpus", "bench/data/long-posts"};
  try {
    if (listing) return list();
    if (!once.empty()) return run_once(once);
    int n = static_cast<int>(rest.size());
    benchmark::Initialize(&n, rest.data());
    std::vector<StageDef> stages = all_stages();
    for (const StageDef &def : stages)
      benchmark::RegisterBenchmark(def.name.c_str(), [&def](benchmark::State &state) { run_benchmark(state, def); })
          ->Unit(benchmark::kMillisecond);
    std::size_t bytes = 0;
    for (const auto &post : corpus().posts) bytes += post.bytes.size();
    benchmark::AddCustomContext("corpus_posts", std::to_string(corpus().posts.size()));
    benchmark::AddCustomContext("corpus_bytes", std::to_string(bytes));
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
  } catch (const std::exception &e) {
    std::cerr << "bench_stages: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
