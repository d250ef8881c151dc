// Version, status names and memory release.
#include <cstdlib>
#include <cstring>

#include "capi/handles.h"
#include "common/status.h"

namespace postparse::capi {

postparse_status give(const std::string &text, char **out, size_t *len) {
  // malloc, so that postparse_free (free) releases it whatever allocator the
  // caller's C++ runtime uses.
  char *buffer = static_cast<char *>(std::malloc(text.size() + 1));
  if (!buffer) return POSTPARSE_ERR_NO_MEMORY;
  std::memcpy(buffer, text.data(), text.size());
  buffer[text.size()] = '\0';
  *out = buffer;
  if (len) *len = text.size();
  return POSTPARSE_OK;
}

}  // namespace postparse::capi

extern "C" {

const char *postparse_version(void) noexcept { return POSTPARSE_VERSION_STRING; }

unsigned postparse_version_number(void) noexcept { return POSTPARSE_VERSION_NUMBER; }

const char *postparse_status_str(postparse_status status) noexcept { return postparse::impl::status_name(status); }

void postparse_free(void *ptr) noexcept { std::free(ptr); }

}  // extern "C"
