"""Runs through a provider's Batch API (``--via batch-api``): half the price, results within 24 h.

:class:`BatchAPIRunner` has the shape of :class:`~summarizer.runner.Runner` (``run(items, store)``)
so ``batch`` and ``eval`` use either. For the articles not yet done in the results file it:

1. prepares each article exactly as a synchronous call does; a cached report is written at once,
   bad input becomes an error row;
2. writes one request line per remaining article, with the body the engine's synchronous call
   would send (same prompt, same tool schema; ``custom_id`` names the article), uploads the file
   and creates the batch;
3. records the batch in ``<results>.batch.json`` next to the results file, so a later process
   (``--resume``, or simply the same command) picks the batch up instead of paying for it twice;
4. polls with exponential backoff until the batch ends (completed, expired, failed, cancelled);
5. downloads the output and error files; every response goes through the same grounding,
   neutrality, checker and cache steps as a synchronous call (``Summarizer.finish``);
6. requests that failed or expired are, as the caller chooses, retried synchronously
   (``retry="sync"``), sent in a new batch (``"batch"``), or written as error rows that a re-run
   retries (``"none"``).

Every article ends as exactly one row: a report or an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .engines.base import BatchCapable, BatchService, EngineResult
from .errors import ConfigError, InputError, ModelOutputError, SummarizerError
from .runner import (
    Progress,
    ResultStore,
    Row,
    RunInterrupted,
    Runner,
    RunOutcome,
    Scorer,
    WorkItem,
    error_info,
)

if TYPE_CHECKING:
    from .article import PreparedArticle
    from .pipeline import Summarizer
    from .schema import IncidentReport

log = logging.getLogger(__name__)

Retry = Literal["sync", "batch", "none"]
RETRY_CHOICES: tuple[str, ...] = ("sync", "batch", "none")
TERMINAL = ("completed", "expired", "failed", "cancelled")
BATCH_DISCOUNT = 0.5
"""The Batch API bills half the synchronous price (input and output tokens)."""


def custom_id(item_id: str) -> str:
    """The request's ``custom_id``: the article id when short and plain, else a stable hash."""
    if len(item_id) <= 64 and item_id.isascii() and item_id.isprintable():
        return item_id
    return "sha256:" + hashlib.sha256(item_id.encode("utf-8", "surrogatepass")).hexdigest()[:40]


def state_path(results: Path) -> Path:
    return results.with_name(results.name + ".batch.json")


@dataclass
class BatchState:
    """What ``<results>.batch.json`` records: every batch submitted for this results file."""

    path: Path
    batches: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> BatchState:
        if not path.is_file():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(path, list(data.get("batches", [])))
        except (ValueError, AttributeError, TypeError) as exc:
            raise InputError(f"{path}: unreadable batch record ({exc}); move it away to start over") from None

    def save(self) -> None:
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps({"batches": self.batches}, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, self.path)

    def pending(self) -> dict[str, Any] | None:
        """The batch submitted but not yet collected, if any."""
        for batch in self.batches:
            if not batch.get("collected"):
                return batch
        return None


@dataclass
class BatchCost:
    """Tokens of the reports that came back from batches, and what they cost."""

    requests: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    price: tuple[float, float] | None = None  # USD per 1M tokens (input, output), synchronous

    def add(self, report: IncidentReport) -> None:
        self.requests += 1
        self.tokens_in += report.provenance.tokens_in
        self.tokens_out += report.provenance.tokens_out

    @property
    def synchronous_usd(self) -> float | None:
        if self.price is None:
            return None
        return (self.tokens_in * self.price[0] + self.tokens_out * self.price[1]) / 1e6

    @property
    def batch_usd(self) -> float | None:
        sync = self.synchronous_usd
        return None if sync is None else sync * BATCH_DISCOUNT

    def describe(self) -> str:
        text = f"{self.requests} batch responses, {self.tokens_in:,} tokens in, {self.tokens_out:,} out"
        if self.synchronous_usd is not None and self.batch_usd is not None:
            text += (
                f"; estimated ${self.batch_usd:.4f} via the Batch API vs ${self.synchronous_usd:.4f} "
                f"synchronous ({int(BATCH_DISCOUNT * 100)}% discount)"
            )
        return text


