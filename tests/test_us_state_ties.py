"""A US report's state when the cues tie: a county name several states share ("Cook County":
Georgia, Illinois, Minnesota) splits its support, so no state leads. The tie goes to the state
where the report's town is (Chicago: Illinois), and with no town to tell, the report names no
state rather than the first in alphabetical order."""

from __future__ import annotations

import pytest

from summarizer import summarize
from summarizer.normalize.us_places import find_us_cues, us_state_leaders, us_state_scores

TOWN = (
    "A 30-year-old man was shot and killed Saturday night in the 1200 block of West Madison Street "
    "in Chicago, police said. The Cook County medical examiner's office identified the victim as Tom Hale."
)
NO_TOWN = (
    "A 30-year-old man was shot and killed Saturday night in the 1200 block of Elm Street, police said. "
    "The Cook County medical examiner's office identified the victim as Tom Hale."
)
STATE_NAMED = NO_TOWN.replace("police said.", "police in Minnesota said.")
STATE_AS_A_WORD = NO_TOWN.replace("A 30-year-old man", "A 30-year-old Minnesota man")
TWO_DATELINES = (
    "CAMDEN, N.J. - A man from Yonkers, N.Y., was shot and wounded Friday outside a store on Elm "
    "Street, police said."
)


def test_a_shared_county_name_ties_its_states() -> None:
    scores = {code: score for code, score, _ in us_state_scores(find_us_cues(NO_TOWN))}
    assert set(scores) == {"GA", "IL", "MN"}
    assert len(set(scores.values())) == 1


@pytest.mark.parametrize(
    ("text", "city", "region"),
    [
        (TOWN, "Chicago", "Illinois"),  # was Georgia: the first of the tied states
        (NO_TOWN, "Cook County", None),  # a tie nothing breaks is no answer
        (STATE_NAMED, "Cook County", "Minnesota"),  # a state the text names leads on its own
        (STATE_AS_A_WORD, "Cook County", "Minnesota"),  # "a Minnesota man": the text's own word breaks it
    ],
)
def test_the_state_of_a_tie_is_the_towns_or_none(text: str, city: str, region: str | None) -> None:
    report = summarize(text, published="2024-05-18", engine="rules", use_cache=False)
    location = report.incident.location if report.incident else None
    assert location is not None
    assert (location.city, location.region, location.country) == (city, region, "United States")


def test_states_named_at_different_places_are_told_apart_by_the_first() -> None:
    cues = find_us_cues(TWO_DATELINES)
    assert us_state_leaders(cues) == ("NJ",)  # as well supported, but the dateline comes first
    assert us_state_leaders(find_us_cues(NO_TOWN)) == ("GA", "IL", "MN")
