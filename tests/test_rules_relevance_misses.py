"""Incident reports the relevance rules used to miss, by class (every text here was written for
these tests, none is taken from a gold set)."""

from __future__ import annotations

import pytest

from summarizer.engines.rules.classify import violent_act
from summarizer.engines.rules.engine import extract_draft
from summarizer.engines.rules.text import segment
from summarizer.engines.rules.wire import wire_incident_score

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


# --------------------------------------------------------------------------------------------------
# wire copy
# --------------------------------------------------------------------------------------------------


def _wire_score(*sentences: str) -> float:
    return wire_incident_score(list(sentences), rules_say_incident=False)


def _told_in_passing(sentence: str) -> float:
    """The score of a report whose act is told after two neutral sentences."""
    return _wire_score("THE PRESIDENT MET THE PARTY LEADERS TODAY.", "THE MEETING LASTED 3 HOURS.", sentence)


@pytest.mark.parametrize(
    "lead",
    [
        # hostages taken or kept
        "THE ARMY SAID THAT THE REBELS HAVE TAKEN SEVERAL BANK EMPLOYEES AS HOSTAGES IN THE TOWN.",
        # a body found, a person found dead
        "THE BODY OF A YOUNG TEACHER WAS FOUND TODAY ON A ROAD NEAR SAN JUAN, THE POLICE REPORTED.",
        "THE POLICE REPORTED TODAY THAT A STUDENT LEADER HAS BEEN FOUND DEAD IN THE CAPITAL.",
        # a killing told with its victim
        "THE MINISTER NAMED THOSE RESPONSIBLE FOR KILLING THE LAWYER IN THE CAPITAL.",
        # a counted group of civilians killed
        "A PATROL KILLED THREE YOUNG PEASANTS NEAR THE VILLAGE OF SAN JOSE LAST NIGHT.",
    ],
)
def test_an_act_told_another_way_in_the_lead_makes_a_wire_report_an_incident(lead: str) -> None:
    assert _wire_score(lead, "THE AUTHORITIES GAVE NO FURTHER DETAILS.") > 0


@pytest.mark.parametrize(
    "sentence",
    [
        "THE GROUP HAS HELD TWO ENGINEERS HOSTAGE SINCE MARCH.",
        "THE GUERRILLAS CLAIMED RESPONSIBILITY FOR THE ACTION.",
        "HE CONDEMNED THE SLAYING OF THE JUDGE.",
        "THE BODIES OF TWO PEASANTS WERE FOUND NEAR THE RIVER.",
        "A TELEPHONE BOOTH WAS DESTROYED BY A BOMB.",
        "HE SAID THAT THE SOLDIERS SHOT TWO STUDENTS.",
    ],
)
def test_an_act_told_another_way_counts_further_down(sentence: str) -> None:
    assert _told_in_passing(sentence) > _told_in_passing("THE MEETING ENDED AT NOON.") + 0.4


def test_one_victim_told_by_apposition_or_indefinite_article_counts_more_than_the_bare_act() -> None:
    bare = _told_in_passing("HE ALSO RECALLED THE ASSASSINATION ON 3 MAY OF JUAN PEREZ.")
    told = _told_in_passing(
        "HE ALSO RECALLED THE ASSASSINATION ON 3 MAY OF JUAN PEREZ, ITS PRESIDENTIAL CANDIDATE."
    )
    assert told > bare + 0.4
    bare = _told_in_passing("WE MUST REPUDIATE THE VIOLENT MURDER OF THOSE PEOPLE.")
    told = _told_in_passing("WE MUST REPUDIATE THE VIOLENT MURDER OF A MEMBER OF THE POLICE.")
    assert told > bare + 0.4


def test_no_act_is_told_by_a_threat_a_search_or_a_noun() -> None:
    base = _told_in_passing("THE MEETING ENDED AT NOON.")
    for sentence in (
        "THE REBELS SAID THAT THE ENGINEERS WILL BE HELD HOSTAGE.",
        "NO BODIES WERE FOUND IN THE AREA SEARCHED BY THE TROOPS.",
        "THE BISHOP SPOKE OF KILLING AND TORTURE AS CRIMES AGAINST THE NATION.",
        "HE DENIED THAT HIS PARTY EVER CLAIMED THAT THE ELECTIONS WERE FAIR.",
        "THE REBELS THREATENED TO KILL TEN JUDGES FOR EVERY MAN EXTRADITED.",
    ):
        assert _told_in_passing(sentence) <= base + 0.01, sentence
