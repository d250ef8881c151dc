"""postparse: posts — front matter plus an HTML or Markdown body — into typed metadata and
clean paragraphs, on the postparse C library.

    >>> import postparse
    >>> post = postparse.parse_file("source/_posts/hello.md")
    >>> post.metadata["title"], post["date"]
    >>> [p.text for p in post.paragraphs if not p.boilerplate]
    >>> for post in postparse.parse_many(paths, threads=8): ...
    >>> post["title"] = "New"; text = postparse.dumps(post)   # only the title line changes

`Post` reads like python-frontmatter's (``post.metadata``, ``post.content``,
``post["title"]``); problems inside a post are `Post.diagnostics`, never exceptions.
"""

from . import _core
from ._edit import EditList, Editor, dump, dumps
from ._errors import EditError, Error, InputTooLarge, ParseError, ProfileError, XPathError
from ._options import LIMITS, Options, Profile, default_profile_text, limit_default
from ._post import Node, Post, load, loads, parse, parse_file, parse_many
from ._records import Comment, Diagnostic, EditorialField, Image, Inline, Link, Paragraph, Span

#: The version of the postparse library the package runs on.
__version__: str = _core.version()

__all__ = [
    "Comment", "Diagnostic", "EditError", "EditList", "Editor", "EditorialField", "Error", "Image", "Inline",
    "InputTooLarge", "LIMITS", "Link", "Node", "Options", "Paragraph", "ParseError", "Post", "Profile",
    "ProfileError", "Span", "XPathError", "__version__", "default_profile_text", "dump", "dumps",
    "limit_default", "load", "loads", "parse", "parse_file", "parse_many",
]
