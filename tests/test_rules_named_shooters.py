"""Named shooters in US local news: the ways a report names the person who fired (texts written
for these tests)."""

from __future__ import annotations

import pytest

from summarizer.engines.rules.suspects import find_named_suspects


def _named(*sentences: str, background: bool = False) -> list[str]:
    rows = [(i, s, background) for i, s in enumerate(sentences)]
    return [s.name for s in find_named_suspects(rows)]


def test_a_rank_before_the_name_is_no_part_of_it() -> None:
    # the surname later resolves to the full name given after "Officer"
    assert _named(
        "Officer Dominic Lavelle Harte has been placed on desk duty.",
        "Harte fatally shot Kevin Moss, 24, outside the store.",
    ) == ["Dominic Lavelle Harte"]


def test_a_surname_that_fired_a_number_of_times() -> None:
    assert _named(
        "Trooper Kenneth Abernathy was first at the scene.",
        "Abernathy then fired nine times, striking the driver.",
    ) == ["Kenneth Abernathy"]


def test_a_name_with_two_inner_capitals() -> None:
    assert _named("Marla DeLaRosa, who lives across the street, fired twice at the car.") == [
        "Marla DeLaRosa"
    ]


def test_a_generational_suffix_is_kept_whole() -> None:
    assert _named(
        "Relatives of Dwayne Parker III say they asked for help.",
        "Parker has pleaded not guilty to the murder.",
    ) == ["Dwayne Parker III"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Witnesses said Trevor Holcomb got out of his truck and started shooting at the crowd.",
        "Police said Trevor Holcomb walked up to the window and fired two shots.",
        "Trevor Holcomb then began firing into the parked cars.",
    ],
)
def test_the_name_acts_and_then_shoots(sentence: str) -> None:
    assert _named(sentence) == ["Trevor Holcomb"]


def test_a_name_that_was_shot_after_acting_is_no_shooter() -> None:
    assert _named("Trevor Holcomb ran toward the door and was shot in the back.") == []
    assert _named("Trevor Holcomb said he heard the noise and fired back.") == []


def test_the_gunman_was_identified_as() -> None:
    assert _named("The gunman was later identified as Ruben Castellanos, 33.") == ["Ruben Castellanos"]


def test_identified_as_the_suspect_in_a_background_sentence() -> None:
    # a sentence about another time still names the suspect of this act
    assert _named(
        "Chief Ames identified the suspect as Lionel Ward, 20, who was arrested just last week for theft.",
        background=True,
    ) == ["Lionel Ward"]
    # other patterns stay unread in background sentences
    assert _named("Lionel Ward was arrested in 2011 for a robbery.", background=True) == []


def test_armed_and_dangerous_and_committed_the_robbery() -> None:
    assert _named("Deputies say Marcus Allen Greer should be considered armed and dangerous.") == [
        "Marcus Allen Greer"
    ]
    assert _named("Prosecutors say Nia Talbot and Owen Reese, both 18, committed the robbery.") == [
        "Owen Reese"
    ]


def test_the_one_who_shot_himself_is_the_shooter() -> None:
    assert _named(
        "Glen Ostrowski, 52, was found in the yard.",
        "Ostrowski fired at his wife and then shot himself.",
    ) == ["Glen Ostrowski"]
    # also when he is found dead
    assert _named("Police say Glen Ostrowski was found dead after shooting himself in the garage.") == [
        "Glen Ostrowski"
    ]


def test_a_capitalised_thing_after_an_article_is_no_shooter() -> None:
    assert _named("A passenger of the silver Chevrolet Malibu leaned out and fired several shots.") == []
    # nor is its last word read as a surname
    assert _named("A man in the silver Chevrolet Malibu hung out of the window and fired.") == []
    # a rank before a surname still lets it be read
    assert _named("Officer Dana Kowalczyk arrived first.", "Officer Kowalczyk then fired twice.") == [
        "Dana Kowalczyk"
    ]


