#include "extract/segment.h"

#include <algorithm>

#include "common/ascii.h"
#include "extract/class_words.h"
#include "extract/paragraph_cuts.h"
#include "extract/span_offsets.h"

namespace postparse::impl::extract {
namespace {

using html::Ns;
using html::Tag;

bool is_block(Tag tag) {
  switch (tag) {
    case Tag::p: case Tag::div: case Tag::h1: case Tag::h2: case Tag::h3: case Tag::h4: case Tag::h5:
    case Tag::h6: case Tag::li: case Tag::dt: case Tag::dd: case Tag::blockquote: case Tag::pre:
    case Tag::td: case Tag::th: case Tag::tr: case Tag::table: case Tag::tbody: case Tag::thead:
    case Tag::tfoot: case Tag::caption: case Tag::figcaption: case Tag::figure: case Tag::section:
    case Tag::article: case Tag::header: case Tag::footer: case Tag::aside: case Tag::nav: case Tag::main:
    case Tag::ul: case Tag::ol: case Tag::dl: case Tag::address: case Tag::hr: case Tag::form:
    case Tag::fieldset: case Tag::details: case Tag::summary: case Tag::center: case Tag::dialog:
    case Tag::search: case Tag::hgroup: case Tag::menu: case Tag::dir: case Tag::listing: case Tag::xmp:
    case Tag::plaintext: case Tag::body: case Tag::html:
      return true;
    default:
      return false;
  }
}

// Subtrees whose text is never paragraph text.
// A picture, video or other embedded media: text by it may be its caption.
// (<img> is recorded as an image; <video>, <audio>, <picture> and <canvas>
// are elements the tree builder has no tag of its own for.)
// <video>, <audio> and <canvas> hold fallback content ("Your browser does not
// support the video tag.") that only a browser without them shows.
bool is_media_with_fallback(pugi::xml_node node) {
  std::string_view name = node.name();
  return name == "video" || name == "audio" || name == "canvas";
}

bool is_media(pugi::xml_node node, Tag tag, Ns ns) {
  if (tag == Tag::img || tag == Tag::iframe || tag == Tag::embed || tag == Tag::object) return true;
  if (ns == Ns::svg) return true;
  // <picture> holds the <img> that is the picture, so it is walked.
  return is_media_with_fallback(node) || std::string_view(node.name()) == "picture";
}

bool is_skipped(Tag tag, Ns ns) {
  if (ns != Ns::html) return true;  // SVG and MathML are graphics and formulas
  switch (tag) {
    case Tag::script: case Tag::style: case Tag::template_: case Tag::noscript: case Tag::title:
    case Tag::textarea: case Tag::select: case Tag::option: case Tag::optgroup: case Tag::iframe:
    case Tag::object: case Tag::embed: case Tag::head: case Tag::meta: case Tag::link: case Tag::base:
    case Tag::noembed: case Tag::noframes: case Tag::button: case Tag::input:
      return true;
    default:
      return false;
  }
}

// Text only screen readers get: the class names of the usual CSS
// frameworks' visually-hidden utilities (Bootstrap, WordPress, Elementor...).
bool is_screen_reader_only(std::string_view cls) {
  for (std::string_view name : {"sr-only", "screen-reader-text", "visually-hidden", "visuallyhidden", "screen-only"})
    if (ascii_contains_icase(cls, name)) return true;
  return false;
}

// An inline style that hides the element (blanks inside the declaration
// ignored, as browsers read `display : none`).
bool style_hides(std::string_view style) {
  std::string compact = ascii_lower(style);
  compact.erase(std::remove_if(compact.begin(), compact.end(), is_c_space), compact.end());
  return compact.find("display:none") != std::string::npos || compact.find("visibility:hidden") != std::string::npos;
}

// A class naming a control drawn without a <button> (a code block's
// `<span class="copy-code-btn">复制代码</span>`): the word "btn" or "button".
bool has_control_class(std::string_view cls) {
  if (!ascii_contains_icase(cls, "btn") && !ascii_contains_icase(cls, "button")) return false;
  for (const std::string &word : words_of(cls))
    if (word == "btn" || word == "button") return true;
  return false;
}

// Text no reader reads: `hidden`, aria-hidden, inline display:none /
// visibility:hidden and screen-reader-only classes (nothing a sighted reader
// sees), and the label of a control drawn without a <button> — role="button",
// or an inline element classed as one — which is something to click, as a
// <button>'s is (a "button-group" block may hold more than labels).  One pass
// over the attributes, without copies for the common ones: it runs for every
// element.  The first attribute of a name counts, as attribute(name) would
// find it.
bool shows_no_text(pugi::xml_node element, Tag tag) {
  bool seen_class = false, seen_aria = false, seen_style = false, seen_role = false;
  for (pugi::xml_attribute a = element.first_attribute(); a; a = a.next_attribute()) {
    std::string_view name = a.name(), value = a.value();
    if (name == "hidden") return true;
    if (name == "class" && !seen_class) {
      seen_class = true;
      if (is_screen_reader_only(value) || (!is_block(tag) && has_control_class(value))) return true;
    } else if (name == "role" && !seen_role) {
      seen_role = true;
      if (ascii_iequals(value, "button")) return true;
    } else if (name == "aria-hidden" && !seen_aria) {
      seen_aria = true;
      if (ascii_iequals(value, "true")) return true;
    } else if (name == "style" && !seen_style) {
      seen_style = true;
      if (style_hides(value)) return true;
    }
  }
  return false;
}

// The kind a paragraph takes from the blocks it sits in: the innermost of
// heading / list item / quote / pre / cell / caption.
struct BlockContext {
  ParagraphKind kind = ParagraphKind::paragraph;
  int level = 0;
};

bool kind_of_block(Tag tag, BlockContext &out) {
  switch (tag) {
    case Tag::h1: case Tag::h2: case Tag::h3: case Tag::h4: case Tag::h5: case Tag::h6:
      out = {ParagraphKind::heading, static_cast<int>(tag) - static_cast<int>(Tag::h1) + 1};
      return true;
    case Tag::li: case Tag::dt: case Tag::dd: out = {ParagraphKind::list_item, 0}; return true;
    case Tag::blockquote: out = {ParagraphKind::quote, 0}; return true;
    case Tag::pre: case Tag::listing: case Tag::xmp: case Tag::plaintext: out = {ParagraphKind::pre, 0}; return true;
    case Tag::td: case Tag::th: out = {ParagraphKind::table_cell, 0}; return true;
    case Tag::caption: case Tag::figcaption: out = {ParagraphKind::caption, 0}; return true;
    default: return false;
  }
}

class Segmenter {
 public:
  Segmenter(const html::Dom &dom, const NormalizeOptions &options, std::vector<CollectedText> *collected,
            const LineJudge &line_reason)
      : dom_(dom), options_(options), collected_(collected), line_reason_(line_reason) {}

