"""A run's metrics with and without the gold labels listed in an errata file.

    python -m evals.errata runs/gvdb --errata evals/gvdb_errata.md

The errata file is a Markdown table whose rows start ``| article id | field | label | ...``; a
field is ``killed``, ``injured``, ``date``, ``is_incident``, ``country``, ``city`` or
``perpetrators``. "Without" leaves those article/field pairs unscored (every score row of the field:
``killed`` covers ``killed.value``, ``killed.joint``, ``killed.value@gold_gt0`` ...); the gold file
is never edited.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

from summarizer.evaluation.metrics import METRICS, field_metrics

__all__ = ["main", "read_errata", "without"]

_ROW = re.compile(r"^\|\s*(?P<id>[^|\s]+)\s*\|\s*(?P<field>[\w.@]+)\s*\|")


def read_errata(path: Path) -> set[tuple[str, str]]:
    """(article id, field) pairs listed in the errata table."""
    pairs: set[tuple[str, str]] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _ROW.match(line)
        if m and m.group("id") not in {"article", "---"} and not m.group("id").startswith("-"):
            pairs.add((m.group("id"), m.group("field")))
    return pairs


def _covers(field: str, key: str) -> bool:
    return key == field or key.startswith(f"{field}.") or key.startswith(f"{field}@")


def without(rows: list[dict[str, Any]], pairs: set[tuple[str, str]]) -> list[dict[str, Any]]:
    """The rows with the listed article/field scores set to "not scored"."""
    out = []
    for row in rows:
        fields = {f for rid, f in pairs if rid == str(row.get("id"))}
        if fields and row.get("scores"):
            scores = {
                k: ({**v, "ok": None} if any(_covers(f, k) for f in fields) else v)
                for k, v in row["scores"].items()
            }
            row = {**row, "scores": scores}
        out.append(row)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("run", type=Path, help="an eval run folder (holds results.jsonl)")
    parser.add_argument("--errata", type=Path, required=True)
    args = parser.parse_args(argv)
    rows = [json.loads(x) for x in (args.run / "results.jsonl").read_text(encoding="utf-8").splitlines() if x]
    pairs = read_errata(args.errata)
    before, after = field_metrics(rows), field_metrics(without(rows, pairs))
    print(f"{len(pairs)} errata rows")
    print("| metric | with errata labels | without | scored without |")
    print("|---|---:|---:|---:|")
    for spec in METRICS:
        a, b = before.get(spec.key, {}), after.get(spec.key, {})
        if a.get("value") is None and b.get("value") is None:
            continue
        if a.get("n") == b.get("n"):
            continue
        print(f"| {spec.key} | {a.get('value')} | {b.get('value')} | {b.get('n')} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
