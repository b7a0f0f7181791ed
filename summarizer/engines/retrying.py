"""Retry policy for model calls (tenacity): backoff with jitter, Retry-After honoured and capped,
bounded attempts and total time. Engines supply the classifier that says what is retryable.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    stop_after_delay,
)

T = TypeVar("T")

RETRYABLE_STATUS = frozenset({408, 409, 429, 500, 502, 503, 504}) | frozenset(range(520, 530))


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4
    max_seconds: float = 120.0
    initial_wait: float = 0.5
    max_wait: float = 20.0
    retry_after_cap: float = 30.0


@dataclass(frozen=True)
class Verdict:
    retry: bool
    retry_after: float | None = None


def is_retryable_status(status: int) -> bool:
    return status in RETRYABLE_STATUS or 500 <= status < 600


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` (or ``retry-after-ms``) header value; None if unusable."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _wait_seconds(
    policy: RetryPolicy, classify: Callable[[BaseException], Verdict], exc: BaseException | None, attempt: int
) -> float:
    """The wait after failed attempt number ``attempt``: the server's Retry-After (capped), else
    exponential backoff with jitter."""
    if exc is not None:
        verdict = classify(exc)
        if verdict.retry_after is not None:
            return min(verdict.retry_after, policy.retry_after_cap)
    exponential: float = policy.initial_wait * 2.0 ** (attempt - 1)
    return min(policy.max_wait, exponential) + random.uniform(0, policy.initial_wait)


def _waiter(
    policy: RetryPolicy, classify: Callable[[BaseException], Verdict]
) -> Callable[[RetryCallState], float]:
    def wait(state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        return _wait_seconds(policy, classify, exc, state.attempt_number)

    return wait


def call_with_retries(
    fn: Callable[[], T], policy: RetryPolicy, classify: Callable[[BaseException], Verdict]
) -> tuple[T, int]:
    """Run ``fn`` under the policy; return (result, attempts). The last error is re-raised."""
    retrying = Retrying(
        stop=stop_after_attempt(policy.attempts) | stop_after_delay(policy.max_seconds),
        wait=_waiter(policy, classify),
        retry=retry_if_exception(lambda e: classify(e).retry),
        reraise=True,
    )
    attempts = 0
    for attempt in retrying:
        with attempt:
            attempts = attempt.retry_state.attempt_number
            result = fn()
    return result, attempts


async def acall_with_retries(
    fn: Callable[[], Awaitable[T]], policy: RetryPolicy, classify: Callable[[BaseException], Verdict]
) -> tuple[T, int]:
    """:func:`call_with_retries` for a coroutine function (tenacity's ``AsyncRetrying``: the waits
    are ``asyncio.sleep``, so other calls go on meanwhile)."""
    retrying = AsyncRetrying(
        stop=stop_after_attempt(policy.attempts) | stop_after_delay(policy.max_seconds),
        wait=_waiter(policy, classify),
        retry=retry_if_exception(lambda e: classify(e).retry),
        reraise=True,
    )
    attempts = 0
    async for attempt in retrying:
        with attempt:
            attempts = attempt.retry_state.attempt_number
            result = await fn()
    return result, attempts


class DemoteRetryLogs(logging.Filter):
    """Instructor logs every failed attempt at ERROR, also when a later attempt succeeds. Our own
    retry loop decides what failed (a final failure becomes a :class:`SummarizerError` and an error
    row), so those records are re-labelled DEBUG and shown only when debug logging is on."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.DEBUG:
            record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return logging.getLogger(record.name).isEnabledFor(logging.DEBUG)


RETRY_LOGGERS = ("instructor.v2.retry", "instructor.retry", "instructor.core.retry")


def demote_retry_logs() -> None:
    """Install :class:`DemoteRetryLogs` on instructor's retry loggers (idempotent)."""
    for name in RETRY_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, DemoteRetryLogs) for f in logger.filters):
            logger.addFilter(DemoteRetryLogs())
