#include "split/split.h"

#include <string>

#include "common/ascii.h"
#include "postparse/postparse.h"
#include "split/encoding.h"

namespace postparse::impl {
namespace {

// One physical line: [begin, end) without its line break; next is where the
// following line starts.
struct Line {
  std::size_t begin = 0, end = 0, next = 0;
};

Line line_at(std::string_view text, std::size_t pos) {
  Line line{pos, pos, pos};
  std::size_t i = pos;
  while (i < text.size() && text[i] != '\n' && text[i] != '\r') ++i;
  line.end = i;
  if (i < text.size()) {
    i += (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
  }
  line.next = i;
  return line;
}

// The line's text without trailing blanks (fences may carry stray spaces).
std::string_view trimmed(std::string_view text, const Line &line) {
  std::size_t end = line.end;
  while (end > line.begin && is_space_or_tab(text[end - 1])) --end;
  return text.substr(line.begin, end - line.begin);
}

bool is_run_of(std::string_view s, char c) {
  if (s.size() < 3) return false;
  for (char ch : s)
    if (ch != c) return false;
  return true;
}

Format fence_format(std::string_view fence) {
  if (is_run_of(fence, '-')) return Format::yaml;
  if (is_run_of(fence, ';')) return Format::json;
  if (fence == "+++") return Format::toml;
  return Format::none;
}

bool closes(std::string_view candidate, std::string_view fence, Format format) {
  return candidate == fence || (format == Format::yaml && candidate == "...");
}

// Skips the BOMs and blank (empty or whitespace-only) lines: every
// seed-format post starts with "\n---".
std::size_t first_content_line(std::string_view text) {
  std::size_t pos = utf8_bom_run_end(text);
  while (pos < text.size()) {
    Line line = line_at(text, pos);
    bool blank_line = trimmed(text, line).empty() && line.next > line.end;
    if (!blank_line) break;
    pos = line.next;
  }
  return pos;
}

// Records a block whose content runs from `content_begin` to the line of its
// closing fence; the body starts on the line after that fence.
void close_block(Split &out, std::size_t content_begin, const Line &closing) {
  out.content_begin = content_begin;
  out.content_end = closing.begin;
  out.block_end = closing.end;
  out.body_begin = closing.next;
}

JsonShape json_shape_of(Format format) {
  return format == Format::json ? JsonShape::members_only : JsonShape::none;
}

// Finds the closing fence of a fenced block that opens on `open`.
bool find_closing_fence(std::string_view text, const Line &open, Format format,
                        Split &out) {
  std::string_view fence = trimmed(text, open);
  for (std::size_t pos = open.next; pos < text.size();) {
    Line line = line_at(text, pos);
    if (closes(trimmed(text, line), fence, format)) {
      close_block(out, open.next, line);
      return true;
    }
    pos = line.next;
  }
  return false;
}

// Scans a JSON object starting at `{`; returns one past its closing brace,
// or npos when the braces never balance.  Strings are skipped so that braces
// inside them do not count.
std::size_t json_object_end(std::string_view text, std::size_t open) {
  std::size_t depth = 0;
  for (std::size_t i = open; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\') ++i;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}') {
      if (--depth == 0) return i + 1;
    }
  }
  return std::string_view::npos;
}

// Hugo's bare JSON object.  Requires `{` followed by `"` or `}` so that a body
// opening with a template tag such as `{{< note >}}` is not taken for JSON.
bool split_bare_json(std::string_view text, std::size_t start, Split &out) {
  std::size_t i = start + 1;
  while (i < text.size() && (is_space_or_tab(text[i]) || text[i] == '\n' || text[i] == '\r')) ++i;
  if (i >= text.size() || (text[i] != '"' && text[i] != '}')) return false;
  std::size_t end = json_object_end(text, start);
  if (end == std::string_view::npos) return false;
  Line rest = line_at(text, end);
  for (std::size_t k = rest.begin; k < rest.end; ++k)
    if (!is_space_or_tab(text[k])) return false;
  out.format = Format::json;
  out.json_shape = JsonShape::whole_object;
  out.block_begin = out.content_begin = start;
  out.block_end = out.content_end = end;
  out.body_begin = rest.next;
  return true;
}

// Hexo's form without an opening fence: `title: x\n---\nbody`.
bool split_unfenced(std::string_view text, std::size_t start,
                    const SplitOptions &options, Split &out) {
  for (std::size_t pos = start; pos < text.size();) {
    Line line = line_at(text, pos);
    std::string_view fence = trimmed(text, line);
    Format format = fence_format(fence);
    if (format == Format::yaml || format == Format::json) {
      std::string_view candidate = text.substr(start, line.begin - start);
      // Hexo's unfenced JSON is an object's members without braces.
      std::string as_mapping = format == Format::json ? "{" + std::string(candidate) + "}" : std::string(candidate);
      std::size_t first = candidate.find_first_not_of(" \t\r\n");
      bool json_like = first != std::string_view::npos && candidate[first] == '"';
      if ((format == Format::json && !json_like) || !options.is_mapping(as_mapping)) return false;
      out.format = format;
      out.json_shape = json_shape_of(format);
      out.block_begin = start;
      close_block(out, start, line);
      return true;
    }
    pos = line.next;
  }
  return false;
}

}  // namespace

Split split_post(std::string_view text, const SplitOptions &options,
                 DiagnosticSink &diagnostics) {
  Split out;
  std::size_t bom_end = utf8_bom_run_end(text);
  // Files passed through tools that add a BOM without looking for one (or
  // UTF-16 with a UTF-8 BOM inside) start with several: all are skipped.
  if (bom_end > kUtf8Bom.size())
    diagnostics.add(POSTPARSE_ERR_SYNTAX, Severity::warning, Part::split,
                    std::to_string(bom_end / kUtf8Bom.size()) +
                        " byte order marks (U+FEFF) at the start, where one is usual; all are skipped",
                    kUtf8Bom.size());
  out.body_begin = bom_end;
  std::size_t start = first_content_line(text);
  if (start >= text.size()) return out;

  Line open = line_at(text, start);
  Format format = fence_format(trimmed(text, open));
  if (format != Format::none) {
    Split fenced;
    fenced.format = format;
    fenced.json_shape = json_shape_of(format);
    fenced.block_begin = start;
    if (find_closing_fence(text, open, format, fenced)) return fenced;
    // A lone `---` opening a file is a thematic break in Markdown as often as
    // it is a fence: keep everything as body, but say why.
    diagnostics.add(POSTPARSE_ERR_UNTERMINATED, Severity::warning, Part::split,
                    "front matter fence '" + std::string(trimmed(text, open)) +
                        "' is never closed; the whole input is read as body",
                    start);
    return out;
  }
  if (text[start] == '{' && split_bare_json(text, start, out)) return out;
  if (options.hexo_unfenced && options.is_mapping &&
      split_unfenced(text, start, options, out))
    return out;
  return out;
}

}  // namespace postparse::impl
