#include "extract/apply_profile.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "extract/normalize.h"
#include "html/dom_query.h"

namespace postparse::impl::extract {
namespace {

using NodeSet = std::unordered_set<pugi::xml_node_struct *>;

NodeSet select(const Rule &rule, pugi::xml_node root) {
  NodeSet nodes;
  if (rule.select.empty()) return nodes;
  html::CompiledXPath compiled = html::compile_xpath(rule.select);
  // Checked when the profile was loaded; nothing to select if it still fails.
  if (!compiled.query) return nodes;
  try {
    for (const pugi::xpath_node &m : html::select(*compiled.query, root, html::MatchOrder::any))
      nodes.insert(html::matched_node(m).internal_object());
  } catch (const pugi::xpath_exception &) {
  }
  return nodes;
}

// Whether a node or one of its ancestors was selected.  Answers are kept
// per node, so the paragraphs and images of a deep tree cost a lookup each
// rather than a walk up to the root each.
class Selection {
 public:
  explicit Selection(NodeSet nodes) : nodes_(std::move(nodes)) {}

  bool covers(pugi::xml_node node) {
    std::vector<pugi::xml_node_struct *> path;
    bool inside = false;
    for (pugi::xml_node n = node; n; n = n.parent()) {
      auto known = answers_.find(n.internal_object());
      if (known != answers_.end()) {
        inside = known->second;
        break;
      }
      if (nodes_.count(n.internal_object())) {
        inside = true;
        break;
      }
      path.push_back(n.internal_object());
    }
    for (pugi::xml_node_struct *n : path) answers_[n] = inside;
    return inside;
  }

 private:
  NodeSet nodes_;
  std::unordered_map<pugi::xml_node_struct *, bool> answers_;
};

// The rule's pattern on `text`; *captured receives group 1 (or the whole
// match when the pattern has no group, or the text when there is no pattern).
// `chars` is char_count(text) when the caller knows it (paragraphs are
// counted once for all rules), else npos.
bool text_matches(const Rule &rule, const std::string &text, std::string *captured,
                  std::size_t chars = std::string::npos) {
  if (rule.max_chars) {
    bool too_long = chars != std::string::npos ? chars > rule.max_chars : char_count_exceeds(text, rule.max_chars);
    if (too_long) return false;
  }
  if (!rule.match) {
    *captured = text;
    return true;
  }
  re2::StringPiece groups[2];
  int n = std::min(rule.match->NumberOfCapturingGroups(), 1) + 1;
  if (!rule.match->Match(text, 0, text.size(), re2::RE2::UNANCHORED, groups, n)) return false;
  re2::StringPiece value = n > 1 && groups[1].data() ? groups[1] : groups[0];
  captured->assign(value.data(), value.size());
  return true;
}

std::string trim(std::string_view s) {
  std::string t = normalize_paragraph(s, NormalizeOptions{UnicodeForm::nfc, false, false});
  return t;
}

void capture(const Rule &rule, const std::string &value, std::size_t begin, std::size_t end,
             std::vector<EditorialEntry> &out) {
  if (rule.capture.empty()) return;
  auto add = [&](std::string_view piece) {
    std::string v = trim(piece);
    if (!v.empty()) out.push_back({rule.capture, std::move(v), rule.name, begin, end});
  };
  if (!rule.split) return add(value);
  std::size_t from = 0;
  re2::StringPiece sep;
  while (from <= value.size() &&
         rule.split->Match(value, from, value.size(), re2::RE2::UNANCHORED, &sep, 1) && !sep.empty()) {
    std::size_t at = static_cast<std::size_t>(sep.data() - value.data());
    add(std::string_view(value).substr(from, at - from));
    from = at + sep.size();
  }
  add(std::string_view(value).substr(std::min(from, value.size())));
}

void apply_action(const Rule &rule, ParagraphClass &cls, std::string &reason, bool &drop) {
  switch (rule.action) {
    case RuleAction::boilerplate: cls = ParagraphClass::boilerplate, reason = rule.reason; break;
    case RuleAction::content: cls = ParagraphClass::content, reason.clear(); break;
    case RuleAction::drop: drop = true; break;
    case RuleAction::keep: break;
  }
}

// What every rule reads of the extraction, worked out once rather than per
// rule: the paragraphs' lengths in characters and the comments' texts.
struct RuleInputs {
  std::vector<std::size_t> paragraph_chars;
  std::vector<std::string> comment_texts;

