"""`summarizer eval` end to end over real HTTP (the fake OpenAI-compatible server), plus `eval compare`."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_openai import FakeOpenAI, Reply, tool_reply
from typer.testing import CliRunner

from summarizer.cli import app

N = 8


def article(i: int) -> str:
    return f"LAGOS, Nigeria (Wire) - A fire at a market in Lagos killed 3 people on Monday, officials said. Story {i}."


def write_gold(path: Path, killed: int = 3) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i in range(N):
            gold = {
                "category": "fire",
                "date": ["2024-04-22"],
                "country": ["NG"],
                "city": ["Lagos"],
                "venue": [None],
                "killed": {"value": killed, "qualifier": "exact"},
                "injured": None,
                "perpetrators": [],
                "claimed_by": [],
                "summary_must_include": [["Lagos"], ["3", "three"]],
                "summary_must_not_include": ["tragic"],
            }
            row = {
                "id": f"s{i}",
                "event_id": "e1",
                "published": "2024-04-24",
                "outlet": "Wire",
                "title": f"Fire {i}",
            }
            f.write(json.dumps(row | {"text": article(i), "gold": gold}) + "\n")
    return path


def story(body: dict[str, Any]) -> int:
    m = re.search(r"Story (\d+)", json.dumps(body))
    return int(m.group(1)) if m else -1


def answer(killed: Callable[[int], int], fail: Collection[int] = ()) -> Callable[[dict[str, Any]], Reply]:
    def reply(body: dict[str, Any]) -> Reply:
        n = story(body)
        if n in fail:
            return Reply(500, {"error": {"message": "fake server: boom"}})
        args = {
            "is_incident": True,
            "category": "fire",
            "date": {"as_stated": "on Monday", "quote": "killed 3 people on Monday"},
            "location": {
                "city": "Lagos",
                "country": "Nigeria",
                "as_stated": "Lagos",
                "quote": "A fire at a market in Lagos",
            },
            "killed": {
                "value": killed(n),
                "qualifier": "exact",
                "as_stated": "3 people",
                "quote": "killed 3 people",
            },
            "summary": f"A fire at a market in Lagos killed {killed(n)} people on Monday, officials said.",
        }
        return tool_reply(args, prompt_tokens=1000, completion_tokens=100)(body)

    return reply


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        monkeypatch.setenv("SUMMARIZER_ENGINE", "compatible")
        monkeypatch.setenv("SUMMARIZER_BASE_URL", server.url)
        monkeypatch.setenv("SUMMARIZER_RETRY_ATTEMPTS", "1")
        monkeypatch.setenv("SUMMARIZER_MAX_REASKS", "0")
        yield server


def run_cli(*args: str) -> Any:
    result = CliRunner().invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_eval_writes_rows_metrics_and_reports_then_resumes(fake: FakeOpenAI, tmp_path: Path) -> None:
    gold = write_gold(tmp_path / "gold.jsonl")
    out = tmp_path / "runs" / "a"
    fake.default = answer(lambda n: 3 if n % 2 == 0 else 4, fail={7})
    result = run_cli(
        "eval", "--gold", str(gold), "--out", str(out), "--concurrency", "4", "-q", "--model", "gpt-4o-mini"
    )
    assert result.exit_code == 0, result.output
    assert fake.count == N

    got = rows(out / "results.jsonl")
    assert [r["id"] for r in got] == [f"s{i}" for i in range(N)]  # one row each, in gold order
    by_id = {r["id"]: r for r in got}
    assert by_id["s7"]["status"] == "error" and by_id["s7"]["error"]["type"] == "ModelHTTPError"
    assert by_id["s0"]["scores"]["killed.value"] == {
        "ok": True,
        "pred": {"value": 3, "qualifier": "exact"},
        "gold": {"value": 3, "qualifier": "exact"},
    }
    assert by_id["s1"]["scores"]["killed.value"]["ok"] is False
    assert by_id["s1"]["report"]["provenance"]["engine"] == "compatible"

    metrics = json.loads((out / "metrics.json").read_text())
    f = metrics["fields"]
    assert f["killed.value"]["value"] == 0.5 and f["killed.value"]["n"] == N  # the error row counts as wrong
    assert f["killed.qualifier"]["value"] == 0.875
    assert f["error_rate"]["value"] == 0.125
    assert f["country"]["value"] == 0.875 and f["date"]["value"] == 0.875
    assert f["summary.unsupported_number_rate"]["value"] == pytest.approx(
        3 / 7, abs=1e-3
    )  # "4 people" is not in the text
    assert f["grounding.rate"]["value"] == 1.0
    ops = metrics["ops"]["compatible/gpt-4o-mini"]
    assert ops["tokens_in"] == 7000 and ops["tokens_out"] == 700
    assert ops["cost_usd"] == pytest.approx((7000 * 0.15 + 700 * 0.60) / 1e6)
    assert ops["latency_ms"]["p50"] is not None
    assert metrics["counts"] == {"articles": N, "ok": 7, "error": 1, "cache_hits": 0}

    html = (out / "report.html").read_text()
    assert "<svg" in html and "<mark" in html and "s1" in html
    assert not re.search(r"""(src|href)=["']?https?:""", html), "report.html must be self-contained"
    md = (out / "report.md").read_text()
    assert (
        "| killed value (`killed.value`) | 0.500 | 8 |" in md
        and "Worst articles" in md
        and "ModelHTTPError" in md
    )

    # re-run: finished ids are skipped, the failed one is retried (the server works now); a gate fails
    fake.default = answer(lambda n: 3)
    before = fake.count
    result = run_cli(
        "eval",
        "--gold",
        str(gold),
        "--out",
        str(out),
        "-q",
        "--model",
        "gpt-4o-mini",
        "--fail-under",
        "killed.joint=0.9",
    )
    assert fake.count - before == 1
    assert result.exit_code == 3, result.output
    assert "FAIL" in result.output
    got = rows(out / "results.jsonl")
    assert len(got) == N and all(r["status"] == "ok" for r in got)
    assert {r["id"]: r["tries"] for r in got}["s7"] == 2
    metrics = json.loads((out / "metrics.json").read_text())
    assert (
        metrics["fields"]["killed.value"]["value"] == 0.625
        and metrics["fields"]["error_rate"]["value"] == 0.0
    )
    assert metrics["gates"] == [
        {"metric": "killed.joint", "op": ">=", "threshold": 0.9, "value": 0.625, "passed": False}
    ]

    # a fixed gold file is re-scored without calling the model again
    write_gold(gold, killed=4)
    before = fake.count
    result = run_cli("eval", "--gold", str(gold), "--out", str(out), "-q", "--model", "gpt-4o-mini")
    assert result.exit_code == 0 and fake.count == before
    metrics = json.loads((out / "metrics.json").read_text())
    # s1, s3, s5 answered 4, but their own quote reads "killed 3 people": a disputed figure is never
    # credited (issue #8 item 17), so the re-scored value drops from 0.5 to 0
    assert metrics["fields"]["killed.value"]["value"] == 0.0

    # another model into the same folder is refused
    result = run_cli("eval", "--gold", str(gold), "--out", str(out), "-q", "--model", "other-model")
    assert result.exit_code == 2 and "model='gpt-4o-mini'" in result.output