  Extraction run(pugi::xml_node root) {
    block_node_ = root;
    walk(root);
    flush();
    return std::move(out_);
  }

 private:
  // An element being walked: what leaving it has to undo or finish.
  struct Open {
    pugi::xml_node node;
    bool block = false, context = false, pre = false;
    pugi::xml_node outer_block;
    int span = -1;             // index in spans_ of its inline span, or -1
    int link = -1;             // index in out_.links, or -1
    std::size_t flushes = 0;   // flush count when it was entered
  };

  const html::NodeInfo *info(pugi::xml_node n) const { return dom_.find_info(n); }

  // Depth-first over the subtree, iteratively: the DOM may be as deep as the
  // depth limit allows (unbounded when a caller raises it), and recursion
  // would overflow the stack.
  void walk(pugi::xml_node root) {
    std::vector<Open> open;
    pugi::xml_node n = root.first_child();
    while (n) {
      if (enter(n, open) && n.first_child()) {
        n = n.first_child();
        continue;
      }
      if (!open.empty() && open.back().node == n) leave(open), open.pop_back();
      while (n && !n.next_sibling()) {
        n = n.parent();
        if (n == root || !n) {
          n = pugi::xml_node();
          break;
        }
        if (!open.empty() && open.back().node == n) leave(open), open.pop_back();
      }
      if (n) n = n.next_sibling();
    }
    while (!open.empty()) leave(open), open.pop_back();
  }

