// postparse/cpp/edit.hpp — writing the front matter back (postparse_edit_*).
// Included by postparse/postparse.hpp.
#ifndef POSTPARSE_CPP_EDIT_HPP
#define POSTPARSE_CPP_EDIT_HPP

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "postparse/cpp/core.hpp"
#include "postparse/cpp/document.hpp"

namespace postparse {

// A scalar to write (postparse_scalar, owning its text).  Made by the
// named constructors; a string converts implicitly.
// Threads: a value type; copies are independent.
class Scalar {
 public:
  Scalar(std::string text) : Scalar(POSTPARSE_KIND_STRING, std::move(text)) {}  // NOLINT: implicit on purpose
  Scalar(std::string_view text) : Scalar(std::string(text)) {}                  // NOLINT
  Scalar(const char *text) : Scalar(std::string(text)) {}                       // NOLINT

  static Scalar null() { return Scalar(POSTPARSE_KIND_NULL, {}); }
  static Scalar boolean(bool value) {
    Scalar s(POSTPARSE_KIND_BOOL, {});
    s.raw_.boolean = value;
    return s;
  }
  static Scalar integer(std::int64_t value) {
    Scalar s(POSTPARSE_KIND_INT, {});
    s.raw_.integer = value;
    return s;
  }
  static Scalar number(double value) {
    Scalar s(POSTPARSE_KIND_FLOAT, {});
    s.raw_.number = value;
    return s;
  }
  static Scalar string(std::string text) { return Scalar(POSTPARSE_KIND_STRING, std::move(text)); }
  // A date written exactly as `text` (which must read as a date).
  static Scalar date(std::string text) { return Scalar(POSTPARSE_KIND_TIMESTAMP, std::move(text)); }
  // A date written in the spelling of the value it replaces (see
  // postparse_scalar).
  static Scalar date(const Time &time) {
    Scalar s(POSTPARSE_KIND_TIMESTAMP, {});
    s.raw_.time = time;
    return s;
  }

  postparse_kind kind() const noexcept { return raw_.kind; }
  // The C struct, its text a view of this object's string (valid while this
  // object lives and is not changed).
  postparse_scalar get() const noexcept {
    postparse_scalar out = raw_;
    out.text = postparse_str{text_.c_str(), text_.size()};
    return out;
  }

 private:
  Scalar(postparse_kind kind, std::string text) : text_(std::move(text)) { raw_.kind = kind; }
  postparse_scalar raw_ = POSTPARSE_INIT(postparse_scalar);
  std::string text_;
};

// An edit of a post's front matter that changes only the bytes it must
// (see "Edits" in postparse.h).
// Ownership: owns its postparse_edit (released by postparse_edit_free);
// move-only.  It keeps its own copy of the post: the Document it was made
// from may be destroyed at once.
// Threads: one thread at a time (operations modify it); distinct Edits may
// be used from different threads.
// Errors: every failing call throws Error with the C status (naming the
// path): POSTPARSE_ERR_NOT_EDITABLE from the constructor, BAD_PATH,
// NOT_FOUND, WRONG_KIND, KEY_EXISTS, EDIT_UNSUPPORTED, NOT_REPRESENTABLE,
// EDIT_VERIFY from the operations; a failed operation leaves the edit as it
// was.
class Edit {
 public:
  explicit Edit(const Document &doc) {
    postparse_edit *raw = nullptr;
    check(postparse_edit_new(doc.get(), &raw));
    raw_.reset(raw);
  }

  // The format the edit writes (NONE until a post without front matter
  // gets a key).
  postparse_format format() const noexcept { return postparse_edit_format(raw_.get()); }

  // Sets the value at `path` (a JSON pointer) to a scalar, adding the key
  // at the end of its mapping when it is not there.
  Edit &set(std::string_view path, const Scalar &value) {
    postparse_scalar v = value.get();
    check(postparse_edit_set(raw_.get(), path.data(), path.size(), &v), path);
    return *this;
  }
  // Sets the value at `path` to a list of scalars.
  Edit &set_list(std::string_view path, const std::vector<Scalar> &items) {
    std::vector<postparse_scalar> raw;
    raw.reserve(items.size());
    for (const Scalar &item : items) raw.push_back(item.get());
    check(postparse_edit_set_list(raw_.get(), path.data(), path.size(), raw.data(), raw.size()), path);
    return *this;
  }
  // Sets the value at `path` to any value given as JSON text (a scalar, an
  // array, an object); POSTPARSE_ERR_SYNTAX when it is not one JSON value.
  Edit &set_json(std::string_view path, std::string_view json) {
    check(postparse_edit_set_json(raw_.get(), path.data(), path.size(), json.data(), json.size()), path);
    return *this;
  }
  // Appends a scalar to the list at `path` (a missing or null value
  // becomes a one-item list).
  Edit &append(std::string_view path, const Scalar &value) {
    postparse_scalar v = value.get();
    check(postparse_edit_append(raw_.get(), path.data(), path.size(), &v), path);
    return *this;
  }
  // Deletes the key or list item at `path`.
  Edit &remove(std::string_view path) {
    check(postparse_edit_delete(raw_.get(), path.data(), path.size()), path);
    return *this;
  }
  // Renames the key at `path`, keeping its value and place.
  Edit &rename(std::string_view path, std::string_view new_key) {
    check(postparse_edit_rename(raw_.get(), path.data(), path.size(), new_key.data(), new_key.size()), path);
    return *this;
  }
  // Adds `key: value` right before or after the key at `path`.
  Edit &insert_before(std::string_view path, std::string_view key, const Scalar &value) {
    return insert(path, POSTPARSE_PLACE_BEFORE, key, value);
  }
  Edit &insert_after(std::string_view path, std::string_view key, const Scalar &value) {
    return insert(path, POSTPARSE_PLACE_AFTER, key, value);
  }

  // The whole new post, verified (the body untouched).
  std::string render() const {
    char *buf = nullptr;
    std::size_t len = 0;
    check(postparse_edit_render(raw_.get(), &buf, &len));
    return detail::take(buf, len);
  }
  // The whole new post with its front matter written in `to`, verified.
  std::string convert(postparse_format to) const {
    char *buf = nullptr;
    std::size_t len = 0;
    check(postparse_edit_convert(raw_.get(), to, &buf, &len));
    return detail::take(buf, len);
  }

  const postparse_edit *get() const noexcept { return raw_.get(); }

 private:
  struct Free {
    void operator()(postparse_edit *edit) const noexcept { postparse_edit_free(edit); }
  };
  Edit &insert(std::string_view path, postparse_place place, std::string_view key, const Scalar &value) {
    postparse_scalar v = value.get();
    check(postparse_edit_insert(raw_.get(), path.data(), path.size(), place, key.data(), key.size(), &v),
          path);
    return *this;
  }
  std::unique_ptr<postparse_edit, Free> raw_;
};

}  // namespace postparse

#endif  // POSTPARSE_CPP_EDIT_HPP
