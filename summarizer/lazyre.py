"""Regular expressions compiled on first use.

The rules engine and the normalizers hold a few hundred module-level patterns; compiling them all
when the modules load was about a quarter of a cold ``summarizer summarize`` (Python's ``re``
parses and compiles in Python), and a given article uses only part of them (the wire-copy,
foreign-language and role patterns, most of the checker's). :func:`lazy_compile` returns a
stand-in that compiles with :func:`re.compile` the first time a method is asked for and from then
on holds the compiled pattern's bound methods as its own attributes, so a call costs what a call
on the compiled pattern costs. Matching is exactly ``re``'s: the same pattern, the same flags.

A stand-in serves the pattern's methods and attributes (``search``, ``finditer``, ``sub``,
``pattern``, ``groupindex``...); it is not a :class:`re.Pattern` for ``isinstance`` and is not
passed to ``re.compile``/``re.search`` as the pattern argument (call its methods instead).
"""

from __future__ import annotations

import re
from typing import Any, cast

__all__ = ["lazy_compile"]

_SERVED = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "scanner",
    "flags",
    "groups",
    "groupindex",
)


class _LazyPattern:
    """A pattern compiled when first used (see the module's docstring)."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:  # only for attributes not yet set
        if name.startswith("__") or name not in _SERVED:
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for attr in _SERVED:
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}, {self._flags!r})"


def lazy_compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done the first time the pattern is used."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, int(flags)))
