"""CI gate for events: the offline engine on the gold events (dev + hard sets) must stay above the
floors below (the README's measured figures, minus a small margin for engine changes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "evals" / "data"
GATES = [
    "grouping.f1=0.95",
    "grouping.precision=0.95",
    "consolidated.killed=0.95",
    "consolidated.injured=0.95",
    "consolidated.date=0.95",
    "consolidated.city=0.9",
    "conflicts.precision=0.9",
    "conflicts.recall=0.9",
    "brief.must_include=0.95",
    "brief.must_not_include=1.0",
    "brief.checker_problem_rate=0.0",
    "brief.unattributed_conflict_rate=0.0",
]


@pytest.mark.slow
def test_events_eval_meets_its_floors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "events"
    args = [
        "eval",
        "events",
        "--gold",
        str(DATA / "events_gold.jsonl"),
        "--engine",
        "rules",
        "--out",
        str(out),
    ]
    args += ["-a", str(DATA / "dev.jsonl"), "-a", str(DATA / "events_hard.jsonl")]
    for gate in GATES:
        args += ["--fail-under", gate]
    result = CliRunner().invoke(app, args)
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["run"]["n_events"] >= 28 and not metrics["run"]["errors"]
    assert min(v for v in metrics["consolidated"].values() if v is not None) >= 0.85
    assert result.exit_code == 0, result.output
