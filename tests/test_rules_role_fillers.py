"""Role fillers of one sentence: named victims in lists and after more act phrasings, physical
targets after participles, parts and the place where an act took place (sentences written for
these tests)."""

from __future__ import annotations

import pytest

from summarizer.engines.rules.targets import sentence_targets
from summarizer.engines.rules.victims import sentence_victims


def _names(sentence: str) -> list[str]:
    return [name for name, _ in sentence_victims(sentence, sentence.isupper())]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a list after the act, ages and descriptions between the names
        (
            "THE DEVICE WENT OFF AT NOON, KILLING ROSA MEJIA ARCE, 51; TOMAS MEJIA, 17; A BOY KNOWN "
            "ONLY AS PEPE; ANIBAL TORO SANZ, AND A WATCHMAN.",
            ["ROSA MEJIA ARCE", "TOMAS MEJIA", "ANIBAL TORO SANZ"],
        ),
        # shots aimed at people described by a plural noun
        (
            "A SENTRY FIRED AT REPORTERS OMAR VILLA AND LUCIA PRADO, WHO WORK FOR A LOCAL WEEKLY.",
            ["OMAR VILLA", "LUCIA PRADO"],
        ),
        (
            "THE RAIDERS FLED, TAKING AS HOSTAGES CANADIAN GEOLOGISTS PAUL ROY DUVAL, MARC LEDUC, "
            "AND ANDRE SIMARD BLAIS, AS WELL AS A DRIVER.",
            ["PAUL ROY DUVAL", "MARC LEDUC", "ANDRE SIMARD BLAIS"],
        ),
        # the act after the victim's possessive
        ("THE STRIKE BEGAN AFTER JUDGE OSCAR LEMUS VEGA'S MURDER LAST WEEK.", ["OSCAR LEMUS VEGA"]),
        # two appositives between the name and the passive
        (
            "POLICE SAID THAT ARTURO PINEDA SOLIS, 64, WHO WAS GUARDING THE WAREHOUSE ON THE OLD ROAD AT "
            "THE TIME, WAS KILLED.",
            ["ARTURO PINEDA SOLIS"],
        ),
        (
            "THE MISSIONARY, BROTHER KEVIN DOYLE, WHO WAS SHOT BY TWO MEN ON A MOTORCYCLE, IS STABLE.",
            ["KEVIN DOYLE"],
        ),
        # "the massacre of", and names joined by "along with" and a kinship noun
        (
            "THE MASSACRE OF THE TEACHERS NESTOR CALLE, IVAN ROJO, AND DARIO MENA, ALONG WITH MRS "
            "ELENA MENA AND HER SON JULIO MENA, SHOCKED THE VALLEY.",
            ["NESTOR CALLE", "IVAN ROJO", "DARIO MENA", "ELENA MENA", "JULIO MENA"],
        ),
    ],
)
def test_named_victims_in_more_phrasings(sentence: str, expected: list[str]) -> None:
    assert _names(sentence) == expected


def test_a_list_after_the_act_ends_at_a_part_that_is_no_name_or_appositive() -> None:
    sentence = "GUNMEN KILLED ROSA MEJIA ARCE, THEN FLED TOWARD THE HILLS, WITNESS PEDRO LUNA SAID."
    assert _names(sentence) == ["ROSA MEJIA ARCE"]


def test_a_possessive_of_an_institution_is_no_victim() -> None:
    assert _names("THE ARMY'S KILLING OF CIVILIANS WAS CONDEMNED.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the act told by its participle; "at least" and figures passed over
        (
            "REBELS DESTROYED AT LEAST 12 ELECTRICITY PYLONS, DAMAGING FOUR HIGH VOLTAGE LINES.",
            ["ELECTRICITY PYLONS", "HIGH VOLTAGE LINES"],
        ),
        ("A BOMB WENT OFF IN A SIDE STREET DESTROYING TWO DELIVERY TRUCKS.", ["DELIVERY TRUCKS"]),
        # a part of the thing passed over to the thing
        ("THE BLAST SHATTERED WINDOWS OF THE CUSTOMS OFFICE.", ["CUSTOMS OFFICE"]),
        ("THE CHARGE WAS PLACED IN THE BACK OF THE GRAIN COOPERATIVE.", ["GRAIN COOPERATIVE"]),
        # where the act took place
        (
            "THE SECOND EXPLOSION OCCURRED AT 2310 IN FRONT OF THE AGRICULTURE AND FISHERIES MINISTRY.",
            ["AGRICULTURE AND FISHERIES MINISTRY"],
        ),
        (
            "THE BLAST TOOK PLACE ON MAIN STREET, BETWEEN THE ALAMO PHARMACY AND THE RURAL CREDIT BANK.",
            ["ALAMO PHARMACY", "RURAL CREDIT BANK"],
        ),
        # damage to things nearby; an infinitive act
        ("THE BLAST CAUSED DAMAGE TO NEARBY HOUSES.", ["NEARBY HOUSES"]),
        ("A COMMANDO TRIED TO ATTACK THE RESIDENCE OF THE AMBASSADOR.", ["RESIDENCE OF THE AMBASSADOR"]),
        ("RAIDERS ATTACKED TWO CHECKPOINTS, DAMAGING A PRIVATE CLINIC.", ["CHECKPOINTS", "PRIVATE CLINIC"]),
    ],
)
def test_physical_targets_in_more_phrasings(sentence: str, expected: list[str]) -> None:
    assert sentence_targets(sentence) == expected


def test_a_place_phrase_without_a_target_noun_is_no_target() -> None:
    assert sentence_targets("THE EXPLOSION OCCURRED AT 2300 IN THE CENTRAL SQUARE OF THE TOWN.") == []
