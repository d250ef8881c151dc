#include "markdown/markdown_html.h"

#include <md4c.h>

#include <algorithm>
#include <limits>
#include <optional>
#include <string>

#include "common/ascii.h"

namespace postparse::impl::markdown {

void OffsetMap::add(std::size_t html, std::size_t source, bool exact) {
  if (!segments_.empty() && segments_.back().html == html) {
    segments_.back() = {html, source, exact};
    return;
  }
  segments_.push_back({html, source, exact});
}

std::size_t OffsetMap::segment_of(std::size_t html) const {
  auto after = std::upper_bound(segments_.begin(), segments_.end(), html,
                                [](std::size_t h, const Segment &s) { return h < s.html; });
  return after == segments_.begin() ? std::string::npos : static_cast<std::size_t>(after - segments_.begin()) - 1;
}

// Before the first segment, everything maps to where it starts.
std::size_t OffsetMap::in_segment(std::size_t index, std::size_t html) const {
  if (index == std::string::npos) return segments_.empty() ? 0 : segments_.front().source;
  const Segment &s = segments_[index];
  return s.exact ? s.source + (html - s.html) : s.source;
}

std::size_t OffsetMap::to_source(std::size_t html) const { return in_segment(segment_of(html), html); }

std::size_t OffsetMap::Cursor::to_source(std::size_t html) {
  const std::vector<Segment> &segments = map_.segments_;
  if (at_ < segments.size() && segments[at_].html <= html) {
    for (int step = 0; step < 8; ++step) {
      if (at_ + 1 == segments.size() || segments[at_ + 1].html > html) return map_.in_segment(at_, html);
      ++at_;
    }
  }
  std::size_t index = map_.segment_of(html);
  if (index != std::string::npos) at_ = index;
  return map_.in_segment(index, html);
}

namespace {

// md4c's callbacks write HTML here.  `anchor_` is the source position of the
// last text seen, which generated markup (tags) is attributed to.
class Renderer {
 public:
  Renderer(std::string_view source, std::size_t base) : source_(source), base_(base), anchor_(base) {}

  MarkdownHtml &&finish() { return std::move(out_); }

  int enter_block(MD_BLOCKTYPE type, void *detail);
  int leave_block(MD_BLOCKTYPE type, void *detail);
  int enter_span(MD_SPANTYPE type, void *detail);
  int leave_span(MD_SPANTYPE type, void *detail);
  int text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size);

 private:
  // Markup written by the renderer.
  void markup(std::string_view html) {
    if (image_depth_ > 0) return;  // inside an image: only its alt text counts
    out_.map.add(out_.html.size(), anchor_, false);
    out_.html += html;
  }
  // Bytes of the source, copied or escaped.
  void source_text(const MD_CHAR *text, MD_SIZE size, bool escape);
  bool in_source(const MD_CHAR *p) const { return p >= source_.data() && p <= source_.data() + source_.size(); }
  std::size_t offset_of(const MD_CHAR *p) const { return base_ + static_cast<std::size_t>(p - source_.data()); }
  // md4c reads a few texts in angle brackets as autolinks that CommonMark
  // reads as text.  Such a link's start tag waits here until its first text
  // shows whether it is an autolink (whose text is the href's own bytes)
  // or a link written "[text](<destination>)".
  struct PendingLink {
    std::string tag;
    const MD_CHAR *href;
    MD_SIZE href_size;
  };
  bool maybe_misread_autolink(const MD_ATTRIBUTE &href) const;
  void write_pending_link();
  void write_pending_indentation(const MD_CHAR *next);
  std::string source_indentation(std::size_t at, std::size_t columns) const;

  std::string_view source_;
  // Columns of a code line's indentation that md4c reported as spaces of
  // its own (it keeps only a width), not yet written.
  std::size_t pending_indentation_ = 0;
  std::size_t base_;
  std::size_t anchor_ = 0;
  MarkdownHtml out_;
  int image_depth_ = 0;
  std::string alt_;  // the alt text of the image being read
  std::optional<PendingLink> pending_link_;
  // The '>' that ends a misread autolink being written as text, or null.
  const MD_CHAR *literal_autolink_end_ = nullptr;
};

void escape_into(std::string &out, std::string_view text, bool attribute) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += attribute ? "&quot;" : "\""; break;
      case '\0': out += "\xEF\xBF\xBD"; break;  // U+FFFD, as the HTML tokenizer would make it
      default: out += c;
    }
  }
}

