#include "extract/class_words.h"

#include "common/ascii.h"

namespace postparse::impl::extract {

std::vector<std::string> words_of(std::string_view attr) {
  std::vector<std::string> words;
  std::string word;
  auto end_word = [&] {
    if (!word.empty()) words.push_back(word);
    word.clear();
  };
  for (std::size_t i = 0; i < attr.size(); ++i) {
    char c = attr[i];
    if (!is_ascii_alnum(c)) {
      end_word();
      continue;
    }
    // A capital after a lower-case letter starts a word (appendQr -> append, qr).
    if (is_ascii_upper(c) && i > 0 && is_ascii_lower(attr[i - 1])) end_word();
    word += ascii_lower(c);
  }
  end_word();
  return words;
}

}  // namespace postparse::impl::extract
