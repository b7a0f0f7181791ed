"""The rules engine's incident date on news copy, by failure class (issue #10).

Every example is written for this file. The date step is read on its own (the article is taken as
an incident report, so that what is tested is which date phrase is picked, not relevance), then
resolved as the report builder does; a few cases also go through the whole engine.
"""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.engines.rules.context import Context
from summarizer.engines.rules.engine import extract_draft
from summarizer.engines.rules.incident import event_sentence
from summarizer.engines.rules.incident_date import incident_date
from summarizer.normalize.dates import resolve_date

THU = date(2024, 3, 7)  # a Thursday


def _date(
    text: str, published: date | None = THU, title: str | None = None
) -> tuple[str | None, date | None]:
    ctx = Context.build(text, published, title)
    found = incident_date(ctx, event_sentence(ctx, True))
    if found is None:
        return None, None
    assert found.as_stated in found.quote and found.quote in text + (title or "")
    return found.as_stated, resolve_date(found.as_stated, found.quote, published).iso


# --- a later step or a statement is dated, the act elsewhere --------------------------------------


def test_arrest_date_is_not_the_shooting_date() -> None:
    text = (
        "Police arrested a 19-year-old man on Wednesday in the shooting death of a convenience store "
        "clerk.\n\nThe clerk was shot Sunday night during a robbery at the store on Elm Street, police said.\n"
    )
    assert _date(text) == ("Sunday night", date(2024, 3, 3))


def test_court_date_is_not_the_shooting_date() -> None:
    text = (
        "A man who was shot by deputies after a chase pleaded not guilty Tuesday to assault charges.\n\n"
        "Deputies opened fire on Feb. 12 when the man drove at them, the sheriff said.\n"
    )
    assert _date(text) == ("on Feb. 12", date(2024, 2, 12))


def test_a_coming_date_is_never_the_incident_date() -> None:
    text = (
        "A man was shot and wounded outside a bar on Oak Street, police said.\n\n"
        "More information will be released Friday morning, a spokesman said.\n"
    )
    assert _date(text) == (None, None)


def test_status_date_is_not_the_act() -> None:
    text = (
        "By Wednesday afternoon, the county disaster office reported that the toll from the storm had "
        "reached 14.\n\nThe storm made landfall near the port late Monday night.\n"
    )
    assert _date(text) == ("late Monday night", date(2024, 3, 4))


def test_wire_statement_today_is_not_the_act() -> None:
    text = (
        "LIMA, 7 MAR 24 (RADIO EJEMPLO) -- [TEXT] POLICE SOURCES TODAY REPORTED THAT GUERRILLAS "
        "MURDERED THREE PEASANTS IN A VILLAGE NEAR HUANTA.  ON 5 MARCH THE ATTACKERS ENTERED THE "
        "VILLAGE AND KILLED THE THREE MEN.\n"
    )
    assert _date(text, date(2024, 3, 7)) == ("ON 5 MARCH", date(2024, 3, 5))


@pytest.mark.parametrize(
    "lead",
    [
        "THE PEOPLE'S ARMED FRONT CLAIMED RESPONSIBILITY TODAY FOR THE KIDNAPPING OF A BANKER.",
        "THE POLICE TODAY RESCUED A BANKER WHO HAD BEEN KIDNAPPED BY GUERRILLAS.",
        "THE JUDGE INVESTIGATING THE KIDNAPPING OF THE BANKER WAS THREATENED TODAY.",
        "THE DAUGHTER OF THE KIDNAPPED BANKER TODAY READ A STATEMENT.",
    ],
)
def test_a_claim_a_threat_or_a_rescue_is_dated_on_its_own(lead: str) -> None:
    text = f"LIMA, 7 MAR 24 (RADIO EJEMPLO) -- [TEXT] {lead}  THE BANKER WAS KIDNAPPED ON 2 MARCH IN LIMA.\n"
    assert _date(text, date(2024, 3, 7)) == ("ON 2 MARCH", date(2024, 3, 2))


