"""Who did the act in mixed-case news: more act words for generic attackers, and named suspects
set off by commas (issue #10). Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from summarizer.engines.rules.actors import find_perpetrators
from summarizer.engines.rules.suspects import find_named_suspects


def _names(*sentences: str) -> list[str]:
    rows = [(i, s, False) for i, s in enumerate(sentences)]
    return [a.name for a in find_perpetrators(rows, [], False, set())]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Two people were hurt when unidentified miscreants lobbed a petrol bomb at a bus stand on Friday.",
            "unidentified miscreants",
        ),
        ("Masked gunmen burst into a bar near the harbour, gunning down three men.", "Masked gunmen"),
        ("Gunmen on motorcycles surrounded the village shortly before dawn.", "Gunmen"),
    ],
)
def test_generic_attackers_with_more_act_words(sentence: str, expected: str) -> None:
    assert expected in _names(sentence)


def test_a_suspect_named_with_where_he_lives() -> None:
    rows = [
        (0, "Jordan Blake Pierce, 31, was previously charged with murder in the case.", True),
        (1, "Pierce, of the 200 block of Elm Street, is being held without bond.", False),
    ]
    assert [s.name for s in find_named_suspects(rows)] == ["Jordan Blake Pierce"]


def test_a_name_set_off_by_commas_before_the_act() -> None:
    rows = [
        (0, "One of the two deputies, Carla Mendes Ortiz, fatally shot Hall after he raised a knife.", False)
    ]
    assert [s.name for s in find_named_suspects(rows)] == ["Carla Mendes Ortiz"]
    # set off by commas and shot, the person is the victim
    rows = [(0, "His neighbour, Carla Mendes Ortiz, was shot in the leg.", False)]
    assert find_named_suspects(rows) == []


def test_a_named_shooter_who_fired_a_counted_shot() -> None:
    rows = [(0, "Police said Dana Lee Morrow, 45, fired one shot that struck her neighbour.", False)]
    assert [s.name for s in find_named_suspects(rows)] == ["Dana Lee Morrow"]
