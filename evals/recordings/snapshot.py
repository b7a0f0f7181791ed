"""Replay a committed recording of a real model and write (or check) its snapshot.

    python -m evals.recordings.snapshot evals/recordings/smollm2-val          # write recording.json
    python -m evals.recordings.snapshot evals/recordings/smollm2-val --check  # exit 1 on a difference

``recording.json`` names the gold file, the settings the recording was made with and, per
recorded article, what the replayed report shows (counts, date, place, claimants, warnings and
cross-check fields) under the default checker. The test ``tests/test_recorded_local.py`` replays
the same exchanges in CI: real model behaviour, no model needed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from summarizer import Settings, Summarizer
from summarizer.engines.cassette import CASSETTE_FILE, load_exchanges
from summarizer.errors import SummarizerError
from summarizer.evaluation.gold import load_gold

ROOT = Path(__file__).resolve().parents[2]


def shown(report: Any) -> dict[str, Any]:
    inc = report.incident
    out: dict[str, Any] = {"is_incident": report.is_incident}
    if inc is not None:
        for role in ("killed", "injured"):
            c = getattr(inc, role)
            out[role] = None if c is None else c.display()
        out["date"] = inc.date.iso.isoformat() if inc.date and inc.date.iso else None
        out["city"] = inc.location.city if inc.location else None
        out["country"] = inc.location.country if inc.location else None
        out["claimants"] = [c.claimant for c in inc.responsibility_claims]
    out["warnings"] = sorted({f"{w.code}:{w.field}" for w in report.warnings})
    out["cross_check"] = sorted(x.field for x in report.cross_check)
    return out


def replay(folder: Path, meta: dict[str, Any]) -> dict[str, Any]:
    settings = Settings(
        engine=meta["engine"],
        model=meta["model"],
        replay_dir=folder,
        cache_enabled=False,
        **meta["settings"],
    )
    summarizer = Summarizer(settings)
    records = {r.id: r for r in load_gold(ROOT / meta["gold"])}
    out: dict[str, Any] = {}
    for rid in meta["ids"]:
        try:
            out[rid] = shown(summarizer.summarize(records[rid].article(), use_cache=False))
        except SummarizerError as exc:
            out[rid] = {"error": type(exc).__name__}
    return out


def main(argv: list[str]) -> int:
    folder = Path(argv[0])
    meta = json.loads((folder / "recording.json").read_text(encoding="utf-8"))
    if not meta.get("ids"):
        exchanges = load_exchanges(folder / CASSETTE_FILE)
        print(f"{len(exchanges)} exchanges; set ids in recording.json", file=sys.stderr)
        return 2
    got = replay(folder, meta)
    if "--check" in argv:
        bad = [rid for rid in meta["ids"] if got[rid] != meta["expected"].get(rid)]
        for rid in bad:
            print(f"{rid}: expected {meta['expected'].get(rid)}\n{' ' * len(rid)}  got      {got[rid]}")
        return 1 if bad else 0
    meta["expected"] = got
    (folder / "recording.json").write_text(
        json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
