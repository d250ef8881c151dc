#include "command_line.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "postparse/version.h"

namespace postparse_cli {
namespace {

constexpr const char *kDescription =
    "Parse posts (front matter + body) and print one record per post: a JSON object per line\n"
    "(JSON Lines), or the posts' text or Markdown.  PATHs are files, directories (walked for\n"
    "posts, sorted) or '-' for standard input.";
constexpr const char *kFooter =
    "Examples:\n"
    "  postparse source/_posts > posts.jsonl          a Hexo blog's posts, one JSON line each\n"
    "  postparse --threads 8 --fields source,front_matter.data,paragraphs.text posts/\n"
    "  postparse --format text --content-only post.md  the post's content paragraphs\n"
    "  find . -name '*.md' | postparse --from-list - --out-dir out/   one .json per post\n"
    "  postparse --encoding GBK --include '*.htm' old-site/\n"
    "\n"
    "Editing (see `postparse set --help`, `postparse convert --help`; a file named set is ./set):\n"
    "  postparse set --key KEY (--value V | --append V | --delete | --rename NEW) FILE...\n"
    "  postparse convert --to yaml|toml|json FILE...\n"
    "  each printing the new post, or with --in-place replacing the files, or with --dry-run a diff.\n"
    "\n"
    "Exit status: 0 every input parsed; 1 an input could not be read or is larger than\n"
    "--max-input-bytes (it still gets a record); 2 usage error (bad option, value or\n"
    "profile); 3 with --fail-on, a post has a diagnostic of that severity; 4 the output\n"
    "could not be written (disk full; a closed pipe ends quietly).";

struct LimitFlag {
  const char *flag;
  postparse_limit which;
  const char *help;
};

constexpr LimitFlag kLimitFlags[] = {
    {"--max-input-bytes", POSTPARSE_LIMIT_INPUT_BYTES, "Largest input file; no more is ever read"},
    {"--max-front-matter-bytes", POSTPARSE_LIMIT_FRONT_MATTER_BYTES, "Largest front matter block"},
    {"--max-depth", POSTPARSE_LIMIT_DEPTH, "Deepest nesting in front matter"},
    {"--max-alias-nodes", POSTPARSE_LIMIT_ALIAS_NODES, "Most nodes YAML aliases may expand to"},
    {"--max-keys", POSTPARSE_LIMIT_KEYS, "Most keys in one front matter block"},
    {"--max-alias-bytes", POSTPARSE_LIMIT_ALIAS_BYTES, "Most bytes of text YAML aliases may expand to"},
    {"--max-diagnostics", POSTPARSE_LIMIT_DIAGNOSTICS, "Most diagnostics kept per post"},
    {"--max-html-nodes", POSTPARSE_LIMIT_HTML_NODES, "Most nodes in a body's DOM"},
    {"--max-html-depth", POSTPARSE_LIMIT_HTML_DEPTH, "Deepest element nesting in a body"},
};

// A limit as written: decimal digits only (leading zeros are still decimal,
// never octal; no sign, hex, exponent or blanks), from 1 to 2^64 - 1.  A
// value too large to hold is an error, never a silent "no limit".
std::optional<std::uint64_t> parse_limit_value(const std::string &text) {
  if (text.empty()) return std::nullopt;
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    unsigned digit = static_cast<unsigned>(c - '0');
    if (value > (kMax - digit) / 10) return std::nullopt;
    value = value * 10 + digit;
  }
  if (value == 0) return std::nullopt;
  return value;
}

// Checks the limits as written (kept as text so that CLI11 does no
// conversion of its own) and stores them; false after reporting a bad one.
bool store_limits(const std::map<const LimitFlag *, std::string> &written, Settings &settings) {
  for (const auto &[limit, text] : written) {
    std::optional<std::uint64_t> value = parse_limit_value(text);
    if (!value) {
      std::cerr << "postparse: " << limit->flag << " '" << text
                << "': not a whole decimal number from 1 to " << std::numeric_limits<std::uint64_t>::max()
                << "\n";
      return false;
    }
    settings.limits[limit->which] = *value;
  }
  return true;
}

void add_choices(CLI::App &app, Settings &s) {
  app.add_option("--duplicate-keys", s.duplicate_keys, "On a repeated key: error, first or last")
      ->check(CLI::IsMember({"error", "first", "last"}))
      ->capture_default_str();
  app.add_option("--format", s.format,
                 "jsonl (one JSON object per line), json (one array), text or markdown (content paragraphs)")
      ->check(CLI::IsMember({"jsonl", "json", "text", "markdown"}))
      ->capture_default_str();
  app.add_option("--fail-on", s.fail_on, "Exit 3 when a post has a diagnostic of this severity: error or warning")
      ->check(CLI::IsMember({"error", "warning"}));
  app.add_option("--body-format", s.body_format, "Read the body as html, markdown, or auto (HTML when it starts with '<')")
      ->check(CLI::IsMember({"auto", "html", "markdown"}))
      ->capture_default_str();
  app.add_option("--text-form", s.text_form, "Paragraph text: nfc, nfkc or raw (as written)")
      ->check(CLI::IsMember({"nfc", "nfkc", "raw"}))
      ->capture_default_str();
}

void add_batch_options(CLI::App &app, Settings &s) {
  app.add_option("--from-list", s.from_lists, "Read paths from FILE, one per line ('-': standard input); repeatable")
      ->type_name("FILE")
      ->allow_extra_args(false);
  app.add_option("--include", s.include,
                 "In directories, the file names to read (glob; repeatable; default *.md *.markdown *.html "
                 "*.htm *.txt)")
      ->type_name("GLOB")
      ->allow_extra_args(false);
  app.add_option("--exclude", s.exclude, "In directories, names or relative paths to leave out (glob; repeatable)")
      ->type_name("GLOB")
      ->allow_extra_args(false);
  app.add_option("--threads", s.threads, "Parse on N threads (default: one per core)")
      ->type_name("N")
      ->check(CLI::Range(1u, 1024u));
  app.add_flag("--unordered", s.unordered, "Write each record as soon as it is ready, not in input order");
  app.add_option("-o,--output", s.output_file, "Write the records to FILE instead of standard output")
      ->type_name("FILE");
  app.add_option("--out-dir", s.out_dir, "Write one file per post under DIR, mirroring the input tree")
      ->type_name("DIR");
  app.add_option("--fields", s.fields,
                 "JSON: keep only these dotted fields, e.g. source,front_matter.data,paragraphs.text")
      ->type_name("LIST");
  app.add_flag("--content-only", s.content_only, "Leave boilerplate paragraphs out of JSON records");
  app.add_flag("-q,--quiet", s.quiet, "No progress bar and no summary on standard error");
  app.add_option("--stats", s.stats_file, "Write the summary as JSON to FILE")->type_name("FILE");
  app.add_option("--encoding", s.encoding,
                 "Decode posts from this encoding (GBK, Big5, Shift_JIS, Latin-1... through iconv) first")
      ->type_name("NAME");
}

// --help and --version go through stdio: their write errors show at the
// flush.
bool help_written() {
  std::cout.flush();
  if (std::fflush(stdout) == 0 && !std::ferror(stdout)) return true;
  std::cerr << "postparse: cannot write to standard output: " << std::strerror(errno) << "\n";
  return false;
}

}  // namespace

