"""Post: the seed post read through every accessor, and the front matter's typing."""

import datetime
import json
import math
import subprocess
import sys

import pytest

import postparse
from conftest import SEED

UTC = datetime.timezone.utc

SEED_METADATA = {
    "title": "河南召开新冠肺炎疫情防控工作专题会议：人员非必要不能离郑出省",
    "categories": ["金融", "新浪财经", "新浪财经－国內"],
    "headimg": "https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png",
    "author": "新浪财经",
    "comments": False,
    "date": datetime.datetime(2021, 7, 31, 12, 27, 53, tzinfo=UTC),
    "thumbnail": "https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png",
}


def test_seed_metadata_as_python_frontmatter_reads_it(seed_bytes):
    post = postparse.parse(seed_bytes)
    assert post.metadata == SEED_METADATA
    assert list(post.keys()) == list(SEED_METADATA)
    assert post.metadata["date"] == datetime.datetime(2021, 7, 31, 12, 27, 53, tzinfo=UTC)
    assert post["title"] == SEED_METADATA["title"]
    assert post.get("missing", 7) == 7
    assert "author" in post and "nope" not in post
    assert post.format == "yaml"
    assert post.ok and post.diagnostics == ()


def test_seed_paragraphs_content_and_boilerplate(seed_bytes):
    post = postparse.parse(seed_bytes)
    content = [p for p in post.paragraphs if not p.boilerplate]
    assert len(content) == 12
    assert content[0].text == "河南召开新冠肺炎疫情防控工作专题会议"
    assert content[-1].text == "穆为民、戴柏华出席。(记者 冯芸 马涛)"
    boilerplate = {p.text: p.reason for p in post.paragraphs if p.boilerplate}
    assert boilerplate == {"海量资讯、精准解读，尽在新浪财经APP": "marker:qr", "责任编辑：张玫": "editorial:editor"}
    assert post.content_paragraphs == [p.text for p in content]
    # Why: every boilerplate paragraph names the rule or signal, content names none.
    rules = {p.text: p.rule for p in post.paragraphs if p.boilerplate}
    assert rules == {"海量资讯、精准解读，尽在新浪财经APP": "signal/marker", "责任编辑：张玫": "default/editor"}
    assert all(p.rule == "" and p.evidence == "" for p in content)
    explained = json.loads(post.to_json(explain=True))
    assert [p["rule"] for p in explained["paragraphs"] if p["class"] == "boilerplate"] == ["signal/marker", "default/editor"]
    assert "rule" not in json.loads(post.to_json())["paragraphs"][0]
    assert post.text == "\n\n".join(p.text for p in content)
    assert post.editorial == {"editor": "张玫", "reporters": ["冯芸", "马涛"]}
    assert {f.key for f in post.editorial_fields} == {"editor", "reporters"}
    # Spans point into the source: the first paragraph's text is there.
    first = content[0].span
    assert "河南召开新冠肺炎疫情防控工作专题会议" in post.source[first.offset:first.offset + first.length].decode()
    assert first.line == 16
    assert post.body_format == "html"
    assert post.content.lstrip().startswith("<div>")
    assert post.source == seed_bytes
    (image,) = post.images
    assert image.src.endswith("343233024.png") and image.boilerplate and image.reason == "marker:qr"
    assert [c.text for c in post.comments][:1] == [" news_keyword_pub,stock, "]
    assert post.excerpt_paragraphs is None
    assert post.front_matter_span.line == 2 and post.body_span.offset > 0


def test_renderings_are_the_library_s(seed_bytes):
    post = postparse.parse(seed_bytes)
    as_json = json.loads(post.to_json())
    assert as_json == post.to_dict()
    assert as_json["schema"] == 2
    assert [p["text"] for p in as_json["paragraphs"]] == [p.text for p in post.paragraphs]
    assert [p.get("class") == "boilerplate" for p in as_json["paragraphs"]] == [p.boilerplate for p in post.paragraphs]
    assert post.to_text().startswith("河南召开新冠肺炎疫情防控工作专题会议")
    assert "责任编辑" in post.to_text(boilerplate=True) and "责任编辑" not in post.to_text()
    assert post.to_markdown().startswith("河南召开")
    assert "张玫" in post.to_markdown(boilerplate=True)


