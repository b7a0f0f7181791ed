"""summarizer: typed, evidence-grounded incident facts and neutral summaries from news articles."""

from __future__ import annotations

__version__ = "0.1.0"

from .article import Article  # noqa: E402
from .errors import (  # noqa: E402
    AuthenticationError,
    ConfigError,
    EngineError,
    InputError,
    ModelHTTPError,
    ModelOutputError,
    ModelTimeoutError,
    SummarizerError,
)
from .pipeline import Summarizer, asummarize, summarize, summarize_many  # noqa: E402
from .schema import IncidentReport  # noqa: E402
from .settings import Settings  # noqa: E402

__all__ = [
    "Article",
    "AuthenticationError",
    "ConfigError",
    "EngineError",
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
    "summarize",
    "summarize_many",
]
