/*
 * postparse — parse posts (front matter + body) into typed metadata.
 *
 * This header is the whole public contract of the library, and its manual.
 *
 * Conventions that hold for every declaration below unless it says otherwise:
 *
 *  - Ownership.  Objects are opaque handles.  A `postparse_doc` owns everything
 *    that is read from it (values, strings, diagnostics); those are *borrowed*
 *    and stay valid until `postparse_doc_free()`.  Memory that the library
 *    allocates for the caller (e.g. `postparse_doc_to_json`) is released with
 *    `postparse_free()`.
 *  - Strings.  `postparse_str` is a view `{data, len}` — NOT NUL-terminated, may
 *    contain NUL bytes, `data` is never NULL (an empty view points at "").
 *  - Errors.  Functions that can fail return an `int` status: one of the
 *    `POSTPARSE_*` codes below, `POSTPARSE_OK` (0) on success.  The numeric
 *    values are pinned forever; `postparse_status_str()` names them.  Problems
 *    *inside* a post (bad YAML, an invalid date, a limit hit) are not failures
 *    of the call: they are diagnostics on the document, and the rest of the
 *    post is still returned.
 *  - Exceptions.  No C++ exception ever crosses this interface.
 *  - Threads.  The library has no global mutable state.  A document and its
 *    values are immutable and may be read from any number of threads at once.
 *    An options object may be shared read-only by concurrent parses, but must
 *    not be modified while a parse that uses it is running.
 *  - Positions.  Byte offsets are 0-based offsets into the whole input given
 *    to `postparse_doc_parse`.  Lines and columns are 1-based and count in the
 *    whole file; a line ends at LF, CRLF or a lone CR; a column counts Unicode
 *    code points (a UTF-8 BOM is not counted).
 */
#ifndef POSTPARSE_POSTPARSE_H
#define POSTPARSE_POSTPARSE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32) && defined(POSTPARSE_SHARED)
#  ifdef POSTPARSE_BUILDING
#    define POSTPARSE_API __declspec(dllexport)
#  else
#    define POSTPARSE_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__)
#  define POSTPARSE_API __attribute__((visibility("default")))
#else
#  define POSTPARSE_API
#endif

/* Every function is noexcept when seen from C++: no exception ever leaves
 * the library. */
#ifdef __cplusplus
#  define POSTPARSE_NOEXCEPT noexcept
#else
#  define POSTPARSE_NOEXCEPT
#endif

/* ------------------------------------------------------------------------ */
/* Version                                                                   */
/* ------------------------------------------------------------------------ */

#define POSTPARSE_VERSION_MAJOR 0
#define POSTPARSE_VERSION_MINOR 1
#define POSTPARSE_VERSION_PATCH 0
#define POSTPARSE_VERSION_STRING "0.1.0"
/** MAJOR*10000 + MINOR*100 + PATCH, for compile-time comparisons. */
#define POSTPARSE_VERSION_NUMBER                                               \
  (POSTPARSE_VERSION_MAJOR * 10000 + POSTPARSE_VERSION_MINOR * 100 +           \
   POSTPARSE_VERSION_PATCH)

/** The version of the library actually linked, e.g. "0.1.0".  Static string;
 *  never fails; thread-safe. */
POSTPARSE_API const char *postparse_version(void) POSTPARSE_NOEXCEPT;
/** POSTPARSE_VERSION_NUMBER of the library actually linked.  Thread-safe. */
POSTPARSE_API unsigned postparse_version_number(void) POSTPARSE_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Status codes (pinned: values never change, new ones are only appended)    */
/* ------------------------------------------------------------------------ */

#define POSTPARSE_OK 0
/** A required pointer argument was NULL, or an enum argument out of range. */
#define POSTPARSE_ERR_INVALID_ARGUMENT 1
/** Memory could not be allocated. */
#define POSTPARSE_ERR_NO_MEMORY 2
/** A bug in postparse: an unexpected internal failure was caught. */
#define POSTPARSE_ERR_INTERNAL 3
/** The input is larger than POSTPARSE_LIMIT_INPUT_BYTES (no document), or a
 *  profile's text larger than its limit (postparse_profile_load_limited). */
#define POSTPARSE_ERR_INPUT_TOO_LARGE 4
/** Diagnostic: the front matter block exceeds POSTPARSE_LIMIT_FRONT_MATTER_BYTES. */
#define POSTPARSE_ERR_FRONT_MATTER_TOO_LARGE 5
/** Diagnostic: nesting deeper than POSTPARSE_LIMIT_DEPTH. */
#define POSTPARSE_ERR_DEPTH_LIMIT 6
/** Diagnostic: alias expansion beyond POSTPARSE_LIMIT_ALIAS_NODES, or an alias
 *  that refers to itself. */
#define POSTPARSE_ERR_ALIAS_LIMIT 7
/** Diagnostic: more mapping keys than POSTPARSE_LIMIT_KEYS. */
#define POSTPARSE_ERR_KEY_LIMIT 8
/** Diagnostic: the front matter is not well-formed YAML / JSON / TOML. */
#define POSTPARSE_ERR_SYNTAX 9
/** Diagnostic: a mapping repeats a key (see postparse_options_set_duplicate_keys). */
#define POSTPARSE_ERR_DUPLICATE_KEY 10
/** Diagnostic: the front matter's root is not a mapping (it is kept as is). */
#define POSTPARSE_ERR_NOT_A_MAPPING 11
/** Diagnostic: an opening fence has no closing fence; the whole input is body. */
#define POSTPARSE_ERR_UNTERMINATED 12
/** A value looks like a date but names an impossible one (Feb 30, hour 25):
 *  an error diagnostic.  Also a warning diagnostic when a date-named key
 *  (date, updated, lastmod, pubDate, ...) holds text that is not a date. */
#define POSTPARSE_ERR_INVALID_DATE 13
/** An IANA time-zone name that the system's tz database does not know. */
#define POSTPARSE_ERR_UNKNOWN_TIMEZONE 14
/** A value is not of the kind the accessor reads (e.g. int of a string). */
#define POSTPARSE_ERR_WRONG_KIND 15
/** A lookup found nothing (index out of range, key absent, not a date). */
#define POSTPARSE_ERR_NOT_FOUND 16
/** An integer does not fit the requested C type (see postparse_value_is_big). */
#define POSTPARSE_ERR_OUT_OF_RANGE 17
/** Diagnostic: an explicit YAML tag whose content does not fit it (!!int abc). */
#define POSTPARSE_ERR_BAD_TAG 18
/** Diagnostic: more diagnostics than POSTPARSE_LIMIT_DIAGNOSTICS were raised;
 *  the rest were dropped (this one is always kept last). */
#define POSTPARSE_ERR_DIAGNOSTIC_LIMIT 19

/** postparse_doc_select: the XPath expression is not valid XPath 1.0. */
#define POSTPARSE_ERR_XPATH 20
/** Diagnostic: the body's DOM reached POSTPARSE_LIMIT_HTML_NODES; the rest of
 *  the body was not added to the tree. */
