"""The command line, run as a user runs it (a real subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "summarizer.cli", *args],
        input=stdin,
        capture_output=True,
        env=full_env,
        cwd=ROOT,
        timeout=120,
    )


def test_summarize_example_offline_card() -> None:
    result = run("summarize", "examples/market_bombing.txt", "--published", "2024-05-17")
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert "Peshawar" in out and "engine rules" in out and "Evidence" in out


def test_summarize_json_from_stdin() -> None:
    text = (ROOT / "examples" / "market_bombing.txt").read_bytes()
    result = run("summarize", "-", "--json", "--published", "2024-05-17", stdin=text)
    assert result.returncode == 0, result.stderr.decode()
    report = json.loads(result.stdout)
    assert report["provenance"]["engine"] == "rules"
    assert report["schema_version"] == "1.2"


def test_clear_errors_without_traceback(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(range(256)) * 4)
    cases = [
        (("summarize", str(empty)), "empty"),
        (("summarize", str(binary)), "binary"),
        (("summarize", "examples/market_bombing.txt", "--published", "last week"), "YYYY-MM-DD"),
        (("summarize", "ftp://example.org/a.txt"), "http"),
        (("summarize", "file:///etc/passwd"), "http"),
        (("summarize", str(tmp_path / "missing.txt")), "no such file"),
        (("summarize", "examples/market_bombing.txt", "--engine", "openai"), "OPENAI_API_KEY"),
        (("summarize", "examples/market_bombing.txt", "--engine", "nope"), "unknown engine"),
    ]
    for args, needle in cases:
        result = run(*args)
        err = result.stderr.decode()
        assert result.returncode == 2, (args, err)
        assert needle in err, (args, err)
        assert "Traceback" not in err


def test_cache_commands(tmp_path: Path) -> None:
    env = {"SUMMARIZER_CACHE_DIR": str(tmp_path / "c")}
    assert run("summarize", "examples/market_bombing.txt", env=env).returncode == 0
    stats = json.loads(run("cache", "stats", env=env).stdout)
    assert stats["entries"] == 1
    assert b"removed 1" in run("cache", "clear", env=env).stdout
    assert json.loads(run("cache", "stats", env=env).stdout)["entries"] == 0
