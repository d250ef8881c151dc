#include "stages_inputs.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "common/diagnostics.h"
#include "markdown/markdown_html.h"

namespace bench::stages {

namespace pp = postparse::impl;

Corpus load_corpus(const std::vector<std::string> &dirs) {
  std::vector<std::string> paths;
  for (const std::string &dir : dirs) {
    for (const auto &entry : std::filesystem::recursive_directory_iterator(dir)) {
      std::string ext = entry.path().extension().string();
      if (entry.is_regular_file() && (ext == ".md" || ext == ".txt")) paths.push_back(entry.path().string());
    }
  }
  std::sort(paths.begin(), paths.end());
  Corpus corpus;
  for (const std::string &path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    corpus.posts.push_back({path, std::string(std::istreambuf_iterator<char>(in), {})});
  }
  return corpus;
}

const pp::Options &default_options() {
  static const pp::Options options;
  return options;
}

std::vector<pp::Split> split_all(const Corpus &corpus) {
  std::vector<pp::Split> splits;
  splits.reserve(corpus.posts.size());
  for (const Post &post : corpus.posts) {
    pp::DiagnosticSink sink(default_options().limits.diagnostics);
    splits.push_back(pp::split_post(post.bytes, pp::SplitOptions{}, sink));
  }
  return splits;
}

std::vector<MarkdownBody> markdown_bodies(const Corpus &corpus) {
  std::vector<pp::Split> splits = split_all(corpus);
  std::vector<MarkdownBody> bodies;
  for (std::size_t i = 0; i < corpus.posts.size(); ++i) {
    std::string_view body = std::string_view(corpus.posts[i].bytes).substr(splits[i].body_begin);
    if (pp::markdown::looks_like_markdown(body)) bodies.push_back({body, splits[i].body_begin});
  }
  return bodies;
}

namespace {

// As document.cpp's html_options: the HTML options a document derives from
// its parse options.
pp::html::HtmlOptions html_options(const pp::Options &options) {
  pp::html::HtmlOptions html;
  html.mode = options.html_mode;
  html.scripting = options.scripting;
  html.record_errors = options.html_errors;
  html.limits = options.limits;
  return html;
}

}  // namespace

std::vector<HtmlInput> html_inputs(const Corpus &corpus) {
  std::vector<pp::Split> splits = split_all(corpus);
  std::vector<HtmlInput> inputs;
  for (std::size_t i = 0; i < corpus.posts.size(); ++i) {
    std::size_t base = splits[i].body_begin;
    std::string_view body = std::string_view(corpus.posts[i].bytes).substr(base);
    if (body.empty()) continue;
    HtmlInput input;
    input.options = html_options(default_options());
    if (pp::markdown::looks_like_markdown(body)) {
      input.text = pp::markdown::markdown_to_html(body, base).html;
      input.options.mode = pp::HtmlMode::fragment;
    } else {
      input.text = std::string(body);
      input.base = base;
    }
    inputs.push_back(std::move(input));
  }
  return inputs;
}

std::size_t total_bytes(const std::vector<HtmlInput> &inputs) {
  std::size_t n = 0;
  for (const HtmlInput &input : inputs) n += input.text.size();
  return n;
}

}  // namespace bench::stages
