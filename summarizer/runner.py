"""The resumable, concurrent runner shared by ``summarizer eval`` and ``summarizer batch``.

Workers (threads: the pipeline is sync and thread-safe) summarize articles; only the main thread
writes, one JSON line per finished article, appended and flushed at once and fsynced every couple
of seconds and at the end. A re-run skips ids whose last row is ``ok`` and retries the others. A
torn last line (a crash mid-write) is cut off on resume. When a run ends (or is interrupted), the
file is rewritten atomically with exactly one row per id, in input order.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .article import Article
from .errors import FetchError, InputError, SummarizerError

if TYPE_CHECKING:
    from .engines.base import AsyncSession
    from .pipeline import Summarizer
    from .schema import IncidentReport

log = logging.getLogger(__name__)

Row = dict[str, Any]


class RunLockedError(InputError):
    """Another process is writing the same results file."""


@dataclass
class WorkItem:
    """One article to summarize. ``source`` is read lazily when it is a path."""

    id: str
    source: Article | bytes | str | Path | None
    published: str | None = None
    problem: SummarizerError | None = None  # the input row could not be read: becomes an error row
    info: dict[str, Any] = field(default_factory=dict)

    def load(self, max_bytes: int | None = None) -> Article | bytes | str:
        """The article; a file is read up to ``max_bytes`` + 1 bytes (the pipeline refuses more)."""
        if self.problem is not None:
            raise self.problem
        if isinstance(self.source, Path):
            try:
                with self.source.open("rb") as handle:
                    return handle.read() if max_bytes is None else handle.read(max_bytes + 1)
            except OSError as exc:
                raise InputError(f"cannot read {self.source}: {exc.strerror or exc}") from None
        if self.source is None:
            raise InputError("no article text")
        return self.source


Scorer = Callable[[WorkItem, "IncidentReport"], dict[str, Any]]

Progress = Callable[[int, int, str], AbstractContextManager[Callable[[bool], None]]]
"""``(total, already_done, description)`` -> a context yielding ``advance(ok)``, called once per
finished article. The CLI passes a rich progress bar; library callers pass nothing (no output)."""


# --------------------------------------------------------------------------------------------------
# the results file
# --------------------------------------------------------------------------------------------------


class ResultStore:
    """An append-only JSONL results file with crash-tolerant resume and a final compaction."""

    def __init__(self, path: str | Path, *, fsync_every: float = 2.0) -> None:
        self.path = Path(path)
        self.fsync_every = fsync_every
        self.rows: dict[str, Row] = {}  # latest row per id
        self.order: list[str] = []  # ids in first-seen file order
        self.dropped_lines = 0
        self._handle: IO[str] | None = None
        self._lock_handle: IO[str] | None = None
        self._last_sync = 0.0

    # lifecycle ----------------------------------------------------------------------------------
    def open(self) -> ResultStore:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock()
        self._repair_and_load()
        self._handle = self.path.open("a", encoding="utf-8")
        self._last_sync = time.monotonic()
        return self

    def close(self) -> None:
        if self._handle is not None:
            self._sync()
            self._handle.close()
            self._handle = None
        if self._lock_handle is not None:
            _HELD_LOCKS.discard(self._lock_handle.fileno())
            self._lock_handle.close()  # releases the flock
            self._lock_handle = None

    def __enter__(self) -> ResultStore:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _lock(self) -> None:
        lock_path = self.path.with_name("." + self.path.name + ".lock")
        handle = lock_path.open("a+", encoding="utf-8")
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX: no lock
            self._lock_handle = handle
            return
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            raise RunLockedError(
                f"{self.path} is being written by another run; wait for it or use another --out"
            ) from None
        self._lock_handle = handle
        _HELD_LOCKS.add(handle.fileno())

    def _repair_and_load(self) -> None:
        if not self.path.exists():
            return
        data = self.path.read_bytes()
        end = data.rfind(b"\n") + 1
        if end < len(data):  # a torn last line from a crash: cut it off before appending
            log.warning("%s: dropping a torn last line (%d bytes)", self.path, len(data) - end)
            self.dropped_lines += 1
            with self.path.open("r+b") as handle:
                handle.truncate(end)
                handle.flush()
                os.fsync(handle.fileno())
            data = data[:end]
        for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                rid = str(row["id"])
            except (ValueError, KeyError, TypeError):
                log.warning("%s:%d: unreadable row skipped (it will be redone)", self.path, number)
                self.dropped_lines += 1
                continue
            if rid not in self.rows:
                self.order.append(rid)
            self.rows[rid] = row

    # rows ---------------------------------------------------------------------------------------
    def done(self, rid: str, *, retry_permanent: bool = False) -> bool:
        """Finished: ``ok``, or failed for good (empty, binary, unreadable input) unless
        ``retry_permanent``."""
        row = self.rows.get(rid)
        if row is None:
            return False
        if row.get("status") == "ok":
            return True
        return not retry_permanent and bool((row.get("error") or {}).get("permanent"))

    def append(self, row: Row) -> None:
        assert self._handle is not None, "open() the store first"
        rid = str(row["id"])
        self._handle.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
        self._handle.flush()  # in the OS now: survives a kill -9 of this process
        if rid not in self.rows:
            self.order.append(rid)
        self.rows[rid] = row
        if time.monotonic() - self._last_sync >= self.fsync_every:
            self._sync()

    def _sync(self) -> None:
        if self._handle is not None:
            self._handle.flush()
            with contextlib.suppress(OSError):
                os.fsync(self._handle.fileno())
            self._last_sync = time.monotonic()

    def compact(self, order: Sequence[str] = (), transform: Callable[[Row], Row] | None = None) -> list[Row]:
        """Rewrite the file atomically: one row per id, ``order`` first, then any other ids."""
        ids = list(dict.fromkeys([*(i for i in order if i in self.rows), *self.order]))
        rows = [self.rows[i] for i in ids]
        if transform is not None:
            rows = [transform(r) for r in rows]
            self.rows.update((str(r["id"]), r) for r in rows)
        tmp = self.path.with_name(self.path.name + ".tmp")
        with tmp.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        if self._handle is not None:
            self._handle.close()
        os.replace(tmp, self.path)
        _fsync_dir(self.path.parent)
        self._handle = self.path.open("a", encoding="utf-8")
        self.order = ids
        return rows


_HELD_LOCKS: set[int] = set()  # descriptors of the results-file locks this process holds


def _drop_inherited_locks() -> None:
    """In a forked child (a worker process): the parent's results-file locks are the parent's.
    An inherited descriptor would keep the lock held for as long as the child lives, so a re-run
    after the parent was killed (kill -9) would find the file locked: each one is pointed at
    /dev/null instead (the child's file objects stay valid; nothing is unlocked for the parent)."""
    if not _HELD_LOCKS:
        return
    null = os.open(os.devnull, os.O_RDONLY)
    try:
        for fd in _HELD_LOCKS:
            with contextlib.suppress(OSError):
                os.dup2(null, fd)
    finally:
        os.close(null)
    _HELD_LOCKS.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_drop_inherited_locks)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def read_rows(path: str | Path) -> list[Row]:
    """Rows of a results file (latest per id, file order), tolerating a torn last line."""
    rows: dict[str, Row] = {}
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            rows[str(row["id"])] = row
        except (ValueError, KeyError, TypeError):
            continue
    return list(rows.values())


