"""--record / --replay: every model exchange stored (never the request, a key or a header) and
answered back with no model and no network; a missing exchange is a clear error. Also the rules
cross-check beside an LLM answer and the cost estimate before an LLM run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fake_openai import FIRE_DRAFT, FakeOpenAI, fire_article, tool_reply

from summarizer import Settings, Summarizer
from summarizer.engines.cassette import CASSETTE_FILE, CassetteMissError, fingerprint
from summarizer.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]
SECRET = "sk-test-secret-never-stored"


def _settings(tmp_path: Path, url: str | None, **extra: Any) -> Settings:
    values: dict[str, Any] = {
        "engine": "compatible",
        "base_url": url,
        "model": "fake-model",
        "openai_api_key": SECRET,
        "cache_dir": tmp_path / "cache",
        "retry_attempts": 1,
    }
    return Settings(**(values | extra))


def test_record_then_replay_without_a_server(tmp_path: Path) -> None:
    tape = tmp_path / "tape"
    with FakeOpenAI(default=tool_reply(FIRE_DRAFT, prompt_tokens=321, completion_tokens=45)) as fake:
        recorder = Summarizer(_settings(tmp_path, fake.url, record_dir=tape))
        recorded = recorder.summarize(fire_article(1), published="2024-05-17")
        assert fake.count == 1
    lines = (tape / CASSETTE_FILE).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    entry = json.loads(lines[0])
    assert set(entry) == {"fingerprint", "model", "response", "usage", "latency_ms"}
    assert entry["usage"]["prompt_tokens"] == 321 and entry["latency_ms"] >= 0
    raw = (tape / CASSETTE_FILE).read_text(encoding="utf-8")
    # neither the key, nor any header, nor the request (the article and prompt) is stored
    assert SECRET not in raw and "uthorization" not in raw and "Report number 1" not in raw
    # the server is gone: the replay answers from the recording, with the recorded usage
    replayer = Summarizer(_settings(tmp_path, None, replay_dir=tape, openai_api_key=None))
    replayed = replayer.summarize(fire_article(1), published="2024-05-17")
    assert replayed.incident is not None and recorded.incident is not None
    assert replayed.incident.killed == recorded.incident.killed
    assert replayed.provenance.tokens_in == 321 and replayed.provenance.tokens_out == 45
    assert replayed.model_dump(exclude={"provenance"}) == recorded.model_dump(exclude={"provenance"})
    # another article was never recorded: a clear error, not a call
    with pytest.raises(CassetteMissError, match="no recorded exchange"):
        replayer.summarize(fire_article(2), published="2024-05-17")


def test_replay_of_a_missing_recording_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no recording there"):
        Summarizer(_settings(tmp_path, None, replay_dir=tmp_path / "nothing"))
    with pytest.raises(ConfigError, match="exclude each other"):
        Summarizer(_settings(tmp_path, "http://127.0.0.1:9/v1", replay_dir=tmp_path, record_dir=tmp_path))


def test_fingerprint_depends_on_what_is_sent_only() -> None:
    a = {"messages": [{"role": "user", "content": "x"}], "temperature": 0.0, "hooks": object()}
    b = {"messages": [{"role": "user", "content": "x"}], "temperature": 0.0, "hooks": object()}
    assert fingerprint(a, "m") == fingerprint(b, "m")
    assert fingerprint(a, "m") != fingerprint(a, "n")
    assert fingerprint(a, "m") != fingerprint({**a, "messages": [{"role": "user", "content": "y"}]}, "m")


def _cli(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SUMMARIZER_", "OPENAI_"))}
    return subprocess.run(
        [sys.executable, "-m", "summarizer.cli", *args],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        env={**clean, "SUMMARIZER_CACHE_DIR": str(tmp_path / "cache"), **env},
    )


def test_cli_summarize_record_and_replay(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(fire_article(7), encoding="utf-8")
    tape = tmp_path / "tape"
    common = ["-e", "compatible", "--published", "2024-05-17", "--json"]
    with FakeOpenAI(default=tool_reply(FIRE_DRAFT)) as fake:
        done = _cli(
            tmp_path, "summarize", str(article), *common, "--record", str(tape), SUMMARIZER_BASE_URL=fake.url
        )
    assert done.returncode == 0, done.stderr.decode()
    first = json.loads(done.stdout)
    assert "cross_check" in first
    again = _cli(tmp_path, "summarize", str(article), *common, "--replay", str(tape))
    assert again.returncode == 0, again.stderr.decode()
    assert json.loads(again.stdout)["incident"] == first["incident"]
    other = tmp_path / "b.txt"
    other.write_text(fire_article(8), encoding="utf-8")
    missing = _cli(tmp_path, "summarize", str(other), *common, "--replay", str(tape))
    assert missing.returncode == 1
    assert b"recorded exchange" in missing.stderr and b"Traceback" not in missing.stderr


def test_estimate_before_an_llm_batch_and_the_no_terminal_rule(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from summarizer.cli import app

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.txt").write_text(fire_article(i), encoding="utf-8")
    prices = tmp_path / "prices.json"
    prices.write_text(json.dumps({"fake-model": {"input": 1000.0, "output": 1000.0}}), encoding="utf-8")
    with FakeOpenAI(default=tool_reply(FIRE_DRAFT)) as fake:
        env = {"SUMMARIZER_BASE_URL": fake.url, "SUMMARIZER_MODEL": "fake-model"}
        base = ["batch", str(folder), "-e", "compatible", "--prices", str(prices), "-q", "--no-cache"]
        # CliRunner's stdin is not a terminal: above the threshold the run stops, asks nothing
        refused = CliRunner().invoke(
            app, [*base, "--out", str(tmp_path / "a.jsonl"), "--confirm-above", "0.01"], env=env
        )
        assert refused.exit_code == 2, refused.output
        assert "estimate for 3 article(s)" in refused.output and "pass --yes" in refused.output
        assert fake.count == 0
        done = CliRunner().invoke(
            app, [*base, "--out", str(tmp_path / "b.jsonl"), "--confirm-above", "0.01", "--yes"], env=env
        )
        assert done.exit_code == 0, done.output
        assert fake.count == 3