  // Comments are normalised only when some rule reads them: most profiles
  // (the built-in one included) have no comment rule.
  RuleInputs(const Extraction &x, const std::vector<const Profile *> &profiles) {
    paragraph_chars.reserve(x.paragraphs.size());
    for (const Paragraph &p : x.paragraphs) paragraph_chars.push_back(char_count(p.text));
    auto reads_comments = [](const Profile *profile) {
      return std::any_of(profile->rules.begin(), profile->rules.end(),
                         [](const Rule &rule) { return rule.target == RuleTarget::comment; });
    };
    if (!std::any_of(profiles.begin(), profiles.end(), reads_comments)) return;
    comment_texts.reserve(x.comments.size());
    for (const Comment &comment : x.comments) comment_texts.push_back(trim(comment.text));
  }
};

// Which of a profile's paragraph patterns occur in each paragraph, from one
// scan of the paragraph by the profile's RE2::Set.  `known` is false when
// the profile has no set or the set failed on some paragraph (its DFA out
// of memory): then every rule runs its own match.
class PatternHits {
 public:
  PatternHits(const Profile &profile, const Extraction &x, const std::vector<std::size_t> &paragraph_chars) {
    if (!profile.paragraph_patterns) return;
    hits_.resize(x.paragraphs.size());
    const std::size_t longest = profile.paragraph_patterns_max_chars;
    for (std::size_t i = 0; i < x.paragraphs.size(); ++i) {
      if (longest != 0 && paragraph_chars[i] > longest) continue;  // too long for every rule of the set
      if (!profile.paragraph_patterns->match(x.paragraphs[i].text, hits_[i])) return;
    }
    known_ = true;
  }

  // False only when pattern `index` is known not to occur in paragraph `i`.
  bool may_match(std::size_t i, int index) const {
    return !known_ || index < 0 || std::binary_search(hits_[i].begin(), hits_[i].end(), index);
  }

