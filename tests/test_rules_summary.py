"""The rules engine's summary writer on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.engines import ExtractionRequest
from summarizer.engines.rules import RulesEngine
from summarizer.engines.rules.summary import (
    _lost_characters,
    _name_case,
    _readable,
    _strip_outlet,
    count_phrase,
    sentence_case,
)
from summarizer.schema import DraftCount


def _count(as_stated: str, value: int = 1) -> DraftCount:
    return DraftCount(value=value, as_stated=as_stated, quote=as_stated)


@pytest.mark.parametrize(
    ("as_stated", "value", "role", "expected"),
    [
        # a phrase that already says what happened is not given a second predicate
        ("Marlow was killed", 1, "killed", "Marlow was killed"),
        (
            'a bus driver and a "passenger" were injured',
            2,
            "injured",
            'a bus driver and a "passenger" were injured',
        ),
        ("the second victim died from", 1, "killed", "the second victim died"),
        ("Okafor died today", 1, "killed", "Okafor died"),
        ("a ferry pilot, who was shot and killed", 1, "killed", "a ferry pilot was shot and killed"),
        (
            "Lia Moss, the niece of Tom Moss, 44, who was shot and killed",
            1,
            "killed",
            "Lia Moss, the niece of Tom Moss, 44, was shot and killed",
        ),
        ("Ore. - Lia Moss was shot", 1, "injured", "Lia Moss was shot"),
        ("Forty-two people", 42, "injured", "Forty-two people were injured"),
        ("the 40-year-old clerk who later died", 1, "killed", "the 40-year-old clerk later died"),
        # the act before its victim
        ("shot Brennan", 1, "killed", "Brennan was killed"),
        ("killing a night watchman", 1, "killed", "a night watchman was killed"),
        ("the fatal shooting of Dana Whitlock", 1, "killed", "Dana Whitlock was killed"),
        ("murder of Ida Pell after officers arrived", 1, "killed", "Ida Pell was killed"),
        ("wounding three hikers", 3, "injured", "three hikers were injured"),
        # a pronoun or a verb names no one
        ("killed him", 1, "killed", "one person was killed"),
        ("she was hurt", 1, "injured", "one person was injured"),
        ("shot them", 2, "injured", ""),
        # the state after the act, and a relative clause, are no part of the subject
        ("both hikers are expected to survive", 2, "injured", "both hikers were injured"),
        ("The cyclist, a 52-year-old man, suffered a gunshot wound", 1, "injured", "The cyclist was injured"),
        # the phrase's own number rules the verb; an age is no number of people
        ("one of the guards", 2, "killed", "one of the guards was killed"),
        ("a 23-year-old courier", 1, "killed", "a 23-year-old courier was killed"),
        ("Ana Torres", 2, "killed", "Ana Torres was killed"),
        ("at least 4 dead", 4, "killed", "at least 4 were killed"),
        ("five miners shot to death", 5, "killed", "five miners were killed"),
        # trailing words of a cut phrase go
        ("seven porters of", 7, "killed", "seven porters were killed"),
        ("12 and", 12, "injured", "12 were injured"),
        # a phrase about the other role, a denial, or a span of time says nothing
        ("two cooks hurt", 1, "killed", ""),
        ("the guard was not injured", 1, "injured", ""),
        ("shot several minutes before his brother", 1, "killed", "one person was killed"),
        ("one death", 1, "killed", "one death was reported"),
        ("a woman shot to death", 1, "killed", "a woman was killed"),
    ],
)
def test_count_phrase_reads_as_one_clause(as_stated: str, value: int, role: str, expected: str) -> None:
    assert count_phrase(_count(as_stated, value), role) == expected


def test_count_phrase_keeps_plain_figures() -> None:
    assert (
        count_phrase(_count("at least 12 worshippers", 12), "killed") == "at least 12 worshippers were killed"
    )
    assert count_phrase(_count("a teenager"), "injured") == "a teenager was injured"
    assert count_phrase(_count("3 people", 3), "injured") == "3 people were injured"
    assert count_phrase(_count("no one", 0), "injured") == "no one was injured"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "(WXYZ) - A man was shot outside a gas station on Elm Road.",
            "A man was shot outside a gas station on Elm Road.",
        ),
        (
            "TOLEDO, Ohio (WXYZ)–Two men were wounded in a shooting on Elm Road late Friday.",
            "Two men were wounded in a shooting on Elm Road late Friday.",
        ),
        (
            "SPRINGVALE ??? Deputies are looking for a driver who fired at a truck.",
            "Deputies are looking for a driver who fired at a truck.",
        ),
        (
            "Wire Service BANGOR, Maine (WS) - A hunter was hurt when his rifle went off.",
            "A hunter was hurt when his rifle went off.",
        ),
        (
            "Teen hurt in crossfire DAYTON, Ohio -- A teenager was struck by a stray bullet on Sunday.",
            "A teenager was struck by a stray bullet on Sunday.",
        ),
        (
            "ELMWOOD >> One man was hospitalized after a shooting on Oak Street, police said.",
            "One man was hospitalized after a shooting on Oak Street, police said.",
        ),
        # a dash inside the sentence, a hyphenated word, a lower-case word after the dash: left alone
        (
            "The FBI - Federal agents said two men were shot in the lot.",
            "The FBI - Federal agents said two men were shot in the lot.",
        ),
        (
            "The ATF – which joined the case – said the rifle was stolen.",
            "The ATF – which joined the case – said the rifle was stolen.",
        ),
        (
            "WHO-backed clinics said three nurses were hurt in the blast on Monday.",
            "WHO-backed clinics said three nurses were hurt in the blast on Monday.",
        ),
        (
            "Forty-seven people were hurt when the roof fell in on Tuesday.",
            "Forty-seven people were hurt when the roof fell in on Tuesday.",
        ),
    ],
)
def test_an_outlet_tag_or_dateline_is_cut_from_a_sentence(text: str, expected: str) -> None:
    assert _strip_outlet(text) == expected


def test_question_marks_left_by_a_lost_character() -> None:
    assert _lost_characters("the farmer???s dog was hit") == "the farmer’s dog was hit"
    assert _lost_characters("charged with assault ??? a felony") == "charged with assault – a felony"
    assert _lost_characters("a cashier????Friday night") == "a cashier Friday night"
    assert _lost_characters("Who fired first??") == "Who fired first??"


@pytest.mark.parametrize(
    "text",
    [
        "Who fired the first shot?",
        "The council issued the following statement:.",
        "1.",
        "Anyone with information is asked to call the sheriff's office.",
        "They are asked to contact Crime Stoppers at 555-0100.",
        "Good evening, listeners of the north.",
        "PRESENTER: The mayor is here with us tonight.",
        'He said "we will rebuild" after the fire.',
        "Two shot.",
    ],
)
def test_a_sentence_that_is_no_statement_of_the_news_is_not_readable(text: str) -> None:
    assert not _readable(text)


def test_a_statement_is_readable() -> None:
    assert _readable("Two men were shot outside a bar on Elm Road.")
    assert _readable("THE ARMY SAID: THE TOWN WAS SHELLED AT DAWN.")  # a statement, not a speaker's tag
    assert not _readable("ANCHOR: WE GO NOW TO OUR REPORTER IN THE CAPITAL.")


def test_upper_case_names_of_several_words_read_in_title_case_with_their_acronyms() -> None:
    assert _name_case("NORTHERN RIVER FRONT") == "Northern River Front"
    assert _name_case("XRPF'S DELTA BRIGADE") == "XRPF's Delta Brigade"
    assert _name_case("XRPF") == "XRPF"
    assert _name_case("River Front") == "River Front"
    text = sentence_case(
        "THE NORTHERN RIVER FRONT CLAIMED THE ATTACK ON 3 MAY, A TUESDAY.", ["NORTHERN RIVER FRONT"]
    )
    assert text == "The Northern River Front claimed the attack on 3 May, a Tuesday."
    text = sentence_case("THE ENVOY LEFT FOR THE UNITED STATES.", ["The United States", "Army Of The North"])
    assert text == "The envoy left for the United States."
    assert (
        sentence_case("ARMY OF THE NORTH UNITS FIRED.", ["Army Of The North"])
        == "Army of the North units fired."
    )


def _summary(text: str, published: date | None = date(2024, 3, 2), title: str | None = None) -> str:
    return (
        RulesEngine()
        .extract(ExtractionRequest(text=text, reference_date=published, title=title))
        .draft.summary
    )


def test_summary_has_no_doubled_predicate_and_no_dateline() -> None:
    # the event sentence quotes a witness, so the summary is written from the facts
    text = (
        "(WXYZ) - Harlan Voss was shot and killed outside a diner in Toledo, Ohio, on Friday night, and "
        '"nobody saw a thing," a neighbor said.\n\n'
        "Officers found several shell casings in the parking lot behind the diner.\n\n"
        "Anyone with information is asked to call the police department.\n"
    )
    summary = _summary(text)
    assert "(WXYZ)" not in summary
    assert "killed was killed" not in summary
    assert summary.startswith("Harlan Voss was shot and killed in")
    assert "asked to call" not in summary


def test_summary_leaves_out_a_doubled_word_and_questions() -> None:
    text = (
        "Blast at depot\n\n"
        "A bomb exploded near near the bus depot in Carston on Monday, injuring four people, police said.\n\n"
        "Who planted the device?\n\n"
        "The depot was closed for the rest of the day while officers searched the area.\n"
    )
    summary = _summary(text)
    assert "near near" not in summary and "near the bus depot" in summary
    assert "?" not in summary
    assert "The depot was closed" in summary


def test_a_sentence_naming_the_town_but_no_act_does_not_lead_the_summary() -> None:
    text = (
        "DAYTON, Ohio -- Officers arrived at a bar on Elm Road in Dayton shortly after midnight on Saturday.\n\n"
        "A man was shot twice in the leg during an argument outside the bar, police said.\n\n"
        "He was taken to a hospital in stable condition.\n"
    )
    summary = _summary(text)
    assert summary.startswith("A man was shot twice in the leg")
    assert "Dayton" in summary


def test_an_event_sentence_that_introduces_a_quote_still_opens_the_summary() -> None:
    text = (
        "Gunmen killed three guards at a checkpoint outside Kandahar on Monday, and the governor told reporters:\n\n"
        '"We will find those responsible."\n'
    )
    summary = _summary(text)
    assert summary.startswith("Gunmen killed three guards at a checkpoint outside Kandahar on Monday")
    assert ":." not in summary


def test_upper_case_summary_capitalises_words_that_are_surely_names() -> None:
    from summarizer.engines.rules.text import known_english_words

    english = known_english_words()
    text = sentence_case(
        "A SALVADORAN MAGISTRATE SAID THE BOMB EXPLODED AT 1835 (0035 GMT) NEAR THE HOUSE OF "
        "MAGISTRATE CARLOS TOJEIRA VARILLAS, A PASSERBY SAID. U.S. OFFICIALS AND I AGREE, AFP REPORTED.",
        [],
        english,
    )
    assert "A Salvadoran magistrate said" in text  # an adjective of nationality; a title without a name
    assert "(0035 GMT)" in text  # a short word no word list knows: an acronym
    assert "Magistrate Carlos Tojeira Varillas" in text  # a title before a name, and the name
    assert "a passerby said" in text  # a rare English word stays in lower case
    assert "U.S. officials and I agree, AFP reported." in text
    # a typing error is no name; "a.m." is no acronym
    typo = sentence_case("THE TOWN WAS APPROXIMMATELY 9 KM AWAY AT 10 A.M.", [], english)
    assert typo == "The town was approximmately 9 km away at 10 a.m."
    # a common word between two names belongs to the name; not between a nationality and a name
    assert "Luis Carlos Galan" in sentence_case("LUIS CARLOS GALAN WAS SHOT.", ["Luis"], english)
    assert sentence_case("PERUVIAN POLICE UCHIZA POST.", [], english) == "Peruvian police Uchiza post."
    # kept names are whole words: the place "Lima" is no part of "climate"
    assert sentence_case("THE CLIMATE IN LIMA.", ["Lima"]) == "The climate in Lima."


def test_upper_case_summary_keeps_the_capitals_of_the_persons_it_names() -> None:
    text = (
        "SAN SALVADOR, 3 JAN 90 -- [TEXT] UNIDENTIFIED MEN TODAY KILLED HECTOR ORTIGOZA BELLAMAR, A "
        "LEADER OF THE TEACHERS UNION, IN SANTA ANA. ORTIGOZA WAS SHOT OUTSIDE HIS HOUSE."
    )
    summary = _summary(text, date(1990, 1, 3))
    assert "Ortigoza" in summary and "ortigoza" not in summary


def test_a_speakers_own_words_are_no_summary_sentence() -> None:
    # upper-case wire copy: transcripts and communiques
    assert not _readable("WE WILL NOT NEGOTIATE WITH THE GOVERNMENT, THE COMMANDER SAID.")
    assert not _readable("SINCE I DO NOT KNOW THEIR CONTENT, I CANNOT GIVE AN OPINION.")
    assert not _readable("WE INFORM THE PEOPLE THAT OUR UNITS WILL ATTACK.")
    assert _readable("US AND SALVADORAN OFFICIALS MET IN THE CAPITAL ON TUESDAY.")  # "US": the country
    assert _readable("TRAFFIC ON I-95 WAS STOPPED FOR TWO HOURS AFTER THE CRASH.")
    # mixed-case local news: the outlet's own voice
    assert _readable("We're told the 22-year-old victim had gunshot wounds.")


def test_a_copyright_line_run_on_after_the_story_is_cut() -> None:
    from summarizer.engines.rules.summary import _COPYRIGHT_TAIL

    text = "Officers seized a revolver and two rifles. © 2024 WXYZ | Portions are © Wire Service."
    assert _COPYRIGHT_TAIL.sub("", text) == "Officers seized a revolver and two rifles."


def test_summary_template_agrees_with_a_plural_act() -> None:
    from summarizer.engines.rules.summary import _template
    from summarizer.schema import DraftLocation

    where = DraftLocation(city="Arden", country="Freedonia", quote="in Arden")
    assert (
        _template(None, None, where, "protest clashes", None)
        == "Protest clashes were reported in Arden, Freedonia."
    )
    assert _template(None, None, where, "bombing", None) == "A bombing was reported in Arden, Freedonia."


def test_page_furniture_is_no_summary_sentence() -> None:
    assert not _readable("© 2024 WXYZ | Portions are © Wire Service. This material may not be published.")
    assert not _readable("This material may not be published, broadcast, rewritten, or redistributed.")
    assert not _readable("#ElmStFire UPDATE: Crews have put out the fire on Elm Street.")
    assert not _readable("The Crime Desk needs your help to name every victim.")
    assert not _readable("E-mail us at crimedesk@example.com with what you know.")
    assert not _readable("Read the full statement at https://example.com/statement now.")
    assert _readable("The fire at 14 Elm St. destroyed two houses, the fire chief said.")


# The summary's place line: wire copy names the country as well as the town, and the line does not
# take the place of the event's next sentence.


def test_wire_copy_that_names_only_the_town_gets_its_country() -> None:
    text = (
        "SAN SALVADOR, 12 MAR 89 (RADIO VENCEREMOS) -- [TEXT] FIVE PEASANTS WERE KILLED WHEN A BOMB "
        "EXPLODED IN A MARKET IN SAN SALVADOR TODAY. THE POLICE SAID THE BOMB HAD BEEN HIDDEN IN A "
        "BASKET OF FRUIT NEAR THE MAIN ENTRANCE.\n\nTHE PRESIDENT ORDERED AN INVESTIGATION."
    )
    summary = _summary(text, date(1989, 3, 12))
    assert summary.endswith("It happened in San Salvador, El Salvador.")
    # the event's next sentence stays, before the place line
    assert "The police said the bomb had been hidden" in summary


def test_the_place_line_does_not_crowd_out_the_next_sentence() -> None:
    text = (
        "A 31-year-old man was shot and wounded early Sunday outside a bar on Main Street, police said. "
        "He was taken to a hospital in stable condition. Detectives have not named a suspect."
    )
    summary = _summary(text, date(2025, 3, 10), title="Man shot outside bar in Dayton")
    assert summary == (
        "A 31-year-old man was shot and wounded early Sunday outside a bar on Main Street, police said. "
        "He was taken to a hospital in stable condition. It happened in Dayton, United States."
    )


# Notes around the news: a broadcast transcript's header says who speaks (a sentence of its own in
# the summary), and a promise of updates is no news.


def test_a_transcript_header_opens_the_summary_as_a_sentence() -> None:
    text = (
        "MANAGUA, 11 DEC 89 (RADIO SANDINO) -- [NEWS CONFERENCE WITH LIEUTENANT COLONEL JUAN PEREZ, "
        "CHIEF OF THE NAVY STAFF, BY UNIDENTIFIED REPORTERS] [TEXT] [REPORTER] TELL US ABOUT THE "
        "FISHING BOATS THAT WERE SEIZED [WORDS INDISTINCT].\n\n[PEREZ] THEY ARE IN PORT. THE CREWS "
        "WILL BE RELEASED AFTER THE INVESTIGATION.\n\n[REPORTER] WHEN WILL THE TALKS RESUME?"
    )
    summary = _summary(text, date(1989, 12, 11))
    # (sentence case: upper-case copy tells no names from words)
    assert summary.lower().startswith(
        "news conference with lieutenant colonel juan perez, chief of the navy staff, by unidentified reporters. "
        "tell us about"
    )
    assert "[" not in summary
    assert "seized." in summary  # no space left where "[WORDS INDISTINCT]" was


def test_a_promise_of_updates_is_not_in_the_summary() -> None:
    text = (
        "DENVER (KDVR) -- The man who was shot by a police officer on Monday afternoon has died. "
        "Additional updates posted as received.\n\nThe shooting happened just before 4 p.m. Monday "
        "outside a motel on Main Street."
    )
    summary = _summary(text, date(2016, 1, 12))
    assert "updates" not in summary
    assert "The shooting happened just before 4 p.m. Monday" in summary


def test_a_caliber_keeps_its_space() -> None:
    text = (
        "Officers were investigating narcotics activity near Arlington Avenue on Tuesday and seized a "
        ".22 caliber revolver and two .22 caliber rifles, police said. No one was hurt."
    )
    assert "a .22 caliber revolver and two .22 caliber rifles" in _summary(text, date(2016, 1, 12))
