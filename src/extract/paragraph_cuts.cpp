#include "extract/paragraph_cuts.h"

#include <algorithm>
#include <optional>

#include "common/ascii.h"
#include "extract/normalize.h"

namespace postparse::impl::extract {
namespace {

// Prose runs on both sides of a <br> are at least this long (characters):
// verse lines, addresses and field lists are shorter.
constexpr std::size_t kProseRunChars = 30;
// Runs that are each a whole sentence are separate paragraphs when each is
// at least this long (characters); a lead-in ending in a colon before them
// ("总结一下：") at least kLeadInChars, so that a label over its value
// ("地址：") stays with it.
constexpr std::size_t kSentenceRunChars = 12;
constexpr std::size_t kLeadInChars = 5;
// Source lines this narrow (columns, CJK characters two) are fields or
// items when nothing shows them to be wrapped prose; a label before ':' is
// at most kLabelChars characters.  Lines wrapped at a width are at least
// kWrapWidthColumns wide, and all but the last within kWrapEvenShare of the
// widest.
constexpr std::size_t kFieldColumns = 40;
constexpr std::size_t kLabelChars = 16;
constexpr std::size_t kWrapWidthColumns = 30;
constexpr double kWrapEvenShare = 0.9;
// A picture credit ending a paragraph is at most this long (characters),
// and has this reason from the profiles.
constexpr std::size_t kCreditTailChars = 80;
constexpr std::string_view kPictureCredit = "editorial:image-credit";

bool ends_with_comma(std::string_view text) {
  for (std::string_view comma : {",", "\xEF\xBC\x8C", "\xE3\x80\x81"})  // , ， 、
    if (text.size() >= comma.size() && text.substr(text.size() - comma.size()) == comma) return true;
  return false;
}

// White space as collected: ASCII blanks, the break marks, NBSP and U+3000.
std::size_t blank_length_at(std::string_view s, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE3 && i + 2 < s.size() && s.substr(i, 3) == "\xE3\x80\x80") return 3;
  return 0;
}

std::string_view trim(std::string_view s) {
  std::size_t begin = 0;
  while (begin < s.size()) {
    std::size_t n = blank_length_at(s, begin);
    if (n == 0) break;
    begin += n;
  }
  std::size_t end = s.size();
  while (end > begin) {
    // Step back over one character and see whether it is blank.
    std::size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    if (blank_length_at(s, start) != end - start) break;
    end = start;
  }
  return s.substr(begin, end - begin);
}

// Columns the text takes: CJK characters two, others one.
std::size_t columns(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t length = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (length > s.size() - i) length = s.size() - i;
    char32_t cp = length == 1 ? c : static_cast<char32_t>(c & (0x7F >> length));
    for (std::size_t k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    n += is_cjk(cp) ? 2 : 1;
    i += length;
  }
  return n;
}

// The last character of `s` (trimmed, non-empty) as UTF-8 bytes.
std::string_view last_character(std::string_view s) {
  std::size_t start = s.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  return s.substr(start);
}

// Ends a sentence: full stop, question or exclamation mark, ellipsis or
// semicolon (ASCII, fullwidth and CJK), before any closing quotes or
// brackets.
bool ends_sentence(std::string_view text) {
  static constexpr std::string_view kClosers[] = {"\"", "'", ")", "\xE2\x80\x9D", "\xE2\x80\x99", "\xE3\x80\x8D",
                                                  "\xE3\x80\x8F", "\xEF\xBC\x89"};  // ” ’ 」 』 ）
  static constexpr std::string_view kEnds[] = {".", "!", "?", ";", "\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F",
                                               "\xEF\xBC\x9B", "\xE2\x80\xA6"};  // 。 ！ ？ ； …
  for (;;) {
    if (text.empty()) return false;
    std::string_view last = last_character(text);
    if (std::find(std::begin(kClosers), std::end(kClosers), last) == std::end(kClosers)) {
      return std::find(std::begin(kEnds), std::end(kEnds), last) != std::end(kEnds);
    }
    text.remove_suffix(last.size());
  }
}

struct Line {
  std::size_t begin, end;  // in raw, without the break that ends it
  std::size_t chars;       // trimmed (for source lines: columns, CJK two)
  bool ends_sentence;
  bool ends_label = false;   // ends with ':' or '：', its value on the next line
  bool ends_clause = false;  // ends with a comma: the sentence goes on
  bool starts_lower = false; // starts with a lower-case ASCII letter
  bool starts_bullet = false; // starts with a bullet symbol ("·", "•", "●", "-", "*"…)
};

// A bullet symbol an item written on its own line starts with.
bool starts_with_bullet(std::string_view text) {
  if (text.empty()) return false;
  if (text[0] == '-' || text[0] == '*' || text[0] == '+') return true;
  for (std::string_view bullet : {"\xC2\xB7", "\xE2\x80\xA2", "\xE2\x97\x8F", "\xE2\x97\x8B", "\xE2\x96\xA0",
                                  "\xE2\x96\xA1", "\xE2\x97\x86", "\xE2\x97\x87", "\xE2\x96\xAA", "\xE3\x83\xBB"})
    if (text.substr(0, bullet.size()) == bullet) return true;  // · • ● ○ ■ □ ◆ ◇ ▪ ・
  return false;
}

// `raw` cut at every <br> ('\n'), each run with the length and end of its
// text as normalised: white space collapsed, invisible characters dropped,
// NFC applied (which may make a character two), as a reader of the
// paragraph's Markdown rendering counts them.
std::vector<Line> break_runs(std::string_view raw, const NormalizeOptions &options) {
  std::vector<Line> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= raw.size(); ++i) {
    if (i < raw.size() && raw[i] != '\n') continue;
    std::string text = normalize_paragraph(raw.substr(start, i - start), options);
    std::string_view trimmed = trim(text);
    Line line{start, i, char_count(trimmed), ends_sentence(trimmed), ends_as_lead_in(trimmed)};
    line.starts_bullet = starts_with_bullet(trimmed);
    lines.push_back(line);
    start = i + 1;
  }
  return lines;
}

