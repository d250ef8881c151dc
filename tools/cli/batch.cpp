#include "batch.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <new>
#include <thread>

#include "encoding.h"
#include "input.h"

namespace postparse_cli {
namespace {

PostResult unreadable(const std::string &path, const std::string &problem, const RecordStyle &style) {
  PostResult r;
  r.unreadable = true;
  r.problem = problem;
  r.record = io_record(path, problem, style);
  return r;
}

std::string too_large(std::uint64_t limit) {
  return "larger than --max-input-bytes (" + std::to_string(limit) + " bytes); not read";
}

// Reads, decodes, parses and renders one input.
PostResult process(const Input &input, postparse::Options &options, const BatchPlan &plan) {
  if (!input.problem.empty()) return unreadable(input.path, input.problem, plan.style);
  try {
    std::string bytes;
    ReadResult read = read_input(input.path, plan.input_limit, bytes);
    if (read.status == ReadStatus::too_large) return unreadable(input.path, too_large(plan.input_limit), plan.style);
    if (read.status != ReadStatus::ok) return unreadable(input.path, read.problem, plan.style);
    std::uint64_t size = bytes.size();
    std::string problem;
    if (!plan.encoding.empty() && !decode_to_utf8(plan.encoding, bytes, problem))
      return unreadable(input.path, problem, plan.style);
    options.source_name(input.path);
    // `bytes` outlives `doc`, so the document reads it in place.
    postparse::Document doc = postparse::Document::parse_borrowed(bytes, &options);
    PostResult r;
    r.bytes = size;
    r.record = post_record(doc, plan.style);
    for (const postparse_diagnostic &d : doc.diagnostics()) {
      bool error = d.severity == POSTPARSE_SEVERITY_ERROR;
      bool warning = d.severity == POSTPARSE_SEVERITY_WARNING;
      r.has_error = r.has_error || error;
      r.has_warning = r.has_warning || warning;
      if (error || warning) ++r.codes[std::string(error ? "error:" : "warning:") + postparse_status_str(d.code)];
    }
    return r;
  } catch (const postparse::Error &e) {
    return unreadable(input.path, postparse_status_str(e.status()), plan.style);
  } catch (const std::bad_alloc &) {
    return unreadable(input.path, "out of memory", plan.style);
  } catch (const std::exception &e) {  // never let a worker thread end the program
    return unreadable(input.path, e.what(), plan.style);
  }
}

class Pool {
 public:
  Pool(const std::vector<Input> &inputs, const BatchPlan &plan) : inputs_(inputs), plan_(plan) {}

  bool run(const std::function<bool(std::size_t, PostResult &)> &deliver, const std::function<void()> &tick) {
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < std::max(1u, plan_.threads); ++t) workers.emplace_back([this] { work(); });
    bool ok = hand_back(deliver, tick);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    space_.notify_all();
    for (auto &w : workers) w.join();
    return ok;
  }

 private:
  void work() {
    postparse::Options options = plan_.options();
    for (;;) {
      std::size_t index;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        space_.wait(lock, [&] { return stopping_ || claimed_ >= inputs_.size() || claimed_ < handed_ + plan_.window; });
        if (stopping_ || claimed_ >= inputs_.size()) return;
        index = claimed_++;
      }
      PostResult result = process(inputs_[index], options, plan_);
      {
        std::lock_guard<std::mutex> lock(mutex_);
        done_.emplace(index, std::move(result));
      }
      ready_.notify_one();
    }
  }

  // The results the caller may take now: the next in order, or any.
  bool deliverable() const {
    if (done_.empty()) return false;
    return plan_.unordered || done_.begin()->first == next_in_order_;
  }

  bool hand_back(const std::function<bool(std::size_t, PostResult &)> &deliver, const std::function<void()> &tick) {
    while (handed_ < inputs_.size()) {
      std::map<std::size_t, PostResult> taken;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait_for(lock, std::chrono::milliseconds(100), [&] { return deliverable(); });
        while (deliverable()) {
          auto first = done_.begin();
          if (first->first == next_in_order_) ++next_in_order_;
          taken.insert(done_.extract(first));
        }
      }
      for (auto &[index, result] : taken) {
        if (!deliver(index, result)) return false;
        {
          std::lock_guard<std::mutex> lock(mutex_);
          ++handed_;
        }
        space_.notify_all();
      }
      tick();
    }
    return true;
  }

  const std::vector<Input> &inputs_;
  const BatchPlan &plan_;
  std::mutex mutex_;
  std::condition_variable ready_, space_;
  std::map<std::size_t, PostResult> done_;  // finished, not yet handed back
  std::size_t claimed_ = 0, handed_ = 0, next_in_order_ = 0;
  bool stopping_ = false;
};

}  // namespace

bool run_batch(const std::vector<Input> &inputs, const BatchPlan &plan,
               const std::function<bool(std::size_t, PostResult &)> &deliver, const std::function<void()> &tick) {
  Pool pool(inputs, plan);
  return pool.run(deliver, tick);
}

}  // namespace postparse_cli
