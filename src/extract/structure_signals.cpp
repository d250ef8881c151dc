#include "extract/structure_signals.h"

#include <algorithm>
#include <string>
#include <string_view>

#include <re2/re2.h>

#include "extract/normalize.h"

namespace postparse::impl::extract {
namespace {

// Headings of credit rolls, in English and Chinese, with an optional
// qualifier and a final colon.
const re2::RE2 &credits_heading() {
  static const re2::RE2 pattern(
      R"((?i)^\s*(?:(?:full|senior|the|our|project|production|main|key|core|creative)\s+)?)"
      R"((?:credits?|team|staff|cast(?:\s*(?:and|&)\s*crew)?|crew|contributors|acknowledge?ments|special thanks))"
      R"(|^\s*(?:制作人员|工作人员|制作团队|主创(?:团队|人员|名单)?|职员表|演职人员|演职员表|制作名单|(?:特别)?鸣谢|致谢|参与人员))"
      R"(\s*[:：]?\s*$)");
  return pattern;
}

// A sentence inside or at the end: a full stop, question or exclamation
// mark followed by a space or the end, or a CJK full stop.
bool has_sentence(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if ((c == '.' || c == '?' || c == '!') && (i + 1 == text.size() || text[i + 1] == ' ')) return true;
  }
  for (std::string_view end : {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F"})  // 。！？
    if (text.find(end) != std::string_view::npos) return true;
  return false;
}

bool is_credits_heading(const Paragraph &p) {
  return !char_count_exceeds(p.text, 40) && re2::RE2::FullMatch(p.text, credits_heading());
}

// Boilerplate of the page's own furniture (links, pointers, listings,
// labels, promotions, credits), which a heading can title; not a credit
// line or a placeholder under a real section's title.
bool is_furniture(const Paragraph &p) {
  if (p.cls != ParagraphClass::boilerplate) return false;
  for (std::string_view kind : {"link-density", "pointer", "marker:", "listing:", "ui:", "promo:", "credits:"})
    if (p.reason.compare(0, kind.size(), kind) == 0) return true;
  return false;
}

void mark(Paragraph &p, const char *evidence) {
  p.cls = ParagraphClass::boilerplate;
  p.reason = "credits:roll";
  p.rule = "signal/credit-roll";
  p.evidence = evidence;
}

}  // namespace

void mark_credit_rolls(Extraction &extraction) {
  std::vector<Paragraph> &ps = extraction.paragraphs;
  for (std::size_t h = 0; h < ps.size(); ++h) {
    if (ps[h].kind != ParagraphKind::heading || !is_credits_heading(ps[h])) continue;
    bool listed = false;
    std::size_t k = h + 1;
    for (; k < ps.size() && ps[k].kind != ParagraphKind::heading; ++k) {
      if (has_sentence(ps[k].text)) continue;  // prose under the heading stays
      mark(ps[k], "a name list under a credits heading");
      listed = true;
    }
    if (listed) mark(ps[h], "a credits heading with name lists under it");
    h = k - 1;
  }
}

void mark_furniture_headings(Extraction &extraction) {
  std::vector<Paragraph> &ps = extraction.paragraphs;
  for (std::size_t h = 0; h < ps.size(); ++h) {
    if (ps[h].kind != ParagraphKind::heading || ps[h].cls == ParagraphClass::boilerplate) continue;
    if (char_count_exceeds(ps[h].text, 40)) continue;  // a sentence, not the title of furniture
    std::size_t end = h + 1;
    while (end < ps.size() && ps[end].kind != ParagraphKind::heading) ++end;
    if (end == h + 1) continue;  // nothing under it
    bool all_boilerplate = std::all_of(ps.begin() + static_cast<std::ptrdiff_t>(h + 1),
                                       ps.begin() + static_cast<std::ptrdiff_t>(end), is_furniture);
    if (!all_boilerplate) continue;
    ps[h].cls = ParagraphClass::boilerplate;
    ps[h].reason = ps[h + 1].reason;
    ps[h].rule = "signal/boilerplate-section";
    ps[h].evidence = "every paragraph under the heading is boilerplate (" + ps[h + 1].reason + ")";
  }
}

void keep_only_line(Extraction &extraction) {
  Paragraph *only = nullptr;
  for (Paragraph &p : extraction.paragraphs) {
    if (p.cls == ParagraphClass::content) return;
    if (p.reason != "pointer" || !char_count_exceeds(p.text, 15)) continue;  // not a lone label

    if (only) return;  // two candidates: neither is the post's one line
    only = &p;
  }
  if (!only) return;
  only->cls = ParagraphClass::content;
  only->reason.clear();
  only->rule = "signal/only-line";
  only->evidence = "no other paragraph is content: the post is this line";
}

}  // namespace postparse::impl::extract
