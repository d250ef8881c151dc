#include "edit/parsed_post.h"

#include "postparse/postparse.h"

namespace postparse::impl::edit {

int ParsedPost::blocking_error() const {
  for (const Diagnostic &d : diagnostics) {
    if (d.severity != Severity::error || d.part == Part::body) continue;
    if (d.code == POSTPARSE_ERR_INVALID_DATE || d.code == POSTPARSE_ERR_BAD_TAG) continue;
    return d.code;
  }
  if (split.format != Format::none && (!front_matter.root || front_matter.root->kind != Kind::mapping))
    return POSTPARSE_ERR_NOT_A_MAPPING;
  return 0;
}

std::unique_ptr<ParsedPost> parse_front_matter(std::string text, const Options &options) {
  auto post = std::make_unique<ParsedPost>();
  post->text = std::move(text);
  post->lines = std::make_unique<LineIndex>(post->text);
  post->source = SourceText{post->text, post->lines.get(), options.zone};
  DiagnosticSink sink(options.limits.diagnostics);
  SplitOptions split_options;
  split_options.hexo_unfenced = options.hexo_unfenced;
  split_options.is_mapping = [&](std::string_view candidate) {
    return candidate.size() <= options.limits.front_matter_bytes &&
           yaml_is_mapping(candidate, options.limits.depth);
  };
  post->split = split_post(post->text, split_options, sink);
  LoadContext context{options, post->source, post->arena, sink};
  context.check_utf8 = false;
  post->front_matter = load_front_matter(post->text, post->split, context);
  post->diagnostics = sink.finish();
  return post;
}

}  // namespace postparse::impl::edit
