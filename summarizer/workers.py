"""Worker processes for engines that compute rather than wait (``EngineProfile.cpu_bound``).

Threads share one core under the GIL, so the offline engine gains nothing from them. A
:class:`WorkerPool` starts one process per core (``spawn``: no state is copied from the parent),
builds the summarizer once in each from a picklable factory, and hands out one job at a time per
worker. A worker that dies mid-job (killed, out of memory, a crash in native code) costs exactly
that job: the pool reports a :class:`WorkerCrash` for it and starts a new worker.

This module knows nothing of summarizers: the factory and the task are plain picklable callables
(module-level functions or :func:`functools.partial` of them) given by the caller.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

from .errors import SummarizerError

log = logging.getLogger(__name__)

S = TypeVar("S")  # what the factory builds in each worker (a Summarizer)
P = TypeVar("P")  # a job's payload
R = TypeVar("R")  # a job's result
K = TypeVar("K", bound=Hashable)

MIN_JOBS_FOR_PROCESSES = 24
"""Below this many jobs, starting processes (about a second each on a busy machine) costs more
than it saves: callers run in-process instead."""


def cpu_count() -> int:
    """The cores this process may run on (the affinity mask where the OS has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def start_method() -> str:
    """``fork`` on Linux, else ``spawn``, unless ``SUMMARIZER_START_METHOD`` names one."""
    chosen = os.environ.get("SUMMARIZER_START_METHOD", "").strip().lower()
    available = multiprocessing.get_all_start_methods()
    if chosen:
        if chosen not in available:
            raise WorkerStartError(
                f"SUMMARIZER_START_METHOD={chosen!r}: choose one of {', '.join(available)}"
            )
        return chosen
    return "fork" if sys.platform.startswith("linux") and "fork" in available else "spawn"


class WorkerStartError(SummarizerError):
    """A worker process could not build its summarizer (the message says why)."""


@dataclass(frozen=True)
class WorkerCrash:
    """The worker process died while running this job."""

    exitcode: int | None

    def describe(self) -> str:
        code = self.exitcode
        if code is not None and code < 0:
            with contextlib.suppress(ValueError):
                return f"the worker process was killed by {signal.Signals(-code).name} while on this article"
        return f"the worker process died (exit code {code}) while on this article"


def _worker_main(conn: Connection, factory: Callable[[], Any], task: Callable[[Any, Any], Any]) -> None:
    """A worker's life: build once, then answer ``(key, payload)`` jobs until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    # a forked worker shares the parent's heap (gazetteer, rules tables) copy-on-write; keep the
    # cyclic GC from walking (and so copying) it: those objects live as long as the process anyway
    gc.freeze()
    try:
        state = factory()
    except BaseException as exc:  # reported to the parent, which raises it
        conn.send(("init_error", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if message is None:
            return
        key, payload = message
        try:
            result = task(state, payload)
            conn.send((key, True, result))
        except BaseException as exc:  # the task's own failure, sent as text
            with contextlib.suppress(Exception):
                conn.send((key, False, f"{type(exc).__name__}: {exc}"))


class _Worker:
    def __init__(self, ctx: Any, factory: Callable[[], Any], task: Callable[[Any, Any], Any]) -> None:
        parent, child = ctx.Pipe(duplex=True)
        self.conn: Connection = parent
        self.process = ctx.Process(target=_worker_main, args=(child, factory, task), daemon=True)
        self.process.start()
        child.close()
        self.ready = False
        self.job: tuple[Any, Any] | None = None

    def stop(self, timeout: float = 2.0) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.conn.send(None)
        self.process.join(timeout)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout)
        with contextlib.suppress(OSError):
            self.conn.close()


class WorkerPool(Generic[S, P, R]):
    """``workers`` processes, each running ``task(factory(), payload)`` for one job at a time."""

    def __init__(self, factory: Callable[[], S], task: Callable[[S, P], R], workers: int) -> None:
        self.factory = factory
        self.task = task
        self.size = max(1, workers)
        self.crashes = 0
        self.start_deaths = 0  # processes that died before they were ready (see _may_restart)
        self._ctx = multiprocessing.get_context(start_method())
        self._workers: list[_Worker] = []

    def __enter__(self) -> WorkerPool[S, P, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for worker in self._workers:
            worker.stop()
        self._workers = []

    def _may_restart(self) -> bool:
        """May a process that died while starting be replaced? Only while another process of the
        pool has started (so starting works: the death came from outside, an OOM kill, a signal)
        and at most once per process of the pool; otherwise the start itself fails."""
        self.start_deaths += 1
        return self.start_deaths <= self.size and any(w.ready for w in self._workers)

    def _start(self) -> _Worker:
        worker = _Worker(self._ctx, self.factory, self.task)
        self._workers.append(worker)
        return worker

    def imap_unordered(self, jobs: Iterable[tuple[K, P]]) -> Iterator[tuple[K, R | WorkerCrash | str]]:
        """Run every job; yield ``(key, result)`` as jobs finish. ``result`` is the task's return
        value, a :class:`WorkerCrash` when the worker died on that job, or a ``str`` describing an
        exception the task let escape (tasks should return their errors as values instead)."""
        queue = iter(jobs)
        exhausted = False
        while len(self._workers) < self.size:
            self._start()
        while True:
            for worker in self._workers:  # hand a job to each idle, ready worker
                if worker.ready and worker.job is None and not exhausted:
                    nxt = next(queue, None)
                    if nxt is None:
                        exhausted = True
                        break
                    worker.job = nxt
                    with contextlib.suppress(OSError, ValueError):  # died: the sentinel below says so
                        worker.conn.send(nxt)
            busy = [w for w in self._workers if w.job is not None or not w.ready]
            if not busy:
                return
            if exhausted and all(w.job is None for w in busy):  # only workers still starting
                return
            waitables: list[Any] = [w.conn for w in busy] + [w.process.sentinel for w in busy]
            ready = set(wait(waitables))
            for worker in list(busy):
                message = None
                if worker.conn in ready or worker.process.sentinel in ready:
                    try:
                        message = worker.conn.recv() if worker.conn.poll() else None
                    except (EOFError, OSError):
                        message = None
                if message is not None:
                    if message[0] == "ready" and len(message) == 2:
                        worker.ready = True
                        continue
                    if message[0] == "init_error" and len(message) == 2:
                        self.close()
                        raise WorkerStartError(f"a worker process could not start: {message[1]}")
                    key, ok, value = message
                    worker.job = None
                    yield key, (value if ok else str(value))
                    continue
                if worker.process.sentinel in ready and not worker.process.is_alive():
                    worker.process.join()
                    code = worker.process.exitcode
                    self._workers.remove(worker)
                    with contextlib.suppress(OSError):
                        worker.conn.close()
                    job = worker.job
                    if job is None:  # holding no article: cannot be an article's fault
                        if not worker.ready and not self._may_restart():
                            self.close()
                            raise WorkerStartError(f"a worker process died while starting (exit code {code})")
                        log.warning(
                            "worker process %s died holding no article (exit code %s); starting another",
                            worker.process.pid,
                            code,
                        )
                        self._start()
                        continue
                    self.crashes += 1
                    log.warning(
                        "worker process %s died (exit code %s); starting another", worker.process.pid, code
                    )
                    self._start()
                    yield job[0], WorkerCrash(code)