# --- the date is told past the lead ---------------------------------------------------------------


def test_date_told_further_down_next_to_the_act() -> None:
    text = (
        "A man is in custody after an officer saw someone firing a handgun from a pickup truck.\n\n"
        "The officer called for backup and the driver was stopped a few blocks away.\n\n"
        "He was taken to jail without further incident, a sergeant said.\n\n"
        "Officers found the handgun under the seat.\n\n"
        "The shooting happened Saturday night near Martin Street, police said.\n"
    )
    assert _date(text) == ("Saturday night", date(2024, 3, 2))


def test_possessive_date_further_down() -> None:
    text = (
        "One man remained in hospital and another was in custody following a shooting in the north "
        "of the city.\n\nThe two men knew each other, police said.\n\nNeither was named.\n\n"
        "A witness said she heard four shots.\n\nTuesday's shooting was the third in the area this month.\n"
    )
    assert _date(text) == ("Tuesday", date(2024, 3, 5))


def test_full_date_further_down_when_the_lead_dates_nothing() -> None:
    text = (
        "A police officer who shot a teenager is suing the teenager's family.\n\n"
        "The lawsuit seeks damages for emotional distress.\n\n"
        "The family's lawyer called the suit a new low.\n\n"
        "The teenager's father said the family was shocked.\n\n"
        "The teenager called 911 three times in the early morning of Dec. 26 to ask for help.\n"
    )
    assert _date(text, date(2024, 2, 8)) == ("Dec. 26", date(2023, 12, 26))


# --- a sentence is not about another event for a recent year or a number that is no year ----------


def test_recent_year_in_a_follow_up_is_the_incident() -> None:
    text = (
        "HARTFORD — Police arrested a suspect Friday in a homicide from last winter.\n\n"
        "Around 4 a.m. on December 12, 2023, police were called to Griswold Street for a report of a "
        "person shot.\n"
    )
    assert _date(text, date(2024, 1, 25)) == ("on December 12, 2023", date(2023, 12, 12))


def test_block_number_is_not_a_year() -> None:
    text = (
        "A woman has been charged with aggravated assault, according to jail records.\n\n"
        "About 5 p.m. Tuesday, deputies responded to the 2000 block of First Avenue, where they found a "
        "man with a gunshot wound to the leg.\n"
    )
    assert _date(text) == ("Tuesday", date(2024, 3, 5))


def test_clock_time_is_not_a_year_in_wire_copy() -> None:
    text = (
        "SANTIAGO, 7 MAR 24 (RADIO EJEMPLO) -- [TEXT] AT APPROXIMATELY 1915 [2115 GMT] TODAY, A BOMB "
        "WENT OFF AT THE GATE OF A UNIVERSITY IN THE CAPITAL.  NO ONE WAS HURT.\n"
    )
    assert _date(text, date(2024, 3, 7)) == ("TODAY", date(2024, 3, 7))


# --- relative phrases -------------------------------------------------------------------------------


def test_minutes_ago_in_breaking_wire_copy() -> None:
    text = (
        "BOGOTA, 7 MAR 24 (RADIO EJEMPLO) -- [TEXT] TWO BOMBS EXPLODED A FEW MINUTES AGO IN THE "
        "CHAPINERO NEIGHBORHOOD.  ONE PERSON WAS WOUNDED.\n"
    )
    assert _date(text, date(2024, 3, 7)) == ("A FEW MINUTES AGO", date(2024, 3, 7))


def test_the_previous_afternoon() -> None:
    text = (
        "One man remained hospitalized and another was behind bars Friday following a shooting in the "
        "north of the city the previous afternoon, police said.\n"
    )
    assert _date(text, date(2024, 3, 8)) == ("the previous afternoon", date(2024, 3, 7))