#define POSTPARSE_ERR_NODE_LIMIT 21
/** Diagnostic: an element had more than POSTPARSE_LIMIT_HTML_ATTRIBUTES
 *  attributes; the rest were dropped. */
#define POSTPARSE_ERR_ATTRIBUTE_LIMIT 22
/** Diagnostic (note): an HTML parse error as the WHATWG spec names it
 *  (only with postparse_options_set_html_errors). */
#define POSTPARSE_ERR_HTML 23
/** Profile diagnostic: the profile is not a valid profile (unknown key,
 *  missing name, wrong type...); see postparse_profile_load. */
#define POSTPARSE_ERR_PROFILE 24
/** Profile diagnostic: a `match` or `split` pattern is not valid RE2. */
#define POSTPARSE_ERR_REGEX 25

/** The pinned name of a status code, e.g. "syntax" for POSTPARSE_ERR_SYNTAX,
 *  "ok" for 0, "unknown" for values not listed above.  Static string;
 *  thread-safe; never NULL. */
POSTPARSE_API const char *postparse_status_str(int status) POSTPARSE_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Small value types                                                         */
/* ------------------------------------------------------------------------ */

/** A borrowed, NOT NUL-terminated string view.  `data` is never NULL. */
typedef struct postparse_str {
  const char *data;
  size_t len;
} postparse_str;

/** A region of the input: byte offset and length, plus the 1-based line and
 *  column of its first byte (see "Positions" above). */
typedef struct postparse_span {
  size_t offset;
  size_t length;
  size_t line;
  size_t column;
} postparse_span;

/** Releases memory that postparse allocated for the caller.  NULL is a no-op.
 *  Thread-safe. */
POSTPARSE_API void postparse_free(void *ptr) POSTPARSE_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Options                                                                   */
/* ------------------------------------------------------------------------ */

typedef struct postparse_options postparse_options;

/** Which YAML typing rules apply to plain scalars. */
typedef enum postparse_yaml_schema {
  /** YAML 1.2 core schema (default): true/false, null/~, ints, floats,
   *  plus YAML timestamps recognised as dates. */
  POSTPARSE_YAML_1_2 = 0,
  /** YAML 1.1 types: also yes/no/on/off booleans, 0777 octal, 0b binary,
   *  1_000 separators, 1:30 sexagesimal, and `<<` merge keys. */
  POSTPARSE_YAML_1_1 = 1
} postparse_yaml_schema;

/** What to do when a mapping repeats a key. */
typedef enum postparse_duplicate_keys {
  /** Error diagnostic; the first occurrence is kept (default). */
  POSTPARSE_DUPLICATE_ERROR = 0,
  /** Silently keep the first occurrence. */
  POSTPARSE_DUPLICATE_FIRST_WINS = 1,
  /** Silently keep the last occurrence (at the first one's position in key
   *  order). */
  POSTPARSE_DUPLICATE_LAST_WINS = 2
} postparse_duplicate_keys;

/** Resource limits.  Each is a documented option with a default; hitting one
 *  produces its own status or diagnostic, never a crash. */
typedef enum postparse_limit {
  /** Largest input accepted by postparse_doc_parse (default 256 MiB);
   *  larger inputs fail with POSTPARSE_ERR_INPUT_TOO_LARGE. */
  POSTPARSE_LIMIT_INPUT_BYTES = 0,
  /** Largest front matter block (default 1 MiB); a larger one is not parsed
   *  (diagnostic POSTPARSE_ERR_FRONT_MATTER_TOO_LARGE) but the body is. */
  POSTPARSE_LIMIT_FRONT_MATTER_BYTES = 1,
  /** Deepest nesting of sequences/mappings (default 64). */
  POSTPARSE_LIMIT_DEPTH = 2,
  /** Most nodes that YAML aliases may expand to in total (default 10000). */
  POSTPARSE_LIMIT_ALIAS_NODES = 3,
  /** Most mapping keys in one front matter block (default 10000). */
  POSTPARSE_LIMIT_KEYS = 4,
  /** Most diagnostics kept on one document (default 1000); when more are
   *  raised the last one kept is a POSTPARSE_ERR_DIAGNOSTIC_LIMIT entry as
   *  severe as the worst one dropped. */
  POSTPARSE_LIMIT_DIAGNOSTICS = 5,
  /** Most nodes in the body's DOM (default 2,000,000); past it the tree
   *  stops growing and the rest of the body is left out of it (diagnostic
   *  POSTPARSE_ERR_NODE_LIMIT).  An element the tree builder copies (a
   *  formatting element reopened in a later paragraph, as the HTML standard
   *  requires) counts as 4 nodes, plus one per 64 bytes of attribute text it
   *  copies, so that the limit bounds memory even for input that makes many
   *  nodes from few bytes (see "Memory" below). */
  POSTPARSE_LIMIT_HTML_NODES = 6,
  /** Deepest element nesting in the body (default 512), approximately.  At
   *  the limit the deepest open element is closed, as its own end tag would
   *  close it, before the next start tag that opens an element, so deeper
   *  elements become siblings instead of children, as in browsers
   *  (diagnostic POSTPARSE_ERR_DEPTH_LIMIT).  html, head and body stay
   *  open, a table's implied tbody/tr may add a level or two, and an element
   *  whose end tag would be ignored at that point stays, so the nesting can
   *  pass the limit by a few levels. */
  POSTPARSE_LIMIT_HTML_DEPTH = 7,
  /** Most attributes kept per element (default 1000; diagnostic
   *  POSTPARSE_ERR_ATTRIBUTE_LIMIT). */
  POSTPARSE_LIMIT_HTML_ATTRIBUTES = 8,
  /** Most bytes of text that YAML aliases may expand to in total (default
   *  4 MiB), so that one long value aliased many times cannot blow up the
   *  output (diagnostic POSTPARSE_ERR_ALIAS_LIMIT). */
  POSTPARSE_LIMIT_ALIAS_BYTES = 9
} postparse_limit;

/* Memory.  A document, with its JSON, text and Markdown renderings made
 * once, takes at most about 64 x the input size + 512 bytes per DOM node +
 * 64 MiB (tests/adversarial/ checks this on hostile inputs through the
 * process's peak RSS).  The DOM nodes are bounded by
 * POSTPARSE_LIMIT_HTML_NODES, whatever the input: markup can make many nodes
 * from few bytes (formatting elements are reopened in every paragraph, and
 * each such copy counts as 4 nodes), and the default of 2,000,000 nodes
 * keeps any input, at about 300 bytes per node, under about 1 GiB in all (a
 * hostile 100 KB input that reopens 600 elements in 23,000 paragraphs
 * measures 185 MiB with every rendering; raising the limit raises this
 * bound).  Time is linear in the input and the nodes. */

/** Creates an options object holding the defaults.  The caller owns it and
 *  releases it with postparse_options_free.  Returns POSTPARSE_OK,
 *  POSTPARSE_ERR_INVALID_ARGUMENT (out is NULL) or POSTPARSE_ERR_NO_MEMORY.
 *  Thread-safe. */
POSTPARSE_API int postparse_options_new(postparse_options **out) POSTPARSE_NOEXCEPT;

