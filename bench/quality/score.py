#!/usr/bin/env python3
"""Scores postparse's content text against the hand-checked expectations.

For every post in sample.tsv (or --sample's list), runs `postparse --format text` (with the
profiles given) and compares its output with expected/<id>.txt:

- units: blank-line-separated chunks of the text, in both the output and the
  expectation (a code block with blank lines is several units in both);
  a unit matches when it is equal after collapsing white space, and each
  expected unit matches at most once;
- paragraph precision = matched / output units, recall = matched / expected;
- character-bigram F1: the multisets of bigrams of the content text with all
  white space removed (words do not work for Chinese, bigrams of characters
  do), overlap / output, overlap / expected.

Totals are micro-averaged over all posts (sums of counts).  Usage:
  score.py POSTPARSE_BINARY CORPUS_DIR [--sample sample2.tsv] [--profile FILE]... [--json OUT]
           [--outputs DIR] [--expected DIR] [--min-bigram-f1 X --min-paragraph-f1 Y]   (exit 1 when below)
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def read_expected(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    while lines and lines[0].startswith("# "):
        lines.pop(0)
    return "\n".join(lines)


def units(text):
    return [u for u in (re.sub(r"\s+", " ", c).strip() for c in re.split(r"\n[ \t]*\n", text)) if u]


def bigrams(text):
    s = re.sub(r"\s+", "", text)
    return collections.Counter(s[i:i + 2] for i in range(len(s) - 1))


def score(expected, got):
    eu, gu = units(expected), units(got)
    pool = collections.Counter(eu)
    matched = 0
    for u in gu:
        if pool[u] > 0:
            pool[u] -= 1
            matched += 1
    eb, gb = bigrams(expected), bigrams(got)
    overlap = sum((eb & gb).values())
    return {"expected_units": len(eu), "output_units": len(gu), "matched_units": matched,
            "expected_bigrams": sum(eb.values()), "output_bigrams": sum(gb.values()), "bigram_overlap": overlap}


def ratio(a, b):
    return a / b if b else 1.0


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def summarize(c):
    p, r = ratio(c["matched_units"], c["output_units"]), ratio(c["matched_units"], c["expected_units"])
    bp, br = ratio(c["bigram_overlap"], c["output_bigrams"]), ratio(c["bigram_overlap"], c["expected_bigrams"])
    return {"paragraph_precision": p, "paragraph_recall": r, "paragraph_f1": f1(p, r),
            "bigram_precision": bp, "bigram_recall": br, "bigram_f1": f1(bp, br)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("corpus")
    ap.add_argument("--profile", action="append", default=[])
    ap.add_argument("--json")
    ap.add_argument("--outputs", help="score the texts in this folder (<id>.txt, e.g. a peer's, or another reader's "
                         "with its '# ' header) instead of running the binary")
    ap.add_argument("--expected", default=os.path.join(HERE, "expected"),
                    help="the hand-checked texts (<id>.txt with '# ' header lines); another reader's "
                         "reading of the same posts measures how far two readers agree")
    ap.add_argument("--min-bigram-f1", type=float)
    ap.add_argument("--min-paragraph-f1", type=float)
    ap.add_argument("--sample", default="sample.tsv",
                    help="the sample's list (sample.tsv: the first, tuned on; sample2.tsv: the untuned one; "
                         "sample3.tsv: the blind development sample)")
    args = ap.parse_args()

    rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(HERE, args.sample), encoding="utf-8")][1:]
    totals = collections.Counter()
    groups = collections.defaultdict(collections.Counter)
    report = []
    for ident, path in rows:
        if args.outputs:
            out = open(os.path.join(args.outputs, ident + ".txt"), "rb").read()
            if out.startswith(b"# source: "):  # another reader's text, with its header
                out = read_expected(os.path.join(args.outputs, ident + ".txt")).encode("utf-8")
        else:
            cmd = [args.binary, "--format", "text"]
            for p in args.profile:
                cmd += ["--profile", p]
            out = subprocess.run(cmd + [os.path.join(args.corpus, path)], capture_output=True, check=True).stdout
        counts = score(read_expected(os.path.join(args.expected, ident + ".txt")), out.decode("utf-8"))
        totals.update(counts)
        groups[ident.rsplit("-", 1)[0]].update(counts)
        s = summarize(counts)
        report.append({"id": ident, "path": path, **counts, **s})
        print(f"{ident:14} units {counts['matched_units']:3}/{counts['expected_units']:3} exp "
              f"{counts['output_units']:3} out  P {s['paragraph_precision']:.3f} R {s['paragraph_recall']:.3f}  "
              f"bigram F1 {s['bigram_f1']:.3f}")
    print()
    for name, c in sorted(groups.items()) + [("all", totals)]:
        s = summarize(c)
        print(f"{name:10} posts {sum(1 for r in rows if name == 'all' or r[0].startswith(name + '-')):3}  "
              f"paragraph P {s['paragraph_precision']:.3f} R {s['paragraph_recall']:.3f} F1 {s['paragraph_f1']:.3f}  "
              f"bigram P {s['bigram_precision']:.3f} R {s['bigram_recall']:.3f} F1 {s['bigram_f1']:.3f}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"posts": report, "totals": {**totals, **summarize(totals)}}, f, ensure_ascii=False, indent=1)
    s = summarize(totals)
    if args.min_bigram_f1 is not None and s["bigram_f1"] < args.min_bigram_f1:
        print(f"bigram F1 {s['bigram_f1']:.3f} is below {args.min_bigram_f1}", file=sys.stderr)
        return 1
    if args.min_paragraph_f1 is not None and s["paragraph_f1"] < args.min_paragraph_f1:
        print(f"paragraph F1 {s['paragraph_f1']:.3f} is below {args.min_paragraph_f1}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