@pytest.mark.parametrize("case", [str, str.upper])
def test_same_date_in_upper_case(case: object) -> None:
    text = (
        "Police arrested a 19-year-old man on Wednesday in the shooting death of a convenience store "
        "clerk.\n\nThe clerk was shot Sunday night during a robbery at the store on Elm Street, police said.\n"
    )
    assert callable(case)
    as_stated, when = _date(case(text))
    assert as_stated is not None and as_stated.lower() == "sunday night"
    assert when == date(2024, 3, 3)


def test_whole_engine_takes_the_acts_date() -> None:
    text = (
        "A man who was shot and wounded by deputies after a chase pleaded not guilty Tuesday to assault "
        "charges.\n\nDeputies opened fire on Feb. 12 when the man drove at them, the sheriff said.\n"
    )
    draft = extract_draft(text, date(2024, 3, 7))
    assert draft.is_incident
    assert draft.date is not None and draft.date.as_stated == "on Feb. 12"


def test_wire_statement_date_alone_gives_no_incident_date() -> None:
    # the minister spoke today; when the judge was killed the report does not say
    text = (
        "SAN SALVADOR, 7 MAR 24 (RADIO EJEMPLO) -- [TEXT] THE FOREIGN MINISTER TODAY CONDEMNED THE "
        "MURDER OF A JUDGE IN THE CAPITAL AND CALLED FOR AN INVESTIGATION.\n"
    )
    assert _date(text, date(2024, 3, 7)) == (None, None)


def test_date_that_names_the_act_is_not_a_follow_up() -> None:
    text = (
        "LIMA, 7 MAR 24 (RADIO EJEMPLO) -- [TEXT] POLICE ARE INVESTIGATING A TUESDAY NIGHT BOMBING "
        "AT A BANK IN THE CENTER OF THE CITY.\n"
    )
    assert _date(text, date(2024, 3, 7)) == ("TUESDAY NIGHT", date(2024, 3, 5))


def test_date_in_a_clause_of_time_about_something_else() -> None:
    text = (
        "SAN JOSE, 9 JUN 89 (RADIO EJEMPLO) -- [TEXT] ONLY 8 DAYS AFTER TAKING OFFICE ON 1 JUNE, THE "
        "MINISTER WAS KILLED NEAR HIS HOME.  THE ATTACK TOOK PLACE EARLY THIS MORNING.\n"
    )
    assert _date(text, date(1989, 6, 9)) == ("EARLY THIS MORNING", date(1989, 6, 9))


def test_wire_statement_verb_before_today() -> None:
    text = (
        "SAN SALVADOR, 7 MAR 24 (RADIO EJEMPLO) -- [TEXT] THE ARMED FORCES DENIED TODAY THAT THEIR PLANES "
        "HAD BOMBED A VILLAGE.  THE VILLAGE WAS BOMBED ON 4 MARCH, THE CHURCH SAID.\n"
    )
    assert _date(text, date(2024, 3, 7)) == ("ON 4 MARCH", date(2024, 3, 4))


def test_riddled_with_bullets_is_the_act() -> None:
    text = (
        "SAN SALVADOR, 10 OCT 89 (RADIO EJEMPLO) -- [TEXT] SEVERAL GROUPS HAVE CONDEMNED THE MURDER OF A "
        "JOURNALIST'S WIFE.  SHE WAS RIDDLED WITH BULLETS NEAR THE UNIVERSITY CAMPUS AND THE MAIN "
        "MARKET OF THE CITY, IN FRONT OF MANY WITNESSES, THIS MORNING.\n"
    )
    assert _date(text, date(1989, 10, 10)) == ("THIS MORNING", date(1989, 10, 10))


# --- an act told only by the clock under a dated dateline: the dateline's day ---------------------


def test_dateline_day_for_an_act_told_by_the_clock() -> None:
    text = (
        "FAIRVIEW, Ind. (March 7, 2024) – Police are looking for two men after a shooting outside a "
        "gas station.\n\nOfficers were called to the 200 block of Main Street around 2 a.m. and found a "
        "man shot in the arm.\n"
    )
    assert _date(text) == ("March 7, 2024", date(2024, 3, 7))
    assert _date(text, None) == ("March 7, 2024", date(2024, 3, 7))


