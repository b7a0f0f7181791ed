"""Matching rules and per-field scoring against gold labels (no engine involved)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from summarizer.evaluation.compare import GateError, evaluate_gates, load_thresholds, parse_gate
from summarizer.evaluation.gold import GoldFormatError, GoldRecord, load_gold
from summarizer.evaluation.matching import (
    contains_phrase,
    country_code,
    name_matches,
    place_matches,
    unsupported_numbers,
)
from summarizer.evaluation.metrics import (
    field_metrics,
    ops_metrics,
    percentile,
    price_for,
    score_report,
    verified_evidence,
)
from summarizer.schema import IncidentReport

ROOT = Path(__file__).resolve().parents[1]
TEXT = (
    "PESHAWAR, Pakistan - A suicide bomber killed at least 12 people and wounded about 30 at a mosque "
    "on Friday, police said. Islamic State claimed the attack."
)


def _span(quote: str) -> dict[str, Any]:
    start = TEXT.index(quote)
    return {"quote": quote, "start": start, "end": start + len(quote)}


def make_report(**incident: Any) -> IncidentReport:
    summary = incident.pop("summary", "A bomber killed at least 12 people at a mosque in Peshawar on Friday.")
    is_incident = incident.pop("is_incident", True)
    inc = {"category": "violent_attack"} | incident
    return IncidentReport.model_validate(
        {
            "is_incident": is_incident,
            "incident": inc if is_incident else None,
            "summary": summary,
            "neutrality": {"neutral": True},
            "article": {"chars": len(TEXT), "sha256": "x", "published": "2025-10-17"},
            "provenance": {
                "engine": "compatible",
                "model": "gpt-4o-mini-2024-07-18",
                "prompt_name": "extract",
                "prompt_version": "1",
                "prompt_hash": "h",
                "summarizer_version": "0",
                "tokens_in": 1000,
                "tokens_out": 200,
                "latency_ms": 120.0,
            },
        }
    )


FULL: dict[str, Any] = {
    "date": {"as_stated": "on Friday", "iso": "2025-10-17", "evidence": [_span("on Friday")]},
    "location": {"city": "Peshawar", "country": "Pakistan", "evidence": [_span("PESHAWAR, Pakistan")]},
    "killed": {
        "value": 12,
        "qualifier": "at_least",
        "as_stated": "at least 12",
        "evidence": [_span("killed at least 12 people")],
    },
    "injured": {
        "value": 30,
        "qualifier": "about",
        "as_stated": "about 30",
        "evidence": [_span("wounded about 30")],
    },
    "perpetrators": [{"name": "a suicide bomber", "evidence": [_span("A suicide bomber")]}],
    "responsibility_claims": [
        {"claimant": "Islamic State", "evidence": [_span("Islamic State claimed the attack")]}
    ],
}


def gold_record(**gold: Any) -> GoldRecord:
    base: dict[str, Any] = {
        "category": "violent_attack",
        "date": ["2025-10-17"],
        "country": ["Pakistan"],
        "city": ["Peshawar"],
        "venue": [None, "mosque"],
        "killed": {"value": 12, "qualifier": "at_least"},
        "injured": {"value": 30, "qualifier": "about"},
        "perpetrators": ["suicide bomber"],
        "claimed_by": ["Islamic State", "IS"],
        "summary_must_include": [["Peshawar"], ["12", "twelve"]],
        "summary_must_not_include": ["cowardly"],
    }
    base.update(gold)
    return GoldRecord.model_validate(
        {"id": "t1", "event_id": "e1", "published": "2025-10-17", "text": TEXT, "gold": base, "extra_key": 1}
    )


def ok_fields(scores: dict[str, Any]) -> dict[str, Any]:
    return {k: v.get("ok") for k, v in scores.items()}


# -- matching ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "alias", ["US", "USA", "U.S.", "United States", "the United States", "United States of America"]
)
def test_country_aliases_resolve_to_one_code(alias: str) -> None:
    assert country_code(alias) == "USA"
    assert place_matches(alias, ["United States"], country=True)


def test_country_matching_is_case_and_accent_insensitive_but_not_loose() -> None:
    assert place_matches("EL SALVADOR", ["El Salvador"], country=True)
    assert place_matches("Perú", ["Peru"], country=True)
    assert place_matches("DR Congo", ["Democratic Republic of the Congo"], country=True)
    assert place_matches("Holland", ["Netherlands"], country=True)
    assert not place_matches("Niger", ["Nigeria"], country=True)
    assert not place_matches("Republic of the Congo", ["DRC"], country=True)
    assert not place_matches(None, ["Pakistan"], country=True)
    assert place_matches(None, ["Pakistan", None], country=True)
    assert not place_matches("Pakistan", [None], country=True)


def test_city_and_venue_match_ignores_case_accents_punctuation_and_articles() -> None:
    assert place_matches("HUAYTARA", ["Huaytará"])
    assert place_matches("Huai’an", ["Huai'an"])
    assert place_matches("the Velvet Room", ["Velvet Room"])
    assert not place_matches("Lagos Island", ["Lagos"])
    assert place_matches("the Sahal Palace Hotel in Mogadishu", ["Sahal Palace Hotel"], venue=True)
    assert place_matches("The popular Balogun Market", ["Balogun Market"], venue=True)
    assert not place_matches("a hotel in Mogadishu", ["Sahal Palace Hotel"], venue=True)
    assert not place_matches("Balogun", ["Balogun Market"], venue=True)
    assert not place_matches("Peshawar's Gulbahar", ["Peshawar"])  # cities must be equal, no containment


def test_name_matching_is_fuzzy_for_long_names_and_exact_for_short_ones() -> None:
    assert name_matches("suspected al-Shabaab militants", "al-Shabaab")
    assert name_matches("al-Shabab", "al-Shabaab")
    assert name_matches("The Islamic State", "Islamic State")
    assert name_matches("IS", "is")
    assert not name_matches("ISK", "IS")
    assert not name_matches("police", "gunmen")
    assert not name_matches("Boko Haram", "al-Shabaab")


def test_summary_phrases_match_whole_numbers_and_word_prefixes() -> None:
    s = "A train derailed near Al-Wasta, killing 14 people and injuring 4,000."
    assert contains_phrase(s, "derail")
    assert contains_phrase(s, "al-wasta")
    assert contains_phrase(s, "14")
    assert not contains_phrase(s, "4")  # not inside 14 or 4,000
    assert contains_phrase(s, "4,000")
    assert not contains_phrase(s, "rail")  # words match at a word start only
    assert contains_phrase("Twelve people died", "twelve")


def test_unsupported_numbers_accept_words_digits_and_publication_date() -> None:
    article = "Twenty-one people died and 1,200 were evacuated on Friday."
    assert unsupported_numbers("21 people died; 1200 were evacuated.", article) == []
    assert unsupported_numbers("22 people died.", article) == ["22"]
    from datetime import date

    assert unsupported_numbers("On 17 October 2025, 21 died.", article, published=date(2025, 10, 17)) == []
    assert unsupported_numbers("On 18 October 2025, 21 died.", article, published=date(2025, 10, 17)) == [
        "18"
    ]
    # the day must fall in the week up to publication in its own month: 3 March is not "Friday" in January
    assert unsupported_numbers("On Friday, March 3, 2015, 21 died.", article, published=date(2015, 1, 9)) == [
        "3"
    ]
    assert (
        unsupported_numbers("On Friday, January 9, 2015, 21 died.", article, published=date(2015, 1, 9)) == []
    )
    assert unsupported_numbers("On 2015-01-05, 21 died.", article, published=date(2015, 1, 9)) == []
    assert unsupported_numbers("One man and 21 others died.", article) == []  # 'one' for 'a man'


# -- gold format ---------------------------------------------------------------------------------------


def test_gold_loader_reports_file_and_line(tmp_path: Path) -> None:
    good = {"id": "x", "text": "t", "gold": {"category": "fire"}}
    path = tmp_path / "g.jsonl"
    path.write_text(
        json.dumps(good) + "\n" + json.dumps({"id": "y", "text": "t", "gold": {"category": "war"}}) + "\n"
    )
    with pytest.raises(GoldFormatError, match=r"g\.jsonl:2: gold\.category"):
        load_gold(path)
    path.write_text(json.dumps(good) + "\n" + json.dumps(good) + "\n")
    with pytest.raises(GoldFormatError, match="duplicate id 'x'"):
        load_gold(path)


def test_dev_set_is_the_merge_of_its_parts_and_loads() -> None:
    data = ROOT / "evals" / "data"
    parts = [data / "dev_a.jsonl", data / "dev_b.jsonl"]
    if all(p.exists() for p in parts):
        merged = "".join(p.read_text(encoding="utf-8") for p in parts)
        assert (data / "dev.jsonl").read_text(encoding="utf-8") == merged, "regenerate evals/data/dev.jsonl"
    records = load_gold(data / "dev.jsonl")
    assert len(records) >= 64
    assert {r.gold.category for r in records} >= {"violent_attack", "natural_disaster", "not_incident"}


# -- scoring ---------------------------------------------------------------------------------------------


def test_a_correct_report_passes_every_check() -> None:
    scores = score_report(gold_record(), make_report(**FULL), TEXT, loaded=lambda s: [])
    oks = ok_fields(scores)
    assert all(v is not False for v in oks.values()), {
        k: v for k, v in scores.items() if v.get("ok") is False
    }
    assert scores["grounding.rate"] == {"ok": True, "facts": 6, "verified": 6}


def test_wrong_values_fail_exactly_their_fields() -> None:
    wrong = dict(FULL)
    wrong["killed"] = {**FULL["killed"], "value": 12, "qualifier": "exact"}
    wrong["injured"] = {**FULL["injured"], "value": 31}
    wrong["location"] = {**FULL["location"], "country": "Afghanistan"}
    wrong["responsibility_claims"] = []
    oks = ok_fields(score_report(gold_record(), make_report(**wrong), TEXT, loaded=lambda s: []))
    assert oks["killed.value"] is True and oks["killed.qualifier"] is False and oks["killed.joint"] is False
    assert (
        oks["injured.value"] is False and oks["injured.qualifier"] is True and oks["injured.joint"] is False
    )
    assert oks["country"] is False and oks["city"] is True
    assert oks["claimed_by"] is False and oks["perpetrators"] is True


def test_null_gold_and_absent_predictions() -> None:
    # gold null: the report must have none; gold empty list: no perpetrators allowed
    record = gold_record(killed=None, perpetrators=[], claimed_by=[], venue=None)
    oks = ok_fields(score_report(record, make_report(**FULL), TEXT, loaded=lambda s: []))
    assert oks["killed.value"] is False and oks["killed.joint"] is False
    assert oks["perpetrators"] is False and oks["claimed_by"] is False
    assert oks["venue"] is True  # no venue predicted, gold null
    bare = make_report(date=None, location=None)
    oks = ok_fields(score_report(record, bare, TEXT, loaded=lambda s: []))
    assert oks["killed.joint"] is True and oks["perpetrators"] is True
    assert oks["injured.joint"] is False  # gold says about 30, nothing predicted
    assert oks["date"] is False and oks["country"] is False
    # an absent count equals an exact zero
    zero = gold_record(injured={"value": 0, "qualifier": "exact"})
    assert score_report(zero, bare, TEXT, loaded=lambda s: [])["injured.joint"]["ok"] is True


def test_absent_gold_keys_are_not_scored() -> None:
    record = GoldRecord.model_validate({"id": "t", "text": TEXT, "gold": {"category": "violent_attack"}})
    oks = ok_fields(score_report(record, make_report(**FULL), TEXT, loaded=lambda s: []))
    assert oks["category"] is True and oks["is_incident"] is True
    for key in ("date", "country", "killed.joint", "perpetrators", "summary.must_include"):
        assert oks[key] is None, key


def test_not_incident_gold() -> None:
    record = gold_record(
        category="not_incident",
        date=[None],
        country=[None],
        city=[None],
        killed=None,
        injured=None,
        perpetrators=[],
        claimed_by=[],
    )
    none = make_report(is_incident=False, summary="The council met on Friday.")
    oks = ok_fields(score_report(record, none, TEXT, loaded=lambda s: []))
    assert oks["is_incident"] and oks["category"] and oks["date"] and oks["country"] and oks["killed.joint"]
    oks = ok_fields(score_report(record, make_report(**FULL), TEXT, loaded=lambda s: []))
    assert oks["is_incident"] is False and oks["category"] is False


def test_optional_incident_is_right_both_ways_and_strict_counts_it_an_incident() -> None:
    record = gold_record(incident_optional=True)
    none = make_report(is_incident=False, summary="The council met on Friday.")
    oks = ok_fields(score_report(record, none, TEXT, loaded=lambda s: []))
    # left out: no error on any field, scored as against a not_incident gold ...
    for key in ("is_incident", "category", "date", "country", "city", "killed.joint", "perpetrators"):
        assert oks[key] is True, key
    assert oks["summary.must_include"] is None and oks["killed.value@gold_gt0"] is None
    # ... but not under the strict reading
    assert oks["is_incident@strict"] is False
    # told: scored on the labels like any incident
    oks = ok_fields(score_report(record, make_report(**FULL), TEXT, loaded=lambda s: []))
    assert oks["is_incident"] is True and oks["is_incident@strict"] is True and oks["killed.joint"] is True
    wrong = make_report(**(FULL | {"location": {"city": "Lahore", "country": "Pakistan"}}))
    oks = ok_fields(score_report(record, wrong, TEXT, loaded=lambda s: []))
    assert oks["city"] is False
    # an unread article (is_incident null) stays wrong
    unread = make_report(is_incident=None, summary="")
    oks = ok_fields(score_report(record, unread, TEXT, loaded=lambda s: []))
    assert oks["is_incident"] is False and oks["date"] is False
    # without the flag a not_incident report is an error
    oks = ok_fields(score_report(gold_record(), none, TEXT, loaded=lambda s: []))
    assert oks["is_incident"] is False and oks["is_incident@strict"] is False and oks["city"] is False


def test_summary_checks() -> None:
    report = make_report(**FULL, summary="A cowardly bomber killed 13 people in Peshawar.")
    scores = score_report(
        gold_record(), report, TEXT, loaded=lambda s: ["cowardly"] if "cowardly" in s else []
    )
    assert scores["summary.must_include"]["ok"] is False and scores["summary.must_include"]["missing"] == [
        ["12", "twelve"]
    ]
    assert scores["summary.must_not_include"]["ok"] is False
    assert scores["summary.loaded_word_rate"]["ok"] is False
    assert scores["summary.unsupported_number_rate"]["pred"] == ["13"]


def test_grounding_counts_facts_whose_evidence_is_not_the_text() -> None:
    bad = dict(FULL)
    bad["killed"] = {**FULL["killed"], "evidence": [{"quote": "killed 12", "start": 0, "end": 9}]}
    bad["injured"] = {**FULL["injured"], "evidence": []}
    assert verified_evidence(make_report(**bad), TEXT) == (6, 4)


# -- run level --------------------------------------------------------------------------------------------


def _row(rid: str, report: IncidentReport | None, record: GoldRecord) -> dict[str, Any]:
    if report is None:
        return {"id": rid, "status": "error", "error": {"type": "ModelHTTPError", "message": "500"}}
    scores = score_report(record, report, TEXT, loaded=lambda s: [])
    return {"id": rid, "status": "ok", "report": report.model_dump(mode="json"), "scores": scores}


def test_error_rows_count_as_wrong_for_gold_fields_but_not_for_summary_rates() -> None:
    records = {i: gold_record().model_copy(update={"id": i}) for i in ("a", "b", "c", "d")}
    wrong = make_report(**{**FULL, "killed": {**FULL["killed"], "value": 99}})
    rows = [
        _row("a", make_report(**FULL), records["a"]),
        _row("b", make_report(**FULL), records["b"]),
        _row("c", wrong, records["c"]),
        _row("d", None, records["d"]),
    ]
    m = field_metrics(rows, records)
    assert m["killed.value"] == {"value": 0.5, "n": 4, "hits": 2, "better": "higher"}
    assert m["country"]["value"] == 0.75
    assert m["error_rate"]["value"] == 0.25
    assert m["summary.loaded_word_rate"] == {"value": 0.0, "n": 3, "hits": 0, "better": "lower"}
    assert m["grounding.rate"]["n"] == 18 and m["grounding.rate"]["value"] == 1.0


def test_ops_latency_tokens_and_cost() -> None:
    report = make_report(**FULL)
    rows: list[dict[str, Any]] = [
        {"id": str(i), "status": "ok", "report": report.model_dump(mode="json")} for i in range(4)
    ]
    rows[0]["report"]["provenance"]["cache_hit"] = True
    for i, ms in enumerate([100.0, 200.0, 300.0], start=1):
        rows[i]["report"]["provenance"]["latency_ms"] = ms
    ops = ops_metrics(rows)["compatible/gpt-4o-mini-2024-07-18"]
    assert ops["latency_ms"] == {"p50": 200.0, "p95": 290.0, "n": 3}
    assert ops["tokens_in"] == 4000 and ops["cache_hits"] == 1
    assert ops["cost_usd"] == pytest.approx((4000 * 0.15 + 800 * 0.60) / 1e6)
    assert ops["spent_usd"] == pytest.approx((3000 * 0.15 + 600 * 0.60) / 1e6)
    assert price_for("compatible", "my-llama", {}) is None
    assert price_for("rules", "rules", {}) == (0.0, 0.0)
    assert percentile([], 50) is None


# -- gates -------------------------------------------------------------------------------------------------


def test_gates_know_which_direction_is_better() -> None:
    assert str(parse_gate("killed.joint=0.9")) == "killed.joint >= 0.9"
    assert str(parse_gate("summary.loaded_word_rate=0")) == "summary.loaded_word_rate <= 0"
    assert str(parse_gate("error_rate<0.1")) == "error_rate < 0.1"
    with pytest.raises(GateError, match="unknown metric"):
        parse_gate("killed=0.9")
    with pytest.raises(GateError, match="FIELD=VALUE"):
        parse_gate("killed.joint")
    metrics = {
        "fields": {
            "killed.joint": {"value": 0.85},
            "summary.loaded_word_rate": {"value": 0.0},
            "date": {"value": None},
        }
    }
    results = evaluate_gates(
        metrics,
        [parse_gate("killed.joint=0.9"), parse_gate("summary.loaded_word_rate=0"), parse_gate("date=0.5")],
    )
    assert [r["passed"] for r in results] == [False, True, False]  # n/a fails a gate


def test_thresholds_file_parses() -> None:
    gates = load_thresholds(ROOT / "evals" / "thresholds.json")
    names = {g.metric for g in gates}
    assert {
        "killed.joint",
        "injured.joint",
        "date",
        "country",
        "claimed_by",
        "summary.loaded_word_rate",
        "is_incident",
    } <= names


def test_recall_rows_score_only_articles_with_something_to_find() -> None:
    """`killed.value@gold_gt0` and friends leave out the vacuous passes (gold 0 or no name)."""
    bare = make_report(date=None, location=None)
    zero = gold_record(killed={"value": 0, "qualifier": "exact"}, perpetrators=[])
    oks = ok_fields(score_report(zero, bare, TEXT, loaded=lambda s: []))
    assert oks["killed.value"] is True and oks["killed.value@gold_gt0"] is None
    assert oks["perpetrators"] is True and oks["perpetrators@gold_named"] is None
    oks = ok_fields(score_report(gold_record(), bare, TEXT, loaded=lambda s: []))
    assert oks["killed.value@gold_gt0"] is False and oks["injured.value@gold_gt0"] is False
    assert oks["perpetrators@gold_named"] is False
    oks = ok_fields(score_report(gold_record(), make_report(**FULL), TEXT, loaded=lambda s: []))
    assert oks["killed.value@gold_gt0"] is True and oks["perpetrators@gold_named"] is True
    # an error row is a miss only where the gold count is above zero
    records = {
        "a": gold_record().model_copy(update={"id": "a"}),
        "b": zero.model_copy(update={"id": "b"}),
    }
    m = field_metrics([_row("a", None, records["a"]), _row("b", None, records["b"])], records)
    assert m["killed.value"]["n"] == 2 and m["killed.value@gold_gt0"]["n"] == 1
    assert m["perpetrators@gold_named"] == {"value": 0.0, "n": 1, "hits": 0, "better": "higher"}
    assert str(parse_gate("killed.value@gold_gt0=0.75")) == "killed.value@gold_gt0 >= 0.75"


def test_a_month_or_year_date_does_not_pass_for_a_day_label() -> None:
    # gold labels name days: "last month" resolved to the 1st at month precision names no day and
    # must not pass by landing on a labelled 1st; the same date at day precision passes
    record = gold_record(date=["2025-10-01"])
    month = {
        "as_stated": "last month",
        "iso": "2025-10-01",
        "precision": "month",
        "evidence": [_span("on Friday")],
    }
    scores = score_report(record, make_report(**(FULL | {"date": month})), TEXT, loaded=lambda s: [])
    assert scores["date"]["ok"] is False and scores["date"]["precision"] == "month"
    day = month | {"as_stated": "on Friday", "precision": "day"}
    assert (
        score_report(record, make_report(**(FULL | {"date": day})), TEXT, loaded=lambda s: [])["date"]["ok"]
        is True
    )
