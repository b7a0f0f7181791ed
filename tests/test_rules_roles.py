"""The rules engine's role finders: named victims, physical targets, weapons, act subjects and
suspects, the stage, and other acts of a wire report (hand-written sentences, upper and mixed case)."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer import summarize
from summarizer.engines.rules.actors import wire_suspects
from summarizer.engines.rules.engine import extract_draft
from summarizer.engines.rules.subjects import subject_perpetrators
from summarizer.engines.rules.targets import sentence_targets
from summarizer.engines.rules.victims import sentence_victims
from summarizer.engines.rules.weapons import sentence_weapons


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "THE MURDER OF MAYORAL CANDIDATE JORGE ELIECER PARDO IN TUNJA WAS CONDEMNED.",
            ["JORGE ELIECER PARDO"],
        ),
        ("GUNMEN KILLED JUDGE MARIA TERESA ROJAS AND TWO BODYGUARDS.", ["MARIA TERESA ROJAS"]),
        ("ANIBAL QUINTERO SOLIS, A UNION LEADER, WAS KIDNAPPED LAST NIGHT.", ["ANIBAL QUINTERO SOLIS"]),
        (
            "THE DEAD WERE IDENTIFIED AS ROSA PINEDA, 40; TOMAS ARCE, 22; AND LUIS VEGA.",
            ["ROSA PINEDA", "TOMAS ARCE", "LUIS VEGA"],
        ),
        (
            "The gunmen shot and killed Mayor Juan de la Cruz Perez outside his home.",
            ["Juan de la Cruz Perez"],
        ),
        # groups, places and relations are no named victims
        ("REBELS KILLED SIX PEASANTS IN SAN ISIDRO.", []),
        ("GUERRILLAS ATTACKED THE SANTA ROSA FARM.", []),
        ("THE KILLING OF THE SON OF ARMANDO RIOS WAS REPORTED.", []),
        ("MONSIGNOR ROMERO WAS KILLED.", []),  # a surname alone is too thin
    ],
)
def test_named_victims(sentence: str, expected: list[str]) -> None:
    assert [name for name, _ in sentence_victims(sentence, sentence.isupper())] == expected


def test_victim_description_comes_from_the_title() -> None:
    (victim,) = sentence_victims("THE ASSASSINATION OF SENATOR PABLO ORTIZ LARA SHOCKED THE CAPITAL.", True)
    assert victim == ("PABLO ORTIZ LARA", "senator")


def test_suspects_are_not_victims() -> None:
    text = "POLICE ARRESTED THE SUSPECTS, WHO WERE IDENTIFIED AS RAMON TELLO DIAZ AND OSCAR MEJIA."
    assert sentence_victims(text, True) == []
    assert wire_suspects(text) == ["RAMON TELLO DIAZ", "OSCAR MEJIA"]
    assert wire_suspects("A JUDGE ISSUED AN ARREST WARRANT FOR HUGO LARA PENA YESTERDAY.") == [
        "HUGO LARA PENA"
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "URBAN GUERRILLAS ATTACKED THE ELECTRIC POWER SUBSTATION IN THE NORTH.",
            ["ELECTRIC POWER SUBSTATION"],
        ),
        ('A BOMB EXPLODED AT THE "EL FARO" RESTAURANT IN LIMA.', ['"EL FARO" RESTAURANT']),
        ("TERRORISTS DYNAMITED TWO BUSES AND A POLICE POST.", ["BUSES", "POLICE POST"]),
        ("A CAR BOMB WENT OFF IN FRONT OF GEN SOTO'S VEHICLE ON 5TH AVENUE.", ["SOTO'S VEHICLE"]),
        (
            "GUERRILLAS ATTACKED THE RESIDENCE OF PRESIDENT ALFREDO VIVES IN THE CAPITAL.",
            ["RESIDENCE OF PRESIDENT ALFREDO VIVES"],
        ),
        ("THE MAIN OFFICES OF LA VOZ WERE PARTIALLY DESTROYED BY A BOMB.", ["MAIN OFFICES OF LA VOZ"]),
        (
            "THE BLAST DAMAGED A HOTEL, A RESTAURANT, AND TWO MEDICAL CLINICS.",
            ["HOTEL", "RESTAURANT", "MEDICAL CLINICS"],
        ),
        ("Militants set fire to a warehouse near the port.", ["warehouse"]),
        # people are no physical targets
        ("REBELS ATTACKED A GROUP OF SOLDIERS.", []),
    ],
)
def test_physical_targets(sentence: str, expected: list[str]) -> None:
    assert sentence_targets(sentence) == expected


def test_weapons_used_not_seized() -> None:
    assert [w.text for w in sentence_weapons("A POWERFUL BOMB AND A DYNAMITE CHARGE EXPLODED.")] == [
        "POWERFUL BOMB",
        "DYNAMITE CHARGE",
    ]
    assert sentence_weapons("TROOPS SEIZED RIFLES AND DYNAMITE IN A CACHE.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("FOUR HEAVILY ARMED INDIVIDUALS KIDNAPPED THE MANAGER.", ["FOUR HEAVILY ARMED INDIVIDUALS"]),
        ("A GROUP OF UNIDENTIFIED MEN ATTACKED THE POST.", ["GROUP OF UNIDENTIFIED MEN"]),
        (
            "WITNESSES SAID MEMBERS OF THE ARMED FORCES MASSACRED THE VILLAGERS.",
            ["MEMBERS OF THE ARMED FORCES"],
        ),
        ("AT LEAST 14 SOLDIERS KILLED IN THE AMBUSH.", []),  # who it befell, not who did it
    ],
)
def test_act_subjects(sentence: str, expected: list[str]) -> None:
    assert subject_perpetrators(sentence) == expected


WIRE = """\
SAN SALVADOR, 12 MAR 90 (RADIO NACIONAL) -- [TEXT] URBAN GUERRILLAS OF THE FARABUNDO MARTI
NATIONAL LIBERATION FRONT [FMLN] LAST NIGHT ATTACKED THE RESIDENCE OF JUDGE ERNESTO PAZ
VILLALTA WITH A BOMB.  THE EXPLOSION DESTROYED THE HOUSE, BUT THE JUDGE WAS UNHURT.

   THE ATTACKERS FLED TOWARD THE VOLCANO.

   POLICE SAID THE BOMB WAS MADE OF DYNAMITE.

   IN ANOTHER DEVELOPMENT, A TERRORIST ATTACK AGAINST A BUS IN SANTA ANA ON 10 MARCH WAS REPORTED.