  // Returns whether the walk goes into the node's children (then an Open
  // frame was pushed for it).
  bool enter(pugi::xml_node node, std::vector<Open> &open) {
    switch (node.type()) {
      case pugi::node_pcdata: text(node); return false;
      case pugi::node_comment: comment(node); return false;
      case pugi::node_element: break;
      default: return false;
    }
    const html::NodeInfo *i = info(node);
    Tag tag = i ? i->tag : Tag::unknown;
    Ns ns = i ? i->ns : Ns::html;
    if (shows_no_text(node, tag)) return false;
    if (is_media(node, tag, ns)) by_image_ = true;
    if (is_media_with_fallback(node)) return false;
    if (is_skipped(tag, ns)) return false;
    if (tag == Tag::img) return image(node, i), false;
    if (tag == Tag::br) return line_break(node), false;
    Open frame;
    frame.node = node;
    frame.flushes = flushes_;
    if (tag == Tag::a) frame.link = link(node, i), frame.span = static_cast<int>(spans_.size()) - 1;
    if (tag == Tag::em || tag == Tag::i) frame.span = inline_span(node, i, InlineSpan::Kind::emphasis);
    if (tag == Tag::strong || tag == Tag::b) frame.span = inline_span(node, i, InlineSpan::Kind::strong);
    if (tag == Tag::code && pre_depth_ == 0) frame.span = inline_span(node, i, InlineSpan::Kind::code);
    if (is_block(tag)) {
      flush();
      frame.flushes = flushes_;
      BlockContext context;
      frame.block = true;
      frame.context = kind_of_block(tag, context);
      if (frame.context) contexts_.push_back(context);
      frame.pre = context.kind == ParagraphKind::pre && frame.context;
      pre_depth_ += frame.pre;
      frame.outer_block = block_node_;
      block_node_ = node;
    }
    open.push_back(frame);
    return true;
  }

  void leave(std::vector<Open> &open) {
    Open &frame = open.back();
    if (frame.span >= 0 || frame.link >= 0) finish_inline(frame);
    if (!frame.block) return;
    flush();
    block_node_ = frame.outer_block;
    pre_depth_ -= frame.pre;
    if (frame.context) contexts_.pop_back();
  }

  // An inline element's content is what it added to the paragraph buffer
  // (linear: no subtree walk per element, no copy per span).  A span ends
  // where its element does, or where a block inside it ended the paragraph
  // (then flush() closed it).  A link's text is set by flush() when the link
  // ends in its paragraph; when a block inside it started a new paragraph,
  // its text is the part in the paragraph where it ends.
  void finish_inline(const Open &frame) {
    bool same_paragraph = frame.flushes == flushes_;
    if (same_paragraph && frame.span >= 0 && static_cast<std::size_t>(frame.span) < span_raw_.size())
      span_raw_[static_cast<std::size_t>(frame.span)].end = buffer_.size();
    if (frame.link >= 0 && !same_paragraph)
      out_.links[static_cast<std::size_t>(frame.link)].text = normalize_paragraph(buffer_, paragraph_options());
  }

  void extend_span(pugi::xml_node node) {
    const html::NodeInfo *i = info(node);
    if (!i) return;
    if (buffer_.empty() || i->begin < begin_) begin_ = i->begin;
    end_ = std::max(end_, i->end);
  }

  void text(pugi::xml_node node) {
    std::string_view value = node.value();
    if (value.empty()) return;
    if (buffer_.empty()) begin_ = SIZE_MAX, end_ = 0;
    extend_span(node);
    record_anchor(node);
    if (pre_depth_ > 0) {
      buffer_ += value;
    } else {
      // Source line breaks are white space, marked as CR so that normalising
      // joins them between CJK characters; only <br> ('\n') breaks lines.
      std::size_t from = buffer_.size();
      buffer_ += value;
      for (std::size_t k = from; k < buffer_.size(); ++k) {
        char &c = buffer_[k];
        if (c == '\n') c = '\r';
        else if (c == '\t' || c == '\f') c = ' ';
      }
    }
    if (!is_blank(value)) breaks_ = 0;
  }

