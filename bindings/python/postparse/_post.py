"""A parsed post, and the functions that make one."""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any, Dict, Iterable, Iterator, KeysView, List, Optional, Tuple, Union

from . import _core
from ._errors import InputTooLarge, ParseError, XPathError
from ._options import Options
from ._records import (INLINE_KINDS, PARAGRAPH_KINDS, SEVERITIES, Comment, Diagnostic, EditorialField, Image, Inline, Link,
                       Paragraph, Span, diagnostic, span)

if TYPE_CHECKING:
    from ._edit import Editor

PathLike = Union[str, "os.PathLike[str]"]
Input = Union[bytes, bytearray, memoryview, str]
_FORMATS = (None, "yaml", "json", "toml")
_BODY_FORMATS = ("auto", "html", "markdown")
_NODE_KINDS = ("document", "element", "text", "comment", "doctype")
_NAMESPACES = ("html", "svg", "mathml")
#: Editorial keys that hold one value; every other key holds a list (as in the JSON output).
_SINGLE_EDITORIAL = ("editor", "source", "original_title")
_OUTPUT_BOILERPLATE = 1


class Node:
    """A node of the body's DOM (from `Post.select` or `Post.body_root`).  It keeps its
    post's document alive; it does not pickle (pickle the `Post`)."""

    __slots__ = ("_native",)

    def __init__(self, native: Any) -> None:
        self._native = native

    @property
    def kind(self) -> str:
        """"element", "text", "comment", "doctype" or "document"."""
        return _NODE_KINDS[self._native.kind]

    @property
    def tag(self) -> str:
        """An element's tag name (lower case for HTML); "" for other nodes."""
        return str(self._native.name) if self._native.kind == 1 else ""

    @property
    def namespace(self) -> str:
        """"html", "svg" or "mathml"."""
        return _NAMESPACES[self._native.namespace]

    @property
    def attrs(self) -> Dict[str, str]:
        """An element's attributes in source order; {} for other nodes."""
        return dict(self._native.attributes())

    @property
    def text(self) -> str:
        """The text of the node and its descendants, without markup."""
        return str(self._native.text())

    @property
    def html(self) -> str:
        """The node serialised as HTML (with its own tags)."""
        return str(self._native.html(True))

    @property
    def inner_html(self) -> str:
        """The node's children serialised as HTML."""
        return str(self._native.html(False))

    @property
    def value(self) -> str:
        """A text or comment node's text; "" for elements."""
        return str(self._native.value)

    @property
    def span(self) -> Optional[Span]:
        """Where the node is written in the post; None when the parser implied it."""
        return span(self._native.span)

    @property
    def parent(self) -> Optional["Node"]:
        """The parent node; None for the root."""
        p = self._native.parent
        return Node(p) if p is not None else None

    @property
    def children(self) -> List["Node"]:
        """The child nodes in document order."""
        return [Node(c) for c in self._native.children()]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Node) and bool(self._native == other._native)

    def __hash__(self) -> int:
        return hash(self._native)

    def __reduce__(self) -> Any:
        raise TypeError("a Node belongs to its parsed document and cannot be pickled; pickle the Post")

    def __repr__(self) -> str:
        if self.kind == "element":
            return "<Node %s %r>" % (self.tag, self.attrs) if self.attrs else "<Node %s>" % self.tag
        return "<Node %s %r>" % (self.kind, self.value[:40])


def _inline(t: tuple) -> Inline:
    kind, _text, href, offset, length, sp = t
    return Inline(INLINE_KINDS[kind], href, offset, length, Span(*sp))


