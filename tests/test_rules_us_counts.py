"""Killed and injured counts on US local news: the failure classes found on outside news (names
with a middle initial or a camel-cased surname, "taken to a hospital, where he died", a wounded
figure that counts one who later died, a victim named after a group, "killed along with", other
days' victims). Every text here is written for the test."""

from __future__ import annotations

import re
from datetime import date

import pytest

from summarizer.engines.base import ExtractionRequest
from summarizer.engines.rules import RulesEngine
from summarizer.normalize.casualties import find_mentions
from summarizer.normalize.people import count_people
from summarizer.schema import Draft


def _sentences(text: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    pos = 0
    for i, part in enumerate(re.split(r"(?<=[.;])\s+", text)):
        start = text.index(part, pos)
        out.append((i, start, part))
        pos = start + len(part)
    return out


def _tally(text: str) -> tuple[int, int]:
    t = count_people(_sentences(text))
    return t.killed, t.injured


def _draft(text: str) -> Draft:
    request = ExtractionRequest(text=text, reference_date=date(2016, 1, 8), title=None)
    return RulesEngine().extract(request).draft


def _counts(d: Draft) -> tuple[int | None, int | None]:
    return (
        d.killed.value if d.killed is not None else None,
        d.injured.value if d.injured is not None else None,
    )


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a camel-cased surname is a name ("McKenzie"), told again alone
        (
            "Police were called to the home of Darnell McKenzie on Friday. An officer fatally shot McKenzie, "
            "who was holding a knife. The officer also shot and killed a neighbor, 60-year-old Ruth Ames.",
            2,
            0,
        ),
        # the fate told in a relative clause after the trip to hospital
        ("Both men were taken to a hospital, where they died.", 2, 0),
        # "deadly" with words before "shooting"; "non-fatal" is no death
        (
            "Police identified the victim of a deadly Sunday morning shooting. Omar Pruitt, 35, was found shot in the chest.",
            1,
            0,
        ),
        ("A non-fatal shooting sent a man to the hospital on Sunday. A man was shot in the leg.", 0, 1),
        # an appositive after the age, and a second victim "along with" the first
        (
            "Luis Ferro, 29, a cook, was killed along with Dana Whitt, 20, a waitress, in a double homicide.",
            2,
            0,
        ),
        # a name given after a group: one of them, not one more
        (
            "Two people were shot during a robbery on Wednesday. Harold Quince, 64, was in good condition Thursday.",
            0,
            2,
        ),
        ("Two people were wounded at a bar on Sunday. Ada Moreno, 30, died at the hospital.", 1, 1),
        ("Two people were killed at a bar on Sunday. Ada Moreno, 30, was wounded.", 2, 1),
        # a second victim joined by a possessive: "a man and the man's neighbor"
        (
            "A deputy fatally shot a young man and the man's cousin outside a gas station, the sheriff said.",
            2,
            0,
        ),
        # a first act of the same subject, then its fate after a comma
        ("The wounded clerk went to a clinic across town on his own, and is expected to recover.", 0, 1),
        # the noun before a name tells who the person is: "a police officer" later is the same one
        (
            "Police officer Dana Marsh was killed Sunday after a traffic stop. A police officer was killed "
            "Sunday, the chief said.",
            1,
            0,
        ),
        # "another" with no noun of its own
        ("Two men argued outside the bar; one man was killed, another was injured, police said.", 1, 1),
        # hit by a bullet, told without the word
        ("The bus driver, who had stopped at a light, was struck twice and is in serious condition.", 0, 1),
        ("A pistol went off as it was being cleaned and a round hit a neighbor boy in the arm.", 0, 1),
        ("The injured woman was driven to a hospital with minor injuries by her sister.", 0, 1),
        # a place after "in" is no person; the gunshot victim is the woman told before
        (
            "A woman shot Friday in Cedar Falls was in stable condition. Deputies said a gunshot victim was taken "
            "to a hospital with wounds that were not life-threatening.",
            0,
            1,
        ),
        # "a man" told again by his sex and role
        (
            "A robbery at a pawn shop left a man hurt. A 41-year-old male employee was wounded in the hand, police said.",
            0,
            1,
        ),
    ],
)
def test_people_counted_one_by_one(text: str, killed: int, injured: int) -> None:
    assert _tally(text) == (killed, injured)


