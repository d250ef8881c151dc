// The adversarial-input runner: parses ONE input file per process (so that
// the peak RSS it reports is that input's own) through the public C ABI,
// reads every accessor and output of the result, checks the case's
// expectations and the memory bound, and prints what it measured.
//
//   adversarial_runner --input FILE [options] [expectations]
//   adversarial_runner --size-claims
//
// Options of the parse:
//   --limit NAME=VALUE      NAME: input_bytes front_matter_bytes depth alias_nodes
//                           keys diagnostics html_nodes html_depth html_attributes
//                           alias_bytes; VALUE: a number or "max" (UINT64_MAX)
//   --body-format auto|html|markdown
//   --html-errors           record HTML parse errors as diagnostics
//   --html-mode auto|fragment|document   --text-form nfc|nfkc|raw
//   --scripting  --hexo-unfenced
//   --hostile-source-name   a source name with quotes, NUL, invalid UTF-8
//   --no-default-profile    without the built-in profile
//   --profile FILE          load FILE as a profile and apply it (also when it
//                           has errors: its usable rules apply)
// Expectations (each failing one makes the exit status non-zero):
//   --expect-status NAME    the parse's status (default ok; otherwise no document)
//   --expect-profile-status NAME  what loading --profile returned (default ok)
//   --expect-diag NAME[|NAME...]  a diagnostic with (one of) these codes
//                           (postparse_status_str names, e.g. depth_limit)
//   --expect-diag-part PART a diagnostic (any code) about split|front_matter|body
//   --expect-no-diag NAME   no diagnostic with this code
//   --expect-clean          no diagnostic at all
//   --expect-format yaml|json|toml|none
//   --expect-title TEXT     the front matter's title is TEXT (front matter intact)
//   --expect-no-front-matter  the front matter was refused (root is NULL)
//   --expect-value KEY=TEXT when the front matter is returned, its KEY is a
//                           scalar whose text is exactly TEXT (\xNN escapes):
//                           refusing bad front matter is fine, changing it is not
//   --expect-paragraph TEXT a paragraph contains TEXT, and so does the text output
//   --expect-run C:N        a paragraph is exactly N copies of the byte C
//   --expect-min-paragraphs N
//   --expect-body-format html|markdown
// Memory:
//   --rss-factor F --rss-constant-mib C   fail when peak RSS > F x input + P x DOM nodes + C MiB
//   --rss-per-node P                       (default 512 bytes)
//   (the check is skipped, and says so, in AddressSanitizer builds)
//
// Time is not asserted here: ctest's TIMEOUT bounds every case.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cinttypes>
#include <cstdint>
#include <string_view>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "postparse/postparse.h"

#if defined(__SANITIZE_ADDRESS__)
#define ADVERSARIAL_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ADVERSARIAL_ASAN 1
#endif
#endif

