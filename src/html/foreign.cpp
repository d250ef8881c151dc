#include "html/foreign.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace postparse::impl::html {
namespace {

// The spec's tables, sorted by their lowercase name for binary search.
constexpr std::pair<std::string_view, std::string_view> kSvgTagNames[] = {
    {"altglyph", "altGlyph"},
    {"altglyphdef", "altGlyphDef"},
    {"altglyphitem", "altGlyphItem"},
    {"animatecolor", "animateColor"},
    {"animatemotion", "animateMotion"},
    {"animatetransform", "animateTransform"},
    {"clippath", "clipPath"},
    {"feblend", "feBlend"},
    {"fecolormatrix", "feColorMatrix"},
    {"fecomponenttransfer", "feComponentTransfer"},
    {"fecomposite", "feComposite"},
    {"feconvolvematrix", "feConvolveMatrix"},
    {"fediffuselighting", "feDiffuseLighting"},
    {"fedisplacementmap", "feDisplacementMap"},
    {"fedistantlight", "feDistantLight"},
    {"fedropshadow", "feDropShadow"},
    {"feflood", "feFlood"},
    {"fefunca", "feFuncA"},
    {"fefuncb", "feFuncB"},
    {"fefuncg", "feFuncG"},
    {"fefuncr", "feFuncR"},
    {"fegaussianblur", "feGaussianBlur"},
    {"feimage", "feImage"},
    {"femerge", "feMerge"},
    {"femergenode", "feMergeNode"},
    {"femorphology", "feMorphology"},
    {"feoffset", "feOffset"},
    {"fepointlight", "fePointLight"},
    {"fespecularlighting", "feSpecularLighting"},
    {"fespotlight", "feSpotLight"},
    {"fetile", "feTile"},
    {"feturbulence", "feTurbulence"},
    {"foreignobject", "foreignObject"},
    {"glyphref", "glyphRef"},
    {"lineargradient", "linearGradient"},
    {"radialgradient", "radialGradient"},
    {"textpath", "textPath"}};

constexpr std::pair<std::string_view, std::string_view> kSvgAttributeNames[] = {
    {"attributename", "attributeName"},
    {"attributetype", "attributeType"},
    {"basefrequency", "baseFrequency"},
    {"baseprofile", "baseProfile"},
    {"calcmode", "calcMode"},
    {"clippathunits", "clipPathUnits"},
    {"diffuseconstant", "diffuseConstant"},
    {"edgemode", "edgeMode"},
    {"filterunits", "filterUnits"},
    {"glyphref", "glyphRef"},
    {"gradienttransform", "gradientTransform"},
    {"gradientunits", "gradientUnits"},
    {"kernelmatrix", "kernelMatrix"},
    {"kernelunitlength", "kernelUnitLength"},
    {"keypoints", "keyPoints"},
    {"keysplines", "keySplines"},
    {"keytimes", "keyTimes"},
    {"lengthadjust", "lengthAdjust"},
    {"limitingconeangle", "limitingConeAngle"},
    {"markerheight", "markerHeight"},
    {"markerunits", "markerUnits"},
    {"markerwidth", "markerWidth"},
    {"maskcontentunits", "maskContentUnits"},
    {"maskunits", "maskUnits"},
    {"numoctaves", "numOctaves"},
    {"pathlength", "pathLength"},
    {"patterncontentunits", "patternContentUnits"},
    {"patterntransform", "patternTransform"},
    {"patternunits", "patternUnits"},
    {"pointsatx", "pointsAtX"},
    {"pointsaty", "pointsAtY"},
    {"pointsatz", "pointsAtZ"},
    {"preservealpha", "preserveAlpha"},
    {"preserveaspectratio", "preserveAspectRatio"},
    {"primitiveunits", "primitiveUnits"},
    {"refx", "refX"},
    {"refy", "refY"},
    {"repeatcount", "repeatCount"},
    {"repeatdur", "repeatDur"},
    {"requiredextensions", "requiredExtensions"},
    {"requiredfeatures", "requiredFeatures"},
    {"specularconstant", "specularConstant"},
    {"specularexponent", "specularExponent"},
    {"spreadmethod", "spreadMethod"},
    {"startoffset", "startOffset"},
    {"stddeviation", "stdDeviation"},
    {"stitchtiles", "stitchTiles"},
    {"surfacescale", "surfaceScale"},
    {"systemlanguage", "systemLanguage"},
    {"tablevalues", "tableValues"},
    {"targetx", "targetX"},
    {"targety", "targetY"},
    {"textlength", "textLength"},
    {"viewbox", "viewBox"},
    {"viewtarget", "viewTarget"},
    {"xchannelselector", "xChannelSelector"},
    {"ychannelselector", "yChannelSelector"},
    {"zoomandpan", "zoomAndPan"}};

template <std::size_t N>
std::string_view find(const std::pair<std::string_view, std::string_view> (&table)[N], std::string_view key) {
  auto it = std::lower_bound(std::begin(table), std::end(table), key,
                             [](const auto &entry, std::string_view k) { return entry.first < k; });
  return it != std::end(table) && it->first == key ? it->second : std::string_view();
}

}  // namespace

std::string adjust_svg_tag_name(const std::string &lowercase) {
  std::string_view adjusted = find(kSvgTagNames, lowercase);
  return adjusted.empty() ? lowercase : std::string(adjusted);
}

AdjustedAttribute adjust_foreign_attribute(Ns ns, const std::string &name) {
  if (ns == Ns::mathml && name == "definitionurl") return {"definitionURL", AttrNs::none};
  if (ns == Ns::svg) {
    std::string_view adjusted = find(kSvgAttributeNames, name);
    if (!adjusted.empty()) return {std::string(adjusted), AttrNs::none};
  }
  std::string_view n(name);
  if (n.substr(0, 6) == "xlink:") {
    std::string_view local = n.substr(6);
    if (local == "actuate" || local == "arcrole" || local == "href" || local == "role" || local == "show" ||
        local == "title" || local == "type")
      return {name, AttrNs::xlink};
  }
  if (n == "xml:lang" || n == "xml:space") return {name, AttrNs::xml};
  if (n == "xmlns" || n == "xmlns:xlink") return {name, AttrNs::xmlns};
  return {name, AttrNs::none};
}

bool breaks_out_of_foreign_content(Tag tag, bool has_font_attributes) {
  if (tag == Tag::font) return has_font_attributes;
  return tag_is(tag, kBreaksOutOfForeignContent);
}

}  // namespace postparse::impl::html
