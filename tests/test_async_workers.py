"""The async LLM path on every core (summarizer.aio_workers): an event loop in each of N worker
processes against the fake OpenAI-compatible server. The same rows as one event loop, in input
order; a killed process costs only the articles it held (error rows, redone by a re-run); the
call slots sum to the concurrency; one rate limiter in shared memory for every process."""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import signal
from pathlib import Path
from typing import Any

import pytest
from fake_openai import FIRE_DRAFT, FakeOpenAI, fire_article, tool_reply

from summarizer import Article, Settings, Summarizer
from summarizer.aio_workers import split_slots
from summarizer.evaluation.fake_openai import RateWindow
from summarizer.ratelimit import RateLimiter, RateLimits
from summarizer.runner import ResultStore, Runner, WorkItem
from summarizer.workers import cpu_count, start_method


def make(url: str, tmp_path: Path, **extra: Any) -> Summarizer:
    values: dict[str, Any] = {"retry_attempts": 4, "retry_initial_wait": 0.01, "cross_check": False, **extra}
    return Summarizer(Settings(base_url=url, cache_dir=tmp_path / "cache", **values), engine="compatible")


def items(n: int) -> list[WorkItem]:
    return [WorkItem(id=f"a{i}", source=Article(text=fire_article(i))) for i in range(n)]


def run(summarizer: Summarizer, work: list[WorkItem], out: Path, **options: Any) -> list[dict[str, Any]]:
    with ResultStore(out) as store:
        return Runner(summarizer, use_cache=False, **options).run(work, store).rows


def stable(row: dict[str, Any]) -> Any:
    report = dict(row["report"])
    report.pop("provenance")
    return row["id"], row["status"], report


