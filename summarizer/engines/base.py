"""The one small protocol every engine implements, and the registry that finds engines by name.

Core modules depend on this file only; engine modules import their SDKs (openai, instructor,
llama_cpp) lazily, inside the engine, so `import summarizer` never pulls a backend in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from ..errors import UnknownEngineError
from ..schema import Draft

if TYPE_CHECKING:
    from ..settings import Settings


@dataclass(frozen=True)
class GenerationParams:
    temperature: float = 0.0
    max_tokens: int = 1500
    max_reasks: int = 2

    def key(self) -> str:
        return f"t={self.temperature};max={self.max_tokens};reasks={self.max_reasks}"


@dataclass(frozen=True)
class ExtractionRequest:
    """Everything an engine may use. ``text`` is the exact text every quote must come from."""

    text: str
    messages: list[dict[str, str]]
    published: date | None = None
    title: str | None = None
    params: GenerationParams = field(default_factory=GenerationParams)


@dataclass
class EngineResult:
    draft: Draft
    tokens_in: int = 0
    tokens_out: int = 0
    attempts: int = 1


@runtime_checkable
class Engine(Protocol):
    """An engine turns an extraction request into a draft with verbatim quotes.

    An engine that ignores ``request.messages`` (the offline rules engine) sets a class attribute
    ``uses_prompt = False``, so reports and cache keys do not claim a prompt it never read. An
    engine whose facts come from the checker's own normalizers sets ``self_checked = True`` and the
    pipeline does not re-check them.
    """

    name: str
    model: str
    server: str | None

    def extract(self, request: ExtractionRequest) -> EngineResult: ...


@runtime_checkable
class RevisesSummary(Protocol):
    """Optional: an engine that can rewrite its summary (used to re-ask once on loaded words)."""

    def revise_summary(
        self, request: ExtractionRequest, summary: str, problems: list[str]
    ) -> EngineResult: ...


EngineFactory = Callable[["Settings"], Engine]
_REGISTRY: dict[str, EngineFactory] = {}


def register_engine(name: str, factory: EngineFactory) -> None:
    """Register an engine factory under ``name`` (third-party engines use this too)."""
    _REGISTRY[name] = factory


def engine_names() -> list[str]:
    _load_builtins()
    return sorted(_REGISTRY)


def create_engine(name: str, settings: Settings) -> Engine:
    _load_builtins()
    try:
        factory = _REGISTRY[name]
    except KeyError:
        raise UnknownEngineError(name, list(_REGISTRY)) from None
    return factory(settings)


def _load_builtins() -> None:
    if "rules" in _REGISTRY:
        return
    from . import builtin  # noqa: F401  (registers rules, openai, compatible, local)