// Whether `text` has a character escape_into would change in text content
// (a NUL alone is copied as it is here; the HTML tokenizer replaces it).
// One pass over the bytes: find_first_of with a set searches the set once
// per byte, and this runs on every text piece of every Markdown body.
bool has_markup_character(std::string_view text) {
  for (char c : text)
    if (c == '&' || c == '<' || c == '>' || c == '"') return true;
  return false;
}

void Renderer::source_text(const MD_CHAR *text, MD_SIZE size, bool escape) {
  std::string_view piece(text, size);
  if (in_source(text)) anchor_ = offset_of(text);
  if (image_depth_ > 0) {
    alt_ += piece;
    return;
  }
  if (!escape || !has_markup_character(piece)) {
    out_.map.add(out_.html.size(), anchor_, in_source(text));
    out_.html += piece;
  } else {
    // Runs between the characters that need escaping map as one segment
    // each, and every escaped character gets its own, so that what follows
    // it still maps to its place.
    const bool exact = in_source(text);
    auto emit = [&](std::size_t from, std::size_t to, bool escaped) {
      out_.map.add(out_.html.size(), exact ? offset_of(text + from) : anchor_, exact);
      if (escaped) escape_into(out_.html, piece.substr(from, to - from), false);
      else out_.html.append(piece.data() + from, to - from);
    };
    std::size_t run = 0;
    for (std::size_t i = 0; i < piece.size(); ++i) {
      char c = piece[i];
      if (c != '&' && c != '<' && c != '>' && c != '"' && c != '\0') continue;
      if (i > run) emit(run, i, false);
      emit(i, i + 1, true);
      run = i + 1;
    }
    if (run < piece.size()) emit(run, piece.size(), false);
  }
  if (in_source(text)) anchor_ = offset_of(text) + size;
}

std::string attribute_html(const char *name, const MD_ATTRIBUTE &value) {
  std::string html = std::string(" ") + name + "=\"";
  for (unsigned i = 0; value.substr_offsets && value.substr_offsets[i] < value.size; ++i) {
    std::string_view piece(value.text + value.substr_offsets[i], value.substr_offsets[i + 1] - value.substr_offsets[i]);
    if (value.substr_types[i] == MD_TEXT_ENTITY) html += piece;  // the HTML tokenizer decodes it
    else escape_into(html, piece, true);
  }
  html += '"';
  return html;
}

bool Renderer::maybe_misread_autolink(const MD_ATTRIBUTE &href) const {
  if (href.size == 0 || !in_source(href.text) || href.text == source_.data()) return false;
  std::size_t at = static_cast<std::size_t>(href.text - source_.data());
  if (source_[at - 1] != '<' || at + href.size >= source_.size() || source_[at + href.size] != '>') return false;
  // md4c 0.4.8 takes any ASCII character for the first of the scheme
  // ("< .x:y>", "<1a:b>"); CommonMark wants a letter.
  return !is_ascii_alpha(href.text[0]);
}

void Renderer::write_pending_link() {
  if (!pending_link_) return;
  std::string tag = std::move(pending_link_->tag);
  pending_link_.reset();
  markup(tag);
}

int Renderer::enter_block(MD_BLOCKTYPE type, void *detail) {
  switch (type) {
    case MD_BLOCK_DOC: break;
    case MD_BLOCK_QUOTE: markup("<blockquote>\n"); break;
    case MD_BLOCK_UL: markup("<ul>\n"); break;
    case MD_BLOCK_OL: {
      unsigned start = static_cast<MD_BLOCK_OL_DETAIL *>(detail)->start;
      markup(start == 1 ? "<ol>\n" : "<ol start=\"" + std::to_string(start) + "\">\n");
      break;
    }
    case MD_BLOCK_LI: markup("<li>"); break;
    case MD_BLOCK_HR: markup("<hr>\n"); break;
    case MD_BLOCK_H: markup("<h" + std::to_string(static_cast<MD_BLOCK_H_DETAIL *>(detail)->level) + ">"); break;
    case MD_BLOCK_CODE: markup("<pre><code>"); break;
    case MD_BLOCK_HTML: break;  // its text is the raw HTML itself
    case MD_BLOCK_P: markup("<p>"); break;
    case MD_BLOCK_TABLE: markup("<table>\n"); break;
    case MD_BLOCK_THEAD: markup("<thead>\n"); break;
    case MD_BLOCK_TBODY: markup("<tbody>\n"); break;
    case MD_BLOCK_TR: markup("<tr>"); break;
    case MD_BLOCK_TH: markup("<th>"); break;
    case MD_BLOCK_TD: markup("<td>"); break;
  }
  return 0;
}