// A single <br> after a long run that ends a sentence, before another long
// run or before the last line (a signature, a source, a "read the
// original" line standing under the text).  Empty runs (before a first or
// after a final <br>, between the newlines of a blank line) are no lines.
void prose_breaks(const std::vector<Line> &runs, std::vector<std::size_t> &cuts) {
  std::vector<const Line *> lines;
  for (const Line &run : runs)
    if (run.chars > 0) lines.push_back(&run);
  for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
    const Line &before = *lines[k], &after = *lines[k + 1];
    bool last = k + 2 == lines.size();
    if (before.chars >= kProseRunChars && before.ends_sentence && (after.chars >= kProseRunChars || last))
      cuts.push_back(before.end);
  }
}

// Runs that are each a whole sentence ("第二部作品爲您帶來全新的課程和歌曲。<br>
// 遊戲性能…也全部提升！"), or a lead-in before such runs ("总结一下：<br>
// 16字节以内…；<br>…"): every <br> between them ends a paragraph, as the
// guidelines read "text<br>text" whose runs are sentences of prose.  One
// run that is not (a title over a sentence, a verse line ending in a
// comma, a field's value) keeps the paragraph's lines together, and so do
// runs marked as items with a bullet ("·中奖者将通过DM联系。"): a list its
// author wrote as one paragraph.
void sentence_breaks(const std::vector<Line> &runs, std::vector<std::size_t> &cuts) {
  std::vector<const Line *> lines;
  for (const Line &run : runs)
    if (run.chars > 0) lines.push_back(&run);
  if (lines.size() < 2) return;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const Line &line = *lines[k];
    if (line.starts_bullet) return;
    bool sentence = line.ends_sentence && line.chars >= kSentenceRunChars;
    bool lead_in = line.ends_label && line.chars >= kLeadInChars;
    if (!sentence && !lead_in) return;
  }
  for (std::size_t k = 0; k + 1 < lines.size(); ++k) cuts.push_back(lines[k]->end);
}

