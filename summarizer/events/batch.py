"""``summarizer batch ... --events events.jsonl``: group a finished batch into events.

Reads the batch's results file (reports) and its input (article texts and publication times, which
may carry a time of day: ``2025-07-19T09:00:00+06:00``), groups the reports with
:func:`group_events` and writes one :class:`EventReport` per incident group as JSONL.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from ..article import Article, prepare_article
from ..errors import SummarizerError
from ..runner import read_rows
from ..schema import IncidentReport
from .api import parse_time, summarize_events
from .schema import Member


def write_events(source: str | Path, results: str | Path, events_out: str | Path) -> int:
    """Group the ok rows of ``results`` into events written to ``events_out``; returns the event count."""
    from ..batch import read_input

    listed = read_input(source)
    times = _row_times(Path(source), len(listed))
    items = {item.id: item for item in listed}
    time_of = {item.id: t for item, t in zip(listed, times, strict=True)}
    members: list[Member] = []
    for row in read_rows(results):
        if row.get("status") != "ok" or not isinstance(row.get("report"), dict):
            continue
        report = IncidentReport.model_validate(row["report"])
        item = items.get(str(row["id"]))
        text: str | None = None
        when = None
        if item is not None:
            when = time_of.get(item.id) or parse_time(item.published)
            try:
                loaded = item.load()
                text = loaded.text if isinstance(loaded, Article) else prepare_article(loaded).text
            except SummarizerError:
                text = None
        members.append(
            Member(
                id=str(row["id"]),
                report=report,
                outlet=report.article.outlet,
                published=report.article.published or (when.date() if when else None),
                published_at=when,
                text=text,
            )
        )
    events = summarize_events(members)
    path = Path(events_out)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        for e in events:
            handle.write(json.dumps(e.model_dump(mode="json"), ensure_ascii=False) + "\n")
    tmp.replace(path)
    return len(events)


def _row_times(path: Path, count: int) -> list[datetime | None]:
    """A ``published_at`` column/key per input row (JSONL or CSV), aligned with ``read_input``."""
    out: list[datetime | None] = []
    if path.is_file() and path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        with path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if not line.strip():
                    continue
                try:
                    data = json.loads(line)
                except json.JSONDecodeError:
                    data = None
                out.append(parse_time(data.get("published_at")) if isinstance(data, dict) else None)
    elif path.is_file() and path.suffix.lower() == ".csv":
        import csv

        with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
            for row in csv.DictReader(handle):
                fields = {(k or "").strip(): v for k, v in row.items()}
                out.append(parse_time(fields.get("published_at")))
    return out if len(out) == count else [None] * count
