#!/usr/bin/env python3
"""Posts per second of the postparse Python package against PyYAML + lxml, in one process.

    python bench/python_parse_many.py [--reps N] [--corpus DIR ...]

The job, per post: its metadata (the front matter as a dict) and the texts of its content
paragraphs, as Python objects.  The posts are every file under each corpus folder
(default `tests/data/corpus/*/`, recursively; 2,588 posts), read into memory as bytes
before anything is timed.  Contenders:

- `parse_many(bytes, threads=T)`: `postparse.parse_many` over the posts' bytes on T native
  threads (1 and 2), then `post.metadata` and `post.content_paragraphs` of each post;
- `parse_many(paths, threads=T)`: the same over the paths, so that the worker threads read
  the files (from the page cache: the files were just read);
- `parse() loop`: `postparse.parse(data)` post by post, no thread pool;
- `PyYAML+lxml` (the peer): the bytes decoded as UTF-8, the front matter split off the way
  python-frontmatter and gray-matter do (`---` fences) and loaded with
  `yaml.load(..., Loader=yaml.CSafeLoader)`, the body parsed with `lxml.html` and walked
  into paragraphs: `split` and `paragraphs` of `bench/peers/python_pipeline.py`, the peer
  of `bench/compare`.  It does less than postparse (no Markdown rendering: Markdown bodies
  go to the HTML parser as they are; no normalisation, boilerplate, dates or spans).

Each repetition runs every contender once, in turn, so that a busy machine slows them
alike; the table gives each contender's fastest repetition: posts/s, MB/s (input bytes)
and its speed over the peer's.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

import lxml.etree
import yaml

import postparse

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH / "peers"))
import python_pipeline as peer  # noqa: E402  (the peer's split and paragraph walk)

PEER = "PyYAML+lxml"


def corpus_files(folders: Sequence[Path]) -> List[Path]:
    """Every file under the folders, recursively, sorted within each folder."""
    return [p for folder in folders for p in sorted(folder.rglob("*")) if p.is_file()]


def postparse_job(posts: Iterable[postparse.Post]) -> Tuple[int, int]:
    """Takes each post's metadata (a new dict, dates as datetime) and content paragraphs;
    (posts, metadata keys + paragraphs) seen."""
    count = items = 0
    for post in posts:
        items += len(post.metadata) + len(post.content_paragraphs)
        count += 1
    return count, items


def peer_job(datas: Sequence[bytes]) -> Tuple[int, int]:
    """The same job with PyYAML and lxml; a post whose front matter or body fails to load
    counts as done (its error is the peer's answer)."""
    count = items = 0
    for data in datas:
        front_matter, body = peer.split(data.decode("utf-8", "replace"))
        try:
            metadata = yaml.load(front_matter, Loader=yaml.CSafeLoader) if front_matter is not None else None
            items += (len(metadata) if isinstance(metadata, dict) else 0) + len(peer.paragraphs(body))
        except (yaml.YAMLError, lxml.etree.LxmlError, ValueError):
            pass
        count += 1
    return count, items


def contenders(paths: List[str], datas: List[bytes]) -> Dict[str, Callable[[], Tuple[int, int]]]:
    return {
        "parse_many(bytes, threads=1)": lambda: postparse_job(postparse.parse_many(datas, threads=1)),
        "parse_many(bytes, threads=2)": lambda: postparse_job(postparse.parse_many(datas, threads=2)),
        "parse_many(paths, threads=1)": lambda: postparse_job(postparse.parse_many(paths, threads=1)),
        "parse_many(paths, threads=2)": lambda: postparse_job(postparse.parse_many(paths, threads=2)),
        "parse() loop": lambda: postparse_job(postparse.parse(data) for data in datas),
        PEER: lambda: peer_job(datas),
    }


def fastest(runs: Dict[str, Callable[[], Tuple[int, int]]], reps: int, posts: int) -> Dict[str, float]:
    """The fastest of `reps` rounds of every contender, in seconds."""
    best = {name: float("inf") for name in runs}
    for _ in range(reps):
        for name, run in runs.items():
            start = time.perf_counter()
            done, _items = run()
            best[name] = min(best[name], time.perf_counter() - start)
            if done != posts:
                raise RuntimeError("%s did %d posts of %d" % (name, done, posts))
    return best


def table(best: Dict[str, float], posts: int, size: int) -> str:
    rows = ["| contender | posts/s | MB/s | vs %s |" % PEER, "|---|---:|---:|---:|"]
    for name, seconds in best.items():
        rows.append("| %s | %.0f | %.2f | %.2fx |" % (name, posts / seconds, size / seconds / 1e6,
                                                      best[PEER] / seconds))
    return "\n".join(rows)


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reps", type=int, default=3, help="repetitions; the fastest counts (default 3)")
    parser.add_argument("--corpus", type=Path, action="append", metavar="DIR",
                        help="a folder of posts, repeatable (default: tests/data/corpus/*/)")
    args = parser.parse_args(argv)
    if args.reps < 1:
        parser.error("--reps must be at least 1")
    folders = args.corpus or sorted(p for p in (BENCH.parent / "tests" / "data" / "corpus").iterdir() if p.is_dir())
    files = corpus_files(folders)
    if not files:
        parser.error("no posts under %s" % ", ".join(map(str, folders)))
    datas = [f.read_bytes() for f in files]
    size = sum(map(len, datas))

    best = fastest(contenders([str(f) for f in files], datas), args.reps, len(files))
    print("%d posts, %.2f MB, fastest of %d; postparse %s, PyYAML %s (libyaml: %s), lxml %s, Python %s\n"
          % (len(files), size / 1e6, args.reps, postparse.__version__, yaml.__version__, yaml.__with_libyaml__,
             lxml.etree.__version__, sys.version.split()[0]))
    print(table(best, len(files), size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
