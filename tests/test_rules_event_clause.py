"""The sentence-level event cue (:func:`event_clause`): words that only look like an event's."""

from __future__ import annotations

from summarizer.engines.rules.classify import event_clause


def test_arrests_and_goods_seized_are_a_police_operation_not_an_act() -> None:
    assert not event_clause(
        "ON MONDAY, 14 MEN WERE ARRESTED AND 20 RIFLES WERE SEIZED IN A WAREHOUSE NEAR THE PORT."
    )
    assert not event_clause("Police detained six people and two trucks were seized at the border.")
    # a person seized by gunmen is still an act
    assert event_clause("A LAWYER WAS SEIZED BY ARMED MEN OUTSIDE HIS OFFICE ON FRIDAY.")


def test_a_violent_verb_in_the_present_passive_tells_no_act() -> None:
    assert not event_clause("THE UNION SAYS ITS MEMBERS ARE OFTEN THREATENED AND ARE SOMETIMES KIDNAPPED.")
    assert not event_clause("In that region, reporters are murdered or beaten for what they write.")
    assert event_clause("GUNMEN KIDNAPPED TWO ENGINEERS ON THE ROAD TO THE DAM.")


def test_the_armed_forces_and_left_wing_groups_tell_no_event_verb() -> None:
    assert not event_clause("THE MINISTER SAID THE ARMED FORCES ARE READY FOR ANY ATTACK.")
    assert not event_clause("The report blamed the security forces for a wave of kidnapping in the north.")
    assert not event_clause("THE PARTY CONDEMNED THE ATTACKS BY LEFT-WING GROUPS.")
    # the verb reading stays: floods that force people out, a bomb that left two dead
    assert event_clause("The flood forces hundreds of families from their homes.")
    assert event_clause("THE ATTACK LEFT TWO DEAD.")


def test_a_truce_or_a_state_of_siege_is_no_event() -> None:
    assert not event_clause("THE BISHOPS CONFIRMED THEIR CALL FOR A CEASE-FIRE.")
    assert not event_clause("The president declared a state of siege in the capital.")
    assert event_clause("The fire destroyed three houses.")
    assert event_clause("Troops ended the siege that left four hostages dead.")


def test_an_event_told_as_reported_happened() -> None:
    assert event_clause("HEAVY CLASHES WERE REPORTED NEAR THE BRIDGE THIS MORNING.")
    assert event_clause("A second explosion was reported outside the station.")
    assert not event_clause("The minister reported on the attacks to parliament.")
