"""Relevance of upper-case wire copy by class (invented sentences in the style of radio and agency
reports, never taken from a gold set)."""

from __future__ import annotations

from summarizer.engines.rules.engine import extract_draft
from summarizer.engines.rules.wire import _episodic, wire_incident_score


def _report(body: str) -> str:
    return f"   CITY, 9 MAR 90 (RADIO EJEMPLO) -- [TEXT] {body}\n"


def test_a_violent_death_told_without_a_passive_verb_is_an_act() -> None:
    # "the killing of X", "died from gunshot wounds", "left two dead", "guerrillas have killed the
    # mayor": each is a specific act against a person, told in the lead
    for lead in (
        "THE TOWN COUNCIL MET TODAY AFTER LEARNING OF THE KILLING OF PEDRO LARA, A FORMER MAYOR.",
        "CARLOS RUIZ, A PRESIDENTIAL CANDIDATE, HAS DIED FROM GUNSHOT WOUNDS, HIS PARTY REPORTED.",
        "AN EXCHANGE OF GUNFIRE THIS MORNING AT A BORDER TOWN LEFT TWO PERSONS DEAD.",
        "GUERRILLAS HAVE KILLED THE MAYOR OF A SMALL TOWN AND TWO PEASANTS, THE PRESS REPORTED.",
    ):
        assert wire_incident_score([lead], rules_say_incident=False) > 0, lead


def test_combatants_killed_in_battle_are_not_such_an_act() -> None:
    # the death of soldiers or of guerrillas killed by troops is war, not an act against civilians
    for lead in (
        "THE NUMBER OF GUERRILLAS KILLED BY ARMY TROOPS IN THE CLASHES HAS RISEN TO 26.",
        "REBELS HAVE KILLED FIVE SOLDIERS IN AN AMBUSH ON AN ARMY PATROL.",
        "REBELS HAVE KILLED AN INFANTRY COLONEL ON THE ROAD TO THE GARRISON.",
    ):
        assert wire_incident_score([lead], rules_say_incident=False) < 0, lead


def test_a_killing_told_in_the_lead_makes_the_report_an_incident() -> None:
    text = _report(
        "MAOIST GUERRILLAS HAVE KILLED THE MAYOR OF THE SMALL TOWN OF SAN PEDRO, THE LOCAL PRESS "
        "REPORTED TODAY.  THE GUERRILLAS ARRIVED IN THE TOWN ON MONDAY MORNING."
    )
    assert extract_draft(text, None).is_incident


def _rest_score(sentence: str) -> float:
    """The score of a report whose act is told in passing, after two neutral sentences."""
    neutral = ["THE PRESIDENT MET THE PARTY LEADERS TODAY.", "THE MEETING LASTED 3 HOURS."]
    return wire_incident_score([*neutral, sentence], rules_say_incident=False)


def test_an_act_against_a_person_named_by_office_counts_further_down() -> None:
    base = _rest_score("THE MEETING ENDED AT NOON.")
    murder_only = _rest_score("HE ALSO CONDEMNED THE MURDER OF PEDRO.")
    assert _rest_score("HE ALSO CONDEMNED THE MURDER OF FORMER MAYOR JUAN PEREZ.") > murder_only + 0.3 > base
    assert _rest_score("THE JUDGE WHO HEARD THE CASE WAS SHOT LAST WEEK.") > base + 0.8


def test_an_act_against_civilian_property_counts_further_down() -> None:
    base = _rest_score("THE MEETING ENDED AT NOON.")
    assert _rest_score("URBAN COMMANDOS BURNED TWO PASSENGER BUSES IN THE CAPITAL.") > base + 0.6
    assert _rest_score("THE OFFICES OF THE NEWSPAPER WERE DYNAMITED AT DAWN.") > base + 0.6


def test_a_generic_plural_names_no_specific_act() -> None:
    base = _rest_score("THE MEETING ENDED AT NOON.")
    generic = _rest_score("THE BISHOPS CONDEMNED THE MURDERS, KIDNAPPINGS AND BOMBINGS IN THE COUNTRY.")
    specific = _rest_score("THE BISHOPS CONDEMNED THE MURDERS OF SIX PRIESTS AT THE UNIVERSITY.")
    assert generic == base < specific


def test_an_act_that_did_not_happen_is_no_act() -> None:
    # a plot, a prevention, a plan, a denial or a negation: the act word names no act
    done = wire_incident_score(["UNIDENTIFIED MEN MURDERED THE PARTY LEADER AT THE AIRPORT."], False)
    for lead in (
        "THE GOVERNMENT WARNED THE PARTY LEADER OF A PLOT TO MURDER HIM AT THE AIRPORT.",
        "JUDGES WILL WORK FROM THE POLICE HEADQUARTERS TO PREVENT THEM FROM BEING MURDERED.",
        "THE PRESIDENT DENIED THAT THE ARMY IS BOMBING CIVILIAN VILLAGES.",
        "THE GUERRILLAS SAID THE PARTY LEADER WAS NOT KIDNAPPED.",
    ):
        assert wire_incident_score([lead], rules_say_incident=False) < 0 < done, lead


