#include "edit_command.h"

#include <unistd.h>

#include <cstring>
#include <functional>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "atomic_write.h"
#include "command_line.h"
#include "edit_messages.h"
#include "input.h"
#include "output.h"
#include "postparse/postparse.hpp"
#include "settings.h"
#include "unified_diff.h"
#include "value_text.h"

namespace postparse_cli {
namespace {

struct EditSettings {
  std::string command;  // "set" or "convert"
  std::string key;
  std::optional<std::string> value, append, rename;
  bool remove = false;
  std::string type = "auto";
  std::string to;
  bool in_place = false, dry_run = false;
  std::vector<std::string> files;
  Settings parse;  // the parse options that apply (--yaml-1.1, --hexo-unfenced, --timezone, --duplicate-keys)
};

// `title` means `/title`: a name without a leading '/' is one top-level
// key, escaped as a JSON pointer token (~ as ~0, / as ~1).
std::string key_path(const std::string &key) {
  if (!key.empty() && key[0] == '/') return key;
  std::string out = "/";
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

void add_common(CLI::App &app, EditSettings &s) {
  app.add_option("files", s.files, "Posts to edit ('-' for standard input, without --in-place)")->required();
  auto *in_place = app.add_flag("-i,--in-place", s.in_place,
                                "Replace each file atomically (temporary file beside it, fsync, rename; "
                                "permission bits kept; never a partial file)");
  app.add_flag("-n,--dry-run", s.dry_run, "Print a unified diff (a/ b/ paths) of each change; write nothing")
      ->excludes(in_place);
  app.add_flag("--yaml-1.1", s.parse.yaml_1_1, "Type YAML with 1.1 rules (yes/no, 0777, << merges)");
  app.add_flag("--hexo-unfenced", s.parse.hexo_unfenced, "Accept Hexo front matter without an opening ---");
  app.add_option("--timezone", s.parse.timezone, "IANA zone for dates written without an offset")
      ->capture_default_str();
  app.add_option("--duplicate-keys", s.parse.duplicate_keys, "On a repeated key: error, first or last")
      ->check(CLI::IsMember({"error", "first", "last"}))
      ->capture_default_str();
}

void add_set(CLI::App &app, EditSettings &s) {
  app.add_option("-k,--key", s.key,
                 "The key: a JSON pointer (/title, /tags/0, /params/lastmod; ~1 for '/', ~0 for '~') or a "
                 "top-level key name (title means /title)")
      ->required();
  auto *value = app.add_option("--value", s.value, "Set the key to this value (added at the end when missing)");
  auto *append = app.add_option("--append", s.append, "Append this value to the list at the key");
  auto *remove = app.add_flag("--delete", s.remove, "Delete the key or list item");
  auto *rename = app.add_option("--rename", s.rename, "Rename the key to NEW, keeping its value and place")
                     ->type_name("NEW");
  std::vector<CLI::Option *> actions{value, append, remove, rename};
  for (CLI::Option *a : actions)
    for (CLI::Option *b : actions)
      if (a != b) a->excludes(b);
  app.add_option("--type", s.type, kValueTypeHelp)
      ->check(CLI::IsMember(std::vector<std::string>(std::begin(kValueTypes), std::end(kValueTypes))))
      ->capture_default_str();
}

constexpr const char *kSetDescription =
    "Edit the front matter of posts, changing only the bytes the edit must (comments, quoting, key order,\n"
    "indentation and the body stay as they are), and print the new post (one FILE), replace each FILE\n"
    "(--in-place) or print a unified diff (--dry-run).  Every result is read back and checked first.";
constexpr const char *kConvertDescription =
    "Write the front matter of posts in another format (YAML, TOML or JSON), keeping key order and the\n"
    "body; comments are not carried over.  Output as for `postparse set`.";
constexpr const char *kFooter =
    "Examples:\n"
    "  postparse set --key title --value 'New title' post.md\n"
    "  postparse set --key tags --append rust --in-place posts/*.md\n"
    "  postparse set --key /params/draft --value false --dry-run post.md\n"
    "  postparse set --key categories --rename tags --in-place post.md\n"
    "  postparse set --key zip --value 007 --type string post.md\n"
    "  postparse convert --to toml --in-place content/*.md\n"
    "\n"
    "Exit status: 0 every file done; 1 a file could not be read, edited or replaced (the others\n"
    "are still done); 2 usage error; 4 standard output could not be written.";

// Parses the subcommand's command line; an exit status when done already.
std::optional<int> parse_edit_command_line(int argc, char **argv, EditSettings &s) {
  s.command = argv[0];
  bool set = s.command == "set";
  CLI::App app{set ? kSetDescription : kConvertDescription, "postparse " + s.command};
  app.footer(kFooter);
  if (set) add_set(app, s);
  else
    app.add_option("--to", s.to, "The format to write: yaml, toml or json")
        ->check(CLI::IsMember({"yaml", "toml", "json"}))
        ->required();
  add_common(app, s);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError &e) {
    return app.exit(e) != 0 ? kExitUsage : kExitOk;
  }
  if (set && !s.value && !s.append && !s.remove && !s.rename) {
    std::cerr << "postparse set: give one of --value, --append, --delete, --rename (see --help)\n";
    return kExitUsage;
  }
  if (set && s.type != "auto" && !s.value && !s.append) {
    std::cerr << "postparse set: --type applies to --value and --append only\n";
    return kExitUsage;
  }
  if (set && s.type == "json" && s.append) {
    std::cerr << "postparse set: --type json applies to --value only (--append takes scalars)\n";
    return kExitUsage;
  }
  if (s.files.size() > 1 && !s.in_place && !s.dry_run) {
    std::cerr << "postparse " << s.command
              << ": several files need --in-place or --dry-run (standard output takes one post)\n";
    return kExitUsage;
  }
  for (const std::string &f : s.files)
    if (f == "-" && s.in_place) {
      std::cerr << "postparse " << s.command << ": standard input ('-') cannot be replaced --in-place\n";
      return kExitUsage;
    }
  return std::nullopt;
}

// Applies the `set` operation; throws postparse::Error.  Returns "" or a
// usage-like problem with the value (it does not read as --type).
std::string apply_set(postparse::Edit &edit, const EditSettings &s) {
  std::string path = key_path(s.key);
  if (s.remove) edit.remove(path);
  else if (s.rename) edit.rename(path, *s.rename);
  else if (s.value && s.type == "json") edit.set_json(path, *s.value);
  else {
    const std::string &text = s.value ? *s.value : *s.append;
    std::optional<postparse::Scalar> scalar = typed_scalar(text, s.type);
    if (!scalar) return "'" + text + "' does not read as --type " + s.type;
    if (s.value) edit.set(path, *scalar);
    else edit.append(path, *scalar);
  }
  return {};
}

postparse_format format_named(const std::string &name) {
  return name == "toml" ? POSTPARSE_FORMAT_TOML : name == "json" ? POSTPARSE_FORMAT_JSON : POSTPARSE_FORMAT_YAML;
}

// "LINE:COLUMN: message" of the first error diagnostic (why a post is not
// editable).
std::string first_error(const postparse::Document &doc) {
  for (const postparse_diagnostic &d : doc.diagnostics())
    if (d.severity == POSTPARSE_SEVERITY_ERROR)
      return std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + std::string(postparse::to_view(d.message));
  return {};
}

class EditRun {
 public:
  EditRun(const EditSettings &s, const postparse::Options &options) : s_(s), options_(options), out_(STDOUT_FILENO) {}