class Post:
    """A parsed post: its front matter as `metadata` (python-frontmatter's name), its body as
    `content`, and what postparse reads from the body — `paragraphs`, `text`, `images`,
    `links`, `editorial` — with a span into the source for each.

    Problems inside the post never raise: they are `diagnostics`, and everything else is
    still read (`ok` says whether there is an error; `raise_for_errors()` raises it).
    The parsed document is immutable and safe to read from several threads; `metadata` is
    the post's own dict, made on first use (changes to it show in ``post[key]``, as in
    python-frontmatter).  Pickles as its source and options, and parses again when loaded."""

    __slots__ = ("_doc", "_options", "_source", "_metadata", "_paragraphs")

    def __init__(self, doc: Any, options: Optional[Options], source: Optional[str] = None) -> None:
        self._doc = doc
        self._options = options
        self._source = source  # the path parse_many read it from (its options name no source)
        self._metadata: Optional[Dict[str, Any]] = None
        self._paragraphs: Optional[Tuple[Paragraph, ...]] = None

    # ---- front matter, as python-frontmatter spells it ----
    @property
    def metadata(self) -> Dict[str, Any]:
        """The front matter as a dict in key order: str, int (exact beyond 64 bits), float,
        bool, None, list, dict, and aware `datetime` for date values (`date` when date-only).
        Empty when the post has none or it failed to parse (see `diagnostics`)."""
        if self._metadata is None:
            data = self._doc.front_matter()
            self._metadata = data if isinstance(data, dict) else {}
        return self._metadata

    @property
    def front_matter(self) -> Any:
        """The front matter's root value as parsed (normally the `metadata` dict; a list or
        scalar when the block holds one; None without front matter)."""
        return self._doc.front_matter()

    def __getitem__(self, key: str) -> Any:
        return self.metadata[key]

    def __setitem__(self, key: str, value: Any) -> None:
        """``metadata[key] = value`` (python-frontmatter's spelling); `dumps` writes it back."""
        self.metadata[key] = value

    def __delitem__(self, key: str) -> None:
        del self.metadata[key]

    def __contains__(self, key: object) -> bool:
        return key in self.metadata

    def get(self, key: str, default: Any = None) -> Any:
        """``metadata.get(key, default)``."""
        return self.metadata.get(key, default)

    def keys(self) -> KeysView[str]:
        """The front matter's keys, in order."""
        return self.metadata.keys()

    @property
    def format(self) -> Optional[str]:
        """"yaml", "json", "toml", or None without front matter."""
        return _FORMATS[self._doc.format]

    @property
    def front_matter_span(self) -> Optional[Span]:
        """The front matter block, fences included; None without one."""
        return span(self._doc.front_matter_span())

    # ---- the body ----
    @property
    def content(self) -> str:
        """The body as written (after the front matter), decoded as UTF-8 (U+FFFD for bytes
        that are not)."""
        return self._doc.body().decode("utf-8", "replace")

    @property
    def body_span(self) -> Span:
        """Where the body is: from after the front matter to the end of the post."""
        return Span(*self._doc.body_span())

    @property
    def body_format(self) -> str:
        """"html" or "markdown": how the body was read."""
        return _BODY_FORMATS[self._doc.body_format]

    @property
    def source(self) -> bytes:
        """The post's bytes, as parsed (every span's offset is into them)."""
        return bytes(self._doc.source())

    @property
    def paragraphs(self) -> Tuple[Paragraph, ...]:
        """Every paragraph, content and boilerplate, in document order."""
        if self._paragraphs is None:
            self._paragraphs = tuple(
                Paragraph(PARAGRAPH_KINDS[kind], level, text, boilerplate, reason, Span(*sp),
                          tuple(_inline(i) for i in inline), rule, evidence)
                for kind, level, text, boilerplate, reason, sp, inline, rule, evidence in self._doc.paragraphs())
        return self._paragraphs

    @property
    def content_paragraphs(self) -> List[str]:
        """The texts of the content paragraphs (boilerplate left out), fast."""
        return list(self._doc.paragraph_texts(False))

    @property
    def text(self) -> str:
        """The content paragraphs' texts joined by blank lines."""
        return "\n\n".join(self._doc.paragraph_texts(False))

    @property
    def images(self) -> Tuple[Image, ...]:
        """The body's images in document order, boilerplate ones (QR codes, icons) marked."""
        return tuple(Image(src, alt, cls, Span(*sp), bp, reason)
                     for src, alt, cls, sp, bp, reason in self._doc.images())

    @property
    def links(self) -> Tuple[Link, ...]:
        """The body's links in document order."""
        return tuple(Link(href, text, Span(*sp)) for href, text, sp in self._doc.links())

    @property
    def comments(self) -> Tuple[Comment, ...]:
        """The body's HTML comments."""
        return tuple(Comment(text, Span(*sp)) for text, sp in self._doc.comments())

    @property
    def editorial(self) -> Dict[str, Any]:
        """The editorial fields profiles captured from the body, as in the JSON output:
        ``editor``, ``source`` and ``original_title`` as strings (the first value captured),
        every other key (``reporters``, ``keywords``...) as a list of distinct strings."""
        out: Dict[str, Any] = {}
        for key, value, _rule, _sp in self._doc.editorial():
            if key in _SINGLE_EDITORIAL:
                out.setdefault(key, value)
            elif value not in out.setdefault(key, []):
                out[key].append(value)
        return out

    @property
    def editorial_fields(self) -> Tuple[EditorialField, ...]:
        """Every captured editorial value with the rule that captured it and its span."""
        return tuple(EditorialField(k, v, r, Span(*sp)) for k, v, r, sp in self._doc.editorial())

    @property
    def excerpt_paragraphs(self) -> Optional[int]:
        """With Hexo's ``<!-- more -->``: how many paragraphs come before it; else None."""
        return self._doc.excerpt_paragraphs()

    # ---- writing back ----
    def edit(self) -> "Editor":
        """An `Editor` of the post's front matter, with the changes already made to
        ``metadata`` applied (``post["title"] = "x"`` then ``post.edit()``); its edits change
        only the bytes they must.  Raises `EditError` when the front matter has errors."""
        from ._edit import Editor, apply_metadata
        editor = Editor.of(self)
        if self._metadata is not None:
            original = self._doc.front_matter()
            apply_metadata(editor, original if isinstance(original, dict) else {}, self._metadata)
        return editor

    # ---- problems ----
    @property
    def diagnostics(self) -> Tuple[Diagnostic, ...]:
        """Every problem found in the post (split, front matter, body), with its place."""
        return tuple(diagnostic(d) for d in self._doc.diagnostics())

    @property
    def ok(self) -> bool:
        """True when no diagnostic is an error."""
        return not any(SEVERITIES[d[1]] == "error" for d in self._doc.diagnostics())

    def raise_for_errors(self) -> "Post":
        """Raises `ParseError` for the first error diagnostic (its line and column); returns
        the post otherwise, so that it chains."""
        for d in self.diagnostics:
            if d.severity == "error":
                raise ParseError(d.message, d.code, d.line, d.column, self._source_name())
        return self

    def _source_name(self) -> Optional[str]:
        if self._source is not None:
            return self._source
        return self._options.as_dict()["source_name"] if self._options is not None else None

    # ---- the DOM ----
    def select(self, xpath: str) -> List[Node]:
        """The nodes an XPath 1.0 expression selects in the body (an attribute match gives
        its element).  Raises `XPathError` for an invalid expression."""
        status, nodes = self._doc.select(xpath, False)
        if status != "ok":
            raise XPathError("invalid XPath %r (%s)" % (xpath, status), xpath)
        return [Node(n) for n in nodes]

    def select_values(self, xpath: str) -> List[str]:
        """The XPath string values of the matches (an attribute's value, a node's text)."""
        status, values = self._doc.select(xpath, True)
        if status != "ok":
            raise XPathError("invalid XPath %r (%s)" % (xpath, status), xpath)
        return list(values)

    @property
    def body_root(self) -> Node:
        """The root of the body's DOM."""
        return Node(self._doc.body_root())

    # ---- renderings ----
    def to_json(self, explain: bool = False) -> str:
        """The post as one JSON object, exactly the JSON schema (``docs/json-schema.md``):
        every paragraph, boilerplate ones with their ``class`` and ``reason``; with
        ``explain``, every paragraph also has ``rule`` and ``evidence`` (what set its class)."""
        return str(self._doc.to_json(1 if explain else 0))

    def to_dict(self) -> Dict[str, Any]:
        """``json.loads(post.to_json())``."""
        return json.loads(self.to_json())

    def to_text(self, *, boilerplate: bool = False) -> str:
        """The content paragraphs as plain text (with boilerplate too when asked)."""
        return str(self._doc.to_text(_OUTPUT_BOILERPLATE if boilerplate else 0))

    def to_markdown(self, *, boilerplate: bool = False) -> str:
        """The content paragraphs as Markdown."""
        return str(self._doc.to_markdown(_OUTPUT_BOILERPLATE if boilerplate else 0))

    def __reduce__(self) -> Tuple[Any, ...]:
        options = self._options
        if self._source is not None:
            options = (options or Options()).replace(source_name=self._source)
        return (_unpickle_post, (self.source, options))

    def __repr__(self) -> str:
        title = self.metadata.get("title")
        return "<Post %s%d paragraphs%s>" % ("%r, " % title if isinstance(title, str) else "",
                                              len(self._doc.paragraph_texts(True)),
                                              "" if self.ok else ", with errors")


