"""Victim counts of the rules engine on hand-written reports: the failure classes seen on outside
news (the attackers' own dead, named victims in wire copy, several clauses of one act). Every
sentence here is written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.engines.base import ExtractionRequest
from summarizer.engines.rules import RulesEngine
from summarizer.normalize.casualties import find_mentions
from summarizer.schema import Draft


def _draft(text: str, published: date | None = date(2024, 3, 2), title: str | None = None) -> Draft:
    return RulesEngine().extract(ExtractionRequest(text=text, reference_date=published, title=title)).draft


def _killed(d: Draft) -> int | None:
    return d.killed.value if d.killed is not None else None


ATTACKERS_DEAD = [
    "Soldiers killed 11 rebels on Tuesday when the insurgents attacked an army post near the border town of Larenza, the army said.",
    "A guerrilla was killed and two others fled on Sunday after guerrillas attacked the town hall of Vellamar with grenades.",
    "A hired assassin was killed on Friday by the grenade he tried to throw at the court building in Orlosa.",
]


@pytest.mark.parametrize("text", ATTACKERS_DEAD)
@pytest.mark.parametrize("case", ["mixed", "upper"])
def test_the_attackers_own_dead_are_no_victim_count(text: str, case: str) -> None:
    d = _draft(text.upper() if case == "upper" else text)
    assert _killed(d) in (None, 0)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Rebels killed four farmers on Tuesday in an attack on the village of Marenzo, the army said.", 4),
        (
            "A rebel leader was killed on Tuesday when gunmen opened fire on his car in Marenzo, police said.",
            1,
        ),
    ],
)
def test_victims_of_attackers_still_count(text: str, killed: int) -> None:
    assert _killed(_draft(text)) == killed
    assert _killed(_draft(text.upper())) == killed


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # a group named by what it belongs to, an acronym in brackets between
        ("TWO MEMBERS OF THE FARMERS' LEAGUE [FL] WERE KILLED BY UNKNOWN MEN NEAR RIO SECO.", 2),
        ("Three leaders of the transport union were murdered on Monday.", 3),
        # one surname, or a full name with several appositives before the verb
        ("[TEXT] ORTEGA WAS KILLED BY A BOMB PLACED UNDER HIS CAR.", 1),
        (
            "MARIO LUNA VEGA, MAYOR OF SAN TELMO, IN THE NORTHERN PROVINCE, WHO WAS KIDNAPPED ON 3 MAY, "
            "WAS FOUND DEAD TODAY, POLICE SAID.",
            1,
        ),
        ("POLICE SAID THAT FORMER JUSTICE MINISTER PABLO RENDON DIED TODAY IN A CLINIC AFTER THE ATTACK.", 1),
    ],
)
def test_named_and_belonging_victims_are_counted(sentence: str, value: int) -> None:
    mentions = find_mentions(sentence, 0, 0, 1990)
    killed = [m for m in mentions if m.role == "killed"]
    assert killed and max(m.value for m in killed) == value


def test_a_dateline_is_never_read_as_a_victim_name() -> None:
    sentence = "LIMA, 4 MAY 90 (EFE) -- [TEXT] POLICE HAVE CONFIRMED THAT ANA RUIZ, A JUDGE, WAS SHOT TO DEATH TODAY."
    (m,) = [m for m in find_mentions(sentence, 0, 0, 1990) if m.role == "killed"]
    assert m.as_stated.startswith("ANA RUIZ")


WIRE_LEAD_DEATH = """   SAN MATEO, 8 AUG 89 (RADIO NORTE) -- [TEXT] A CANADIAN ENGINEER
DIED AT THE CENTRAL HOSPITAL EARLY THIS MORNING.

   ACCORDING TO REPORTS WE RECEIVED, THE CANADIAN ENGINEER WAS SHOT LAST NIGHT
