#!/bin/bash -eu
# OSS-Fuzz build script (projects/postparse/build.sh): builds the
# dependencies from source as static, instrumented libraries into
# $WORK/deps, then lets the project's own fuzz/ossfuzz.sh build the harnesses,
# seed corpora and dictionaries into $OUT.
DEPS=$WORK/deps
mkdir -p "$DEPS"

cmake_dep() {
  local dir=$1
  shift
  cmake -S "$SRC/$dir" -B "$WORK/build-$dir" -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF \
    -DCMAKE_INSTALL_PREFIX="$DEPS" -DCMAKE_PREFIX_PATH="$DEPS" -DCMAKE_POSITION_INDEPENDENT_CODE=ON \
    -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX" \
    -DCMAKE_C_FLAGS="$CFLAGS" -DCMAKE_CXX_FLAGS="$CXXFLAGS" "$@"
  cmake --build "$WORK/build-$dir" -j "$(nproc)"
  cmake --install "$WORK/build-$dir"
}

cmake_dep yaml-cpp -DYAML_CPP_BUILD_TESTS=OFF -DYAML_CPP_BUILD_TOOLS=OFF
cmake_dep pugixml
# re2's Makefile installs its pkg-config file (re2.pc) with the static library.
make -C "$SRC/re2" -j "$(nproc)" prefix="$DEPS" CXX="$CXX" CXXFLAGS="$CXXFLAGS -O2" static-install
cmake_dep utf8proc -DUTF8PROC_ENABLE_TESTING=OFF
cmake_dep md4c -DBUILD_MD2HTML_EXECUTABLE=OFF
cmake_dep tomlplusplus
cmake_dep date -DBUILD_TZ_LIB=ON -DUSE_SYSTEM_TZ_DB=ON
cmake_dep json -DJSON_BuildTests=OFF

# utf8proc, re2 and md4c are found through pkg-config.
export PKG_CONFIG_PATH="$DEPS/lib/pkgconfig:$DEPS/lib64/pkgconfig:$DEPS/share/pkgconfig"
DEPS_PREFIX="$DEPS" "$SRC/postparse/fuzz/ossfuzz.sh"
