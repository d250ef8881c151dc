// Tokenizer + tree-construction throughput over the bodies of the
// corpus, for postparse and for Gumbo (Google's HTML5 parser, Debian's
// libgumbo) in the same process, so the ratio is what to read.
//
//   bench_html_throughput [--corpus DIR] [benchmark flags]
#include <benchmark/benchmark.h>
#include <gumbo.h>

#include <cstring>
#include <string>
#include <vector>

#include "corpus_bodies.h"
#include "html/html_parser.h"

namespace {

std::string corpus_dir = "tests/data/corpus";

const std::vector<std::string> &bodies() {
  static const std::vector<std::string> loaded = bench::load_bodies(corpus_dir);
  return loaded;
}

std::size_t total_bytes() {
  std::size_t n = 0;
  for (const std::string &b : bodies()) n += b.size();
  return n;
}

void BM_postparse_html(benchmark::State &state) {
  postparse::impl::html::HtmlOptions options;
  options.mode = postparse::impl::HtmlMode::fragment;
  for (auto _ : state) {
    for (const std::string &body : bodies()) {
      auto result = postparse::impl::html::parse_html(body, 0, options);
      benchmark::DoNotOptimize(result.root);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes()));
}
BENCHMARK(BM_postparse_html)->Unit(benchmark::kMillisecond);

void BM_gumbo_html(benchmark::State &state) {
  GumboOptions options = kGumboDefaultOptions;
  options.fragment_context = GUMBO_TAG_BODY;
  for (auto _ : state) {
    for (const std::string &body : bodies()) {
      GumboOutput *output = gumbo_parse_with_options(&options, body.data(), body.size());
      benchmark::DoNotOptimize(output->root);
      gumbo_destroy_output(&options, output);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes()));
}
BENCHMARK(BM_gumbo_html)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char **argv) {
  std::vector<char *> rest;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--corpus") == 0 && i + 1 < argc) {
      corpus_dir = argv[++i];
      continue;
    }
    rest.push_back(argv[i]);
  }
  int n = static_cast<int>(rest.size());
  benchmark::Initialize(&n, rest.data());
  benchmark::AddCustomContext("corpus", corpus_dir);
  benchmark::AddCustomContext("corpus_bytes", std::to_string(total_bytes()));
  benchmark::AddCustomContext("corpus_bodies", std::to_string(bodies().size()));
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
}
