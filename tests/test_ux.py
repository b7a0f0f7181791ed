"""Issue #13: value spans, the evidence HTML view, the terminal card and the CLI's habits."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from typer.testing import CliRunner

from summarizer import Article, Settings, Summarizer
from summarizer.cli import app
from summarizer.errors import ConfigError
from summarizer.grounding import Grounder
from summarizer.render import card
from summarizer.schema import (
    ArticleMeta,
    Count,
    Evidence,
    Incident,
    IncidentReport,
    Item,
    Location,
    Neutrality,
    Perpetrator,
    Provenance,
    Qualifier,
    ResponsibilityClaim,
)

# Test sentences written for these tests (no outside article text).
ARTICLE = (
    "QUETTA, Pakistan — A roadside bomb hit a police van near a busy bus station in Quetta on Monday, "
    "killing at least 9 officers and wounding 14 others, officials said.\n\n"
    "A faction of the Northern Front claimed responsibility in an online post, but the claim could not be "
    "independently verified.\n\n"
    "Police said the device was hidden in a parked motorcycle."
)
HOSTILE = (
    "Gunmen opened fire at a market in Lyon on Tuesday, killing 3 people. <script>alert('x')</script>"
    ' <img src=x onerror="alert(1)"> Police said 5 others were hurt.'
)


def runner() -> CliRunner:
    return CliRunner()


def invoke(*args: str, **kw: Any) -> Any:
    result = runner().invoke(app, list(args), **kw)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def rules(tmp_path: Path) -> Summarizer:
    return Summarizer(Settings(cache_dir=tmp_path / "c"), engine="rules", cache=False)


# --------------------------------------------------------------------------------------------------
# value spans
# --------------------------------------------------------------------------------------------------


def test_locate_value_finds_whole_words_inside_the_quote_only() -> None:
    text = "In Lyonnais villages, 30 were hurt. In Lyon, 3 were killed."
    g = Grounder(text)
    ev = g.locate("In Lyon, 3 were killed.")
    assert ev is not None
    (located,) = g.locate_value(["Lyon"], ev)
    assert text[located.value_start : located.value_end] == "Lyon"  # type: ignore[misc]
    assert located.start <= located.value_start and located.value_end <= located.end  # type: ignore[operator]
    (killed,) = g.locate_value(["3"], ev)
    assert text[killed.value_start : killed.value_end] == "3"  # type: ignore[misc]
    assert killed.value_start > text.index("30")  # type: ignore[operator]
    # not in the quote (it is elsewhere in the article): never guessed
    (none,) = g.locate_value(["Lyonnais", "30"], ev)
    assert none.value_start is None and none.value_end is None
    # tolerant like quotes: case and whitespace
    g2 = Grounder("Officials said AT  LEAST 12 people died.")
    ev2 = g2.locate("Officials said AT LEAST 12 people died.")
    assert ev2 is not None
    (v,) = g2.locate_value(["at least 12 people"], ev2)
    assert g2.article_text[v.value_start : v.value_end] == "AT  LEAST 12 people"  # type: ignore[misc]


def test_report_value_spans_point_at_the_values(tmp_path: Path) -> None:
    report = rules(tmp_path).summarize(ARTICLE, published="2024-03-05")
    text = report.article_text
    assert text is not None
    spans = {}
    for name, fact in report.facts():
        for ev in fact.evidence:
            assert text[ev.start : ev.end] == ev.quote
            if ev.value_start is not None:
                assert ev.value_end is not None and ev.start <= ev.value_start < ev.value_end <= ev.end
                spans[name] = text[ev.value_start : ev.value_end]
    assert "9" in spans["incident.killed"] and spans["incident.killed"].startswith("at least")
    assert "14" in spans["incident.injured"]
    assert "Quetta" in spans["incident.location"]
    # surfaced in the JSON
    dumped = json.loads(report.model_dump_json())
    assert "value_start" in dumped["incident"]["killed"]["evidence"][0]


# --------------------------------------------------------------------------------------------------
# the HTML evidence view
# --------------------------------------------------------------------------------------------------


def test_html_view_escapes_hostile_text_and_marks_values(tmp_path: Path) -> None:
    s = Summarizer(Settings(cache_dir=tmp_path / "c"), engine="rules", cache=False)
    report = s.summarize(Article(text=HOSTILE, title="<b onmouseover=alert(2)>t</b>"), published="2024-03-06")
    page = report.to_html()
    assert "<script>alert" not in page and "<img src=x" not in page and 'onerror="alert' not in page
    assert "<b onmouseover" not in page and "&lt;b onmouseover=alert(2)&gt;" in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert page.count("<script>") == 1, "only the page's own script"
    assert re.search(r'<mark class="v[^"]*" style="--c:#[0-9a-f]{6}" data-field="killed"', page)
    assert 'class="sv-legend"' in page and "killed" in page
    # a report loaded from JSON has no text: the view shows the evidence quotes alone
    loaded = IncidentReport.model_validate_json(report.model_dump_json())
    assert loaded.article_text is None
    snippet = loaded._repr_html_()
    assert "sv-excerpts" in snippet and "<mark" in snippet and "<script>alert" not in snippet
    # and with the text attached again, the whole article
    assert "sv-excerpts" not in loaded.with_article_text(report.article_text or "")._repr_html_()


def test_summarize_html_option_writes_a_self_contained_page(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "view.html"
    result = invoke("summarize", str(article), "--published", "2024-03-05", "--html", str(out), "-f", "json")
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "<mark" in page
    assert not re.search(r"""(src|href)=["']?https?:""", page)
    assert json.loads(result.stdout)["is_incident"] is True


