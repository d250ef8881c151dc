#include "extract/span_offsets.h"

#include <algorithm>
#include <string>

namespace postparse::impl::extract {
namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The nearest character boundary of `text` at or before `at`.
std::size_t boundary_before(std::string_view text, std::size_t at) {
  at = std::min(at, text.size());
  while (at > 0 && at < text.size() && is_continuation(text[at])) --at;
  return at;
}

bool is_separator(char c) { return c == ' ' || c == '\n'; }

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
    std::size_t at = cursor_;
    if (!matches(at, normalized) && at < text_.size() && is_separator(text_[at]) && matches(at + 1, normalized))
      ++at;
    else if (!matches(at, normalized))
      at = at < text_.size() && is_separator(text_[at]) ? at + 1 : at;  // joined with a neighbour: nearest guess
    at = boundary_before(text_, at);
    std::size_t end = boundary_before(text_, at + normalized.size());
    cursor_ = end;
    return {at, end};
  }

  std::size_t cursor() const { return cursor_; }

 private:
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