def test_a_middle_initial_is_part_of_the_name() -> None:
    d = _draft(
        "RISING SUN, Md. -- 45-year-old Marla A. Stone was fatally shot by state troopers overnight in Rising Sun."
    )
    assert _counts(d)[0] == 1


def test_a_parents_children_are_no_toll() -> None:
    assert not find_mentions("A young mother of three is dead after a shooting on Monday.", 0, 0, 2016)
    assert not find_mentions("The father of two was killed on Sunday.", 0, 0, 2016)
    d = _draft(
        "BOND HILL -- A young mother of three is dead after a shooting in Bond Hill on Monday, police said."
    )
    assert _counts(d)[0] == 1


def test_the_wounded_figure_less_those_who_died() -> None:
    d = _draft(
        "SPRINGFIELD -- Two people were wounded early Thursday in a shooting at a motel in Springfield, police "
        "said. Officers found two victims, ages 19 and 24, with gunshot wounds. The 19-year-old victim died at "
        "the hospital."
    )
    assert _counts(d) == (1, 1)
    # a stated death toll counts its own people: the wounded figure stays
    d = _draft(
        "SPRINGFIELD -- A gunman opened fire at a bar on Thursday, killing two people and wounding five others, "
        "police said. The two people killed were a 30-year-old man and his brother."
    )
    assert _counts(d) == (2, 5)


@pytest.mark.parametrize(
    "other",
    [
        "On Dec. 23, a 35-year-old man named Kevin Marsh was shot by an officer on the west side.",
        "Kevin Marsh, 35, an unarmed man, was shot Dec. 23 by an officer on the west side.",
    ],
)
def test_a_victim_of_another_day_is_not_counted(other: str) -> None:
    d = _draft(
        "Jana Wills, 31, was shot and killed by police outside a mall on Wednesday, Jan. 6, the medical examiner "
        f"said. It was the second police shooting in the city in a month. {other}"
    )
    assert _counts(d) == (1, None)


def test_a_headline_that_says_dead_moves_the_one_found_hurt() -> None:
    sentences = _sentences("Officers found a juvenile male suffering from a gunshot wound in a home.")
    tally = count_people(sentences, "Springfield juvenile dead from gunshot wound")
    assert (tally.killed, tally.injured) == (1, 0)


def test_a_witness_retelling_the_act_adds_no_one() -> None:
    text = (
        "Three people are dead after a murder-suicide at a bar late Tuesday. Police say Dale Orton shot and "
        "killed his wife and another man before turning the gun on himself. "
        '"He shot her twice, walked around the bar and shot a man, then turned the gun on himself," the chief said.'
    )
    assert _tally(text)[1] == 0


@pytest.mark.parametrize(
    "sentence",
    [
        "Across the state, that works out to an average of one death every three days.",
        "Some 500 people are killed in road crashes each year in the county.",
    ],
)
def test_a_rate_is_no_toll_of_the_act(sentence: str) -> None:
    assert all(m.background for m in find_mentions(sentence, 0, 0, 2016))
    d = _draft(f"MILLTOWN, Ohio -- A 70-year-old farmer was shot and killed Monday in his barn. {sentence}")
    assert d.killed is not None and (d.killed.value, d.killed.qualifier.value) == (1, "exact")


def test_the_victim_told_after_a_long_opening_is_counted() -> None:
    opening = " ".join(
        [
            "LAKEVIEW -- Gunfire broke out shortly after midnight near a bowling alley on Route 9.",
            "Several people in the parking lot said they heard a car speed away.",
            "The alley's manager locked the doors and called 911.",
            "Three squad cars arrived within minutes, according to the dispatch log.",
            "Officers taped off the lot and the side street.",
            '"We just lay on the floor and waited," one bowler said.',
            '"Nobody knew what was going on," said another.',
            "A police spokesman declined to give a motive.",
            "The alley reopened the next afternoon.",
            "Investigators collected casings from the lot.",
            "No one has been arrested.",
        ]
    )
    d = _draft(f"{opening} The 33-year-old victim was taken to a hospital with a gunshot wound to the hip.")
    assert _counts(d)[1] == 1


def test_a_possessor_is_not_the_one_hurt() -> None:
    assert _tally("He was charged with murder and injuring a child's parent.") == (0, 0)
