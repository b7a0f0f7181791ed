"""Wire copy that states no figure: the dead counted from the named victims an act killed
(hand-written upper-case texts)."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.engines.rules.engine import extract_draft

_DAY = date(1989, 9, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "BOGOTA, 5 SEP 89 (AFP) -- [TEXT] A GROUP OF GUNMEN TODAY SHOT AND KILLED JUDGE MARTA LUCIA DE "
            "ROJAS IN AN ATTACK IN NORTHERN BOGOTA.  THE POLICE SAID THE GUNMEN FLED.",
            1,
        ),
        (
            "BOGOTA, 5 SEP 89 (AFP) -- [TEXT] TERRORISTS TODAY MACHINEGUNNED AND KILLED JUDGE MARTA LUCIA DE "
            "ROJAS AND HER DRIVER PEDRO LUIS GOMEZ IN AN ATTACK IN NORTHERN BOGOTA.",
            2,
        ),
        (
            "BOGOTA, 5 SEP 89 (AFP) -- [TEXT] THE GOVERNMENT CONDEMNED THE ATTACK IN WHICH TERRORISTS "
            "MURDERED JUDGE MARTA LUCIA DE ROJAS TODAY IN NORTHERN BOGOTA.",
            1,
        ),
        (
            # the dateline's date is the report's, not another day's act
            "LIMA, 20 APR 89 (APA) -- [EXCERPT] THE FOREIGN MINISTER CONDEMNED THE KILLING OF 42-YEAR-OLD "
            "KARL HEINZ MOSER, A DEVELOPMENT WORKER, AS A TERRORIST ATTACK.  ON TUESDAY [18 APRIL] A RADIO "
            "STATION REPORTED THAT THE SHINING PATH HAD ATTACKED THE AID OFFICE.",
            1,
        ),
    ],
)
def test_named_dead_are_counted(text: str, expected: int) -> None:
    draft = extract_draft(text, _DAY)
    assert draft.killed is not None
    assert (draft.killed.value, draft.killed.qualifier.value) == (expected, "exact")


@pytest.mark.parametrize(
    "text",
    [
        # kidnapped, not killed
        "BOGOTA, 5 SEP 89 (AFP) -- [TEXT] THE DEFENSE MINISTRY HAS REPORTED THAT A GROUP OF UNIDENTIFIED "
        "MEN TODAY KIDNAPPED MARTA LUCIA DE ROJAS, WIFE OF A NAVY CAPTAIN, IN NORTHERN BOGOTA.  ACCORDING TO "
        "THE REPORT, SHE WAS WAITING FOR A BUS WHEN THE MEN SEIZED HER.",
        # "the recently assassinated judge": a description, the act told is the arson
        "BOGOTA, 5 SEP 89 (AFP) -- [TEXT] THE DEFENSE MINISTRY HAS REPORTED THAT A GROUP OF UNIDENTIFIED "
        "MEN TODAY BURNED THE HOUSE OF THE RECENTLY ASSASSINATED JUDGE MARTA LUCIA DE ROJAS IN NORTHERN "
        "BOGOTA.  THE FIRE DESTROYED THE HOUSE.",
        # "X, KILLED HIS DOG": the participle is the kidnappers' next act, not X's fate
        "BOGOTA, 5 SEP 89 (AFP) -- [TEXT] THE DEFENSE MINISTRY HAS REPORTED THAT A GROUP OF UNIDENTIFIED "
        "MEN TODAY KIDNAPPED ENGINEER SCOTT ALLEN BROWN, KILLED HIS DOG, AND STOLE HIS CAR IN NORTHERN "
        "BOGOTA.",
    ],
)
def test_named_victims_not_killed_give_no_toll(text: str) -> None:
    draft = extract_draft(text, _DAY)
    assert draft.is_incident
    assert draft.killed is None


_JUL = date(1989, 7, 2)
_WOUNDED = (
    "SAN SALVADOR, 2 JUL 89 (ACAN-EFE) -- [TEXT] THE POLICE HAVE REPORTED THAT LABOR MINISTER JOSE LUIS "
    "PINEDA ORTIZ WAS SERIOUSLY WOUNDED THIS MORNING DURING A TERRORIST ATTACK ON HIS CAR IN SAN SALVADOR."
)


@pytest.mark.parametrize(
    "text",
    [
        _WOUNDED,
        "SAN SALVADOR, 2 JUL 89 (ACAN-EFE) -- [TEXT] IN AN ATTACK NEAR SAN SALVADOR A GROUP OF UNIDENTIFIED "
        "PERSONS THIS EVENING WOUNDED ROBERTO ANTONIO MEJIA CASTRO, PRESIDENT OF THE ELECTORAL COUNCIL.  HIS "
        "CHILDREN WERE NOT HURT.",
    ],
)
def test_named_wounded_are_counted(text: str) -> None:
    draft = extract_draft(text, _JUL)
    assert draft.killed is None
    assert draft.injured is not None
    assert draft.injured.value == 1


def test_a_wounded_victim_who_died_counts_once_as_dead() -> None:
    text = _WOUNDED + "  PINEDA ORTIZ DIED IN THE AFTERNOON AT THE MILITARY HOSPITAL."
    draft = extract_draft(text, _JUL)
    assert draft.killed is not None
    assert draft.killed.value == 1
    assert draft.injured is None


_JAN = date(1990, 1, 10)


def test_soldiers_fallen_in_a_clash_are_no_toll() -> None:
    text = (
        "SAN SALVADOR, 10 JAN 90 (AFP) -- [TEXT] GUERRILLAS TODAY ATTACKED A POWER STATION IN CHALATENANGO "
        "DEPARTMENT.  THREE SOLDIERS WERE KILLED AND FIVE WOUNDED IN THE CLASH THAT FOLLOWED."
    )
    draft = extract_draft(text, _JAN)
    assert draft.is_incident
    assert (draft.killed, draft.injured) == (None, None)


def test_civilians_caught_in_a_clash_are_counted() -> None:
    text = (
        "SAN SALVADOR, 10 JAN 90 (AFP) -- [TEXT] THREE PEASANTS WERE KILLED AND FIVE WOUNDED TODAY IN A CLASH "
        "BETWEEN GUERRILLAS AND THE ARMY NEAR SAN ISIDRO, CHALATENANGO DEPARTMENT."
    )
    draft = extract_draft(text, _JAN)
    assert draft.killed is not None and draft.injured is not None
    assert (draft.killed.value, draft.injured.value) == (3, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "CALI, 5 SEP 89 (EFE) -- [TEXT] JUDGE MARTA LUCIA DE ROJAS WAS MURDERED TODAY BY GUNMEN WHO FIRED "
            "FROM A MOTORCYCLE.  HER BODYGUARD, WHOSE NAME WAS NOT RELEASED, WAS ALSO KILLED IN THE ATTACK.",
            2,
        ),
        (
            "CALI, 5 SEP 89 (EFE) -- [TEXT] THE GOVERNMENT CONDEMNED THE ASSASSINATION OF SENATOR PABLO ORTIZ "
            "LARA IN AN ATTACK IN WHICH HIS SECRETARY AND DRIVER WERE ALSO KILLED.",
            3,
        ),
    ],
)
def test_a_victim_also_killed_is_added(text: str, expected: int) -> None:
    draft = extract_draft(text, _DAY)
    assert draft.killed is not None
    assert draft.killed.value == expected
