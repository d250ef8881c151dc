#include "edit/json_value.h"

#include "edit/convert.h"
#include "edit/parsed_post.h"
#include "front_matter/json_reader.h"
#include "postparse/postparse.h"

namespace postparse::impl::edit {

int json_value(std::string_view json, Format format, const Options &options, NewValue &out) {
  // Strict JSON first: the front matter reader below also takes YAML's
  // leniencies (bare words, comments, single quotes).
  std::vector<YamlEvent> events;
  if (!read_json(json, events)) return POSTPARSE_ERR_SYNTAX;
  // Read as the one member of a bare JSON object, so that the reader, its
  // limits and its diagnostics are the front matter's own.
  std::string text = "{\"v\": " + std::string(json) + "\n}\n";
  std::unique_ptr<ParsedPost> post = parse_front_matter(std::move(text), options);
  if (int error = post->blocking_error())
    return error == POSTPARSE_ERR_NOT_A_MAPPING ? POSTPARSE_ERR_SYNTAX : error;
  const Value *root = post->root();
  if (post->split.format != Format::json || !root || root->kind != Kind::mapping || root->items.size() != 1 ||
      !post->body().empty())
    return POSTPARSE_ERR_SYNTAX;
  Data data;
  if (int status = adapt_data(data_from(*root->items[0]), format, options, data)) return status;
  bool scalar_items = data.kind == Kind::sequence;
  for (const Data &item : data.items) scalar_items = scalar_items && item.is_scalar();
  out = NewValue{};
  if (data.is_scalar()) {
    out.shape = NewValue::Shape::scalar;
    out.scalar = std::move(data);
  } else if (scalar_items) {
    out.shape = NewValue::Shape::list;
    out.items = std::move(data.items);
  } else {
    out.shape = NewValue::Shape::tree;
    out.tree = std::move(data);
  }
  return POSTPARSE_OK;
}

}  // namespace postparse::impl::edit
