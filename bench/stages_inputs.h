// Inputs several stage groups share, prepared the way the document pipeline
// (src/document/document.cpp) prepares them for its stages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/options.h"
#include "html/html_parser.h"
#include "split/split.h"
#include "stages.h"

namespace bench::stages {

// Reads every *.md / *.txt file below each of `dirs`, sorted by path.
Corpus load_corpus(const std::vector<std::string> &dirs);

// The options a document is parsed with by default.
const postparse::impl::Options &default_options();

// Where each post's front matter and body are, as the document finds them
// with the default options.
std::vector<postparse::impl::Split> split_all(const Corpus &corpus);

// A body as the HTML stage receives it.
struct HtmlInput {
  std::string text;      // the HTML body as written, or a Markdown body rendered to HTML
  std::size_t base = 0;  // offset of text[0] in the post (0 for rendered Markdown)
  postparse::impl::html::HtmlOptions options;
};

// A Markdown body, in its post.
struct MarkdownBody {
  std::string_view text;  // into the corpus
  std::size_t base = 0;
};

// The bodies the document reads as Markdown (automatic detection).
std::vector<MarkdownBody> markdown_bodies(const Corpus &corpus);

// Every non-empty body, as the HTML stage receives it.
std::vector<HtmlInput> html_inputs(const Corpus &corpus);

std::size_t total_bytes(const std::vector<HtmlInput> &inputs);

}  // namespace bench::stages
