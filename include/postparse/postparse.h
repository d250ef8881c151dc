/*
 * postparse — parse posts (front matter + body) into typed metadata and
 * clean paragraphs.
 *
 * This header is the whole public contract of the library, and its manual.
 * It is grouped by object, each object's functions under its own section:
 *
 *   Library      version, status codes, postparse_free
 *   Value types  postparse_str, postparse_span, postparse_diagnostic
 *   Options      postparse_options_*      (how posts are parsed)
 *   Profiles     postparse_profile_*      (site knowledge as YAML rules)
 *   Documents    postparse_doc_*          (a parsed post: parts, diagnostics,
 *                                          paragraphs, images, links,
 *                                          comments, editorial fields,
 *                                          renderings, the body's tree)
 *   Values       postparse_value_*        (the typed front matter tree)
 *   Times        postparse_time_*, postparse_doc_date_*
 *   Edits        postparse_edit_*         (writing the front matter back,
 *                                          changing only the bytes edited;
 *                                          converting between formats)
 *   Nodes        postparse_node_*         (the body's DOM)
 *   Node lists   postparse_node_list_*    (XPath results)
 *
 * Conventions that hold for every declaration below unless it says otherwise:
 *
 *  - Ownership.  Objects are opaque handles.  A handle made by a *_new,
 *    *_parse, *_load or *_select call is owned by the caller, who releases
 *    it with the matching *_free (NULL is always a no-op).  Everything read
 *    from an object (values, nodes, strings, diagnostics) is *borrowed*: it
 *    stays valid until that object is freed.  Buffers the library allocates
 *    for the caller (renderings, serialised HTML) are released with
 *    postparse_free().
 *  - Strings.  `postparse_str` is a view `{data, len}` — NOT NUL-terminated,
 *    may contain NUL bytes, `data` is never NULL (an empty view points at
 *    "").  Strings passed in are `(const char *, size_t)` pairs; the bytes
 *    need not be NUL-terminated and are copied when kept.
 *  - Status.  Calls that can fail return a `postparse_status`: POSTPARSE_OK
 *    (0) on success, else one of the POSTPARSE_ERR_* codes below, whose
 *    values are pinned forever; postparse_status_str() names them.  A NULL
 *    object or out pointer, or an enum value out of range, is
 *    POSTPARSE_ERR_INVALID_ARGUMENT.  Problems *inside* a post (bad YAML, an
 *    invalid date, a limit hit) are not failures of the call: they are
 *    diagnostics on the document, and the rest of the post is returned.
 *  - Finding nothing.  One rule, by what the accessor returns:
 *      a handle (value, node)  NULL
 *      a string view           the empty view
 *      a count                 0
 *      a predicate (bool)      false
 *      a status, filling *out  POSTPARSE_ERR_NOT_FOUND, *out left unchanged
 *    "Nothing" covers an index out of range, an absent key or part, and a
 *    NULL object given to an accessor that returns no status.  Collections
 *    are read as postparse_<object>_<item>_count() and
 *    postparse_<object>_<item>_at(); every _at of a document, profile or
 *    node list is O(1).
 *  - Growing structs.  Structs the caller allocates and the library fills
 *    (postparse_diagnostic, postparse_paragraph, postparse_inline,
 *    postparse_image, postparse_link, postparse_comment, postparse_editorial,
 *    postparse_time) start with `size_t size`, which the caller sets to the
 *    struct's size before the call — POSTPARSE_INIT(type) does it:
 *        postparse_image image = POSTPARSE_INIT(postparse_image);
 *    New members are only ever appended.  The library writes only the
 *    members that fit in `size`, so a program built against this header
 *    keeps working with a later library that appended members; a `size`
 *    smaller than the struct in this first published form is
 *    POSTPARSE_ERR_INVALID_ARGUMENT.  postparse_str and postparse_span are
 *    final and have no `size`.
 *  - Booleans are C99 `bool` (<stdbool.h>).
 *  - Exceptions.  No C++ exception ever crosses this interface: every
 *    function is noexcept when seen from C++.
 *  - Threads.  The library has no global mutable state.  A document, a
 *    profile, a node list and everything borrowed from them are immutable
 *    and may be read from any number of threads at once.  An options object
 *    may be shared read-only by concurrent parses, but must not be modified
 *    while a parse that uses it is running.
 *  - Positions.  Byte offsets are 0-based offsets into the document's source
 *    text (postparse_doc_source).  Lines and columns are 1-based and count
 *    in the whole file; a line ends at LF, CRLF or a lone CR; a column counts
 *    Unicode code points (a UTF-8 BOM is not counted).
 *  - Cost.  Calls are O(1) unless their comment gives their cost.
 */
#ifndef POSTPARSE_POSTPARSE_H
#define POSTPARSE_POSTPARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* POSTPARSE_API, made by the build for the library it built (shared or
 * static; a program linking the static library defines
 * POSTPARSE_STATIC_DEFINE, which the CMake target and `pkg-config --static`
 * do for it). */
#include "postparse/export.h"
/* POSTPARSE_VERSION_*, made by the build from the project's version. */
#include "postparse/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Every function is noexcept when seen from C++: no exception ever leaves
 * the library. */
#ifdef __cplusplus
#  define POSTPARSE_NOEXCEPT noexcept
#else
#  define POSTPARSE_NOEXCEPT
#endif

/* A growing struct with its `size` set and every other member zero (see
 * "Growing structs" above).  Use it to initialise a declaration. */
#ifdef __cplusplus
#  define POSTPARSE_INIT(type) ([] { type init_{}; init_.size = sizeof init_; return init_; }())
#else
#  define POSTPARSE_INIT(type) { .size = sizeof(type) }
#endif

/* ======================================================================== */
/* Library                                                                   */
/* ======================================================================== */

/** The version of the library actually linked, e.g. "0.1.0" (compare with
 *  POSTPARSE_VERSION_STRING, the header's).  Static string; never fails;
 *  thread-safe. */
POSTPARSE_API const char *postparse_version(void) POSTPARSE_NOEXCEPT;

/** POSTPARSE_VERSION_NUMBER of the library actually linked.  Thread-safe. */
POSTPARSE_API unsigned postparse_version_number(void) POSTPARSE_NOEXCEPT;

/** What a call that can fail returns: POSTPARSE_OK or a POSTPARSE_ERR_*
 *  code.  The same codes name the problems in diagnostics. */
typedef int postparse_status;

/* Status codes (pinned: values never change, new ones are only appended). */
#define POSTPARSE_OK 0
/** A required pointer argument was NULL, an enum argument out of range, or a
 *  growing struct's `size` too small. */
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
/** Diagnostic: nesting deeper than POSTPARSE_LIMIT_DEPTH or
 *  POSTPARSE_LIMIT_HTML_DEPTH. */
#define POSTPARSE_ERR_DEPTH_LIMIT 6
/** Diagnostic: alias expansion beyond POSTPARSE_LIMIT_ALIAS_NODES or
 *  POSTPARSE_LIMIT_ALIAS_BYTES, or an alias that refers to itself. */
#define POSTPARSE_ERR_ALIAS_LIMIT 7
/** Diagnostic: more mapping keys than POSTPARSE_LIMIT_KEYS. */
#define POSTPARSE_ERR_KEY_LIMIT 8
/** Diagnostic: the front matter is not well-formed YAML / JSON / TOML (also
 *  the note naming a UTF-16/32 input and the warning at ill-formed UTF-8). */
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
/** Edits: the path is not a JSON pointer (RFC 6901: empty, or '/'-separated
 *  tokens with `~0` for '~' and `~1` for '/'), a list index is not a decimal
 *  number, or the path names the root where a key or item is needed. */
#define POSTPARSE_ERR_BAD_PATH 26
/** Edits: the key a rename or insert would add is already in the mapping. */
#define POSTPARSE_ERR_KEY_EXISTS 27
/** Edits: the new text does not parse back to exactly the intended data (the
 *  original front matter with the edits applied), or its body differs from
 *  the original body.  Nothing is returned and the edit is unchanged. */
#define POSTPARSE_ERR_EDIT_VERIFY 28
/** Edits: the data cannot be written in the target format (TOML has no null;
 *  JSON has no infinity or NaN; TOML integers are 64-bit; keys that are
 *  collections, or two keys that become the same string). */
