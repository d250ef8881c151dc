"""Writing a post back: edits of its front matter that change only the bytes they must
(comments, quoting, key order, indentation and the body stay), verified by the library
before anything is returned.

    >>> ed = post.edit()
    >>> ed["title"] = "New title"          # one line changes
    >>> ed["tags"].append("python")        # one new line in a block list
    >>> ed.rename("categories", "tags2").delete("/params/draft")
    >>> text = ed.render()                 # or postparse.dumps(ed)
    >>> post["title"] = "Other"; postparse.dumps(post)   # python-frontmatter's way
"""

from __future__ import annotations

import calendar
import datetime
import json
from typing import IO, Any, Dict, Iterator, List, Optional, Tuple, Union

from . import _core
from ._errors import EditError

_FORMATS = {"yaml": 1, "json": 2, "toml": 3}
_FORMAT_NAMES = (None, "yaml", "json", "toml")
_INT64 = (-(2 ** 63), 2 ** 63 - 1)
_PROBLEMS = {
    "bad_path": "not a key path (a JSON pointer such as /title or /tags/0, or a top-level key name)",
    "not_found": "no such key or list item (parents are never created)",
    "wrong_kind": "the value there is not of the kind this needs (append needs a list; a path cannot go "
                  "into a scalar; rename and insert need a key, not a list item)",
    "key_exists": "the key is already there",
    "edit_verify": "the edited post would not read back as exactly the intended data",
    "not_representable": "the value cannot be written in this format (TOML has no null and 64-bit "
                         "integers; JSON has no infinity or NaN)",
    "edit_unsupported": "the value is written in a form that is not rewritten in place (a YAML alias, "
                        "a complex key, a TOML table replaced by another value...)",
    "invalid_date": "the value does not read as a date",
    "syntax": "the value is not JSON",
}

Scalar = Union[None, bool, int, float, str, datetime.date, datetime.datetime]


def pointer(key: str) -> str:
    """A path as the editor's methods take it: a JSON pointer (``/params/draft``, ``/tags/0``)
    is used as it is; any other string is one top-level key (``title`` is ``/title``; ``~`` and
    ``/`` in it are escaped)."""
    if key.startswith("/"):
        return key
    return _token(key)


def _token(key: str) -> str:
    return "/" + key.replace("~", "~0").replace("/", "~1")


def _time_tuple(value: Union[datetime.date, datetime.datetime]) -> Tuple[int, int, int, bool, bool]:
    """(unix_seconds, nanoseconds, offset_seconds, explicit_offset, has_time), as postparse_time
    holds it: an aware datetime at its offset, a naive one as written (no offset), a date alone."""
    if isinstance(value, datetime.datetime):
        offset = value.utcoffset()
        seconds = calendar.timegm(value.utctimetuple() if offset is not None else value.timetuple())
        return (seconds, value.microsecond * 1000, int(offset.total_seconds()) if offset is not None else 0,
                offset is not None, True)
    return (calendar.timegm(value.timetuple()), 0, 0, False, False)


