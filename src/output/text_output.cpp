#include "output/text_output.h"

namespace postparse::impl {

std::string document_to_text(const Document &doc, bool boilerplate) {
  std::string out;
  for (const extract::Paragraph &p : doc.extraction.paragraphs) {
    if (!boilerplate && p.cls != extract::ParagraphClass::content) continue;
    if (!out.empty()) out += '\n';
    out += p.text;
    out += '\n';
  }
  return out;
}

}  // namespace postparse::impl
