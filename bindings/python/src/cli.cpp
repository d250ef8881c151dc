// `python -m postparse`: the postparse command's own code, run in-process.
#include <pybind11/stl.h>

#include <cstdio>
#include <vector>

#include "cli.h"
#include "common.h"

namespace postparse_py {

void register_cli(py::module_ &m) {
  m.def(
      "cli_main",
      [](const std::vector<std::string> &argv) {
        std::vector<std::string> args = argv;
        std::vector<char *> pointers;
        for (std::string &a : args) pointers.push_back(a.data());
        pointers.push_back(nullptr);
        // Whatever Python buffered goes out first; the command writes to
        // the process's descriptors directly.
        std::fflush(nullptr);
        py::gil_scoped_release release;
        int status = postparse_cli::cli_main(static_cast<int>(args.size()), pointers.data());
        std::fflush(nullptr);
        return status;
      },
      py::arg("argv"), "Runs the postparse command line (argv[0] the program name); returns its exit status.");
}

}  // namespace postparse_py