# --------------------------------------------------------------------------------------------------
# the terminal card
# --------------------------------------------------------------------------------------------------


def _report(**incident: Any) -> IncidentReport:
    return IncidentReport(
        is_incident=True,
        incident=Incident(category="violent_attack", **incident),
        summary="A summary.",
        neutrality=Neutrality(neutral=True),
        article=ArticleMeta(chars=100, sha256="0" * 64),
        provenance=Provenance(
            engine="rules",
            model="rules-v5",
            prompt_name="none",
            prompt_version="-",
            prompt_hash="-",
            summarizer_version="0",
        ),
    )


def _render(report: IncidentReport, width: int = 80) -> str:
    console = Console(width=width, record=True, force_terminal=False, color_system=None)
    console.print(card(report))
    return console.export_text()


def _flat(card_text: str) -> str:
    """The card's words in order, without the panel's border characters."""
    inner = [line.strip().strip("│╭╮╰╯─").strip() for line in card_text.splitlines()]
    return " ".join(" ".join(inner).split())


def test_card_wraps_the_headline_and_drops_echoes_and_repeats() -> None:
    lead = Evidence(quote="LYON, France - Gunmen killed at least 23 people on Friday.", start=0, end=58)
    report = _report(
        subtype="mass shooting at a crowded festival ground near the old town",
        location=Location(
            venue="Parc de la Tête d'Or festival grounds",
            city="Lyon",
            region="Lyon",
            country="France",
            evidence=[lead],
        ),
        killed=Count(value=23, qualifier=Qualifier.at_least, as_stated="at least 23", evidence=[lead]),
        injured=Count(value=4, as_stated="four people", evidence=[lead]),
    )
    text = _render(report)
    flat = _flat(text)
    assert "Lyon, Lyon" not in flat and "Lyon, France" in flat
    assert "mass shooting at a crowded festival ground near the old town" in flat
    assert "at least 23 (at least 23)" not in flat and "at least 23" in flat
    assert "4 (four people)" in flat  # the article's words add something: kept
    assert flat.count("Gunmen killed at least 23 people") == 1, "identical quotes are grouped"
    assert "location, killed, injured" in flat
    assert all(len(line) <= 80 for line in text.splitlines())