GUNMEN KIDNAPPED BUSINESSMAN RAUL MEJIA SORTO AND BURNED HIS TRUCK IN USULUTAN.
"""


def test_wire_report_roles_and_other_acts() -> None:
    draft = extract_draft(WIRE, date(1990, 3, 12))
    assert draft.is_incident
    assert any("RESIDENCE OF JUDGE ERNESTO PAZ VILLALTA" in t.text for t in draft.targets)
    assert any(w.text.upper() == "BOMB" for w in draft.weapons)
    assert any("FARABUNDO" in p.name.upper() or p.name.upper() == "FMLN" for p in draft.perpetrators)
    others = [o for o in draft.other_incidents if o.victims or o.targets]
    assert others, draft.other_incidents
    assert any(v.name == "RAUL MEJIA SORTO" for o in others for v in o.victims)
    # every role quote is a verbatim sentence of the article
    flat = " ".join(WIRE.split())
    for item in [*draft.targets, *draft.victims, *draft.weapons, *[v for o in others for v in o.victims]]:
        assert " ".join(item.quote.split()) in flat


def test_report_keeps_grounded_roles() -> None:
    report = summarize(WIRE, published="1990-03-12", engine="rules", use_cache=False)
    assert report.incident is not None
    for name, fact in report.facts():
        for ev in fact.evidence:
            assert WIRE[ev.start : ev.end] == ev.quote, name
    assert any(o.victims for o in report.other_incidents)
