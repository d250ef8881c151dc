// Interned tag names and the spec's categories of tags.  The tree builder
// compares tags thousands of times per document, so names it knows are
// mapped once to a small integer; the lists of tags the algorithms share
// (special elements, scope boundaries, formatting elements...) stand once
// in one table indexed by that integer (tags.cpp).
// Keep the name table in tags.cpp sorted by name: lookup is a binary search.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace postparse::impl::html {

enum class Tag : std::uint16_t {
  unknown = 0,
  a,
  address,
  annotation_xml,
  applet,
  area,
  article,
  aside,
  b,
  base,
  basefont,
  bgsound,
  big,
  blockquote,
  body,
  br,
  button,
  caption,
  center,
  code,
  col,
  colgroup,
  dd,
  desc,
  details,
  dialog,
  dir,
  div,
  dl,
  dt,
  em,
  embed,
  fieldset,
  figcaption,
  figure,
  font,
  footer,
  foreignobject,
  form,
  frame,
  frameset,
  h1,
  h2,
  h3,
  h4,
  h5,
  h6,
  head,
  header,
  hgroup,
  hr,
  html,
  i,
  iframe,
  image,
  img,
  input,
  keygen,
  li,
  link,
  listing,
  main,
  malignmark,
  marquee,
  math,
  menu,
  meta,
  mglyph,
  mi,
  mn,
  mo,
  ms,
  mtext,
  nav,
  nobr,
  noembed,
  noframes,
  noscript,
  object,
  ol,
  optgroup,
  option,
  p,
  param,
  plaintext,
  pre,
  rb,
  rp,
  rt,
  rtc,
  ruby,
  s,
  script,
  search,
  section,
  select,
  selectedcontent,
  small,
  source,
  span,
  strike,
  strong,
  style,
  sub,
  summary,
  sup,
  svg,
  table,
  tbody,
  td,
  template_,
  textarea,
  tfoot,
  th,
  thead,
  title,
  tr,
  track,
  tt,
  u,
  ul,
  var,
  wbr,
  xmp
};

inline constexpr std::size_t kTagCount = static_cast<std::size_t>(Tag::xmp) + 1;

// The Tag of an ASCII-lowercase name ("annotation-xml" and "foreignObject"
// included, in their lowercase spelling), or Tag::unknown.
Tag tag_from_name(std::string_view lowercase_name);

// Namespaces an element can be in.
enum class Ns : std::uint8_t { html = 0, svg = 1, mathml = 2 };

// The categories of tags the parsing algorithms share, as bits.  A category
// holds names of one namespace: the HTML ones unless its name says MathML
// or SVG.  tags.cpp lists each category's tags once.
enum TagCategory : std::uint32_t {
  // "Special" HTML elements (https://html.spec.whatwg.org/#special).
  kSpecial = 1u << 0,
  // Formatting elements: the ones the list of active formatting elements
  // holds and the adoption agency algorithm closes.
  kFormatting = 1u << 1,
  // Void elements: never have content or an end tag (the serializer writes
  // no end tag; the tree builder never leaves them open).
  kVoid = 1u << 2,
  kHeading = 1u << 3,  // h1 to h6
  // Elements "generate implied end tags" closes, and the longer list
  // "generate all implied end tags thoroughly" closes.
  kImpliedEndTag = 1u << 4,
  kImpliedEndTagThoroughly = 1u << 5,
  // The HTML elements that bound each scope of "has an element in scope"
  // (https://html.spec.whatwg.org/#has-an-element-in-the-specific-scope).
  // Select scope is the other way round: every element but those listed
  // in kSelectScopeTransparent bounds it.
  kDefaultScopeBoundary = 1u << 6,
  kListItemScopeBoundary = 1u << 7,
  kButtonScopeBoundary = 1u << 8,
  kTableScopeBoundary = 1u << 9,
  kSelectScopeTransparent = 1u << 10,
  // MathML text integration points (mi, mo, mn, ms, mtext), and those plus
  // annotation-xml: the MathML elements that are special and bound the
  // default scopes.
  kMathmlTextIntegrationPoint = 1u << 11,
  kMathmlSpecial = 1u << 12,
  // SVG elements that are HTML integration points (foreignObject, desc,
  // title), which are also the special SVG elements.  (MathML annotation-xml
  // is one too, depending on its encoding attribute.)
  kSvgHtmlIntegrationPoint = 1u << 13,
  // Start tags that make the parser leave foreign content (font only with
  // a color, face or size attribute, which the caller checks).
  kBreaksOutOfForeignContent = 1u << 14,
  // Start tags that the in body, after head and in template modes hand to
  // the in head rules (base, link, meta, script, style, template, title...).
  kInHeadStartTag = 1u << 15,
};

// The categories of each tag, indexed by Tag (built in tags.cpp at compile
// time from the lists there).
struct TagCategoryTable {
  std::uint32_t bits[kTagCount] = {};
};
extern const TagCategoryTable kTagCategories;

inline bool tag_is(Tag tag, TagCategory category) {
  return (kTagCategories.bits[static_cast<std::size_t>(tag)] & category) != 0;
}

inline bool is_void_element(Tag tag) { return tag_is(tag, kVoid); }

// Whether the element is in the spec's special category, in any namespace.
bool is_special(Tag tag, Ns ns);
bool is_mathml_text_integration_point(Tag tag, Ns ns);
// The SVG elements that are always HTML integration points.
bool is_svg_html_integration_point(Tag tag, Ns ns);

// The scopes of "has an element in scope".
enum Scope : int { kDefaultScope = 0, kListItemScope, kButtonScope, kTableScope, kSelectScope };

// Whether an element bounds the scope: the scope's HTML elements, and for
// the default, list item and button scopes the special MathML and SVG ones.
bool ends_scope(Tag tag, Ns ns, Scope scope);

}  // namespace postparse::impl::html
