"""summarizer: typed, evidence-grounded incident facts and neutral summaries from news articles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import evidence_view  # noqa: F401  (registers the HTML views of IncidentReport)
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
from .pipeline import Summarizer, asummarize, summarize, summarize_many
from .schema import IncidentReport
from .settings import Settings
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
    from .events import EventReport, group_events, summarize_event

_EVENTS = frozenset({"EventReport", "group_events", "summarize_event"})


def __getattr__(name: str) -> Any:
    """The events API loads on first use (``import summarizer`` stays as light as before)."""
    if name in _EVENTS:
        from . import events

        return getattr(events, name)
    raise AttributeError(f"module 'summarizer' has no attribute {name!r}")
