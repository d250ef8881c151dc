"""The exceptions postparse raises.  Every one is a `postparse.Error`; those about a bad
input or argument are also `ValueError`, so ``except ValueError`` keeps working for callers
that do not know postparse.  All pickle (they cross process boundaries in Dask and
multiprocessing)."""

from __future__ import annotations

from typing import Any, Optional, Sequence, Tuple


class Error(Exception):
    """Base class of every postparse exception."""


class ParseError(Error, ValueError):
    """A post could not be parsed, or (``strict=True``, ``Post.raise_for_errors()``) it has an
    error diagnostic.  ``code`` is the diagnostic's or status's name (``"syntax"``,
    ``"invalid_date"``...), ``line`` and ``column`` where it is (1-based; 0 when unknown),
    ``source`` the post's name when it has one."""

    def __init__(self, message: str, code: str = "", line: int = 0, column: int = 0,
                 source: Optional[str] = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.line = line
        self.column = column
        self.source = source

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (self.message, self.code, self.line, self.column, self.source))

    def __str__(self) -> str:
        where = "%s:" % self.source if self.source else ""
        if self.line:
            where += "%d:%d:" % (self.line, self.column)
        return "%s %s" % (where, self.message) if where else self.message


class InputTooLarge(ParseError):
    """The input is larger than the ``input_bytes`` limit."""


class ProfileError(Error, ValueError):
    """A profile has errors.  ``diagnostics`` lists every problem found (each a
    `postparse.Diagnostic` with its line and column in the profile's text)."""

    def __init__(self, message: str, diagnostics: Sequence[Any] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.diagnostics = list(diagnostics)

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (self.message, self.diagnostics))

    def __str__(self) -> str:
        return self.message


class XPathError(Error, ValueError):
    """An XPath expression is not valid XPath 1.0 (``Post.select``)."""

    def __init__(self, message: str, xpath: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.xpath = xpath

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (self.message, self.xpath))

    def __str__(self) -> str:
        return self.message


class EditError(ParseError):
    """An edit of a post's front matter failed (`Post.edit`, `Editor`, `dumps`); the post and
    the editor are as they were.  ``code`` is the library's status name (``"not_found"``,
    ``"wrong_kind"``, ``"bad_path"``, ``"key_exists"``, ``"not_representable"``,
    ``"edit_unsupported"``, ``"edit_verify"``, ``"not_editable"``...), ``path`` the JSON
    pointer the edit named ("" for the whole front matter).  A `ParseError`, so a
    ``ValueError`` too."""

    def __init__(self, message: str, code: str = "", path: str = "", source: Optional[str] = None) -> None:
        super().__init__(message, code, 0, 0, source)
        self.path = path

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (self.message, self.code, self.path, self.source))