#define POSTPARSE_ERR_NOT_REPRESENTABLE 29
/** Edits: the value is written in a form the editor does not rewrite in
 *  place (a YAML alias, a complex `? key`, a pair inside a compact `- k: v`
 *  list item, a TOML [table] or [[array of tables]] replaced by another
 *  value, a sub-table not of the root deleted); the post is unchanged.
 *  Forms the editor rewrites but that would change more than the value
 *  (an anchor other values refer to) are caught by the re-parse:
 *  POSTPARSE_ERR_EDIT_VERIFY. */
#define POSTPARSE_ERR_EDIT_UNSUPPORTED 30
/** postparse_edit_new: the front matter did not parse cleanly (an error
 *  diagnostic in the split or front matter part other than an invalid date
 *  or a tag that does not fit its value — a syntax error, a duplicate key, a
 *  limit — or a root that is not a mapping), so no edit can be verified
 *  against it.  A post without front matter is editable. */
#define POSTPARSE_ERR_NOT_EDITABLE 31

/** The pinned name of a status code, e.g. "syntax" for POSTPARSE_ERR_SYNTAX,
 *  "ok" for 0, "unknown" for values not listed above.  Static string;
 *  thread-safe; never NULL. */
POSTPARSE_API const char *postparse_status_str(postparse_status status) POSTPARSE_NOEXCEPT;

/** Releases a buffer that postparse allocated for the caller (renderings,
 *  serialised HTML, text content).  NULL is a no-op.  Thread-safe. */
POSTPARSE_API void postparse_free(void *ptr) POSTPARSE_NOEXCEPT;

/* ======================================================================== */
/* Value types                                                               */
/* ======================================================================== */

/** A borrowed, NOT NUL-terminated string view.  `data` is never NULL.
 *  Final: never grows. */
typedef struct postparse_str {
  const char *data;
  size_t len;
} postparse_str;

/** A region of the source text: byte offset and length, plus the 1-based
 *  line and column of its first byte (see "Positions" above).  The JSON
 *  output writes every span as {"offset","length","line","column"}.
 *  Final: never grows. */
typedef struct postparse_span {
  size_t offset;
  size_t length;
  size_t line;
  size_t column;
} postparse_span;

typedef enum postparse_severity {
  POSTPARSE_SEVERITY_NOTE = 0,
  POSTPARSE_SEVERITY_WARNING = 1,
  POSTPARSE_SEVERITY_ERROR = 2
} postparse_severity;

/** Which part of the post (or profile) a diagnostic is about. */
typedef enum postparse_part {
  POSTPARSE_PART_SPLIT = 0,        /**< finding the front matter block */
  POSTPARSE_PART_FRONT_MATTER = 1, /**< parsing/typing the front matter */
  POSTPARSE_PART_BODY = 2,         /**< the body */
  POSTPARSE_PART_PROFILE = 3       /**< a profile (positions are in the profile's text) */
} postparse_part;

/** One problem found in a post or a profile (a growing struct: set `size`).
 *  `message` is borrowed from the document or profile. */
typedef struct postparse_diagnostic {
  size_t size;
  postparse_status code;       /**< a POSTPARSE_ERR_* code */
  postparse_severity severity;
  postparse_part part;
  postparse_str message;       /**< English, one line */
  size_t offset;               /**< byte offset in the source text */
  size_t line;                 /**< 1-based */
  size_t column;               /**< 1-based, in code points */
} postparse_diagnostic;

/* ======================================================================== */
/* Options                                                                   */
/* ======================================================================== */

/** How posts are parsed: a mutable object, copied into each document it
 *  parses (documents never refer back to it). */
typedef struct postparse_options postparse_options;

/** Creates an options object holding the defaults into *out; the caller
 *  releases it with postparse_options_free.  POSTPARSE_ERR_NO_MEMORY leaves
 *  *out NULL.  Thread-safe. */
POSTPARSE_API postparse_status postparse_options_new(postparse_options **out) POSTPARSE_NOEXCEPT;

/** Releases an options object.  NULL is a no-op.  Documents parsed with it
 *  and profiles added to it do not depend on it afterwards. */
POSTPARSE_API void postparse_options_free(postparse_options *options) POSTPARSE_NOEXCEPT;

/** A new options object with every setting of `options` (its profiles
 *  shared, not recompiled), into *out; the caller releases it with
 *  postparse_options_free.  For a thread that needs its own source name per
 *  post while the others parse with the same settings.  `options` may be in
 *  use by parses meanwhile (it is only read).  POSTPARSE_ERR_INVALID_ARGUMENT
 *  for NULL arguments, POSTPARSE_ERR_NO_MEMORY (*out NULL). */
POSTPARSE_API postparse_status postparse_options_clone(const postparse_options *options,
                                                       postparse_options **out) POSTPARSE_NOEXCEPT;

/* Every setter below returns POSTPARSE_OK, or POSTPARSE_ERR_INVALID_ARGUMENT
 * (options unchanged) for a NULL object or an enum value out of range, plus
 * the errors it lists; and may not be called while a parse uses the
 * object. */

/** Which YAML typing rules apply to plain scalars. */
typedef enum postparse_yaml_schema {
  /** YAML 1.2 core schema (default): true/false, null/~, ints, floats,
   *  plus YAML timestamps recognised as dates. */
  POSTPARSE_YAML_1_2 = 0,
  /** YAML 1.1 types: also yes/no/on/off booleans, 0777 octal, 0b binary,
   *  1_000 separators, 1:30 sexagesimal, and `<<` merge keys. */
  POSTPARSE_YAML_1_1 = 1
} postparse_yaml_schema;

POSTPARSE_API postparse_status postparse_options_set_yaml_schema(postparse_options *options,
                                                                 postparse_yaml_schema schema) POSTPARSE_NOEXCEPT;

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

POSTPARSE_API postparse_status postparse_options_set_duplicate_keys(postparse_options *options,
                                                                    postparse_duplicate_keys policy) POSTPARSE_NOEXCEPT;

/** Sets the IANA time zone (e.g. "Asia/Shanghai") in which dates written
 *  without an offset are read.  Default "UTC"; the machine's own zone is
 *  never used.  POSTPARSE_ERR_UNKNOWN_TIMEZONE (options unchanged) when the
 *  system tz database does not know the name, or when the name stands for
 *  the machine's zone (`localtime`, or any zone file that is a link through
 *  /etc/localtime): the same name must mean the same zone everywhere.
 *  Cost: the first use of the tz database reads it (milliseconds). */
POSTPARSE_API postparse_status postparse_options_set_timezone(postparse_options *options, const char *name,
                                                              size_t len) POSTPARSE_NOEXCEPT;

/** Accepts Hexo's front matter form without an opening fence
 *  (`title: x\n---\nbody`).  Off by default.  The part before the fence is
 *  taken as front matter only when it parses to a YAML mapping; prose before
 *  a `---` rule stays body. */
POSTPARSE_API postparse_status postparse_options_set_hexo_unfenced(postparse_options *options,
                                                                   bool enable) POSTPARSE_NOEXCEPT;

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

POSTPARSE_API postparse_status postparse_options_set_body_format(postparse_options *options,
                                                                 postparse_body_format format) POSTPARSE_NOEXCEPT;

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

POSTPARSE_API postparse_status postparse_options_set_html_mode(postparse_options *options,
                                                               postparse_html_mode mode) POSTPARSE_NOEXCEPT;

/** Records the HTML parse errors of the body as POSTPARSE_ERR_HTML notes
 *  (off by default: real pages have many, and they rarely matter). */
POSTPARSE_API postparse_status postparse_options_set_html_errors(postparse_options *options,
                                                                 bool enable) POSTPARSE_NOEXCEPT;

/** Parses the body as a browser with scripting enabled would: <noscript>
 *  content becomes text.  Off by default, so that it becomes markup. */
POSTPARSE_API postparse_status postparse_options_set_scripting(postparse_options *options,
                                                               bool enable) POSTPARSE_NOEXCEPT;

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

POSTPARSE_API postparse_status postparse_options_set_text_form(postparse_options *options,
                                                               postparse_text_form form) POSTPARSE_NOEXCEPT;

/** Names the source (e.g. a file path) for the JSON output's "source"
 *  field.  Default: no name (null). */
