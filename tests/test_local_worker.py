"""The local engine's worker process, for real, without llama_cpp: a fake model (tests/support/
fake_llama.py) runs inside the real worker process and crashes (SIGSEGV, SIGKILL, SIGILL), hangs or
raises on request. What must hold: the caller's process survives, the article that broke the
worker becomes a typed error (an error row in a batch), the next article gets a report from a new
worker, the model is loaded once per worker, and restarts are bounded.
"""

from __future__ import annotations

import json
import struct
import time
from pathlib import Path
from typing import Any

import pytest
from fake_llama import write_gguf
from fake_openai import fire_article

from summarizer import Settings, Summarizer
from summarizer.batch import run_batch
from summarizer.engines.builtin import extract_prompt
from summarizer.engines.gguf import GGUFError, choose_n_ctx, read_gguf
from summarizer.engines.llm import policy_from
from summarizer.engines.local import LocalEngine
from summarizer.errors import (
    ConfigError,
    EngineError,
    LocalModelError,
    LocalModelLoadError,
    LocalWorkerCrashError,
    LocalWorkerTimeoutError,
    LocalWorkerUnavailableError,
    SummarizerError,
)


def events(log: Path) -> list[tuple[str, int]]:
    if not log.exists():
        return []
    return [(e, int(pid)) for e, pid in (line.split() for line in log.read_text().splitlines())]


def loads(log: Path) -> list[int]:
    return [pid for event, pid in events(log) if event == "load"]


@pytest.fixture
def gguf(tmp_path: Path) -> Path:
    return write_gguf(tmp_path / "fake-model.gguf", context_length=8192)


def make_engine(gguf: Path, log: Path, **kwargs: Any) -> LocalEngine:
    options = {"log": str(log), **kwargs.pop("options", {})}
    settings = Settings()
    return LocalEngine(
        gguf,
        n_ctx=kwargs.pop("n_ctx", None),
        threads=None,
        policy=policy_from(settings),
        template=extract_prompt(settings),
        timeout=kwargs.pop("timeout", 60.0),
        factory="fake_llama:load",
        factory_options=options,
        **kwargs,
    )


def summarizer_for(engine: LocalEngine, tmp_path: Path) -> Summarizer:
    return Summarizer(Settings(cache_dir=tmp_path / "cache"), engine=engine, cache=False)


def write_jsonl(path: Path, texts: list[str]) -> Path:
    path.write_text("".join(json.dumps({"id": f"a{i}", "text": t}) + "\n" for i, t in enumerate(texts)))
    return path


# --------------------------------------------------------------------------------------------------
# the worker in a batch
# --------------------------------------------------------------------------------------------------
def test_a_worker_segfault_is_one_error_row_and_the_batch_goes_on(tmp_path: Path, gguf: Path) -> None:
    log = tmp_path / "events.log"
    engine = make_engine(gguf, log)
    texts = [fire_article(1), fire_article(2) + " WORKER-SIGSEGV", fire_article(3), fire_article(4)]
    source = write_jsonl(tmp_path / "in.jsonl", texts)
    outcome = run_batch(source, tmp_path / "out.jsonl", summarizer_for(engine, tmp_path), concurrency=1)
    rows = {r["id"]: r for r in outcome.rows}
    assert [rows[f"a{i}"]["status"] for i in range(4)] == ["ok", "error", "ok", "ok"]
    error = rows["a1"]["error"]
    assert error["type"] == "LocalWorkerCrashError"
    assert "SIGSEGV" in error["message"] and "GGML_NATIVE=OFF" in error["message"]
    assert "Likely cause" in error["message"] and "Fix:" in error["message"]
    assert rows["a2"]["report"]["incident"]["category"] == "fire"
    # one load per worker: the first served a0 and a1 (and died), the second a2 and a3
    first, second = loads(log)
    assert first != second
    assert [pid for e, pid in events(log) if e == "call"] == [first, first, second, second]
    assert engine.worker.starts == 2 and engine.worker.failures == 1
    engine.close()


