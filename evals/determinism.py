"""Same input, same output: run the rules engine over gold sets under several ``PYTHONHASHSEED``
values and compare the drafts byte for byte.

    python -m evals.determinism evals/data/dev.jsonl ../shared/gvdb/dev.jsonl --seeds 0 1 2 3

Each seed runs in its own interpreter (the hash seed is fixed at start-up). Prints the ids whose
draft differs between seeds and exits 1 when there is any; ``tests/test_determinism.py`` runs it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

__all__ = ["drafts_digest", "main", "run_seed"]


def drafts_digest(paths: list[Path]) -> dict[str, str]:
    """id -> sha256 of the rules engine's draft (JSON) for every article of the gold files."""
    from summarizer.engines.rules.engine import extract_draft

    out: dict[str, str] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            published = date.fromisoformat(row["published"]) if row.get("published") else None
            draft = extract_draft(row["text"], published, row.get("title"))
            blob = draft.model_dump_json().encode("utf-8")
            out[f"{path.name}:{row['id']}"] = hashlib.sha256(blob).hexdigest()
    return out


def run_seed(paths: list[Path], seed: str) -> dict[str, str]:
    """The digests computed in a fresh interpreter whose PYTHONHASHSEED is ``seed``."""
    env = {**os.environ, "PYTHONHASHSEED": seed}
    code = (
        "import json, sys; from pathlib import Path; from evals.determinism import drafts_digest; "
        "print(json.dumps(drafts_digest([Path(p) for p in sys.argv[1:]])))"
    )
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-c", code, *map(str, paths)],
        env=env,
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, str] = json.loads(done.stdout)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--seeds", nargs="+", default=["0", "1", "2", "3"])
    args = parser.parse_args(argv)
    runs = {seed: run_seed(args.gold, seed) for seed in args.seeds}
    first = runs[args.seeds[0]]
    differing = sorted({k for r in runs.values() for k in first if r.get(k) != first[k]})
    for k in differing:
        print(k)
    print(f"{len(first)} articles, {len(args.seeds)} seeds: {len(differing)} differ", file=sys.stderr)
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
