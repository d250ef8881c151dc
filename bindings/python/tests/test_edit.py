"""Writing posts back: Post.edit(), Editor, EditList, postparse.dumps / dump, EditError."""

import datetime
import difflib
import math
import pickle
import threading

import pytest

import postparse
from conftest import SEED, corpus_posts

UTC = datetime.timezone.utc

POST = ("---\n"
        "# a comment that must stay\n"
        "title: Old title   # trailing comment\n"
        "date: 2021-07-31 12:27:53\n"
        "count: 1\n"
        "tags:\n"
        "  - a\n"
        "  - b\n"
        "flow: [x, y]\n"
        "params:\n"
        "  draft: true\n"
        "---\n"
        "Body text.\n")


def changes(before, after):
    """The lines removed and added."""
    return [d for d in difflib.ndiff(before.splitlines(True), after.splitlines(True)) if d[:1] in "-+"]


def edit(text=POST):
    return postparse.parse(text).edit()


def test_no_edit_renders_the_post_byte_for_byte():
    assert edit().render() == POST
    assert postparse.dumps(postparse.parse(POST)) == POST


def test_a_title_change_changes_one_line_and_keeps_comments():
    ed = edit()
    ed["title"] = "New title"
    assert changes(POST, ed.render()) == ["- title: Old title   # trailing comment\n",
                                          "+ title: New title   # trailing comment\n"]


def test_a_tag_append_adds_one_line():
    ed = edit()
    ed["tags"].append("c")
    assert changes(POST, ed.render()) == ["+   - c\n"]
    assert ed["tags"] == ["a", "b", "c"]
    ed2 = edit()
    ed2["flow"].append("z")
    assert changes(POST, ed2.render()) == ["- flow: [x, y]\n", "+ flow: [x, y, z]\n"]


def test_dumps_writes_metadata_changes_as_minimal_edits():
    post = postparse.parse(POST)
    post["title"] = "New title"
    post["tags"].append("c")
    post.metadata["params"]["draft"] = False
    del post["count"]
    post["added"] = "yes"
    out = postparse.dumps(post)
    assert changes(POST, out) == [
        "- title: Old title   # trailing comment\n", "+ title: New title   # trailing comment\n",
        "- count: 1\n", "+   - c\n", "-   draft: true\n", "+   draft: false\n", "+ added: yes\n"]
    assert postparse.parse(out).metadata == post.metadata
    assert post.source.decode() == POST  # the post itself is unchanged


@pytest.mark.parametrize("value", ["text", "with: colon", "multi\nline\n", "", "true", "007", 42, -7, 2 ** 63 - 1,
                                   1.5, -0.25, True, False, None, [1, "two", 3.5, None, False],
                                   {"a": 1, "b": [1, 2], "c": {"d": None}}, 2 ** 70, []])
def test_each_value_type_reads_back(value):
    ed = edit()
    ed["count"] = value
    got = postparse.parse(ed.render()).metadata["count"]
    assert got == value and type(got) is type(value)
    assert "# a comment that must stay\n" in ed.render()


def test_floats_beyond_finite_read_back():
    ed = edit()
    ed.set("count", math.inf)
    assert postparse.parse(ed.render())["count"] == math.inf
    ed.set("count", math.nan)
    assert math.isnan(postparse.parse(ed.render())["count"])