/** Releases an options object.  NULL is a no-op.  Documents parsed with it
 *  do not depend on it afterwards. */
POSTPARSE_API void postparse_options_free(postparse_options *options) POSTPARSE_NOEXCEPT;

/** Sets the YAML typing schema.  POSTPARSE_ERR_INVALID_ARGUMENT on a NULL
 *  object or an unknown schema. */
POSTPARSE_API int postparse_options_set_yaml_schema(postparse_options *options,
                                                    postparse_yaml_schema schema) POSTPARSE_NOEXCEPT;

/** Sets the duplicate-key policy.  POSTPARSE_ERR_INVALID_ARGUMENT on a NULL
 *  object or an unknown policy. */
POSTPARSE_API int
postparse_options_set_duplicate_keys(postparse_options *options,
                                     postparse_duplicate_keys policy) POSTPARSE_NOEXCEPT;

/** Sets the IANA time zone (e.g. "Asia/Shanghai") in which dates written
 *  without an offset are read.  Default "UTC"; the machine's own zone is never
 *  used.  `name` need not be NUL-terminated.  Returns
 *  POSTPARSE_ERR_UNKNOWN_TIMEZONE (options unchanged) when the system tz
 *  database does not know the name, or when the name stands for the
 *  machine's zone (`localtime`, or any zone file that is a link through
 *  /etc/localtime): the same name must mean the same zone everywhere. */
POSTPARSE_API int postparse_options_set_timezone(postparse_options *options,
                                                 const char *name, size_t len) POSTPARSE_NOEXCEPT;

/** Sets one limit.  A value of 0 restores the default.  Returns
 *  POSTPARSE_ERR_INVALID_ARGUMENT on an unknown limit. */
POSTPARSE_API int postparse_options_set_limit(postparse_options *options,
                                              postparse_limit limit,
                                              uint64_t value) POSTPARSE_NOEXCEPT;

/** Reads one limit's current value into *out. */
POSTPARSE_API int postparse_options_get_limit(const postparse_options *options,
                                              postparse_limit limit,
                                              uint64_t *out) POSTPARSE_NOEXCEPT;

/** Accepts Hexo's front matter form without an opening fence
 *  (`title: x\n---\nbody`) when `enable` is non-zero.  Off by default.  The
 *  part before the fence is taken as front matter only when it parses to a
 *  YAML mapping; prose before a `---` rule stays body. */
POSTPARSE_API int postparse_options_set_hexo_unfenced(postparse_options *options,
                                                      int enable) POSTPARSE_NOEXCEPT;

/** How the body is parsed as HTML. */
typedef enum postparse_html_mode {
  /** A whole document when the body starts with a DOCTYPE or <html> (after
   *  blanks and comments), otherwise a fragment in a <body> (default). */
  POSTPARSE_HTML_AUTO = 0,
  /** Always a fragment in a <body> context. */
  POSTPARSE_HTML_FRAGMENT = 1,
  /** Always a whole document. */
  POSTPARSE_HTML_DOCUMENT = 2
} postparse_html_mode;

/** Sets how the body is parsed.  POSTPARSE_ERR_INVALID_ARGUMENT on an unknown
 *  mode. */
POSTPARSE_API int postparse_options_set_html_mode(postparse_options *options,
                                                  postparse_html_mode mode) POSTPARSE_NOEXCEPT;

/** How the body is read.  Markdown (CommonMark with GitHub's tables,
 *  strikethrough, task lists and autolinks, through md4c) is rendered to
 *  HTML and parsed like an HTML body, raw HTML in it included; spans still
 *  point into the post. */
typedef enum postparse_body_format {
  POSTPARSE_BODY_AUTO = 0,    /**< default: HTML when the body's first non-blank
                                   character is '<', else Markdown */
  POSTPARSE_BODY_HTML = 1,
  POSTPARSE_BODY_MARKDOWN = 2
} postparse_body_format;

/** Sets how the body is read.  POSTPARSE_ERR_INVALID_ARGUMENT on an
 *  unknown value. */
POSTPARSE_API int postparse_options_set_body_format(postparse_options *options,
                                                    postparse_body_format format) POSTPARSE_NOEXCEPT;

/** Records the HTML parse errors of the body as POSTPARSE_ERR_HTML notes
 *  (off by default: real pages have many, and they rarely matter). */
POSTPARSE_API int postparse_options_set_html_errors(postparse_options *options,
                                                    int enable) POSTPARSE_NOEXCEPT;

/** Parses the body as a browser with scripting enabled would: <noscript>
 *  content becomes text.  Off by default, so that it becomes markup. */
POSTPARSE_API int postparse_options_set_scripting(postparse_options *options,
                                                  int enable) POSTPARSE_NOEXCEPT;

/** Names the source (e.g. a file path) for the JSON output's "source" field.
 *  The bytes are copied.  Default: no name. */
POSTPARSE_API int postparse_options_set_source_name(postparse_options *options,
                                                    const char *name,
                                                    size_t len) POSTPARSE_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Documents                                                                 */
/* ------------------------------------------------------------------------ */

typedef struct postparse_doc postparse_doc;

/** Parses `len` bytes at `data` (a whole post file) into a new document.
 *
 *  `options` may be NULL for the defaults; it is not retained.  The bytes are
 *  copied, so `data` may be released as soon as this returns.  On success
 *  *out receives a document the caller owns (postparse_doc_free) and the
 *  result is POSTPARSE_OK — even when the post has problems, which are then
 *  diagnostics on the document.  Failures (no document, *out = NULL):
 *  POSTPARSE_ERR_INVALID_ARGUMENT (out NULL, or data NULL with len > 0),
 *  POSTPARSE_ERR_INPUT_TOO_LARGE, POSTPARSE_ERR_NO_MEMORY,
 *  POSTPARSE_ERR_INTERNAL.  Thread-safe: any number of parses may run at once.
 *
 *  Encodings: the post is read as UTF-8.  Input that starts with a UTF-16 or
 *  UTF-32 byte order mark (LE or BE) is decoded into UTF-8 first, with a
 *  POSTPARSE_ERR_SYNTAX note naming the encoding; postparse_doc_source is
 *  then the decoded UTF-8 text, and every byte offset and span refers to it
 *  (lines and columns are the same as in the original).  Ill-formed UTF-16
 *  or UTF-32 units (lone surrogates, a truncated last unit) become U+FFFD
 *  with one POSTPARSE_ERR_SYNTAX warning at the first.  A run of UTF-8 BOMs
 *  at the start is skipped with a warning.  Ill-formed UTF-8 anywhere in the
 *  post (e.g. a GBK, Big5 or Latin-1 post; other encodings are not guessed)
 *  is read as U+FFFD, with one POSTPARSE_ERR_SYNTAX warning per post at the
 *  first ill-formed sequence, in the part it falls in.  The input limit
 *  (POSTPARSE_LIMIT_INPUT_BYTES) applies to the bytes as given.
 */
POSTPARSE_API int postparse_doc_parse(const char *data, size_t len,
                                      const postparse_options *options,
                                      postparse_doc **out) POSTPARSE_NOEXCEPT;

