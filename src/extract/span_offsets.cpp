#include "extract/span_offsets.h"

#include <utf8proc.h>

#include <algorithm>
#include <string>

#include "common/utf8.h"

namespace postparse::impl::extract {
namespace {

// The nearest character boundary of `text` at or before `at`.
std::size_t boundary_before(std::string_view text, std::size_t at) {
  at = std::min(at, text.size());
  while (at > 0 && at < text.size() && is_utf8_continuation(text[at])) --at;
  return at;
}

// The nearest character boundary of `text` at or after `at`.
std::size_t boundary_after(std::string_view text, std::size_t at) {
  at = std::min(at, text.size());
  while (at < text.size() && is_utf8_continuation(text[at])) ++at;
  return at;
}

bool is_separator(char c) { return c == ' ' || c == '\n'; }

// `text` (valid UTF-8) without the combining marks it starts with.
std::string_view without_leading_marks(std::string_view text) {
  std::size_t at = 0;
  while (at < text.size()) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t *>(text.data() + at),
                                               static_cast<utf8proc_ssize_t>(text.size() - at), &cp);
    if (length <= 0) break;
    utf8proc_category_t category = utf8proc_category(cp);
    if (category != UTF8PROC_CATEGORY_MN && category != UTF8PROC_CATEGORY_MC && category != UTF8PROC_CATEGORY_ME) break;
    at += static_cast<std::size_t>(length);
  }
  return text.substr(at);
}

// Pieces of `raw` between consecutive range edges, each normalised on its
// own and found in `text` in order: piece k is at [starts[k], ends[k]).
// Normalising a piece alone gives what it became in the whole text, minus
// the separator (one space or line break) that white space at its edges
// turned into, so each piece is at the cursor or one separator after it.
class PieceLocator {
 public:
  PieceLocator(std::string_view text, const NormalizeOptions &options) : text_(text), options_(options) {}

  ByteRange next(std::string_view piece) {
    std::string normalized = normalize_paragraph(piece, options_);
    if (normalized.empty()) return {cursor_, cursor_};
    bool separator = cursor_ < text_.size() && is_separator(text_[cursor_]);
    for (std::size_t at : {cursor_, cursor_ + (separator ? 1 : 0)})
      if (matches(at, normalized)) return advance({at, at + normalized.size()});
    // Joined with a neighbour.  Combining marks that composed with the
    // previous piece's last character: the rest follows shortly after.
    std::string_view rest = without_leading_marks(normalized);
    if (!rest.empty() && rest.size() < normalized.size()) {
      std::size_t window = std::min(text_.size(), cursor_ + normalized.size() + 8);
      std::size_t at = text_.substr(0, window).find(rest, cursor_);
      if (at != std::string_view::npos) return advance({at, at + rest.size()});
    }
    // Otherwise the nearest whole characters of about its length (a
    // character it composed into is taken whole).
    std::size_t at = cursor_ + (separator ? 1 : 0);
    return advance({at, boundary_after(text_, at + normalized.size())});
  }

  std::size_t cursor() const { return cursor_; }

 private:
  ByteRange advance(ByteRange found) {
    found.begin = std::max(cursor_, boundary_before(text_, found.begin));
    found.end = std::max(found.begin, boundary_after(text_, found.end));
    cursor_ = found.end;
    return found;
  }

  bool matches(std::size_t at, const std::string &normalized) const {
    return at <= text_.size() && text_.compare(at, normalized.size(), normalized) == 0;
  }

  std::string_view text_;
  const NormalizeOptions &options_;
  std::size_t cursor_ = 0;
};

}  // namespace

std::vector<ByteRange> locate_in_normalized(std::string_view raw, std::string_view text,
                                            const std::vector<ByteRange> &ranges, const NormalizeOptions &options) {
  // Most paragraphs have no inline span: nothing to place, and no reason
  // to normalise the paragraph a second time.
  if (ranges.empty()) return {};
  std::vector<std::size_t> edges{0, raw.size()};
  for (const ByteRange &r : ranges) {
    edges.push_back(std::min(r.begin, raw.size()));
    edges.push_back(std::min(std::max(r.begin, r.end), raw.size()));
  }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());

  // pieces[k]: where raw [edges[k], edges[k+1]) is in the text.
  std::vector<ByteRange> pieces;
  pieces.reserve(edges.size());
  PieceLocator locator(text, options);
  for (std::size_t k = 0; k + 1 < edges.size(); ++k)
    pieces.push_back(locator.next(raw.substr(edges[k], edges[k + 1] - edges[k])));

  // The first piece with text at or after k, and the last one before k, so
  // that each range costs two lookups however many pieces it covers.
  std::size_t n = pieces.size();
  std::vector<std::size_t> next_visible(n + 1, n), last_visible_before(n + 1, SIZE_MAX);
  for (std::size_t k = n; k-- > 0;)
    next_visible[k] = pieces[k].begin != pieces[k].end ? k : next_visible[k + 1];
  for (std::size_t k = 0; k < n; ++k)
    last_visible_before[k + 1] = pieces[k].begin != pieces[k].end ? k : last_visible_before[k];

  std::vector<ByteRange> out;
  out.reserve(ranges.size());
  auto edge_index = [&](std::size_t at) {
    return static_cast<std::size_t>(std::lower_bound(edges.begin(), edges.end(), std::min(at, raw.size())) -
                                    edges.begin());
  };
  for (const ByteRange &r : ranges) {
    std::size_t first = std::min(edge_index(r.begin), n), last = std::min(edge_index(std::max(r.begin, r.end)), n);
    std::size_t from = next_visible[first], to = last_visible_before[last];
    if (from < last && to != SIZE_MAX && to >= from) {
      out.push_back({pieces[from].begin, pieces[to].end});
    } else {  // nothing visible: an empty range where it was
      std::size_t at = first < n ? pieces[first].begin : locator.cursor();
      out.push_back({at, at});
    }
  }
  return out;
}

}  // namespace postparse::impl::extract
