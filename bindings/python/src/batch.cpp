// parse_many: posts parsed on a pool of native threads while Python only
// hands out inputs and takes results, in input order.  At most `window`
// posts are read or parsed ahead of the one the caller is waiting for, so
// memory stays bounded whatever the number of inputs.
#include <cerrno>
#include <condition_variable>
#include <deque>
#include <fstream>
#include <iterator>
#include <mutex>
#include <thread>
#include <vector>

#include "common.h"

namespace postparse_py {
namespace {

struct Job {
  bool is_path = false;
  std::string input;  // a path, or the post's bytes
  // Filled by a worker:
  bool done = false;
  postparse_doc *doc = nullptr;
  postparse_status status = POSTPARSE_OK;
  int read_errno = 0;  // a path that could not be read
};

// Reads a whole file; errno on failure.
int read_file(const std::string &path, std::string &out) {
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) return errno ? errno : ENOENT;
  out.assign(std::istreambuf_iterator<char>(in), {});
  if (in.bad()) return errno ? errno : EIO;
  return 0;
}

class Batch {
 public:
  Batch(py::iterator inputs, py::object options, unsigned threads, size_t window)
      : inputs_(std::move(inputs)), options_object_(std::move(options)), options_(options_of(options_object_)),
        window_(std::max<size_t>(window, threads)) {
    for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
  }
  ~Batch() { stop(); }

  py::object next() {
    // One consumer at a time, as for a generator: results are handed out in
    // order, which two threads taking turns could not keep.
    if (busy_) throw py::value_error("parse_many iterator already executing");
    busy_ = true;
    struct Release {
      bool &flag;
      ~Release() { flag = false; }
    } release_busy{busy_};
    fill();
    if (queue_.empty()) {
      stop();
      throw py::stop_iteration();
    }
    std::shared_ptr<Job> job = queue_.front();
    {
      py::gil_scoped_release release;
      std::unique_lock<std::mutex> lock(mutex_);
      finished_.wait(lock, [&] { return job->done; });
    }
    queue_.pop_front();
    if (job->read_errno) {
      errno = job->read_errno;  // what PyErr_SetFromErrnoWithFilename reports (FileNotFoundError...)
      PyErr_SetFromErrnoWithFilename(PyExc_OSError, job->input.c_str());
      throw py::error_already_set();
    }
    if (!job->doc) return py::make_tuple(status_name(job->status), py::none());
    return py::make_tuple(status_name(job->status), wrap_document(adopt(job->doc)));
  }

  void stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    wanted_.notify_all();
    {
      py::gil_scoped_release release;
      for (auto &w : workers_)
        if (w.joinable()) w.join();
    }
    workers_.clear();
    for (auto &job : queue_)  // parsed ahead but never taken
      if (job->done && job->doc) postparse_doc_free(job->doc);
    queue_.clear();
  }

 private:
  // Takes inputs from the Python iterator (with the GIL) until the window
  // is full or the inputs end.
  void fill() {
    while (!exhausted_ && queue_.size() < window_) {
      if (inputs_ == py::iterator::sentinel()) {
        exhausted_ = true;
        break;
      }
      py::handle item = *inputs_;
      auto job = std::make_shared<Job>();
      if (py::isinstance<py::bytes>(item)) {
        job->input = item.cast<std::string>();
      } else if (py::isinstance<py::bytearray>(item) || py::isinstance<py::memoryview>(item)) {
        job->input = py::bytes(py::reinterpret_borrow<py::object>(item)).cast<std::string>();
      } else {
        job->is_path = true;
        job->input = py::str(py::module_::import("os").attr("fsdecode")(item)).cast<std::string>();
      }
      ++inputs_;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        pending_.push_back(job);
      }
      queue_.push_back(job);
      wanted_.notify_one();
    }
  }

  void work() {
    for (;;) {
      std::shared_ptr<Job> job;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        wanted_.wait(lock, [&] { return stopping_ || !pending_.empty(); });
        if (stopping_) return;
        job = pending_.front();
        pending_.pop_front();
      }
      if (job->is_path) {
        std::string bytes;
        job->read_errno = read_file(job->input, bytes);
        if (!job->read_errno) job->status = postparse_doc_parse(bytes.data(), bytes.size(), options_.get(), &job->doc);
      } else {
        job->status = postparse_doc_parse(job->input.data(), job->input.size(), options_.get(), &job->doc);
        std::string().swap(job->input);  // the document has its own copy
      }
      {
        std::lock_guard<std::mutex> lock(mutex_);
        job->done = true;
      }
      finished_.notify_all();
    }
  }

  py::iterator inputs_;
  py::object options_object_;  // keeps the native options alive
  OptionsHandle options_;
  size_t window_;
  bool exhausted_ = false;
  std::deque<std::shared_ptr<Job>> queue_;    // in input order; only the Python side touches it
  std::deque<std::shared_ptr<Job>> pending_;  // not yet taken by a worker
  std::mutex mutex_;
  std::condition_variable wanted_, finished_;
  bool stopping_ = false;
  bool busy_ = false;  // a next() is running (only read and written with the GIL)
  std::vector<std::thread> workers_;
};

}  // namespace

void register_batch(py::module_ &m) {
  py::class_<Batch>(m, "Batch", "An iterator of (status name, Doc or None), one per input, in input order.")
      .def(py::init([](const py::iterable &inputs, const py::object &options, unsigned threads, size_t window) {
             if (threads == 0) throw py::value_error("threads must be at least 1");
             return std::make_unique<Batch>(py::iter(inputs), options, threads, window);
           }),
           py::arg("inputs"), py::arg("options"), py::arg("threads"), py::arg("window"))
      .def("__iter__", [](py::object self) { return self; })
      .def("__next__", &Batch::next)
      .def("close", &Batch::stop, "Stops the workers and drops the posts parsed ahead.");
}

}  // namespace postparse_py