# --------------------------------------------------------------------------------------------------
# the runner
# --------------------------------------------------------------------------------------------------


@dataclass
class RunOutcome:
    total: int
    skipped: int  # already finished by an earlier run
    ok: int
    failed: int
    rows: list[Row]
    interrupted: bool = False
    seconds: float = 0.0
    missing: int = 0  # input rows without a result row (never expected: reported, never hidden)
    notes: list[str] = field(default_factory=list)  # lines for the user (e.g. a Batch API cost estimate)

    @property
    def attempted(self) -> int:
        return self.total - self.skipped

    @classmethod
    def of(
        cls, ids: Sequence[str], rows: list[Row], *, skipped: int, interrupted: bool, started: float
    ) -> RunOutcome:
        """The outcome of a run over ``ids`` from the compacted ``rows`` (rows of other ids dropped)."""
        wanted = set(ids)
        final = [r for r in rows if str(r["id"]) in wanted]
        ok = sum(1 for r in final if r.get("status") == "ok")
        return cls(
            total=len(ids),
            skipped=skipped,
            ok=ok,
            failed=len(final) - ok,
            rows=final,
            interrupted=interrupted,
            seconds=round(time.perf_counter() - started, 3),
            missing=len(ids) - len(final),
        )


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def is_permanent(exc: BaseException) -> bool:
    """An error that the same input gives again (empty, binary, too large, unreadable): a re-run
    does not retry it unless asked. Fetch failures and engine errors may pass on a retry."""
    return isinstance(exc, InputError) and not isinstance(exc, FetchError | RunLockedError)


def error_info(exc: BaseException) -> dict[str, Any]:
    from .redact import redact_text

    info: dict[str, Any] = {"type": type(exc).__name__, "message": redact_text(str(exc) or repr(exc))}
    if is_permanent(exc):
        info["permanent"] = True
    return info