def test_sigkill_and_sigill_name_their_likely_causes(tmp_path: Path, gguf: Path) -> None:
    engine = make_engine(gguf, tmp_path / "events.log")
    summarizer = summarizer_for(engine, tmp_path)
    with pytest.raises(LocalWorkerCrashError) as killed:
        summarizer.summarize(fire_article(1) + " WORKER-SIGKILL")
    assert killed.value.signal == "SIGKILL" and "out-of-memory" in killed.value.cause
    with pytest.raises(LocalWorkerCrashError) as illegal:
        summarizer.summarize(fire_article(2) + " WORKER-SIGILL")
    assert illegal.value.signal == "SIGILL" and "instructions this one lacks" in illegal.value.cause
    assert "GGML_NATIVE=OFF" in illegal.value.fix
    assert isinstance(illegal.value, EngineError)
    report = summarizer.summarize(fire_article(3))  # a third worker answers
    assert report.incident.category == "fire"
    engine.close()


def test_a_hung_worker_is_stopped_at_the_timeout_and_replaced(tmp_path: Path, gguf: Path) -> None:
    log = tmp_path / "events.log"
    engine = make_engine(gguf, log, timeout=2.0)
    texts = ["WORKER-HANG " + fire_article(1), fire_article(2)]
    source = write_jsonl(tmp_path / "in.jsonl", texts)
    started = time.monotonic()
    outcome = run_batch(source, tmp_path / "out.jsonl", summarizer_for(engine, tmp_path), concurrency=1)
    assert time.monotonic() - started < 60
    rows = {r["id"]: r for r in outcome.rows}
    assert rows["a0"]["status"] == "error" and rows["a0"]["error"]["type"] == "LocalWorkerTimeoutError"
    assert "within 2 s" in rows["a0"]["error"]["message"]
    assert "SUMMARIZER_LOCAL_TIMEOUT" in rows["a0"]["error"]["message"]
    assert rows["a1"]["status"] == "ok"
    hung, fresh = loads(log)
    assert hung != fresh
    engine.close()


def test_the_model_is_loaded_once_and_reused(tmp_path: Path, gguf: Path) -> None:
    log = tmp_path / "events.log"
    engine = make_engine(gguf, log)
    assert engine.worker.pid is None  # started lazily
    summarizer = summarizer_for(engine, tmp_path)
    reports = summarizer.summarize_many([fire_article(i) for i in range(4)], concurrency=3)
    assert all(not isinstance(r, SummarizerError) for r in reports)
    assert len(loads(log)) == 1 and engine.worker.starts == 1
    assert engine.worker.info["pid"] == loads(log)[0] == engine.worker.pid
    engine.close()
    assert engine.worker.pid is None


def test_a_model_error_keeps_the_worker(tmp_path: Path, gguf: Path) -> None:
    log = tmp_path / "events.log"
    engine = make_engine(gguf, log)
    summarizer = summarizer_for(engine, tmp_path)
    with pytest.raises(LocalModelError, match=r"exceed context window of 8192.*SUMMARIZER_LOCAL_N_CTX"):
        summarizer.summarize(fire_article(1) + " WORKER-RAISE")
    summarizer.summarize(fire_article(2))
    assert len(loads(log)) == 1 and engine.worker.failures == 0
    engine.close()


# --------------------------------------------------------------------------------------------------
# bounded restarts, load failures
# --------------------------------------------------------------------------------------------------
def test_restarts_are_bounded_then_resume_after_the_cooldown(tmp_path: Path, gguf: Path) -> None:
    log = tmp_path / "events.log"
    engine = make_engine(gguf, log, max_restarts=1, cooldown=3.0)
    summarizer = summarizer_for(engine, tmp_path)
    for i in range(2):
        with pytest.raises(LocalWorkerCrashError):
            summarizer.summarize(fire_article(i) + " WORKER-SIGSEGV")
    started = time.monotonic()
    with pytest.raises(LocalWorkerUnavailableError, match="failed 2 times in a row") as resting:
        summarizer.summarize(fire_article(5))
    assert time.monotonic() - started < 2  # no model load: it fails at once
    assert "SIGSEGV" in str(resting.value) and "GGML_NATIVE=OFF" in resting.value.fix
    assert len(loads(log)) == 2
    time.sleep(3.2)
    assert summarizer.summarize(fire_article(6)).incident.category == "fire"
    assert len(loads(log)) == 3
    engine.close()


