"""`summarizer batch`: inputs, stable ids, per-article error rows, resume after failures and after kill -9."""

from __future__ import annotations

import csv
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_openai import FIRE_DRAFT, FakeOpenAI, Reply, fire_article, tool_reply
from typer.testing import CliRunner

from summarizer.batch import read_input, text_id
from summarizer.cli import app
from summarizer.runner import ResultStore, RunLockedError, unique_ids

ROOT = Path(__file__).resolve().parents[1]

DRAFT, article = FIRE_DRAFT, fire_article


def write_jsonl(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(
                json.dumps({"id": f"a{i}", "text": article(i), "published": "2024-04-24", "gold": {"x": 1}})
                + "\n"
            )
    return path


def rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def run_cli(*args: str) -> Any:
    result = CliRunner().invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeOpenAI]:
    with FakeOpenAI(default=tool_reply(DRAFT)) as server:
        monkeypatch.setenv("SUMMARIZER_ENGINE", "compatible")
        monkeypatch.setenv("SUMMARIZER_BASE_URL", server.url)
        monkeypatch.setenv("SUMMARIZER_RETRY_ATTEMPTS", "1")  # no retry budget absorbs a failure
        monkeypatch.setenv("SUMMARIZER_MAX_REASKS", "0")
        yield server


# -- inputs ------------------------------------------------------------------------------------------


def test_folder_input_uses_relative_paths_as_ids(tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "b.txt").write_text("text b")
    (tmp_path / "in" / "sub" / "a.html").write_text("<html><body><p>text a</p></body></html>")
    (tmp_path / "in" / "notes.md").write_text("ignored")
    items = read_input(tmp_path / "in")
    assert [i.id for i in items] == ["b.txt", "sub/a.html"]
    assert items[0].load() == b"text b"


def test_jsonl_and_csv_inputs_give_stable_unique_ids_and_error_items(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    lines = [
        json.dumps(
            {"id": "x", "text": "one", "title": "T", "published": "2024-01-02", "gold": {"category": "fire"}}
        ),
        json.dumps({"text": "two"}),
        "{not json",
        json.dumps({"id": 7, "title": "no text"}),
        json.dumps({"id": "x", "text": "three"}),
        "",
    ]
    src.write_text("\n".join(lines))
    items = read_input(src)
    assert [i.id for i in items] == ["x", text_id("two"), "line-3", "7", "x#2"]
    assert items[0].published == "2024-01-02" and items[0].problem is None
    assert items[2].problem is not None and "bad JSON" in str(items[2].problem)
    assert items[3].problem is not None
    assert [i.id for i in read_input(src)] == [i.id for i in items]  # stable

    table = tmp_path / "in.csv"
    with table.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["id", "text", "published", "title", "outlet", "url"])
        w.writeheader()
        w.writerow({"id": "c1", "text": "line one\nline two, with a comma", "published": "2024-01-02"})
        w.writerow({"id": "", "text": "no id here"})
        w.writerow({"id": "c3", "text": ""})
    items = read_input(table)
    assert [i.id for i in items] == ["c1", text_id("no id here"), "c3"]
    assert items[2].problem is not None
    assert unique_ids(["a", "a", "b", "a"]) == ["a", "a#2", "b", "a#3"]


# -- the results file ----------------------------------------------------------------------------------