POSTPARSE_API postparse_status postparse_options_set_source_name(postparse_options *options, const char *name,
                                                                 size_t len) POSTPARSE_NOEXCEPT;

/** A profile (see Profiles) to apply when parsing with these options,
 *  after the built-in profile and the profiles added before.  The options
 *  share the profile; the caller still frees its own handle, and may do so
 *  at once.  POSTPARSE_ERR_INVALID_ARGUMENT for a NULL profile. */
typedef struct postparse_profile postparse_profile;
POSTPARSE_API postparse_status postparse_options_add_profile(postparse_options *options,
                                                             const postparse_profile *profile) POSTPARSE_NOEXCEPT;

/** Turns the built-in profile (postparse_default_profile_text) on (default)
 *  or off. */
POSTPARSE_API postparse_status postparse_options_set_default_profile(postparse_options *options,
                                                                     bool enable) POSTPARSE_NOEXCEPT;

/** Resource limits.  Each is a documented option with a default; hitting one
 *  produces its own status or diagnostic, never a crash. */
typedef enum postparse_limit {
  /** Largest input accepted by postparse_doc_parse (default 256 MiB);
   *  larger inputs fail with POSTPARSE_ERR_INPUT_TOO_LARGE. */
  POSTPARSE_LIMIT_INPUT_BYTES = 0,
  /** Largest front matter block (default 1 MiB); a larger one is not parsed
   *  (diagnostic POSTPARSE_ERR_FRONT_MATTER_TOO_LARGE) but the body is. */
  POSTPARSE_LIMIT_FRONT_MATTER_BYTES = 1,
  /** Deepest nesting of front matter sequences/mappings (default 64).
   *  This limit and the two below protect the front matter parse: past
   *  one, the front matter's values are left out (postparse_doc_front_matter
   *  is NULL) with an error diagnostic at the place (POSTPARSE_ERR_DEPTH_LIMIT,
   *  _ALIAS_LIMIT, _KEY_LIMIT); the body is parsed as usual. */
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

/** Sets one limit; a value of 0 restores its default. */
POSTPARSE_API postparse_status postparse_options_set_limit(postparse_options *options, postparse_limit limit,
                                                           uint64_t value) POSTPARSE_NOEXCEPT;

/** Reads one limit's current value into *out. */
POSTPARSE_API postparse_status postparse_options_get_limit(const postparse_options *options,
                                                           postparse_limit limit,
                                                           uint64_t *out) POSTPARSE_NOEXCEPT;

/* ======================================================================== */
/* Profiles                                                                  */
/* ======================================================================== */

/* A profile is a YAML file of rules that classify or drop paragraphs and
 * images and capture editorial fields, with XPath 1.0 selectors over the
 * body's DOM and RE2 patterns over normalised text; the format is
 * documented in profiles/README.md (installed under
 * share/postparse/profiles/).  A built-in profile applies unless turned off
 * (postparse_options_set_default_profile); profiles added to the options
 * apply after it, in the order added, and a later rule wins over an earlier
 * one and over the generic signals (link density, class/id markers).
 * A compiled profile is immutable and safe to share between threads. */

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
 *  Cost of compiling: linear in the text.  Cost of applying: each rule's
 *  `select` is evaluated once per parsed document, and pugixml has no step
 *  budget, so only selector shapes of known cost are accepted; any other is
 *  refused with POSTPARSE_ERR_XPATH (the message gives the character where
 *  it starts).  Inside a predicate only child, attribute and self steps,
 *  ended at most by one '..', parent:: or ancestor:: step (never followed
 *  by another), strings read only from '.', '@attr', text() and literals,
 *  and no id(); never the following, preceding or sibling axes, nor
 *  absolute paths, '//' or descendant axes inside a predicate
 *  (profiles/README.md lists the rules).  With n the DOM's nodes and d its
 *  depth (POSTPARSE_LIMIT_HTML_DEPTH), each step or predicate of an
 *  accepted selector then costs O(n x d) node visits, an attribute test
 *  scanning the element's attributes (POSTPARSE_LIMIT_HTML_ATTRIBUTES).  A
 *  selector that can only give text or comment nodes is refused too (it
 *  would never apply).  Thread-safe. */
POSTPARSE_API postparse_status postparse_profile_load(const char *yaml, size_t len,
                                                      postparse_profile **out) POSTPARSE_NOEXCEPT;

/** postparse_profile_load with a size limit: `max_bytes` (0: the default,
 *  POSTPARSE_PROFILE_MAX_BYTES_DEFAULT).  A text of more than `max_bytes`
 *  bytes is not read: POSTPARSE_ERR_INPUT_TOO_LARGE, *out NULL.  Callers
 *  reading a profile file need read no more than max_bytes + 1 bytes to
 *  know.  Thread-safe. */
POSTPARSE_API postparse_status postparse_profile_load_limited(const char *yaml, size_t len, size_t max_bytes,
                                                              postparse_profile **out) POSTPARSE_NOEXCEPT;

/** Releases a profile (NULL is a no-op).  Options it was added to keep
 *  their own reference. */
POSTPARSE_API void postparse_profile_free(postparse_profile *profile) POSTPARSE_NOEXCEPT;

/** The profile's `profile:` name (borrowed from the profile); empty if none. */
POSTPARSE_API postparse_str postparse_profile_name(const postparse_profile *profile) POSTPARSE_NOEXCEPT;

/** Number of usable rules (rules with errors are not counted). */
POSTPARSE_API size_t postparse_profile_rule_count(const postparse_profile *profile) POSTPARSE_NOEXCEPT;

/** Number of diagnostics found while loading. */
POSTPARSE_API size_t postparse_profile_diagnostic_count(const postparse_profile *profile) POSTPARSE_NOEXCEPT;

/** Copies diagnostic `index` into *out (a growing struct); offsets, lines
 *  and columns are in the profile's text, `message` is borrowed from the
 *  profile. */
POSTPARSE_API postparse_status postparse_profile_diagnostic_at(const postparse_profile *profile, size_t index,
                                                               postparse_diagnostic *out) POSTPARSE_NOEXCEPT;

/** The YAML text of the built-in profile (static, NUL-terminated; *len may
 *  be NULL), to copy and adapt.  Thread-safe. */
POSTPARSE_API const char *postparse_default_profile_text(size_t *len) POSTPARSE_NOEXCEPT;

/* ======================================================================== */
/* Documents                                                                 */
/* ======================================================================== */

/** A parsed post: immutable, owns everything read from it. */
typedef struct postparse_doc postparse_doc;
/** A front matter value, borrowed from its document (see Values). */
typedef struct postparse_value postparse_value;
/** A node of the body's tree, borrowed from its document (see Nodes). */
typedef struct postparse_node postparse_node;
/** The result of an XPath query, owned by the caller (see Node lists). */
typedef struct postparse_node_list postparse_node_list;

/* ---- Parsing ----------------------------------------------------------- */

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
 *  Cost: linear in the input and the DOM's nodes, plus each profile rule's
 *  selector (see postparse_profile_load).
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
POSTPARSE_API postparse_status postparse_doc_parse(const char *data, size_t len,
                                                   const postparse_options *options,
                                                   postparse_doc **out) POSTPARSE_NOEXCEPT;

/** As postparse_doc_parse, but the input is not copied: the document reads
 *  the caller's bytes in place, so they must stay alive and unchanged until
 *  the document is freed, and postparse_doc_source returns a view of them.
 *  This saves one copy of every input for callers that keep it anyway (a
 *  Python bytes object, a memory-mapped file).  An input with a UTF-16 or
 *  UTF-32 byte order mark is still decoded into the document's own text.
 *  Same results, errors, thread safety and cost as postparse_doc_parse. */
POSTPARSE_API postparse_status postparse_doc_parse_borrowed(const char *data, size_t len,
                                                            const postparse_options *options,
                                                            postparse_doc **out) POSTPARSE_NOEXCEPT;

/** Releases a document and everything borrowed from it.  NULL is a no-op. */
POSTPARSE_API void postparse_doc_free(postparse_doc *doc) POSTPARSE_NOEXCEPT;

/* ---- Parts of the post ------------------------------------------------- */

/** The text the document was parsed from (its own copy): the input bytes as
 *  given (which may hold ill-formed UTF-8), or their UTF-8 decoding when the
 *  input was UTF-16 or UTF-32 (see postparse_doc_parse).  Every offset of the
 *  document refers to this text. */
POSTPARSE_API postparse_str postparse_doc_source(const postparse_doc *doc) POSTPARSE_NOEXCEPT;

/** The syntax of the front matter block. */
typedef enum postparse_format {
  POSTPARSE_FORMAT_NONE = 0, /**< no front matter block */
  POSTPARSE_FORMAT_YAML = 1, /**< `---` fences (or Hexo's unfenced form) */
  POSTPARSE_FORMAT_JSON = 2, /**< `;;;` fences (Hexo) or a bare `{...}` */
  POSTPARSE_FORMAT_TOML = 3  /**< `+++` fences (Hugo) */
} postparse_format;

/** The front matter's format; POSTPARSE_FORMAT_NONE when there is none. */
POSTPARSE_API postparse_format postparse_doc_format(const postparse_doc *doc) POSTPARSE_NOEXCEPT;

/** The root value of the front matter (normally a mapping); NULL when there
 *  is no front matter or it failed to parse (see the diagnostics). */
POSTPARSE_API const postparse_value *postparse_doc_front_matter(const postparse_doc *doc) POSTPARSE_NOEXCEPT;

/** The whole front matter block, fences included, into *out;
 *  POSTPARSE_ERR_NOT_FOUND when the post has no front matter.
 *  Cost: O(log lines) (as every call that gives a span). */
POSTPARSE_API postparse_status postparse_doc_front_matter_span(const postparse_doc *doc,
                                                               postparse_span *out) POSTPARSE_NOEXCEPT;

/** The front matter's content, the bytes between the fences, into *out;
 *  POSTPARSE_ERR_NOT_FOUND when the post has no front matter. */
POSTPARSE_API postparse_status postparse_doc_front_matter_content_span(const postparse_doc *doc,
                                                                       postparse_span *out) POSTPARSE_NOEXCEPT;

/** The body's bytes (a view into postparse_doc_source): everything after the
 *  line of the closing fence, or the whole input after the BOMs when there
 *  is no front matter. */
POSTPARSE_API postparse_str postparse_doc_body(const postparse_doc *doc) POSTPARSE_NOEXCEPT;

/** Where the body is, into *out (the span may be empty). */
POSTPARSE_API postparse_status postparse_doc_body_span(const postparse_doc *doc,
                                                       postparse_span *out) POSTPARSE_NOEXCEPT;

/** How the body was read: POSTPARSE_BODY_HTML or POSTPARSE_BODY_MARKDOWN
 *  (never AUTO; HTML for NULL). */
POSTPARSE_API postparse_body_format postparse_doc_body_format(const postparse_doc *doc) POSTPARSE_NOEXCEPT;

/* ---- Diagnostics ------------------------------------------------------- */

/** Number of diagnostics on the document. */
POSTPARSE_API size_t postparse_doc_diagnostic_count(const postparse_doc *doc) POSTPARSE_NOEXCEPT;

/** Copies diagnostic `index` (in order of position within each stage: split,
 *  front matter, body) into *out, a growing struct. */
POSTPARSE_API postparse_status postparse_doc_diagnostic_at(const postparse_doc *doc, size_t index,
                                                           postparse_diagnostic *out) POSTPARSE_NOEXCEPT;

/* ---- Paragraphs -------------------------------------------------------- */

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

/** One paragraph (a growing struct: set `size`).  Views are borrowed from
 *  the document. */
typedef struct postparse_paragraph {
  size_t size;
  postparse_paragraph_kind kind;
  int level;                 /**< headings: 1-6; else 0 */
  bool boilerplate;          /**< not content (navigation, promotion, credits...) */
  postparse_str reason;      /**< why it is boilerplate, e.g. "marker:qr",
                                  "editorial:editor", "link-density"; else empty */
  postparse_str text;        /**< normalised text; '\n' is a line break */
  postparse_span span;       /**< from its first to its last text in the source */
  size_t inline_count;       /**< its links and emphasis: postparse_doc_inline_at */
  /** What set its class last: "<profile>/<rule>" (e.g. "default/copyright")
   *  or "signal/<name>" (marker, link-density, link-post, ...); empty when
   *  nothing did, and it is content by default. */
  postparse_str rule;
  /** What that rule or signal saw, for a person: the pattern matched, the
   *  selector, the element with the furniture word, the share of link
   *  text...; empty with an empty `rule`. */
  postparse_str evidence;
} postparse_paragraph;

/** Number of paragraphs (content and boilerplate), in document order. */
POSTPARSE_API size_t postparse_doc_paragraph_count(const postparse_doc *doc) POSTPARSE_NOEXCEPT;

/** Copies paragraph `index` into *out.  Cost: O(log lines) for its span. */
POSTPARSE_API postparse_status postparse_doc_paragraph_at(const postparse_doc *doc, size_t index,
                                                          postparse_paragraph *out) POSTPARSE_NOEXCEPT;

/** Paragraph `index`'s text alone (the paragraph's `text`). */
POSTPARSE_API postparse_str postparse_doc_paragraph_text(const postparse_doc *doc,
                                                         size_t index) POSTPARSE_NOEXCEPT;

typedef enum postparse_inline_kind {
  POSTPARSE_INLINE_LINK = 0,
  POSTPARSE_INLINE_EMPHASIS = 1, /**< em, i */
  POSTPARSE_INLINE_STRONG = 2,   /**< strong, b */
  POSTPARSE_INLINE_CODE = 3      /**< code outside pre */
} postparse_inline_kind;

/** A link or emphasis inside a paragraph (a growing struct).  Its text is a
 *  range of the paragraph's text (no copy): `text_offset`/`text_length`
 *  bytes, and `text` is a view of exactly that range (empty, text_length 0,
 *  when the element has no visible text).  White space at its edges that
 *  normalisation collapsed lies outside the range; where normalisation joins
 *  characters across its edge (a combining mark right after it), the range
 *  is the nearest one of whole characters.  Views are borrowed from the
 *  document. */
typedef struct postparse_inline {
  size_t size;
  postparse_inline_kind kind;
  postparse_str text;   /**< the paragraph's text at text_offset, text_length bytes */
  postparse_str href;   /**< links only, as written; else empty */
  size_t text_offset;
  size_t text_length;
  postparse_span span;  /**< the element in the source */
} postparse_inline;

/** Number of inline spans of paragraph `paragraph`. */
POSTPARSE_API size_t postparse_doc_inline_count(const postparse_doc *doc, size_t paragraph) POSTPARSE_NOEXCEPT;

/** Copies inline span `index` of paragraph `paragraph` into *out;
 *  POSTPARSE_ERR_NOT_FOUND when either index is out of range. */
POSTPARSE_API postparse_status postparse_doc_inline_at(const postparse_doc *doc, size_t paragraph, size_t index,
                                                       postparse_inline *out) POSTPARSE_NOEXCEPT;

/** True when the body has Hexo's excerpt marker (<!-- more -->);
 *  *paragraphs (may be NULL) then receives how many paragraphs come before
 *  it. */
POSTPARSE_API bool postparse_doc_has_excerpt(const postparse_doc *doc, size_t *paragraphs) POSTPARSE_NOEXCEPT;

/* ---- Images, links, comments ------------------------------------------- */

/** An <img> of the body, in document order, also those outside paragraphs
 *  (a growing struct).  Views are borrowed from the document. */
typedef struct postparse_image {
  size_t size;
  postparse_str src, alt;    /**< attribute values as written */
  postparse_str class_name;  /**< the class attribute as written */
  postparse_span span;
  bool boilerplate;          /**< promotion, QR code, page furniture */
  postparse_str reason;      /**< why, when boilerplate */
} postparse_image;

POSTPARSE_API size_t postparse_doc_image_count(const postparse_doc *doc) POSTPARSE_NOEXCEPT;
POSTPARSE_API postparse_status postparse_doc_image_at(const postparse_doc *doc, size_t index,
                                                      postparse_image *out) POSTPARSE_NOEXCEPT;

/** An <a> of the body (a growing struct): href as written and its text,
 *  normalised as paragraph text. */
typedef struct postparse_link {
  size_t size;
  postparse_str href, text;
  postparse_span span;
} postparse_link;

POSTPARSE_API size_t postparse_doc_link_count(const postparse_doc *doc) POSTPARSE_NOEXCEPT;
POSTPARSE_API postparse_status postparse_doc_link_at(const postparse_doc *doc, size_t index,
                                                     postparse_link *out) POSTPARSE_NOEXCEPT;

/** An HTML comment of the body (a growing struct): its text as written. */
typedef struct postparse_comment {
  size_t size;
  postparse_str text;
  postparse_span span;
} postparse_comment;

POSTPARSE_API size_t postparse_doc_comment_count(const postparse_doc *doc) POSTPARSE_NOEXCEPT;
POSTPARSE_API postparse_status postparse_doc_comment_at(const postparse_doc *doc, size_t index,
                                                        postparse_comment *out) POSTPARSE_NOEXCEPT;

/* ---- Editorial fields -------------------------------------------------- */

/* The editorial fields that profile rules capture from the body: the
 * built-in profile gives "editor" (责任编辑：X), "reporters" (记者 A B, one
 * entry per name), "source" (来源：X) and "original_title" (原标题：X); a
 * profile may capture any key (e.g. "keywords").  This is not the front
 * matter, which is postparse_doc_front_matter. */

/** One captured field (a growing struct): key, value, the rule that
 *  captured it (its `name` in the profile), and where its paragraph, image or
 *  comment is.  Views are borrowed from the document. */
typedef struct postparse_editorial {
  size_t size;
  postparse_str key, value, rule;
  postparse_span span;
} postparse_editorial;

/** Number of editorial entries, in the order rules captured them (a key may
 *  repeat). */
POSTPARSE_API size_t postparse_doc_editorial_count(const postparse_doc *doc) POSTPARSE_NOEXCEPT;

POSTPARSE_API postparse_status postparse_doc_editorial_at(const postparse_doc *doc, size_t index,
                                                          postparse_editorial *out) POSTPARSE_NOEXCEPT;

/** The value of the first entry with this key; empty when there is none.
 *  Cost: O(entries). */
POSTPARSE_API postparse_str postparse_doc_editorial_get(const postparse_doc *doc, const char *key,
                                                        size_t key_len) POSTPARSE_NOEXCEPT;

/* ---- Renderings -------------------------------------------------------- */

/* Each rendering is made on every call into a NUL-terminated buffer: *out
 * receives it (the caller releases it with postparse_free), *len (may be
 * NULL) its length without the NUL.  On failure *out is NULL:
 * POSTPARSE_ERR_INVALID_ARGUMENT (NULL doc or out, unknown flags),
 * POSTPARSE_ERR_NO_MEMORY.  Cost: linear in the document (its source,
 * paragraphs and front matter values).  Thread-safe on a shared document. */

/** Renders the document as one JSON object on one line (UTF-8, no newline),
 *  as docs/json-schema.md describes, schema 2: `schema`, `source` (the
 *  options' source name or null), `front_matter` (null, or format, span,
 *  content_span, data — the values as written, with unique keys — and
 *  dates, RFC 3339 instants by JSON pointer), `body` (span and format),
 *  `paragraphs` (kind, level, class, reason, text, span, inline: kind,
 *  href, text_offset, text_length, span), `editorial` (the editorial
 *  fields: editor, source, original_title as strings, reporters and every
 *  other key as arrays), `images` (src, alt, class, boilerplate, reason,
 *  span), `links` (href, text, span), `comments` (text, span),
 *  `excerpt_paragraphs` (only with Hexo's marker) and `diagnostics` (code,
 *  status, severity, part, message, offset, line, column).  `flags` is 0
 *  or POSTPARSE_JSON_EXPLAIN. */
POSTPARSE_API postparse_status postparse_doc_to_json(const postparse_doc *doc, unsigned flags, char **out,
                                                     size_t *len) POSTPARSE_NOEXCEPT;

/** Flag of postparse_doc_to_json: every paragraph also has `rule` and
 *  `evidence` (see postparse_paragraph; null when nothing set its class),
 *  so that a reader can see why a line was kept or dropped. */
#define POSTPARSE_JSON_EXPLAIN 1u

/** Flags of postparse_doc_to_text and postparse_doc_to_markdown. */
#define POSTPARSE_OUTPUT_BOILERPLATE 1u /**< include boilerplate paragraphs too */

/** Renders the content paragraphs as plain text: each paragraph's text,
 *  paragraphs separated by one blank line, a final newline (empty output
 *  for a post without content).  `flags` is 0 or
 *  POSTPARSE_OUTPUT_BOILERPLATE. */
POSTPARSE_API postparse_status postparse_doc_to_text(const postparse_doc *doc, unsigned flags, char **out,
                                                     size_t *len) POSTPARSE_NOEXCEPT;

/** Renders the content paragraphs as CommonMark: headings as `#`, list
 *  items as `- `, quotes as `> `, pre as fenced code, links as
 *  [text](href), emphasis, strong and code spans kept; other text escaped
 *  so that it reads back as the same text.  Flags as postparse_doc_to_text. */
POSTPARSE_API postparse_status postparse_doc_to_markdown(const postparse_doc *doc, unsigned flags, char **out,
                                                         size_t *len) POSTPARSE_NOEXCEPT;

/* ---- The body's tree --------------------------------------------------- */

/** The root of the body's tree (see Nodes): for a fragment (the default) an
 *  <html> element whose children are the body's content; for a whole
 *  document the document node.  Never NULL for a non-NULL document. */
POSTPARSE_API const postparse_node *postparse_doc_body_root(const postparse_doc *doc) POSTPARSE_NOEXCEPT;

/** True when the body was parsed as a whole document. */
POSTPARSE_API bool postparse_doc_body_is_document(const postparse_doc *doc) POSTPARSE_NOEXCEPT;

/** Evaluates an XPath 1.0 expression (through pugixml) against the body's
 *  tree, with the body root as context node, into *out: the matches in
 *  document order, owned by the caller (postparse_node_list_free).
 *  Elements are named by their tag names; attributes match too (e.g.
 *  //img/@src).  POSTPARSE_ERR_XPATH when the expression is not valid XPath
 *  1.0, holds a NUL byte (never cut short at it), or does not yield a node
 *  set (*out NULL).  Thread-safe on a shared document.
 *  Cost: pugixml has no step budget, and a predicate is evaluated for every
 *  candidate node, so an absolute path or a subtree search inside one
 *  (//p[count(//p) > 0]) costs nodes x nodes (seconds on a few hundred KB);
 *  callers running untrusted expressions should refuse those shapes, as
 *  postparse_profile_load does for profiles.  Making the list copies each
 *  match's string value (O(its subtree)). */
POSTPARSE_API postparse_status postparse_doc_select(const postparse_doc *doc, const char *xpath, size_t len,
                                                    postparse_node_list **out) POSTPARSE_NOEXCEPT;

/* ======================================================================== */
/* Values (the typed front matter tree)                                      */
/* ======================================================================== */

/* Values are borrowed from their document and immutable.  A NULL value
 * gives the "nothing" result of each accessor (POSTPARSE_KIND_NULL, empty
 * views, NULL, 0, false, POSTPARSE_ERR_INVALID_ARGUMENT). */

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

POSTPARSE_API postparse_kind postparse_value_kind(const postparse_value *value) POSTPARSE_NOEXCEPT;
POSTPARSE_API postparse_style postparse_value_style(const postparse_value *value) POSTPARSE_NOEXCEPT;

/** The value exactly as written in the file (quotes and block indicators
 *  included for scalars; the whole text for collections). */
POSTPARSE_API postparse_str postparse_value_raw(const postparse_value *value) POSTPARSE_NOEXCEPT;

/** The explicit tag, resolved (e.g. "tag:yaml.org,2002:str" for `!!str`);
 *  empty when the value had none. */
POSTPARSE_API postparse_str postparse_value_tag(const postparse_value *value) POSTPARSE_NOEXCEPT;

/** Where the value is written (its raw text); all zero for NULL. */
POSTPARSE_API postparse_span postparse_value_span(const postparse_value *value) POSTPARSE_NOEXCEPT;

/** The text of a scalar after unquoting/unescaping/folding; for every scalar
 *  kind (a number's text as written, "" for an empty null).  Empty for
 *  collections. */
POSTPARSE_API postparse_str postparse_value_text(const postparse_value *value) POSTPARSE_NOEXCEPT;

/** Reads a bool into *out.  POSTPARSE_ERR_WRONG_KIND for other kinds. */
POSTPARSE_API postparse_status postparse_value_bool(const postparse_value *value, bool *out) POSTPARSE_NOEXCEPT;

/** Reads an int into *out.  POSTPARSE_ERR_WRONG_KIND for other kinds,
 *  POSTPARSE_ERR_OUT_OF_RANGE for integers beyond 64 bits (their exact
 *  digits are in postparse_value_text). */
POSTPARSE_API postparse_status postparse_value_int(const postparse_value *value, int64_t *out) POSTPARSE_NOEXCEPT;

/** True when an integer does not fit in int64_t. */
POSTPARSE_API bool postparse_value_is_big(const postparse_value *value) POSTPARSE_NOEXCEPT;

/** Reads a float into *out; an int is converted too (possibly rounding).
 *  POSTPARSE_ERR_WRONG_KIND for other kinds. */
POSTPARSE_API postparse_status postparse_value_float(const postparse_value *value, double *out) POSTPARSE_NOEXCEPT;

/** A point in time (a growing struct: set `size`). */
typedef struct postparse_time {
  size_t size;
  int64_t unix_seconds;   /**< seconds since 1970-01-01T00:00:00Z */
  int32_t nanoseconds;    /**< 0..999999999 */
  int32_t offset_seconds; /**< UTC offset it was written in, or the default zone's */
  bool explicit_offset;   /**< the text carried an offset or zone */
  bool has_time;          /**< false for a date-only value */
} postparse_time;

/** Reads any scalar as a time into *out: YAML timestamps, RFC 3339 / ISO
 *  8601, RFC 2822 (`Sat, 31 Jul 2021 12:27:53 GMT`),
 *  `YYYY-MM-DD[ HH:MM[:SS]]`, `YYYY/MM/DD`.  Naive times are read in the
 *  options' time zone; one that a DST change skipped is read with the
 *  offset before the change (moved forward by the gap), one it repeated as
 *  its first occurrence (the document's diagnostics warn about date fields
 *  read so).  POSTPARSE_ERR_NOT_FOUND when the text is not a date,
 *  POSTPARSE_ERR_INVALID_DATE when it names an impossible one,
 *  POSTPARSE_ERR_WRONG_KIND for collections.  Cost: linear in the text. */
POSTPARSE_API postparse_status postparse_value_time(const postparse_value *value,
                                                    postparse_time *out) POSTPARSE_NOEXCEPT;

/** Number of items of a sequence or pairs of a mapping; 0 otherwise. */
POSTPARSE_API size_t postparse_value_count(const postparse_value *value) POSTPARSE_NOEXCEPT;

/** Item `index` of a sequence, or the value of pair `index` of a mapping;
 *  NULL when out of range or not a collection. */
POSTPARSE_API const postparse_value *postparse_value_at(const postparse_value *value,
                                                        size_t index) POSTPARSE_NOEXCEPT;

/** The key of pair `index` of a mapping (keys may be of any kind); NULL when
 *  out of range or not a mapping. */
POSTPARSE_API const postparse_value *postparse_value_key_at(const postparse_value *value,
                                                            size_t index) POSTPARSE_NOEXCEPT;

/** The value of the first pair whose key is a scalar with exactly this text;
 *  NULL when absent or not a mapping.  Cost: O(pairs). */
POSTPARSE_API const postparse_value *postparse_value_get(const postparse_value *value, const char *key,
                                                         size_t key_len) POSTPARSE_NOEXCEPT;

/* ======================================================================== */
/* Times                                                                     */
/* ======================================================================== */

/** Writes `time` as RFC 3339 with its offset (e.g. 2021-07-31T12:27:53+00:00)
 *  into `buf` (NUL-terminated; 40 bytes always suffice).  RFC 3339 offsets
 *  are whole minutes: an offset with seconds (local mean time,
 *  +08:05:43) is rounded to the nearest minute, halves away from zero, but
 *  never past +/-23:59 (RFC 3339 has no +24:00), and the clock time shown
 *  moves with it, so the text is the same instant (12:00:00+08:05:43 is
 *  written 12:00:17+08:06, 00:00:00+23:59:30 as 23:59:30+23:59 the day
 *  before).  Returns the length, or 0 when buf is NULL or too small, when
 *  time->size is too small, or when `time` is out of range: nanoseconds
 *  outside 0..999999999, an offset of a day or more, or a local time
 *  outside the years 0000-9999.  Thread-safe. */
POSTPARSE_API size_t postparse_time_format(const postparse_time *time, char *buf,
                                           size_t size) POSTPARSE_NOEXCEPT;

/** A date-valued field of the front matter (a growing struct: set `size`). */
typedef struct postparse_date {
  size_t size;
  postparse_str pointer;        /**< JSON pointer into the front matter, with its JSON key names
                                     ("/date", "/params/lastmod"); borrowed from the document */
  const postparse_value *value; /**< the value itself, borrowed from the document */
  postparse_time time;          /**< its instant (time.size is set) */
} postparse_date;

/** Number of date-valued fields of the front matter: its YAML timestamps and
 *  TOML dates, and the strings under date-named keys (date, updated,
 *  lastmod, pubDate...) that read as dates; `front_matter.dates` of the JSON
 *  output, in the same order (document order).  0 without front matter.
 *  Cost: O(1). */
POSTPARSE_API size_t postparse_doc_date_count(const postparse_doc *doc) POSTPARSE_NOEXCEPT;

/** Copies date field `index` into *out; POSTPARSE_ERR_NOT_FOUND past the
 *  last one.  Cost: O(1). */
POSTPARSE_API postparse_status postparse_doc_date_at(const postparse_doc *doc, size_t index,
                                                     postparse_date *out) POSTPARSE_NOEXCEPT;

/* ======================================================================== */
/* Edits (writing the front matter back)                                     */
/* ======================================================================== */

/* An edit is a mutable copy of a post's front matter that is written back
 * by changing only the bytes each operation must change: a value is
 * replaced at its span, a new key is one new line (or member) written like
 * its neighbours, and comments, key order, quoting, indentation, line ends
 * (LF, CRLF) and the body stay byte for byte.
 *
 *  - Paths are JSON pointers (RFC 6901) given with their length: "" is the
 *    root mapping, "/title" a key, "/tags/0" a list item, "/params/lastmod"
 *    a nested key; `~1` stands for '/' and `~0` for '~' in a key.  A key
 *    token matches a mapping key whose scalar text is exactly the token.
 *    Malformed paths are POSTPARSE_ERR_BAD_PATH, and so is a token into a
 *    list that is not an index ("0", or digits without a leading zero); a
 *    key or item that is not there, POSTPARSE_ERR_NOT_FOUND; a token into
 *    a scalar, POSTPARSE_ERR_WRONG_KIND.  Parents are never created: set
 *    "/a/b" needs the mapping "/a".
 *  - Style.  YAML: a replaced scalar keeps its quoting (single or double),
 *    and a plain one stays plain unless YAML would read it differently
 *    (reserved words, numbers and dates as strings, ": ", " #", leading
 *    indicators, edge blanks...), when it gets single quotes (double
 *    quotes with escapes for control characters); text with line breaks
 *    becomes a `|` block scalar, or double quotes where a block scalar
 *    cannot hold it (a key, a flow collection, lines of blanks).  A
 *    comment after a value replaced by a block scalar or list moves to the
 *    end of the `key:` line.  Keys are written as values are.  A block
 *    list keeps its indentation and dash style; a flow list stays flow
 *    with its separators.  JSON keeps its indentation and separators; TOML its
 *    tables, arrays and inline tables.  A post without front matter gets a
 *    new YAML block (`---` LF ... `---` LF) before its body.
 *  - Dates.  A POSTPARSE_KIND_TIMESTAMP scalar given as `time` replacing a
 *    value that reads as a date is written in that value's spelling (date
 *    and time separator, fractional digits, offset form, date only), e.g.
 *    `2021-07-31 12:27:53` stays in that shape; given as `text`, it is
 *    written as that text.
 *  - Safety.  After every operation and in every render the new text is
 *    parsed again with the document's options; unless it gives exactly the
 *    intended data (the original front matter with the edits applied) and
 *    the original body bytes, the call fails with POSTPARSE_ERR_EDIT_VERIFY
 *    (or the limit's status, e.g. POSTPARSE_ERR_FRONT_MATTER_TOO_LARGE,
 *    POSTPARSE_ERR_DEPTH_LIMIT, POSTPARSE_ERR_KEY_LIMIT, when the new text
 *    hits one; POSTPARSE_ERR_INPUT_TOO_LARGE past POSTPARSE_LIMIT_INPUT_BYTES)
 *    and the edit stays as it was before the call.
 *  - Errors of every operation: POSTPARSE_ERR_INVALID_ARGUMENT (NULL edit,
 *    NULL path with a length, NULL or too small scalar, a kind that is not
 *    a scalar kind), POSTPARSE_ERR_BAD_PATH, POSTPARSE_ERR_NOT_FOUND,
 *    POSTPARSE_ERR_WRONG_KIND, POSTPARSE_ERR_KEY_EXISTS,
 *    POSTPARSE_ERR_EDIT_UNSUPPORTED, POSTPARSE_ERR_NOT_REPRESENTABLE (a
 *    value the post's format cannot hold, e.g. null in TOML),
 *    POSTPARSE_ERR_INVALID_DATE (a date's text that reads as no date, a
 *    time out of the years 0000-9999), POSTPARSE_ERR_EDIT_VERIFY, a
 *    limit's status, POSTPARSE_ERR_NO_MEMORY; a failed operation leaves
 *    the edit unchanged.
 *  - Threads.  An edit is owned by one thread at a time: its operations
 *    modify it.  Distinct edits (also of one document) may be used from
 *    different threads at once.
 *  - Cost.  Each operation and render parses the front matter again:
 *    linear in the front matter (the body is not parsed).
 */

/** An edit of one post (opaque; owned by the caller). */
typedef struct postparse_edit postparse_edit;

/** A scalar to write (a growing struct: set `size`, e.g.
 *  `postparse_scalar v = POSTPARSE_INIT(postparse_scalar);`).  `kind` says
 *  which member is read:
 *    POSTPARSE_KIND_NULL       nothing (YAML `null`, JSON `null`; TOML has
 *                              none: POSTPARSE_ERR_NOT_REPRESENTABLE)
 *    POSTPARSE_KIND_BOOL       `boolean`
 *    POSTPARSE_KIND_INT        `integer`
 *    POSTPARSE_KIND_FLOAT      `number` (infinities and NaN: not in JSON)
 *    POSTPARSE_KIND_STRING     `text` (UTF-8; may hold line breaks)
 *    POSTPARSE_KIND_TIMESTAMP  `text` when not empty: the date written as
 *                              given (it must read as a date: a YAML
 *                              timestamp or TOML date, which are typed as
 *                              such, or another spelling postparse reads as
 *                              a date, which is a string there; JSON has
 *                              only strings); else `time`, written in the
 *                              spelling of the value it replaces, or as
 *                              RFC 3339 (a date alone when !has_time, no
 *                              offset when !explicit_offset).
 *  `text` is borrowed for the call only (copied). */
typedef struct postparse_scalar {
  size_t size;
  postparse_kind kind;
  bool boolean;
  int64_t integer;
  double number;
  postparse_str text;
  postparse_time time; /**< its own `size` need not be set */
} postparse_scalar;

/** Makes an edit of `doc` into *out, released with postparse_edit_free.
 *  The edit keeps its own copy of the document's source text (its UTF-8
 *  text: a UTF-16/32 post is written back as UTF-8) and options: it does not
 *  refer to `doc` after the call, which may be freed at once.
 *  POSTPARSE_ERR_NOT_EDITABLE (*out NULL) when the front matter had errors
 *  (see the status); POSTPARSE_ERR_INVALID_ARGUMENT, POSTPARSE_ERR_NO_MEMORY
 *  leave *out NULL.  Thread-safe (doc is only read).  Cost: linear in the
 *  front matter. */
POSTPARSE_API postparse_status postparse_edit_new(const postparse_doc *doc, postparse_edit **out) POSTPARSE_NOEXCEPT;

/** Releases an edit.  NULL is a no-op. */
POSTPARSE_API void postparse_edit_free(postparse_edit *edit) POSTPARSE_NOEXCEPT;

/** The format the edit writes (its post's; POSTPARSE_FORMAT_YAML once a
 *  post without front matter got a key; NONE before).  NONE for NULL. */
POSTPARSE_API postparse_format postparse_edit_format(const postparse_edit *edit) POSTPARSE_NOEXCEPT;

/** Sets the value at `path` to a scalar: replaces the value there (of any
 *  kind, collections included), or adds the key at the end of its mapping
 *  when the last token names a key that is not there.  A list index must
 *  name an existing item. */
POSTPARSE_API postparse_status postparse_edit_set(postparse_edit *edit, const char *path, size_t path_len,
                                                  const postparse_scalar *value) POSTPARSE_NOEXCEPT;

/** Sets the value at `path` to a list of `count` scalars (`items` is an
 *  array of postparse_scalar, all with items[0].size; NULL when count is 0),
 *  replacing the value there or adding the key as postparse_edit_set does.
 *  A list keeps its style; another value becomes a block list indented as
 *  the post's other block lists (YAML), an array (TOML, JSON). */
POSTPARSE_API postparse_status postparse_edit_set_list(postparse_edit *edit, const char *path, size_t path_len,
                                                       const postparse_scalar *items,
                                                       size_t count) POSTPARSE_NOEXCEPT;

/** Sets the value at `path` to any value given as JSON text (`json_len`
 *  bytes: a scalar, an array or an object, nested as deep as the options'
 *  depth limit allows), replacing the value there or adding the key as
 *  postparse_edit_set does — for bindings and tools that hold whole
 *  values (a dict, a list of mappings).  Written in the post's style:
 *  YAML block collections under a key of a block mapping (flow ones inside
 *  flow collections and list items), one-line JSON, TOML inline tables and
 *  arrays; a scalar or a list of scalars as postparse_edit_set and
 *  postparse_edit_set_list write them.  JSON has no dates: strings stay
 *  strings (quoted in YAML where they would read as dates).
 *  POSTPARSE_ERR_SYNTAX when the text is not one JSON value; and as the
 *  other operations (POSTPARSE_ERR_NOT_REPRESENTABLE for a null in TOML). */
POSTPARSE_API postparse_status postparse_edit_set_json(postparse_edit *edit, const char *path, size_t path_len,
                                                       const char *json, size_t json_len) POSTPARSE_NOEXCEPT;

/** Appends a scalar to the list at `path`: one new line in a block list
 *  (the siblings' indentation, dash and quoting), one more item in a flow
 *  list (its separator).  A key that is missing or null becomes a one-item
 *  list (as postparse_edit_set_list).  POSTPARSE_ERR_WRONG_KIND when the
 *  value there is another scalar or a mapping. */
POSTPARSE_API postparse_status postparse_edit_append(postparse_edit *edit, const char *path, size_t path_len,
                                                     const postparse_scalar *value) POSTPARSE_NOEXCEPT;

/** Deletes the key (and its value) or the list item at `path`: its lines
 *  in a block (with a comment on them; comment lines before it stay), its
 *  text and one separator in a flow collection.  The last key or item of a
 *  nested YAML block collection leaves `{}` or `[]`; deleting a TOML
 *  [table] of the root deletes its lines up to the next one.
 *  POSTPARSE_ERR_BAD_PATH for the root. */
POSTPARSE_API postparse_status postparse_edit_delete(postparse_edit *edit, const char *path,
                                                     size_t path_len) POSTPARSE_NOEXCEPT;

/** Renames the key at `path` to `new_key` (`new_key_len` bytes), keeping
 *  its value and place.  POSTPARSE_ERR_KEY_EXISTS when the mapping already
 *  has `new_key`; POSTPARSE_ERR_WRONG_KIND when `path` names a list item. */
POSTPARSE_API postparse_status postparse_edit_rename(postparse_edit *edit, const char *path, size_t path_len,
                                                     const char *new_key, size_t new_key_len) POSTPARSE_NOEXCEPT;

/** Where postparse_edit_insert puts the new key. */
typedef enum postparse_place {
  POSTPARSE_PLACE_BEFORE = 0,
  POSTPARSE_PLACE_AFTER = 1
} postparse_place;

/** Adds the key `key` with the scalar `value` to the mapping holding the key
 *  at `path`, right before or after it.  POSTPARSE_ERR_KEY_EXISTS when the
 *  mapping already has `key`; POSTPARSE_ERR_WRONG_KIND when `path` names a
 *  list item. */
POSTPARSE_API postparse_status postparse_edit_insert(postparse_edit *edit, const char *path, size_t path_len,
                                                     postparse_place place, const char *key, size_t key_len,
                                                     const postparse_scalar *value) POSTPARSE_NOEXCEPT;

/** The whole new post — front matter with the edits, then the body bytes
 *  untouched — into a NUL-terminated buffer *out released with
 *  postparse_free (*len may be NULL; the post may hold NUL bytes).  With
 *  no edit, or only edits that cancel out, the original text byte for
 *  byte.  Verified (see "Safety"); on failure *out is NULL:
 *  POSTPARSE_ERR_INVALID_ARGUMENT, POSTPARSE_ERR_EDIT_VERIFY,
 *  POSTPARSE_ERR_NO_MEMORY.  Cost: linear in the post. */
POSTPARSE_API postparse_status postparse_edit_render(const postparse_edit *edit, char **out,
                                                     size_t *len) POSTPARSE_NOEXCEPT;

/** The whole new post with its front matter written in format `to`
 *  (POSTPARSE_FORMAT_YAML, _TOML or _JSON), keeping key order, then the
 *  body bytes untouched; to the post's own format it is
 *  postparse_edit_render.  The block is written afresh: `---` YAML with
 *  two-space indentation and block lists, `+++` TOML (a nested mapping is
 *  a [table] when only tables follow it in its mapping, else an inline
 *  table; lists are arrays), or a bare JSON object (Hugo's form) indented
 *  by two spaces.  Comments are not carried over.  Dates: TOML keeps a
 *  date's text when it is a TOML date, else writes it as RFC 3339; JSON
 *  writes dates as strings of their text (JSON has no dates), which YAML
 *  then quotes.  Keys of other kinds become strings.
 *  POSTPARSE_ERR_NOT_REPRESENTABLE when the data has what `to` cannot hold
 *  (TOML: null, integers beyond 64 bits; JSON: infinities, NaN); and as
 *  postparse_edit_render.  Verified against the data as `to` holds it. */
POSTPARSE_API postparse_status postparse_edit_convert(const postparse_edit *edit, postparse_format to, char **out,
                                                      size_t *len) POSTPARSE_NOEXCEPT;

/* ======================================================================== */
/* Nodes (the body's DOM)                                                    */
/* ======================================================================== */

/* The body is parsed with the WHATWG HTML algorithm into a tree of nodes
 * (postparse_doc_body_root).  Nodes are borrowed from their document and
 * immutable.  Functions that take only a node work on any node of any
 * document; those that also take the document need the document the node
 * belongs to. */

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

/** The node's type (POSTPARSE_NODE_DOCUMENT for NULL). */
POSTPARSE_API postparse_node_type postparse_node_kind(const postparse_node *node) POSTPARSE_NOEXCEPT;

/** An element's tag name as in the DOM: lowercase for HTML, SVG's camelCase
 *  (e.g. "clipPath"); empty for other kinds.  Cost: O(name length). */
POSTPARSE_API postparse_str postparse_node_name(const postparse_node *node) POSTPARSE_NOEXCEPT;

/** The text of a text or comment node, the name of a DOCTYPE; empty
 *  otherwise.  Character references are decoded.  Cost: O(text length). */
POSTPARSE_API postparse_str postparse_node_value(const postparse_node *node) POSTPARSE_NOEXCEPT;

/** Tree navigation; NULL where there is no such node. */
POSTPARSE_API const postparse_node *postparse_node_parent(const postparse_node *node) POSTPARSE_NOEXCEPT;
POSTPARSE_API const postparse_node *postparse_node_first_child(const postparse_node *node) POSTPARSE_NOEXCEPT;
POSTPARSE_API const postparse_node *postparse_node_last_child(const postparse_node *node) POSTPARSE_NOEXCEPT;
POSTPARSE_API const postparse_node *postparse_node_next_sibling(const postparse_node *node) POSTPARSE_NOEXCEPT;
POSTPARSE_API const postparse_node *postparse_node_previous_sibling(const postparse_node *node) POSTPARSE_NOEXCEPT;

/** The element's namespace (HTML for other kinds).  Cost: O(1) expected
 *  (a hash lookup). */
POSTPARSE_API postparse_namespace postparse_node_namespace(const postparse_doc *doc,
                                                          const postparse_node *node) POSTPARSE_NOEXCEPT;

/** Where the node is written in the source, into *out: an element from its
 *  start tag to the end of its end tag (or to where it was implicitly
 *  closed); a text node over the markup its text came from; the root over
 *  the body.  Nodes the parser made up (an implied <tbody>) have an empty
 *  span where they were implied.  Cost: O(1) expected + O(log lines). */
POSTPARSE_API postparse_status postparse_node_span(const postparse_doc *doc, const postparse_node *node,
                                                   postparse_span *out) POSTPARSE_NOEXCEPT;

/** Number of attributes of an element (0 for other kinds).  Cost:
 *  O(attributes), at most POSTPARSE_LIMIT_HTML_ATTRIBUTES. */
POSTPARSE_API size_t postparse_node_attribute_count(const postparse_node *node) POSTPARSE_NOEXCEPT;

/** Attribute `index` of an element, in source order: name and value (either
 *  may be NULL when not wanted).  Cost: O(index) — attributes are a linked
 *  list — so reading all of an element's attributes this way is quadratic
 *  in their number (bounded by POSTPARSE_LIMIT_HTML_ATTRIBUTES). */
POSTPARSE_API postparse_status postparse_node_attribute_at(const postparse_node *node, size_t index,
                                                           postparse_str *name,
                                                           postparse_str *value) POSTPARSE_NOEXCEPT;

/** The value of the attribute with this (lowercase) name into *value (may
 *  be NULL to test presence); POSTPARSE_ERR_NOT_FOUND when the element has
 *  none.  Cost: O(attributes). */
POSTPARSE_API postparse_status postparse_node_attribute(const postparse_node *node, const char *name,
                                                        size_t name_len,
                                                        postparse_str *value) POSTPARSE_NOEXCEPT;

/** Serialises the node as HTML (the WHATWG fragment serialisation): with
 *  `outer` the node itself, otherwise its children, into a NUL-terminated
 *  buffer *out released with postparse_free (*len may be NULL).  Cost:
 *  linear in the subtree. */
POSTPARSE_API postparse_status postparse_node_to_html(const postparse_doc *doc, const postparse_node *node,
                                                      bool outer, char **out, size_t *len) POSTPARSE_NOEXCEPT;

/** The concatenated text of the node and its descendants (no markup) into
 *  a NUL-terminated buffer *out released with postparse_free (*len may be
 *  NULL).  Cost: linear in the subtree. */
POSTPARSE_API postparse_status postparse_node_text_content(const postparse_node *node, char **out,
                                                           size_t *len) POSTPARSE_NOEXCEPT;

/* ======================================================================== */
/* Node lists (XPath results)                                                */
/* ======================================================================== */

/* Made by postparse_doc_select; owned by the caller; immutable.  Its nodes
 * are borrowed from the document, which must outlive the list. */

POSTPARSE_API size_t postparse_node_list_count(const postparse_node_list *list) POSTPARSE_NOEXCEPT;

/** Match `index`: the node, or for an attribute match its element. */
POSTPARSE_API const postparse_node *postparse_node_list_at(const postparse_node_list *list,
                                                           size_t index) POSTPARSE_NOEXCEPT;

/** The XPath string value of match `index`: an attribute's value, a node's
 *  text content.  Borrowed from the list. */
POSTPARSE_API postparse_str postparse_node_list_string_at(const postparse_node_list *list,
                                                          size_t index) POSTPARSE_NOEXCEPT;

/** Releases a node list.  NULL is a no-op. */
POSTPARSE_API void postparse_node_list_free(postparse_node_list *list) POSTPARSE_NOEXCEPT;

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* POSTPARSE_POSTPARSE_H */