def test_card_shows_an_unverified_claim_as_a_claim() -> None:
    ev = Evidence(quote="A faction of the Northern Front claimed responsibility.", start=0, end=55)
    report = _report(
        perpetrators=[Perpetrator(name="Northern Front", kind="group", evidence=[ev])],
        responsibility_claims=[
            ResponsibilityClaim(claimant="a faction of the Northern Front", verified=False, evidence=[ev])
        ],
    )
    flat = _flat(_render(report))
    assert "perpetrators" not in flat
    assert "claimed by a faction of the Northern Front (unverified)" in flat
    verified = _report(
        perpetrators=[Perpetrator(name="Northern Front", kind="group", evidence=[ev])],
        responsibility_claims=[ResponsibilityClaim(claimant="Northern Front", verified=True, evidence=[ev])],
    )
    assert "perpetrators Northern Front (group)" in _flat(_render(verified))


def test_card_shows_the_articles_brackets_and_colons_as_written() -> None:
    """Words from the article are never read as rich markup or emoji codes."""
    ev = Evidence(quote="The [Front] :fire: unit hit the [/] depot.", start=0, end=41)
    report = _report(
        perpetrators=[Perpetrator(name="the [Front] :fire: unit", kind="group", evidence=[ev])],
        targets=[Item(text="the [/] depot", evidence=[ev])],
    )
    flat = _flat(_render(report))
    assert "perpetrators the [Front] :fire: unit (group)" in flat
    assert "targets the [/] depot" in flat


def test_report_repr_is_short(tmp_path: Path) -> None:
    report = rules(tmp_path).summarize(ARTICLE, published="2024-03-05")
    shown = repr(report)
    assert len(shown) < 250 and shown.startswith("<IncidentReport ") and "killed=at least 9" in shown


# --------------------------------------------------------------------------------------------------
# CLI habits
# --------------------------------------------------------------------------------------------------


def test_version_completion_and_help_at_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    import shellingham

    from summarizer import __version__

    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"summarizer {__version__}"
    # typer detects the shell from the process tree: pin it, or the test depends on what launched
    # pytest (under sh or dash it would print "Shell sh not supported")
    monkeypatch.setattr(shellingham, "detect_shell", lambda *a, **k: ("bash", "/bin/bash"))
    completion = invoke("--show-completion", "bash")
    assert completion.exit_code == 0 and "_SUMMARIZER_COMPLETE" in completion.stdout
    for args in (
        [],
        ["summarize"],
        ["batch"],
        ["eval"],
        ["eval", "compare"],
        ["runs"],
        ["config"],
        ["config", "show"],
        ["slack"],
        ["cache"],
    ):
        out = invoke(*args, "--help", env={"COLUMNS": "80"}, terminal_width=80).stdout
        assert "<bool>" not in out and "\\[" not in out, args
        options = out.split("Options:")[-1]
        assert "<list[str]>" not in options and "<path>" not in options, args
        assert all(len(line) <= 80 for line in out.splitlines()), (args, out)
        clipped = [
            line for line in out.splitlines() if line.endswith("...") and not line.startswith("Usage:")
        ]
        assert not clipped, ("clipped help", args, clipped)


