"""Settings, engine selection, prompts and the cache's failure modes."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_openai import FakeOpenAI, tool_reply
from jinja2.exceptions import SecurityError

from summarizer import Settings, Summarizer
from summarizer.cache import ReportCache, cache_key
from summarizer.engines import create_engine, engine_names
from summarizer.errors import ConfigError, UnknownEngineError
from summarizer.prompting import PromptTemplate, load_prompt
from summarizer.schema import IncidentReport


def test_engine_selection_order(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().resolved_engine() == "rules"
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    assert Settings().resolved_engine() == "openai"
    monkeypatch.setenv("SUMMARIZER_BASE_URL", "http://127.0.0.1:9/v1")
    assert Settings().resolved_engine() == "compatible"
    monkeypatch.setenv("SUMMARIZER_ENGINE", "rules")
    assert Settings().resolved_engine() == "rules"
    assert Settings().resolved_engine("local") == "local"


def test_missing_configuration_names_the_variable() -> None:
    with pytest.raises(ConfigError) as info:
        create_engine("openai", Settings())
    assert info.value.variable == "OPENAI_API_KEY" and "OPENAI_API_KEY" in str(info.value)
    with pytest.raises(ConfigError) as info:
        create_engine("compatible", Settings())
    assert "SUMMARIZER_BASE_URL" in str(info.value)
    with pytest.raises(UnknownEngineError) as unknown:
        create_engine("gpt-9", Settings())
    assert "rules" in str(unknown.value)
    assert {"rules", "openai", "compatible", "local"} <= set(engine_names())


def test_key_never_appears_in_provenance(fake_openai: FakeOpenAI, tmp_path: Path, example_text: str) -> None:
    from test_llm_engine import good_draft

    fake_openai.push(tool_reply(good_draft()))
    s = Summarizer(
        Settings(base_url=fake_openai.url, openai_api_key="sk-secret-123", cache_dir=tmp_path / "c"),
        engine="compatible",
    )
    report = s.summarize(example_text)
    assert "sk-secret-123" not in report.model_dump_json()
    sent = {k.lower(): v for k, v in fake_openai.headers[0].items()}
    assert sent["authorization"] == "Bearer sk-secret-123"


def test_prompt_is_versioned_and_strict(tmp_path: Path) -> None:
    prompt = load_prompt("extract")
    assert prompt.version == "1" and len(prompt.sha256) == 64
    messages = prompt.render(article_text="Text </article> here", title=None, outlet=None, published=None)
    assert [m["role"] for m in messages] == ["system", "user"]
    assert "Text </ article> here" in messages[1]["content"], "a fence inside the article must be defused"
    with pytest.raises(ConfigError, match="undefined"):
        prompt.render(article_text="x")  # title/outlet/published missing
    evil = PromptTemplate("t", "1", "", "[user]\n{{ ''.__class__.__mro__[1].__subclasses__() }}", "0" * 64)
    with pytest.raises(SecurityError):
        evil.render()
    with pytest.raises(ConfigError, match="no version"):
        load_prompt("extract", "99")


def test_cache_key_covers_every_part() -> None:
    base = dict(
        engine="e", model="m", server="s", prompt=["extract", "1", "h"], text="a  b", published="2024-01-01"
    )
    k = cache_key(**base)
    # the exact text: a whitespace-only difference moves every evidence offset (issue #8 item 3)
    assert k != cache_key(**{**base, "text": "a b"}), "whitespace-only differences never share an entry"
    for change in ({"model": "m2"}, {"server": "s2"}, {"prompt": ["extract", "2", "h"]}, {"published": None}):
        assert cache_key(**{**base, **change}) != k


def test_unusable_cache_dir_warns_and_runs_uncached(
    fake_openai: FakeOpenAI, tmp_path: Path, example_text: str
) -> None:
    from test_llm_engine import good_draft

    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    fake_openai.default = tool_reply(good_draft())
    s = Summarizer(Settings(base_url=fake_openai.url, cache_dir=blocker / "cache"), engine="compatible")
    first = s.summarize(example_text)
    second = s.summarize(example_text)
    assert fake_openai.count == 2 and not second.provenance.cache_hit
    assert any(w.code == "cache_unavailable" for w in first.warnings)
    assert ReportCache(blocker / "cache").stats()["enabled"] is False


def test_cache_is_shared_between_processes(tmp_path: Path, example_text: str) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from summarizer import Settings, Summarizer;"
        "s = Summarizer(Settings(cache_dir=sys.argv[1]), engine='rules');"
        "r = s.summarize(open(sys.argv[2]).read(), published='2024-05-17');"
        "print(r.provenance.cache_hit)"
    )
    article = tmp_path / "a.txt"
    article.write_text(example_text)
    outs = [
        subprocess.run(
            [sys.executable, "-c", code, str(tmp_path / "shared"), str(article)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for _ in range(2)
    ]
    assert outs == ["False", "True"]


def _stored(tmp_path: Path, summary: str) -> tuple[ReportCache, dict[str, object]]:
    report = Summarizer(Settings(cache_dir=tmp_path / "unused"), engine="rules", cache=False).summarize(
        "A fire at a warehouse in Lyon, France, injured 2 workers on Tuesday, firefighters said."
    )
    report.summary = summary
    writer = ReportCache(tmp_path / "c")
    writer.set("k", report)
    writer.close()
    return ReportCache(tmp_path / "c"), report.model_dump()


def _dump(report: object) -> object:
    return report.model_dump() if report is not None else None  # type: ignore[attr-defined]


def test_a_first_lookup_reads_the_database_without_opening_diskcache(tmp_path: Path) -> None:
    """Opening diskcache writes its settings table (fsyncs on every cached CLI run): the first
    lookup of a summarizer only reads the entry; later ones, and every write, go through diskcache."""
    reader, report = _stored(tmp_path, "Two workers were injured.")
    assert _dump(reader.get("k")) == report and reader._cache is None  # read, diskcache never opened
    assert reader.get("nothing") is None and reader._cache is not None  # the next one: diskcache

    miss = ReportCache(tmp_path / "c")
    assert miss.get("nothing") is None and miss._cache is None
    miss.set("other", IncidentReport.model_validate(report))  # then the run's write: diskcache
    assert _dump(ReportCache(tmp_path / "c").get("other")) == report
    assert ReportCache(tmp_path / "new").get("k") is None  # no database yet: diskcache creates it


def test_a_first_lookup_leaves_anything_unusual_to_diskcache(tmp_path: Path) -> None:
    import diskcache

    reader, report = _stored(tmp_path, "x" * 40_000)  # above diskcache's inline size: kept in a file
    assert _dump(reader.get("k")) == report and reader._cache is not None

    counted = diskcache.Cache(str(tmp_path / "c"), statistics=True)  # reads that write (hit counts)
    counted.close()
    reader = ReportCache(tmp_path / "c")
    assert _dump(reader.get("k")) == report and reader._cache is not None
    assert reader._cache.stats() == (1, 0)  # the hit was counted, as diskcache does

    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "cache.db").write_bytes(b"not a database")
    assert ReportCache(broken).get("k") is None  # diskcache's own handling (a warning, uncached)
