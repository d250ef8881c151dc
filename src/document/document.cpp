#include "document/document.h"

#include <algorithm>

namespace postparse::impl {

std::unique_ptr<Document> parse_document(std::string_view input, const Options &options) {
  auto doc = std::make_unique<Document>();
  doc->source.assign(input.data(), input.size());
  doc->options = options;
  doc->lines = std::make_unique<LineIndex>(doc->source);
  doc->source_text = SourceText{doc->text(), doc->lines.get(), options.zone};
  DiagnosticSink sink(options.limits.diagnostics);

  SplitOptions split_options;
  split_options.hexo_unfenced = options.hexo_unfenced;
  split_options.is_mapping = [&](std::string_view candidate) {
    return candidate.size() <= options.limits.front_matter_bytes && yaml_is_mapping(candidate);
  };
  doc->split = split_post(doc->text(), split_options, sink);

  LoadContext context{doc->options, doc->source_text, doc->arena, sink};
  doc->front_matter = load_front_matter(doc->text(), doc->split, context);

  doc->diagnostics = sink.take();
  // Stable: diagnostics of one stage keep the order they were found in.
  std::stable_sort(doc->diagnostics.begin(), doc->diagnostics.end(),
                   [](const Diagnostic &a, const Diagnostic &b) {
                     return a.part != b.part ? a.part < b.part : a.offset < b.offset;
                   });
  for (Diagnostic &d : doc->diagnostics) {
    LineColumn where = doc->lines->locate(d.offset);
    d.line = where.line;
    d.column = where.column;
  }
  return doc;
}

}  // namespace postparse::impl
