"""Reconciliation judgments and the per-article readings they rest on (own test sentences)."""

from __future__ import annotations

import pytest
from event_members import member

from summarizer import Article, Summarizer
from summarizer.events import Member, Status, build_event
from summarizer.normalize.casualties import find_mentions
from summarizer.schema import IncidentReport
from summarizer.settings import Settings


@pytest.fixture(scope="module")
def summarizer(tmp_path_factory: pytest.TempPathFactory) -> Summarizer:
    return Summarizer(Settings(cache_dir=tmp_path_factory.mktemp("cache")), engine="rules")


def with_city(m: Member, city: str) -> Member:
    report: IncidentReport = m.report.model_copy(deep=True)
    assert report.incident is not None and report.incident.location is not None
    report.incident.location.city = city
    return m.model_copy(update={"report": report})


# -- per-article readings ---------------------------------------------------------------------------


def test_a_toll_given_is_not_an_update_of_the_toll() -> None:
    (given,) = find_mentions("Police have given a toll of three.", 0, 0, 2026)
    assert (given.value, given.update) == (3, False)
    (rose,) = find_mentions("The death toll rose to 19 on Friday.", 0, 0, 2026)
    assert (rose.value, rose.update) == (19, True)


def test_a_rights_groups_figure_is_not_replaced_by_the_police_toll_it_reports(summarizer: Summarizer) -> None:
    text = (
        "Nine people were killed in Lowtown on Monday during protests over bread prices, the Civic Rights "
        "Forum said. Police have given a toll of two. The forum said its volunteers counted the bodies."
    )
    report = summarizer.summarize(Article(text=text, published="2026-02-03"))
    assert report.incident is not None and report.incident.killed is not None
    assert report.incident.killed.value == 9


def test_a_second_fire_this_week_is_another_event() -> None:
    found = find_mentions(
        "It was the second deadly fire in the town this week: on Monday, seven workers were killed "
        "in a blaze at a depot.",
        0,
        0,
        2025,
    )
    assert [(m.value, m.background) for m in found] == [(7, True)]
    # the same words without the colon or "after" name this event's own toll
    (own,) = find_mentions("It was the second attack on the town this week, killing 12 people.", 0, 0, 2025)
    assert not own.background


def test_a_later_death_in_hospital_does_not_date_the_incident(summarizer: Summarizer) -> None:
    text = (
        "Police detained the owner of the minibus that overturned on the Coast Road near Marlow on Tuesday, "
        "after a fifth passenger died in hospital on Thursday. Nine other passengers are being treated."
    )
    report = summarizer.summarize(Article(text=text, published="2025-05-16"))  # a Friday
    assert report.incident is not None and report.incident.date is not None
    assert str(report.incident.date.iso) == "2025-05-13"


# -- reconciliation ---------------------------------------------------------------------------------

R1 = (
    "Twenty-one people were killed when a ferry capsized on the Amber River near Dalton on Saturday, "
    "the river police said."
)
R2 = (
    "At least eight people were killed when a ferry capsized on the Amber River near Dalton on Saturday, "
    "according to a local official."
)


def test_a_later_vaguer_figure_does_not_supersede_a_precise_one(summarizer: Summarizer) -> None:
    event = build_event(
        [
            member(summarizer, "r1", R1, "River Post", "2025-07-13"),
            member(summarizer, "r2", R2, "Valley Wire", "2025-07-14"),
        ]
    )
    killed = event.fields["killed"]
    assert killed.status == Status.consistent
    assert killed.consolidated == "21"
    assert all(s.status == Status.consistent for s in killed.sources)


def test_a_later_higher_figure_still_supersedes(summarizer: Summarizer) -> None:
    event = build_event(
        [
            member(summarizer, "r2", R2, "Valley Wire", "2025-07-13"),
            member(summarizer, "r1", R1, "River Post", "2025-07-14"),
        ]
    )
    killed = event.fields["killed"]
    assert killed.status == Status.superseded
    assert killed.consolidated == "21"


