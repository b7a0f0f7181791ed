"""Role fillers of one sentence: named victims in lists and after more act phrasings, physical
targets after participles, parts and the place where an act took place (sentences written for
these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer import summarize
from summarizer.engines.rules.engine import extract_draft
from summarizer.engines.rules.targets import burned_targets, robbed_targets, sentence_targets
from summarizer.engines.rules.victims import sentence_victims
from summarizer.evaluation.muc4 import report_templates


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
        # the owner of the home attacked; a time between the act and its object
        (
            "THERE WAS AN ATTACK LAST NIGHT AGAINST THE HOME OF RETIRED MAJOR LUIS ALBERTO PENA, A "
            "FORMER DEPUTY.",
            ["LUIS ALBERTO PENA"],
        ),
        (
            "A BOMB EXPLODED BEFORE DAWN IN QUITO AT THE RESIDENCE OF BANKER JORGE SALAS.",
            ["JORGE SALAS"],
        ),
        # "who has been", an age before the relative, two words of a body before a title
        (
            "ENGINEER PETER JOHN WALSH, WHO HAS BEEN KIDNAPPED SINCE MAY, CALLED HIS WIFE.",
            ["PETER JOHN WALSH"],
        ),
        ("THE BODY OF RAUL OCHOA PAZ, 41, WHO WAS KIDNAPPED ON FRIDAY, WAS FOUND.", ["RAUL OCHOA PAZ"]),
        ("TWO MEN SHOT FORMER CITY COUNCIL MEMBER ANA LUCIA TOBAR ON MONDAY.", ["ANA LUCIA TOBAR"]),
        (
            "MAYOR HUGO SOLIS VERA AND MAYORAL CANDIDATE PEDRO LARA WERE ALSO KIDNAPPED.",
            ["HUGO SOLIS VERA", "PEDRO LARA"],
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
        # a passive after a place phrase or a relative clause, and the list it closes
        ("SEVERAL SHOPS IN THE MARKET WERE DAMAGED.", ["SHOPS"]),
        ("THREE TRUCKS THAT WERE ON THE ROAD WERE BADLY DAMAGED.", ["TRUCKS"]),
        (
            "ONE CLINIC, TWO BUSES, AND A POWER TRANSFORMER WERE DESTROYED BY THE BLAST.",
            ["CLINIC", "BUSES", "POWER TRANSFORMER"],
        ),
        # "there was an explosion at", "the target was", "on the first floor of a building"
        ("THERE WAS AN EXPLOSION LAST NIGHT AT ONE OF THE WATER COMPANY OFFICES.", ["WATER COMPANY OFFICES"]),
        ("POLICE SAID THE TARGET WAS THE ANDES TEXTILE FACTORY.", ["ANDES TEXTILE FACTORY"]),
        ("THE BLAST OCCURRED ON THE SECOND FLOOR OF A BUILDING DOWNTOWN.", ["BUILDING"]),
    ],
)
def test_physical_targets_in_more_phrasings(sentence: str, expected: list[str]) -> None:
    assert sentence_targets(sentence) == expected


def test_a_place_phrase_without_a_target_noun_is_no_target() -> None:
    assert sentence_targets("THE EXPLOSION OCCURRED AT 2300 IN THE CENTRAL SQUARE OF THE TOWN.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("BEFORE LEAVING, THE RAIDERS SET FIRE TO A SCHOOL AND A WAREHOUSE.", ["SCHOOL", "WAREHOUSE"]),
        ("THE REBELS SET THREE TRUCKS ON FIRE NEAR THE BORDER.", ["TRUCKS"]),
        ("RESIDENTS WATCHED THE BURNING OF A TEXTILE FACTORY.", ["TEXTILE FACTORY"]),
        ("A COFFEE WAREHOUSE WAS BURNED LAST NIGHT.", ["COFFEE WAREHOUSE"]),
        # people burned to death and a blast are no arson of a thing
        ("THE BOMB EXPLODED NEAR THE MARKET.", []),
    ],
)
def test_targets_set_on_fire(sentence: str, expected: list[str]) -> None:
    assert burned_targets(sentence) == expected


def test_looted_targets() -> None:
    assert robbed_targets("THE GANG LOOTED TWO PHARMACIES AND A GROCERY STORE.") == [
        "PHARMACIES",
        "GROCERY STORE",
    ]
    assert robbed_targets("THE RURAL BANK BRANCH WAS ROBBED AT NOON.") == ["RURAL BANK BRANCH"]
    assert robbed_targets("THE GANG ATTACKED A POLICE POST.") == []


KIDNAP_AND_FIRE = """\
SAN SALVADOR, 4 MAR 90 (RADIO NORTE) -- [TEXT] ARMED MEN KIDNAPPED ENGINEER TOMAS RIVAS LUNA IN
SANTA ROSA YESTERDAY.

   BEFORE FLEEING, THE KIDNAPPERS SET FIRE TO A COFFEE WAREHOUSE AND LOOTED A GROCERY STORE.
