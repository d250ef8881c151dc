"""Parse options and profiles: immutable, comparable and picklable values, built into the
native objects once and shared by every parse that uses them."""

from __future__ import annotations

import os
import threading
from typing import Any, Dict, Iterable, Mapping, Optional, Tuple, Union

from . import _core
from ._errors import ProfileError
from ._records import Diagnostic, diagnostic

PathLike = Union[str, "os.PathLike[str]"]

#: The limits `Options(limits=...)` takes, by name (the CLI's ``--max-*`` flags).
LIMITS: Dict[str, int] = {
    "input_bytes": 0,
    "front_matter_bytes": 1,
    "depth": 2,
    "alias_nodes": 3,
    "keys": 4,
    "diagnostics": 5,
    "html_nodes": 6,
    "html_depth": 7,
    "html_attributes": 8,
    "alias_bytes": 9,
}

_CHOICES: Dict[str, Tuple[str, ...]] = {
    "yaml": ("1.2", "1.1"),
    "duplicate_keys": ("error", "first", "last"),
    "body_format": ("auto", "html", "markdown"),
    "html_mode": ("auto", "fragment", "document"),
    "text_form": ("nfc", "nfkc", "raw"),
}
_FLAGS = ("hexo_unfenced", "html_errors", "scripting", "default_profile")
_DEFAULTS: Dict[str, Any] = {
    "yaml": "1.2",
    "duplicate_keys": "error",
    "timezone": "UTC",
    "hexo_unfenced": False,
    "body_format": "auto",
    "html_mode": "auto",
    "html_errors": False,
    "scripting": False,
    "text_form": "nfc",
    "source_name": None,
    "default_profile": True,
}
#: Largest profile text `Profile.load` reads (the library's default, 1 MiB).
PROFILE_MAX_BYTES = 1 << 20


class Profile:
    """A compiled profile: extraction rules in YAML (``profiles/README.md``).  Immutable;
    shareable between threads and options.  Equal when their texts are; pickles as its text."""

    __slots__ = ("_text", "_native", "_max_bytes", "__weakref__")

    def __init__(self, text: Union[str, bytes], *, max_bytes: int = PROFILE_MAX_BYTES) -> None:
        """Compiles `text`; raises `ProfileError` with every diagnostic when it has errors."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        status, native = _core.load_profile(data, max_bytes)
        if native is None:
            raise ProfileError("profile: %s" % status)
        problems = [diagnostic(d) for d in native.diagnostics()]
        errors = [d for d in problems if d.severity == "error"]
        if errors:
            first = errors[0]
            raise ProfileError("profile %d:%d: %s" % (first.line, first.column, first.message), problems)
        self._text = data
        self._native = native
        self._max_bytes = max_bytes

    @classmethod
    def from_yaml(cls, text: Union[str, bytes], *, max_bytes: int = PROFILE_MAX_BYTES) -> "Profile":
        """A profile from its YAML text."""
        return cls(text, max_bytes=max_bytes)

    @classmethod
    def load(cls, path: PathLike, *, max_bytes: int = PROFILE_MAX_BYTES) -> "Profile":
        """A profile from a file; no more than `max_bytes` + 1 bytes are read."""
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
        return cls(data, max_bytes=max_bytes)

    @property
    def name(self) -> str:
        """The profile's ``profile:`` name."""
        return str(self._native.name)

    @property
    def rule_count(self) -> int:
        """How many rules it has."""
        return int(self._native.rule_count)

    @property
    def diagnostics(self) -> Tuple[Diagnostic, ...]:
        """Warnings found while compiling it (errors raise instead)."""
        return tuple(diagnostic(d) for d in self._native.diagnostics())

    @property
    def text(self) -> bytes:
        """The YAML it was compiled from."""
        return self._text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Profile) and other._text == self._text

    def __hash__(self) -> int:
        return hash(self._text)

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_profile_from_text, (self._text, self._max_bytes))

    def __repr__(self) -> str:
        return "Profile(name=%r, rules=%d)" % (self.name, self.rule_count)


def _profile_from_text(text: bytes, max_bytes: int) -> Profile:
    return Profile(text, max_bytes=max_bytes)


def _check_choice(name: str, value: Any) -> str:
    if value not in _CHOICES[name]:
        raise ValueError("%s must be one of %s, not %r" % (name, ", ".join(map(repr, _CHOICES[name])), value))
    return str(value)


