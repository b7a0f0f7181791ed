"""The async LLM path on every core: one event loop in each of N worker processes.

One event loop spends a core on the client side of the model calls (the SDK's HTTP stack, then
each article's grounding, neutrality and checker) and cannot use a second: at high concurrency
that core, not the model, is the limit. :class:`AsyncWorkerPool` starts ``workers`` processes
(the start method of :mod:`summarizer.workers`), builds the summarizer once in each from a
picklable factory, and runs :func:`summarizer.aio.drive` in each over the jobs the parent hands
it. The provider's limits still hold for the run as a whole:

- ``concurrency`` is split between the processes (their call slots sum to it), so no more
  model calls are ever in flight than one event loop would have;
- one :meth:`~summarizer.ratelimit.RateLimiter.shared` limiter (shared memory) is used by every
  process: the requests and tokens per minute, a 429's ``Retry-After`` and the server's
  ``x-ratelimit-*`` budget are spent and honoured by all of them together.

The parent only hands out jobs and collects results (it writes the rows: in completion order,
compacted to input order at the end, resumable as on one loop). Each process has at most
``3 x slots`` jobs handed to it at a time (sent in batches, and its results come back in
batches: one message per turn of its loop, not one per article); a process that dies (killed, out of memory, a crash in
native code) costs the jobs it held, which come back as :class:`~summarizer.workers.WorkerCrash`
results, and a new process takes its place.

A job is ``task(summarizer, session, payload)``, a module-level coroutine function that returns
its failures as values.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import multiprocessing
import os
import signal
import threading
from collections.abc import Awaitable, Callable, Hashable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

from .aio import drive
from .ratelimit import RateLimiter, RateLimits
from .workers import WorkerCrash, WorkerStartError, start_method

log = logging.getLogger(__name__)

S = TypeVar("S")  # the summarizer each process builds
P = TypeVar("P")  # a job's payload
R = TypeVar("R")  # a job's result
K = TypeVar("K", bound=Hashable)

Task = Callable[[Any, Any, Any], Awaitable[Any]]
"""``task(summarizer, session, payload) -> result``"""


def split_slots(concurrency: int, workers: int) -> list[int]:
    """``concurrency`` call slots shared out over at most ``workers`` processes (none gets 0):
    they sum to ``concurrency``."""
    n = max(1, min(workers, concurrency))
    base, extra = divmod(max(1, concurrency), n)
    return [base + (1 if i < extra else 0) for i in range(n)]


def _serve(
    jobs: Connection,
    results: Connection,
    factory: Callable[[], Any],
    task: Task,
    slots: int,
    limiter: RateLimiter,
) -> None:
    """A worker process: build the summarizer, then run the jobs arriving on ``jobs`` on one event
    loop (``slots`` calls in flight) until told to stop, each result sent on ``results``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    gc.freeze()  # the heap built so far (forked: the parent's) lives as long as the process
    try:
        summarizer = factory()
    except BaseException as exc:  # reported to the parent, which raises it
        results.send(("init_error", f"{type(exc).__name__}: {exc}"))
        return
    results.send(("ready", None))
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_loop(jobs, results, summarizer, task, slots, limiter))


async def _loop(
    jobs: Connection, results: Connection, summarizer: Any, task: Task, slots: int, limiter: RateLimiter
) -> None:
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[tuple[Any, Any] | None] = asyncio.Queue()

    def arrived(batch: list[tuple[Any, Any]] | None) -> None:
        for job in batch if batch is not None else [None]:
            queue.put_nowait(job)

    parent = os.getppid()

    def read() -> None:
        """A thread that always drains the job pipe: the parent never blocks on a full pipe while
        this process blocks sending it a result. When the parent is gone (killed: nobody will
        write the results), the process ends at once; a re-run redoes what it held."""
        while True:
            try:
                while not jobs.poll(0.5):
                    if os.getppid() != parent:
                        os._exit(0)
                message = jobs.recv()
            except (EOFError, OSError):
                os._exit(0)
            loop.call_soon_threadsafe(arrived, message)  # a batch of jobs, or None: no more
            if message is None:
                return

    threading.Thread(target=read, name="summarizer-jobs", daemon=True).start()

    async def take() -> tuple[Any, Any] | None:
        job = await queue.get()
        if job is None:  # the parent has no more: passed on, so every worker of the loop stops
            queue.put_nowait(None)
        return job

    async def call(session: Any, job: tuple[Any, Any]) -> tuple[Any, bool, Any]:
        key, payload = job
        try:
            return key, True, await task(summarizer, session, payload)
        except Exception as exc:  # the task's own failure, sent as text
            return key, False, f"{type(exc).__name__}: {exc}"

    finished: list[tuple[Any, bool, Any]] = []

    def send() -> None:
        batch = finished[:]
        finished.clear()
        if batch:
            results.send(("done", batch))

    def sink(message: tuple[Any, bool, Any]) -> None:
        """Results finished in one turn of the loop go to the parent as one message (one wake-up)."""
        if not finished:
            loop.call_soon(send)
        finished.append(message)

    opened = summarizer.open_async(limiter)
    if opened is None:  # cannot happen for a summarizer the parent found async-capable
        raise WorkerStartError("the engine has no async session in the worker process")
    await drive(opened, take, slots, call, sink)
    send()