def test_a_crash_while_loading_names_the_file_and_the_build(tmp_path: Path, gguf: Path) -> None:
    engine = make_engine(gguf, tmp_path / "events.log", options={"load_signal": "SIGSEGV"}, max_restarts=0)
    summarizer = summarizer_for(engine, tmp_path)
    with pytest.raises(LocalWorkerCrashError, match="while loading the model") as crash:
        summarizer.summarize(fire_article(1))
    assert "corrupt or truncated GGUF" in crash.value.cause
    with pytest.raises(LocalWorkerUnavailableError):
        summarizer.summarize(fire_article(2))


def test_a_loader_error_is_a_config_error_and_is_not_retried_per_article(tmp_path: Path, gguf: Path) -> None:
    log = tmp_path / "events.log"
    engine = make_engine(gguf, log, options={"load_error": "Failed to load model from file"})
    summarizer = summarizer_for(engine, tmp_path)
    for i in range(3):
        with pytest.raises(LocalModelLoadError, match="Failed to load model from file") as error:
            summarizer.summarize(fire_article(i))
        assert isinstance(error.value, ConfigError) and error.value.variable == "SUMMARIZER_LOCAL_MODEL_PATH"
    assert engine.worker.starts == 1  # the same file is not reloaded for every article


def test_a_slow_load_times_out_with_its_own_setting(tmp_path: Path, gguf: Path) -> None:
    engine = make_engine(gguf, tmp_path / "events.log", options={"load_seconds": 30}, load_timeout=1.5)
    with pytest.raises(LocalWorkerTimeoutError, match="SUMMARIZER_LOCAL_LOAD_TIMEOUT"):
        summarizer_for(engine, tmp_path).summarize(fire_article(1))
    engine.close()


def test_the_engine_checks_the_file_before_any_worker(tmp_path: Path) -> None:
    not_gguf = tmp_path / "model.gguf"
    not_gguf.write_bytes(b"<html>404 not found</html>")
    with pytest.raises(GGUFError, match="GGUF magic") as error:
        make_engine(not_gguf, tmp_path / "events.log")
    assert isinstance(error.value, ConfigError)
    with pytest.raises(ConfigError, match="not found"):
        make_engine(tmp_path / "missing.gguf", tmp_path / "events.log")


# --------------------------------------------------------------------------------------------------
# GGUF metadata and the context size
# --------------------------------------------------------------------------------------------------
def test_gguf_header_metadata(tmp_path: Path) -> None:
    info = read_gguf(write_gguf(tmp_path / "m.gguf", context_length=32768, architecture="qwen2"))
    assert info.architecture == "qwen2" and info.name == "fake" and info.context_length == 32768
    assert info.metadata["general.file_type"] == 15
    assert "tokenizer.ggml.tokens" not in info.metadata  # arrays are skipped, not loaded
    # 30 layers x 3 KV heads x (64 + 64) dims x 2 bytes
    assert info.kv_bytes_per_token() == 30 * 3 * 128 * 2


def test_truncated_or_foreign_files_are_config_errors(tmp_path: Path) -> None:
    whole = write_gguf(tmp_path / "m.gguf").read_bytes()
    cut = tmp_path / "cut.gguf"
    cut.write_bytes(whole[:60])
    with pytest.raises(GGUFError, match="truncated or corrupt"):
        read_gguf(cut)
    future = tmp_path / "v9.gguf"
    future.write_bytes(b"GGUF" + struct.pack("<I", 9) + whole[8:])
    with pytest.raises(GGUFError, match="unsupported GGUF version 9"):
        read_gguf(future)


