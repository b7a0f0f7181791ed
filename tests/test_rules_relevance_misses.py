"""Incident reports the relevance rules used to miss, by class (every text here was written for
these tests, none is taken from a gold set)."""

from __future__ import annotations

import pytest

from summarizer.engines.rules.classify import violent_act
from summarizer.engines.rules.engine import extract_draft
from summarizer.engines.rules.text import segment

# --------------------------------------------------------------------------------------------------
# news pages
# --------------------------------------------------------------------------------------------------

_ONE_BLOCK = (
    "Updated at 9:15 a.m.: Adds the name of the victim. Updated at 7 a.m.: Adds details from the "
    "police. Police said a 40-year-old man was shot and killed Saturday night outside a bar on Main "
    "Street. The victim, Tom Reed, died at the scene. No arrests have been made."
)


def test_update_notes_that_open_a_one_block_page_are_the_only_boilerplate() -> None:
    art = segment(_ONE_BLOCK)
    assert [s.boilerplate for s in art.sentences[:3]] == [True, True, False]
    assert extract_draft(_ONE_BLOCK, None).is_incident


def test_a_paragraph_that_is_only_a_note_stays_boilerplate() -> None:
    art = segment("Updated at 9:15 a.m.\n\nPolice said a man was shot and killed Saturday night.")
    assert art.sentences[0].boilerplate
    assert not art.sentences[1].boilerplate


@pytest.mark.parametrize(
    "sentence",
    [
        "The FBI is offering a reward for information in a fatal downtown shooting.",
        "Names have been released in the late Friday night shooting in Oakville.",
        "Police are looking for the shooter who wounded a bus driver on Elm Street.",
        "Police search for suspect who shot bus driver",
        "Man accused of shooting at delivery driver",
        "A man is accused of firing a gun at a neighbor on Sunday.",
        "A neighbor found him on the porch, shot twice in the chest.",
        "Suspect named in shooting that killed three",
    ],
)
def test_a_shooting_told_in_news_style_is_a_violent_act(sentence: str) -> None:
    assert violent_act(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The team was shooting in the second half as well as it did all season.",
        "She shot a photo of the parade from the roof.",
        "The council debated a fatal flaw in the budget plan.",
    ],
)
def test_other_shooting_words_are_not(sentence: str) -> None:
    assert not violent_act(sentence)