def test_dateline_day_not_without_an_hour() -> None:
    text = (
        "FAIRVIEW, Ind. (March 7, 2024) – Police are looking for two men after a shooting outside a "
        "gas station.\n\nThe man who was shot is expected to survive, police said.\n"
    )
    assert _date(text) == (None, None)


def test_a_day_in_the_text_beats_the_dateline() -> None:
    text = (
        "FAIRVIEW, Ind. (March 7, 2024) – Police are looking for two men after a shooting outside a "
        "gas station.\n\nOfficers were called to Main Street around 11 p.m. Tuesday and found a man shot "
        "in the arm.\n"
    )
    assert _date(text) == ("Tuesday", date(2024, 3, 5))


def test_dateline_day_in_wire_copy_by_the_24_hour_clock() -> None:
    text = (
        "SAN SALVADOR, 7 MAR 24 (RADIO EJEMPLO) -- [TEXT] A BOMB EXPLODED AT 1215 (1815 GMT) IN FRONT "
        "OF A BANK IN THE CAPITAL, DAMAGING THE WINDOWS.\n"
    )
    assert _date(text, date(2024, 3, 7)) == ("7 MAR 24", date(2024, 3, 7))


def test_no_dateline_day_for_an_hour_that_times_no_act() -> None:
    text = (
        "SAN SALVADOR, 7 MAR 24 (RADIO EJEMPLO) -- [TEXT] THE POLLS CLOSED AT 1600 (2200 GMT) IN A CALM "
        "CLIMATE.  A JUDGE WAS SHOT DEAD IN FRONT OF HIS HOUSE IN THE CAPITAL.\n"
    )
    assert _date(text, date(2024, 3, 7)) == (None, None)


# --- clauses: "and" between two names joins no clauses; the date after "charged with" an act ------


def test_and_between_names_keeps_the_surrender_in_the_clause() -> None:
    text = (
        "The man wanted in a shooting surrendered to the Fairview and Lakeside police late Thursday "
        "night, officials said.\n\nOfficers responded at 2 a.m. on Tuesday, March 5, to a report of "
        "shots fired at a house on Pine Street.\n"
    )
    assert _date(text) == ("on Tuesday, March 5", date(2024, 3, 5))


def test_date_after_charged_with_an_act_dates_the_act() -> None:
    text = (
        "A man who was shot by deputies after a chase pleaded not guilty Tuesday to assault charges.\n\n"
        "He is charged with assaulting a deputy with his truck on Feb. 12, prosecutors said.\n"
    )
    assert _date(text) == ("on Feb. 12", date(2024, 2, 12))


def test_a_past_month_that_dates_the_charge_leaves_the_acts_date() -> None:
    text = (
        "A man who was shot by deputies after a chase pleaded not guilty Tuesday to assault charges.\n\n"
        "He was charged last month with assaulting a deputy with his truck on Feb. 12, prosecutors said.\n"
    )
    assert _date(text) == ("on Feb. 12", date(2024, 2, 12))


def test_a_past_month_that_dates_the_act_is_still_another_event() -> None:
    text = (
        "A man was shot and wounded outside a bar on Oak Street, police said.\n\n"
        "Last month a woman was shot on Jan. 20 at the same corner, neighbors said.\n"
    )
    assert _date(text) == (None, None)


# --- acts that make the article an incident report (and so its date is read) ---------------------