def _scalar(value: Any) -> Optional[tuple]:
    """The native form of a scalar the library takes directly; None for anything else."""
    if value is None:
        return (0,)
    if isinstance(value, bool):
        return (1, value)
    if isinstance(value, int):
        return (2, value) if _INT64[0] <= value <= _INT64[1] else None
    if isinstance(value, float):
        return (3, value)
    if isinstance(value, str):
        return (4, value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return (5, _time_tuple(value))
    return None


def _json_default(value: Any) -> Any:
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    raise TypeError("cannot write a %s in front matter" % type(value).__name__)


def _same(a: Any, b: Any) -> bool:
    """Equal and of the same types all the way down (1, 1.0 and True differ in a post)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return bool(a == b) or (a != a and b != b)  # NaN is its own value here


class Editor:
    """An edit of one post's front matter (from `Post.edit`).  Paths are JSON pointers
    (``/title``, ``/tags/0``, ``/params/lastmod``) or top-level key names (``title``).
    Every operation is verified by the library — the new text must read back as exactly the
    intended data — and raises `EditError` otherwise, leaving the editor as it was.  The
    mapping spelling works on top-level keys: ``ed["title"] = "x"``, ``del ed["draft"]``,
    ``ed["tags"].append("x")`` (``ed[key]`` reads the edited value; a list comes back as an
    `EditList` whose ``append``, ``extend``, item assignment and ``del`` edit the post).
    One thread at a time."""

    __slots__ = ("_native", "_post", "_metadata")

    def __init__(self, native: Any, post: Any) -> None:
        self._native = native
        self._post = post
        self._metadata: Optional[Dict[str, Any]] = None

    @classmethod
    def of(cls, post: Any) -> "Editor":
        """An editor of `post` as parsed (`Post.edit` also applies changes made to
        ``post.metadata``).  Raises `EditError` ``not_editable`` when its front matter has
        errors."""
        status, native = _core.edit_new(post._doc)
        if native is None:
            first = next((d for d in post.diagnostics if d.severity == "error"), None)
            why = "; first: %d:%d: %s" % (first.line, first.column, first.message) if first else ""
            raise EditError("the front matter has errors, so edits cannot be checked" + why, status, "",
                            post._source_name())
        return cls(native, post)

    # ---- operations (each returns the editor, so that they chain) ----
    def set(self, path: str, value: Any) -> "Editor":
        """Sets the value at `path` (a key that is not there is added at the end of its
        mapping): a scalar (str, int, float, bool, None, datetime, date), a list of scalars, or
        a dict / nested list (written in the post's style; dates in them become ISO strings).
        A datetime replacing a date keeps that date's spelling."""
        p = pointer(path)
        scalar = _scalar(value)
        if scalar is not None:
            return self._done(self._native.set(p, scalar), p)
        if isinstance(value, (list, tuple)):
            items = [_scalar(v) for v in value]
            if all(i is not None for i in items):
                return self._done(self._native.set_list(p, items), p)
        if isinstance(value, (dict, list, tuple, int)):
            return self._done(self._native.set_json(p, json.dumps(value, default=_json_default)), p)
        raise TypeError("cannot write a %s in front matter" % type(value).__name__)

    def append(self, path: str, value: Scalar) -> "Editor":
        """Appends a scalar to the list at `path` (a missing or null key becomes a list)."""
        p = pointer(path)
        return self._done(self._native.append(p, self._scalar_arg(value)), p)

    def delete(self, path: str) -> "Editor":
        """Deletes the key or list item at `path`."""
        p = pointer(path)
        return self._done(self._native.delete(p), p)

    def rename(self, path: str, new_key: str) -> "Editor":
        """Renames the key at `path` to `new_key`, keeping its value and place."""
        p = pointer(path)
        return self._done(self._native.rename(p, new_key), p)

    def insert(self, path: str, key: str, value: Scalar, *, before: bool = False) -> "Editor":
        """Adds ``key: value`` right after (or `before`) the key at `path`."""
        p = pointer(path)
        return self._done(self._native.insert(p, not before, key, self._scalar_arg(value)), p)

    # ---- results ----
    @property
    def format(self) -> Optional[str]:
        """"yaml", "json" or "toml": the format the editor writes (None for a post without
        front matter until a key is set; it then gets a YAML block)."""
        return _FORMAT_NAMES[self._native.format]

    def render_bytes(self) -> bytes:
        """The whole new post as UTF-8 bytes: the front matter with the edits, then the body
        byte for byte (no edits: the post as it was)."""
        return self._rendered(self._native.render(), "")

    def render(self) -> str:
        """`render_bytes` decoded (bytes that are not UTF-8 become U+FFFD, as in
        `Post.content`)."""
        return self.render_bytes().decode("utf-8", "replace")

    def convert(self, to: str) -> str:
        """The whole new post with its front matter written afresh in `to` ("yaml", "toml"
        or "json"), keys in order, the body untouched (comments are not carried over).
        `EditError` ``not_representable`` when `to` cannot hold the data (TOML: null)."""
        if to not in _FORMATS:
            raise ValueError("convert to yaml, toml or json, not %r" % (to,))
        return self._rendered(self._native.convert(_FORMATS[to]), "").decode("utf-8", "replace")

    def to_post(self) -> Any:
        """The new post, parsed with the original post's options."""
        from ._post import parse
        return parse(self.render_bytes(), options=self._post._options)

    # ---- the mapping spelling (top-level keys) ----
    @property
    def metadata(self) -> Dict[str, Any]:
        """The edited front matter as a dict (a fresh copy; edit through the editor)."""
        if self._metadata is None:
            self._metadata = self.to_post().metadata
        return dict(self._metadata)

    def __getitem__(self, key: str) -> Any:
        value = self.metadata[key]
        return EditList(self, _token(key), value) if isinstance(value, list) else value

    def __setitem__(self, key: str, value: Any) -> None:
        self.set(_token(key), value)

    def __delitem__(self, key: str) -> None:
        try:
            self.delete(_token(key))
        except EditError as e:
            if e.code == "not_found":
                raise KeyError(key) from e
            raise

    def __contains__(self, key: object) -> bool:
        return key in self.metadata

    def __iter__(self) -> Iterator[str]:
        return iter(self.metadata)

    def __len__(self) -> int:
        return len(self.metadata)

    def keys(self) -> List[str]:
        """The edited front matter's top-level keys, in order."""
        return list(self.metadata)

    def get(self, key: str, default: Any = None) -> Any:
        """``editor[key]``, or `default` when the key is not there."""
        return self[key] if key in self.metadata else default

    def __reduce__(self) -> Any:
        raise TypeError("an Editor cannot be pickled; pickle its render()")

    def __repr__(self) -> str:
        return "<Editor %s>" % (self.format or "no front matter")

    # ---- internals ----
    def _scalar_arg(self, value: Any) -> tuple:
        scalar = _scalar(value)
        if scalar is None:
            raise TypeError("a scalar (str, int of 64 bits, float, bool, None, date) is needed, not %s"
                            % type(value).__name__)
        return scalar

    def _raise(self, status: str, path: str) -> None:
        problem = _PROBLEMS.get(status, "the edit failed")
        raise EditError("%s: %s (%s)" % (path or "the front matter", problem, status), status, path,
                        self._post._source_name())

    def _done(self, status: str, path: str) -> "Editor":
        if status != "ok":
            self._raise(status, path)
        self._metadata = None
        return self

    def _rendered(self, result: Tuple[str, Optional[bytes]], path: str) -> bytes:
        status, data = result
        if data is None:
            self._raise(status, path)
        assert data is not None
        return data


class EditList(list):  # type: ignore[type-arg]
    """A list value read through ``editor[key]``: a copy of the list whose ``append``,
    ``extend``, ``+=``, item assignment and ``del`` also edit the post (one line each in a
    block list).  Other changes (insert, sort...) raise TypeError: set the whole list with
    ``editor[key] = [...]`` instead."""

    def __init__(self, editor: Editor, path: str, items: List[Any]) -> None:
        super().__init__(items)
        self._editor = editor
        self._path = path

    # Parameter names as list's own (typeshed's), for the stubs.
    def append(self, object: Any, /) -> None:  # noqa: A002
        self._editor.append(self._path, object)
        super().append(object)

    def extend(self, iterable: Any, /) -> None:
        for value in list(iterable):
            self.append(value)

    def __iadd__(self, values: Any) -> "EditList":  # type: ignore[override,misc]
        self.extend(values)
        return self

    def __setitem__(self, index: Any, value: Any) -> None:
        if not isinstance(index, int):
            raise TypeError("set one item at a time, or the whole list through the editor")
        i = index + len(self) if index < 0 else index
        self._editor.set("%s/%d" % (self._path, i), value)
        super().__setitem__(index, value)

    def __delitem__(self, index: Any) -> None:
        if not isinstance(index, int):
            raise TypeError("delete one item at a time, or set the whole list through the editor")
        i = index + len(self) if index < 0 else index
        self._editor.delete("%s/%d" % (self._path, i))
        super().__delitem__(index)

    # The other changes would not be made in the post: refused, never silently local.
    def insert(self, index: Any, object: Any, /) -> None:  # noqa: A002
        _refuse()

    def remove(self, value: Any, /) -> None:
        _refuse()

    def pop(self, index: Any = -1, /) -> Any:
        _refuse()

    def clear(self) -> None:
        _refuse()

    def sort(self, *, key: Any = None, reverse: bool = False) -> None:
        _refuse()

    def reverse(self) -> None:
        _refuse()

    def __imul__(self, count: Any, /) -> "EditList":  # type: ignore[override,misc]
        _refuse()


def _refuse() -> Any:
    raise TypeError("this change is not made in the post: set the whole list with editor[key] = [...]")


def apply_metadata(editor: Editor, original: Dict[str, Any], current: Dict[str, Any], prefix: str = "") -> None:
    """Edits that turn `original` into `current`: deleted keys deleted, changed values set
    (nested dicts key by key; a list that only grew gets its new items appended), new keys
    added at the end.  Key order changes are not made."""
    for key in original:
        if key not in current:
            editor.delete(prefix + _token(key))
    for key, value in current.items():
        path = prefix + _token(key)
        if key not in original:
            editor.set(path, value)
            continue
        old = original[key]
        if _same(old, value):
            continue
        if isinstance(old, dict) and isinstance(value, dict):
            apply_metadata(editor, old, value, path)
        elif (isinstance(old, list) and isinstance(value, list) and len(value) > len(old)
              and _same(value[:len(old)], old) and all(_scalar(v) is not None for v in value[len(old):])):
            for item in value[len(old):]:
                editor.append(path, item)
        else:
            editor.set(path, value)


def dumps(post: Any) -> str:
    """python-frontmatter's ``frontmatter.dumps``: the post as text — an `Editor`'s render,
    or a `Post` with the changes made to its ``metadata`` written in (only those bytes
    change)."""
    if isinstance(post, Editor):
        return post.render()
    return post.edit().render()


def dump(post: Any, fd: Union[str, "IO[bytes]", Any]) -> None:
    """python-frontmatter's ``frontmatter.dump``: `dumps` written to a path or a binary (or
    text) file object."""
    data = post.render_bytes() if isinstance(post, Editor) else post.edit().render_bytes()
    if hasattr(fd, "write"):
        try:
            fd.write(data)
        except TypeError:
            fd.write(data.decode("utf-8", "replace"))
        return
    with open(fd, "wb") as f:
        f.write(data)
