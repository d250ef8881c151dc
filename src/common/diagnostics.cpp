#include "common/diagnostics.h"

#include <algorithm>

#include "common/line_index.h"
#include "postparse/postparse.h"

namespace postparse::impl {

void DiagnosticSink::add(int code, Severity severity, Part part, std::string message, std::size_t offset) {
  if (items_.size() < cap_) {
    items_.push_back({code, severity, part, std::move(message), offset});
    return;
  }
  ++dropped_;
  worst_dropped_ = std::max(worst_dropped_, severity);
}

void DiagnosticSink::add_dropped(std::size_t count, Severity severity) {
  if (count == 0) return;
  dropped_ += count;
  worst_dropped_ = std::max(worst_dropped_, severity);
}

std::vector<Diagnostic> DiagnosticSink::finish() {
  // Stable: diagnostics of one stage keep the order they were found in.
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic &a, const Diagnostic &b) {
    return a.part != b.part ? a.part < b.part : a.offset < b.offset;
  });
  if (dropped_ > 0) {
    // The last slot says how many were dropped, as severe as the worst of
    // them so that an error is never hidden behind the cap.
    Diagnostic last{0, Severity::note, Part::body, {}, 0};
    if (!items_.empty()) {
      last = items_.back();
      items_.pop_back();
      ++dropped_;
      worst_dropped_ = std::max(worst_dropped_, last.severity);
    }
    items_.push_back({POSTPARSE_ERR_DIAGNOSTIC_LIMIT, std::max(worst_dropped_, Severity::warning), last.part,
                      std::to_string(dropped_) + " more diagnostics were dropped (diagnostic limit)", last.offset});
  }
  return std::move(items_);
}

void locate_diagnostics(std::vector<Diagnostic> &diagnostics, const LineIndex &lines) {
  for (Diagnostic &d : diagnostics) {
    LineColumn where = lines.locate(d.offset);
    d.line = where.line;
    d.column = where.column;
  }
}

}  // namespace postparse::impl
