"""Patterns of upper-case wire copy (invented sentences in the style of radio and agency reports)."""

from __future__ import annotations

from summarizer.normalize.casualties import find_mentions


def _killed(sentence: str) -> list[tuple[int, bool]]:
    return [(m.value, m.weak) for m in find_mentions(sentence, 0, 0, 1990) if m.role == "killed"]


def test_murder_of_a_named_person_is_one_death() -> None:
    assert _killed("THE UNION CONDEMNED THE MURDER OF COUNCILMAN PEDRO GOMEZ YESTERDAY.") == [(1, True)]
    assert _killed("THE STRIKE FOLLOWED THE PROSECUTOR'S ASSASSINATION.") == [(1, True)]


def test_murder_of_a_number_or_a_plural() -> None:
    assert _killed("THE BISHOP DENOUNCED THE MURDER OF FOUR TEACHERS.") == [(4, False)]
    assert _killed("THE KILLING OF 11 BUS PASSENGERS WAS INVESTIGATED.") == [(11, False)]
    assert _killed("THE GROUP DENIED ANY ROLE IN THE MURDER OF PEASANTS.") == []


def test_named_victim_shot_and_killed_or_who_was_killed() -> None:
    assert _killed("ANA RUIZ, A UNION LEADER, WAS SHOT AND KILLED BY TWO MEN.") == [(1, True)]
    assert _killed("THE FUNERAL OF JORGE LARA, WHO WAS KILLED ON MONDAY, WAS HELD TODAY.") == [(1, True)]


def test_rebel_attack_on_a_garrison_counts_against_an_incident() -> None:
    from summarizer.engines.rules.wire import wire_incident_score

    war = ["CLANDESTINE, 2 MAY 90 -- [TEXT] OUR UNITS ATTACKED THE ARMY GARRISON IN THE TOWN OF EL CERRO."]
    terror = ["CITY, 2 MAY 90 -- [TEXT] UNIDENTIFIED MEN DYNAMITED THE HOUSE OF A LOCAL JUDGE."]
    assert wire_incident_score(war, rules_say_incident=True) < 0 < wire_incident_score(terror, False)


def test_wire_agent_after_by_is_a_perpetrator() -> None:
    from summarizer.engines.rules.actors import find_perpetrators

    sentences = [
        (0, "THE COUNCILMAN WAS KIDNAPPED BY A GROUP OF HEAVILY ARMED MEN IN THE TOWN SQUARE.", False),
        (1, "TWO BUSES WERE BURNED BY URBAN COMMANDOS OF THE FMLN, THE POLICE SAID.", False),
    ]
    names = [a.name for a in find_perpetrators(sentences, [], True, set())]
    assert "HEAVILY ARMED MEN" in names
    assert any("FMLN" in n for n in names)


def test_wire_town_needs_a_locative_word_not_a_surname() -> None:
    from summarizer.engines.rules.engine import extract_draft

    text = (
        "   BOGOTA, 9 MAR 90 (RADIO EJEMPLO) -- [TEXT] A JUDGE TODAY ORDERED THE ARREST OF PEDRO VALENCIA "
        "FOR THE MURDER OF A UNION LEADER IN MEDELLIN.  THE UNION LEADER WAS SHOT BY TWO GUNMEN.\n"
    )
    draft = extract_draft(text, None)
    assert draft.is_incident
    assert draft.location is not None and draft.location.city == "Medellín"


def test_wire_claimant_is_not_the_dateline_and_negated_claims_are_dropped() -> None:
    from summarizer.engines.rules.actors import find_claims

    claims = find_claims(
        [
            (
                0,
                "QUITO, 3 APR 90 (RADIO EJEMPLO) -- [TEXT] THE PEOPLE'S ARMED FRONT, WHICH ON 2 APRIL KIDNAPPED "
                "A BANKER, TODAY CLAIMED RESPONSIBILITY FOR THE BOMBING.",
                False,
            ),
            (1, "NO OTHER ARMED GROUP HAS CLAIMED RESPONSIBILITY FOR THE FIRE.", False),
        ],
        [],
    )
    assert [c.claimant for c in claims] == ["PEOPLE'S ARMED FRONT"]