def test_front_matter_types():
    post = postparse.parse(
        "---\n"
        "s: text\n"
        "i: -42\n"
        "big: 123456789012345678901234567890\n"
        "f: 2.5\n"
        "inf: .inf\n"
        "b: true\n"
        "n: null\n"
        "l: [1, 'two', [3]]\n"
        "m: {a: {b: 1}}\n"
        "day: 2023-05-23\n"
        "at: 2021-07-31 12:27:53 +08:00\n"
        "updated: 'Mon, 22 Oct 2018 11:26:54 GMT'\n"
        "notadate: 'Mon, 22 Oct 2018 11:26:54 GMT'\n"
        "---\nbody\n")
    m = post.metadata
    assert m["s"] == "text" and m["i"] == -42 and isinstance(m["i"], int)
    assert m["big"] == 123456789012345678901234567890
    assert m["f"] == 2.5 and math.isinf(m["inf"])
    assert m["b"] is True and m["n"] is None
    assert m["l"] == [1, "two", [3]] and m["m"] == {"a": {"b": 1}}
    assert m["day"] == datetime.date(2023, 5, 23) and not isinstance(m["day"], datetime.datetime)
    assert m["at"] == datetime.datetime(2021, 7, 31, 4, 27, 53, tzinfo=UTC)
    assert m["at"].utcoffset() == datetime.timedelta(hours=8)  # the offset it was written in
    assert m["updated"] == datetime.datetime(2018, 10, 22, 11, 26, 54, tzinfo=UTC)  # a date-named key
    assert m["notadate"] == "Mon, 22 Oct 2018 11:26:54 GMT"  # any other key keeps its string
    assert post.body_format == "markdown" and post.content == "body\n"


def test_timezone_option_reads_naive_dates():
    post = postparse.parse("---\ndate: 2021-07-31 12:00\n---\n", timezone="Asia/Shanghai")
    assert post["date"] == datetime.datetime(2021, 7, 31, 4, 0, tzinfo=UTC)
    assert post["date"].utcoffset() == datetime.timedelta(hours=8)


def test_json_and_toml_front_matter():
    assert postparse.parse('{"title": "J", "n": [1, 2]}\nbody').metadata == {"title": "J", "n": [1, 2]}
    assert postparse.parse(';;;\n"title": "H"\n;;;\nbody').format == "json"
    toml = postparse.parse('+++\ntitle = "T"\ndate = 2021-07-31T12:00:00Z\n+++\nbody')
    assert toml.format == "toml"
    assert toml.metadata == {"title": "T", "date": datetime.datetime(2021, 7, 31, 12, tzinfo=UTC)}


def test_no_front_matter_and_non_mapping_front_matter():
    post = postparse.parse("<p>only a body</p>")
    assert post.format is None and post.metadata == {} and post.front_matter is None
    assert post.content_paragraphs == ["only a body"]
    listed = postparse.parse("---\n- a\n- b\n---\nx")
    assert listed.front_matter == ["a", "b"] and listed.metadata == {}


def test_invalid_utf8_comes_back_as_replacement_characters():
    post = postparse.parse(b"---\ntitle: caf\xe9\n---\n<p>bad \xff\xfe bytes</p>")
    assert post["title"] == "caf\ufffd"
    assert post.content_paragraphs == ["bad \ufffd\ufffd bytes"]
    assert "\ufffd" in post.content
    assert any(d.code == "syntax" for d in post.diagnostics)  # said, with its place
    json.loads(post.to_json())


def test_problems_are_diagnostics_and_strict_raises_with_the_line():
    broken = "---\ntitle: ok\ndate: 2021-13-45\n---\n<p>text</p>\n"
    post = postparse.parse(broken)
    assert not post.ok
    error = next(d for d in post.diagnostics if d.severity == "error")
    assert error.part == "front_matter" and error.line == 3 and error.code == "invalid_date"
    assert post.content_paragraphs == ["text"]  # the rest of the post is still read
    with pytest.raises(postparse.ParseError) as raised:
        postparse.parse(broken, strict=True)
    assert raised.value.line == 3 and raised.value.code == error.code
    assert isinstance(raised.value, ValueError)
    with pytest.raises(postparse.ParseError):
        post.raise_for_errors()
    assert postparse.parse("<p>x</p>").raise_for_errors().ok