OnProgress = Callable[[int, int, Row], None]
"""``(finished, total, row)``, called in the calling thread after each article is stored;
``finished`` counts articles done earlier too."""


class Runner:
    """Runs a :class:`Summarizer` over work items into a :class:`ResultStore`."""

    def __init__(
        self,
        summarizer: Summarizer,
        *,
        concurrency: int = 4,
        use_cache: bool = True,
        refresh: bool = False,
        scorer: Scorer | None = None,
        progress: Progress | None = None,
        description: str = "summarizing",
        on_progress: OnProgress | None = None,
        retry_permanent: bool = False,
        workers: int | None = None,
        use_async: bool = True,
    ) -> None:
        self.summarizer = summarizer
        self.use_async = use_async  # the async LLM path when the engine has one (summarizer.aio)
        self.workers = workers  # processes; None: one per core for a CPU-bound engine, else threads
        self.concurrency = max(1, concurrency)
        self.use_cache = use_cache
        self.refresh = refresh
        self.scorer = scorer
        self.progress = progress
        self.description = description
        self.on_progress = on_progress
        self.retry_permanent = retry_permanent

    def process(self, item: WorkItem, tries: int = 1) -> Row:
        """Summarize one item into a row; never raises (a failure becomes an error row)."""
        started = time.perf_counter()
        body, report = summarize_item(self.summarizer, (item, self.use_cache, self.refresh, True))
        return self._row(item, body, report, tries, time.perf_counter() - started)

    def _row(
        self, item: WorkItem, body: Row, report: IncidentReport | None, tries: int, seconds: float
    ) -> Row:
        """The results row: ``body`` (status with report or error) plus scores, timing and input."""
        row: Row = {"id": item.id, **body}
        if report is not None and self.scorer is not None:
            try:
                row["scores"] = self.scorer(item, report)
            except Exception as exc:  # a scoring bug must not lose the report
                log.exception("scoring %s failed", item.id)
                row["scores"] = None
                row["score_error"] = error_info(exc)
        row["seconds"] = round(seconds, 4)
        row["tries"] = tries
        row["finished"] = _now()
        if item.info:
            row["input"] = item.info
        return row

    def run(
        self, items: Sequence[WorkItem], store: ResultStore, *, transform: Callable[[Row], Row] | None = None
    ) -> RunOutcome:
        """Process every item not yet done in ``store``; compact the store at the end."""
        started = time.perf_counter()
        todo = [i for i in items if not store.done(i.id, retry_permanent=self.retry_permanent)]
        skipped = len(items) - len(todo)
        finished = skipped
        interrupted = False
        counts = {"ok": 0, "error": 0}
        try:
            with self._progress(len(items), skipped) as advance:

                def take(row: Row) -> None:
                    nonlocal finished
                    store.append(row)
                    counts["ok" if row["status"] == "ok" else "error"] += 1
                    advance(row["status"] == "ok")
                    finished += 1
                    if self.on_progress is not None:
                        self.on_progress(finished, len(items), row)

                if not (todo and self._run_async(todo, store, take)):
                    for row in self._results(todo, store):
                        take(row)
        except KeyboardInterrupt:
            interrupted = True
        finally:
            rows = store.compact([i.id for i in items], transform)
        outcome = RunOutcome.of(
            [i.id for i in items], rows, skipped=skipped, interrupted=interrupted, started=started
        )
        if outcome.missing and not interrupted:
            log.error("%d input row(s) got no result row", outcome.missing)
        if interrupted:
            raise RunInterrupted(outcome)
        return outcome

    def _run_async(self, todo: Sequence[WorkItem], store: ResultStore, take: Callable[[Row], None]) -> bool:
        """The async LLM path (:mod:`summarizer.aio`) when the engine has one; False otherwise.
        Rows reach ``take`` in completion order on this thread, as the threads' rows do."""
        capable = getattr(self.summarizer, "async_capable", None)
        if not self.use_async or capable is None or not capable():
            return False
        workers = self._async_workers(len(todo))
        if workers > 1:
            for row in self._async_process_results(todo, store, workers):
                take(row)
            return True
        from .aio import run_async

        async def one(session: AsyncSession, item: WorkItem) -> Row:
            started = time.perf_counter()
            tries = _tries(store, item)  # the earlier runs' rows: this run appends the item's row later
            body, report = await asummarize_item(
                self.summarizer, session, (item, self.use_cache, self.refresh, True)
            )
            return self._row(item, body, report, tries, time.perf_counter() - started)

        return run_async(self.summarizer, todo, self.concurrency, one, take)

    def _async_workers(self, jobs: int) -> int:
        """Processes for the async path: ``workers`` when given (0 or 1: one event loop here),
        else the summarizer's choice (one per core for a long enough run)."""
        if self.workers is not None:
            return min(self.workers, self.concurrency)
        chooser = getattr(self.summarizer, "async_workers", None)
        return int(chooser(self.concurrency, jobs)) if chooser is not None else 0

    def _async_process_results(
        self, todo: Sequence[WorkItem], store: ResultStore, workers: int
    ) -> Iterator[Row]:
        """The async path on every core (:mod:`summarizer.aio_workers`): an event loop in each of
        ``workers`` processes, the call slots split between them, one shared rate limiter. Rows
        come back in completion order; a process's death is an error row for each article it held."""
        from .aio import limits_of
        from .aio_workers import AsyncWorkerPool, split_slots
        from .workers import WorkerCrash

        factory = self.summarizer.worker_factory()
        if factory is None:
            raise InputError("this summarizer's engine cannot run in worker processes (pass workers=0)")
        keep = self.scorer is not None  # the report object crosses back only when a scorer needs it
        preload = getattr(self.summarizer, "preload", None)
        if preload is not None:
            preload()  # loaded once here; forked processes share it
        by_key: dict[int, tuple[WorkItem, float]] = {}  # handed out: the item and when

        def jobs() -> Iterator[tuple[int, Job]]:
            for n, item in enumerate(todo):
                by_key[n] = item, time.perf_counter()
                yield n, (item, self.use_cache, self.refresh, keep)

        pool: AsyncWorkerPool[Summarizer, Job, tuple[Row, IncidentReport | None, float]] = AsyncWorkerPool(
            factory, _timed_item, split_slots(self.concurrency, workers), limits_of(self.summarizer)
        )
        with pool:
            for key, result in pool.imap_unordered(jobs()):
                item, handed = by_key.pop(key)
                if isinstance(result, WorkerCrash):
                    body: Row = {
                        "status": "error",
                        "error": {"type": "WorkerCrashed", "message": result.describe()},
                    }
                    yield self._row(item, body, None, _tries(store, item), time.perf_counter() - handed)
                elif isinstance(result, str):
                    body = {"status": "error", "error": {"type": "WorkerError", "message": result}}
                    yield self._row(item, body, None, _tries(store, item), time.perf_counter() - handed)
                else:
                    body, report, seconds = result
                    yield self._row(item, body, report, _tries(store, item), seconds)

    def _results(self, todo: Sequence[WorkItem], store: ResultStore) -> Iterator[Row]:
        def tries(item: WorkItem) -> int:
            return _tries(store, item)

        if self.concurrency == 1:
            for item in todo:
                yield self.process(item, tries(item))
            return
        workers = self.workers if self.workers is not None else self._auto_workers(len(todo))
        if workers > 1:
            yield from self._process_results(todo, workers, tries)
            return
        pool = ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="summarizer-run")
        pending: set[Future[Row]] = set()
        queue = iter(todo)
        window = self.concurrency * 2
        try:
            while True:
                while len(pending) < window:
                    nxt = next(queue, None)
                    if nxt is None:
                        break
                    pending.add(pool.submit(self.process, nxt, tries(nxt)))
                if not pending:
                    break
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    yield future.result()
        finally:
            # on an interrupt: drop what has not started, do not wait for calls in flight
            pool.shutdown(wait=not pending, cancel_futures=True)

    def _auto_workers(self, jobs: int) -> int:
        chooser = getattr(self.summarizer, "process_workers", None)
        return int(chooser(self.concurrency, jobs)) if chooser is not None else 0

    def _process_results(
        self, todo: Sequence[WorkItem], workers: int, tries: Callable[[WorkItem], int]
    ) -> Iterator[Row]:
        """The CPU-bound path: one worker process per core; a worker's death is its article's error
        row. Rows come back in completion order (the store is compacted to input order at the end)."""
        from .workers import WorkerCrash, WorkerPool

        factory = self.summarizer.worker_factory()
        if factory is None:
            raise InputError("this summarizer's engine cannot run in worker processes (pass workers=0)")
        by_id: dict[str, WorkItem] = {}
        started: dict[str, float] = {}

        keep = self.scorer is not None  # the report object crosses back only when a scorer needs it

        def jobs() -> Iterator[tuple[str, Job]]:
            for item in todo:
                if item.problem is not None:  # nothing to compute: answered here
                    continue
                by_id[item.id] = item
                started[item.id] = time.perf_counter()
                yield item.id, (item, self.use_cache, self.refresh, keep)

        for item in todo:
            if item.problem is not None:
                yield self.process(item, tries(item))
        with WorkerPool(factory, summarize_item, workers) as pool:
            for rid, result in pool.imap_unordered(jobs()):
                item = by_id.pop(rid)
                seconds = time.perf_counter() - started.pop(rid)
                if isinstance(result, WorkerCrash):
                    body: Row = {
                        "status": "error",
                        "error": {"type": "WorkerCrashed", "message": result.describe()},
                    }
                    yield self._row(item, body, None, tries(item), seconds)
                elif isinstance(result, str):
                    body = {"status": "error", "error": {"type": "WorkerError", "message": result}}
                    yield self._row(item, body, None, tries(item), seconds)
                else:
                    body, report = result
                    yield self._row(item, body, report, tries(item), seconds)

    @contextlib.contextmanager
    def _progress(self, total: int, done: int) -> Iterator[Callable[[bool], None]]:
        if self.progress is None:
            yield lambda ok: None
            return
        with self.progress(total, done, self.description) as advance:
            yield advance


