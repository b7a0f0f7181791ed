"""The rules engine's class: what it is (name, model, profile) without loading its rules.

The rules, word lists and the gazetteer load on the first :meth:`RulesEngine.extract`, so a run
that only needs the engine's identity (a cached report, listing engines) stays light.
"""

from __future__ import annotations

from ..base import EngineProfile, EngineResult, ExtractionRequest

__all__ = ["RulesEngine"]


class RulesEngine:
    """Offline rules engine implementing the :class:`~summarizer.engines.base.Engine` protocol."""

    name = "rules"
    model = "rules-v14"
    server: str | None = None
    # reads English, and Spanish/French tolls with a small lexicon; other languages: is_incident null
    profile = EngineProfile(
        uses_prompt=False,
        self_checked=True,
        revises_summary=False,
        languages=("en", "es", "fr"),
        cpu_bound=True,
    )
    prompt = None  # reads the article directly: provenance and cache key carry no prompt

    def extract(self, request: ExtractionRequest) -> EngineResult:
        from .engine import extract_draft

        return EngineResult(draft=extract_draft(request.text, request.reference_date, request.title))
