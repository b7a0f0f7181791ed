"""The ``summarizer`` command line, composed from one root app (:mod:`.app`).

Library modules never import this package; it imports them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .app import main

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