def test_named_victim_died_and_numbers_after_assassinated() -> None:
    assert _killed("COUNCILMAN LUIS PRADO DIED IN HOSPITAL AFTER THE ATTACK.") == [(1, True)]
    assert _killed("A DEATH SQUAD ASSASSINATED 7 FARM WORKERS NEAR THE RIVER.") == [(7, False)]
    assert _killed("THE BISHOP ASKED THE COURT TO CLARIFY THE DEATH OF FIVE NUNS.") == [(5, False)]
    assert _killed("FOUR PEOPLE DIED IN THE FIRE.") == [(4, False)]


def test_dateline_naming_its_country_is_a_report_filed_abroad() -> None:
    from summarizer.engines.rules.engine import extract_draft

    text = (
        "   ROME (ITALY), 4 APR 90 (RADIO EJEMPLO) -- [TEXT] THE ITALIAN GOVERNMENT TODAY ASKED FOR AN "
        "INQUIRY.  IT SAID THAT A PRIEST WAS MURDERED BY A DEATH SQUAD IN HONDURAS ON 1 APRIL.\n"
    )
    draft = extract_draft(text, None)
    assert draft.is_incident
    assert draft.location is not None and draft.location.country == "Honduras"


def test_wire_summary_names_the_place_and_the_town_as_written() -> None:
    from summarizer.engines.rules.engine import extract_draft

    text = (
        "   SAN SALVADOR, 6 MAY 90 (RADIO EJEMPLO) -- [TEXT] UNIDENTIFIED MEN KIDNAPPED A COFFEE GROWER "
        "YESTERDAY.  THE KIDNAPPING TOOK PLACE IN SAN LUIS, NEAR THE COAST.\n"
    )
    draft = extract_draft(text, None)
    assert draft.is_incident
    assert draft.location is not None and draft.location.city == "San Luis"
    assert "San Luis" in draft.summary

    text = (
        "   SAN SALVADOR, 6 MAY 90 (RADIO EJEMPLO) -- [TEXT] UNIDENTIFIED MEN KIDNAPPED A COFFEE GROWER "
        "YESTERDAY.  THE POLICE ARE INVESTIGATING.\n"
    )
    draft = extract_draft(text, None)
    assert draft.is_incident
    assert "It happened in El Salvador." in draft.summary
    assert "Location:" not in draft.summary


def test_wire_incident_told_in_passing_is_a_violent_attack() -> None:
    from summarizer.engines.rules.engine import extract_draft
    from summarizer.schema import Category

    text = (
        "   PUERTO NUEVO, 4 MAR 90 (RADIO EJEMPLO) -- [TEXT] THE CONGRESS TODAY DEBATED THE BUDGET FOR "
        "NEXT YEAR.  THE DEPUTIES OBSERVED A MINUTE OF SILENCE.  THEY ALSO DISCUSSED SCHOOLS.  THE SESSION "
        "ENDED LATE.  A DEPUTY RECALLED THAT THE JUDGE WAS MURDERED BY UNIDENTIFIED MEN ON SUNDAY.\n"
    )
    draft = extract_draft(text, None)
    assert draft.is_incident
    assert draft.category is Category.violent_attack


def _wire_city(text: str) -> str | None:
    from summarizer.engines.rules.engine import extract_draft

    draft = extract_draft(text, None)
    assert draft.is_incident
    return draft.location.city if draft.location is not None else None


def test_wire_town_of_a_meeting_or_an_embassy_is_not_the_acts() -> None:
    # the act names no town; the towns of the talks and of the embassy are not where it happened
    text = (
        "   PANAMA CITY, 8 MAY 90 (RADIO EJEMPLO) -- [TEXT] GUERRILLAS DYNAMITED SIX POWER PYLONS IN THE "
        "NORTH OF THE COUNTRY LAST NIGHT.  THE GOVERNMENT SAID THE TALKS IN CARACAS WILL GO ON.  THE "
        "FOREIGN MINISTER MET THE AMBASSADORS IN CARACAS TODAY.\n"
    )
    assert _wire_city(text) is None
    # a town told with the act still places it
    text = (
        "   PANAMA CITY, 8 MAY 90 (RADIO EJEMPLO) -- [TEXT] GUERRILLAS DYNAMITED SIX POWER PYLONS NEAR "
        "LA CHORRERA LAST NIGHT.  THE GOVERNMENT SAID THE TALKS IN CARACAS WILL GO ON.\n"
    )
    assert _wire_city(text) == "La Chorrera"