// The lines at either end of the run that `context` calls boilerplate on
// their own, each cut from the rest while another line is left.  Returns
// where the runs left end: the line before a boilerplate last line is the
// last line of what stays, as it would be were that line not there.
std::size_t boilerplate_edges(std::string_view raw, const std::vector<Line> &runs, const CutContext &context,
                              std::vector<std::size_t> &cuts) {
  if (!context.line_reason) return runs.size();
  std::vector<std::size_t> visible;
  for (std::size_t k = 0; k < runs.size(); ++k)
    if (runs[k].chars > 0) visible.push_back(k);
  if (visible.size() < 2) return runs.size();
  auto text = [&](std::size_t v) {
    const Line &line = runs[visible[v]];
    return raw.substr(line.begin, line.end - line.begin);
  };
  std::size_t first = 0, last = visible.size() - 1;
  auto boilerplate = [&](std::size_t v) { return !context.line_reason(text(v)).empty(); };
  while (last > first && boilerplate(last)) cuts.push_back(runs[visible[--last]].end);
  while (first < last && boilerplate(first)) cuts.push_back(runs[visible[first++]].end);
  return visible[last] + 1;
}

// A bar setting a credit apart ("…幼崽。｜图片来源：…"): '|' or '｜'.
std::size_t separator_length_at(std::string_view s, std::size_t i) {
  if (s[i] == '|') return 1;
  return s.substr(i, 3) == "\xEF\xBD\x9C" ? 3 : 0;
}

// An opening bracket whose closing one ends the line: a credit in brackets
// after the caption ("艺术复原图（图片来源：Allen West）") is cut with them.
bool opens_bracket_to_end(std::string_view raw, std::size_t at, std::size_t line_end) {
  std::string_view close;
  if (raw[at] == '(') close = ")";
  else if (raw.substr(at, 3) == "\xEF\xBC\x88") close = "\xEF\xBC\x89";  // （ ）
  else return false;
  std::string_view rest = trim(raw.substr(at, line_end - at));
  return rest.size() > close.size() && rest.substr(rest.size() - close.size()) == close;
}

// Where `line`, in a caption or by an image, holds a picture credit after a
// sentence end, a blank or a bar, or in brackets closing the line: the
// earliest such point whose rest of the line the profiles call a picture
// credit on its own, with visible text before it; none when nothing is.  Text elsewhere keeps such words: there
// they are seldom a credit, and every paragraph would pay for the look.
std::optional<Cut> credit_tail(std::string_view raw, const Line &line, const CutContext &context) {
  if (!context.line_reason || !(context.caption || context.by_image)) return std::nullopt;
  // Only the last kCreditTailChars characters can start a credit.
  std::size_t from = line.end, chars = 0;
  while (from > line.begin && chars < kCreditTailChars) {
    --from;
    if ((static_cast<unsigned char>(raw[from]) & 0xC0) != 0x80) ++chars;
  }
  for (std::size_t at = from; at < line.end; ++at) {
    if ((static_cast<unsigned char>(raw[at]) & 0xC0) == 0x80) continue;  // inside a character
    std::string_view before = raw.substr(line.begin, at - line.begin);
    std::size_t gap = std::max(blank_length_at(raw, at), separator_length_at(raw, at));
    if (gap == 0 && !ends_sentence(before) && !opens_bracket_to_end(raw, at, line.end)) continue;
    if (trim(before).empty()) continue;
    std::string_view rest = raw.substr(at + gap, line.end - at - gap);
    if (trim(rest).empty()) return std::nullopt;
    if (context.line_reason(rest) == kPictureCredit) return Cut{at, gap};
  }
  return std::nullopt;
}

// "Label: value" ("地点：上海", "Venue: Hall 2"): a field line.
bool has_label(std::string_view raw, const Line &line) {
  std::string_view text = trim(raw.substr(line.begin, line.end - line.begin));
  std::size_t colon = std::min(text.find(':'), text.find("\xEF\xBC\x9A"));  // ':' or '：'
  if (colon == std::string_view::npos || colon == 0) return false;
  std::size_t label_chars = char_count(text.substr(0, colon));
  return label_chars <= kLabelChars && colon + 1 < text.size();
}