/** Releases a document and everything borrowed from it.  NULL is a no-op. */
POSTPARSE_API void postparse_doc_free(postparse_doc *doc) POSTPARSE_NOEXCEPT;

/** The text the document was parsed from (its own copy): the input bytes as
 *  given (which may hold ill-formed UTF-8), or their UTF-8 decoding when the
 *  input was UTF-16 or UTF-32 (see postparse_doc_parse).  Every offset of the
 *  document refers to this text.  Borrowed: valid until postparse_doc_free. */
POSTPARSE_API postparse_str postparse_doc_source(const postparse_doc *doc) POSTPARSE_NOEXCEPT;

/** The syntax of the front matter block. */
typedef enum postparse_format {
  POSTPARSE_FORMAT_NONE = 0, /**< no front matter block */
  POSTPARSE_FORMAT_YAML = 1, /**< `---` fences (or Hexo's unfenced form) */
  POSTPARSE_FORMAT_JSON = 2, /**< `;;;` fences (Hexo) or a bare `{...}` */
  POSTPARSE_FORMAT_TOML = 3  /**< `+++` fences (Hugo) */
} postparse_format;

/** The front matter's format; POSTPARSE_FORMAT_NONE when there is none (or
 *  for a NULL doc). */
POSTPARSE_API postparse_format postparse_doc_format(const postparse_doc *doc) POSTPARSE_NOEXCEPT;

/** The whole front matter block, fences included, into *out.
 *  POSTPARSE_ERR_NOT_FOUND when the post has no front matter. */
POSTPARSE_API int postparse_doc_front_matter_span(const postparse_doc *doc,
                                                  postparse_span *out) POSTPARSE_NOEXCEPT;

/** The front matter's content: the bytes between the fences. */
POSTPARSE_API int postparse_doc_front_matter_content_span(const postparse_doc *doc,
                                                          postparse_span *out) POSTPARSE_NOEXCEPT;

/** The body: everything after the line of the closing fence (the whole input
 *  after the BOMs when there is no front matter).  Always succeeds for a
 *  non-NULL document; the span may be empty. */
POSTPARSE_API int postparse_doc_body_span(const postparse_doc *doc,
                                          postparse_span *out) POSTPARSE_NOEXCEPT;

/** The body's bytes: a view into postparse_doc_source. */
POSTPARSE_API postparse_str postparse_doc_body(const postparse_doc *doc) POSTPARSE_NOEXCEPT;

typedef struct postparse_value postparse_value;

/** The root value of the front matter (normally a mapping), borrowed from the
 *  document; NULL when there is no front matter or it failed to parse (see
 *  the diagnostics). */
POSTPARSE_API const postparse_value *
postparse_doc_front_matter(const postparse_doc *doc) POSTPARSE_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Diagnostics                                                               */
/* ------------------------------------------------------------------------ */

typedef enum postparse_severity {
  POSTPARSE_SEVERITY_NOTE = 0,
  POSTPARSE_SEVERITY_WARNING = 1,
  POSTPARSE_SEVERITY_ERROR = 2
} postparse_severity;

/** Which part of the post a diagnostic is about. */
typedef enum postparse_part {
  POSTPARSE_PART_SPLIT = 0,        /**< finding the front matter block */
  POSTPARSE_PART_FRONT_MATTER = 1, /**< parsing/typing the front matter */
  POSTPARSE_PART_BODY = 2,         /**< the body */
  POSTPARSE_PART_PROFILE = 3       /**< a profile (positions are in the profile's text) */
} postparse_part;

/** One problem found in a post.  `message` is borrowed from the document. */
typedef struct postparse_diagnostic {
  int code;                    /**< a POSTPARSE_ERR_* status code */
  postparse_severity severity;
  postparse_part part;
  postparse_str message;       /**< English, one line */
  size_t offset;               /**< byte offset in the whole input */
  size_t line;                 /**< 1-based */
  size_t column;               /**< 1-based, in code points */
} postparse_diagnostic;

/** How the body was read: POSTPARSE_BODY_HTML or POSTPARSE_BODY_MARKDOWN
 *  (never AUTO; HTML for NULL). */
POSTPARSE_API postparse_body_format postparse_doc_body_format(const postparse_doc *doc) POSTPARSE_NOEXCEPT;

/** Number of diagnostics on the document (0 for NULL). */
POSTPARSE_API size_t postparse_doc_diagnostic_count(const postparse_doc *doc) POSTPARSE_NOEXCEPT;

/** Copies diagnostic `index` (in order of position within each stage) into
 *  *out.  POSTPARSE_ERR_NOT_FOUND when index >= the count. */
POSTPARSE_API int postparse_doc_diagnostic(const postparse_doc *doc,
                                           size_t index,
                                           postparse_diagnostic *out) POSTPARSE_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Profiles: site knowledge as YAML rules                                    */
/* ------------------------------------------------------------------------ */

/* A profile is a YAML file of rules that classify or drop paragraphs and
 * images and capture metadata, with XPath 1.0 selectors over the body's DOM
 * and RE2 patterns over normalised text; the format is documented in
 * profiles/README.md (installed under share/postparse/profiles/).  A
 * built-in profile (postparse_default_profile_text) applies unless turned
 * off; profiles added to the options apply after it, in the order added,
 * and a later rule wins over an earlier one and over the generic signals
 * (link density, class/id markers). */

/** A compiled profile: opaque, immutable, safe to share between threads. */
typedef struct postparse_profile postparse_profile;

/** The largest profile text postparse_profile_load accepts (1 MiB). */
#define POSTPARSE_PROFILE_MAX_BYTES_DEFAULT ((size_t)1 << 20)

/** Compiles the profile in the UTF-8 YAML text `yaml` (`len` bytes; copied).
 *  *out receives a profile the caller releases with postparse_profile_free,
 *  also when the text has errors: every problem is a diagnostic on it with
 *  its line and column (part POSTPARSE_PART_PROFILE), rules with errors are
 *  left out and the others are usable.  Returns POSTPARSE_OK when there is
 *  no error diagnostic, else the code of the first error:
 *  POSTPARSE_ERR_SYNTAX (not YAML), POSTPARSE_ERR_PROFILE (not a valid
 *  profile), POSTPARSE_ERR_XPATH (bad `select`), POSTPARSE_ERR_REGEX (bad
 *  `match`/`split`).  POSTPARSE_ERR_INVALID_ARGUMENT (out NULL, or yaml
 *  NULL with len > 0), POSTPARSE_ERR_NO_MEMORY and
 *  POSTPARSE_ERR_INPUT_TOO_LARGE (more than
 *  POSTPARSE_PROFILE_MAX_BYTES_DEFAULT bytes) leave *out NULL.
 *  Cost: each rule's `select` is evaluated once per parsed document, and
 *  pugixml has no step budget, so only selector shapes of known cost are
 *  accepted; any other is refused with POSTPARSE_ERR_XPATH (the message
 *  gives the character where it starts).  Inside a predicate only child,
 *  attribute and self steps, ended at most by one '..', parent:: or
 *  ancestor:: step (never followed by another), strings read only from
 *  '.', '@attr', text() and literals, and no id(); never the following,
 *  preceding or sibling axes, nor absolute paths, '//' or descendant axes
 *  inside a predicate (profiles/README.md lists the rules).  With n the
 *  DOM's nodes and d its depth (POSTPARSE_LIMIT_HTML_DEPTH), each step or
 *  predicate of an accepted selector then costs O(n x d) node visits, an
 *  attribute test scanning the element's attributes
 *  (POSTPARSE_LIMIT_HTML_ATTRIBUTES).  A selector that can only give
 *  text or comment nodes is refused too (it would never apply).
 *  Thread-safe. */
