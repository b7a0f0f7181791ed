"""Configuration from environment variables (prefix ``SUMMARIZER_``) via pydantic-settings.

``OPENAI_API_KEY`` and ``OPENAI_BASE_URL`` are read under their usual names too. Selection order
for the engine: explicit argument, then ``SUMMARIZER_ENGINE``, then a configured OpenAI key or base
URL, then the offline ``rules`` engine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from platformdirs import user_cache_dir
from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SUMMARIZER_", extra="ignore", populate_by_name=True)

    engine: str | None = Field(default=None, description="rules | openai | compatible | local")
    model: str | None = None

    openai_api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("SUMMARIZER_OPENAI_API_KEY", "OPENAI_API_KEY")
    )
    base_url: str | None = Field(
        default=None, validation_alias=AliasChoices("SUMMARIZER_BASE_URL", "OPENAI_BASE_URL")
    )
    openai_model: str = "gpt-4o-mini"
    compatible_model: str = "default"
    local_model_path: Path | None = Field(default=None, description="GGUF file for the local engine")
    local_n_ctx: int | None = Field(
        default=None, ge=256, description="context size; default: the GGUF's own, capped by memory"
    )
    local_threads: int | None = None
    local_timeout: float = Field(default=600.0, gt=0, description="seconds for one model call in the worker")
    local_load_timeout: float = Field(
        default=600.0, gt=0, description="seconds for the worker to load the model"
    )
    local_max_restarts: int = Field(
        default=2, ge=0, le=20, description="worker restarts after failures in a row"
    )
    local_restart_cooldown: float = Field(
        default=300.0, ge=0, description="seconds without a worker after too many failures in a row"
    )

    temperature: float = 0.0
    max_tokens: int = 1500
    max_reasks: int | None = Field(
        default=None, ge=0, le=5, description="re-asks on invalid output; default 2, 1 for the local engine"
    )

    # retries around every model call
    retry_attempts: int = Field(default=4, ge=1, le=20)
    retry_max_seconds: float = Field(default=120.0, gt=0)
    retry_initial_wait: float = Field(default=0.5, ge=0)
    retry_max_wait: float = Field(default=20.0, ge=0)
    retry_after_cap: float = Field(default=30.0, ge=0)
    request_timeout: float = Field(default=60.0, gt=0)

    prompt_version: str | None = Field(default=None, description="extract prompt version (default: newest)")
    prompts_dir: Path | None = Field(default=None, description="a folder of prompt templates to use instead")

    checker: Literal["strict", "flag", "off"] = "flag"
    max_chars: int = Field(default=60_000, ge=1000, description="longer articles are truncated")
    max_input_bytes: int = Field(default=5_000_000, ge=1000)

    cache_enabled: bool = True
    cache_dir: Path = Field(default_factory=lambda: Path(user_cache_dir("summarizer")))

    fetch_timeout: float = 15.0
    fetch_max_bytes: int = 5_000_000
    fetch_max_redirects: int = 5
    fetch_allow_private: bool = Field(
        default=False, description="allow loopback/private hosts when fetching URLs (tests only)"
    )

    def reasks_for(self, engine: str) -> int:
        """Re-asks after output that fails validation: as configured, else 2, and 1 for the local
        engine (each re-ask re-reads the whole prompt on the CPU; a small model that failed once
        rarely succeeds twice, so the second re-ask mostly spends minutes)."""
        if self.max_reasks is not None:
            return self.max_reasks
        return 1 if engine == "local" else 2

    def resolved_engine(self, explicit: str | None = None) -> str:
        if explicit:
            return explicit
        if self.engine:
            return self.engine
        if self.base_url:
            return "compatible"
        if self.openai_api_key is not None and self.openai_api_key.get_secret_value():
            return "openai"
        return "rules"