class BatchPending(SummarizerError):
    """The batch is still running and the caller asked not to wait; re-run to collect it."""

    def __init__(self, batch_id: str, status: str, state: Path) -> None:
        super().__init__(
            f"batch {batch_id} is {status}; its id is stored in {state}. "
            "Re-run the same command (or add --resume) to collect it"
        )
        self.batch_id = batch_id


class BatchAPIRunner:
    """Like :class:`~summarizer.runner.Runner`, but the engine calls go through a Batch API."""

    def __init__(
        self,
        summarizer: Summarizer,
        *,
        retry: Retry = "sync",
        concurrency: int = 4,
        use_cache: bool = True,
        refresh: bool = False,
        scorer: Scorer | None = None,
        progress: Progress | None = None,
        description: str = "batch api",
        wait: bool = True,
        require_pending: bool = False,
        poll_initial: float = 5.0,
        poll_max: float = 300.0,
        max_rounds: int = 3,
        price: tuple[float, float] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        engine = summarizer.engine
        if not isinstance(engine, BatchCapable):
            raise ConfigError(
                f"the {engine.name} engine cannot use the Batch API (use --engine openai or compatible)"
            )
        if retry not in RETRY_CHOICES:
            raise ConfigError(f"--retry {retry!r}: choose one of {', '.join(RETRY_CHOICES)}")
        self.summarizer = summarizer
        self.engine: BatchCapable = engine
        self.retry = retry
        self.use_cache = use_cache
        self.refresh = refresh
        self.scorer = scorer
        self.progress = progress
        self.description = description
        self.wait = wait
        self.require_pending = require_pending
        self.poll_initial = poll_initial
        self.poll_max = poll_max
        self.max_rounds = max_rounds
        self.sleep = sleep
        self.cost = BatchCost(price=price)
        self.sync = Runner(
            summarizer, concurrency=concurrency, use_cache=use_cache, refresh=refresh, scorer=scorer
        )
        self._service: BatchService | None = None

    @property
    def service(self) -> BatchService:
        if self._service is None:
            self._service = self.engine.batch_service()
        return self._service

    # ------------------------------------------------------------------------------------------
    def run(
        self, items: Sequence[WorkItem], store: ResultStore, *, transform: Callable[[Row], Row] | None = None
    ) -> RunOutcome:
        started = time.perf_counter()
        state = BatchState.load(state_path(store.path))
        if self.require_pending and state.pending() is None:
            raise InputError(f"--resume: no pending batch is recorded in {state.path}")
        by_id = {i.id: i for i in items}
        skipped = sum(1 for i in items if store.done(i.id))
        interrupted = False
        try:
            with self._progress(len(items), skipped) as advance:

                def write(row: Row) -> None:
                    store.append(row)
                    advance(row.get("status") == "ok")

                self._drive(items, by_id, store, state, write)
        except KeyboardInterrupt:
            interrupted = True
        finally:
            rows = store.compact([i.id for i in items], transform)
        outcome = RunOutcome.of(
            [i.id for i in items], rows, skipped=skipped, interrupted=interrupted, started=started
        )
        if self.cost.requests:
            outcome.notes.append(self.cost.describe())
        if interrupted:
            raise RunInterrupted(outcome)
        return outcome

    def _drive(
        self,
        items: Sequence[WorkItem],
        by_id: dict[str, WorkItem],
        store: ResultStore,
        state: BatchState,
        write: Callable[[Row], None],
    ) -> None:
        pending = state.pending()
        if pending is not None:  # submitted by an earlier process: collect it first
            failed = self._collect(pending, by_id, store, state, write)
            self._settle(failed, store, write, last=self.retry != "batch")
        for round_ in range(1, self.max_rounds + 1):
            todo = [i for i in items if not store.done(i.id)]
            if not todo:
                return
            record = self._submit(todo, store, state, write)
            if record is None:  # everything was cached or bad input
                return
            failed = self._collect(record, by_id, store, state, write)
            self._settle(failed, store, write, last=self.retry != "batch" or round_ == self.max_rounds)
            if self.retry != "batch":
                return

    def _settle(
        self,
        failed: list[tuple[WorkItem, dict[str, str]]],
        store: ResultStore,
        write: Callable[[Row], None],
        *,
        last: bool,
    ) -> None:
        """Failed or expired requests: a synchronous call now, an error row, or (``retry="batch"``
        and rounds left) nothing yet: the next round sends them in a new batch."""
        for item, error in failed:
            if self.retry == "sync":
                write(self.sync.process(item, _tries(store, item)))
            elif self.retry == "none" or last:
                write(self._error_row(item, error, store))

    # submission -------------------------------------------------------------------------------
    def _submit(
        self, todo: Sequence[WorkItem], store: ResultStore, state: BatchState, write: Callable[[Row], None]
    ) -> dict[str, Any] | None:
        lines: list[str] = []
        ids: list[str] = []
        for item in todo:
            started = time.perf_counter()
            try:
                prepared = self._prepare(item)
                if self.use_cache and not self.refresh:
                    hit = self.summarizer.cached(prepared)
                    if hit is not None:
                        write(self._ok_row(item, hit, store, started))
                        continue
                body = self.engine.batch_body(self.summarizer.request(prepared))
            except SummarizerError as exc:
                write(self._row(item, {"status": "error", "error": error_info(exc)}, None, store, started))
                continue
            line = {
                "custom_id": custom_id(item.id),
                "method": "POST",
                "url": self.engine.endpoint,
                "body": body,
            }
            lines.append(json.dumps(line, ensure_ascii=False, separators=(",", ":")))
            ids.append(item.id)
        if not lines:
            return None
        content = ("\n".join(lines) + "\n").encode("utf-8")
        name = f"{store.path.stem}-{len(state.batches) + 1}.jsonl"
        file_id = self.service.upload(content, name)
        batch = self.service.create(file_id, {"summarizer_results": store.path.name[:500]})
        record = {
            "id": batch["id"],
            "input_file_id": file_id,
            "requests": len(ids),
            "status": batch.get("status"),
            "submitted": time.time(),
            "engine": self.engine.name,
            "model": self.engine.model,
            "collected": False,
        }
        state.batches.append(record)
        state.save()  # before any wait: a crash from here on resumes this batch, never pays twice
        log.info("submitted batch %s (%d requests)", batch["id"], len(ids))
        return record

    def _prepare(self, item: WorkItem) -> PreparedArticle:
        source = item.load(self.summarizer.settings.max_input_bytes)
        return self.summarizer.prepare(source, published=item.published)

    # collection -------------------------------------------------------------------------------
    def _poll(self, record: dict[str, Any], state: BatchState) -> dict[str, Any]:
        delay = self.poll_initial
        while True:
            batch = self.service.retrieve(record["id"])
            status = str(batch.get("status"))
            if status != record.get("status"):
                record["status"] = status
                state.save()
            if status in TERMINAL:
                return batch
            if not self.wait:
                raise BatchPending(record["id"], status, state.path)
            self.sleep(delay)
            delay = min(self.poll_max, delay * 2)

    def _collect(
        self,
        record: dict[str, Any],
        by_id: dict[str, WorkItem],
        store: ResultStore,
        state: BatchState,
        write: Callable[[Row], None],
    ) -> list[tuple[WorkItem, dict[str, str]]]:
        """Rows for every answered request; (item, error) for each failed or expired one."""
        batch = self._poll(record, state)
        by_custom = {custom_id(rid): item for rid, item in by_id.items()}
        answered: set[str] = set()
        failed: list[tuple[WorkItem, dict[str, str]]] = []
        for line in self._lines(batch.get("output_file_id")):
            item = by_custom.get(str(line.get("custom_id")))
            if item is None or item.id in answered:
                continue
            answered.add(item.id)
            response = line.get("response") or {}
            if response.get("status_code") == 200 and isinstance(response.get("body"), dict):
                row = self._finish(item, response["body"], store)
                if row.get("status") == "ok":
                    write(row)
                else:
                    failed.append((item, row["error"]))
            else:
                failed.append((item, _line_error(line)))
        for line in self._lines(batch.get("error_file_id")):
            item = by_custom.get(str(line.get("custom_id")))
            if item is None or item.id in answered:
                continue
            answered.add(item.id)
            failed.append((item, _line_error(line)))
        # a request the batch never accounted for (a failed or cancelled batch): failed too
        status = str(batch.get("status"))
        if len(answered) < int(record.get("requests") or 0):
            for item in self._batch_items(record, by_id, store, answered):
                failed.append(
                    (item, {"type": "BatchNotRun", "message": f"the batch ended {status} without it"})
                )
        record["collected"] = True
        record["status"] = status
        record["request_counts"] = batch.get("request_counts")
        state.save()
        return failed

    def _batch_items(
        self, record: dict[str, Any], by_id: dict[str, WorkItem], store: ResultStore, answered: set[str]
    ) -> Iterator[WorkItem]:
        """Items of this batch with no answer: read back from the uploaded file's custom ids."""
        try:
            content = self.service.content(record["input_file_id"])
        except SummarizerError as exc:
            log.warning("cannot read back the input file of batch %s: %s", record["id"], exc)
            return
        by_custom = {custom_id(rid): item for rid, item in by_id.items()}
        for raw in content.decode("utf-8", "replace").splitlines():
            with contextlib.suppress(ValueError, AttributeError):
                item = by_custom.get(str(json.loads(raw).get("custom_id")))
                if item is not None and item.id not in answered and not store.done(item.id):
                    yield item

    def _lines(self, file_id: str | None) -> Iterator[dict[str, Any]]:
        if not file_id:
            return
        for raw in self.service.content(file_id).decode("utf-8", "replace").splitlines():
            if raw.strip():
                try:
                    line = json.loads(raw)
                except ValueError:
                    log.warning("batch file %s: an unreadable line skipped", file_id)
                    continue
                if isinstance(line, dict):
                    yield line

    def _finish(self, item: WorkItem, body: dict[str, Any], store: ResultStore) -> Row:
        started = time.perf_counter()
        try:
            prepared = self._prepare(item)
            request = self.summarizer.request(prepared)
            result: EngineResult = self.engine.parse_batch_body(request, body)
            report = self.summarizer.finish(prepared, result, use_cache=self.use_cache)
        except SummarizerError as exc:
            return self._row(item, {"status": "error", "error": error_info(exc)}, None, store, started)
        except Exception as exc:  # never let one response stop the collection
            log.exception("unexpected error on the batch response for %s", item.id)
            wrapped = ModelOutputError(1, f"{type(exc).__name__}: {exc}")
            return self._row(item, {"status": "error", "error": error_info(wrapped)}, None, store, started)
        self.cost.add(report)
        return self._ok_row(item, report, store, started)

    # rows -------------------------------------------------------------------------------------
    def _ok_row(self, item: WorkItem, report: IncidentReport, store: ResultStore, started: float) -> Row:
        body = {"status": "ok", "report": report.model_dump(mode="json")}
        return self._row(item, body, report, store, started)

    def _error_row(self, item: WorkItem, error: dict[str, str], store: ResultStore) -> Row:
        return self._row(item, {"status": "error", "error": error}, None, store, time.perf_counter())

    def _row(
        self, item: WorkItem, body: Row, report: IncidentReport | None, store: ResultStore, started: float
    ) -> Row:
        row = self.sync._row(item, body, report, _tries(store, item), time.perf_counter() - started)
        row["via"] = "batch-api"
        return row

    @contextlib.contextmanager
    def _progress(self, total: int, done: int) -> Iterator[Callable[[bool], None]]:
        if self.progress is None:
            yield lambda ok: None
            return
        with self.progress(total, done, self.description) as advance:
            yield advance


def _tries(store: ResultStore, item: WorkItem) -> int:
    previous = store.rows.get(item.id)
    return int(previous.get("tries", 1)) + 1 if previous else 1


def _line_error(line: dict[str, Any]) -> dict[str, str]:
    """An error row's ``error`` from a batch output/error line."""
    error = line.get("error")
    if isinstance(error, dict) and error.get("code") == "batch_expired":
        return {"type": "BatchExpired", "message": str(error.get("message") or "the batch expired first")}
    if isinstance(error, dict):
        return {"type": "BatchRequestFailed", "message": f"{error.get('code')}: {error.get('message')}"}
    response = line.get("response") or {}
    body = response.get("body")
    message = body.get("error", {}).get("message") if isinstance(body, dict) else None
    return {
        "type": "BatchRequestFailed",
        "message": f"HTTP {response.get('status_code')}: {message or str(body)[:300]}",
    }