class _Worker:
    def __init__(
        self, ctx: Any, factory: Callable[[], Any], task: Task, slots: int, limiter: RateLimiter
    ) -> None:
        jobs_out, jobs_in = ctx.Pipe(duplex=False)  # (receiving end, sending end)
        results_out, results_in = ctx.Pipe(duplex=False)
        self.jobs: Connection = jobs_in
        self.results: Connection = results_out
        self.slots = slots
        self.process = ctx.Process(
            target=_serve, args=(jobs_out, results_in, factory, task, slots, limiter), daemon=True
        )
        self.process.start()
        jobs_out.close()
        results_in.close()
        self.ready = False
        self.held: dict[Any, Any] = {}  # jobs handed to this process and not answered

    @property
    def window(self) -> int:
        return 3 * self.slots  # 2 x slots in progress in its loop, the rest waiting there

    def stop(self, timeout: float) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.jobs.send(None)
        self.process.join(timeout)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(2.0)
        for conn in (self.jobs, self.results):
            with contextlib.suppress(OSError):
                conn.close()


class AsyncWorkerPool(Generic[S, P, R]):
    """``len(slots)`` processes, each running ``task(factory(), session, payload)`` for up to
    ``3 x slots[i]`` jobs at a time on its own event loop, with ``slots[i]`` model calls in
    flight, all drawing on one shared :class:`~summarizer.ratelimit.RateLimiter`."""

    def __init__(
        self,
        factory: Callable[[], S],
        task: Callable[[S, Any, P], Awaitable[R]],
        slots: list[int],
        limits: RateLimits | None = None,
    ) -> None:
        self.factory = factory
        self.task = task
        self.slots = [max(1, s) for s in slots] or [1]
        self.crashes = 0
        self.start_deaths = 0  # processes that died before they were ready: replaced while another
        # process has started (starting works; the death came from outside), at most one each
        self.context = multiprocessing.get_context(start_method())
        self.limiter = RateLimiter.shared(limits, context=self.context)  # one for every process
        self._workers: list[_Worker] = []
        self._graceful = True

    def __enter__(self) -> AsyncWorkerPool[S, P, R]:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self.close(wait=exc_type is None)

    def close(self, *, wait: bool = True) -> None:
        """Stop every process: after its jobs when ``wait``, else at once (an interrupt)."""
        for worker in self._workers:
            worker.stop(10.0 if wait else 0.0)
        self._workers = []

    def _start(self, slots: int) -> _Worker:
        worker = _Worker(self.context, self.factory, self.task, slots, self.limiter)
        self._workers.append(worker)
        return worker

    def imap_unordered(self, jobs: Iterable[tuple[K, P]]) -> Iterator[tuple[K, R | WorkerCrash | str]]:
        """Run every job; yield ``(key, result)`` as jobs finish: the task's return value, a
        :class:`WorkerCrash` when the process died holding the job, or a ``str`` describing an
        exception the task let escape. Keys must be unique."""
        queue = iter(jobs)
        exhausted = False
        for slots in self.slots:
            self._start(slots)
        while True:
            for worker in self._workers:  # top each ready process up to its window, in one message
                batch: list[tuple[K, P]] = []
                while worker.ready and not exhausted and len(worker.held) < worker.window:
                    nxt = next(queue, None)
                    if nxt is None:
                        exhausted = True
                        break
                    worker.held[nxt[0]] = nxt
                    batch.append(nxt)
                if batch:
                    with contextlib.suppress(OSError, ValueError):  # died: its sentinel says so
                        worker.jobs.send(batch)
            busy = [w for w in self._workers if w.held or not w.ready]
            if not busy or (exhausted and all(not w.held for w in busy)):
                return
            ready = set(wait([w.results for w in busy] + [w.process.sentinel for w in busy]))
            for worker in busy:
                if worker.results in ready or worker.process.sentinel in ready:
                    yield from self._drain(worker)
                if worker.process.sentinel in ready and not worker.process.is_alive():
                    yield from self._replace(worker)

    def _drain(self, worker: _Worker) -> Iterator[tuple[Any, Any]]:
        """Every message the process has sent so far."""
        while True:
            try:
                if not worker.results.poll():
                    return
                message = worker.results.recv()
            except (EOFError, OSError):
                return
            if message[0] == "ready" and len(message) == 2:
                worker.ready = True
            elif message[0] == "init_error" and len(message) == 2:
                self.close(wait=False)
                raise WorkerStartError(f"a worker process could not start: {message[1]}")
            elif message[0] == "done" and len(message) == 2:
                for key, ok, value in message[1]:
                    worker.held.pop(key, None)
                    yield key, (value if ok else str(value))

    def _replace(self, worker: _Worker) -> Iterator[tuple[Any, WorkerCrash]]:
        """A process died: its unanswered jobs are crashes; another process takes its slots."""
        worker.process.join()
        code = worker.process.exitcode
        self._workers.remove(worker)
        for conn in (worker.jobs, worker.results):
            with contextlib.suppress(OSError):
                conn.close()
        if not worker.ready:  # died while starting: it held no job, no article's fault
            self.start_deaths += 1
            if self.start_deaths > len(self.slots) or not any(w.ready for w in self._workers):
                self.close(wait=False)
                raise WorkerStartError(f"a worker process died while starting (exit code {code})")
            log.warning(
                "worker process %s died while starting (exit code %s); starting another",
                worker.process.pid,
                code,
            )
            self._start(worker.slots)
            return
        self.crashes += 1
        log.warning("worker process %s died (exit code %s); starting another", worker.process.pid, code)
        self._start(worker.slots)
        for key in list(worker.held):
            yield key, WorkerCrash(code)
