"""The rules engine's role finders: named victims, physical targets, weapons, act subjects and
suspects, the stage, and other acts of a wire report (hand-written sentences, upper and mixed case)."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer import summarize
from summarizer.engines.rules.actors import find_perpetrators, wire_suspects
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


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a list closed by the passive, appositives and glosses passed over
        (
            "LATE ON 3 MAY, FATHERS PEDRO SALAS, HEAD OF THE PARISH; TOMAS VERA, LUIS MORA (CHILEANS), "
            "AND ANA RIOS, AS WELL AS THEIR DRIVER, JUAN PAZ, WERE MURDERED.",
            ["PEDRO SALAS", "TOMAS VERA", "LUIS MORA", "ANA RIOS", "JUAN PAZ"],
        ),
        ("IN CALI, POLICE SAID RAMON TELLO AND OSCAR MEJIA WERE KILLED.", ["RAMON TELLO", "OSCAR MEJIA"]),
        # the appositive is the name: "his wife, X, was wounded"
        ("HIS WIFE, ELENA MARIA SOTO, WAS WOUNDED.", ["ELENA MARIA SOTO"]),
        # a reduced relative after coordinated names
        (
            "ENGINEER RAUL PENA AND U.S. BUSINESSMAN JOHN REED, KIDNAPPED 9 DAYS AGO, WERE FREED TODAY.",
            ["RAUL PENA", "JOHN REED"],
        ),
        # the kidnapping's victim is also the one rescued or still held
        ("THE ARMY RESCUED HUGO LARA PENA, A RANCHER.", ["HUGO LARA PENA"]),
        (
            "THE GROUP IS STILL HOLDING MARIO SOLIS AND JAIME ORTIZ, TWO MAYORS.",
            ["MARIO SOLIS", "JAIME ORTIZ"],
        ),
        # a list after the fate and a colon, after "are" with an adverb
        (
            "THE FOLLOWING AGENTS DIED IN THE AMBUSH: MAJOR LUIS ARCE, SERGEANT RAUL VEGA.",
            ["LUIS ARCE", "RAUL VEGA"],
        ),
        ("AMONG THE INJURED HERE ARE ROSA PINEDA, 40; AND TOMAS ARCE, 22.", ["ROSA PINEDA", "TOMAS ARCE"]),
        # a word before the title is part of the title, not of the name
        (
            "THE MURDER OF SALVADORAN PRESIDENCY MINISTER JORGE ALBERTO RUIZ WAS CONDEMNED.",
            ["JORGE ALBERTO RUIZ"],
        ),
        (
            "Gunmen killed Judge Ana Maria Vega and Luis Pena outside the court.",
            ["Ana Maria Vega", "Luis Pena"],
        ),
        # a clause that says something else stops the list
        ("THE MAYOR, JUAN PEREZ, SAID THAT MARIA LOPEZ DIAZ WAS KILLED.", ["MARIA LOPEZ DIAZ"]),
    ],
)
def test_named_victims_in_lists(sentence: str, expected: list[str]) -> None:
    assert [name for name, _ in sentence_victims(sentence, sentence.isupper())] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "ACCORDING TO THE ARMY, MEMBERS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT (FMLN) "
            "MACHINEGUNNED THE HELICOPTER.",
            ["FARABUNDO MARTI NATIONAL LIBERATION FRONT"],
        ),
        ("SHINING PATH URBAN COMMANDOS DESTROYED A TRUCK IN LIMA TODAY.", ["SHINING PATH"]),
        (
            "TWO SOLDIERS WERE WOUNDED IN AN ATTACK ON THE MILITARY POST IN SAN RAMON BY FMLN [FARABUNDO "
            "MARTI NATIONAL LIBERATION FRONT] UNITS.",
            ["FMLN"],
        ),
        ("THE GUERRILLA ORGANIZATION SHINING PATH HAD KILLED THE ENGINEER.", ["SHINING PATH"]),
        # a group named beside no act of its own is no perpetrator
        ("THE FMLN CALLED FOR NEW TALKS WITH THE GOVERNMENT.", []),
        ("THE TROOPS KILLED FIVE FMLN GUERRILLAS NEAR THE VOLCANO.", []),
        ("TROOPS KILLED TWO MEMBERS OF THE FMLN NEAR THE VOLCANO.", []),
    ],
)
def test_wire_group_as_agent(sentence: str, expected: list[str]) -> None:
    actors = find_perpetrators([(0, sentence, False)], [], True, set())
    assert [a.name for a in actors if a.kind == "group"] == expected


def test_act_subjects_after_time_words_and_members_of_a_group() -> None:
    assert subject_perpetrators("UNIDENTIFIED INDIVIDUALS THIS AFTERNOON PLACED A BOMB AT THE OFFICE.") == [
        "UNIDENTIFIED INDIVIDUALS"
    ]
    assert subject_perpetrators("THE PRESUMED MEMBERS OF THE SHINING PATH GROUP ATTACKED THE MEETING.") == [
        "PRESUMED MEMBERS OF THE SHINING PATH GROUP"
    ]
    assert wire_suspects(
        "THE ARRESTED MEN WERE IDENTIFIED AS RAMON TELLO DIAZ, 23; AND OSCAR MEJIA, 30."
    ) == [
        "RAMON TELLO DIAZ",
        "OSCAR MEJIA",
    ]


LATER_VICTIMS = """\
BOGOTA, 4 MAY 90 -- [TEXT] A POWERFUL BOMB EXPLODED TODAY AT A SHOPPING CENTER IN NORTHERN BOGOTA,
KILLING TWO PEOPLE AND INJURING 12.

   FIREMEN WORKED FOR HOURS AT THE SCENE.

   THE POLICE CLOSED THE AREA TO TRAFFIC.

   THE MAYOR VISITED THE AREA IN THE AFTERNOON AND SPOKE WITH THE OWNERS OF THE SHOPS.

   HOSPITAL SOURCES SAID THAT AMONG THE INJURED ARE ROSA PINEDA AND TOMAS ARCE VEGA.
