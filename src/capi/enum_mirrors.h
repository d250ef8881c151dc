// Every internal enum that mirrors a public one, tied to it value by value,
// so that the static_casts at the C boundary can never drift.  (The status
// codes need no mirror: the public POSTPARSE_* codes are the vocabulary every
// stage uses for its diagnostics; see common/status.h.)
#pragma once

#include "common/diagnostics.h"
#include "common/options.h"
#include "extract/paragraph.h"
#include "front_matter/value.h"
#include "html/tags.h"
#include "postparse/postparse.h"
#include "split/split.h"

namespace postparse::capi::mirrors {

template <class Internal, class Public>
constexpr bool same(Internal internal, Public value) {
  return static_cast<int>(internal) == static_cast<int>(value);
}

using namespace postparse::impl;

static_assert(same(Severity::note, POSTPARSE_SEVERITY_NOTE) && same(Severity::warning, POSTPARSE_SEVERITY_WARNING) &&
              same(Severity::error, POSTPARSE_SEVERITY_ERROR));
static_assert(same(Part::split, POSTPARSE_PART_SPLIT) && same(Part::front_matter, POSTPARSE_PART_FRONT_MATTER) &&
              same(Part::body, POSTPARSE_PART_BODY) && same(Part::profile, POSTPARSE_PART_PROFILE));
static_assert(same(Format::none, POSTPARSE_FORMAT_NONE) && same(Format::yaml, POSTPARSE_FORMAT_YAML) &&
              same(Format::json, POSTPARSE_FORMAT_JSON) && same(Format::toml, POSTPARSE_FORMAT_TOML));
static_assert(same(YamlSchema::core_1_2, POSTPARSE_YAML_1_2) && same(YamlSchema::yaml_1_1, POSTPARSE_YAML_1_1));
static_assert(same(DuplicateKeys::error, POSTPARSE_DUPLICATE_ERROR) &&
              same(DuplicateKeys::first_wins, POSTPARSE_DUPLICATE_FIRST_WINS) &&
              same(DuplicateKeys::last_wins, POSTPARSE_DUPLICATE_LAST_WINS));
static_assert(same(HtmlMode::automatic, POSTPARSE_HTML_AUTO) && same(HtmlMode::fragment, POSTPARSE_HTML_FRAGMENT) &&
              same(HtmlMode::document, POSTPARSE_HTML_DOCUMENT));
static_assert(same(TextForm::nfc, POSTPARSE_TEXT_NFC) && same(TextForm::nfkc, POSTPARSE_TEXT_NFKC) &&
              same(TextForm::raw, POSTPARSE_TEXT_RAW));
static_assert(same(BodyFormat::automatic, POSTPARSE_BODY_AUTO) && same(BodyFormat::html, POSTPARSE_BODY_HTML) &&
              same(BodyFormat::markdown, POSTPARSE_BODY_MARKDOWN));
static_assert(same(Kind::null, POSTPARSE_KIND_NULL) && same(Kind::boolean, POSTPARSE_KIND_BOOL) &&
              same(Kind::integer, POSTPARSE_KIND_INT) && same(Kind::floating, POSTPARSE_KIND_FLOAT) &&
              same(Kind::string, POSTPARSE_KIND_STRING) && same(Kind::timestamp, POSTPARSE_KIND_TIMESTAMP) &&
              same(Kind::sequence, POSTPARSE_KIND_SEQUENCE) && same(Kind::mapping, POSTPARSE_KIND_MAPPING));
static_assert(same(Style::plain, POSTPARSE_STYLE_PLAIN) && same(Style::single_quoted, POSTPARSE_STYLE_SINGLE_QUOTED) &&
              same(Style::double_quoted, POSTPARSE_STYLE_DOUBLE_QUOTED) &&
              same(Style::literal, POSTPARSE_STYLE_LITERAL) && same(Style::folded, POSTPARSE_STYLE_FOLDED) &&
              same(Style::block, POSTPARSE_STYLE_BLOCK) && same(Style::flow, POSTPARSE_STYLE_FLOW));
static_assert(same(extract::ParagraphKind::paragraph, POSTPARSE_PARAGRAPH) &&
              same(extract::ParagraphKind::heading, POSTPARSE_PARAGRAPH_HEADING) &&
              same(extract::ParagraphKind::list_item, POSTPARSE_PARAGRAPH_LIST_ITEM) &&
              same(extract::ParagraphKind::quote, POSTPARSE_PARAGRAPH_QUOTE) &&
              same(extract::ParagraphKind::pre, POSTPARSE_PARAGRAPH_PRE) &&
              same(extract::ParagraphKind::table_cell, POSTPARSE_PARAGRAPH_TABLE_CELL) &&
              same(extract::ParagraphKind::caption, POSTPARSE_PARAGRAPH_CAPTION));
static_assert(same(extract::InlineSpan::Kind::link, POSTPARSE_INLINE_LINK) &&
              same(extract::InlineSpan::Kind::emphasis, POSTPARSE_INLINE_EMPHASIS) &&
              same(extract::InlineSpan::Kind::strong, POSTPARSE_INLINE_STRONG) &&
              same(extract::InlineSpan::Kind::code, POSTPARSE_INLINE_CODE));
static_assert(same(html::Ns::html, POSTPARSE_NS_HTML) && same(html::Ns::svg, POSTPARSE_NS_SVG) &&
              same(html::Ns::mathml, POSTPARSE_NS_MATHML));

}  // namespace postparse::capi::mirrors