  void comment(pugi::xml_node node) {
    const html::NodeInfo *i = info(node);
    std::string text = node.value();
    out_.comments.push_back({text, i ? i->begin : 0, i ? i->end : 0});
    std::string trimmed = ascii_lower(normalize_paragraph(text, NormalizeOptions{}));
    if (trimmed == "more" && !out_.has_excerpt_marker) {
      flush();
      out_.has_excerpt_marker = true;
      out_.excerpt_paragraphs = out_.paragraphs.size();
    }
  }

  void line_break(pugi::xml_node node) {
    if (pre_depth_ > 0) {
      // Feeds that turn code's newlines into <br> often keep the newline
      // too; a browser then shows every line double-spaced, but the code
      // has one break there, so "<br>\n" counts once.
      pugi::xml_node next = node.next_sibling();
      bool newline_follows = next.type() == pugi::node_pcdata && (next.value()[0] == '\n' || next.value()[0] == '\r');
      if (!newline_follows) buffer_ += '\n';
      return;
    }
    // <br><br> separates paragraphs, as a blank line would.
    if (++breaks_ >= 2) return flush();
    if (!buffer_.empty()) {
      record_anchor(node);
      buffer_ += '\n';
      extend_span(node);
    }
  }

  void image(pugi::xml_node node, const html::NodeInfo *i) {
    out_.images.push_back({node.attribute("src").value(), node.attribute("alt").value(),
                           node.attribute("class").value(), i ? i->begin : 0, i ? i->end : 0, false, {}, node});
  }

  // The link is recorded when it starts (document order); its text when it ends.
  int link(pugi::xml_node node, const html::NodeInfo *i) {
    Link l{node.attribute("href").value(), {}, i ? i->begin : 0, i ? i->end : 0};
    out_.links.push_back(l);
    open_span({InlineSpan::Kind::link, l.href, l.begin, l.end}, static_cast<int>(out_.links.size()) - 1);
    return static_cast<int>(out_.links.size()) - 1;
  }

  int inline_span(pugi::xml_node, const html::NodeInfo *i, InlineSpan::Kind kind) {
    return open_span({kind, {}, i ? i->begin : 0, i ? i->end : 0}, -1);
  }

  // A span starts at the current end of the paragraph buffer; its end is
  // open (SIZE_MAX) until its element ends or the paragraph does.
  int open_span(InlineSpan span, int link) {
    spans_.push_back(std::move(span));
    span_raw_.push_back({buffer_.size(), SIZE_MAX});
    span_link_.push_back(link);
    return static_cast<int>(spans_.size()) - 1;
  }

  void clear_spans() {
    spans_.clear();
    span_raw_.clear();
    span_link_.clear();
  }

  // How the paragraph being built is normalised: a <pre> keeps its white
  // space.  Link text follows the same rules, so it reads as its paragraph.
  NormalizeOptions paragraph_options() const {
    NormalizeOptions options = options_;
    if (preformatted()) options.raw = true;
    return options;
  }

  // Whether the paragraph being built is a <pre> one, which keeps its text
  // as written.  A list item or quote inside a <pre> is not: its newlines
  // are line breaks like <br>, and its Markdown rendering writes them so.
  bool preformatted() const { return !contexts_.empty() && contexts_.back().kind == ParagraphKind::pre; }

