#!/usr/bin/env python3
"""A peer pipeline for bench/compare: the whole job people do today in Python
(PyYAML with its libyaml C loader + lxml.html; Debian's python3-yaml and
python3-lxml), on the files listed (one path per line) in LIST_FILE.

    python3 python_pipeline.py LIST_FILE [REPS]

Per file: split the front matter the way python-frontmatter does (a `---`
fence on the first line, blank lines before it skipped), load it with
yaml.load(..., Loader=yaml.CSafeLoader), parse the body with
lxml.html.fragment_fromstring(..., create_parent="div"), walk the tree into
paragraphs (the walk of walk.mjs), and write one JSON line {file,
front_matter, paragraphs} to stdout.  Files are read into memory first; the
timed loop is parse + walk + JSON + write.  Markdown bodies are parsed as
HTML as they are: the peer does less work than postparse.

The loop runs REPS times (default 3) over all files; every repetition writes
its output.  Prints to stderr one JSON object: {"files", "bytes", "seconds"
(the fastest repetition), "errors"}.
"""
import json
import re
import sys
import time

import lxml.etree
import lxml.html
import yaml

FENCE = re.compile(r"\A\s*---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)
BLOCKS = frozenset(
    "address article aside blockquote dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody "
    "td tfoot th thead tr ul body html".split())
SILENT = frozenset("script style template noscript head title".split())
SPACES = re.compile(r"[ \t\r\n\f]+")


def split(text):
    """(front matter text or None, body)."""
    match = FENCE.match(text)
    if not match:
        return None, text
    return match.group(1), text[match.end():]


class Collector:
    def __init__(self):
        self.paragraphs = []
        self.current = []

    def end(self):
        if self.current:
            text = SPACES.sub(" ", "".join(self.current)).strip()
            self.current = []
            if text:
                self.paragraphs.append(text)


def walk(element, out):
    tag = element.tag
    if not isinstance(tag, str):  # comments, processing instructions
        if element.tail:
            out.current.append(element.tail)
        return
    if tag in SILENT:
        pass
    elif tag == "br":
        out.current.append("\n")
    else:
        block = tag in BLOCKS
        if block:
            out.end()
        if element.text:
            out.current.append(element.text)
        for child in element:
            walk(child, out)
        if block:
            out.end()
    if element.tail:
        out.current.append(element.tail)


def paragraphs(body):
    out = Collector()
    if body.strip():
        walk(lxml.html.fragment_fromstring(body, create_parent="div"), out)
    out.end()
    return out.paragraphs


def job(path, text):
    front_matter, body = split(text)
    data = yaml.load(front_matter, Loader=yaml.CSafeLoader) if front_matter is not None else None
    return {"file": path, "front_matter": data, "paragraphs": paragraphs(body)}


def run_once(posts, out):
    errors = 0
    for path, text in posts:
        try:
            line = json.dumps(job(path, text), ensure_ascii=False, default=str)
        except (yaml.YAMLError, lxml.etree.LxmlError, ValueError) as e:
            errors += 1
            line = json.dumps({"file": path, "error": str(e)}, ensure_ascii=False)
        out.write(line + "\n")
        out.flush()
    return errors


def main():
    if len(sys.argv) not in (2, 3):
        sys.stderr.write("usage: python_pipeline.py LIST_FILE [REPS]\n")
        return 2
    reps = int(sys.argv[2]) if len(sys.argv) == 3 else 3
    with open(sys.argv[1], encoding="utf-8") as f:
        paths = [line for line in f.read().split("\n") if line]
    posts = []
    size = 0
    for path in paths:
        with open(path, "rb") as f:
            raw = f.read()
        size += len(raw)
        posts.append((path, raw.decode("utf-8", errors="replace")))

    best = float("inf")
    errors = 0
    for _ in range(reps):
        start = time.perf_counter()
        errors = run_once(posts, sys.stdout)
        best = min(best, time.perf_counter() - start)
    seconds = best
    sys.stderr.write(json.dumps({"files": len(posts), "bytes": size, "seconds": seconds,
                                 "errors": errors}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