def _unpickle_post(source: bytes, options: Optional[Options]) -> Post:
    return parse(source, options=options)


def _options(options: Optional[Options], opts: Dict[str, Any]) -> Optional[Options]:
    if opts:
        return (options or Options()).replace(**opts) if options is not None else Options(**opts)
    return options


def _as_bytes(data: Input) -> bytes:
    if isinstance(data, str):
        return data.encode("utf-8")
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    raise TypeError("a post is bytes or str, not %s" % type(data).__name__)


def _post_of(status: str, doc: Any, options: Optional[Options], strict: bool, source: Optional[str] = None) -> Post:
    if doc is None:
        name = source or (options.as_dict()["source_name"] if options is not None else None)
        if status == "input_too_large":
            raise InputTooLarge("the post is larger than the input_bytes limit", status, 0, 0, name)
        raise ParseError("the post could not be parsed: %s" % status, status, 0, 0, name)
    post = Post(doc, options, source)
    return post.raise_for_errors() if strict else post


def parse(data: Input, *, options: Optional[Options] = None, strict: bool = False, **opts: Any) -> Post:
    """Parses a post (bytes, or str which is encoded as UTF-8).  Keyword arguments are
    `Options` settings (``parse(data, timezone="Asia/Shanghai")``).  The GIL is released
    while it parses.  With ``strict=True`` an error diagnostic raises `ParseError`."""
    options = _options(options, opts)
    status, doc = _core.parse(_as_bytes(data), options.native if options is not None else None)
    return _post_of(status, doc, options, strict)


