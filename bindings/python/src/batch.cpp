// parse_many: posts parsed on a pool of native threads while Python only
// hands out inputs and takes results, in input order.  At most `window`
// posts are read or parsed ahead of the one the caller is waiting for, so
// memory stays bounded whatever the number of inputs.
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

// Reads a whole regular file, at most `cap` bytes (the input limit + 1, so
// that the library sees a larger one as too large without it being read
// whole); errno on failure.  Opened without blocking: a FIFO or device
// would never end, and is refused (EINVAL) rather than waited on.
int read_file(const std::string &path, std::size_t cap, std::string &out) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return errno;
  struct stat st {};
  int problem = ::fstat(fd, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR : !S_ISREG(st.st_mode) ? EINVAL : 0;
  if (problem) {
    ::close(fd);
    return problem;
  }
  out.clear();
  if (st.st_size > 0) out.reserve(std::min(static_cast<std::size_t>(st.st_size), cap));
  char block[1 << 16];
  while (out.size() < cap) {
    ssize_t got = ::read(fd, block, std::min(sizeof block, cap - out.size()));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      int error = errno;
      ::close(fd);
      return error;
    }
    if (got == 0) break;
    out.append(block, static_cast<std::size_t>(got));
  }
  ::close(fd);
  return 0;
}

class Batch {
 public:
  Batch(py::iterator inputs, py::object options, unsigned threads, size_t window)
      : inputs_(std::move(inputs)), options_object_(std::move(options)), options_(options_of(options_object_)),
        window_(std::max<size_t>(window, threads)) {
    for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
  }
  ~Batch() {
    if (!closed_) stop();
  }

