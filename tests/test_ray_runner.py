"""`--runner ray` on a local Ray instance (num_cpus=2): the same rows as the local runner, resume by
skipping written ids, and no article lost when a worker process is killed mid-run."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ray = pytest.importorskip("ray")

from summarizer import Settings, Summarizer  # noqa: E402
from summarizer.batch import run_batch  # noqa: E402
from summarizer.ray_runner import read_ray_rows, run_ray  # noqa: E402

pytestmark = pytest.mark.slow

PLACES = ["Springfield", "Riverton", "Lakewood", "Fairview", "Georgetown", "Salem", "Dover", "Milford"]
WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine"]


def article(n: int) -> str:
    return (
        f"A gunman shot {WORDS[n % 8]} people at a shopping mall in {PLACES[(n // 8) % 8]} on Monday, "
        f"police said. Officers arrested a {20 + n % 50}-year-old man at the scene. "
        f"The mall reopened on Wednesday (case {n})."
    )


def write_input(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"r{i:04d}", "text": article(i), "published": "2024-05-06"}) + "\n")
    return path


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
    yield
    ray.shutdown()


def comparable(rows: list[dict[str, Any]]) -> dict[str, Any]:
    out = {}
    for row in rows:
        report = dict(row.get("report") or {})
        report.pop("provenance", None)
        out[str(row["id"])] = (row["status"], json.dumps(report, sort_keys=True))
    return out


def test_same_rows_as_the_local_runner_and_resume(local_ray: None, tmp_path: Path) -> None:
    source = write_input(tmp_path / "in.jsonl", 150)
    summarizer = Summarizer(Settings(cache_dir=tmp_path / "cache"), engine="rules", cache=False)
    run_batch(source, tmp_path / "local.jsonl", summarizer, concurrency=1)
    local = [json.loads(x) for x in (tmp_path / "local.jsonl").read_text().splitlines()]
    counts = run_ray(source, tmp_path / "ray-out", summarizer, use_cache=False)
    assert counts["ok"] == 150 and counts["rows"] == 150
    assert comparable(read_ray_rows(tmp_path / "ray-out")) == comparable(local)
    # resume: nothing left to do, nothing written twice
    again = run_ray(source, tmp_path / "ray-out", summarizer, use_cache=False)
    assert again["skipped"] == 150 and again["rows"] == 150
    lines = sum(len(p.read_text().splitlines()) for p in (tmp_path / "ray-out").glob("*.json*"))
    assert lines == 150


def _ray_task_pids() -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:
            continue
        if b"ray::" in cmdline and b"MapBatches" in cmdline:
            pids.append(int(entry.name))
    return pids


def test_nothing_lost_when_a_worker_is_killed_mid_run(local_ray: None, tmp_path: Path) -> None:
    source = write_input(tmp_path / "in.jsonl", 600)
    summarizer = Summarizer(Settings(cache_dir=tmp_path / "cache"), engine="rules", cache=False)
    killed: list[int] = []
    stop = threading.Event()

    def assassin() -> None:
        while not stop.is_set() and not killed:
            for pid in _ray_task_pids():
                try:
                    os.kill(pid, signal.SIGKILL)
                    killed.append(pid)
                    return
                except ProcessLookupError:
                    continue
            time.sleep(0.05)

    thread = threading.Thread(target=assassin, daemon=True)
    thread.start()
    try:
        counts = run_ray(source, tmp_path / "ray-out", summarizer, use_cache=False)
    finally:
        stop.set()
        thread.join(5)
    assert killed, "no Ray worker was seen running a MapBatches task"
    rows = read_ray_rows(tmp_path / "ray-out")
    assert counts["ok"] == 600
    assert sorted(str(r["id"]) for r in rows) == [f"r{i:04d}" for i in range(600)]


def test_an_llm_engine_runs_in_actors_against_the_fake_server(local_ray: None, tmp_path: Path) -> None:
    from fake_openai import FIRE_DRAFT, FakeOpenAI, fire_article, tool_reply

    source = tmp_path / "in.jsonl"
    with source.open("w", encoding="utf-8") as f:
        for i in range(24):
            f.write(
                json.dumps({"id": f"f{i:02d}", "text": fire_article(i), "published": "2024-04-24"}) + "\n"
            )
    with FakeOpenAI(default=tool_reply(FIRE_DRAFT)) as fake:
        settings = Settings(base_url=fake.url, cache_dir=tmp_path / "cache", retry_attempts=1, max_reasks=0)
        summarizer = Summarizer(settings, engine="compatible")
        counts = run_ray(
            source, tmp_path / "out", summarizer, concurrency=2, calls_per_actor=4, output_format="parquet"
        )
        assert counts["ok"] == 24 and fake.count == 24
    rows = read_ray_rows(tmp_path / "out")
    assert sorted(r["id"] for r in rows) == [f"f{i:02d}" for i in range(24)]
    assert all(r["report"]["provenance"]["engine"] == "compatible" for r in rows)
    assert list((tmp_path / "out").glob("*.parquet"))