def test_processes_give_one_loops_rows_in_input_order(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.default = tool_reply(FIRE_DRAFT)
    summarizer = make(fake_openai.url, tmp_path)
    work = items(30)
    one = run(summarizer, work, tmp_path / "one.jsonl", concurrency=6, workers=0)
    calls = fake_openai.count
    many = run(summarizer, work, tmp_path / "many.jsonl", concurrency=6, workers=2)
    assert fake_openai.count == calls + 30  # every article exactly one call, from some process
    assert [stable(r) for r in many] == [stable(r) for r in one]
    written = [json.loads(x)["id"] for x in (tmp_path / "many.jsonl").read_text().splitlines()]
    assert written == [f"a{i}" for i in range(30)]  # compacted to input order


def test_a_scorer_reads_the_report_from_a_worker_process(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.default = tool_reply(FIRE_DRAFT)
    summarizer = make(fake_openai.url, tmp_path)

    def scorer(item: WorkItem, report: Any) -> dict[str, Any]:
        return {"killed": report.incident.killed.value, "id": item.id}

    rows = run(summarizer, items(6), tmp_path / "out.jsonl", concurrency=4, workers=2, scorer=scorer)
    assert [r["scores"] for r in rows] == [{"killed": 3, "id": f"a{i}"} for i in range(6)]


def test_processes_when_each_gets_enough_calls_or_the_settings_ask(tmp_path: Path) -> None:
    url = "http://127.0.0.1:9/v1"
    cores = cpu_count()
    default = make(url, tmp_path)
    assert default.async_workers(32, 1000) == (2 if cores > 1 else 0)  # 16 calls in flight each
    assert default.async_workers(256, 1000) == (cores if cores > 1 else 0)  # at most one per core
    assert default.async_workers(8, 1000) == 0  # one loop keeps up with 8 calls
    assert default.async_workers(32, 5) == 0  # too short a run to pay for starting processes
    assert make(url, tmp_path, async_processes=1).async_workers(32, 1000) == 0
    assert make(url, tmp_path, async_processes=0).async_workers(32, 1000) == 0
    assert make(url, tmp_path, async_processes=3).async_workers(32, 1000) == 3
    assert (
        make(url, tmp_path, async_processes=3).async_workers(2, 1000) == 2
    )  # never a process without a call
    recording = make(url, tmp_path, async_processes=3, record_dir=tmp_path / "rec")
    assert recording.async_workers(32, 1000) == 0  # the cassette's calls stay in this process


def test_the_settings_choose_the_processes_of_a_run(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.default = tool_reply(FIRE_DRAFT)
    summarizer = make(fake_openai.url, tmp_path, async_processes=2)
    seen: set[int] = set()

    def note(finished: int, total: int, row: dict[str, Any]) -> None:
        seen.update(p.pid for p in multiprocessing.active_children() if p.pid is not None)

    rows = run(summarizer, items(8), tmp_path / "out.jsonl", concurrency=4, on_progress=note)
    assert all(r["status"] == "ok" for r in rows)
    assert len(seen) >= 2  # the run's worker processes


def test_a_killed_process_costs_only_its_articles_and_a_rerun_redoes_them(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    fake_openai.default = tool_reply(FIRE_DRAFT)
    summarizer = make(fake_openai.url, tmp_path)
    out = tmp_path / "out.jsonl"
    killed: list[int] = []

    def kill_one(finished: int, total: int, row: dict[str, Any]) -> None:
        if not killed and finished >= 4:  # both processes have started and sent rows: kill one of them
            victim = multiprocessing.active_children()[0]
            assert victim.pid is not None
            killed.append(victim.pid)
            os.kill(victim.pid, signal.SIGKILL)

    work = items(40)
    first = run(summarizer, work, out, concurrency=4, workers=2, on_progress=kill_one)
    assert killed
    assert sorted(r["id"] for r in first) == sorted(i.id for i in work)  # a row for every article
    crashed = [r for r in first if r["status"] == "error"]
    assert all(r["error"]["type"] == "WorkerCrashed" for r in crashed)
    assert len(crashed) <= 3 * 2  # at most what the killed process held (3 x its 2 call slots)
    second = run(summarizer, work, out, concurrency=4, workers=2)
    assert all(r["status"] == "ok" for r in second)
    assert [r["tries"] for r in second if r["id"] in {c["id"] for c in crashed}] == [2] * len(crashed)


def test_the_call_slots_sum_to_the_concurrency() -> None:
    assert split_slots(32, 2) == [16, 16]
    assert split_slots(7, 2) == [4, 3]
    assert split_slots(3, 8) == [1, 1, 1]  # never a process without a slot
    assert sum(split_slots(33, 4)) == 33


def test_a_server_budget_shared_by_two_processes_is_never_overrun(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    """Both processes read the same x-ratelimit budget and count each other's requests in flight:
    together they never send more than the window allows."""
    fake_openai.default = tool_reply(FIRE_DRAFT)
    fake_openai.rate_window = RateWindow(requests=3, seconds=1.0)
    summarizer = make(fake_openai.url, tmp_path)
    rows = run(summarizer, items(7), tmp_path / "out.jsonl", concurrency=2, workers=2)
    assert all(r["status"] == "ok" for r in rows)
    assert fake_openai.statuses.count(429) == 0


# --------------------------------------------------------------------------------------------------
# the shared limiter itself: two processes, a clock that never moves, a sleep that reports
# --------------------------------------------------------------------------------------------------


class Waited(Exception):
    pass


def frozen_clock() -> float:
    return 1000.0


async def refuse_to_wait(seconds: float) -> None:
    raise Waited(seconds)


def _acquire(limiter: RateLimiter, times: int, answers: Any) -> None:
    async def go() -> None:
        for _ in range(times):
            await limiter.acquire(0)

    try:
        asyncio.run(go())
        answers.put("went")
    except Waited as waited:
        answers.put(f"waited {waited.args[0]:.1f}")


def _pause(limiter: RateLimiter, seconds: float) -> None:
    limiter.pause(seconds)


def _in_other_process(target: Any, *args: Any) -> None:
    process = multiprocessing.get_context(start_method()).Process(target=target, args=args)
    process.start()
    process.join(30)
    assert process.exitcode == 0


def _shared(limits: RateLimits | None = None) -> RateLimiter:
    ctx = multiprocessing.get_context(start_method())
    limiter = RateLimiter.shared(limits, context=ctx)
    limiter._clock, limiter._sleep = frozen_clock, refuse_to_wait  # the clock never moves
    for cell in (1, 3):  # the buckets' stamps on that clock
        limiter._cells[cell] = frozen_clock()
    return limiter


def test_processes_spend_one_shared_request_budget() -> None:
    limiter = _shared(RateLimits(rpm=600))  # 10 a second, a bucket of 10
    answers = multiprocessing.get_context(start_method()).Queue()
    _in_other_process(_acquire, limiter, 10, answers)
    assert answers.get(timeout=10) == "went"  # the whole bucket, spent in another process
    _in_other_process(_acquire, limiter, 1, answers)
    assert answers.get(timeout=10) == "waited 0.1"  # nothing left for a third process
    with pytest.raises(Waited):
        asyncio.run(limiter.acquire(0))  # nor for this one


def test_a_pause_in_one_process_holds_back_the_others() -> None:
    limiter = _shared()
    _in_other_process(_pause, limiter, 30.0)  # a 429's Retry-After seen by one process
    assert limiter.pauses == 1
    answers = multiprocessing.get_context(start_method()).Queue()
    _in_other_process(_acquire, limiter, 1, answers)
    assert answers.get(timeout=10) == "waited 30.0"


def test_separate_limiters_would_not_hold_each_other_back() -> None:
    """The two tests above can fail: a limiter of one's own spends its own bucket."""
    answers = multiprocessing.get_context(start_method()).Queue()
    for _ in range(2):
        own = _shared(RateLimits(rpm=600))
        _in_other_process(_acquire, own, 10, answers)
        assert answers.get(timeout=10) == "went"


# --------------------------------------------------------------------------------------------------
# a forked worker never holds the results file's lock
# --------------------------------------------------------------------------------------------------


def _wait_for(started: Any, release: Any) -> None:
    started.set()  # the fork's child hooks have run by now
    release.wait(30)


def test_a_forked_child_does_not_keep_the_results_file_locked(tmp_path: Path) -> None:
    """A worker forked during a run inherits the run's descriptors; were the lock's among them, a
    worker outliving its parent (kill -9) would keep the next run out of the same file."""
    ctx = multiprocessing.get_context("fork")
    out = tmp_path / "out.jsonl"
    store = ResultStore(out).open()
    started, release = ctx.Event(), ctx.Event()
    child = ctx.Process(target=_wait_for, args=(started, release))
    child.start()
    try:
        assert started.wait(30)
        store.close()  # the parent's run is over (as if killed); the child still lives
        with ResultStore(out):  # the next run gets the file
            pass
    finally:
        release.set()
        child.join(30)
