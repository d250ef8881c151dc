#include "html/html_parser.h"

#include "common/ascii.h"

namespace postparse::impl::html {

bool looks_like_document(std::string_view text) {
  std::size_t pos = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  for (;;) {
    while (pos < text.size() && is_c_space(text[pos])) ++pos;
    if (text.substr(pos, 4) != "<!--") break;
    std::size_t close = text.find("-->", pos + 4);
    if (close == std::string_view::npos) return false;
    pos = close + 3;
  }
  if (ascii_starts_with_icase(text.substr(pos), "<!doctype")) return true;
  return ascii_starts_with_icase(text.substr(pos), "<html") && pos + 5 < text.size() &&
         (text[pos + 5] == '>' || is_c_space(text[pos + 5]));
}

HtmlResult parse_html(std::string_view text, std::size_t base, const HtmlOptions &options) {
  HtmlResult result;
  result.dom = std::make_unique<Dom>();
  result.is_document = options.mode == HtmlMode::document ||
                       (options.mode == HtmlMode::automatic && looks_like_document(text));
  std::vector<ParseError> *errors = options.record_errors ? &result.errors : nullptr;
  TreeBuilder builder(text, base, *result.dom, options.limits, options.scripting, errors);
  if (result.is_document) {
    builder.parse_document();
    result.root = result.dom->document();
  } else {
    result.root = builder.parse_fragment(FragmentContext{});
  }
  result.limit_hit = builder.limit_hit();
  result.error_total = builder.error_total();
  result.limit_events = builder.limit_events();
  return result;
}

}  // namespace postparse::impl::html
