// Version, status names and memory release.
#include <cstdlib>

#include "capi/handles.h"
#include "common/status.h"

namespace postparse::capi {

postparse_span span_of(const impl::Document &doc, std::size_t begin, std::size_t end) {
  impl::LineColumn where = doc.lines->locate(begin);
  return postparse_span{begin, end - begin, where.line, where.column};
}

}  // namespace postparse::capi

extern "C" {

const char *postparse_version(void) noexcept { return POSTPARSE_VERSION_STRING; }

unsigned postparse_version_number(void) noexcept { return POSTPARSE_VERSION_NUMBER; }

const char *postparse_status_str(int status) noexcept { return postparse::impl::status_name(status); }

void postparse_free(void *ptr) noexcept { std::free(ptr); }

}  // extern "C"