"""


def test_a_fire_and_a_looting_beside_a_kidnapping_are_acts_of_their_own() -> None:
    draft = extract_draft(KIDNAP_AND_FIRE, date(1990, 3, 4))
    assert draft.subtype == "kidnapping"
    assert [t.text for t in draft.targets] == []
    apart = {o.description: [t.text for t in o.targets] for o in draft.other_incidents}
    assert apart == {
        "SET FIRE TO A COFFEE WAREHOUSE AND LOOTED A GROCERY STORE.": ["COFFEE WAREHOUSE"],
        "LOOTED A GROCERY STORE.": ["GROCERY STORE"],
    }
    report = summarize(KIDNAP_AND_FIRE, engine="rules", published=date(1990, 3, 4))
    types = [t.incident_type[0] for t in report_templates(report)]
    assert types == ["KIDNAPPING", "ARSON", "ROBBERY"]


def test_an_arson_report_keeps_its_targets() -> None:
    text = (
        "SAN SALVADOR, 4 MAR 90 (RADIO NORTE) -- [TEXT] GUERRILLAS SET FIRE TO A COTTON PLANT IN "
        "SAN MIGUEL LAST NIGHT, CAUSING HEAVY DAMAGE.\n"
    )
    draft = extract_draft(text, date(1990, 3, 4))
    if draft.subtype and "arson" in draft.subtype:
        assert [t.text for t in draft.targets] == ["COTTON PLANT"]
        assert draft.other_incidents == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # adverbs, verbs and time words are no part of a name in upper-case copy
        ("POLICE SAID THE HOSTAGES WERE KILLED AND THE TOWN WAS PERFECTLY SAFE.", []),
        ("IT BECAME KNOWN THAT GUNMEN KILLED MAYOR JUAN PEREZ.", ["JUAN PEREZ"]),
        ("THE MEN WHO KILLED RAFAEL OSORIO SOUGHT REFUGE IN THE HILLS.", ["RAFAEL OSORIO"]),
        ("THE REBELS WHO ATTACKED COMPLETELY OUT OF THE BLUE LEFT THREE DEAD.", []),
        # a description with its adjective, then the names in apposition
        (
            "UNKNOWN MEN KIDNAPPED THE YOUNG COUPLE, MARTA ILLESCAS AND RAMON TEJADA, AS THEY LEFT HOME.",
            ["MARTA ILLESCAS", "RAMON TEJADA"],
        ),
    ],
)
def test_a_victim_name_is_made_of_no_common_word(sentence: str, expected: list[str]) -> None:
    assert _names(sentence) == expected


def test_an_adjective_participle_before_a_description_names_no_victim() -> None:
    # "murdered" as an adjective: the sentence tells who the man was, not an act on him
    assert _names("THE MURDERED DIPLOMAT, LUIS ARMANDO PINEDA, WAS THE EMBASSY'S SECOND SECRETARY.") == []


def test_a_name_before_a_modified_target_noun_is_no_victim() -> None:
    assert _names("REBELS ATTACKED THE EL PORVENIR CIVIL DEFENSE POST IN SAN MIGUEL.") == []


def test_a_weapon_at_the_head_of_a_headline_is_written_as_a_common_noun() -> None:
    from summarizer.engines.rules.weapons import sentence_weapons

    def texts(sentence: str) -> list[str]:
        return [item.text for item in sentence_weapons(sentence)]

    assert texts("Bomb blast at a crowded bus station kills nine") == ["bomb"]
    assert texts("Rifles and a pipe bomb were used in the raid") == ["rifles", "pipe bomb"]
    # names of makes, acronyms and upper-case wire copy keep their capitals
    assert texts("An Uzi submachinegun and Molotov cocktails were used") == [
        "Uzi submachinegun",
        "Molotov cocktails",
    ]
    assert texts("GUERRILLAS WITH AK-47 RIFLES SET OFF TNT") == ["AK-47 RIFLES", "TNT"]
    assert texts("A CAR BOMB EXPLODED") == ["CAR BOMB"]
