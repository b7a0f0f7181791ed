"""Same input, same output: the rules engine's drafts do not depend on PYTHONHASHSEED (set or dict
order). Runs the gold sets (and the GVDB dev split when ../shared is there) under three seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from evals.determinism import run_seed

ROOT = Path(__file__).resolve().parents[1]
SETS = [ROOT / "evals" / "data" / n for n in ("dev.jsonl", "val.jsonl", "muc4_tst1.jsonl", "muc4_tst2.jsonl")]
GVDB = ROOT.parent / "shared" / "gvdb" / "dev.jsonl"


@pytest.mark.slow
def test_drafts_are_byte_identical_under_several_hash_seeds() -> None:
    paths = [*SETS, *([GVDB] if GVDB.is_file() else [])]
    runs = [run_seed(paths, seed) for seed in ("0", "1", "2")]
    assert len(runs[0]) >= 292
    differing = sorted(k for k in runs[0] if any(r[k] != runs[0][k] for r in runs[1:]))
    assert differing == []