  py::object next() {
    // One consumer at a time, as for a generator: results are handed out in
    // order, which two threads taking turns could not keep.
    if (busy_) throw py::value_error("parse_many iterator already executing");
    busy_ = true;
    struct Release {
      bool &flag;
      ~Release() { flag = false; }
    } release_busy{busy_};
    if (closed_) throw py::stop_iteration();
    fill();
    if (queue_.empty()) {
      stop();
      if (error_) {
        std::unique_ptr<py::error_already_set> error = std::move(error_);
        throw std::move(*error);
      }
      throw py::stop_iteration();
    }
    std::shared_ptr<Job> job = queue_.front();
    // Waits with the GIL released, and looks for signals ten times a second,
    // so that Ctrl-C interrupts a long parse (the post stays queued).
    for (;;) {
      {
        py::gil_scoped_release release;
        std::unique_lock<std::mutex> lock(mutex_);
        if (finished_.wait_for(lock, std::chrono::milliseconds(100), [&] { return job->done; })) break;
      }
      if (PyErr_CheckSignals() != 0) throw py::error_already_set();
    }
    queue_.pop_front();
    if (job->read_errno) {
      errno = job->read_errno;  // what PyErr_SetFromErrno reports (FileNotFoundError...)
      py::object name = py::module_::import("os").attr("fsdecode")(py::bytes(job->input));
      PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, name.ptr());
      throw py::error_already_set();
    }
    // The source name of a post read from a path: the path, as parse_file.
    py::object name = job->is_path ? py::module_::import("os").attr("fsdecode")(py::bytes(job->input))
                                   : py::object(py::none());
    if (!job->doc) return py::make_tuple(status_name(job->status), py::none(), name);
    return py::make_tuple(status_name(job->status), wrap_document(adopt(job->doc)), name);
  }

  // Stops the workers and drops what was parsed ahead; the iterator is then
  // exhausted.  Not while a next() runs (another thread's): that one would
  // wait for work that no worker does.
  void close() {
    if (busy_) throw py::value_error("parse_many iterator is being iterated; close it after next() returns");
    stop();
  }

  void stop() {
    closed_ = true;
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
    try {
      take_inputs();
    } catch (py::error_already_set &e) {
      // The iterator (or an item that is neither bytes nor a path) failed:
      // the inputs taken before it are still handed out first, then the
      // error is raised in its place.
      error_ = std::make_unique<py::error_already_set>(std::move(e));
      exhausted_ = true;
    }
  }

  void take_inputs() {
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
        PyObject *copy = PyBytes_FromObject(item.ptr());
        if (!copy) throw py::error_already_set();
        job->input = py::reinterpret_steal<py::bytes>(copy).cast<std::string>();
      } else {
        // The file system's own bytes for the name (os.fsencode), so that a
        // name that is not UTF-8 still opens.
        job->is_path = true;
        job->input = fsencode_(item).cast<std::string>();
      }
      {
        std::lock_guard<std::mutex> lock(mutex_);
        pending_.push_back(job);
      }
      queue_.push_back(job);
      wanted_.notify_one();
      ++inputs_;  // fetches the next item at once: may raise, after this one is queued
    }
  }

  // Each worker parses with its own copy of the options, so that a post
  // read from a path is named by it (the JSON's "source", as parse_file).
  void work() {
    postparse_options *plain = nullptr, *named = nullptr;
    if (options_) {
      postparse_options_clone(options_.get(), &plain);
      postparse_options_clone(options_.get(), &named);
    } else {
      postparse_options_new(&plain);
      postparse_options_new(&named);
    }
    OptionsHandle own_plain(plain, &postparse_options_free), own_named(named, &postparse_options_free);
    std::uint64_t limit = 0;
    if (plain) postparse_options_get_limit(plain, POSTPARSE_LIMIT_INPUT_BYTES, &limit);
    const std::size_t cap = static_cast<std::size_t>(std::min<std::uint64_t>(limit, SIZE_MAX - 1)) + 1;
    for (;;) {
      std::shared_ptr<Job> job;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        wanted_.wait(lock, [&] { return stopping_ || !pending_.empty(); });
        if (stopping_) return;
        job = pending_.front();
        pending_.pop_front();
      }
      try {
        if (!plain || !named) {
          job->status = POSTPARSE_ERR_NO_MEMORY;
        } else if (job->is_path) {
          std::string bytes;
          job->read_errno = read_file(job->input, cap, bytes);
          postparse_options_set_source_name(named, job->input.data(), job->input.size());
          if (!job->read_errno) job->status = postparse_doc_parse(bytes.data(), bytes.size(), named, &job->doc);
        } else {
          job->status = postparse_doc_parse(job->input.data(), job->input.size(), plain, &job->doc);
          std::string().swap(job->input);  // the document has its own copy
        }
      } catch (const std::exception &) {  // a worker thread never ends the interpreter
        job->status = POSTPARSE_ERR_NO_MEMORY;
      }
      {
        std::lock_guard<std::mutex> lock(mutex_);
        job->done = true;
      }
      finished_.notify_all();
    }
  }

  py::iterator inputs_;
  py::object fsencode_ = py::module_::import("os").attr("fsencode");
  py::object options_object_;  // keeps the native options alive
  OptionsHandle options_;
  size_t window_;
  bool exhausted_ = false;
  std::deque<std::shared_ptr<Job>> queue_;    // in input order; only the Python side touches it
  std::deque<std::shared_ptr<Job>> pending_;  // not yet taken by a worker
  std::mutex mutex_;
  std::condition_variable wanted_, finished_;
  bool stopping_ = false;
  bool busy_ = false;    // a next() is running (only read and written with the GIL)
  bool closed_ = false;  // stopped: next() ends the iteration
  std::unique_ptr<py::error_already_set> error_;  // the inputs' iterator failed; raised after the taken inputs
  std::vector<std::thread> workers_;
};

}  // namespace

void register_batch(py::module_ &m) {
  py::class_<Batch>(m, "Batch", "An iterator of (status name, Doc or None, source name or None), one per input, in input order.")
      .def(py::init([](const py::iterable &inputs, const py::object &options, unsigned threads, size_t window) {
             if (threads == 0) throw py::value_error("threads must be at least 1");
             return std::make_unique<Batch>(py::iter(inputs), options, threads, window);
           }),
           py::arg("inputs"), py::arg("options"), py::arg("threads"), py::arg("window"))
      .def("__iter__", [](py::object self) { return self; })
      .def("__next__", &Batch::next)
      .def("close", &Batch::close, "Stops the workers and drops the posts parsed ahead.");
}

}  // namespace postparse_py
