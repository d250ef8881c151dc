// LineIndex against a one-pass reference at every offset of texts that put
// line breaks (LF, CRLF, lone CR) and multi-byte characters across its
// 64-byte chunk and 4 KiB block boundaries.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "common/line_index.h"
#include "helpers.h"

using postparse::impl::LineColumn;
using postparse::impl::LineIndex;

namespace {

// The documented rule, written the slow and obvious way: a line ends at LF,
// CRLF (at the LF) or a lone CR; a column counts code points (lead bytes)
// from the line start; BOMs at offset 0 are not counted on the first line.
std::vector<LineColumn> reference(const std::string &text, std::size_t bom_bytes) {
  std::vector<LineColumn> out;
  std::size_t line = 1, line_start = 0;
  for (std::size_t offset = 0; offset <= text.size(); ++offset) {
    if (offset > 0) {
      std::size_t i = offset - 1;
      bool is_break = text[i] == '\n' || (text[i] == '\r' && (offset >= text.size() || text[offset] != '\n'));
      if (is_break) {
        ++line;
        line_start = offset;
      }
    }
    std::size_t column = 1;
    for (std::size_t i = line_start; i < offset; ++i)
      column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (line_start == 0) column -= std::min(offset, bom_bytes) / 3;
    out.push_back({line, column});
  }
  return out;
}

// Deterministic text of `size` bytes or a little more from a small alphabet.
std::string make_text(std::size_t size, std::uint32_t seed, bool long_lines) {
  static const char *const pieces[] = {"a", "b c", "\xC3\xA9", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80", "\n", "\r\n", "\r"};
  std::string text;
  test::Lcg random(seed);
  while (text.size() < size) {
    std::size_t pick = random.next() % 8;
    if (long_lines && pick >= 5 && random.next() % 64 != 0) pick = 0;  // breaks are rare
    text += pieces[pick];
  }
  return text;
}

void check_every_offset(const std::string &text, std::size_t bom_bytes) {
  LineIndex index(text);
  std::vector<LineColumn> expected = reference(text, bom_bytes);
  for (std::size_t offset = 0; offset <= text.size(); ++offset) {
    LineColumn got = index.locate(offset);
    INFO("offset " << offset << " of " << text.size());
    REQUIRE(got.line == expected[offset].line);
    REQUIRE(got.column == expected[offset].column);
  }
  LineColumn past_end = index.locate(text.size() + 10);  // clamped to the end
  CHECK(past_end.line == expected.back().line);
  CHECK(past_end.column == expected.back().column);
}

}  // namespace

TEST_CASE("LineIndex agrees with the reference at every offset", "[line_index]") {
  for (std::uint32_t seed = 1; seed <= 6; ++seed) {
    check_every_offset(make_text(9000 + seed * 37, seed, false), 0);
    check_every_offset(make_text(9000 + seed * 37, seed, true), 0);
  }
}

TEST_CASE("LineIndex: breaks exactly at chunk and block edges", "[line_index]") {
  for (std::size_t edge : {63u, 64u, 65u, 4095u, 4096u, 4097u, 8191u, 8192u}) {
    for (const char *brk : {"\n", "\r", "\r\n"}) {
      std::string text(edge, 'x');
      text += brk;
      text += std::string(5000, 'y');
      text += brk;
      check_every_offset(text, 0);
    }
    std::string cr_lf_split(edge - 1, 'x');  // CR as a chunk's last byte, LF the next one's first
    cr_lf_split += "\r\nz";
    check_every_offset(cr_lf_split, 0);
  }
}

TEST_CASE("LineIndex: a run of BOMs at offset 0 is not counted", "[line_index]") {
  std::string text = "\xEF\xBB\xBF\xEF\xBB\xBF" + make_text(5000, 7, true);
  check_every_offset(text, 6);
}

TEST_CASE("LineIndex: empty text and one long line", "[line_index]") {
  check_every_offset("", 0);
  check_every_offset(std::string(20000, 'q'), 0);
}
