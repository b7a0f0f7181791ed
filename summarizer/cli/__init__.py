"""The ``summarizer`` command line, composed from one root app (:mod:`.app`).

Library modules never import this package; it imports them.
"""

from __future__ import annotations

from .app import app, main

__all__ = ["app", "main"]