 private:
  bool known_ = false;
  std::vector<std::vector<int>> hits_;
};

// A code block, or a paragraph whose whole text is one code span.
bool is_code(const Paragraph &p) {
  if (p.kind == ParagraphKind::pre) return true;
  return std::any_of(p.spans.begin(), p.spans.end(), [&p](const InlineSpan &s) {
    return s.kind == InlineSpan::Kind::code && s.text_offset == 0 && s.text_length == p.text.size();
  });
}

// What a rule saw, for explaining a paragraph's class.
std::string rule_evidence(const Rule &rule) {
  std::string evidence;
  if (!rule.select.empty()) evidence = "selected by " + rule.select;
  if (rule.match) {
    if (!evidence.empty()) evidence += ", ";
    evidence += "matches /" + rule.match->pattern() + "/";
  }
  if (rule.max_chars) evidence += " in at most " + std::to_string(rule.max_chars) + " characters";
  return evidence;
}

void apply_rule(const Profile &profile, const Rule &rule, int pattern, const PatternHits &hits, Extraction &x,
                const RuleInputs &inputs, std::vector<bool> &dropped, pugi::xml_node root) {
  Selection selection(select(rule, root));
  bool by_node = !rule.select.empty();
  std::string captured;
  switch (rule.target) {
    case RuleTarget::paragraph:
      for (std::size_t i = 0; i < x.paragraphs.size(); ++i) {
        Paragraph &p = x.paragraphs[i];
        if (by_node && !selection.covers(p.block)) continue;
        // Code is data, not phrasing: a pattern alone never classifies a
        // <pre> block or a paragraph that is one code span ("2023-10-15",
        // "**/*" in a listing); a rule that selects it by its markup can.
        if (!by_node && is_code(p)) continue;
        if (!hits.may_match(i, pattern)) continue;
        if (!text_matches(rule, p.text, &captured, inputs.paragraph_chars[i])) continue;
        bool drop = false;
        apply_action(rule, p.cls, p.reason, drop);
        if (drop) dropped[i] = true;
        if (rule.action != RuleAction::keep) p.rule = profile.name + "/" + rule.name, p.evidence = rule_evidence(rule);
        capture(rule, captured, p.begin, p.end, x.editorial);
      }
      break;
    case RuleTarget::image:
      for (Image &image : x.images) {
        if (by_node && !selection.covers(image.node)) continue;
        if (!text_matches(rule, image.alt, &captured)) continue;
        ParagraphClass cls = image.boilerplate ? ParagraphClass::boilerplate : ParagraphClass::content;
        bool drop = false;  // images are records, not text: "drop" marks them boilerplate
        apply_action(rule, cls, image.reason, drop);
        if (drop) cls = ParagraphClass::boilerplate, image.reason = rule.reason;
        image.boilerplate = cls == ParagraphClass::boilerplate;
        capture(rule, rule.match ? captured : image.src, image.begin, image.end, x.editorial);
      }
      break;
    case RuleTarget::comment:
      for (std::size_t i = 0; i < x.comments.size(); ++i) {
        const Comment &comment = x.comments[i];
        if (text_matches(rule, inputs.comment_texts[i], &captured))
          capture(rule, captured, comment.begin, comment.end, x.editorial);
      }
      break;
  }
}

void remove_dropped(Extraction &x, const std::vector<bool> &dropped) {
  std::size_t kept = 0, kept_before_excerpt = 0;
  for (std::size_t i = 0; i < x.paragraphs.size(); ++i) {
    if (dropped[i]) continue;
    if (i < x.excerpt_paragraphs) ++kept_before_excerpt;
    if (kept != i) x.paragraphs[kept] = std::move(x.paragraphs[i]);
    ++kept;
  }
  x.paragraphs.resize(kept);
  x.excerpt_paragraphs = kept_before_excerpt;
}

}  // namespace

std::string boilerplate_reason_by_patterns(const std::vector<const Profile *> &profiles, const std::string &text) {
  std::string reason, captured;
  std::vector<int> hits;
  for (const Profile *profile : profiles) {
    // One scan by the profile's set tells which rules may match at all.
    bool known = false;
    if (profile->paragraph_patterns) known = profile->paragraph_patterns->match(text, hits);
    for (std::size_t r = 0; r < profile->rules.size(); ++r) {
      const Rule &rule = profile->rules[r];
      if (rule.target != RuleTarget::paragraph || !rule.select.empty() || !rule.match) continue;
      if (rule.action == RuleAction::keep) continue;
      int pattern = profile->pattern_of_rule[r];
      if (known && pattern >= 0 && !std::binary_search(hits.begin(), hits.end(), pattern)) continue;
      if (!text_matches(rule, text, &captured)) continue;
      if (rule.action == RuleAction::drop) return rule.reason;  // a later rule cannot bring it back
      reason = rule.action == RuleAction::boilerplate ? rule.reason : std::string();
    }
  }
  return reason;
}

void apply_profiles(Extraction &extraction, pugi::xml_node root,
                    const std::vector<const Profile *> &profiles) {
  std::vector<bool> dropped(extraction.paragraphs.size(), false);
  const RuleInputs inputs(extraction, profiles);  // rules change classes, never texts
  for (const Profile *profile : profiles) {
    const PatternHits hits(*profile, extraction, inputs.paragraph_chars);
    for (std::size_t r = 0; r < profile->rules.size(); ++r)
      apply_rule(*profile, profile->rules[r], profile->pattern_of_rule[r], hits, extraction, inputs, dropped, root);
  }
  remove_dropped(extraction, dropped);
}

}  // namespace postparse::impl::extract