  // Places the paragraph's spans in its normalised text, and gives the
  // links that ended in it their text.
  void place_spans(Paragraph &p, const NormalizeOptions &options) {
    std::vector<bool> ended(span_raw_.size());
    for (std::size_t k = 0; k < span_raw_.size(); ++k) {
      ended[k] = span_raw_[k].end != SIZE_MAX;
      span_raw_[k].end = std::min(span_raw_[k].end, buffer_.size());
    }
    std::vector<ByteRange> placed = locate_in_normalized(buffer_, p.text, span_raw_, options);
    for (std::size_t k = 0; k < spans_.size(); ++k) {
      spans_[k].text_offset = placed[k].begin;
      spans_[k].text_length = placed[k].end - placed[k].begin;
    }
    p.spans = std::move(spans_);
    for (std::size_t k = 0; k < p.spans.size(); ++k)
      if (span_link_[k] >= 0 && ended[k])
        out_.links[static_cast<std::size_t>(span_link_[k])].text = std::string(span_text(p, p.spans[k]));
    clear_spans();
  }

  // Where the next bytes of buffer_ come from, so that a paragraph cut out
  // of the buffer gets its own span in the source.
  void record_anchor(pugi::xml_node node) {
    const html::NodeInfo *i = info(node);
    if (i) anchors_.push_back({buffer_.size(), i->begin, i->end, node.type() == pugi::node_pcdata});
  }

  // The source offset of buffer_[at]: within the text node (or <br>) it
  // came from, as far as the node reaches (entities make the two differ).
  std::size_t source_of(std::size_t at) const {
    auto after = std::upper_bound(anchors_.begin(), anchors_.end(), at,
                                  [](std::size_t offset, const Anchor &a) { return offset < a.buffer; });
    if (after == anchors_.begin()) return begin_ == SIZE_MAX ? 0 : begin_;
    const Anchor &a = *(after - 1);
    return std::min(a.source_end, a.source + (at - a.buffer));
  }

  void flush() {
    ++flushes_;
    breaks_ = 0;
    if (buffer_.empty()) {
      clear_spans();
      anchors_.clear();
      return;
    }
    std::vector<Cut> cuts = cut_points();
    if (cuts.empty()) flush_whole();
    else flush_pieces(cuts);
    anchors_.clear();
  }

  // Only a <pre> paragraph is never cut: any other paragraph is cut by the
  // same rules wherever it stands, as its Markdown rendering, read back,
  // would be.
  std::vector<Cut> cut_points() const {
    if (preformatted()) return {};
    BlockContext context = contexts_.empty() ? BlockContext{} : contexts_.back();
    // A heading is one title however it breaks its lines (and Markdown
    // writes it on one line, its breaks as <br>).
    if (context.kind == ParagraphKind::heading) return {};
    CutContext cut_context;
    cut_context.options = paragraph_options();
    cut_context.caption = context.kind == ParagraphKind::caption;
    cut_context.bare_block = is_wrapper(block_node_);
    cut_context.by_image = by_image_;
    if (line_reason_) {
      NormalizeOptions options = cut_context.options;
      cut_context.line_reason = [this, options](std::string_view line) {
        return line_reason_(normalize_paragraph(line, options));
      };
    }
    // Spans that hold the parts of a cut together.  Inline code does not:
    // Markdown cannot write a line break inside a code span, so its
    // rendering has the break outside any code and would cut there.
    std::vector<ByteRange> spans;
    for (std::size_t k = 0; k < span_raw_.size(); ++k)
      if (spans_[k].kind != InlineSpan::Kind::code)
        spans.push_back({span_raw_[k].begin, std::min(span_raw_[k].end, buffer_.size())});
    std::vector<ByteRange> texts;
    for (std::size_t k = 0; k < anchors_.size(); ++k)
      if (anchors_[k].text)
        texts.push_back({anchors_[k].buffer, k + 1 < anchors_.size() ? anchors_[k + 1].buffer : buffer_.size()});
    return paragraph_cuts(buffer_, cut_context, spans, texts);
  }

  // A <div> (or the body, a section...) holding text itself rather than in
  // a <p>: its source lines may be fields.
  bool is_wrapper(pugi::xml_node block) const {
    const html::NodeInfo *i = info(block);
    if (!i) return block == block.root() || block.type() == pugi::node_document;
    switch (i->tag) {
      case Tag::div: case Tag::body: case Tag::section: case Tag::article: case Tag::main: case Tag::center:
        return true;
      default:
        return false;
    }
  }

