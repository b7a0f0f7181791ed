"""``summarizer batch SOURCE --out OUT --runner ray``: past one machine with Ray Data (extra ``[ray]``).

The input (JSONL, CSV or Parquet; the columns ``batch`` reads: ``id``, ``text``, ``published``,
``title``, ``outlet``, ``url``) is read by Ray Data and summarized with ``map_batches``:

* a CPU-bound engine (the rules engine) runs as plain CPU tasks, one per block;
* an LLM engine runs in a pool of actors (``--concurrency`` actors at most), each sending up to
  ``calls_per_actor`` calls at a time, so the model server never sees more than
  ``actors x calls_per_actor`` requests in flight.

Each worker builds the summarizer once from the driver's settings (the recipe of
:meth:`Summarizer.worker_factory`); the report cache is the worker node's own
(``SUMMARIZER_CACHE_DIR`` there). Nothing is shared between nodes but the output folder.

OUT is a folder of JSONL (or Parquet) part files, one row per article: ``id``, ``status``,
``report`` (the report as a JSON string), ``error`` (JSON string), ``seconds``, ``finished``.
A re-run reads the ids already written with status ``ok`` and skips them; new part files are added
next to the old ones (:func:`read_ray_rows` gives the latest row per id). A worker killed mid-run
is retried by Ray (task retries, actor restarts), so no article is lost.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ConfigError, InputError

if TYPE_CHECKING:
    from .pipeline import Summarizer
    from .runner import Row

FORMATS = ("jsonl", "parquet")
_BUILT: dict[int, Any] = {}  # one summarizer per worker process and recipe


def _ray() -> Any:
    try:
        import ray
    except ImportError:
        raise ConfigError(
            "--runner ray needs the [ray] extra: pip install 'summarizer[ray]'", "--runner"
        ) from None
    return ray


def _summarizer(factory: Callable[[], Summarizer]) -> Summarizer:
    key = hash(repr(factory))
    if key not in _BUILT:
        _BUILT[key] = factory()
    built: Summarizer = _BUILT[key]
    return built


def _text(value: Any) -> Any:
    """Arrow may give dates as timestamps or missing values as NaN: back to plain strings/None."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10] if getattr(value, "hour", 0) == 0 else value.isoformat()
    return value


def summarize_rows(summarizer: Summarizer, records: list[dict[str, Any]], use_cache: bool) -> list[Row]:
    """Input records -> output rows (never raises: bad rows become error rows)."""
    from .batch import item_from_fields
    from .runner import error_info, summarize_item

    out: list[Row] = []
    for number, record in enumerate(records, 1):
        fields = {k: _text(v) for k, v in record.items()}
        started = time.perf_counter()
        try:
            item = item_from_fields(fields, {}, f"row-{number}")
            body, _ = summarize_item(summarizer, (item, use_cache, False, False))
            rid = item.id
        except Exception as exc:  # never lose a row
            body, rid = (
                {"status": "error", "error": error_info(exc)},
                str(fields.get("id") or f"row-{number}"),
            )
        out.append(_flat(rid, body, time.perf_counter() - started))
    return out


