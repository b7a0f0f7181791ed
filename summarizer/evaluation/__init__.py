"""Evaluation against gold labels, and the resumable runner shared with ``summarizer batch``.

Flow: ``gold`` (read the JSONL format) -> ``runner`` (concurrent, resumable, one row per article)
-> ``metrics`` (per-article scores, run-level metrics, latency/tokens/cost) -> ``report_md`` /
``report_html`` -> ``compare`` (deltas between runs, gates).
"""

from __future__ import annotations

from .gold import Gold, GoldFormatError, GoldRecord, load_gold
from .runner import ResultStore, Runner, RunOutcome, WorkItem

__all__ = [
    "Gold",
    "GoldFormatError",
    "GoldRecord",
    "ResultStore",
    "RunOutcome",
    "Runner",
    "WorkItem",
    "load_gold",
]
