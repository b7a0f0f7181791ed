"""Grouping at scale on synthetic reports (quality and determinism; timing is in evals/bench_events.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from evals.synthetic_events import clusters, synthetic_members
from summarizer.events import group_events
from summarizer.events.evaluate import bcubed


@pytest.mark.slow
def test_group_events_on_1500_synthetic_reports() -> None:
    members, truth = synthetic_members(1500, seed=11)
    groups = group_events(members)
    score = bcubed([g.ids for g in groups], clusters(truth, [m.id for m in members]))
    # measured 0.91 / 0.99 at seed 11; twins in one city on one day are the hard part
    assert score["recall"] >= 0.97
    assert score["precision"] >= 0.87
    # no group joins reports more than the date window apart
    for g in groups:
        days = [members[i].report.article.published for i in g.indices]
        dated = [d for d in days if d is not None]
        assert max(dated) - min(dated) <= timedelta(days=5)
    # the same reports in reverse order: the same events
    again = group_events(list(reversed(members)))
    assert sorted(sorted(g.ids) for g in again) == sorted(sorted(g.ids) for g in groups)