@pytest.mark.parametrize(
    ("text", "as_stated"),
    [
        (
            "A deputy is expected to recover after he was shot by a convicted felon Friday morning, the "
            "sheriff said.\n",
            "Friday morning",
        ),
        (
            "Three armed men broke into a home and held a woman and her son at gunpoint Sunday night, "
            "police said.\n",
            "Sunday night",
        ),
        (
            "Police released photos of a man wanted in an armed robbery at a pharmacy.\n\nIt happened on "
            "Feb. 20 at 1 p.m., when the man showed a handgun to the cashier and took the money.\n",
            "on Feb. 20",
        ),
        (
            "A man is in custody after an officer saw him driving a pickup and firing bullets into the "
            "air.\n\nThe incident happened Saturday night near Elm Street.\n",
            "Saturday night",
        ),
        (
            "A man surrendered to police late Thursday.\n\nOfficers found that shots had been fired into "
            "a neighbor's apartment on Wednesday, police said.\n",
            "on Wednesday",
        ),
        (
            "Police arrested a man and charged him with murder in the death of a store clerk.\n\nThe "
            "clerk was found in the back room on Feb. 28, police said.\n",
            "on Feb. 28",
        ),
        (
            "A teenager is in custody for the murder of a delivery driver on Monday night.\n",
            "on Monday night",
        ),
        (
            "Someone in the car fired as many as five shots at a trooper on Tuesday.\n",
            "on Tuesday",
        ),
        (
            "An officer will not face charges after he shot the passenger of a fleeing car on Feb. 2, the "
            "prosecutor said.\n",
            "on Feb. 2",
        ),
        (
            "A man displayed a handgun and took a woman's car at a gas station on Wednesday evening, "
            "police said.\n",
            "on Wednesday evening",
        ),
    ],
)
def test_gun_crimes_are_incident_reports(text: str, as_stated: str) -> None:
    draft = extract_draft(text, THU)
    assert draft.is_incident
    assert draft.date is not None and draft.date.as_stated == as_stated


def test_a_verdict_is_still_no_incident_report() -> None:
    text = "A man was convicted of murder on Tuesday for a shooting outside a bar two years ago.\n"
    assert not extract_draft(text, THU).is_incident


def test_firing_rockets_is_no_act_against_people() -> None:
    from summarizer.engines.rules.classify import violent_act

    assert not violent_act("Helicopters are firing rockets at the hills north of the capital.")
    assert violent_act("The driver was seen firing shots at a passing car.")


# --- a date of the discovery next to the act's own date: the act's ---------------------------------


def test_date_of_the_discovery_gives_way_to_the_acts() -> None:
    text = (
        "GUATEMALA CITY, 7 MAR 24 (RADIO EJEMPLO) -- [TEXT] THE BODIES WERE FOUND TODAY NEAR THE BORDER "
        "AFTER THE VICTIMS WERE KIDNAPPED IN THE CAPITAL YESTERDAY.\n"
    )
    assert _date(text, date(2024, 3, 7)) == ("YESTERDAY", date(2024, 3, 6))


def test_date_of_the_discovery_when_it_is_the_only_one() -> None:
    text = "The body of a man who had been shot was found Tuesday morning in a field off Route 9.\n"
    assert _date(text) == ("Tuesday morning", date(2024, 3, 5))


def test_date_before_a_later_steps_verb_dates_that_step() -> None:
    text = (
        "BOGOTA, 7 MAR 24 (RADIO EJEMPLO) -- [TEXT] THE POLICE TODAY RESCUED A BUSINESSMAN WHO HAD BEEN "
        "KIDNAPPED, AND FOUND HIM UNHARMED.  HE WAS KIDNAPPED ON 2 MARCH BY SEVERAL ARMED MEN.\n"
    )
    assert _date(text, date(2024, 3, 7)) == ("ON 2 MARCH", date(2024, 3, 2))


# --- a later step's date with the act's distance from it ------------------------------------------


def test_death_date_a_day_after_the_shooting_is_the_day_before() -> None:
    text = (
        "Dana Ortiz, 41, died Wednesday, March 6, a day after she was shot outside a laundromat on "
        "Pine Street, according to the county coroner.\n\nNo arrests have been made.\n"
    )
    assert _date(text) == ("Wednesday, March 6, a day after", date(2024, 3, 5))


def test_report_date_told_as_days_after_the_killing() -> None:
    text = (
        "The family of a man accused of killing a deputy says the county ignored their calls.\n\n"
        "The family spoke to reporters on March 4, two days after the deputy was killed, and asked for "
        "an inquiry.\n\nOn February 10, a letter was sent to the parole office, the family said.\n"
    )
    assert _date(text) == ("on March 4, two days after", date(2024, 3, 2))


