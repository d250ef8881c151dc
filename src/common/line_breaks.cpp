#include "common/line_breaks.h"

namespace postparse::impl {

std::string normalise_line_breaks(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i)
    if (out[i] == '\r' && (i + 1 >= out.size() || out[i + 1] != '\n')) out[i] = '\n';
  return out;
}

}  // namespace postparse::impl