def test_n_ctx_is_the_models_own_capped_by_memory_and_need(tmp_path: Path) -> None:
    small = read_gguf(write_gguf(tmp_path / "small.gguf", context_length=8192))
    big = read_gguf(write_gguf(tmp_path / "big.gguf", context_length=131072))
    plenty = 64 << 30
    choice = choose_n_ctx(small, max_chars=60_000, max_tokens=1024, memory=plenty)
    assert choice.n_ctx == 8192 and choice.reason == "the model's trained context"
    # a long-context model gets what the longest allowed article needs, not 128k
    choice = choose_n_ctx(big, max_chars=60_000, max_tokens=1024, memory=plenty)
    assert choice.n_ctx == 23552 and choice.reason.startswith("what the longest")
    # little memory: the KV cache (46,080 bytes a token here) gets half of what the weights leave
    choice = choose_n_ctx(big, max_chars=60_000, max_tokens=1024, memory=200 << 20)
    assert choice.reason == "what free memory allows"
    assert choice.n_ctx * small.kv_bytes_per_token() <= (200 << 20) // 2  # type: ignore[operator]
    assert choice.n_ctx % 256 == 0 and choice.n_ctx >= 2048


def test_an_explicit_n_ctx_wins(tmp_path: Path, gguf: Path) -> None:
    engine = make_engine(gguf, tmp_path / "events.log", n_ctx=4096)
    assert engine.context.n_ctx == 4096 and engine.context.reason == "SUMMARIZER_LOCAL_N_CTX"
    assert engine.worker.start()["n_ctx"] == 4096  # what the worker's model was built with
    engine.close()


# --------------------------------------------------------------------------------------------------
# the Slack bot survives a worker crash and answers politely
# --------------------------------------------------------------------------------------------------
def test_slack_bot_answers_politely_when_the_worker_crashes(tmp_path: Path, gguf: Path) -> None:
    pytest.importorskip("slack_bolt")
    pytest.importorskip("uvicorn")
    import socket
    import threading

    import httpx
    from test_slack_bot import BOT_TOKEN, SIGNING_SECRET, Env, FakeSlack, Pages, responses_for

    from summarizer.slack.app import SlackBot
    from summarizer.slack.server import uvicorn_server
    from summarizer.slack.settings import SlackSettings

    slack, pages = FakeSlack(), Pages({})
    engine = make_engine(gguf, tmp_path / "events.log")
    settings = SlackSettings(
        bot_token=BOT_TOKEN, signing_secret=SIGNING_SECRET, api_url=slack.api_url, workers=1
    )
    bot = SlackBot(settings, summarizer_for(engine, tmp_path))
    server = uvicorn_server(bot, "127.0.0.1", 0, "warning")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    http = httpx.Client(timeout=10, trust_env=False)
    env = Env(f"http://127.0.0.1:{sock.getsockname()[1]}", slack, pages, pages, None, bot, http)  # type: ignore[arg-type]
    try:
        article = " ".join(fire_article(i) for i in range(4))
        env.command(article + " WORKER-SIGSEGV", user="U1", channel="C1")
        (reply,) = slack.wait(responses_for("C1-U1"), timeout=60)
        text = reply.args["text"]
        assert text.startswith(":warning:") and "model failed on this article" in text
        assert "SIGSEGV" not in text and "pid" not in text  # details stay in the log
        # the bot lives on, and the next request gets a card from a new worker
        assert http.get(env.base + "/healthz").status_code == 200
        env.command(article, user="U2", channel="C2")
        posted = slack.wait(
            lambda c: c.method == "chat.postMessage" and c.args.get("channel") == "C2", timeout=60
        )
        assert "Lagos" in json.dumps(posted[0].args.get("blocks"))
        assert engine.worker.starts == 2
    finally:
        http.close()
        server.should_exit = True
        thread.join(10)
        bot.close(wait=True)
        engine.close()
        pages.close()
        slack.close()


