"""Client CPU of the async LLM path (issue #14): work done once per process instead of per call or
per session, the same results. The async retry path against the sync one, the sync client built on
first use, the TOOLS request fields shared by every session, what ``preload`` builds before the
worker processes fork, and the script scan of language detection."""

from __future__ import annotations

import asyncio
import random
import time
from pathlib import Path
from typing import Any

import pytest
from fake_openai import FIRE_DRAFT, FakeOpenAI, fire_article, tool_reply

from summarizer import Settings, Summarizer
from summarizer.article import _script, guess_language
from summarizer.engines import llm
from summarizer.engines.retrying import RetryPolicy, Verdict, acall_with_retries, call_with_retries
from summarizer.ratelimit import RateLimiter
from summarizer.schema import Draft


class Transient(Exception):
    pass


class Fatal(Exception):
    pass


class Slow(Exception):
    """Retryable, with the server's Retry-After."""


def classify(exc: BaseException) -> Verdict:
    if isinstance(exc, Slow):
        return Verdict(retry=True, retry_after=45.0)
    return Verdict(retry=isinstance(exc, Transient))


def outcome_sync(script: list[Any], policy: RetryPolicy, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, ...]:
    waits: list[float] = []
    monkeypatch.setattr(time, "sleep", waits.append)  # tenacity's sleep
    steps = iter(script)
    random.seed(7)

    def fn() -> str:
        step = next(steps)
        if isinstance(step, BaseException):
            raise step
        return str(step)

    try:
        result: Any = call_with_retries(fn, policy, classify)
    except Exception as exc:
        result = type(exc).__name__
    return result, waits, len(script) - sum(1 for _ in steps)


def outcome_async(script: list[Any], policy: RetryPolicy, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, ...]:
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr(asyncio, "sleep", sleep)
    steps = iter(script)
    random.seed(7)

    async def fn() -> str:
        step = next(steps)
        if isinstance(step, BaseException):
            raise step
        return str(step)

    async def main() -> Any:
        try:
            return await acall_with_retries(fn, policy, classify)
        except Exception as exc:
            return type(exc).__name__

    result = asyncio.run(main())
    monkeypatch.undo()
    return result, waits, len(script) - sum(1 for _ in steps)


