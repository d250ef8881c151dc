#!/usr/bin/env python3
"""A folder of posts into JSONL files with postparse on a dask.distributed cluster.

    python examples/dask_posts.py POSTS_DIR OUT_DIR [--scheduler ADDRESS]
                                  [--workers N] [--threads-per-worker N]
                                  [--partitions N] [--parse-threads N]

The pipeline is a `dask.bag`:

1. `list_posts` lists the post files under POSTS_DIR (recursively: *.md, *.markdown,
   *.html, *.htm, *.txt), as absolute paths sorted by path, so that workers started in
   other directories can open them and the output has a fixed order.
2. `db.from_sequence(paths, npartitions=...)` cuts the list into partitions of
   consecutive paths.
3. `.map_partitions(parse_partition)` parses each partition with
   `postparse.parse_many(paths, threads=...)`: the worker's native threads read and parse
   the files with the GIL released, and the posts come back in input order, one
   `post.to_json()` line each.
4. `.to_textfiles(OUT_DIR + "/part-*.jsonl")` writes partition i as `part-<i>.jsonl`
   (the number zero-padded, so sorting the names keeps partition order): concatenated in
   name order, line k of the output is the k-th sorted path.

`parse_many` names each post read from a path by that path (the record's `"source"`, as
`parse_file` writes it).  A post that cannot be read raises its `OSError` and fails the task; problems
inside a post never raise, they are the record's `"diagnostics"`.

Without --scheduler a `LocalCluster` runs on this machine: --workers processes (default:
one per CPU) with --threads-per-worker dask threads each (default 1).  Each dask thread
runs one partition at a time with --parse-threads native threads (default 1), so a worker
parses up to threads-per-worker x parse-threads posts at once.

With --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786) the script connects to a cluster
that is already running, possibly on several machines.  Then every worker must have
postparse installed (the same version), must be able to read POSTS_DIR under the same
absolute path (a shared file system), and OUT_DIR must be writable from every worker
under the same path (a shared directory, or a URL fsspec can write such as s3://...).

Run as a script, the functions here travel to the workers by value.  Imported (`from
dask_posts import write_jsonl`), the tasks name `dask_posts.parse_partition`, so every
worker must be able to import `dask_posts`: put it on their path, or call
`client.upload_file("examples/dask_posts.py")` once (the test does).

The one-line summary gives the posts, the partitions and the seconds the bag took to
compute and write (cluster start-up not included).

The same with PySpark (not needed here; a sketch): `sc.binaryFiles(POSTS_DIR)` gives
(path, bytes) pairs, and one partition's pairs become JSON lines with

    rdd = sc.binaryFiles(posts_dir)
    lines = rdd.mapPartitions(lambda pairs: (postparse.parse(data, source_name=path).to_json()
                                             for path, data in pairs))
    lines.saveAsTextFile(out_dir)

Spark reads the bytes itself, so `postparse.parse` (one post at a time, on the executor's
Python worker) is used instead of `parse_many`, and `source_name=path` fills the
`"source"` field.  Spark's own order is by partition, `sortBy` the path first when the
order matters; every executor needs postparse installed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, List, Optional, Sequence

import dask.bag as db
import postparse

if TYPE_CHECKING:
    from distributed import Client

#: The file name endings listed as posts (compared in lower case).
POST_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".txt")


def list_posts(posts_dir: str) -> List[str]:
    """The post files under `posts_dir`, recursively, as absolute paths in sorted order."""
    root = Path(posts_dir).resolve()
    if not root.is_dir():
        raise NotADirectoryError("not a directory: %s" % posts_dir)
    return sorted(str(p) for p in root.rglob("*")
                  if p.suffix.lower() in POST_SUFFIXES and p.is_file())


def parse_partition(paths: Iterable[str], threads: int = 1) -> List[str]:
    """One partition's posts as JSON lines, in the order of `paths`.

    Runs on a worker: `parse_many` reads and parses the files on `threads` native threads."""
    return [post.to_json() for post in postparse.parse_many(list(paths), threads=threads)]


def partition_file_name(index: int) -> str:
    """The name `to_textfiles` gives partition `index` in place of "*": zero-padded, so that
    sorting the file names keeps the partitions' order."""
    return "%05d" % index


def write_jsonl(paths: Sequence[str], out_dir: str, partitions: int, parse_threads: int = 1) -> List[str]:
    """Parses `paths` on the current dask scheduler (the `Client` made last) and writes the
    JSON lines as `out_dir/part-NNNNN.jsonl`, one file per partition; returns the files
    written, in partition order.  Every file ends with a newline."""
    bag = db.from_sequence(list(paths), npartitions=max(1, partitions))
    lines = bag.map_partitions(parse_partition, threads=parse_threads)
    return lines.to_textfiles(out_dir.rstrip("/") + "/part-*.jsonl", name_function=partition_file_name,
                              last_endline=True)


def _arguments(argv: Optional[Sequence[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Parse a folder of posts into JSONL files on a dask cluster.")
    parser.add_argument("posts_dir", metavar="POSTS_DIR", help="folder of posts (searched recursively)")
    parser.add_argument("out_dir", metavar="OUT_DIR", help="folder the part-*.jsonl files are written to")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="connect to this running scheduler instead of starting a local cluster")
    parser.add_argument("--workers", type=int, metavar="N",
                        help="local cluster: worker processes (default: one per CPU)")
    parser.add_argument("--threads-per-worker", type=int, metavar="N",
                        help="local cluster: dask threads per worker (default: 1)")
    parser.add_argument("--partitions", type=int, metavar="N",
                        help="bag partitions (default: 4 per dask thread of the cluster)")
    parser.add_argument("--parse-threads", type=int, default=1, metavar="N",
                        help="native threads parse_many uses per partition (default: 1)")
    args = parser.parse_args(argv)
    if args.scheduler and (args.workers is not None or args.threads_per_worker is not None):
        parser.error("--workers and --threads-per-worker size the local cluster; "
                     "they do not apply with --scheduler")
    for name in ("workers", "threads_per_worker", "partitions", "parse_threads"):
        value = getattr(args, name)
        if value is not None and value < 1:
            parser.error("--%s must be at least 1" % name.replace("_", "-"))
    return args


def _run(client: "Client", paths: Sequence[str], args: argparse.Namespace) -> None:
    dask_threads = sum(client.nthreads().values()) or 1
    partitions = min(len(paths), args.partitions or 4 * dask_threads)
    start = time.perf_counter()
    files = write_jsonl(paths, args.out_dir, partitions, args.parse_threads)
    seconds = time.perf_counter() - start
    print("%d posts, %d partitions, %.2f s -> %s" % (len(paths), len(files), seconds, args.out_dir))


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = _arguments(argv)
    try:
        paths = list_posts(args.posts_dir)
    except NotADirectoryError as e:
        sys.stderr.write("%s\n" % e)
        return 2
    if not paths:
        sys.stderr.write("no post files (%s) under %s\n" % (" ".join(POST_SUFFIXES), args.posts_dir))
        return 1
    # Imported here so that importing this module (the tests do) starts nothing.
    from distributed import Client, LocalCluster

    if args.scheduler:
        with Client(args.scheduler) as client:
            _run(client, paths, args)
        return 0
    with LocalCluster(n_workers=args.workers or os.cpu_count() or 1,
                      threads_per_worker=args.threads_per_worker or 1,
                      processes=True) as cluster, Client(cluster) as client:
        _run(client, paths, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
