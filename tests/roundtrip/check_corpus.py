#!/usr/bin/env python3
"""Properties of postparse's output that must hold for every corpus post.

  check_corpus.py POSTPARSE CORPUS_DIR PROPERTY [--known FILE]

POSTPARSE is the command, CORPUS_DIR a folder searched recursively for *.md
posts (every folder of the shared corpus).  PROPERTY is one of:

  markdown-roundtrip  `--format markdown` read back as a Markdown body gives
                      the same content paragraphs: same text, same kind
                      (table cells and captions come back as paragraphs,
                      which Markdown has no other syntax for) and level.
  unique-json-keys    every JSON line parses, and no object in it has a key
                      twice (JSON readers would keep only one of them).
  rfc3339             every resolved date (front_matter.dates) is RFC 3339
                      (section 5.6 `date-time`, offsets in whole minutes),
                      with naive dates read in UTC, Asia/Shanghai and
                      America/New_York.
  control-chars       in every text form (nfc, nfkc, raw) no paragraph or
                      inline span text holds a control character other than
                      the line break '\\n' and the tab, and neither does the
                      `--format text` nor the `--format markdown` output.

--known FILE lists posts (paths relative to CORPUS_DIR, one per line, a
reason after a TAB, '#' comments) that are expected to fail the property;
the check fails when a listed post passes, so the list only shrinks.

Exit status: 0 when the property holds, 1 with the failures on stderr.
Standard library only; posts go to the command in batches, two at a time.
"""
import argparse
import concurrent.futures
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile

BATCH = 150
WORKERS = 2
TIMEOUT = 120  # seconds for one run of the command: a hang is a failure, not a stuck test

# RFC 3339 section 5.6 date-time, with the calendar and clock ranges.
RFC3339 = re.compile(
    r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
    r"[Tt]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?"
    r"([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$"
)

# C0 controls but tab and line feed, DEL, and the C1 controls.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def corpus_posts(corpus):
    posts = []
    for dirpath, dirnames, files in os.walk(corpus):
        dirnames.sort()
        if os.path.samefile(dirpath, corpus):
            continue  # the corpus folder's own files (SOURCES.md) are not posts
        for name in sorted(files):
            if name.endswith(".md"):
                posts.append(os.path.join(dirpath, name))
    return posts


def run(binary, args, paths):
    result = subprocess.run([binary, *args, *paths], capture_output=True, timeout=TIMEOUT)
    if result.returncode not in (0, 3):
        raise RuntimeError(f"{binary} {' '.join(args)} exited {result.returncode}: "
                           f"{result.stderr.decode(errors='replace')[:500]}")
    return result.stdout


def batches(items, size=BATCH):
    return [items[i:i + size] for i in range(0, len(items), size)]


def parallel(function, items):
    with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
        return list(pool.map(function, items))


def json_lines(binary, args, paths):
    """{path: the raw JSON line} for every post, in one pass over batches."""
    def one_batch(batch):
        lines = run(binary, args, batch).decode("utf-8").splitlines()
        if len(lines) != len(batch):
            raise RuntimeError(f"{len(batch)} posts gave {len(lines)} JSON lines")
        return list(zip(batch, lines))
    out = {}
    for pairs in parallel(one_batch, batches(paths)):
        out.update(pairs)
    return out


class DuplicateKey(Exception):
    pass


def no_duplicates(pairs):
    seen = set()
    for key, _ in pairs:
        if key in seen:
            raise DuplicateKey(key)
        seen.add(key)
    return dict(pairs)


# ------------------------------------------------------------ properties ----

def check_unique_json_keys(binary, posts, corpus):
    failures = {}
    for path, line in json_lines(binary, [], posts).items():
        try:
            json.loads(line, object_pairs_hook=no_duplicates)
        except DuplicateKey as e:
            failures[path] = f"duplicate key {e.args[0]!r}"
        except ValueError as e:
            failures[path] = f"not JSON: {e}"
    return failures


def is_rfc3339(text):
    """The grammar, and a day that exists in its month (no Feb 30)."""
    if not RFC3339.match(text):
        return False
    try:
        datetime.date(int(text[0:4]), int(text[5:7]), int(text[8:10]))
    except ValueError:
        return False
    return True


# Naive dates are read in UTC by default; zones with DST and with local
# mean time before 1901 are read too.
ZONES = ("UTC", "Asia/Shanghai", "America/New_York")


def check_rfc3339(binary, posts, corpus):
    failures = {}
    for zone in ZONES:
        for path, line in json_lines(binary, ["--timezone", zone], posts).items():
            fm = json.loads(line).get("front_matter") or {}
            bad = [f"{pointer}={value!r}" for pointer, value in (fm.get("dates") or {}).items()
                   if not is_rfc3339(value)]
            if bad:
                failures.setdefault(path, f"--timezone {zone}: not RFC 3339: " + ", ".join(bad))
    return failures


