"""parse_many on native threads, the GIL, pickling and memory safety."""

import json
import os
import pickle
import threading
import time

import pytest

import postparse


def test_parse_many_over_the_corpus_equals_sequential_parsing(corpus):
    sequential = [postparse.parse(p.read_bytes()).to_json() for p in corpus]
    threaded = [post.to_json() for post in postparse.parse_many([p.read_bytes() for p in corpus], threads=2)]
    assert threaded == sequential  # same posts, same order
    from_paths = [post.to_json() for post in postparse.parse_many(corpus, threads=2, window=3)]
    # A post read from a path is named by it, as parse_file names it.
    assert from_paths == [postparse.parse_file(p).to_json() for p in corpus]
    assert [json.loads(j)["source"] for j in from_paths[:3]] == [str(p) for p in corpus[:3]]


def test_parse_many_generator_input_and_options(corpus):
    def generate():
        for p in corpus[:50]:
            yield str(p)
    posts = list(postparse.parse_many(generate(), threads=3, text_form="raw"))
    assert len(posts) == 50
    assert posts[0].to_json() == postparse.parse_file(corpus[0], text_form="raw").to_json()


def test_parse_many_raises_for_an_unreadable_path_in_its_place(tmp_path):
    good = tmp_path / "a.md"
    good.write_text("<p>a</p>")
    results = postparse.parse_many([good, tmp_path / "missing.md", good], threads=2)
    assert next(results).content_paragraphs == ["a"]
    with pytest.raises(FileNotFoundError):
        next(results)
    with pytest.raises(ValueError):
        list(postparse.parse_many([], threads=0))


def test_parse_many_stops_early_without_leaking(corpus):
    # Taking a few posts and dropping the iterator stops the workers.
    for _, post in zip(range(3), postparse.parse_many(corpus, threads=2)):
        assert post.paragraphs is not None
    assert list(postparse.parse_many([], threads=2)) == []


def test_another_thread_runs_while_a_large_post_parses():
    big = "---\ntitle: big\n---\n" + "".join(
        "<div><p>paragraph %d with some words in it</p></div>\n" % i for i in range(150000))
    data = big.encode()
    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    ticker = threading.Thread(target=tick)
    ticker.start()
    start = time.perf_counter()
    post = postparse.parse(data)
    end = time.perf_counter()
    stop.set()
    ticker.join()
    assert len(post.content_paragraphs) >= 150000
    during = [t for t in ticks if start < t < end]
    # The parse takes a good fraction of a second; a ticker that got the GIL
    # only between calls would show no ticks inside it.
    assert end - start > 0.05
    assert len(during) >= 5, "the GIL was held while parsing (%d ticks in %.2f s)" % (len(during), end - start)


def test_every_picklable_type_pickles(seed_bytes):
    post = postparse.parse(seed_bytes, timezone="Asia/Shanghai")
    again = pickle.loads(pickle.dumps(post))
    assert again.to_json() == post.to_json() and again.metadata == post.metadata
    records = (post.paragraphs[0], post.paragraphs[0].span, post.images[0], post.comments[0],
               post.editorial_fields[0], postparse.parse("---\na: [\n---\n").diagnostics[0],
               postparse.parse('<p><a href="h">t</a></p>').links[0],
               postparse.parse('<p><a href="h">t</a></p>').paragraphs[0].inline[0])
    for record in records:
        assert pickle.loads(pickle.dumps(record)) == record
    for error in (postparse.ParseError("m", "syntax", 3, 4, "f.md"), postparse.InputTooLarge("big"),
                  postparse.XPathError("bad", "//["), postparse.ProfileError("p", [])):
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error) and str(copy) == str(error)
    options = postparse.Options(profiles=[postparse.Profile.from_yaml(postparse.default_profile_text())])
    assert pickle.loads(pickle.dumps(options)) == options


def test_nodes_refuse_to_pickle(seed_bytes):
    node = postparse.parse(seed_bytes).select("//p")[0]
    with pytest.raises(TypeError):
        pickle.dumps(node)


def test_parse_many_reads_ahead_only_its_window():
    pulled = []

    def posts():
        for i in range(1000):
            pulled.append(i)
            yield b"<p>post %d</p>" % i

    results = postparse.parse_many(posts(), threads=2, window=5)
    first = next(results)
    assert first.content_paragraphs == ["post 0"]
    assert len(pulled) <= 6  # the window, not the whole input
    rest = list(results)
    assert len(rest) == 999 and rest[-1].content_paragraphs == ["post 999"]


def test_parse_many_takes_file_names_that_are_not_utf8(tmp_path):
    name = os.fsencode(str(tmp_path)) + b"/caf\xe9.md"
    with open(name, "wb") as f:
        f.write(b"<p>latin-1 name</p>")
    (post,) = postparse.parse_many([name.decode("utf-8", "surrogateescape")], threads=1)
    assert post.content_paragraphs == ["latin-1 name"]
    again = pickle.loads(pickle.dumps(post))
    assert again.content_paragraphs == ["latin-1 name"]


def test_parse_many_items_of_every_bytes_kind_and_iterator_errors(tmp_path):
    posts = [b"<p>one</p>", bytearray(b"<p>two</p>"), memoryview(b"<p>three</p>")]
    assert [p.content_paragraphs for p in postparse.parse_many(posts, threads=2)] == [["one"], ["two"], ["three"]]

    def failing():
        yield b"<p>first</p>"
        yield b"<p>second</p>"
        raise RuntimeError("the source broke")

    results = postparse.parse_many(failing(), threads=2)
    assert next(results).content_paragraphs == ["first"]  # what came before the error comes first
    assert next(results).content_paragraphs == ["second"]
    with pytest.raises(RuntimeError, match="the source broke"):
        next(results)
    with pytest.raises(TypeError):
        list(postparse.parse_many([b"<p>ok</p>", 42], threads=1))


def test_parse_many_refuses_what_would_never_end(tmp_path):
    fifo = tmp_path / "fifo.md"
    os.mkfifo(fifo)
    with pytest.raises(OSError):
        list(postparse.parse_many([fifo], threads=1))
    if os.path.exists("/dev/zero"):
        with pytest.raises(OSError):
            list(postparse.parse_many(["/dev/zero"], threads=1))
    big = tmp_path / "big.md"
    big.write_bytes(b"<p>" + b"x" * 5000 + b"</p>")
    with pytest.raises(postparse.InputTooLarge):
        list(postparse.parse_many([big], threads=1, limits={"input_bytes": 1000}))


def test_profiles_pickle_with_their_size_limit():
    text = postparse.default_profile_text()
    big = postparse.Profile.from_yaml(text + "\n#" + "x" * (1 << 20), max_bytes=4 << 20)
    assert pickle.loads(pickle.dumps(big)) == big
