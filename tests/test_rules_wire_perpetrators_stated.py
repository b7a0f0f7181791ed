"""Wire copy that tells who did the act only in a roundabout way: asked to stop its attacks, not
ruled out as responsible, "X AND NOT Y COMMITTED", "BY KILLING HIM, X ...", hostage holders, an
accusation whose act the sentence before tells, an accused group that denies it (issue #10).
Every sentence here is written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.engines.rules.accused import accused_parties, held_for_act, names_act
from summarizer.engines.rules.actors import implicated, wire_suspects
from summarizer.engines.rules.engine import extract_draft
from summarizer.engines.rules.subjects import subject_perpetrators


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("THE BISHOP URGED THE ARMY TO STOP ITS BOMBINGS OF THE VILLAGES.", "ARMY"),
        ("THE MAYOR ASKED THE REBEL FRONT TO HALT THEIR ATTACKS ON THE ROADS.", "REBEL FRONT"),
        # the party asked is not the one the second "TO" clause names
        ("HE CALLED ON THE CHURCH TO PRESSURE THE MILITARY REGIME TO STOP ITS BOMBINGS.", "MILITARY REGIME"),
        (
            "THE MINISTER DID NOT RULE OUT ROGUE ELEMENTS IN THE POLICE AS BEING RESPONSIBLE FOR THE MURDER.",
            "ROGUE ELEMENTS",
        ),
        (
            "IT IS BELIEVED THAT THE ATTACK INVOLVED URBAN COMMANDOS OF THE RED STAR MOVEMENT.",
            "URBAN COMMANDOS OF THE RED STAR MOVEMENT",
        ),
        (
            "THE JUDGE VOWED TO PUNISH THE KILLERS OF THE MAYOR, INCLUDING CAPTAIN JUAN ORTEGA.",
            "CAPTAIN JUAN ORTEGA",
        ),
        (
            "THE SENATOR SAID THAT DEATH SQUADS AND NOT THE GUERRILLAS COMMITTED THESE KILLINGS.",
            "DEATH SQUADS",
        ),
        ("BY MURDERING THE JUDGE, THE DRUG TRAFFICKERS WANTED TO FRIGHTEN THE COURTS.", "DRUG TRAFFICKERS"),
        ("THE RED HAND GROUP IS HOLDING TWO U.S. ENGINEERS, WHO WERE KIDNAPPED ON MONDAY.", "RED HAND GROUP"),
        ("THE PRIEST SAID HE IS CONVINCED THE PATROL IS GUILTY OF THE MURDER.", "PATROL"),
        (
            "THE CABINET DEMANDS THAT THE RED STAR MOVEMENT HALT ITS SABOTAGE OF THE POWER LINES.",
            "RED STAR MOVEMENT",
        ),
        ("A REPORT BY THE BISHOPS IMPLICATED TWO CAPTAINS IN THE MASSACRE OF THE PEASANTS.", "TWO CAPTAINS"),
    ],
)
def test_roundabout_accusations(sentence: str, expected: str) -> None:
    assert expected in accused_parties(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "THE BISHOP URGED THE ARMY TO INVESTIGATE THE BOMBINGS.",  # asked to do something else
        "IF THE SOLDIERS DID IT, THEY WILL BE PUNISHED FOR THE MURDER.",  # a condition
        "THE COLONEL RULED OUT THE STUDENTS AS RESPONSIBLE FOR THE ATTACK.",  # ruled out
        "BY KILLING HIM, THEY SOUGHT TO SILENCE THE PRESS.",  # no one named
        "THE ARMY IS HOLDING TWO MEN FOR QUESTIONING ABOUT THE MURDER.",  # no hostage
        "THE MINISTER DEMANDED THAT THE POLICE INVESTIGATE THE ATTACK.",  # asked to do something else
        "THE REPORT IMPLICATED TWO CAPTAINS IN A SMUGGLING SCANDAL AFTER THE ATTACK.",  # not in the act
    ],
)
def test_no_roundabout_accusation(sentence: str) -> None:
    assert accused_parties(sentence) == []


def test_a_bare_accusation_refers_to_the_act_the_sentence_before_tells() -> None:
    before = "THE STUDENT WAS SHOT IN THE BACK NEAR HIS HOME."
    accusation = "FATHER LOPEZ ACCUSED THE BRIGADE SOLDIERS, WHO LATER SEARCHED THE SCHOOL."
    assert names_act(before)
    assert accused_parties(accusation) == []  # no act named in the sentence itself
    assert "BRIGADE SOLDIERS" in accused_parties(accusation, act_before=True)
    assert accused_parties("I AM CONVINCED THE GUERRILLAS DID IT.", act_before=True) == ["GUERRILLAS"]
    # an accusation of something else is no accusation of the act
    assert accused_parties("THE UNION ACCUSED THE GOVERNMENT OF LYING.", act_before=True) == []
    assert accused_parties("THE UNION ACCUSED THE MAYOR, WHO RESIGNED.", act_before=False) == []


def test_arrested_after_doing_it() -> None:
    sentence = "A PANAMANIAN CITIZEN WAS ARRESTED BY THE POLICE AFTER HE PLACED A BOMB AT THE BANK."
    assert any(name.endswith("PANAMANIAN CITIZEN") for name in held_for_act(sentence))


def test_people_who_threw_stones_acted() -> None:
    assert subject_perpetrators("ABOUT 200 PEOPLE THREW STONES AT THE MINISTRY BUILDING TODAY.") == [
        "ABOUT 200 PEOPLE"
    ]


def test_implicated_after_a_described_role_and_a_dateline() -> None:
    text = (
        "SAN JOSE, 3 MAR 90 (AFP) -- [TEXT] MAJOR PEDRO SALAZAR, MAIN SUSPECT IMPLICATED IN THE "
        "MURDER OF THE UNION LEADER, WAS DISMISSED TODAY."
    )
    assert any(name.endswith("PEDRO SALAZAR") for name in implicated(text))


_ACCUSED_AND_DENIED = (
    "SAN SALVADOR, 4 MAY 90 -- [TEXT] A BOMB EXPLODED TODAY AT THE HOME OF A JUDGE IN SAN SALVADOR, "
    "KILLING HIS DRIVER.  THE DEFENSE MINISTER ACCUSED THE FMLN OF CARRYING OUT THE BOMBING.  THE FMLN "
    "DENIED ANY INVOLVEMENT IN THE ATTACK."
)


def test_an_accused_group_that_denies_it_is_the_doer_when_no_one_else_is_named() -> None:
    draft = extract_draft(_ACCUSED_AND_DENIED, date(1990, 5, 4))
    assert draft.is_incident
    assert [p.name for p in draft.perpetrators] == ["FMLN"]


def test_a_denial_still_counts_when_someone_else_is_named() -> None:
    text = _ACCUSED_AND_DENIED.replace(
        "KILLING HIS DRIVER.", "KILLING HIS DRIVER.  TWO UNIDENTIFIED MEN PLANTED THE BOMB AT DAWN."
    )
    draft = extract_draft(text, date(1990, 5, 4))
    names = [p.name for p in draft.perpetrators]
    assert names and "FMLN" not in names


def test_who_carried_out_the_operation_in_which_someone_was_killed() -> None:
    text = (
        "LIMA, 2 JUN 90 (EFE) -- [TEXT] A SPECIAL ARMY UNIT, HASTILY DEPLOYED FROM THE CAPITAL, CARRIED OUT "
        "THE RAID IN WHICH THE REBEL LEADER WAS KILLED."
    )
    assert accused_parties(text) == ["SPECIAL ARMY UNIT"]
    # an operation in which no one was harmed names no act's doer
    assert accused_parties("THE POLICE CARRIED OUT THE OPERATION IN WHICH THE BOMB WAS FOUND.") == []


def test_a_doer_who_gave_his_name() -> None:
    text = "THE GUN USED BY THE HIRED KILLER, WHO IDENTIFIED HIMSELF AS PABLO MENDEZ, WAS FOUND IN A CAR."
    assert wire_suspects(text) == ["PABLO MENDEZ"]


_EARLIER_ACTS_ACCUSED = (
    "GUATEMALA CITY, 5 OCT 89 -- [TEXT] A BOMB EXPLODED TODAY AT A RADIO STATION IN THE CAPITAL, DAMAGING "
    "ITS OFFICES.  THE POLICE HAVE BEGUN AN INVESTIGATION.  THE STATION RESUMED ITS BROADCASTS IN THE "
    "AFTERNOON.\n\nTHE DIRECTOR OF THE STATION SAID HE HAD RECEIVED NO WARNING.  HE ASKED THE AUTHORITIES "
    "FOR PROTECTION.\n\nTHE STATION IS ONE OF THE OLDEST IN THE COUNTRY.  IT BROADCASTS NEWS AND MUSIC.\n\n"
    "TWO YEARS AGO, THE GOVERNMENT ATTRIBUTED THE BOMBING OF ANOTHER STATION TO EXTREMIST GROUPS."
)


def test_with_no_one_else_named_the_side_accused_of_earlier_acts_like_it() -> None:
    draft = extract_draft(_EARLIER_ACTS_ACCUSED, date(1989, 10, 5))
    assert [p.name for p in draft.perpetrators] == ["EXTREMIST GROUPS"]
    # someone named for this act: the earlier acts' accused are not read
    text = _EARLIER_ACTS_ACCUSED.replace(
        "DAMAGING ITS OFFICES.", "DAMAGING ITS OFFICES.  TWO MEN PLANTED THE BOMB."
    )
    names = [p.name for p in extract_draft(text, date(1989, 10, 5)).perpetrators]
    assert names and "EXTREMIST GROUPS" not in names
