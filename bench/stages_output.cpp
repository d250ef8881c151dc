// The JSON output alone, and the whole document, through the C ABI.
#include <postparse/postparse.h>

#include <memory>
#include <stdexcept>
#include <vector>

#include "stages.h"

namespace bench::stages {

namespace {

postparse_doc *parse(const Post &post) {
  postparse_doc *doc = nullptr;
  if (postparse_doc_parse(post.bytes.data(), post.bytes.size(), nullptr, &doc) != POSTPARSE_OK)
    throw std::runtime_error("cannot parse " + post.path);
  return doc;
}

std::size_t to_json(const postparse_doc *doc) {
  char *json = nullptr;
  std::size_t len = 0;
  if (postparse_doc_to_json(doc, 0, &json, &len) != POSTPARSE_OK) throw std::runtime_error("postparse_doc_to_json failed");
  postparse_free(json);
  return len;
}

std::size_t post_bytes(const Corpus &corpus) {
  std::size_t n = 0;
  for (const Post &post : corpus.posts) n += post.bytes.size();
  return n;
}

// postparse_doc_to_json on every post, parsed beforehand (bytes: the posts).
class JsonStage : public PreparedStage {
 public:
  explicit JsonStage(const Corpus &corpus) {
    for (const Post &post : corpus.posts) docs_.emplace_back(parse(post));
    items = docs_.size();
    bytes = post_bytes(corpus);
  }
  void run() override {
    for (const auto &doc : docs_) keep(to_json(doc.get()));
  }

 private:
  struct Free {
    void operator()(postparse_doc *doc) const { postparse_doc_free(doc); }
  };
  std::vector<std::unique_ptr<postparse_doc, Free>> docs_;
};

// postparse_doc_parse + postparse_doc_to_json on every post, default options.
class WholeStage : public PreparedStage {
 public:
  explicit WholeStage(const Corpus &corpus) : corpus_(corpus) {
    items = corpus.posts.size();
    bytes = post_bytes(corpus);
  }
  void run() override {
    for (const Post &post : corpus_.posts) {
      postparse_doc *doc = parse(post);
      keep(to_json(doc));
      postparse_doc_free(doc);
    }
  }

 private:
  const Corpus &corpus_;
};

}  // namespace

std::vector<StageDef> output_stages() {
  return {
      {"json", "every post's parsed document",
       [](const Corpus &c) { return std::make_unique<JsonStage>(c); }},
      {"whole", "every post, whole", [](const Corpus &c) { return std::make_unique<WholeStage>(c); }},
  };
}

}  // namespace bench::stages