def _flat(rid: str, body: Row, seconds: float) -> Row:
    from datetime import datetime, timezone

    report = body.get("report")
    error = body.get("error")
    return {
        "id": rid,
        "status": body["status"],
        "report": json.dumps(report, ensure_ascii=False) if report is not None else None,
        "error": json.dumps(error, ensure_ascii=False) if error is not None else None,
        "seconds": round(seconds, 4),
        "finished": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


def _records(batch: Any) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = batch.to_dict("records")
    return records


class _CPUTask:
    """The function form of ``map_batches`` for a CPU-bound engine (plain Ray tasks)."""

    def __init__(self, factory: Callable[[], Summarizer], use_cache: bool) -> None:
        self.factory = factory
        self.use_cache = use_cache

    def __call__(self, batch: Any) -> Any:
        import pandas as pd

        rows = summarize_rows(_summarizer(self.factory), _records(batch), self.use_cache)
        return pd.DataFrame(rows, columns=list(_flat("", {"status": "error"}, 0)))


class LLMActor:
    """An actor for an LLM engine: one summarizer, up to ``calls`` model calls in flight."""

    def __init__(self, factory: Callable[[], Summarizer], use_cache: bool, calls: int) -> None:
        self.summarizer = factory()
        self.use_cache = use_cache
        self.pool = ThreadPoolExecutor(max_workers=max(1, calls))

    def __call__(self, batch: Any) -> Any:
        import pandas as pd

        records = _records(batch)
        chunks = self.pool.map(lambda r: summarize_rows(self.summarizer, [r], self.use_cache)[0], records)
        return pd.DataFrame(list(chunks), columns=list(_flat("", {"status": "error"}, 0)))


def read_ray_rows(out: str | Path) -> list[Row]:
    """Rows of a ``--runner ray`` output folder in the local runner's shape (report and error
    parsed), the latest row per id (an ``ok`` row wins over an error row of an earlier run)."""
    folder = Path(out)
    rows: dict[str, Row] = {}
    if not folder.is_dir():
        return []
    parts = sorted(folder.glob("*.json*"), key=lambda p: p.stat().st_mtime)
    raw: list[dict[str, Any]] = []
    for part in parts:
        for line in part.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.strip():
                try:
                    raw.append(json.loads(line))
                except ValueError:
                    continue
    parquet = sorted(folder.glob("*.parquet"), key=lambda p: p.stat().st_mtime)
    if parquet:
        import pyarrow.parquet as pq

        for part in parquet:
            raw.extend(pq.read_table(part).to_pylist())
    for row in raw:
        rid = str(row.get("id"))
        if rows.get(rid, {}).get("status") == "ok" and row.get("status") != "ok":
            continue
        for key in ("report", "error"):
            if isinstance(row.get(key), str):
                row[key] = json.loads(row[key])
            elif row.get(key) is None:
                row.pop(key, None)
        rows[rid] = row
    return list(rows.values())


def run_ray(
    source: str | Path,
    out: str | Path,
    summarizer: Summarizer,
    *,
    address: str | None = None,
    num_cpus: int | None = None,
    concurrency: int = 4,
    calls_per_actor: int = 8,
    use_cache: bool = True,
    output_format: str = "jsonl",
    limit: int | None = None,
) -> dict[str, int]:
    """Summarize ``source`` into the folder ``out`` with Ray Data; returns counts of the run."""
    ray = _ray()
    factory = summarizer.worker_factory()
    if factory is None:
        raise ConfigError("--runner ray needs an engine created by name (a built-in or an entry point)")
    if output_format not in FORMATS:
        raise InputError(f"--format {output_format!r}: choose one of {', '.join(FORMATS)}")
    path = Path(source)
    if not path.is_file():
        raise InputError(f"--runner ray reads a JSONL, CSV or Parquet file; no such file: {path}")
    suffix = path.suffix.lower()
    out_dir = Path(out)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"--out {out} is a file; --runner ray writes a folder of part files")
    done = {str(r["id"]) for r in read_ray_rows(out_dir) if r.get("status") == "ok"}

    started_here = False
    if not ray.is_initialized():
        options: dict[str, Any] = {"ignore_reinit_error": True, "log_to_driver": False}
        if address:
            options["address"] = address
        elif num_cpus:
            options["num_cpus"] = num_cpus
        ray.init(**options)
        started_here = True
    try:
        if suffix in (".jsonl", ".ndjson", ".json"):
            ds = ray.data.read_json(str(path), lines=True)
        elif suffix == ".csv":
            ds = ray.data.read_csv(str(path))
        elif suffix == ".parquet":
            ds = ray.data.read_parquet(str(path))
        else:
            raise InputError(f"{path}: --runner ray reads .jsonl, .csv or .parquet")
        keep = [c for c in ("id", "text", "published", "title", "outlet", "url") if c in ds.schema().names]
        if "text" not in keep:
            raise InputError(f"{path}: no 'text' column")
        ds = ds.select_columns(keep)
        if limit:
            ds = ds.limit(limit)
        total = ds.count()
        # one file is one block: split it so every CPU (or actor) gets work, ~64 articles a block
        ds = ds.repartition(max(1, min(1000, -(-total // 64))))
        if done and "id" in keep:
            skip = frozenset(done)
            ds = ds.filter(lambda row: str(row.get("id")) not in skip)
        if summarizer.engine.profile.cpu_bound:
            mapped = ds.map_batches(
                _CPUTask(factory, use_cache),
                batch_format="pandas",
                batch_size=64,
                num_cpus=1,
                ray_remote_args_fn=lambda: {"max_retries": 3},  # a killed worker's block runs again
            )
        else:
            mapped = ds.map_batches(
                LLMActor,
                fn_constructor_args=(factory, use_cache, calls_per_actor),
                batch_format="pandas",
                batch_size=calls_per_actor * 2,
                concurrency=(1, max(1, concurrency)),
                num_cpus=0.5,
                ray_remote_args_fn=lambda: {"max_restarts": 3, "max_task_retries": 3},
            )
        out_dir.mkdir(parents=True, exist_ok=True)
        if output_format == "parquet":
            mapped.write_parquet(str(out_dir))
        else:
            mapped.write_json(str(out_dir), lines=True, force_ascii=False)
    finally:
        if started_here:
            ray.shutdown()
    rows = read_ray_rows(out_dir)
    ok = sum(1 for r in rows if r.get("status") == "ok")
    return {"total": total, "skipped": len(done), "ok": ok, "failed": len(rows) - ok, "rows": len(rows)}
