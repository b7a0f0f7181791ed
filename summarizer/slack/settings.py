"""Slack bot configuration from the environment.

Credentials use Slack's usual names (``SLACK_BOT_TOKEN``, ``SLACK_SIGNING_SECRET``,
``SLACK_APP_TOKEN``); everything else is ``SUMMARIZER_SLACK_*``. A missing credential raises a
:class:`~summarizer.errors.ConfigError` that names the variable to set.
"""

from __future__ import annotations

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from ..errors import ConfigError


class SlackSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SUMMARIZER_SLACK_", extra="ignore", populate_by_name=True)

    bot_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("SLACK_BOT_TOKEN", "bot_token")
    )
    signing_secret: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("SLACK_SIGNING_SECRET", "signing_secret")
    )
    app_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("SLACK_APP_TOKEN", "app_token")
    )
    api_url: str | None = Field(
        default=None, description="Slack Web API base URL (SUMMARIZER_SLACK_API_URL), e.g. a test fake"
    )

    host: str = "127.0.0.1"
    port: int = Field(default=3000, ge=0, le=65535)
    path: str = "/slack/events"
    max_body_bytes: int = Field(default=1_000_000, ge=10_000)

    command: str = "/summarize"
    shortcut_callback_id: str = "summarize_article"
    thread_shortcut_callback_id: str = "summarize_thread"  # gathers a thread's links into one event card

    rate_limit: int = Field(default=5, ge=1, description="summaries per user per window")
    rate_window: float = Field(default=60.0, gt=0, description="seconds")
    workers: int = Field(default=4, ge=1, le=64, description="summaries running at once")
    max_pending: int = Field(default=32, ge=1, description="queued summaries before the bot says it is busy")
    min_text_chars: int = Field(
        default=200, ge=1, description="shorter pasted text is not treated as an article"
    )

    @field_validator("api_url")
    @classmethod
    def _trailing_slash(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        value = value.strip()
        if not value.startswith(("http://", "https://")):
            raise ValueError("SUMMARIZER_SLACK_API_URL must be an http(s) URL, e.g. https://slack.com/api/")
        return value if value.endswith("/") else value + "/"

    @field_validator("path")
    @classmethod
    def _leading_slash(cls, value: str) -> str:
        return value if value.startswith("/") else "/" + value

    # -- credentials, checked when a mode needs them ----------------------------------------------
    @staticmethod
    def _need(value: SecretStr | None, variable: str, hint: str) -> str:
        secret = value.get_secret_value().strip() if value is not None else ""
        if not secret:
            raise ConfigError(f"{variable} is not set: {hint}", variable)
        return secret

    def require_bot_token(self) -> str:
        token = self._need(
            self.bot_token,
            "SLACK_BOT_TOKEN",
            "copy the Bot User OAuth Token (xoxb-...) from your app's 'OAuth & Permissions' page",
        )
        if token.startswith("xapp-"):
            raise ConfigError(
                "SLACK_BOT_TOKEN holds an app-level token (xapp-...); it needs the bot token (xoxb-...)",
                "SLACK_BOT_TOKEN",
            )
        return token

    def require_signing_secret(self) -> str:
        return self._need(
            self.signing_secret,
            "SLACK_SIGNING_SECRET",
            "copy the Signing Secret from your app's 'Basic Information' page",
        )

    def require_app_token(self) -> str:
        token = self._need(
            self.app_token,
            "SLACK_APP_TOKEN",
            "Socket Mode needs an app-level token with the connections:write scope "
            "('Basic Information' > 'App-Level Tokens')",
        )
        if not token.startswith("xapp-"):
            raise ConfigError("SLACK_APP_TOKEN must be an app-level token (xapp-...)", "SLACK_APP_TOKEN")
        return token

    def secrets(self) -> list[str]:
        """Every configured secret (for log redaction)."""
        return [s.get_secret_value() for s in (self.bot_token, self.signing_secret, self.app_token) if s]
