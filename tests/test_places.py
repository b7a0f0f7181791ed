from __future__ import annotations

import pytest

from summarizer.normalize.places import (
    find_country_adjectives,
    find_named_venues,
    find_places,
    resolve_country,
    venue_noun,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("US", ("United States", "US")),
        ("U.S.", ("United States", "US")),
        ("USA", ("United States", "US")),
        ("Britain", ("United Kingdom", "GB")),
        ("UK", ("United Kingdom", "GB")),
        ("Ivory Coast", ("Ivory Coast", "CI")),
        ("Côte d'Ivoire", ("Ivory Coast", "CI")),
        ("Nigerian", ("Nigeria", "NG")),
        ("EL SALVADOR", ("El Salvador", "SV")),
        ("Iran", ("Iran", "IR")),
        ("the Netherlands", ("Netherlands", "NL")),
    ],
)
def test_resolve_country(name: str, expected: tuple[str, str]) -> None:
    assert resolve_country(name) == expected


def test_unknown_country() -> None:
    assert resolve_country("Narnia") is None
    assert resolve_country("") is None


def _kinds(text: str) -> list[tuple[str, str, str | None]]:
    return [(p.kind, p.name, p.alpha2) for p in find_places(text)]


def test_city_implies_country_and_venue_with_preposition() -> None:
    places = find_places(
        "A bomber blew himself up at the Crocus City Hall on the outskirts of Moscow, killing 12."
    )
    venue = next(p for p in places if p.kind == "venue")
    assert venue.text == "the Crocus City Hall" and venue.preposition == "at"
    moscow = next(p for p in places if p.kind == "city")
    assert (moscow.name, moscow.alpha2, moscow.preposition) == ("Moscow", "RU", "on the outskirts of")


def test_junk_words_are_not_cities() -> None:
    text = "Police said Of the victims, reading the news in Mobile was hard. Police in Split said nothing."
    assert not [p for p in find_places(text) if p.kind == "city" and p.name in {"Police", "Of", "Reading"}]


def test_upper_case_newswire() -> None:
    got = _kinds("SAN SALVADOR, 3 JAN 90 -- SIX PEASANTS WERE KILLED IN SAN MIGUEL DEPARTMENT NEAR USULUTAN.")
    assert ("city", "San Salvador", "SV") in got
    assert ("city", "Usulután", "SV") in got
    assert any(k == "region" and n == "San Miguel" for k, n, _ in got)


def test_region_and_possessive_country() -> None:
    places = find_places("Gunmen attacked a village in central Nigeria's Plateau State on Sunday.")
    region = next(p for p in places if p.kind == "region")
    assert region.name == "Plateau" and region.alpha2 == "NG"


def test_ambiguous_city_follows_the_country_named() -> None:
    places = find_places(
        "The bomb exploded in Athens on Thursday. Greece has a long history of such attacks."
    )
    athens = next(p for p in places if p.kind == "city")
    assert athens.alpha2 == "GR"


def test_adjectives() -> None:
    assert [p.alpha2 for p in find_country_adjectives("At least 14 Malian soldiers and a Nigerian")] == [
        "ML",
        "NG",
    ]


def test_country_name_hard_wrapped_across_lines() -> None:
    from summarizer.normalize.places import find_places

    found = [(p.kind, p.name) for p in find_places("THE JUDGES MET IN COSTA\nRICA YESTERDAY.")]
    assert ("country", "Costa Rica") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen stormed the Lakeside Palace Hotel on Monday.", "the Lakeside Palace Hotel"),
        ("A van hit shoppers at the Oudemarkt market on Saturday.", "the Oudemarkt market"),
        ("The blast hit Bremen's Neustadt railway station at noon.", "Bremen's Neustadt railway station"),
        (
            "He was refused entry to the Blue Lantern, a nightclub in the old town.",
            "the Blue Lantern, a nightclub",
        ),
        ("Hundreds protested outside the National Assembly on Friday.", "the National Assembly"),
        (
            "The blast tore through the prayer hall of the Masjid-e-Rahma in the old city.",
            "the Masjid-e-Rahma",
        ),
        ("The crowd gathered at Sunset Beach for the fireworks.", "Sunset Beach"),
    ],
)
def test_named_venues(text: str, expected: str) -> None:
    assert expected in [v.text for v in find_named_venues(text)]


@pytest.mark.parametrize(
    "text",
    [
        "A gunman opened fire in a Columbus nightclub on Sunday.",
        "Readings at the Met Office's station passed 44C.",
        "Police said the Tuesday rally ended peacefully.",
        "Officials at the Interior Ministry said the toll rose.",
    ],
)
def test_not_named_venues(text: str) -> None:
    assert find_named_venues(text) == []


def test_venue_noun_classes() -> None:
    assert venue_noun("the Lakeside Palace Hotel") == "hotel"
    assert venue_noun("a crowded bazaar in the old city") == "market"
    assert venue_noun("Edith Lane, a five-storey block of flats") == "building"
    assert venue_noun("a military camp") == "camp"


def test_named_venues_with_connectors_and_parlours() -> None:
    assert "the Estádio dos Lírios" in [
        v.text for v in find_named_venues("Fans gathered outside the Estádio dos Lírios for a show.")
    ]
    assert "the Blue Moon karaoke parlour" in [
        v.text for v in find_named_venues("A fire broke out in the Blue Moon karaoke parlour downtown.")
    ]
