// An edit of one post's front matter: operations by JSON pointer, each
// turned into one splice of the text and checked at once by parsing the
// new text again and comparing it with the intended data.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/options.h"
#include "edit/data.h"
#include "edit/parsed_post.h"
#include "edit/path.h"
#include "edit/splicer.h"
#include "front_matter/dates.h"

namespace postparse::impl::edit {

// A scalar as the caller gives it (postparse_scalar without the C types).
struct ScalarInput {
  Kind kind = Kind::null;
  bool boolean = false;
  std::int64_t integer = 0;
  double number = 0.0;
  std::string text;
  dates::Instant time;
};

enum class Where { before, after };

// Every operation returns POSTPARSE_OK or a status (see "Edits" in
// postparse.h) and leaves the edit as it was when it fails.
// Not thread-safe: one thread at a time.
class Edit {
 public:
  // An edit of `text` parsed with `options`; POSTPARSE_ERR_NOT_EDITABLE when
  // its front matter does not parse cleanly.
  static int make(std::string_view text, const Options &options, std::unique_ptr<Edit> &out);

  int set(std::string_view path, const ScalarInput &value);
  int set_list(std::string_view path, const std::vector<ScalarInput> &items);
  // Sets the value at `path` to any value given as JSON text.
  int set_json(std::string_view path, std::string_view json);
  int append(std::string_view path, const ScalarInput &value);
  int remove(std::string_view path);
  int rename(std::string_view path, std::string_view new_key);
  int insert(std::string_view path, Where where, std::string_view key, const ScalarInput &value);

  // The new post, verified.
  int render(std::string &out) const;
  // The new post with its front matter written afresh in `to`, verified.
  int convert(Format to, std::string &out) const;
  Format format() const { return current_->split.format; }

 private:
  Edit() = default;
  // What an operation does: the splice and the data it intends.
  struct Change {
    Splice splice;
    Data intended;
  };
  int find_existing_key(std::string_view path, std::vector<std::string> &tokens, Place &place) const;
  int resolve(const ScalarInput &input, const Value *old, Data &out) const;
  int resolve_value(const ScalarInput *scalar, const std::vector<ScalarInput> *list, const Value *old,
                    NewValue &out) const;
  // Makes the value to write, knowing the value it replaces (or nullptr).
  using ValueMaker = std::function<int(const Value *old, NewValue &out)>;
  int set_value(std::string_view path, const ValueMaker &make);
  int ensure_front_matter(std::unique_ptr<ParsedPost> &added) const;
  int commit(const Change &change, std::unique_ptr<ParsedPost> base);
  int verify(std::string text, const Data &intended, std::unique_ptr<ParsedPost> *parsed) const;

  Options options_;
  std::string body_;  // the original body, byte for byte
  std::unique_ptr<ParsedPost> current_;
  Data intended_;
};

}  // namespace postparse::impl::edit
