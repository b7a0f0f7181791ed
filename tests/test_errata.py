"""evals/errata.py: a run's figures with and without the labels an errata table lists."""

from __future__ import annotations

from pathlib import Path

from evals.errata import read_errata, without
from summarizer.evaluation.metrics import field_metrics

ROOT = Path(__file__).resolve().parents[1]


def test_the_committed_errata_table_parses() -> None:
    pairs = read_errata(ROOT / "evals" / "gvdb_errata.md")
    assert len(pairs) >= 10
    assert all(rid.startswith("gvdb-") for rid, _ in pairs)
    assert {f for _, f in pairs} <= {
        "killed",
        "injured",
        "date",
        "is_incident",
        "country",
        "city",
        "perpetrators",
    }


def test_listed_fields_are_left_unscored(tmp_path: Path) -> None:
    table = tmp_path / "errata.md"
    table.write_text(
        "| article id | field | label | text |\n|---|---|---|---|\n| a | killed | 3 | two died |\n"
    )
    rows = [
        {
            "id": "a",
            "status": "ok",
            "scores": {
                "killed.value": {"ok": False},
                "killed.value@gold_gt0": {"ok": False},
                "date": {"ok": False},
            },
        },
        {"id": "b", "status": "ok", "scores": {"killed.value": {"ok": True}, "date": {"ok": True}}},
    ]
    pairs = read_errata(table)
    assert pairs == {("a", "killed")}
    before, after = field_metrics(rows), field_metrics(without(rows, pairs))
    assert before["killed.value"]["value"] == 0.5 and after["killed.value"]["value"] == 1.0
    assert after["killed.value@gold_gt0"]["n"] == 0
    assert after["date"] == before["date"]
