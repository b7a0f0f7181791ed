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
import math
import re
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass

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


class _Bucket:
    def __init__(self, per_minute: float, floor: float) -> None:
        self.rate = per_minute / 60.0  # units per second
        self.capacity = max(floor, self.rate)
        self.level = self.capacity
        self.stamp = time.monotonic()

    def refill(self, now: float) -> None:
        self.level = min(self.capacity, self.level + (now - self.stamp) * self.rate)
        self.stamp = now

    def wait_for(self, amount: float) -> float:
        """Seconds until ``amount`` (capped at the capacity) is available."""
        need = min(amount, self.capacity) - self.level
        return 0.0 if need <= 0 else need / self.rate


class RateLimiter:
    """Shared by every call of a run, on one event loop. ``clock`` and ``sleep`` are injectable."""

    def __init__(
        self,
        limits: RateLimits | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.limits = limits or RateLimits()
        self._clock = clock
        self._sleep = sleep
        self._requests = _Bucket(self.limits.rpm, 1.0) if self.limits.rpm else None
        self._tokens = _Bucket(self.limits.tpm, 1.0) if self.limits.tpm else None
        for bucket in (self._requests, self._tokens):
            if bucket is not None:
                bucket.stamp = clock()
        self._paused_until = 0.0
        # the server's request budget as its last x-ratelimit-* headers gave it, less the requests
        # started since (None: unknown, or its window has reset)
        self._server_left: float | None = None
        self._server_reset_at = 0.0
        self._lock: asyncio.Lock | None = None
        self.waited = 0.0  # seconds spent waiting, summed over calls (for reports and tests)
        self.pauses = 0  # pauses ordered by the server (429 Retry-After, a spent budget)

    @property
    def active(self) -> bool:
        """Whether a call may ever have to wait (a client-side limit, or a server pause)."""
        return (
            self._requests is not None
            or self._tokens is not None
            or self._paused_until > 0
            or self._server_left is not None
        )

    async def acquire(self, tokens: int = 0) -> None:
        """Wait until one request of ``tokens`` estimated tokens may start, then count it."""
        if not self.active:
            return
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:  # first come, first served: a large request is not starved
            while True:
                now = self._clock()
                delay = self._paused_until - now
                for bucket, amount in ((self._requests, 1.0), (self._tokens, float(tokens))):
                    if bucket is not None:
                        bucket.refill(now)
                        delay = max(delay, bucket.wait_for(amount))
                if self._server_left is not None:
                    if now >= self._server_reset_at:  # the server's window has reset
                        self._server_left = None
                    elif self._server_left < 1:  # spent by requests started since the headers
                        delay = max(delay, self._server_reset_at - now)
                if delay <= 0:
                    break
                self.waited += delay
                await self._sleep(delay)
            if self._requests is not None:
                self._requests.level -= 1.0
            if self._tokens is not None:
                self._tokens.level -= float(tokens)
            if self._server_left is not None:
                self._server_left -= 1.0

    def pause(self, seconds: float) -> None:
        """Nobody starts a request for ``seconds`` (a 429's ``Retry-After``)."""
        if seconds > 0:
            self.pauses += 1
            self._paused_until = max(self._paused_until, self._clock() + seconds)

    def observe(self, headers: Mapping[str, str], next_tokens: int = 0, in_flight: int = 0) -> None:
        """Honour the server's ``x-ratelimit-*`` headers. ``in_flight`` requests were sent and
        not yet answered (the server counts them too). The remaining request budget less those is
        what later requests may spend until the window resets (:meth:`acquire` counts each start
        against it and waits for the reset when it is spent); when it cannot cover one more, or
        the remaining tokens cannot cover them and one more request of ``next_tokens``, every
        call waits until the budget resets (at most a minute: the budgets are per minute)."""
        remaining = _int(headers.get("x-ratelimit-remaining-requests"))
        if remaining is not None:
            reset = parse_reset(headers.get("x-ratelimit-reset-requests"))
            wait = min(MAX_RESET, 1.0 if reset is None else reset)
            if remaining <= in_flight:
                self.pause(wait)
            else:  # what is left for requests not yet started: each start spends one (acquire)
                now = self._clock()
                budget = float(remaining - in_flight)
                if self._server_left is not None and now < self._server_reset_at:
                    budget = min(budget, self._server_left)  # an older answer arriving late says no more
                else:
                    self._server_reset_at = now + wait
                self._server_left = budget
        left = _int(headers.get("x-ratelimit-remaining-tokens"))
        if left is not None and left < max(1, next_tokens) * (in_flight + 1):
            reset = parse_reset(headers.get("x-ratelimit-reset-tokens"))
            self.pause(min(MAX_RESET, 1.0 if reset is None else reset))


MAX_RESET = 60.0
"""The longest pause a reset header can order (providers' budgets are per minute)."""


def estimate_tokens(body_bytes: int, max_tokens: int) -> int:
    """A request's token estimate from its JSON body size and ``max_tokens`` (see
    :data:`CHARS_PER_TOKEN`)."""
    return body_bytes // CHARS_PER_TOKEN + max(0, max_tokens)
