// Edit harness: a fuzzed post, then a random sequence of front matter edits
// (set, set a list, append, delete, rename, insert) at the post's own paths
// and at made-up ones, each rendered and read back, and the post converted
// to every format.  The guarantee checked from outside: a call either fails
// with a documented status and changes nothing, or its render is a post
// whose front matter parses with no error the text before it did not have,
// holds what was set, and whose body is the old body byte for byte.
// EDIT_VERIFY, the library catching its own wrong render, counts as a
// finding: the render must have been right.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "common.h"

namespace {

// Statuses an edit may give on any input.
bool expected_failure(int rc) {
  switch (rc) {
    case POSTPARSE_ERR_NOT_FOUND: case POSTPARSE_ERR_WRONG_KIND: case POSTPARSE_ERR_BAD_PATH:
    case POSTPARSE_ERR_KEY_EXISTS: case POSTPARSE_ERR_NOT_REPRESENTABLE: case POSTPARSE_ERR_EDIT_UNSUPPORTED:
    case POSTPARSE_ERR_INVALID_DATE: case POSTPARSE_ERR_INPUT_TOO_LARGE: case POSTPARSE_ERR_FRONT_MATTER_TOO_LARGE:
    case POSTPARSE_ERR_DEPTH_LIMIT: case POSTPARSE_ERR_KEY_LIMIT: case POSTPARSE_ERR_INVALID_ARGUMENT:
    case POSTPARSE_ERR_SYNTAX:  // set_json's text is not JSON
      return true;
    default:
      return false;
  }
}

// The paths a post already has: its top-level keys and their list items
// (the edits people make), as JSON pointers.
std::vector<std::string> own_paths(const postparse_doc *doc) {
  std::vector<std::string> paths;
  const postparse_value *root = postparse_doc_front_matter(doc);
  if (!root || postparse_value_kind(root) != POSTPARSE_KIND_MAPPING) return paths;
  for (size_t i = 0; i < postparse_value_count(root) && i < 32; ++i) {
    postparse_str key = postparse_value_text(postparse_value_key_at(root, i));
    std::string pointer = "/";
    for (size_t k = 0; k < key.len; ++k) {
      if (key.data[k] == '~') pointer += "~0";
      else if (key.data[k] == '/') pointer += "~1";
      else pointer += key.data[k];
    }
    paths.push_back(pointer);
    const postparse_value *value = postparse_value_at(root, i);
    if (value && postparse_value_kind(value) == POSTPARSE_KIND_SEQUENCE && postparse_value_count(value) > 0)
      paths.push_back(pointer + "/" + std::to_string(postparse_value_count(value) - 1));
  }
  return paths;
}

const char *const kMadeUpPaths[] = {"", "/", "/title", "/tags", "/tags/0", "/tags/-", "/date", "/new", "/a~1b",
                                    "/x/y", "/categories/1", "title", "/~2", "/tags/99", "/0"};
// None of these reads as an invalid date under a date key (a string such as
// "2021-02-30" would: an error the caller asked for, which check_render
// would take for one the edit made).
const char *const kTexts[] = {"", "plain", "New title", "a: b", "- x", "# not a comment", "'quoted'", "\"dq\"",
                              "multi\nline", "yes", "null", "1e3", "2021-07-31 12:27:53", "   padded  ",
                              "tab\there", "{flow}", "[list]", "中文标题", "emoji \xF0\x9F\x98\x80", "---", "+++",
                              ";;;", "key = 'v'", "trailing\\"};
const char *const kKeys[] = {"title", "tags", "k", "new key", "a/b", "~", "", "日期", "x:y", "-"};

postparse_scalar scalar(FuzzedDataProvider &in, std::string &storage) {
  postparse_scalar value = POSTPARSE_INIT(postparse_scalar);
  switch (in.ConsumeIntegralInRange<int>(0, 5)) {
    case 0: value.kind = POSTPARSE_KIND_NULL; break;
    case 1: value.kind = POSTPARSE_KIND_BOOL, value.boolean = in.ConsumeBool(); break;
    case 2: value.kind = POSTPARSE_KIND_INT, value.integer = in.ConsumeIntegral<int64_t>(); break;
    case 3: value.kind = POSTPARSE_KIND_FLOAT, value.number = in.ConsumeFloatingPoint<double>(); break;
    case 4:
      value.kind = POSTPARSE_KIND_TIMESTAMP;
      storage = in.PickValueInArray({"2021-07-31", "2021-07-31 12:27:53", "2021-07-31T12:27:53Z", "1999-12-31T23:59:59+08:00",
                                     "not a date", "2021-02-30"});
      value.text = {storage.data(), storage.size()};
      break;
    default:
      value.kind = POSTPARSE_KIND_STRING;
      storage = in.PickValueInArray(kTexts);
      value.text = {storage.data(), storage.size()};
  }
  return value;
}

using Errors = std::vector<std::pair<int, std::string>>;

// The error diagnostics of a post outside its body, by status and message
// (not position: edits move text), sorted.
Errors front_matter_errors(const postparse_doc *doc) {
  Errors errors;
  for (size_t i = 0; i < postparse_doc_diagnostic_count(doc); ++i) {
    postparse_diagnostic d = POSTPARSE_INIT(postparse_diagnostic);
    FUZZ_CHECK(postparse_doc_diagnostic_at(doc, i, &d) == POSTPARSE_OK);
    if (d.severity == POSTPARSE_SEVERITY_ERROR && d.part != POSTPARSE_PART_BODY)
      errors.emplace_back(d.code, std::string(d.message.data, d.message.len));
  }
  std::sort(errors.begin(), errors.end());
  return errors;
}

Errors front_matter_errors(const std::string &text, const postparse_options *options) {
  postparse_doc *doc = fuzz::parse(text.data(), text.size(), options);
  FUZZ_CHECK(doc != nullptr);
  Errors errors = front_matter_errors(doc);
  postparse_doc_free(doc);
  return errors;
}

// A render read back: its front matter has no error that the text before
// the call (`before`) did not have, and its body is the original body.  An
// editable post may have errors on single values that leave the tree whole
// (an invalid date such as 2021-02-30, a tag that does not fit); an edit
// carries them over as written (postparse_edit_new documents it), but makes
// none and never one of another kind.
void check_render(const std::string &text, const Errors &before, const std::string &body,
                  const postparse_options *options) {
  postparse_doc *again = fuzz::parse(text.data(), text.size(), options);
  FUZZ_CHECK(again != nullptr);
  const Errors errors = front_matter_errors(again);
  FUZZ_CHECK(std::includes(before.begin(), before.end(), errors.begin(), errors.end()));
  postparse_str got = postparse_doc_body(again);
  FUZZ_CHECK(std::string(got.data, got.len) == body);
  postparse_doc_free(again);
}

std::string take(char *out, size_t len) {
  std::string text(out, len);
  postparse_free(out);
  return text;
}

int apply_one(postparse_edit *edit, FuzzedDataProvider &in, const std::vector<std::string> &paths) {
  std::string path = !paths.empty() && in.ConsumeBool() ? paths[in.ConsumeIntegralInRange<size_t>(0, paths.size() - 1)]
                                                        : std::string(in.PickValueInArray(kMadeUpPaths));
  std::string storage, storage2;
  switch (in.ConsumeIntegralInRange<int>(0, 6)) {
    case 0: {
      postparse_scalar value = scalar(in, storage);
      return postparse_edit_set(edit, path.data(), path.size(), &value);
    }
    case 1: {
      postparse_scalar items[2] = {scalar(in, storage), scalar(in, storage2)};
      return postparse_edit_set_list(edit, path.data(), path.size(), items, in.ConsumeIntegralInRange<size_t>(0, 2));
    }
    case 2: {
      postparse_scalar value = scalar(in, storage);
      return postparse_edit_append(edit, path.data(), path.size(), &value);
    }
    case 3: return postparse_edit_delete(edit, path.data(), path.size());
    case 4: {
      std::string key = in.PickValueInArray(kKeys);
      return postparse_edit_rename(edit, path.data(), path.size(), key.data(), key.size());
    }
    case 5: {
      std::string key = in.PickValueInArray(kKeys);
      postparse_scalar value = scalar(in, storage);
      postparse_place place = in.ConsumeBool() ? POSTPARSE_PLACE_BEFORE : POSTPARSE_PLACE_AFTER;
      return postparse_edit_insert(edit, path.data(), path.size(), place, key.data(), key.size(), &value);
    }
    default: {
      std::string json = in.PickValueInArray({"{}", "[]", "{\"a\":[1,2,{\"b\":null}]}", "\"s\"", "[\"x\",\"y\"]",
                                              "{\"k\":\"multi\\nline\"}", "1.5", "not json"});
      return postparse_edit_set_json(edit, path.data(), path.size(), json.data(), json.size());
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > fuzz::kMaxInput) return 0;
  FuzzedDataProvider in(data, size);
  // The edits' choices come from the input's end (FuzzedDataProvider takes
  // integers from there), so a seed post keeps its own front.
  const int ops = in.ConsumeIntegralInRange<int>(0, 6);
  std::vector<uint8_t> tail = in.ConsumeBytes<uint8_t>(in.ConsumeIntegralInRange<size_t>(0, 64));
  std::string post = in.ConsumeRemainingBytesAsString();
  postparse_options *options = nullptr;
  FUZZ_CHECK(postparse_options_new(&options) == POSTPARSE_OK);
  postparse_doc *doc = fuzz::parse(post.data(), post.size(), options);
  if (!doc) return postparse_options_free(options), 0;
  postparse_str body_view = postparse_doc_body(doc), source_view = postparse_doc_source(doc);
  const std::string body(body_view.data, body_view.len), source(source_view.data, source_view.len);
  const std::vector<std::string> paths = own_paths(doc);
  postparse_edit *edit = nullptr;
  int rc = postparse_edit_new(doc, &edit);
  postparse_doc_free(doc);  // the edit keeps its own copy
  if (rc != POSTPARSE_OK) {
    FUZZ_CHECK(edit == nullptr && (rc == POSTPARSE_ERR_NOT_EDITABLE || expected_failure(rc)));
    return postparse_options_free(options), 0;
  }
  FuzzedDataProvider choices(tail.data(), tail.size());
  char *out = nullptr;
  size_t len = 0;
  FUZZ_CHECK(postparse_edit_render(edit, &out, &len) == POSTPARSE_OK);
  FUZZ_CHECK(take(out, len) == source);  // no edit: the post (as UTF-8) byte for byte
  for (int op = 0; op < ops; ++op) {
    FUZZ_CHECK(postparse_edit_render(edit, &out, &len) == POSTPARSE_OK);
    const std::string before = take(out, len);
    rc = apply_one(edit, choices, paths);
    FUZZ_CHECK(rc != POSTPARSE_ERR_INTERNAL && rc != POSTPARSE_ERR_EDIT_VERIFY);
    FUZZ_CHECK(rc == POSTPARSE_OK || expected_failure(rc));
    FUZZ_CHECK(postparse_edit_render(edit, &out, &len) == POSTPARSE_OK);
    const std::string after = take(out, len);
    if (rc != POSTPARSE_OK) FUZZ_CHECK(after == before);  // a failed call changes nothing
    else check_render(after, front_matter_errors(before, options), body, options);
  }
  FUZZ_CHECK(postparse_edit_render(edit, &out, &len) == POSTPARSE_OK);
  const Errors edited_errors = front_matter_errors(take(out, len), options);
  for (postparse_format to : {POSTPARSE_FORMAT_YAML, POSTPARSE_FORMAT_TOML, POSTPARSE_FORMAT_JSON}) {
    rc = postparse_edit_convert(edit, to, &out, &len);
    FUZZ_CHECK(rc != POSTPARSE_ERR_INTERNAL && rc != POSTPARSE_ERR_EDIT_VERIFY);
    if (rc != POSTPARSE_OK) {
      FUZZ_CHECK(expected_failure(rc) && out == nullptr);
      continue;
    }
    check_render(take(out, len), edited_errors, body, options);
  }
  postparse_edit_free(edit);
  postparse_options_free(options);
  return 0;
}
