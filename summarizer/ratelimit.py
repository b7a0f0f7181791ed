"""Client-side rate limits for the async LLM path: requests and tokens per minute, and the
server's own word (``x-ratelimit-*`` headers, ``Retry-After`` on a 429).

One :class:`RateLimiter` is shared by every call of a run. Before each HTTP request the client
awaits :meth:`RateLimiter.acquire` with the request's token estimate; after each response it
passes the headers to :meth:`RateLimiter.observe`; a 429's ``Retry-After`` becomes a
:meth:`RateLimiter.pause` that holds back every call, not only the one that was refused.

Each budget is a token bucket refilled continuously at its per-minute rate and holding at most
one second's worth (``rate / 60``, at least one request): so in any window of ``w`` seconds at most
``capacity + rate * w / 60`` requests start, and a burst never spends a whole minute's budget at
once (providers count per minute but refuse bursts well before). A request larger than the token
bucket is let through when the bucket is full and leaves it in debt, so it never waits forever.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import re
import time
from collections.abc import Awaitable, Callable, Mapping, MutableSequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from .errors import ConfigError

CHARS_PER_TOKEN = 4
"""A cheap prompt-token estimate (characters / 4, the usual rule for English): the limiter needs
an estimate before the request is sent, and tokenizing every prompt would cost more CPU than the
call. Providers count a request's ``max_tokens`` against the token budget too."""


@dataclass(frozen=True)
class RateLimits:
    """What a run may send: requests and tokens per minute (None: no client-side limit; the
    server's headers are honoured either way)."""

    rpm: float | None = None
    tpm: float | None = None

    def __post_init__(self) -> None:
        for name, value, variable in (
            ("requests per minute", self.rpm, "SUMMARIZER_RATE_LIMIT_RPM"),
            ("tokens per minute", self.tpm, "SUMMARIZER_RATE_LIMIT_TPM"),
        ):
            if value is not None and not (value > 0 and math.isfinite(value)):
                raise ConfigError(f"{variable}={value!r}: {name} must be a positive number", variable)


_DURATION = re.compile(r"(\d+(?:\.\d+)?)(ms|h|m|s)")


def parse_reset(value: str | None) -> float | None:
    """Seconds from an ``x-ratelimit-reset-*`` value (``"1s"``, ``"6m0s"``, ``"20ms"``,
    ``"1h2m3.5s"``, or a bare number of seconds); None when unusable."""
    if not value:
        return None
    text = value.strip().lower()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    total, pos = 0.0, 0
    for match in _DURATION.finditer(text):
        if match.start() != pos:
            return None
        number, unit = float(match.group(1)), match.group(2)
        total += number * {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}[unit]
        pos = match.end()
    return total if pos == len(text) and pos > 0 else None


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(float(value))
    except ValueError:
        return None


# the limiter's state: one float per cell, in a list (one process) or in shared memory (a run's
# worker processes: :meth:`RateLimiter.shared`), so that every process spends the same budgets
_REQ_LEVEL, _REQ_STAMP, _TOK_LEVEL, _TOK_STAMP, _PAUSED_UNTIL, _SERVER_LEFT, _SERVER_RESET_AT = range(7)
_WAITED, _PAUSES, _IN_FLIGHT = 7, 8, 9
_CELLS = 10
_UNKNOWN = float("nan")  # the server's budget is not known (no headers yet, or its window has reset)