def test_treated_and_then_taken_to_jail() -> None:
    assert _named(
        "Renata Solis-Vega, 30, was treated at a hospital for a cut and then taken to jail.",
    ) == ["Renata Solis-Vega"]
    # shot and taken to a hospital: a victim
    assert _named("Renata Solis-Vega was shot in the arm and then taken to a hospital.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Detectives announced the arrest of Terrell Vaughn, 22, on Tuesday.",
        "A judge issued a warrant for Terrell Vaughn after the shooting.",
        "Terrell Vaughn, 22, is suspected of firing into the home.",
        "Terrell Vaughn, the alleged gunman, remains at large.",
        "Terrell Vaughn, 22, a suspect in the shooting, was last seen in Dayton.",
        "Prosecutors said accused killer Terrell Vaughn appeared in court Monday.",
    ],
)
def test_more_ways_to_name_a_suspect(sentence: str) -> None:
    assert _named(sentence) == ["Terrell Vaughn"]


def test_a_name_after_an_abbreviated_rank() -> None:
    assert _named("Sgt. Lorna McAllister, who was off duty nearby, shot once at the driver.") == [
        "Lorna McAllister"
    ]


def _named_upper(*sentences: str) -> list[str]:
    return _named(*(s.upper() for s in sentences))


def test_upper_case_a_verb_is_no_part_of_the_name() -> None:
    # read in restored case, "got" may stand capitalised after the surname
    assert _named_upper(
        "Witnesses saw 31-year-old Darnell Whitcombe near the store.",
        "Witnesses said Whitcombe got out of his van and started shooting at the clerk.",
    ) == ["DARNELL WHITCOMBE"]


def test_upper_case_a_rank_before_the_first_name() -> None:
    assert _named_upper(
        "Officer Robert Kaminsky seeks more than $1 million in damages.",
        "Kaminsky then fired eight times, killing the man.",
    ) == ["ROBERT KAMINSKY"]


def test_upper_case_a_surname_that_is_a_frequent_word() -> None:
    # "young" is restored in lower case where it stands alone; given in full, it is a surname
    assert _named_upper(
        "The man, Tavaris Young, 20, was seen near the store.",
        "Officials said young is being held without bail in the county jail.",
    ) == ["TAVARIS YOUNG"]


def test_upper_case_a_rare_word_before_the_surname() -> None:
    # restored case capitalises "Shanty" (no frequent word): no part of the name before the surname
    assert _named_upper(
        "The man, Robert Lewis Dear, made remarks to investigators.",
        "A hermit's shanty Dear is being held without bail.",
    ) == ["ROBERT LEWIS DEAR"]


def test_convicted_of_the_murder_in_a_sentence_about_last_year() -> None:
    assert _named(
        "Damon Keith Ruiz was convicted of the murder of Leon Hart, who was shot in a park in May last year.",
        background=True,
    ) == ["Damon Keith Ruiz"]
    assert _named(
        "Damon Keith Ruiz was sentenced Tuesday to 40 years in prison for the 2019 shooting death of Leon Hart.",
        background=True,
    ) == ["Damon Keith Ruiz"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Glen Ostrowski, 52, died of an apparent self-inflicted gunshot wound.",
        "Glen Ostrowski was found dead in the garage from a self-inflicted gunshot wound.",
        "Glen Ostrowski then turned the gun on himself.",
    ],
)
def test_a_self_inflicted_wound_tells_the_shooter(sentence: str) -> None:
    assert _named("Police say a man shot his wife on Sunday.", sentence) == ["Glen Ostrowski"]


def test_a_name_with_a_lower_case_particle() -> None:
    assert _named("Police arrested Carlos de la Vega, 35, at his home.") == ["Carlos de la Vega"]
    # upper case: the particle restored in lower case stays in the name
    assert _named_upper(
        "Tobias Ignatius De Souza was convicted of the murder of Leon Hart, who was shot in May last year."
    ) == ["TOBIAS IGNATIUS DE SOUZA"]
