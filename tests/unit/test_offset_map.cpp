// OffsetMap::Cursor gives what OffsetMap::to_source gives, for lookups in
// any order (forward runs, jumps back, before the first segment, past the
// last), on the map of a real rendered Markdown body.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "helpers.h"
#include "markdown/markdown_html.h"

using postparse::impl::markdown::markdown_to_html;
using postparse::impl::markdown::OffsetMap;

TEST_CASE("OffsetMap::Cursor agrees with to_source in any lookup order", "[markdown]") {
  const std::string post = test::read_file(test::data("corpus/joeduffy/2004-07-21-a-plethora-of-programming-languages.md"));
  REQUIRE(post.size() > 1000);
  auto rendered = markdown_to_html(post, 100);
  const std::size_t n = rendered.html.size();
  REQUIRE(n > 1000);
  OffsetMap::Cursor cursor(rendered.map);
  test::Lcg random(99);
  std::size_t at = 0;
  for (int i = 0; i < 20000; ++i) {
    switch (random.next() % 4) {
      case 0: at = random.next() % (n + 20); break;      // anywhere, past the end included
      case 1: at = at >= 3 ? at - 3 : 0; break;          // a little back
      default: at += random.next() % 40; break;          // forward
    }
    INFO("html offset " << at);
    REQUIRE(cursor.to_source(at) == rendered.map.to_source(at));
  }
  OffsetMap empty;
  OffsetMap::Cursor none(empty);
  CHECK(none.to_source(5) == empty.to_source(5));
}
