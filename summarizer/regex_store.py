"""Compiled regular expressions kept between processes: a cold CLI run skips ``re``'s compiler.

The rules engine and the normalizers compile about 400 patterns at import, about 0.12 s of CPU
(``re``'s parser and code generator are Python code), a fifth of a cold ``summarizer summarize``.
CPython cannot pickle a compiled pattern, but the regex engine builds one from plain data: the
pattern, its final flags, the code list ``re`` generates, and the group tables. This module
stores that data for the patterns this package compiles (one ``marshal`` file in the cache
folder, keyed by the exact Python build) and, on the next start, hands ``re`` the stored code
instead of compiling again. The pattern objects are the ones ``re.compile`` would return: the
same code from the same inputs; only the work of generating it is skipped.

It is a hook on ``re``'s internal compile step, installed once when the package is imported, and
it only applies where that step exists in the form this module knows (CPython 3.11 and later,
checked on a probe pattern at install): anywhere else, or with ``SUMMARIZER_REGEX_CACHE=0``, it
does nothing. A pattern that is not in the file (a new one, another module's) compiles as
usual; new patterns of this package are added to the file when the process exits. Patterns of
other packages are compiled as always and never stored.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import logging
import marshal
import os
import re
import sys
import threading
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

_FORMAT = 2  # bump when the entry layout changes
_MAX_ENTRIES = 4000  # a bound on the file: beyond it, only the entries this process used are kept

Key = tuple[bool, "str | bytes", int]  # (is bytes, pattern, flags as given)
Entry = tuple[int, bytes, int, dict[str, int], tuple[Any, ...]]  # _sre.compile's arguments (code packed)

_lock = threading.Lock()
_table: dict[Key, Entry] = {}
_used: set[Key] = set()
_added = 0
_path: Path | None = None
_original: Callable[..., Any] | None = None
hits = 0  # patterns built from stored code in this process (tests and benchmarks read it)


def _disabled() -> bool:
    return os.environ.get("SUMMARIZER_REGEX_CACHE", "1").strip().lower() in ("0", "false", "no", "off")


def _store_path() -> Path:
    folder = os.environ.get("SUMMARIZER_CACHE_DIR")
    if not folder:
        from platformdirs import user_cache_dir

        folder = user_cache_dir("summarizer")
    import _sre

    build = f"{_FORMAT}|{sys.version}|{sys.implementation.cache_tag}|{getattr(_sre, 'MAGIC', '?')}"
    return Path(folder) / f"regex-{hashlib.sha256(build.encode()).hexdigest()[:16]}.marshal"


def _generate(pattern: str | bytes, flags: int) -> Entry:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` for a string pattern."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # plain values: the opcodes are int subclasses, which marshal does not write
    return (
        int(flags | parsed.state.flags),
        array("I", code).tobytes(),  # 4-byte code words, as _sre keeps them: a compact file
        int(parsed.state.groups - 1),
        {str(k): int(v) for k, v in groupindex.items()},
        tuple(indexgroup),
    )


def _build(pattern: str | bytes, entry: Entry) -> re.Pattern[Any]:
    import _sre

    flags, packed, groups, groupindex, indexgroup = entry
    code = array("I")
    code.frombytes(packed)
    compiled: re.Pattern[Any] = _sre.compile(pattern, flags, code.tolist(), groups, groupindex, indexgroup)
    return compiled


def _ours() -> bool:
    """Whether the compile was asked for by a module of this package (a few frames up)."""
    frame = sys._getframe(2)
    for _ in range(6):
        if frame is None:
            return False
        name = frame.f_globals.get("__name__", "")
        if isinstance(name, str) and (name == "summarizer" or name.startswith("summarizer.")):
            return True
        frame = frame.f_back  # type: ignore[assignment]
    return False


def _compile(pattern: Any, flags: int = 0) -> Any:
    """``re._compiler.compile`` with the stored code of this package's patterns."""
    global hits, _added
    original = _original
    assert original is not None
    if not isinstance(pattern, str | bytes) or not isinstance(flags, int) or flags & re.DEBUG:
        return original(pattern, flags)
    key: Key = (isinstance(pattern, bytes), pattern, flags)
    entry = _table.get(key)
    if entry is not None:
        try:
            compiled = _build(pattern, entry)
        except Exception:  # a stale or foreign entry: compile as usual
            _table.pop(key, None)
        else:
            hits += 1
            _used.add(key)
            return compiled
    if not _ours():
        return original(pattern, flags)
    try:
        entry = _generate(pattern, flags)
        compiled = _build(pattern, entry)
    except re.error:
        raise
    except Exception:  # the internals moved: the ordinary path
        return original(pattern, flags)
    with _lock:
        _table[key] = entry
        _used.add(key)
        _added += 1
    return compiled


def _probe_ok(original: Callable[..., Any]) -> bool:
    """The stored-code path gives what ``re`` gives, on a probe with groups and inline flags."""
    probe = r"(?i)(?P<word>\b[a-z]+(?:-[a-z]+)?)\s+(\d{1,3}(?:,\d{3})*)(?=\W|$)"
    try:
        ours = _build(probe, _generate(probe, 0))
        theirs = original(probe, 0)
    except Exception:
        return False
    sample = "Some 1,200 PEOPLE; well-known 7."
    return bool(
        ours.pattern == theirs.pattern
        and ours.flags == theirs.flags
        and ours.groups == theirs.groups
        and ours.groupindex == theirs.groupindex
        and [m.span() for m in ours.finditer(sample)] == [m.span() for m in theirs.finditer(sample)]
    )


def _load(path: Path) -> None:
    try:
        data = path.read_bytes()
    except OSError:
        return
    try:
        rows = marshal.loads(data)
        table = {(bool(b), p, int(f)): tuple(e) for b, p, f, e in rows}
    except Exception as exc:  # a torn or foreign file: start empty (rewritten at exit)
        log.debug("ignoring the regex store %s: %s", path, exc)
        return
    _table.update(table)


def save() -> None:
    """Write the table when this process compiled patterns the file did not have."""
    global _added
    path = _path
    if path is None or not _added:
        return
    with _lock:
        keys = list(_table) if len(_table) <= _MAX_ENTRIES else [k for k in _table if k in _used]
        rows = [(k[0], k[1], k[2], _table[k]) for k in keys]
        _added = 0
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".regex-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                marshal.dump(rows, handle)
            os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the new one
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        for old in path.parent.glob("regex-*.marshal"):  # files of other Python builds
            if old != path:
                with contextlib.suppress(OSError):
                    old.unlink()
    except (OSError, ValueError) as exc:
        log.debug("cannot store compiled regexes in %s: %s", path.parent, exc)


def install() -> bool:
    """Hook ``re``'s compile step (once per process). False when it does not apply here."""
    global _original, _path
    if _original is not None:
        return True
    if _disabled() or sys.implementation.name != "cpython" or sys.version_info < (3, 11):
        return False
    try:
        from re import _compiler  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - not CPython 3.11+
        return False
    original = getattr(_compiler, "compile", None)
    if original is None or not _probe_ok(original):
        return False
    try:
        _path = _store_path()
    except Exception:
        return False
    _load(_path)
    _original = original
    _compiler.compile = _compile
    atexit.register(save)
    return True


def uninstall() -> None:
    """Put ``re``'s own compile step back (tests)."""
    global _original, _path
    if _original is None:
        return
    from re import _compiler  # type: ignore[attr-defined]

    _compiler.compile = _original
    _original = None
    _path = None
    atexit.unregister(save)


install()  # on import: ``import summarizer`` imports this module first
