// postparse — one record per post: each post's front matter, paragraphs,
// editorial fields and diagnostics as one JSON object per line (JSON Lines),
// a JSON array, or the content paragraphs as text or Markdown; for files,
// whole directories of posts and lists of paths, parsed in parallel, in input
// order.
//
// Exit status (settings.h): 0 when every input was read and parsed
// (problems inside a post are diagnostics in its record, not failures), 1
// when an input could not be read or is larger than --max-input-bytes (it
// still gets a record), 2 on a usage error (including a profile with
// errors), 3 with --fail-on when a post has a diagnostic of that severity,
// 4 when the output could not be written.
#include "cli.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <new>
#include <string>
#include <thread>

#include "batch.h"
#include "command_line.h"
#include "edit_command.h"
#include "encoding.h"
#include "input.h"
#include "inputs.h"
#include "output.h"
#include "postparse/postparse.hpp"
#include "record.h"
#include "report.h"
#include "settings.h"

using namespace postparse_cli;

namespace {

// Loads each --profile file; prints its diagnostics as FILE:LINE:COLUMN and
// returns false when one has errors (a half-working profile is a usage
// error on the command line, where the user can fix it at once).
bool load_profiles(const Settings &s, std::vector<postparse::Profile> &profiles) {
  bool ok = true;
  for (const std::string &path : s.profiles) {
    std::string text;
    ReadResult read = read_input(path, s.max_profile_bytes, text);
    if (read.status != ReadStatus::ok) {
      std::cerr << "postparse: profile " << path << ": "
                << (read.status == ReadStatus::too_large
                        ? "larger than --max-profile-bytes (" + std::to_string(s.max_profile_bytes) + " bytes); not read"
                        : read.problem)
                << "\n";
      ok = false;
      continue;
    }
    postparse::Profile profile = postparse::Profile::load(text, static_cast<std::size_t>(s.max_profile_bytes));
    for (const postparse_diagnostic &d : profile.diagnostics())
      std::cerr << path << ":" << d.line << ":" << d.column << ": "
                << (d.severity == POSTPARSE_SEVERITY_ERROR ? "error" : "warning") << ": "
                << postparse::to_view(d.message) << " [" << postparse_status_str(d.code) << "]\n";
    ok = ok && profile.ok();
    profiles.push_back(std::move(profile));
  }
  return ok;
}

// A path as shown on standard error: control characters (a newline, ESC)
// as \xNN, so that a hostile file name cannot break the one-line messages
// or send escape sequences to the terminal.
std::string shown(const std::string &path) {
  std::string out;
  for (unsigned char c : path) {
    if (c < 0x20 || c == 0x7F) {
      char buf[5];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::vector<std::string> split_list(const std::string &text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t comma; (comma = text.find(',', start)) != std::string::npos; start = comma + 1)
    out.push_back(text.substr(start, comma - start));
  if (!text.empty()) out.push_back(text.substr(start));
  return out;
}

// Where records go: standard output, -o FILE, or one file per post.
class RecordSink {
 public:
  RecordSink(const Settings &s) : format_(s.format), out_dir_(s.out_dir), writer_(STDOUT_FILENO) {}

  bool open(const std::string &output_file) {
    if (output_file.empty()) return true;
    int fd = ::open(output_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
      std::cerr << "postparse: -o " << output_file << ": " << std::strerror(errno) << "\n";
      return false;
    }
    writer_ = OutputWriter(fd);
    return true;
  }

  bool write(const Input &input, const PostResult &result) {
    if (!out_dir_.empty()) return write_file(input, result);
    if (format_ == "json") return writer_.write_record((records_++ ? ",\n" : "[\n") + result.record);
    if (result.unreadable && !is_json_format(format_)) return true;  // the problem is on standard error
    return writer_.write_record(result.record + "\n");
  }

  bool finish() {
    if (out_dir_.empty() && format_ == "json" && !writer_.write_record(records_ ? "\n]\n" : "[]\n")) return false;
    return writer_.close();
  }

  const OutputWriter &writer() const { return writer_; }

 private:
  std::string extension() const { return is_json_format(format_) ? ".json" : format_ == "text" ? ".txt" : ".md"; }

  // OUT_DIR/<path below the walked directory, or the file's name>, with the
  // format's extension.
  bool write_file(const Input &input, const PostResult &result) {
    namespace fs = std::filesystem;
    fs::path name = input.path == "-" ? fs::path("stdin") : fs::path(input.relative.empty() ? fs::path(input.path).filename() : fs::path(input.relative));
    // The format's extension is appended (post.md -> post.md.json), so that
    // post.md and post.html beside it never write the same file.
    fs::path target = fs::path(out_dir_) / name;
    target += extension();
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
      std::cerr << "postparse: " << target.string() << ": " << std::strerror(errno) << "\n";
      return false;
    }
    OutputWriter file(fd);
    bool ok = file.write_record(result.record + "\n");
    return file.close() && ok;
  }

  std::string format_, out_dir_;
  OutputWriter writer_;
  std::size_t records_ = 0;
};

int run(const Settings &s) {
  std::optional<postparse::Options> probe = make_options(s);
  std::vector<postparse::Profile> profiles;
  if (!probe || !load_profiles(s, profiles)) return kExitUsage;
  RecordStyle style;
  style.format = s.format;
  style.boilerplate = s.boilerplate;
  style.explain = s.explain;
  style.content_only = s.content_only;
  style.fields = split_list(s.fields);
  style.encoding = s.encoding;
  if (std::string problem = check_fields(style.fields); !problem.empty()) {
    std::cerr << "postparse: " << problem << "\n";
    return kExitUsage;
  }
  if (!s.encoding.empty() && !encoding_known(s.encoding)) {
    std::cerr << "postparse: --encoding '" << s.encoding << "': iconv does not know it (see iconv --list)\n";
    return kExitUsage;
  }
  InputRules rules{s.include.empty() ? default_includes() : s.include, s.exclude};
  Gathered gathered = gather_inputs(s.paths, s.from_lists, rules);
  for (const std::string &e : gathered.errors) std::cerr << "postparse: " << shown(e) << "\n";
  if (!gathered.errors.empty()) return kExitUsage;
  for (const std::string &w : gathered.warnings) std::cerr << "postparse: warning: " << shown(w) << "\n";

  RecordSink sink(s);
  if (!sink.open(s.output_file)) return kExitOutputError;
  BatchPlan plan;
  plan.threads = s.threads ? s.threads : std::max(1u, std::thread::hardware_concurrency());
  plan.window = 16 * static_cast<std::size_t>(plan.threads);
  plan.unordered = s.unordered;
  plan.input_limit = probe->limit(POSTPARSE_LIMIT_INPUT_BYTES);
  plan.encoding = s.encoding;
  plan.style = style;
  for (const postparse::Profile &p : profiles) probe->add_profile(p);
  const postparse::Options &base = *probe;
  plan.options = [&base] { return base.clone(); };

  const std::vector<Input> &inputs = gathered.inputs;
  Tally tally(inputs.size());
  ProgressBar bar(!s.quiet && isatty(STDERR_FILENO), STDERR_FILENO);
  bool flagged = false;  // --fail-on matched a post
  bool output_failed = false;
  auto deliver = [&](std::size_t index, PostResult &result) {
    tally.add(result);
    if (result.unreadable) {
      bar.clear();
      std::cerr << "postparse: " << shown(inputs[index].path) << ": " << result.problem << "\n";
    }
    flagged = flagged || (!result.unreadable && ((s.fail_on == "error" && result.has_error) ||
                                                 (s.fail_on == "warning" && (result.has_error || result.has_warning))));
    if (!sink.write(inputs[index], result)) return !(output_failed = true);
    bar.update(tally);
    return true;
  };
  run_batch(inputs, plan, deliver, [&] { bar.update(tally); });
  bar.clear();
  if (output_failed || !sink.finish()) {
    if (!sink.writer().reader_gone() && sink.writer().error()) std::cerr << "postparse: " << sink.writer().problem() << "\n";
    return kExitOutputError;
  }
  if (!s.quiet) std::cerr << "postparse: " << tally.summary() << "\n";
  if (!s.stats_file.empty()) {
    int fd = ::open(s.stats_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    OutputWriter stats(fd);
    if (fd < 0 || !stats.write_record(tally.json(plan.threads)) || !stats.close()) {
      std::cerr << "postparse: --stats " << s.stats_file << ": " << std::strerror(fd < 0 ? errno : stats.error()) << "\n";
      return kExitOutputError;
    }
  }
  if (tally.unreadable()) return kExitInputError;
  return flagged ? kExitPostError : kExitOk;
}

}  // namespace

int postparse_cli::cli_main(int argc, char **argv) {
  // `postparse set ...` and `postparse convert ...` edit posts; any other
  // first word is a path (a file named `set` is `./set`).
  if (argc > 1 && is_edit_command(argv[1])) {
    try {
      return edit_main(argc - 1, argv + 1);
    } catch (const std::bad_alloc &) {
      std::cerr << "postparse: out of memory\n";
      return kExitInputError;
    }
  }
  Settings s;
  if (std::optional<int> done = parse_command_line(argc, argv, s)) return *done;
  try {
    return run(s);
  } catch (const postparse::Error &e) {
    std::cerr << "postparse: " << postparse_status_str(e.status()) << "\n";
    return kExitUsage;
  } catch (const std::bad_alloc &) {
    std::cerr << "postparse: out of memory\n";
    return kExitInputError;
  } catch (const std::exception &e) {
    std::cerr << "postparse: " << e.what() << "\n";
    return kExitInputError;
  }
}
