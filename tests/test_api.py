"""The public Python API: summarize_many keeps order and returns errors as values; asummarize."""

from __future__ import annotations

import asyncio
from pathlib import Path

from fake_openai import FakeOpenAI, Reply, tool_reply
from test_llm_engine import good_draft

import summarizer
from summarizer import Article, IncidentReport, Settings, Summarizer, SummarizerError
from summarizer.errors import EmptyArticleError, ModelHTTPError


def test_public_names() -> None:
    for name in ("summarize", "asummarize", "summarize_many", "Article", "Summarizer", "IncidentReport"):
        assert hasattr(summarizer, name)


def test_summarize_many_keeps_order_and_errors(
    fake_openai: FakeOpenAI, tmp_path: Path, example_text: str
) -> None:
    calls = {"n": 0}

    def flaky(body: dict) -> Reply:  # type: ignore[type-arg]
        calls["n"] += 1
        marker = body["messages"][-1]["content"]
        if "FAIL-ME" in marker:
            return Reply(500, {"error": {"message": "boom"}})
        return tool_reply(good_draft())(body)

    fake_openai.default = flaky
    s = Summarizer(
        Settings(base_url=fake_openai.url, cache_dir=tmp_path / "c", retry_attempts=1), engine="compatible"
    )
    articles: list[str | bytes | Article] = [
        example_text,
        "   ",
        Article(text=example_text + "\nFAIL-ME", id="x"),
        Article(text=example_text, title="Second copy"),
        b"\x00\x01\x02binary",
    ]
    results = s.summarize_many(articles, concurrency=3)
    assert len(results) == 5
    assert isinstance(results[0], IncidentReport)
    assert isinstance(results[1], EmptyArticleError)
    assert isinstance(results[2], ModelHTTPError)
    assert isinstance(results[3], IncidentReport) and results[3].article.title == "Second copy"
    assert isinstance(results[4], SummarizerError)


def test_asummarize(fake_openai: FakeOpenAI, tmp_path: Path, example_text: str) -> None:
    fake_openai.default = tool_reply(good_draft())
    s = Summarizer(Settings(base_url=fake_openai.url, cache_dir=tmp_path / "c"), engine="compatible")

    async def main() -> list[IncidentReport]:
        return list(await asyncio.gather(*(s.asummarize(example_text + f"\n{i}") for i in range(4))))

    reports = asyncio.run(main())
    assert len(reports) == 4 and fake_openai.count == 4
    assert all(r.incident is not None for r in reports)


def test_core_never_imports_a_backend_sdk_or_slack() -> None:
    """The offline path (import, summarize with the rules engine) loads no openai/instructor/slack/llama."""
    import subprocess
    import sys

    code = (
        "import sys; from summarizer import summarize;"
        "summarize('A fire at a warehouse in Lagos killed three workers on Monday, the fire service said. "
        "Two others were injured.', engine='rules', published='2024-06-03', use_cache=False);"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'openai', 'instructor', 'slack_bolt', 'slack_sdk', 'llama_cpp'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
