"""Configuration via pydantic-settings, from (first wins): arguments, environment variables
(prefix ``SUMMARIZER_``), a ``.env`` file in the working directory, and an optional TOML file
(``summarizer.toml`` in the platform config folder, or the file ``SUMMARIZER_CONFIG_FILE`` names)
whose keys are the field names (``max_chars = 30000``).

``OPENAI_API_KEY`` and ``OPENAI_BASE_URL`` are read under their usual names too. Selection order
for the engine: explicit argument, then ``SUMMARIZER_ENGINE``, then a configured OpenAI key or base
URL, then the offline ``rules`` engine.

An invalid value raises :class:`SettingsError` naming the variable, where it was set and what is
wrong (``SUMMARIZER_MAX_CHARS='abc' (environment): expected an integer``), never a pydantic dump.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from platformdirs import user_cache_dir, user_config_dir
from pydantic import AliasChoices, Field, SecretStr, ValidationError
from pydantic_settings import (
    BaseSettings,
    DotEnvSettingsSource,
    EnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from .errors import ConfigError

ENV_PREFIX = "SUMMARIZER_"
CONFIG_FILE_VARIABLE = "SUMMARIZER_CONFIG_FILE"
DOTENV = ".env"


def config_file() -> Path:
    """The optional TOML settings file: ``$SUMMARIZER_CONFIG_FILE``, else ``summarizer.toml`` in
    the platform's config folder (``~/.config/summarizer/`` on Linux)."""
    named = os.environ.get(CONFIG_FILE_VARIABLE)
    return Path(named) if named else Path(user_config_dir("summarizer")) / "summarizer.toml"


class SettingsError(ConfigError, ValueError):
    """A setting has an invalid value; the message names the variable and where it was set."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        extra="ignore",
        populate_by_name=True,
        env_file=DOTENV,
        env_file_encoding="utf-8",
    )

    def __init__(self, **values: Any) -> None:
        try:
            super().__init__(**values)
        except ValidationError as exc:
            raise SettingsError(_explain(exc, values)) from None

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (
            init_settings,
            env_settings,
            dotenv_settings,
            TomlConfigSettingsSource(settings_cls, toml_file=config_file()),
        )

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

    # many articles on an LLM engine: async I/O and client-side rate limits
    async_io: bool = Field(
        default=True,
        description="batch, eval and summarize_many call LLM engines with async I/O (AsyncOpenAI)",
    )
    async_processes: int | None = Field(
        default=None,
        ge=0,
        description=(
            "processes for batch and eval on an LLM engine with async I/O, each its own event loop, "
            "the calls in flight split between them and one rate limiter shared (default: one per core "
            "when each gets 16+ calls in flight and the run has 24+ articles; 0 or 1: one event loop)"
        ),
    )
    rate_limit_rpm: float | None = Field(
        default=None, gt=0, description="requests per minute to the model server (default: no client limit)"
    )
    rate_limit_tpm: float | None = Field(
        default=None,
        gt=0,
        description="tokens per minute to the model server (estimated: prompt characters / 4 + max_tokens)",
    )

    prompt_version: str | None = Field(default=None, description="extract prompt version (default: newest)")
    prompts_dir: Path | None = Field(default=None, description="a folder of prompt templates to use instead")

    checker: Literal["strict", "flag", "off"] = "flag"
    cross_check: bool = Field(
        default=True, description="run the offline rules engine beside an LLM engine and record disagreements"
    )
    max_chars: int = Field(default=60_000, ge=1000, description="longer articles are truncated")
    max_input_bytes: int = Field(default=5_000_000, ge=1000)

    record_dir: Path | None = Field(default=None, description="record every model exchange into this folder")
    replay_dir: Path | None = Field(
        default=None, description="answer every model call from a recording (no model, no network)"
    )

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


# --------------------------------------------------------------------------------------------------
# where each setting came from (``summarizer config show``) and readable errors
# --------------------------------------------------------------------------------------------------


def variable_name(field: str) -> str:
    """The environment variable of a field (its usual alias first, e.g. ``OPENAI_API_KEY``)."""
    info = Settings.model_fields.get(field)
    alias = info.validation_alias if info is not None else None
    if isinstance(alias, AliasChoices):
        names = [c for c in alias.choices if isinstance(c, str)]
        return " / ".join(names) if names else ENV_PREFIX + field.upper()
    return ENV_PREFIX + field.upper()


def _field_of(key: str) -> str:
    if key in Settings.model_fields:
        return key
    for name, info in Settings.model_fields.items():
        alias = info.validation_alias
        if isinstance(alias, AliasChoices) and key in alias.choices:
            return name
        if key.upper() == ENV_PREFIX + name.upper():
            return name
    return key


def _layers() -> list[tuple[str, dict[str, Any]]]:
    """(source label, {field: raw value}) in precedence order, arguments aside."""
    toml = config_file()
    layers: list[tuple[str, dict[str, Any]]] = [("environment", {}), (DOTENV, {}), (str(toml), {})]
    sources: list[PydanticBaseSettingsSource] = [
        EnvSettingsSource(Settings),
        DotEnvSettingsSource(Settings, env_file=DOTENV),
    ]
    for (_, found), source in zip(layers, sources, strict=False):
        try:
            found.update({_field_of(k): v for k, v in source().items()})
        except (ValueError, OSError):
            continue
    try:
        if toml.is_file():
            layers[2][1].update(
                {_field_of(k): v for k, v in TomlConfigSettingsSource(Settings, toml)().items()}
            )
    except (ValueError, OSError) as exc:
        raise SettingsError(f"cannot read the config file {toml}: {exc}") from None
    return layers


def _source_of(field: str, layers: list[tuple[str, dict[str, Any]]]) -> tuple[str, Any] | None:
    for label, found in layers:
        if field in found:
            return label, found[field]
    return None


def _explain(exc: ValidationError, given: dict[str, Any]) -> str:
    try:
        layers = _layers()
    except SettingsError as inner:
        return str(inner)
    problems: list[str] = []
    for err in exc.errors():
        field = str(err["loc"][0]) if err.get("loc") else "?"
        if field in given:
            where, raw = "argument", given[field]
            name = field
        else:
            found = _source_of(field, layers)
            where, raw = found if found else ("default", err.get("input"))
            name = variable_name(field) if where in ("environment", DOTENV) else field
        shown = "<hidden>" if "key" in field or "token" in field else repr(raw)
        problems.append(f"{name}={shown} ({where}): {err['msg'].lower()}")
    return "invalid configuration: " + "; ".join(problems)


@dataclass(frozen=True)
class SettingSource:
    field: str
    variable: str
    value: str  # shown value; secrets are never shown, only whether they are set
    source: str  # "default", "environment", ".env", the TOML file's path


def describe_settings(settings: Settings | None = None) -> list[SettingSource]:
    """Every setting's effective value and where it came from. A secret's value is never shown."""
    s = settings or Settings()
    layers = _layers()
    out: list[SettingSource] = []
    for field in Settings.model_fields:
        value = getattr(s, field)
        found = _source_of(field, layers)
        source = found[0] if found else "default"
        if isinstance(value, SecretStr):
            shown = "(set)" if value.get_secret_value() else "(empty)"
        elif value is None:
            shown = "(not set)"
        else:
            shown = str(value)
        out.append(SettingSource(field, variable_name(field), shown, source))
    return out
