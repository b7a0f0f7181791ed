"""The engine contract: types only (no registry, no SDK, no engine).

An engine turns an :class:`ExtractionRequest` into a :class:`~summarizer.schema.Draft` whose quotes
are verbatim sentences of ``request.text``. What the pipeline may assume about an engine is stated
once, in its :class:`EngineProfile`; the pipeline reads the profile, never ``getattr`` with a default.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from ..schema import Draft

if TYPE_CHECKING:
    from ..prompting import PromptFingerprint  # annotations only: a cached run renders no prompt
    from ..ratelimit import RateLimiter


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
    reference_date: date | None = None
    """The date relative dates resolve against: the publication date, else the dateline's date
    (computed once, by :func:`summarizer.article.prepare_article`)."""
    title: str | None = None
    outlet: str | None = None
    params: GenerationParams = field(default_factory=GenerationParams)


@dataclass
class EngineResult:
    """An engine's draft and what producing it cost."""

    draft: Draft
    tokens_in: int = 0
    tokens_out: int = 0
    attempts: int = 1


@dataclass
class RevisedSummary:
    """A summary rewritten by the engine (the neutrality step's one re-ask), and what it cost."""

    summary: str
    tokens_in: int = 0
    tokens_out: int = 0
    attempts: int = 1


@dataclass(frozen=True)
class EngineProfile:
    """What the pipeline may assume about an engine. Every engine states all three flags."""

    uses_prompt: bool
    """The engine renders a prompt template (its ``prompt`` fingerprint is set). When False, the
    report's provenance and the cache key record no prompt, since the engine never read one."""

    self_checked: bool
    """The engine's counts and dates come from the same normalizers the checker uses, so the
    pipeline skips the checker step for its reports (re-checking could not disagree)."""

    revises_summary: bool
    """The engine can rewrite its summary on request (it implements :class:`SummaryReviser`);
    the neutrality step then re-asks once when the summary holds loaded words, before cleaning."""

    languages: tuple[str, ...] | None = None
    """The article languages the engine reads (codes as :func:`~summarizer.article.guess_language`
    gives them), or None for any. For an article in another language a "no incident" becomes
    ``is_incident: null`` with an ``unsupported_language`` warning."""

    cpu_bound: bool = False
    """The engine computes in this process (no model server to wait on), so many-article runs
    spread it over worker processes, one per core, instead of threads that share one core. Such
    an engine must be creatable by name in a fresh process (a built-in or an entry point)."""


@runtime_checkable
class Engine(Protocol):
    """An engine turns an extraction request into a draft with verbatim quotes."""

    name: str
    model: str
    server: str | None

    @property
    def profile(self) -> EngineProfile:
        """What the pipeline may assume about this engine."""
        ...

    @property
    def prompt(self) -> PromptFingerprint | None:
        """The template the engine renders (name, version, hash), or None if it reads no prompt."""
        ...

    def extract(self, request: ExtractionRequest) -> EngineResult: ...


@runtime_checkable
class SummaryReviser(Engine, Protocol):
    """An engine whose profile says ``revises_summary``: it rewrites a summary without the listed
    loaded words, keeping every fact."""

    def revise_summary(
        self, request: ExtractionRequest, summary: str, problems: list[str]
    ) -> RevisedSummary: ...


class AsyncSession(Protocol):
    """One run's async model calls, bound to the running event loop (see :class:`AsyncCapable`)."""

    async def extract(self, request: ExtractionRequest) -> EngineResult: ...

    async def revise_summary(
        self, request: ExtractionRequest, summary: str, problems: list[str]
    ) -> RevisedSummary: ...

    async def aclose(self) -> None: ...


@runtime_checkable
class AsyncCapable(Engine, Protocol):
    """An engine that can also call its model with async I/O: many calls in flight on one
    thread, under a shared :class:`~summarizer.ratelimit.RateLimiter`. The many-article runners
    use it for engines that wait on a server; the results are the same as :meth:`Engine.extract`'s."""

    def open_async(self, limiter: RateLimiter) -> AsyncSession | None:
        """A session for the running event loop (close it with ``aclose``), or None when this
        engine instance must stay synchronous (e.g. a recording is written or replayed)."""
        ...


@runtime_checkable
class BatchService(Protocol):
    """A provider's asynchronous batch endpoint (the OpenAI Batch API): upload a JSONL file of
    requests, create a batch over it, read its state, download its output and error files.
    Batches are plain dicts shaped as the OpenAI API returns them."""

    def upload(self, content: bytes, filename: str) -> str:
        """Upload a requests file (purpose ``batch``); return its file id."""
        ...

    def create(self, input_file_id: str, metadata: dict[str, str]) -> dict[str, Any]: ...

    def retrieve(self, batch_id: str) -> dict[str, Any]: ...

    def content(self, file_id: str) -> bytes: ...

    def cancel(self, batch_id: str) -> dict[str, Any]: ...


@runtime_checkable
class BatchCapable(Engine, Protocol):
    """An engine that can send its extraction call through a :class:`BatchService` instead of
    synchronously: the same request body, and a way back from the response body to a draft."""

    endpoint: str
    """The API path every request line targets, e.g. ``/v1/chat/completions``."""

    def batch_body(self, request: ExtractionRequest) -> dict[str, Any]:
        """The exact body the synchronous call sends first (same prompt, same tool schema)."""
        ...

    def parse_batch_body(self, request: ExtractionRequest, body: dict[str, Any]) -> EngineResult:
        """A response body -> the engine result (raises ModelOutputError when it does not validate)."""
        ...

    def batch_service(self) -> BatchService: ...
