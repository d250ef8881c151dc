"""Shared fixtures: where the repository's test data is.  The tests run against the
installed package (from outside the source tree); the data is read from the repository the
tests live in, or from POSTPARSE_REPO."""

import os
from pathlib import Path

import pytest

REPO = Path(os.environ.get("POSTPARSE_REPO", Path(__file__).resolve().parents[3]))
DATA = REPO / "tests" / "data"
SEED = DATA / "seed" / "000_1533502123a03027.txt"


def corpus_posts():
    """Every post of the development corpus, sorted."""
    return sorted(p for p in (DATA / "corpus").rglob("*") if p.is_file() and p.suffix in (".md", ".txt"))


@pytest.fixture(scope="session")
def seed_bytes():
    return SEED.read_bytes()


@pytest.fixture(scope="session")
def corpus():
    posts = corpus_posts()
    assert len(posts) > 2000, "the corpus is missing: %s" % DATA
    return posts