std::optional<int> parse_command_line(int argc, char **argv, Settings &s) {
  CLI::App app{kDescription};
  app.footer(kFooter);
  app.set_version_flag("--version", std::string("postparse ") + POSTPARSE_VERSION_STRING + " (library " +
                                        postparse_version() + ")");
  app.add_option("paths", s.paths, "Posts: files, directories (walked for posts), '-' for standard input");
  add_batch_options(app, s);
  app.add_flag("--yaml-1.1", s.yaml_1_1, "Type YAML with 1.1 rules (yes/no, 0777, << merges)");
  app.add_flag("--hexo-unfenced", s.hexo_unfenced, "Accept Hexo front matter without an opening ---");
  app.add_option("--timezone", s.timezone,
                 "IANA zone for dates written without an offset (the machine's zone is never used)")
      ->capture_default_str();
  bool fail_on_error = false;
  app.add_flag("--fail-on-error", fail_on_error, "The same as --fail-on error");
  app.add_option("--profile", s.profiles, "A profile (YAML rules) to apply after the built-in one; repeatable")
      ->allow_extra_args(false);
  app.add_flag("--no-default-profile", s.no_default_profile, "Do not apply the built-in profile");
  app.add_flag("--boilerplate", s.boilerplate, "text/markdown: print boilerplate paragraphs too");
  app.add_flag("--explain", s.explain,
               "Say which rule or signal classified each paragraph: JSON records get rule and evidence; "
               "text prints every paragraph under a line naming them");
  add_choices(app, s);
  std::map<const LimitFlag *, std::string> written_limits;
  for (const LimitFlag &limit : kLimitFlags)
    app.add_option(limit.flag, written_limits[&limit], std::string(limit.help) + " (decimal, 1 or more)")
        ->type_name("N");
  std::string written_profile_bytes;
  app.add_option("--max-profile-bytes", written_profile_bytes,
                 "Largest --profile file, default 1 MiB; no more is ever read (decimal, 1 or more)")
      ->type_name("N");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError &e) {
    if (app.exit(e) != 0) return kExitUsage;
    return help_written() ? kExitOk : kExitOutputError;  // --help, --version
  }
  for (const LimitFlag &limit : kLimitFlags)
    if (app.count(limit.flag) == 0) written_limits.erase(&limit);
  if (!store_limits(written_limits, s)) return kExitUsage;
  if (fail_on_error && s.fail_on.empty()) s.fail_on = "error";
  if (s.paths.empty() && s.from_lists.empty()) {
    std::cerr << "postparse: no input; give files, directories, '-' or --from-list (see --help)\n";
    return kExitUsage;
  }
  // Standard input can be read once: as a post or as a list, not both.
  std::size_t stdin_uses = static_cast<std::size_t>(std::count(s.paths.begin(), s.paths.end(), "-")) +
                           static_cast<std::size_t>(std::count(s.from_lists.begin(), s.from_lists.end(), "-"));
  if (stdin_uses > 1) {
    std::cerr << "postparse: standard input ('-') can be given only once, as a post or as --from-list\n";
    return kExitUsage;
  }
  if (s.explain && s.format == "markdown") {
    std::cerr << "postparse: --explain works with --format jsonl, json or text, not markdown\n";
    return kExitUsage;
  }
  if (!s.out_dir.empty() && !s.output_file.empty()) {
    std::cerr << "postparse: -o and --out-dir cannot be used together\n";
    return kExitUsage;
  }
  if (app.count("--max-profile-bytes") != 0) {
    std::optional<std::uint64_t> value = parse_limit_value(written_profile_bytes);
    if (!value || *value > SIZE_MAX) {
      std::cerr << "postparse: --max-profile-bytes '" << written_profile_bytes
                << "': not a whole decimal number from 1 to " << SIZE_MAX << "\n";
      return kExitUsage;
    }
    s.max_profile_bytes = *value;
  }
  return std::nullopt;
}