def test_wire_dateline_town_needs_an_act_told_there() -> None:
    # named again only in a sentence about a statement: where the report was filed
    text = (
        "   LIMA, 8 MAY 90 (RADIO EJEMPLO) -- [TEXT] UNIDENTIFIED MEN MURDERED A UNION LEADER YESTERDAY.  "
        "THE UNION'S OFFICE IN LIMA ISSUED A STATEMENT TODAY.\n"
    )
    assert _wire_city(text) is None
    # "IN THIS CAPITAL" in the act's sentence points to the dateline's town
    text = (
        "   LIMA, 8 MAY 90 (RADIO EJEMPLO) -- [TEXT] UNIDENTIFIED MEN MURDERED A UNION LEADER YESTERDAY "
        "IN THIS CAPITAL.  THE POLICE ARE INVESTIGATING.\n"
    )
    assert _wire_city(text) == "Lima"
    # named again in an act's sentence
    text = (
        "   LIMA, 8 MAY 90 (RADIO EJEMPLO) -- [TEXT] THE POLICE ARE INVESTIGATING.  A BOMB EXPLODED "
        "YESTERDAY AT A BANK IN LIMA.\n"
    )
    assert _wire_city(text) == "Lima"


def test_wire_town_keeps_the_rest_of_its_spanish_name() -> None:
    head = "   SAN SALVADOR, 6 MAY 90 (RADIO EJEMPLO) -- [TEXT] UNIDENTIFIED MEN KIDNAPPED A COFFEE GROWER YESTERDAY IN "
    assert _wire_city(head + "SAN MIGUEL DE MERCEDES.\n") == "San Miguel De Mercedes"
    assert _wire_city(head + "SAN FRANCISCO JAVIER, USULUTAN DEPARTMENT.\n") == "San Francisco Javier"
    # ordinary English words end the name
    assert _wire_city(head + "SAN SALVADOR TODAY.\n") == "San Salvador"
    assert _wire_city(head + "SAN MIGUEL DEPARTMENT.\n") is None


def test_wire_town_where_it_was_said_is_not_the_acts() -> None:
    text = (
        "   PANAMA CITY, 8 MAY 90 (RADIO EJEMPLO) -- [TEXT] THE FOREIGN MINISTER SAID TODAY IN CARACAS THAT "
        "THE MURDER OF THE UNION LEADER WILL BE INVESTIGATED.\n"
    )
    assert _wire_city(text) is None
    # the dateline's town named only where the police spoke, or as a distance
    text = (
        "   LIMA, 8 MAY 90 (RADIO EJEMPLO) -- [TEXT] THE POLICE REPORTED TODAY IN LIMA THAT A "
        "UNION LEADER WAS MURDERED 200 KM EAST OF LIMA.\n"
    )
    assert _wire_city(text) is None
    # a distance's reference town gives way to the act's own town
    text = (
        "   PANAMA CITY, 8 MAY 90 (RADIO EJEMPLO) -- [TEXT] A UNION LEADER WAS MURDERED IN LA CHORRERA, "
        "ABOUT 30 KM FROM PANAMA CITY.\n"
    )
    assert _wire_city(text) == "La Chorrera"
    # an embassy in a town is a target like any building
    text = (
        "   LIMA, 8 MAY 90 (RADIO EJEMPLO) -- [TEXT] A BOMB EXPLODED TODAY NEAR THE AMERICAN EMBASSY IN "
        "QUITO.\n"
    )
    assert _wire_city(text) == "Quito"


def test_wire_town_of_x_and_x_municipality() -> None:
    from summarizer.engines.rules.engine import extract_draft

    head = "   LIMA, 6 MAY 90 (RADIO EJEMPLO) -- [TEXT] GUERRILLAS MURDERED THE MAYOR YESTERDAY IN "
    assert _wire_city(head + "THE SMALL TOWN OF QUIRUVILCA, LA LIBERTAD DEPARTMENT.\n") == "Quiruvilca"
    assert _wire_city(head + "CHUQUIBAMBILLA MUNICIPALITY.\n") == "Chuquibambilla"
    # a town of ordinary words is none
    assert _wire_city(head + "THE CITY OF THE DEAD.\n") is None
    # the port is the town, not a venue in it
    draft = extract_draft(head + "THE PORT OF PAITA.\n", None)
    assert draft.location is not None and draft.location.city == "Paita" and draft.location.venue is None


