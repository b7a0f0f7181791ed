"""Evaluation runs: a gold file through the shared runner, score, and write the run folder.

A run folder holds ``run.json`` (what was run), ``results.jsonl`` (one row per article),
``metrics.json``, ``report.md`` and ``report.html``. Re-running into the same folder resumes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..article import prepare_article
from ..errors import InputError
from ..runlog import now, write_run_info
from ..runner import Progress, ResultStore, Row, Runner, RunOutcome, WorkItem, read_rows
from ..schema import IncidentReport
from ..version import __version__
from .compare import Gate, evaluate_gates
from .gold import GoldRecord, load_gold
from .metrics import by_category, field_metrics, ops_metrics, score_report

if TYPE_CHECKING:
    from ..batch_api import BatchAPIRunner
    from ..pipeline import Summarizer

RESULTS = "results.jsonl"
METRICS = "metrics.json"
RUN_INFO = "run.json"


class RunMismatchError(InputError):
    """The run folder holds results from a different engine, model or prompt."""


@dataclass
class EvalResult:
    out: Path
    metrics: dict[str, Any]
    outcome: RunOutcome


def _file_sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_info(summarizer: Summarizer, gold_path: Path) -> dict[str, Any]:
    engine = summarizer.engine
    prompt = summarizer.prompt
    return {
        "engine": engine.name,
        "model": engine.model,
        "prompt": f"{prompt.name}/{prompt.version}" if prompt else None,
        "prompt_hash": prompt.short_hash if prompt else None,
        "checker": summarizer.settings.checker,
        "max_chars": summarizer.settings.max_chars,
        "gold": str(gold_path),
        "gold_path": str(gold_path.resolve()),
        "gold_sha256": _file_sha(gold_path),
        "summarizer_version": __version__,
    }


# what must match for a run folder to be resumed
RUN_SETTINGS = ("engine", "model", "prompt", "prompt_hash", "checker", "max_chars")


def _check_resume(out: Path, info: Mapping[str, Any], gold_ids: set[str]) -> dict[str, Any]:
    """The folder's earlier run.json (or {}). Refuses a folder run with other settings, on another
    gold file, or holding results for articles this gold file does not have (mixed runs). The same
    gold file with corrected labels is fine: every stored report is re-scored against it."""
    path = out / RUN_INFO
    if not path.exists():
        return {}
    try:
        old: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return {}
    problems = [
        f"{k}={old.get(k)!r} (now {info.get(k)!r})"
        for k in RUN_SETTINGS
        if k in old and old.get(k) != info.get(k)
    ]
    old_gold = old.get("gold_path") or old.get("gold")
    if old_gold and old_gold not in (info.get("gold_path"), info.get("gold")):
        problems.append(f"gold file {old_gold} (now {info.get('gold_path')})")
    results = out / RESULTS
    if results.is_file():
        foreign = sorted({str(r["id"]) for r in read_rows(results)} - gold_ids)
        if foreign:
            shown = ", ".join(foreign[:3]) + (" ..." if len(foreign) > 3 else "")
            problems.append(f"{len(foreign)} result row(s) for articles not in this gold file ({shown})")
    if problems:
        raise RunMismatchError(
            f"{out} holds another run: {'; '.join(problems)}. Use another --out, --overwrite to start "
            "it afresh, or --force to resume anyway"
        )
    return old


class GoldScorer:
    """Scores a report against its gold record, on the exact text the pipeline read."""

    def __init__(self, records: Mapping[str, GoldRecord], summarizer: Summarizer) -> None:
        self.records = records
        self.max_chars = summarizer.settings.max_chars
        self.max_input_bytes = summarizer.settings.max_input_bytes

    def text_of(self, record: GoldRecord) -> str:
        return prepare_article(
            record.article(), max_chars=self.max_chars, max_input_bytes=self.max_input_bytes
        ).text

    def __call__(self, item: WorkItem, report: IncidentReport) -> dict[str, Any]:
        record = self.records[item.id]
        return score_report(record, report, self.text_of(record))

    def rescore(self, row: Row) -> Row:
        """Recompute a stored row's scores against the current gold file."""
        record = self.records.get(str(row["id"]))
        if record is None or row.get("status") != "ok" or not row.get("report"):
            return row
        report = IncidentReport.model_validate(row["report"])
        return {**row, "scores": score_report(record, report, self.text_of(record))}


def gold_items(records: list[GoldRecord]) -> list[WorkItem]:
    return [WorkItem(id=r.id, source=r.article()) for r in records]


def compute_metrics(
    rows: list[Row],
    records: Mapping[str, GoldRecord],
    info: Mapping[str, Any],
    prices: Mapping[str, tuple[float, float]] | None = None,
) -> dict[str, Any]:
    ok = sum(1 for r in rows if r.get("status") == "ok")
    return {
        "run": dict(info),
        "counts": {
            "articles": len(rows),
            "ok": ok,
            "error": len(rows) - ok,
            "cache_hits": sum(
                1 for r in rows if r.get("status") == "ok" and r["report"]["provenance"].get("cache_hit")
            ),
        },
        "fields": field_metrics(rows, records),
        "ops": ops_metrics(rows, prices),
        "by_category": by_category(rows, records),
        "cross_check": cross_check_metrics(rows),
    }


