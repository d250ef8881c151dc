// The native half of the Python package (postparse._core): thin wrappers
// over the C ABI (include/postparse/postparse.h, nothing else of the
// library), turning its borrowed views into Python objects.  The Pythonic
// API (Post, Options, the error classes, the records) is written in Python
// on top of these, in bindings/python/postparse/.
#pragma once

#include <postparse/postparse.h>
#include <pybind11/pybind11.h>

#include <memory>
#include <string>
#include <string_view>

namespace postparse_py {

namespace py = pybind11;

// A parsed document shared by the Python objects that borrow from it (the
// Doc itself, its nodes): the document lives while any of them does.
using DocHandle = std::shared_ptr<postparse_doc>;

inline DocHandle adopt(postparse_doc *doc) { return DocHandle(doc, &postparse_doc_free); }

// Text the library returns, as str: bytes that are not valid UTF-8 (a
// post's own bytes, read back from a span) become U+FFFD, never an error.
inline py::str to_str(postparse_str s) {
  PyObject *o = PyUnicode_DecodeUTF8(s.data ? s.data : "", static_cast<Py_ssize_t>(s.len), "replace");
  if (!o) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(o);
}
inline py::str to_str(std::string_view s) { return to_str(postparse_str{s.data(), s.size()}); }

inline py::tuple span_tuple(const postparse_span &s) { return py::make_tuple(s.offset, s.length, s.line, s.column); }

// The name of a status code ("ok", "input_too_large", ...).
inline std::string status_name(postparse_status status) { return postparse_status_str(status); }

// Buffers the library allocates for the caller.
struct LibraryBuffer {
  char *data = nullptr;
  size_t len = 0;
  ~LibraryBuffer() { postparse_free(data); }
};

// Options built from the Python Options' settings; shared read-only by
// concurrent parses, as the C ABI allows.
using OptionsHandle = std::shared_ptr<postparse_options>;

void register_options(py::module_ &m);
void register_document(py::module_ &m);
void register_batch(py::module_ &m);
void register_cli(py::module_ &m);
void register_edit(py::module_ &m);

// The parse every entry point shares: GIL released, the input copied by the
// library.  Returns (status name, Doc or None).
py::tuple parse_bytes(std::string_view data, const OptionsHandle &options);
OptionsHandle options_of(const py::object &native_options);
py::object wrap_document(DocHandle doc);
// The document a native Doc holds (a TypeError for other objects).
DocHandle document_of(const py::object &doc);

}  // namespace postparse_py
