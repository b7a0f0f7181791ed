"""The checker harness (`summarizer eval checker`): oracle drafts and one-fact mutations through the
real LLM path, and the CI gate on a small fixed sample of the in-house dev set."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from summarizer.checker import check_report
from summarizer.crosscheck import cross_check
from summarizer.evaluation.checker_eval import gate_checker, run_checker_eval
from summarizer.evaluation.gold import GoldRecord
from summarizer.evaluation.oracle import build_oracle, mutations

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "evals" / "data" / "dev.jsonl"
GVDB = ROOT.parent / "shared" / "gvdb" / "dev.jsonl"

# the targets, checked on the flag mode (the default)
TARGETS = {
    "count": 0.95,
    "qualifier": 0.95,
    "background": 0.95,
    "killed_injured": 0.95,
    "date": 0.95,
    "claimant": 0.95,
    "place_city": 0.80,
    "place_country": 0.80,
    "quote_paraphrase": 0.95,
    "quote_other_sentence": 0.90,
    "summary_loaded": 0.95,
    "summary_number": 0.95,
    "summary_background": 0.95,
}

ARTICLE = (
    "KARLSTADT, Norland, March 3 (Wire) - A bomb exploded at a bus station in the northern city of "
    "Karlstadt on Monday, killing at least 14 people and wounding 31, police said.\n"
    "The Red Dawn Front claimed responsibility for the attack in a statement posted online.\n"
    "The Blue Hand movement denied any involvement.\n"
    "Last year, a similar bombing in the port city of Almer killed 9 people."
)


def _record() -> GoldRecord:
    return GoldRecord.model_validate(
        {
            "id": "t1",
            "published": "2025-03-04",
            "text": ARTICLE,
            "gold": {
                "category": "violent_attack",
                "date": ["2025-03-03"],
                "city": ["Karlstadt"],
                "killed": {"value": 14, "qualifier": "at_least"},
                "injured": {"value": 31},
                "claimed_by": ["Red Dawn Front"],
            },
        }
    )


def test_oracle_locates_evidence_and_mutations_change_one_fact() -> None:
    from datetime import date

    oracle = build_oracle(_record(), ARTICLE, date(2025, 3, 4))
    d = oracle.draft
    assert d["killed"]["value"] == 14 and "killing at least 14" in d["killed"]["quote"]
    assert d["injured"]["value"] == 31
    assert d["date"]["as_stated"] in ("March 3", "on Monday")
    assert d["responsibility_claims"][0]["claimant"] == "Red Dawn Front"
    assert oracle.missing == ["country"] or "country" not in oracle.labelled
    assert oracle.background and oracle.background[0][0] == 9
    names = {m.name for m in mutations(oracle)}
    assert {
        "killed_plus_one",
        "killed_qualifier",
        "background_value",
        "killed_injured_swapped",
        "date_plus_day",
    } <= names
    assert {"claimant_invented", "claimant_denier", "summary_unsupported_number"} <= names
    for m in mutations(oracle):
        changed = [k for k in d if d[k] != m.draft.get(k)]
        # one fact each (a swap of killed and injured is one mistake touching both fields)
        assert len(changed) == (2 if m.cls == "killed_injured" else 1), (m.name, changed)


def test_harness_on_a_written_article(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(_record().model_dump(mode="json")) + "\n", encoding="utf-8")
    result = run_checker_eval(gold, tmp_path / "out")
    m = result.metrics
    assert m["errors"] == 0
    flag = m["modes"]["flag"]
    assert flag["false_alarm_rate"]["all"]["hits"] == 0
    # with the checker off only grounding catches anything (a paraphrased quote is dropped)
    off = m["modes"]["off"]["catch_rate"]
    assert off["count"]["value"] == 0.0 and off["quote_paraphrase"]["value"] == 1.0
    for cls in ("count", "qualifier", "killed_injured", "date", "claimant", "summary_number"):
        assert flag["catch_rate"][cls]["value"] == 1.0, cls
    # no mode shows a mutated value as established more often than off
    assert m["modes"]["flag"]["user_view"]["wrong_established"]["value"] < off["all"]["value"] + 1
    for name in ("metrics.json", "report.md", "report.html", "runs.jsonl"):
        assert (tmp_path / "out" / name).is_file()


@pytest.mark.slow
def test_ci_gate_on_a_dev_sample(tmp_path: Path) -> None:
    result = run_checker_eval(DEV, tmp_path / "dev", sample=10)
    gates = [(f"flag.catch.{c}", t) for c, t in TARGETS.items()] + [("flag.false_alarm.all", 0.02)]
    checked = gate_checker(result.metrics, gates)
    failed = [g for g in checked if not g["passed"] and g["value"] is not None]
    assert not failed, failed


@pytest.mark.slow
def test_ci_gate_on_a_gvdb_sample(tmp_path: Path) -> None:
    """The same gate on outside data: a fixed sample of GVDB dev (real US local news)."""
    if not GVDB.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{GVDB} is missing: CI has ../shared beside the clone")
        pytest.skip(f"{GVDB} is not here (it lives in ../shared beside the repository)")
    result = run_checker_eval(GVDB, tmp_path / "gvdb")  # all 376: a small sample swings by 0.1
    gates = [(f"flag.catch.{c}", t) for c, t in TARGETS.items()] + [("flag.false_alarm.all", 0.02)]
    checked = gate_checker(result.metrics, gates)
    failed = [g for g in checked if not g["passed"] and g["value"] is not None]
    assert not failed, failed


def test_gate_names_are_checked() -> None:
    from summarizer.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown checker gate"):
        gate_checker({"modes": {}}, [("flag.catches.count", 0.9)])


def test_cross_check_records_disagreements_only() -> None:
    from datetime import date

    from summarizer import Settings, Summarizer

    rules = Summarizer(Settings(engine="rules", cache_enabled=False))
    base = rules.summarize(ARTICLE, published=date(2025, 3, 4))
    assert cross_check(base, base) == []
    other = base.model_copy(deep=True)
    assert other.incident is not None and other.incident.killed is not None
    other.incident.killed.value = 15
    entries = cross_check(other, base)
    assert [e.field for e in entries] == ["incident.killed"]
    assert entries[0].llm == "at least 15" and entries[0].rules == "at least 14"
    # the checker, run on the same changed report, corrects it in strict
    strict = check_report(other, ARTICLE, "strict")
    assert strict.incident is not None and strict.incident.killed is not None
    assert strict.incident.killed.value == 14
