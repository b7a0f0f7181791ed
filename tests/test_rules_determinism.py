"""Same input, same output: the rules engine's draft must not depend on PYTHONHASHSEED (set order)."""

from __future__ import annotations

import os
import subprocess
import sys

from summarizer.engines.rules.summary import sentence_case

# two big cities told in the event sentence, a third in the lead: the city is chosen by votes, and
# a big city's discount once depended on the order a set of big cities was walked in
_SCRIPT = """
from datetime import date
from summarizer.engines.rules.engine import extract_draft
text = (
    "Bombs exploded in Medellin and in Cali on Monday, killing 5 people, police said. "
    "Officials in Bogota condemned the attacks."
)
draft = extract_draft(text, date(2024, 3, 4))
print(draft.location.city if draft.location else None)
print(draft.model_dump_json())
"""


def _run(seed: int) -> str:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT], env=env, capture_output=True, text=True, check=True, timeout=120
    )
    return done.stdout


def test_draft_does_not_depend_on_hash_seed() -> None:
    outputs = {_run(seed) for seed in (1, 3)}  # two seeds that chose different cities before the fix
    assert len(outputs) == 1
    city = next(iter(outputs)).splitlines()[0]
    assert city == "Medellin"  # both event-sentence cities discounted alike; the first named wins the tie


def test_sentence_case_prefers_the_mixed_case_spelling_whatever_the_order() -> None:
    text = "REBELS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT ATTACKED A POWER STATION."
    upper, mixed = "FARABUNDO MARTI NATIONAL LIBERATION FRONT", "Farabundo Marti National Liberation Front"
    expected = "Rebels of the Farabundo Marti National Liberation Front attacked a power station."
    assert sentence_case(text, [upper, mixed]) == expected
    assert sentence_case(text, [mixed, upper]) == expected


def test_sentence_case_keeps_the_first_listed_of_two_mixed_case_spellings() -> None:
    text = "LAWYERS MET IN ST. JOHN'S TODAY."
    assert sentence_case(text, ["St. John's", "St. John'S"]) == "Lawyers met in St. John's today."