POSTPARSE_API int postparse_profile_load(const char *yaml, size_t len,
                                         postparse_profile **out) POSTPARSE_NOEXCEPT;

/** postparse_profile_load with a size limit: `max_bytes` (0: the default,
 *  POSTPARSE_PROFILE_MAX_BYTES_DEFAULT).  A text of more than `max_bytes`
 *  bytes is not read: POSTPARSE_ERR_INPUT_TOO_LARGE, *out NULL.  Callers
 *  reading a profile file need read no more than max_bytes + 1 bytes to
 *  know.  postparse_profile_load is this with the default limit.
 *  Thread-safe. */
POSTPARSE_API int postparse_profile_load_limited(const char *yaml, size_t len, size_t max_bytes,
                                                 postparse_profile **out) POSTPARSE_NOEXCEPT;

/** Releases a profile (NULL is a no-op).  Options it was added to keep
 *  their own reference, so it may be freed right after adding. */
POSTPARSE_API void postparse_profile_free(postparse_profile *profile) POSTPARSE_NOEXCEPT;

/** The profile's `profile:` name (borrowed from the profile); empty if none. */
POSTPARSE_API postparse_str postparse_profile_name(const postparse_profile *profile) POSTPARSE_NOEXCEPT;

/** Number of usable rules (rules with errors are not counted). */
POSTPARSE_API size_t postparse_profile_rule_count(const postparse_profile *profile) POSTPARSE_NOEXCEPT;

/** Number of diagnostics found while loading (0 for NULL). */
POSTPARSE_API size_t postparse_profile_diagnostic_count(const postparse_profile *profile) POSTPARSE_NOEXCEPT;

/** Copies diagnostic `index` into *out; offsets, lines and columns are in
 *  the profile's text, `message` is borrowed from the profile.
 *  POSTPARSE_ERR_NOT_FOUND when index >= the count. */
POSTPARSE_API int postparse_profile_diagnostic(const postparse_profile *profile, size_t index,
                                               postparse_diagnostic *out) POSTPARSE_NOEXCEPT;

/** The YAML text of the built-in profile (static, NUL-terminated; *len may
 *  be NULL), to copy and adapt.  Thread-safe. */
POSTPARSE_API const char *postparse_default_profile_text(size_t *len) POSTPARSE_NOEXCEPT;

/** Applies `profile` too when parsing with these options (after the built-in
 *  profile and the profiles added before).  The options share the profile;
 *  the caller still frees its own handle.  Returns
 *  POSTPARSE_ERR_INVALID_ARGUMENT for NULL arguments. */
POSTPARSE_API int postparse_options_add_profile(postparse_options *options,
                                                const postparse_profile *profile) POSTPARSE_NOEXCEPT;

/** Turns the built-in profile on (default) or off. */
POSTPARSE_API int postparse_options_set_default_profile(postparse_options *options,
                                                        int enable) POSTPARSE_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Values (the typed front matter tree)                                      */
/* ------------------------------------------------------------------------ */

typedef enum postparse_kind {
  POSTPARSE_KIND_NULL = 0,
  POSTPARSE_KIND_BOOL = 1,
  POSTPARSE_KIND_INT = 2,       /**< see postparse_value_is_big */
  POSTPARSE_KIND_FLOAT = 3,     /**< includes .inf and .nan */
  POSTPARSE_KIND_STRING = 4,
  POSTPARSE_KIND_TIMESTAMP = 5, /**< a YAML timestamp (plain scalar) or a TOML date */
  POSTPARSE_KIND_SEQUENCE = 6,
  POSTPARSE_KIND_MAPPING = 7
} postparse_kind;

/** How a value was written. */
typedef enum postparse_style {
  POSTPARSE_STYLE_PLAIN = 0,
  POSTPARSE_STYLE_SINGLE_QUOTED = 1,
  POSTPARSE_STYLE_DOUBLE_QUOTED = 2,
  POSTPARSE_STYLE_LITERAL = 3, /**< YAML `|` block scalar */
  POSTPARSE_STYLE_FOLDED = 4,  /**< YAML `>` block scalar */
  POSTPARSE_STYLE_BLOCK = 5,   /**< block collection (indentation) */
  POSTPARSE_STYLE_FLOW = 6     /**< flow collection: [..] / {..} */
} postparse_style;

/** All value accessors: `value` is borrowed from its document and the
 *  results are borrowed too.  A NULL value gives POSTPARSE_KIND_NULL / empty
 *  views / POSTPARSE_ERR_INVALID_ARGUMENT. */

POSTPARSE_API postparse_kind postparse_value_kind(const postparse_value *value) POSTPARSE_NOEXCEPT;
POSTPARSE_API postparse_style postparse_value_style(const postparse_value *value) POSTPARSE_NOEXCEPT;

/** The value exactly as written in the file (quotes and block indicators
 *  included for scalars; the whole text for collections). */
POSTPARSE_API postparse_str postparse_value_raw(const postparse_value *value) POSTPARSE_NOEXCEPT;

/** The explicit tag, resolved (e.g. "tag:yaml.org,2002:str" for `!!str`);
 *  empty when the value had none. */
POSTPARSE_API postparse_str postparse_value_tag(const postparse_value *value) POSTPARSE_NOEXCEPT;

/** Where the value is written (its raw text). */
POSTPARSE_API postparse_span postparse_value_span(const postparse_value *value) POSTPARSE_NOEXCEPT;

/** The text of a scalar after unquoting/unescaping/folding; for every scalar
 *  kind (a number's text as written, "" for an empty null).  Empty for
 *  collections. */
POSTPARSE_API postparse_str postparse_value_text(const postparse_value *value) POSTPARSE_NOEXCEPT;

/** Reads a bool.  POSTPARSE_ERR_WRONG_KIND for other kinds. */
POSTPARSE_API int postparse_value_bool(const postparse_value *value, int *out) POSTPARSE_NOEXCEPT;

/** Reads an int.  POSTPARSE_ERR_OUT_OF_RANGE for integers beyond 64 bits
 *  (their exact digits are in postparse_value_text). */
POSTPARSE_API int postparse_value_int(const postparse_value *value, int64_t *out) POSTPARSE_NOEXCEPT;

/** Non-zero when an integer does not fit in int64_t. */
POSTPARSE_API int postparse_value_is_big(const postparse_value *value) POSTPARSE_NOEXCEPT;

/** Reads a float; an int is converted too (possibly rounding). */
POSTPARSE_API int postparse_value_float(const postparse_value *value, double *out) POSTPARSE_NOEXCEPT;

