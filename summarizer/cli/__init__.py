"""The ``summarizer`` command line, composed from one root app (:mod:`.app`).

Library modules never import this package; it imports them.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Any

# The command line's modules (typer, rich, pydantic, the settings, the schema) allocate a few
# hundred thousand objects that live until the process ends: the cyclic collector, run again and
# again while they load, would only walk them (about 4% of a cached ``summarize``). It is paused
# for this import only and back as it was after (one collection then does what the many would).
_collecting = gc.isenabled()
gc.disable()
try:
    from .app import main
finally:
    if _collecting:
        gc.enable()
    del _collecting

if TYPE_CHECKING:
    from .app import app

__all__ = ["app", "main"]

# Importing the submodule bound the name ``app`` here to it; ``summarizer.cli.app`` is the Typer
# app, as it always was (the submodule stays in ``sys.modules``), built on first access below.
del globals()["app"]


def __getattr__(name: str) -> Any:
    """``app`` (every command) is built on first access: ``summarize`` runs on a lighter one."""
    if name == "app":
        from .app import full_app

        return full_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
