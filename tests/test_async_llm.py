"""The async LLM path of batch/eval/summarize_many against the fake OpenAI-compatible server: the
same rows as the sync path in input order, resume, a 429's Retry-After holding back every call,
the server's x-ratelimit headers honoured, and the client-side requests-per-minute limit."""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from fake_openai import FIRE_DRAFT, FakeOpenAI, Reply, fire_article, tool_reply
from typer.testing import CliRunner

from summarizer import Article, Settings, Summarizer
from summarizer.errors import ConfigError, SummarizerError
from summarizer.evaluation.fake_openai import RateWindow
from summarizer.ratelimit import RateLimiter, RateLimits, parse_reset
from summarizer.runner import ResultStore, Runner, WorkItem
from summarizer.settings import SettingsError


def make(url: str, tmp_path: Path, **extra: Any) -> Summarizer:
    values: dict[str, Any] = {"retry_attempts": 4, "retry_initial_wait": 0.01, **extra}
    settings = Settings(base_url=url, cache_dir=tmp_path / "cache", **values)
    return Summarizer(settings, engine="compatible")


def items(n: int, start: int = 0) -> list[WorkItem]:
    return [WorkItem(id=f"a{i}", source=Article(text=fire_article(i))) for i in range(start, start + n)]


def stable(row: dict[str, Any]) -> Any:
    report = dict(row["report"])
    report.pop("provenance")
    return row["id"], row["status"], report


def run(summarizer: Summarizer, work: list[WorkItem], out: Path, **options: Any) -> list[dict[str, Any]]:
    with ResultStore(out) as store:
        outcome = Runner(summarizer, use_cache=False, **options).run(work, store)
    return outcome.rows


# --------------------------------------------------------------------------------------------------
# the runner
# --------------------------------------------------------------------------------------------------


