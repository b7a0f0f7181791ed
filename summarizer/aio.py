"""The async LLM path of the many-article runners (``batch``, ``eval``, ``summarize_many``).

An engine that waits on a model server (and says so: :class:`~summarizer.engines.base.AsyncCapable`)
is driven from one event loop: ``2 x concurrency`` workers pull articles from one shared
iterator (no task object per article, so ten million inputs cost no more memory than ten), every
model call takes one of ``concurrency`` call slots (:class:`CallSlots`) and awaits the run's
shared :class:`~summarizer.ratelimit.RateLimiter`, and each finished article is handed to
``sink`` on the loop's thread (the caller's thread), which writes it.

``concurrency`` bounds the model calls in flight (what a provider's limits count), not the
articles: twice as many articles are in progress, so that while one article's CPU work runs
(grounding, neutrality, checker, cross-check, cache: the same steps as the sync path, so the
same reports) the next article's call is already on the wire. That CPU work runs in one helper
thread (the loop's default executor), off the loop: the loop keeps sending and reading while it
runs. At concurrency 1 this takes the article's own work out of the time between two calls.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import Awaitable, Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from .ratelimit import RateLimiter, RateLimits

if TYPE_CHECKING:
    from .engines.base import AsyncSession, EngineResult, ExtractionRequest, RevisedSummary

T = TypeVar("T")
R = TypeVar("R")


class Summarizer(Protocol):
    """What this module needs of :class:`summarizer.pipeline.Summarizer` (no import: no cycle)."""

    settings: Any

    def open_async(self, limiter: RateLimiter) -> AsyncSession | None: ...


def limits_of(summarizer: Summarizer) -> RateLimits:
    """The run's client-side rate limits from the summarizer's settings."""
    settings = summarizer.settings
    return RateLimits(rpm=settings.rate_limit_rpm, tpm=settings.rate_limit_tpm)


def loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def run_async(
    summarizer: Summarizer,
    work: Iterable[T],
    concurrency: int,
    call: Callable[[AsyncSession, T], Awaitable[R]],
    sink: Callable[[R], None],
    *,
    limiter: RateLimiter | None = None,
) -> bool:
    """Run ``call(session, x)`` for every ``x`` of ``work`` with at most ``concurrency`` model calls
    in flight (``2 x concurrency`` items in progress), passing each result to ``sink`` as it finishes. ``call`` must not raise (a failure is a value).

    Returns False, having done nothing, when the async path does not apply (the engine has no
    async session, or an event loop is already running in this thread): the caller then runs
    its sync path. A Ctrl-C cancels the calls in flight and raises KeyboardInterrupt here."""
    if loop_running():
        return False

    async def main() -> bool:
        opened = summarizer.open_async(limiter or RateLimiter(limits_of(summarizer)))
        if opened is None:
            return False
        queue = iter(work)

        async def take() -> T | None:
            return next(queue, None)

        await drive(opened, take, concurrency, call, sink)
        return True

    with frozen_heap():
        return asyncio.run(main())


async def drive(
    opened: AsyncSession,
    take: Callable[[], Awaitable[T | None]],
    concurrency: int,
    call: Callable[[AsyncSession, T], Awaitable[R]],
    sink: Callable[[R], None],
) -> None:
    """The loop of :func:`run_async` (and of each worker process of
    :mod:`summarizer.aio_workers`): ``2 x concurrency`` workers await ``take()`` for the next item
    (None: no more) until it runs dry, each call through ``concurrency`` call slots of ``opened``,
    each result to ``sink``; the session is closed at the end."""
    session = CallSlots(opened, concurrency)
    # the articles' CPU work (Summarizer.asummarize_in sends it here): one thread beside the loop
    asyncio.get_running_loop().set_default_executor(
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="summarizer-cpu")
    )

    async def worker() -> None:
        while (x := await take()) is not None:  # shared: each item is taken by exactly one worker
            sink(await call(session, x))

    try:
        async with asyncio.TaskGroup() as group:
            for _ in range(2 * max(1, concurrency)):  # articles in progress; calls: CallSlots
                group.create_task(worker())
    finally:
        await session.aclose()


@contextlib.contextmanager
def frozen_heap() -> Iterator[None]:
    """The objects alive when a run starts (modules, the gazetteer, the caller's data: some
    300,000 for an LLM run) are left out of the garbage collector's full collections for the
    run's length (``gc.freeze``) and handed back to it after (``gc.unfreeze``). Every model call
    allocates enough to trigger a full collection every few hundred articles, each walking that
    whole heap for nothing: about a tenth of the client's CPU per article at concurrency 32.
    Nothing is done when the collector is off or the caller froze objects itself."""
    if not gc.isenabled() or gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


class CallSlots:
    """A session with at most ``slots`` model calls in flight (re-asks and retries included).

    A session that can take a slot for each of its HTTP requests (``hold_slots(gate)``, as
    :class:`summarizer.engines.llm.AsyncSession` does) holds one only while a request is on the
    wire: the next call is built while it waits, the answer is parsed after the slot is given
    back and a retry's wait holds none, so a waiting call goes out as soon as an answer is read
    (at concurrency 8 the parse and the next request's building were some 0.5-1 ms of every
    slot's turn). Any other session holds a slot for each ``extract`` and ``revise_summary``,
    from start to end."""

    def __init__(self, session: AsyncSession, slots: int) -> None:
        self.session = session
        gate = asyncio.Semaphore(max(1, slots))
        hold = getattr(session, "hold_slots", None)
        self._gate: asyncio.Semaphore | None = gate
        if callable(hold):
            hold(gate)
            self._gate = None  # the session takes the slots itself, per request

    async def extract(self, request: ExtractionRequest) -> EngineResult:
        if self._gate is None:
            return await self.session.extract(request)
        async with self._gate:
            return await self.session.extract(request)

    async def revise_summary(
        self, request: ExtractionRequest, summary: str, problems: list[str]
    ) -> RevisedSummary:
        if self._gate is None:
            return await self.session.revise_summary(request, summary, problems)
        async with self._gate:
            return await self.session.revise_summary(request, summary, problems)

    async def aclose(self) -> None:
        await self.session.aclose()
