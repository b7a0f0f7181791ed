"""Real model behaviour, replayed: the SmolLM2-135M GGUF's recorded answers on the held-out val set
(evals/recordings/smollm2-val) and on a fixed sample of GVDB dev articles
(evals/recordings/smollm2-gvdb), made with `--record`, go through today's grounding, checker,
neutrality and cross-check, and must give the committed snapshot. No model and no network: a
change in what users would see from these real answers fails here (refresh the snapshot with
`python -m evals.recordings.snapshot evals/recordings/NAME` when the change is intended). The GVDB
recording holds only exchange hashes and model responses; its articles are read from
``../shared/gvdb/dev.jsonl`` beside the repository, and the test skips where that file is absent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RECORDINGS = ROOT / "evals" / "recordings"
NAMES = ("smollm2-val", "smollm2-gvdb")


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_replayed_smollm2_answers_match_the_snapshot(name: str) -> None:
    folder = RECORDINGS / name
    meta_file = folder / "recording.json"
    if not meta_file.is_file():
        pytest.skip("no committed recording")
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    if not (ROOT / meta["gold"]).is_file():
        pytest.skip(f"the gold file {meta['gold']} is not beside the repository")
    import sys

    sys.path.insert(0, str(ROOT))
    from evals.recordings.snapshot import replay

    assert meta["ids"], "a recording with no articles"
    got = replay(folder, meta)
    assert got == meta["expected"]


@pytest.mark.parametrize("name", NAMES)
def test_the_recording_holds_no_request_text(name: str) -> None:
    tape = RECORDINGS / name / "exchanges.jsonl"
    if not tape.is_file():
        pytest.skip("no committed recording")
    for line in tape.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        assert set(entry) == {"fingerprint", "model", "response", "usage", "latency_ms"}