# Tamford is named three times, Harlow twice plus the dateline: the dateline decides nothing
P1 = (
    "HARLOW, Wessex - Gunmen killed five people in an attack on a market in Tamford on Friday, police "
    "said. The wounded were taken to hospital in Harlow. Residents fled Tamford for nearby villages."
)
P2 = (
    "Five people were killed when gunmen attacked the Friday market in Tamford, a farming town east of "
    "Harlow, officials said."
)


def test_the_place_the_articles_name_most_wins_a_tie_a_dateline_aside(summarizer: Summarizer) -> None:
    m1 = with_city(member(summarizer, "p1", P1, "Wessex Wire", "2025-03-08"), "Harlow")
    m2 = with_city(member(summarizer, "p2", P2, "County Times", "2025-03-08"), "Tamford")
    event = build_event([m1, m2])
    city = event.fields["city"]
    assert city.status == Status.consistent  # each article names the other's place
    assert city.consolidated == "Tamford"
    assert "most often" in city.rule


K1 = (
    "Two people were killed in Lowtown on Monday when police fired on protesters over bread prices, "
    "police commander Ann Reyes said."
)
K2 = (
    "Nine people were killed in Lowtown on Monday during protests over bread prices, the Civic Rights "
    "Forum said. Police have given a toll of two."
)


def test_police_and_a_rights_group_conflict_and_the_brief_attributes_both(summarizer: Summarizer) -> None:
    event = build_event(
        [
            member(summarizer, "k1", K1, "Lake Times", "2026-02-03", "2026-02-03T08:00:00+03:00"),
            member(summarizer, "k2", K2, "Coast Monitor", "2026-02-03", "2026-02-03T10:00:00+03:00"),
        ]
    )
    killed = event.fields["killed"]
    assert killed.status == Status.conflict
    assert killed.count is not None and (killed.count.low, killed.count.high) == (2, 9)
    assert event.brief_problems == []
    sentence = next(s for s in event.brief_sentences if "9" in s.text)
    assert "Coast Monitor" in sentence.text and "Lake Times" in sentence.text


def test_unattributed_conflicted_figures_are_found_and_a_written_date_is_not_one(
    summarizer: Summarizer,
) -> None:
    from summarizer.events.brief import unattributed_conflicts

    event = build_event(
        [
            member(summarizer, "k1", K1, "Lake Times", "2026-02-03", "2026-02-03T08:00:00+03:00"),
            member(summarizer, "k2", K2, "Coast Monitor", "2026-02-03", "2026-02-03T10:00:00+03:00"),
        ]
    )
    assert unattributed_conflicts("The protest on 2 February 2026 turned deadly.", event.fields) == []
    problems = unattributed_conflicts("Nine people died, 9 by one count. Lake Times gave 2.", event.fields)
    assert problems == ["conflicted killed '9' is stated without its outlet"]


def test_members_carry_the_public_report_key(summarizer: Summarizer) -> None:
    from summarizer.events.api import member_from

    article = Article(text=R1, id="r1", outlet="River Post", published="2025-07-13")
    m = member_from(summarizer, article)
    assert m.key == summarizer.report_key(summarizer.prepare(article))
    other = summarizer.report_key(summarizer.prepare(Article(text=R2, published="2025-07-13")))
    assert other != m.key


V1 = (
    "A fire broke out at the Royal Station in Kelby on Monday evening, killing four passengers who were "
    "waiting for a train, fire officials said. The blaze started in a ticket office."
)
V2 = (
    "Two people died when flames swept through a bakery beside the Pioneer Station in Kelby on Monday, "
    "the fire brigade said. A faulty oven was blamed."
)


def test_two_venues_sharing_only_their_kind_are_two_incidents(summarizer: Summarizer) -> None:
    from summarizer.events import group_events

    ms = [
        member(summarizer, "v1", V1, "Kelby Post", "2025-03-04"),
        member(summarizer, "v2", V2, "Kelby Herald", "2025-03-04"),
    ]
    venues = [
        m.report.incident.location.venue for m in ms if m.report.incident and m.report.incident.location
    ]
    assert [v.split()[-2:] for v in venues if v] == [["Royal", "Station"], ["Pioneer", "Station"]]
    assert sorted(sorted(g.ids) for g in group_events(ms)) == [["v1"], ["v2"]]