Job = tuple[WorkItem, bool, bool, bool]
"""``(item, use_cache, refresh, keep_report)``"""


def _tries(store: ResultStore, item: WorkItem) -> int:
    previous = store.rows.get(item.id)
    return int(previous.get("tries", 1)) + 1 if previous else 1


async def asummarize_item(
    summarizer: Summarizer, session: AsyncSession, job: Job
) -> tuple[Row, IncidentReport | None]:
    """:func:`summarize_item` on the async path: the model calls go through ``session``."""
    item, use_cache, refresh, keep_report = job
    try:
        settings = getattr(summarizer, "settings", None)
        source = item.load(getattr(settings, "max_input_bytes", None))
        report = await summarizer.asummarize_in(
            session, source, published=item.published, use_cache=use_cache, refresh=refresh
        )
        return {"status": "ok", "report": report.model_dump(mode="json")}, report if keep_report else None
    except SummarizerError as exc:
        return {"status": "error", "error": error_info(exc)}, None
    except Exception as exc:  # never let one article stop the run
        log.exception("unexpected error on %s", item.id)
        return {"status": "error", "error": error_info(exc)}, None


async def _timed_item(
    summarizer: Summarizer, session: AsyncSession, job: Job
) -> tuple[Row, IncidentReport | None, float]:
    """:func:`asummarize_item` and its seconds (a worker process's task on the async path)."""
    started = time.perf_counter()
    body, report = await asummarize_item(summarizer, session, job)
    return body, report, time.perf_counter() - started


