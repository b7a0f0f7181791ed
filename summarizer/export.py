"""Reports and run rows as flat records: the ``--format csv`` (and table) view of the CLI.

One flat record per article: the id and status, the main facts as plain strings (the value as
``Fact.describe`` shows it, plus the value's own words as the article wrote them where code found
them), the summary, and for a failed article the error type and message.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .schema import Fact, IncidentReport

__all__ = ["COLUMNS", "FORMATS", "flat_report", "flat_row", "to_csv", "to_jsonl"]

FORMATS = ("table", "json", "jsonl", "csv")

COLUMNS = (
    "id",
    "status",
    "is_incident",
    "category",
    "subtype",
    "date",
    "location",
    "country_code",
    "killed",
    "injured",
    "perpetrators",
    "claims",
    "summary",
    "warnings",
    "engine",
    "model",
    "error_type",
    "error",
)


def _value(fact: Fact | None) -> str:
    return "" if fact is None else fact.describe()


def flat_report(report: IncidentReport) -> dict[str, str]:
    """The report as one flat record of strings (no ``id``/``status``/``error`` columns)."""
    inc = report.incident
    out = {
        "is_incident": "unknown" if report.is_incident is None else str(report.is_incident).lower(),
        "category": str(inc.category) if inc else "",
        "subtype": (inc.subtype or "") if inc else "",
        "date": _value(inc.date) if inc else "",
        "location": _value(inc.location) if inc else "",
        "country_code": (inc.location.country_code or "") if inc and inc.location else "",
        "killed": _value(inc.killed) if inc else "",
        "injured": _value(inc.injured) if inc else "",
        "perpetrators": "; ".join(p.describe() for p in inc.perpetrators) if inc else "",
        "claims": "; ".join(c.describe() for c in inc.responsibility_claims) if inc else "",
        "summary": report.summary,
        "warnings": "; ".join(w.code for w in report.warnings),
        "engine": report.provenance.engine,
        "model": report.provenance.model,
    }
    return out


def flat_row(row: Mapping[str, Any]) -> dict[str, str]:
    """A runner row (``{"id", "status", "report" | "error"}``) as one flat record of ``COLUMNS``."""
    out = dict.fromkeys(COLUMNS, "")
    out["id"] = str(row.get("id", ""))
    out["status"] = str(row.get("status", ""))
    if row.get("status") == "ok" and isinstance(row.get("report"), dict):
        try:
            out.update(flat_report(IncidentReport.model_validate(row["report"])))
        except ValueError as exc:
            out["status"], out["error_type"], out["error"] = (
                "error",
                "InvalidReport",
                str(exc).splitlines()[0],
            )
    else:
        err = row.get("error") or {}
        out["error_type"] = str(err.get("type", ""))
        out["error"] = str(err.get("message", ""))
    return out


def to_csv(records: Iterable[Mapping[str, str]], columns: Sequence[str] = COLUMNS) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow(record)
    return buffer.getvalue()


def to_jsonl(items: Iterable[Any]) -> str:
    return "".join(json.dumps(i, ensure_ascii=False, separators=(",", ":")) + "\n" for i in items)