def test_wire_department_or_venue_named_like_a_town_is_no_town() -> None:
    head = "   BOGOTA, 6 MAY 90 (RADIO EJEMPLO) -- [TEXT] COLOMBIAN GUERRILLAS KIDNAPPED A COFFEE GROWER YESTERDAY "
    # a Colombian department, not the gazetteer's town of that name abroad
    assert _wire_city(head + "IN ANTIOQUIA.\n") is None
    assert _wire_city(head + "IN SANTANDER, COLOMBIA.\n") is None
    # a farm, a cartel or an airport named after a town
    assert _wire_city(head + "AT THE SAN ISIDRO FARM.\n") is None
    assert _wire_city(head + "AT ELDORADO INTERNATIONAL AIRPORT.\n") is None
    assert _wire_city(head + "IN LA CEJA.\n") == "La Ceja"


def test_wire_war_on_military_targets_counts_against_an_incident() -> None:
    from summarizer.engines.rules.wire import wire_incident_score

    # the act's military target named after a few words, or with "SEVERAL MILITARY INSTALLATIONS"
    raid = [
        "NORTE, 3 MAY 90 -- [TEXT] THIS MORNING REBELS STAGED A 4-HOUR ATTACK ON SEVERAL MILITARY INSTALLATIONS.",
        "TWO SOLDIERS WERE KILLED.",
    ]
    assert wire_incident_score(raid, rules_say_incident=True) < 0
    # the armed forces' own war on the rebels, an aircraft shot down in combat
    air = ["NORTE, 3 MAY 90 -- [TEXT] THE AIR FORCE BOMBED REBEL CAMPS NEAR THE VOLCANO THIS AFTERNOON."]
    assert wire_incident_score(air, rules_say_incident=False) < 0
    downed = ["NORTE, 3 MAY 90 -- [TEXT] AN ARMY HELICOPTER WAS SHOT DOWN TODAY NEAR THE RIVER."]
    assert wire_incident_score(downed, rules_say_incident=False) < 0
    # a bomb against a civilian target stays an act
    bank = ["NORTE, 3 MAY 90 -- [TEXT] REBELS BOMBED THE OFFICES OF A BANK THIS AFTERNOON."]
    assert wire_incident_score(bank, rules_say_incident=False) > 0


def test_wire_natural_event_and_damage_that_did_not_happen_are_no_act() -> None:
    from summarizer.engines.rules.wire import _realis, wire_incident_score

    tremor = ["COSTA, 13 APR 90 -- [TEXT] A SLIGHT TREMOR SHOOK THE COAST TODAY WITHOUT CAUSING ANY DAMAGE."]
    assert wire_incident_score(tremor, rules_say_incident=True) < 0
    assert "DAMAGE" not in _realis("THE BLAST CAUSED NO DAMAGE.")
    assert "BOMBING" not in _realis("HE DENIED THE REPORT THAT THE ARMY IS BOMBING VILLAGES.")
    assert "HOSTAGES" not in _realis("THE FRONT SAID THAT NO HOSTAGES HAVE BEEN TAKEN.")
    assert "DAMAGE" in _realis("THE BLAST CAUSED HEAVY DAMAGE TO THE SCHOOL.")


def test_wire_one_act_called_terrorist_is_an_act() -> None:
    from summarizer.engines.rules.wire import wire_incident_score

    one = [
        "CAPITAL, 9 JAN 90 -- [TEXT] HERE IS A MINISTRY COMMUNIQUE: AT 0945 THIS MORNING A GROUP OF MEN "
        "CARRIED OUT AN ARMED TERRORIST ATTACK AGAINST A RETIRED GENERAL."
    ]
    assert wire_incident_score(one, rules_say_incident=False) > 0
    # terrorism in general is no act
    general = [
        "CAPITAL, 9 JAN 90 -- [TEXT] THE PRESIDENT SAID THE COUNTRY HAS SUFFERED BLOODY TERRORIST ATTACKS."
    ]
    assert wire_incident_score(general, rules_say_incident=False) < 0


def test_wire_kidnapping_told_in_the_passive_further_down() -> None:
    from summarizer.engines.rules.wire import wire_incident_score

    body = [
        "CAPITAL, 22 JAN 90 -- [TEXT] THE POLICE ARE CONFIRMING REPORTS ON THE RELEASE OF THE MINISTER'S SON.",
        "THE REPORTS CAME FROM A RADIO STATION.",
        "THE YOUNG MAN WAS KIDNAPPED ON 20 DECEMBER BY A GROUP OF ARMED MEN.",
    ]
    assert wire_incident_score(body, rules_say_incident=False) > 0


