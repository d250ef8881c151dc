// Stages before the body: split, front matter (YAML, JSON, TOML), dates.
#include <memory>
#include <string>
#include <vector>

#include "common/diagnostics.h"
#include "common/line_index.h"
#include "common/source_text.h"
#include "front_matter/front_matter.h"
#include "stages.h"
#include "stages_convert.h"
#include "stages_inputs.h"

namespace bench::stages {

namespace pp = postparse::impl;

namespace {

// split_post on every whole post (bytes: the whole posts).
class SplitStage : public PreparedStage {
 public:
  explicit SplitStage(const Corpus &corpus) : corpus_(corpus) {
    items = corpus.posts.size();
    for (const Post &post : corpus.posts) bytes += post.bytes.size();
  }
  void run() override {
    for (const Post &post : corpus_.posts) {
      pp::DiagnosticSink sink(default_options().limits.diagnostics);
      pp::Split split = pp::split_post(post.bytes, pp::SplitOptions{}, sink);
      keep(split.body_begin);
    }
  }

 private:
  const Corpus &corpus_;
};

// A post with its split, line index and source, as the document has them
// when it loads the front matter.
struct FrontMatterInput {
  std::string text;
  pp::Split split;
  std::unique_ptr<pp::LineIndex> lines;
  pp::SourceText source;
};

std::unique_ptr<FrontMatterInput> front_matter_input(std::string text) {
  auto input = std::make_unique<FrontMatterInput>();
  input->text = std::move(text);
  pp::DiagnosticSink sink(default_options().limits.diagnostics);
  input->split = pp::split_post(input->text, pp::SplitOptions{}, sink);
  input->lines = std::make_unique<pp::LineIndex>(input->text);
  input->source = pp::SourceText{input->text, input->lines.get(), nullptr};
  return input;
}

// A loaded front matter and what its values point into.
struct Loaded {
  pp::ValueArena arena;
  pp::FrontMatter front_matter;
  bool has_error = false;
};

std::unique_ptr<Loaded> load(const FrontMatterInput &input) {
  auto loaded = std::make_unique<Loaded>();
  pp::DiagnosticSink sink(default_options().limits.diagnostics);
  pp::LoadContext context{default_options(), input.source, loaded->arena, sink};
  context.check_utf8 = false;  // as the document: it checks the whole post once
  loaded->front_matter = pp::load_front_matter(input.text, input.split, context);
  for (const pp::Diagnostic &d : sink.items()) loaded->has_error |= d.severity == pp::Severity::error;
  return loaded;
}

// The corpus's YAML front matter, each with its loaded tree.
struct YamlCorpus {
  std::vector<std::unique_ptr<FrontMatterInput>> inputs;
  std::vector<std::unique_ptr<Loaded>> loaded;
};

YamlCorpus yaml_corpus(const Corpus &corpus) {
  YamlCorpus out;
  for (const Post &post : corpus.posts) {
    std::unique_ptr<FrontMatterInput> input = front_matter_input(post.bytes);
    if (input->split.format != pp::Format::yaml) continue;
    out.loaded.push_back(load(*input));
    out.inputs.push_back(std::move(input));
  }
  return out;
}

// load_front_matter (the loader, JSON key names, the date walk) on each
// input (bytes: the front matter between its fences).
class FrontMatterStage : public PreparedStage {
 public:
  explicit FrontMatterStage(std::vector<std::unique_ptr<FrontMatterInput>> inputs) : inputs_(std::move(inputs)) {
    items = inputs_.size();
    for (const auto &input : inputs_) bytes += input->split.content_end - input->split.content_begin;
  }
  void run() override {
    for (const auto &input : inputs_) keep(load(*input)->front_matter.root);
  }

 private:
  std::vector<std::unique_ptr<FrontMatterInput>> inputs_;
};

std::unique_ptr<PreparedStage> yaml_stage(const Corpus &corpus) {
  return std::make_unique<FrontMatterStage>(yaml_corpus(corpus).inputs);
}

// The corpus's YAML front matter that loads without error, converted by
// `convert` and fenced by `wrap`; each must split as `format` and load
// without error too, or the bench stops (the converter would be wrong).
template <class Convert, class Wrap>
std::unique_ptr<PreparedStage> converted_stage(const Corpus &corpus, pp::Format format, Convert convert, Wrap wrap) {
  YamlCorpus yaml = yaml_corpus(corpus);
  std::vector<std::unique_ptr<FrontMatterInput>> inputs;
  for (std::size_t i = 0; i < yaml.inputs.size(); ++i) {
    const Loaded &loaded = *yaml.loaded[i];
    if (!loaded.front_matter.root || loaded.has_error) continue;
    std::unique_ptr<FrontMatterInput> input = front_matter_input(wrap(convert(*loaded.front_matter.root)));
    if (input->split.format != format || load(*input)->has_error)
      throw std::runtime_error("converted front matter of " + yaml.inputs[i]->text.substr(0, 80) +
                               "... does not load:\n" + input->text);
    inputs.push_back(std::move(input));
  }
  return std::make_unique<FrontMatterStage>(std::move(inputs));
}

std::unique_ptr<PreparedStage> json_stage(const Corpus &corpus) {
  // Hugo's bare JSON form: the object, then the body.
  return converted_stage(corpus, pp::Format::json, to_json_front_matter,
                         [](const std::string &json) { return json + "\n"; });
}

std::unique_ptr<PreparedStage> toml_stage(const Corpus &corpus) {
  return converted_stage(corpus, pp::Format::toml, to_toml_front_matter,
                         [](const std::string &toml) { return "+++\n" + toml + "+++\n"; });
}

// The scalars the front matter stage reads as dates (timestamps, and
// strings under date keys), as load_front_matter's date walk picks them.
void collect_date_texts(const pp::Value &node, bool date_key, std::vector<std::string> &out) {
  if (node.kind == pp::Kind::timestamp || (date_key && node.kind == pp::Kind::string)) {
    out.push_back(node.text);
    return;
  }
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    bool child_date_key = node.kind == pp::Kind::mapping && node.keys[i]->is_scalar() &&
                          pp::is_date_key(node.keys[i]->text);
    collect_date_texts(*node.items[i], child_date_key, out);
  }
}

// dates::parse on the date-like scalars of the corpus's YAML front matter
// (bytes: the scalars' text; zone: UTC, the default).
class DatesStage : public PreparedStage {
 public:
  explicit DatesStage(const Corpus &corpus) {
    YamlCorpus yaml = yaml_corpus(corpus);
    for (const auto &loaded : yaml.loaded)
      if (loaded->front_matter.root) collect_date_texts(*loaded->front_matter.root, false, texts_);
    items = texts_.size();
    for (const std::string &text : texts_) bytes += text.size();
  }
  void run() override {
    for (const std::string &text : texts_) keep(pp::dates::parse(text, nullptr).instant.unix_seconds);
  }

 private:
  std::vector<std::string> texts_;
};

}  // namespace

std::vector<StageDef> front_stages() {
  return {
      {"split", "every post, whole", [](const Corpus &c) { return std::make_unique<SplitStage>(c); }},
      {"front_matter_yaml", "the YAML front matter of every post", yaml_stage},
      {"front_matter_json", "the YAML front matter converted to JSON (bench/stages_convert.h)", json_stage},
      {"front_matter_toml", "the YAML front matter converted to TOML (bench/stages_convert.h)", toml_stage},
      {"dates", "the date-like scalars of the front matter",
       [](const Corpus &c) { return std::make_unique<DatesStage>(c); }},
  };
}

}  // namespace bench::stages
