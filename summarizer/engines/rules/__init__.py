"""The offline, deterministic rules engine (the no-key default)."""

from __future__ import annotations

from .engine import RulesEngine

__all__ = ["RulesEngine"]
