"""The incident type of local news about shootings: the commonest telling ("was shot", "shot a
woman", "an armed robbery") is an attack, a gun fired by mistake an accident, and the summary
does not name the act twice ("was shot in a shooting")."""

from __future__ import annotations

from datetime import date

from summarizer.engines import ExtractionRequest
from summarizer.engines.rules import RulesEngine
from summarizer.engines.rules.classify import classify
from summarizer.engines.rules.summary import _template
from summarizer.schema import Category, Draft, DraftCount, DraftLocation


def _draft(text: str) -> Draft:
    return RulesEngine().extract(ExtractionRequest(text=text, reference_date=date(2025, 3, 10))).draft


def test_someone_was_shot_is_a_shooting() -> None:
    for sentence in (
        "A 20-year-old man was shot while walking home on Maple Street, police said.",
        "A woman was fatally shot in her car Wednesday night.",
        "Two people were shot and wounded outside a bar.",
        "Shots were fired at an unmarked police car on Friday.",
    ):
        c = classify([(sentence, 2.0)])
        assert (c.category, c.subtype) == (Category.violent_attack, "shooting"), sentence


def test_armed_robbery_and_carjacking_are_attacks() -> None:
    for sentence in (
        "Two men held a clerk at gunpoint during an armed robbery at a gas station.",
        "The carjackers made off with the SUV after the driver was beaten.",
    ):
        c = classify([(sentence, 2.0)])
        assert (c.category, c.subtype) == (Category.violent_attack, "armed robbery"), sentence


def test_a_gun_fired_by_mistake_is_an_accident() -> None:
    for sentence in (
        "A 3-year-old boy accidentally shot his sister with a handgun he found in a drawer.",
        "Deputies are investigating an accidental shooting that left a hunter injured.",
        "The rifle accidentally discharged while he was cleaning it.",
    ):
        c = classify([(sentence, 2.0)])
        assert (c.category, c.subtype) == (Category.accident, "accidental shooting"), sentence
    # not an accident: a shooting with no word of a mistake
    assert (
        classify([("A man was shot in the leg during an argument.", 2.0)]).category is Category.violent_attack
    )


def test_a_plan_shot_down_is_no_shooting() -> None:
    assert classify([("The board's plan was shot down by voters.", 1.0)]).category is None


def test_an_act_without_a_category_word_is_an_attack() -> None:
    text = (
        "A 62-year-old man shot his next-door neighbor in the knee on Sunday before returning home "
        "and calling police. The neighbor, 58, was taken to Temple University Hospital in stable "
        "condition, police said."
    )
    d = _draft(text)
    assert d.is_incident
    assert d.category is Category.violent_attack


def test_summary_template_does_not_name_the_shooting_twice() -> None:
    where = DraftLocation(city="Springfield", region="Illinois", quote="in Springfield, Illinois")
    shot = DraftCount(value=1, as_stated="A 16-year-old girl was shot", quote="A 16-year-old girl was shot")
    assert _template(shot, None, where, "shooting", "Thursday morning") == (
        "A 16-year-old girl was shot in Springfield, Illinois, on Thursday morning."
    )
    assert _template(shot, None, None, "shooting", None) == "A 16-year-old girl was shot."
    # a count that does not tell the act keeps it
    killed = DraftCount(value=2, as_stated="two men", quote="two men")
    assert _template(killed, None, where, "shooting", None) == (
        "Two men were killed in a shooting in Springfield, Illinois."
    )


def test_industrial_words_are_whole_words() -> None:
    # a bomb "planted" under a bus is no plant explosion; a chemical plant's blast is one
    c = classify([("Thirty seamen were injured in an explosion caused by a bomb planted under a bus.", 1.0)])
    assert (c.category, c.subtype) == (Category.violent_attack, "bombing")
    c = classify([("An explosion at a chemical plant killed three workers.", 1.0)])
    assert (c.category, c.subtype) == (Category.accident, "industrial explosion")
