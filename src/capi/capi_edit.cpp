// postparse_edit_*: writing the front matter back (src/edit/).
#include <cmath>
#include <vector>

#include "capi/handles.h"
#include "edit/edit.h"

struct postparse_edit {
  std::unique_ptr<postparse::impl::edit::Edit> edit;
};

using postparse::capi::guarded;
namespace impl = postparse::impl;
namespace edit = postparse::impl::edit;

namespace {

// The size of postparse_scalar as first published.
constexpr std::size_t kScalarSize = sizeof(postparse_scalar);

bool path_ok(const char *path, size_t len) {
  return path || len == 0;
}

std::string_view path_view(const char *path, size_t len) {
  return std::string_view(path ? path : "", len);
}

// Reads the caller's scalar; false for a NULL or too small struct, a kind
// that is no scalar kind, or text NULL with a length.
bool read_scalar(const postparse_scalar *in, edit::ScalarInput &out) {
  if (!in || in->size < kScalarSize) return false;
  int kind = postparse::capi::enum_value(in->kind);
  if (kind < POSTPARSE_KIND_NULL || kind > POSTPARSE_KIND_TIMESTAMP) return false;
  if (!in->text.data && in->text.len > 0) return false;
  out.kind = static_cast<impl::Kind>(kind);
  out.boolean = in->boolean;
  out.integer = in->integer;
  out.number = in->number;
  out.text.assign(in->text.data ? in->text.data : "", in->text.len);
  out.time.unix_seconds = in->time.unix_seconds;
  out.time.nanoseconds = in->time.nanoseconds;
  out.time.offset_seconds = in->time.offset_seconds;
  out.time.explicit_offset = in->time.explicit_offset;
  out.time.has_time = in->time.has_time;
  return true;
}

}  // namespace

extern "C" {

postparse_status postparse_edit_new(const postparse_doc *doc, postparse_edit **out) noexcept {
  if (!doc || !out) return POSTPARSE_ERR_INVALID_ARGUMENT;
  *out = nullptr;
  return guarded([&] {
    auto handle = std::make_unique<postparse_edit>();
    if (int status = edit::Edit::make(doc->doc->text(), doc->doc->options, handle->edit)) return status;
    *out = handle.release();
    return POSTPARSE_OK;
  });
}

void postparse_edit_free(postparse_edit *edit) noexcept {
  delete edit;
}

postparse_format postparse_edit_format(const postparse_edit *edit) noexcept {
  return edit ? static_cast<postparse_format>(edit->edit->format()) : POSTPARSE_FORMAT_NONE;
}

postparse_status postparse_edit_set(postparse_edit *edit, const char *path, size_t path_len,
                                    const postparse_scalar *value) noexcept {
  edit::ScalarInput scalar;
  if (!edit || !path_ok(path, path_len) || !read_scalar(value, scalar)) return POSTPARSE_ERR_INVALID_ARGUMENT;
  return guarded([&] { return edit->edit->set(path_view(path, path_len), scalar); });
}

postparse_status postparse_edit_set_list(postparse_edit *edit, const char *path, size_t path_len,
                                         const postparse_scalar *items, size_t count) noexcept {
  if (!edit || !path_ok(path, path_len) || (!items && count > 0)) return POSTPARSE_ERR_INVALID_ARGUMENT;
  return guarded([&] {
    std::vector<edit::ScalarInput> list(count);
    // The caller's array steps by the size its structs were built with.
    std::size_t stride = count > 0 ? items->size : 0;
    for (std::size_t i = 0; i < count; ++i) {
      auto item =
          reinterpret_cast<const postparse_scalar *>(reinterpret_cast<const char *>(items) + i * stride);
      if (!read_scalar(item, list[i])) return POSTPARSE_ERR_INVALID_ARGUMENT;
    }
    return edit->edit->set_list(path_view(path, path_len), list);
  });
}

postparse_status postparse_edit_set_json(postparse_edit *edit, const char *path, size_t path_len,
                                         const char *json, size_t json_len) noexcept {
  if (!edit || !path_ok(path, path_len) || !path_ok(json, json_len)) return POSTPARSE_ERR_INVALID_ARGUMENT;
  return guarded([&] { return edit->edit->set_json(path_view(path, path_len), path_view(json, json_len)); });
}

postparse_status postparse_edit_append(postparse_edit *edit, const char *path, size_t path_len,
                                       const postparse_scalar *value) noexcept {
  edit::ScalarInput scalar;
  if (!edit || !path_ok(path, path_len) || !read_scalar(value, scalar)) return POSTPARSE_ERR_INVALID_ARGUMENT;
  return guarded([&] { return edit->edit->append(path_view(path, path_len), scalar); });
}

postparse_status postparse_edit_delete(postparse_edit *edit, const char *path, size_t path_len) noexcept {
  if (!edit || !path_ok(path, path_len)) return POSTPARSE_ERR_INVALID_ARGUMENT;
  return guarded([&] { return edit->edit->remove(path_view(path, path_len)); });
}

postparse_status postparse_edit_rename(postparse_edit *edit, const char *path, size_t path_len,
                                       const char *new_key, size_t new_key_len) noexcept {
  if (!edit || !path_ok(path, path_len) || !path_ok(new_key, new_key_len))
    return POSTPARSE_ERR_INVALID_ARGUMENT;
  return guarded(
      [&] { return edit->edit->rename(path_view(path, path_len), path_view(new_key, new_key_len)); });
}

postparse_status postparse_edit_insert(postparse_edit *edit, const char *path, size_t path_len,
                                       postparse_place place, const char *key, size_t key_len,
                                       const postparse_scalar *value) noexcept {
  edit::ScalarInput scalar;
  int where = postparse::capi::enum_value(place);
  if (!edit || !path_ok(path, path_len) || !path_ok(key, key_len) || !read_scalar(value, scalar) ||
      (where != POSTPARSE_PLACE_BEFORE && where != POSTPARSE_PLACE_AFTER))
    return POSTPARSE_ERR_INVALID_ARGUMENT;
  return guarded([&] {
    return edit->edit->insert(path_view(path, path_len),
                              where == POSTPARSE_PLACE_BEFORE ? edit::Where::before : edit::Where::after,
                              path_view(key, key_len), scalar);
  });
}

postparse_status postparse_edit_render(const postparse_edit *edit, char **out, size_t *len) noexcept {
  if (!edit || !out) return POSTPARSE_ERR_INVALID_ARGUMENT;
  *out = nullptr;
  return guarded([&] {
    std::string text;
    if (int status = edit->edit->render(text)) return status;
    return postparse::capi::give(text, out, len);
  });
}

postparse_status postparse_edit_convert(const postparse_edit *edit, postparse_format to, char **out,
                                        size_t *len) noexcept {
  int format = postparse::capi::enum_value(to);
  if (!edit || !out || format < POSTPARSE_FORMAT_YAML || format > POSTPARSE_FORMAT_TOML)
    return POSTPARSE_ERR_INVALID_ARGUMENT;
  *out = nullptr;
  return guarded([&] {
    std::string text;
    if (int status = edit->edit->convert(static_cast<impl::Format>(format), text)) return status;
    return postparse::capi::give(text, out, len);
  });
}

}  // extern "C"