def test_async_rows_match_the_sync_path_in_input_order(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.default = tool_reply(FIRE_DRAFT)
    summarizer = make(fake_openai.url, tmp_path)
    assert summarizer.async_capable()
    work = items(12)
    sync = run(summarizer, work, tmp_path / "sync.jsonl", concurrency=4, use_async=False)
    calls = fake_openai.count
    fast = run(summarizer, work, tmp_path / "async.jsonl", concurrency=8)
    assert fake_openai.count == calls + 12  # every article one real call, none from a cache
    assert [r["id"] for r in fast] == [f"a{i}" for i in range(12)]
    assert [stable(r) for r in fast] == [stable(r) for r in sync]
    written = [json.loads(x)["id"] for x in (tmp_path / "async.jsonl").read_text().splitlines()]
    assert written == [f"a{i}" for i in range(12)]  # compacted to input order


def test_async_run_resumes_and_retries_only_failed_rows(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.default = tool_reply(FIRE_DRAFT)
    summarizer = make(fake_openai.url, tmp_path, retry_attempts=1)
    out = tmp_path / "out.jsonl"
    fake_openai.push(Reply(400, {"error": {"message": "bad request"}}))  # one article fails for now
    first = run(summarizer, items(6), out, concurrency=3)
    assert sum(r["status"] == "ok" for r in first) == 5
    before = fake_openai.count
    second = run(summarizer, items(6), out, concurrency=3)
    assert fake_openai.count == before + 1  # only the failed article is sent again
    assert all(r["status"] == "ok" for r in second)
    retried = [r for r in second if r["tries"] == 2]
    assert len(retried) == 1


def test_reask_and_summary_revision_go_through_the_async_session(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    loaded = {**FIRE_DRAFT, "summary": "A horrific fire at a market in Lagos killed 3 people."}
    fake_openai.push(
        tool_reply({"is_incident": True, "summary": 7}),  # invalid draft: instructor re-asks
        tool_reply(loaded),
        tool_reply({"summary": "A fire at a market in Lagos killed 3 people, officials said."}),
    )
    summarizer = make(fake_openai.url, tmp_path)
    rows = run(summarizer, items(1), tmp_path / "out.jsonl", concurrency=2)
    report = rows[0]["report"]
    assert rows[0]["status"] == "ok", rows[0]
    assert fake_openai.count == 3
    assert report["neutrality"]["action"] == "reasked"
    assert "horrific" not in report["summary"]
    assert report["provenance"]["attempts"] == 3  # the re-ask and the revision are counted


def test_summarize_many_takes_the_async_path_and_keeps_input_order(
    fake_openai: FakeOpenAI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def numbered(body: dict[str, Any]) -> Reply:
        text = body["messages"][-1]["content"]
        n = int(text.rsplit("Report number ", 1)[1].split(".")[0])
        reply = tool_reply({**FIRE_DRAFT, "summary": f"A fire at a market in Lagos killed 3 people ({n})."})
        return replace(reply(body), delay=0.02 * (n % 3))  # finish out of order

    fake_openai.default = numbered
    summarizer = make(fake_openai.url, tmp_path)
    called: list[int] = []
    original = summarizer.asummarize_in

    async def spy(*args: Any, **kwargs: Any) -> Any:
        called.append(1)
        return await original(*args, **kwargs)

    monkeypatch.setattr(summarizer, "asummarize_in", spy)
    results = summarizer.summarize_many([fire_article(i) for i in range(9)], concurrency=4, use_cache=False)
    assert len(called) == 9
    for i, result in enumerate(results):
        assert not isinstance(result, SummarizerError), result
        assert f"({i})" in result.summary


def test_async_io_off_in_the_settings_takes_the_thread_path(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.default = tool_reply(FIRE_DRAFT)
    summarizer = make(fake_openai.url, tmp_path, async_io=False)
    assert not summarizer.async_capable()
    rows = run(summarizer, items(3), tmp_path / "out.jsonl", concurrency=2)
    assert all(r["status"] == "ok" for r in rows)


# --------------------------------------------------------------------------------------------------
# rate limits: Retry-After, x-ratelimit headers, the client-side budget
# --------------------------------------------------------------------------------------------------


def test_a_429_retry_after_holds_back_every_call(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    slow = tool_reply(FIRE_DRAFT)
    fake_openai.default = lambda body: replace(slow(body), delay=0.15)
    fake_openai.push(Reply(429, {"error": {"message": "slow down"}}, headers={"retry-after": "1"}))
    summarizer = make(fake_openai.url, tmp_path)
    rows = run(summarizer, items(4), tmp_path / "out.jsonl", concurrency=2)
    assert all(r["status"] == "ok" for r in rows)
    refused = fake_openai.statuses.index(429)
    t429 = fake_openai.times[refused]
    later = [t - t429 for t in fake_openai.times if t > t429 + 0.01]
    # the other worker's next request (its first answer came after 0.15 s) also waited out the second
    assert later and min(later) >= 0.95, later
    assert fake_openai.statuses.count(429) == 1


def test_x_ratelimit_headers_pause_before_the_server_refuses(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.default = tool_reply(FIRE_DRAFT)
    fake_openai.rate_window = RateWindow(requests=3, seconds=1.0)
    summarizer = make(fake_openai.url, tmp_path, cross_check=False)
    rows = run(summarizer, items(7), tmp_path / "out.jsonl", concurrency=2)
    assert all(r["status"] == "ok" for r in rows)
    assert fake_openai.statuses.count(429) == 0  # the remaining budget was read, never overrun
    assert fake_openai.times[-1] - fake_openai.times[0] >= 1.9  # three windows for seven requests


def test_without_reading_the_headers_the_same_run_is_refused(
    fake_openai: FakeOpenAI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The test above can fail: a client that ignores x-ratelimit-* overruns the same window."""
    fake_openai.default = tool_reply(FIRE_DRAFT)
    fake_openai.rate_window = RateWindow(requests=3, seconds=1.0)
    summarizer = make(fake_openai.url, tmp_path, cross_check=False)
    monkeypatch.setattr(RateLimiter, "observe", lambda self, *a, **k: None)
    run(summarizer, items(7), tmp_path / "out.jsonl", concurrency=2)
    assert fake_openai.statuses.count(429) >= 1


def test_the_limiter_keeps_the_request_rate_under_the_configured_rpm(
    fake_openai: FakeOpenAI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_openai.default = tool_reply(FIRE_DRAFT)
    rpm = 1200.0  # 20 requests/s, bursts of at most one second's worth
    summarizer = make(fake_openai.url, tmp_path, rate_limit_rpm=rpm, cross_check=False)
    # When the limiter lets each request go (on the event loop, right after its decision): the
    # server's arrival times also carry connection and scheduling delays, which vary with the
    # machine's load and can bunch requests the limiter spaced out.
    granted: list[float] = []
    acquire = RateLimiter.acquire

    async def recording_acquire(self: RateLimiter, tokens: int = 0) -> None:
        await acquire(self, tokens)
        granted.append(time.monotonic())

    monkeypatch.setattr(RateLimiter, "acquire", recording_acquire)
    n = 50
    started = time.monotonic()
    # one event loop here (the grants are recorded in this process; processes share the limiter's
    # state: tests/test_async_workers.py)
    rows = run(summarizer, items(n), tmp_path / "out.jsonl", concurrency=16, workers=0)
    assert all(r["status"] == "ok" for r in rows)
    assert len(fake_openai.times) == n == len(granted)  # every request went through the limiter
    rate, burst = rpm / 60, rpm / 60
    jitter = 0.05  # seconds between the limiter's decision and the recorded time (OS scheduling)
    for i in range(n):
        for j in range(i, n):  # any stretch of requests: at most the burst plus the rate over its span
            assert j - i + 1 <= burst + rate * (granted[j] - granted[i] + jitter) + 1, (i, j)
    assert time.monotonic() - started >= (n - burst) / rate * 0.95


# --------------------------------------------------------------------------------------------------
# the limiter itself (a fake clock)
# --------------------------------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_token_budget_spaces_large_requests() -> None:
    clock = Clock()
    limiter = RateLimiter(RateLimits(tpm=6000), clock=clock, sleep=clock.sleep)  # 100 tokens/s

    async def go() -> None:
        for _ in range(4):
            await limiter.acquire(100)

    asyncio.run(go())
    assert clock.now == pytest.approx(103.0)  # the first from the full bucket, then one per second


def test_a_request_larger_than_the_bucket_never_waits_forever() -> None:
    clock = Clock()
    limiter = RateLimiter(RateLimits(tpm=60), clock=clock, sleep=clock.sleep)  # 1 token/s
    asyncio.run(limiter.acquire(500))
    asyncio.run(limiter.acquire(500))
    assert clock.now == pytest.approx(100.0 + 500)  # the debt of the first is paid before the second


def test_observe_pauses_on_a_spent_budget_and_counts_requests_in_flight() -> None:
    clock = Clock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep)
    limiter.observe({"x-ratelimit-remaining-requests": "5", "x-ratelimit-reset-requests": "2s"}, 0, 3)
    assert limiter.pauses == 0
    limiter.observe({"x-ratelimit-remaining-requests": "3", "x-ratelimit-reset-requests": "1m30s"}, 0, 3)
    asyncio.run(limiter.acquire(1))
    assert clock.now == pytest.approx(160.0)  # a reset is at most a minute away
    limiter.observe({"x-ratelimit-remaining-tokens": "900", "x-ratelimit-reset-tokens": "250ms"}, 1000, 0)
    asyncio.run(limiter.acquire(1))
    assert clock.now == pytest.approx(160.25)


def test_requests_started_after_the_headers_spend_the_remaining_budget() -> None:
    """One request left and nothing in flight: the first request goes, the second waits for the
    window's reset (two workers that both read "1 left" must not both send)."""
    clock = Clock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep)
    limiter.observe({"x-ratelimit-remaining-requests": "1", "x-ratelimit-reset-requests": "0.5s"}, 0, 0)

    async def two() -> None:
        await limiter.acquire(1)
        assert clock.now == pytest.approx(100.0)
        await limiter.acquire(1)

    asyncio.run(two())
    assert clock.now == pytest.approx(100.5)
    limiter.observe({"x-ratelimit-remaining-requests": "2", "x-ratelimit-reset-requests": "1s"}, 0, 0)
    # a late answer from before (more left) does not raise what the newer one said
    limiter.observe({"x-ratelimit-remaining-requests": "9", "x-ratelimit-reset-requests": "1s"}, 0, 0)

    async def three() -> None:
        for _ in range(3):
            await limiter.acquire(1)

    asyncio.run(three())
    assert clock.now == pytest.approx(101.5)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("1s", 1.0),
        ("6m0s", 360.0),
        ("20ms", 0.02),
        ("1h2m3.5s", 3723.5),
        ("0.5", 0.5),
        ("soon", None),
        ("", None),
    ],
)
def test_parse_reset(value: str, seconds: float | None) -> None:
    assert parse_reset(value) == (pytest.approx(seconds) if seconds is not None else None)


# --------------------------------------------------------------------------------------------------
# configuration: names in errors
# --------------------------------------------------------------------------------------------------


def test_a_bad_rate_limit_names_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_RATE_LIMIT_RPM", "fast")
    with pytest.raises(SettingsError, match="SUMMARIZER_RATE_LIMIT_RPM='fast' \\(environment\\)"):
        Settings()
    monkeypatch.setenv("SUMMARIZER_RATE_LIMIT_RPM", "-3")
    with pytest.raises(SettingsError, match="SUMMARIZER_RATE_LIMIT_RPM"):
        Settings()
    with pytest.raises(ConfigError, match="SUMMARIZER_RATE_LIMIT_TPM"):
        RateLimits(tpm=float("nan"))


def test_cli_rate_limit_flags(
    fake_openai: FakeOpenAI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarizer.cli import app

    fake_openai.default = tool_reply(FIRE_DRAFT)
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": f"r{i}", "text": fire_article(i)}) + "\n" for i in range(4)))
    monkeypatch.setenv("SUMMARIZER_BASE_URL", fake_openai.url)
    out = tmp_path / "out.jsonl"
    bad = CliRunner().invoke(app, ["batch", str(source), "--out", str(out), "--rpm", "0", "-q"])
    assert bad.exit_code == 2 and "--rpm" in bad.output
    started = time.monotonic()
    result = CliRunner().invoke(
        app,
        ["batch", str(source), "--out", str(out), "--engine", "compatible", "--rpm", "120", "-c", "4", "-q"],
    )
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started >= 1.0  # 2 per second, a burst of 2: four requests take a second


def test_a_call_slot_is_held_only_while_a_request_is_on_the_wire(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    """Concurrency 1: the first article's request fails (503) and waits to be retried; its wait
    holds no call slot, so the second article's request goes out meanwhile, once the first one's
    answer is in (not two at once)."""
    fake_openai.latency = 0.1
    fake_openai.push(Reply(503, {"error": {"message": "overloaded"}}))
    fake_openai.default = tool_reply(FIRE_DRAFT)
    summarizer = make(fake_openai.url, tmp_path, retry_initial_wait=0.6, retry_max_wait=0.6)
    rows = run(summarizer, items(2), tmp_path / "out.jsonl", concurrency=1)
    assert [r["status"] for r in rows] == ["ok", "ok"]

    def report_number(body: dict[str, Any]) -> str:
        text = body["messages"][-1]["content"]
        return "0" if "Report number 0." in text else "1" if "Report number 1." in text else "?"

    assert [report_number(b) for b in fake_openai.requests] == ["0", "1", "0"]
    assert 0.1 <= fake_openai.times[1] - fake_openai.times[0] < 0.6  # after the answer, not the wait


def test_summarize_many_inside_a_running_event_loop_falls_back_to_threads(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    """A notebook's loop is already running: the async path cannot start another, threads do."""
    fake_openai.default = tool_reply(FIRE_DRAFT)
    summarizer = make(fake_openai.url, tmp_path)

    async def inside() -> list[Any]:
        return summarizer.summarize_many([fire_article(i) for i in range(3)], concurrency=2, use_cache=False)

    results = asyncio.run(inside())
    assert len(results) == 3 and not any(isinstance(r, SummarizerError) for r in results)


# --------------------------------------------------------------------------------------------------
# the direct structured call (instructor's TOOLS request, parser and re-asks, without its per-call work)
# --------------------------------------------------------------------------------------------------


def _bodies_of(fake: FakeOpenAI, first: int) -> list[dict[str, Any]]:
    return [json.loads(json.dumps(b, sort_keys=True)) for b in fake.requests[first:]]


def test_the_async_path_sends_the_sync_paths_request_bodies_reasks_included(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    """The tools schema goes as ``extra_body`` on the async path: the server must still see exactly
    the body instructor's own ``create`` sends, for the first call and for a re-ask after an invalid
    draft (the failed tool call and the validation error appended as instructor words them)."""
    summarizer = make(fake_openai.url, tmp_path)
    bad = tool_reply({"is_incident": True, "summary": 7})
    sent: dict[bool, list[dict[str, Any]]] = {}
    for use_async in (False, True):
        fake_openai.push(bad, tool_reply(FIRE_DRAFT))
        before = len(fake_openai.requests)
        rows = run(summarizer, items(1), tmp_path / f"out-{use_async}.jsonl", use_async=use_async)
        assert rows[0]["status"] == "ok", rows[0]
        sent[use_async] = _bodies_of(fake_openai, before)
    assert len(sent[True]) == 2  # the call and one re-ask
    assert sent[True] == sent[False]
    assert "tools" in sent[True][0] and sent[True][1]["messages"][-1]["role"] == "tool"


def test_reasks_that_run_out_give_the_sync_paths_error_row(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    summarizer = make(fake_openai.url, tmp_path, retry_attempts=1)
    reasks = summarizer.params.max_reasks
    bad = tool_reply({"is_incident": True, "summary": 7})
    errors = {}
    for use_async in (False, True):
        fake_openai.push(*[bad] * (reasks + 1))
        before = fake_openai.count
        rows = run(summarizer, items(1), tmp_path / f"out-{use_async}.jsonl", use_async=use_async)
        assert fake_openai.count == before + reasks + 1  # every re-ask spent, no transport retry
        assert rows[0]["status"] == "error"
        errors[use_async] = rows[0]["error"]
    assert errors[True] == errors[False]
    assert errors[True]["type"] == "ModelOutputError"
    assert f"after {reasks + 1} attempt(s)" in errors[True]["message"]


def test_a_server_error_during_a_reask_is_retried_from_the_first_request(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    """A failed call inside the re-ask loop ends that loop (instructor re-raises it wrapped); the
    transport retry then starts the call over with the original messages."""
    summarizer = make(fake_openai.url, tmp_path, retry_attempts=2)
    fake_openai.push(
        tool_reply({"is_incident": True, "summary": 7}),
        Reply(503, {"error": {"message": "overloaded"}}),
        tool_reply(FIRE_DRAFT),
    )
    before = len(fake_openai.requests)
    rows = run(summarizer, items(1), tmp_path / "out.jsonl")
    assert rows[0]["status"] == "ok", rows[0]
    bodies = fake_openai.requests[before:]
    assert len(bodies) == 3
    assert bodies[2]["messages"] == bodies[0]["messages"]  # started over, not a re-ask
    assert len(bodies[1]["messages"]) > len(bodies[0]["messages"])


def test_a_run_freezes_the_heap_and_gives_it_back(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    import gc

    from summarizer import aio

    fake_openai.default = tool_reply(FIRE_DRAFT)
    summarizer = make(fake_openai.url, tmp_path)
    seen: list[int] = []
    original = summarizer.asummarize_in

    async def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.get_freeze_count())
        return await original(*args, **kwargs)

    summarizer.asummarize_in = spy  # type: ignore[method-assign]
    assert gc.get_freeze_count() == 0
    run(summarizer, items(2), tmp_path / "out.jsonl")
    assert seen and all(n > 0 for n in seen)  # frozen while the run went on
    assert gc.get_freeze_count() == 0  # and handed back
    gc.freeze()  # a caller that froze objects itself keeps its own freeze
    try:
        frozen = gc.get_freeze_count()
        with aio.frozen_heap():
            assert gc.get_freeze_count() <= frozen  # not frozen again (frozen objects may die)
        assert gc.get_freeze_count() > frozen // 2  # nor unfrozen
    finally:
        gc.unfreeze()


def test_later_sessions_reuse_the_first_sessions_tls_context(tmp_path: Path) -> None:
    summarizer = make("http://127.0.0.1:9/v1", tmp_path)

    async def context() -> Any:
        session = summarizer.open_async(RateLimiter(RateLimits()))
        assert session is not None
        try:
            return session._client._client._transport._pool._ssl_context  # type: ignore[attr-defined]
        finally:
            await session.aclose()

    first, second = asyncio.run(context()), asyncio.run(context())
    assert first is not None and second is first
