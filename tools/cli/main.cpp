// postparse — print each post's front matter, paragraphs, metadata and
// diagnostics as one JSON object per line (JSON Lines), in argument order,
// or (--format text / markdown) the content paragraphs.
//
// Exit status: 0 when every file was read and parsed (problems inside a
// post are diagnostics in its JSON, not failures), 1 when a file could not
// be read or parsed, 2 on a usage error (including a profile with errors),
// 3 with --fail-on-error when some post has an error diagnostic.
#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "postparse/postparse.hpp"

namespace {

struct Settings {
  std::vector<std::string> files;
  bool yaml_1_1 = false;
  bool hexo_unfenced = false;
  bool fail_on_error = false;
  std::string timezone = "UTC";
  std::string duplicate_keys = "error";
  std::string format = "json";
  std::vector<std::string> profiles;
  std::uint64_t max_profile_bytes = POSTPARSE_PROFILE_MAX_BYTES_DEFAULT;
  bool no_default_profile = false;
  bool boilerplate = false;
  std::string text_form = "nfc";
  std::string body_format = "auto";
  std::map<postparse_limit, std::uint64_t> limits;
};

// Reads a file (or standard input for "-"); returns why it failed, or "".
std::string read_input(const std::string &path, std::string &out) {
  if (path == "-") {
    out.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return std::cin.bad() ? "cannot read standard input" : "";
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return "is a directory";
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::string("cannot open: ") + std::strerror(errno);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  out = std::move(buffer).str();
  return in.bad() ? "read error" : "";
}

postparse::Options make_options(const Settings &s) {
  postparse::Options options;
  options.yaml_schema(s.yaml_1_1 ? POSTPARSE_YAML_1_1 : POSTPARSE_YAML_1_2);
  options.hexo_unfenced(s.hexo_unfenced);
  options.timezone(s.timezone);
  options.duplicate_keys(s.duplicate_keys == "first"  ? POSTPARSE_DUPLICATE_FIRST_WINS
                         : s.duplicate_keys == "last" ? POSTPARSE_DUPLICATE_LAST_WINS
                                                      : POSTPARSE_DUPLICATE_ERROR);
  for (auto [which, value] : s.limits) options.limit(which, value);
  options.default_profile(!s.no_default_profile);
  options.body_format(s.body_format == "html" ? POSTPARSE_BODY_HTML : s.body_format == "markdown" ? POSTPARSE_BODY_MARKDOWN : POSTPARSE_BODY_AUTO);
  options.text_form(s.text_form == "nfkc" ? POSTPARSE_TEXT_NFKC : s.text_form == "raw" ? POSTPARSE_TEXT_RAW : POSTPARSE_TEXT_NFC);
  return options;
}

// Reads at most max_bytes + 1 bytes of a profile: enough to know it is too
// large without reading (or holding) a huge file.
std::string read_profile(const std::string &path, std::uint64_t max_bytes, std::string &out) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return "is a directory";
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::string("cannot open: ") + std::strerror(errno);
  std::uint64_t cap = std::min<std::uint64_t>(max_bytes, SIZE_MAX - 1) + 1;
  out.clear();
  char chunk[65536];
  while (out.size() < cap && in) {
    in.read(chunk, static_cast<std::streamsize>(std::min<std::uint64_t>(sizeof chunk, cap - out.size())));
    out.append(chunk, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) return "read error";
  if (out.size() > max_bytes)
    return "larger than " + std::to_string(max_bytes) + " bytes (the limit; see --max-profile-bytes)";
  return "";
}

// Loads each --profile file; prints its diagnostics as FILE:LINE:COLUMN and
// returns false when one has errors (a half-working profile is a usage
// error on the command line, where the user can fix it at once).
bool add_profiles(const Settings &s, postparse::Options &options) {
  bool ok = true;
  for (const std::string &path : s.profiles) {
    std::string text;
    std::string problem = read_profile(path, s.max_profile_bytes, text);
    if (!problem.empty()) {
      std::cerr << "postparse: profile " << path << ": " << problem << "\n";
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

// Parses one file and prints it; returns the file's exit status.
int process(const std::string &path, postparse::Options &options, const Settings &s) {
  std::string bytes;
  try {
    std::string problem = read_input(path, bytes);
    if (!problem.empty()) {
      std::cerr << "postparse: " << path << ": " << problem << "\n";
      return 1;
    }
    options.source_name(path);
    postparse::Document doc = postparse::Document::parse(bytes, &options);
    unsigned flags = s.boilerplate ? POSTPARSE_OUTPUT_BOILERPLATE : 0;
    // Text and Markdown: one blank line between posts.
    std::string out = s.format == "text"       ? doc.to_text(flags) + "\n"
                      : s.format == "markdown" ? doc.to_markdown(flags) + "\n"
                                               : doc.to_json() + "\n";
    std::fwrite(out.data(), 1, out.size(), stdout);
    return s.fail_on_error && has_error(doc) ? 3 : 0;
  } catch (const postparse::Error &e) {
    std::cerr << "postparse: " << path << ": " << e.what() << "\n";
    return 1;
  } catch (const std::bad_alloc &) {
    std::cerr << "postparse: " << path << ": out of memory\n";
    return 1;
  }
}

void add_limit(CLI::App &app, Settings &s, const std::string &flag, postparse_limit which,
               const std::string &help) {
  app.add_option_function<std::uint64_t>(
         flag, [&s, which](std::uint64_t v) { s.limits[which] = v; }, help)
      ->check(CLI::PositiveNumber);
}

}  // namespace

int main(int argc, char **argv) {
  CLI::App app{"Parse posts (front matter + body) and print one JSON object per file."};
  Settings s;
  app.set_version_flag("--version", std::string("postparse ") + postparse_version());
  app.add_option("files", s.files, "Post files to parse ('-' reads standard input)")->required();
  app.add_flag("--yaml-1.1", s.yaml_1_1, "Type YAML with 1.1 rules (yes/no, 0777, << merges)");
  app.add_flag("--hexo-unfenced", s.hexo_unfenced, "Accept Hexo front matter without an opening ---");
  app.add_option("--timezone", s.timezone, "IANA zone for dates written without an offset")
      ->capture_default_str();
  app.add_option("--duplicate-keys", s.duplicate_keys, "On a repeated key: error, first or last")
      ->check(CLI::IsMember({"error", "first", "last"}))
      ->capture_default_str();
  app.add_flag("--fail-on-error", s.fail_on_error, "Exit 3 when a post has an error diagnostic");
  app.add_option("--format", s.format, "json (one object per post), text or markdown (content paragraphs)")
      ->check(CLI::IsMember({"json", "text", "markdown"}))
      ->capture_default_str();
  app.add_option("--profile", s.profiles, "A profile (YAML rules) to apply after the built-in one; repeatable")
      ->allow_extra_args(false);
  app.add_flag("--no-default-profile", s.no_default_profile, "Do not apply the built-in profile");
  app.add_option("--max-profile-bytes", s.max_profile_bytes, "Largest --profile file (default 1 MiB)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{SIZE_MAX}));
  app.add_flag("--boilerplate", s.boilerplate, "text/markdown: print boilerplate paragraphs too");
  app.add_option("--body-format", s.body_format, "Read the body as html, markdown, or auto (HTML when it starts with '<')")
      ->check(CLI::IsMember({"auto", "html", "markdown"}))
      ->capture_default_str();
  app.add_option("--text-form", s.text_form, "Paragraph text: nfc, nfkc or raw (as written)")
      ->check(CLI::IsMember({"nfc", "nfkc", "raw"}))
      ->capture_default_str();
  add_limit(app, s, "--max-input-bytes", POSTPARSE_LIMIT_INPUT_BYTES, "Largest input file");
  add_limit(app, s, "--max-front-matter-bytes", POSTPARSE_LIMIT_FRONT_MATTER_BYTES, "Largest front matter block");
  add_limit(app, s, "--max-depth", POSTPARSE_LIMIT_DEPTH, "Deepest nesting in front matter");
  add_limit(app, s, "--max-alias-nodes", POSTPARSE_LIMIT_ALIAS_NODES, "Most nodes YAML aliases may expand to");
  add_limit(app, s, "--max-keys", POSTPARSE_LIMIT_KEYS, "Most keys in one front matter block");
  add_limit(app, s, "--max-alias-bytes", POSTPARSE_LIMIT_ALIAS_BYTES, "Most bytes of text YAML aliases may expand to");
  add_limit(app, s, "--max-diagnostics", POSTPARSE_LIMIT_DIAGNOSTICS, "Most diagnostics kept per post");
  add_limit(app, s, "--max-html-nodes", POSTPARSE_LIMIT_HTML_NODES, "Most nodes in a body's DOM");
  add_limit(app, s, "--max-html-depth", POSTPARSE_LIMIT_HTML_DEPTH, "Deepest element nesting in a body");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError &e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  try {
    postparse::Options options = make_options(s);
    if (!add_profiles(s, options)) return 2;
    int status = 0;
    for (const std::string &path : s.files) {
      int file_status = process(path, options, s);
      if (file_status == 1 || (file_status == 3 && status == 0)) status = file_status;
    }
    std::fflush(stdout);
    return status;
  } catch (const postparse::Error &e) {
    std::cerr << "postparse: " << e.what() << "\n";
    return 2;
  }
}