def test_days_after_something_else_is_no_distance_to_the_act() -> None:
    # "two days after the election" tells no distance to the shooting
    text = "A man was shot Tuesday night on Main Street, two days after the election, police said.\n"
    assert _date(text) == ("Tuesday night", date(2024, 3, 5))


def test_summary_template_leaves_out_a_distance_date() -> None:
    from summarizer.engines.rules.summary import _template
    from summarizer.schema import DraftCount, DraftLocation

    killed = DraftCount(value=1, qualifier="exact", as_stated="died", quote="Dana Ortiz died.")
    where = DraftLocation(city="Dayton", country="United States", quote="in Dayton")
    plain = _template(killed, None, where, "shooting", "on Tuesday")
    assert plain.endswith("in Dayton, United States, on Tuesday.")
    # "on Wednesday, March 6, a day after" would date the shooting a day late
    assert _template(killed, None, where, "shooting", "Wednesday, March 6, a day after").endswith(
        "in Dayton, United States."
    )


def test_days_after_a_statement_is_no_distance_to_the_act() -> None:
    # the two days run from what police said, not from the shooting
    text = (
        "A man was shot Monday night on Oak Street.\n\nHis family held a vigil on March 6, two days "
        "after police said he was shot by a neighbor.\n"
    )
    assert _date(text) == ("Monday night", date(2024, 3, 4))


# --- the act's weekday is the publication day's, but a later statement names another weekday ------


def test_week_of_act_moves_back_when_a_statement_comes_on_another_weekday() -> None:
    from summarizer.normalize.dates import week_of_act

    text = (
        "A man shot by deputies outside a grain elevator on Thursday has died, the coroner's office said.\n\n"
        "Sheriff Ana Ruiz said Friday that the two deputies had been placed on leave.\n"
    )
    resolved = resolve_date("on Thursday", text, THU)
    assert resolved.iso == THU
    # read against Thursday, March 7 the statement would be Friday, March 1: before the act
    assert week_of_act(text, "on Thursday", resolved, THU).iso == date(2024, 2, 29)


def test_week_of_act_keeps_the_day_without_a_statement_on_another_weekday() -> None:
    from summarizer.normalize.dates import week_of_act

    same_day = (
        "A man shot by deputies outside a grain elevator on Thursday has died.\n\n"
        "Sheriff Ana Ruiz said Thursday that the two deputies had been placed on leave.\n"
    )
    coming = (
        "A man shot by deputies outside a grain elevator on Thursday has died.\n\n"
        "The sheriff will hold a news conference Friday.\n"
    )
    for text in (same_day, coming):
        resolved = resolve_date("on Thursday", text, THU)
        assert week_of_act(text, "on Thursday", resolved, THU).iso == THU
    # an act on an earlier day of the week is left alone, and so is an explicit date
    text = "A man was shot on Tuesday.\n\nPolice said Wednesday they had no suspect.\n"
    tue = resolve_date("on Tuesday", text, THU)
    assert week_of_act(text, "on Tuesday", tue, THU).iso == date(2024, 3, 5)
    explicit = resolve_date("March 7", text, THU)
    assert week_of_act(text + "He said Monday.", "March 7", explicit, THU).iso == THU


def test_report_dates_the_act_a_week_back_before_a_later_weekday_statement() -> None:
    from summarizer import Settings, Summarizer

    text = (
        "A woman was shot and killed by a police officer outside a bowling alley on Thursday, "
        "state police said.\n\nThe county prosecutor said Friday that the officer had been "
        "placed on paid leave while the shooting is reviewed.\n"
    )
    report = Summarizer(Settings(engine="rules", cache_enabled=False)).summarize(text, published=THU)
    assert report.incident is not None and report.incident.date is not None
    assert report.incident.date.iso == date(2024, 2, 29)


