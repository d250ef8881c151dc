// The postparse command as a function, so that the executable (main.cpp)
// and the Python package's `python -m postparse` run the same code.
#pragma once

namespace postparse_cli {

// Runs the command line `argv` (argv[0] the program name) and returns its
// exit status (settings.h lists them).  Writes to the process's standard
// output and error.
int cli_main(int argc, char **argv);

}  // namespace postparse_cli