/** A point in time. */
typedef struct postparse_time {
  int64_t unix_seconds;   /**< seconds since 1970-01-01T00:00:00Z */
  int32_t nanoseconds;    /**< 0..999999999 */
  int32_t offset_seconds; /**< UTC offset it was written in, or the default zone's */
  int explicit_offset;    /**< non-zero when the text carried an offset or zone */
  int has_time;           /**< zero for a date-only value */
} postparse_time;

/** Reads any scalar as a time: YAML timestamps, RFC 3339 / ISO 8601, RFC 2822
 *  (`Sat, 31 Jul 2021 12:27:53 GMT`), `YYYY-MM-DD[ HH:MM[:SS]]`,
 *  `YYYY/MM/DD`.  Naive times are read in the options' time zone; one that
 *  a DST change skipped is read with the offset before the change (moved
 *  forward by the gap), one it repeated as its first occurrence (the
 *  document's diagnostics warn about date fields read so).
 *  POSTPARSE_ERR_NOT_FOUND when the text is not a date,
 *  POSTPARSE_ERR_INVALID_DATE when it names an impossible one,
 *  POSTPARSE_ERR_WRONG_KIND for collections. */
POSTPARSE_API int postparse_value_time(const postparse_value *value,
                                       postparse_time *out) POSTPARSE_NOEXCEPT;

/** Writes `time` as RFC 3339 with its offset (e.g. 2021-07-31T12:27:53+00:00)
 *  into `buf` (NUL-terminated; 40 bytes always suffice).  RFC 3339 offsets
 *  are whole minutes: an offset with seconds (local mean time,
 *  +08:05:43) is rounded to the nearest minute, halves away from zero, but
 *  never past +/-23:59 (RFC 3339 has no +24:00), and the clock time shown
 *  moves with it, so the text is the same instant (12:00:00+08:05:43 is
 *  written 12:00:17+08:06, 00:00:00+23:59:30 as 23:59:30+23:59 the day
 *  before).  Returns the length,
 *  or 0 when buf is NULL or too small, or when `time` is out of range:
 *  nanoseconds outside 0..999999999, an offset of a day or more, or a local
 *  time outside the years 0000-9999. */
POSTPARSE_API size_t postparse_time_format(const postparse_time *time, char *buf,
                                           size_t size) POSTPARSE_NOEXCEPT;

/** Number of items of a sequence or pairs of a mapping; 0 otherwise. */
POSTPARSE_API size_t postparse_value_size(const postparse_value *value) POSTPARSE_NOEXCEPT;

/** Item `index` of a sequence, or the value of pair `index` of a mapping;
 *  NULL when out of range or not a collection. */
POSTPARSE_API const postparse_value *postparse_value_at(const postparse_value *value,
                                                        size_t index) POSTPARSE_NOEXCEPT;

/** The key of pair `index` of a mapping (keys may be of any kind); NULL when
 *  out of range or not a mapping. */
POSTPARSE_API const postparse_value *
postparse_value_key_at(const postparse_value *value, size_t index) POSTPARSE_NOEXCEPT;

/** The value of the first pair whose key is a scalar with exactly this text;
 *  NULL when absent or not a mapping.  `key` need not be NUL-terminated. */
POSTPARSE_API const postparse_value *postparse_value_get(const postparse_value *value,
                                                         const char *key,
                                                         size_t key_len) POSTPARSE_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* The body's DOM                                                            */
/* ------------------------------------------------------------------------ */

/* The body is parsed with the WHATWG HTML algorithm into a tree of nodes.
 * Nodes are borrowed from their document and immutable.  Functions that take
 * only a node work on any node of any document; those that also take the
 * document need the document the node belongs to. */

typedef struct postparse_node postparse_node;

typedef enum postparse_node_type {
  POSTPARSE_NODE_DOCUMENT = 0, /**< the root of a whole-document parse */
  POSTPARSE_NODE_ELEMENT = 1,
  POSTPARSE_NODE_TEXT = 2,
  POSTPARSE_NODE_COMMENT = 3,
  POSTPARSE_NODE_DOCTYPE = 4
} postparse_node_type;

typedef enum postparse_namespace {
  POSTPARSE_NS_HTML = 0,
  POSTPARSE_NS_SVG = 1,
  POSTPARSE_NS_MATHML = 2
} postparse_namespace;

/** The root of the body's tree: for a fragment (the default) an <html>
 *  element whose children are the body's content; for a whole document the
 *  document node.  Never NULL for a non-NULL document. */
POSTPARSE_API const postparse_node *postparse_doc_body_root(const postparse_doc *doc) POSTPARSE_NOEXCEPT;

/** Non-zero when the body was parsed as a whole document. */
POSTPARSE_API int postparse_doc_body_is_document(const postparse_doc *doc) POSTPARSE_NOEXCEPT;

POSTPARSE_API postparse_node_type postparse_node_kind(const postparse_node *node) POSTPARSE_NOEXCEPT;

/** An element's tag name as in the DOM: lowercase for HTML, SVG's camelCase
 *  (e.g. "clipPath"); "" for other kinds. */
POSTPARSE_API postparse_str postparse_node_name(const postparse_node *node) POSTPARSE_NOEXCEPT;

/** The text of a text or comment node, the name of a DOCTYPE; "" otherwise.
 *  Character references are decoded. */
POSTPARSE_API postparse_str postparse_node_value(const postparse_node *node) POSTPARSE_NOEXCEPT;

/** Tree navigation; NULL where there is no such node. */
POSTPARSE_API const postparse_node *postparse_node_parent(const postparse_node *node) POSTPARSE_NOEXCEPT;
POSTPARSE_API const postparse_node *postparse_node_first_child(const postparse_node *node) POSTPARSE_NOEXCEPT;
POSTPARSE_API const postparse_node *postparse_node_last_child(const postparse_node *node) POSTPARSE_NOEXCEPT;
POSTPARSE_API const postparse_node *postparse_node_next_sibling(const postparse_node *node) POSTPARSE_NOEXCEPT;
POSTPARSE_API const postparse_node *postparse_node_previous_sibling(const postparse_node *node) POSTPARSE_NOEXCEPT;

/** Number of attributes of an element (0 for other kinds). */
POSTPARSE_API size_t postparse_node_attribute_count(const postparse_node *node) POSTPARSE_NOEXCEPT;

/** Attribute `index` of an element, in source order.  POSTPARSE_ERR_NOT_FOUND
 *  when out of range.  name and value may be NULL when not wanted. */
POSTPARSE_API int postparse_node_attribute_at(const postparse_node *node, size_t index,
                                              postparse_str *name,
                                              postparse_str *value) POSTPARSE_NOEXCEPT;

/** The value of the attribute with this (lowercase) name.
 *  POSTPARSE_ERR_NOT_FOUND when the element has none. */
POSTPARSE_API int postparse_node_attribute(const postparse_node *node, const char *name,
                                           size_t name_len,
                                           postparse_str *value) POSTPARSE_NOEXCEPT;

