// Edits of a post's front matter (postparse_edit_*), for postparse.Editor
// (postparse/_edit.py).  Values arrive as the tuples _edit.py makes of
// Python values — (kind,) null, (kind, value) for bool/int/float/str, and
// for a date (5, text) or (5, (unix_seconds, nanoseconds, offset_seconds,
// explicit_offset, has_time)) — and every call returns the status name, so
// that the Python layer raises its own exceptions.
#include <pybind11/stl.h>

#include <memory>
#include <mutex>
#include <vector>

#include "common.h"

namespace postparse_py {
namespace {

// A scalar for the C call: the struct and the text its `text` points into.
struct NativeScalar {
  postparse_scalar raw = POSTPARSE_INIT(postparse_scalar);
  std::string text;

  explicit NativeScalar(const py::tuple &t) {
    raw.kind = static_cast<postparse_kind>(t[0].cast<int>());
    switch (raw.kind) {
      case POSTPARSE_KIND_NULL: break;
      case POSTPARSE_KIND_BOOL: raw.boolean = t[1].cast<bool>(); break;
      case POSTPARSE_KIND_INT: raw.integer = t[1].cast<std::int64_t>(); break;
      case POSTPARSE_KIND_FLOAT: raw.number = t[1].cast<double>(); break;
      case POSTPARSE_KIND_STRING: text = t[1].cast<std::string>(); break;
      case POSTPARSE_KIND_TIMESTAMP:
        if (py::isinstance<py::str>(t[1])) {
          text = t[1].cast<std::string>();
        } else {
          py::tuple time = t[1].cast<py::tuple>();
          raw.time = POSTPARSE_INIT(postparse_time);
          raw.time.unix_seconds = time[0].cast<std::int64_t>();
          raw.time.nanoseconds = time[1].cast<std::int32_t>();
          raw.time.offset_seconds = time[2].cast<std::int32_t>();
          raw.time.explicit_offset = time[3].cast<bool>();
          raw.time.has_time = time[4].cast<bool>();
        }
        break;
      default: throw py::value_error("not a scalar kind");
    }
  }
  // The struct with its text view set (after the object stops moving).
  const postparse_scalar *get() {
    raw.text = postparse_str{text.data(), text.size()};
    return &raw;
  }
};

// One postparse_edit.  Its calls run with the GIL released, one at a time
// (the C object is used by one thread at a time; the lock keeps two Python
// threads from sharing it at once).
class Edit {
 public:
  explicit Edit(postparse_edit *raw) : raw_(raw, &postparse_edit_free) {}

  int format() const { return static_cast<int>(postparse_edit_format(raw_.get())); }

  std::string set(const std::string &path, const py::tuple &value) {
    NativeScalar v(value);
    return locked([&] { return postparse_edit_set(raw_.get(), path.data(), path.size(), v.get()); });
  }
  std::string set_list(const std::string &path, const std::vector<py::tuple> &values) {
    std::vector<NativeScalar> owned;
    owned.reserve(values.size());
    for (const py::tuple &t : values) owned.emplace_back(t);
    std::vector<postparse_scalar> items;
    for (NativeScalar &s : owned) items.push_back(*s.get());
    return locked([&] {
      return postparse_edit_set_list(raw_.get(), path.data(), path.size(), items.empty() ? nullptr : items.data(),
                                     items.size());
    });
  }
  std::string set_json(const std::string &path, const std::string &json) {
    return locked([&] { return postparse_edit_set_json(raw_.get(), path.data(), path.size(), json.data(), json.size()); });
  }
  std::string append(const std::string &path, const py::tuple &value) {
    NativeScalar v(value);
    return locked([&] { return postparse_edit_append(raw_.get(), path.data(), path.size(), v.get()); });
  }
  std::string remove(const std::string &path) {
    return locked([&] { return postparse_edit_delete(raw_.get(), path.data(), path.size()); });
  }
  std::string rename(const std::string &path, const std::string &new_key) {
    return locked([&] {
      return postparse_edit_rename(raw_.get(), path.data(), path.size(), new_key.data(), new_key.size());
    });
  }
  std::string insert(const std::string &path, bool after, const std::string &key, const py::tuple &value) {
    NativeScalar v(value);
    return locked([&] {
      return postparse_edit_insert(raw_.get(), path.data(), path.size(),
                                   after ? POSTPARSE_PLACE_AFTER : POSTPARSE_PLACE_BEFORE, key.data(), key.size(),
                                   v.get());
    });
  }
  // (status, the new post as bytes or None)
  py::tuple render() {
    return rendering([&](char **out, size_t *len) { return postparse_edit_render(raw_.get(), out, len); });
  }
  py::tuple convert(int to) {
    return rendering([&](char **out, size_t *len) {
      return postparse_edit_convert(raw_.get(), static_cast<postparse_format>(to), out, len);
    });
  }

 private:
  template <typename Call>
  std::string locked(Call call) {
    postparse_status status;
    {
      py::gil_scoped_release release;
      std::lock_guard<std::mutex> lock(mutex_);
      status = call();
    }
    return status_name(status);
  }
  template <typename Call>
  py::tuple rendering(Call call) {
    LibraryBuffer buffer;
    std::string status = locked([&] { return call(&buffer.data, &buffer.len); });
    if (!buffer.data) return py::make_tuple(status, py::none());
    return py::make_tuple(status, py::bytes(buffer.data, buffer.len));
  }

  std::unique_ptr<postparse_edit, decltype(&postparse_edit_free)> raw_;
  std::mutex mutex_;
};

}  // namespace

void register_edit(py::module_ &m) {
  py::class_<Edit>(m, "Edit", "An edit of a post's front matter (postparse_edit); see postparse/_edit.py.")
      .def_property_readonly("format", &Edit::format)
      .def("set", &Edit::set, py::arg("path"), py::arg("value"))
      .def("set_list", &Edit::set_list, py::arg("path"), py::arg("values"))
      .def("set_json", &Edit::set_json, py::arg("path"), py::arg("json"))
      .def("append", &Edit::append, py::arg("path"), py::arg("value"))
      .def("delete", &Edit::remove, py::arg("path"))
      .def("rename", &Edit::rename, py::arg("path"), py::arg("new_key"))
      .def("insert", &Edit::insert, py::arg("path"), py::arg("after"), py::arg("key"), py::arg("value"))
      .def("render", &Edit::render)
      .def("convert", &Edit::convert, py::arg("to"))
      .def("__reduce__", [](const Edit &) -> py::object {
        throw py::type_error("an Editor cannot be pickled; pickle its render()");
      });
  m.def(
      "edit_new",
      [](const py::object &doc) {
        DocHandle handle = document_of(doc);
        postparse_edit *raw = nullptr;
        postparse_status status;
        {
          py::gil_scoped_release release;
          status = postparse_edit_new(handle.get(), &raw);
        }
        if (!raw) return py::make_tuple(status_name(status), py::none());
        return py::make_tuple(status_name(status), py::cast(std::make_unique<Edit>(raw)));
      },
      py::arg("doc"), "Makes an edit of a parsed document: (status name, Edit or None).");
}

}  // namespace postparse_py