def test_wire_clash_toll_in_the_lead_is_war_unless_civilians_died() -> None:
    from summarizer.engines.rules.wire import wire_incident_score

    war = [
        "NORTE, 20 SEP 89 -- [TEXT] A REBEL WAS KILLED AND TWO OTHERS WERE WOUNDED IN HEAVY CLASHES IN THE NORTH.",
        "THE ARMY REPORTED THE FIGURES TODAY.",
    ]
    assert wire_incident_score(war, rules_say_incident=True) < 0
    civilians = [
        "NORTE, 20 SEP 89 -- [TEXT] THREE PEASANTS WERE KILLED AND TWO OTHERS WERE WOUNDED IN HEAVY CLASHES IN THE NORTH.",
        "THE ARMY REPORTED THE FIGURES TODAY.",
    ]
    assert wire_incident_score(civilians, rules_say_incident=True) > 0
    # a clash told as another event after the act does not make the act war
    act_then_clash = [
        "NORTE, 20 SEP 89 -- [TEXT] UNIDENTIFIED MEN BURNED A BUS IN THE CAPITAL TODAY.",
        "MEANWHILE, NINE REBELS WERE KILLED DURING CLASHES IN THE NORTH.",
    ]
    assert wire_incident_score(act_then_clash, rules_say_incident=True) > 0


def _wire_country(text: str) -> str | None:
    from summarizer.engines.rules.engine import extract_draft

    draft = extract_draft(text, None)
    return draft.location.country if draft.location is not None else None


def test_wire_country_named_as_a_border_an_origin_or_a_street_is_not_where() -> None:
    # people's origins are who they are, not where they were kidnapped
    assert (
        _wire_country(
            "   QUITO, 2 JUN 90 (RADIO EJEMPLO) -- [TEXT] ARMED MEN KIDNAPPED THREE ENGINEERS TODAY IN "
            "LAGO AGRIO.  THE KIDNAPPED ENGINEERS ARE PEDRO SOLA, 40, FROM BRAZIL; ANA RUIZ, 33, "
            "FROM CHILE; AND LUIS MORA, 51, FROM BRAZIL.\n"
        )
        == "Ecuador"
    )
    # a border says where the place is not
    assert (
        _wire_country(
            "   PANAMA CITY (PANAMA), 6 JUN 90 (RADIO EJEMPLO) -- [TEXT] GUNMEN KILLED TWO FARMERS "
            "TODAY IN A VILLAGE NEAR THE COLOMBIAN BORDER.\n"
        )
        == "Panama"
    )
    assert (
        _wire_country(
            "Gunmen killed two farmers on Tuesday in a village near the Colombian border, "
            "Panamanian police said.\n"
        )
        == "Panama"
    )
    # a neighbourhood of the capital named after a country
    assert (
        _wire_country(
            "   SAN SALVADOR, 4 JUN 90 (RADIO EJEMPLO) -- [TEXT] A TEACHER WAS SHOT LAST NIGHT WHEN "
            "UNIDENTIFIED MEN ENTERED HIS HOUSE AT SAN SALVADOR'S ARGENTINA NEIGHBORHOOD.\n"
        )
        == "El Salvador"
    )


def test_wire_country_of_a_reaction_filed_abroad_is_the_acts() -> None:
    # the dateline and the reacting government are the speaker's; the victim is Salvadoran
    assert (
        _wire_country(
            "   MANAGUA, 5 JUN 90 (RADIO EJEMPLO) -- [TEXT] THE NICARAGUAN GOVERNMENT TODAY CONDEMNED "
            "THE MURDER OF SALVADORAN JUDGE PEDRO LOPEZ.  NICARAGUAN FOREIGN MINISTRY SPOKESMAN "
            "JUAN DIAZ SAID THE CRIME WAS DEPLORABLE.\n"
        )
        == "El Salvador"
    )
    # the act's town named as a place, its country named too, outweighs the dateline
    assert (
        _wire_country(
            "   GUATEMALA CITY, 5 JUN 90 (RADIO EJEMPLO) -- [TEXT] GUATEMALAN POLICE TODAY REPORTED "
            "THE MURDER OF A SALVADORAN JUDGE.  HE WAS SHOT THIS MORNING IN SAN MIGUEL.\n"
        )
        == "El Salvador"
    )
    # a government reacting to an act in its own country leaves the country alone
    assert (
        _wire_country(
            "   LIMA, 5 JUN 90 (RADIO EJEMPLO) -- [TEXT] THE PERUVIAN GOVERNMENT TODAY CONDEMNED THE "
            "MURDER OF A MAYOR BY SHINING PATH GUERRILLAS IN AYACUCHO.\n"
        )
        == "Peru"
    )


