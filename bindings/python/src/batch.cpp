// parse_many: posts parsed on a pool of native threads while Python only
// hands out inputs and takes results, in input order.  At most `window`
// posts are read or parsed ahead of the one the caller is waiting for, so
// memory stays bounded whatever the number of inputs.
#include <cerrno>
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

// Reads a whole file (sized once from fstat, read in large blocks); errno
// on failure.
int read_file(const std::string &path, std::string &out) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    return EISDIR;
  }
  out.clear();
  if (st.st_size > 0) out.reserve(static_cast<std::size_t>(st.st_size));
  char block[1 << 16];
  for (;;) {
    ssize_t got = ::read(fd, block, sizeof block);
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
        // The file system's own bytes for the name (os.fsencode), so that a
        // name that is not UTF-8 still opens.
        job->is_path = true;
        job->input = fsencode_(item).cast<std::string>();
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
    for (;;) {
      std::shared_ptr<Job> job;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        wanted_.wait(lock, [&] { return stopping_ || !pending_.empty(); });
        if (stopping_) return;
        job = pending_.front();
        pending_.pop_front();
      }
      if (!plain || !named) {
        job->status = POSTPARSE_ERR_NO_MEMORY;
      } else if (job->is_path) {
        std::string bytes;
        job->read_errno = read_file(job->input, bytes);
        postparse_options_set_source_name(named, job->input.data(), job->input.size());
        if (!job->read_errno) job->status = postparse_doc_parse(bytes.data(), bytes.size(), named, &job->doc);
      } else {
        job->status = postparse_doc_parse(job->input.data(), job->input.size(), plain, &job->doc);
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
  bool busy_ = false;  // a next() is running (only read and written with the GIL)
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
      .def("close", &Batch::stop, "Stops the workers and drops the posts parsed ahead.");
}

}  // namespace postparse_py
