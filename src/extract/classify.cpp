#include "extract/classify.h"

#include <algorithm>
#include <unordered_map>

#include "common/ascii.h"
#include "extract/class_words.h"
#include "extract/normalize.h"

namespace postparse::impl::extract {
namespace {

// Class/id words are matched whole (split at non-letters and camelCase) so
// that "appendQr_wrap" hits "qr" but "equal" does not.
// ARIA roles of page furniture: navigation, tab strips, menus, site header
// and footer.
constexpr std::string_view kFurnitureRoles[] = {"navigation", "tab",     "tablist", "menu",       "menubar",
                                                "menuitem",   "toolbar", "banner",  "contentinfo", "search"};

// The marker an element carries itself: a furniture role, or a class/id
// word that is one of `markers`; empty when none.
std::string own_marker(pugi::xml_node element, const std::vector<std::string> &markers) {
  std::string_view role = element.attribute("role").value();
  for (std::string_view furniture : kFurnitureRoles)
    if (role == furniture) return "marker:" + std::string(role);
  for (const char *attr : {"class", "id"}) {
    for (const std::string &word : words_of(element.attribute(attr).value()))
      for (const std::string &marker : markers)
        if (word == marker) return "marker:" + word;
  }
  return {};
}

// The marker of the innermost marked element among a node and its
// ancestors.  Each element's class and id are read once per document and
// its answer is kept, so that paragraphs and images deep in a tree of
// heavily classed elements cost a lookup each, not a walk re-reading every
// ancestor's attributes (which was quadratic in nesting times paragraphs).
class FurnitureMarks {
 public:
  explicit FurnitureMarks(const std::vector<std::string> &markers) : markers_(markers) {}

  // The marker ("marker:qr", empty for none) and the element carrying it.
  struct Mark {
    std::string marker;
    pugi::xml_node element;
  };

  const Mark &of(pugi::xml_node node) {
    // Climb to the nearest node already known (or the root), then fill the
    // path downwards, each node inheriting its parent's marker.
    std::vector<pugi::xml_node> path;
    const Mark *inherited = &none_;
    for (pugi::xml_node n = node; n; n = n.parent()) {
      auto known = marks_.find(n.internal_object());
      if (known != marks_.end()) {
        inherited = &known->second;
        break;
      }
      path.push_back(n);
    }
    Mark mark = *inherited;
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
      if (it->type() == pugi::node_element) {
        std::string own = own_marker(*it, markers_);
        if (!own.empty()) mark = Mark{std::move(own), *it};
      }
      inherited = &(marks_[it->internal_object()] = mark);
    }
    return *inherited;
  }

 private:
  const std::vector<std::string> &markers_;
  std::unordered_map<pugi::xml_node_struct *, Mark> marks_;
  const Mark none_;
};

// The start tag of a marked element as evidence: its name and the
// attributes a marker is read from.
std::string start_tag(pugi::xml_node element) {
  std::string tag = std::string("<") + element.name();
  for (const char *name : {"class", "id", "role"}) {
    pugi::xml_attribute a = element.attribute(name);
    if (a) tag += std::string(" ") + name + "=\"" + a.value() + "\"";
  }
  return tag + ">";
}

// Link text that is itself an address (an autolink, "官网：https://…",
// "a.com:8080") is data the article states, not a way to leave it.
bool is_address(const InlineSpan &s, std::string_view t) {
  if (t.empty() || t.find(' ') != std::string_view::npos) return false;
  return t == s.href || t.rfind("http://", 0) == 0 || t.rfind("https://", 0) == 0 || t.rfind("www.", 0) == 0 ||
         (t.find('.') != std::string_view::npos && t.find('/') != std::string_view::npos);
}


void link_density(Paragraph &p) {
  if (p.cls == ParagraphClass::boilerplate) return;
  if (p.kind == ParagraphKind::heading || ends_as_lead_in(p.text)) return;  // titles and labels are text
  bool has_link = std::any_of(p.spans.begin(), p.spans.end(),
                              [](const InlineSpan &s) { return s.kind == InlineSpan::Kind::link; });
  if (!has_link || char_count_exceeds(p.text, 199)) return;
  std::size_t total = char_count(p.text), linked = 0;
  for (const InlineSpan &s : p.spans)
    if (s.kind == InlineSpan::Kind::link && !is_address(s, span_text(p, s))) linked += char_count(span_text(p, s));
  // Mostly link text (60 %+) in a short paragraph: a navigation or "read
  // more" line rather than prose.
  if (total > 0 && total < 200 && linked * 10 >= total * 6) {
    p.cls = ParagraphClass::boilerplate;
    p.reason = "link-density";
    p.rule = "signal/link-density";
    p.evidence = std::to_string(linked) + " of " + std::to_string(total) +
                 " characters are link text (60% or more, in under 200)";
  }
}

// Class words of a listing's labels: the category or tag a post is filed
// under, printed over it.
constexpr std::string_view kLabelWords[] = {"category", "categories", "tag", "tags", "topic", "topics", "badge"};
// A label is a word or two: longer text in such an element is the post's.
constexpr std::size_t kLabelMaxChars = 8;

// A short paragraph whose own block says it is a category or tag label
// (`<p class="category"><span>娱乐</span></p>` over a title): listing
// furniture.  Only the paragraph's own block is read, never a wrapper's
// class ("category-news" on an <article>), and headings stay.
void category_label(Paragraph &p) {
  if (p.kind == ParagraphKind::heading || p.cls == ParagraphClass::boilerplate || !p.block) return;
  if (p.block.type() != pugi::node_element || char_count(p.text) > kLabelMaxChars) return;
  for (const std::string &word : words_of(p.block.attribute("class").value())) {
    for (std::string_view label : kLabelWords) {
      if (word != label) continue;
      p.cls = ParagraphClass::boilerplate;
      p.reason = "listing:tags";
      p.rule = "signal/category-label";
      p.evidence = "a label of " + std::to_string(kLabelMaxChars) + " characters or fewer in " + start_tag(p.block);
      return;
    }
  }
}

}  // namespace

void classify(Extraction &extraction, const std::vector<std::string> &markers) {
  FurnitureMarks marks(markers);
  for (Paragraph &p : extraction.paragraphs) {
    const FurnitureMarks::Mark &mark = marks.of(p.block);
    if (!mark.marker.empty()) {
      p.cls = ParagraphClass::boilerplate;
      p.reason = mark.marker;
      p.rule = "signal/marker";
      p.evidence = "inside " + start_tag(mark.element);
    }
    link_density(p);
    category_label(p);
  }
  // A link post — its only paragraph is a link with a title-like text
  // ("Link: 'Fake' Amazon workers defend…") — keeps it: the link is what it
  // has to say.  A lone short link ("Comments", "在网页中查看") stays furniture.
  if (extraction.paragraphs.size() == 1 && extraction.paragraphs[0].reason == "link-density") {
    Paragraph &only = extraction.paragraphs[0];
    bool titled = std::any_of(only.spans.begin(), only.spans.end(), [&only](const InlineSpan &s) {
      return s.kind == InlineSpan::Kind::link && char_count(span_text(only, s)) >= 16;
    });
    if (titled) {
      only.cls = ParagraphClass::content, only.reason.clear();
      only.rule = "signal/link-post";
      only.evidence = "the post's only paragraph is a link with a title-like text";
    }
  }
  for (Image &image : extraction.images) {
    const std::string &marker = marks.of(image.node).marker;
    if (!marker.empty()) image.boilerplate = true, image.reason = marker;
  }
}

}  // namespace postparse::impl::extract
