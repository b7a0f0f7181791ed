"""Events: grouping, reconciliation, brief, CLI and eval (own test sentences)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from event_members import member
from typer.testing import CliRunner

from summarizer import Article, Summarizer
from summarizer.events import Status, build_event, group_events
from summarizer.events.brief import check_brief
from summarizer.events.evaluate import bcubed
from summarizer.settings import Settings

A1 = (
    "RIVERTON, Nov 3 - A fire at the Halden Paper Mill in Riverton killed four workers and injured 12 on "
    "Monday, fire officials said. The blaze started in a drying room."
)
A2 = (
    "Four people died and more than 10 were injured when fire swept through the Halden Paper Mill in "
    "Riverton on Monday, the county fire chief said."
)
A3 = (
    "The death toll from Monday's fire at the Halden Paper Mill in Riverton rose to six on Wednesday, "
    "officials said, after two injured workers died in hospital."
)
B1 = (
    "RIVERTON, Nov 3 - A fire at the Quik Fuel station on Elm Street in Riverton killed one person on Monday "
    "night, fire officials said. It came hours after a separate fire at the Halden Paper Mill."
)
C1 = "Gunmen killed 12 people in an attack on a market in Kaduna on Friday, police said."
C2 = "Gunmen killed 30 people in an attack on a market in Kaduna on Friday, a local official said."


@pytest.fixture(scope="module")
def summarizer(tmp_path_factory: pytest.TempPathFactory) -> Summarizer:
    return Summarizer(Settings(cache_dir=tmp_path_factory.mktemp("cache")), engine="rules")


def test_group_events_keeps_two_incidents_in_one_town_apart(summarizer: Summarizer) -> None:
    ms = [
        member(summarizer, "a1", A1, "Wire", "2025-11-03"),
        member(summarizer, "b1", B1, "Wire", "2025-11-03"),
        member(summarizer, "a2", A2, "Daily", "2025-11-04"),
        member(summarizer, "a3", A3, "Daily", "2025-11-05"),
    ]
    groups = group_events(ms)
    got = sorted(sorted(g.ids) for g in groups)
    assert got == [["a1", "a2", "a3"], ["b1"]]
    # same input in another order -> the same groups
    again = sorted(sorted(g.ids) for g in group_events(list(reversed(ms))))
    assert again == got


def test_later_raised_toll_supersedes_and_consolidates(summarizer: Summarizer) -> None:
    ms = [
        member(summarizer, "a1", A1, "Wire", "2025-11-03"),
        member(summarizer, "a2", A2, "Daily", "2025-11-03"),
        member(summarizer, "a3", A3, "Daily", "2025-11-05"),
    ]
    event = build_event(ms)
    killed = event.fields["killed"]
    assert killed.status == Status.superseded
    assert killed.consolidated == "6"
    by_member = {s.member: s for s in killed.sources}
    assert by_member["a1"].status == Status.superseded and by_member["a1"].superseded_by == "a3"
    injured = event.fields["injured"]
    assert injured.status in (Status.consistent, Status.agree)  # 12 and "more than 10"
    assert all(s.quote for f in event.fields.values() for s in f.sources)
    assert not event.brief_problems
    assert "6" in event.brief


def test_same_time_conflict_is_attributed(summarizer: Summarizer) -> None:
    ms = [
        member(summarizer, "c1", C1, "Northern Wire", "2025-06-07", "2025-06-07T10:00:00+01:00"),
        member(summarizer, "c2", C2, "Savannah Post", "2025-06-07", "2025-06-07T11:00:00+01:00"),
    ]
    event = build_event(ms)
    killed = event.fields["killed"]
    assert killed.status == Status.conflict
    assert "killed" in event.conflicts
    assert killed.count is not None and (killed.count.low, killed.count.high) == (12, 30)
    assert killed.consolidated == "from 12 to 30" and killed.rule.startswith("current figures conflict")
    assert [t.n for t in killed.tallies] == [1, 1] and all(t.m == 2 for t in killed.tallies)
    assert "Northern Wire" in event.brief and "Savannah Post" in event.brief
    assert not event.brief_problems
    # the checker catches an unattributed conflicted figure and an invented number
    bad = check_brief("Outlets reported 30 dead and 45 injured.", event.fields, event.statements, 2)
    assert any("without its outlet" in p for p in bad)
    assert any("45" in p for p in bad)


def test_bcubed() -> None:
    assert bcubed([["a", "b"], ["c"]], [["a", "b"], ["c"]])["f1"] == 1.0
    m = bcubed([["a", "b", "c"]], [["a", "b"], ["c"]])
    assert m["recall"] == 1.0 and m["precision"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)


def test_cli_event_json_and_eval_events(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from summarizer.cli import app

    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SUMMARIZER_ENGINE", "rules")
    f1, f2 = tmp_path / "c1.txt", tmp_path / "c2.txt"
    f1.write_text(C1, encoding="utf-8")
    f2.write_text(C2, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(
        app,
        [
            "event",
            str(f1),
            str(f2),
            "--json",
            "--published",
            "2025-06-07T10:00",
            "--published",
            "2025-06-07T11:00",
            "--outlet",
            "Northern Wire",
            "--outlet",
            "Savannah Post",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["conflicts"] == ["killed"] and len(data["members"]) == 2
    # second run: served from the event cache
    again = runner.invoke(
        app,
        [
            "event",
            str(f1),
            str(f2),
            "--json",
            "--published",
            "2025-06-07T10:00",
            "--published",
            "2025-06-07T11:00",
            "--outlet",
            "Northern Wire",
            "--outlet",
            "Savannah Post",
        ],
    )
    assert json.loads(again.output)["cache_hit"] is True
    # other outlet names for the same texts: a new event (reports come from the cache, names do not)
    renamed = runner.invoke(app, ["event", str(f1), str(f2), "--json", "--outlet", "X", "--outlet", "Y"])
    data = json.loads(renamed.output)
    assert [m["outlet"] for m in data["members"]] == ["X", "Y"] and data["cache_hit"] is False
    arts = tmp_path / "arts.jsonl"
    rows = [
        {
            "id": "c1",
            "text": C1,
            "outlet": "Northern Wire",
            "published": "2025-06-07",
            "gold": {"category": "violent_attack"},
        },
        {
            "id": "c2",
            "text": C2,
            "outlet": "Savannah Post",
            "published": "2025-06-07",
            "gold": {"category": "violent_attack"},
        },
        {"id": "b1", "text": B1, "outlet": "Wire", "published": "2025-11-03", "gold": {"category": "fire"}},
    ]
    arts.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    gold = tmp_path / "events.jsonl"
    gold.write_text(
        json.dumps(
            {
                "event_id": "kaduna",
                "members": ["c1", "c2"],
                "conflicts": ["killed"],
                "consolidated": {"killed": {"low": 12, "high": 30}, "city": ["Kaduna"]},
            }
        )
        + "\n"
    )
    out = tmp_path / "run"
    result = runner.invoke(
        app,
        [
            "eval",
            "events",
            "--gold",
            str(gold),
            "-a",
            str(arts),
            "--out",
            str(out),
            "--fail-under",
            "grouping.f1=1.0",
        ],
    )
    assert result.exit_code == 0, result.output
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["grouping"]["f1"] == 1.0
    assert metrics["conflicts"]["precision"] == 1.0 and metrics["conflicts"]["recall"] == 1.0
    assert metrics["consolidated"]["killed"] == 1.0 and metrics["consolidated"]["city"] == 1.0
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"event_id": "x", "members": ["nope"], "consolidated": {}}) + "\n")
    result = runner.invoke(app, ["eval", "events", "--gold", str(bad), "-a", str(arts), "--out", str(out)])
    assert result.exit_code == 2 and "nope" in result.output


def test_batch_events_groups_a_batch_and_reads_publication_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarizer.cli import app

    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SUMMARIZER_ENGINE", "rules")
    rows = [
        {
            "id": "c1",
            "text": C1,
            "outlet": "Northern Wire",
            "published": "2025-06-07",
            "published_at": "2025-06-07T10:00:00+01:00",
        },
        {"id": "a1", "text": A1, "outlet": "Wire", "published": "2025-11-03"},
        {"id": "c2", "text": C2, "outlet": "Savannah Post", "published": "2025-06-07T11:00:00+01:00"},
        {"id": "a3", "text": A3, "outlet": "Daily", "published": "2025-11-05"},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out, events = tmp_path / "out.jsonl", tmp_path / "events.jsonl"
    result = CliRunner().invoke(app, ["batch", str(src), "--out", str(out), "--events", str(events), "-q"])
    assert result.exit_code == 0, result.output
    got = [json.loads(line) for line in events.read_text(encoding="utf-8").splitlines()]
    assert sorted(sorted(m["id"] for m in e["members"]) for e in got) == [["a1", "a3"], ["c1", "c2"]]
    kaduna = next(e for e in got if e["members"][0]["id"] == "c1")
    times = {m["id"]: m["published_at"] for m in kaduna["members"]}
    assert times["c1"].startswith("2025-06-07T10:00") and times["c2"].startswith("2025-06-07T11:00")
    assert kaduna["conflicts"] == ["killed"]


def _llm_event(fake: Any, tmp_path: Path, brief_sentences: list[str]) -> Any:
    """Two Kaduna articles through a fake LLM: drafts for the articles, ``brief_sentences`` for the brief."""
    from fake_openai import Reply, completion

    from summarizer.events import summarize_event

    drafts = {
        C1: {"value": 12, "as_stated": "12 people", "quote": "Gunmen killed 12 people"},
        C2: {"value": 30, "as_stated": "30 people", "quote": "Gunmen killed 30 people"},
    }

    def answer(body: dict[str, Any]) -> Reply:
        name = ((body.get("tools") or [{}])[0].get("function") or {}).get("name", "Draft")
        prompt = json.dumps(body.get("messages", []))
        if name == "EventBrief":
            return Reply(200, completion(tool_args={"sentences": brief_sentences}, tool_name=name))
        for text, killed in drafts.items():
            if text[:40] in prompt:
                draft = {
                    "is_incident": True,
                    "category": "violent_attack",
                    "location": {
                        "city": "Kaduna",
                        "country": "Nigeria",
                        "as_stated": "Kaduna",
                        "quote": "a market in Kaduna",
                    },
                    "killed": {**killed, "qualifier": "exact"},
                    "summary": f"Gunmen killed {killed['value']} people at a market in Kaduna.",
                }
                return Reply(200, completion(tool_args=draft, tool_name=name))
        return Reply(500, {"error": {"message": "unexpected prompt"}})

    fake.default = answer
    settings = Settings(base_url=fake.url, cache_dir=tmp_path / "c", retry_attempts=1)
    s = Summarizer(settings, engine="compatible", model="fake-model")
    arts = [
        Article(text=C1, id="c1", outlet="Northern Wire", published="2025-06-07"),
        Article(text=C2, id="c2", outlet="Savannah Post", published="2025-06-07"),
    ]
    return summarize_event(arts, summarizer=s)


def test_llm_brief_is_used_only_when_the_checker_passes_it(fake_openai: Any, tmp_path: Path) -> None:
    good = [
        "Two outlets reported an attack on a market in Kaduna, Nigeria.",
        "Northern Wire put the number of dead at 12; Savannah Post reported 30.",
        "No group has claimed responsibility in these reports.",
    ]
    event = _llm_event(fake_openai, tmp_path / "a", good)
    assert event.brief == " ".join(good)
    assert event.brief_engine.startswith("compatible/fake-model")
    assert event.conflicts == ["killed"]

    bad = [
        "Terrorists massacred 45 people at a market in Kaduna.",  # loaded words, an invented number
        "Reports put the toll at 30.",  # a conflicted figure with no outlet named
        "The attack was the deadliest this year.",
    ]
    event = _llm_event(fake_openai, tmp_path / "b", bad)
    assert event.brief_engine == "rules" and "Northern Wire" in event.brief
    (warning,) = [w for w in event.warnings if w.code == "llm_brief_rejected"]
    assert "45" in warning.message and "without its outlet" in warning.message and "loaded" in warning.message


def test_adding_an_article_recomputes_only_the_merge(fake_openai: Any, tmp_path: Path) -> None:
    from summarizer.events import summarize_event

    good = [
        "Two outlets reported an attack on a market in Kaduna, Nigeria.",
        "Northern Wire put the number of dead at 12; Savannah Post reported 30.",
        "No group has claimed responsibility in these reports.",
    ]
    first = _llm_event(fake_openai, tmp_path, good)
    calls = fake_openai.count
    settings = Settings(base_url=fake_openai.url, cache_dir=tmp_path / "c", retry_attempts=1)
    s = Summarizer(settings, engine="compatible", model="fake-model")
    arts = [
        Article(text=C1, id="c1", outlet="Northern Wire", published="2025-06-07"),
        Article(text=C2, id="c2", outlet="Savannah Post", published="2025-06-07"),
    ]
    again = summarize_event(arts, summarizer=s)
    assert again.cache_hit and fake_openai.count == calls  # the same members: the event from the cache
    third = Article(
        text=C2 + " Funerals were held on Saturday.", id="c3", outlet="Plateau Daily", published="2025-06-08"
    )
    bigger = summarize_event([*arts, third], summarizer=s)
    assert not bigger.cache_hit and len(bigger.members) == 3
    # one new article report and one brief: the two member reports came from the report cache
    assert fake_openai.count == calls + 2
    assert bigger.event_id != first.event_id


def test_ranges_and_disputed_counts_reconcile_on_what_the_quotes_say(summarizer: Summarizer) -> None:
    from summarizer.schema import Count, Disputed, Evidence

    base = member(summarizer, "c1", C1, "Northern Wire", "2025-06-07")
    other = member(summarizer, "c2", C2, "Savannah Post", "2025-06-07")
    assert base.report.incident is not None and other.report.incident is not None
    ev = [Evidence(quote="Gunmen killed 12 people", start=0, end=23)]
    # a range that contains the other outlet's figure is consistent with it
    base.report.incident.killed = Count(value=10, upper=40, as_stated="between 10 and 40", evidence=ev)
    field = build_event([base, other]).fields["killed"]
    assert field.status == Status.consistent and field.consolidated == "30"
    # a disputed count is read as its quote's figure (here 12): then it conflicts with 30
    base.report.incident.killed = Count(value=30, as_stated="30", evidence=ev, disputed=Disputed(value=12))
    field = build_event([base, other]).fields["killed"]
    assert field.status == Status.conflict
    (mine,) = [s for s in field.sources if s.member == "c1"]
    assert mine.value == "12" and mine.note and "quote says 12" in mine.note