class RateLimiter:
    """Shared by every call of a run: on one event loop, or, made with :meth:`shared`, by the
    event loops of a run's worker processes (the budgets, pauses and the server's word live in
    shared memory; every decision is taken under one lock). ``clock`` and ``sleep`` are
    injectable; the clock must be one every process reads alike (``time.monotonic`` is)."""

    def __init__(
        self,
        limits: RateLimits | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        cells: MutableSequence[float] | None = None,
        guard: AbstractContextManager[Any] | None = None,
    ) -> None:
        self.limits = limits or RateLimits()
        self._clock = clock
        self._sleep = sleep
        self._rpm = self.limits.rpm
        self._tpm = self.limits.tpm
        # each budget is a bucket refilled at its per-minute rate, holding one second's worth
        self._req_capacity = max(1.0, self._rpm / 60.0) if self._rpm else 0.0
        self._tok_capacity = max(1.0, self._tpm / 60.0) if self._tpm else 0.0
        if cells is None:
            cells = [0.0] * _CELLS
            now = clock()
            cells[_REQ_LEVEL], cells[_REQ_STAMP] = self._req_capacity, now
            cells[_TOK_LEVEL], cells[_TOK_STAMP] = self._tok_capacity, now
            cells[_SERVER_LEFT] = _UNKNOWN
        self._cells = cells
        self._guard: AbstractContextManager[Any] = guard or contextlib.nullcontext()
        self._lock: asyncio.Lock | None = None  # this event loop's callers, first come first served

    @classmethod
    def shared(cls, limits: RateLimits | None = None, *, context: Any = None) -> RateLimiter:
        """A limiter whose state lives in shared memory: pass it to worker processes (as an
        argument of the process, fork or spawn) and they all draw on the same budgets. ``context``:
        the ``multiprocessing`` context the processes are started with."""
        import multiprocessing

        ctx = context or multiprocessing.get_context()
        local = cls(limits)
        cells = ctx.RawArray("d", list(local._cells))
        return cls(limits, cells=cells, guard=ctx.Lock())

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_lock"] = None  # an event loop's lock stays with that loop
        return state

    # the state ------------------------------------------------------------------------------------
    @property
    def waited(self) -> float:
        """Seconds spent waiting, summed over calls (and processes: for reports and tests)."""
        return self._cells[_WAITED]

    @property
    def pauses(self) -> int:
        """Pauses ordered by the server (429 Retry-After, a spent budget)."""
        return int(self._cells[_PAUSES])

    @property
    def active(self) -> bool:
        """Whether a call may ever have to wait (a client-side limit, or a server pause)."""
        cells = self._cells
        return bool(self._rpm or self._tpm or cells[_PAUSED_UNTIL] > 0 or not math.isnan(cells[_SERVER_LEFT]))

    def _delay(self, now: float, tokens: float) -> float:
        """Seconds until one request of ``tokens`` may start; when none, the request is counted.
        Called under the guard."""
        cells = self._cells
        delay = cells[_PAUSED_UNTIL] - now
        if self._rpm:
            delay = max(delay, self._bucket_wait(_REQ_LEVEL, self._req_capacity, self._rpm, now, 1.0))
        if self._tpm:
            delay = max(delay, self._bucket_wait(_TOK_LEVEL, self._tok_capacity, self._tpm, now, tokens))
        left = cells[_SERVER_LEFT]
        if not math.isnan(left):
            if now >= cells[_SERVER_RESET_AT]:  # the server's window has reset
                cells[_SERVER_LEFT] = left = _UNKNOWN
            elif left < 1:  # spent by requests started since the headers
                delay = max(delay, cells[_SERVER_RESET_AT] - now)
        if delay > 0:
            return delay
        if self._rpm:
            cells[_REQ_LEVEL] -= 1.0
        if self._tpm:
            cells[_TOK_LEVEL] -= tokens
        if not math.isnan(left):
            cells[_SERVER_LEFT] = left - 1.0
        return 0.0

    def _bucket_wait(
        self, level: int, capacity: float, per_minute: float, now: float, amount: float
    ) -> float:
        """Refill the bucket whose level is in cell ``level`` (its stamp in the next) up to ``now``;
        seconds until ``amount`` (capped at the capacity) is in it."""
        cells, rate = self._cells, per_minute / 60.0
        cells[level] = min(capacity, cells[level] + (now - cells[level + 1]) * rate)
        cells[level + 1] = now
        need = min(amount, capacity) - cells[level]
        return 0.0 if need <= 0 else need / rate

    @property
    def in_flight(self) -> int:
        """Requests sent and not yet answered, by every process drawing on this limiter."""
        return int(self._cells[_IN_FLIGHT])

    def sent(self) -> None:
        """One request is on the wire (after :meth:`acquire`): the server counts it already."""
        with self._guard:
            self._cells[_IN_FLIGHT] += 1

    def answered(self) -> None:
        """One request sent is answered (or failed in transport)."""
        with self._guard:
            self._cells[_IN_FLIGHT] = max(0.0, self._cells[_IN_FLIGHT] - 1)

    # the calls ------------------------------------------------------------------------------------
    async def acquire(self, tokens: int = 0) -> None:
        """Wait until one request of ``tokens`` estimated tokens may start, then count it."""
        if not self.active:
            return
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:  # first come, first served: a large request is not starved
            while True:
                with self._guard:
                    delay = self._delay(self._clock(), float(tokens))
                    if delay > 0:
                        self._cells[_WAITED] += delay
                if delay <= 0:
                    break
                await self._sleep(delay)

    def pause(self, seconds: float) -> None:
        """Nobody starts a request for ``seconds`` (a 429's ``Retry-After``)."""
        if seconds > 0:
            with self._guard:
                self._pause(seconds)

    def _pause(self, seconds: float) -> None:
        cells = self._cells
        cells[_PAUSES] += 1
        cells[_PAUSED_UNTIL] = max(cells[_PAUSED_UNTIL], self._clock() + seconds)

    def observe(self, headers: Mapping[str, str], next_tokens: int = 0, in_flight: int | None = None) -> None:
        """Honour the server's ``x-ratelimit-*`` headers. ``in_flight`` requests were sent and
        not yet answered (the server counts them too; None: those counted by :meth:`sent` and
        :meth:`answered`, in every process). The remaining request budget less those is
        what later requests may spend until the window resets (:meth:`acquire` counts each start
        against it and waits for the reset when it is spent); when it cannot cover one more, or
        the remaining tokens cannot cover them and one more request of ``next_tokens``, every
        call waits until the budget resets (at most a minute: the budgets are per minute)."""
        remaining = _int(headers.get("x-ratelimit-remaining-requests"))
        left = _int(headers.get("x-ratelimit-remaining-tokens"))
        if remaining is None and left is None:  # a server that reports no budget: nothing to do
            return
        with self._guard:
            cells = self._cells
            if in_flight is None:
                in_flight = int(cells[_IN_FLIGHT])
            if remaining is not None:
                reset = parse_reset(headers.get("x-ratelimit-reset-requests"))
                wait = min(MAX_RESET, 1.0 if reset is None else reset)
                if remaining <= in_flight:
                    self._pause(wait)
                else:  # what is left for requests not yet started: each start spends one (acquire)
                    now = self._clock()
                    budget = float(remaining - in_flight)
                    if not math.isnan(cells[_SERVER_LEFT]) and now < cells[_SERVER_RESET_AT]:
                        budget = min(
                            budget, cells[_SERVER_LEFT]
                        )  # an older answer arriving late says no more
                    else:
                        cells[_SERVER_RESET_AT] = now + wait
                    cells[_SERVER_LEFT] = budget
            if left is not None and left < max(1, next_tokens) * (in_flight + 1):
                reset = parse_reset(headers.get("x-ratelimit-reset-tokens"))
                self._pause(min(MAX_RESET, 1.0 if reset is None else reset))


MAX_RESET = 60.0
"""The longest pause a reset header can order (providers' budgets are per minute)."""


def estimate_tokens(body_bytes: int, max_tokens: int) -> int:
    """A request's token estimate from its JSON body size and ``max_tokens`` (see
    :data:`CHARS_PER_TOKEN`)."""
    return body_bytes // CHARS_PER_TOKEN + max(0, max_tokens)
