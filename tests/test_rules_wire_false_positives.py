"""Wire copy whose act words name no act that happened (invented sentences in the style of radio
and agency reports, never taken from a gold set)."""

from __future__ import annotations

from summarizer.engines.rules.wire import wire_incident_score


def _lead(sentence: str) -> float:
    return wire_incident_score([sentence], rules_say_incident=False)


def test_a_denied_charge_is_no_act() -> None:
    # the act is what another party charged and the speaker denies, with words between the denial and
    # the act ("DENIED CHARGES BY THE OPPOSITION LEADER THAT THE NAVY LAST NIGHT SHELLED ...")
    denied = _lead(
        'THE DEFENSE MINISTRY TODAY DENIED CHARGES BY THE OPPOSITION LEADER THAT THE AIR FORCE "LAST '
        'NIGHT BOMBED TWO VILLAGES IN THE NORTH."'
    )
    told = _lead(
        'THE OPPOSITION LEADER CHARGED THAT THE AIR FORCE "LAST NIGHT BOMBED TWO VILLAGES IN THE NORTH."'
    )
    assert denied < 0 < told


def test_acts_counted_over_a_period_are_a_statistic() -> None:
    for lead in (
        "POLICE FIGURES SHOW THAT THREE PEOPLE HAVE BEEN KIDNAPPED EVERY DAY IN THE PROVINCE.",
        "THE NUMBER OF UNION LEADERS MURDERED HAS RISEN TO 12 SINCE THE TALKS BEGAN.",
        "THE MINISTER SAID THAT COUNTLESS JUDGES HAVE BEEN ASSASSINATED IN THE STRUGGLE AGAINST CRIME.",
    ):
        assert _lead(lead) < 0, lead
    assert _lead("THREE UNION LEADERS WERE MURDERED IN THE PROVINCE LAST NIGHT.") > 0


def test_crimes_named_as_legal_charges_are_no_act() -> None:
    charged = _lead(
        "THE SMUGGLER ARRIVED IN THE CAPITAL TODAY, WHERE HE WILL BE TRIED ON CHARGES OF MURDER, "
        "KIDNAPPING, AND ROBBERY."
    )
    assert charged < 0
    # a charge that names its victims names the act
    assert _lead("TWO POLICEMEN WERE ACCUSED OF MURDERING THE THREE STUDENTS IN THE PARK.") > 0


def test_arms_seized_in_the_lead_are_materiel_not_an_act() -> None:
    seized = _lead(
        "TROOPS RAIDED A SAFE HOUSE TODAY AND SEIZED 12 RIFLES, 3,000 ROUNDS OF AMMUNITION, 200 POUNDS OF "
        "EXPLOSIVES, AND 40 DYNAMITE CAPS."
    )
    assert seized < 0
    assert _lead("A BOMB MADE WITH 20 POUNDS OF EXPLOSIVES DESTROYED THE BANK BRANCH AT DAWN.") > 0


def test_the_army_attacking_the_rebels_is_war() -> None:
    army = _lead(
        "THE ARMY TODAY ATTACKED BY LAND AND AIR THE GUERRILLAS WHO HAD OCCUPIED A SUBURB OF THE CAPITAL, "
        "AND SOLDIERS SET FIRE TO SEVERAL BARRICADES."
    )
    rebels = _lead(
        "THE GUERRILLAS TODAY ATTACKED BY LAND THE SUBURB OF THE CAPITAL, AND SET FIRE TO SEVERAL HOUSES."
    )
    assert army < 0 < rebels


def test_an_act_dated_years_before_the_report_is_history() -> None:
    def score(sentence: str) -> float:
        return wire_incident_score([sentence], rules_say_incident=False, ref_year=1990)

    old = "THE REBELS BEGAN THEIR CAMPAIGN AGAINST THE COURTS IN 1984 WITH THE ASSASSINATION OF A JUDGE."
    assert score(old) < 0
    assert score(old.replace("1984", "1989")) > 0  # last year's act may still be news
    assert (
        score("THE PARDON COVERS THE OCCUPATION OF THE CITY HALL IN MAY 1985, WHEN 40 PEOPLE WERE KILLED.")
        < 0
    )
    # a year that compares or dates the group, not the act
    assert score("THE BOMB THAT DESTROYED THE BANK WAS THE WORST SINCE 1985.") > 0
    assert score("THE GROUP, WHICH WAS FOUNDED IN 1970, ASSASSINATED THE MAYOR OF THE TOWN TODAY.") > 0
    assert score("THE PARTY WAS FOUNDED IN 1970 BUT ITS LEADER WAS ASSASSINATED TODAY.") > 0


def test_a_present_passive_tells_what_happens_in_general() -> None:
    general = _lead(
        "THE DEPUTY SAID THAT PEASANTS IN THE REGION ARE OFTEN MURDERED OR HARASSED BY UNKNOWN MEN."
    )
    told = _lead("THE DEPUTY SAID THAT TWO PEASANTS IN THE REGION WERE MURDERED BY UNKNOWN MEN.")
    assert general < 0 < told
    # a report of an act in the present tense is still one
    assert _lead("THE MAYOR OF THE TOWN IS REPORTED KIDNAPPED BY A GROUP OF ARMED MEN.") > 0


def test_shots_fired_into_the_air_are_no_attack() -> None:
    air = _lead("BEFORE HANDING OVER THEIR WEAPONS, THE REBELS SHOT THEM INTO THE AIR ONE LAST TIME.")
    at = _lead("BEFORE LEAVING THE VILLAGE, THE REBELS SHOT TWO PEASANTS ONE LAST TIME.")
    assert air < 0 < at


def test_a_military_target_attacked_in_the_passive_is_war() -> None:
    war = _lead("ONE ARMY HELICOPTER WAS SHOT DOWN TODAY NEAR THE TOWN, AND ANOTHER ONE WAS DAMAGED.")
    civil = _lead("ONE PASSENGER BUS WAS DYNAMITED TODAY NEAR THE TOWN, AND ANOTHER ONE WAS DAMAGED.")
    assert war < 0 < civil


def test_an_act_called_for_or_assigned_as_a_mission_has_not_happened() -> None:
    for lead in (
        "THE EXILE UPSET THE AUTHORITIES BY PUBLICLY CALLING FOR THE ASSASSINATION OF THE GENERAL.",
        "THE PRESS REPORTED THAT THE DEFECTOR HAD THE MISSION OF ASSASSINATING THE PRESIDENT.",
    ):
        assert _lead(lead) < 0, lead
    assert _lead("THE PRESS REPORTED THAT THE DEFECTOR HAD ASSASSINATED THE PRESIDENT OF THE COURT.") > 0
