#include "extract/classify.h"

#include <algorithm>
#include <cctype>

#include "extract/normalize.h"

namespace postparse::impl::extract {
namespace {

std::vector<std::string> words_of(std::string_view attr) {
  std::vector<std::string> words;
  std::string word;
  auto end_word = [&] {
    if (!word.empty()) words.push_back(word);
    word.clear();
  };
  for (std::size_t i = 0; i < attr.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(attr[i]);
    if (!std::isalnum(c)) {
      end_word();
      continue;
    }
    // A capital after a lower-case letter starts a word (appendQr -> append, qr).
    if (std::isupper(c) && i > 0 && std::islower(static_cast<unsigned char>(attr[i - 1]))) end_word();
    word += static_cast<char>(std::tolower(c));
  }
  end_word();
  return words;
}

// Class/id words are matched whole (split at non-letters and camelCase) so
// that "appendQr_wrap" hits "qr" but "equal" does not.
std::string furniture_marker(pugi::xml_node node, const std::vector<std::string> &markers) {
  for (pugi::xml_node n = node; n; n = n.parent()) {
    if (n.type() != pugi::node_element) continue;
    for (const char *attr : {"class", "id"}) {
      for (const std::string &word : words_of(n.attribute(attr).value()))
        for (const std::string &marker : markers)
          if (word == marker) return "marker:" + word;
    }
  }
  return {};
}

void link_density(Paragraph &p) {
  if (p.cls == ParagraphClass::boilerplate) return;
  std::size_t total = char_count(p.text), linked = 0;
  for (const InlineSpan &s : p.spans)
    if (s.kind == InlineSpan::Kind::link) linked += char_count(s.text);
  // Mostly link text (60 %+) in a short paragraph: a navigation or "read
  // more" line rather than prose.
  if (total > 0 && total < 200 && linked * 10 >= total * 6) {
    p.cls = ParagraphClass::boilerplate;
    p.reason = "link-density";
  }
}

}  // namespace

void classify(Extraction &extraction, const std::vector<std::string> &markers) {
  for (Paragraph &p : extraction.paragraphs) {
    std::string marker = furniture_marker(p.block, markers);
    if (!marker.empty()) {
      p.cls = ParagraphClass::boilerplate;
      p.reason = marker;
    }
    link_density(p);
  }
  for (Image &image : extraction.images) {
    std::string marker = furniture_marker(image.node, markers);
    if (!marker.empty()) image.boilerplate = true, image.reason = marker;
  }
}

}  // namespace postparse::impl::extract
