"""Real model behaviour, replayed: the SmolLM2-135M GGUF's recorded answers on the held-out val set
(evals/recordings/smollm2-val, made with `--record`) go through today's grounding, checker,
neutrality and cross-check, and must give the committed snapshot. No model and no network: a
change in what users would see from these real answers fails here (refresh the snapshot with
`python -m evals.recordings.snapshot evals/recordings/smollm2-val` when the change is intended)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RECORDING = ROOT / "evals" / "recordings" / "smollm2-val"


@pytest.mark.slow
def test_replayed_smollm2_answers_match_the_snapshot() -> None:
    meta_file = RECORDING / "recording.json"
    if not meta_file.is_file():
        pytest.skip("no committed recording")
    import sys

    sys.path.insert(0, str(ROOT))
    from evals.recordings.snapshot import replay

    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    assert meta["ids"], "a recording with no articles"
    got = replay(RECORDING, meta)
    assert got == meta["expected"]


def test_the_recording_holds_no_request_text() -> None:
    tape = RECORDING / "exchanges.jsonl"
    if not tape.is_file():
        pytest.skip("no committed recording")
    for line in tape.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        assert set(entry) == {"fingerprint", "model", "response", "usage", "latency_ms"}
