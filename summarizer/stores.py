"""Where the built tables are stored between processes (the gazetteer, the US places, the common
English words, the compiled regular expressions), and the atomic write they share. Standard
library only: every layer may import it."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["store_folder", "store_versioned"]


def store_folder() -> Path | None:
    """The folder of the stored word tables (the gazetteer, the common English words): the cache
    folder (``SUMMARIZER_CACHE_DIR``, else the user cache folder); None when storing is turned off
    (``SUMMARIZER_GAZETTEER_CACHE=0``)."""
    if os.environ.get("SUMMARIZER_GAZETTEER_CACHE", "1").strip().lower() in ("0", "false", "no", "off"):
        return None
    folder = os.environ.get("SUMMARIZER_CACHE_DIR")
    if not folder:
        from platformdirs import user_cache_dir

        folder = user_cache_dir("summarizer")
    return Path(folder)


def store_versioned(path: Path, data: bytes, versions: str) -> None:
    """Write ``data`` to ``path`` atomically (a concurrent reader sees the old file or the whole new
    one), then remove the other versions beside it (the files matching the glob ``versions``).
    Raises :class:`OSError` when the folder cannot be written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    for old in path.parent.glob(versions):
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()