def parse_file(path: PathLike, *, options: Optional[Options] = None, strict: bool = False, **opts: Any) -> Post:
    """Parses the post in a file (read as bytes); the file's path is its source name."""
    options = _options(options, opts)
    if options is None or options.as_dict()["source_name"] is None:
        options = (options or Options()).replace(source_name=os.fsdecode(path))
    with open(path, "rb") as f:
        data = f.read()
    return parse(data, options=options, strict=strict)


def loads(text: Input, **opts: Any) -> Post:
    """python-frontmatter's ``frontmatter.loads``: a post from its text."""
    return parse(text, **opts)


def load(fd: Any, **opts: Any) -> Post:
    """python-frontmatter's ``frontmatter.load``: a post from a file name or an open file."""
    if hasattr(fd, "read"):
        return parse(fd.read(), **opts)
    return parse_file(fd, **opts)


def parse_many(items: Iterable[Union[PathLike, bytes]], *, threads: Optional[int] = None,
               options: Optional[Options] = None, window: Optional[int] = None, **opts: Any) -> Iterator[Post]:
    """Parses many posts on a pool of native threads (the GIL released), yielding one `Post`
    per item in input order.  An item is a path (str or os.PathLike, read by the worker; the
    post's source name is the path, as with `parse_file`) or the post's bytes.
    At most `window` posts (default 4 per thread) are read or parsed ahead of the one being
    yielded, so memory stays bounded however many items there are.  A path that cannot be
    read raises its `OSError` at its place in the order."""
    options = _options(options, opts)
    count = threads if threads is not None else (os.cpu_count() or 1)
    if count < 1:
        raise ValueError("threads must be at least 1")
    batch = _core.Batch(iter(items), options.native if options is not None else None, count,
                        window if window is not None else 4 * count)
    try:
        for status, doc, source in batch:
            yield _post_of(status, doc, options, False, source)
    finally:
        batch.close()
