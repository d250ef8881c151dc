// The `match` patterns of a profile's paragraph rules, scanned together so
// that a paragraph is read once for all of them.
//
// Why two RE2 sets rather than one: most patterns are anchored at the start
// of the text ("^\s*责任编辑…").  In one unanchored set they share an
// automaton with the patterns that may match anywhere, which keeps every
// scan alive to the end of the paragraph and multiplies the automaton's
// states until its cache thrashes on ordinary text (measured on the corpus:
// 3 s for the default profile's patterns over 5.9 MB of paragraphs).  A set
// anchored at the start stops as soon as no pattern can match any more, and
// the unanchored set is left with few patterns (0.8 s in all).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/set.h>

namespace postparse::impl::extract {

// Whether every top-level alternative of an RE2 pattern begins with '^'
// (after inline flags such as "(?i)"), so that the pattern can only match
// at the start of the text.  Conservative: false when unsure.
bool anchored_at_start(std::string_view pattern);

// Immutable after compile(); match() is safe from several threads at once
// (RE2 sets are).
class PatternSet {
 public:
  // Adds a pattern; returns its index (0, 1, 2… in the order added), or -1
  // when RE2 refuses it.
  int add(const std::string &pattern);
  // Builds the automata; false when RE2 could not (the set is then unusable).
  bool compile();
  // The indices of the patterns that occur in `text`, ascending, into
  // `hits`.  False when RE2 could not tell (its automaton out of memory):
  // then any pattern may occur.
  bool match(std::string_view text, std::vector<int> &hits) const;

 private:
  struct Part {
    std::unique_ptr<re2::RE2::Set> set;
    std::vector<int> index;  // the set's index -> the pattern's index
  };
  bool match_part(const Part &part, std::string_view text, std::vector<int> &hits) const;

  Part start_, anywhere_;
  int count_ = 0;
};

}  // namespace postparse::impl::extract
