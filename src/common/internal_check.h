// Internal invariants that no input may break.  In checked builds (the fuzz
// and sanitizer builds: POSTPARSE_CHECKED) a broken one traps at once, so
// that the fuzzers report the bug where it happens, even when its effect
// (e.g. a node freed while still in use, inside an allocator page that the
// sanitizer never sees freed) would go unnoticed.  In release builds it
// costs nothing.
#pragma once

#ifdef POSTPARSE_CHECKED
#define POSTPARSE_INTERNAL_CHECK(cond) \
  do {                                 \
    if (!(cond)) __builtin_trap();     \
  } while (0)
#else
#define POSTPARSE_INTERNAL_CHECK(cond) \
  do {                                 \
  } while (0)
#endif