  // Edits one file; false after reporting why it could not be done.
  bool file(const std::string &path) {
    std::string original;
    ReadResult read = read_input(path, options_.limit(POSTPARSE_LIMIT_INPUT_BYTES), original);
    if (read.status != ReadStatus::ok)
      return fail(path, read.status == ReadStatus::too_large ? "larger than the input limit; not read" : read.problem);
    std::string where = s_.command == "set" ? s_.key : "--to " + s_.to;
    std::string result, source;
    try {
      postparse::Document doc = postparse::Document::parse(original, options_);
      // The text edited: the bytes read, or their UTF-8 decoding for a
      // UTF-16/32 post (which is written back as UTF-8).
      source = doc.source();
      std::optional<postparse::Edit> edit;
      try {
        edit.emplace(doc);
      } catch (const postparse::Error &e) {
        std::string why = first_error(doc);
        return fail(path, edit_problem(e.status(), "") + (why.empty() ? "" : "; first: " + why));
      }
      if (s_.command == "set") {
        if (std::string problem = apply_set(*edit, s_); !problem.empty()) return fail(path, where + ": " + problem);
        result = edit->render();
      } else {
        result = edit->convert(format_named(s_.to));
      }
    } catch (const postparse::Error &e) {
      std::string detail = e.status() == POSTPARSE_ERR_KEY_EXISTS && s_.rename ? *s_.rename : s_.to;
      return fail(path, where + ": " + edit_problem(e.status(), detail));
    }
    if (source != original && s_.in_place && result != source)
      std::cerr << "postparse " << s_.command << ": " << path << ": note: a UTF-16/32 post, written back as UTF-8\n";
    return deliver(path, source, result);
  }

  bool output_failed() const { return out_.error() != 0; }
  bool reader_gone() const { return out_.reader_gone(); }
  bool finish() { return out_.close(); }

 private:
  // `original` is the text edited (UTF-8): the diff is against it, and a
  // result equal to it leaves the file as it is.
  bool deliver(const std::string &path, const std::string &original, const std::string &result) {
    if (s_.dry_run) return out_.write_record(unified_diff(original, result, path));
    if (!s_.in_place) return out_.write_record(result);
    if (result == original) return true;  // nothing to change: the file (and its time) stays
    std::string problem = replace_file(path, result);
    return problem.empty() || fail(path, "not replaced: " + problem);
  }

  bool fail(const std::string &path, const std::string &problem) {
    std::cerr << "postparse " << s_.command << ": " << path << ": " << problem << "\n";
    return false;
  }

  const EditSettings &s_;
  const postparse::Options &options_;
  OutputWriter out_;
};

}  // namespace

bool is_edit_command(const char *arg) { return std::strcmp(arg, "set") == 0 || std::strcmp(arg, "convert") == 0; }

int edit_main(int argc, char **argv) {
  EditSettings s;
  if (std::optional<int> done = parse_edit_command_line(argc, argv, s)) return *done;
  std::optional<postparse::Options> options = make_options(s.parse);
  if (!options) return kExitUsage;
  EditRun run(s, *options);
  bool all_done = true;
  for (const std::string &path : s.files) {
    all_done = run.file(path) && all_done;
    if (run.output_failed()) break;
  }
  if (run.output_failed() || !run.finish()) {
    if (!run.reader_gone()) std::cerr << "postparse " << s.command << ": cannot write to standard output\n";
    return kExitOutputError;  // a closed pipe ends quietly, as the parse mode does
  }
  return all_done ? kExitOk : kExitInputError;
}

}  // namespace postparse_cli
