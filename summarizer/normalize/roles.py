"""What part a date phrase or a place name plays in one evidence sentence.

A sentence often gives more than one date and more than one place, and only one of each is the
incident's: "Friday's bombing ... the toll rose to 19 on Saturday" dates the act on Friday and the
update on Saturday; "QUETTA, Pakistan - A bomb exploded ... in the town of Turbat" was filed from
Quetta about Turbat. These helpers read such roles from general wording (reporting verbs, the
dateline, a distance or a route, a region's or an institution's name), never from a list of
articles. The checker uses them to tell a model's fact that its own quote gives *in another role*
from the one the quote gives for the incident.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..lazyre import lazy_compile
from .dates import DatePhrase, find_date_phrases
from .places.lexicon import NAMED_VENUE_NOUNS

__all__ = [
    "DateRole",
    "PlaceName",
    "PlaceRole",
    "date_role",
    "date_roles",
    "incident_place_names",
    "place_roles",
]

DateRole = Literal["act", "report", "dateline"]
PlaceRole = Literal["incident", "dateline", "reference", "route", "region", "name", "common", "other"]

# --------------------------------------------------------------------------------------------------
# dates
# --------------------------------------------------------------------------------------------------

# a date that says when a toll was updated or a statement made or a suspect arrested, not when the
# incident happened: "the toll rose to 19 on Saturday", "officials said Friday", "police on Monday
# arrested a man", "hospital officials confirmed on Sunday morning"
_REPORT_BEFORE = lazy_compile(
    r"(?:\b(?:rose|risen|climbed|increased|jumped|reached|stood|stands|soared)\s+to\s+(?:at\s+least\s+|about\s+|"
    r"nearly\s+|more\s+than\s+)?[\w,.-]+(?:\s+(?:people|dead|deaths|victims))?"
    r"|\b(?:said|says|confirmed|reported|announced|added|stated|told\s+(?:reporters|journalists|the\s+\w+))"
    r")\s*,?\s*$",
    re.IGNORECASE,
)
_REPORT_AFTER = lazy_compile(
    r"^\s*(?:(?:the\s+)?(?:police|officials?|authorities|investigators|prosecutors|officers|detectives|"
    r"the\s+\w+\s+(?:ministry|agency|office|department|service))\s+)?"
    r"(?:said|says|arrested|charged|announced|confirmed|identified|released|detained|reported|told)\b",
    re.IGNORECASE,
)
# the head of a wire or newspaper dateline: "LA PAZ, March 19, 2025 (APA) --", "SINDHUPALCHOK, July 12:"
_DATELINE_HEAD = lazy_compile(r"^\s*[A-Z][\w .'’()-]{1,40}?,\s*(?:[A-Z][\w .'’-]{1,30},\s*)?$")
_DATELINE_TAIL = lazy_compile(r"^\s*(?:\([^)]{1,60}\))?\s*(?:--|-|—|–|:)")
_PAREN_DATELINE_HEAD = lazy_compile(r"^\s*(?:[A-Z][\w .'’,-]{1,40}?\s*)?\(\s*$")
_PAREN_DATELINE_TAIL = lazy_compile(r"^\s*\)\s*(?:--|-|—|–|:)")


def date_role(sentence: str, phrase: DatePhrase) -> DateRole:
    """Whether ``phrase`` (found in ``sentence`` by :func:`find_date_phrases`) dates the act, a
    report about it (a statement, a toll update, an arrest) or the dateline the sentence opens with."""
    before = sentence[: phrase.start]
    after = sentence[phrase.end :]
    if _DATELINE_HEAD.match(before) and _DATELINE_TAIL.match(after):
        return "dateline"
    if _PAREN_DATELINE_HEAD.match(before) and _PAREN_DATELINE_TAIL.match(after):
        return "dateline"  # "SPRINGFIELD (Nov 3, 2019) -", "(November 3, 2019) -"
    if _REPORT_BEFORE.search(before[-60:]) or _REPORT_AFTER.match(after[:80]):
        return "report"
    # "On Monday, police said ...": only a sentence's opening date is the statement's across a
    # comma ("killed late on Tuesday, officials said" dates the killing)
    if not before.strip() and _REPORT_AFTER.match(re.sub(r"^\s*,", "", after[:80])):
        return "report"
    return "act"


def date_roles(sentence: str) -> list[tuple[DatePhrase, DateRole]]:
    """Every date phrase of ``sentence`` with its role, in order."""
    return [(p, date_role(sentence, p)) for p in find_date_phrases(sentence)]


# --------------------------------------------------------------------------------------------------
# places
# --------------------------------------------------------------------------------------------------

_DIRECTION = r"(?:north|south|east|west)(?:[- ]?(?:east|west))?"
_REFERENCE_BEFORE = lazy_compile(
    rf"(?:\b{_DIRECTION}(?:ern)?\s+of|\b(?:km|kms|kilometres|kilometers|miles|mi)\.?\s+(?:\(\d+\s+\w+\)\s+)?"
    rf"(?:{_DIRECTION}\s+)?(?:from|of)|\b(?:outskirts|suburbs?)\s+of)\s+(?:the\s+(?:city|town|capital)\s+of\s+)?$",
    re.IGNORECASE,
)
_ROUTE_BEFORE = lazy_compile(
    r"\b(?:from|(?<!according\s)(?<!due\s)(?<!thanks\s)(?<!next\s)(?<!close\s)to|towards?|bound\s+for|"
    r"en\s+route\s+to|headed\s+(?:to|for))\s+(?:the\s+(?:city|town|capital)\s+of\s+)?$",
    re.IGNORECASE,
)
_ROUTE_AFTER = lazy_compile(r"^-bound\b", re.IGNORECASE)
# a county or parish often bears the name of its seat ("the Lake County sheriff" in Lake), so
# it does not set its name apart from the city's
_REGION_WORDS = (
    r"province|state|region|district|department|governorate|oblast|prefecture|division|"
    r"municipality|island|islands|peninsula|valley"
)
_REGION_AFTER = lazy_compile(rf"^\s+(?:{_REGION_WORDS})\b", re.IGNORECASE)
_COUNTY_AFTER = lazy_compile(r"^\s+(?:county|parish|borough)\b", re.IGNORECASE)
_REGION_BEFORE = lazy_compile(
    rf"\b(?:the\s+)?(?:{_REGION_WORDS})\s+of\s+$|(?<![\w'’-])(?-i:[A-Z])[\w'’-]+,\s+$", re.IGNORECASE
)
_INCIDENT_BEFORE = lazy_compile(
    r"(?:\b(?:in|near|at|outside|around|across|inside|struck|hit|rocked|slammed\s+into)|\b(?:town|village|city|hamlet|settlement|community|"
    r"district|municipality|locality|suburb|neighbou?rhood)\s+of)\s+$",
    re.IGNORECASE,
)
# the place a locative names first, before the one containing it: "in Hillbrow, " (X follows)
_CHAIN = lazy_compile(r"(?<![\w'’-])(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3},\s+$")
_NEXT_CAP = lazy_compile(r"^\s+(?P<word>[A-Z][\w'’-]*)")
# capitalised words that sit beside a place name without making a new name of it
_NOT_NAME_WORDS = frozenset(
    {
        "the", "a", "an", "in", "at", "on", "near", "of", "and", "or", "from", "to", "city", "town",
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
        "new", "old", "upper", "lower", "greater", "port", "san", "santa", "saint", "st", "el", "la",
        "le", "los", "las", "al", "de", "du", "fort", "mount", "lake", "cape",
    }
)  # fmt: skip


def _mostly_capitalised(sentence: str) -> bool:
    """A headline in title case or an all-capitals text: capitals say nothing about names there."""
    words = re.findall(r"[A-Za-z][\w'’-]*", sentence)
    if len(words) < 3:
        return True
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) > 0.6


def _occurrences(name: str, sentence: str) -> list[tuple[int, int]]:
    pattern = re.compile(rf"(?<![\w'’-]){re.escape(name)}(?![\w-])", re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(sentence)]


def _role(sentence: str, start: int, end: int, name: str, headline: bool) -> PlaceRole:
    before, after = sentence[:start], sentence[end:]
    written = sentence[start:end]
    if name[:1].isupper() and written[:1].islower():
        return "common"  # "a disused gold mine" is not the town of Gold
    if not before.strip():
        tail = re.match(
            r"^((?:\s*,\s*[^,—–:()]{1,30}){0,3})\s*(?:\([^)]{1,60}\))?\s*(?:--|\s-\s|—|–|:)", after
        )
        if tail and not re.search(r"\b[a-z]", re.sub(r"\([^)]*\)", "", tail.group(1))):
            return "dateline"
    if _REFERENCE_BEFORE.search(before[-60:]):
        return "reference"
    if _ROUTE_BEFORE.search(before[-40:]) or _ROUTE_AFTER.match(after):
        return "route"
    if _INCIDENT_BEFORE.search(before[-60:]) or _INCIDENT_BEFORE.search(_CHAIN.sub("", before[-80:])):
        return "incident"  # "in X", "in Hillbrow, X": the place it happened, or the one containing it
    if _COUNTY_AFTER.match(after):
        return "other"
    if _REGION_AFTER.match(after) or _REGION_BEFORE.search(before[-60:]):
        return "region"
    if not headline:
        prev = re.search(r"(?<![\w'’-])([A-Z][\w'’.-]*)\s+$", before)
        nxt = _NEXT_CAP.match(after)
        sentence_start = not before[: prev.start()].strip() if prev else True
        if prev and not sentence_start and prev.group(1).lower().rstrip(".") not in _NOT_NAME_WORDS:
            return "name"  # "Health Minister Roger Kamba", "Hospital Honorio Delgado"
        if nxt and nxt.group("word").lower() not in _NOT_NAME_WORDS:
            return "name"  # "Expreso Wari Andino", "Mandera County Commissioner"
    return "other"


def place_roles(name: str, sentence: str) -> list[PlaceRole]:
    """The role of each place where ``sentence`` names ``name`` (case-insensitively), in order:
    ``incident`` (after "in", "near", "at", "the town of"), ``dateline`` (the sentence's opening
    dateline), ``reference`` ("30 km north of X"), ``route`` ("from X to Y", "airlifted to X"),
    ``region`` ("X province", "the X region", "Celaya, X"), ``name`` (inside another proper name:
    "Minister Roger X", "X Andino"), ``common`` (written in lower case: a common noun), ``other``."""
    headline = _mostly_capitalised(sentence)
    return [_role(sentence, s, e, name, headline) for s, e in _occurrences(name, sentence)]


_PLACE_NAME = lazy_compile(
    r"(?P<prep>\b(?i:in|near|outside|around|inside|struck|hit|rocked|slammed\s+into)\s+(?:the\s+(?:[\w-]+\s+){0,3}?"
    r"(?i:town|village|city|hamlet|settlement|community|district|municipality|locality|suburb|"
    r"neighbou?rhood|area|zone)\s+of\s+)?"
    r"|\b(?i:town|village|city|hamlet|settlement|community|district|municipality|locality)\s+of\s+)"
    r"(?:[A-Z][\w-]*['’]s\s+)?"  # a containing place: "in Bihar's Buxar district"
    r"(?P<name>[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){0,2})(?![\w'’])"
)
_NOT_A_PLACE_AFTER = lazy_compile(
    r"^\s+(?:county|parish|province|state|region|department|governorate|oblast|prefecture)\b"
    # a part of a town: "in Elmwood neighborhood", "near Oak and Ninth", "Main Street"
    r"|^\s+(?:neighbou?rhood|section|subdivision|community|estate|block)\b|^\s+and\s+(?-i:[A-Z])"
    r"|^\s+(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|way|highway|hwy|place|"
    r"court|ct|parkway|pkwy|terrace|circle|trail|square)\b\.?"
    r"|^\s+(?i:hospital|mosque|church|school|college|university|market|hotel|airport|stadium|mall|"
    r"cent(?:er|re)|club|court|prison|jail|police|station\s+house)\b",
    re.IGNORECASE,
)
_CALENDAR = lazy_compile(
    r"^(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"the|a|an|this|that|his|her|their|its|which|what|an?other)$",
    re.IGNORECASE,
)


_STREET_LAST = lazy_compile(
    r"\s(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Lane|Way|Highway|Place|Court|Parkway|Terrace|"
    r"Center|Centre|Diner|Inn|Motel|Apartments|Plaza|Lounge|Grill|Cafe|Bar)$"
)
_VENUE_LAST = lazy_compile(r"(?:^|\s)(?:" + NAMED_VENUE_NOUNS + r")$", re.IGNORECASE)


@dataclass(frozen=True)
class PlaceName:
    name: str
    start: int
    end: int


def incident_place_names(sentence: str) -> list[PlaceName]:
    """Proper names the sentence introduces as where something happened ("in Turbat", "near the town
    of Yocalla", "the village of X"), leaving out a region, a containing place written as a
    possessive ("in Bihar's ..."), a venue ("at Lady Reading Hospital") and calendar words."""
    out: list[PlaceName] = []
    for m in _PLACE_NAME.finditer(sentence):
        name = m.group("name")
        first = re.split(r"[ -]", name)[0]
        if _CALENDAR.match(first) or re.search(r"['’]s$", name):
            continue
        if _NOT_A_PLACE_AFTER.match(sentence[m.end("name") :]) or _VENUE_LAST.search(name):
            continue
        if _STREET_LAST.search(name) or len(name) < 3 or (name.isupper() and len(name) <= 3):
            continue  # "Harbor Place", "N." (a cut street name), "NY" (a state's abbreviation)
        out.append(PlaceName(name, m.start("name"), m.end("name")))
    return out