_CROSS_CHECK_SCORES = {
    "is_incident": "is_incident",
    "incident.category": "category",
    "incident.killed": "killed.value",
    "incident.injured": "injured.value",
    "incident.date": "date",
    "incident.location.city": "city",
    "incident.location.country": "country",
}


def cross_check_metrics(rows: list[Row]) -> dict[str, Any]:
    """Per field: how often the rules cross-check disagreed with the engine, and of those how
    often the engine's value was wrong by the gold (a useful catch) or right (a false alarm)."""
    out: dict[str, Any] = {}
    for field, key in _CROSS_CHECK_SCORES.items():
        flagged = wrong = right = 0
        for r in rows:
            if r.get("status") != "ok":
                continue
            entries = r["report"].get("cross_check") or []
            if not any(e.get("field") == field for e in entries):
                continue
            flagged += 1
            ok = r.get("scores", {}).get(key, {}).get("ok")
            if ok is True:
                right += 1
            elif ok is False:
                wrong += 1
        out[field] = {"disagreements": flagged, "engine_wrong": wrong, "engine_right": right}
    return out


def run_eval(
    gold_path: str | Path,
    out: str | Path,
    summarizer: Summarizer,
    *,
    concurrency: int = 4,
    use_cache: bool = True,
    refresh: bool = False,
    progress: Progress | None = None,
    overwrite: bool = False,
    prices: Mapping[str, tuple[float, float]] | None = None,
    limit: int | None = None,
    gates: Sequence[Gate] = (),
    force: bool = False,
    via: str = "sync",
    batch_api: Mapping[str, Any] | None = None,
) -> EvalResult:
    """Run ``summarizer`` over the gold file into the run folder ``out`` and score it.

    Resuming a folder that holds a run with another gold file or other settings is refused
    (:class:`RunMismatchError`) unless ``force``; run.json records start and end times.
    """
    gold_file = Path(gold_path)
    records = load_gold(gold_file)
    all_ids = {r.id for r in records}
    if limit is not None:
        records = records[:limit]
    by_id = {r.id: r for r in records}
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    info = run_info(summarizer, gold_file)
    old: dict[str, Any] = {}
    if overwrite:
        for name in (RESULTS, METRICS, RUN_INFO, "report.md", "report.html"):
            (out_dir / name).unlink(missing_ok=True)
    elif not force:
        old = _check_resume(out_dir, info, all_ids)
    info["kind"] = "eval"
    info["started"] = now()
    info["finished"] = None
    if old.get("started"):
        info["first_started"] = old.get("first_started") or old["started"]
    if old.get("gold_sha256") and old.get("gold_sha256") != info.get("gold_sha256"):
        info["gold_changed"] = True  # same file, labels edited: stored reports are re-scored
    if force and (out_dir / RUN_INFO).exists():
        info["forced"] = True
    write_run_info(out_dir / RUN_INFO, info)

    scorer = GoldScorer(by_id, summarizer)
    runner: Runner | BatchAPIRunner
    if via == "batch-api":  # the engine calls through the provider's Batch API, same scoring
        from ..batch_api import BatchAPIRunner

        runner = BatchAPIRunner(
            summarizer,
            concurrency=concurrency,
            use_cache=use_cache,
            refresh=refresh,
            scorer=scorer,
            progress=progress,
            description=f"eval {gold_file.name}",
            **dict(batch_api or {}),
        )
    else:
        runner = Runner(
            summarizer,
            concurrency=concurrency,
            use_cache=use_cache,
            refresh=refresh,
            scorer=scorer,
            progress=progress,
            description=f"eval {gold_file.name}",
        )
    try:
        with ResultStore(out_dir / RESULTS) as store:
            outcome = runner.run(gold_items(records), store, transform=scorer.rescore)
    finally:
        info["finished"] = now()
        write_run_info(out_dir / RUN_INFO, info)
    metrics = compute_metrics(outcome.rows, by_id, info, prices)
    if gates:
        metrics["gates"] = evaluate_gates(metrics, gates)
    write_reports(out_dir, metrics, outcome.rows, by_id, scorer)
    return EvalResult(out=out_dir, metrics=metrics, outcome=outcome)


def write_reports(
    out_dir: Path,
    metrics: dict[str, Any],
    rows: list[Row],
    records: Mapping[str, GoldRecord],
    scorer: GoldScorer,
) -> None:
    from .report_html import render_html
    from .report_md import render_markdown

    (out_dir / METRICS).write_text(json.dumps(metrics, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    texts = {rid: scorer.text_of(rec) for rid, rec in records.items()}
    (out_dir / "report.md").write_text(render_markdown(metrics, rows, records), encoding="utf-8")
    (out_dir / "report.html").write_text(render_html(metrics, rows, records, texts), encoding="utf-8")


def load_metrics(run: str | Path) -> dict[str, Any]:
    """metrics.json of a run folder (or the file itself)."""
    path = Path(run)
    if path.is_dir():
        path = path / METRICS
    if not path.is_file():
        raise InputError(f"no metrics.json in {run}: is it a `summarizer eval` run folder?")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