# --- nothing dates the act: a later step's day in the body is the best the article gives ----------


def test_a_later_step_in_the_body_dates_an_act_nothing_else_dates() -> None:
    text = (
        "Two men held up a pharmacy on Grove Street and one of them shot a clerk in the arm.\n\n"
        "The clerk was taken to a hospital and is expected to recover.\n\n"
        "Officers caught one of the men a few blocks away.\n\n"
        "He had a revolver in his coat, an officer said.\n\n"
        "The owner said the store had been robbed twice before.\n\n"
        "A search continued Wednesday afternoon for the second man, police said.\n"
    )
    assert _date(text) == ("Wednesday afternoon", date(2024, 3, 6))
    # one still to come never dates it
    coming = text.replace("A search continued Wednesday afternoon", "A search will resume Friday")
    assert _date(coming) == (None, None)


# --- the lead dates only a discovery: the act's own date elsewhere comes first ----------------------


def test_a_discovery_date_in_the_lead_gives_way_to_the_acts_date() -> None:
    text = (
        "The body of a missing farmer was found Thursday morning in a drainage ditch outside Milltown.\n\n"
        "Relatives said two men forced him into a pickup truck on Tuesday evening and drove off.\n"
    )
    assert _date(text) == ("on Tuesday evening", date(2024, 3, 5))
    # with no other date the discovery's is still taken
    alone = text.split("\n\n")[0] + "\n"
    assert _date(alone) == ("Thursday morning", THU)


def test_a_discovery_date_in_wire_copy_gives_way_to_the_acts_date() -> None:
    text = (
        "   QUITO, 7 MAR 90 (RADIO EJEMPLO) -- [TEXT] THE POLICE HAVE ANNOUNCED THAT A JUDGE WAS MURDERED "
        "AND THAT HIS BODY WAS FOUND TODAY.\n\n   YESTERDAY FOUR ARMED MEN KIDNAPPED THE JUDGE OUTSIDE "
        "HIS HOME IN AMBATO.\n"
    )
    assert _date(text, published=date(1990, 3, 7)) == ("YESTERDAY", date(1990, 3, 6))


# --- a date that opens its clause dates the act the clause tells ------------------------------------


def test_wire_fronted_date_dates_the_act_after_a_long_subject() -> None:
    text = (
        "QUITO, 7 MAR 24 (RADIO EJEMPLO) -- [TEXT] THIS AFTERNOON, ON THE NAPO RIVER, IN THE EASTERN "
        "PROVINCE, AT ABOUT TWO KM FROM THE BORDER, A SMALL RIVER BOAT CARRYING FOUR TRADERS AND THEIR "
        "GOODS WAS STOPPED BY AN ARMED LAUNCH WHOSE CREW FIRED AUTOMATIC WEAPONS.  ONE TRADER WAS "
        "KILLED.\n"
    )
    assert _date(text) == ("THIS AFTERNOON", THU)


def test_mixed_case_fronted_date_dates_the_act() -> None:
    text = (
        "Early Sunday, a 22-year-old man who had been celebrating a birthday with friends at a bar on "
        "the north side of the city was shot in the chest; a friend had been robbed there on Friday.\n"
    )
    assert _date(text) == ("Early Sunday", date(2024, 3, 3))


def test_fronted_date_of_a_later_step_is_not_the_acts() -> None:
    text = (
        "On Tuesday, detectives arrested the man accused in the stabbing of a cook outside a diner on "
        "Main Street.\n\nThe cook was stabbed late Saturday night, police said.\n"
    )
    assert _date(text) == ("late Saturday night", date(2024, 3, 2))


# --- a date that closes a clause before ", said" is not the statement's --------------------------