// Prose wrapped at a width: a line ends inside a sentence (a comma, or the
// next line goes on in lower case), or all but the last line are as wide as
// the widest (within a tenth; CJK text wrapped at a width has no other
// sign).
bool wrapped_prose(const std::vector<Line> &group) {
  std::size_t widest = 0;
  for (const Line &line : group) widest = std::max(widest, line.chars);
  // Evenness needs two lines before the last to compare.
  bool even = widest >= kWrapWidthColumns && group.size() >= 3;
  for (std::size_t k = 0; k + 1 < group.size(); ++k) {
    if (group[k].ends_clause || (!group[k].ends_sentence && group[k + 1].starts_lower)) return true;
    even = even && static_cast<double>(group[k].chars) >= kWrapEvenShare * static_cast<double>(widest);
  }
  return even;
}

// The first line of a group that is not all fields, narrower than the
// widest line and not ending inside a sentence: a title or a label standing
// over text wrapped at a width ("11月1日起 故宫门票预售期调整为7天" over the
// news it heads).  Only the first: further down, a narrow line is the
// source's own wrap broken by an inline element ("right into <a>…</a>,"
// then "that's what her x-ray vision"), not a title.
void narrow_heads(const std::vector<Line> &group, std::vector<std::size_t> &cuts) {
  std::size_t widest = 0;
  for (const Line &line : group) widest = std::max(widest, line.chars);
  if (widest < kWrapWidthColumns || group.size() < 2) return;
  const Line &line = group[0];
  bool inside_sentence = line.ends_label || line.ends_clause || (!line.ends_sentence && group[1].starts_lower);
  if (!inside_sentence && static_cast<double>(line.chars) < kWrapEvenShare * static_cast<double>(widest))
    cuts.push_back(line.end);
}

// Lines that are fields or items rather than prose wrapped at a width: not
// wrapped prose, and all short, or mostly "label: value", or each ending a
// sentence.
bool field_lines(std::string_view raw, const std::vector<Line> &group) {
  if (wrapped_prose(group)) return false;
  bool all_short = true, every_line_a_sentence = true;
  std::size_t labelled = 0;
  for (std::size_t k = 0; k < group.size(); ++k) {
    all_short = all_short && group[k].chars <= kFieldColumns;
    if (k + 1 < group.size()) every_line_a_sentence = every_line_a_sentence && group[k].ends_sentence;
    labelled += has_label(raw, group[k]);
  }
  return all_short || labelled * 2 >= group.size() || every_line_a_sentence;
}

// The text node (its range of raw) that byte `at` is in, or none.
const ByteRange *text_node_at(std::size_t at, const std::vector<ByteRange> &texts) {
  auto node = std::upper_bound(texts.begin(), texts.end(), at,
                               [](std::size_t offset, const ByteRange &r) { return offset < r.begin; });
  if (node == texts.begin()) return nullptr;
  --node;
  return at < node->end ? &*node : nullptr;
}

// A source line break that separates text of one text node: the markup's
// own line breaks (between tags, around inline elements) never cut.
bool inside_one_text(std::string_view raw, std::size_t at, const std::vector<ByteRange> &texts) {
  const ByteRange *node = text_node_at(at, texts);
  if (!node) return false;
  return !trim(raw.substr(node->begin, at - node->begin)).empty() && !trim(raw.substr(at + 1, node->end - at - 1)).empty();
}

