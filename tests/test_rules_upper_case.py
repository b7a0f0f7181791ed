"""The same text gives the same facts whatever its letter case: a mixed-case sentence and its
upper-case copy name the same suspects and places. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from summarizer.engines.rules.engine import extract_draft

_SUSPECTS = [
    (
        "A man was shot in his car on Friday. Dana Whitlock, a 31-year-old woman who lives nearby, was "
        "charged with assault.",
        "Dana Whitlock",
    ),
    (
        "A man was shot and killed on Elm Street on Sunday. Police identified the gunman as Daniel Ortiz, 23.",
        "Daniel Ortiz",
    ),
    (
        "A woman was shot in her home on Friday. The suspect, 27-year-old Marcus Webb, has been charged "
        "with attempted murder.",
        "Marcus Webb",
    ),
    (
        "Two men were wounded in a shooting on Friday night. Police arrested Tyrell Jameson, 26, and charged "
        "him with assault.",
        "Tyrell Jameson",
    ),
    (
        "A man was fatally shot outside a bar on Saturday. Witnesses pointed police to Leon Farris. "
        "Farris was charged with murder on Monday.",
        "Leon Farris",
    ),
]


def _suspects(text: str) -> list[str]:
    draft = extract_draft(text, None)
    assert all(p.quote in text for p in draft.perpetrators)
    return [p.name.casefold() for p in draft.perpetrators if p.kind == "suspect"]


@pytest.mark.parametrize(("text", "name"), _SUSPECTS)
def test_upper_case_copy_names_the_same_suspect(text: str, name: str) -> None:
    assert _suspects(text) == [name.casefold()]
    assert _suspects(text.upper()) == [name.casefold()]


def test_upper_case_victim_is_no_suspect_and_ordinary_words_are_no_name() -> None:
    text = "MARCUS REED, 65, WAS SHOT AND KILLED ON HIS PORCH ON SUNDAY. POLICE ARRESTED TWO MEN ON MONDAY."
    assert _suspects(text) == []


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("A Memphis man was shot dead by police on Friday, officers said.", "memphis"),
        (
            "A man was shot and killed Sunday night in Granada Hills, Calif., police said. The victim was taken "
            "to a hospital in critical condition.",
            "granada hills",
        ),
    ],
)
def test_upper_case_copy_gives_the_same_town(text: str, city: str) -> None:
    for copy in (text, text.upper()):
        loc = extract_draft(copy, None).location
        assert loc is not None and loc.city is not None
        assert (loc.city.casefold(), loc.country) == (city, "United States")
