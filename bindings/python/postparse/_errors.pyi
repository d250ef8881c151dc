from typing import Any, List, Optional, Sequence, Tuple

from ._records import Diagnostic

class Error(Exception): ...

class ParseError(Error, ValueError):
    message: str
    code: str
    line: int
    column: int
    source: Optional[str]
    def __init__(self, message: str, code: str = ..., line: int = ..., column: int = ..., source: Optional[str] = ...) -> None: ...
    def __reduce__(self) -> Tuple[Any, ...]: ...

class InputTooLarge(ParseError): ...

class ProfileError(Error, ValueError):
    message: str
    diagnostics: List[Diagnostic]
    def __init__(self, message: str, diagnostics: Sequence[Any] = ...) -> None: ...
    def __reduce__(self) -> Tuple[Any, ...]: ...

class XPathError(Error, ValueError):
    message: str
    xpath: str
    def __init__(self, message: str, xpath: str = ...) -> None: ...
    def __reduce__(self) -> Tuple[Any, ...]: ...
