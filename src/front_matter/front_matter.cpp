#include "front_matter/front_matter.h"

#include "common/ascii.h"
#include "postparse/postparse.h"

namespace postparse::impl {
namespace {

const Value *load_block(std::string_view input, const Split &split, LoadContext &context) {
  std::string_view content = input.substr(split.content_begin, split.content_end - split.content_begin);
  if (content.size() > context.options.limits.front_matter_bytes) {
    context.diagnostics.add(POSTPARSE_ERR_FRONT_MATTER_TOO_LARGE, Severity::error, Part::front_matter,
                            "front matter is " + std::to_string(content.size()) +
                                " bytes, over the limit of " +
                                std::to_string(context.options.limits.front_matter_bytes) +
                                "; it was not parsed",
                            split.content_begin);
    return nullptr;
  }
  switch (split.format) {
    case Format::yaml:
      return load_yaml(content, OffsetMap{split.content_begin, 0, content.size()}, false, context);
    case Format::toml:
      return load_toml(content, split.content_begin, context);
    case Format::json:
      if (split.json_shape == JsonShape::members_only) {
        // Hexo's `;;;` block holds an object's members without braces.
        std::string wrapped = "{" + std::string(content) + "\n}";
        return load_yaml(wrapped, OffsetMap{split.content_begin, 1, content.size()}, true, context);
      }
      return load_yaml(content, OffsetMap{split.content_begin, 0, content.size()}, true, context);
    case Format::none:
      break;
  }
  return nullptr;
}

std::string pointer_token(const std::string &key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

void report_bad_date(const Value &value, const dates::Result &result, bool expected,
                     DiagnosticSink &diagnostics) {
  if (result.outcome == dates::Outcome::invalid_date) {
    diagnostics.add(POSTPARSE_ERR_INVALID_DATE, Severity::error, Part::front_matter,
                    "invalid date '" + value.text.substr(0, 80) + "': " + result.message, value.begin);
  } else if (expected && !value.text.empty()) {
    diagnostics.add(POSTPARSE_ERR_INVALID_DATE, Severity::warning, Part::front_matter,
                    "'" + value.text.substr(0, 80) + "' is not a date; kept as written", value.begin);
  }
}

// Walks the tree for timestamps and for scalars under date-named keys.
// Pointers repeat their ancestors' keys, so their total size is capped (a
// long key above many aliased dates would otherwise multiply).
struct DateWalk {
  FrontMatter &out;
  LoadContext &context;
  std::size_t pointer_bytes = 0;
  bool capped = false;
};

void collect_dates(const Value &node, const std::string &pointer, bool date_key, std::size_t depth,
                   DateWalk &walk) {
  FrontMatter &out = walk.out;
  LoadContext &context = walk.context;
  if (depth > context.options.limits.depth || walk.capped) return;
  if (node.kind == Kind::timestamp || (date_key && node.kind == Kind::string)) {
    dates::Result r = dates::parse(node.text, node.source->zone);
    walk.pointer_bytes += pointer.size();
    if (walk.pointer_bytes > context.options.limits.alias_bytes) {
      walk.capped = true;
      context.diagnostics.add(POSTPARSE_ERR_ALIAS_LIMIT, Severity::warning, Part::front_matter,
                              "the paths of date fields exceed " + std::to_string(context.options.limits.alias_bytes) +
                                  " bytes (alias byte limit); later dates are not resolved",
                              node.begin);
      return;
    }
    if (r.outcome == dates::Outcome::ok) out.dates.push_back({pointer, &node, r.instant});
    else report_bad_date(node, r, true, context.diagnostics);
    if (!r.warning.empty())
      context.diagnostics.add(POSTPARSE_ERR_INVALID_DATE, Severity::warning, Part::front_matter, r.warning, node.begin);
    return;
  }
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    bool is_map = node.kind == Kind::mapping;
    bool child_date_key = is_map && node.keys[i]->is_scalar() && is_date_key(node.keys[i]->text);
    // A scalar that is neither a timestamp nor a string under a date key
    // holds no date: its pointer is not worth building.
    const Value &child = *node.items[i];
    if (child.is_scalar() && child.kind != Kind::timestamp && !(child_date_key && child.kind == Kind::string))
      continue;
    std::string token = is_map ? pointer_token(walk.out.json_keys.name(node, i)) : std::to_string(i);
    collect_dates(child, pointer + "/" + token, child_date_key, depth + 1, walk);
  }
}

}  // namespace

bool is_date_key(std::string_view key) {
  static constexpr std::string_view kKeys[] = {
      "date",       "updated",   "update",      "lastmod",   "lastmodified", "modified",
      "published",  "publishdate", "pubdate",   "pubdatetime", "created",    "createdat",
      "updatedat",  "updateddate", "expirydate", "date_published", "date_modified"};
  for (std::string_view k : kKeys)
    if (ascii_iequals(key, k)) return true;
  return false;
}

FrontMatter load_front_matter(std::string_view input, const Split &split, LoadContext &context) {
  FrontMatter out;
  if (split.format == Format::none) return out;
  out.root = load_block(input, split, context);
  if (out.root) out.json_keys = JsonKeyNames::assign(*out.root, context.diagnostics);
  DateWalk walk{out, context};
  if (out.root) collect_dates(*out.root, "", false, 0, walk);
  return out;
}

}  // namespace postparse::impl
