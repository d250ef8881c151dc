// Structure-aware HTML harness.  Random bytes rarely spell `<table><td>`,
// and the tree builder's hard paths need such tags in a few exact orders at
// a limit's edge; so the input (read with FuzzedDataProvider) chooses small
// limits, the HTML mode and the body format, then a sequence of tokens from
// a table of the tags the insertion modes treat specially (document
// structure, tables, templates, select, formatting elements, foreign
// content, raw text elements), in start / end / with-attributes /
// self-closing forms, plus text, character references, comments and a
// DOCTYPE.  The body so built is parsed and the whole document checked.
#include <fuzzer/FuzzedDataProvider.h>

#include "common.h"

namespace {

const char *const kTags[] = {
    "html", "head", "body", "frameset", "frame", "table", "caption", "colgroup", "col", "tbody", "thead",
    "tfoot", "tr", "td", "th", "template", "select", "option", "optgroup", "selectedcontent", "a", "b", "i",
    "nobr", "font", "em", "p", "div", "span", "li", "ul", "dl", "dd", "dt", "h1", "h2", "button", "form",
    "input", "img", "image", "br", "hr", "pre", "listing", "textarea", "title", "script", "style",
    "noscript", "iframe", "xmp", "plaintext", "svg", "math", "mi", "mo", "mtext", "annotation-xml",
    "foreignObject", "desc", "path", "marquee", "applet", "object", "ruby", "rt", "rp", "address",
    "section", "blockquote", "figure", "figcaption", "meta", "link", "base", "search", "dialog", "v"};
constexpr size_t kTagCount = sizeof kTags / sizeof kTags[0];

const char *const kOther[] = {"x", "tail text", " ", "\n", "\n\n", "&amp;", "&lt;p&gt;", "&nbsp", "\xe3\x80\x80",
                              "<!--c-->", "<!-- more -->", "<!doctype html>", "</br>", "</p>", "<",
                              "\xef\xbf\xbd", "\x01", "<![CDATA[x]]>"};
constexpr size_t kOtherCount = sizeof kOther / sizeof kOther[0];

// One token: a tag in one of four forms, or one of the other pieces.
void append_token(FuzzedDataProvider &in, std::string &body, unsigned &id) {
  size_t pick = in.ConsumeIntegralInRange<size_t>(0, kTagCount * 4 + kOtherCount - 1);
  if (pick >= kTagCount * 4) {
    body += kOther[pick - kTagCount * 4];
    return;
  }
  const char *tag = kTags[pick / 4];
  switch (pick % 4) {
    case 0: body += std::string("<") + tag + ">"; break;
    case 1: body += std::string("</") + tag + ">"; break;
    case 2:  // distinct attributes defeat the Noah's Ark clause; the others steer special cases
      body += std::string("<") + tag + " id=" + std::to_string(id++) +
              " encoding=text/html selected type=hidden class=\"share qr\">";
      break;
    default: body += std::string("<") + tag + "/>"; break;
  }
}

void choose_limits(FuzzedDataProvider &in, postparse_options *options) {
  // Each limit either keeps its default or takes a small value.
  static const struct {
    postparse_limit limit;
    uint64_t largest;
  } kSmall[] = {{POSTPARSE_LIMIT_HTML_DEPTH, 16},
                {POSTPARSE_LIMIT_HTML_NODES, 64},
                {POSTPARSE_LIMIT_HTML_ATTRIBUTES, 4},
                {POSTPARSE_LIMIT_DIAGNOSTICS, 4}};
  for (const auto &small : kSmall)
    if (in.ConsumeBool())
      FUZZ_CHECK(postparse_options_set_limit(options, small.limit,
                                             in.ConsumeIntegralInRange<uint64_t>(1, small.largest)) == POSTPARSE_OK);
  FUZZ_CHECK(postparse_options_set_html_mode(
                 options, static_cast<postparse_html_mode>(in.ConsumeIntegralInRange<int>(0, 2))) == POSTPARSE_OK);
  FUZZ_CHECK(postparse_options_set_body_format(options, in.ConsumeBool() ? POSTPARSE_BODY_MARKDOWN
                                                                         : POSTPARSE_BODY_HTML) == POSTPARSE_OK);
  FUZZ_CHECK(postparse_options_set_scripting(options, in.ConsumeBool()) == POSTPARSE_OK);
  FUZZ_CHECK(postparse_options_set_html_errors(options, in.ConsumeBool()) == POSTPARSE_OK);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > fuzz::kMaxInput) return 0;
  FuzzedDataProvider in(data, size);
  postparse_options *options = nullptr;
  FUZZ_CHECK(postparse_options_new(&options) == POSTPARSE_OK);
  choose_limits(in, options);
  std::string post = in.ConsumeBool() ? "---\ntitle: t\n---\n" : "";
  unsigned id = 0;
  for (int n = 0; n < 4000 && in.remaining_bytes() > 0; ++n) append_token(in, post, id);
  postparse_doc *doc = fuzz::parse(post.data(), post.size(), options);
  postparse_options_free(options);
  if (!doc) return 0;
  fuzz::check_document(doc, post.data(), post.size());
  postparse_doc_free(doc);
  return 0;
}
