#include "extract/classify.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "extract/normalize.h"

namespace postparse::impl::extract {
namespace {

// Class/id words that mark furniture rather than the article.  Matched as
// whole words of the attribute (split at non-letters and camelCase) so that
// "appendQr_wrap" hits "qr" but "equal" does not.
constexpr std::string_view kMarkers[] = {"qr",        "qrcode",    "share",   "sharing", "copyright",
                                         "related",   "recommend", "advert",  "ad",      "ads",
                                         "sponsor",   "subscribe", "disclaimer", "social", "breadcrumb"};

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

std::string furniture_marker(pugi::xml_node node) {
  for (pugi::xml_node n = node; n; n = n.parent()) {
    if (n.type() != pugi::node_element) continue;
    for (const char *attr : {"class", "id"}) {
      for (const std::string &word : words_of(n.attribute(attr).value()))
        for (std::string_view marker : kMarkers)
          if (word == marker) return "marker:" + word;
    }
  }
  return {};
}

struct EditorialPatterns {
  re2::RE2 editor{R"(^责任编辑\s*[:：]\s*(\S+))"};
  re2::RE2 source{R"(^(?:文章)?来源\s*[:：]\s*(\S.*)$)"};
  re2::RE2 original_title{R"(^原标题\s*[:：]\s*(\S.*)$)"};
  re2::RE2 reporters{R"([（(]\s*记者\s*([^)）]+)[)）])"};
};

const EditorialPatterns &patterns() {
  static const EditorialPatterns p;  // RE2 objects are thread-safe once built
  return p;
}

void split_names(const std::string &names, std::vector<std::string> &out) {
  std::string name;
  auto end_name = [&] {
    if (!name.empty()) out.push_back(name);
    name.clear();
  };
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == ' ' || names[i] == ',') {
      end_name();
    } else if (names.compare(i, 3, "、") == 0 || names.compare(i, 3, "，") == 0) {
      end_name();
      i += 2;
    } else {
      name += names[i];
    }
  }
  end_name();
}

void editorial(Paragraph &p, Editorial &meta) {
  const EditorialPatterns &re = patterns();
  std::string value;
  if (RE2::PartialMatch(p.text, re.editor, &value)) {
    meta.editor = value;
    p.cls = ParagraphClass::boilerplate, p.reason = "editorial:editor";
  } else if (char_count(p.text) < 60 && RE2::PartialMatch(p.text, re.source, &value)) {
    meta.source = value;
    p.cls = ParagraphClass::boilerplate, p.reason = "editorial:source";
  } else if (RE2::PartialMatch(p.text, re.original_title, &value)) {
    meta.original_title = value;
    p.cls = ParagraphClass::boilerplate, p.reason = "editorial:original-title";
  }
  if (RE2::PartialMatch(p.text, re.reporters, &value)) split_names(value, meta.reporters);
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

void classify(Extraction &extraction) {
  for (Paragraph &p : extraction.paragraphs) {
    std::string marker = furniture_marker(p.block);
    if (!marker.empty()) {
      p.cls = ParagraphClass::boilerplate;
      p.reason = marker;
    }
    editorial(p, extraction.editorial);
    link_density(p);
  }
  for (Image &image : extraction.images) {
    std::string marker = furniture_marker(image.node);
    if (!marker.empty()) image.boilerplate = true, image.reason = marker;
  }
}

}  // namespace postparse::impl::extract
