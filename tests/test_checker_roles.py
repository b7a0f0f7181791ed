"""The checker reads what role a fact plays in its own evidence: a date that only dates a statement
or a toll update, a city named only as the dateline, a distance's reference point or a route's end,
a figure that tallies a past period, a country the article's US cues contradict. Hand-written
sentences; each case has its correct twin that must stay unmarked."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.checker import check_report
from summarizer.normalize.dates import find_date_phrases
from summarizer.normalize.roles import date_role, incident_place_names, place_roles
from summarizer.schema import (
    ArticleMeta,
    Category,
    Count,
    Evidence,
    Incident,
    IncidentDate,
    IncidentReport,
    Location,
    Neutrality,
    Provenance,
    Qualifier,
)


def _ev(article: str, quote: str) -> list[Evidence]:
    start = article.index(quote)
    return [Evidence(quote=quote, start=start, end=start + len(quote))]


def _report(article: str, published: date | None = date(2024, 3, 2), **incident: object) -> IncidentReport:
    return IncidentReport(
        is_incident=True,
        incident=Incident(category=Category.violent_attack, **incident),  # type: ignore[arg-type]
        summary="An attack was reported.",
        neutrality=Neutrality(neutral=True),
        article=ArticleMeta(chars=len(article), sha256="x", published=published),
        provenance=Provenance(
            engine="test",
            model="m",
            prompt_name="p",
            prompt_version="1",
            prompt_hash="h",
            summarizer_version="0",
        ),
    )


def _fields(report: IncidentReport) -> set[str]:
    return {w.field for w in report.warnings if w.field}


# ------------------------------------------------------------------------------------------- dates

UPDATE = (
    "The death toll from Friday's bombing at the bus station rose to 12 on Saturday as rescuers "
    "searched the rubble."
)


def _dated(as_stated: str, iso: date, article: str = UPDATE) -> IncidentReport:
    return _report(
        article,
        date=IncidentDate(
            as_stated=as_stated, iso=iso, resolved_from="relative", evidence=_ev(article, article)
        ),
    )


def test_a_date_that_only_dates_the_toll_update_is_marked() -> None:
    # published Saturday 2 March 2024: Friday is 1 March, Saturday 2 March
    wrong = _dated("on Saturday", date(2024, 3, 2))
    assert "incident.date" in _fields(check_report(wrong, UPDATE, "flag"))
    fixed = check_report(wrong, UPDATE, "strict")
    assert fixed.incident is not None and fixed.incident.date is not None
    assert fixed.incident.date.iso == date(2024, 3, 1)


def test_the_same_day_written_out_is_marked_too() -> None:
    wrong = _dated("March 2, 2024", date(2024, 3, 2))
    assert "incident.date" in _fields(check_report(wrong, UPDATE, "flag"))


def test_the_act_date_is_not_marked() -> None:
    right = _dated("Friday", date(2024, 3, 1))
    assert "incident.date" not in _fields(check_report(right, UPDATE, "flag"))
    assert "incident.date" not in _fields(check_report(right, UPDATE, "strict"))


def test_a_statement_date_alone_is_not_marked() -> None:
    article = "Police said Saturday that a man was found dead in a car park."
    right = _dated("Saturday", date(2024, 3, 2), article)
    assert "incident.date" not in _fields(check_report(right, article, "flag"))


@pytest.mark.parametrize(
    ("sentence", "phrase", "role"),
    [
        (
            "Gunmen attacked the village late on Tuesday, officials said on Wednesday.",
            "on Wednesday",
            "report",
        ),
        (
            "Gunmen attacked the village late on Tuesday, officials said on Wednesday.",
            "late on Tuesday",
            "act",
        ),
        ("A man was shot early Sunday, and police on Monday arrested a suspect.", "on Monday", "report"),
        ("TOWNVILLE, March 7 (Wire) - Three people were killed on Thursday.", "March 7", "dateline"),
        ("TOWNVILLE, March 7 (Wire) - Three people were killed on Thursday.", "on Thursday", "act"),
        (
            "TOWNVILLE (Nov 3, 2019) - Police seek two men who robbed a store Sunday night.",
            "Nov 3, 2019",
            "dateline",
        ),
    ],
)
def test_date_roles(sentence: str, phrase: str, role: str) -> None:
    found = {p.text: p for p in find_date_phrases(sentence)}
    assert date_role(sentence, found[phrase]) == role


def test_the_checker_resolves_against_the_dateline_when_no_publication_date() -> None:
    article = (
        "TOWNVILLE, March 19, 2025 (Wire) -- The death toll from Tuesday's bus crash near Hilltown "
        "has risen to 34, police said Wednesday."
    )
    wrong = _report(
        article,
        published=None,
        date=IncidentDate(
            as_stated="Wednesday",
            iso=date(2025, 3, 19),
            resolved_from="relative",
            evidence=_ev(article, article),
        ),
    )
    assert "incident.date" in _fields(check_report(wrong, article, "flag"))


# ------------------------------------------------------------------------------------------ places

FILED = (
    "KARACHI, Pakistan (Wire) - A bomb exploded at a crowded bus terminal in the southwestern town of "
    "Turbat on Wednesday, killing nine people."
)


def _located(city: str, article: str, country: str = "Pakistan", code: str = "PK") -> IncidentReport:
    return _report(
        article,
        location=Location(city=city, country=country, country_code=code, evidence=_ev(article, article)),
    )


def test_a_dateline_city_is_marked_when_the_evidence_places_the_incident_elsewhere() -> None:
    out = check_report(_located("Karachi", FILED), FILED, "flag")
    assert "incident.location.city" in _fields(out)
    fixed = check_report(_located("Karachi", FILED), FILED, "strict")
    assert fixed.incident is not None and fixed.incident.location is not None
    assert fixed.incident.location.city == "Turbat"


def test_the_incident_town_is_not_marked() -> None:
    out = check_report(_located("Turbat", FILED), FILED, "strict")
    assert "incident.location.city" not in _fields(out)


def test_a_dateline_city_that_is_the_incident_city_is_not_marked() -> None:
    article = "SPRINGTOWN (WXYZ) -- A man was shot and killed in Oakdale Park on Saturday night, police said."
    out = check_report(_located("Springtown", article, "United States", "US"), article, "flag")
    assert "incident.location.city" not in _fields(out)


def test_a_neighbourhood_before_its_city_is_not_marked() -> None:
    article = "A fire killed 11 people in a residential building in Hillbrow, Johannesburg, early on Sunday."
    out = check_report(_located("Johannesburg", article, "South Africa", "ZA"), article, "flag")
    assert "incident.location.city" not in _fields(out)


@pytest.mark.parametrize(
    ("name", "sentence", "roles"),
    [
        (
            "Dhaka",
            "The blaze broke out at a factory in Gazipur, about 30 km (19 miles) north of Dhaka.",
            ["reference"],
        ),
        (
            "Lima",
            "The bus, carrying 46 passengers from Lima to the city of Ayacucho, plunged into a ravine.",
            ["route"],
        ),
        ("Kamba", "Health Minister Roger Kamba said most cases were around Tshikapa.", ["name"]),
        ("Arequipa", "Protesters blocked the road near Cocachacra, in the Arequipa region.", ["region"]),
        ("Gold", "Miners were trapped after a gold mine collapsed near Bindura.", ["common"]),
        ("Bindura", "Miners were trapped after a gold mine collapsed near Bindura.", ["incident"]),
    ],
)
def test_place_roles(name: str, sentence: str, roles: list[str]) -> None:
    assert place_roles(name, sentence) == roles


def test_incident_place_names_leave_out_venues_and_regions() -> None:
    sentence = (
        "Two people died at Lady Reading Hospital after the crash near the town of Hilltown "
        "in Bihar's Buxar district and in Plateau state."
    )
    assert [p.name for p in incident_place_names(sentence)] == ["Hilltown", "Buxar"]


# ------------------------------------------------------------------------------- counts, countries


def test_a_tally_over_a_past_period_is_marked_as_background() -> None:
    article = "A man was shot dead on Monday. The town saw 40 homicides in 2019, a record."
    quote = "The town saw 40 homicides in 2019, a record."
    wrong = _report(article, killed=Count(value=40, as_stated="40", evidence=_ev(article, quote)))
    assert "incident.killed" in _fields(check_report(wrong, article, "flag"))
    today = "Five people were killed on Saturday in a shooting at a bar, the deadliest since 2019."
    right = _report(today, killed=Count(value=5, as_stated="Five", evidence=_ev(today, today)))
    assert "incident.killed" not in _fields(check_report(right, today, "flag"))


def test_a_day_of_the_month_is_not_a_count() -> None:
    article = "3, 2019) - Detectives are still looking for whoever fired the fatal shot."
    wrong = _report(
        article,
        killed=Count(value=3, qualifier=Qualifier.exact, as_stated="3", evidence=_ev(article, article)),
    )
    assert "incident.killed" in _fields(check_report(wrong, article, "flag"))


def test_a_country_against_the_articles_us_cues_is_marked() -> None:
    article = "MAPLEVILLE, Pa. (WXYZ) -- A man was shot in Mapleville on Friday night, state police said."
    wrong = _located("Mapleville", article, "Norway", "NO")
    out = check_report(wrong, article, "flag")
    assert "incident.location.country" in _fields(out)
    right = _located("Mapleville", article, "United States", "US")
    assert "incident.location.country" not in _fields(check_report(right, article, "flag"))


def test_a_country_the_gazetteer_gives_the_city_needs_no_scan_of_the_article(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the city's own country settles it: the whole-article place and adjective scans are skipped
    import summarizer.checker as checker

    def unused(text: str) -> list[object]:
        raise AssertionError("the article was scanned for places")

    article = "A fire at a warehouse in Lagos killed four workers on Tuesday, firefighters said."
    monkeypatch.setattr(checker, "find_places", unused)
    monkeypatch.setattr(checker, "find_country_adjectives", unused)
    out = check_report(_located("Lagos", article, "Nigeria", "NG"), article, "flag")
    assert "incident.location.country" not in _fields(out)


def test_a_country_only_an_adjective_names_is_still_trusted() -> None:
    # no city the gazetteer knows, no country named outright: the nationality adjective settles it
    article = "A bus plunged into a ravine near Qarwelo, killing nine Kenyan passengers, police said."
    out = check_report(_located("Qarwelo", article, "Kenya", "KE"), article, "flag")
    assert "incident.location.country" not in _fields(out)
    wrong = check_report(_located("Qarwelo", article, "Peru", "PE"), article, "flag")
    assert "incident.location.country" in _fields(wrong)
