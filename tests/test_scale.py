"""Scale on one machine: the CPU-bound engine in worker processes (order, resume, a crashed
worker), the stored gazetteer, and a cached CLI run that loads neither httpx nor the rules."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

import summarizer.workers as workers_mod
from summarizer import Settings, Summarizer
from summarizer.engines import EngineProfile, EngineResult, ExtractionRequest, register_engine
from summarizer.engines.registry import REGISTRY
from summarizer.engines.rules import RulesEngine
from summarizer.errors import SummarizerError
from summarizer.runner import ResultStore, Runner, WorkItem

PLACES = ["Springfield", "Riverton", "Lakewood", "Fairview", "Georgetown", "Salem"]
WORDS = ["two", "three", "four", "five", "six", "seven"]


def article(n: int) -> str:
    return (
        f"A gunman shot {WORDS[n % 6]} people at a shopping mall in {PLACES[n % 6]} on Monday, "
        f"police said. Officers arrested a {20 + n}-year-old man at the scene. "
        f"The mall reopened on Wednesday (case {n})."
    )


class CrashyEngine(RulesEngine):
    """The rules engine, except that an article saying KILL-ME kills its process (as the OOM
    killer or a native crash would), and every extraction notes the process id in a file."""

    name = "crashy"
    profile = EngineProfile(
        uses_prompt=False, self_checked=True, revises_summary=False, languages=("en",), cpu_bound=True
    )

    def extract(self, request: ExtractionRequest) -> EngineResult:
        pids = os.environ.get("SCALE_TEST_PIDS")
        if pids:
            with open(pids, "a", encoding="utf-8") as handle:
                handle.write(f"{os.getpid()}\n")
        if "KILL-ME" in request.text:
            os.kill(os.getpid(), signal.SIGKILL)
        return super().extract(request)


@pytest.fixture
def crashy(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    pids = tmp_path / "pids.txt"
    monkeypatch.setenv("SCALE_TEST_PIDS", str(pids))
    monkeypatch.setenv("SUMMARIZER_START_METHOD", "fork")  # the test's registration reaches the workers
    register_engine("crashy", lambda settings: CrashyEngine())
    yield pids
    REGISTRY._targets.pop("crashy", None)


def settings(tmp_path: Path) -> Settings:
    return Settings(cache_dir=tmp_path / "cache")


def run(summarizer: Summarizer, items: list[WorkItem], out: Path, workers: int) -> list[dict[str, object]]:
    with ResultStore(out) as store:
        outcome = Runner(summarizer, concurrency=4, use_cache=False, workers=workers).run(items, store)
    return outcome.rows


def comparable(rows: list[dict[str, object]]) -> list[tuple[object, ...]]:
    def report(row: dict[str, object]) -> object:
        rep = row.get("report")
        if not isinstance(rep, dict):
            return row.get("error")
        rep = {k: v for k, v in rep.items() if k != "provenance"}
        return json.dumps(rep, sort_keys=True)

    return [(r["id"], r["status"], report(r)) for r in rows]


def test_process_pool_rows_equal_in_process_rows_in_input_order(tmp_path: Path, crashy: Path) -> None:
    summarizer = Summarizer(settings(tmp_path), engine="crashy", cache=False)
    items = [WorkItem(id=f"a{n:02d}", source=article(n)) for n in range(30)]
    single = run(summarizer, items, tmp_path / "single.jsonl", workers=0)
    crashy.write_text("")
    pooled = run(summarizer, items, tmp_path / "pooled.jsonl", workers=2)
    assert comparable(pooled) == comparable(single)
    assert [r["id"] for r in pooled] == [i.id for i in items]  # input order in the compacted file
    on_disk = [json.loads(line)["id"] for line in (tmp_path / "pooled.jsonl").read_text().splitlines()]
    assert on_disk == [i.id for i in items]
    pids = set(crashy.read_text().split())
    assert len(pids) == 2 and str(os.getpid()) not in pids  # two workers, not this process


def test_a_killed_worker_costs_only_its_article_and_a_rerun_retries_it(tmp_path: Path, crashy: Path) -> None:
    summarizer = Summarizer(settings(tmp_path), engine="crashy", cache=False)
    items = [WorkItem(id=f"a{n:02d}", source=article(n)) for n in range(12)]
    items[5] = WorkItem(id="boom", source=article(5) + " KILL-ME")
    out = tmp_path / "out.jsonl"
    rows = run(summarizer, items, out, workers=2)
    by_id = {str(r["id"]): r for r in rows}
    assert len(rows) == 12
    assert by_id["boom"]["status"] == "error"
    error = by_id["boom"]["error"]
    assert isinstance(error, dict) and error["type"] == "WorkerCrashed" and "SIGKILL" in error["message"]
    assert all(r["status"] == "ok" for rid, r in by_id.items() if rid != "boom")
    # a re-run retries only the failed article (and it fails the same way, counted as a new try)
    crashy.write_text("")
    items[5] = WorkItem(id="boom", source=article(5))  # the input was fixed meanwhile
    rows = run(summarizer, items, out, workers=2)
    by_id = {str(r["id"]): r for r in rows}
    assert by_id["boom"]["status"] == "ok" and by_id["boom"]["tries"] == 2
    assert len(crashy.read_text().split()) == 1  # only the retried article was extracted


def test_summarize_many_uses_processes_for_a_cpu_bound_engine(
    tmp_path: Path, crashy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers_mod, "MIN_JOBS_FOR_PROCESSES", 2)
    summarizer = Summarizer(settings(tmp_path), engine="crashy", cache=False)
    texts = [article(n) for n in range(8)]
    texts[3] = texts[3] + " KILL-ME"
    results = summarizer.summarize_many(texts, concurrency=4)
    assert isinstance(results[3], SummarizerError) and "killed" in str(results[3])
    sequential = summarizer.summarize_many([t for n, t in enumerate(texts) if n != 3], concurrency=1)
    pooled = [r for n, r in enumerate(results) if n != 3]
    assert [r.model_dump(exclude={"provenance"}) for r in pooled] == [  # type: ignore[union-attr]
        r.model_dump(exclude={"provenance"})  # type: ignore[union-attr]
        for r in sequential
    ]
    # two workers (three when the replacement of the killed one got work too), never this process
    # for the pooled call; the sequential call above ran here
    pids = crashy.read_text().split()
    assert len(set(pids) - {str(os.getpid())}) >= 2 and pids.count(str(os.getpid())) == 7


def test_small_runs_and_io_engines_stay_in_process(tmp_path: Path) -> None:
    rules = Summarizer(settings(tmp_path), engine="rules", cache=False)
    assert rules.process_workers(4, 3) == 0  # too few articles to pay for starting processes
    assert rules.process_workers(1, 1000) == 0  # concurrency 1: sequential
    expected = min(4, workers_mod.cpu_count())
    assert rules.process_workers(4, 1000) == (expected if expected > 1 else 0)
    instance = Summarizer(settings(tmp_path), engine=RulesEngine(), cache=False)
    assert instance.worker_factory() is None and instance.process_workers(4, 1000) == 0


# --------------------------------------------------------------------------------------------------
# the stored gazetteer
# --------------------------------------------------------------------------------------------------


def test_the_gazetteer_is_stored_once_and_loaded_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarizer.normalize.places import geonames

    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("SUMMARIZER_GAZETTEER_CACHE", raising=False)
    path = geonames.store_path()
    assert path is not None and not path.exists()
    built = geonames.load_gazetteer()
    assert path.is_file()

    def no_build(self: object, *args: object) -> None:
        raise AssertionError("the stored file should have been used")

    monkeypatch.setattr(geonames.Gazetteer, "__init__", no_build)
    loaded = geonames.load_gazetteer()
    assert loaded.cities == built.cities and loaded.countries == built.countries
    assert loaded.country("Nigerian") == built.country("Nigerian") == ("Nigeria", "NG")
    # another version of the data or the code: another file name (the old one is not trusted)
    monkeypatch.setattr(geonames, "_STORE_FORMAT", geonames._STORE_FORMAT + 1)
    assert geonames.store_path() != path


def test_a_torn_gazetteer_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from summarizer.normalize.places import geonames

    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path))
    path = geonames.store_path()
    assert path is not None
    path.write_bytes(b"\x80\x05 not a whole pickle")
    gz = geonames.load_gazetteer()
    assert gz.country("U.S.") == ("United States", "US")
    assert geonames.load_gazetteer().countries == gz.countries  # the rebuilt file reads back


def test_the_stored_city_table_answers_like_a_dict_of_lists() -> None:
    from summarizer.normalize.places.geonames import CityTable, _City

    springfield_us = _City("Springfield", "US", 170_000, "IL")
    springfield_au = _City("Springfield", "AU", 20_000, "04")
    cities = {
        "springfield": [springfield_us, springfield_au],
        "riverton": [_City("Riverton", "US", 40_000, "UT")],
        "spring field": [springfield_us],  # one city under two keys: one row
    }
    table = CityTable(cities)
    assert table == cities and list(table) == list(cities) and len(table) == 3
    assert table["springfield"] == [springfield_us, springfield_au]  # the order kept: most populous first
    assert table.get("riverton") == [_City("Riverton", "US", 40_000, "UT")]
    assert table.get("lakewood") is None and table.get("lakewood", []) == []
    assert "riverton" in table and "lakewood" not in table
    assert len(table._names) == 3  # rows are shared, not repeated per key
    with pytest.raises(KeyError):
        table["lakewood"]


def test_the_us_place_tables_are_stored_once_and_loaded_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarizer.normalize import us_places

    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("SUMMARIZER_GAZETTEER_CACHE", raising=False)
    path = us_places._store_path()
    assert path is not None and not path.exists()
    built = us_places._load_tables()
    assert path.is_file()

    def no_build(self: object) -> None:
        raise AssertionError("the stored file should have been used")

    monkeypatch.setattr(us_places._Tables, "__init__", no_build)
    loaded = us_places._load_tables()
    assert vars(loaded).keys() == vars(built).keys()
    for name, value in vars(built).items():
        if name == "state_after_comma":
            assert loaded.state_after_comma.pattern == value.pattern
            assert loaded.state_after_comma.flags == value.flags
        else:
            assert getattr(loaded, name) == value, name
    assert loaded.counties["hall county"] == {"GA", "NE", "TX"}
    # a torn file is not trusted: rebuilt (and stored again)
    monkeypatch.undo()
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path))
    path.write_bytes(b"\x80\x05 not a whole pickle")
    assert us_places._load_tables().full == built.full
    assert us_places._load_tables().names == built.names  # the rebuilt file reads back
    # storing turned off: no file, the same tables
    monkeypatch.setenv("SUMMARIZER_GAZETTEER_CACHE", "0")
    assert us_places._store_path() is None and us_places._load_tables().counties == built.counties


def test_the_common_english_words_are_stored_once_and_read_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import spellchecker

    from summarizer.engines.rules import text

    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("SUMMARIZER_GAZETTEER_CACHE", raising=False)
    path = text._common_words_path()
    assert path is not None and not path.exists()
    built = text.spellchecker_common_words()
    assert path.is_file() and {"hills", "park", "the"} <= built and "" not in built

    def no_load(*args: object, **kwargs: object) -> None:
        raise AssertionError("the stored list should have been used")

    monkeypatch.setattr(spellchecker, "SpellChecker", no_load)
    assert text.spellchecker_common_words() == built
    # a torn or foreign file is not trusted: rebuilt from pyspellchecker
    path.write_text("hills\npa rk\n", encoding="utf-8")
    monkeypatch.undo()
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path))
    assert text.spellchecker_common_words() == built
    assert path.read_text(encoding="utf-8").split("\n") == sorted(built)
    # storing turned off: no file, the same words
    monkeypatch.setenv("SUMMARIZER_GAZETTEER_CACHE", "0")
    assert text._common_words_path() is None and text.spellchecker_common_words() == built


# --------------------------------------------------------------------------------------------------
# a cached CLI run stays light
# --------------------------------------------------------------------------------------------------

PROBE = """
import json, sys
from summarizer.cli import main
sys.argv = ["summarizer", "summarize", sys.argv[1], "--json", "--engine", "rules"]
try:
    main()