int Renderer::leave_block(MD_BLOCKTYPE type, void *detail) {
  switch (type) {
    case MD_BLOCK_DOC: break;
    case MD_BLOCK_QUOTE: markup("</blockquote>\n"); break;
    case MD_BLOCK_UL: markup("</ul>\n"); break;
    case MD_BLOCK_OL: markup("</ol>\n"); break;
    case MD_BLOCK_LI: markup("</li>\n"); break;
    case MD_BLOCK_HR: break;
    case MD_BLOCK_H: markup("</h" + std::to_string(static_cast<MD_BLOCK_H_DETAIL *>(detail)->level) + ">\n"); break;
    case MD_BLOCK_CODE: markup("</code></pre>\n"); break;
    case MD_BLOCK_HTML: break;
    case MD_BLOCK_P: markup("</p>\n"); break;
    case MD_BLOCK_TABLE: markup("</table>\n"); break;
    case MD_BLOCK_THEAD: markup("</thead>\n"); break;
    case MD_BLOCK_TBODY: markup("</tbody>\n"); break;
    case MD_BLOCK_TR: markup("</tr>\n"); break;
    case MD_BLOCK_TH: markup("</th>"); break;
    case MD_BLOCK_TD: markup("</td>"); break;
  }
  return 0;
}

int Renderer::enter_span(MD_SPANTYPE type, void *detail) {
  write_pending_link();
  switch (type) {
    case MD_SPAN_EM: markup("<em>"); break;
    case MD_SPAN_STRONG: markup("<strong>"); break;
    case MD_SPAN_A: {
      auto *a = static_cast<MD_SPAN_A_DETAIL *>(detail);
      std::string tag = "<a" + attribute_html("href", a->href);
      if (a->title.size) tag += attribute_html("title", a->title);
      tag += '>';
      if (maybe_misread_autolink(a->href)) {
        // Whether this is an autolink shows only with the link's text.
        pending_link_ = PendingLink{std::move(tag), a->href.text, a->href.size};
      } else {
        markup(tag);
      }
      break;
    }
    case MD_SPAN_IMG:
      // The image's text is its alt; it is written when the span ends.
      if (image_depth_++ == 0) alt_.clear();
      break;
    case MD_SPAN_CODE: markup("<code>"); break;
    case MD_SPAN_DEL: markup("<del>"); break;
    case MD_SPAN_U: markup("<u>"); break;
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
    case MD_SPAN_WIKILINK: break;
  }
  return 0;
}

int Renderer::leave_span(MD_SPANTYPE type, void *detail) {
  switch (type) {
    case MD_SPAN_EM: markup("</em>"); break;
    case MD_SPAN_STRONG: markup("</strong>"); break;
    case MD_SPAN_A:
      write_pending_link();
      if (literal_autolink_end_) {
        source_text(literal_autolink_end_, 1, true);
        literal_autolink_end_ = nullptr;
      } else {
        markup("</a>");
      }
      break;
    case MD_SPAN_IMG: {
      if (--image_depth_ > 0) break;
      auto *img = static_cast<MD_SPAN_IMG_DETAIL *>(detail);
      std::string tag = "<img" + attribute_html("src", img->src) + " alt=\"";
      escape_into(tag, alt_, true);
      tag += '"';
      if (img->title.size) tag += attribute_html("title", img->title);
      markup(tag + ">");
      break;
    }
    case MD_SPAN_CODE: markup("</code>"); break;
    case MD_SPAN_DEL: markup("</del>"); break;
    case MD_SPAN_U: markup("</u>"); break;
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
    case MD_SPAN_WIKILINK: break;
  }
  return 0;
}

// md4c writes the indentation of a code line as a count of spaces, so a
// tab there would become spaces, which CommonMark does not do ("tabs in
// lines are not expanded"; a Go listing in a fence keeps its tabs).  The
// count waits until the line's text arrives; then the indentation is taken
// from the source: the `columns` columns before `at`, tabs as written, a
// tab only partly inside them as the spaces that are (as CommonMark reads
// a partly consumed tab).  Spaces when the source does not show them.
std::string Renderer::source_indentation(std::size_t at, std::size_t columns) const {
  auto next_column = [](char c, std::size_t column) {
    if (c == '\t') return (column / 4 + 1) * 4;
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? column + 1 : column;
  };
  std::size_t line_start = at == 0 ? 0 : source_.rfind('\n', at - 1);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  // The columns of the line up to `at`, and where the blanks before `at` start.
  std::size_t column = 0, blanks = line_start, blanks_column = 0;
  for (std::size_t i = line_start; i < at; ++i) {
    if (source_[i] != ' ' && source_[i] != '\t') blanks = i + 1, blanks_column = next_column(source_[i], column);
    column = next_column(source_[i], column);
  }
  if (columns > column) return std::string(columns, ' ');
  const std::size_t first = column - columns;
  // The first blank that starts at or after `first`; a tab before it that
  // ends past `first` is partly inside the columns.
  std::size_t from = blanks, from_column = blanks_column;
  while (from < at && from_column < first) from_column = next_column(source_[from++], from_column);
  if (from_column < first) return std::string(columns, ' ');  // the source does not show them
  std::string out(from_column - first, ' ');
  out.append(source_.data() + from, at - from);
  return out;
}

