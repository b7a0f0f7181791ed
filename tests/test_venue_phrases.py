"""Venue phrases in upper-case copy, where every word is capitalised: the town after "in" ends at a
time word or a function word."""

from __future__ import annotations

import pytest

from summarizer.normalize.places.venues import find_venues


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("A BOMB EXPLODED IN A MARKET IN SAN SALVADOR TODAY.", "A MARKET IN SAN SALVADOR"),
        ("THE BOMB WENT OFF AT THE HOTEL IN LA PAZ LAST NIGHT.", "THE HOTEL IN LA PAZ"),
        ("GUERRILLAS ATTACKED THE HOTEL IN AN ATTEMPT TO FREE THEM.", "THE HOTEL"),
        ("A CAR BOMB EXPLODED AT THE EMBASSY OF THE UNITED STATES.", "THE EMBASSY OF THE UNITED STATES"),
        # mixed case as before
        ("A bomb exploded at a market in San Salvador on Monday.", "a market in San Salvador"),
        ("Mourners gathered at the Church of the Holy Cross.", "the Church of the Holy Cross"),
    ],
)
def test_venue_phrase_ends_where_the_place_name_does(text: str, venue: str) -> None:
    assert [v.text for v in find_venues(text)] == [venue]