/** The element's namespace (HTML for other kinds). */
POSTPARSE_API postparse_namespace postparse_node_namespace(const postparse_doc *doc,
                                                          const postparse_node *node) POSTPARSE_NOEXCEPT;

/** Where the node is written in the input: an element from its start tag to
 *  the end of its end tag (or to where it was implicitly closed); a text node
 *  over the markup its text came from.  Nodes the parser made up (an implied
 *  <tbody>) have an empty span where they were implied. */
POSTPARSE_API int postparse_node_span(const postparse_doc *doc, const postparse_node *node,
                                      postparse_span *out) POSTPARSE_NOEXCEPT;

/** Serialises the node as HTML (the WHATWG fragment serialisation): with
 *  `outer` non-zero the node itself, otherwise its children.  *out receives
 *  a NUL-terminated buffer released with postparse_free. */
POSTPARSE_API int postparse_node_to_html(const postparse_doc *doc, const postparse_node *node,
                                         int outer, char **out, size_t *len) POSTPARSE_NOEXCEPT;

/** The concatenated text of the node and its descendants (no markup).  *out
 *  receives a NUL-terminated buffer released with postparse_free. */
POSTPARSE_API int postparse_node_text_content(const postparse_node *node, char **out,
                                              size_t *len) POSTPARSE_NOEXCEPT;

/** The result of an XPath query; owned by the caller. */
typedef struct postparse_node_list postparse_node_list;

/** Evaluates an XPath 1.0 expression (through pugixml) against the body's
 *  tree, with the body root as context node, and returns the matches in
 *  document order.  Elements are named by their tag names; attributes match
 *  too (e.g. //img/@src).  POSTPARSE_ERR_XPATH when the expression is not
 *  valid XPath 1.0, holds a NUL byte (never cut short at it), or does not
 *  yield a node set (*out = NULL).  Thread-safe on a shared document.
 *  Cost: pugixml has no step budget, and a predicate is evaluated for every
 *  candidate node, so an absolute path or a subtree search inside one
 *  (//p[count(//p) > 0]) costs nodes x nodes (seconds on a few hundred KB);
 *  callers running untrusted expressions should refuse those shapes, as
 *  postparse_profile_load does for profiles. */
POSTPARSE_API int postparse_doc_select(const postparse_doc *doc, const char *xpath, size_t len,
                                       postparse_node_list **out) POSTPARSE_NOEXCEPT;

POSTPARSE_API size_t postparse_node_list_size(const postparse_node_list *list) POSTPARSE_NOEXCEPT;

/** Match `index`: the node, or for an attribute match its element. */
POSTPARSE_API const postparse_node *postparse_node_list_at(const postparse_node_list *list,
                                                           size_t index) POSTPARSE_NOEXCEPT;

/** The XPath string value of match `index`: an attribute's value, a node's
 *  text content.  Borrowed from the list. */
POSTPARSE_API postparse_str postparse_node_list_string(const postparse_node_list *list,
                                                       size_t index) POSTPARSE_NOEXCEPT;

/** Releases a node list.  NULL is a no-op. */
POSTPARSE_API void postparse_node_list_free(postparse_node_list *list) POSTPARSE_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Extraction: paragraphs, inline spans, images, links, comments, metadata  */
/* ------------------------------------------------------------------------ */

/* The body is cut into paragraphs as a reader sees them: blocks start and
 * end paragraphs, a single <br> is a line break ('\n'), <br><br> and empty
 * or spacer paragraphs separate them; script, style, templates, comments,
 * form controls and hidden elements never give text.  Text is normalised:
 * white space (U+3000, NBSP, U+2000-U+200A...) collapsed and trimmed,
 * zero-width characters and soft hyphens dropped, line breaks between CJK
 * characters joined without a space, NFC (see postparse_options_set_text_form).
 * Each paragraph is content or boilerplate, with a machine-readable reason. */

typedef enum postparse_paragraph_kind {
  POSTPARSE_PARAGRAPH = 0,
  POSTPARSE_PARAGRAPH_HEADING = 1,
  POSTPARSE_PARAGRAPH_LIST_ITEM = 2,
  POSTPARSE_PARAGRAPH_QUOTE = 3,
  POSTPARSE_PARAGRAPH_PRE = 4,
  POSTPARSE_PARAGRAPH_TABLE_CELL = 5,
  POSTPARSE_PARAGRAPH_CAPTION = 6
} postparse_paragraph_kind;

/** How paragraph text is normalised.  In every form, control characters
 *  (C0 but '\n' and tab, DEL, C1 U+0080-U+009F) are dropped and ill-formed
 *  UTF-8 becomes U+FFFD; '\n' is a line break, and a tab can remain only in
 *  raw text and pre blocks. */
typedef enum postparse_text_form {
  POSTPARSE_TEXT_NFC = 0,  /**< default */
  POSTPARSE_TEXT_NFKC = 1, /**< also folds compatibility forms (fullwidth letters...) */
  POSTPARSE_TEXT_RAW = 2   /**< the text as collected: no white-space work, no NFC;
                                source line breaks are '\n' */
} postparse_text_form;

/** Sets the text normalisation.  POSTPARSE_ERR_INVALID_ARGUMENT on an unknown
 *  form. */
POSTPARSE_API int postparse_options_set_text_form(postparse_options *options,
                                                  postparse_text_form form) POSTPARSE_NOEXCEPT;

/** Number of paragraphs (content and boilerplate), in document order. */
POSTPARSE_API size_t postparse_doc_paragraph_count(const postparse_doc *doc) POSTPARSE_NOEXCEPT;

/** Paragraph `index`'s normalised text (borrowed); empty when out of range. */
POSTPARSE_API postparse_str postparse_doc_paragraph_text(const postparse_doc *doc, size_t index) POSTPARSE_NOEXCEPT;

/** Paragraph `index`'s kind; *level receives a heading's level (1-6, else 0)
 *  when `level` is not NULL.  POSTPARSE_ERR_NOT_FOUND when out of range. */
POSTPARSE_API int postparse_doc_paragraph_kind(const postparse_doc *doc, size_t index,
                                               postparse_paragraph_kind *kind, int *level) POSTPARSE_NOEXCEPT;

/** Non-zero when paragraph `index` is boilerplate; *reason (may be NULL)
 *  receives why, e.g. "marker:qr", "editorial:editor", "link-density". */
POSTPARSE_API int postparse_doc_paragraph_is_boilerplate(const postparse_doc *doc, size_t index,
                                                         postparse_str *reason) POSTPARSE_NOEXCEPT;

/** Where paragraph `index` is written in the input. */
POSTPARSE_API int postparse_doc_paragraph_span(const postparse_doc *doc, size_t index,
                                               postparse_span *out) POSTPARSE_NOEXCEPT;

/** Editorial metadata found in the body. */
typedef enum postparse_editorial {
  POSTPARSE_EDITORIAL_EDITOR = 0,        /**< 责任编辑：NAME */
  POSTPARSE_EDITORIAL_SOURCE = 1,        /**< 来源：X */
  POSTPARSE_EDITORIAL_ORIGINAL_TITLE = 2 /**< 原标题：X */
} postparse_editorial;