void Renderer::write_pending_indentation(const MD_CHAR *next) {
  if (pending_indentation_ == 0) return;
  std::size_t columns = pending_indentation_;
  pending_indentation_ = 0;
  markup(next && in_source(next) ? source_indentation(static_cast<std::size_t>(next - source_.data()), columns)
                                 : std::string(columns, ' '));
}

int Renderer::text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size) {
  if (pending_link_ && text == pending_link_->href) {
    // An autolink's text is its URL, at the very bytes of the href: md4c
    // took "<...>" for an autolink that CommonMark reads as text.
    source_text(text - 1, 1, true);
    literal_autolink_end_ = text + pending_link_->href_size;
    pending_link_.reset();
  }
  write_pending_link();
  if (type == MD_TEXT_CODE && !in_source(text) && std::string_view(text, size).find_first_not_of(' ') == std::string_view::npos) {
    pending_indentation_ += size;
    return 0;
  }
  write_pending_indentation(type == MD_TEXT_CODE ? text : nullptr);
  switch (type) {
    case MD_TEXT_NULLCHAR: markup("\xEF\xBF\xBD"); break;
    case MD_TEXT_BR: markup(image_depth_ ? "" : "<br>\n"); break;
    case MD_TEXT_SOFTBR:
      if (image_depth_ > 0) alt_ += ' ';
      else markup("\n");
      break;
    case MD_TEXT_ENTITY:  // written as in the source; the HTML tokenizer decodes it
    case MD_TEXT_HTML: source_text(text, size, false); break;
    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
    case MD_TEXT_LATEXMATH: source_text(text, size, true); break;
  }
  return 0;
}

}  // namespace

MarkdownHtml markdown_to_html(std::string_view text, std::size_t base) {
  // md4c reads a byte past the end of its input in places (after the
  // digits of a line that starts like an ordered list mark, "12" at the end
  // of a body), which is outside the caller's memory when the document
  // borrows it (postparse_doc_parse_borrowed) and can fault at a page end.
  // Its own copy has a NUL there.  The copy costs a memcpy against md4c's
  // ~50 instructions per byte.
  const std::string owned(text);
  const std::string_view source = owned;
  Renderer renderer(source, base);
  MD_PARSER parser{};
  parser.abi_version = 0;
  // GitHub's dialect (tables, strikethrough, task lists, www/URL autolinks),
  // which is what static-site generators render.
  parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | MD_FLAG_PERMISSIVEURLAUTOLINKS |
                 MD_FLAG_PERMISSIVEWWWAUTOLINKS;
  parser.enter_block = [](MD_BLOCKTYPE t, void *d, void *u) { return static_cast<Renderer *>(u)->enter_block(t, d); };
  parser.leave_block = [](MD_BLOCKTYPE t, void *d, void *u) { return static_cast<Renderer *>(u)->leave_block(t, d); };
  parser.enter_span = [](MD_SPANTYPE t, void *d, void *u) { return static_cast<Renderer *>(u)->enter_span(t, d); };
  parser.leave_span = [](MD_SPANTYPE t, void *d, void *u) { return static_cast<Renderer *>(u)->leave_span(t, d); };
  parser.text = [](MD_TEXTTYPE t, const MD_CHAR *s, MD_SIZE n, void *u) {
    return static_cast<Renderer *>(u)->text(t, s, n);
  };
  // md4c sizes are 32-bit; larger bodies are cut to what it can address
  // (far beyond the default input limit of 256 MiB).
  MD_SIZE size = static_cast<MD_SIZE>(std::min<std::size_t>(source.size(), std::numeric_limits<MD_SIZE>::max()));
  int status = md_parse(source.data(), size, &parser, &renderer);
  MarkdownHtml out = renderer.finish();
  out.ok = status == 0;
  return out;
}

bool looks_like_markdown(std::string_view body) {
  std::size_t first = body.find_first_not_of(" \t\r\n\f");
  return first != std::string_view::npos && body[first] != '<';
}

}  // namespace postparse::impl::markdown
