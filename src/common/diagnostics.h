// Diagnostics collected while parsing one document.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace postparse::impl {

enum class Severity { note = 0, warning = 1, error = 2 };
enum class Part { split = 0, front_matter = 1, body = 2, profile = 3 };

struct Diagnostic {
  int code = 0;  // a POSTPARSE_ERR_* value
  Severity severity = Severity::error;
  Part part = Part::split;
  std::string message;
  std::size_t offset = 0;  // byte offset in the whole input
  std::size_t line = 0;    // filled in by locate_diagnostics
  std::size_t column = 0;
};

class LineIndex;

// Fills in each diagnostic's line and column from its offset.
void locate_diagnostics(std::vector<Diagnostic> &diagnostics, const LineIndex &lines);

// Collects diagnostics up to a cap, so that hostile input cannot make the
// list grow without bound; when more were raised, the last entry of the
// finished list is a "diagnostic limit" entry that says how many were
// dropped.
class DiagnosticSink {
 public:
  explicit DiagnosticSink(std::size_t cap) : cap_(cap == 0 ? 1 : cap) {}

  void add(int code, Severity severity, Part part, std::string message,
           std::size_t offset);
  // Counts `count` diagnostics that a stage did not keep itself (it stopped
  // recording at the cap), so that the limit entry still reports them.
  void add_dropped(std::size_t count, Severity severity);
  const std::vector<Diagnostic> &items() const { return items_; }
  // Sorted by part, then position; the limit entry, if any, comes last.
  std::vector<Diagnostic> finish();

 private:
  std::size_t cap_;
  std::size_t dropped_ = 0;
  Severity worst_dropped_ = Severity::note;
  std::vector<Diagnostic> items_;
};

}  // namespace postparse::impl
