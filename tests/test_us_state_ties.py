"""A US report's state when the cues tie: a county name several states share ("Cook County":
Georgia, Illinois, Minnesota) splits its support, so no state leads. The tie goes to the state
where the report's town is (Chicago: Illinois), and with no town to tell, the report names no
state rather than the first in alphabetical order."""

from __future__ import annotations

import pytest

from summarizer import summarize
from summarizer.normalize.us_places import find_us_cues, us_state_scores

TOWN = (
    "A 30-year-old man was shot and killed Saturday night in the 1200 block of West Madison Street "
    "in Chicago, police said. The Cook County medical examiner's office identified the victim as Tom Hale."
)
NO_TOWN = (
    "A 30-year-old man was shot and killed Saturday night in the 1200 block of Elm Street, police said. "
    "The Cook County medical examiner's office identified the victim as Tom Hale."
)
STATE_NAMED = NO_TOWN.replace("police said.", "police in Minnesota said.")


def test_a_shared_county_name_ties_its_states() -> None:
    scores = dict(us_state_scores(find_us_cues(NO_TOWN)))
    assert set(scores) == {"GA", "IL", "MN"}
    assert len(set(scores.values())) == 1


@pytest.mark.parametrize(
    ("text", "city", "region"),
    [
        (TOWN, "Chicago", "Illinois"),  # was Georgia: the first of the tied states
        (NO_TOWN, "Cook County", None),  # a tie nothing breaks is no answer
        (STATE_NAMED, "Cook County", "Minnesota"),  # a state the text names leads on its own
    ],
)
def test_the_state_of_a_tie_is_the_towns_or_none(text: str, city: str, region: str | None) -> None:
    report = summarize(text, published="2024-05-18", engine="rules", use_cache=False)
    location = report.incident.location if report.incident else None
    assert location is not None
    assert (location.city, location.region, location.country) == (city, region, "United States")
