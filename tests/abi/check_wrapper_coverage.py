"""Fails when the C++ wrapper does not reach every function of the C ABI.

Usage: check_wrapper_coverage.py INCLUDE_DIR

Reads every POSTPARSE_API function declared in INCLUDE_DIR/postparse/postparse.h
and the code (comments and string literals removed) of
INCLUDE_DIR/postparse/postparse.hpp and the wrapper headers it includes
(#include "postparse/....hpp", followed recursively).  A function is covered
when the wrapper's code names it: a call, or a deleter that names a *_free.
Prints the functions the wrapper misses and exits 1 if there is any.
"""
import re
import sys
from pathlib import Path

COMMENT_OR_STRING = re.compile(
    r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S)
API_FUNCTION = re.compile(r'\bPOSTPARSE_API\b[^;{}()]*?\b(postparse_\w+)\s*\(')
WRAPPER_INCLUDE = re.compile(r'#\s*include\s*"(postparse/[\w/]+\.hpp)"')
IDENTIFIER = re.compile(r'\b[A-Za-z_]\w*\b')


def code_of(text):
    """The text without comments and string literals (kept as blanks)."""
    return COMMENT_OR_STRING.sub(lambda m: ' ' if m.group(0).startswith('/') else '""', text)


def api_functions(header):
    return sorted(set(API_FUNCTION.findall(code_of(header.read_text(encoding='utf-8')))))


def wrapper_code(include_dir, relative, seen):
    """The code of a wrapper header and of the wrapper headers it includes."""
    if relative in seen:
        return ''
    seen.add(relative)
    path = include_dir / relative
    # Includes are read from the raw text: a quoted include is a string
    # literal to code_of.
    raw = path.read_text(encoding='utf-8')
    parts = [code_of(raw)]
    for included in WRAPPER_INCLUDE.findall(raw):
        parts.append(wrapper_code(include_dir, included, seen))
    return '\n'.join(parts)


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    include_dir = Path(sys.argv[1])
    functions = api_functions(include_dir / 'postparse' / 'postparse.h')
    seen = set()
    code = wrapper_code(include_dir, 'postparse/postparse.hpp', seen)
    named = set(IDENTIFIER.findall(code))
    if len(functions) < 10:
        print(f'only {len(functions)} POSTPARSE_API functions found: the header parse is broken')
        return 1
    missing = [f for f in functions if f not in named]
    print(f'{len(functions) - len(missing)} of {len(functions)} C functions are used by the wrapper '
          f'({len(seen)} headers: {", ".join(sorted(seen))})')
    for name in missing:
        print(f'not wrapped: {name}')
    return 1 if missing else 0


if __name__ == '__main__':
    sys.exit(main())