def control_in(text):
    found = CONTROL.search(text)
    return None if found is None else f"U+{ord(found.group()):04X} in {text[max(0, found.start() - 20):found.end() + 20]!r}"


def check_control_chars(binary, posts, corpus):
    failures = {}
    for form in ("nfc", "nfkc", "raw"):
        args = ["--text-form", form]
        for path, line in json_lines(binary, args, posts).items():
            doc = json.loads(line)
            # Inline spans are ranges of their paragraph's text; links carry their own.
            for text in [p["text"] for p in doc["paragraphs"]] + [l["text"] for l in doc["links"]]:
                problem = control_in(text)
                if problem:
                    failures.setdefault(path, f"{form} JSON: {problem}")
        # Text and Markdown renderings (boilerplate included) of all posts:
        # one failure names the form, as the output cannot be cut per post.
        for fmt in ("text", "markdown"):
            def render(batch):
                return run(binary, args + ["--format", fmt, "--boilerplate"], batch).decode("utf-8", "replace")
            for output in parallel(render, batches(posts)):
                problem = control_in(output)
                if problem:
                    failures.setdefault(f"(--format {fmt} --text-form {form})", problem)
    return failures


def comparable(paragraph):
    """What a Markdown rendering must keep of a paragraph."""
    kind = paragraph["kind"]
    if kind in ("table_cell", "caption"):
        kind = "paragraph"  # Markdown has no syntax of its own for them
    text = paragraph["text"]
    if kind == "pre":
        text = text.rstrip("\n")  # a fenced block always ends its last line
    return kind, paragraph.get("level"), text


def check_markdown_roundtrip(binary, posts, corpus):
    originals = json_lines(binary, [], posts)
    failures = {}
    with tempfile.TemporaryDirectory() as work:
        def render(index_path):
            index, path = index_path
            markdown = run(binary, ["--format", "markdown"], [path])
            # An empty front matter block, so that the body is never read as one.
            copy = os.path.join(work, f"{index:05d}.md")
            with open(copy, "wb") as f:
                f.write(b"---\n---\n" + markdown)
            return path, copy
        copies = dict(parallel(render, list(enumerate(posts))))
        # Nothing is classified or dropped again: every paragraph read back counts.
        reread = json_lines(binary, ["--body-format", "markdown", "--no-default-profile"], list(copies.values()))
        for path in posts:
            want = [comparable(p) for p in json.loads(originals[path])["paragraphs"] if p["class"] == "content"]
            got = [comparable(p) for p in json.loads(reread[copies[path]])["paragraphs"]]
            if want != got:
                failures[path] = first_difference(want, got)
    return failures


def first_difference(want, got):
    for i, (w, g) in enumerate(zip(want, got)):
        if w != g:
            return f"paragraph {i}: expected {w!r}, read back {g!r}"
    return f"{len(want)} paragraphs expected, {len(got)} read back" + (
        f"; first extra {got[len(want)]!r}" if len(got) > len(want) else f"; first missing {want[len(got)]!r}")


PROPERTIES = {
    "markdown-roundtrip": check_markdown_roundtrip,
    "unique-json-keys": check_unique_json_keys,
    "rfc3339": check_rfc3339,
    "control-chars": check_control_chars,
}


def read_known(path):
    known = {}
    if path:
        for line in open(path, encoding="utf-8"):
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                name, _, reason = line.partition("\t")
                known[name] = reason
    return known


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("postparse")
    parser.add_argument("corpus")
    parser.add_argument("property", choices=sorted(PROPERTIES))
    parser.add_argument("--known", help="posts expected to fail, with reasons")
    args = parser.parse_args()

    posts = corpus_posts(args.corpus)
    if not posts:
        print(f"no *.md posts under {args.corpus}", file=sys.stderr)
        return 1
    failures = PROPERTIES[args.property](args.postparse, posts, args.corpus)
    failures = {os.path.relpath(k, args.corpus) if os.path.exists(k) else k: v for k, v in failures.items()}
    known = read_known(args.known)
    unexpected = {k: v for k, v in failures.items() if k not in known}
    fixed = sorted(k for k in known if k not in failures)
    for name, problem in sorted(unexpected.items()):
        print(f"FAIL {name}: {problem}", file=sys.stderr)
    for name in fixed:
        print(f"PASSES but listed as known: {name} (remove it from {args.known})", file=sys.stderr)
    print(f"{args.property}: {len(posts)} posts, {len(failures)} failing "
          f"({len(failures) - len(unexpected)} known), {len(unexpected)} unexpected, {len(fixed)} listed but passing")
    return 1 if unexpected or fixed else 0


if __name__ == "__main__":
    sys.exit(main())