class Options:
    """How posts are parsed, as keyword arguments named like the CLI's flags::

        Options(yaml="1.1", timezone="Asia/Shanghai", duplicate_keys="last",
                body_format="markdown", text_form="nfkc", hexo_unfenced=True,
                profiles=[Profile.load("sina.yaml")], default_profile=False,
                limits={"input_bytes": 1 << 20, "html_depth": 64})

    Immutable, comparable, hashable and picklable; one `Options` can be shared by any
    number of parses and threads.  A bad value raises ``ValueError`` at once (an unknown time
    zone too), so that a batch never fails halfway."""

    __slots__ = ("_settings", "_profiles", "_limits", "_native", "_lock")

    def __init__(self, *, yaml: str = "1.2", timezone: str = "UTC", duplicate_keys: str = "error",
                 body_format: str = "auto", text_form: str = "nfc", hexo_unfenced: bool = False,
                 profiles: Iterable[Profile] = (), default_profile: bool = True,
                 limits: Optional[Mapping[str, int]] = None, html_mode: str = "auto",
                 html_errors: bool = False, scripting: bool = False,
                 source_name: Optional[str] = None) -> None:
        settings = {
            "yaml": _check_choice("yaml", yaml),
            "duplicate_keys": _check_choice("duplicate_keys", duplicate_keys),
            "body_format": _check_choice("body_format", body_format),
            "html_mode": _check_choice("html_mode", html_mode),
            "text_form": _check_choice("text_form", text_form),
            "timezone": str(timezone),
            "source_name": None if source_name is None else str(source_name),
        }
        for flag, value in (("hexo_unfenced", hexo_unfenced), ("html_errors", html_errors),
                            ("scripting", scripting), ("default_profile", default_profile)):
            if not isinstance(value, bool):
                raise TypeError("%s must be a bool, not %r" % (flag, value))
            settings[flag] = value
        chosen_limits: Dict[str, int] = {}
        for name, value in dict(limits or {}).items():
            if name not in LIMITS:
                raise ValueError("unknown limit %r; limits are %s" % (name, ", ".join(sorted(LIMITS))))
            if isinstance(value, bool) or not isinstance(value, int) or value < 1 or value >= 1 << 64:
                raise ValueError("limit %s must be an int from 1 to 2**64-1, not %r" % (name, value))
            chosen_limits[name] = value
        chosen_profiles = tuple(profiles)
        for p in chosen_profiles:
            if not isinstance(p, Profile):
                raise TypeError("profiles must be Profile objects, not %r" % (p,))
        self._settings = settings
        self._profiles = chosen_profiles
        self._limits = chosen_limits
        self._native: Any = None
        self._lock = threading.Lock()
        self._build()  # refuses a bad time zone now rather than at the first parse

    def _build(self) -> Any:
        with self._lock:
            if self._native is None:
                s = self._settings
                try:
                    self._native = _core.make_options(
                        _CHOICES["yaml"].index(s["yaml"]), _CHOICES["duplicate_keys"].index(s["duplicate_keys"]),
                        s["timezone"], s["hexo_unfenced"], _CHOICES["body_format"].index(s["body_format"]),
                        _CHOICES["html_mode"].index(s["html_mode"]), s["html_errors"], s["scripting"],
                        _CHOICES["text_form"].index(s["text_form"]), _name_bytes(s["source_name"]),
                        s["default_profile"],
                        {LIMITS[k]: v for k, v in self._limits.items()}, [p._native for p in self._profiles])
                except ValueError as e:
                    if str(e).startswith("timezone"):
                        raise ValueError("unknown time zone %r (an IANA name such as 'Asia/Shanghai')"
                                         % s["timezone"]) from None
                    raise
            return self._native

    @property
    def native(self) -> Any:
        """The native options (for the parse functions)."""
        return self._native if self._native is not None else self._build()

    def replace(self, **changes: Any) -> "Options":
        """A copy with some settings changed."""
        return Options(**{**self.as_dict(), **changes})

    def as_dict(self) -> Dict[str, Any]:
        """The settings as keyword arguments."""
        return {**self._settings, "profiles": list(self._profiles), "limits": dict(self._limits)}

    def _key(self) -> Tuple[Any, ...]:
        return (tuple(sorted(self._settings.items(), key=lambda kv: kv[0])), self._profiles,
                tuple(sorted(self._limits.items())))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Options) and other._key() == self._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_options_from_dict, (self.as_dict(),))

    def __setattr__(self, name: str, value: Any) -> None:
        if hasattr(self, "_lock") and name != "_native":
            raise AttributeError("Options are immutable; use Options.replace(...)")
        object.__setattr__(self, name, value)

    def __repr__(self) -> str:
        changed = {k: v for k, v in self._settings.items() if _DEFAULTS.get(k) != v}
        parts = ["%s=%r" % kv for kv in changed.items()]
        if self._profiles:
            parts.append("profiles=%r" % (list(self._profiles),))
        if self._limits:
            parts.append("limits=%r" % (self._limits,))
        return "Options(%s)" % ", ".join(parts)


def _name_bytes(name: Optional[str]) -> Optional[bytes]:
    """A source name as the library takes it: UTF-8, with a file name's undecodable bytes
    (os.fsdecode's surrogate escapes) given back as they were."""
    return None if name is None else name.encode("utf-8", "surrogateescape")


def _options_from_dict(settings: Dict[str, Any]) -> Options:
    return Options(**settings)


def limit_default(name: str) -> int:
    """The default value of a limit (`LIMITS` names them)."""
    return int(_core.limit_default(LIMITS[name]))


def default_profile_text() -> str:
    """The YAML text of the built-in profile."""
    return str(_core.default_profile_text())
