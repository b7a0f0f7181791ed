"""Test support: the fake OpenAI-compatible server lives in the package
(:mod:`summarizer.evaluation.fake_openai`, the checker harness runs on it; it also speaks the Batch
API's /v1/files and /v1/batches); a fire fixture for batch tests and the benchmarks stays here."""

from __future__ import annotations

from typing import Any

from summarizer.evaluation.fake_openai import (
    FakeBatches,
    FakeOpenAI,
    Reply,
    ReplyFactory,
    completion,
    tool_reply,
)

__all__ = [
    "FIRE_DRAFT",
    "FakeBatches",
    "FakeOpenAI",
    "Reply",
    "ReplyFactory",
    "completion",
    "fire_article",
    "tool_reply",
]

# A small fire report and a matching draft, for runs that need many distinct articles (batch tests,
# the throughput benchmark).
FIRE_DRAFT: dict[str, Any] = {
    "is_incident": True,
    "category": "fire",
    "location": {
        "city": "Lagos",
        "country": "Nigeria",
        "as_stated": "Lagos",
        "quote": "A fire at a market in Lagos",
    },
    "killed": {"value": 3, "qualifier": "exact", "as_stated": "3 people", "quote": "killed 3 people"},
    "summary": "A fire at a market in Lagos killed 3 people, officials said.",
}


def fire_article(i: int) -> str:
    return f"A fire at a market in Lagos killed 3 people on Monday, officials said. Report number {i}."
