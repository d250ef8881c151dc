// Every post of tests/data/corpus through the edit API: a no-op edit
// renders the post byte for byte; setting /title changes only the title's
// line(s); appending to /tags adds one line to a block list; converting
// around YAML -> TOML -> JSON -> YAML keeps the data.  Each render is also
// parsed here, independently of the library's own check.
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>

#include "edit_helpers.h"
#include "helpers.h"

namespace {

std::vector<std::string> corpus_posts() {
  std::vector<std::string> paths;
  std::string root = std::string(POSTPARSE_TEST_DATA_DIR) + "/corpus";
  for (const auto &entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    std::string name = entry.path().filename().string();
    if (entry.path().parent_path() == std::filesystem::path(root) && name.rfind("SOURCES", 0) == 0) continue;
    paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

struct Tally {
  std::size_t posts = 0, ops = 0, failures = 0;
  std::size_t not_editable = 0, no_front_matter = 0, tag_lists = 0, not_representable = 0;
  void check(bool ok, const std::string &what, const std::string &path) {
    ++ops;
    if (ok) return;
    ++failures;
    FAIL_CHECK(path << ": " << what);
  }
};

const char kTitle[] = "Edited: a title #2 with 'quotes'";

// Everything but `skip` of two root mappings is the same data.
std::string difference_except(postparse::Value a, postparse::Value b, std::string_view skip) {
  std::vector<std::size_t> ia, ib;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a.key_at(i).text() != skip) ia.push_back(i);
  for (std::size_t i = 0; i < b.size(); ++i)
    if (b.key_at(i).text() != skip) ib.push_back(i);
  if (ia.size() != ib.size()) return "a different number of keys";
  for (std::size_t k = 0; k < ia.size(); ++k) {
    if (a.key_at(ia[k]).text() != b.key_at(ib[k]).text()) return "keys in another order";
    std::string d =
        test::data_difference(a[ia[k]], b[ib[k]], false, "/" + std::string(a.key_at(ia[k]).text()));
    if (!d.empty()) return d;
  }
  return "";
}

void check_title(const postparse::Document &doc, Tally &tally, const std::string &path) {
  postparse::Edit edit(doc);
  edit.set("/title", kTitle);
  std::string after = edit.render();
  std::string_view before = doc.source();
  test::LineChange change = test::line_change(before, after);
  postparse::Value root = doc.front_matter();
  postparse::Value old = root ? root["title"] : postparse::Value();
  if (!root) {
    tally.check(change.removed() == 0 && change.added() == 3, "a new block is three lines", path);
  } else if (!old) {
    tally.check(change.removed() == 0 && change.added() == 1, "a new title is one new line", path);
  } else {
    std::size_t key_line = 0;
    for (std::size_t i = 0; i < root.size(); ++i)
      if (root.key_at(i).text() == "title") key_line = test::line_of(before, root.key_at(i).span().offset);
    postparse::Span span = old.span();
    std::size_t last_line = test::line_of(before, span.offset + (span.length ? span.length - 1 : 0));
    tally.check(change.first >= key_line && change.old_end <= last_line + 1 && change.added() == 1,
                "only the title's lines change (lines " + std::to_string(change.first) + ".." +
                    std::to_string(change.old_end) + " for " + std::to_string(key_line) + ".." +
                    std::to_string(last_line) + ")",
                path);
  }
  postparse::Document reread = postparse::Document::parse(after);
  tally.check(reread.body() == doc.body(), "the body is unchanged", path);
  tally.check(reread.front_matter()["title"].text() == kTitle, "the title reads back", path);
  if (root) {
    std::string d = difference_except(root, reread.front_matter(), "title");
    tally.check(d.empty(), "the other keys are unchanged: " + d, path);
  }
}

void check_tags(const postparse::Document &doc, Tally &tally, const std::string &path) {
  postparse::Value tags = doc.front_matter()["tags"];
  if (!tags || tags.kind() != POSTPARSE_KIND_SEQUENCE) return;
  ++tally.tag_lists;
  postparse::Edit edit(doc);
  edit.append("/tags", "edit-tag");
  std::string after = edit.render();
  test::LineChange change = test::line_change(doc.source(), after);
  if (tags.style() == POSTPARSE_STYLE_BLOCK) {
    tally.check(change.removed() == 0 && change.added() == 1, "a block list gets one new line", path);
  } else {
    bool one_line = tags.raw_text().find('\n') == std::string_view::npos;
    tally.check(
        one_line ? change.removed() == 1 && change.added() == 1 : change.added() == change.removed() + 1,
        "a flow list changes in place", path);
  }
  postparse::Document reread = postparse::Document::parse(after);
  postparse::Value new_tags = reread.front_matter()["tags"];
  tally.check(new_tags.size() == tags.size() + 1 && new_tags[tags.size()].text() == "edit-tag",
              "the tag reads back", path);
  tally.check(difference_except(doc.front_matter(), reread.front_matter(), "tags").empty(),
              "the other keys are unchanged", path);
}

// Around the three formats from the post's own, back to it.
void check_conversions(const postparse::Document &doc, Tally &tally, const std::string &path) {
  const postparse_format cycle[] = {POSTPARSE_FORMAT_YAML, POSTPARSE_FORMAT_TOML, POSTPARSE_FORMAT_JSON};
  std::size_t start = static_cast<std::size_t>(std::find(cycle, cycle + 3, doc.format()) - cycle);
  std::string text(doc.source());
  for (std::size_t step = 1; step <= 3; ++step) {
    postparse_format to = cycle[(start + step) % 3];
    postparse::Document current = postparse::Document::parse(text);
    std::string next;
    try {
      next = postparse::Edit(current).convert(to);
    } catch (const postparse::Error &e) {
      if (e.status() == POSTPARSE_ERR_NOT_REPRESENTABLE) {
        ++tally.not_representable;
        return;
      }
      tally.check(false, std::string("convert: ") + e.what(), path);
      return;
    }
    postparse::Document converted = postparse::Document::parse(next);
    tally.check(converted.format() == to, "the converted post has the new format", path);
    tally.check(converted.body() == doc.body(), "the body is unchanged", path);
    std::string d = test::data_difference(doc.front_matter(), converted.front_matter(), true);
    tally.check(d.empty(), "conversion keeps the data: " + d, path);
    text = std::move(next);
  }
}

}  // namespace

TEST_CASE("edits of every corpus post change only what they must", "[.][edit-corpus]") {
  std::vector<std::string> paths = corpus_posts();
  REQUIRE(paths.size() > 2500);
  Tally tally;
  auto started = std::chrono::steady_clock::now();
  for (const std::string &path : paths) {
    std::string post = test::read_file(path);
    postparse::Document doc = postparse::Document::parse(post);
    ++tally.posts;
    std::unique_ptr<postparse::Edit> noop;
    try {
      noop = std::make_unique<postparse::Edit>(doc);
    } catch (const postparse::Error &e) {
      ++tally.not_editable;
      tally.check(e.status() == POSTPARSE_ERR_NOT_EDITABLE &&
                      test::count_code(doc, POSTPARSE_ERR_SYNTAX) +
                              test::count_code(doc, POSTPARSE_ERR_DUPLICATE_KEY) >
                          0,
                  "refused only for front matter errors", path);
      continue;
    }
    tally.check(noop->render() == doc.source(), "a no-op edit renders the post byte for byte", path);
    if (!doc.front_matter()) ++tally.no_front_matter;
    try {
      check_title(doc, tally, path);
      if (doc.front_matter()) {
        check_tags(doc, tally, path);
        check_conversions(doc, tally, path);
      }
    } catch (const postparse::Error &e) {
      tally.check(false, e.what(), path);
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf(
      "edit corpus: %zu posts, %zu checks, %zu failures; %zu not editable, %zu without front matter, "
      "%zu tag lists, %zu conversions not representable; %.1f s\n",
      tally.posts, tally.ops, tally.failures, tally.not_editable, tally.no_front_matter, tally.tag_lists,
      tally.not_representable, seconds);
  CHECK(tally.failures == 0);
}

namespace {

// Every JSON pointer of a front matter tree (keys escaped), in document order.
void collect_paths(postparse::Value v, const std::string &at, std::vector<std::string> &out) {
  for (std::size_t i = 0; i < v.size(); ++i) {
    std::string token;
    if (v.kind() == POSTPARSE_KIND_MAPPING) {
      for (char c : v.key_at(i).text()) token += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    } else {
      token = std::to_string(i);
    }
    out.push_back(at + "/" + token);
    collect_paths(v[i], at + "/" + token, out);
  }
}

}  // namespace

TEST_CASE("random edits at every corpus post's own paths are written or refused with a reason", "[.][edit-corpus]") {
  std::vector<std::string> paths = corpus_posts();
  std::uint64_t state = 0x2545F4914F6CDD1Dull;
  auto next = [&state] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  const char *const kValues[] = {"plain", "a: b", "#x", "multi\nline", "'q'", "true", "2021-07-31", "中文", ""};
  std::size_t ops = 0, written = 0;
  std::map<int, std::size_t> refused;
  for (const std::string &file : paths) {
    postparse::Document doc = postparse::Document::parse(test::read_file(file));
    if (!doc.front_matter()) continue;
    std::vector<std::string> pointers;
    collect_paths(doc.front_matter(), "", pointers);
    if (pointers.empty()) continue;
    std::unique_ptr<postparse::Edit> edit;
    try {
      edit = std::make_unique<postparse::Edit>(doc);
    } catch (const postparse::Error &) {
      continue;
    }
    for (int step = 0; step < 4; ++step) {
      const std::string &path = pointers[next() % pointers.size()];
      const char *value = kValues[next() % (sizeof kValues / sizeof kValues[0])];
      int op = static_cast<int>(next() % 5);
      ++ops;
      try {
        switch (op) {
          case 0: edit->set(path, value); break;
          case 1: edit->set_list(path, {value, "x"}); break;
          case 2: edit->remove(path); break;
          case 3: edit->rename(path, std::string("renamed-") + value); break;
          default: edit->insert_after(path, "inserted", value); break;
        }
        ++written;
      } catch (const postparse::Error &e) {
        ++refused[e.status()];
        // Writing a scalar or a list at a path that exists is always done,
        // unless the format cannot hold it in place.
        CHECK_FALSE(((op == 0 || op == 1) && e.status() == POSTPARSE_ERR_EDIT_VERIFY));
        CHECK(e.status() != POSTPARSE_ERR_INTERNAL);
        if ((op == 0 || op == 1) && e.status() == POSTPARSE_ERR_EDIT_VERIFY) FAIL_CHECK(file << " op " << op << " at " << path);
      }
    }
    postparse::Document reread = postparse::Document::parse(edit->render());
    CHECK(reread.body() == doc.body());
  }
  std::printf("random corpus edits: %zu operations, %zu written;", ops, written);
  for (auto [status, count] : refused) std::printf(" %s %zu", postparse_status_str(status), count);
  std::printf("\n");
}
