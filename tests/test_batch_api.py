"""`--via batch-api`: the OpenAI Batch API against the fake server's /v1/files and /v1/batches,
driven through the real openai client (127.0.0.1 only)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_openai import FIRE_DRAFT, FakeOpenAI, fire_article, tool_reply
from typer.testing import CliRunner

from summarizer import Settings, Summarizer
from summarizer.batch import read_input
from summarizer.batch_api import BatchAPIRunner, BatchPending, custom_id, state_path
from summarizer.cli import app
from summarizer.engines.base import BatchCapable
from summarizer.errors import ConfigError
from summarizer.runner import ResultStore, RunOutcome


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(default=tool_reply(FIRE_DRAFT)) as server:
        yield server


def make(fake: FakeOpenAI, tmp_path: Path, cache: bool = True) -> Summarizer:
    settings = Settings(
        openai_api_key="sk-test",  # type: ignore[arg-type]
        base_url=fake.url,
        cache_dir=tmp_path / "cache",
        retry_attempts=1,
        max_reasks=0,
    )
    return Summarizer(settings, engine="openai", cache=cache)


def write_input(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(
                json.dumps({"id": f"a{i:03d}", "text": fire_article(i), "published": "2024-04-24"}) + "\n"
            )
    return path


def run(summarizer: Summarizer, source: Path, out: Path, **options: Any) -> RunOutcome:
    options.setdefault("sleep", lambda seconds: None)
    options.setdefault("poll_initial", 0.01)
    runner = BatchAPIRunner(summarizer, **options)
    with ResultStore(out) as store:
        return runner.run(read_input(source), store)


def lines_of(fake: FakeOpenAI, batch: dict[str, Any]) -> list[dict[str, Any]]:
    content = fake.batches.files[batch["input_file_id"]][1].decode()
    return [json.loads(x) for x in content.splitlines()]


def test_a_request_line_carries_exactly_the_synchronous_body(fake: FakeOpenAI, tmp_path: Path) -> None:
    s = make(fake, tmp_path, cache=False)
    s.summarize(fire_article(1), published="2024-04-24")
    sent = fake.requests[-1]
    assert isinstance(s.engine, BatchCapable)
    body = s.engine.batch_body(s.request(s.prepare(fire_article(1), published="2024-04-24")))
    assert body["tools"] and body["tool_choice"] and body["messages"]
    assert {k: sent[k] for k in body} == body  # same prompt, tool schema, model and parameters


def test_completed_batch_with_failed_and_expired_requests_retried_synchronously(
    fake: FakeOpenAI, tmp_path: Path
) -> None:
    source = write_input(tmp_path / "in.jsonl", 12)
    fake.batches.plan = lambda cid, body: {"a003": "expired", "a007": "failed"}.get(cid, "ok")
    out = tmp_path / "out.jsonl"
    outcome = run(make(fake, tmp_path), source, out, retry="sync", price=(0.15, 0.60))
    assert (outcome.ok, outcome.failed, outcome.missing) == (12, 0, 0)
    [batch] = fake.batches.created
    lines = lines_of(fake, batch)
    assert [x["custom_id"] for x in lines] == [f"a{i:03d}" for i in range(12)]
    assert {x["url"] for x in lines} == {"/v1/chat/completions"}
    # the two failures were answered by synchronous calls (after the batch: 2 chat requests)
    sync_calls = [r for r in fake.requests if "messages" in r]
    assert len(sync_calls) == 10 + 2
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == [f"a{i:03d}" for i in range(12)]
    assert all(r["report"]["provenance"]["engine"] == "openai" for r in rows)
    state = json.loads(state_path(out).read_text())
    assert state["batches"][0]["id"] == batch["id"] and state["batches"][0]["collected"] is True
    assert state["batches"][0]["status"] == "completed"
    [note] = outcome.notes
    assert "10 batch responses" in note and "50% discount" in note


def test_failed_requests_as_error_rows_then_a_rerun_sends_only_those(
    fake: FakeOpenAI, tmp_path: Path
) -> None:
    source = write_input(tmp_path / "in.jsonl", 10)
    fake.batches.plan = lambda cid, body: {"a002": "expired", "a005": "failed", "a006": "failed"}.get(
        cid, "ok"
    )
    out = tmp_path / "out.jsonl"
    outcome = run(make(fake, tmp_path), source, out, retry="none")
    assert (outcome.ok, outcome.failed) == (7, 3)
    errors = {r["id"]: r["error"] for r in outcome.rows if r["status"] == "error"}
    assert errors["a002"]["type"] == "BatchExpired"
    assert errors["a005"]["type"] == "BatchRequestFailed" and "500" in errors["a005"]["message"]
    fake.batches.plan = lambda cid, body: "ok"
    outcome = run(make(fake, tmp_path), source, out, retry="none")
    assert (outcome.ok, outcome.failed, outcome.skipped) == (10, 0, 7)
    assert [b["request_counts"]["total"] for b in fake.batches.created] == [10, 3]
    assert {x["custom_id"] for x in lines_of(fake, fake.batches.created[1])} == {"a002", "a005", "a006"}
    tries = {r["id"]: r["tries"] for r in outcome.rows}
    assert tries["a002"] == 2 and tries["a000"] == 1


def test_an_expired_batch_goes_again_in_a_new_batch(fake: FakeOpenAI, tmp_path: Path) -> None:
    source = write_input(tmp_path / "in.jsonl", 6)
    fake.batches.expire_batches = 1  # the first batch expires whole; the next runs normally
    created = fake.batches.created
    outcome = run(make(fake, tmp_path), source, tmp_path / "out.jsonl", retry="batch")
    assert (outcome.ok, outcome.failed) == (6, 0)
    assert [b["status"] for b in created] == ["expired", "completed"]
    assert len([r for r in fake.requests if "messages" in r]) == 6  # no synchronous call


def test_resume_in_a_later_process_collects_the_recorded_batch(fake: FakeOpenAI, tmp_path: Path) -> None:
    source = write_input(tmp_path / "in.jsonl", 5)
    out = tmp_path / "out.jsonl"
    fake.batches.polls_in_progress = 3
    with pytest.raises(BatchPending) as info:
        run(make(fake, tmp_path), source, out, wait=False)
    [batch] = fake.batches.created
    assert info.value.batch_id == batch["id"]
    assert json.loads(state_path(out).read_text())["batches"][0]["id"] == batch["id"]
    assert out.read_text() == ""  # nothing yet
    # a new summarizer, as in a new process: it picks the batch up instead of paying twice
    outcome = run(make(fake, tmp_path), source, out, require_pending=True)
    assert (outcome.ok, outcome.failed) == (5, 0)
    assert len(fake.batches.created) == 1
    with pytest.raises(Exception, match="no pending batch"):
        run(make(fake, tmp_path), source, out, require_pending=True)


def test_cached_articles_are_not_sent_again(fake: FakeOpenAI, tmp_path: Path) -> None:
    source = write_input(tmp_path / "in.jsonl", 4)
    run(make(fake, tmp_path), source, tmp_path / "one.jsonl")
    outcome = run(make(fake, tmp_path), source, tmp_path / "two.jsonl")
    assert outcome.ok == 4 and len(fake.batches.created) == 1
    assert all(r["report"]["provenance"]["cache_hit"] for r in outcome.rows)


def test_a_response_that_does_not_validate_is_retried(fake: FakeOpenAI, tmp_path: Path) -> None:
    source = write_input(tmp_path / "in.jsonl", 3)
    fake.push(tool_reply({"is_incident": "maybe?", "killed": {"value": "lots"}}))  # the first answer is junk
    outcome = run(make(fake, tmp_path), source, tmp_path / "out.jsonl", retry="sync")
    assert (outcome.ok, outcome.failed) == (3, 0)
    assert len([r for r in fake.requests if "messages" in r]) == 4


def test_only_batch_capable_engines(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="Batch API"):
        BatchAPIRunner(Summarizer(Settings(cache_dir=tmp_path), engine="rules"))


def test_long_ids_get_a_stable_short_custom_id() -> None:
    assert custom_id("a1") == "a1"
    long = "x" * 200
    assert (
        custom_id(long) == custom_id(long)
        and len(custom_id(long)) <= 64
        and custom_id(long) != custom_id(long + "y")
    )


def test_cli_batch_via_batch_api(fake: FakeOpenAI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = write_input(tmp_path / "in.jsonl", 4)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.setenv("SUMMARIZER_BASE_URL", fake.url)
    monkeypatch.setenv("SUMMARIZER_RETRY_ATTEMPTS", "1")
    fake.batches.plan = lambda cid, body: "expired" if cid == "a001" else "ok"
    out = tmp_path / "out.jsonl"
    args = [
        "batch",
        str(source),
        "--out",
        str(out),
        "--engine",
        "openai",
        "--via",
        "batch-api",
        "--poll",
        "0.01",
        "-q",
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "4 articles: 4 ok" in result.output and "batch responses" in result.output
    assert len(fake.batches.created) == 1


def test_eval_via_batch_api_scores_as_the_synchronous_run(
    fake: FakeOpenAI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_eval_runner import answer, write_gold

    monkeypatch.setenv("SUMMARIZER_ENGINE", "compatible")
    monkeypatch.setenv("SUMMARIZER_BASE_URL", fake.url)
    monkeypatch.setenv("SUMMARIZER_RETRY_ATTEMPTS", "1")
    monkeypatch.setenv("SUMMARIZER_MAX_REASKS", "0")
    gold = write_gold(tmp_path / "gold.jsonl")
    fake.default = answer(lambda n: 3 if n % 2 == 0 else 4, fail={7})
    common = ["eval", "--gold", str(gold), "--no-cache", "-q", "--model", "gpt-4o-mini"]
    sync = CliRunner().invoke(app, [*common, "--out", str(tmp_path / "sync")])
    assert sync.exit_code == 0, sync.output
    via = CliRunner().invoke(
        app, [*common, "--out", str(tmp_path / "batch"), "--via", "batch-api", "--poll", "0.01"]
    )
    assert via.exit_code == 0, via.output
    assert "50% discount" in via.output
    assert len(fake.batches.created) == 1 and fake.batches.created[0]["request_counts"]["total"] == 8
    metrics = [json.loads((tmp_path / d / "metrics.json").read_text())["fields"] for d in ("sync", "batch")]
    assert metrics[0] == metrics[1]
    rows = {
        json.loads(x)["id"]: json.loads(x)
        for x in (tmp_path / "batch" / "results.jsonl").read_text().splitlines()
    }
    assert rows["s7"]["status"] == "error" and rows["s7"]["error"]["type"] == "ModelHTTPError"  # failed twice
    assert rows["s0"]["via"] == "batch-api" and rows["s0"]["scores"]["killed.value"]["ok"] is True