def test_summarize_formats(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    base = ("summarize", str(article), "--published", "2024-03-05")
    jsonl = invoke(*base, "--format", "jsonl").stdout
    assert len(jsonl.strip().splitlines()) == 1 and json.loads(jsonl)["incident"]["killed"]["value"] == 9
    rows = list(csv.DictReader(io.StringIO(invoke(*base, "--format", "csv").stdout)))
    assert len(rows) == 1 and rows[0]["killed"] == "at least 9" and rows[0]["status"] == "ok"
    assert "Evidence" in invoke(*base, "--format", "table").stdout
    bad = invoke(*base, "--format", "xml")
    assert bad.exit_code == 2 and "table | json" not in bad.stdout


def test_engines_lists_models_and_state(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-very-secret-value")
    out = invoke("engines", terminal_width=100).stdout
    for name in ("rules", "openai", "compatible", "local"):
        assert name in out
    assert "gpt-4o-mini" in out and "ready (API key set" in out and "SUMMARIZER_BASE_URL" in out
    assert "sk-very-secret-value" not in out
    assert "openai *" in out, "the default engine is marked"


def test_config_errors_name_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_MAX_CHARS", "abc")
    with pytest.raises(ConfigError, match=r"SUMMARIZER_MAX_CHARS='abc' \(environment\)"):
        Settings()
    result = invoke("summarize", "-", input=b"text")
    assert result.exit_code == 2
    assert "SUMMARIZER_MAX_CHARS" in result.stderr and "validation error" not in result.stderr
    assert "Traceback" not in result.stderr


def test_config_file_dotenv_and_config_show(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    toml = tmp_path / "summarizer.toml"
    toml.write_text('max_chars = 30000\nchecker = "strict"\n', encoding="utf-8")
    monkeypatch.setenv("SUMMARIZER_CONFIG_FILE", str(toml))
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text(
        "SUMMARIZER_MODEL=from-dotenv\nOPENAI_API_KEY=sk-dotenv-secret\n", encoding="utf-8"
    )
    monkeypatch.setenv("SUMMARIZER_CHECKER", "off")  # the environment beats the file
    s = Settings()
    assert s.max_chars == 30000 and s.model == "from-dotenv" and s.checker == "off"
    table = invoke("config", "show").stdout
    assert "sk-dotenv-secret" not in table and "max_chars" in table
    shown = json.loads(invoke("config", "show", "--json").stdout)
    assert shown["config_file"] == str(toml) and shown["config_file_found"] is True
    by = {r["name"]: r for r in shown["settings"]}
    assert (by["max_chars"]["value"], by["max_chars"]["source"]) == ("30000", str(toml))
    assert (by["checker"]["value"], by["checker"]["source"]) == ("off", "environment")
    assert by["model"]["source"] == ".env" and by["openai_api_key"]["value"] == "(set)"
    assert by["temperature"]["source"] == "default" and by["max_chars"]["variable"] == "SUMMARIZER_MAX_CHARS"
    toml.write_text("max_chars = 'many'\n", encoding="utf-8")
    monkeypatch.delenv("SUMMARIZER_CHECKER")
    with pytest.raises(ConfigError, match=rf"max_chars='many' \({re.escape(str(toml))}\)"):
        Settings()


def test_summarize_many_and_batch_report_progress(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    results = rules(tmp_path).summarize_many(
        [ARTICLE, "", ARTICLE], concurrency=2, on_progress=lambda d, t: seen.append((d, t))
    )
    assert [type(r).__name__ for r in results] == ["IncidentReport", "EmptyArticleError", "IncidentReport"]
    assert sorted(seen) == [(1, 3), (2, 3), (3, 3)]
    from summarizer.batch import run_batch

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE.replace("Quetta", "Sibi"), encoding="utf-8")
    calls: list[tuple[int, int, str]] = []
    run_batch(
        folder,
        tmp_path / "out.jsonl",
        rules(tmp_path),
        concurrency=1,
        on_progress=lambda d, t, row: calls.append((d, t, row["id"])),
    )
    assert calls == [(1, 2, "a.txt"), (2, 2, "b.txt")]


def test_batch_lists_failures_and_keeps_permanent_errors(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03 binary")
    out = tmp_path / "runs" / "r.jsonl"
    first = invoke("batch", str(folder), "-o", str(out), "-q")
    assert first.exit_code == 1
    assert "binary.txt: DecodeError" in first.stdout and "empty.txt: EmptyArticleError" in first.stdout
    assert "[permanent]" in first.stdout
    info = json.loads((tmp_path / "runs" / "r.run.json").read_text())
    assert info["kind"] == "batch" and info["started"] and info["finished"] and info["counts"]["failed"] == 2
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    tries = {r["id"]: r["tries"] for r in rows}
    second = invoke("batch", str(folder), "-o", str(out), "-q", "--format", "csv")
    assert "3 done earlier" in second.stderr
    assert {r["id"]: r["tries"] for r in map(json.loads, out.read_text().splitlines())} == tries
    table = list(csv.DictReader(io.StringIO(second.stdout)))
    assert {r["id"]: r["status"] for r in table} == {
        "binary.txt": "error",
        "empty.txt": "error",
        "good.txt": "ok",
    }
    third = invoke("batch", str(folder), "-o", str(out), "-q", "--retry-permanent")
    assert "1 done earlier" in third.stdout
    assert {r["id"]: r["tries"] for r in map(json.loads, out.read_text().splitlines())}["empty.txt"] == 2


def test_batch_failed_list_is_capped(tmp_path: Path) -> None:
    from summarizer.cli.batch import failed_lines

    rows = [
        {"id": f"r{i}", "status": "error", "error": {"type": "ModelHTTPError", "message": "HTTP 500"}}
        for i in range(25)
    ]
    lines = failed_lines(rows, limit=10)
    assert lines[0] == "  r0: ModelHTTPError: HTTP 500" and len(lines) == 11
    assert "15 more failed" in lines[-1]


# --------------------------------------------------------------------------------------------------
# eval: every article in the report, runs, resume and compare refusals, compare --html
# --------------------------------------------------------------------------------------------------


def _gold(path: Path, n: int, *, killed: int = 9) -> Path:
    lines = []
    for i in range(n):
        text = ARTICLE.replace("Quetta", ["Quetta", "Sibi", "Zhob", "Turbat"][i % 4])
        gold = {
            "is_incident": True,
            "category": "violent_attack",
            "killed": {"value": killed if i else 2, "qualifier": "at_least"},
        }
        lines.append(json.dumps({"id": f"g{i}", "published": "2024-03-05", "text": text, "gold": gold}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_eval_report_runs_and_refusals(tmp_path: Path) -> None:
    gold = _gold(tmp_path / "gold.jsonl", 4)
    run = tmp_path / "runs" / "a"
    assert invoke("eval", "--gold", str(gold), "--out", str(run), "-q").exit_code == 0
    page = (run / "report.html").read_text(encoding="utf-8")
    assert page.count('<section class="art"') == 4, "a section for every article, not only the worst"
    assert 'data-failed="killed.value killed.joint"' in page or "killed.joint" in page
    for control in ("f-failed", "f-field", "f-category", "f-q"):
        assert f'id="{control}"' in page
    info = json.loads((run / "run.json").read_text())
    assert info["started"] <= info["finished"]

    # resuming with another gold file or other settings is refused, --force resumes anyway
    other = _gold(tmp_path / "other.jsonl", 3)
    refused = invoke("eval", "--gold", str(other), "--out", str(run), "-q")
    assert refused.exit_code == 2 and "gold file" in refused.stderr and "--force" in refused.stderr
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SUMMARIZER_MAX_CHARS", "5000")
        assert "max_chars" in invoke("eval", "--gold", str(gold), "--out", str(run), "-q").stderr
    assert invoke("eval", "--gold", str(other), "--out", str(run), "-q", "--force").exit_code == 0

    # runs lists the eval and a batch run
    b = invoke("batch", str(gold), "-o", str(tmp_path / "runs" / "batch.jsonl"), "-q")
    assert b.exit_code == 0
    listed = json.loads(invoke("runs", str(tmp_path / "runs"), "--json").stdout)
    assert {r["kind"] for r in listed} == {"eval", "batch"}
    assert all(r["started"] and r["finished"] for r in listed)
    assert any("killed.joint" in r["metrics"] for r in listed if r["kind"] == "eval")


def test_compare_refuses_other_gold_and_writes_side_by_side(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gold = _gold(tmp_path / "gold.jsonl", 4)
    a, b = tmp_path / "a", tmp_path / "b"
    assert invoke("eval", "--gold", str(gold), "--out", str(a), "-q").exit_code == 0
    monkeypatch.setenv("SUMMARIZER_MAX_CHARS", "1000")  # cuts the article: the claim sentence goes
    monkeypatch.setenv("SUMMARIZER_CHECKER", "off")
    assert invoke("eval", "--gold", str(gold), "--out", str(b), "-q").exit_code == 0
    monkeypatch.delenv("SUMMARIZER_MAX_CHARS")
    monkeypatch.delenv("SUMMARIZER_CHECKER")
    # make one article change verdict in B (its stored row says killed was wrong)
    rows = [json.loads(line) for line in (b / "results.jsonl").read_text().splitlines()]
    rows[1]["scores"]["killed.value"] = {"ok": False, "pred": {"value": 1}, "gold": {"value": 9}}
    (b / "results.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "cmp.html"
    result = invoke("eval", "compare", str(a), str(b), "--html", str(out))
    assert result.exit_code == 0, result.output
    assert "differs: max_chars" in result.stdout and "differs: checker" in result.stdout
    page = out.read_text(encoding="utf-8")
    assert str(a) in page and str(b) in page
    assert re.search(r'<tr class="diff"><td>max_chars</td><td>60000</td><td>1000</td>', page)
    assert re.search(r'<tr class="diff"><td>checker</td>', page)
    assert '<section class="art" data-id="g1">' in page and "killed.value" in page

    other = _gold(tmp_path / "other.jsonl", 4, killed=8)
    c = tmp_path / "c"
    assert invoke("eval", "--gold", str(other), "--out", str(c), "-q").exit_code == 0
    refused = invoke("eval", "compare", str(a), str(c))
    assert refused.exit_code == 2 and "different gold files" in refused.stderr
    assert invoke("eval", "compare", str(a), str(c), "--force").exit_code == 0


def test_slack_card_bolds_the_value_inside_its_quote(tmp_path: Path) -> None:
    from summarizer.slack.blocks import evidence_lines

    report = rules(tmp_path).summarize(ARTICLE, published="2024-03-05")
    lines = evidence_lines(report)
    lead = next(line for line in lines if "killed" in line.split(":")[0])
    assert "*at least 9 officers*" in lead and "*14 others*" in lead
    assert lead.count("roadside bomb") == 1 and sum("roadside bomb" in line for line in lines) == 1


def test_card_keeps_the_articles_words_for_part_of_a_group_and_no_toll_echo() -> None:
    quote = "A faction of the Northern Front claimed responsibility."
    g = Grounder(quote)
    ev = g.locate_value(["Northern Front"], g.locate(quote) or [])
    claim = ResponsibilityClaim(claimant="Northern Front", verified=False, evidence=ev)
    flat = _flat(_render(_report(responsibility_claims=[claim])))
    assert "claimed by a faction of the Northern Front (unverified)" in flat
    whole = ResponsibilityClaim(
        claimant="Northern Front",
        verified=False,
        evidence=g.locate_value(["Northern Front"], g.locate("Northern Front claimed responsibility") or []),
    )
    assert "claimed by Northern Front (unverified)" in _flat(_render(_report(responsibility_claims=[whole])))
    from summarizer.schema import BackgroundIncident

    bg = BackgroundIncident(
        description="a 2019 bombing that killed 40 people",
        killed=Count(value=40, as_stated="40 people"),
        injured=Count(value=12, as_stated="12"),
    )
    assert bg.describe() == "a 2019 bombing that killed 40 people (injured 12)"


def test_resume_rescores_corrected_labels_but_refuses_mixed_runs(tmp_path: Path) -> None:
    gold = _gold(tmp_path / "gold.jsonl", 4)
    run = tmp_path / "run"
    assert invoke("eval", "--gold", str(gold), "--out", str(run), "-q", "--limit", "2").exit_code == 0
    # growing the run to the whole file, and correcting a label in the same file, both resume
    assert invoke("eval", "--gold", str(gold), "--out", str(run), "-q").exit_code == 0
    _gold(gold, 4, killed=8)
    fixed = invoke("eval", "--gold", str(gold), "--out", str(run), "-q")
    assert fixed.exit_code == 0, fixed.output
    assert json.loads((run / "run.json").read_text())["gold_changed"] is True
    # another file whose ids differ: the folder would mix two runs
    moved = tmp_path / "copy" / "gold.jsonl"
    moved.parent.mkdir()
    moved.write_text(gold.read_text().replace('"id": "g', '"id": "h'), encoding="utf-8")
    refused = invoke("eval", "--gold", str(moved), "--out", str(run), "-q")
    assert refused.exit_code == 2
    said = " ".join(refused.stderr.split())  # the console wraps long messages where the path ends
    assert "gold file" in said and "4 result row(s) for articles not in this gold file" in said
