#include "common.h"

PYBIND11_MODULE(_core, m) {
  m.doc() = "The native half of postparse: thin wrappers over the C ABI (see postparse/__init__.py).";
  m.def("version", [] { return std::string(postparse_version()); }, "The version of the linked library.");
  postparse_py::register_options(m);
  postparse_py::register_document(m);
  postparse_py::register_batch(m);
  postparse_py::register_cli(m);
  postparse_py::register_edit(m);
}
