"""The incident's city, town or district, by evidence across the article.

Mentions in the event sentence count most, then the lead, then the rest; "the town of X" and
"X district" add weight; big cities used as reference points ("near Dhaka", "flown to Nairobi")
and a capital's dateline count less. Candidates come from the gazetteer (:mod:`summarizer.normalize.places`),
from "the village of X" phrases, from a capitalised name after "in"/"near" in the event sentence,
and from the dateline.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from functools import lru_cache

from ...lazyre import lazy_compile
from ...normalize.dates import CALENDAR_WORDS
from ...normalize.places import Place, country_name, find_places, gazetteer, resolve_country
from ...normalize.places.lexicon import ARTICLES, DIRECTION_WORDS, NAMED_VENUE_NOUNS, POSSESSIVES
from ...normalize.us_places import county_states, find_us_cues, person_words
from .actors import known_group_spans
from .context import Context, fold_name, inside
from .mention_role import mention_factor
from .suspects import first_names
from .text import Sentence, common_english_words, frequent_english_words, restore_case
from .usgeo import US_NAME, UsContext, county_place, is_person, place_tails
from .wire import DISTANCE_FROM, SAID_IN, act_place_sentence

__all__ = ["NOT_PLACE_WORDS", "pick_city"]

_NAME = r"[A-ZÀ-Ý][\w'’-]+(?:[\s-][A-ZÀ-Ý][\w'’-]+){0,2}"
_TOWN = lazy_compile(
    r"\b(?:(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:village|town|city|community|settlement|hamlet|locality|suburb|"
    rf"district|area|neighbourhood|neighborhood|municipality)\s+of\s+(?P<a>{_NAME})"
    r"|(?P<b>[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){0,2})\s+(?:village|town|community|settlement|locality|"
    r"neighbou?rhood|section)"
    # French and Spanish: "le village de Tibou-Sirba", "el poblado de Chuschi"
    r"|(?:le|du|au|la|el|del|al)\s+(?:village|ville|commune|localité|hameau|pueblo|poblado|municipio|caserío|"
    rf"localidad|comunidad|aldea)\s+(?:de\s+|du\s+|d['’])(?P<c>{_NAME})"
    # "Kopkwang, in Mangu local government area", "Tibou-Sirba, dans la province du Séno": a small place
    # introduced with its district
    rf"|(?P<d>{_NAME}),\s+(?:in|of)\s+(?:the\s+)?(?:[A-ZÀ-Ý][\w'’-]+\s+){{1,3}}(?i:province|region|district|"
    r"state|department|county|municipality|local\s+government\s+area|governorate|prefecture)\b"
    rf"|(?P<e>{_NAME}),\s+(?:dans\s+la|en\s+la|en\s+el)\s+(?:province|région|préfecture|provincia|región|"
    r"departamento|distrito)\s+(?:de\s+|du\s+|d['’])"
    # "in far south suburban Sauk Village": a town apart from the dateline's city (not "suburban Cook County")
    rf"|\b(?:in|near|outside)\s+(?:[a-z]+\s+){{0,2}}suburban\s+(?P<f>{_NAME})(?<!County)(?<!Parish)(?![\w'’-]|\s+(?:County|Parish)\b))\b"
)

_CITY_LIKE_REGION = lazy_compile(
    r"\b(?:district|municipality|county|regency|commune|locality|town|city|village|sub-county|upazila|tehsil|"
    r"local\s+government\s+area)s?\b",
    re.IGNORECASE,
)
_REFERENCE_BEFORE = lazy_compile(
    r"(?:\b(?:near|outside|outskirts\s+of|from|to|north|south|east|west|km|kilometres|kilometers|miles|"
    r"capital|via|toward|towards)\s+(?:of\s+)?(?:the\s+)?)$",
    re.IGNORECASE,
)
_LOCATIVE_BEFORE = lazy_compile(
    r"(?:\b(?:in|near|at|from|to|outside|toward|towards|between)\s+(?:the\s+)?(?:[\w-]+\s+){0,1}?"
    r"(?:(?:city|town|village|municipality|capital|port|district|outskirts|department|province)\s+of\s+)?|,\s*)$",
    re.IGNORECASE,
)
_VENUE_AFTER = lazy_compile(r"\s+(?:[IVX]+\s+|No\.?\s*\d+\s+)?(?:" + NAMED_VENUE_NOUNS + r")\b")
# a name that ends in a venue's noun is the venue's ("Pimlico Race Course", "Lakeside Mall")
_VENUE_TAIL = lazy_compile(
    r"\s(?:Race\s+)?(?:Course|Racecourse|Racetrack|Stadium|Arena|Mall|Hospital|School|University|College|"
    r"Airport|Hotel|Church|Cemetery)$"
)
# "arrested by Deering District police officers": a police district, no locality
_POLICE_DISTRICT = lazy_compile(
    r"(?<=District)\s+(?:police|officers|station|commander|precinct)\b", re.IGNORECASE
)
_ON_BEFORE = lazy_compile(r"\bon\s+$")
_ON_BEFORE_UPPER = lazy_compile(r"\b(?i:on)\s+$")
# "on Long Island", "on Houston's north side": the town itself
_ISLAND_AFTER = lazy_compile(r"\s+(?:Island|Key|Isle)\b|['’]s\b")
_ISLAND_AFTER_UPPER = lazy_compile(r"(?i:\s+(?:Island|Key|Isle)\b|['’]s\b)")
_COUNTY_NAME = lazy_compile(r"\b(?:County|Parish|Borough|Co\.?)$", re.IGNORECASE)
# "the Crossville Police Department", "Crossville's police and fire departments": a town's own agency
_DEPARTMENT_TOWN = lazy_compile(
    r"\b(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})(?:['’]s)?\s+(?i:(?:police|fire)(?:\s+and\s+(?:police|fire))?"
    r"\s+(?:departments?|dept\b))"
)
_MUNICIPALITY = lazy_compile(r"(?P<base>.+?)\s+(?:Borough|Township|Twp)$")
# "in Jackson", "near Columbia" (not "in Jackson County", "in Lincoln Park", "in Jackson's car")
_COMMON_TOWN = lazy_compile(
    r"\b(?:in|near|outside|(?:north|south|east|west)\s+of)\s+(?P<name>[A-Z][a-z]+)\b(?!['’]|-|\s+[A-Z0-9&])"
)
_GENERIC_PLACE = lazy_compile(
    r"\b(?:in|near|at|outside|on|(?:north|south|east|west)(?:east|west)?\s+of)\s+"
    r"(?:(?:unincorporated|nearby|neighbou?ring)\s+)?(?P<name>[A-ZÀ-Ý][a-zà-ÿ'’-]+(?:[\s-][A-ZÀ-Ý][a-zà-ÿ'’-]+){0,2})(?=[\s,.;])"
)
# capitalised words that are no town ("In Police custody", "the Sahel", "Christmas")
NOT_PLACE_WORDS = (
    ARTICLES
    | POSSESSIVES
    | DIRECTION_WORDS
    | frozenset(
        {
            "this",
            "that",
            "police",
            "army",
            "government",
            "ministry",
            "president",
            "parliament",
            "congress",
            "court",
            "hospital",
            "university",
            "street",
            "road",
            "avenue",
            "lake",
            "river",
            "mount",
            "christmas",
            "easter",
            "ramadan",
            "eid",
            "andes",
            "sahel",
            "asia",
            "africa",
            "europe",
            "america",
            "americas",
            "himalayas",
            "alps",
            "amazon",
            "caribbean",
            "pacific",
            "atlantic",
            "mediterranean",
            "gulf",
            "middle",
        }
    )
    | CALENDAR_WORDS
)


# "in Senegal's capital", "in the capital" with no town named: the dateline's city
_CAPITAL_UNNAMED = lazy_compile(
    r"(?<!outskirts of )(?<!near )(?<!of )\b(?:in|at|across)\s+(?:the\s+)?(?:[A-Z][\w-]+(?:['’]s)?\s+)?capital\b(?!\s+(?:of|city\s+of)\b)"
)
_BYLINE_OR_TITLE = lazy_compile(
    r"(?:(?:^|\n|\s)[Bb][Yy]\s+(?:[A-Z][\w'’.-]+\s+){1,2}|\b(?:Officer|Sheriff|Commander|Chief|Governor|Mayor|"
    r"Inspector|Sergeant|Sgt\.?|Captain|Capt\.?|Major|Colonel|Col\.?|General|Gen\.?|Judge|Minister|Senator|"
    r"Bishop|Spokesman|Spokeswoman|Commissioner|Superintendent|Constable|Dr\.?|Mr\.?|Mrs\.?|Ms\.?)\s+)$"
)
_TITLE_WORDS = frozenset(
    {
        "officer",
        "sheriff",
        "commander",
        "marshal",
        "deputy",
        "chief",
        "governor",
        "mayor",
        "inspector",
        "sergeant",
        "captain",
        "major",
        "colonel",
        "general",
        "judge",
        "minister",
        "senator",
        "bishop",
    }
)


def _city_like(region: str) -> bool:
    """A region whose type word makes it a locality ("Sindhupalchok district", "the district of
    Kolonaki"); "York City Police Department" is a department, whatever words it holds."""
    words = region.split()
    return bool(words) and (
        bool(_CITY_LIKE_REGION.fullmatch(words[-1])) or bool(_CITY_LIKE_REGION.fullmatch(words[0]))
    )


# a street, not a town: "Sarah Ann St", "Galley Road", "Southland Street"
_STREET = lazy_compile(
    r"\b(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Way|Ct|Court|Pl|Place|Pkwy|Parkway|"
    r"Hwy|Highway|Ter|Terrace|Cir|Circle|Pike|Trail|Expressway|Freeway)\.?$"
)


_STREET_AFTER = lazy_compile(
    r"\s+(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Pike|Parkway|Pkwy|Highway|Hwy|"
    r"Terrace|Court|Ct|Way|Place|Pl)\b\.?"
)


# the same in upper-case local news, whatever the case ("ON GARFIELD DRIVE"; not "DRIVE-BY")
_STREET_AFTER_UPPER = lazy_compile(_STREET_AFTER.pattern + r"(?!-)", re.IGNORECASE)
# an address: a house number before a town's name and a street's word after it ("2115 Windsor Spring
# Road", "1501 MILTON ST."): the street, whatever the case
_HOUSE_NUMBER_BEFORE = lazy_compile(r"(?:^|\s)\d{1,6}[A-Za-z]?\s+$")
_STREET_SOON_AFTER = lazy_compile(
    r"(?:\s+[A-Za-z][\w'’.-]*){0,2}?" + _STREET_AFTER.pattern + r"(?!-)", re.IGNORECASE
)
# upper-case local news: a one-word town the gazetteer knows, before a word that makes a longer name
# ("BENTON HARBOR", "BENTON TOWNSHIP"): another place, the gazetteer's town only by its first word
_LONGER_NAME_AFTER = lazy_compile(
    r"\s+(?i:township|twp|harbou?r|heights|hills|park|beach|gardens|springs|falls|village|valley|grove)\b"
)
_VENUE_AFTER_TOWN = lazy_compile(
    r"\s+(?:[\w'’-]+\s+)?(?i:shop|store|restaurant|bar|pub|cafe|café|nightclub|club|church|mosque|synagogue|"
    r"temple|school|market|mall|supermarket|hotel|hospital|station|airport|stadium|cinema|theatre|theater)\b"
)
# "EAST OF COLUMBIA", "IN JACKSON": a place's preposition before a town's name
_TOWN_PREPOSITION_BEFORE = lazy_compile(
    r"\b(?i:in|near|outside|(?:north|south|east|west)(?:east|west)?\s+of)\s+$"
)


# what a town's possessive may own: "in Kensington's Harrowgate section", "Oakdale's north side"
_PLACE_PART_AFTER = lazy_compile(
    r"\s+(?:(?:[A-Z][\w'’-]*|north|south|east|west|northern|southern|eastern|western|far|\w+east|\w+west)\s+){0,3}"
    r"(?:section|neighbou?rhood|side|area|suburbs?|downtown|district|quarter|outskirts|streets|community|ward|village)\b",
    re.IGNORECASE,
)


_SAINT_BEFORE = lazy_compile(r"\b(?:St|Ste|Ft|Mt|Saint|Fort|Mount)\.?\s+$", re.IGNORECASE)
_COUNTY_AFTER = lazy_compile(r"\s+(?:County|Parish|Borough)\b", re.IGNORECASE)


_DASH_DATELINE = lazy_compile(r"\s*(?P<town>[A-Z][A-Z.'’ -]{2,30}?)\s*(?:—|–)\s")


def _known_tail(start: int, place: str) -> tuple[int, str]:
    """In upper-case copy every word before a state looks like a town's: "ASSOCIATED PRESS MEMPHIS,
    TENN." names Memphis, the longest tail the gazetteer knows as a US town."""
    if not place.isupper() or " " not in place or _us_town(place):
        return start, place
    words = list(re.finditer(r"\S+", place))
    for w in words[1:]:
        tail = place[w.start() :]
        if _us_town(tail):
            return start + w.start(), tail
    # a town the gazetteer does not know: the capitalised run that ends the phrase in restored case
    # ("SUNDAY NIGHT IN GRANADA HILLS, CALIF." -> "Granada Hills")
    cased = _restored(place)
    run = re.search(r"(?:(?<=\s)|^)(?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*$", cased)
    if run is not None and run.start() > 0:
        return start + run.start(), place[run.start() :]
    return start, place


def _us_town(name: str) -> bool:
    return any(c.alpha2 == "US" for c in gazetteer().cities.get(fold_name(name), []))


def _county_abbreviation(name: str) -> str:
    """ "Rockbridge Co." -> "Rockbridge County" (a US dateline's abbreviation)."""
    m = re.match(r"(.+?)\s+(CO|Co)\.?$", name)
    if m is None:
        return name
    return f"{m.group(1)} {'COUNTY' if m.group(2) == 'CO' else 'County'}"


def _county(p: Place, text: str) -> Place | None:
    """A county region as a locality; "Louis County" found inside "St. Louis County" is read whole."""
    saint = _SAINT_BEFORE.search(text, max(0, p.start - 8), p.start)
    if saint is not None:
        whole = Place(
            p.kind, text[saint.start() : p.start] + p.name, saint.start(), p.end, text[saint.start() : p.end]
        )
        return county_place(whole, text)
    return county_place(p, text)


def _not_a_town(name: str) -> bool:
    first_word = name.split()[0].lower()
    return (
        first_word in NOT_PLACE_WORDS
        or fold_name(name) in NOT_PLACE_WORDS
        or resolve_country(name) is not None
        or bool(known_group_spans(name))
    )


# a Spanish place name runs on past the gazetteer's shorter town in upper-case wire copy: "SAN LUIS
# DE LA REINA" (not San Luis), "CARTAGENA DE INDIAS", "SAN FRANCISCO JAVIER", "SAN ANTONIO ABAD"
_NAME_LINK = lazy_compile(r"\s+(?P<link>DE\s+LA|DE\s+LOS|DE\s+LAS|DEL|DE)\s+(?P<word>[A-Z][A-Z'-]+)\b")
_NAME_WORD = lazy_compile(r"\s+(?P<word>[A-Z][A-Z'-]{2,})\b(?=\s*[,.;]|\s+(?:DE|DEL)\s)")
_SAINT = lazy_compile(r"(?:SAN|SANTA|SANTO|SAO)\s", re.IGNORECASE)


def _wire_full_name(text: str, p: Place) -> Place:
    """The gazetteer town with the rest of its longer Spanish name in upper-case copy (at most three
    more words; words of ordinary English stop it: "SAN SALVADOR TODAY", "MEDELLIN CARTEL")."""
    end, added = p.end, 0
    english = common_english_words()
    while added < 3:
        m = _NAME_LINK.match(text, end)
        if m is None and _SAINT.match(p.text) and added == 0:
            m = _NAME_WORD.match(text, end)
        if m is None or m.group("word").lower() in english:
            break
        end = m.end()
        added += 1
    if end == p.end:
        return p
    written = re.sub(r"\s+", " ", text[p.start : end])
    return Place("city", written.title(), p.start, end, written, p.country, p.alpha2, 0, p.preposition)


# upper-case wire copy: "THE TOWN OF ANDAHUA", "THE CARIBBEAN PORT CITY OF COVENAS", "SEVILLA
# MUNICIPALITY" (the keys' settlement kinds; a department, canton or district is no town)
_WIRE_NAME = r"[A-Z][A-Z'-]+(?:\s+(?:DE\s+LA|DE\s+LOS|DE\s+LAS|DEL|DE|[A-Z][A-Z'-]+)){0,3}?"
_WIRE_TOWN = lazy_compile(
    rf"\b(?:CITY|TOWN|VILLAGE|HAMLET|PORT|MUNICIPALITY|TOWNSHIP|CORREGIMIENTO)\s+OF\s+(?P<a>{_WIRE_NAME})"
    r"(?=\s*[,.;(]|\s+(?:IN|ON|NEAR|AT|AND|WHERE|WHICH|LAST|THIS|TODAY|YESTERDAY|WAS|WERE|IS|ARE|HAS|HAVE|HAD|"
    r"BY|FROM|TO|FOR|WITH|DURING|AFTER)\b)"
    rf"|\b(?:IN|OF|NEAR)\s+(?P<b>{_WIRE_NAME})\s+(?:MUNICIPALITY|CORREGIMIENTO|TOWNSHIP)\b"
)


# upper-case wire copy: a second surname that owns what follows ("RODRIGUEZ PORTH'S MURDER")
_WIRE_SURNAME_OWNER = lazy_compile(r"\s+[A-Z][A-Z-]+['’]S\b")


# upper-case wire copy: a town's name that names a venue ("AT THE SAN ISIDRO FARM", "ELDORADO
# INTERNATIONAL AIRPORT", "SANTA LUCIA COLONIA", "THE MEDELLIN CARTEL", "THE SANTO TOMAS HOSPITAL"):
# no town of the act
_WIRE_VENUE_AFTER = lazy_compile(
    r"\s+(?:(?:INTERNATIONAL|NATIONAL|CENTRAL|MUNICIPAL|GENERAL)\s+)?(?:FARMS?|HACIENDA|ESTATE|RANCH|HILL|RIVER|"
    r"STREET|AVENUE|BOULEVARD|SQUARE|PLAZA|BRIDGE|NEIGHBORHOOD|COLONIA|SECTOR|AIRPORT|STADIUM|VELODROME|PARK|"
    r"CEMETERY|PRISON|JAIL|CARTEL|HIGHWAY|ROAD|HOSPITAL|CLINIC)\b"
)


@lru_cache(maxsize=1)
def _divisions() -> dict[str, frozenset[str]]:
    """First-level divisions (ISO 3166-2 via pycountry: departments, provinces, states) by folded name,
    with their countries."""
    import pycountry

    out: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        out.setdefault(fold_name(sub.name), set()).add(sub.country_code)
    return {k: frozenset(v) for k, v in out.items()}


def _division_not_town(p: Place, places: list[Place]) -> bool:
    """Wire copy: "IN ANTIOQUIA", "IN SANTANDER" name a department of a country the report names,
    not the gazetteer's town of that name abroad (Antakya, Santander in Spain), when the report names
    that country or one of its towns."""
    countries = _divisions().get(fold_name(p.text))
    if not countries or p.alpha2 in countries:
        return False
    if any(c.alpha2 in countries for c in gazetteer().cities.get(fold_name(p.text), [])):
        return False
    return any(q.kind in {"country", "city"} and q.alpha2 in countries for q in places if q is not p)


class _CityVotes:
    """Scores per folded city name, and the mention that stands for each."""

    def __init__(
        self,
        ctx: Context,
        places: list[Place],
        event: Sentence | None,
        lead_ids: set[int],
        us: UsContext | None = None,
    ) -> None:
        self.ctx = ctx
        self.us = us
        self.art = ctx.article
        # upper-case local news is told persons from towns in its restored case ("JAKELL MITCHELL")
        self.recased = self.art.upper and not ctx.wire
        self.person_text = (ctx.restored or ctx.text) if self.recased else ctx.text
        self.persons = person_words(self.person_text, frequent_english_words() if self.recased else None)
        if self.recased:
            # a town's name is told from a surname with the English words that stand as a first name
            # capitalised ("said george Fergus" -> "said George Fergus"), as in mixed-case copy
            self.person_text = first_names(self.person_text)
        self.places = places
        self.event = event
        self.lead_ids = lead_ids
        self.dl = self.art.dateline_span
        self.scores: dict[str, float] = {}
        self.hits: dict[str, tuple[Place, Sentence]] = {}
        self.big: set[str] = set()
        self.neighbourhoods: set[str] = set()  # named as one ("the Rogers Park neighborhood")

    def _at_dateline(self, p: Place) -> bool:
        return self.dl is not None and p.start == self.dl[0]

    def _dateline_weight(self) -> float:
        event = self.event
        if (
            event is not None
            and _CAPITAL_UNNAMED.search(event.text)
            and not any(
                q.kind == "city" and inside(q, event) and not self._at_dateline(q) for q in self.places
            )
        ):
            return 4.0  # "... in Senegal's capital on Thursday" under a DAKAR dateline
        return 1.5

    def add(self, p: Place, s: Sentence, weight: float) -> None:
        dateline = self._at_dateline(p)
        if p.kind == "city" and not p.population and _STREET.search(p.name):
            return
        if (
            p.kind == "city"
            and not p.population
            and re.search(r"['’]s$", p.text, re.I)
            and not _PLACE_PART_AFTER.match(self.art.text, p.end)
        ):
            return  # "at UNC's Children's Hospital": an unknown name's owner of a thing, no town
        street_after = _STREET_AFTER_UPPER if self.recased else _STREET_AFTER
        if p.kind == "city" and street_after.match(self.art.text[p.end : p.end + 14]):
            return  # "Federal Road", "Mason Street", "GARFIELD DRIVE": a street named after a town
        if (
            p.kind == "city"
            and _HOUSE_NUMBER_BEFORE.search(self.art.text, max(s.start, p.start - 8), p.start)
            and _STREET_SOON_AFTER.match(self.art.text, p.end)
        ):
            return  # "2115 Windsor Spring Road": an address
        if (
            self.recased
            and p.kind == "city"
            and p.population
            and " " not in p.text.strip()
            and _LONGER_NAME_AFTER.match(self.art.text, p.end)
        ):
            return  # "A BENTON HARBOR MAN": not Benton
        if (
            p.kind == "city"
            and not dateline
            and (self.recased or not self.art.upper)
            and is_person(p, self.person_text, s, self.persons)
            and not (
                # upper-case copy: a town after a place's preposition ("EAST OF COLUMBIA") is one,
                # whatever the restored case reads as a name elsewhere ("41-YEAR-OLD COLUMBIA RESIDENT")
                self.recased
                and _TOWN_PREPOSITION_BEFORE.search(self.art.text, max(s.start, p.start - 20), p.start)
                and not re.match(r"['’]", self.art.text[p.end : p.end + 1])
            )
            # "A BUSY MARSEILLE KEBAB SHOP": a town naming what kind of place follows, no person
            and not (self.recased and p.population and _VENUE_AFTER_TOWN.match(self.art.text, p.end))
        ):
            return  # "Jakell Mitchell", "Officer Kim", "Rodriguez, 23": a person, not a town
        if self.us is not None:
            if p.kind == "city" and _COUNTY_AFTER.match(self.art.text, p.end):
                return  # "ST. LOUIS COUNTY, MO": the county, counted as one
            if (
                p.kind == "city"
                and not dateline
                and (_ON_BEFORE_UPPER if self.art.upper else _ON_BEFORE).search(
                    self.art.text, max(s.start, p.start - 8), p.start
                )
                and not (_ISLAND_AFTER_UPPER if self.art.upper else _ISLAND_AFTER).match(self.art.text, p.end)
            ):
                return  # "shot on Cypress Station near the North Freeway": a street named after a town
            resolved = self.us.resolve(p, self.art.text, s)
            if resolved is None and not dateline:
                return
            p = resolved or p  # "PUEBLO, Colo." is the American Pueblo, not Puebla
        key = fold_name(p.name)
        if not key or key in NOT_PLACE_WORDS:
            return
        if self._at_dateline(p):
            weight = self._dateline_weight()
        else:
            if self.ctx.wire and (
                SAID_IN.search(self.art.text[max(s.start, p.start - 60) : p.start])
                or DISTANCE_FROM.search(self.art.text[max(s.start, p.start - 40) : p.start])
            ):
                return  # "SAID TODAY IN CARACAS", "ABOUT 250 KM FROM BOGOTA": not where the act was
            before = self.art.text[max(s.start, p.start - 30) : p.start]
            if _REFERENCE_BEFORE.search(before) and p.population >= 500_000:
                weight *= 0.3
            factor = mention_factor(
                self.art.text,
                p.start,
                p.end,
                s.start,
                s.end,
                county=bool(_COUNTY_NAME.search(p.name)),
                restored=self.ctx.restored,
            )
            if factor == 0.0:
                return  # "Denver Children's Hospital", "the 3300 block of South Oakley"
            weight *= factor
        self.scores[key] = self.scores.get(key, 0.0) + weight
        hits = self.hits
        if (
            key not in hits
            or (hits[key][0].population == 0 and p.population)
            or (self._at_dateline(hits[key][0]) and not self._at_dateline(p))
        ):
            hits[key] = (p, s)
        if p.population >= 1_000_000:
            self.big.add(key)

    def weight_of(self, s: Sentence) -> float:
        if self.event is not None and s.index == self.event.index:
            return 3.0
        return 2.0 if s.index in self.lead_ids else 1.0

    def _person_not_town(self, p: Place, s: Sentence) -> bool:
        text = self.art.text
        before = text[max(s.start, p.start - 40) : p.start]
        if self.ctx.wire and not self._at_dateline(p):
            if not _LOCATIVE_BEFORE.search(before):
                return True  # upper case: "JAIME VALENCIA" is a surname; "IN VALENCIA" a place
            if _WIRE_SURNAME_OWNER.match(text, p.end):
                return True  # "IN RODRIGUEZ PORTH'S MURDER": a person's two surnames, not a town
        # "By TOM BRADLEY", "Chief Fire Officer Martin ...": a person, not a town
        return bool(_BYLINE_OR_TITLE.search(before)) or (
            fold_name(p.text) in _TITLE_WORDS and bool(re.match(r"\s+[A-Z][A-Za-z]", text[p.end : p.end + 3]))
        )

    def gazetteer(self, s: Sentence, w: float) -> None:
        for p in self.places:
            if not inside(p, s) or self.art.text[max(0, p.start - 1) : p.start] == "(":
                continue  # "(Meridian)": an agency in a dateline, not a place
            if p.kind == "city":
                if self.ctx.wire and (
                    _division_not_town(p, self.places) or _WIRE_VENUE_AFTER.match(self.art.text, p.end)
                ):
                    continue
                if not self._person_not_town(p, s):
                    self.add(_wire_full_name(self.art.text, p) if self.ctx.wire else p, s, w)
            elif p.kind == "region" and self.us is not None and (county := _county(p, self.art.text)):
                self.add(county, s, w * 0.4)  # "Hall County": the locality only when no town is named
            elif (
                p.kind == "region"
                and _city_like(p.text)
                and not _SAINT_BEFORE.search(self.art.text, 0, p.start)
                and not _POLICE_DISTRICT.match(self.art.text, p.end)
                and not (self.recased and (_country_district(p.text) or common_words_only(p.text)))
            ):
                self.add(Place("city", p.name, p.start, p.end, p.text, p.country, p.alpha2), s, w * 0.7)

    def town_phrases(self, s: Sentence, w: float) -> None:
        """Phrases such as "the town of X" and "X village"."""
        for m in _TOWN.finditer(s.text):
            group = next((g for g in ("a", "b", "c", "d", "e", "f") if m.group(g)), None)
            if group is None:
                continue
            name = m.group(group)
            if re.search(
                r"\b[A-Z][\w'’-]+\s+(?:district|neighbou?rhood|area)\s+of\s*$",
                s.text[: m.start("a") if m.group("a") else 0],
            ):
                continue
            if _not_a_town(name) or (group in "de" and name.split()[0].lower() in NOT_PLACE_WORDS):
                continue
            if group in "de" and any(
                q.kind in {"region", "country"} and q.start == s.start + m.start(group) for q in self.places
            ):
                continue  # "Plateau, in central Nigeria": a region, not a town
            start = s.start + m.start(group)
            # "the Feltonville section": a neighbourhood, the place only when no town is named
            neighbourhood = (
                re.match(r"\s+(?:neighbou?rhood|section)\b", s.text[m.end("b") :]) if m.group("b") else None
            )
            self.add(
                Place("city", name, start, start + len(name), name), s, 0.3 if neighbourhood else w + 0.5
            )
            if neighbourhood:
                self.neighbourhoods.add(fold_name(name))

    def wire_town_phrases(self, s: Sentence, w: float) -> None:
        """Upper-case wire copy's "THE TOWN OF X" and "X MUNICIPALITY" (words of ordinary English are
        no town's name)."""
        english = common_english_words()
        for m in _WIRE_TOWN.finditer(s.text):
            group = "a" if m.group("a") else "b"
            name = m.group(group)
            words = [x.lower() for x in name.split() if x not in {"DE", "LA", "LOS", "LAS", "DEL"}]
            if not words or any(x in english or x in NOT_PLACE_WORDS for x in words):
                continue
            start = s.start + m.start(group)
            self.add(Place("city", name.title(), start, start + len(name), name), s, w + 0.5)

    def common_word_towns(self, s: Sentence, w: float) -> None:
        """US towns named by a common word or a surname, which the gazetteer finder leaves out
        ("Jackson", "Columbia", "Lancaster"): a place where the sentence puts one ("on Ventura Drive
        in Jackson") when the report's state has a town of that name."""
        us = self.us
        if us is None or (self.art.upper and not self.recased):
            return
        codes = us.leaders or us.states[:1]
        towns = gazetteer().common_us_towns
        for m in _COMMON_TOWN.finditer(s.text):
            name = m.group("name")
            known = [c for c in towns.get(fold_name(name), ()) if c.admin1 in codes]
            if not known:
                continue
            start = s.start + m.start("name")
            self.add(Place("city", name, start, start + len(name), name, US_NAME, "US", 0, "in"), s, w)

    def department_towns(self, s: Sentence, w: float) -> None:
        """US towns the gazetteer does not know, named by their police or fire department ("the
        Crossville Police Department"): the department's jurisdiction (weighed as such by
        :func:`.mention_role.mention_factor`)."""
        if self.us is None or (self.art.upper and not self.recased):
            return
        english = common_english_words()
        known = gazetteer().cities
        for m in _DEPARTMENT_TOWN.finditer(s.text):
            name = m.group("name")
            words = name.split()
            while words and (words[0].lower() in english or words[0].lower() in NOT_PLACE_WORDS):
                words = words[1:]  # "The Crossville Police Department", "Metro Police Department"
            if not words or any(w.lower() in _TITLE_WORDS for w in words):
                continue
            name = " ".join(words)
            key = fold_name(name)
            if key in known or _not_a_town(name) or _COUNTY_NAME.search(name):
                continue
            start = s.start + m.end("name") - len(name)
            self.add(Place("city", name, start, start + len(name), name, US_NAME, "US"), s, w)

    def generic_names(self, s: Sentence, weight: float = 1.0) -> None:
        """A capitalised name after "in", "near", "at" in the event sentence, not in the gazetteer
        (``weight`` less in the lead's other sentences of a US report)."""
        for m in _GENERIC_PLACE.finditer(s.text):
            name = m.group("name")
            while " " in name and name.rsplit(" ", 1)[1].lower() in CALENDAR_WORDS:
                name = name.rsplit(" ", 1)[0]  # "in Norwalk Friday" -> "Norwalk"
            owner = re.match(r"([\w-]+)['’]s\s+", name)
            if owner and resolve_country(owner.group(1)) is not None:
                continue  # "in Peru's Arequipa region": the country's region, told by the region finder
            if re.match(
                r"\s+(?:region|province|department|state|district|county|governorate)\b",
                s.text[m.end("name") :],
            ):
                continue  # "in Arequipa region": a region, not a town
            first = name.split()[0].lower()
            if first in NOT_PLACE_WORDS or first in _TITLE_WORDS or fold_name(name) in self.scores:
                continue
            if any(
                p.kind in {"country", "region"} and p.text.startswith(name)
                for p in self.places
                if p.start == s.start + m.start("name")
            ):
                continue
            if _not_a_town(name) or re.match(r"['’]s\b", s.text[m.end("name") :]):
                continue
            if _VENUE_AFTER.match(s.text[m.end("name") :]) or _VENUE_TAIL.search(name):
                continue  # "at Empire Corner II restaurant", "near Pimlico Race Course": a venue's name
            start = s.start + m.start("name")
            municipal = _MUNICIPALITY.match(name)
            if municipal and self.us is not None and not county_states(name):
                # "in Hummelstown Borough", "in Lower Paxton Township": the municipality, named as one
                base = municipal.group("base")
                self.add(Place("city", base, start, start + len(name), name), s, 3.5 * weight)
                continue
            self.add(Place("city", name, start, start + len(name), name), s, weight)

    def dash_dateline(self) -> None:
        """Upper-case local copy opens with its town and a dash ("MILWAUKEE — POLICE ARE ..."): the
        town, when the gazetteer knows it, is the dateline's (the wire-copy dateline reader wants a
        date or "--" after an upper-case place)."""
        art = self.art
        if self.dl is not None or not art.upper:
            return
        m = _DASH_DATELINE.match(art.text)
        if m is None:
            return
        known = gazetteer().cities.get(fold_name(m.group("town")), [])
        if self.us is not None:
            known = [c for c in known if c.alpha2 == "US"]
        home = next((s for s in art.sentences if s.start <= m.start("town") < s.end), None)
        if not known or home is None:
            return
        best = known[0]
        a, b = m.span("town")
        town = Place(
            "city", best.name, a, b, m.group("town"), country_name(best.alpha2), best.alpha2, best.population
        )
        self.add(town, home, 1.5)

    def dateline(self) -> None:
        """The dateline's place when no gazetteer city stands there."""
        art, dl = self.art, self.dl
        if dl is None or not art.dateline_place or any(self._at_dateline(h[0]) for h in self.hits.values()):
            return
        name = art.dateline_place.title() if art.dateline_place.isupper() else art.dateline_place
        if self.us is not None:
            name = _county_abbreviation(name)
        if re.search(r"\b(?:desk|news|staff|reporter|agency|clandestine)\b", name, re.I):
            return
        if (
            art.upper
            and not any(p.kind == "city" and p.start == dl[0] for p in self.places)
            and not (self.recased and _restored(art.dateline_place, self.ctx.name_evidence)[:1].isupper())
            and not (self.recased and _all_names(art.dateline_place, self.ctx.name_evidence))
            and not (self.recased and self._state_dateline(dl[0]))
        ):
            return  # upper-case local news: a dateline of ordinary words ("POLICE SAID --") is none
        ds = next((s for s in art.sentences if s.start <= dl[0] < s.end), None)
        if ds is not None:
            self.add(Place("city", name, dl[0], dl[1], art.text[dl[0] : dl[1]]), ds, 1.5)

    def _state_dateline(self, start: int) -> bool:
        """Is the dateline's place written before its state ("RISING SUN, MD. --"): a town's name,
        whatever its words?"""
        return self.us is not None and any(c.place_start == start for c in self.us.attached())

    def us_towns(self, facts: list[Sentence]) -> None:
        """Towns named before their state ("Lancaster, Pa.", "HOLLY HILL, S.C. (WCIV) --")."""
        if self.us is None:
            return
        for cue in self.us.attached():
            home = next((s for s in facts if s.start <= cue.place_start < s.end), None)
            if home is None or cue.place is None:
                continue
            start, place = _known_tail(cue.place_start, cue.place)
            written = _county_abbreviation(place)  # "ROCKBRIDGE CO., Va." names Rockbridge County
            town = Place("city", written, start, start + len(place), written, "United States", "US")
            county = county_place(town, self.art.text)
            if county is not None:
                self.add(county, home, self.weight_of(home) * 0.4)
            elif not re.search(r"\b(?:County|Parish|Borough)$", place, re.IGNORECASE):
                shown = place.title() if place.isupper() else place
                town = Place("city", shown, start, start + len(place), place, "United States", "US")
                self.add(town, home, self.weight_of(home) + 1.5)
        self.big = set()  # US local news names the city with its neighbourhoods: no reference-point discount

    def headline(self, title: str | None, facts: list[Sentence]) -> None:
        """The headline's towns ("Man shot and killed in Frankford | 6abc.com", "Augusta man shot
        while fleeing gunman"): a town the text names too gets a vote; when the text names none,
        the headline's town is the place, quoted with the event sentence (the headline is not in the
        text) and kept as the headline writes it."""
        towns = headline_towns(title, self.us, self.ctx.name_evidence)
        if not towns:
            return
        # a county is the locality only when no town is named: the headline's town is one ("Chapel
        # Hill drive-by shooting ..." over "the Orange County Sheriff's Department" in the text)
        counties_only = bool(self.scores) and all(
            _COUNTY_NAME.search(self.hits[k][0].name) for k in self.scores
        )
        # (a town the gazetteer knows: "WANTED IN CRAIGSLIST ROBBERY" names no town)
        gazetteer_town = (
            fold_name(towns[0]) in gazetteer().cities or fold_name(towns[0]) in gazetteer().common_us_towns
        )
        if self.scores and not (counties_only and not _COUNTY_NAME.search(towns[0]) and gazetteer_town):
            for name in towns:
                key = fold_name(name)
                if key in self.scores and key not in self.neighbourhoods:
                    self.scores[key] += 1.5
            return
        home = self.event if self.event is not None else (facts[0] if facts else None)
        if home is None:
            return
        name = towns[0]
        country, alpha2, population = ("United States", "US", 0) if self.us is not None else (None, None, 0)
        known = gazetteer().cities.get(fold_name(name), [])
        if country is None and known and known[0].population >= 100_000:
            # "Philadelphia police investigating double shooting": the best-known town of that name
            alpha2, population = known[0].alpha2, known[0].population
            country = country_name(alpha2)
        p = Place("city", name, home.start, home.start, name, country, alpha2, population)
        self.scores[fold_name(name)] = max(self.scores.values(), default=0.0) + 0.5
        self.hits[fold_name(name)] = (p, home)

    def best(self, skip: str | None = None) -> tuple[Place, Sentence] | None:
        scores = {k: v for k, v in self.scores.items() if k != skip}
        if not scores:
            return None
        # a big city counts less when another place has evidence of its own; judged on the scores
        # before any discount, so the result does not depend on the order the big cities come in
        strong = {k for k, v in scores.items() if v >= 2.0}
        for key in self.big:
            if len(scores) > 1 and strong - {key}:
                scores[key] -= 1.5
        best = max(scores, key=lambda k: (scores[k], -self.hits[k][0].start))
        p, s = self.hits[best]
        # a town read in a sentence's restored case is quoted with the sentence as written
        s = self.ctx.by_index.get(s.index, s)
        return _as_written(p, self.art.upper), s


def _as_written(p: Place, upper: bool) -> Place:
    """The name as the article writes it ("Megara", not the gazetteer's "Mégara")."""
    if p.population and not upper:
        written = re.sub(r"['’]s$", "", p.text)
        if fold_name(written) == fold_name(p.name) and not written.isupper():
            return Place(
                p.kind, written, p.start, p.end, p.text, p.country, p.alpha2, p.population, p.preposition
            )
    elif not p.population and p.text.isupper():
        return Place(
            p.kind, p.name.title(), p.start, p.end, p.text, p.country, p.alpha2, p.population, p.preposition
        )
    elif p.text.isupper() and fold_name(p.text) != fold_name(p.name):
        # "SAN LUIS" read as the gazetteer's "São Luís": keep the name as the article writes it
        written = re.sub(r"\s+", " ", p.text).title()
        return Place(
            p.kind, written, p.start, p.end, p.text, p.country, p.alpha2, p.population, p.preposition
        )
    return p


_HEADLINE_PERSON = lazy_compile(
    r"^(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})\s+(?:man|woman|men|women|teen|teens|teenager|boy|girl|"
    r"mother|father|mom|dad|couple|resident|student|police|cops?|officers?|deputies|family)\b"
)
_HEADLINE_IN = lazy_compile(r"\b(?:in|near|outside)\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})")


def _headline_head(title: str) -> str:
    """The headline without the outlet after " | " or " - "."""
    return re.split(r"\s+[|«»:]\s+|\s+[-–—]\s+(?=[^-–—]*$)", title.strip())[0]


def headline_towns(
    title: str | None, us: UsContext | None, evidence: frozenset[str] = frozenset()
) -> list[str]:
    """Towns a headline names, best first: "X, State" and gazetteer towns, then "in X" and
    "X man ..." in a sentence-case headline. The outlet after " | " or " - " is left out.
    ``evidence``: words the article shows to be names (:attr:`.context.Context.name_evidence`)."""
    if not title:
        return []
    head = _headline_head(title)
    if head.isupper():
        # an all-capitals headline is read in its restored case, as a sentence-case one
        # ("MAN SHOT AND KILLED IN FRANKFORD" -> "man shot and killed in Frankford"), the gazetteer's
        # towns of several words as names ("CHAPEL HILL DRIVE-BY SHOOTING" -> "Chapel Hill drive-by ...")
        head = _with_known_names(_restored(head, evidence), 0, find_places(head))
    words = re.findall(r"[A-Za-z][\w'’-]*", head)
    title_case = len(words) >= 4 and sum(w[:1].isupper() for w in words) / len(words) > 0.6
    out: list[str] = []
    for cue in find_us_cues(head):
        if cue.kind == "attached" and cue.place:
            out.append(cue.place)
    for p in find_places(head):
        if title_case and p.population < 100_000:
            continue  # "Chicago Cop Sues ...": in a Title Case headline every word is capitalised
        if p.kind == "city" and (
            us is None
            or p.alpha2 == "US"
            or any(c.alpha2 == "US" for c in gazetteer().cities.get(fold_name(p.text), []))
        ):
            out.append(re.sub(r"['’]s$", "", p.text))
    if not title_case:
        for rx in (_HEADLINE_IN, _HEADLINE_PERSON):
            for m in rx.finditer(head):
                name = m.group("name")
                while " " in name and name.rsplit(" ", 1)[1].lower() in CALENDAR_WORDS:
                    name = name.rsplit(" ", 1)[0]
                if (
                    not _not_a_town(name)
                    and name.lower() not in NOT_PLACE_WORDS
                    and not _STREET.search(name)
                    and not _VENUE_TAIL.search(name)
                ):
                    out.append(name)
    return list(dict.fromkeys(out))


def _place_cue_words() -> frozenset[str]:
    """Words never read as (the start of) a town's name in restored-case copy: the frequent English
    words, the words that are no town, and the literal cue words of the phrase readers."""
    words = set(frequent_english_words()) | NOT_PLACE_WORDS | _TITLE_WORDS
    for rx in (_TOWN, _GENERIC_PLACE, _VENUE_AFTER, _STREET_AFTER, _COUNTY_AFTER):
        words |= {w.lower() for w in re.findall(r"(?<![\\a-zA-Z])[A-Za-z]{2,}", rx.pattern)}
    return frozenset(words)


def _in_restored_case(s: Sentence, evidence: frozenset[str] = frozenset()) -> Sentence:
    """An upper-case sentence as mixed-case news would write it (same offsets), for the readers that
    tell a town by its capitals ("IN GRANADA HILLS" -> "in Granada Hills"; "IN CRITICAL CONDITION"
    -> "in critical condition"). Upper-case local news only; wire copy has its own readers.
    ``evidence``: words the article shows to be names (:attr:`.context.Context.name_evidence`)."""
    return dataclasses.replace(s, text=_restored(s.text, evidence))


def _with_known_names(restored: str, start: int, places: Iterable[Place]) -> str:
    """Upper-case copy in its restored case (``restored``, at offset ``start`` of the text the
    ``places`` were found in) with the gazetteer's towns of several words written as names, whatever
    their words ("IN IRVING PARK" -> "in Irving Park", "CENTER CITY" -> "Center City"), as
    :attr:`.context.Context.restored` writes them; also such a town that ends a venue's name ("THE
    CITY'S IRVING PARK NEIGHBORHOOD")."""
    for p in places:
        a, name = p.start - start, p.text.rstrip()
        if p.kind == "venue":
            words = list(re.finditer(r"\S+", name))
            tail = next(
                (
                    w.start()
                    for w in words[:-1]
                    if " " in name[w.start() :] and fold_name(name[w.start() :]) in gazetteer().cities
                ),
                None,
            )
            if tail is None:
                continue
            a, name = a + tail, name[tail:]
        elif p.kind != "city" or not p.population or " " not in name:
            continue
        if 0 <= a <= len(restored) - len(name):
            restored = (
                restored[:a] + restore_case(name, frozenset(), place_tails()) + restored[a + len(name) :]
            )
    return restored


# upper-case copy: a town's name of an ordinary word and a settlement's word after a place's
# preposition ("IN HAWAIIAN GARDENS", "NEAR BEECH GROVE"), which mixed-case copy capitalises
_TAIL_NAME = lazy_compile(
    r"\b(?:IN|NEAR|OUTSIDE|(?:NORTH|SOUTH|EAST|WEST)(?:EAST|WEST)?\s+OF)\s+(?P<name>(?P<first>[A-Z][A-Z'’-]+)\s+"
    r"(?:GARDENS|PARK|HILLS|HEIGHTS|BEACH|SPRINGS|FALLS|VILLAGE|VALLEY|GROVE))\b"
)


def _with_tail_names(restored: str, upper: str) -> str:
    """``restored`` (``upper`` in its restored case, same offsets) with such names capitalised; not
    when the first word is a frequent English word or a cue word ("IN THE PARK", "IN STATE PARK")."""
    global _PLACE_CUES
    if _PLACE_CUES is None:
        _PLACE_CUES = _place_cue_words()
    for m in _TAIL_NAME.finditer(upper):
        if m.group("first").lower() in _PLACE_CUES:
            continue
        a, b = m.span("name")
        restored = restored[:a] + restore_case(upper[a:b], frozenset()) + restored[b:]
    return restored


def _restored(text: str, evidence: frozenset[str] = frozenset()) -> str:
    global _PLACE_CUES
    if _PLACE_CUES is None:
        _PLACE_CUES = _place_cue_words()
    return restore_case(text, (_PLACE_CUES | common_english_words()) - evidence, place_tails())


_PLACE_CUES: frozenset[str] | None = None


def _country_district(region: str) -> bool:
    """ "SOUTHERN MADAGASCAR DISTRICT": a country's district, named by no name of its own."""
    words = [
        w for w in region.split()[:-1] if w.lower() not in DIRECTION_WORDS and w.lower() not in _DIRECTIONAL
    ]
    return bool(words) and resolve_country(" ".join(words)) is not None


_DIRECTIONAL = frozenset({"northeastern", "northwestern", "southeastern", "southwestern"})


def common_words_only(region: str) -> bool:
    """ "THE CITY'S NOTORIOUS NORTHERN DISTRICTS": a region of upper-case copy named only by
    ordinary English words (a possessive's owner included) is a description, no town."""
    words = [re.sub(r"['’]s$", "", w.lower()) for w in region.split()[:-1]]
    known = common_english_words()
    return bool(words) and all(w in known or w in DIRECTION_WORDS for w in words)


def _all_names(text: str, evidence: frozenset[str] = frozenset()) -> bool:
    """Is every word of upper-case ``text`` a name's in the names case (:func:`_in_names_case`):
    none of the frequent English words, the place cue words or the calendar words ("BROWN DEER",
    "HOLLY HILL"; not "UPDATE TUESDAY", "POLICE SAID")?"""
    global _PLACE_CUES
    if _PLACE_CUES is None:
        _PLACE_CUES = _place_cue_words()
    words = re.findall(r"[A-Za-z]+", restore_case(text, _PLACE_CUES - evidence, place_tails()))
    return bool(words) and all(w[:1].isupper() for w in words)


def _in_names_case(s: Sentence, evidence: frozenset[str] = frozenset()) -> Sentence:
    """An upper-case sentence with every word capitalised but the frequent English words and the
    place cue words (same offsets): where a word that is also a surname or a common word may be a
    town ("IN JACKSON" -> "in Jackson", "THE CROSSVILLE POLICE DEPARTMENT" -> "the Crossville
    police department"), for the readers that check such a name against the gazetteer."""
    global _PLACE_CUES
    if _PLACE_CUES is None:
        _PLACE_CUES = _place_cue_words()
    return dataclasses.replace(s, text=restore_case(s.text, _PLACE_CUES - evidence, place_tails()))


def pick_city(
    ctx: Context,
    places: list[Place],
    event: Sentence | None,
    lead_ids: set[int],
    facts: list[Sentence],
    us: UsContext | None = None,
    *,
    acts_only: bool = False,
    skip: str | None = None,
) -> tuple[Place, Sentence] | None:
    """The incident's city, town or district and the sentence that names it (see the module);
    ``skip``: a town (its folded name) that is not the place, whatever its votes."""
    if acts_only:
        # wire copy names towns for meetings, embassies, arrests and speeches: only the sentences
        # that tell an act (and the event sentence) place it
        facts = [
            s for s in facts if (event is not None and s.index == event.index) or act_place_sentence(s.text)
        ]
    votes = _CityVotes(ctx, places, event, lead_ids, us)
    recase = votes.recased
    for s in facts:
        w = votes.weight_of(s)
        votes.gazetteer(s, w)
        read = _in_restored_case(s, ctx.name_evidence) if recase else s
        if recase:  # "IN THE CITY'S IRVING PARK NEIGHBORHOOD": a town the gazetteer knows is a name
            read = dataclasses.replace(
                read, text=_with_tail_names(_with_known_names(read.text, s.start, ctx.places), s.text)
            )
        votes.town_phrases(read, w)
        # the readers keyed on a name's capitals read upper-case local news in a case that capitalises
        # every word but the frequent ones and the cue words ("IN WALLACE" -> "in Wallace")
        named = _in_names_case(s, ctx.name_evidence) if recase else s
        votes.common_word_towns(named, w)
        votes.department_towns(named, w)
        if ctx.wire:
            votes.wire_town_phrases(s, w)
        if not ctx.wire and event is not None and s.index == event.index:
            votes.generic_names(read)
        elif not ctx.wire and us is not None and s.index in lead_ids:
            votes.generic_names(read, 0.5)  # "The man walked into the store in Stroudsburg ..."
    votes.dateline()
    votes.dash_dateline()
    votes.us_towns(facts)
    if not ctx.wire:
        votes.headline(ctx.title, facts)
    return votes.best(skip)
