// Runs the front matter stage (split, then load) on a post with the fast
// YAML reader switched on or off, and compares two results field by field:
// the tests that prove the fast reader gives yaml-cpp's results exactly.
#pragma once

#include <cmath>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.h"
#include "common/line_index.h"
#include "common/options.h"
#include "front_matter/front_matter.h"
#include "front_matter/yaml_fast_path.h"
#include "split/split.h"

namespace test {

namespace impl = postparse::impl;

struct StageResult {
  std::unique_ptr<impl::LineIndex> lines;
  impl::SourceText source;
  impl::ValueArena arena;
  impl::FrontMatter front_matter;
  std::vector<impl::Diagnostic> diagnostics;
  bool fast_path_taken = false;  // the block was YAML and the reader took it
};

// `post` must outlive the result (values point into it).
inline std::unique_ptr<StageResult> run_front_matter_stage(std::string_view post, const impl::Options &options,
                                                           bool fast_path) {
  auto out = std::make_unique<StageResult>();
  out->lines = std::make_unique<impl::LineIndex>(post);
  out->source = impl::SourceText{post, out->lines.get(), options.zone};
  impl::DiagnosticSink sink(options.limits.diagnostics);
  impl::Split split = impl::split_post(post, impl::SplitOptions{}, sink);
  std::string_view content = post.substr(split.content_begin, split.content_end - split.content_begin);
  out->fast_path_taken = fast_path && split.format == impl::Format::yaml &&
                         content.size() <= options.limits.front_matter_bytes &&
                         postparse::testing::yaml_fast_path_accepts(content);
  postparse::testing::set_yaml_fast_path(fast_path);
  impl::LoadContext context{options, out->source, out->arena, sink};
  out->front_matter = impl::load_front_matter(post, split, context);
  postparse::testing::set_yaml_fast_path(true);
  out->diagnostics = sink.items();
  return out;
}

inline bool same_double(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b));
}

// The first field in which two trees differ ("" when none), with its path.
inline std::string value_difference(const impl::Value *a, const impl::Value *b, const std::string &path = "") {
  if (!a || !b) return a == b ? "" : path + ": one tree is missing";
  auto differs = [&](const std::string &what) { return path + ": " + what + " differs"; };
  if (a->kind != b->kind) return differs("kind");
  if (a->style != b->style) return differs("style");
  if (a->big != b->big || a->boolean != b->boolean || a->integer != b->integer) return differs("number");
  if (!same_double(a->floating, b->floating)) return differs("float");
  if (a->text != b->text) return differs("text '" + a->text + "' / '" + b->text + "'");
  if (a->tag != b->tag) return differs("tag");
  if (a->begin != b->begin || a->end != b->end)
    return differs("span " + std::to_string(a->begin) + "-" + std::to_string(a->end) + " / " +
                   std::to_string(b->begin) + "-" + std::to_string(b->end));
  if (a->subtree_nodes != b->subtree_nodes || a->subtree_bytes != b->subtree_bytes || a->height != b->height)
    return differs("measures");
  if (a->items.size() != b->items.size() || a->keys.size() != b->keys.size()) return differs("size");
  for (std::size_t i = 0; i < a->keys.size(); ++i)
    if (std::string d = value_difference(a->keys[i], b->keys[i], path + "/key" + std::to_string(i)); !d.empty())
      return d;
  for (std::size_t i = 0; i < a->items.size(); ++i)
    if (std::string d = value_difference(a->items[i], b->items[i], path + "/" + std::to_string(i)); !d.empty())
      return d;
  return "";
}

// Trees, dates, JSON key names and diagnostics.
inline std::string stage_difference(const StageResult &a, const StageResult &b) {
  if (std::string d = value_difference(a.front_matter.root, b.front_matter.root); !d.empty()) return "tree " + d;
  const auto &da = a.front_matter.dates, &db = b.front_matter.dates;
  if (da.size() != db.size()) return "number of dates";
  for (std::size_t i = 0; i < da.size(); ++i) {
    const auto &x = da[i].instant, &y = db[i].instant;
    if (da[i].pointer != db[i].pointer || x.unix_seconds != y.unix_seconds || x.nanoseconds != y.nanoseconds ||
        x.offset_seconds != y.offset_seconds || x.explicit_offset != y.explicit_offset || x.has_time != y.has_time ||
        x.fraction_digits != y.fraction_digits)
      return "date " + da[i].pointer;
  }
  if (a.diagnostics.size() != b.diagnostics.size()) return "number of diagnostics";
  for (std::size_t i = 0; i < a.diagnostics.size(); ++i) {
    const auto &x = a.diagnostics[i], &y = b.diagnostics[i];
    if (x.code != y.code || x.severity != y.severity || x.part != y.part || x.message != y.message ||
        x.offset != y.offset)
      return "diagnostic '" + x.message + "' / '" + y.message + "'";
  }
  return "";
}

}  // namespace test