def test_slack_messages_for_every_worker_failure() -> None:
    pytest.importorskip("slack_bolt")
    from summarizer.slack.app import friendly_error

    hang = LocalWorkerTimeoutError("no answer within 5 s", "hung", "raise the timeout", seconds=5)
    assert friendly_error(hang) == "The model took too long to answer; please try again in a minute."
    resting = LocalWorkerUnavailableError("failed 3 times in a row", "a bad build", "rebuild")
    assert "model failed on this article" in friendly_error(resting)
    assert "configured" in friendly_error(LocalModelLoadError("/m.gguf", "ValueError: bad file"))


# --------------------------------------------------------------------------------------------------
# summarizer doctor
# --------------------------------------------------------------------------------------------------
def test_doctor_loads_the_model_and_runs_one_token(tmp_path: Path, gguf: Path) -> None:
    from summarizer.doctor import check_local_engine

    log = tmp_path / "events.log"
    engine = make_engine(gguf, log)
    check = check_local_engine(engine)
    engine.close()
    assert check.ok and check.error is None
    assert check.probe_text == " Paris" and check.probe_seconds is not None
    assert check.architecture == "llama" and check.trained_context == 8192 and check.n_ctx == 8192
    assert check.build_features == ["SSE3", "AVX", "AVX2"]  # what the (fake) build reports
    assert [e for e, _ in events(log)] == ["load", "call"]


def test_doctor_reports_a_crash_with_its_cause(tmp_path: Path, gguf: Path) -> None:
    from summarizer.doctor import check_local_engine

    engine = make_engine(gguf, tmp_path / "events.log", options={"load_signal": "SIGILL"})
    check = check_local_engine(engine)
    engine.close()
    assert not check.ok and check.error_type == "LocalWorkerCrashError"
    assert check.error is not None and "SIGILL" in check.error and "GGML_NATIVE=OFF" in check.error


def test_build_features_from_llama_system_info() -> None:
    from summarizer.doctor import build_features

    info = (
        "CPU : SSE3 = 1 | SSSE3 = 1 | AVX = 1 | AVX2 = 1 | F16C = 1 | FMA = 1 | BMI2 = 1 | "
        "AVX512 = 1 | AVX512_VNNI = 1 | AMX_INT8 = 1 | LLAMAFILE = 1 | OPENMP = 1 | REPACK = 1 | "
    )
    assert build_features(info) == [
        "SSE3", "SSSE3", "AVX", "AVX2", "F16C", "FMA", "BMI2", "AVX512", "AVX512_VNNI", "AMX_INT8",
        "LLAMAFILE", "OPENMP", "REPACK",
    ]  # fmt: skip
    assert build_features("CPU : AVX = 0 | AVX2 = 1 |") == ["AVX2"]


def test_doctor_command_names_the_variable_when_the_file_is_wrong(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    bad = tmp_path / "model.gguf"
    bad.write_text("not a model")
    result = subprocess.run(
        [sys.executable, "-m", "summarizer.cli", "doctor"],
        capture_output=True,
        env={**os.environ, "SUMMARIZER_LOCAL_MODEL_PATH": str(bad)},
        timeout=120,
    )
    assert result.returncode == 2, result.stderr.decode()
    err = result.stderr.decode()
    # without llama-cpp-python installed the extra is named; with it, the bad file is
    assert "summarizer[local]" in err or ("GGUF magic" in err and "SUMMARIZER_LOCAL_MODEL_PATH" in err)


def test_the_local_engine_re_asks_once_unless_configured(tmp_path: Path, gguf: Path) -> None:
    assert Settings().reasks_for("local") == 1 and Settings().reasks_for("openai") == 2
    assert (
        Settings(max_reasks=0).reasks_for("local") == 0 and Settings(max_reasks=3).reasks_for("openai") == 3
    )
    engine = make_engine(gguf, tmp_path / "events.log")
    assert summarizer_for(engine, tmp_path).params.max_reasks == 1  # and it is in the cache key
    assert "reasks=1" in summarizer_for(engine, tmp_path).params.key()
