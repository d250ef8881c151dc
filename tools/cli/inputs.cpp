#include "inputs.h"

#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <set>
#include <utility>

#include <dirent.h>

namespace postparse_cli {
namespace {

using DirectoryId = std::pair<dev_t, ino_t>;

bool matches_any(const std::vector<std::string> &globs, const std::string &text) {
  for (const std::string &glob : globs)
    if (fnmatch(glob.c_str(), text.c_str(), 0) == 0) return true;
  return false;
}

// The entries of a directory, sorted by name (byte order, as `ls` in the C
// locale), without "." and "..".
bool list_directory(const std::string &dir, std::vector<std::string> &names, std::string &problem) {
  DIR *d = opendir(dir.c_str());
  if (!d) {
    problem = std::strerror(errno);
    return false;
  }
  while (dirent *e = readdir(d)) {
    std::string name = e->d_name;
    if (name != "." && name != "..") names.push_back(name);
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  return true;
}

class Walker {
 public:
  Walker(const InputRules &rules, std::vector<Input> &out, std::vector<std::string> &warnings)
      : rules_(rules), out_(out), warnings_(warnings) {}

  void path(const std::string &path) {
    if (path == "-") {
      out_.push_back({path, "", ""});
      return;
    }
    struct stat st {};
    if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
      // A directory's posts in the order of their paths below it, as
      // `find | sort` lists them (not directory by directory).
      std::size_t first = out_.size();
      walk(path, "", st);
      std::sort(out_.begin() + static_cast<std::ptrdiff_t>(first), out_.end(),
                [](const Input &a, const Input &b) { return a.relative < b.relative; });
      return;
    }
    out_.push_back({path, "", problem_of(path)});
  }

 private:
  // Why a path named as a post cannot be read, or "" when it can be tried.
  static std::string problem_of(const std::string &path) {
    struct stat st {};
    if (stat(path.c_str(), &st) != 0) {
      struct stat link {};
      if (errno == ENOENT && lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode))
        return "broken symbolic link";
      return std::strerror(errno);
    }
    if (S_ISDIR(st.st_mode)) return "is a directory";
    return "";
  }

  void walk(const std::string &dir, const std::string &relative, const struct stat &st) {
    // Each directory is walked once: a symbolic link back to a directory
    // being walked (a loop) or to one walked already (links that fan out
    // would otherwise multiply the walk) is not followed again.
    if (!walked_.insert({st.st_dev, st.st_ino}).second) {
      if (on_path_.count({st.st_dev, st.st_ino})) warnings_.push_back(dir + ": a symbolic link loop; walked once");
      return;
    }
    on_path_.insert({st.st_dev, st.st_ino});
    std::vector<std::string> names;
    std::string problem;
    if (!list_directory(dir, names, problem)) {
      out_.push_back({dir, relative, "cannot list directory: " + problem});
    } else {
      for (const std::string &name : names) entry(dir, relative, name);
    }
    on_path_.erase({st.st_dev, st.st_ino});
  }

  void entry(const std::string &dir, const std::string &relative, const std::string &name) {
    std::string path = dir == "/" ? "/" + name : dir + "/" + name;
    std::string rel = relative.empty() ? name : relative + "/" + name;
    if (matches_any(rules_.exclude, name) || matches_any(rules_.exclude, rel)) return;
    struct stat st {};
    bool exists = stat(path.c_str(), &st) == 0;
    bool wanted = matches_any(rules_.include, name);
    if (exists && S_ISDIR(st.st_mode) && !wanted) {
      walk(path, rel, st);
    } else if (wanted) {
      // A FIFO, socket or device found by the walk would block or never
      // end; named on the command line (`postparse <(cmd)`) it is read.
      bool special = exists && !S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode);
      out_.push_back({path, rel, special ? "not a regular file (a FIFO, socket or device)" : problem_of(path)});
    }
  }

  const InputRules &rules_;
  std::vector<Input> &out_;
  std::vector<std::string> &warnings_;
  std::set<DirectoryId> on_path_;  // the directories being walked, for loops
  std::set<DirectoryId> walked_;   // every directory walked so far
};

// The paths of a list file: one per line, blank lines skipped, a final CR
// dropped (lists written on Windows).
bool read_list(const std::string &list, std::vector<std::string> &paths, std::string &problem) {
  std::ifstream file;
  std::istream *in = &std::cin;
  if (list != "-") {
    file.open(list);
    if (!file) {
      problem = std::strerror(errno);
      return false;
    }
    in = &file;
  }
  for (std::string line; std::getline(*in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) paths.push_back(line);
  }
  return true;
}

}  // namespace

const std::vector<std::string> &default_includes() {
  static const std::vector<std::string> globs{"*.md", "*.markdown", "*.html", "*.htm", "*.txt"};
  return globs;
}

Gathered gather_inputs(const std::vector<std::string> &paths, const std::vector<std::string> &lists,
                       const InputRules &rules) {
  Gathered out;
  Walker walker(rules, out.inputs, out.warnings);
  for (const std::string &p : paths) walker.path(p);
  for (const std::string &list : lists) {
    std::vector<std::string> listed;
    std::string problem;
    if (!read_list(list, listed, problem)) {
      out.errors.push_back("--from-list '" + list + "': " + problem);
      continue;
    }
    for (const std::string &p : listed) walker.path(p);
  }
  return out;
}

}  // namespace postparse_cli
