"""Report cache on disk (diskcache: SQLite-backed, safe for several processes and threads).

The key hashes everything that can change a report: engine, model, server, prompt name + version +
content hash, schema version, checker mode, the exact article text (every character counts: a hit
must give evidence offsets that fit the caller's text), publication date and the generation
parameters. An unusable cache directory never stops a run: it logs a warning and the
run goes on uncached.

A summarizer's first lookup reads the database without opening ``diskcache.Cache``, whose opening
writes its settings table (on every open: four ``fdatasync`` calls and the import of diskcache,
5-45 ms of a cached ``summarizer summarize`` on a busy disk). It is one ``SELECT`` of exactly the
row ``Cache.get`` reads, taken only when the answer is plain: the database's eviction policy does
not count reads, statistics are off, the entry has no expiry and is stored inline as text; anything
else (no database yet, another layout, an error) is left to ``diskcache`` as before.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from pathlib import Path
from typing import Any

from .schema import IncidentReport

log = logging.getLogger(__name__)

_DATABASE = "cache.db"  # diskcache.core.DBNAME
_INLINE = 1  # diskcache.core.MODE_RAW: the value is in the row itself
_PLAIN_READ = {("eviction_policy", "least-recently-stored"), ("statistics", 0)}  # a read writes nothing
_UNSURE = object()  # the lookup is left to diskcache


def cache_key(**parts: Any) -> str:
    """A stable hash of the named parts; the article text is hashed exactly as given.

    Normalizing it (whitespace, Unicode) would let two texts share a report whose evidence offsets
    fit only one of them.
    """
    if "text" in parts:
        parts["text"] = hashlib.sha256(str(parts["text"]).encode("utf-8", "surrogatepass")).hexdigest()
    blob = json.dumps(parts, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()


def fits_text(report: IncidentReport, text: str) -> bool:
    """Does every evidence span of ``report`` read its quote in ``text``?"""
    return all(text[e.start : e.end] == e.quote for _, fact in report.facts() for e in fact.evidence)


class ReportCache:
    """A thin, failure-tolerant wrapper over ``diskcache.Cache``."""

    def __init__(self, directory: Path, enabled: bool = True) -> None:
        self.directory = Path(directory)
        self.enabled = enabled
        self.problem: str | None = None
        self._cache: Any = None
        self._lock = threading.Lock()
        self._peeked = False  # the first lookup reads the database directly (see the module's docstring)

    def _open(self) -> Any:
        if not self.enabled or self.problem:
            return None
        if self._cache is None:
            with self._lock:
                if self._cache is None:
                    try:
                        import diskcache

                        self.directory.mkdir(parents=True, exist_ok=True)
                        self._cache = diskcache.Cache(str(self.directory), size_limit=2**30)
                    except Exception as exc:  # unusable dir: permissions, a file in the way, read-only fs
                        self.problem = (
                            f"cache directory {self.directory} is unusable ({exc}); running uncached"
                        )
                        log.warning(self.problem)
                        return None
        return self._cache

    def _peek(self, key: str) -> Any:
        """The stored text of ``key``, None when the database has no such entry, or ``_UNSURE``."""
        with self._lock:
            if self._peeked or self._cache is not None or not self.enabled or self.problem:
                return _UNSURE
            self._peeked = True
        path = self.directory / _DATABASE
        try:
            if not path.is_file():
                return _UNSURE
            import sqlite3

            con = sqlite3.connect(str(path), timeout=1.0, isolation_level=None)
        except Exception:
            return _UNSURE
        try:
            settings = con.execute(
                "SELECT key, value FROM Settings WHERE key IN ('eviction_policy', 'statistics')"
            ).fetchall()
            if set(settings) != _PLAIN_READ:
                return _UNSURE
            rows = con.execute(
                "SELECT expire_time, mode, filename, value FROM Cache WHERE key = ? AND raw = 1", (key,)
            ).fetchall()
        except Exception:
            return _UNSURE
        finally:
            con.close()
        if not rows:
            return None
        ((expire_time, mode, filename, value),) = rows
        if expire_time is not None or mode != _INLINE or filename is not None or not isinstance(value, str):
            return _UNSURE
        return value

    def get(self, key: str) -> IncidentReport | None:
        raw = self._peek(key)
        if raw is _UNSURE:
            cache = self._open()
            if cache is None:
                return None
            try:
                raw = cache.get(key)
            except Exception as exc:
                log.warning("cache read failed: %s", exc)
                return None
        if raw is None:
            return None
        try:
            return IncidentReport.model_validate_json(raw)
        except ValueError:
            return None  # written by an incompatible version: treat as a miss

    def set(self, key: str, report: IncidentReport) -> None:
        cache = self._open()
        if cache is None:
            return
        try:
            cache.set(key, report.model_dump_json())
        except Exception as exc:
            log.warning("cache write failed: %s", exc)

    def stats(self) -> dict[str, Any]:
        cache = self._open()
        if cache is None:
            return {"directory": str(self.directory), "enabled": False, "problem": self.problem}
        return {
            "directory": str(self.directory),
            "enabled": True,
            "entries": len(cache),
            "size_bytes": cache.volume(),
        }

    def clear(self) -> int:
        """Remove every entry; raise :class:`CacheError` when the cache cannot be opened or cleared
        (a corrupt database, a file where the folder should be, no permission)."""
        from .errors import CacheError

        if not self.enabled:
            return 0
        cache = self._open()
        if cache is None:
            raise CacheError(f"cannot clear the cache: {self.problem}".replace("; running uncached", ""))
        try:
            return int(cache.clear())
        except Exception as exc:
            raise CacheError(f"cannot clear the cache at {self.directory}: {exc}") from None

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()
