"""The same text gives the same facts whatever its letter case: a mixed-case sentence and its
upper-case copy name the same suspects and places. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from summarizer.engines.rules.engine import extract_draft

_SUSPECTS = [
    (
        "A man was shot in his car on Friday. Dana Whitlock, a 31-year-old woman who lives nearby, was "
        "charged with assault.",
        "Dana Whitlock",
    ),
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
        "A man was fatally shot outside a bar on Saturday. Witnesses pointed police to Leon Farris. "
        "Farris was charged with murder on Monday.",
        "Leon Farris",
    ),
]


def _suspects(text: str) -> list[str]:
    draft = extract_draft(text, None)
    assert all(p.quote in text for p in draft.perpetrators)
    return [p.name.casefold() for p in draft.perpetrators if p.kind == "suspect"]


@pytest.mark.parametrize(("text", "name"), _SUSPECTS)
def test_upper_case_copy_names_the_same_suspect(text: str, name: str) -> None:
    assert _suspects(text) == [name.casefold()]
    assert _suspects(text.upper()) == [name.casefold()]


def test_upper_case_victim_is_no_suspect_and_ordinary_words_are_no_name() -> None:
    text = "MARCUS REED, 65, WAS SHOT AND KILLED ON HIS PORCH ON SUNDAY. POLICE ARRESTED TWO MEN ON MONDAY."
    assert _suspects(text) == []


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("A Memphis man was shot dead by police on Friday, officers said.", "memphis"),
        (
            "A man was shot and killed Sunday night in Granada Hills, Calif., police said. The victim was taken "
            "to a hospital in critical condition.",
            "granada hills",
        ),
    ],
)
def test_upper_case_copy_gives_the_same_town(text: str, city: str) -> None:
    for copy in (text, text.upper()):
        loc = extract_draft(copy, None).location
        assert loc is not None and loc.city is not None
        assert (loc.city.casefold(), loc.country) == (city, "United States")


# --- upper-case local news: each class of case-dependent reading (#10) ---


def _city(text: str, title: str | None = None) -> str | None:
    loc = extract_draft(text, None, title).location
    assert loc is None or loc.quote in text  # a town read in restored case is quoted as written
    return loc.city.casefold() if loc is not None and loc.city else None


@pytest.mark.parametrize(
    ("text", "city"),
    [
        # a dateline with a dash, with a station, with a state: as in mixed-case copy
        (
            "HONESDALE — A 30-year-old man was shot and wounded by a neighbor on Monday night. Deputies from "
            "Wayne County said the man was taken to a hospital.",
            "honesdale",
        ),
        (
            "FLINT (WXYZ) – A 3-year-old boy was shot in the leg on Friday in a home on the east side, police "
            "said. Genesee County deputies are investigating.",
            "flint",
        ),
        # the same text with a street named after another town ("Lombard Road" is no town)
        (
            "A man was shot and killed early Sunday on Lombard Road in Neenah, Wisconsin, police said.",
            "neenah",
        ),
        # a possessive town before its neighbourhood
        (
            "Two men were wounded in a shooting in Philadelphia's Hunting Park section on Saturday night, "
            "police said.",
            "philadelphia",
        ),
        # a first name that is an English word: the surname is the person's, not a town's
        (
            "A man was wounded in a shooting in Irvine on Friday. Officers were searching for 31-year-old "
            "Cory Lee Henderson. Henderson fled on foot and Henderson was arrested on Saturday.",
            "irvine",
        ),
        # a town that is also an English word, named with a place's cue once
        (
            "A man was shot and killed at a home in Garland early Friday, police said. Garland police said "
            "the shooter was a neighbor. The victim's brother, Steve Moss of Allen, Texas, said he was shocked.",
            "garland",
        ),
        # a town's name on a newspaper is no place ("Atlanta Journal-Constitution")
        (
            "A state trooper and a suspect were shot on Wednesday after a chase on Interstate 75 in Cobb County "
            "(Ben Gray/Atlanta Journal-Constitution via AP).",
            "cobb county",
        ),
    ],
)
def test_upper_case_local_news_gives_the_mixed_case_town(text: str, city: str) -> None:
    assert _city(text) == city
    assert _city(text.upper()) == city


def test_upper_case_headline_names_the_town_when_the_text_does_not() -> None:
    text = "A 19-year-old man was shot and killed on Tuesday night outside a corner store, police said."
    title = "Man shot and killed in Frankford | 6abc.com"
    assert _city(text, title) == "frankford"
    assert _city(text.upper(), title.upper()) == "frankford"


def test_upper_case_street_pair_is_no_town() -> None:
    text = (
        "A man was shot in the arm at Concord and Market streets in Wilmington on Monday night, police said."
    )
    assert _city(text) == "wilmington"
    assert _city(text.upper()) == "wilmington"


_NAMED = [
    'POLICE ARE LOOKING FOR WILLIAM "BILLY" PRESCOTT FOR AGGRAVATED ROBBERY AFTER A MAN WAS SHOT ON FRIDAY.',
    "A MAN WAS SHOT AND KILLED ON FRIDAY. POLICE BELIEVE THE MAN WHO SHOT DAVIS IS ROBERT PELLAM.",
    "KIMBERLY ANN KING, 33, HAS BEEN CHARGED WITH AGGRAVATED ASSAULT AFTER A MAN WAS SHOT IN THE LEG.",
    "A MAN WAS SHOT ON FRIDAY. ONE SUSPECT, IDENTIFIED AS CHRISTIAN HOLLIS PRYOR, 20, WAS SHOT BY THE HOMEOWNER.",
    "A SOLDIER WAS SHOT IN THE CHEST ON FRIDAY. A NEIGHBOR SAID 27-YEAR-OLD TINA MORROW SHOT FORT BENNING "
    "SOLDIER 28-YEAR-OLD ZANE MORROW AT THEIR HOME.",
]


@pytest.mark.parametrize("text", _NAMED)
def test_upper_case_names_with_an_english_first_word_are_named(text: str) -> None:
    """A first name that is also an English word ("WILLIAM", "ROBERT", "KING" as a surname, "FORT"
    before a place) is read as mixed-case news writes it."""
    upper = [p.name.casefold() for p in extract_draft(text, None).perpetrators]
    named = {
        0: 'william "billy" prescott',
        1: "robert pellam",
        2: "kimberly ann king",
        3: "christian hollis pryor",
        4: "tina morrow",
    }[_NAMED.index(text)]
    assert named in upper
    assert all("'s" not in n for n in upper)


def test_upper_case_possessive_is_no_name() -> None:
    text = "A MAN WAS SHOT ON FRIDAY. POLICE SAID PRYOR'S BROTHER SHOT HIM AND WAS ARRESTED."
    assert all("'s" not in p.name.casefold() for p in extract_draft(text, None).perpetrators)


def test_restored_case_keeps_clitics_and_ordinals() -> None:
    from summarizer.engines.rules.text import common_english_words, restore_case

    text = "IN PHILADELPHIA'S KENSINGTON SECTION, HE DIDN'T STOP ON 3RD AVENUE."
    restored = restore_case(text, common_english_words())
    assert len(restored) == len(text)
    assert "Philadelphia's" in restored and "didn't" in restored and "3rd" in restored


def test_name_evidence_capitalises_a_town_that_is_an_english_word() -> None:
    from summarizer.engines.rules.context import Context

    ctx = Context.build("A MAN WAS SHOT IN GARLAND ON FRIDAY. GARLAND POLICE SAID THE SHOOTER FLED.", None)
    assert "garland" in ctx.name_evidence
    assert ctx.restored is not None and "Garland Police said" in ctx.restored


def test_person_words_in_restored_case() -> None:
    from summarizer.engines.rules.text import frequent_english_words
    from summarizer.normalize.us_places import person_words

    text = (
        "officers searched for 31-year-old Cory lee Henderson. police officer Stuart was hit. "
        "a man from Holiday, 23, was hurt. he called an officer at the Mangu station. a 29-year-old "
        "Columbus man with a gun. Brandon borders, 29, was hurt."
    )
    words = person_words(text, frequent_english_words())
    assert {"cory", "lee", "henderson", "stuart"} <= words
    assert "holiday" not in words and "from" not in words and "mangu" not in words
    assert "columbus" not in words and "brandon" in words
    assert "cory" not in person_words(text)  # mixed-case reading: a name is written with capitals


def test_upper_case_common_words_before_a_common_word_are_no_name() -> None:
    text = (
        "A MAN WAS SHOT ON FRIDAY. RESCUERS ARE STILL SEARCHING FOR FIVE RESIDENTS IN THE DISTRICT, "
        "AND THE FIRST PATIENTS WERE ARRESTED."
    )
    names = [p.name.casefold() for p in extract_draft(text, None).perpetrators]
    assert "five residents" not in names and "first patients" not in names


def test_upper_case_suspect_described_by_age_far_from_the_event() -> None:
    text = (
        "A man was shot dead outside a pub in Leeds on Saturday night, police said.\n\n"
        "Officers found him with gunshot wounds. Paramedics treated him at the scene. He died later in "
        "hospital. His family have been told. A cordon remained in place on Sunday.\n\n"
        "Neighbours said the street is usually quiet. Flowers were left at the scene. A vigil is planned.\n\n"
        "A 24-year-old man was arrested on suspicion of murder on Sunday afternoon."
    )
    for copy in (text, text.upper()):
        names = [p.name.casefold() for p in extract_draft(copy, None).perpetrators]
        assert "a 24-year-old man" in names


def test_upper_case_summary_names_the_town_and_keeps_place_capitals() -> None:
    text = (
        "DAKAR, Jan 5 (Reuters) - One person was killed and dozens were injured in Senegal's capital on "
        "Thursday as youths protesting a rise in bread prices clashed with police, the interior ministry said."
        "\n\nProtesters burned tyres and blocked roads in two neighbourhoods; police fired tear gas."
    )
    for copy in (text, text.upper()):
        summary = extract_draft(copy, None).summary
        assert "It happened in Dakar, Senegal." in summary and "Senegal's capital" in summary


def test_restored_case_capitalises_a_name_particle_before_a_name() -> None:
    from summarizer.engines.rules.text import common_english_words, restore_case

    restored = restore_case(
        "SHOT IN EL SERENO AND IN AL-WASTA, NOT IN SAN JOSE. THE LA OF", common_english_words()
    )
    assert "El Sereno" in restored and "Al-Wasta" in restored and "San Jose" in restored
    assert restored.endswith("the la of")


def test_upper_case_surname_that_is_an_english_word_is_a_person() -> None:
    title = "Augusta man shot while fleeing gunman"
    text = (
        "A man was shot early Saturday while running from a gunman. About 4 a.m., deputies came to a "
        "hospital, where Brandon Borders, 29, was being treated for a gunshot wound to his leg, Richmond "
        "County deputies said."
    )
    # the headline's town, over a county named only by its deputies
    assert _city(text, title) == "augusta"
    assert _city(text.upper(), title.upper()) == "augusta"  # not the town of Brandon


# a named victim whose death or wound is told by the name alone: the same toll in either case
_NAMED_VICTIMS = [
    # a name of rare words, read in the restored case; the surname alone later
    (
        "Officers were called to a home on Maple Street on Friday night, where Dravon Keswick had been "
        "arguing with a neighbor. An officer fatally shot Keswick, who police said was holding a knife.",
        1,
        0,
    ),
    # a name of English words told by the age right before it
    (
        "A shooting was reported on Friday night near the depot. The coroner identified the victim as "
        "41-year-old Gordon Little. Little had been shot twice and was pronounced dead at the scene.",
        1,
        0,
    ),
    # names told by the age after them, the second after "along with"
    (
        "Rosalind Vance, 30, was killed along with Harold Price, 42, in a shooting at a home on Oak Street "
        "on Sunday.",
        2,
        0,
    ),
    # an English first name before a rare surname
    (
        "A robbery went wrong on Friday. Police said a woman fired at John Ravensworth as he grabbed her "
        "purse. Ravensworth was shot in the shoulder.",
        0,
        1,
    ),
    # a name of English words whose last word opens a later sentence bare, as a surname does
    (
        "Police say Wade Hunter tried to grab a cash box at a corner store on Friday. Hunter got into a "
        "scuffle with the owner and was shot in the arm.",
        0,
        1,
    ),
]


def _toll(text: str) -> tuple[int | None, int | None]:
    draft = extract_draft(text, None)
    return (
        draft.killed.value if draft.killed else None,
        draft.injured.value if draft.injured else None,
    )


@pytest.mark.parametrize(("text", "killed", "injured"), _NAMED_VICTIMS)
def test_upper_case_copy_counts_the_same_named_victims(text: str, killed: int, injured: int) -> None:
    want = (killed or None, injured or None)
    assert _toll(text) == want
    assert _toll(text.upper()) == want


# --- upper-case local news: town names made of common English words (#10) ---


@pytest.mark.parametrize(
    ("text", "title", "city"),
    [
        # a headline's town the gazetteer knows, whatever its words
        (
            "A 14-year-old boy was shot in the leg on Friday night outside an apartment complex, police said.",
            "Rock Hill shooting leaves teen wounded | WXYZ",
            "rock hill",
        ),
        # a town the gazetteer knows inside a neighbourhood phrase the place finder reads as a venue
        (
            "A 40-year-old woman was shot and wounded on Sunday night in front of a bakery in the city's "
            "Irving Park neighborhood, police said.",
            None,
            "irving park",
        ),
        # an address: a house number, a town's name and a street's word are a street
        (
            "A man was shot in the arm at a gas station at 4410 Windsor Spring Road early Tuesday, police "
            "said. He was taken to a hospital.",
            "Man shot at gas station in Augusta | WXYZ",
            "augusta",
        ),
        # a town before a word that makes a longer name is that other place ("Benton Harbor")
        (
            "BENTON TOWNSHIP, Mich. — A 24-year-old Benton Harbor woman was shot and wounded on Saturday "
            "night outside a store on Main Street, police said. The woman was taken to a hospital in Benton "
            "Harbor.",
            None,
            "benton township",
        ),
        # a town after a place's preposition, though the restored case read it as a name elsewhere
        (
            "Deputies arrested 35-year-old Columbia resident Dana Price on Friday and charged her with "
            "murder. The shooting happened in a mobile home east of Columbia, Maury County deputies said.",
            None,
            "columbia",
        ),
        # a dash dateline of words that are no frequent English words, place cues or calendar words
        (
            "BROWN DEER — A man was shot and wounded in a parking lot on Tuesday night, officers said. The "
            "man was taken to a hospital in Milwaukee with injuries that were not life-threatening.",
            None,
            "brown deer",
        ),
        # a town of an ordinary word and a settlement's word after "in"
        (
            "A 19-year-old man was shot and killed on Friday night near a liquor store in Hawaiian Gardens, "
            "according to Los Angeles County coroner records.",
            None,
            "hawaiian gardens",
        ),
        # a headline's "in X" that the gazetteer does not know names no town over a county's dateline
        (
            "JEFFERSON COUNTY, Colo. (KXYZ) — A man was shot and killed on Sunday after he answered an online "
            "ad, deputies said. Deputies said the shooter drove a gold Mustang.",
            "Suspect wanted in Craigslist robbery identified",
            "jefferson county",
        ),
    ],
)
def test_upper_case_town_of_common_words_is_the_mixed_case_town(
    text: str, title: str | None, city: str
) -> None:
    assert _city(text, title) == city
    assert _city(text.upper(), title.upper() if title else None) == city


def test_upper_case_district_named_by_its_country_is_no_town() -> None:
    text = (
        "Cholera kills nine children in southern Madagascar district\n\nA cholera outbreak has killed nine "
        "children since January, health officials said. Most of the deaths were recorded in Ambovombe, an "
        "aid worker said."
    )
    assert _city(text) == "ambovombe"
    assert _city(text.upper()) == "ambovombe"  # not "Southern Madagascar"


def test_upper_case_first_name_that_is_an_english_word_makes_a_person_no_town() -> None:
    text = (
        'A man was shot and wounded on Sunday night outside a bar, police said. "We heard four shots," said '
        "George Fergus. The man was taken to a hospital."
    )
    assert _city(text) is None
    assert _city(text.upper()) is None  # not the town of Fergus


# --- upper-case local news: a venue's proper name (#10) ---


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # a name of its own before venue words that are ordinary English words
        (
            "Gunmen stormed a hotel in the capital on Friday evening, killing at least six people, police "
            "said. Gunfire could still be heard from inside the Dhulmar Palace Hotel late into the night.",
            "the dhulmar palace hotel",
        ),
        (
            "At least five people were killed in a crush at a concert on a beach late on Tuesday, police "
            "said. The crush happened shortly before midnight at Mbezi Beach, where thousands had gathered.",
            "mbezi beach",
        ),
        (
            "A fire gutted a shopping plaza on Wednesday, killing two people. The blaze started on the ground "
            "floor of a plaza at the popular Ngozika Market before spreading to nearby shops.",
            "ngozika market",
        ),
        # the first word of a place's name before a name
        (
            "A 16-year-old student opened fire in a crowded hallway at a high school on Tuesday, killing one "
            "classmate. The shooting at Mount Vernon Township High School began shortly after 8 a.m.",
            "mount vernon township high school",
        ),
    ],
)
def test_upper_case_copy_names_the_mixed_case_venue(text: str, venue: str) -> None:
    for copy in (text, text.upper()):
        loc = extract_draft(copy, None).location
        assert loc is not None and loc.venue is not None and loc.quote in copy
        assert loc.venue.casefold() == venue


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # a name of ordinary words the article shows to be one: again without its venue noun
        (
            "Four people were shot outside a nightclub early Sunday, police said. Officers were called to the "
            "Golden Anchor nightclub on Water Street at about 2 a.m. The Golden Anchor is popular with students.",
            "the golden anchor nightclub",
        ),
        # or before an appositive venue noun
        (
            "Four people were shot outside a nightclub early Sunday, police said. The gunman had been refused "
            "entry to the Blue Lantern, a nightclub on Water Street, police said.",
            "the blue lantern, a nightclub",
        ),
    ],
)
def test_upper_case_venue_of_ordinary_words_the_article_shows_to_be_a_name(text: str, venue: str) -> None:
    for copy in (text, text.upper()):
        loc = extract_draft(copy, None).location
        assert loc is not None and loc.venue is not None
        assert loc.venue.casefold() == venue


def test_upper_case_ordinary_words_before_a_venue_noun_are_no_name() -> None:
    from summarizer.engines.rules.venue import _shown_names

    text = (
        "THE WOUNDED MAN STUMBLED INTO THE FUNERAL HOME. POLICE SAID THE FUNERAL PARLOR SHOOTING WAS "
        "LINKED TO ANOTHER. A MAN WAS SHOT AT THE CROWDED NIGHTCLUB, A POPULAR BAR."
    )
    assert _shown_names(text) == []


def test_upper_case_venue_words_after_ordinary_words_are_no_name() -> None:
    from summarizer.engines.rules.context import Context
    from summarizer.engines.rules.venue import _named_venues

    text = (
        "A FIRE SWEPT THROUGH A FOUR-STOREY KARAOKE BAR ON FRIDAY. A MAN WAS STABBED OUTSIDE THE TAKEAWAY. "
        "A STUDENT OPENED FIRE AT AN ILLINOIS HIGH SCHOOL."
    )
    assert _named_venues(Context.build(text, None)) == []


def test_upper_case_region_named_only_by_ordinary_words_is_no_town() -> None:
    from summarizer.engines.rules.city import common_words_only

    assert common_words_only("CITY'S NOTORIOUS NORTHERN DISTRICTS")
    assert common_words_only("QUIET EASTERN DISTRICT")
    assert not common_words_only("SINDHUPALCHOK DISTRICT")
    assert not common_words_only("KAMPALA CENTRAL DIVISION")


def test_upper_case_town_before_a_kind_of_venue_is_no_person() -> None:
    text = (
        "Masked men opened fire inside a crowded Toulouse falafel shop late on Friday, killing one customer "
        "and wounding two others in what officers called a drug feud. No arrests have been made."
    )
    assert _city(text) == "toulouse"
    assert _city(text.upper()) == "toulouse"
    loc = extract_draft(
        text.upper().replace("TOULOUSE", "THE CITY'S QUIET NORTHERN DISTRICTS, A"), None
    ).location
    assert loc is None or loc.region is None
