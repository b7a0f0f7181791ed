"""``run.json``: what a run was (engine, model, settings, input) and when it started and ended.

An eval run folder holds ``run.json`` next to ``results.jsonl``; a batch run writes
``<results>.run.json`` next to its results file. :func:`list_runs` reads them back for
``summarizer runs``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

__all__ = ["HEADLINE_METRICS", "RunSummary", "batch_run_info_path", "list_runs", "now", "write_run_info"]

# the metrics `summarizer runs` shows for an eval run
HEADLINE_METRICS = ("category", "date", "killed.joint", "injured.joint")


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def write_run_info(path: Path, info: Mapping[str, Any]) -> None:
    """Write ``run.json`` atomically."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(dict(info), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def batch_run_info_path(results: Path) -> Path:
    """``out/results.jsonl`` -> ``out/results.run.json``."""
    return results.with_name(results.stem + ".run.json")


@dataclass
class RunSummary:
    path: Path  # the run.json file
    kind: str  # "eval" or "batch"
    started: str | None
    finished: str | None
    engine: str | None
    model: str | None
    input: str | None  # the gold file or the batch input
    counts: dict[str, Any] = field(default_factory=dict)
    metrics: dict[str, float | None] = field(default_factory=dict)


def _read(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _summary(path: Path) -> RunSummary | None:
    info = _read(path)
    if info is None or "engine" not in info:
        return None
    kind = str(info.get("kind") or info.get("task") or ("eval" if "gold" in info else "batch"))
    summary = RunSummary(
        path=path,
        kind=kind,
        started=info.get("started"),
        finished=info.get("finished"),
        engine=info.get("engine"),
        model=info.get("model"),
        input=info.get("gold") if kind == "eval" else info.get("input") or ", ".join(info.get("texts") or []),
        counts=dict(info.get("counts") or {}),
    )
    if path.name == "run.json":  # an eval folder (gold or MUC-4): counts from its metrics.json
        metrics = _read(path.with_name("metrics.json")) or {}
        summary.counts = dict(metrics.get("counts") or summary.counts)
        fields = metrics.get("fields") or {}
        if kind == "eval":
            summary.metrics = {k: (fields.get(k) or {}).get("value") for k in HEADLINE_METRICS}
        elif isinstance(metrics.get("entity_f1"), int | float):  # MUC-4: role-filler entity F1
            summary.metrics = {"entity_f1": float(metrics["entity_f1"])}
    return summary


def list_runs(root: Path) -> list[RunSummary]:
    """Every eval and batch run under ``root`` (newest first; runs without a start time last)."""
    if root.is_file():
        found = [root]
    elif root.is_dir():
        found = sorted({*root.rglob("run.json"), *root.rglob("*.run.json")})
    else:
        found = []
    runs = [s for s in (_summary(p) for p in found) if s is not None]
    runs.sort(key=lambda r: (r.started or "", str(r.path)), reverse=True)
    return runs