def test_input_too_large():
    with pytest.raises(postparse.InputTooLarge):
        postparse.parse(b"x" * 100, limits={"input_bytes": 10})


def test_select_and_nodes(seed_bytes):
    post = postparse.parse(seed_bytes)
    (img,) = post.select("//img")
    assert img.tag == "img" and img.kind == "element" and img.namespace == "html"
    assert img.attrs["src"].endswith("343233024.png")
    assert img.html.startswith("<img") and img.span.line == 65
    assert post.select_values("//img/@src") == [img.attrs["src"]]
    paragraphs = post.select("//p")
    assert paragraphs[1].text.strip().startswith("7月31日下午")
    assert paragraphs[1].parent.tag == "div"
    assert paragraphs[1].children[0].kind == "text"
    assert post.body_root.kind in ("element", "document")
    with pytest.raises(postparse.XPathError):
        post.select("//[")
    with pytest.raises(postparse.XPathError):
        post.select_values("//[")


def test_nodes_and_records_outlive_their_post(seed_bytes):
    post = postparse.parse(seed_bytes)
    node = post.select("//p")[1]
    paragraph = post.paragraphs[1]
    del post
    import gc
    gc.collect()
    assert node.text.strip().startswith("7月31日下午")  # the node keeps its document alive
    assert paragraph.text.startswith("7月31日下午")


def test_inline_spans():
    post = postparse.parse('<p>see <a href="https://x.org">the <em>site</em></a> now</p>')
    (p,) = post.paragraphs
    kinds = [i.kind for i in p.inline]
    assert kinds == ["link", "emphasis"]
    assert p.inline_text(p.inline[0]) == "the site" and p.inline[0].href == "https://x.org"
    assert p.inline_text(p.inline[1]) == "site"
    assert post.links[0].href == "https://x.org" and post.links[0].text == "the site"


def test_loads_and_load_as_python_frontmatter(tmp_path, seed_bytes):
    path = tmp_path / "post.md"
    path.write_bytes(seed_bytes)
    assert postparse.loads(seed_bytes.decode()).metadata == SEED_METADATA
    assert postparse.load(str(path)).metadata == SEED_METADATA
    with open(path, "rb") as f:
        assert postparse.load(f).metadata == SEED_METADATA
    from_file = postparse.parse_file(path)
    assert from_file.to_dict()["source"] == str(path)
    with pytest.raises(OSError):
        postparse.parse_file(tmp_path / "missing.md")


def test_python_m_postparse_runs_the_command(tmp_path, seed_bytes):
    path = tmp_path / "post.md"
    path.write_bytes(seed_bytes)
    out = subprocess.run([sys.executable, "-m", "postparse", "--format", "text", str(path)],
                         capture_output=True, text=True, cwd=str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("河南召开新冠肺炎疫情防控工作专题会议")
    bad = subprocess.run([sys.executable, "-m", "postparse", "--no-such-flag"], capture_output=True, text=True)
    assert bad.returncode == 2
    version = subprocess.run([sys.executable, "-m", "postparse", "--version"], capture_output=True, text=True)
    assert postparse.__version__ in version.stdout


def test_repr_and_version(seed_bytes):
    assert postparse.__version__.count(".") == 2
    assert "14 paragraphs" in repr(postparse.parse(seed_bytes))
    assert SEED.exists()


def test_the_module_keeps_the_library_inside():
    # postparse_static is linked with -Wl,--exclude-libs,ALL: another copy
    # of libpostparse in the same process cannot be interposed by this one.
    import shutil
    from postparse import _core
    nm = shutil.which("nm")
    if nm is None:
        pytest.skip("nm (binutils) is not installed")
    out = subprocess.run([nm, "-D", "--defined-only", _core.__file__], capture_output=True, text=True, check=True)
    exported = [line.split()[-1] for line in out.stdout.splitlines() if line.strip()]
    assert "PyInit__core" in exported
    assert [name for name in exported if name.startswith("postparse_")] == []
