// The command line: options, their checks and their messages.  Every
// message about a bad value names the flag and the value.
#pragma once

#include <optional>

#include "postparse/postparse.hpp"
#include "settings.h"

namespace postparse_cli {

// Parses argv into `settings`.  Returns an exit status when the command is
// done already (--help, --version: 0; a usage error, reported on stderr: 2),
// or nothing when files are to be parsed.
std::optional<int> parse_command_line(int argc, char **argv, Settings &settings);

// The parse options the settings ask for; a problem (an unknown --timezone)
// is reported on stderr and gives nothing.
std::optional<postparse::Options> make_options(const Settings &settings);

}  // namespace postparse_cli
