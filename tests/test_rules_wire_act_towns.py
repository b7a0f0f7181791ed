"""Wire copy: the town of the act when the dateline is not it (invented reports in the style of
radio and agency copy)."""

from __future__ import annotations

from summarizer.engines.rules.engine import extract_draft


def _place(text: str) -> tuple[str | None, str | None]:
    draft = extract_draft(text, None)
    assert draft.is_incident
    loc = draft.location
    return (loc.city, loc.country) if loc is not None else (None, None)


def test_dateline_town_outvoting_the_acts_town_gives_way_to_it() -> None:
    # the dateline outweighs a town named once, late; the dateline is where the report was filed
    text = (
        "   BOGOTA, 6 MAY 90 (RADIO EJEMPLO) -- [TEXT] THE GOVERNMENT TODAY CONDEMNED THE MURDER OF A "
        "JUDGE.  THE MINISTER OF JUSTICE MET THE PRESS THIS AFTERNOON.  HE DID NOT TAKE QUESTIONS.  TWO "
        "MEN WERE ARRESTED IN CALI IN CONNECTION WITH THE MURDER.\n"
    )
    assert _place(text) == ("Cali", "Colombia")


def test_known_city_of_another_country_is_not_the_acts_town() -> None:
    # the report is on El Salvador; Managua is the dateline and a past war's town
    text = (
        "   MANAGUA, 6 MAY 90 -- [COMMENTARY] [TEXT] THE MURDER OF TWO TEACHERS IN EL SALVADOR YESTERDAY "
        "SHOWS THE BRUTAL NATURE OF THE SALVADORAN ARMY.  WE REMEMBER HOW A FOREIGN REPORTER WAS KILLED "
        "WHILE COVERING THE WAR IN MANAGUA.\n"
    )
    assert _place(text) == (None, "El Salvador")


def test_hospital_named_after_a_town_is_no_town() -> None:
    text = (
        "   BOGOTA, 6 MAY 90 (RADIO EJEMPLO) -- [TEXT] DOCTORS OF THE LA CHORRERA HOSPITAL TODAY SAID THE "
        'AREA WAS SHELLED ALL NIGHT.  "FROM THE LA CHORRERA HOSPITAL WE HEARD THE BOMB EXPLOSIONS," A NURSE '
        "SAID.\n"
    )
    assert _place(text)[0] is None


def test_town_where_the_crime_was_committed_or_the_incident_occurred() -> None:
    head = "   BOGOTA, 6 MAY 90 (RADIO EJEMPLO) -- [TEXT] THE POLICE TODAY ARRESTED TWO MEN FOR THE MURDER OF A JUDGE.  "
    assert _place(head + "THE CRIME WAS COMMITTED YESTERDAY IN PEREIRA.\n")[0] == "Pereira"
    assert _place(head + "THE INCIDENT OCCURRED YESTERDAY IN PEREIRA.\n")[0] == "Pereira"
    # a crime only named is no act told
    assert _place(head + "THEY WERE HEARD BY A JUDGE IN PEREIRA AND CHARGED WITH THE CRIME.\n")[0] is None
