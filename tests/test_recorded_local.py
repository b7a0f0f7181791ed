"""Real model behaviour, replayed: the SmolLM2-135M GGUF's recorded answers on the held-out val set
(evals/recordings/smollm2-val) and on the first GVDB dev articles (evals/recordings/smollm2-gvdb,
made with `--record`) go through today's grounding, checker, neutrality and cross-check, and must
give the committed snapshot. No model and no network: a change in what users would see from these
real answers fails here (refresh the snapshot with `python -m evals.recordings.snapshot FOLDER`
when the change is intended).

The GVDB recording holds no article text: the spans a response copies from its article are stored
as references and rebuilt from ../shared/gvdb/dev.jsonl beside the repository (present in CI)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
RECORDINGS = ROOT / "evals" / "recordings"
VAL = RECORDINGS / "smollm2-val"
GVDB = RECORDINGS / "smollm2-gvdb"
SHARED_GVDB = ROOT.parent / "shared" / "gvdb" / "dev.jsonl"
STORED_KEYS = {"fingerprint", "model", "response", "usage", "latency_ms"}


def _meta(folder: Path) -> dict[str, Any]:
    meta_file = folder / "recording.json"
    if not meta_file.is_file():
        pytest.skip(f"no committed recording in {folder.name}")
    meta: dict[str, Any] = json.loads(meta_file.read_text(encoding="utf-8"))
    assert meta["ids"], "a recording with no articles"
    return meta


def _need_shared_gvdb() -> None:
    if not SHARED_GVDB.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SHARED_GVDB} is missing: CI has ../shared beside the clone")
        pytest.skip(f"{SHARED_GVDB} is not here (it lives in ../shared beside the repository)")


@pytest.mark.slow
@pytest.mark.parametrize("folder", [VAL, GVDB], ids=["val", "gvdb"])
def test_replayed_smollm2_answers_match_the_snapshot(folder: Path) -> None:
    meta = _meta(folder)
    if folder == GVDB:
        _need_shared_gvdb()
    sys.path.insert(0, str(ROOT))
    from evals.recordings.snapshot import replay

    got = replay(folder, meta)
    assert got == meta["expected"]


@pytest.mark.parametrize("folder", [VAL, GVDB], ids=["val", "gvdb"])
def test_the_recording_holds_no_request_text(folder: Path) -> None:
    tape = folder / "exchanges.jsonl"
    if not tape.is_file():
        pytest.skip("no committed recording")
    for line in tape.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        assert set(entry) - {"copied"} == STORED_KEYS
        assert entry.get("copied", True) is True


def test_the_gvdb_recording_holds_no_article_text() -> None:
    """No 20-character window of an exchange's own article (decoded JSON strings included) and no
    60-character window of any GVDB dev article is stored in the committed GVDB recording."""
    _meta(GVDB)
    _need_shared_gvdb()
    sys.path.insert(0, str(ROOT))
    from evals.recordings.redact import check

    found = check(GVDB)
    assert found == [], f"{len(found)} article windows stored (python -m evals.recordings.redact --check)"
