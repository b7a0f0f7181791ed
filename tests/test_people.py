"""Tolls counted from the people a report mentions and their fate (summarizer.normalize.people),
and the engine's handling of single-victim local news. Every sentence here is written for the test."""

from __future__ import annotations

import re
from datetime import date

import pytest

from summarizer.engines.base import ExtractionRequest
from summarizer.engines.rules import RulesEngine
from summarizer.normalize.numbers import find_numbers
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


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("A 31-year-old woman was shot and killed Friday night outside a laundromat.", 1, 0),
        ("A teenager was fatally shot Sunday near the park.", 1, 0),
        ("A woman was killed and two others were wounded in a shooting on Elm Street.", 1, 2),
        ("A man and a woman were shot outside a bar. Both are expected to survive.", 0, 2),
        ("A man was shot in the arm on Saturday. He died later at the hospital.", 1, 0),
        ("Lorna Bexley, 58, was pronounced dead at the scene.", 1, 0),
        ("Dorian Pike, 44, died after being shot during a dispute over a parking space.", 1, 0),
        ("A boy was struck by a stray bullet while sleeping. He is in stable condition.", 0, 1),
        ("Three people were shot late Friday; one died at the scene.", 1, 2),
        ("Two men were shot, one fatally, early Sunday.", 1, 1),
        ("Officers found a 40-year-old man suffering from gunshot wounds. He was pronounced dead.", 1, 0),
        ("Police say a man's body was found behind the store.", 1, 0),
        ("A 9-year-old girl was accidentally shot and killed by her brother.", 1, 0),
        ("The shooting left 30-year-old Ada Moreno dead in the hallway.", 1, 0),
        (
            "Jonah Quill, 19, was shot and killed Tuesday. Quill was taken to a hospital. "
            "Quill was pronounced dead an hour later.",
            1,
            0,
        ),
        (
            "Two people were wounded at a motel. The 22-year-old victim died at the hospital.",
            1,
            1,
        ),
        ("Police say a 40-year-old man and a 15-year-old girl were shot on the porch.", 0, 2),
        ("A cashier is recovering after being shot during a robbery.", 0, 1),
        (
            "Deputies found Lena Ortiz, who had been shot in the arm, and a 19-year-old male, who had been shot once.",
            0,
            2,
        ),
        ("A third teenager received non-life-threatening injuries.", 0, 1),
        ("The child accidentally shot himself with a relative's pistol.", 0, 1),
        ("Rey Tamez had been shot several times and was pronounced dead at the scene.", 1, 0),
    ],
)
def test_people_and_their_fate(text: str, killed: int, injured: int) -> None:
    assert _tally(text) == (killed, injured)


def test_the_same_people_told_twice_are_counted_once() -> None:
    text = (
        "Four people were killed early Sunday. Three people were pronounced dead at the scene. "
        "A fourth victim died at a hospital."
    )
    assert _tally(text) == (4, 0)
    text = "A woman was killed and three other people were injured. The woman who died was named as Ivy Lane."
    assert _tally(text) == (1, 3)


def test_the_shooter_is_not_a_victim_unless_nobody_else_was_hurt() -> None:
    text = "Police shot and killed a gunman who had shot two officers. The officers are in stable condition."
    assert _tally(text) == (0, 2)
    # a man shot by police is the one casualty of that report
    assert _tally("Deputies shot the suspect, who was taken to a hospital in critical condition.") == (0, 1)


def test_a_name_after_charged_or_arrested_is_not_a_victim() -> None:
    text = "Police arrested Reuben Sayle, 25, who was wounded in the exchange. A clerk was killed."
    killed, _ = _tally(text)
    assert killed == 1


@pytest.mark.parametrize(
    "text",
    [
        "Marcus Reed, 65, was pronounced dead.",
        "Police found Lopez, 37, dead in the car.",
        "The victim (34) died in hospital.",
        "two men, aged 19 and 23, were killed",
        "victims, ages 19 and 24, with gunshot wounds",
        "she suffered six gunshot wounds",
    ],
)
def test_ages_and_wounds_are_never_counts(text: str) -> None:
    from summarizer.normalize.casualties import find_mentions

    assert all(m.value not in {65, 37, 34, 19, 23, 24, 6} for m in find_mentions(text, 0, 0, 2024))
    if "aged" not in text and "ages" not in text and "wounds" not in text:
        assert find_numbers(text) == []


def test_list_numbers_are_still_counts() -> None:
    assert [n.value for n in find_numbers("The blast killed 12, wounded 30.")] == [12, 30]
    assert [n.value for n in find_numbers("In the city, 12 people were shot.")] == [12]


def _draft(text: str, published: date | None = date(2024, 3, 2), title: str | None = None) -> Draft:
    return RulesEngine().extract(ExtractionRequest(text=text, reference_date=published, title=title)).draft


SINGLE = """A 27-year-old man was shot and killed Thursday night in the 2300 block of Oak Street, police said.

Officers responding to a call about shots fired found the man lying near a parked car. Paramedics took him to Mercy Hospital, where he was pronounced dead.

Police identified the victim as Tobias Wren. No arrests have been made.
"""


