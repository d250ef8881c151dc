// What a failed edit means, in words (postparse set / convert): one line
// per status of the edit calls.
#pragma once

#include <string>

#include "postparse/postparse.h"

namespace postparse_cli {

// The problem `status` names, for a message `FILE: KEY: <problem>`; `key`
// is the --key as given, `detail` the rename's new name, the insert's key
// or the --to format when the status concerns it.
std::string edit_problem(postparse_status status, const std::string &detail);

}  // namespace postparse_cli
