"""summarizer: typed, evidence-grounded incident facts and neutral summaries from news articles."""

from __future__ import annotations

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