WHEN UNIDENTIFIED INDIVIDUALS TRIED TO ENTER HIS HOUSE IN THE LAS FLORES
NEIGHBORHOOD, NEAR THE RIVER AVENUE.  HE RECEIVED TWO BULLET WOUNDS.
"""


def test_wire_copy_whose_lead_tells_the_death_counts_it_once() -> None:
    # the act sentence tells of the shooting, the report's first sentence of the death: one killed,
    # and the one shot is that same person (no one injured besides)
    d = _draft(WIRE_LEAD_DEATH, published=date(1989, 8, 8))
    assert _killed(d) == 1
    assert d.injured is None or d.injured.value == 0


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("IT WAS LEARNED THAT MARIO PENA AND LUIS OTERO WERE SHOT TO DEATH BY ARMED MEN.", 2),
        ("POLICE SAID THAT A CUSTOMS OFFICER, A JUDGE, AND SENATOR RAUL MEJIA WERE MURDERED LAST WEEK.", 3),
        (
            "COUNCILMAN JOSE ARIAS, CANDIDATE FOR MAYOR OF SAN PEDRO, AND HIS NEPHEW TOMAS VERA WERE SHOT TO DEATH.",
            2,
        ),
        (
            "THE UNION DEMANDED AN INQUIRY INTO THE ASSASSINATION OF LEADER ANA SOTO AND OF ATTORNEY EVA GIL.",
            2,
        ),
        (
            "THE COUNCIL CONDEMNED THE MURDERS OF JUDGE RAUL PAZ, COLONEL IVAN RUBIO, AND SENATOR AND CANDIDATE OMAR LUZ.",
            3,
        ),
        ("HIS SON, PEDRO; THE TOWN TREASURER, JUAN RIOS; AND BODYGUARD LUIS MENA, WERE ALSO KILLED.", 3),
    ],
)
def test_people_listed_one_by_one_are_counted(sentence: str, value: int) -> None:
    killed = [m for m in find_mentions(sentence, 0, 0, 1990) if m.role == "killed"]
    assert killed and max(m.value for m in killed) == value


@pytest.mark.parametrize(
    "sentence",
    [
        # groups in the list, or more people after it: no count is guessed
        "THERE WILL BE NO MORE MURDERS OF GOVERNMENT OFFICIALS, LAWYERS, AND JOURNALISTS.",
        "WE WERE TOLD THAT MARIO PENA AND HIS SON WERE KILLED, AS WELL AS OTHER INDIVIDUALS WHO WERE WITH HIM.",
        # the shooter in the list
        "Police said the gunman and the clerk were killed.",
    ],
)
def test_lists_that_are_no_count(sentence: str) -> None:
    assert not [m for m in find_mentions(sentence, 0, 0, 1990) if m.role == "killed" and m.value >= 2]


def test_a_list_told_of_an_earlier_time_is_background() -> None:
    (m,) = [
        m for m in find_mentions("Earlier, a man and his son were shot to death.", 0, 0, 2024) if m.value == 2
    ]
    assert m.background


@pytest.mark.parametrize(
    ("sentence", "role", "value"),
    [
        ("THE BOMB HAS LEFT A TOLL OF 1 PERSON WOUNDED AND HEAVY DAMAGE TO TEN SHOPS.", "injured", 1),
        ("The blast left a toll of two people injured.", "injured", 2),
        ("The blast left a toll of three dead.", "killed", 3),
    ],
)
def test_a_toll_of_wounded_is_no_death_toll(sentence: str, role: str, value: int) -> None:
    assert [(m.role, m.value) for m in find_mentions(sentence, 0, 0, 1990)] == [(role, value)]


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("THANKS TO THE CURFEW, NOT A SINGLE PERSON WAS KILLED IN THE CITY LAST NIGHT.", "killed"),
        ("Not one person was hurt when the grenade went off.", "injured"),
    ],
)
def test_not_a_single_person_is_zero(sentence: str, role: str) -> None:
    assert [(m.role, m.value) for m in find_mentions(sentence, 0, 0, 1990)] == [(role, 0)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("FOUR POLICEMEN AND A PEASANT WERE KILLED WHEN THE BOMB WENT OFF.", [("killed", 5)]),
        ("One teacher and three pupils were wounded in the blast.", [("injured", 4)]),
        ("THE BISHOP CONDEMNED THE MURDER OF FIVE NUNS AND THEIR TWO DRIVERS IN THE NORTH.", [("killed", 7)]),
        (
            "NINE TEACHERS -- SEVEN WOMEN AND TWO MEN -- AND THREE PUPILS WERE MURDERED BY THE GUNMEN.",
            [("killed", 12)],
        ),
        # two roles, each with its own verb: no sum
        ("Officials said 3 people died and 12 others were wounded.", [("killed", 3), ("injured", 12)]),
    ],
)
def test_coordinated_groups_with_one_fate_are_summed(sentence: str, expected: list[tuple[str, int]]) -> None:
    found = sorted((m.role, m.value) for m in find_mentions(sentence, 0, 0, 1990))
    assert found == sorted(expected)


def test_also_killed_adds_a_victim_once() -> None:
    (added,) = find_mentions("THE DRIVER OF THE CAR, WHO WAS NOT IDENTIFIED, WAS ALSO KILLED.", 0, 0, 1990)
    assert (added.role, added.value, added.increment) == ("killed", 1, True)
    # a counted pair is the pair's own figure, not one more
    assert [
        (m.value, m.increment) for m in find_mentions("His wife and son were also killed.", 0, 0, 1990)
    ] == [(2, False)]
    assert find_mentions("The guards were also killed.", 0, 0, 1990) == []


POST_MODIFIED = [
    (
        "Two nurses guarding the entrance of the clinic in Tarvey were killed on Monday by unknown gunmen.",
        "killed",
        2,
    ),
    (
        "Four volunteers handing out food near the market of Olsen have been wounded, aid workers said.",
        "injured",
        4,
    ),
    ("Three miners from the northern shaft at Bellrock were hurt when the charge went off.", "injured", 3),
]


@pytest.mark.parametrize(("text", "role", "value"), POST_MODIFIED)
@pytest.mark.parametrize("case", ["mixed", "upper"])
def test_counted_people_named_by_a_phrase_after_the_noun(text: str, role: str, value: int, case: str) -> None:
    sentence = text.upper() if case == "upper" else text
    assert [(m.role, m.value) for m in find_mentions(sentence, 0, 0, 2024)] == [(role, value)]


@pytest.mark.parametrize(
    "text",
    [
        "Two men who said they saw the blast were questioned by the police.",
        "Two officers investigating the killings were replaced on Friday.",
        "Five families whose homes were damaged were moved to a school.",
    ],
)
def test_a_phrase_after_the_noun_needs_a_passive_casualty_verb(text: str) -> None:
    assert find_mentions(text, 0, 0, 2024) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Four guards were savagely beaten to death inside the depot.", 4),
        ("THREE FARMERS WERE BRUTALLY MURDERED NEAR THE RIVER.", 3),
        ("Two hikers were only slightly hurt.", 2),
    ],
)
def test_a_manner_adverb_between_auxiliary_and_verb(text: str, value: int) -> None:
    assert [m.value for m in find_mentions(text, 0, 0, 2024)] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Investigators said the body of a young woman was found on Monday beside the canal.",
        "THE BODY OF AN UNKNOWN MAN WAS DISCOVERED AT DAWN ON A FARM ROAD.",
    ],
)
def test_a_body_found_is_one_death(text: str) -> None:
    assert [(m.role, m.value) for m in find_mentions(text, 0, 0, 2024)] == [("killed", 1)]


def test_a_body_of_work_or_a_search_is_no_death() -> None:
    assert find_mentions("The body of evidence was found lacking by the judge.", 0, 0, 2024) == []


def test_the_counted_phrase_ends_at_the_same_word_in_either_case() -> None:
    text = "The bishop recalled the murder of six teachers who were kidnapped in March."
    mixed = [m.as_stated for m in find_mentions(text, 0, 0, 2024)]
    upper = [m.as_stated for m in find_mentions(text.upper(), 0, 0, 2024)]
    assert mixed == ["six teachers"]
    assert upper == [s.upper() for s in mixed]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The crash on Route 9 left one driver dead and another with serious injuries.",
            [("killed", 1), ("injured", 1)],
        ),
        ("THE AMBUSH LEFT A SOLDIER WOUNDED.", [("injured", 1)]),
        ("The fire left a resident dead, officials said.", [("killed", 1)]),
    ],
)
def test_one_person_left_dead_or_hurt_and_another(text: str, expected: list[tuple[str, int]]) -> None:
    assert sorted((m.role, m.value) for m in find_mentions(text, 0, 0, 2024)) == sorted(expected)


def test_another_without_a_fate_left_is_no_count() -> None:
    assert find_mentions("She said another day of talks was left with no result.", 0, 0, 2024) == []


# people counted, then a relative clause, then their fate (written for the test)
RELATIVE_CLAUSE_FATES = [
    (
        "Two men who were standing outside a bakery were shot and killed on Friday night in Corvell, police said.",
        "killed",
        2,
    ),
    (
        "Six teachers and two cooks who worked at the school were murdered in Varesco on Thursday.",
        "killed",
        8,
    ),
    (
        "Three people who were inside the house were wounded when gunmen opened fire in Corvell on Friday.",
        "injured",
        3,
    ),
    (
        "Two men and a woman died after gunmen opened fire at a wedding party in Corvell on Friday.",
        "killed",
        3,
    ),
]


@pytest.mark.parametrize(("text", "role", "value"), RELATIVE_CLAUSE_FATES)
@pytest.mark.parametrize("case", ["mixed", "upper"])
def test_a_relative_clause_between_the_count_and_the_fate(
    text: str, role: str, value: int, case: str
) -> None:
    d = _draft(text.upper() if case == "upper" else text)
    count = getattr(d, role)
    assert count is not None and count.value == value


def test_a_relative_clause_holding_another_fate_is_not_read() -> None:
    # the men who fled are not the dead: the three are
    d = _draft(
        "Police arrested two men who fled after three people were killed in a shooting in Corvell on Friday."
    )
    assert _killed(d) == 3


def test_another_group_after_the_dead_is_the_wounded_toll() -> None:
    d = _draft(
        "Two gunmen opened fire at a holiday party in Corvell on Friday, killing 9 people. "
        "Another 12 people were hurt, police said."
    )
    assert _killed(d) == 9
    assert d.injured is not None and d.injured.value == 12


# one person and a counted group of theirs share a fate (written for the test)
ONE_AND_GROUP = [
    ("The governor and three of his guards were killed in an ambush near Kandor on Monday.", 4),
    (
        "Gunmen attacked the minister's car in Tarsa on Monday. His driver and one of his bodyguards were killed, police said.",
        2,
    ),
    (
        "Ana Ruiz, a provincial judge, and two of her bodyguards were assassinated in Orlosa on Tuesday by gunmen.",
        3,
    ),
    ("Gunmen killed the mayor and two of his bodyguards in Tarsa on Monday.", 3),
]


@pytest.mark.parametrize(("text", "value"), ONE_AND_GROUP)
@pytest.mark.parametrize("case", ["mixed", "upper"])
def test_one_person_and_a_group_of_theirs(text: str, value: int, case: str) -> None:
    assert _killed(_draft(text.upper() if case == "upper" else text)) == value


def test_a_name_and_a_possessive_list_is_not_one_and_a_group() -> None:
    # "X, his wife, and two others": the wife is no appositive of X; the list is not summed as 1 + 2
    found = find_mentions(
        "Police linked them to the murder of Dr Pablo Ortega Ruiz, his wife, and two other people.",
        0,
        0,
        2024,
    )
    assert all(m.value != 3 for m in found)


# figures after an injury noun or a hedge-free "only" (written for the test)
INJURY_NOUN_FIGURES = [
    (
        "A bomb went off at a radio station in Tarsa last night, resulting in the injury of six people.",
        "injured",
        6,
    ),
    (
        "A car bomb exploded near the port of Orlosa on Monday, causing injuries to three passersby.",
        "injured",
        3,
    ),
    (
        "A car bomb exploded near the port of Orlosa on Monday, slightly injuring only two people.",
        "injured",
        2,
    ),
    ("A grenade exploded in the market of Orlosa on Monday, killing just one person.", "killed", 1),
    ("A minor was wounded when a grenade exploded in the market of Orlosa on Monday.", "injured", 1),
]


@pytest.mark.parametrize(("text", "role", "value"), INJURY_NOUN_FIGURES)
@pytest.mark.parametrize("case", ["mixed", "upper"])
def test_figures_after_an_injury_noun_or_only(text: str, role: str, value: int, case: str) -> None:
    count = getattr(_draft(text.upper() if case == "upper" else text), role)
    assert count is not None and count.value == value


@pytest.mark.parametrize(
    "text",
    [
        "Police in Tarsa are investigating the murder of the mayor and his bodyguard on Monday.",
        "Police in Tarsa are investigating the murder of a university professor and a union leader on Monday.",
    ],
)
@pytest.mark.parametrize("case", ["mixed", "upper"])
def test_the_murder_of_two_people(text: str, case: str) -> None:
    assert _killed(_draft(text.upper() if case == "upper" else text)) == 2


def test_the_murder_of_a_person_and_a_thing_is_one() -> None:
    assert _killed(
        _draft(
            "Police in Tarsa are investigating the murder of the mayor and his campaign staff's role on Monday."
        )
    ) in (None, 1)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Gunmen attacked a farm near Orlosa on Monday, an attack that resulted in the death of a civilian.",
            "killed",
        ),
        (
            "A bomb went off at a newspaper office in Tarsa on Monday, causing injuries to a policeman.",
            "injured",
        ),
    ],
)
@pytest.mark.parametrize("case", ["mixed", "upper"])
def test_one_victim_of_a_caused_death_or_injury(text: str, role: str, case: str) -> None:
    count = getattr(_draft(text.upper() if case == "upper" else text), role)
    assert count is not None and count.value == 1


@pytest.mark.parametrize("case", ["mixed", "upper"])
def test_an_indefinite_person_and_a_group_of_theirs(case: str) -> None:
    text = "Rebels murdered a police inspector and two of his brothers near Tarsa on Monday."
    assert _killed(_draft(text.upper() if case == "upper" else text)) == 3


def test_left_hospitalized_with_injuries_are_the_hurt() -> None:
    d = _draft(
        "A shooting outside a bar in Tarsa on Sunday left two men hospitalized with moderate injuries, police said."
    )
    assert d.injured is not None and d.injured.value == 2
