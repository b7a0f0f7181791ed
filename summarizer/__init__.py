"""summarizer: typed, evidence-grounded incident facts and neutral summaries from news articles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .version import __version__

__all__ = [
    "Article",
    "AuthenticationError",
    "ConfigError",
    "EngineError",
    "EventReport",
    "IncidentReport",
    "InputError",
    "ModelHTTPError",
    "ModelOutputError",
    "ModelTimeoutError",
    "Settings",
    "Summarizer",
    "SummarizerError",
    "__version__",
    "asummarize",
    "group_events",
    "summarize",
    "summarize_event",
    "summarize_many",
]

if TYPE_CHECKING:
    from .article import Article
    from .errors import (
        AuthenticationError,
        ConfigError,
        EngineError,
        InputError,
        ModelHTTPError,
        ModelOutputError,
        ModelTimeoutError,
        SummarizerError,
    )
    from .events import EventReport, group_events, summarize_event
    from .pipeline import Summarizer, asummarize, summarize, summarize_many
    from .schema import IncidentReport
    from .settings import Settings

# Every public name loads on first use (PEP 562): ``import summarizer`` (and the command line, which
# imports only what its command needs) does not build the schema, the settings or the pipeline.
_HOMES = {
    "Article": "article",
    "AuthenticationError": "errors",
    "ConfigError": "errors",
    "EngineError": "errors",
    "InputError": "errors",
    "ModelHTTPError": "errors",
    "ModelOutputError": "errors",
    "ModelTimeoutError": "errors",
    "SummarizerError": "errors",
    "EventReport": "events",
    "group_events": "events",
    "summarize_event": "events",
    "Summarizer": "pipeline",
    "asummarize": "pipeline",
    "summarize": "pipeline",
    "summarize_many": "pipeline",
    "IncidentReport": "schema",
    "Settings": "settings",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'summarizer' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{home}", __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