def test_noncombatants_hurt_in_a_clash_make_it_an_act() -> None:
    clash = "HEAVY CLASHES BETWEEN ARMY TROOPS AND GUERRILLAS TOOK PLACE IN THE CAPITAL LAST NIGHT."
    hurt = "THE DAUGHTER OF A DIPLOMAT WAS WOUNDED IN THE CAPITAL DURING HEAVY CLASHES BETWEEN TROOPS AND GUERRILLAS."
    assert wire_incident_score([hurt], False) > wire_incident_score([clash], False) + 0.5
    assert (
        _rest_score("THE ARMY REPORTED 30 DEAD CIVILIANS.") > _rest_score("THE ARMY REPORTED 30 DEAD.") + 0.3
    )


def test_a_modal_governs_a_verb_not_a_noun_or_a_date() -> None:
    from summarizer.engines.rules.wire import _realis

    # a determiner or preposition in between: the act word is a noun telling a real act
    kept = "THE FMLN IS BELIEVED TO BE RESPONSIBLE FOR THE ATTACK ON THE BANK."
    assert _realis(kept) == kept
    # "3 MAY" is a date, not a modal
    dated = "ON 3 MAY GUERRILLAS KILLED THE MAYOR OF THE TOWN."
    assert _realis(dated) == dated
    assert "MURDER" not in _realis("THE POLICE FOILED A PLOT TO MURDER HIM.")


def test_an_act_named_by_a_bare_infinitive_did_not_happen() -> None:
    # "ACTIONS TO DESTROY ... AND MURDER ...", "CAME ... TO ASSASSINATE": an aim, not an act; an attempt
    # or an act begun is one that happened
    aim = "THE REBELS WILL STEP UP THEIR ACTIONS TO DESTROY THE POWER GRID AND MURDER OFFICIALS."
    assert "DESTROY" not in _episodic(aim) and "MURDER" not in _episodic(aim)
    assert "ASSASSINATE" not in _episodic("TWO MERCENARIES CAME TO THE COUNTRY TO ASSASSINATE THE LEADER.")
    assert "KIDNAP" in _episodic("THE TROOPS FOILED AN ATTEMPT BY THE REBELS TO KIDNAP THE MINISTER.")
    assert "ATTACK" in _episodic("ARMY TROOPS STARTED TO ATTACK THE VILLAGE AT DAWN.")
    lead = "THE MINISTER SAID THE GROUP HAD SENT TWO MEN TO MURDER THE PRESIDENT OF THE CONGRESS."
    assert wire_incident_score([lead], rules_say_incident=False) < 0


def test_words_of_violence_that_name_no_act() -> None:
    # the perpetrators by what they did, a symbolic burning at a protest, acts of a kind told by
    # their quality: none is an act the report tells
    for sentence, word in (
        ("THE COURT ORDERED THE RELEASE OF THE ALLEGED KIDNAPPERS.", "KIDNAP"),
        ("THE POLICE DISMANTLED A KIDNAPPING RING IN THE CAPITAL.", "KIDNAP"),
        ("THE MARCHERS BURNED EIGHT FLAGS IN FRONT OF THE EMBASSY.", "BURNED"),
        ("THE COUNTRY HAS BEEN THE TARGET OF BLOODY TERRORIST ATTACKS.", "ATTACKS"),
    ):
        assert word not in _episodic(sentence), sentence
    # a specific act keeps its word
    for sentence, word in (
        ("THE TERRORIST ATTACKS ON THE CAPITAL LEFT TWO DEAD.", "ATTACKS"),
        ("TWO TERRORIST ATTACKS SHOOK THE CITY TODAY.", "ATTACKS"),
        ("THE GUERRILLAS BURNED TWO BUSES.", "BURNED"),
        ("GUERRILLAS KIDNAPPED THE MAYOR.", "KIDNAPPED"),
    ):
        assert word in _episodic(sentence), sentence
    assert (
        wire_incident_score(["THE JUDGE FREED EIGHT ALLEGED KIDNAPPERS TODAY."], rules_say_incident=False) < 0
    )


def test_acts_counted_over_past_years_name_no_act() -> None:
    # "THE DEATH SQUADS WHICH MURDERED HUNDREDS OF CITIZENS IN THE PAST FEW YEARS": a tally over a
    # period, like "SO FAR THIS YEAR"
    tally = "THE DEATH SQUADS MURDERED HUNDREDS OF CITIZENS IN THE PAST FEW YEARS, THE BISHOP SAID."
    assert "MURDERED" not in _episodic(tally)
    assert "MURDERED" in _episodic("THE DEATH SQUADS MURDERED TWO CITIZENS YESTERDAY, THE BISHOP SAID.")
