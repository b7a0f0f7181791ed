"""What the checker and the rules cross-check catch of a real model's mistakes.

    python -m evals.recorded_catches RUN_OFF RUN_FLAG [RUN_STRICT]

Each RUN is an ``summarizer eval`` run folder made by replaying the same recording
(``--replay DIR``) with ``SUMMARIZER_CHECKER=off``, ``flag`` and ``strict``. For each scored field
the model got wrong with the checker off, it counts how often the flag run marked it (a warning or
a disputed figure on that field), how often the strict run turned it right, and how often the rules
cross-check disagreed on it; and, for fields the model got right, how often each raised a false
alarm.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

FIELDS = {
    "killed.value": "incident.killed",
    "injured.value": "incident.injured",
    "date": "incident.date",
    "city": "incident.location",
    "country": "incident.location",
    "perpetrators": "incident.perpetrators",
    "claimed_by": "incident.responsibility_claims",
}


def _rows(run: Path) -> dict[str, dict[str, Any]]:
    out = {}
    for line in (run / "results.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if row.get("status") == "ok":
                out[str(row["id"])] = row
    return out


def _marked(report: dict[str, Any], field: str) -> bool:
    return any(
        (w.get("field") or "").startswith(field) and w.get("code") not in ("summary_trimmed",)
        for w in report.get("warnings", [])
    )


def _crossed(report: dict[str, Any], field: str) -> bool:
    return any((x.get("field") or "").startswith(field) for x in report.get("cross_check", []))


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    off, flag = _rows(Path(argv[0])), _rows(Path(argv[1]))
    strict = _rows(Path(argv[2])) if len(argv) > 2 else {}
    print(
        "| field | wrong (off) | marked (flag) | right (strict) | cross-check on wrong | right (off) | flag false alarms | cross-check false alarms |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    totals = [0] * 7
    for key, field in FIELDS.items():
        wrong = marked = fixed = crossed = right = fa = xfa = 0
        for rid, row in off.items():
            ok = row.get("scores", {}).get(key, {}).get("ok")
            if ok is None or rid not in flag:
                continue
            f_report = flag[rid]["report"]
            if ok is False:
                wrong += 1
                marked += _marked(f_report, field)
                crossed += _crossed(f_report, field)
                if rid in strict:
                    fixed += strict[rid].get("scores", {}).get(key, {}).get("ok") is True
            else:
                right += 1
                fa += _marked(f_report, field)
                xfa += _crossed(f_report, field)
        for i, v in enumerate((wrong, marked, fixed, crossed, right, fa, xfa)):
            totals[i] += v
        print(
            f"| {key} | {wrong} | {marked} | {fixed if strict else 'n/a'} | {crossed} | {right} | {fa} | {xfa} |"
        )
    t = totals
    print(f"| all | {t[0]} | {t[1]} | {t[2] if strict else 'n/a'} | {t[3]} | {t[4]} | {t[5]} | {t[6]} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
