// postparse — print each post's front matter, paragraphs, editorial fields and
// diagnostics as one JSON object per line (JSON Lines), in argument order,
// or (--format text / markdown) the content paragraphs.
//
// Exit status (settings.h): 0 when every file was read and parsed (problems
// inside a post are diagnostics in its JSON, not failures), 1 when a file
// could not be read or is larger than --max-input-bytes, 2 on a usage error
// (including a profile with errors), 3 with --fail-on-error when some post
// has an error diagnostic, 4 when standard output could not be written.
#include <unistd.h>

#include <iostream>
#include <new>
#include <string>

#include "command_line.h"
#include "input.h"
#include "output.h"
#include "postparse/postparse.hpp"
#include "cli.h"
#include "settings.h"

using namespace postparse_cli;

namespace {

// "larger than --max-input-bytes (N bytes)", or why the file could not be
// read; the caller prefixes "postparse: PATH: ".
std::string read_problem(const ReadResult &result, std::uint64_t limit, const char *flag = "--max-input-bytes") {
  if (result.status == ReadStatus::too_large)
    return std::string("larger than ") + flag + " (" + std::to_string(limit) + " bytes); not read";
  return result.problem;
}

// Loads each --profile file; prints its diagnostics as FILE:LINE:COLUMN and
// returns false when one has errors (a half-working profile is a usage
// error on the command line, where the user can fix it at once).
bool add_profiles(const Settings &s, postparse::Options &options) {
  bool ok = true;
  for (const std::string &path : s.profiles) {
    std::string text;
    ReadResult read = read_input(path, s.max_profile_bytes, text);
    if (read.status != ReadStatus::ok) {
      std::cerr << "postparse: profile " << path << ": "
                << read_problem(read, s.max_profile_bytes, "--max-profile-bytes") << "\n";
      ok = false;
      continue;
    }
    postparse::Profile profile = postparse::Profile::load(text, static_cast<std::size_t>(s.max_profile_bytes));
    for (const postparse_diagnostic &d : profile.diagnostics())
      std::cerr << path << ":" << d.line << ":" << d.column << ": "
                << (d.severity == POSTPARSE_SEVERITY_ERROR ? "error" : "warning") << ": "
                << postparse::to_view(d.message) << " [" << postparse_status_str(d.code) << "]\n";
    ok = ok && profile.ok();
    options.add_profile(profile);
  }
  return ok;
}

bool has_error(const postparse::Document &doc) {
  for (const postparse_diagnostic &d : doc.diagnostics())
    if (d.severity == POSTPARSE_SEVERITY_ERROR) return true;
  return false;
}

// The record printed for one post.  Text and Markdown: one blank line
// between posts.
std::string render(const postparse::Document &doc, const Settings &s) {
  unsigned flags = s.boilerplate ? POSTPARSE_OUTPUT_BOILERPLATE : 0;
  if (s.format == "text") return doc.to_text(flags) + "\n";
  if (s.format == "markdown") return doc.to_markdown(flags) + "\n";
  return doc.to_json() + "\n";
}

// Parses one file and prints it; returns the file's exit status.
int process(const std::string &path, postparse::Options &options, const Settings &s, OutputWriter &out) {
  try {
    std::string bytes;
    std::uint64_t limit = options.limit(POSTPARSE_LIMIT_INPUT_BYTES);
    ReadResult read = read_input(path, limit, bytes);
    if (read.status != ReadStatus::ok) {
      std::cerr << "postparse: " << path << ": " << read_problem(read, limit) << "\n";
      return kExitInputError;
    }
    options.source_name(path);
    // `bytes` outlives `doc` (declared first, destroyed last), so the
    // document can read it in place instead of keeping its own copy.
    postparse::Document doc = postparse::Document::parse_borrowed(bytes, &options);
    if (!out.write_record(render(doc, s))) return kExitOutputError;
    return s.fail_on_error && has_error(doc) ? kExitPostError : kExitOk;
  } catch (const postparse::Error &e) {
    std::cerr << "postparse: " << path << ": " << postparse_status_str(e.status()) << "\n";
    return kExitInputError;
  } catch (const std::bad_alloc &) {
    std::cerr << "postparse: " << path << ": out of memory\n";
    return kExitInputError;
  }
}

// Ends on an output error: a reader that went away (closed pipe) is not
// worth a message, anything else (disk full, bad descriptor) is.
int output_failed(const OutputWriter &out) {
  if (!out.reader_gone()) std::cerr << "postparse: " << out.problem() << "\n";
  return kExitOutputError;
}

int run(const Settings &s) {
  std::optional<postparse::Options> options = make_options(s);
  if (!options || !add_profiles(s, *options)) return kExitUsage;
  OutputWriter out(STDOUT_FILENO);
  int status = kExitOk;
  for (const std::string &path : s.files) {
    int file_status = process(path, *options, s, out);
    if (file_status == kExitOutputError) return output_failed(out);
    if (file_status == kExitInputError || (file_status == kExitPostError && status == kExitOk)) status = file_status;
  }
  if (!out.close()) return output_failed(out);
  return status;
}

}  // namespace

int postparse_cli::cli_main(int argc, char **argv) {
  Settings s;
  if (std::optional<int> done = parse_command_line(argc, argv, s)) return *done;
  try {
    return run(s);
  } catch (const postparse::Error &e) {
    std::cerr << "postparse: " << postparse_status_str(e.status()) << "\n";
    return kExitUsage;
  } catch (const std::bad_alloc &) {
    // E.g. a --profile file as large as a raised --max-profile-bytes allows.
    std::cerr << "postparse: out of memory\n";
    return kExitInputError;
  } catch (const std::exception &e) {
    std::cerr << "postparse: " << e.what() << "\n";
    return kExitInputError;
  }
}
