"""Who did the act in upper-case wire copy: act subjects, by-phrases, accusations, arrests (issue
#10). Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from summarizer.engines.rules.accused import accused_parties, held_for_act, plausible_agent
from summarizer.engines.rules.actors import find_claims, find_perpetrators, known_group_spans
from summarizer.engines.rules.subjects import subject_perpetrators


def _names(*sentences: str) -> list[str]:
    rows = [(i, s, False) for i, s in enumerate(sentences)]
    return [a.name for a in find_perpetrators(rows, [], True, set())]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("THE FARMERS UNION ACCUSED THE ARMY OF PERPETRATING THE ATTACK ON ITS OFFICES.", "ARMY"),
        (
            "THE MAYOR BLAMED RIGHT-WING DEATH SQUADS FOR THE MURDER OF THE TEACHER.",
            "RIGHT-WING DEATH SQUADS",
        ),
        (
            "ALTHOUGH NO GROUP HAS CLAIMED IT, THE NEWSPAPERS BLAMED THE BOMBING ON THE DRUG MAFIA.",
            "DRUG MAFIA",
        ),
        (
            "THE POLICE HOLD THE RED STAR MOVEMENT RESPONSIBLE FOR THE ATTACK ON THE BRIDGE.",
            "RED STAR MOVEMENT",
        ),
        (
            "THE MINISTER SAID THAT EXTREMIST CELLS WERE BEHIND THE KIDNAPPING OF THE JUDGE.",
            "EXTREMIST CELLS",
        ),
        (
            "THE BISHOP SAID THAT MEMBERS OF THE NATIONAL GUARD PARTICIPATED IN THE MASSACRE.",
            "MEMBERS OF THE NATIONAL GUARD",
        ),
        (
            "THE PRESS BELIEVES THE BOMBING WAS THE WORK OF A LEFTIST ARMED GROUPING.",
            "LEFTIST ARMED GROUPING",
        ),
    ],
)
def test_accusations_name_who_did_the_act(sentence: str, expected: str) -> None:
    assert expected in accused_parties(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "THE ARMY DENIED THAT THE GUERRILLAS WERE RESPONSIBLE FOR THE ATTACK.",
        "THE UNION ACCUSED THE GOVERNMENT OF LYING ABOUT WAGES.",  # no act named
        "THE GOVERNOR HELD A MEETING AFTER THE ATTACK.",  # "held" without "responsible"
        "NOBODY BLAMED THE STUDENTS FOR THE EXPLOSION.",
    ],
)
def test_no_accusation(sentence: str) -> None:
    assert accused_parties(sentence) == []


def test_accused_before_a_relative_clause() -> None:
    found = accused_parties(
        "THE LAWYER SAID THE EVIDENCE SHOWS THAT POLICE AGENTS, WHO REMAIN UNIDENTIFIED, ARE RESPONSIBLE "
        "FOR THE MURDER OF THE UNION LEADER."
    )
    assert found == ["POLICE AGENTS"]


def test_accused_list_members_and_glossed_acronyms() -> None:
    found = accused_parties(
        "THE MINISTER ACCUSED ARMY DISSIDENTS, EXTREME RIGHT-WINGERS, AND SMUGGLERS' GANGS OF BEING "
        "RESPONSIBLE FOR THE BOMBINGS."
    )
    assert found[:2] == ["ARMY DISSIDENTS", "EXTREME RIGHT-WINGERS"]
    assert accused_parties("WE BLAME PARNA [PARTY OF NATIONAL ACTION] FOR THIS CRIME.") == ["PARNA"]


def test_arrested_for_the_act() -> None:
    assert held_for_act(
        "THE POLICE HAVE ARRESTED TWO MEN SUSPECTED OF BEING INVOLVED IN THE MURDER OF THE MAYOR."
    ) == ["TWO MEN"]
    assert held_for_act(
        "FOUR MEMBERS OF A GANG CALLED THE FOXES WERE ARRESTED IN CONNECTION WITH THE ATTACK ON THE BANK."
    ) == ["FOUR MEMBERS OF A GANG CALLED THE FOXES"]
    # an arrest that is not tied to an act
    assert held_for_act("THE POLICE ARRESTED TWO MEN FOR DRUNK DRIVING.") == []


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("HEAVILY ARMED MEN", True),
        ("TWO INDIVIDUALS WEARING SPORTS CLOTHES", True),
        ("DRUG TRAFFICKING GANGS", True),
        ("DRUG TRAFFICKING", False),
        ("SALVADORAN AIR FORCE HELICOPTERS", True),  # an armed body's means
        ("COLOMBIANS", True),  # people by nationality
        ("UC-ELN", True),
        ("PEDRO VALENCIA", True),  # a proper name
        ("SOME SHRAPNEL", False),
        ("12 BULLETS FIRED", False),
        ("THE HEAT", False),
    ],
)
def test_plausible_agent(name: str, ok: bool) -> None:
    assert plausible_agent(name) is ok


def test_act_subjects_with_any_act_verb_participles_and_glosses() -> None:
    assert subject_perpetrators("UNIDENTIFIED INDIVIDUALS MACHINEGUNNED THE JUDGE'S CAR.") == [
        "UNIDENTIFIED INDIVIDUALS"
    ]
    assert subject_perpetrators("ALLEGED URBAN COMMANDOS LAUNCHED TWO BOMBS AGAINST A BANK.") == [
        "ALLEGED URBAN COMMANDOS"
    ]
    assert subject_perpetrators("THIS EVENING TWO MEN RIDING ON A BICYCLE THREW A GRENADE AT THE POST.") == [
        "TWO MEN"
    ]
    assert subject_perpetrators('THE "RED DAWN FRONT" [FRENTE ALBA ROJA] BOMBED TWO OFFICES.') == [
        "RED DAWN FRONT"
    ]
    assert subject_perpetrators("WITNESSES SAID THE NATIONAL POLICE HAD MURDERED THE STUDENT.") == [
        "NATIONAL POLICE"
    ]
    assert subject_perpetrators(
        "THE COMMISSION SAID THAT JUAN PEREZ MOLINA, WHO KILLED THE GUARD, FLED."
    ) == ["JUAN PEREZ MOLINA"]
    # passive: the one it befell
    assert subject_perpetrators("THE COUNCILMAN, WHO WAS KILLED ON SUNDAY, WAS BURIED TODAY.") == []


def test_wire_perpetrators_from_agents_and_accusations() -> None:
    names = _names("WITNESSES SAID THE BOMB WAS PLACED BY TWO INDIVIDUALS WEARING SPORTS CLOTHES.")
    assert any(n.startswith("TWO INDIVIDUALS") for n in names)
    # a by-phrase that names a thing is no agent
    assert _names("THE GUARD WAS WOUNDED BY SOME SHRAPNEL FROM THE BOMB.") == []
    # the accusation survives a negated claim in the same sentence
    names = _names(
        "NO ORGANIZATION HAS CLAIMED RESPONSIBILITY FOR THIS ATTACK; HOWEVER, THE AUTHORITIES ARE "
        "BLAMING PERSONS IN THE SERVICE OF THE DRUG LORDS."
    )
    assert "PERSONS" in names
    assert "NARCOTERRORISTS" in [
        n.upper() for n in _names("THE NARCOTERRORISTS WHO PERPETRATED THE BOMBING DESERVE NO MERCY.")
    ]


def test_wire_perpetrator_told_after_the_event_window() -> None:
    from summarizer.engines.rules.engine import extract_draft

    text = (
        "   SANTIAGO, 3 MAR 90 (RADIO EJEMPLO) -- [TEXT] A BOMB EXPLODED AT A BANK IN DOWNTOWN TALCA.\n\n"
        "   THE EXPLOSION DESTROYED WINDOWS AND DOORS.  THERE WERE NO CASUALTIES.\n\n"
        "   THE BANK WAS CLOSED AT THE TIME.  FIREMEN PUT OUT A SMALL FIRE.\n\n"
        "   THE DAMAGE WAS ESTIMATED AT 2 MILLION PESOS.  THE POLICE CORDONED OFF THE AREA.\n\n"
        "   WITNESSES SAID THE BOMB WAS PLANTED BY TWO YOUNG MEN WHO FLED ON FOOT.\n"
    )
    draft = extract_draft(text, None)
    assert draft.is_incident
    assert [p.name for p in draft.perpetrators] == ["TWO YOUNG MEN"]


def test_wire_toll_from_the_first_sentence_when_the_event_sentence_tells_none() -> None:
    from summarizer.engines.rules.engine import extract_draft

    text = (
        "   SAN SALVADOR, 3 MAR 90 (RADIO EJEMPLO) -- [TEXT] URBAN COMMANDOS ATTACKED THE HOME OF A "
        "JUDGE TODAY, KILLING A POLICEMAN GUARDING THE HOUSE.\n\n"
        "   THE JUDGE WAS NOT AT HOME.  THE ATTACKERS FLED IN A PICKUP TRUCK.\n"
    )
    draft = extract_draft(text, None)
    assert draft.is_incident
    assert draft.killed is not None and draft.killed.value == 1


def test_implicated_people_of_a_body() -> None:
    from summarizer.engines.rules.actors import implicated

    assert implicated(
        "THE JUDGE ORDERED THE ARREST OF A MAJOR AND SIX OTHER MEMBERS OF THE NATIONAL GUARD INVOLVED IN "
        "THE MASSACRE OF TEN PEASANTS."
    ) == ["SIX OTHER MEMBERS OF THE NATIONAL GUARD"]
    assert implicated(
        "THE MINISTER SAID THAT TWO CAPTAINS AND THREE SOLDIERS OF THE ARMED FORCES ARE IMPLICATED IN THE "
        "MURDER OF THE MAYOR."
    ) == ["TWO CAPTAINS", "THREE SOLDIERS OF THE ARMED FORCES"]


def test_named_group_with_its_people_and_an_offensive() -> None:
    names = _names(
        "POLICE SAID THE RED DAWN FRONT [FRD] URBAN COMMANDS FIRED TWO ROCKETS AT THE GARRISON.",
        "THE SHINING PATH BEGAN AN OFFENSIVE ON 11 NOVEMBER AGAINST THE TOWN.",
    )
    assert "SHINING PATH" in names
    # an unknown group is read as the act's subject, with its people
    assert any(n.endswith("URBAN COMMANDS") for n in names)
    names = _names("THE FMLN [FARABUNDO MARTI NATIONAL LIBERATION FRONT] URBAN COMMANDS FIRED ON THE POST.")
    assert "FMLN URBAN COMMANDS" in names


def test_by_phrase_agent_after_a_long_gap_a_second_by_and_a_range() -> None:
    assert "UNIDENTIFIED GROUP" in _names(
        "THE PRIEST WAS KIDNAPPED TODAY IN THE CITY OF CALI BY AN UNIDENTIFIED GROUP."
    )
    assert "GUERRILLA UNIT" in _names(
        "THE CAR BOMB WAS PROBABLY ACTIVATED BY REMOTE CONTROL BY A GUERRILLA UNIT."
    )
    assert _names("THE CAR BOMB WAS ACTIVATED BY REMOTE CONTROL.") == []


def test_a_dateline_year_is_no_count_of_people() -> None:
    text = (
        "QUITO, 12 MAR 90 (EFE) -- [TEXT] FOREIGN MERCENARIES, INCLUDING A MAN OF ASIAN ORIGIN, "
        "PARTICIPATED IN THE ASSASSINATION OF JUDGE RAUL TOBAR."
    )
    names = [a.name for a in find_perpetrators([(0, text, False)], [], True, set())]
    assert "FOREIGN MERCENARIES" in names
    assert not any(n.startswith("90") for n in names)


def test_a_function_word_is_no_perpetrator() -> None:
    text = (
        "HE SAID THE AIM OF THESE ATTACKS, ESPECIALLY THE ONE ON THE PORT, FOR WHICH THE FMLN - FDR "
        "CLAIMED CREDIT, WAS TO SPREAD FEAR."
    )
    claims = find_claims([(0, text, False)], [])
    assert "FOR" not in [c.claimant for c in claims]
    names = [a.name for a in find_perpetrators([(0, text, False)], claims, True, set())]
    assert "FOR" not in names
    assert "FMLN" in names


def test_wire_subject_of_an_unmistakably_active_verb_is_the_agent() -> None:
    # "men", "soldiers", "people" name victims as often as agents, unless the verb can only be active
    assert subject_perpetrators("AT LEAST ONE MAN FIRED ON THE MAYOR FROM THE CROWD.") == ["ONE MAN"]
    assert subject_perpetrators("THEN SOLDIERS BEGAN SHOOTING AT THE STUDENTS.") == ["SOLDIERS"]
    assert subject_perpetrators("AN OLD MAN SHOT HIM TWICE.") == ["OLD MAN"]
    # the subject of the first of two verbs does the second
    assert subject_perpetrators("A TALL MAN WALKED UP TO THE JUDGE AND SHOT HIM IN THE BACK.") == ["TALL MAN"]
    assert subject_perpetrators("TROOPS SURROUNDED THE VILLAGE AND OPENED FIRE ON THE HOUSES.") == ["TROOPS"]
    # a reduced passive or a plain report still tells who it befell
    assert subject_perpetrators("FOUR SOLDIERS KILLED IN AN AMBUSH WERE BURIED TODAY.") == []
    assert subject_perpetrators("TWO PEOPLE WERE HURT AND KILLED IN THE BLAST.") == []
    assert subject_perpetrators("THE WOMAN WAS SHOT AS SHE LEFT.") == []


def _wire_perps(text: str) -> list[str]:
    from summarizer.engines.rules.engine import extract_draft

    draft = extract_draft(text, None)
    assert draft.is_incident
    return [p.name for p in draft.perpetrators]


def test_generic_insurgents_refer_to_the_one_group_the_report_names() -> None:
    head = (
        "   SAN SALVADOR, 3 JUN 90 (RADIO EJEMPLO) -- [TEXT] TERRORISTS MURDERED A JUDGE TODAY IN "
        "SANTA TECLA.  "
    )
    # the report names one armed group: the terrorists are its people
    names = _wire_perps(
        head + "THE MINISTER SAID THE ATTACK SHOWS THAT THE FMLN [FARABUNDO MARTI NATIONAL LIBERATION\n"
        "FRONT] DOES NOT WANT PEACE.\n"
    )
    assert names == ["TERRORISTS", "FMLN"]
    # two groups: no telling which
    names = _wire_perps(head + "THE MINISTER SAID THE FMLN AND THE SHINING PATH DO NOT WANT PEACE.\n")
    assert names == ["TERRORISTS"]
    # a group that denied it is none
    names = _wire_perps(head + "THE FMLN DENIED ANY INVOLVEMENT IN THE MURDER.\n")
    assert names == ["TERRORISTS"]
    # people described otherwise ("TWO MEN") are not a group's
    names = _wire_perps(
        "   SAN SALVADOR, 3 JUN 90 (RADIO EJEMPLO) -- [TEXT] TWO ARMED MEN MURDERED A JUDGE TODAY IN "
        "SANTA TECLA.  THE MINISTER SAID THE FMLN DOES NOT WANT PEACE.\n"
    )
    assert "FMLN" not in names


def test_a_group_name_wrapped_across_lines_is_one_name() -> None:
    names = _wire_perps(
        "   LIMA, 3 JUN 90 (RADIO EJEMPLO) -- [TEXT] THE TUPAC AMARU REVOLUTIONARY\nMOVEMENT "
        "CLAIMED RESPONSIBILITY FOR THE BOMBING OF A BANK IN LIMA TODAY.\n"
    )
    assert "TUPAC AMARU REVOLUTIONARY MOVEMENT" in names


def test_a_groups_name_that_is_also_a_surname_is_no_group_in_upper_case_copy() -> None:
    assert known_group_spans("GUERRILLAS KIDNAPPED ENGINEER KARL WAGNER TODAY.") == ()
    assert known_group_spans("Fighters of the Wagner group attacked the town.")


def test_what_the_agents_wore_is_part_of_their_description() -> None:
    names = _names("THE TEACHERS WERE KILLED BY SOME 20 MEN WEARING GREEN UNIFORMS WHO ENTERED THE HOUSE.")
    assert "SOME 20 MEN WEARING GREEN UNIFORMS" in names
    names = _names("THE FARMER WAS KIDNAPPED BY ARMED MEN WEARING CIVILIAN CLOTHING, POLICE SAID.")
    assert "ARMED MEN WEARING CIVILIAN CLOTHING" in names
    # a participle still ends the agent
    names = _names("THE JUDGE WAS SHOT BY TWO MEN RIDING A MOTORCYCLE.")
    assert "TWO MEN" in names and not any("RIDING" in n for n in names)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "THE PRIEST REPEATED HIS VIEW THAT THE NATIONAL GUARD WAS GUILTY OF THE KILLINGS.",
            "NATIONAL GUARD",
        ),
        (
            "THE UNION SAYS THE MINING COMPANY AND THE POLICE ARE SOLELY RESPONSIBLE FOR THE DEATHS.",
            "POLICE",
        ),
        (
            "NOW THAT THE BORDER TROOPS ARE BEING CHARGED WITH THE KILLING OF TWO FARMERS, WE ASK.",
            "BORDER TROOPS",
        ),
    ],
)
def test_guilt_and_charges_name_who_did_the_act(sentence: str, expected: str) -> None:
    assert expected in accused_parties(sentence)


def test_not_only_is_no_negation() -> None:
    # "not only ... but" adds a reason; it denies nothing
    sentence = (
        "THE BLAME IS CLEAR, NOT ONLY BECAUSE THE MURDER WAS CARRIED OUT BY MASKED MEN AT NIGHT BUT "
        "BECAUSE OF THE THREATS."
    )
    assert "MASKED MEN" in accused_parties(sentence)
    assert (
        accused_parties("THE BISHOP SAID IT IS NOT TRUE THAT THE MURDER WAS CARRIED OUT BY MASKED MEN.") == []
    )


def test_wire_accusation_outside_the_event_window() -> None:
    from summarizer.engines.rules.engine import extract_draft

    text = (
        "   LIMA, 3 MAR 90 (RADIO EJEMPLO) -- [TEXT] THE MAYOR OF HUARAZ WAS MURDERED TODAY AT HIS HOME "
        "BY UNIDENTIFIED GUNMEN.\n\n"
        "   THE MAYOR WAS 54 YEARS OLD.  HE HAD BEEN MAYOR FOR 3 YEARS.\n\n"
        "   THE TOWN COUNCIL MET IN THE AFTERNOON.  IT DECLARED 3 DAYS OF MOURNING.\n\n"
        "   THE FUNERAL WILL BE HELD TOMORROW.  SCHOOLS WILL BE CLOSED.\n\n"
        "   THE MAYOR'S WIDOW SAID THAT THE RURAL POLICE WERE GUILTY OF THE CRIME.\n"
    )
    draft = extract_draft(text, None)
    assert draft.is_incident
    # the window's gunmen first, then who the widow blames further down
    assert [p.name for p in draft.perpetrators][-1] == "RURAL POLICE"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("UNKNOWN PEOPLE WHO ARRIVED IN A TAXI PLACED A BOMB UNDER THE CAR OF THE CONSUL.", "unknown people"),
        # an abbreviation between the act and its by-phrase
        ("THE BOMB WAS PLACED AT THE U.N. OFFICES BY THREE STUDENTS.", "THREE STUDENTS"),
    ],
)
def test_more_wire_perpetrator_readings(sentence: str, expected: str) -> None:
    assert expected in _names(sentence)


def test_carried_out_by_after_an_adverb() -> None:
    found = accused_parties("THE POLICE SAID THE ATTACK WAS APPARENTLY CARRIED OUT BY A YOUNG COUPLE.")
    assert "YOUNG COUPLE" in found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("AT LEAST FOUR OR FIVE MEN WERE INVOLVED IN THE KIDNAPPING.", "FOUR OR FIVE MEN"),
        ("THREE OF THE SOLDIERS WHO PARTICIPATED IN THE MASSACRE WERE ARRESTED.", "THREE OF THE SOLDIERS"),
    ],
)
def test_implicated_counts_as_ranges_and_shares(sentence: str, expected: str) -> None:
    from summarizer.engines.rules.actors import implicated

    assert implicated(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "THE POLICE ARE HUNTING THE GUNMAN WHO MURDERED M-19 LEADER JUAN PEREZ ON A BUS.",
        "THE ARMY REPORTED THE KILLING OF TWO FMLN MEMBERS IN AN AMBUSH NEAR THE RIVER.",
        "AN FMLN COMMANDER WAS KILLED WHEN TROOPS ATTACKED THE CAMP.",
    ],
)
def test_group_of_the_harmed_is_no_perpetrator(sentence: str) -> None:
    names = _names(sentence)
    assert "M-19" not in names and "FMLN" not in names


def test_group_members_who_act_are_still_perpetrators() -> None:
    assert "FMLN" in _names("FMLN MEMBERS KILLED TWO SOLDIERS IN AN AMBUSH NEAR THE RIVER.")


def test_people_who_fled_after_the_act() -> None:
    assert "THREE YOUNG MEN" in _names("A GUARD SAW THREE YOUNG MEN WHO FLED AFTER THE BLAST AT THE BANK.")
    # fleeing the fighting makes people refugees, not attackers
    assert _names("SOME 200 PEOPLE WHO FLED FROM THE FIGHTING AFTER THE ATTACK RETURNED HOME.") == []


def test_arrested_suspects_of_a_defused_bomb() -> None:
    assert held_for_act("THE POLICE DEFUSED TWO BOMBS IN THE PORT AND ARRESTED FOUR SUSPECTS.") == [
        "FOUR SUSPECTS"
    ]


def _wire_report(last: str) -> str:
    return (
        "   LIMA, 3 MAR 90 (RADIO EJEMPLO) -- [TEXT] THE MAYOR OF HUARAZ WAS MURDERED TODAY AT HIS HOME "
        "BY UNIDENTIFIED GUNMEN.\n\n"
        "   THE MAYOR WAS 54 YEARS OLD.  HE HAD BEEN MAYOR FOR 3 YEARS.\n\n"
        "   THE TOWN COUNCIL MET IN THE AFTERNOON.  IT DECLARED 3 DAYS OF MOURNING.\n\n"
        "   THE FUNERAL WILL BE HELD TOMORROW.  SCHOOLS WILL BE CLOSED.\n\n"
        f"   {last}\n"
    )


def test_wire_by_phrase_of_the_act_outside_the_event_window() -> None:
    from summarizer.engines.rules.engine import extract_draft

    draft = extract_draft(_wire_report("WITNESSES SAID THE MAYOR WAS SHOT BY TWO POLICEMEN."), None)
    assert [p.name for p in draft.perpetrators][-1] == "TWO POLICEMEN"
    # a by-phrase of custody names no doer of the act
    draft = extract_draft(_wire_report("TWO WITNESSES ARE BEING HELD BY THE RURAL POLICE."), None)
    assert [p.name for p in draft.perpetrators] == ["unidentified gunmen"]


def test_group_owning_the_place_hit_is_no_perpetrator() -> None:
    names = _names("THE ARMY ATTACKED FMLN CAMPS NEAR THE VOLCANO.")
    assert "FMLN" not in names
    assert "ARMY" in names
    assert "FMLN" in _names("THE FMLN ATTACKED ARMY POSITIONS NEAR THE VOLCANO.")


def test_assaulted_is_an_act_of_its_subject() -> None:
    assert subject_perpetrators("TWO HOODED MEN HAVE ASSAULTED A BUS DRIVER IN THE CAPITAL.") == [
        "TWO HOODED MEN"
    ]


def test_an_ing_word_before_an_organisations_head_modifies_it() -> None:
    names = _names("THE SHOPS WERE BOMBED BY AN ARMS SMUGGLING RING, THE POLICE SAID.")
    assert "ARMS SMUGGLING RING" in names
    # after a word for people the -ing word is a participle
    names = _names("THE VILLAGE WAS SHELLED BY REBELS FLEEING ARMY UNITS.")
    assert not any("FLEEING" in n for n in names)


def test_the_accused_before_a_participle_and_its_by_phrase() -> None:
    found = accused_parties("THE UNION ACCUSED DEATH SQUADS RUN BY THE LANDOWNERS OF THE MURDER.")
    assert "DEATH SQUADS" in found


def test_the_ones_who_did_the_act() -> None:
    found = accused_parties("THE MAYOR SAID THE RURAL POLICE WERE THE ONES WHO MURDERED THE TEACHER.")
    assert "RURAL POLICE" in found
    assert accused_parties("THE MAYOR SAID THE FARMERS WERE THE ONES WHO SUFFERED AFTER THE MURDER.") == []


def test_an_action_by_someone() -> None:
    assert "NATIONAL GUARD" in _names("THE BISHOP SAID THE MASSACRE WAS AN ACTION BY THE NATIONAL GUARD.")
    assert "BORDER TROOPS" in _names("THE BLAST WAS A TERRORIST ACTION BY THE BORDER TROOPS, HE SAID.")


def test_the_suspect_named_in_apposition() -> None:
    names = _names("THE POLICE SAID THE SUSPECT, PEDRO GOMEZ SALAS, HAD BOUGHT THE DYNAMITE FOR THE BOMBING.")
    assert "PEDRO GOMEZ SALAS" in names
    assert _names("THE SUSPECT, A YOUNG MAN FROM THE PORT, HAD BOUGHT THE DYNAMITE FOR THE BOMBING.") == []


def test_the_event_sentence_is_read_although_it_looks_back() -> None:
    from datetime import date

    from summarizer.engines.rules.engine import extract_draft

    text = (
        "   SAN PEDRO, 7 JAN 90 (RADIO EJEMPLO) -- [TEXT] A LOCAL NEWSPAPER REPORTED TODAY THAT A GROUP OF "
        "POLICEMEN WERE ARRESTED IN THE LAST FEW HOURS BECAUSE OF THEIR SUSPECTED INVOLVEMENT IN THE "
        "MURDER OF A UNION LEADER ON 12 NOVEMBER.\n\n"
        "   THE NEWSPAPER SAID THE SUSPECTED KILLERS WERE ARRESTED AFTER A LONG INVESTIGATION.\n"
    )
    draft = extract_draft(text, date(1990, 1, 7))
    assert draft.is_incident
    assert "GROUP OF POLICEMEN" in [p.name for p in draft.perpetrators]


def test_the_subject_of_an_act_on_a_counted_object_acted() -> None:
    assert subject_perpetrators("BORDER TROOPS KILLED SEVEN FARMERS NEAR THE RIVER.") == ["BORDER TROOPS"]
    # a reduced passive dated by a count of days tells who died
    assert subject_perpetrators("FOUR SOLDIERS KILLED 2 DAYS AGO WERE BURIED TODAY.") == []


def test_the_doers_opening_a_sentence_name_the_act_themselves() -> None:
    assert "kidnappers" in _names("THE KIDNAPPERS, WHO WORE MASKS, LEFT THE FARM AT DAWN.")
    assert _names("THE JUDGE WILL RULE ON THE KIDNAPPERS NEXT WEEK.") == []
    assert _names("THE KIDNAPPERS OF THE BANKER WILL STAND TRIAL NEXT WEEK.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("THE MURDER, IN WHICH TWO POLICEMEN ARE BEING CHARGED, SHOCKED THE TOWN.", "TWO POLICEMEN"),
        ("THE BISHOP SAID BORDER TROOPS COULD BE RESPONSIBLE FOR THE MASSACRE.", "BORDER TROOPS"),
        (
            "THE MINISTER SAID THAT CARTEL CHIEF JUAN PEREZ ORDERED THE ASSASSINATION OF THE JUDGE.",
            "CARTEL CHIEF JUAN PEREZ",
        ),
        ("THE PRESS SAYS THE GANG LEADERS MASTERMINDED THE BOMBINGS.", "GANG LEADERS"),
        (
            "THE REPORT LINKS FORMER MAJOR JUAN O'NEILL TO THE MURDER OF THE PRIEST.",
            "FORMER MAJOR JUAN O'NEILL",
        ),
    ],
)
def test_charges_suspicions_orders_and_links(sentence: str, expected: str) -> None:
    assert expected in accused_parties(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        '"WHOEVER ORDERED THIS CRIME MUST BE PUNISHED," HE SAID.',
        "THE REPORT LINKS THE BRIGADE WITH THE DEATH SQUADS, WHICH COMMITTED THE MURDER.",
        "HE SAID MEN CLOSE TO MAJOR JUAN O'NEILL PARTICIPATED IN THE KIDNAPPING.",
    ],
)
def test_no_one_named_by_the_cue(sentence: str) -> None:
    assert accused_parties(sentence) == []


def test_implicated_as_a_possibility() -> None:
    from summarizer.engines.rules.actors import implicated

    assert "TWO SOLDIERS" in implicated("HE SAID THAT TWO SOLDIERS MAY BE IMPLICATED IN THE MURDER.")


def test_the_source_of_the_account_is_no_perpetrator() -> None:
    sentence = "ACCORDING TO THE REBELS, THE RURAL POLICE ARE RESPONSIBLE FOR THE BOMBING."
    assert accused_parties(sentence) == ["RURAL POLICE"]
    assert "rebels" not in _names(sentence)


def test_the_by_phrase_of_an_act_noun_after_a_short_object() -> None:
    assert "SOLDIERS OF THE BORDER BATTALION" in _names(
        "HE CONDEMNED THE KILLING OF SIX FARMERS BY SOLDIERS OF THE BORDER BATTALION."
    )
    assert "STUDENTS" in _names("THE POLICE INVESTIGATED THE BURNING OF TWO BUSES BY STUDENTS ON FRIDAY.")


def test_an_armed_side_struck_is_not_the_doer() -> None:
    assert _names("AT DAWN THE TROOPS STARTED TO ATTACK ABOUT 200 REBELS NEAR THE DAM.") == []
    # the doers of the act named as such stay the doers, whoever struck back
    assert "assailants" in _names("THE BODYGUARDS REPELLED THE ASSAILANTS AND THE JUDGE ESCAPED UNHARMED.")


def test_their_names_after_the_suspects() -> None:
    names = _names(
        "THE REPORTER HAS VIDEO CLIPS OF THREE MEN SUSPECTED OF KILLING THE SENATOR.",
        "THEIR NAMES ARE PEDRO GOMEZ SALAS, JUAN RIOS PARRA, AND LUIS MORA.",
    )
    assert {"PEDRO GOMEZ SALAS", "JUAN RIOS PARRA", "LUIS MORA"} <= set(names)
    # the names of witnesses are no suspects'
    names = _names(
        "THE REPORTER INTERVIEWED THREE WITNESSES OF THE KILLING OF THE SENATOR.",
        "THEIR NAMES ARE PEDRO GOMEZ SALAS AND LUIS MORA.",
    )
    assert "PEDRO GOMEZ SALAS" not in names
