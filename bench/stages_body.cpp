// Stages of the body: Markdown rendering, HTML tokenizer, tree
// construction, segmentation, normalisation, classification.
#include <memory>
#include <string>
#include <vector>

#include "extract/apply_profile.h"
#include "extract/classify.h"
#include "extract/profile_set.h"
#include "extract/segment.h"
#include "html/tokenizer.h"
#include "markdown/markdown_html.h"
#include "stages.h"
#include "stages_inputs.h"

namespace bench::stages {

namespace pp = postparse::impl;

namespace {

// markdown_to_html (md4c and the offset map) on each Markdown body.
class MarkdownStage : public PreparedStage {
 public:
  explicit MarkdownStage(const Corpus &corpus) : bodies_(markdown_bodies(corpus)) {
    items = bodies_.size();
    for (const MarkdownBody &body : bodies_) bytes += body.text.size();
  }
  void run() override {
    for (const MarkdownBody &body : bodies_) keep(pp::markdown::markdown_to_html(body.text, body.base).html.size());
  }

 private:
  std::vector<MarkdownBody> bodies_;
};

// The state the tree builder puts the tokenizer in after a start tag in
// <body> (scripting off), so that script and style content is read as
// text, as in a real parse.
bool state_after(const std::string &tag, pp::html::TokenizerState &state) {
  using State = pp::html::TokenizerState;
  if (tag == "script") state = State::script_data;
  else if (tag == "style" || tag == "xmp" || tag == "iframe" || tag == "noembed" || tag == "noframes")
    state = State::rawtext;
  else if (tag == "title" || tag == "textarea") state = State::rcdata;
  else if (tag == "plaintext") state = State::plaintext;
  else return false;
  return true;
}

// The tokenizer alone on each body the HTML stage reads (bytes: the HTML,
// Markdown bodies rendered).
class TokenizerStage : public PreparedStage {
 public:
  explicit TokenizerStage(const Corpus &corpus) : inputs_(html_inputs(corpus)) {
    items = inputs_.size();
    bytes = total_bytes(inputs_);
  }
  void run() override {
    pp::html::Token token;
    for (const HtmlInput &input : inputs_) {
      pp::html::Tokenizer tokenizer(input.text, input.base, nullptr, 0);
      std::size_t tokens = 0;
      pp::html::TokenizerState state{};
      do {
        tokenizer.next(token);
        ++tokens;
        if (token.kind == pp::html::TokenKind::start_tag && state_after(token.name, state)) tokenizer.set_state(state);
      } while (token.kind != pp::html::TokenKind::end_of_file);
      keep(tokens);
    }
  }

 private:
  std::vector<HtmlInput> inputs_;
};

// parse_html (tokenizer and tree builder, DOM freed after) on each body.
class TreeStage : public PreparedStage {
 public:
  explicit TreeStage(const Corpus &corpus) : inputs_(html_inputs(corpus)) {
    items = inputs_.size();
    bytes = total_bytes(inputs_);
  }
  void run() override {
    for (const HtmlInput &input : inputs_) keep(pp::html::parse_html(input.text, input.base, input.options).root);
  }

 private:
  std::vector<HtmlInput> inputs_;
};

// Every body's DOM, kept for the stages after tree construction.
struct Doms {
  std::vector<HtmlInput> inputs;
  std::vector<pp::html::HtmlResult> results;
  std::size_t bytes = 0;
};

Doms parse_all(const Corpus &corpus) {
  Doms doms;
  doms.inputs = html_inputs(corpus);
  doms.bytes = total_bytes(doms.inputs);
  for (const HtmlInput &input : doms.inputs)
    doms.results.push_back(pp::html::parse_html(input.text, input.base, input.options));
  return doms;
}

const pp::extract::NormalizeOptions kDefaultNormalize{};  // NFC, as the default text form

// segment (the DOM walk, normalisation of each paragraph, span placement)
// on each body's DOM (bytes: the HTML the DOMs came from).
class SegmentStage : public PreparedStage {
 public:
  explicit SegmentStage(const Corpus &corpus) : doms_(parse_all(corpus)) {
    items = doms_.results.size();
    bytes = doms_.bytes;
  }
  void run() override {
    for (const pp::html::HtmlResult &r : doms_.results)
      keep(pp::extract::segment(*r.dom, r.root, kDefaultNormalize).paragraphs.size());
  }

 private:
  Doms doms_;
};

// normalize_paragraph on every paragraph text as segment collects it from
// the DOM, with the options segment uses for it (raw in <pre>).
class NormalizeStage : public PreparedStage {
 public:
  explicit NormalizeStage(const Corpus &corpus) {
    Doms doms = parse_all(corpus);
    for (const pp::html::HtmlResult &r : doms.results) pp::extract::segment(*r.dom, r.root, kDefaultNormalize, texts_);
    items = texts_.size();
    for (const pp::extract::CollectedText &text : texts_) bytes += text.raw.size();
  }
  void run() override {
    for (const pp::extract::CollectedText &text : texts_)
      keep(pp::extract::normalize_paragraph(text.raw, text.options).size());
  }

 private:
  std::vector<pp::extract::CollectedText> texts_;
};

// classify and the default profile on each body's extraction, as the
// document runs them (bytes: the HTML the DOMs came from).  Both work in
// place: reset() copies the segmented extractions back, untimed.
class ClassifyStage : public PreparedStage {
 public:
  explicit ClassifyStage(const Corpus &corpus) : doms_(parse_all(corpus)) {
    for (const pp::html::HtmlResult &r : doms_.results)
      segmented_.push_back(pp::extract::segment(*r.dom, r.root, kDefaultNormalize));
    profiles_ = pp::extract::ProfileSet{}.in_order();
    for (const pp::extract::Profile *profile : profiles_)
      markers_.insert(markers_.end(), profile->markers.begin(), profile->markers.end());
    items = doms_.results.size();
    bytes = doms_.bytes;
    reset();
  }
  bool needs_reset() const override { return true; }
  void reset() override { work_ = segmented_; }
  void run() override {
    for (std::size_t i = 0; i < work_.size(); ++i) {
      pp::extract::classify(work_[i], markers_);
      pp::extract::apply_profiles(work_[i], doms_.results[i].root, profiles_);
      keep(work_[i].paragraphs.size());
    }
  }

 private:
  Doms doms_;
  std::vector<pp::extract::Extraction> segmented_, work_;
  std::vector<const pp::extract::Profile *> profiles_;
  std::vector<std::string> markers_;
};

template <class Stage>
std::unique_ptr<PreparedStage> make(const Corpus &corpus) {
  return std::make_unique<Stage>(corpus);
}

}  // namespace

std::vector<StageDef> body_stages() {
  const char *html = "every body as the HTML stage reads it (Markdown bodies rendered)";
  return {
      {"markdown", "every Markdown body", make<MarkdownStage>},
      {"html_tokenizer", html, make<TokenizerStage>},
      {"html_tree", html, make<TreeStage>},
      {"segment", "every body's DOM", make<SegmentStage>},
      {"normalize", "every paragraph text as segment collects it", make<NormalizeStage>},
      {"classify", "every body's extraction, with its DOM", make<ClassifyStage>},
  };
}

}  // namespace bench::stages