def test_compare_flags_regressions_and_gates(fake: FakeOpenAI, tmp_path: Path) -> None:
    gold = write_gold(tmp_path / "gold.jsonl")
    fake.default = answer(lambda n: 3)
    assert run_cli("eval", "-g", str(gold), "-o", str(tmp_path / "a"), "-q", "-m", "m1").exit_code == 0
    fake.default = answer(lambda n: 3 if n < 4 else 5)
    assert run_cli("eval", "-g", str(gold), "-o", str(tmp_path / "b"), "-q", "-m", "m2").exit_code == 0

    result = run_cli("eval", "compare", str(tmp_path / "a"), str(tmp_path / "b"), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    fields = {f["metric"]: f for f in data["fields"]}
    assert fields["killed.value"]["a"] == 1.0 and fields["killed.value"]["b"] == 0.5
    assert fields["killed.value"]["delta"] == -0.5 and fields["killed.value"]["regressed"] is True
    assert fields["killed.value"]["newly_wrong"] == ["s4", "s5", "s6", "s7"]
    assert fields["summary.unsupported_number_rate"]["regressed"] is True  # lower is better: 0 -> 0.5
    assert fields["country"]["regressed"] is False and fields["country"]["delta"] == 0.0

    assert run_cli("eval", "compare", str(tmp_path / "a"), str(tmp_path / "b")).exit_code == 0
    assert (
        run_cli("eval", "compare", str(tmp_path / "a"), str(tmp_path / "b"), "--fail-on-regression").exit_code
        == 3
    )
    assert (
        run_cli(
            "eval", "compare", str(tmp_path / "a"), str(tmp_path / "b"), "--fail-under", "killed.value=0.5"
        ).exit_code
        == 0
    )
    result = run_cli(
        "eval", "compare", str(tmp_path / "a"), str(tmp_path / "b"), "--fail-under", "killed.value=0.6"
    )
    assert result.exit_code == 3 and "gate killed.value >= 0.6: 0.500 FAIL" in result.output
    # the reverse direction is an improvement, not a regression
    result = run_cli("eval", "compare", str(tmp_path / "b"), str(tmp_path / "a"), "--fail-on-regression")
    assert result.exit_code == 0, result.output
    assert run_cli("eval", "compare", str(tmp_path / "a"), str(tmp_path / "nope")).exit_code == 2
    assert (
        run_cli(
            "eval", "compare", str(tmp_path / "a"), str(tmp_path / "b"), "--fail-under", "bogus=1"
        ).exit_code
        == 2
    )


def test_eval_without_gold_explains_itself(tmp_path: Path) -> None:
    result = run_cli("eval", "--out", str(tmp_path / "x"))
    assert result.exit_code == 2 and "--gold" in result.output
    result = run_cli("eval", "--gold", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "x"))
    assert result.exit_code == 2 and "no such gold file" in result.output