/** The editorial field, or an empty view when the body has none. */
POSTPARSE_API postparse_str postparse_doc_editorial(const postparse_doc *doc,
                                                    postparse_editorial field) POSTPARSE_NOEXCEPT;

/** Reporters named as "(记者 A B)"; count and each name (borrowed). */
POSTPARSE_API size_t postparse_doc_reporter_count(const postparse_doc *doc) POSTPARSE_NOEXCEPT;
POSTPARSE_API postparse_str postparse_doc_reporter(const postparse_doc *doc, size_t index) POSTPARSE_NOEXCEPT;

/** A link or emphasis inside a paragraph.  Views are borrowed from the
 *  document.  Its text is a range of the paragraph's text (no copy):
 *  `text_offset`/`text_length` (bytes), and `text` is a view of exactly
 *  that range (empty, text_length 0, when the element has no visible
 *  text).  White space at its edges that normalisation collapsed lies
 *  outside the range; where normalisation joins characters across its edge
 *  (a combining mark right after it), the range is the nearest one of whole
 *  characters. */
typedef enum postparse_inline_kind {
  POSTPARSE_INLINE_LINK = 0,
  POSTPARSE_INLINE_EMPHASIS = 1, /**< em, i */
  POSTPARSE_INLINE_STRONG = 2,   /**< strong, b */
  POSTPARSE_INLINE_CODE = 3      /**< code outside pre */
} postparse_inline_kind;

typedef struct postparse_inline {
  postparse_inline_kind kind;
  postparse_str text;   /**< the paragraph's text at text_offset, text_length bytes */
  postparse_str href;   /**< links only, as written; else empty */
  size_t text_offset;
  size_t text_length;
  postparse_span span;  /**< the element in the input */
} postparse_inline;

/** Number of inline spans of paragraph `index` (0 when out of range). */
POSTPARSE_API size_t postparse_doc_inline_count(const postparse_doc *doc, size_t paragraph) POSTPARSE_NOEXCEPT;

/** Copies inline span `index` of paragraph `paragraph` into *out.
 *  POSTPARSE_ERR_NOT_FOUND when either index is out of range. */
POSTPARSE_API int postparse_doc_inline(const postparse_doc *doc, size_t paragraph, size_t index,
                                       postparse_inline *out) POSTPARSE_NOEXCEPT;

/** An <img> of the body (in document order; also those outside paragraphs). */
typedef struct postparse_image {
  postparse_str src, alt, cls; /**< attribute values as written (cls: class) */
  postparse_span span;
  int boilerplate;             /**< non-zero for promo/QR/furniture images */
  postparse_str reason;        /**< why, when boilerplate */
} postparse_image;

POSTPARSE_API size_t postparse_doc_image_count(const postparse_doc *doc) POSTPARSE_NOEXCEPT;
/** Copies image `index` into *out; POSTPARSE_ERR_NOT_FOUND when out of range. */
POSTPARSE_API int postparse_doc_image(const postparse_doc *doc, size_t index,
                                      postparse_image *out) POSTPARSE_NOEXCEPT;

/** An <a> of the body: href as written and its normalised text. */
typedef struct postparse_link {
  postparse_str href, text;
  postparse_span span;
} postparse_link;

POSTPARSE_API size_t postparse_doc_link_count(const postparse_doc *doc) POSTPARSE_NOEXCEPT;
/** Copies link `index` into *out; POSTPARSE_ERR_NOT_FOUND when out of range. */
POSTPARSE_API int postparse_doc_link(const postparse_doc *doc, size_t index,
                                     postparse_link *out) POSTPARSE_NOEXCEPT;

/** Number of HTML comments in the body; comment `index`'s text as written
 *  (borrowed) and, when `span` is not NULL, where it is.  The text is empty
 *  and *span untouched when out of range. */
POSTPARSE_API size_t postparse_doc_comment_count(const postparse_doc *doc) POSTPARSE_NOEXCEPT;
POSTPARSE_API postparse_str postparse_doc_comment(const postparse_doc *doc, size_t index,
                                                  postparse_span *span) POSTPARSE_NOEXCEPT;

/** Non-zero when the body has Hexo's excerpt marker (<!-- more -->);
 *  *paragraphs (may be NULL) receives how many paragraphs come before it. */
POSTPARSE_API int postparse_doc_excerpt(const postparse_doc *doc, size_t *paragraphs) POSTPARSE_NOEXCEPT;

/** Metadata the profiles captured, in the order found: key (e.g. "editor",
 *  "reporters", "source", "original_title", "keywords", or any key a
 *  profile names), value, the rule that captured it, and where its
 *  paragraph, image or comment is.  A key may repeat (one entry per
 *  reporter).  Views are borrowed from the document. */
typedef struct postparse_metadata {
  postparse_str key, value, rule;
  postparse_span span;
} postparse_metadata;

POSTPARSE_API size_t postparse_doc_metadata_count(const postparse_doc *doc) POSTPARSE_NOEXCEPT;
/** Copies entry `index` into *out; POSTPARSE_ERR_NOT_FOUND when out of range. */
POSTPARSE_API int postparse_doc_metadata(const postparse_doc *doc, size_t index,
                                         postparse_metadata *out) POSTPARSE_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Output                                                                    */
/* ------------------------------------------------------------------------ */

/** Renders the document as one JSON object on one line (UTF-8, no trailing
 *  newline): source name, front matter (format, span, data, resolved dates
 *  by JSON pointer), body span and diagnostics.  *out receives a
 *  NUL-terminated buffer the caller releases with postparse_free; *len (may
 *  be NULL) its length.  `flags` is reserved and must be 0.
 *  Thread-safe on a shared document. */
POSTPARSE_API int postparse_doc_to_json(const postparse_doc *doc, unsigned flags,
                                        char **out, size_t *len) POSTPARSE_NOEXCEPT;

/** Flags of postparse_doc_to_text and postparse_doc_to_markdown. */
#define POSTPARSE_OUTPUT_BOILERPLATE 1u /**< include boilerplate paragraphs too */

/** Renders the content paragraphs as plain text: each paragraph's text,
 *  paragraphs separated by one blank line, a final newline (empty output
 *  for a post without content).  Allocation, ownership and errors as
 *  postparse_doc_to_json; `flags` is 0 or POSTPARSE_OUTPUT_BOILERPLATE.
 *  Thread-safe on a shared document. */
POSTPARSE_API int postparse_doc_to_text(const postparse_doc *doc, unsigned flags,
                                        char **out, size_t *len) POSTPARSE_NOEXCEPT;

/** Renders the content paragraphs as CommonMark: headings as `#`, list
 *  items as `- `, quotes as `> `, pre as fenced code, links as
 *  [text](href), emphasis, strong and code spans kept; other text escaped
 *  so that it reads back as the same text.  Allocation, ownership, flags
 *  and errors as postparse_doc_to_text. */
POSTPARSE_API int postparse_doc_to_markdown(const postparse_doc *doc, unsigned flags,
                                            char **out, size_t *len) POSTPARSE_NOEXCEPT;

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* POSTPARSE_POSTPARSE_H */
