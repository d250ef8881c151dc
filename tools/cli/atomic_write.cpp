#include "atomic_write.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace postparse_cli {
namespace {

std::string error_text(const char *what) { return std::string(what) + ": " + std::strerror(errno); }

struct PathParts {
  std::string dir, name;
};

PathParts split_path(const std::string &path) {
  std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return {".", path};
  return {slash == 0 ? "/" : path.substr(0, slash), path.substr(slash + 1)};
}

// Removes what killed runs left: `.NAME.postparse-XXXXXX.tmp` (six
// characters, as mkstemps makes them) beside the file.
void remove_leftovers(const PathParts &parts) {
  std::string prefix = temp_file_prefix(parts.name);
  DIR *dir = ::opendir(parts.dir.c_str());
  if (!dir) return;
  std::vector<std::string> stale;
  while (const dirent *entry = ::readdir(dir)) {
    std::string_view n(entry->d_name);
    if (n.size() == prefix.size() + 6 + kTempSuffix.size() && n.substr(0, prefix.size()) == prefix &&
        n.substr(n.size() - kTempSuffix.size()) == kTempSuffix)
      stale.emplace_back(n);
  }
  ::closedir(dir);
  for (const std::string &n : stale) ::unlink((parts.dir + "/" + n).c_str());
}

bool write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    content.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

void sync_directory(const std::string &dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);  // best effort: some file systems refuse fsync on directories
  ::close(fd);
}

}  // namespace

std::string temp_file_prefix(const std::string &file_name) { return "." + file_name + ".postparse-"; }

std::string replace_file(const std::string &path, std::string_view content) {
  char resolved[PATH_MAX];
  if (!::realpath(path.c_str(), resolved)) return error_text("cannot resolve the path");
  std::string target = resolved;
  struct stat st {};
  if (::stat(target.c_str(), &st) != 0) return error_text("cannot stat");
  if (!S_ISREG(st.st_mode)) return "not a regular file; not replaced";
  PathParts parts = split_path(target);
  remove_leftovers(parts);
  std::string temp = parts.dir + "/" + temp_file_prefix(parts.name) + "XXXXXX" + std::string(kTempSuffix);
  std::vector<char> name(temp.begin(), temp.end());
  name.push_back('\0');
  int fd = ::mkstemps(name.data(), static_cast<int>(kTempSuffix.size()));
  if (fd < 0) return error_text("cannot create a temporary file beside it");
  temp.assign(name.data());
  std::string problem;
  if (::fchmod(fd, st.st_mode & 07777) != 0) problem = error_text("cannot set the permissions");
  if (problem.empty() && (st.st_uid != ::geteuid() || st.st_gid != ::getegid()))
    (void)!::fchown(fd, st.st_uid, st.st_gid);  // keeps the owner when we may (root); else ours
  if (problem.empty() && !write_all(fd, content)) problem = error_text("cannot write");
  if (problem.empty() && ::fsync(fd) != 0) problem = error_text("cannot flush to disk");
  if (::close(fd) != 0 && problem.empty()) problem = error_text("cannot write");
  if (problem.empty() && ::rename(temp.c_str(), target.c_str()) != 0) problem = error_text("cannot replace");
  if (!problem.empty()) {
    ::unlink(temp.c_str());
    return problem;
  }
  sync_directory(parts.dir);
  return {};
}

}  // namespace postparse_cli
