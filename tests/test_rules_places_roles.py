"""The incident's place in US local news, by the role each place name plays in its sentence: a
county agency, an institution named after a town, a street, where a suspect was arrested or a
victim treated, where someone lives. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from summarizer.engines.rules.engine import extract_draft
from summarizer.engines.rules.mention_role import mention_factor


def _city(text: str, title: str | None = None) -> str | None:
    draft = extract_draft(text, None, title)
    assert draft.is_incident
    assert draft.location is not None
    return draft.location.city


def _factor(text: str, name: str, *, county: bool = False) -> float:
    start = text.index(name)
    return mention_factor(text, start, start + len(name), 0, county=county)


def test_a_county_agency_gives_way_to_the_town_named() -> None:
    city = _city(
        "Dana Whitfield, 31, died Friday after being shot in Elmwood Flats, according to Orange County "
        "coroner's records."
    )
    assert city == "Elmwood Flats"


def test_investigators_in_a_county_are_an_agency() -> None:
    text = "Investigators in Pasco County said the boy was shot at the home on Birch Drive in Holiday."
    assert _factor(text, "Pasco County", county=True) < 0.5
    assert _factor("A man was shot in Pasco County, Florida.", "Pasco County", county=True) == 1.0


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("(Photo: Jane Roe/Atlanta Journal-Constitution via AP)", "Atlanta"),
        ("The Pueblo Chieftain reported the shooting.", "Pueblo"),
        ("Police found him in the 3300 block of South Oakley on Friday.", "Oakley"),
        ("A second man was found at Concord and Market streets.", "Concord"),
    ],
)
def test_institutions_and_streets_named_after_towns_are_no_place(text: str, name: str) -> None:
    assert _factor(text, name) == 0.0


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The suspect was taken into custody in Erie, Pennsylvania, on Monday.", "Erie"),
        ("A friend drove her to Saint Francis Hospital in Evanston.", "Evanston"),
        ("The boy was taken to Denver Children's Hospital, where he died.", "Denver"),
        ("The victim, Ray Shannon of Spokane, Washington, died at the scene.", "Spokane"),
        ("The parents, Ann Farley, 29, and Jo Farley, 29, both of Sparta, were questioned.", "Sparta"),
    ],
)
def test_where_someone_was_arrested_treated_or_lives_counts_less(text: str, name: str) -> None:
    assert 0.0 < _factor(text, name) < 0.5


def test_a_hospital_that_was_attacked_is_the_acts_place() -> None:
    assert _factor("Gunmen stormed the hospital in Tarnow and opened fire on the guards.", "Tarnow") == 1.0
    assert _factor("Gunmen stormed the Tarnow Hospital and opened fire on the guards.", "Tarnow") == 1.0


def test_the_arrest_town_is_not_the_shooting_town() -> None:
    city = _city(
        "CLEVELAND -- A man who shot two people was taken into custody Monday night in Erie, Pennsylvania. "
        "The shooting happened near Woodland Avenue in Cleveland."
    )
    assert city == "Cleveland"


def test_a_residents_town_gives_way_to_the_place_of_the_shooting() -> None:
    city = _city("A Downers Grove man shot a woman inside a store Thursday evening in Darien, police said.")
    assert city == "Darien"


def test_a_dateline_town_of_a_us_report_is_the_american_one() -> None:
    city = _city(
        "PUEBLO, Colo. -- A 9-year-old boy was shot and killed in a parked car on Monday, police said. "
        "The boy's brother found the gun."
    )
    assert city == "Pueblo"


# --------------------------------------------------------------------------------------------------
# the country of a US report that names little of its geography
# --------------------------------------------------------------------------------------------------


def _country(text: str, title: str | None = None) -> str | None:
    draft = extract_draft(text, None, title)
    assert draft.is_incident
    assert draft.location is not None
    return draft.location.country


def test_a_headline_town_brings_its_country() -> None:
    country = _country(
        "One man was shot in the back and a 29-year-old man was shot several times on Sunday night.",
        "Philadelphia police investigating double shooting | 6abc.com",
    )
    assert country == "United States"


def test_a_state_named_as_a_state_is_the_united_states() -> None:
    country = _country(
        "A man accidentally shot a woman in a Washington state movie theater, police said. He had gone "
        'to see "The Last Days of Benghazi" with friends.'
    )
    assert country == "United States"


def test_a_call_sign_in_the_headlines_outlet_is_a_us_cue() -> None:
    country = _country(
        "A young mother of three is dead following a Jan. 14 shooting in Bond Hill.",
        "Mother dies nine days after shooting | Local News - WXYZ Home",
    )
    assert country == "United States"


def test_people_and_venues_are_no_towns() -> None:
    draft = extract_draft(
        "Adam Collins, a spokesman for the mayor, said the officer shot the teen. The shooting happened at "
        "Empire Corner II restaurant, where Officer RJ Smith was standing.",
        None,
        None,
    )
    assert draft.location is None or draft.location.city not in {"Adam", "Empire Corner", "Officer"}
    assert draft.location is None or draft.location.country in {None, "United States"}


# --------------------------------------------------------------------------------------------------
# counties and neighbourhoods
# --------------------------------------------------------------------------------------------------


def test_a_saints_county_is_read_whole() -> None:
    city = _city(
        "ST. LOUIS COUNTY, MO (KXYZ) - A 3-year-old boy was shot and killed in his north St. Louis County "
        "home Monday morning. St. Louis County Police were looking for a teenager."
    )
    assert city == "St. Louis County"


def test_a_dateline_county_abbreviation_is_the_county() -> None:
    city = _city(
        "ROCKBRIDGE CO., Va., - Deputies are searching for a man who shot at a deputy on Saturday. "
        "The deputy was not hurt."
    )
    assert city == "Rockbridge County"


def test_a_named_neighbourhood_gives_way_to_its_city() -> None:
    city = _city(
        "CHICAGO (WXYZ) -- A man was wounded by a Chicago police officer Saturday afternoon in the "
        "Washington Heights neighborhood, police said."
    )
    assert city == "Chicago"


def test_a_neighbourhood_stands_when_no_city_is_named() -> None:
    text = "A man is hospitalized after a shooting in the Feltonville section on Tuesday night."
    assert _factor(text, "Feltonville") < 1.0
    assert _city(text) == "Feltonville"


# --------------------------------------------------------------------------------------------------
# small places abroad, introduced with their district
# --------------------------------------------------------------------------------------------------


def test_a_village_introduced_with_its_district_is_the_place() -> None:
    city = _city(
        "KANO, Nigeria -- Gunmen killed at least 14 people in an overnight raid on Dakwara, in Birnin "
        "Local Government Area, residents said. Nine wounded were taken to hospitals in Birnin and the "
        "state capital Kano."
    )
    assert city == "Dakwara"


def test_a_french_village_phrase_names_the_place() -> None:
    draft = extract_draft(
        "Au moins 20 civils ont été tués samedi dans une attaque contre le village de Kossogho, dans la "
        "province du Yagha. Les blessés ont été évacués vers Dori.",
        None,
        None,
    )
    assert draft.location is not None and draft.location.city == "Kossogho"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A resident who fled to the provincial capital Dori said the toll was higher.", "Dori"),
        ("Nine were wounded and taken to hospitals in Mangu and the state capital Jos.", "Jos"),
        ("Nine were wounded and taken to hospitals in Mangu and the state capital Jos.", "Mangu"),
    ],
)
def test_where_people_fled_or_were_treated_counts_less(text: str, name: str) -> None:
    assert 0.0 < _factor(text, name) < 0.5


# --------------------------------------------------------------------------------------------------
# the same report in upper case
# --------------------------------------------------------------------------------------------------


def test_an_upper_case_town_and_dash_opens_the_report() -> None:
    draft = extract_draft(
        "MILWAUKEE — POLICE ARE INVESTIGATING A SHOOTING THAT HAPPENED ON THURSDAY AFTERNOON. A 23-YEAR-OLD "
        "MAN WAS SHOT AND TAKEN TO THE HOSPITAL.",
        None,
        None,
    )
    assert draft.location is not None
    assert (draft.location.city, draft.location.country) == ("Milwaukee", "United States")


def test_upper_case_words_before_a_county_or_a_state_are_not_its_name() -> None:
    from summarizer.normalize.places import find_places

    regions = [
        p.name for p in find_places("A MAN SHOT BY MARION COUNTY DEPUTIES REMAINED IN CRITICAL CONDITION.")
    ]
    assert "Marion" in regions and not any("Shot" in r for r in regions)
    city = _city(
        "ASSOCIATED PRESS MEMPHIS, TENN. (AP) - A MAN ACCUSED OF FATALLY SHOOTING A POLICE OFFICER TURNED "
        "HIMSELF IN ON FRIDAY."
    )
    assert city == "Memphis"


# --------------------------------------------------------------------------------------------------
# wire copy: words that are no nationality, no region and no town
# --------------------------------------------------------------------------------------------------


def test_regional_american_is_no_nationality() -> None:
    from summarizer.normalize.places import find_country_adjectives

    found = [
        p.text
        for p in find_country_adjectives(
            "AT THE CENTRAL AMERICAN UNIVERSITY, WITH LATIN AMERICAN AND AMERICAN DIPLOMATS"
        )
    ]
    assert found == ["AMERICAN"]


def test_an_office_of_state_is_no_region() -> None:
    from summarizer.normalize.places import find_places

    assert find_places("THE SECRETARY OF STATE MET HEADS OF STATE ON MONDAY.") == []


def test_everyday_verbs_in_upper_case_are_no_towns() -> None:
    from summarizer.normalize.places import find_places

    text = "WE WOULD LIKE TO SAY THAT THEY COME TO SAVE AND BUY TIME, THE OFFICER SAID IN SAN SALVADOR."
    assert [p.name for p in find_places(text) if p.kind == "city"] == ["San Salvador"]


def test_a_repeated_nationality_does_not_outvote_the_country_named() -> None:
    text = (
        "MADRID (SPAIN), 18 NOV 89 (EFE) -- [TEXT] THE SPANISH DELEGATION WILL ATTEND THE FUNERALS OF THE "
        "PRIESTS WHO WERE MURDERED IN EL SALVADOR BY UNIDENTIFIED MEN. THE SPANISH PRIESTS HAD WORKED AT THE "
        "UNIVERSITY FOR YEARS. THE SPANISH GOVERNMENT CONDEMNED THE MURDER OF THE SPANISH PRIESTS. SPANISH "
        "BISHOPS AND SPANISH NUNS WILL TRAVEL WITH THE SPANISH DELEGATION."
    )
    draft = extract_draft(text, None, None)
    assert draft.location is not None and draft.location.country == "El Salvador"


# --------------------------------------------------------------------------------------------------
# towns named only by their agencies, counties only by theirs, a victim named with its role word
# --------------------------------------------------------------------------------------------------


def test_a_police_department_is_no_region_and_keeps_its_town() -> None:
    from summarizer.normalize.places import find_places

    places = find_places("The Houston Police Department said the man was shot on Tuesday.")
    assert [(p.kind, p.name) for p in places] == [("city", "Houston")]
    assert 0.0 < _factor("The Downey Police Department received 911 calls.", "Downey") < 1.0
    text = "He surrendered to Brown Deer and Milwaukee Police Department officers."
    assert 0.0 < _factor(text, "Brown Deer") < 1.0


def test_a_headline_town_outranks_a_county_named_only_by_its_agencies() -> None:
    city = _city(
        "A 4-year-old girl was wounded by a bullet that came through a window on Sunday night, the "
        "Orange County Sheriff's Department said. Deputies arrested a 20-year-old man on Monday.",
        "Chapel Hill drive-by shooting wounds girl | abc11.com",
    )
    assert city == "Chapel Hill"


def test_a_surname_named_after_the_victim_role_word_is_no_town() -> None:
    from summarizer.normalize.us_places import person_words

    words = person_words("Relatives of victim Maria Cantu spoke on Friday. Cantu was 15.")
    assert {"maria", "cantu"} <= words


def test_a_us_town_named_by_a_common_surname_is_read_where_the_act_is_placed() -> None:
    text = (
        "Two women were fatally shot on Sunday by two unknown men, officials said. The Hinds County "
        "coroner identified them on Monday. One of them was pregnant, her family said. Relatives gathered "
        "at a church. Both were pronounced dead on Pinecrest Drive in Jackson around 3:30."
    )
    assert _city(text) == "Jackson"
    # a state without a town of that name: no town (the surname stays a surname)
    other = text.replace("Hinds County", "Maricopa County")
    assert _city(other) != "Jackson"


def test_a_suburb_named_as_one_outranks_the_dateline_city() -> None:
    city = _city(
        "CHICAGO (CBS) — A man was wounded by a stray bullet Tuesday evening in far west suburban Elmcrest "
        "Ridge. Officers found him in the 1400 block of Maple Avenue."
    )
    assert city == "Elmcrest Ridge"
    # a resident described as suburban is no place of the act
    from summarizer.engines.rules.city import _TOWN

    assert not [m.group("f") for m in _TOWN.finditer("A suburban Elmcrest Ridge family is grieving.")]


def test_a_race_course_is_no_town_and_a_compass_word_is_no_first_name() -> None:
    city = _city(
        "A man was killed in a double shooting Tuesday afternoon near Pimlico Race Course. Police were "
        "called to the 5200 block of Denmore Ave. in the Arlington neighborhood of Northwest Baltimore."
    )
    assert city == "Baltimore"


def test_a_small_town_named_by_its_police_department_outranks_where_the_family_lives() -> None:
    city = _city(
        "A 7-year-old boy was accidentally shot inside the family van in a store parking lot on Monday, "
        "according to a Brantville Police Department incident report. Officers from Brantville's police "
        "and fire departments responded. The parents, Ann Farley, 29, and Jo Farley, 29, both of "
        "Sparta, Tenn., were questioned."
    )
    assert city == "Brantville"


def test_a_borough_named_in_the_event_sentence_outranks_the_dateline_county() -> None:
    city = _city(
        "DAUPHIN COUNTY, Pa. – A teenager was shot and killed in a home in Elmersville Borough shortly "
        "before 6 pm Thursday. The county coroner was called to the home."
    )
    assert city == "Elmersville"


def test_a_town_the_act_is_placed_south_of_is_a_candidate() -> None:
    city = _city(
        "A man was shot and killed early Saturday south of Pinevale, deputies said. The LeFlore County "
        "sheriff said a 17-year-old was arrested."
    )
    assert city == "Pinevale"


def test_an_address_of_residence_counts_less() -> None:
    text = "Juarez, of the 2500 block of Hainsworth Avenue in North Riverside, was arrested."
    assert 0.0 < _factor(text, "Riverside") < 0.5


def test_a_police_district_is_no_locality() -> None:
    city = _city(
        "A 17-year-old boy was killed in a drive-by shooting Thursday night, according to Chicago police. "
        "Two men were later arrested by Wentley District police officers."
    )
    assert city == "Chicago"


def test_a_surname_with_a_prefix_named_with_an_age_is_a_person() -> None:
    from summarizer.normalize.us_places import person_words

    assert "mckinney" in person_words("Saladine A. McKinney, 23, faces one count of battery.")


def test_a_common_word_town_east_of_which_the_act_is_placed() -> None:
    text = (
        "The man was killed after a dispute Tuesday morning, Maury County Sheriff's investigators said. "
        "He was staying in a mobile home near Rock Springs Road east of Columbia, the sheriff said."
    )
    assert _city(text) == "Columbia"


def test_a_parenthesised_dateline_with_a_postal_code_names_the_city() -> None:
    from summarizer.normalize.us_places import find_us_cues

    cues = find_us_cues("(Cincinnati, OH)--A 27-year-old man was shot and killed Tuesday night in Westwood.")
    assert [(c.kind, c.place, c.state) for c in cues] == [("attached", "Cincinnati", "OH")]


def test_a_small_town_in_the_lead_outranks_a_county_agency() -> None:
    city = _city(
        "A man wielding two handguns was shot and killed at a Walmart, authorities said. The man walked into "
        "the store in Kettleburg late Saturday night and pointed a gun at people. The Monroe County District "
        "Attorney's Office is investigating the shooting."
    )
    assert city == "Kettleburg"


def test_a_town_after_on_is_a_street_in_us_news() -> None:
    text = (
        "The Harris County Sheriff's Office says the man was shot on Cypress Station near the North "
        "Freeway early Sunday. Deputies found him in the 400 block of the street."
    )
    assert _city(text) != "Cypress"
    assert _city("A man was shot and killed on Houston's north side Sunday, police said.") == "Houston"


def test_upper_case_local_news_reads_a_common_surname_town_and_a_department_town() -> None:
    text = (
        "Two women were fatally shot on Sunday by two unknown men, officials said. The Hinds County "
        "coroner identified them on Monday. One of them was pregnant, her family said. Relatives gathered "
        "at a church. Both were pronounced dead on Pinecrest Drive in Jackson around 3:30."
    )
    assert (_city(text.upper()) or "").lower() == "jackson"
    dept = (
        "A 7-year-old boy was accidentally shot inside the family van in a store parking lot on Monday, "
        "according to a Brantville Police Department incident report. Officers from Brantville's police "
        "and fire departments responded. The parents, Ann Farley, 29, and Jo Farley, 29, both of "
        "Sparta, Tenn., were questioned."
    )
    assert (_city(dept.upper()) or "").lower() == "brantville"


def test_upper_case_dateline_town_before_its_state_counts_whatever_its_words() -> None:
    text = (
        "GREEN RIVER, WYO. (WXYZ)-- A 38-YEAR-OLD MAN WAS FATALLY SHOT BY SWEETWATER COUNTY DEPUTIES "
        "OVERNIGHT IN GREEN RIVER. THE DEPUTIES RESPONDED TO A CALL ABOUT A BREAK-IN EARLY SUNDAY ON A FARM ROAD."
    )
    headline = "MAN DEAD AFTER DEPUTY-INVOLVED SHOOTING IN SWEETWATER COUNTY | NEWS"
    assert (_city(text, headline) or "").lower() == "green river"


def test_upper_case_street_named_after_a_town_after_on_is_no_town() -> None:
    text = (
        "A man was found shot to death early Sunday, deputies said. The Harris County Sheriff's Office "
        "said he was shot on Katy Station near a gas station."
    )
    assert (_city(text.upper()) or "").lower() == "harris county"


def test_upper_case_headline_reads_a_common_word_the_article_shows_to_be_a_town() -> None:
    from summarizer.engines.rules.city import headline_towns

    title = "HOPE TEEN CHARGED WITH MURDER AFTER PARKING LOT SHOOTING | NEWS"
    assert "Hope" not in headline_towns(title, None)
    assert headline_towns(title, None, frozenset({"hope"}))[:1] == ["Hope"]


def test_an_unknown_names_possessive_is_no_town_but_a_towns_section_is() -> None:
    from summarizer.engines.rules.engine import extract_draft

    text = (
        "A 4-year-old boy is at Zorbek's Children Hospital after he was shot on Sunday night. "
        "The boy was hit by a stray bullet, police said."
    )
    for copy in (text, text.upper()):
        where = extract_draft(copy, None).location
        assert where is None or "zorbek" not in (where.city or "").casefold()