def test_wire_prison_revolt_is_no_act_of_political_violence() -> None:
    from summarizer.engines.rules.wire import wire_incident_score

    revolt = [
        "TOWN, 4 APR 89 -- [TEXT] SHOTS WERE HEARD AGAIN TODAY AT THE NORTH PENITENTIARY, WHERE INMATES "
        "STARTED A RIOT ON FRIDAY AND SEIZED THE GUARDS' RIFLES.",
        "THE PRISONERS ARE HOLDING 300 VISITORS HOSTAGE, AND TWO PEOPLE WERE KILLED.",
    ]
    assert wire_incident_score(revolt, rules_say_incident=True) < 0
    # hostages taken by a rebel group outside a jail are an act
    seized = [
        "TOWN, 4 APR 89 -- [TEXT] REBELS TOOK 30 VISITORS HOSTAGE AT A FARM TODAY, AND TWO PEOPLE WERE KILLED."
    ]
    assert wire_incident_score(seized, rules_say_incident=True) > 0


def test_wire_habitual_acts_are_no_act_that_happened() -> None:
    from summarizer.engines.rules.wire import _episodic, wire_incident_score

    habit = [
        "TOWN, 2 FEB 90 -- [TEXT] FARMERS OF THE VALLEY SAY THAT ARMED BANDS CROSS THE RIVER AT NIGHT, AND "
        "THAT THEY ROB, KIDNAP, AND MURDER ANYONE WHO RESISTS THEM."
    ]
    assert wire_incident_score(habit, rules_say_incident=False) < 0
    assert "MURDER" not in _episodic("THEY ROB, KIDNAP, AND MURDER ANYONE WHO RESISTS THEM.")
    assert "KIDNAP" not in _episodic("THE BANDS WHO KIDNAP RANCHERS ARE FEARED.")
    # a past act and a noun stay
    assert "MURDERED" in _episodic("THEY MURDERED THE RANCHER YESTERDAY.")
    assert "MURDER" in _episodic("WHO ORDERED THE MURDER OF THE RANCHER IS NOT KNOWN.")


def test_wire_list_numbers_take_no_place_in_the_lead() -> None:
    from summarizer.engines.rules.wire import wire_incident_score

    numbered = [
        "CAPITAL, 9 JAN 90 -- [TEXT] THE MINISTRY ISSUED THE FOLLOWING NOTE:",
        "1.",
        "AT 0800 TODAY UNKNOWN MEN CARRIED OUT A TERRORIST ATTACK AGAINST A RETIRED JUDGE.",
        "2.",
        "THE AUTHORITIES ARE INVESTIGATING.",
    ]
    plain = [t for t in numbered if t not in {"1.", "2."}]
    assert wire_incident_score(numbered, rules_say_incident=False) == wire_incident_score(plain, False)


def test_wire_a_counted_group_of_victims_is_a_specific_act() -> None:
    from summarizer.engines.rules.wire import wire_incident_score

    def body(victims: str) -> list[str]:
        return [
            "CAPITAL, 3 MAR 90 -- [TEXT] THE OPPOSITION PARTIES MET TODAY TO DISCUSS THE ELECTORAL CALENDAR.",
            "THEIR LEADERS SAID THE VOTE MUST BE HELD ON TIME.",
            "THE PARTIES ALSO ASKED FOR CALM.",
            f"A SPOKESMAN ADDED THAT THE KILLING OF {victims} HAS HURT THE TALKS.",
        ]

    counted = wire_incident_score(body("SEVEN RURAL TEACHERS"), rules_say_incident=False)
    generic = wire_incident_score(body("RURAL TEACHERS"), rules_say_incident=False)
    assert counted > generic