// A note or item number alone on its line ("[1]", "(2)", "3.", "【4】"): it
// belongs to the text on the next line, as a label does to its value.
bool is_number_marker(std::string_view text) {
  auto strip = [&text](std::initializer_list<std::string_view> marks, bool front) {
    for (std::string_view mark : marks) {
      if (front && text.substr(0, mark.size()) == mark) return text.remove_prefix(mark.size()), true;
      if (!front && text.size() >= mark.size() && text.substr(text.size() - mark.size()) == mark)
        return text.remove_suffix(mark.size()), true;
    }
    return false;
  };
  bool opened = strip({"[", "(", "\xEF\xBC\x88", "\xE3\x80\x90"}, true);                  // [ ( （ 【
  bool closed = strip({"]", ")", "\xEF\xBC\x89", "\xE3\x80\x91", ".", "\xE3\x80\x81"}, false);  // ] ) ） 】 . 、
  if (!opened && !closed) return false;
  if (text.empty() || text.size() > 3) return false;
  return std::all_of(text.begin(), text.end(), is_ascii_digit);
}

// A source line break of a blank line at the edge of a text node, with the
// node's text on the other side ("<em>…</em>\n\nWe are honored…"): the
// blank line ends a paragraph as it does inside one text node.  A node of
// blanks only, between two elements, is the markup's layout and never cuts.
bool blank_line_at_text_edge(std::string_view raw, std::size_t at, const std::vector<ByteRange> &texts) {
  const ByteRange *node = text_node_at(at, texts);
  if (!node) return false;
  auto next_mark = [&](std::size_t from, int step) {
    for (std::size_t i = from; i >= node->begin && i < node->end; i += static_cast<std::size_t>(step)) {
      if (raw[i] == '\r') return true;
      if (raw[i] != ' ' && raw[i] != '\t') return false;
    }
    return false;
  };
  bool blank_line = (at > node->begin && next_mark(at - 1, -1)) || next_mark(at + 1, 1);
  if (!blank_line) return false;
  return !trim(raw.substr(node->begin, at - node->begin)).empty() || !trim(raw.substr(at + 1, node->end - at - 1)).empty();
}

// Source lines of bare text inside one <br> run: a blank line always ends
// a paragraph; lines between blank lines are cut apart when they are fields
// or items, and stay one paragraph when they are prose wrapped at a width.
void source_line_breaks(std::string_view raw, const Line &run, const std::vector<ByteRange> &texts,
                        std::vector<std::size_t> &cuts) {
  std::vector<Line> lines;
  std::size_t start = run.begin;
  for (std::size_t i = run.begin; i <= run.end; ++i) {
    if (i < run.end &&
        !(raw[i] == '\r' && (inside_one_text(raw, i, texts) || blank_line_at_text_edge(raw, i, texts))))
      continue;
    std::string_view text = trim(raw.substr(start, i - start));
    lines.push_back({start, i, columns(text), ends_sentence(text), ends_as_lead_in(text) || is_number_marker(text),
                     ends_with_comma(text),
                     !text.empty() && is_ascii_lower(text[0])});
    start = i + 1;
  }
  std::vector<Line> group;
  bool blank_seen = false;
  // A label's line ("类型:") is never cut from its value's.
  auto close_group = [&] {
    if (group.size() < 2) return;
    if (!field_lines(raw, group)) return narrow_heads(group, cuts);
    for (std::size_t k = 0; k + 1 < group.size(); ++k)
      if (!group[k].ends_label) cuts.push_back(group[k].end);
  };
  for (const Line &line : lines) {
    if (line.chars == 0) {
      blank_seen = !group.empty();
      continue;
    }
    if (blank_seen && !group.back().ends_label) {
      close_group();
      cuts.push_back(group.back().end);
      group.clear();
    }
    blank_seen = false;
    group.push_back(line);
  }
  close_group();
}

// A span holds text on both sides of the break.  One that only starts or
// ends with it (`<b>text<br></b>`) does not hold the parts together: a
// Markdown rendering writes that break outside the emphasis, and the two
// must cut alike.
bool inside_a_span(std::string_view raw, const Cut &cut, const std::vector<ByteRange> &spans) {
  return std::any_of(spans.begin(), spans.end(), [raw, cut](const ByteRange &s) {
    if (!(s.begin <= cut.at && cut.at < s.end)) return false;
    std::size_t end = std::min(s.end, raw.size()), after = std::min(cut.at + cut.width, end);
    return !trim(raw.substr(s.begin, cut.at - s.begin)).empty() && !trim(raw.substr(after, end - after)).empty();
  });
}

