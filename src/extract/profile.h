// Profiles: site knowledge as data.  A profile is a YAML file of rules —
// XPath selectors (pugixml) and RE2 patterns — that classify or drop
// paragraphs and images and capture metadata, so that no site's markup is
// ever hard-coded in the extractor.  The format is documented in
// profiles/README.md.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "common/diagnostics.h"
#include "extract/pattern_set.h"

namespace postparse::impl::extract {

enum class RuleTarget { paragraph = 0, image, comment };
enum class RuleAction { boilerplate = 0, content, drop, keep };

struct Rule {
  std::string name;
  RuleTarget target = RuleTarget::paragraph;
  // XPath 1.0 over the body's DOM.  Kept as text and compiled per document:
  // pugixml does not promise that one compiled query may be evaluated from
  // several threads at once, and profiles are shared between threads.
  std::string select;
  std::unique_ptr<re2::RE2> match;  // on the normalised text; null: any text
  std::size_t max_chars = 0;        // 0: no length condition
  RuleAction action = RuleAction::boilerplate;
  std::string reason;   // reported for boilerplate; defaults to profile:<profile>/<rule>
  std::string capture;  // metadata key the match (group 1, else all of it) is stored under
  std::unique_ptr<re2::RE2> split;  // cuts a captured value into several
};

// A compiled, immutable profile; safe to share between threads.
struct Profile {
  std::string name;
  std::string description;
  std::vector<std::string> markers;  // class/id words that mark furniture
  std::vector<Rule> rules;           // in file order; later rules win
  // The `match` patterns of the paragraph rules as one PatternSet, so that
  // a paragraph is scanned once for all of them and only the rules whose
  // pattern occurs in it run their own (capturing) match.  Null when the
  // profile has no such pattern or the set could not be built; then every
  // rule runs its own match.
  std::unique_ptr<PatternSet> paragraph_patterns;
  std::vector<int> pattern_of_rule;  // per rule (load_profile sizes it): its index in the set, or -1
  // The largest max_chars of the rules in the set, or 0 when one of them
  // has none: longer paragraphs need no scan, no rule of the set applies.
  std::size_t paragraph_patterns_max_chars = 0;
  std::vector<Diagnostic> diagnostics;  // offsets, lines and columns in `text`
  std::string text;                     // the YAML it was read from

  bool has_errors() const;
};

// Loads `yaml`.  Never throws for bad input: every problem becomes a
// diagnostic with its position (Part::profile), a rule with an error is left
// out and the others are kept, so a typo in one rule does not silently
// disable a whole profile — and is never silently ignored either.
std::shared_ptr<const Profile> load_profile(std::string_view yaml);

// The profile built into the library (profiles/default.yaml): generic
// editorial lines of Chinese news (责任编辑, 记者, 来源, 原标题) and the
// class/id words of page furniture.
std::string_view default_profile_text();
std::shared_ptr<const Profile> default_profile();

}  // namespace postparse::impl::extract