  // Emits buffer_ as one paragraph per piece between `cuts`, each with the
  // spans inside it and its own source span.
  void flush_pieces(const std::vector<Cut> &cuts) {
    std::string whole = std::move(buffer_);
    std::vector<InlineSpan> spans = std::move(spans_);
    std::vector<ByteRange> raw = std::move(span_raw_);
    std::vector<int> links = std::move(span_link_);
    std::size_t whole_begin = begin_ == SIZE_MAX ? 0 : begin_, whole_end = end_;
    std::size_t from = 0;
    for (std::size_t k = 0; k <= cuts.size(); ++k) {
      std::size_t to = k < cuts.size() ? cuts[k].at : whole.size();
      buffer_.assign(whole, from, to - from);
      clear_spans();
      for (std::size_t s = 0; s < spans.size(); ++s) {
        std::size_t end = std::min(raw[s].end, whole.size());
        if (raw[s].begin < from || end > to || (raw[s].begin == to && k < cuts.size())) continue;
        spans_.push_back(spans[s]);
        span_raw_.push_back({raw[s].begin - from, raw[s].end == SIZE_MAX ? SIZE_MAX : end - from});
        span_link_.push_back(links[s]);
      }
      begin_ = std::max(whole_begin, source_of(from));
      end_ = std::min(whole_end, std::max(begin_, source_of(to)));
      flush_whole();
      from = to + (k < cuts.size() ? cuts[k].width : 0);
    }
    begin_ = SIZE_MAX, end_ = 0;
  }

  void flush_whole() {
    NormalizeOptions options = paragraph_options();
    if (collected_) collected_->push_back({buffer_, options});
    std::string text = normalize_paragraph(buffer_, options);
    if (is_blank(text)) {  // spacer paragraphs (empty, &nbsp;, U+3000) separate but are dropped
      buffer_.clear();
      clear_spans();
      return;
    }
    Paragraph p;
    BlockContext context = contexts_.empty() ? BlockContext{} : contexts_.back();
    p.kind = context.kind;
    p.level = context.level;
    p.text = std::move(text);
    p.begin = begin_ == SIZE_MAX ? 0 : begin_;
    p.end = std::max(p.begin, end_);
    p.block = block_node_;
    place_spans(p, options);
    buffer_.clear();
    out_.paragraphs.push_back(std::move(p));
    by_image_ = false;
  }

  const html::Dom &dom_;
  NormalizeOptions options_;
  std::vector<CollectedText> *collected_;  // null unless a caller asked for the texts
  const LineJudge &line_reason_;
  Extraction out_;
  std::string buffer_;
  std::size_t begin_ = SIZE_MAX, end_ = 0;
  std::vector<BlockContext> contexts_;
  // The open paragraph's spans; for each, its range of buffer_ and the
  // index of its link in out_.links (or -1).
  std::vector<InlineSpan> spans_;
  std::vector<ByteRange> span_raw_;
  std::vector<int> span_link_;
  // For each text node and <br> in buffer_: where its bytes start there and
  // its span in the source.
  struct Anchor {
    std::size_t buffer, source, source_end;
    bool text;  // a text node (else a <br>)
  };
  std::vector<Anchor> anchors_;
  pugi::xml_node block_node_;
  int pre_depth_ = 0;
  // An image came after the last paragraph: the text being collected stands
  // by it, as a caption does.
  bool by_image_ = false;
  int breaks_ = 0;
  std::size_t flushes_ = 0;
};

}  // namespace

Extraction segment(const html::Dom &dom, pugi::xml_node root, const NormalizeOptions &options,
                   const LineJudge &line_reason) {
  return Segmenter(dom, options, nullptr, line_reason).run(root);
}

Extraction segment(const html::Dom &dom, pugi::xml_node root, const NormalizeOptions &options,
                   std::vector<CollectedText> &collected, const LineJudge &line_reason) {
  return Segmenter(dom, options, &collected, line_reason).run(root);
}

}  // namespace postparse::impl::extract