except SystemExit as exc:
    assert not exc.code, exc.code
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def test_a_cached_cli_summarize_imports_neither_httpx_nor_the_rules(tmp_path: Path) -> None:
    src = tmp_path / "story.txt"
    src.write_text(article(1), encoding="utf-8")
    env = {**os.environ, "SUMMARIZER_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("SUMMARIZER_ENGINE", None)
    cmd = [sys.executable, "-c", PROBE, str(src)]
    first = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300, check=True)
    cold = set(json.loads(first.stderr.strip().splitlines()[-1]))
    assert "summarizer.engines.rules.engine" in cold  # the first run did the work (a real probe)
    second = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300, check=True)
    assert json.loads(second.stdout)["provenance"]["cache_hit"] is True
    warm = set(json.loads(second.stderr.strip().splitlines()[-1]))
    heavy = {m for m in warm if m.split(".")[0] in ("httpx", "httpcore", "openai", "instructor", "jinja2")}
    heavy |= {
        m for m in warm if m.startswith(("summarizer.evaluation", "summarizer.aio", "summarizer.ratelimit"))
    }
    heavy |= {m for m in warm if m.startswith(("summarizer.engines.rules.", "summarizer.normalize.places"))}
    heavy -= {"summarizer.engines.rules.facade"}
    heavy |= {"summarizer.prompting", "diskcache"} & warm  # no prompt to render; the row read directly
    assert heavy == set()


