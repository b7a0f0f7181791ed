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


def test_see_of_a_bishop_or_where_a_victim_was_taken_is_not_the_acts_town() -> None:
    head = "   SAN SALVADOR, 6 MAY 90 (RADIO EJEMPLO) -- [TEXT] "
    text = (
        head
        + "THE ARCHBISHOP OF SAN SALVADOR TODAY CONDEMNED THE MURDER OF TWO PEASANTS IN USULUTAN DEPARTMENT.\n"
    )
    assert _place(text) == (None, "El Salvador")
    killed = (
        "TWO PEASANTS WERE KILLED BY SOLDIERS IN USULUTAN DEPARTMENT YESTERDAY.  A THIRD MAN WHO WAS SHOT IN "
    )
    assert _place(head + killed + "THE LEG WAS FLOWN TO SAN SALVADOR.\n")[0] is None
    assert _place(head + killed + "THE LEG WAS RUSHED TO A HOSPITAL IN SAN SALVADOR.\n")[0] is None
    # the act's own town is still read
    assert (
        _place(head + "TWO PEASANTS WERE KILLED BY SOLDIERS IN SAN SALVADOR YESTERDAY.\n")[0]
        == "San Salvador"
    )


def test_surname_named_like_a_town_before_a_second_surname_is_no_town() -> None:
    text = (
        "   SAN SALVADOR, 6 MAY 90 (RADIO EJEMPLO) -- [TEXT] THE FRONT TODAY DENIED ANY ROLE IN THE MURDER "
        "OF THE MINISTER.  A SPOKESMAN SAID THE STATEMENT WAS MEANT TO IMPLICATE THE FRONT IN RODRIGUEZ "
        "PORTH'S ASSASSINATION.\n"
    )
    assert _place(text)[0] is None


def test_town_of_x_before_its_verb() -> None:
    text = (
        "   LIMA, 6 MAY 90 (RADIO EJEMPLO) -- [TEXT] THE POLICE TODAY REPORTED A NEW WAVE OF ATTACKS.  THE "
        "POWER STATION OF THE SMALL TOWN OF CHUQUIBAMBILLA WAS DESTROYED BY A DYNAMITE BLAST LAST NIGHT.\n"
    )
    assert _place(text) == ("Chuquibambilla", "Peru")


def test_dateline_town_read_without_a_population_is_still_a_known_city_abroad() -> None:
    from summarizer.engines.rules.context import Context
    from summarizer.engines.rules.location import _known_abroad
    from summarizer.normalize.places import Place

    text = (
        "   MEXICO CITY (MEXICO), 6 MAY 90 (RADIO EJEMPLO) -- [TEXT] GUERRILLAS MURDERED TWO POLICEMEN "
        "IN GUATEMALA YESTERDAY.\n"
    )
    ctx = Context.build(text, None, None)
    start = text.index("MEXICO CITY")
    town = Place("city", "Mexico City", start, start + 11, "MEXICO CITY")  # as a dateline reads it
    assert _known_abroad((town, ctx.body[0]), "Guatemala", ctx, None)
    assert not _known_abroad((town, ctx.body[0]), "Mexico", ctx, None)
