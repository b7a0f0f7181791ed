"""Role fillers that name the wrong thing: the fallen of an armed side are no perpetrators, words
used as adjectives name no one, and the place where people were attacked is no physical target
(sentences written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.engines.rules.engine import extract_draft
from summarizer.engines.rules.victims import sentence_victims

LEAD = (
    "SAN SALVADOR, 4 MAR 90 (RADIO NORTE) -- [TEXT] A BOMB EXPLODED AT A POLICE STATION IN SANTA ROSA "
    "YESTERDAY, KILLING TWO POLICEMEN.\n\n   "
)


def _perpetrators(sentence: str) -> list[str]:
    draft = extract_draft(f"{LEAD}{sentence}\n", date(1990, 3, 4))
    assert draft.is_incident
    return [p.name.lower() for p in draft.perpetrators]


@pytest.mark.parametrize(
    "sentence",
    [
        "FOUR REBELS AND ONE POLICEMAN WERE KILLED IN THE FIGHTING THAT FOLLOWED THE ATTACK.",
        "THE ATTACK ENDED WITH THE DEATH OF ONE GUERRILLA, THE POLICE SAID.",
        "SOLDIERS KILLED 12 GUERRILLAS DURING THE ATTACK ON THE GARRISON.",
        "A MILITANT WAS WOUNDED WHEN THE ATTACK ON THE BARRACKS WAS REPELLED.",
    ],
)
def test_fallen_of_an_armed_side_are_no_perpetrators(sentence: str) -> None:
    names = _perpetrators(sentence)
    assert not any(w in n for n in names for w in ("rebel", "guerrilla", "militant")), names


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("REBELS KILLED FOUR POLICEMEN IN AN ATTACK ON THE GARRISON.", "rebels"),
        ("TWO SOLDIERS WERE KILLED WHEN GUERRILLAS ATTACKED THE GARRISON.", "guerrillas"),
        ("TWO SOLDIERS WERE WOUNDED BY GUERRILLAS WHO ATTACKED THE GARRISON.", "guerrillas"),
        # the doers of the act stay perpetrators even when they fall
        ("TWO OF THE KIDNAPPERS WERE KILLED IN THE ATTACK, BUT THE OTHERS ESCAPED.", "kidnappers"),
        # the accused of a case, and the sides of a clash, are named as doers
        ("THE TRIAL AGAINST THE KIDNAPPERS OF THE ENGINEER BEGAN AFTER THE ATTACK.", "kidnappers"),
        ("THE ATTACK CAME DURING FIGHTING BETWEEN THE GUERRILLAS AND THE ARMY.", "guerrillas"),
    ],
)
def test_attackers_stay_perpetrators(sentence: str, expected: str) -> None:
    assert any(expected in n for n in _perpetrators(sentence))


def test_one_description_of_fighters_and_no_adjectives() -> None:
    names = _perpetrators(
        'OVER 300 GUERRILLA FIGHTERS ATTACKED THE TOWN. THE ANTI-TERRORIST POLICE FOUND "TERRORIST" '
        "WEAPONS NEAR THE TOWN HALL AFTER THE ATTACK."
    )
    assert "guerrilla fighters" in names
    assert not any(n in ("guerrilla", "fighters", "terrorist") for n in names), names


def test_the_place_of_an_attack_on_people_is_no_target() -> None:
    text = (
        "SAN SALVADOR, 4 MAR 90 (RADIO NORTE) -- [TEXT] GUNMEN SHOT DEAD TWO STUDENTS AT THE NATIONAL "
        "UNIVERSITY YESTERDAY, THE POLICE SAID.\n"
    )
    draft = extract_draft(text, date(1990, 3, 4))
    assert draft.targets == []


@pytest.mark.parametrize(
    "sentence",
    [
        "THE POLICE CHIEF, A KNOWN ENEMY OF DRUG TRAFFICKERS, CONDEMNED THE ATTACK.",
        "THE MINISTER SAID THE WAR AGAINST DRUG TRAFFICKERS WILL GO ON AFTER THE ATTACK.",
        "THE PRESIDENT STILL WANTS TALKS WITH THE REBELS DESPITE THE ATTACK.",
        "THE ATTACK CAME DURING NEGOTIATIONS BETWEEN THE GUERRILLAS AND THE GOVERNMENT.",
    ],
)
def test_the_side_fought_or_talked_to_is_no_perpetrator(sentence: str) -> None:
    names = _perpetrators(sentence)
    assert not any(w in n for n in names for w in ("traffickers", "rebels", "guerrillas")), names


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("THE ARMY MURDERED DESERTER TOMAS ARCE RIVAS, THE FRONT SAID.", "TOMAS ARCE RIVAS"),
        ("GUNMEN KIDNAPPED CATTLEMAN ANIBAL SOTO PAZ ON HIS RANCH.", "ANIBAL SOTO PAZ"),
        ("GUNMEN KILLED CHRISTIAN DEMOCRAT IDEOLOGUE LUIS ORTA BRAVO YESTERDAY.", "LUIS ORTA BRAVO"),
        ("THE POLICE ATTACKED COMPANERO RAMON VEGA LUNA ON HIS LAND.", "RAMON VEGA LUNA"),
        ("A BOMB KILLED PRESIDENT-ELECT JORGE LARA MENA.", "JORGE LARA MENA"),
    ],
)
def test_a_role_word_before_a_name_is_no_part_of_it(sentence: str, name: str) -> None:
    assert [n for n, _ in sentence_victims(sentence, True)] == [name]
