// The batch: every input parsed on a pool of threads through the C ABI,
// each record handed back to the calling thread in input order (or as it is
// finished).  At most `window` inputs are read or parsed ahead of the last
// one handed back, so memory stays bounded whatever the number of inputs.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "inputs.h"
#include "postparse/postparse.hpp"
#include "record.h"

namespace postparse_cli {

struct PostResult {
  std::string record;      // without separator
  bool unreadable = false; // the input could not be read (record is the io record)
  std::string problem;     // why, for standard error
  bool has_error = false, has_warning = false;
  std::map<std::string, unsigned> codes;  // diagnostics by "severity:code"
  std::uint64_t bytes = 0;                // bytes read
};

struct BatchPlan {
  unsigned threads = 1;
  std::size_t window = 64;
  bool unordered = false;
  std::uint64_t input_limit = 0;  // --max-input-bytes (the options' input limit)
  std::string encoding;           // --encoding, "" for none
  RecordStyle style;
  // Makes one worker's options (a worker sets their source name per post).
  std::function<postparse::Options()> options;
};

// Parses every input.  `deliver(index, result)` runs on the calling thread,
// in input order unless plan.unordered; returning false (an output error)
// stops the batch.  `tick()` runs on the calling thread at least ten times
// a second while it waits.  Returns false when deliver stopped it.
bool run_batch(const std::vector<Input> &inputs, const BatchPlan &plan,
               const std::function<bool(std::size_t, PostResult &)> &deliver, const std::function<void()> &tick);

}  // namespace postparse_cli
