#!/usr/bin/python3
"""The peer for the quality report: readability-lxml (Debian python3-readability,
a port of Arc90/Mozilla Readability), the classic main-content extractor.

For every post in sample.tsv (or the list given) it takes the body (the bytes after the front
matter, located with `postparse`'s JSON body span so both tools read the
same bytes), renders a Markdown body to HTML with Python-Markdown (as the
site generator would), runs Readability, and writes the text of each block
element of its summary, one unit per blank-line-separated chunk, to
OUT_DIR/<id>.txt for score.py --outputs.

  peer_readability.py POSTPARSE CORPUS_DIR OUT_DIR [SAMPLE_TSV]
"""
import json
import os
import re
import subprocess
import sys

import lxml.html
import markdown
from readability import Document

HERE = os.path.dirname(os.path.abspath(__file__))
BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre", "td", "th",
          "figcaption", "caption", "section", "article", "table", "tr", "ul", "ol", "dl", "body", "html"}


def blocks_text(root):
    """Text of the summary, cut at block elements, inline text joined."""
    units, current = [], []

    def flush():
        text = re.sub(r"\s+", " ", "".join(current)).strip()
        if text:
            units.append(text)
        current.clear()

    def walk(el):
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            if el.tail:
                current.append(el.tail)
            return
        block = el.tag in BLOCKS
        if block:
            flush()
        if el.tag == "br":
            current.append("\n")
        if el.text:
            current.append(el.text)
        for child in el:
            walk(child)
        if block:
            flush()
        if el.tail:
            current.append(el.tail)

    walk(root)
    flush()
    return units


def main():
    binary, corpus, out_dir = sys.argv[1:4]
    sample = sys.argv[4] if len(sys.argv) > 4 else "sample.tsv"
    os.makedirs(out_dir, exist_ok=True)
    rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(HERE, sample), encoding="utf-8")][1:]
    for ident, path in rows:
        full = os.path.join(corpus, path)
        data = open(full, "rb").read()
        doc = json.loads(subprocess.run([binary, full], capture_output=True, check=True).stdout)
        body = data[doc["body"]["offset"]:].decode("utf-8", "replace")
        html = body if body.lstrip().startswith("<") else markdown.markdown(body, extensions=["tables", "fenced_code"])
        units = []
        if html.strip():
            try:
                summary = Document(html).summary(html_partial=True)
                units = blocks_text(lxml.html.fromstring(summary))
            except Exception as e:  # an empty or unparsable summary gives no text
                print(f"{ident}: readability failed: {e}", file=sys.stderr)
        with open(os.path.join(out_dir, ident + ".txt"), "w", encoding="utf-8") as f:
            f.write("\n\n".join(units) + ("\n" if units else ""))


if __name__ == "__main__":
    main()
