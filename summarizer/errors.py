"""One exception root for the whole package, with subclasses that carry context.

User mistakes (bad input, missing configuration) are split from run failures (HTTP errors,
timeouts, model output that never validated), so callers can decide what to retry or report.
"""

from __future__ import annotations

from typing import Any, Literal

from .redact import redact_text

URLRefusal = Literal["scheme", "malformed", "private", "metadata"]
"""Why a URL is refused before any download: not http(s); not a URL with a host; a non-public
address; a cloud metadata service."""

FetchFailure = Literal[
    "http_status", "timeout", "too_large", "redirect", "dns", "content_type", "no_text", "network"
]
"""Why a download failed: an error status; too slow; too big; a redirect without a location or too
many; a host that does not resolve; not a text/HTML page; no article text on it; anything else."""


class SummarizerError(Exception):
    """Root of every error raised by summarizer."""

    def __init__(self, message: str, **context: Any) -> None:
        message = redact_text(message)  # a URL's user:password never reaches a message
        super().__init__(message)
        self.message = message
        self.context = context

    def __str__(self) -> str:
        return redact_text(self.message)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle any subclass whole, whatever its ``__init__`` takes (worker processes send
        errors back to the parent)."""
        return (_restore_error, (type(self), self.message, dict(self.__dict__)))


def _restore_error(cls: type[SummarizerError], message: str, state: dict[str, Any]) -> SummarizerError:
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.__dict__.update(state)
    return error


# --- the user's input ---------------------------------------------------------------------------
class InputError(SummarizerError):
    """The article (or its metadata) cannot be summarized as given."""


class EmptyArticleError(InputError):
    """The article holds no text after cleaning."""


class DecodeError(InputError):
    """Bytes that are not text in any supported encoding (e.g. a binary file)."""


class InvalidDateError(InputError):
    """A publication date that is not a valid ISO date."""

    def __init__(self, value: str, reason: str = "expected YYYY-MM-DD") -> None:
        super().__init__(f"invalid publication date {value!r}: {reason}", value=value)
        self.value = value


class UnsupportedURLError(InputError):
    """A URL whose scheme or host is not allowed (only public http(s) pages can be fetched)."""

    def __init__(self, url: str, reason: str, *, kind: URLRefusal) -> None:
        super().__init__(f"cannot fetch {url!r}: {reason}", url=url, reason=reason, kind=kind)
        self.url = url
        self.reason = reason
        self.kind: URLRefusal = kind


class FetchError(InputError):
    """A page could not be downloaded or reduced to article text. ``status`` is set for
    ``kind="http_status"``."""

    def __init__(self, url: str, reason: str, *, kind: FetchFailure, status: int | None = None) -> None:
        super().__init__(f"could not fetch {url!r}: {reason}", url=url, reason=reason, kind=kind)
        self.url = url
        self.reason = reason
        self.kind: FetchFailure = kind
        self.status = status


# --- configuration -------------------------------------------------------------------------------
class ConfigError(SummarizerError):
    """Configuration is missing or invalid; the message names the variable to set."""

    def __init__(self, message: str, variable: str | None = None) -> None:
        super().__init__(message, variable=variable)
        self.variable = variable


class UnknownEngineError(ConfigError):
    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(
            f"unknown engine {name!r}; choose one of: {', '.join(sorted(known))}", "SUMMARIZER_ENGINE"
        )
        self.name = name


class MissingDependencyError(ConfigError):
    """An optional extra is needed (e.g. `pip install 'summarizer[local]'`)."""

    def __init__(self, feature: str, extra: str) -> None:
        super().__init__(f"{feature} needs the optional extra: pip install 'summarizer[{extra}]'")
        self.extra = extra


# --- engine / model run failures -----------------------------------------------------------------
class EngineError(SummarizerError):
    """A model run failed."""


class ModelHTTPError(EngineError):
    """The model server answered with an error status."""

    def __init__(self, status_code: int, body: str, attempts: int = 1, server: str | None = None) -> None:
        snippet = body[:300]
        super().__init__(
            f"model server {server or ''} returned HTTP {status_code} after {attempts} attempt(s): {snippet}".replace(
                "  ", " "
            ),
            status_code=status_code,
            attempts=attempts,
        )
        self.status_code = status_code
        self.body = body
        self.attempts = attempts


class AuthenticationError(ModelHTTPError):
    """The server rejected the credentials (401/403); the message names the variable to fix."""

    def __init__(self, status_code: int, body: str, variable: str, server: str | None = None) -> None:
        super().__init__(status_code, body, 1, server)
        self.message = f"the model server rejected the API key (HTTP {status_code}); check {variable}"
        self.variable = variable


class ModelTimeoutError(EngineError):
    def __init__(self, attempts: int, seconds: float) -> None:
        super().__init__(
            f"model call timed out or could not connect after {attempts} attempt(s) ({seconds:.1f}s)",
            attempts=attempts,
        )
        self.attempts = attempts


class ModelOutputError(EngineError):
    """The model never produced output that validates against the report schema."""

    def __init__(self, attempts: int, detail: str, tokens_in: int = 0, tokens_out: int = 0) -> None:
        super().__init__(
            f"model output failed validation after {attempts} attempt(s): {detail[:300]}",
            attempts=attempts,
            tokens_in=tokens_in,
            tokens_out=tokens_out,
        )
        self.attempts = attempts
        self.tokens_in = tokens_in
        self.tokens_out = tokens_out


class CacheError(SummarizerError):
    """The cache cannot be used for an explicit cache operation (``summarizer cache clear``): a
    corrupt database, a file where the folder should be, no permission. A summary run never raises
    it: it goes on uncached with a ``cache_unavailable`` warning."""


class LocalWorkerError(EngineError):
    """The local engine's model worker process failed: it crashed, hung, or keeps failing.

    The engine's own process survives; ``cause`` names the likely reason and ``fix`` what to do.
    """

    def __init__(self, message: str, cause: str, fix: str, **context: Any) -> None:
        super().__init__(f"{message}. Likely cause: {cause}. Fix: {fix}", cause=cause, fix=fix, **context)
        self.summary = message
        self.cause = cause
        self.fix = fix


class LocalWorkerCrashError(LocalWorkerError):
    """The worker died (a native crash such as SIGSEGV/SIGILL, or killed, e.g. out of memory)."""

    def __init__(
        self, message: str, cause: str, fix: str, *, signal: str | None, exit_code: int | None
    ) -> None:
        super().__init__(message, cause, fix, signal=signal, exit_code=exit_code)
        self.signal = signal
        self.exit_code = exit_code


class LocalWorkerTimeoutError(LocalWorkerError):
    """The worker did not answer in time; it was stopped (and is restarted for the next call)."""

    def __init__(self, message: str, cause: str, fix: str, *, seconds: float) -> None:
        super().__init__(message, cause, fix, seconds=seconds)
        self.seconds = seconds


class LocalWorkerUnavailableError(LocalWorkerError):
    """The worker failed too many times in a row; the engine is not restarting it for a while."""


class LocalModelError(EngineError):
    """The local model raised an error for this request (the worker is fine), e.g. an article longer
    than the model's context window."""


class LocalModelLoadError(ConfigError):
    """The local model file could not be loaded (the loader raised an error; no crash)."""

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(
            f"the local model could not be loaded from {path}: {detail}. Check that the file is a complete "
            "GGUF model that this llama-cpp-python version supports (upgrade llama-cpp-python for new "
            "architectures)",
            "SUMMARIZER_LOCAL_MODEL_PATH",
        )
        self.path = path
        self.detail = detail