namespace {

int g_failures = 0;

#define CHECK(cond, ...)                                                   \
  do {                                                                     \
    if (!(cond)) {                                                         \
      std::fprintf(stderr, "FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond); \
      std::fprintf(stderr, __VA_ARGS__);                                   \
      std::fputc('\n', stderr);                                            \
      ++g_failures;                                                        \
    }                                                                      \
  } while (0)

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string sv(postparse_str s) { return std::string(s.data, s.len); }

// A printable excerpt of a possibly huge, possibly binary string.
std::string excerpt(const char *data, size_t len, size_t max = 60) {
  std::string out;
  for (size_t i = 0; i < len && i < max; ++i) {
    unsigned char c = static_cast<unsigned char>(data[i]);
    if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  }
  if (len > max) out += "...(" + std::to_string(len) + " bytes)";
  return out;
}

// ---------------------------------------------------------------------------
// Validators
// ---------------------------------------------------------------------------

// Well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
// Returns the offset of the first bad byte, or len.
size_t utf8_error_at(const char *data, size_t len) {
  const unsigned char *s = reinterpret_cast<const unsigned char *>(data);
  size_t i = 0;
  while (i < len) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t n;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) n = 1;
    else if (c == 0xE0) n = 2, lo = 0xA0;
    else if (c >= 0xE1 && c <= 0xEC) n = 2;
    else if (c == 0xED) n = 2, hi = 0x9F;
    else if (c >= 0xEE && c <= 0xEF) n = 2;
    else if (c == 0xF0) n = 3, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) n = 3;
    else if (c == 0xF4) n = 3, hi = 0x8F;
    else return i;
    if (i + n >= len) return i;  // truncated
    if (s[i + 1] < lo || s[i + 1] > hi) return i;
    for (size_t k = 2; k <= n; ++k)
      if (s[i + k] < 0x80 || s[i + k] > 0xBF) return i;
    i += n + 1;
  }
  return len;
}

bool valid_utf8(const char *data, size_t len) { return utf8_error_at(data, len) == len; }

// An iterative (no recursion, so any depth) RFC 8259 JSON validator.
// Returns an empty string when `s` is one well-formed JSON value.
std::string json_error(const char *s, size_t n) {
  size_t i = 0;
  std::vector<char> stack;
  auto ws = [&] {
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  };
  auto at = [&](const char *what) { return std::string(what) + " at byte " + std::to_string(i); };
  auto string = [&]() -> bool {
    if (i >= n || s[i] != '"') return false;
    for (++i; i < n; ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c == '"') {
        ++i;
        return true;
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        if (++i >= n) return false;
        char e = s[i];
        if (e == 'u') {
          for (int k = 0; k < 4; ++k)
            if (++i >= n || !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
        } else if (!std::strchr("\"\\/bfnrt", e) || e == 0) {
          return false;
        }
      }
    }
    return false;
  };
  auto literal = [&](const char *word) {
    size_t l = std::strlen(word);
    if (n - i >= l && std::memcmp(s + i, word, l) == 0) {
      i += l;
      return true;
    }
    return false;
  };
  auto number = [&]() -> bool {
    size_t start = i;
    if (i < n && s[i] == '-') ++i;
    if (i < n && s[i] == '0') ++i;
    else if (i < n && s[i] >= '1' && s[i] <= '9')
      while (i < n && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    else return false;
    if (i < n && s[i] == '.') {
      ++i;
      if (i >= n || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
      while (i < n && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
      ++i;
      if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
      if (i >= n || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
      while (i < n && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    }
    return i > start;
  };
  // value: parse one value; then close containers / take the next member.
  for (;;) {
    ws();
    if (i >= n) return at("unexpected end");
    char c = s[i];
    if (c == '{' || c == '[') {
      stack.push_back(c);
      ++i;
      ws();
      if (i < n && s[i] == (c == '{' ? '}' : ']')) {
        ++i;
        stack.pop_back();
      } else if (c == '{') {
        if (!string()) return at("bad key");
        ws();
        if (i >= n || s[i] != ':') return at("missing ':'");
        ++i;
        continue;
      } else {
        continue;
      }
    } else if (c == '"') {
      if (!string()) return at("bad string");
    } else if (!literal("true") && !literal("false") && !literal("null") && !number()) {
      return at("bad value");
    }
    // After a value: close containers or move to the next element.
    for (;;) {
      ws();
      if (stack.empty()) {
        if (i != n) return at("trailing bytes");
        return "";
      }
      if (i >= n) return at("unexpected end");
      char top = stack.back();
      if (s[i] == ',') {
        ++i;
        if (top == '{') {
          ws();
          if (!string()) return at("bad key");
          ws();
          if (i >= n || s[i] != ':') return at("missing ':'");
          ++i;
        }
        break;  // parse the next value
      }
      if (s[i] == (top == '{' ? '}' : ']')) {
        ++i;
        stack.pop_back();
        continue;
      }
      return at("expected ',' or close");
    }
  }
}

// ---------------------------------------------------------------------------
// Memory
// ---------------------------------------------------------------------------

// Peak resident set size in bytes: the larger of getrusage's ru_maxrss and
// /proc/self/status VmHWM (both in KiB on Linux).
uint64_t peak_rss_bytes() {
  uint64_t kib = 0;
  rusage usage{};
  if (getrusage(RUSAGE_SELF, &usage) == 0) kib = static_cast<uint64_t>(usage.ru_maxrss);
  if (FILE *f = std::fopen("/proc/self/status", "r")) {
    char line[256];
    while (std::fgets(line, sizeof line, f)) {
      unsigned long long v = 0;
      if (std::sscanf(line, "VmHWM: %llu kB", &v) == 1) kib = std::max<uint64_t>(kib, v);
    }
    std::fclose(f);
  }
  return kib * 1024;
}

// ---------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------

struct Args {
  std::string input;
  bool size_claims = false;
  std::vector<std::pair<postparse_limit, uint64_t>> limits;
  int body_format = -1;
  bool html_errors = false;
  int html_mode = -1;
  int text_form = -1;
  bool scripting = false;
  bool hexo_unfenced = false;
  bool hostile_source_name = false;
  bool no_default_profile = false;
  std::string profile;
  int expect_profile_status = POSTPARSE_OK;
  int expect_status = POSTPARSE_OK;
  std::vector<std::vector<int>> expect_diags;  // each: one of these codes
  std::vector<int> expect_no_diags;
  std::vector<int> expect_diag_parts;
  bool expect_clean = false;
  int expect_format = -1;
  bool has_title = false;
  std::string expect_title;
  bool expect_no_front_matter = false;
  std::vector<std::pair<std::string, std::string>> expect_values;
  std::vector<std::string> expect_paragraphs;
  std::vector<std::pair<char, size_t>> expect_runs;
  size_t expect_min_paragraphs = 0;
  int expect_body_format = -1;
  double rss_factor = 0;
  double rss_per_node = 512;  // bytes per DOM node
  double rss_constant_mib = 0;
  bool rss_check = false;
};

const std::map<std::string, postparse_limit> kLimitNames = {
    {"input_bytes", POSTPARSE_LIMIT_INPUT_BYTES},
    {"front_matter_bytes", POSTPARSE_LIMIT_FRONT_MATTER_BYTES},
    {"depth", POSTPARSE_LIMIT_DEPTH},
    {"alias_nodes", POSTPARSE_LIMIT_ALIAS_NODES},
    {"keys", POSTPARSE_LIMIT_KEYS},
    {"diagnostics", POSTPARSE_LIMIT_DIAGNOSTICS},
    {"html_nodes", POSTPARSE_LIMIT_HTML_NODES},
    {"html_depth", POSTPARSE_LIMIT_HTML_DEPTH},
    {"html_attributes", POSTPARSE_LIMIT_HTML_ATTRIBUTES},
    {"alias_bytes", POSTPARSE_LIMIT_ALIAS_BYTES},
};

[[noreturn]] void usage(const std::string &why) {
  std::fprintf(stderr, "adversarial_runner: %s (see the comment at the top of runner.cpp)\n", why.c_str());
  std::exit(2);
}

int status_code(const std::string &name) {
  for (int code = 0; code < 64; ++code)
    if (name == postparse_status_str(code)) return code;
  usage("unknown status name " + name);
}

Args parse_args(int argc, char **argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    std::string k = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) usage(k + " needs a value");
      return argv[++i];
    };
    if (k == "--input") a.input = next();
    else if (k == "--size-claims") a.size_claims = true;
    else if (k == "--limit") {
      std::string v = next();
      size_t eq = v.find('=');
      if (eq == std::string::npos || !kLimitNames.count(v.substr(0, eq))) usage("bad --limit " + v);
      std::string num = v.substr(eq + 1);
      uint64_t value = num == "max" ? UINT64_MAX : std::strtoull(num.c_str(), nullptr, 10);
      a.limits.emplace_back(kLimitNames.at(v.substr(0, eq)), value);
    } else if (k == "--body-format") {
      std::string v = next();
      a.body_format = v == "auto" ? POSTPARSE_BODY_AUTO : v == "html" ? POSTPARSE_BODY_HTML
                    : v == "markdown" ? POSTPARSE_BODY_MARKDOWN : (usage("bad --body-format"), 0);
    } else if (k == "--html-errors") a.html_errors = true;
    else if (k == "--html-mode") {
      std::string v = next();
      a.html_mode = v == "auto" ? POSTPARSE_HTML_AUTO : v == "fragment" ? POSTPARSE_HTML_FRAGMENT
                  : v == "document" ? POSTPARSE_HTML_DOCUMENT : (usage("bad --html-mode"), 0);
    } else if (k == "--text-form") {
      std::string v = next();
      a.text_form = v == "nfc" ? POSTPARSE_TEXT_NFC : v == "nfkc" ? POSTPARSE_TEXT_NFKC
                  : v == "raw" ? POSTPARSE_TEXT_RAW : (usage("bad --text-form"), 0);
    } else if (k == "--scripting") a.scripting = true;
    else if (k == "--hexo-unfenced") a.hexo_unfenced = true;
    else if (k == "--hostile-source-name") a.hostile_source_name = true;
    else if (k == "--no-default-profile") a.no_default_profile = true;
    else if (k == "--profile") a.profile = next();
    else if (k == "--expect-profile-status") a.expect_profile_status = status_code(next());
    else if (k == "--expect-status") a.expect_status = status_code(next());
    else if (k == "--expect-diag") {
      std::string v = next();
      std::vector<int> any;
      for (size_t from = 0;;) {
        size_t bar = v.find('|', from);
        any.push_back(status_code(v.substr(from, bar == std::string::npos ? std::string::npos : bar - from)));
        if (bar == std::string::npos) break;
        from = bar + 1;
      }
      a.expect_diags.push_back(any);
    } else if (k == "--expect-diag-part") {
      std::string v = next();
      a.expect_diag_parts.push_back(v == "split" ? POSTPARSE_PART_SPLIT : v == "front_matter" ? POSTPARSE_PART_FRONT_MATTER
                                    : v == "body" ? POSTPARSE_PART_BODY : (usage("bad --expect-diag-part"), 0));
    }
    else if (k == "--expect-no-diag") a.expect_no_diags.push_back(status_code(next()));
    else if (k == "--expect-clean") a.expect_clean = true;
    else if (k == "--expect-format") {
      std::string v = next();
      a.expect_format = v == "none" ? POSTPARSE_FORMAT_NONE : v == "yaml" ? POSTPARSE_FORMAT_YAML
                      : v == "json" ? POSTPARSE_FORMAT_JSON : v == "toml" ? POSTPARSE_FORMAT_TOML
                      : (usage("bad --expect-format"), 0);
    } else if (k == "--expect-title") {
      a.has_title = true;
      a.expect_title = next();
    } else if (k == "--expect-no-front-matter") a.expect_no_front_matter = true;
    else if (k == "--expect-value") {
      std::string v = next();
      size_t eq = v.find('=');
      if (eq == std::string::npos) usage("bad --expect-value " + v);
      std::string text;
      for (size_t i = eq + 1; i < v.size(); ++i) {
        if (v[i] == '\\' && i + 3 < v.size() && v[i + 1] == 'x') {
          text += static_cast<char>(std::strtol(v.substr(i + 2, 2).c_str(), nullptr, 16));
          i += 3;
        } else {
          text += v[i];
        }
      }
      a.expect_values.emplace_back(v.substr(0, eq), text);
    }
    else if (k == "--expect-paragraph") a.expect_paragraphs.push_back(next());
    else if (k == "--expect-run") {
      std::string v = next();
      if (v.size() < 3 || v[1] != ':') usage("bad --expect-run " + v);
      a.expect_runs.emplace_back(v[0], std::strtoull(v.c_str() + 2, nullptr, 10));
    } else if (k == "--expect-min-paragraphs") a.expect_min_paragraphs = std::strtoull(next().c_str(), nullptr, 10);
    else if (k == "--expect-body-format") {
      std::string v = next();
      a.expect_body_format = v == "html" ? POSTPARSE_BODY_HTML : v == "markdown" ? POSTPARSE_BODY_MARKDOWN
                           : (usage("bad --expect-body-format"), 0);
    } else if (k == "--rss-per-node") {
      a.rss_per_node = std::atof(next().c_str());
    } else if (k == "--rss-factor") {
      a.rss_factor = std::atof(next().c_str());
      a.rss_check = true;
    } else if (k == "--rss-constant-mib") {
      a.rss_constant_mib = std::atof(next().c_str());
      a.rss_check = true;
    } else usage("unknown argument " + k);
  }
  if (a.input.empty() && !a.size_claims) usage("--input or --size-claims is required");
  return a;
}

// Reads the whole file into a buffer of exactly its size (so that a
// sanitizer sees any read past the end).
char *read_file(const std::string &path, size_t *len) {
  int fd = open(path.c_str(), O_RDONLY);
  if (fd < 0) return nullptr;
  struct stat st{};
  if (fstat(fd, &st) != 0) {
    close(fd);
    return nullptr;
  }
  size_t size = static_cast<size_t>(st.st_size);
  char *buf = static_cast<char *>(std::malloc(size ? size : 1));
  size_t got = 0;
  while (buf && got < size) {
    ssize_t r = read(fd, buf + got, size - got);
    if (r <= 0) break;
    got += static_cast<size_t>(r);
  }
  close(fd);
  if (!buf || got != size) {
    std::free(buf);
    return nullptr;
  }
  *len = size;
  return buf;
}

// ---------------------------------------------------------------------------
// Reading everything out of a document
// ---------------------------------------------------------------------------

struct Stats {
  size_t values = 0, value_depth = 0, nodes = 0, node_depth = 0, paragraphs = 0, inlines = 0;
  size_t json_bytes = 0, text_bytes = 0, markdown_bytes = 0;
  std::map<int, size_t> diag_counts;
  std::map<int, size_t> part_counts;
  std::string text_output;  // to_text with boilerplate, for --expect-paragraph
};

// The per-item accessors that cost more than a lookup (spans are located
// by line and column, attribute lookups by name) are called on the first
// 100,000 items and on every 64th after that: every accessor is exercised on
// every input, without letting the runner dominate the time of huge ones.
bool sampled(size_t index) { return index < 100000 || index % 64 == 0; }

bool span_inside(const postparse_span &s, size_t len) {
  return s.offset <= len && s.length <= len - s.offset && (s.length == 0 || s.line >= 1);
}

void check_str(postparse_str s, const char *what) {
  CHECK(s.data != nullptr, "%s: data is NULL", what);
}

void read_diagnostics(const postparse_doc *doc, size_t len, uint64_t diag_limit, Stats &st) {
  size_t n = postparse_doc_diagnostic_count(doc);
  CHECK(n <= diag_limit, "%zu diagnostics, over the limit %" PRIu64, n, diag_limit);
  for (size_t i = 0; i < n; ++i) {
    postparse_diagnostic d = POSTPARSE_INIT(postparse_diagnostic);
    int rc = postparse_doc_diagnostic_at(doc, i, &d);
    CHECK(rc == POSTPARSE_OK, "diagnostic %zu: %s", i, postparse_status_str(rc));
    if (rc != POSTPARSE_OK) continue;
    ++st.diag_counts[d.code];
    ++st.part_counts[d.part];
    CHECK(std::strcmp(postparse_status_str(d.code), "unknown") != 0, "diagnostic %zu has code %d", i, d.code);
    CHECK(d.severity >= POSTPARSE_SEVERITY_NOTE && d.severity <= POSTPARSE_SEVERITY_ERROR, "severity %d",
          static_cast<int>(d.severity));
    CHECK(d.part >= POSTPARSE_PART_SPLIT && d.part <= POSTPARSE_PART_BODY, "part %d", static_cast<int>(d.part));
    check_str(d.message, "diagnostic message");
    CHECK(d.message.len > 0, "diagnostic %zu (%s) has no message", i, postparse_status_str(d.code));
    CHECK(d.message.len < 4096, "diagnostic %zu message is %zu bytes", i, d.message.len);
    CHECK(std::memchr(d.message.data, '\n', d.message.len) == nullptr, "diagnostic %zu message spans lines", i);
    CHECK(valid_utf8(d.message.data, d.message.len), "diagnostic %zu message is not UTF-8: %s", i,
          excerpt(d.message.data, d.message.len, 200).c_str());
    CHECK(d.offset <= len, "diagnostic %zu offset %zu past the input (%zu)", i, d.offset, len);
    CHECK(d.line >= 1 && d.column >= 1, "diagnostic %zu at %zu:%zu", i, d.line, d.column);
    if (d.code == POSTPARSE_ERR_DIAGNOSTIC_LIMIT) CHECK(i + 1 == n, "diagnostic_limit is not last (%zu of %zu)", i, n);
  }
  postparse_diagnostic d = POSTPARSE_INIT(postparse_diagnostic);
  CHECK(postparse_doc_diagnostic_at(doc, n, &d) == POSTPARSE_ERR_NOT_FOUND, "diagnostic past the end");
}

void read_value(const postparse_value *v, size_t len) {
  postparse_kind kind = postparse_value_kind(v);
  CHECK(kind >= POSTPARSE_KIND_NULL && kind <= POSTPARSE_KIND_MAPPING, "value kind %d", static_cast<int>(kind));
  postparse_style style = postparse_value_style(v);
  CHECK(style >= POSTPARSE_STYLE_PLAIN && style <= POSTPARSE_STYLE_FLOW, "value style %d", static_cast<int>(style));
  check_str(postparse_value_raw(v), "raw");
  check_str(postparse_value_tag(v), "tag");
  postparse_str text = postparse_value_text(v);
  check_str(text, "text");
  postparse_span span = postparse_value_span(v);
  CHECK(span.offset <= len, "value span offset %zu past the input", span.offset);
  bool b = false;
  int64_t i = 0;
  double f = 0;
  postparse_time t = POSTPARSE_INIT(postparse_time);
  int rc = postparse_value_bool(v, &b);
  CHECK(rc == (kind == POSTPARSE_KIND_BOOL ? POSTPARSE_OK : POSTPARSE_ERR_WRONG_KIND), "bool: %s",
        postparse_status_str(rc));
  rc = postparse_value_int(v, &i);
  if (kind == POSTPARSE_KIND_INT)
    CHECK(rc == (postparse_value_is_big(v) ? POSTPARSE_ERR_OUT_OF_RANGE : POSTPARSE_OK), "int: %s",
          postparse_status_str(rc));
  else CHECK(rc == POSTPARSE_ERR_WRONG_KIND, "int of a non-int: %s", postparse_status_str(rc));
  rc = postparse_value_float(v, &f);
  (void)rc;
  rc = postparse_value_time(v, &t);
  if (rc == POSTPARSE_OK) {
    char iso[40];
    size_t n = postparse_time_format(&t, iso, sizeof iso);
    CHECK(n < sizeof iso, "time_format length %zu", n);
  }
  if (kind == POSTPARSE_KIND_SEQUENCE || kind == POSTPARSE_KIND_MAPPING)
    CHECK(rc == POSTPARSE_ERR_WRONG_KIND, "time of a collection: %s", postparse_status_str(rc));
}

void read_front_matter(const postparse_doc *doc, size_t len, Stats &st) {
  const postparse_value *root = postparse_doc_front_matter(doc);
  if (!root) return;
  // Iterative walk; aliases share subtrees, so visits are capped.
  const size_t kMaxVisits = 2'000'000;
  std::vector<std::pair<const postparse_value *, size_t>> stack{{root, 1}};
  while (!stack.empty() && st.values < kMaxVisits) {
    auto [v, depth] = stack.back();
    stack.pop_back();
    ++st.values;
    st.value_depth = std::max(st.value_depth, depth);
    read_value(v, len);
    postparse_kind kind = postparse_value_kind(v);
    size_t n = postparse_value_count(v);
    CHECK(postparse_value_at(v, n) == nullptr, "value_at past the end");
    for (size_t i = 0; i < n; ++i) {
      const postparse_value *item = postparse_value_at(v, i);
      CHECK(item != nullptr, "item %zu of %zu is NULL", i, n);
      if (item) stack.emplace_back(item, depth + 1);
      if (kind == POSTPARSE_KIND_MAPPING) {
        const postparse_value *key = postparse_value_key_at(v, i);
        CHECK(key != nullptr, "key %zu of %zu is NULL", i, n);
        if (key) {
          read_value(key, len);
          postparse_str kt = postparse_value_text(key);
          if (i < 100 && postparse_value_kind(key) != POSTPARSE_KIND_MAPPING &&
              postparse_value_kind(key) != POSTPARSE_KIND_SEQUENCE)
            CHECK(postparse_value_get(v, kt.data, kt.len) != nullptr, "get(key %zu) is NULL", i);
        }
      } else {
        CHECK(postparse_value_key_at(v, i) == nullptr, "key_at of a non-mapping");
      }
    }
  }
}

void read_paragraphs(const postparse_doc *doc, size_t len, Stats &st) {
  size_t n = postparse_doc_paragraph_count(doc);
  st.paragraphs = n;
  for (size_t p = 0; p < n; ++p) {
    postparse_str text = postparse_doc_paragraph_text(doc, p);
    check_str(text, "paragraph text");
    if (!valid_utf8(text.data, text.len)) {
      size_t at = utf8_error_at(text.data, text.len);
      CHECK(false, "paragraph %zu is not UTF-8 at byte %zu: %s", p, at,
            excerpt(text.data + at, text.len - at).c_str());
    }
    postparse_paragraph para = POSTPARSE_INIT(postparse_paragraph);
    CHECK(postparse_doc_paragraph_at(doc, p, &para) == POSTPARSE_OK, "paragraph");
    CHECK(para.text.data == text.data && para.text.len == text.len, "paragraph %zu: two texts", p);
    CHECK(para.kind >= POSTPARSE_PARAGRAPH && para.kind <= POSTPARSE_PARAGRAPH_CAPTION, "paragraph kind %d",
          static_cast<int>(para.kind));
    CHECK(para.level >= 0 && para.level <= 6, "heading level %d", para.level);
    check_str(para.reason, "boilerplate reason");
    CHECK(para.boilerplate || para.reason.len == 0, "content paragraph %zu with a reason", p);
    if (!sampled(p)) continue;
    CHECK(span_inside(para.span, len), "paragraph %zu span %zu+%zu outside the input", p, para.span.offset,
          para.span.length);
    size_t k = postparse_doc_inline_count(doc, p);
    CHECK(k == para.inline_count, "paragraph %zu: inline count %zu, %zu", p, k, para.inline_count);
    st.inlines += k;
    for (size_t i = 0; i < k; i += sampled(i) ? 1 : 64) {
      postparse_inline in = POSTPARSE_INIT(postparse_inline);
      CHECK(postparse_doc_inline_at(doc, p, i, &in) == POSTPARSE_OK, "inline");
      CHECK(in.text_offset <= text.len && in.text_length <= text.len - in.text_offset,
            "inline %zu of paragraph %zu outside its text", i, p);
      // The inline's text is that part of the paragraph's, not a copy.
      CHECK(in.text.len == in.text_length && (in.text_length == 0 || in.text.data == text.data + in.text_offset),
            "inline %zu of paragraph %zu: its text is not the paragraph's at its offset", i, p);
      CHECK(span_inside(in.span, len), "inline span outside the input");
    }
    postparse_inline in = POSTPARSE_INIT(postparse_inline);
    CHECK(postparse_doc_inline_at(doc, p, k, &in) == POSTPARSE_ERR_NOT_FOUND, "inline past the end");
  }
  postparse_paragraph past = POSTPARSE_INIT(postparse_paragraph);
  CHECK(postparse_doc_paragraph_at(doc, n, &past) == POSTPARSE_ERR_NOT_FOUND, "paragraph past the end");
  CHECK(postparse_doc_paragraph_text(doc, n).len == 0, "text of a paragraph past the end");
}

void read_extraction(const postparse_doc *doc, size_t len) {
  for (size_t i = 0, n = postparse_doc_image_count(doc); i <= n; i += (sampled(i) || i + 64 > n) ? 1 : 64) {
    postparse_image img = POSTPARSE_INIT(postparse_image);
    int rc = postparse_doc_image_at(doc, i, &img);
    CHECK(rc == (i < n ? POSTPARSE_OK : POSTPARSE_ERR_NOT_FOUND), "image %zu: %s", i, postparse_status_str(rc));
    if (i < n) CHECK(span_inside(img.span, len), "image span");
  }
  for (size_t i = 0, n = postparse_doc_link_count(doc); i <= n; i += (sampled(i) || i + 64 > n) ? 1 : 64) {
    postparse_link link = POSTPARSE_INIT(postparse_link);
    int rc = postparse_doc_link_at(doc, i, &link);
    CHECK(rc == (i < n ? POSTPARSE_OK : POSTPARSE_ERR_NOT_FOUND), "link %zu: %s", i, postparse_status_str(rc));
    if (i < n) CHECK(span_inside(link.span, len), "link span");
  }
  for (size_t i = 0, n = postparse_doc_comment_count(doc); i < n; i += sampled(i) ? 1 : 64) {
    postparse_comment comment = POSTPARSE_INIT(postparse_comment);
    CHECK(postparse_doc_comment_at(doc, i, &comment) == POSTPARSE_OK, "comment %zu", i);
    check_str(comment.text, "comment");
    CHECK(span_inside(comment.span, len), "comment span");
  }
  size_t before = 0;
  if (postparse_doc_has_excerpt(doc, &before))
    CHECK(before <= postparse_doc_paragraph_count(doc), "excerpt after %zu paragraphs", before);
  for (size_t i = 0, n = postparse_doc_editorial_count(doc); i <= n; i += (sampled(i) || i + 64 > n) ? 1 : 64) {
    postparse_editorial m = POSTPARSE_INIT(postparse_editorial);
    int rc = postparse_doc_editorial_at(doc, i, &m);
    CHECK(rc == (i < n ? POSTPARSE_OK : POSTPARSE_ERR_NOT_FOUND), "editorial %zu", i);
    if (i < n) check_str(m.value, "editorial value");
  }
  for (const char *key : {"editor", "reporters", "source", "original_title"})
    check_str(postparse_doc_editorial_get(doc, key, std::strlen(key)), "editorial");
}

void read_dom(const postparse_doc *doc, size_t len, Stats &st) {
  const postparse_node *root = postparse_doc_body_root(doc);
  CHECK(root != nullptr, "body root is NULL");
  if (!root) return;
  (void)postparse_doc_body_is_document(doc);
  // Pre-order walk through parent/sibling links: no stack, any depth.
  const postparse_node *node = root;
  size_t depth = 0;
  while (node) {
    ++st.nodes;
    st.node_depth = std::max(st.node_depth, depth);
    postparse_node_type kind = postparse_node_kind(node);
    CHECK(kind >= POSTPARSE_NODE_DOCUMENT && kind <= POSTPARSE_NODE_DOCTYPE, "node kind %d", static_cast<int>(kind));
    check_str(postparse_node_name(node), "node name");
    check_str(postparse_node_value(node), "node value");
    size_t attrs = postparse_node_attribute_count(node);
    // attribute_at walks the attribute list (O(index)): read the first 64,
    // then every 64th, and the last.
    for (size_t i = 0; i < attrs && sampled(st.nodes); i += (i < 64 || i + 64 >= attrs) ? 1 : 64) {
      postparse_str name{}, value{};
      CHECK(postparse_node_attribute_at(node, i, &name, &value) == POSTPARSE_OK, "attribute_at");
      if (i == 0) {
        postparse_str again{};
        CHECK(postparse_node_attribute(node, name.data, name.len, &again) == POSTPARSE_OK, "attribute by name");
      }
    }
    CHECK(postparse_node_attribute_at(node, attrs, nullptr, nullptr) == POSTPARSE_ERR_NOT_FOUND, "attribute past end");
    (void)postparse_node_namespace(doc, node);
    if (sampled(st.nodes)) {
      postparse_span span{};
      CHECK(postparse_node_span(doc, node, &span) == POSTPARSE_OK, "node span");
      CHECK(span_inside(span, len), "node span %zu+%zu outside the input", span.offset, span.length);
    }
    (void)postparse_node_last_child(node);
    (void)postparse_node_previous_sibling(node);
    if (const postparse_node *child = postparse_node_first_child(node)) {
      CHECK(postparse_node_parent(child) == node, "parent link");
      node = child;
      ++depth;
      continue;
    }
    while (node && node != root && !postparse_node_next_sibling(node)) {
      node = postparse_node_parent(node);
      --depth;
    }
    if (!node || node == root) break;
    node = postparse_node_next_sibling(node);
  }
  char *out = nullptr;
  size_t n = 0;
  int rc = postparse_node_to_html(doc, root, 1, &out, &n);
  CHECK(rc == POSTPARSE_OK && out && out[n] == '\0', "node_to_html: %s", postparse_status_str(rc));
  postparse_free(out);
  out = nullptr;
  rc = postparse_node_text_content(root, &out, &n);
  CHECK(rc == POSTPARSE_OK && out && out[n] == '\0', "node_text_content: %s", postparse_status_str(rc));
  postparse_free(out);
  for (const char *xpath : {"//p", "//img/@src", "//a[@href]"}) {
    postparse_node_list *list = nullptr;
    rc = postparse_doc_select(doc, xpath, std::strlen(xpath), &list);
    CHECK(rc == POSTPARSE_OK && list, "select %s: %s", xpath, postparse_status_str(rc));
    for (size_t i = 0, k = postparse_node_list_count(list); i < k && i < 1000; ++i) {
      CHECK(postparse_node_list_at(list, i) != nullptr, "node_list_at");
      check_str(postparse_node_list_string_at(list, i), "node_list_string");
    }
    postparse_node_list_free(list);
  }
  postparse_node_list *list = nullptr;
  rc = postparse_doc_select(doc, "//[", 3, &list);
  CHECK(rc == POSTPARSE_ERR_XPATH && !list, "bad xpath: %s", postparse_status_str(rc));
}

void read_outputs(const postparse_doc *doc, Stats &st) {
  char *out = nullptr;
  size_t n = 0;
  int rc = postparse_doc_to_json(doc, 0, &out, &n);
  CHECK(rc == POSTPARSE_OK && out, "to_json: %s", postparse_status_str(rc));
  if (out) {
    st.json_bytes = n;
    CHECK(out[n] == '\0', "to_json is not NUL-terminated");
    size_t bad = utf8_error_at(out, n);
    CHECK(bad == n, "to_json is not UTF-8 at byte %zu: ...%s", bad,
          excerpt(out + (bad > 20 ? bad - 20 : 0), n - (bad > 20 ? bad - 20 : 0)).c_str());
    std::string err = json_error(out, n);
    CHECK(err.empty(), "to_json is not valid JSON: %s: %s", err.c_str(), excerpt(out, n, 200).c_str());
  }
  postparse_free(out);
  CHECK(postparse_doc_to_json(doc, 1u << 7, &out, &n) == POSTPARSE_ERR_INVALID_ARGUMENT && !out, "to_json flags");
  out = nullptr;
  rc = postparse_doc_to_json(doc, POSTPARSE_JSON_EXPLAIN, &out, &n);
  CHECK(rc == POSTPARSE_OK && out && json_error(out, n).empty(), "to_json(EXPLAIN): %s", postparse_status_str(rc));
  postparse_free(out);
  for (unsigned flags : {0u, POSTPARSE_OUTPUT_BOILERPLATE}) {
    out = nullptr;
    rc = postparse_doc_to_text(doc, flags, &out, &n);
    CHECK(rc == POSTPARSE_OK && out, "to_text(%u): %s", flags, postparse_status_str(rc));
    if (out) {
      CHECK(out[n] == '\0', "to_text not NUL-terminated");
      CHECK(valid_utf8(out, n), "to_text(%u) is not UTF-8", flags);
      if (flags) {
        st.text_bytes = n;
        st.text_output.assign(out, n);
      }
    }
    postparse_free(out);
    out = nullptr;
    rc = postparse_doc_to_markdown(doc, flags, &out, &n);
    CHECK(rc == POSTPARSE_OK && out, "to_markdown(%u): %s", flags, postparse_status_str(rc));
    if (out) {
      CHECK(out[n] == '\0', "to_markdown not NUL-terminated");
      CHECK(valid_utf8(out, n), "to_markdown(%u) is not UTF-8", flags);
      if (flags) st.markdown_bytes = n;
    }
    postparse_free(out);
  }
  CHECK(postparse_doc_to_text(doc, 2, &out, &n) == POSTPARSE_ERR_INVALID_ARGUMENT, "to_text flags");
}

// Input that starts with a UTF-16 or UTF-32 byte order mark, which the
// library decodes to UTF-8 before parsing.
bool starts_with_wide_bom(const char *data, size_t len) {
  std::string_view head(data, len < 4 ? len : 4);
  return head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF" ||
         head == std::string_view("\x00\x00\xFE\xFF", 4);
}

void read_document(const postparse_doc *doc, const char *data, size_t len, uint64_t diag_limit, Stats &st) {
  postparse_str source = postparse_doc_source(doc);
  if (starts_with_wide_bom(data, len)) {
    // Decoded: UTF-8 now, and every offset below refers to the decoded text.
    CHECK(valid_utf8(source.data, source.len), "decoded source is not UTF-8");
    len = source.len;
  } else {
    CHECK(source.len == len && (len == 0 || std::memcmp(source.data, data, len) == 0), "source differs from the input");
  }
  postparse_format format = postparse_doc_format(doc);
  postparse_span fm{}, content{}, body{};
  int rc = postparse_doc_front_matter_span(doc, &fm);
  CHECK(rc == (format == POSTPARSE_FORMAT_NONE ? POSTPARSE_ERR_NOT_FOUND : POSTPARSE_OK), "front_matter_span: %s",
        postparse_status_str(rc));
  if (rc == POSTPARSE_OK) {
    CHECK(span_inside(fm, len), "front matter span");
    CHECK(postparse_doc_front_matter_content_span(doc, &content) == POSTPARSE_OK, "content span");
    CHECK(content.offset >= fm.offset && content.offset + content.length <= fm.offset + fm.length,
          "content span outside the block");
  }
  CHECK(postparse_doc_body_span(doc, &body) == POSTPARSE_OK, "body span");
  CHECK(body.offset + body.length == len, "the body does not run to the end");
  postparse_str b = postparse_doc_body(doc);
  CHECK(b.len == body.length && (b.len == 0 || b.data == source.data + body.offset), "body view");
  read_diagnostics(doc, len, diag_limit, st);
  read_front_matter(doc, len, st);
  read_paragraphs(doc, len, st);
  read_extraction(doc, len);
  read_dom(doc, len, st);
  read_outputs(doc, st);
}

// ---------------------------------------------------------------------------
// Expectations
// ---------------------------------------------------------------------------

void check_expectations(const Args &a, const postparse_doc *doc, const Stats &st) {
  for (const std::vector<int> &any : a.expect_diags) {
    bool found = false;
    std::string names;
    for (int code : any) {
      found = found || st.diag_counts.count(code);
      names += std::string(names.empty() ? "" : " or ") + postparse_status_str(code);
    }
    CHECK(found, "expected a '%s' diagnostic", names.c_str());
  }
  static const char *const kParts[] = {"split", "front_matter", "body", "profile"};
  for (int part : a.expect_diag_parts)
    CHECK(st.part_counts.count(part), "expected a diagnostic about the %s (there is none: the problem was "
          "passed over silently)", kParts[part]);
  for (int code : a.expect_no_diags)
    CHECK(!st.diag_counts.count(code), "unexpected '%s' diagnostic", postparse_status_str(code));
  if (a.expect_clean) CHECK(st.diag_counts.empty(), "expected no diagnostics");
  if (a.expect_format >= 0)
    CHECK(postparse_doc_format(doc) == a.expect_format, "format %d, expected %d", postparse_doc_format(doc),
          a.expect_format);
  if (a.expect_body_format >= 0)
    CHECK(postparse_doc_body_format(doc) == a.expect_body_format, "body format %d",
          static_cast<int>(postparse_doc_body_format(doc)));
  const postparse_value *root = postparse_doc_front_matter(doc);
  if (a.has_title) {
    const postparse_value *title = postparse_value_get(root, "title", 5);
    CHECK(title && sv(postparse_value_text(title)) == a.expect_title, "title is '%s', expected '%s'",
          title ? excerpt(postparse_value_text(title).data, postparse_value_text(title).len).c_str() : "(none)",
          a.expect_title.c_str());
  }
  if (a.expect_no_front_matter) CHECK(root == nullptr, "the hostile front matter was not refused");
  for (const auto &[key, want] : a.expect_values) {
    if (!root) continue;
    const postparse_value *v = postparse_value_get(root, key.data(), key.size());
    postparse_str got = postparse_value_text(v);
    CHECK(v && std::string(got.data, got.len) == want, "front matter '%s' is '%s', expected '%s' (changed silently)",
          key.c_str(), v ? excerpt(got.data, got.len).c_str() : "(absent)", excerpt(want.data(), want.size()).c_str());
  }
  for (const std::string &want : a.expect_paragraphs) {
    bool found = false;
    for (size_t p = 0; p < st.paragraphs && !found; ++p) {
      postparse_str t = postparse_doc_paragraph_text(doc, p);
      found = std::string_view(t.data, t.len).find(want) != std::string_view::npos;
    }
    CHECK(found, "no paragraph contains '%s'", want.c_str());
    CHECK(st.text_output.find(want) != std::string::npos, "the text output lacks '%s'", want.c_str());
  }
  for (auto [c, n] : a.expect_runs) {
    bool found = false;
    for (size_t p = 0; p < st.paragraphs && !found; ++p) {
      postparse_str t = postparse_doc_paragraph_text(doc, p);
      found = t.len == n && std::all_of(t.data, t.data + t.len, [c = c](char x) { return x == c; });
    }
    CHECK(found, "no paragraph is exactly %zu copies of '%c'", n, c);
  }
  CHECK(st.paragraphs >= a.expect_min_paragraphs, "%zu paragraphs, expected at least %zu", st.paragraphs,
        a.expect_min_paragraphs);
}

// The documented bound (postparse.h, "Memory"): F x input + P x DOM nodes +
// C, where the DOM nodes are at most POSTPARSE_LIMIT_HTML_NODES.
void check_memory(const Args &a, size_t input_bytes, size_t nodes) {
  uint64_t peak = peak_rss_bytes();
  double limit = a.rss_factor * static_cast<double>(input_bytes) + a.rss_per_node * static_cast<double>(nodes) +
                 a.rss_constant_mib * 1024 * 1024;
  std::printf("peak_rss_mib=%.1f", static_cast<double>(peak) / (1024.0 * 1024.0));
  if (a.rss_check) {
    std::printf(" limit_mib=%.1f (%.0f x %zu bytes + %.0f B x %zu nodes + %.0f MiB)", limit / (1024.0 * 1024.0),
                a.rss_factor, input_bytes, a.rss_per_node, nodes, a.rss_constant_mib);
  }
  std::printf("\n");
#ifdef ADVERSARIAL_ASAN
  if (a.rss_check)
    std::printf("RSS check SKIPPED: AddressSanitizer build (shadow memory and quarantine inflate RSS)\n");
#else
  if (a.rss_check)
    CHECK(static_cast<double>(peak) <= limit, "peak RSS %.1f MiB is over the limit %.1f MiB",
          static_cast<double>(peak) / (1024.0 * 1024.0), limit / (1024.0 * 1024.0));
#endif
}

// ---------------------------------------------------------------------------
// The size_t length claims: a small buffer, a huge len
// ---------------------------------------------------------------------------

int run_size_claims(const Args &a) {
  // The post ends exactly at a page boundary followed by an inaccessible page,
  // so any read past it faults, sanitizer or not.
  const char post[] = "---\ntitle: " "Adversarial title" "\n---\n<p>Body survives.</p>";
  const size_t post_len = sizeof post - 1;
  long page = sysconf(_SC_PAGESIZE);
  char *map = static_cast<char *>(mmap(nullptr, 2 * static_cast<size_t>(page), PROT_READ | PROT_WRITE,
                                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  if (map == MAP_FAILED) return 2;
  if (mprotect(map + page, static_cast<size_t>(page), PROT_NONE) != 0) return 2;
  char *buf = map + page - post_len;
  std::memcpy(buf, post, post_len);

  struct Claim {
    const char *what;
    size_t len;
  };
  const Claim claims[] = {
      {"2 GiB", static_cast<size_t>(2) << 30},
      {"256 MiB + 1", (static_cast<size_t>(256) << 20) + 1},
      {"SIZE_MAX", SIZE_MAX},
      {"SIZE_MAX / 2", SIZE_MAX / 2},
  };
  postparse_options *options = nullptr;
  CHECK(postparse_options_new(&options) == POSTPARSE_OK, "options_new");
  uint64_t v = 0;
  CHECK(postparse_options_get_limit(options, POSTPARSE_LIMIT_INPUT_BYTES, &v) == POSTPARSE_OK &&
            v == (static_cast<uint64_t>(256) << 20),
        "default input limit is %" PRIu64, v);
  for (const Claim &c : claims) {
    for (const postparse_options *o : {static_cast<const postparse_options *>(nullptr),
                                       static_cast<const postparse_options *>(options)}) {
      postparse_doc *doc = reinterpret_cast<postparse_doc *>(&doc);
      auto start = Clock::now();
      int rc = postparse_doc_parse(buf, c.len, o, &doc);
      std::printf("claim %-12s options=%-8s -> %s in %.3f ms\n", c.what, o ? "default" : "NULL",
                  postparse_status_str(rc), ms_since(start));
      CHECK(rc == POSTPARSE_ERR_INPUT_TOO_LARGE, "claim %s: %s", c.what, postparse_status_str(rc));
      CHECK(doc == nullptr, "claim %s: *out is not NULL", c.what);
      if (rc == POSTPARSE_OK) postparse_doc_free(doc);
    }
  }
  // NULL data with a huge length is an invalid argument, not a read.
  postparse_doc *doc = nullptr;
  CHECK(postparse_doc_parse(nullptr, static_cast<size_t>(2) << 30, nullptr, &doc) == POSTPARSE_ERR_INVALID_ARGUMENT,
        "NULL data");
  // A lowered limit: one byte over it fails, exactly at it succeeds.
  CHECK(postparse_options_set_limit(options, POSTPARSE_LIMIT_INPUT_BYTES, post_len - 1) == POSTPARSE_OK, "set_limit");
  CHECK(postparse_doc_parse(buf, post_len, options, &doc) == POSTPARSE_ERR_INPUT_TOO_LARGE && !doc, "limit - 1");
  CHECK(postparse_options_set_limit(options, POSTPARSE_LIMIT_INPUT_BYTES, post_len) == POSTPARSE_OK, "set_limit");
  CHECK(postparse_doc_parse(buf, post_len, options, &doc) == POSTPARSE_OK && doc, "at the limit");
  if (doc) {
    Stats st;
    read_document(doc, buf, post_len, 1000, st);
    Args expect;
    expect.has_title = true;
    expect.expect_title = "Adversarial title";
    expect.expect_paragraphs = {"Body survives."};
    expect.expect_clean = true;
    check_expectations(expect, doc, st);
    postparse_doc_free(doc);
  }
  // Limits round-trip at their extremes; 0 restores the default; bad enums fail.
  for (const auto &[name, limit] : kLimitNames) {
    uint64_t def = 0, got = 0;
    postparse_options *fresh = nullptr;
    CHECK(postparse_options_new(&fresh) == POSTPARSE_OK, "options_new");
    CHECK(postparse_options_get_limit(fresh, limit, &def) == POSTPARSE_OK, "get_limit %s", name.c_str());
    for (uint64_t value : {static_cast<uint64_t>(1), UINT64_MAX}) {
      CHECK(postparse_options_set_limit(fresh, limit, value) == POSTPARSE_OK, "set_limit %s", name.c_str());
      CHECK(postparse_options_get_limit(fresh, limit, &got) == POSTPARSE_OK && got == value, "%s round trip",
            name.c_str());
    }
    CHECK(postparse_options_set_limit(fresh, limit, 0) == POSTPARSE_OK, "set_limit 0");
    CHECK(postparse_options_get_limit(fresh, limit, &got) == POSTPARSE_OK && got == def, "%s: 0 restores default",
          name.c_str());
    postparse_options_free(fresh);
  }
  CHECK(postparse_options_set_limit(options, static_cast<postparse_limit>(10), 1) == POSTPARSE_ERR_INVALID_ARGUMENT,
        "unknown limit 10");
  CHECK(postparse_options_set_limit(options, static_cast<postparse_limit>(-1), 1) == POSTPARSE_ERR_INVALID_ARGUMENT,
        "unknown limit -1");
  CHECK(postparse_options_get_limit(options, static_cast<postparse_limit>(10), &v) == POSTPARSE_ERR_INVALID_ARGUMENT,
        "get unknown limit");
  postparse_options_free(options);
  munmap(map, 2 * static_cast<size_t>(page));
  check_memory(a, 0, 0);
  std::printf("%s: %d failure(s)\n", g_failures ? "FAILED" : "passed", g_failures);
  return g_failures ? 1 : 0;
}

}  // namespace

int main(int argc, char **argv) {
  Args a = parse_args(argc, argv);
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  if (a.size_claims) return run_size_claims(a);

  size_t len = 0;
  char *data = read_file(a.input, &len);
  if (!data) {
    std::fprintf(stderr, "cannot read %s (run generate.py first)\n", a.input.c_str());
    return 2;
  }
  postparse_options *options = nullptr;
  if (postparse_options_new(&options) != POSTPARSE_OK) return 2;
  for (auto [limit, value] : a.limits)
    CHECK(postparse_options_set_limit(options, limit, value) == POSTPARSE_OK, "set_limit");
  if (a.body_format >= 0)
    CHECK(postparse_options_set_body_format(options, static_cast<postparse_body_format>(a.body_format)) == POSTPARSE_OK,
          "set_body_format");
  if (a.html_errors) CHECK(postparse_options_set_html_errors(options, true) == POSTPARSE_OK, "set_html_errors");
  if (a.html_mode >= 0)
    CHECK(postparse_options_set_html_mode(options, static_cast<postparse_html_mode>(a.html_mode)) == POSTPARSE_OK,
          "set_html_mode");
  if (a.text_form >= 0)
    CHECK(postparse_options_set_text_form(options, static_cast<postparse_text_form>(a.text_form)) == POSTPARSE_OK,
          "set_text_form");
  if (a.scripting) CHECK(postparse_options_set_scripting(options, true) == POSTPARSE_OK, "set_scripting");
  if (a.hexo_unfenced) CHECK(postparse_options_set_hexo_unfenced(options, true) == POSTPARSE_OK, "set_hexo_unfenced");
  if (a.hostile_source_name) {
    static const char kName[] = "src\"\\\x00\xff\xfe\n\x01\xed\xa0\x80<tail>";
    CHECK(postparse_options_set_source_name(options, kName, sizeof kName - 1) == POSTPARSE_OK, "set_source_name");
  }
  if (a.no_default_profile)
    CHECK(postparse_options_set_default_profile(options, false) == POSTPARSE_OK, "set_default_profile");
  if (!a.profile.empty()) {
    size_t profile_len = 0;
    char *yaml = read_file(a.profile, &profile_len);
    CHECK(yaml, "cannot read profile %s", a.profile.c_str());
    postparse_profile *profile = nullptr;
    auto load_start = Clock::now();
    int profile_rc = yaml ? postparse_profile_load(yaml, profile_len, &profile) : POSTPARSE_ERR_INVALID_ARGUMENT;
    std::printf("profile=%s status=%s rules=%zu load_ms=%.1f\n", a.profile.c_str(), postparse_status_str(profile_rc),
                postparse_profile_rule_count(profile), ms_since(load_start));
    CHECK(profile_rc == a.expect_profile_status, "profile load returned '%s', expected '%s'",
          postparse_status_str(profile_rc), postparse_status_str(a.expect_profile_status));
    if (profile) CHECK(postparse_options_add_profile(options, profile) == POSTPARSE_OK, "add_profile");
    postparse_profile_free(profile);
    std::free(yaml);
  }
  uint64_t diag_limit = 0;
  postparse_options_get_limit(options, POSTPARSE_LIMIT_DIAGNOSTICS, &diag_limit);

  auto start = Clock::now();
  postparse_doc *doc = nullptr;
  size_t nodes_seen = 0;  // DOM nodes, for the memory bound
  int rc = postparse_doc_parse(data, len, options, &doc);
  double parse_ms = ms_since(start);
  postparse_options_free(options);
  std::printf("input=%s bytes=%zu status=%s parse_ms=%.1f peak_rss_after_parse_mib=%.1f\n", a.input.c_str(), len,
              postparse_status_str(rc), parse_ms, static_cast<double>(peak_rss_bytes()) / (1024.0 * 1024.0));
  CHECK(rc == a.expect_status, "parse returned '%s', expected '%s'", postparse_status_str(rc),
        postparse_status_str(a.expect_status));
  if (rc != POSTPARSE_OK) {
    CHECK(doc == nullptr, "a failed parse left a document");
  } else if (doc) {
    Stats st;
    auto read_start = Clock::now();
    read_document(doc, data, len, diag_limit, st);
    nodes_seen = st.nodes;
    double read_ms = ms_since(read_start);
    check_expectations(a, doc, st);
    std::printf("read_ms=%.1f format=%d body_format=%s values=%zu value_depth=%zu nodes=%zu node_depth=%zu "
                "paragraphs=%zu inlines=%zu json_bytes=%zu text_bytes=%zu markdown_bytes=%zu\n",
                read_ms, static_cast<int>(postparse_doc_format(doc)),
                postparse_doc_body_format(doc) == POSTPARSE_BODY_MARKDOWN ? "markdown" : "html", st.values,
                st.value_depth, st.nodes, st.node_depth, st.paragraphs, st.inlines, st.json_bytes, st.text_bytes,
                st.markdown_bytes);
    std::printf("diagnostics:");
    for (auto [code, count] : st.diag_counts) std::printf(" %s x%zu", postparse_status_str(code), count);
    std::printf("%s\n", st.diag_counts.empty() ? " none" : "");
    for (size_t i = 0, n = postparse_doc_diagnostic_count(doc); i < n && i < 3; ++i) {
      postparse_diagnostic d = POSTPARSE_INIT(postparse_diagnostic);
      postparse_doc_diagnostic_at(doc, i, &d);
      std::printf("  [%s] %zu:%zu %s\n", postparse_status_str(d.code), d.line, d.column,
                  excerpt(d.message.data, d.message.len, 160).c_str());
    }
    postparse_doc_free(doc);
  }
  std::printf("total_ms=%.1f ", ms_since(start));
  check_memory(a, len, nodes_seen);
  std::free(data);
  std::printf("%s: %d failure(s)\n", g_failures ? "FAILED" : "passed", g_failures);
  return g_failures ? 1 : 0;
}