std::optional<postparse::Options> make_options(const Settings &s) {
  postparse::Options options;
  options.yaml_schema(s.yaml_1_1 ? POSTPARSE_YAML_1_1 : POSTPARSE_YAML_1_2);
  options.hexo_unfenced(s.hexo_unfenced);
  try {
    options.timezone(s.timezone);
  } catch (const postparse::Error &e) {
    if (e.status() != POSTPARSE_ERR_UNKNOWN_TIMEZONE) throw;
    std::cerr << "postparse: --timezone '" << s.timezone
              << "': unknown time zone; give an IANA name such as Asia/Shanghai or UTC\n";
    return std::nullopt;
  }
  options.duplicate_keys(s.duplicate_keys == "first"  ? POSTPARSE_DUPLICATE_FIRST_WINS
                         : s.duplicate_keys == "last" ? POSTPARSE_DUPLICATE_LAST_WINS
                                                      : POSTPARSE_DUPLICATE_ERROR);
  for (auto [which, value] : s.limits) options.limit(which, value);
  options.default_profile(!s.no_default_profile);
  options.body_format(s.body_format == "html"       ? POSTPARSE_BODY_HTML
                      : s.body_format == "markdown" ? POSTPARSE_BODY_MARKDOWN
                                                    : POSTPARSE_BODY_AUTO);
  options.text_form(s.text_form == "nfkc"  ? POSTPARSE_TEXT_NFKC
                    : s.text_form == "raw" ? POSTPARSE_TEXT_RAW
                                           : POSTPARSE_TEXT_NFC);
  return options;
}

}  // namespace postparse_cli
