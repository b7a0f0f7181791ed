"""Batch input: many articles (a folder, JSONL or CSV) through the shared resumable runner.

INPUT is a folder of ``.txt``/``.html`` files, a JSONL file or a CSV file (columns ``id``, ``text``,
``published``, ``title``, ``outlet``, ``url``; anything else, gold labels included, is ignored).
Ids are stable so a re-run resumes: the file's path under the folder, the row's ``id``, or else a
hash of the row's text. A row that cannot be read becomes an error row; it never stops the run.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .article import Article
from .errors import InputError
from .runlog import batch_run_info_path, now, write_run_info
from .runner import OnProgress, Progress, ResultStore, Runner, RunOutcome, WorkItem, unique_ids
from .version import __version__

if TYPE_CHECKING:
    from .batch_api import BatchAPIRunner
    from .pipeline import Summarizer

FOLDER_SUFFIXES = (".txt", ".text", ".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
CSV_SUFFIXES = (".csv",)


def text_id(text: str) -> str:
    """A stable id from the article text (whitespace-normalized)."""
    digest = hashlib.sha256(" ".join(text.split()).encode("utf-8", "surrogatepass")).hexdigest()
    return f"sha256:{digest[:16]}"


def _str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def item_from_fields(fields: Mapping[str, Any], where: dict[str, Any], fallback_id: str) -> WorkItem:
    """One JSONL/CSV row -> a work item (an error item when the row has no usable text)."""
    rid = _str(fields.get("id"))
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        return WorkItem(
            id=rid or fallback_id, source=None, problem=InputError("the row has no 'text'"), info=where
        )
    try:
        article = Article(
            text=text,
            id=rid,
            title=_str(fields.get("title")),
            outlet=_str(fields.get("outlet")),
            url=_str(fields.get("url")),
        )
    except ValueError as exc:
        return WorkItem(
            id=rid or text_id(text), source=None, problem=InputError(f"bad row: {exc}"), info=where
        )
    return WorkItem(
        id=rid or text_id(text), source=article, published=_str(fields.get("published")), info=where
    )


def read_folder(folder: Path) -> Iterator[WorkItem]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES)
    for path in files:
        rel = path.relative_to(folder).as_posix()
        yield WorkItem(id=rel, source=path, info={"path": rel})


def read_jsonl(path: Path) -> Iterator[WorkItem]:
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = {"line": number}
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                yield WorkItem(
                    id=f"line-{number}",
                    source=None,
                    problem=InputError(f"line {number}: bad JSON ({exc.msg})"),
                    info=where,
                )
                continue
            if not isinstance(data, dict):
                yield WorkItem(
                    id=f"line-{number}",
                    source=None,
                    problem=InputError(f"line {number}: not a JSON object"),
                    info=where,
                )
                continue
            yield item_from_fields(data, where, f"line-{number}")


def read_csv(path: Path) -> Iterator[WorkItem]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "text" not in [f.strip() for f in reader.fieldnames]:
            raise InputError(f"{path}: a CSV needs a header row with a 'text' column")
        for number, row in enumerate(reader, 1):
            fields = {(k or "").strip(): v for k, v in row.items()}
            yield item_from_fields(fields, {"row": number}, f"row-{number}")


def read_input(source: str | Path) -> list[WorkItem]:
    """Work items from a folder, a JSONL or a CSV file, with unique, stable ids."""
    path = Path(source)
    if path.is_dir():
        items = list(read_folder(path))
    elif not path.is_file():
        raise InputError(f"no such file or folder: {path}")
    elif path.suffix.lower() in JSONL_SUFFIXES:
        items = list(read_jsonl(path))
    elif path.suffix.lower() in CSV_SUFFIXES:
        items = list(read_csv(path))
    else:
        raise InputError(f"{path}: expected a folder of .txt/.html files, a .jsonl or a .csv file")
    if not items:
        raise InputError(f"{path}: no articles found")
    for item, rid in zip(items, unique_ids(i.id for i in items), strict=True):
        item.id = rid
    return items


def check_out(source: str | Path, out: str | Path) -> None:
    """Refuse a results path that would overwrite the input or cannot be a file."""
    src = Path(source).resolve()
    dest = Path(out).resolve()
    if dest.is_dir():
        raise InputError(f"--out {out} is a folder; give a file name such as {Path(out) / 'results.jsonl'}")
    if dest == src or (src.is_file() and dest.exists() and dest.samefile(src)):
        raise InputError(f"--out {out} is the input file; write the results to another file")
    if src.is_dir() and dest.is_relative_to(src):
        raise InputError(f"--out {out} is inside the input folder {source}; write the results elsewhere")


def run_batch(
    source: str | Path,
    out: str | Path,
    summarizer: Summarizer,
    *,
    concurrency: int = 4,
    use_cache: bool = True,
    refresh: bool = False,
    progress: Progress | None = None,
    on_progress: OnProgress | None = None,
    retry_permanent: bool = False,
    via: str = "sync",
    batch_api: Mapping[str, Any] | None = None,
) -> RunOutcome:
    """Summarize every article of ``source`` into the JSONL file ``out`` (a re-run resumes).

    A re-run skips finished articles and articles that failed for good (empty, binary: see
    :func:`~summarizer.runner.is_permanent`) unless ``retry_permanent``. ``on_progress(finished,
    total, row)`` is called after each article. ``<out stem>.run.json`` records the run.
    ``via="batch-api"`` sends the engine calls through the provider's Batch API
    (:class:`~summarizer.batch_api.BatchAPIRunner`; ``batch_api`` holds its options).
    """
    check_out(source, out)
    items = read_input(source)
    description = f"batch {Path(source).name}"
    runner: Runner | BatchAPIRunner
    if via == "batch-api":
        from .batch_api import BatchAPIRunner

        runner = BatchAPIRunner(
            summarizer,
            concurrency=concurrency,
            use_cache=use_cache,
            refresh=refresh,
            progress=progress,
            description=description,
            **dict(batch_api or {}),
        )
    elif via == "sync":
        runner = Runner(
            summarizer,
            concurrency=concurrency,
            use_cache=use_cache,
            refresh=refresh,
            progress=progress,
            description=description,
            on_progress=on_progress,
            retry_permanent=retry_permanent,
        )
    else:
        raise InputError(f"--via {via!r}: choose sync or batch-api")
    out_path = Path(out)
    prompt = summarizer.prompt
    info: dict[str, Any] = {
        "kind": "batch",
        "input": str(source),
        "out": str(out_path),
        "engine": summarizer.engine.name,
        "model": summarizer.engine.model,
        "prompt": f"{prompt.name}/{prompt.version}" if prompt else None,
        "checker": summarizer.settings.checker,
        "max_chars": summarizer.settings.max_chars,
        "summarizer_version": __version__,
        "via": via,
        "started": now(),
        "finished": None,
    }
    with ResultStore(out_path) as store:
        write_run_info(batch_run_info_path(out_path), info)
        outcome: RunOutcome | None = None
        try:
            outcome = runner.run(items, store)
        finally:
            done = outcome or getattr(sys.exc_info()[1], "outcome", None)
            info["finished"] = now()
            if done is not None:
                info["counts"] = {"total": done.total, "ok": done.ok, "failed": done.failed}
                info["interrupted"] = done.interrupted
            write_run_info(batch_run_info_path(out_path), info)
        return outcome
