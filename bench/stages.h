// Per-stage benchmarks of the pipeline (bench/stages_*.cpp): one stage at a
// time over real inputs from the repository, prepared before anything is
// timed, so that an optimisation of one stage shows in that stage's number
// rather than in the noise of the whole job.
//
// A stage is registered with a name and a factory that prepares its inputs
// from the corpus; the prepared stage then runs over all of them at once.
// bench_stages drives them through Google Benchmark, or runs each exactly
// once (--once) for bench/callgrind, which counts instructions.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace bench::stages {

// One post of the corpus: where it came from and its bytes.
struct Post {
  std::string path;
  std::string bytes;
};

// Every *.md / *.txt file under the corpus folders, in path order.
struct Corpus {
  std::vector<Post> posts;
};

// A stage with its inputs prepared.  run() does the stage's work once over
// every input; reset() restores what run() changes in place (only stages
// that work in place need it) and is never timed.
class PreparedStage {
 public:
  virtual ~PreparedStage() = default;
  virtual void reset() {}
  virtual void run() = 0;
  virtual bool needs_reset() const { return false; }

  std::size_t bytes = 0;  // input bytes one run() reads (what "bytes/s" divides)
  std::size_t items = 0;  // inputs one run() handles (what "items/s" divides)
};

struct StageDef {
  std::string name;
  std::string input;  // what the inputs are, for --list and the README
  std::function<std::unique_ptr<PreparedStage>(const Corpus &)> prepare;
};

// The stages of each group, in pipeline order (stages_front.cpp,
// stages_body.cpp, stages_output.cpp).
std::vector<StageDef> front_stages();
std::vector<StageDef> body_stages();
std::vector<StageDef> output_stages();

// Keeps `value` from being optimised away, without Google Benchmark (the
// stage files are also run by --once).
template <class T>
inline void keep(const T &value) {
  asm volatile("" : : "r,m"(value) : "memory");
}

}  // namespace bench::stages