// The <br> rules that read a paragraph's runs as a whole (prose_breaks'
// last line, sentence_breaks' every run) judge each paragraph the other
// cuts leave, not the whole text, and again on the paragraphs they leave
// until none cuts more: each paragraph is what a Markdown rendering writes
// and a reader of it sees, so both must cut it alike (a run that a source
// line break cuts in two, or a credit cut off, changes which line is last).
// A paragraph in which they cut nothing is final and is not measured again.
template <typename Held>
void run_cuts(std::string_view raw, const NormalizeOptions &options, std::vector<Cut> &cuts, Held held_by_span) {
  std::vector<ByteRange> pending;  // paragraphs still to judge
  std::size_t from = 0;
  for (std::size_t k = 0; k <= cuts.size(); ++k) {
    std::size_t to = k < cuts.size() ? cuts[k].at : raw.size();
    if (to > from) pending.push_back({from, to});
    if (k < cuts.size()) from = std::max(from, to + cuts[k].width);
  }
  bool added = false;
  while (!pending.empty()) {
    ByteRange piece = pending.back();
    pending.pop_back();
    std::string_view text = raw.substr(piece.begin, piece.end - piece.begin);
    if (text.find('\n') == std::string_view::npos) continue;
    std::vector<Line> runs = break_runs(text, options);
    std::vector<std::size_t> found;
    prose_breaks(runs, found);
    if (found.empty()) sentence_breaks(runs, found);
    std::size_t start = piece.begin;
    for (std::size_t at : found) {
      if (held_by_span(Cut{piece.begin + at, 1})) continue;
      cuts.push_back({piece.begin + at, 1}), added = true;
      pending.push_back({start, piece.begin + at});
      start = piece.begin + at + 1;
    }
    if (start != piece.begin) pending.push_back({start, piece.end});
  }
  if (added) std::sort(cuts.begin(), cuts.end(), [](const Cut &a, const Cut &b) { return a.at < b.at; });
}

}  // namespace

std::vector<Cut> paragraph_cuts(std::string_view raw, const CutContext &context, const std::vector<ByteRange> &spans,
                                const std::vector<ByteRange> &texts) {
  // Without a <br> the text is one run, which needs no measuring.
  bool has_breaks = raw.find('\n') != std::string_view::npos;
  std::vector<Line> runs =
      has_breaks ? break_runs(raw, context.options) : std::vector<Line>{{0, raw.size(), 0, false}};
  std::vector<std::size_t> breaks;
  std::size_t runs_left = runs.size();
  if (has_breaks && context.caption) {
    for (std::size_t k = 0; k + 1 < runs.size(); ++k) breaks.push_back(runs[k].end);
  } else if (has_breaks) {
    runs_left = boilerplate_edges(raw, runs, context, breaks);
    while (runs_left > 0 && runs[runs_left - 1].chars == 0) --runs_left;  // a final <br> leaves no line
  }
  if (context.bare_block && raw.find('\r') != std::string_view::npos)
    for (const Line &run : runs) source_line_breaks(raw, run, texts, breaks);
  std::vector<Cut> cuts;
  for (std::size_t at : breaks) cuts.push_back({at, 1});
  // The last line left is the one a credit would end.
  if (runs_left > 0)
    if (std::optional<Cut> tail = credit_tail(raw, runs[runs_left - 1], context)) cuts.push_back(*tail);
  std::sort(cuts.begin(), cuts.end(), [](const Cut &a, const Cut &b) { return a.at < b.at; });
  cuts.erase(std::unique(cuts.begin(), cuts.end(), [](const Cut &a, const Cut &b) { return a.at == b.at; }),
             cuts.end());
  auto held_by_span = [raw, &spans](const Cut &cut) { return inside_a_span(raw, cut, spans); };
  cuts.erase(std::remove_if(cuts.begin(), cuts.end(), held_by_span), cuts.end());
  if (has_breaks && !context.caption) run_cuts(raw, context.options, cuts, held_by_span);
  return cuts;
}

}  // namespace postparse::impl::extract