def test_store_tolerates_a_torn_last_line_and_compacts_to_one_row_per_id(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(
        '{"id":"a","status":"error","tries":1}\n{"id":"b","status":"ok"}\n{"id":"a","status":"ok"}\n{"id":"c","sta'
    )
    with ResultStore(path) as store:
        assert store.done("a") and store.done("b") and not store.done("c")
        assert store.dropped_lines == 1
        with pytest.raises(RunLockedError):
            ResultStore(path).open()  # a second writer is refused
        store.append({"id": "c", "status": "ok"})
        rows_ = store.compact(["c", "b", "a"])
    assert [r["id"] for r in rows_] == ["c", "b", "a"]
    assert rows(path) == [
        {"id": "c", "status": "ok"},
        {"id": "b", "status": "ok"},
        {"id": "a", "status": "ok"},
    ]


# -- failures over real HTTP -------------------------------------------------------------------------------


def test_thirty_percent_failures_become_error_rows_and_a_rerun_completes_them(
    fake: FakeOpenAI, tmp_path: Path
) -> None:
    calls = {"n": 0}
    lock = threading.Lock()
    ok = tool_reply(DRAFT)

    def flaky(body: dict[str, Any]) -> Reply:
        with lock:
            calls["n"] += 1
            n = calls["n"]
        if n % 10 in (1, 4, 7):  # 30% of calls
            return Reply(500, {"error": {"message": "fake server: overloaded"}})
        return ok(body)

    fake.default = flaky
    src = write_jsonl(tmp_path / "in.jsonl", 200)
    out = tmp_path / "out.jsonl"
    result = run_cli("batch", str(src), "--out", str(out), "--concurrency", "8", "-q")
    assert result.exit_code == 1, result.output
    first = rows(out)
    assert sorted(r["id"] for r in first) == sorted(f"a{i}" for i in range(200))  # every article has a row
    failed = [r for r in first if r["status"] == "error"]
    assert len(failed) == 60 and fake.count == 200
    assert {r["error"]["type"] for r in failed} == {"ModelHTTPError"}
    assert all(r["report"]["incident"]["killed"]["value"] == 3 for r in first if r["status"] == "ok")
    assert "140 ok, 60 failed" in result.output

    fake.default = ok
    before = fake.count
    result = run_cli("batch", str(src), "--out", str(out), "--concurrency", "8", "-q")
    assert result.exit_code == 0, result.output
    assert fake.count - before == 60  # only the failed ones were retried
    final = rows(out)
    assert [r["id"] for r in final] == [f"a{i}" for i in range(200)]
    assert all(r["status"] == "ok" for r in final)
    assert {r["tries"] for r in final if r["id"] in {f["id"] for f in failed}} == {2}
    assert "200 ok, 0 failed (140 done earlier" in result.output


def test_unreadable_rows_are_error_rows_not_crashes(fake: FakeOpenAI, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "good", "text": article(1)})
        + "\n{broken\n"
        + json.dumps({"id": "baddate", "text": article(2), "published": "yesterday"})
        + "\n"
    )
    out = tmp_path / "out.jsonl"
    result = run_cli("batch", str(src), "--out", str(out), "-q")
    assert result.exit_code == 1
    got = {r["id"]: r for r in rows(out)}
    assert got["good"]["status"] == "ok"
    assert got["line-2"]["status"] == "error" and got["line-2"]["input"] == {"line": 2}
    assert got["baddate"]["error"]["type"] == "InvalidDateError"
    assert run_cli("batch", str(tmp_path / "missing.csv"), "--out", str(out)).exit_code == 2


def test_kill_9_mid_run_then_rerun_leaves_no_duplicate_and_no_missing_row(tmp_path: Path) -> None:
    n = 60
    src = write_jsonl(tmp_path / "in.jsonl", n)
    out = tmp_path / "out.jsonl"
    with FakeOpenAI(latency=0.15, default=tool_reply(DRAFT)) as fake:
        env = dict(
            os.environ,
            SUMMARIZER_ENGINE="compatible",
            SUMMARIZER_BASE_URL=fake.url,
            SUMMARIZER_CACHE_DIR=str(tmp_path / "cache"),
            SUMMARIZER_RETRY_ATTEMPTS="1",
            SUMMARIZER_MAX_REASKS="0",
        )
        cmd = [
            sys.executable,
            "-c",
            "from summarizer.cli import main; main()",
            "batch",
            str(src),
            "--out",
            str(out),
            "-c",
            "4",
            "-q",
        ]
        proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120  # a safety net: a busy machine starts the CLI slowly
        while time.monotonic() < deadline:
            if out.exists() and out.read_bytes().count(b"\n") >= 12:
                break
            if proc.poll() is not None:
                pytest.fail(f"batch ended before the kill: {proc.communicate()}")
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        assert proc.returncode == -signal.SIGKILL
        written = rows(out)
        assert 12 <= len(written) < n, "the kill must land mid-run"
        # a crash in the middle of a write leaves a torn last line
        with out.open("a", encoding="utf-8") as f:
            f.write('{"id":"a59","status":"o')

        fake.latency = 0.0
        before = fake.count
        done = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr + done.stdout
        assert fake.count - before <= n - len(written)  # finished rows were not redone
    final = rows(out)
    ids = [r["id"] for r in final]
    assert len(ids) == len(set(ids)) == n
    assert ids == [f"a{i}" for i in range(n)]
    assert all(r["status"] == "ok" for r in final)
    assert re.search(rf"{n} ok, 0 failed \(\d+ done earlier", done.stdout.replace("\n", " "))
