#!/bin/bash -eu
# Builds every harness the way OSS-Fuzz does, into $OUT:
#   postparse_<harness>_fuzzer, postparse_<harness>_fuzzer_seed_corpus.zip and
#   postparse_<harness>_fuzzer.dict.
# Honours $CC $CXX $CFLAGS $CXXFLAGS $LIB_FUZZING_ENGINE $OUT (OSS-Fuzz sets
# them; defaults make it run on a developer machine with clang-14), and
# links statically: the library as libpostparse.a and each dependency from
# $DEPS_PREFIX/lib/*.a (oss-fuzz/build.sh builds them from source with the
# same flags), falling back to the system's static archive, then to its
# shared library (a warning is printed; OSS-Fuzz never needs it).
# Optional: $POSTPARSE_TEST_DATA_DIR (seed posts, default tests/data), $WORK.

SRC_DIR=$(cd "$(dirname "$0")/.." && pwd)
CC=${CC:-clang-14}
CXX=${CXX:-clang++-14}
CFLAGS=${CFLAGS:--g -O1 -fsanitize=address,undefined,fuzzer-no-link}
CXXFLAGS=${CXXFLAGS:--g -O1 -fsanitize=address,undefined,fuzzer-no-link}
LIB_FUZZING_ENGINE=${LIB_FUZZING_ENGINE:--fsanitize=fuzzer}
OUT=${OUT:-$SRC_DIR/build/ossfuzz/out}
WORK=${WORK:-$SRC_DIR/build/ossfuzz/work}
DEPS_PREFIX=${DEPS_PREFIX:-}
SHARED=${POSTPARSE_TEST_DATA_DIR:-$SRC_DIR/tests/data}
mkdir -p "$OUT" "$WORK"

# The library, with the fuzzing flags (sanitizers + coverage), static.
cmake -S "$SRC_DIR" -B "$WORK/build" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX" \
  -DCMAKE_C_FLAGS="$CFLAGS" -DCMAKE_CXX_FLAGS="$CXXFLAGS" \
  ${DEPS_PREFIX:+-DCMAKE_PREFIX_PATH="$DEPS_PREFIX"} \
  -DPOSTPARSE_BUILD_TESTS=OFF -DPOSTPARSE_BUILD_CLI=OFF -DPOSTPARSE_CHECKED=ON
cmake --build "$WORK/build" --target postparse_static -j "$(nproc)"

# One static archive per dependency when there is one.
link_dep() {
  local name=$1
  for dir in ${DEPS_PREFIX:+"$DEPS_PREFIX/lib" "$DEPS_PREFIX/lib64"} /usr/local/lib /usr/lib/x86_64-linux-gnu /usr/lib; do
    if [ -f "$dir/lib$name.a" ]; then
      echo "$dir/lib$name.a"
      return
    fi
  done
  echo "ossfuzz.sh: no static lib$name.a; linking it dynamically" >&2
  echo "-l$name"
}
deps=()
for dep in yaml-cpp pugixml re2 utf8proc md4c date-tz; do deps+=("$(link_dep "$dep")"); done
# toml++ is header-only from source (DEPS_PREFIX); Debian ships it compiled.
if [ -z "$DEPS_PREFIX" ] || [ ! -f "$DEPS_PREFIX/include/toml++/toml.h" ]; then deps+=(-ltomlplusplus); fi

# The public headers, and the ones the build generates (postparse/version.h,
# postparse/export.h); the harnesses link the static library.
includes=(-I"$SRC_DIR/include" -I"$WORK/build/include" -DPOSTPARSE_STATIC_DEFINE)
[ -n "$DEPS_PREFIX" ] && includes+=(-I"$DEPS_PREFIX/include")

# Seeds and dictionaries.
rm -rf "$WORK/seeds"
python3 "$SRC_DIR/fuzz/make-seed-corpus" "$WORK/seeds" "$SHARED"

# The options harness passes out-of-range enum values from C.
$CC $CFLAGS -std=c99 "${includes[@]}" -c "$SRC_DIR/fuzz/c_calls.c" -o "$WORK/c_calls.o"

grep -v '^#' "$SRC_DIR/fuzz/harnesses.txt" | while read -r name _; do
  [ -n "$name" ] || continue
  fuzzer="postparse_${name}_fuzzer"
  extra=()
  [ "$name" = options ] && extra=("$WORK/c_calls.o")
  $CXX $CXXFLAGS -std=c++17 "${includes[@]}" "$SRC_DIR/fuzz/fuzz_${name}.cpp" "${extra[@]}" -o "$OUT/$fuzzer" \
    $LIB_FUZZING_ENGINE "$WORK/build/lib/libpostparse.a" "${deps[@]}" -pthread
  cp "$WORK/seeds/$name.dict" "$OUT/$fuzzer.dict"
  python3 - "$WORK/seeds/$name" "$OUT/${fuzzer}_seed_corpus.zip" <<'PY'
import os, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
    for name in sorted(os.listdir(src)):
        z.write(os.path.join(src, name), name)
PY
  echo "ossfuzz.sh: $OUT/$fuzzer"
done
