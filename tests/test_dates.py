from __future__ import annotations

from datetime import date

import pytest

from summarizer.normalize.dates import find_date_phrases, find_dateline_date, resolve_date
from summarizer.schema import DatePrecision

SAT = date(2024, 3, 2)  # a Saturday


@pytest.mark.parametrize(
    ("phrase", "published", "expected", "source"),
    [
        ("March 3, 2024", None, date(2024, 3, 3), "explicit"),
        ("3 JAN 90", None, date(1990, 1, 3), "explicit"),
        ("2024-03-23", None, date(2024, 3, 23), "explicit"),
        ("the 3rd of March, 2023", None, date(2023, 3, 3), "explicit"),
        ("March 1", SAT, date(2024, 3, 1), "explicit"),
        ("March 3", SAT, date(2023, 3, 3), "explicit"),  # after publication: the year before
        ("ON 30 DECEMBER", date(1990, 1, 3), date(1989, 12, 30), "explicit"),
        ("on Friday", SAT, date(2024, 3, 1), "relative"),
        ("Saturday", SAT, date(2024, 3, 2), "relative"),  # on or before publication
        ("Tuesday evening", SAT, date(2024, 2, 27), "relative"),
        ("early Sunday", SAT, date(2024, 2, 25), "relative"),
        ("on Monday night", SAT, date(2024, 2, 26), "relative"),
        ("yesterday", SAT, date(2024, 3, 1), "relative"),
        ("YESTERDAY AFTERNOON", SAT, date(2024, 3, 1), "relative"),
        ("last night", SAT, date(2024, 3, 1), "relative"),
        ("today", SAT, SAT, "relative"),
        ("this morning", SAT, SAT, "relative"),
        ("two days ago", SAT, date(2024, 2, 29), "relative"),
    ],
)
def test_resolve(phrase: str, published: date | None, expected: date, source: str) -> None:
    got = resolve_date(phrase, "", published)
    assert got.iso == expected
    assert got.resolved_from == source
    assert got.precision is DatePrecision.day


def test_weekday_across_month_and_year_boundaries() -> None:
    # published Monday 1 January 2024: "on Friday" is Friday 29 December 2023
    assert resolve_date("on Friday", "", date(2024, 1, 1)).iso == date(2023, 12, 29)
    # published Tuesday 1 October 2024: "Sunday" is 29 September
    assert resolve_date("Sunday", "", date(2024, 10, 1)).iso == date(2024, 9, 29)
    # leap day
    assert resolve_date("on Thursday", "", date(2024, 3, 2)).iso == date(2024, 2, 29)


@pytest.mark.parametrize(
    "phrase", ["on Friday", "yesterday", "last night", "today", "March 3", "Tuesday evening"]
)
def test_no_publication_date_means_no_invented_date(phrase: str) -> None:
    got = resolve_date(phrase, "", None)
    assert got.iso is None
    assert got.resolved_from == "none"


def test_explicit_date_in_context_beats_weekday() -> None:
    got = resolve_date(
        "on Friday", "The attack happened on Friday, Feb. 23, 2024, police said", date(2024, 3, 2)
    )
    assert got.iso == date(2024, 2, 23)


def test_month_and_year_precision() -> None:
    got = resolve_date("March 2024", "", None)
    assert (got.iso, got.precision) == (date(2024, 3, 1), DatePrecision.month)
    got = resolve_date("in 2015", "", None)
    assert (got.iso, got.precision) == (date(2015, 1, 1), DatePrecision.year)


def test_unresolvable() -> None:
    assert resolve_date("at some point", "", SAT).iso is None


def test_find_date_phrases_keeps_preposition() -> None:
    assert [p.text for p in find_date_phrases("Gunmen killed 12 people on Friday night in Kabul.")] == [
        "on Friday night"
    ]
    assert [p.text for p in find_date_phrases("THE KIDNAPPING TOOK PLACE ON 30 DECEMBER IN SAN LUIS")] == [
        "ON 30 DECEMBER"
    ]
    assert find_date_phrases("It may 5 people") == []


def test_find_dateline_date() -> None:
    assert find_dateline_date("SAN SALVADOR, 3 JAN 90 (RADIO CADENA NACIONAL) -- [REPORT] SIX ...") == date(
        1990, 1, 3
    )
    assert find_dateline_date("Title\ndate 2024-03-23\n\nText") == date(2024, 3, 23)
    assert find_dateline_date("LAGOS, Nigeria, March 3, 2024 (AP) — A blast") == date(2024, 3, 3)
    assert find_dateline_date("Published: March 4, 2024\nText") == date(2024, 3, 4)
    # a dateline without a year gives no date
    assert find_dateline_date("KABUL, March 3 (Reuters) - A blast killed 12 people.") is None
    assert find_dateline_date("Twelve people died.") is None


