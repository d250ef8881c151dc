"""examples/dask_posts.py on a two-process LocalCluster writes, over its JSONL partitions,
exactly the records a plain loop of `postparse.parse_file` gives, in the same order."""

import importlib.util
import json
import os
import sys
import threading
from pathlib import Path

import pytest

import postparse

dask_bag = pytest.importorskip("dask.bag", reason="the dask example needs dask (dask.bag)")
distributed = pytest.importorskip("distributed", reason="the dask example needs dask.distributed")

#: The repository: POSTPARSE_REPO when the tests run from a copy, else the checkout this file is in.
REPO = Path(os.environ.get("POSTPARSE_REPO") or Path(__file__).resolve().parents[3])
EXAMPLE = REPO / "examples" / "dask_posts.py"
POSTS = REPO / "tests" / "data" / "corpus" / "RSSHUB-PAGE"


@pytest.fixture(scope="module")
def example():
    """The example as the module `dask_posts`, the name the workers import it by."""
    assert EXAMPLE.is_file(), "no %s (set POSTPARSE_REPO to the repository)" % EXAMPLE
    spec = importlib.util.spec_from_file_location("dask_posts", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


@pytest.fixture(scope="module")
def client(example):
    """Two worker processes with one thread each.  The tasks name the example's functions
    by module, and the example is not on the workers' path: `upload_file` gives it to them."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as c:
        c.upload_file(example.__file__)
        yield c


def within(seconds, function, *args, **kwargs):
    """function(*args, **kwargs), failing the test after `seconds`: a task that cannot run
    on the workers makes dask wait for ever rather than raise."""
    outcome = {}

    def call():
        try:
            outcome["value"] = function(*args, **kwargs)
        except BaseException as e:  # handed to the test's thread
            outcome["error"] = e
    worker = threading.Thread(target=call, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "%s did not finish in %d s" % (function.__name__, seconds)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def read_jsonl(files):
    """The records of the partition files, in partition order (the number in the name)."""
    def index(path):
        return int(Path(path).name[len("part-"):-len(".jsonl")])
    records = []
    for path in sorted(files, key=index):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        assert text.endswith("\n"), "%s: the last line has no newline" % path
        records.extend(json.loads(line) for line in text.split("\n")[:-1])
    return records


def test_list_posts_is_recursive_sorted_and_absolute(example, tmp_path):
    for name in ["b.md", "a/z.HTML", "a/y.htm", "a/b/c.markdown", "a/b/d.txt",
                 "notes.tsv", "data.json", "README"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "folder.md").mkdir()
    assert example.list_posts(str(tmp_path)) == [
        str(tmp_path.resolve() / name) for name in ["a/b/c.markdown", "a/b/d.txt", "a/y.htm", "a/z.HTML", "b.md"]]


def test_partitions_hold_the_records_of_a_plain_loop(example, client, tmp_path):
    paths = example.list_posts(str(POSTS))
    assert len(paths) > 100, "the RSSHUB-PAGE corpus folder is missing"
    files = within(60, example.write_jsonl, paths, str(tmp_path / "out"), partitions=5)

    assert len(files) == 5
    assert sorted(os.listdir(tmp_path / "out")) == ["part-%05d.jsonl" % i for i in range(5)]
    got = read_jsonl(files)
    expected = [json.loads(postparse.parse_file(p).to_json()) for p in paths]
    assert len(got) == len(expected)
    for path, record, want in zip(paths, got, expected):
        # parse_many names a post read from a path by it, as parse_file does.
        assert want["source"] == path
        assert record["source"] == path
        assert record == want, path
