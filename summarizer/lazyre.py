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

Compiling the patterns one article needs was still about two fifths of the CPU of a cold
``summarizer summarize`` (issue #14). The compiled programs are therefore kept between processes,
beside the stored gazetteer (:func:`summarizer.stores.store_folder`; none when storing is off):
``re`` compiles a pattern in two steps, parsing it into a program (Python code, the cost) and
handing that program to ``_sre.compile`` (C, cheap). A pattern compiled here records its program
(the flags, the list of integers, the groups), and a later process hands the stored program to
``_sre.compile`` as ``re`` would: the same :class:`re.Pattern` (``==`` compares the flags, the
pattern and the program), with no parsing. The file is keyed by the Python version and the
``_sre`` engine's magic number and code size, written atomically when a process that compiled new
patterns exits; an unreadable file or an unwritable folder only costs the compiling. Without the
``re._parser``/``re._compiler`` internals (Python 3.10) patterns compile with :func:`re.compile`.
A program's code is stored as the bytes of an :class:`array.array` and becomes the list of
integers ``_sre`` takes only when its pattern is used: the file holds every pattern the engine
ever compiled, and unpickling all their code as Python integers cost a cached ``summarizer
summarize``, which uses ten of them, about 4% of its CPU.
"""

from __future__ import annotations

import atexit
import hashlib
import logging
import pickle
import re
import sys
import threading
from array import array
from importlib import import_module
from pathlib import Path
from typing import Any, cast

from .stores import store_folder, store_versioned

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
        compiled = _compile(self.pattern, self._flags)
        for attr in _SERVED:
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}, {self._flags!r})"


log = logging.getLogger(__name__)

_MAX_STORED = 20000  # programs kept in the file (module-level patterns are a few hundred)
_FORMAT = "code-bytes"  # in the file's key: a file of another layout is never read
Program = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
"""flags, code (an ``array`` of ``_sre.CODESIZE``-byte items, as bytes), groups, groupindex, indexgroup"""


class _ProgramStore:
    """The compiled programs of this Python's ``re``, loaded from the store file on first use."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.ready = False
        self.path: Path | None = None
        self.internals: tuple[Any, Any, Any] | None = None  # (_sre, re._parser, re._compiler)
        self.typecode = "I"  # the array typecode of one item of a program's code (_sre.CODESIZE bytes)
        self.programs: dict[tuple[str, int], Program] = {}
        self.new: dict[tuple[str, int], Program] = {}

    def load(self) -> None:
        try:
            sre = import_module("_sre")
            self.typecode = next(t for t in "HILQ" if array(t).itemsize == sre.CODESIZE)
            self.internals = (sre, import_module("re._parser"), import_module("re._compiler"))
        except (ImportError, StopIteration):  # Python 3.10 (sre_parse/sre_compile): re.compile
            return
        folder = store_folder()
        if folder is None:
            return
        version = f"{sys.version}|{sre.MAGIC}|{sre.CODESIZE}|{sys.maxunicode}|{_FORMAT}"
        key = hashlib.sha256(version.encode()).hexdigest()[:16]
        self.path = folder / f"regex-programs-{key}.pickle"
        self.programs = _read(self.path)

    def save(self) -> None:
        """Add this process's new programs to the file (merged with what another process wrote)."""
        with self.lock:
            new, self.new = self.new, {}
        if not new or self.path is None:
            return
        merged = _read(self.path)
        for key, program in new.items():
            if len(merged) >= _MAX_STORED:
                break
            merged.setdefault(key, program)
        try:
            store_versioned(
                self.path, pickle.dumps(merged, protocol=pickle.HIGHEST_PROTOCOL), "regex-programs-*.pickle"
            )
        except OSError as exc:
            log.debug("cannot store the compiled patterns in %s: %s", self.path.parent, exc)


def _read(path: Path) -> dict[tuple[str, int], Program]:
    try:
        with path.open("rb") as handle:
            data = pickle.load(handle)
    except FileNotFoundError:
        return {}
    except Exception as exc:  # a truncated or foreign file: compile as if there were none
        log.debug("ignoring the stored compiled patterns %s: %s", path, exc)
        return {}
    return data if isinstance(data, dict) else {}


_STORE = _ProgramStore()


def _compile(pattern: str, flags: int) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``; the program from the store when this Python compiled it before."""
    store = _STORE
    if not store.ready:
        with store.lock:
            if not store.ready:
                store.load()
                store.ready = True
    if store.internals is None:
        return re.compile(pattern, flags)
    sre, parser, compiler = store.internals
    program = store.programs.get((pattern, flags))
    if program is not None:
        try:
            stored_flags, packed, stored_groups, stored_index, stored_names = program
            code = array(store.typecode, packed).tolist()  # the list of integers _sre takes
            return cast(
                "re.Pattern[str]",
                sre.compile(pattern, stored_flags, code, stored_groups, stored_index, stored_names),
            )
        except Exception:  # a program this _sre does not take: compile it again below
            pass
    # what re._compiler.compile does for a str pattern (no DEBUG flag), keeping the program
    try:
        parsed = parser.parse(pattern, flags)
        code = [int(op) for op in compiler._code(parsed, flags)]
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        final_flags, groups = int(flags | parsed.state.flags), parsed.state.groups - 1
        compiled = cast(
            "re.Pattern[str]", sre.compile(pattern, final_flags, code, groups, groupindex, tuple(indexgroup))
        )
        program = (final_flags, array(store.typecode, code).tobytes(), groups, groupindex, tuple(indexgroup))
    except re.error:
        raise
    except Exception as exc:  # internals this Python changed: re.compile from now on, no store
        log.debug("compiled patterns are not stored on this Python: %s", exc)
        store.internals = None
        return re.compile(pattern, flags)
    if store.path is not None:
        with store.lock:
            if not store.new:
                atexit.register(store.save)
            store.programs[(pattern, flags)] = program
            store.new[(pattern, flags)] = program
    return compiled


def lazy_compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done the first time the pattern is used."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, int(flags)))
