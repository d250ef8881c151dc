#include "common/diagnostics.h"

#include "postparse/postparse.h"

namespace postparse::impl {

void DiagnosticSink::add(int code, Severity severity, Part part,
                         std::string message, std::size_t offset) {
  if (truncated_) return;
  if (items_.size() + 1 >= cap_) {
    // Keep the last slot for the note that says the list was cut short.
    truncated_ = true;
    items_.push_back({POSTPARSE_ERR_DIAGNOSTIC_LIMIT, Severity::warning, part,
                      "too many diagnostics; the rest were dropped", offset});
    return;
  }
  items_.push_back({code, severity, part, std::move(message), offset});
}

bool DiagnosticSink::has_error(Part part) const {
  for (const Diagnostic &d : items_)
    if (d.part == part && d.severity == Severity::error) return true;
  return false;
}

}  // namespace postparse::impl
