from typing import NamedTuple, Optional, Tuple

class Span(NamedTuple):
    offset: int
    length: int
    line: int
    column: int

class Inline(NamedTuple):
    kind: str
    href: str
    text_offset: int
    text_length: int
    span: Span

class Paragraph(NamedTuple):
    kind: str
    level: int
    text: str
    boilerplate: bool
    reason: str
    span: Span
    inline: Tuple[Inline, ...]
    rule: str = ...
    evidence: str = ...
    def inline_text(self, inline: Inline) -> str: ...

class Image(NamedTuple):
    src: str
    alt: str
    class_name: str
    span: Span
    boilerplate: bool
    reason: str

class Link(NamedTuple):
    href: str
    text: str
    span: Span

class Comment(NamedTuple):
    text: str
    span: Span

class Diagnostic(NamedTuple):
    code: str
    severity: str
    part: str
    message: str
    offset: int
    line: int
    column: int

class EditorialField(NamedTuple):
    key: str
    value: str
    rule: str
    span: Span

PARAGRAPH_KINDS: Tuple[str, ...]
INLINE_KINDS: Tuple[str, ...]
SEVERITIES: Tuple[str, ...]
PARTS: Tuple[str, ...]

def span(t: Optional[tuple]) -> Optional[Span]: ...
def diagnostic(t: tuple) -> Diagnostic: ...
