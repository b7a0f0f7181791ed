"""US local news: places told by the article's own geography, named suspects, written-English
summaries. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from summarizer.engines.rules.engine import extract_draft
from summarizer.normalize.us_places import US_CONTEXT, county_states, find_us_cues, us_states_of, us_weight


def _where(text: str, title: str | None = None) -> tuple[str | None, str | None, str | None]:
    draft = extract_draft(text, None, title)
    assert draft.is_incident
    loc = draft.location
    assert loc is not None
    return loc.city, loc.region, loc.country


# --------------------------------------------------------------------------------------------------
# cues
# --------------------------------------------------------------------------------------------------


def test_cues_read_ap_and_postal_abbreviations_counties_call_signs_and_blocks() -> None:
    cues = find_us_cues(
        "HOLLY RIDGE, S.C. (WXYZ) -- Deputies in Hall County said a man was shot in the 300 block of Elm Street."
    )
    kinds = {c.kind for c in cues}
    assert {"attached", "station", "county", "block"} <= kinds
    attached = next(c for c in cues if c.kind == "attached")
    assert attached.place == "HOLLY RIDGE" and attached.state == "SC"
    assert us_weight(cues) >= US_CONTEXT
    assert "GA" in county_states("Hall County")
    assert us_states_of(find_us_cues("Police in Lancaster, Pa., said ..."))[:1] == ["PA"]


def test_cues_ignore_words_that_look_like_states() -> None:
    # a postal code only in a dateline; a state name only where it names a place
    assert us_weight(find_us_cues("THEY FLED, IN THE NIGHT, AS WAS SAID.")) == 0
    assert us_weight(find_us_cues("ATTORNEY GENERAL EDUARDO COLORADO SAID THE JUDGE WAS KILLED.")) == 0
    assert us_weight(find_us_cues("The minister flew to New York on Monday.")) == 0


# --------------------------------------------------------------------------------------------------
# location
# --------------------------------------------------------------------------------------------------


def test_wire_dateline_of_a_us_city_is_the_united_states() -> None:
    city, _, country = _where(
        "NEW YORK (AP) - A man was shot and killed outside a deli in Brooklyn on Sunday night, police said."
    )
    assert country == "United States"
    assert city == "Brooklyn"


def test_georgia_the_state_and_hall_county_the_county() -> None:
    city, region, country = _where(
        "Deputies said a woman was shot and wounded Saturday night in Hall County, Georgia. "
        "The sheriff said the suspect fled in a pickup truck."
    )
    assert country == "United States"
    assert region == "Georgia"
    assert city == "Hall County"  # the county is the locality when no town is named, never a town "Hall"


def test_a_town_before_its_state_is_the_american_one() -> None:
    city, region, country = _where(
        "LANCASTER, Pa. -- A 24-year-old man was shot outside a bar on Saturday, police said."
    )
    assert (city, region, country) == ("Lancaster", "Pennsylvania", "United States")
    city, region, country = _where("A teenager was fatally shot Sunday in Aurora, Colo., police said.")
    assert (city, region, country) == ("Aurora", "Colorado", "United States")


def test_surnames_and_titles_are_not_towns() -> None:
    city, _, country = _where(
        "A man was shot and killed Sunday in the 1200 block of Oak Avenue, according to the Los Angeles County "
        "coroner. Officer Kim said the shooter fled. Jakell Mitchell, 19, was pronounced dead at the scene. "
        "Rodriguez, 23, was also hurt."
    )
    assert country == "United States"
    assert city not in {"Kim", "Mitchell", "Rodriguez", "Los Angeles"}


def test_a_country_named_in_the_lead_keeps_a_report_abroad() -> None:
    _, _, country = _where("A Texas man was shot and killed in Monterrey, Mexico, on Friday, officials said.")
    assert country == "Mexico"


def test_a_country_inside_a_name_does_not() -> None:
    _, _, country = _where(
        "NEWARK, N.J. -- A boy was shot in the shoulder on Monday and taken to Beth Israel Hospital, police said."
    )
    assert country == "United States"


def test_the_countrys_region_is_a_region_not_a_town() -> None:
    city, region, country = _where(
        "Four people were killed in clashes between farmers and police in Peru's Arequipa region on Thursday, "
        "officials said."
    )
    assert country == "Peru"
    assert region == "Arequipa"
    assert city is None


def test_the_headline_names_the_town_when_the_text_does_not() -> None:
    city, _, _ = _where(
        "A man was shot twice in the chest on Friday night and died at a hospital, police said.",
        title="Man shot and killed in Frankford | Channel 9 News",
    )
    assert city == "Frankford"


def test_a_street_named_after_a_town_is_a_street() -> None:
    draft = extract_draft(
        "A man was shot and killed at Market Street and Federal Road on Tuesday, police said.", None
    )
    assert draft.location is None or draft.location.city != "Federal"


# --------------------------------------------------------------------------------------------------
# named suspects
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "A man was shot and killed on Elm Street on Sunday. Police identified the gunman as Daniel Ortiz, 23.",
            "Daniel Ortiz",
        ),
        (
            "A woman was shot in her home on Friday. The suspect, 27-year-old Marcus Webb, has been charged "
            "with attempted murder.",
            "Marcus Webb",
        ),
        (
            "Two men were wounded in a shooting on Friday night. Police arrested Tyrell Jameson, 26, and charged "
            "him with assault.",
            "Tyrell Jameson",
        ),
        (
            "A soldier was wounded at his home on Friday. Deputies said 31-year-old Dana Whitlock shot "
            "Fort Hood soldier Ray Whitlock after an argument.",
            "Dana Whitlock",
        ),
        (
            "A man was fatally shot outside a bar on Saturday. Witnesses pointed police to Leon Farris. "
            "Farris was charged with murder on Monday.",
            "Leon Farris",
        ),
    ],
)
def test_named_suspects_are_perpetrators_of_kind_suspect(text: str, name: str) -> None:
    draft = extract_draft(text, None)
    suspects = [p for p in draft.perpetrators if p.kind == "suspect"]
    assert [p.name for p in suspects] == [name]
    assert suspects[0].quote in text


def test_a_named_victim_is_no_suspect() -> None:
    draft = extract_draft(
        "Marcus Reed, 65, was shot and killed on his porch on Sunday. Police are looking for a gunman.", None
    )
    assert all(p.name != "Marcus Reed" for p in draft.perpetrators)
    draft = extract_draft(
        "Police say the man who shot Rodney Jones will be charged. Jones, 30, died at the scene on Friday.",
        None,
    )
    assert all("Jones" not in p.name for p in draft.perpetrators)


# --------------------------------------------------------------------------------------------------
# claims and summaries
# --------------------------------------------------------------------------------------------------


def test_a_factions_claim_is_the_factions() -> None:
    draft = extract_draft(
        "A suicide bomber killed 12 people at a market in Peshawar on Monday. A faction of the Pakistani "
        "Taliban claimed responsibility for the attack in a statement.",
        None,
    )
    assert [c.claimant for c in draft.responsibility_claims] == ["a faction of the Pakistani Taliban"]
    assert "Pakistani Taliban" not in [p.name for p in draft.perpetrators]
    assert "A faction of the Pakistani Taliban claimed responsibility" in draft.summary


def test_a_denial_stays_beside_the_claim() -> None:
    draft = extract_draft(
        "A car bomb killed two police officers in Jamundi, Colombia, on Thursday. The Jaime Martinez front, "
        "a dissident faction, denied any involvement in the bombing in a statement on Friday.",
        None,
    )
    assert "The Jaime Martinez front denied any involvement." in draft.summary


def test_summary_is_written_english() -> None:
    # a place as a sentence, no "Location:" suffix
    draft = extract_draft(
        "DAKAR, Senegal (Wire) - One person was killed and dozens were injured in Senegal's capital on "
        "Thursday as youths clashed with security forces, the interior ministry said.",
        None,
    )
    assert "Location:" not in draft.summary
    assert "It happened in Dakar, Senegal." in draft.summary
    # no live-blog time stamp first
    draft = extract_draft(
        "11:58 GMT – The health ministry says 37 people were injured in overnight clashes in Tbilisi.", None
    )
    assert draft.summary.startswith("The health ministry says 37 people were injured")
    # no capital mid-sentence in an assembled sentence
    draft = extract_draft(
        "Up to 200 people were injured when a crowd surged at a stadium in Gazipur on Monday, officials "
        "said, in a report that also put the number of dead at two, though it gave no details about "
        "how the two died or where they had been standing when the crowd began to push toward the gates. "
        "Two were killed.",
        None,
    )
    assert " and Up to" not in draft.summary


def test_spanish_summary_quotes_the_articles_figures() -> None:
    draft = extract_draft(
        "Cuatro personas murieron y 72 resultaron heridas en enfrentamientos entre agricultores y policías "
        "en el valle de Tambo, en la región de Arequipa, informaron las autoridades el jueves.",
        None,
    )
    assert not draft.summary.startswith("Cuatro")
    assert '"' in draft.summary  # the article's own words, quoted as such