@pytest.mark.parametrize(
    ("script", "policy"),
    [
        (["ok"], RetryPolicy()),
        ([Transient(), Transient(), "ok"], RetryPolicy()),
        ([Transient(), Fatal(), "ok"], RetryPolicy()),
        ([Transient(), Transient(), Transient(), Transient(), "ok"], RetryPolicy(attempts=4)),
        ([Transient(), "ok"], RetryPolicy(attempts=1)),
        ([Slow(), "ok"], RetryPolicy(retry_after_cap=30.0)),
        ([Transient(), "ok"], RetryPolicy(max_seconds=0.0)),  # the time is spent: no second attempt
        ([Transient()] * 3 + ["ok"], RetryPolicy(initial_wait=0.5, max_wait=1.0)),
    ],
)
def test_the_async_retry_path_does_what_the_sync_one_does(
    script: list[Any], policy: RetryPolicy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same result (value and attempt number, or the error raised), same waits (the jitter from
    the same random draws), same number of attempts made."""
    expected = outcome_sync(script, policy, monkeypatch)
    monkeypatch.undo()
    got = outcome_async(script, policy, monkeypatch)
    assert got == expected


def test_the_async_retry_loop_raises_the_last_error_itself() -> None:
    errors = [Transient("first"), Transient("second")]

    async def fn() -> str:
        raise errors.pop(0)

    async def main() -> None:
        await acall_with_retries(fn, RetryPolicy(attempts=2, initial_wait=0.0), classify)

    with pytest.raises(Transient, match="second"):
        asyncio.run(main())


def make(url: str, tmp_path: Path) -> Summarizer:
    settings = Settings(base_url=url, cache_dir=tmp_path / "cache", retry_attempts=2, cross_check=False)
    return Summarizer(settings, engine="compatible")


def test_the_sync_client_is_built_on_first_use_only(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.default = tool_reply(FIRE_DRAFT)
    summarizer = make(fake_openai.url, tmp_path)
    engine = summarizer.engine
    assert isinstance(engine, llm.OpenAIEngine)
    assert engine._sync is None  # constructing the engine loads no CA bundle
    results = summarizer.summarize_many([fire_article(i) for i in range(3)], concurrency=2)
    assert all(not isinstance(r, Exception) for r in results)
    assert engine._sync is None  # the async path never needs it
    report = summarizer.summarize(fire_article(9), use_cache=False)  # the sync path builds it
    assert report.incident is not None and report.incident.killed is not None
    client = engine._client
    assert engine._client is client and engine._instructor() is engine._instructor()


def test_the_messages_skip_the_sdks_walk_and_keep_their_place_in_the_body(
    fake_openai: FakeOpenAI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The SDK walks no message (they go as ``extra_body``, ``messages`` itself empty), and the server
    gets the JSON body the SDK builds from its typed argument (the tools schema as ``extra_body``),
    key for key and in the same order, for a first call and a re-ask (its tool call and tool
    message)."""
    import json

    import openai
    from openai.resources.chat.completions import completions

    walked: list[Any] = []
    walk = completions.async_maybe_transform

    async def recording(data: Any, *args: Any, **kwargs: Any) -> Any:
        walked.append(data.get("messages") if isinstance(data, dict) else None)
        return await walk(data, *args, **kwargs)

    monkeypatch.setattr(completions, "async_maybe_transform", recording)
    summarizer = make(fake_openai.url, tmp_path)
    fake_openai.push(tool_reply({"is_incident": True, "summary": 7}), tool_reply(FIRE_DRAFT))
    results = summarizer.summarize_many([fire_article(1)], concurrency=1, use_cache=False)
    assert not isinstance(results[0], Exception), results[0]
    sent = fake_openai.requests[-2:]
    assert len(fake_openai.requests) == 2 and sent[1]["messages"][-1]["role"] == "tool"
    assert walked == [[], []]  # two requests, no message walked
    monkeypatch.setattr(completions, "async_maybe_transform", walk)

    async def typed(body: dict[str, Any]) -> None:  # the same body through the typed argument
        client = openai.AsyncOpenAI(api_key="sk-test", base_url=fake_openai.url, max_retries=0)
        named = ("messages", "model", "temperature", "max_tokens")
        await client.chat.completions.create(
            **{k: body[k] for k in named}, extra_body={k: v for k, v in body.items() if k not in named}
        )
        await client.close()

    for body in sent:
        fake_openai.push(tool_reply(FIRE_DRAFT))
        asyncio.run(typed(body))
        assert json.dumps(fake_openai.requests[-1]) == json.dumps(body)  # the same keys, same order


def test_no_run_hands_the_platform_lookup_to_a_thread(
    fake_openai: FakeOpenAI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each run's client gets the OS's name read once per process: its first calls do not each wait
    for a worker thread to read it (the SDK's ``asyncify``), and the headers say the same."""
    from openai import _base_client

    handed: list[Any] = []
    asyncify = _base_client.asyncify

    def recording(fn: Any, *args: Any, **kwargs: Any) -> Any:
        handed.append(fn)
        return asyncify(fn, *args, **kwargs)

    monkeypatch.setattr(_base_client, "asyncify", recording)
    fake_openai.default = tool_reply(FIRE_DRAFT)
    summarizer = make(fake_openai.url, tmp_path)
    for _ in range(2):  # a client per run
        results = summarizer.summarize_many(
            [fire_article(i) for i in range(3)], concurrency=3, use_cache=False
        )
        assert all(not isinstance(r, Exception) for r in results)
    assert handed == []
    assert {h["x-stainless-os"] for h in fake_openai.headers} == {str(_base_client.get_platform())}


def test_every_session_shares_the_tool_fields_and_preload_makes_them(tmp_path: Path) -> None:
    summarizer = make("http://127.0.0.1:9/v1", tmp_path)
    engine = summarizer.engine
    assert isinstance(engine, llm.OpenAIEngine)
    llm._tool_kwargs.cache_clear()
    engine.preload()  # before worker processes fork: the draft's and the rewrite's fields
    assert llm._tool_kwargs.cache_info().currsize == 2

    async def fields() -> tuple[Any, Any]:
        first = llm.AsyncSession(engine, RateLimiter())
        second = llm.AsyncSession(engine, RateLimiter())
        try:
            return first._tool_kwargs(Draft), second._tool_kwargs(Draft)
        finally:
            await first.aclose()
            await second.aclose()

    first, second = asyncio.run(fields())
    assert first is not None and first is second  # made once, not once per session
    assert llm._tool_kwargs.cache_info().misses == 2  # nothing generated after preload


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ("A fire at a café in Zürich killed two people — “a tragedy”, officials said. " * 3, None),
        ("Пожар на рынке в Москве унёс жизни двух человек. " * 3, "und-Cyrl"),
        ("Ein Feuer. Пожар на рынке в Москве, два человека погибли " * 2, "und-Cyrl"),
        ("Mostly Latin words with a few Greek letters: αβγ.", None),
    ],
)
def test_the_script_scan_gives_the_same_answers(sample: str, expected: str | None) -> None:
    assert _script(sample) == expected


def test_latin_text_is_read_for_its_language_after_the_script_scan() -> None:
    text = (
        "The fire broke out in the market on Monday and it was put out by the firefighters of the "
        "city after three hours, the police said in a statement to the press."
    )
    assert guess_language(text) == "en"


def test_the_checker_reads_the_summarys_figures_only_when_there_is_a_count(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The summary's casualty figures are compared with the report's killed and injured counts:
    a report with neither has nothing to compare them with, and its summary is not read for them
    (the same warnings either way)."""
    from summarizer import checker
    from summarizer.schema import (
        ArticleMeta,
        Category,
        Incident,
        IncidentReport,
        Neutrality,
        Provenance,
    )

    text = "A fire gutted a warehouse in Leeds on Sunday; 12 firefighters fought it, officials said."
    calls: list[str] = []
    real = checker.find_mentions

    def counting(sentence: str, *args: Any, **kwargs: Any) -> Any:
        calls.append(sentence)
        return real(sentence, *args, **kwargs)

    monkeypatch.setattr(checker, "find_mentions", counting)

    def report(summary: str) -> IncidentReport:
        return IncidentReport(
            is_incident=True,
            incident=Incident(category=Category.fire),
            summary=summary,
            neutrality=Neutrality(neutral=True),
            article=ArticleMeta(chars=len(text), sha256="x"),
            provenance=Provenance(
                engine="t",
                model="m",
                prompt_name="p",
                prompt_version="1",
                prompt_hash="h",
                summarizer_version="0",
            ),
        )

    checked = checker.check_report(report("A fire killed 12 people in Leeds, officials said."), text, "flag")
    assert calls == []  # no count: no figure of the summary to check against one
    assert all(w.code != "summary_mismatch" for w in checked.warnings)