def test_every_error_class_survives_pickling_across_processes() -> None:
    import pickle

    from summarizer.errors import FetchError, ModelHTTPError, UnknownEngineError

    errors: list[SummarizerError] = [
        ModelHTTPError(503, "overloaded", attempts=3, server="http://127.0.0.1:9/v1"),
        UnknownEngineError("nope", ["rules"]),
        FetchError("https://user:pw@example.org/a", "timed out", kind="timeout"),
    ]
    for error in errors:
        back = pickle.loads(pickle.dumps(error))
        assert type(back) is type(error) and str(back) == str(error)
        assert back.__dict__ == error.__dict__
    assert pickle.loads(pickle.dumps(errors[0])).status_code == 503  # type: ignore[attr-defined]


def test_the_checker_skips_the_word_scan_only_when_digits_already_answer() -> None:
    from summarizer.checker import _article_numbers

    text = "Three people died and 12 were hurt when a bus overturned near Salem; 1,200 lived nearby."
    full = _article_numbers(text)
    assert {3, 12, 1200} <= full
    for ints in ({12}, {12, 1200}, {3, 12}, {5}, {3}):
        wanted = {Decimal(n) for n in ints}
        assert _article_numbers(text, wanted) & wanted == full & wanted
    assert 3 not in _article_numbers(text, {Decimal(12)})  # the word scan was skipped (digits answered)


def test_summarize_runs_on_a_light_app_with_the_same_help_and_output(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from summarizer.cli.app import app, app_for

    light = app_for(["summarize", "x"])
    assert light is not app and app_for(["batch"]) is app
    runner = CliRunner()
    assert (
        runner.invoke(light, ["summarize", "--help"]).output
        == runner.invoke(app, ["summarize", "--help"]).output
    )
    missing = [runner.invoke(a, ["summarize"]) for a in (light, app)]
    assert missing[0].exit_code == missing[1].exit_code == 2
    assert missing[0].output == missing[1].output
    src = tmp_path / "story.txt"
    src.write_text(article(3), encoding="utf-8")
    args = ["summarize", str(src), "--json", "--engine", "rules", "--no-cache"]
    reports = [json.loads(runner.invoke(a, args).output) for a in (light, app)]
    for report in reports:
        report["provenance"].pop("latency_ms")
    assert reports[0] == reports[1]
    assert runner.invoke(light, ["--version"]).output == runner.invoke(app, ["--version"]).output