"""


def test_victims_named_later_in_the_report() -> None:
    draft = extract_draft(LATER_VICTIMS, date(1990, 5, 4))
    assert [v.name for v in draft.victims] == ["ROSA PINEDA", "TOMAS ARCE VEGA"]


def test_victims_of_another_act_stay_with_it() -> None:
    draft = extract_draft(WIRE, date(1990, 3, 12))
    assert "RAUL MEJIA SORTO" not in [v.name for v in draft.victims]


def test_wire_people_implicated_in_the_act() -> None:
    from summarizer.engines.rules.actors import implicated

    assert implicated(
        "THE MINISTER SAID THAT A COLONEL, TWO LIEUTENANTS, AND THREE SOLDIERS WERE INVOLVED IN THE MURDER."
    ) == ["TWO LIEUTENANTS", "THREE SOLDIERS"]
    assert implicated(
        "HE REPLACED COLONEL JUAN ROJAS VEGA, ONE OF THE MEN IMPLICATED IN THE KIDNAPPING."
    ) == ["JUAN ROJAS VEGA"]
    assert implicated("THE GOVERNMENT IS INVOLVED IN THE PEACE TALKS.") == []
    assert subject_perpetrators("THESE INDIVIDUALS APPARENTLY PLANTED THE BOMB.") == ["INDIVIDUALS"]


def test_short_given_names_ending_like_common_words() -> None:
    # "-ARY" ends many common words ("MILITARY", "SECRETARY"), and short given names too
    assert sentence_victims("MARY ELLEN DOYLE, A U.S. NUN, WAS SERIOUSLY WOUNDED TODAY.", True) == [
        ("MARY ELLEN DOYLE", None)
    ]
    assert sentence_victims("THE MILITARY SECRETARY WAS WOUNDED TODAY.", True) == []


def test_target_phrase_ends_before_its_place_and_the_closing_quote() -> None:
    assert sentence_targets(
        "REBELS DYNAMITED THE BRANCH OF THE CENTRAL MORTGAGE BANK LOCATED IN THE NORTH."
    ) == ["BRANCH OF THE CENTRAL MORTGAGE BANK"]
    assert sentence_targets('HE SAID: "THE TERRORISTS DYNAMITED THE LABOR UNION HEADQUARTERS."') == [
        "LABOR UNION HEADQUARTERS"
    ]


def test_a_victim_named_twice_is_one_victim() -> None:
    text = (
        "SAN SALVADOR, 4 MAY 90 -- [TEXT] A BOMB KILLED UNION LEADER ROSA ELENA PINEDA TODAY IN SAN SALVADOR.\n\n"
        "   ROSA PINEDA WAS KILLED WHEN THE BOMB EXPLODED AT THE UNION OFFICE.\n"
    )
    draft = extract_draft(text, date(1990, 5, 4))
    assert [v.name for v in draft.victims] == ["ROSA ELENA PINEDA"]


def test_wire_act_attributed_to_someone() -> None:
    text = (
        "IN AN ACTION ATTRIBUTED TO THE DRUG TRAFFICKING RINGS OPERATING IN CALI, A BOMB DESTROYED A SCHOOL."
    )
    assert [(a.name, a.kind) for a in find_perpetrators([(0, text, False)], [], True, set())] == [
        ("DRUG TRAFFICKING RINGS", "group")
    ]
    text = "THE MAYOR ESCAPED A DYNAMITE ATTACK PERPETRATED BY A SHINING PATH CELL ON 6 MAY."
    assert "SHINING PATH" in [a.name for a in find_perpetrators([(0, text, False)], [], True, set())]


SERIES = """\
LIMA, 3 APR 90 (RADIO CADENA) -- [TEXT] SEVERAL TERRORIST ATTACKS TOOK PLACE LAST NIGHT IN THE
CAPITAL, POLICE SOURCES REPORTED.  URBAN COMMANDOS DYNAMITED A POWER PYLON IN THE VITARTE DISTRICT.
TERRORISTS DYNAMITED THE OFFICES OF THE AGRARIAN BANK IN THE RIMAC DISTRICT.
"""

ANOTHER = """\
GUATEMALA CITY, 5 MAY 90 (ACAN) -- [TEXT] UNIDENTIFIED GUNMEN MURDERED PARTY LEADER OSCAR LOPEZ
MENDEZ IN ZACAPA YESTERDAY.  HUGO PAZ RIVAS, ANOTHER PARTY LEADER, WAS KIDNAPPED BY TWO MEN IN
CHIQUIMULA LAST WEEK.
"""

ONE_ACT = """\
GUATEMALA CITY, 5 MAY 90 (ACAN) -- [TEXT] UNIDENTIFIED GUNMEN MURDERED PARTY LEADER OSCAR LOPEZ
MENDEZ IN ZACAPA YESTERDAY.  THE GUNMEN ALSO WOUNDED HIS DRIVER, HUGO PAZ RIVAS, WHO WAS TAKEN
TO A HOSPITAL.
"""


def test_acts_told_as_separate_in_the_event_paragraph() -> None:
    # an event sentence that sums up several attacks: each act told after it is its own
    draft = extract_draft(SERIES, date(1990, 4, 3))
    targets = [t.text for o in draft.other_incidents for t in o.targets]
    assert any("AGRARIAN BANK" in t for t in targets), draft.other_incidents
    # "X, another party leader, was kidnapped": a second act, not the first one's victim
    draft = extract_draft(ANOTHER, date(1990, 5, 5))
    assert any(v.name == "HUGO PAZ RIVAS" for o in draft.other_incidents for v in o.victims)
    # the same act told over two sentences stays one incident
    draft = extract_draft(ONE_ACT, date(1990, 5, 5))
    assert not any(o.victims or o.targets for o in draft.other_incidents)


ALSO = """\
SAN SALVADOR, 8 JUN 90 (RADIO VENCEREMOS) -- [TEXT] FMLN GUERRILLAS MURDERED MAYOR JOSE LUIS
ALFARO IN SAN MIGUEL YESTERDAY.  THE GUERRILLAS ALSO BLEW UP THREE ELECTRIC PYLONS NEAR THE TOWN.

   THE ARMY SAID THE GOVERNMENT WILL NOT NEGOTIATE.

   THE PRESIDENT WILL TRAVEL TO WASHINGTON NEXT WEEK.

   THE ELECTIONS ARE SCHEDULED FOR MARCH.

   PEASANTS SAID THAT UNIDENTIFIED MEN THREW A GRENADE AT A COFFEE WAREHOUSE IN BERLIN LAST WEEK.
