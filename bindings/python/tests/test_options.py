"""Options and profiles: validation, equality, pickling, and their effect on parsing."""

import pickle

import pytest

import postparse
from conftest import REPO


def test_options_validate_at_once():
    with pytest.raises(ValueError, match="yaml"):
        postparse.Options(yaml="2.0")
    with pytest.raises(ValueError, match="time zone"):
        postparse.Options(timezone="Mars/Olympus")
    with pytest.raises(ValueError, match="unknown limit"):
        postparse.Options(limits={"nope": 1})
    with pytest.raises(ValueError, match="limit depth"):
        postparse.Options(limits={"depth": 0})
    with pytest.raises(TypeError):
        postparse.Options(hexo_unfenced="yes")
    with pytest.raises(TypeError):
        postparse.Options(profiles=["not a profile"])


def test_options_are_values():
    a = postparse.Options(yaml="1.1", limits={"depth": 5}, timezone="Asia/Shanghai")
    b = postparse.Options(timezone="Asia/Shanghai", limits={"depth": 5}, yaml="1.1")
    assert a == b and hash(a) == hash(b) and a != postparse.Options()
    assert pickle.loads(pickle.dumps(a)) == a
    assert a.replace(yaml="1.2") == postparse.Options(limits={"depth": 5}, timezone="Asia/Shanghai")
    assert a.as_dict()["limits"] == {"depth": 5}
    with pytest.raises(AttributeError):
        a.yaml = "1.2"  # type: ignore[attr-defined]
    assert "yaml='1.1'" in repr(a)


def test_options_change_the_parse():
    yes = "---\nflag: yes\n---\n"
    assert postparse.parse(yes).metadata == {"flag": "yes"}
    assert postparse.parse(yes, yaml="1.1").metadata == {"flag": True}
    dup = "---\na: 1\na: 2\n---\n"
    assert postparse.parse(dup, duplicate_keys="last").metadata == {"a": 2}
    assert postparse.parse(dup, duplicate_keys="first").metadata == {"a": 1}
    assert not postparse.parse(dup).ok
    body = "---\nt: x\n---\n*not emphasis in html*"
    assert postparse.parse(body, body_format="html").body_format == "html"
    assert postparse.parse("<p>ｆｕｌｌ</p>", text_form="nfkc").content_paragraphs == ["full"]
    assert postparse.parse("<p>a  b</p>", text_form="raw").content_paragraphs == ["a  b"]
    hexo = "title: unfenced\n---\n<p>body</p>"
    assert postparse.parse(hexo, hexo_unfenced=True).metadata == {"title": "unfenced"}
    options = postparse.Options(default_profile=False)
    seed = (REPO / "tests/data/seed/000_1533502123a03027.txt").read_bytes()
    assert all(not p.boilerplate or p.reason.startswith("marker") or p.reason == "link-density"
               for p in postparse.parse(seed, options=options).paragraphs)
    assert postparse.limit_default("depth") == 64
    assert set(postparse.LIMITS) >= {"input_bytes", "html_nodes", "alias_bytes"}


def test_profiles():
    sina = postparse.Profile.load(REPO / "profiles" / "sina.yaml")
    assert sina.rule_count > 0 and sina.name
    assert postparse.Profile.from_yaml(sina.text) == sina
    assert pickle.loads(pickle.dumps(sina)) == sina
    post = postparse.parse((REPO / "examples/posts/sina-shanghai.md").read_bytes(), profiles=[sina])
    assert post.editorial.get("source") == "健康上海12320"
    assert "profile:" in postparse.default_profile_text() or "rules" in postparse.default_profile_text()


def test_a_broken_profile_raises_with_its_diagnostics():
    with pytest.raises(postparse.ProfileError) as raised:
        postparse.Profile.from_yaml("profile: broken\nrules:\n  - name: r\n    select: '//['\n    action: drop\n")
    error = raised.value
    assert isinstance(error, ValueError) and isinstance(error, postparse.Error)
    assert error.diagnostics and error.diagnostics[0].part == "profile"
    assert any(d.code == "xpath" for d in error.diagnostics)
    assert "4:" in str(error)  # line of the bad selector
    again = pickle.loads(pickle.dumps(error))
    assert again.diagnostics == error.diagnostics and str(again) == str(error)
    with pytest.raises(postparse.ProfileError):
        postparse.Profile.from_yaml("x" * 100, max_bytes=10)


def test_every_public_name_is_documented():
    import inspect
    missing = []
    for name in postparse.__all__:
        obj = getattr(postparse, name)
        if name.startswith("__") or isinstance(obj, (str, dict)):
            continue
        if not inspect.getdoc(obj):
            missing.append(name)
        if inspect.isclass(obj):
            for attr, member in vars(obj).items():
                if attr.startswith("_") or attr in getattr(obj, "_fields", ()):
                    continue
                if not inspect.getdoc(member):
                    missing.append("%s.%s" % (name, attr))
    assert missing == []
