// The posts a command line names: files, directories walked for posts,
// standard input, and lists of paths (--from-list), in the order given,
// each directory's posts sorted by path.  A name that cannot be a post (a
// missing file, a directory given as a post, a broken symlink) is kept with
// the problem, so that it still gets its own record and the batch goes on.
#pragma once

#include <string>
#include <vector>

namespace postparse_cli {

struct Input {
  std::string path;     // as the user wrote it, or the walk found it ("-": standard input)
  std::string relative; // below the directory it was found in ("" for a path given as such)
  std::string problem;  // why it cannot be read as a post ("" when it can be tried)
};

struct InputRules {
  std::vector<std::string> include;  // globs a file's name must match (fnmatch); default the post extensions
  std::vector<std::string> exclude;  // globs that leave a file or directory out (its name or relative path)
};

// The default --include globs.
const std::vector<std::string> &default_includes();

struct Gathered {
  std::vector<Input> inputs;
  std::vector<std::string> warnings;  // e.g. a symbolic link loop, walked once
  std::vector<std::string> errors;    // a --from-list file that cannot be read (a usage error)
};

// Expands `paths`, then the lines of each --from-list file ("-" for standard
// input), into inputs.  Directories are walked recursively in sorted order;
// symbolic links are followed, and a directory reached again through a link
// while it is being walked (a loop) is not walked again.
Gathered gather_inputs(const std::vector<std::string> &paths, const std::vector<std::string> &lists,
                       const InputRules &rules);

}  // namespace postparse_cli
