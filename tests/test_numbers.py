from __future__ import annotations

import pytest

from summarizer.normalize.numbers import find_numbers, parse_count
from summarizer.schema import Qualifier as Q


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("at least 60 people", (60, Q.at_least)),
        ("a minimum of 5", (5, Q.at_least)),
        ("more than 100", (100, Q.more_than)),
        ("over 40", (40, Q.more_than)),
        ("upwards of 300", (300, Q.more_than)),
        ("nearly 30", (30, Q.about)),
        ("about 15", (15, Q.about)),
        ("around 7", (7, Q.about)),
        ("some 50 people", (50, Q.about)),
        ("almost 90", (90, Q.about)),
        ("roughly 12", (12, Q.about)),
        ("approximately 1,500", (1500, Q.about)),
        ("an estimated 2,000 people", (2000, Q.about)),
        ("up to 200", (200, Q.up_to)),
        ("Twenty-three", (23, Q.exact)),
        ("ONE HUNDRED AND FIVE", (105, Q.exact)),
        ("SIX PEASANTS", (6, Q.exact)),
        ("a dozen", (12, Q.exact)),
        ("about a dozen", (12, Q.about)),
        ("two dozen people", (24, Q.exact)),
        ("two", (2, Q.exact)),
        ("1,200", (1200, Q.exact)),
        ("40 or more", (40, Q.at_least)),
        ("100-plus", (100, Q.more_than)),
        ("AT LEAST SIX", (6, Q.at_least)),
        ("no one", (0, Q.exact)),
    ],
)
def test_parse_count(phrase: str, expected: tuple[int, Q]) -> None:
    assert parse_count(phrase) == expected


@pytest.mark.parametrize(
    "phrase",
    [
        "hundreds",
        "dozens of people",
        "scores of villagers",
        "several people",
        "the 34-year-old",
        "in 2015",
        "3 JAN 90",
        "AK-47 rifles",
        "a 7.5 magnitude quake",
        "Flight 93",
        "",
        "at 10:30",
    ],
)
def test_not_a_count(phrase: str) -> None:
    assert parse_count(phrase) is None


def test_find_numbers_offsets_and_qualifiers() -> None:
    text = "killing at least 12 people and injuring about 30 others on March 3"
    found = find_numbers(text)
    assert [(n.value, n.qualifier) for n in found] == [(12, Q.at_least), (30, Q.about)]
    assert text[found[0].start : found[0].end] == "at least 12"
    assert text[found[1].number_start : found[1].end] == "30"