def summarize_item(summarizer: Summarizer, job: Job) -> tuple[Row, IncidentReport | None]:
    """One work item -> (row body: ``status`` with ``report`` or ``error``, the report object when
    ``keep_report``, else None). Never raises. Module-level so worker processes can run it."""
    item, use_cache, refresh, keep_report = job
    try:
        settings = getattr(summarizer, "settings", None)
        source = item.load(getattr(settings, "max_input_bytes", None))
        report = summarizer.summarize(source, published=item.published, use_cache=use_cache, refresh=refresh)
        return {"status": "ok", "report": report.model_dump(mode="json")}, report if keep_report else None
    except SummarizerError as exc:
        return {"status": "error", "error": error_info(exc)}, None
    except Exception as exc:  # never let one article stop the run
        log.exception("unexpected error on %s", item.id)
        return {"status": "error", "error": error_info(exc)}, None


class RunInterrupted(SummarizerError):
    """The run was interrupted (Ctrl-C); finished rows are saved and a re-run resumes."""

    def __init__(self, outcome: RunOutcome) -> None:
        super().__init__(
            f"interrupted: {outcome.ok} ok, {outcome.failed} failed of {outcome.total}; re-run the same command to resume"
        )
        self.outcome = outcome


def unique_ids(ids: Iterable[str]) -> list[str]:
    """Make ids unique, stably: the second 'x' becomes 'x#2', the third 'x#3'.

    A renamed id never collides with any other id of the input (a real 'x#2' later in the file
    keeps its name; the duplicate 'x' then becomes 'x#3'), so every input row gets its own result.
    """
    given = list(ids)
    taken = set(given)
    seen: set[str] = set()
    next_n: dict[str, int] = {}
    out: list[str] = []
    for rid in given:
        if rid not in seen:
            seen.add(rid)
            out.append(rid)
            continue
        n = next_n.get(rid, 2)
        while f"{rid}#{n}" in taken:
            n += 1
        new = f"{rid}#{n}"
        next_n[rid] = n + 1
        taken.add(new)
        seen.add(new)
        out.append(new)
    return out