def test_wire_copy_date_of_the_report_is_not_the_date_of_the_act() -> None:
    from summarizer.engines.rules.engine import extract_draft

    text = (
        "   LIMA, 8 JUN 90 (RADIO EJEMPLO) -- [TEXT] THE OPPOSITION PARTY TODAY DEMANDED A FULL INQUIRY.  "
        "ITS LEADER SAID THAT A TEACHER WAS MURDERED BY A DEATH SQUAD ON 5 JUNE IN HUANCAYO.\n"
    )
    draft = extract_draft(text, None)
    assert draft.is_incident
    assert draft.date is not None and "5 JUNE" in draft.date.as_stated


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("A FEW MINUTES AGO", SAT),
        ("just a few minutes ago", SAT),
        ("15-20 MINUTES AGO", SAT),
        ("IN THE PAST FEW HOURS", SAT),
        ("over the last few hours", SAT),
        ("two hours ago", SAT),
        ("the previous afternoon", date(2024, 3, 1)),
        ("the previous morning", date(2024, 3, 1)),
        ("on the morning after Christmas", date(2023, 12, 26)),
        ("the day before Christmas", date(2023, 12, 24)),
        ("the night after New Year's Eve", date(2024, 1, 1)),
    ],
)
def test_resolve_recent_and_shifted_phrases(phrase: str, expected: date) -> None:
    got = resolve_date(phrase, "", SAT)
    assert (got.iso, got.resolved_from) == (expected, "relative")


def test_find_recent_phrases_and_names_that_look_like_dates() -> None:
    assert [p.text for p in find_date_phrases("TWO BOMBS EXPLODED A FEW MINUTES AGO IN BOGOTA.")] == [
        "A FEW MINUTES AGO"
    ]
    assert [p.text for p in find_date_phrases("He was kidnapped in the past few hours near the port.")] == [
        "in the past few hours"
    ]
    assert [p.text for p in find_date_phrases("He called 911 on the morning after Christmas.")] == [
        "on the morning after Christmas"
    ]
    # a movement named for a date is a name
    assert find_date_phrases("THE 19 APRIL MOVEMENT [M-19] TODAY ACCUSED THE ARMY.")[0].text == "TODAY"
    assert find_date_phrases("the former 19 April (M-19) guerrilla movement") == []


def test_find_dateline_date_in_brackets_after_the_place() -> None:
    # US local stations put the date in brackets after the place
    assert find_dateline_date("SPRINGFIELD, Ind. (Dec. 10, 2023) – A traffic stop led to a chase.") == date(
        2023, 12, 10
    )
    assert find_dateline_date("SPRINGFIELD (March 3, 2024) - Police are searching for two men.") == date(
        2024, 3, 3
    )
    # brackets that hold no date are no dateline
    assert find_dateline_date("Police (and deputies) said - nobody was hurt.") is None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Wednesday, March 6, a day after", date(2024, 3, 5)),
        ("on March 4 (two days after", date(2024, 3, 2)),
        ("Sunday, two weeks after", date(2024, 2, 18)),
        ("March 6, 2024, 3 days after", date(2024, 3, 3)),
    ],
)
def test_a_date_with_the_acts_distance_counts_back(phrase: str, expected: date) -> None:
    got = resolve_date(phrase, published=date(2024, 3, 7))
    assert got.iso == expected and got.precision == DatePrecision.day


def test_a_distance_from_a_month_names_no_day() -> None:
    assert resolve_date("last month, two days after", published=date(2024, 3, 7)).iso is None


def test_a_date_that_is_all_a_quotation_holds_is_a_name() -> None:
    assert (
        find_date_phrases('A RING CALLING ITSELF THE "3 OCTOBER" COMMAND TODAY BURNED A DEPOT.')[0].text
        == "TODAY"
    )
    assert find_date_phrases("the “June 2” brigade claimed the bombing") == []
    # a quotation that holds more than the date still dates: 'he said "on 3 October we left"'
    assert [p.text for p in find_date_phrases('she said "on 3 October we left"')] == ["on 3 October"]


@pytest.mark.parametrize(
    ("phrase", "published", "coming"),
    [
        ("on 27 May", date(2024, 2, 20), True),  # three months ahead
        ("Dec. 14", date(2024, 8, 28), True),
        ("Jan. 4", date(2024, 12, 30), True),  # ahead across the new year
        ("on 11 December", date(2024, 1, 5), False),  # last month, across the new year
        ("March 3", date(2024, 3, 3), False),  # the publication day itself
        ("on 2 March", date(2024, 3, 3), False),
        ("on 27 May 2024", date(2024, 2, 20), False),  # a year is written: not guessed
        ("on Friday", date(2024, 2, 20), False),
    ],
)
def test_coming_date(phrase: str, published: date, coming: bool) -> None:
    from summarizer.normalize.dates import coming_date

    assert coming_date(phrase, published) is coming


def test_a_coming_day_and_month_is_not_the_date_of_the_act() -> None:
    from summarizer.engines.rules.engine import extract_draft

    text = (
        "   QUITO, 20 FEB 90 (RADIO EJEMPLO) -- [TEXT] A CAR BOMB EXPLODED OUTSIDE A BANK IN GUAYAQUIL, "
        "INJURING FOUR PEOPLE.  THE POLICE SAID THE BOMBING WAS MEANT TO DISRUPT THE REFERENDUM ON 27 MAY.\n"
    )
    draft = extract_draft(text, date(1990, 2, 20))
    assert draft.is_incident
    assert draft.date is None or "27 MAY" not in draft.date.as_stated


def test_a_statement_told_as_an_aside_does_not_date_the_act() -> None:
    from summarizer.engines.rules.engine import extract_draft

    text = (
        "   LIMA, 12 JUN 90 (RADIO EJEMPLO) -- [TEXT] AS THIS STATION HAS ALREADY REPORTED, ON 9 JUNE "
        "A CAR BOMB EXPLODED OUTSIDE A BANK IN HUANCAYO, INJURING SIX PEOPLE.\n"
    )
    draft = extract_draft(text, date(1990, 6, 12))
    assert draft.is_incident
    assert draft.date is not None and "9 JUNE" in draft.date.as_stated