def test_single_victim_shooting_is_an_incident_with_one_killed() -> None:
    d = _draft(SINGLE, published=date(2024, 3, 2))
    assert d.is_incident
    assert d.killed is not None and d.killed.value == 1
    assert d.injured is None or d.injured.value == 0
    assert d.date is not None and d.date.as_stated.lower().startswith("thursday")
    for part in d.killed.quote.split(" ... "):
        assert part in SINGLE


FOLLOW_UP = """A 19-year-old was charged Tuesday with murder in the shooting death of a man outside a gas station last week, prosecutors said.

Kellan Duro is accused of shooting Amos Petty, 42, several times after an argument on Jan. 28. Petty died at the scene.
"""


def test_follow_up_on_a_recent_shooting_is_an_incident() -> None:
    d = _draft(FOLLOW_UP, published=date(2024, 2, 6))
    assert d.is_incident
    assert d.killed is not None and d.killed.value == 1


def test_headline_not_repeated_in_the_text_counts_for_the_verdict() -> None:
    text = "Police said the victim, a 30-year-old man, was taken to a hospital. Detectives are investigating."
    assert _draft(text, title="Man shot on the east side").is_incident


VERDICT = """A jury on Monday convicted a man of murder in the 2019 shooting of two people at a nightclub.

The verdict came after a two-week trial. Sentencing is set for May.
"""

VIGIL = """Hundreds gathered at a candlelight vigil on Sunday to mark the anniversary of the shooting that killed four people at a bowling alley two years ago.

Relatives read the names of the victims.
"""


@pytest.mark.parametrize("text", [VERDICT, VIGIL])
def test_verdicts_and_anniversaries_are_not_incidents(text: str) -> None:
    assert not _draft(text).is_incident


def test_upper_and_mixed_case_give_the_same_counts() -> None:
    upper = SINGLE.upper()
    d, u = _draft(SINGLE), _draft(upper)
    assert (d.killed.value if d.killed else None) == (u.killed.value if u.killed else None)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # "left X in critical condition / with injuries": the state the act left someone in
        ("The attack left the victim in critical condition.", 0, 1),
        ("A shooting late Friday left a man with non-life threatening injuries, police said.", 0, 1),
        ("The crash that followed the shooting left a woman with minor injuries.", 0, 1),
        ("The shooting left another teen critically wounded, with a wound to the thigh.", 0, 1),
        # two people joined by "and" are two, whatever the second one is called
        ('Police say an officer and a "citizen" were injured in the shooting.', 0, 2),
        ("A deputy and a citizen were wounded during the standoff.", 0, 2),
        # a first act of the same subject before "and was shot"
        (
            "Police say Dana Reyes tried to grab the cash box. Reyes struggled with a clerk and was shot in the leg.",
            0,
            1,
        ),
        ("A man approached the car and was shot twice.", 0, 1),
        # "had gunshot wounds" tells a person's injury
        ("Officers found a man at the corner. The man had multiple gunshot wounds.", 0, 1),
    ],
)
def test_injury_told_by_state_coordination_or_a_first_act(text: str, killed: int, injured: int) -> None:
    assert _tally(text) == (killed, injured)


def test_a_modifier_never_runs_across_another_determiner() -> None:
    # "The attack left the victim": "attack left the" is no modifier of "victim", and "The" no
    # determiner of it; the victim is the one left hurt
    assert _tally("The attack left the victim in stable condition.") == (0, 1)
    assert _tally("A man called police and a woman was shot.") == (0, 1)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a death told again points to the one already known dead, not to the one hurt
        (
            "Police say one person died and a second was injured after they were shot at a garage. "
            "Markers surround the truck where the victim was killed.",
            1,
            1,
        ),
        # "a person shot" ... "a man suffering from a gunshot wound": one person, named generically first
        (
            "One person is dead after a shooting on Birch Lane. Officers found a man suffering from a gunshot "
            "wound. Medics pronounced the victim dead at the scene.",
            1,
            0,
        ),
    ],
)
def test_references_do_not_add_people(text: str, killed: int, injured: int) -> None:
    assert _tally(text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a reduced relative with its agent: "a man shot and killed by police"
        (
            "A 21-year-old man shot and killed by deputies on Monday was carrying a rifle, officials said.",
            1,
            0,
        ),
        ("A woman wounded by a stray bullet is recovering at home.", 0, 1),
        # the active verb stays the shooter's act: the wife is the victim, not the man
        ("A man shot and killed his wife on Monday, police said.", 1, 0),
        # "a man from Milwaukee was ...": where a person is from stands between them and the predicate
        (
            "Police say a 38-year-old man from Dayton was suffering from a gunshot wound and died at the scene.",
            1,
            0,
        ),
    ],
)
def test_reduced_relatives_and_origins(text: str, killed: int, injured: int) -> None:
    assert _tally(text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # upper case: a name told by the age right before it, its last word a verb's subject later
        (
            "POLICE IDENTIFIED THE MAN AS 42-YEAR-OLD ROSS MILLER. MILLER WAS PRONOUNCED DEAD AT THE SCENE.",
            1,
            0,
        ),
        # ... where the word after the name opens the predicate
        ("OFFICERS SAID 42-YEAR-OLD ROSS MILLER SUFFERED A GUNSHOT WOUND TO THE LEG.", 0, 1),
    ],
)
def test_upper_case_names_told_by_an_age_before_them(text: str, killed: int, injured: int) -> None:
    assert _tally(text) == (killed, injured)