def test_date_before_comma_said_closes_the_victims_clause() -> None:
    text = (
        "SAN SALVADOR, 7 MAR 24 (RADIO EJEMPLO) -- [TEXT] MEDICAL SOURCES TODAY REPORTED THAT THE "
        "TEACHER IS OUT OF DANGER.  A DOCTOR AT THE HOSPITAL TO WHICH THE TEACHER WAS TAKEN AFTER "
        "BEING WOUNDED BY GUNMEN ON 4 MARCH, SAID THAT SHE WILL RECOVER.\n"
    )
    assert _date(text) == ("ON 4 MARCH", date(2024, 3, 4))


# --- a date after the publication is never the incident's ----------------------------------------


def test_a_later_year_date_is_never_the_incident_date() -> None:
    text = (
        "LIMA, 7 MAR 24 (RADIO EJEMPLO) -- [TEXT] ACCORDING TO AN ARMY REPORT, THE REBELS PLAN "
        "ATTACKS TO DISRUPT THE MUNICIPAL ELECTIONS OF 14 APRIL 2024 IN THE SOUTHERN PROVINCES.\n"
    )
    assert _date(text) == (None, None)


# --- wire acts told as a crime committed or terrorist actions ------------------------------------


def test_wire_crime_perpetrated_on_a_day() -> None:
    text = (
        "SAN SALVADOR, 7 MAR 24 (RADIO EJEMPLO) -- [TEXT] THE GOVERNMENT WILL DISCLOSE THE NAMES OF "
        "THOSE IMPLICATED IN THE CRIME PERPETRATED ON 2 MARCH AT THE NATIONAL UNIVERSITY, A "
        "SPOKESMAN SAID TODAY.\n"
    )
    assert _date(text) == ("ON 2 MARCH", date(2024, 3, 2))


def test_wire_terrorist_actions_on_a_night() -> None:
    text = (
        "BOGOTA, 7 MAR 24 (RADIO EJEMPLO) -- [TEXT] THE CAPITAL DID NOT ESCAPE THE TERRORIST ACTIONS "
        "OF ORGANIZED GANGS ON TUESDAY NIGHT.  TWO POLICEMEN WERE SHOT TO DEATH IN THE WEST.\n"
    )
    assert _date(text) == ("ON TUESDAY NIGHT", date(2024, 3, 5))


def test_wire_date_of_a_reaffirmed_pledge_is_not_the_acts() -> None:
    text = (
        "SAN SALVADOR, 7 MAR 24 (RADIO EJEMPLO) -- [TEXT] THE GOVERNMENT YESTERDAY REAFFIRMED ITS "
        "WILLINGNESS TO INVESTIGATE THE ATTACK AGAINST THE UNION HEADQUARTERS.\n"
    )
    assert _date(text) == (None, None)


def test_fronted_date_gives_way_to_the_acts_own_date_in_its_clause() -> None:
    text = (
        "On Tuesday, the man who was shot Sunday in the 400 block of Oak Street remained in critical "
        "condition.\n"
    )
    assert _date(text) == ("Sunday", date(2024, 3, 3))


def test_death_at_a_named_hospital_dates_the_death_not_the_act() -> None:
    text = (
        "A second victim died at Saint Mary's Regional Medical Center on Wednesday night, police said.\n\n"
        "The two men were shot outside a bar on Elm Street on Saturday.\n"
    )
    assert _date(text) == ("on Saturday", date(2024, 3, 2))


@pytest.mark.parametrize(
    ("lead", "stated", "day"),
    [
        (
            "Saturday's slaying came hours after a man was shot on Friday night on the same block.",
            "Saturday",
            2,
        ),
        (
            "Tuesday's gunfire came a day after a woman was wounded on Monday on the same street.",
            "Tuesday",
            5,
        ),
        (
            "BOGOTA, 7 MAR 24 (RADIO EJEMPLO) -- [TEXT] LAST NIGHT'S TERRORIST TARGET WAS A LIQUOR PLANT "
            "IN THE NORTH OF THE CITY.",
            "LAST NIGHT",
            6,
        ),
    ],
)
def test_possessive_date_of_an_act_named_without_an_event_noun(lead: str, stated: str, day: int) -> None:
    assert _date(lead + "\n") == (stated, date(2024, 3, day))