"""


def test_acts_of_another_kind_and_acts_told_by_their_verb() -> None:
    draft = extract_draft(ALSO, date(1990, 6, 8))
    targets = [t.text for o in draft.other_incidents for t in o.targets]
    # "ALSO BLEW UP": an act of another kind than the event's murder
    assert any("PYLONS" in t for t in targets), draft.other_incidents
    # "THREW A GRENADE AT": an act told by its verb alone
    assert any("WAREHOUSE" in t for t in targets), draft.other_incidents


HISTORY = """\
SAN SALVADOR, 8 JUN 90 (RADIO VENCEREMOS) -- [TEXT] FMLN GUERRILLAS MURDERED MAYOR JOSE LUIS
ALFARO IN SAN MIGUEL YESTERDAY.

   THE ARMY SAID THE GOVERNMENT WILL NOT NEGOTIATE.

   THE PRESIDENT WILL TRAVEL TO WASHINGTON NEXT WEEK.

   THE ELECTIONS ARE SCHEDULED FOR MARCH.

   IN MARCH 1987, REBELS BLEW UP THE CITY HALL OF SAN MIGUEL.

   TWO YEARS AGO GUNMEN DYNAMITED THE OFFICES OF THE ELECTORAL COURT.
"""


def test_acts_of_earlier_years_are_history_not_other_incidents() -> None:
    draft = extract_draft(HISTORY, date(1990, 6, 8))
    targets = [t.text for o in draft.other_incidents for t in o.targets]
    assert not any("CITY HALL" in t or "ELECTORAL COURT" in t for t in targets), draft.other_incidents
