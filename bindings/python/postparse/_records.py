"""The plain records a parsed post is read into: immutable, picklable named tuples that hold
copies of the data, so they outlive the `Post` they came from."""

from __future__ import annotations

from typing import NamedTuple, Optional, Tuple


class Span(NamedTuple):
    """A region of the post: byte ``offset`` and ``length`` in its source, and the 1-based
    ``line`` and ``column`` (in characters) where it starts."""

    offset: int
    length: int
    line: int
    column: int


class Inline(NamedTuple):
    """A link or emphasis inside a paragraph.  Its text is ``paragraph.text`` from byte
    ``text_offset``, ``text_length`` bytes of its UTF-8 (`Paragraph.inline_text` slices it)."""

    kind: str  # "link", "emphasis", "strong", "code"
    href: str  # links only; "" otherwise
    text_offset: int
    text_length: int
    span: Span


class Paragraph(NamedTuple):
    """One paragraph as a reader sees it."""

    kind: str  # "paragraph", "heading", "list_item", "quote", "pre", "table_cell", "caption"
    level: int  # heading level 1-6, list nesting depth; 0 otherwise
    text: str  # normalised text; "\n" for a line break
    boilerplate: bool
    reason: str  # why it is boilerplate ("marker:qr", "editorial:editor"...); "" for content
    span: Span
    inline: Tuple[Inline, ...]
    # What set its class last ("default/copyright", "signal/marker"...); "" when nothing did.
    rule: str = ""
    evidence: str = ""  # what that rule or signal saw (its pattern, the element...)

    def inline_text(self, inline: Inline) -> str:
        """The part of this paragraph's text that `inline` covers."""
        data = self.text.encode("utf-8")
        return data[inline.text_offset:inline.text_offset + inline.text_length].decode("utf-8", "replace")


class Image(NamedTuple):
    """An image of the body."""

    src: str
    alt: str
    class_name: str
    span: Span
    boilerplate: bool
    reason: str


class Link(NamedTuple):
    """A link of the body, with its text normalised as paragraph text."""

    href: str
    text: str
    span: Span


class Comment(NamedTuple):
    """An HTML comment of the body, as written."""

    text: str
    span: Span


class Diagnostic(NamedTuple):
    """A problem found in a post (or a profile): never an exception, the rest is still read."""

    code: str  # pinned name: "syntax", "invalid_date", "duplicate_key"...
    severity: str  # "note", "warning", "error"
    part: str  # "split", "front_matter", "body", "profile"
    message: str
    offset: int
    line: int
    column: int


class EditorialField(NamedTuple):
    """One editorial field a profile captured from the body, with the rule that did."""

    key: str
    value: str
    rule: str
    span: Span


PARAGRAPH_KINDS = ("paragraph", "heading", "list_item", "quote", "pre", "table_cell", "caption")
INLINE_KINDS = ("link", "emphasis", "strong", "code")
SEVERITIES = ("note", "warning", "error")
PARTS = ("split", "front_matter", "body", "profile")


def span(t: Optional[tuple]) -> Optional[Span]:
    return Span(*t) if t is not None else None


def diagnostic(t: tuple) -> Diagnostic:
    code, severity, part, message, offset, line, column = t
    return Diagnostic(code, SEVERITIES[severity], PARTS[part], message, offset, line, column)
