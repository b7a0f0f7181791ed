"""Evaluation against gold labels (the runner it shares with batch is :mod:`summarizer.runner`).

Flow: ``gold`` (read the JSONL format) -> :mod:`summarizer.runner` (concurrent, resumable, one row
per article) -> ``metrics`` (per-article scores, run-level metrics, latency/tokens/cost) -> ``report_md`` /
``report_html`` -> ``compare`` (deltas between runs, gates).
"""

from __future__ import annotations

from .gold import Gold, GoldFormatError, GoldRecord, load_gold

__all__ = [
    "Gold",
    "GoldFormatError",
    "GoldRecord",
    "load_gold",
]
