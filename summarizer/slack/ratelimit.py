"""A per-user sliding-window rate limit (thread-safe, in memory)."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable


class RateLimiter:
    """At most ``limit`` accepted hits per key within ``window`` seconds."""

    def __init__(self, limit: int, window: float, clock: Callable[[], float] = time.monotonic) -> None:
        if limit < 1 or window <= 0:
            raise ValueError("limit must be >= 1 and window > 0")
        self.limit = limit
        self.window = window
        self.clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()
        self._calls = 0

    def hit(self, key: str) -> float:
        """Record a hit and return 0.0, or return the seconds to wait (the hit is not recorded)."""
        now = self.clock()
        with self._lock:
            self._calls += 1
            if self._calls % 256 == 0:
                self._forget_idle(now)
            times = self._hits.setdefault(key, deque())
            while times and now - times[0] >= self.window:
                times.popleft()
            if len(times) >= self.limit:
                return max(self.window - (now - times[0]), 0.001)
            times.append(now)
            return 0.0

    def _forget_idle(self, now: float) -> None:
        idle = [k for k, t in self._hits.items() if not t or now - t[-1] >= self.window]
        for k in idle:
            del self._hits[k]
