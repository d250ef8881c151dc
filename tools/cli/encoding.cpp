#include "encoding.h"

#include <iconv.h>

#include <cerrno>
#include <cstring>

namespace postparse_cli {
namespace {

struct Converter {
  iconv_t cd;
  explicit Converter(const std::string &from) : cd(iconv_open("UTF-8", from.c_str())) {}
  ~Converter() {
    if (ok()) iconv_close(cd);
  }
  bool ok() const { return cd != reinterpret_cast<iconv_t>(-1); }
};

}  // namespace

bool encoding_known(const std::string &name) { return Converter(name).ok(); }

bool decode_to_utf8(const std::string &name, std::string &bytes, std::string &problem) {
  Converter converter(name);
  if (!converter.ok()) {
    problem = "unknown encoding " + name;
    return false;
  }
  std::string out(bytes.size() * 2 + 16, '\0');
  char *in = bytes.data();
  std::size_t in_left = bytes.size();
  std::size_t written = 0;
  while (in_left > 0) {
    char *dst = out.data() + written;
    std::size_t out_left = out.size() - written;
    std::size_t rc = iconv(converter.cd, &in, &in_left, &dst, &out_left);
    written = out.size() - out_left;
    if (rc != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    problem = errno == EINVAL ? "a truncated " + name + " sequence at the end of the file"
                              : "not valid " + name + " at byte " + std::to_string(bytes.size() - in_left);
    return false;
  }
  // Stateful converters (CP1258, CP1255, TCVN) hold back a last base
  // character in case a combining mark follows: flush it.
  for (;;) {
    char *dst = out.data() + written;
    std::size_t out_left = out.size() - written;
    std::size_t rc = iconv(converter.cd, nullptr, nullptr, &dst, &out_left);
    written = out.size() - out_left;
    if (rc != static_cast<std::size_t>(-1)) break;
    if (errno != E2BIG) break;
    out.resize(out.size() * 2);
  }
  out.resize(written);
  bytes.swap(out);
  return true;
}

}  // namespace postparse_cli