def test_dates_keep_the_spelling_of_the_date_they_replace():
    ed = edit()
    ed["date"] = datetime.datetime(2022, 1, 2, 3, 4, 5)  # naive: no offset written
    assert changes(POST, ed.render()) == ["- date: 2021-07-31 12:27:53\n", "+ date: 2022-01-02 03:04:05\n"]
    assert ed["date"] == datetime.datetime(2022, 1, 2, 3, 4, 5, tzinfo=UTC)
    ed["date"] = datetime.datetime(2022, 1, 2, 3, 4, 5, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
    assert ed["date"] == datetime.datetime(2022, 1, 1, 19, 4, 5, tzinfo=UTC)
    ed["day"] = datetime.date(2020, 2, 29)
    assert "day: 2020-02-29\n" in ed.render()
    assert ed["day"] == datetime.date(2020, 2, 29)


def test_delete_rename_insert_and_paths():
    ed = edit()
    ed.delete("/tags/0").rename("count", "number").insert("title", "subtitle", "Sub")
    ed.insert("/params/draft", "weight", 3, before=True)
    del ed["flow"]
    out = ed.render()
    assert sorted(changes(POST, out)) == sorted(["- count: 1\n", "+ number: 1\n", "+ subtitle: Sub\n", "-   - a\n",
                                                 "- flow: [x, y]\n", "+   weight: 3\n"])
    assert list(ed) == ["title", "subtitle", "date", "number", "tags", "params"]
    assert ed["params"] == {"weight": 3, "draft": True}
    assert "number" in ed and "count" not in ed and len(ed) == 6
    ed["a/b~c"] = "escaped"  # a key name, not a pointer
    assert ed.metadata["a/b~c"] == "escaped"


def test_edit_list_items():
    ed = edit()
    tags = ed["tags"]
    tags[0] = "A"
    del tags[-1]
    tags += ["x", "y"]
    assert ed["tags"] == ["A", "x", "y"] == tags
    with pytest.raises(TypeError):
        ed["tags"].sort()
    with pytest.raises(TypeError):
        ed["tags"].insert(0, "z")


@pytest.mark.parametrize("action, code", [
    (lambda ed: ed.delete("/nope"), "not_found"),
    (lambda ed: ed.set("/missing/child", 1), "not_found"),
    (lambda ed: ed.delete("/tags/x"), "bad_path"),
    (lambda ed: ed.delete("/tags/01"), "bad_path"),
    (lambda ed: ed.append("title", "x"), "wrong_kind"),
    (lambda ed: ed.set("/title/x", 1), "wrong_kind"),
    (lambda ed: ed.rename("title", "count"), "key_exists"),
    (lambda ed: ed.insert("title", "count", 1), "key_exists"),
    (lambda ed: ed.rename("/tags/0", "z"), "wrong_kind"),
])
def test_errors_raise_edit_error_and_leave_the_editor_as_it_was(action, code):
    ed = edit()
    ed["title"] = "Kept"
    before = ed.render()
    with pytest.raises(postparse.EditError) as info:
        action(ed)
    assert info.value.code == code and isinstance(info.value, postparse.ParseError)
    assert isinstance(info.value, ValueError)
    assert info.value.path.startswith("/") and info.value.path in str(info.value)
    assert ed.render() == before
    assert pickle.loads(pickle.dumps(info.value)).code == code


def test_format_specific_errors():
    toml = postparse.parse('+++\ntitle = "x"\n+++\nbody\n').edit()
    with pytest.raises(postparse.EditError) as info:
        toml["title"] = None
    assert info.value.code == "not_representable"
    alias = postparse.parse("---\nbase: &b 1\ncopy: *b\n---\nbody\n").edit()
    with pytest.raises(postparse.EditError) as info:
        alias["copy"] = 2
    assert info.value.code == "edit_unsupported"
    with pytest.raises(postparse.EditError) as info:
        postparse.parse("---\ntitle: [unclosed\n---\nbody\n").edit()
    assert info.value.code == "not_editable" and "first: 3:1: YAML syntax error" in str(info.value)
    with pytest.raises(KeyError):
        del edit()["nope"]
    with pytest.raises(TypeError):
        edit()["title"] = object()
    with pytest.raises(TypeError):
        edit().append("tags", [1])
    with pytest.raises(ValueError):
        edit().convert("xml")


def test_convert_round_trip():
    post = postparse.parse(POST)
    data = post.metadata
    text = POST
    for fmt, fence in (("toml", "+++\n"), ("json", "{\n"), ("yaml", "---\n")):
        text = postparse.parse(text).edit().convert(fmt)
        assert text.startswith(fence) and text.endswith("Body text.\n")
        converted = postparse.parse(text)
        assert converted.format == fmt
        assert list(converted.metadata) == list(data)
        assert converted.metadata["tags"] == ["a", "b"] and converted.metadata["params"] == {"draft": True}
    with pytest.raises(postparse.EditError) as info:
        postparse.parse("---\nx: null\n---\n").edit().convert("toml")
    assert info.value.code == "not_representable"


def test_formats_and_a_post_without_front_matter():
    assert edit().format == "yaml"
    assert postparse.parse('+++\na = 1\n+++\n').edit().format == "toml"
    ed = postparse.parse("Just a body.\n").edit()
    assert ed.format is None
    ed["title"] = "New"
    assert ed.render() == "---\ntitle: New\n---\nJust a body.\n" and ed.format == "yaml"
    js = postparse.parse('{\n  "title": "x",\n  "tags": ["a"]\n}\nbody\n').edit()
    js["tags"].append("b")
    assert js.render() == '{\n  "title": "x",\n  "tags": ["a", "b"]\n}\nbody\n'


def test_dump_to_a_path_and_a_file(tmp_path):
    post = postparse.parse(POST)
    post["title"] = "T"
    postparse.dump(post, tmp_path / "a.md")
    assert postparse.parse_file(tmp_path / "a.md")["title"] == "T"
    with open(tmp_path / "b.md", "wb") as f:
        postparse.dump(post.edit(), f)
    assert (tmp_path / "b.md").read_bytes() == (tmp_path / "a.md").read_bytes()
    assert post.edit().to_post()["title"] == "T"


def test_editors_of_one_post_in_threads():
    post = postparse.parse(POST)
    results = {}

    def work(i):
        ed = post.edit()
        for j in range(20):
            ed["count"] = i * 100 + j
        results[i] = ed["count"]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == {i: i * 100 + 19 for i in range(4)}


def test_editor_does_not_pickle():
    with pytest.raises(TypeError):
        pickle.dumps(edit())


def test_seed_and_corpus_title_changes_touch_only_the_title():
    checked = 0
    for path in [SEED] + corpus_posts()[::50]:
        post = postparse.parse_file(path)
        if "title" not in post.metadata or not isinstance(post["title"], str) or not post.ok:
            continue
        source = post.source.decode("utf-8", "replace")
        assert postparse.dumps(post) == source
        post["title"] = "A new title"
        out = postparse.dumps(post)
        removed = [c for c in changes(source, out) if c.startswith("-")]
        added = [c for c in changes(source, out) if c.startswith("+")]
        assert len(added) == 1 and added[0].startswith("+ title: "), path
        assert all("title" in r for r in removed), path
        checked += 1
    assert checked > 20
