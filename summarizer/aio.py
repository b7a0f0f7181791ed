"""The async LLM path of the many-article runners (``batch``, ``eval``, ``summarize_many``).

An engine that waits on a model server (and says so: :class:`~summarizer.engines.base.AsyncCapable`)
is driven from one event loop: ``concurrency`` workers pull articles from one shared iterator (a
semaphore by another name: at most ``concurrency`` articles in flight, and no task object per
article, so ten million inputs cost no more memory than ten), every model call awaits the run's
shared :class:`~summarizer.ratelimit.RateLimiter`, and each finished article is handed to
``sink`` on the loop's thread (the caller's thread), which writes it. The CPU work of an article
(grounding, neutrality, checker, cross-check, cache) runs on the loop between awaits, exactly as
the sync path runs it, so the reports are the same.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from .ratelimit import RateLimiter, RateLimits

if TYPE_CHECKING:
    from .engines.base import AsyncSession

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
    """Run ``call(session, x)`` for every ``x`` of ``work`` with at most ``concurrency`` in flight,
    passing each result to ``sink`` as it finishes. ``call`` must not raise (a failure is a value).

    Returns False, having done nothing, when the async path does not apply (the engine has no
    async session, or an event loop is already running in this thread): the caller then runs
    its sync path. A Ctrl-C cancels the calls in flight and raises KeyboardInterrupt here."""
    if loop_running():
        return False

    async def main() -> bool:
        session = summarizer.open_async(limiter or RateLimiter(limits_of(summarizer)))
        if session is None:
            return False
        queue = iter(work)

        async def worker() -> None:
            for x in queue:  # shared: each item is taken by exactly one worker
                sink(await call(session, x))

        try:
            async with asyncio.TaskGroup() as group:
                for _ in range(max(1, concurrency)):
                    group.create_task(worker())
        finally:
            await session.aclose()
        return True

    return asyncio.run(main())