def test_wire_an_active_act_against_a_named_target_told_in_passing_counts() -> None:
    from summarizer.engines.rules.wire import wire_incident_score

    def body(clause: str) -> list[str]:
        return [
            "CAPITAL, 3 MAR 90 -- [TEXT] THE BISHOPS' CONFERENCE ENDED ITS ANNUAL MEETING TODAY.",
            "IT ISSUED A LETTER ON THE ECONOMY.",
            "THE LETTER WAS READ IN ALL CHURCHES.",
            f"IT ALSO ASKED THE COURTS TO PUNISH THOSE WHO {clause}.",
        ]

    one = wire_incident_score(body("ABDUCTED THE PARISH PRIEST"), rules_say_incident=False)
    group = wire_incident_score(body("ABDUCTED FOUR PARISH PRIESTS"), rules_say_incident=False)
    generic = wire_incident_score(body("ABDUCTED PARISH PRIESTS"), rules_say_incident=False)
    assert one > generic and group > generic


def test_wire_an_attack_in_words_is_no_act() -> None:
    from summarizer.engines.rules.wire import _episodic, wire_incident_score

    speech = ["PORT, 6 JUN 90 -- [TEXT] A RETIRED ADMIRAL TODAY HARSHLY ATTACKED THE NEIGHBORING PRESIDENTS."]
    assert wire_incident_score(speech, rules_say_incident=False) < 0
    assert "ATTACKED" not in _episodic("THE SENATOR SHARPLY ATTACKED THE BUDGET.")
    assert "ATTACKED" in _episodic("GUNMEN ATTACKED THE BUS AT DAWN.")


def test_wire_an_act_years_ago_is_history() -> None:
    from summarizer.engines.rules.wire import _episodic, wire_incident_score

    history = [
        "CAPITAL, 8 MAY 90 -- [TEXT] A CHURCH COMMISSION WILL TRAVEL NORTH TO SEEK THE RETURN OF 40 FARMERS "
        "WHO WERE KIDNAPPED BY THE REBELS MORE THAN SIX YEARS AGO."
    ]
    assert wire_incident_score(history, rules_say_incident=True) < 0
    assert "BURNED" not in _episodic("EIGHT YEARS AGO, A MOB BURNED THE TOWN HALL.")
    assert "BURNED" in _episodic("THE BAND, FORMED EIGHT YEARS AGO, BURNED THE TOWN HALL TODAY.")
    assert "BURNED" in _episodic("A MOB BURNED THE TOWN HALL LAST NIGHT.")


def test_no_one_after_but_is_no_named_victim() -> None:
    sentence = "THE BLAST DAMAGED TWO DESKS AND A DOOR, BUT NOBODY WAS INJURED."
    assert [(m.role, m.value) for m in find_mentions(sentence, 0, 0, 1990)] == [("injured", 0)]


def _wire_tolls(text: str) -> tuple[int | None, int | None]:
    from datetime import date

    from summarizer.engines.base import ExtractionRequest
    from summarizer.engines.rules import RulesEngine

    d = RulesEngine().extract(ExtractionRequest(text=text, reference_date=date(1990, 5, 2))).draft
    return (d.killed.value if d.killed else None, d.injured.value if d.injured else None)


WIRE_REPORT = (
    "VALMORA, 2 MAY 90 (RADIO CENTRAL) -- [EDITORIAL REPORT] [TEXT] STATE RADIO BROADCASTS A SERIES OF REPORTS "
    "ON THE 2 MAY BOMB ATTACK CARRIED OUT AGAINST THE OFFICES OF THE NEWSPAPER LA VOZ.\n\n"
    '   THE FIRST REPORT SAYS THAT THE OFFICES WERE THE "TARGET OF A COWARDLY ATTACK IN WHICH MANY PEOPLE WERE HURT." '
    'THE REPORT ADDS THAT "THIS MORNING A VAN LOADED WITH EXPLOSIVES BLEW UP AT A PARKING LOT BESIDE THE BUILDING. '
    'IT WAS ONE OF THE WORST ATTACKS IN VALMORA THIS YEAR."\n\n   THE NEXT REPORT SAYS THAT "THE BLAST FILLED THE '
    'HOSPITALS OF VALMORA. {middle}TWO PEOPLE WERE KILLED AND 14 OTHERS INJURED AS A RESULT OF THE ATTACK."'
)


def test_wire_toll_told_after_the_event_sentence_of_the_same_act() -> None:
    assert _wire_tolls(WIRE_REPORT.format(middle="")) == (2, 14)


def test_wire_toll_after_another_act_is_not_the_reports() -> None:
    other = "IN A SEPARATE INCIDENT, A BRIDGE WAS DYNAMITED IN THE NORTH. "
    assert _wire_tolls(WIRE_REPORT.format(middle=other)) == (None, None)
