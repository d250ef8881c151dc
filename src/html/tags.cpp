#include "html/tags.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <utility>

namespace postparse::impl::html {

namespace {

// Sorted by name, so that each first letter's names are together.
constexpr std::pair<std::string_view, Tag> kTags[] = {
  {"a", Tag::a},
  {"address", Tag::address},
  {"annotation-xml", Tag::annotation_xml},
  {"applet", Tag::applet},
  {"area", Tag::area},
  {"article", Tag::article},
  {"aside", Tag::aside},
  {"b", Tag::b},
  {"base", Tag::base},
  {"basefont", Tag::basefont},
  {"bgsound", Tag::bgsound},
  {"big", Tag::big},
  {"blockquote", Tag::blockquote},
  {"body", Tag::body},
  {"br", Tag::br},
  {"button", Tag::button},
  {"caption", Tag::caption},
  {"center", Tag::center},
  {"code", Tag::code},
  {"col", Tag::col},
  {"colgroup", Tag::colgroup},
  {"dd", Tag::dd},
  {"desc", Tag::desc},
  {"details", Tag::details},
  {"dialog", Tag::dialog},
  {"dir", Tag::dir},
  {"div", Tag::div},
  {"dl", Tag::dl},
  {"dt", Tag::dt},
  {"em", Tag::em},
  {"embed", Tag::embed},
  {"fieldset", Tag::fieldset},
  {"figcaption", Tag::figcaption},
  {"figure", Tag::figure},
  {"font", Tag::font},
  {"footer", Tag::footer},
  {"foreignobject", Tag::foreignobject},
  {"form", Tag::form},
  {"frame", Tag::frame},
  {"frameset", Tag::frameset},
  {"h1", Tag::h1},
  {"h2", Tag::h2},
  {"h3", Tag::h3},
  {"h4", Tag::h4},
  {"h5", Tag::h5},
  {"h6", Tag::h6},
  {"head", Tag::head},
  {"header", Tag::header},
  {"hgroup", Tag::hgroup},
  {"hr", Tag::hr},
  {"html", Tag::html},
  {"i", Tag::i},
  {"iframe", Tag::iframe},
  {"image", Tag::image},
  {"img", Tag::img},
  {"input", Tag::input},
  {"keygen", Tag::keygen},
  {"li", Tag::li},
  {"link", Tag::link},
  {"listing", Tag::listing},
  {"main", Tag::main},
  {"malignmark", Tag::malignmark},
  {"marquee", Tag::marquee},
  {"math", Tag::math},
  {"menu", Tag::menu},
  {"meta", Tag::meta},
  {"mglyph", Tag::mglyph},
  {"mi", Tag::mi},
  {"mn", Tag::mn},
  {"mo", Tag::mo},
  {"ms", Tag::ms},
  {"mtext", Tag::mtext},
  {"nav", Tag::nav},
  {"nobr", Tag::nobr},
  {"noembed", Tag::noembed},
  {"noframes", Tag::noframes},
  {"noscript", Tag::noscript},
  {"object", Tag::object},
  {"ol", Tag::ol},
  {"optgroup", Tag::optgroup},
  {"option", Tag::option},
  {"p", Tag::p},
  {"param", Tag::param},
  {"plaintext", Tag::plaintext},
  {"pre", Tag::pre},
  {"rb", Tag::rb},
  {"rp", Tag::rp},
  {"rt", Tag::rt},
  {"rtc", Tag::rtc},
  {"ruby", Tag::ruby},
  {"s", Tag::s},
  {"script", Tag::script},
  {"search", Tag::search},
  {"section", Tag::section},
  {"select", Tag::select},
  {"selectedcontent", Tag::selectedcontent},
  {"small", Tag::small},
  {"source", Tag::source},
  {"span", Tag::span},
  {"strike", Tag::strike},
  {"strong", Tag::strong},
  {"style", Tag::style},
  {"sub", Tag::sub},
  {"summary", Tag::summary},
  {"sup", Tag::sup},
  {"svg", Tag::svg},
  {"table", Tag::table},
  {"tbody", Tag::tbody},
  {"td", Tag::td},
  {"template", Tag::template_},
  {"textarea", Tag::textarea},
  {"tfoot", Tag::tfoot},
  {"th", Tag::th},
  {"thead", Tag::thead},
  {"title", Tag::title},
  {"tr", Tag::tr},
  {"track", Tag::track},
  {"tt", Tag::tt},
  {"u", Tag::u},
  {"ul", Tag::ul},
  {"var", Tag::var},
  {"wbr", Tag::wbr},
  {"xmp", Tag::xmp}};

// The range of kTags whose names start with each letter a-z: a lookup
// compares a handful of names instead of binary-searching them all, since
// the tree builder looks up the name of every tag token.
struct FirstLetterIndex {
  std::uint8_t begin[26] = {}, end[26] = {};
  constexpr FirstLetterIndex() {
    for (std::size_t i = 0; i < std::size(kTags); ++i) {
      int letter = kTags[i].first[0] - 'a';
      if (begin[letter] == end[letter]) begin[letter] = static_cast<std::uint8_t>(i);
      end[letter] = static_cast<std::uint8_t>(i + 1);
    }
  }
};
constexpr FirstLetterIndex kByFirstLetter;

constexpr bool names_sorted_and_lowercase() {
  for (std::size_t i = 0; i < std::size(kTags); ++i) {
    if (kTags[i].first.empty() || kTags[i].first[0] < 'a' || kTags[i].first[0] > 'z') return false;
    if (i > 0 && !(kTags[i - 1].first < kTags[i].first)) return false;
  }
  return true;
}
static_assert(names_sorted_and_lowercase(), "kTags: sorted, unique, each name starting with a-z");

}  // namespace

Tag tag_from_name(std::string_view name) {
  if (name.empty() || name[0] < 'a' || name[0] > 'z') return Tag::unknown;
  const int letter = name[0] - 'a';
  for (std::size_t i = kByFirstLetter.begin[letter]; i < kByFirstLetter.end[letter]; ++i)
    if (kTags[i].first == name) return kTags[i].second;
  return Tag::unknown;
}

namespace {

using Tags = std::initializer_list<Tag>;

// The spec's lists, one per category (each named in tags.h).
constexpr Tags kSpecialTags = {
    Tag::address,  Tag::applet,   Tag::area,       Tag::article,  Tag::aside,     Tag::base,
    Tag::basefont, Tag::bgsound,  Tag::blockquote, Tag::body,     Tag::br,        Tag::button,
    Tag::caption,  Tag::center,   Tag::col,        Tag::colgroup, Tag::dd,        Tag::details,
    Tag::dir,      Tag::div,      Tag::dl,         Tag::dt,       Tag::embed,     Tag::fieldset,
    Tag::figcaption, Tag::figure, Tag::footer,     Tag::form,     Tag::frame,     Tag::frameset,
    Tag::h1,       Tag::h2,       Tag::h3,         Tag::h4,       Tag::h5,        Tag::h6,
    Tag::head,     Tag::header,   Tag::hgroup,     Tag::hr,       Tag::html,      Tag::iframe,
    Tag::img,      Tag::input,    Tag::keygen,     Tag::li,       Tag::link,      Tag::listing,
    Tag::main,     Tag::marquee,  Tag::menu,       Tag::meta,     Tag::nav,       Tag::noembed,
    Tag::noframes, Tag::noscript, Tag::object,     Tag::ol,       Tag::p,         Tag::param,
    Tag::plaintext, Tag::pre,     Tag::script,     Tag::search,   Tag::section,   Tag::select,
    Tag::source,   Tag::style,    Tag::summary,    Tag::table,    Tag::tbody,     Tag::td,
    Tag::template_, Tag::textarea, Tag::tfoot,     Tag::th,       Tag::thead,     Tag::title,
    Tag::tr,       Tag::track,    Tag::ul,         Tag::wbr,      Tag::xmp};
constexpr Tags kFormattingTags = {Tag::a,    Tag::b,     Tag::big,    Tag::code,   Tag::em, Tag::font, Tag::i,
                                  Tag::nobr, Tag::s,     Tag::small,  Tag::strike, Tag::strong, Tag::tt, Tag::u};
constexpr Tags kVoidTags = {Tag::area,  Tag::base,  Tag::basefont, Tag::bgsound, Tag::br,    Tag::col,
                            Tag::embed, Tag::frame, Tag::hr,       Tag::img,     Tag::input, Tag::keygen,
                            Tag::link,  Tag::meta,  Tag::param,    Tag::source,  Tag::track, Tag::wbr};
constexpr Tags kHeadingTags = {Tag::h1, Tag::h2, Tag::h3, Tag::h4, Tag::h5, Tag::h6};
constexpr Tags kImpliedEndTagTags = {Tag::dd, Tag::dt, Tag::li, Tag::optgroup, Tag::option,
                                     Tag::p,  Tag::rb, Tag::rp, Tag::rt,       Tag::rtc};
constexpr Tags kThoroughlyImpliedTableTags = {Tag::caption, Tag::colgroup, Tag::tbody, Tag::td,
                                              Tag::tfoot,   Tag::th,       Tag::thead, Tag::tr};
constexpr Tags kDefaultScopeTags = {Tag::applet, Tag::caption, Tag::html,   Tag::table,  Tag::td,
                                    Tag::th,     Tag::marquee, Tag::object, Tag::select, Tag::template_};
constexpr Tags kListItemScopeExtraTags = {Tag::ol, Tag::ul};
constexpr Tags kButtonScopeExtraTags = {Tag::button};
constexpr Tags kTableScopeTags = {Tag::html, Tag::table, Tag::template_};
constexpr Tags kSelectScopeTransparentTags = {Tag::optgroup, Tag::option};
constexpr Tags kMathmlTextIntegrationPointTags = {Tag::mi, Tag::mo, Tag::mn, Tag::ms, Tag::mtext};
constexpr Tags kSvgHtmlIntegrationPointTags = {Tag::foreignobject, Tag::desc, Tag::title};
constexpr Tags kBreakoutTags = {
    Tag::b,    Tag::big,    Tag::blockquote, Tag::body,    Tag::br,   Tag::center, Tag::code,   Tag::dd,
    Tag::div,  Tag::dl,     Tag::dt,         Tag::em,      Tag::embed, Tag::font,  Tag::h1,     Tag::h2,
    Tag::h3,   Tag::h4,     Tag::h5,         Tag::h6,      Tag::head, Tag::hr,     Tag::i,      Tag::img,
    Tag::li,   Tag::listing, Tag::menu,      Tag::meta,    Tag::nobr, Tag::ol,     Tag::p,      Tag::pre,
    Tag::ruby, Tag::s,      Tag::small,      Tag::span,    Tag::strike, Tag::strong, Tag::sub,  Tag::sup,
    Tag::table, Tag::tt,    Tag::u,          Tag::ul,      Tag::var};
constexpr Tags kInHeadStartTags = {Tag::base,     Tag::basefont, Tag::bgsound, Tag::link,      Tag::meta,
                                   Tag::noframes, Tag::script,   Tag::style,   Tag::template_, Tag::title};

constexpr void add(TagCategoryTable &table, std::uint32_t categories, Tags tags) {
  for (Tag tag : tags) table.bits[static_cast<std::size_t>(tag)] |= categories;
}

constexpr TagCategoryTable build_category_table() {
  TagCategoryTable t;
  add(t, kSpecial, kSpecialTags);
  add(t, kFormatting, kFormattingTags);
  add(t, kVoid, kVoidTags);
  add(t, kHeading, kHeadingTags);
  add(t, kImpliedEndTag | kImpliedEndTagThoroughly, kImpliedEndTagTags);
  add(t, kImpliedEndTagThoroughly, kThoroughlyImpliedTableTags);
  // The list item and button scopes are the default scope plus a few.
  add(t, kDefaultScopeBoundary | kListItemScopeBoundary | kButtonScopeBoundary, kDefaultScopeTags);
  add(t, kListItemScopeBoundary, kListItemScopeExtraTags);
  add(t, kButtonScopeBoundary, kButtonScopeExtraTags);
  add(t, kTableScopeBoundary, kTableScopeTags);
  add(t, kSelectScopeTransparent, kSelectScopeTransparentTags);
  add(t, kMathmlTextIntegrationPoint | kMathmlSpecial, kMathmlTextIntegrationPointTags);
  add(t, kMathmlSpecial, {Tag::annotation_xml});
  add(t, kSvgHtmlIntegrationPoint, kSvgHtmlIntegrationPointTags);
  add(t, kBreaksOutOfForeignContent, kBreakoutTags);
  add(t, kInHeadStartTag, kInHeadStartTags);
  return t;
}

}  // namespace

constexpr TagCategoryTable kTagCategories = build_category_table();

bool is_special(Tag tag, Ns ns) {
  switch (ns) {
    case Ns::html: return tag_is(tag, kSpecial);
    case Ns::mathml: return tag_is(tag, kMathmlSpecial);
    case Ns::svg: return tag_is(tag, kSvgHtmlIntegrationPoint);
  }
  return false;
}

bool is_mathml_text_integration_point(Tag tag, Ns ns) {
  return ns == Ns::mathml && tag_is(tag, kMathmlTextIntegrationPoint);
}

bool is_svg_html_integration_point(Tag tag, Ns ns) {
  return ns == Ns::svg && tag_is(tag, kSvgHtmlIntegrationPoint);
}

bool ends_scope(Tag tag, Ns ns, Scope scope) {
  switch (scope) {
    case kDefaultScope:
      return ns == Ns::html ? tag_is(tag, kDefaultScopeBoundary) : is_special(tag, ns);
    case kListItemScope:
      return ns == Ns::html ? tag_is(tag, kListItemScopeBoundary) : is_special(tag, ns);
    case kButtonScope:
      return ns == Ns::html ? tag_is(tag, kButtonScopeBoundary) : is_special(tag, ns);
    case kTableScope:
      return ns == Ns::html && tag_is(tag, kTableScopeBoundary);
    case kSelectScope:
      return !(ns == Ns::html && tag_is(tag, kSelectScopeTransparent));
  }
  return false;
}

}  // namespace postparse::impl::html
