"""The offline, deterministic rules engine (the no-key default)."""

from __future__ import annotations

from .facade import RulesEngine

__all__ = ["RulesEngine"]
