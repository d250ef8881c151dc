#!/usr/bin/env bash
# ABI gate: compares the ABI of a built libpostparse.so with the committed
# baseline (abi/postparse.abi) using libabigail (Debian: abigail-tools).
#
#   abi/check.sh <libpostparse.so> <generated include dir>
#   abi/check.sh --update <libpostparse.so> <generated include dir>
#
# The generated include dir is the build's include/ (it holds
# postparse/version.h and postparse/export.h).  The library must carry debug
# information (a RelWithDebInfo or Debug build).
#
# Passes when the ABI is unchanged or only grew (new functions).  Fails when
# abidiff reports a change to something that existed (exit bit 4: a change
# that needs review, e.g. a struct's layout) or an incompatible change (bit
# 8: a function removed or its signature changed).  How to change the ABI on
# purpose is written in abi/README.md.
set -euo pipefail

update=0
if [ "${1:-}" = "--update" ]; then update=1; shift; fi
if [ $# -ne 2 ]; then
  echo "usage: abi/check.sh [--update] <libpostparse.so> <generated include dir>" >&2
  exit 2
fi
lib=$1
generated=$2
repo=$(cd "$(dirname "$0")/.." && pwd)
baseline="$repo/abi/postparse.abi"
for tool in abidw abidiff; do
  command -v "$tool" >/dev/null || { echo "abi/check.sh: $tool not found (scripts/install-deps installs abigail-tools)" >&2; exit 2; }
done
[ -f "$lib" ] || { echo "abi/check.sh: no library at $lib" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Only what the public headers declare, reachable from exported functions;
# no source locations and no build paths, so the baseline changes only when
# the ABI does.
abidw --exported-interfaces-only --drop-private-types --drop-undefined-syms \
  --headers-dir "$repo/include/postparse" --headers-dir "$generated/postparse" \
  --no-corpus-path --no-comp-dir-path --no-show-locs \
  --out-file "$tmp/raw.abi" "$lib"
sed "s|$repo/||g" "$tmp/raw.abi" > "$tmp/current.abi"

if [ "$update" -eq 1 ]; then
  cp "$tmp/current.abi" "$baseline"
  echo "abi/check.sh: wrote $baseline"
  exit 0
fi
[ -f "$baseline" ] || { echo "abi/check.sh: no baseline at $baseline" >&2; exit 2; }

# The full report (additions included) is printed for the log; the verdict
# comes from a second comparison that leaves additions out.
status=0
abidiff "$baseline" "$tmp/current.abi" > "$tmp/report.txt" || status=$?
if [ $((status & 3)) -ne 0 ]; then
  cat "$tmp/report.txt" >&2
  echo "abi/check.sh: abidiff failed (exit $status)" >&2
  exit 2
fi
status=0
abidiff --no-added-syms "$baseline" "$tmp/current.abi" > /dev/null || status=$?
if [ $((status & 12)) -ne 0 ]; then
  cat "$tmp/report.txt"
  if [ $((status & 8)) -ne 0 ]; then
    echo "abi/check.sh: INCOMPATIBLE ABI change (abidiff exit $status); see abi/README.md" >&2
  else
    echo "abi/check.sh: ABI change to existing declarations (abidiff exit $status); see abi/README.md" >&2
  fi
  exit 1
fi
if [ -s "$tmp/report.txt" ]; then
  cat "$tmp/report.txt"
  echo "abi/check.sh: compatible additions only; run with --update to record them"
else
  echo "abi/check.sh: ABI unchanged"
fi
