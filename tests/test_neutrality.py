from __future__ import annotations

import pytest

from summarizer.neutrality import clean_summary, find_loaded_terms, neutralize_summary


def test_finds_loaded_words_case_insensitively() -> None:
    assert find_loaded_terms("A HORRIFIC, cowardly and Senseless attack.") == [
        "horrific",
        "cowardly",
        "senseless",
    ]
    assert find_loaded_terms("Six people were killed and 12 injured in a shooting on Friday.") == []


def test_word_boundaries() -> None:
    # "brutality" is not "brutal"; "terrorism" research unit names are not flagged words
    assert find_loaded_terms("Police brutality protests") == []


def test_quoted_and_attributed_terms_are_not_flagged() -> None:
    assert find_loaded_terms('The governor called it "a barbaric act of terror".') == []
    assert find_loaded_terms("Police described it as a terrorist attack.") == []
    assert find_loaded_terms("A terrorist attack killed 12.") == ["terrorist attack"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A senseless and cowardly terrorist attack killed 12 people.", "An attack killed 12 people."),
        ("Gunmen carried out a horrific massacre at a market.", "Gunmen carried out a killing at a market."),
        ("An extremely brutal attack hit an army base.", "An attack hit an army base."),
        ("The tragic blast left a devastating toll.", "The blast left a toll."),
        ("AN ATROCIOUS BOMBING KILLED SIX PEASANTS.", "A BOMBING KILLED SIX PEASANTS."),
        ("It was a heartbreaking, utterly devastating scene.", "It was a scene."),
        ("Terrorists slaughtered 5 villagers.", "Attackers killed 5 villagers."),
        # "terrorist" before a noun is an adjective: never "an attacker group"
        (
            "In the terrorist action, four pedestrians were killed.",
            "In the attack, four pedestrians were killed.",
        ),
        ("A terrorist group claimed the bombing.", "An armed group claimed the bombing."),
        ("An escalation in terrorist acts hit the capital.", "An escalation in attacks hit the capital."),
        ("A terrorist explosion hit the office.", "An explosion hit the office."),
        (
            "THE TERRORIST ORGANIZATION SAID IT WAS RESPONSIBLE.",
            "THE ARMED ORGANIZATION SAID IT WAS RESPONSIBLE.",
        ),
        ("Police shot a terrorist in Lima.", "Police shot an attacker in Lima."),
    ],
)
def test_clean_summary(text: str, expected: str) -> None:
    cleaned = clean_summary(text)
    assert cleaned == expected
    assert find_loaded_terms(cleaned) == []


def test_clean_leaves_neutral_text_alone() -> None:
    text = "Seven people were killed in a bombing of a minibus in Kabul on Wednesday."
    assert clean_summary(text) == text


def test_neutralize_summary_takes_the_terms_already_found() -> None:
    # the async path scans the summary once and hands the terms on: the same verdict as a scan
    summary = "A cowardly attack on a village killed 12 people."
    terms = find_loaded_terms(summary)
    assert terms
    assert neutralize_summary(summary, terms=terms) == neutralize_summary(summary)
    plain = "A fire at a depot killed two workers."
    assert neutralize_summary(plain, terms=[]) == neutralize_summary(plain)
    # the terms given are the ones reported (the summary is not scanned again for them)
    given = neutralize_summary(summary, terms=["cowardly", "cowardly"])
    assert given.neutrality.loaded_terms == ["cowardly"]
