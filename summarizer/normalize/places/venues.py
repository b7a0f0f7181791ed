"""Venues: phrases such as "at the Crocus City Hall" or "near a market", venues named by a proper
name ("the Sahal Palace Hotel", "the Velvet Room, a nightclub"), and the kind of place a venue
phrase names."""

from __future__ import annotations

import re

from ...lazyre import lazy_compile
from .geonames import Place
from .lexicon import CONNECTORS, NAMED_VENUE_NOUNS, NOT_A_NAME, NOT_A_NAME_PREP, NOUN_CLASS, VENUE_NOUNS

__all__ = ["find_named_venues", "find_venues", "venue_noun"]

# in upper-case copy every word is capitalised: a time or a function word ends the place after "in"
# ("A MARKET IN SAN SALVADOR TODAY" is "a market in San Salvador"; "THE HOTEL IN AN ATTEMPT" is
# "the hotel")
_NOT_A_PLACE_WORD = (
    r"(?!(?:today|tonight|yesterday|tomorrow|last|this|early|late|overnight|morning|afternoon|evening|night|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|and|or|on|at|in|of|when|where|while|after|"
    r"before|during|as|by|with|from|to|that|which|who|was|were|is|are|has|had|have|an?|the)\b)"
)
_VENUE_RE = lazy_compile(
    r"(?P<prep>\b(?:on\s+the\s+outskirts\s+of|in\s+the\s+outskirts\s+of|near|outside|inside|at|in|on|"
    r"close\s+to|next\s+to|by|attacked|stormed|raided|targeted|bombed|shelled)\s+)"
    r"(?P<venue>(?:an?|the)\s+(?:[\w'’&.-]+\s+){0,5}?(?:" + VENUE_NOUNS + r"))\b"
    r"(?P<of>\s+(?:of|in)\s+(?:the\s+)?(?:" + _NOT_A_PLACE_WORD + r"(?-i:[A-Z])[\w'’-]+\s*){1,3})?",
    re.IGNORECASE,
)


def find_venues(text: str) -> list[Place]:
    """Venue phrases: "at the Crocus City Hall", "near a market", "outside a mosque in Kano"."""
    out: list[Place] = []
    for m in _VENUE_RE.finditer(text):
        venue = m.group("venue")
        if m.group("of"):
            venue = venue + m.group("of").rstrip()
        prep = re.sub(r"\s+", " ", m.group("prep").strip().lower())
        start = m.start("venue")
        out.append(
            Place("venue", venue.strip(), start, start + len(venue.strip()), venue.strip(), preposition=prep)
        )
    return out


_CAP_WORD = r"(?:[A-Z][\w'’.-]*|St\.?|" + CONNECTORS + r")"
_NAMED_VENUE_RE = lazy_compile(
    r"(?<![\w'’-])(?P<name>(?:[Tt]he\s+)?[A-Z][\w'’.-]*(?:\s+" + _CAP_WORD + r"){0,4}?)\s+"
    r"(?P<noun>(?i:(?:" + NAMED_VENUE_NOUNS + r")(?:\s+(?:" + NAMED_VENUE_NOUNS + r"))*))(?![\w-])"
)
# "the Velvet Room, a nightclub", "Edith Court, a five-storey block of flats"
_APPOSITIVE_VENUE_RE = lazy_compile(
    r"(?<![\w'’-])(?P<name>(?:[Tt]he\s+)?[A-Z][\w'’.-]*(?:\s+" + _CAP_WORD + r"){0,4}?),\s+"
    r"(?:an?|the)\s+(?:[\w'’-]+\s+){0,3}?(?P<noun>" + NAMED_VENUE_NOUNS + r"|block\s+of\s+flats|"
    r"apartment\s+(?:block|building)|building|venue|complex)(?![\w-])"
)
# "outside the National Congress", "at the Velvet Room": a capitalised name after a place preposition
_PREP_NAME_RE = lazy_compile(
    r"\b(?P<prep>at|outside|inside|(?:hall|entrance|gates?|compound|courtyard|lobby|grounds|premises)\s+of)"
    r"\s+the\s+(?P<name>[A-Z][\w'’.-]*(?:\s+" + _CAP_WORD + r"){0,3}?)"
    r"(?=\s*(?:[,.;:]|\s+(?!" + CONNECTORS + r"\s)[a-z]))"
)


_ANY_VENUE_NOUN = lazy_compile(
    r"\b(?:" + VENUE_NOUNS + r"|" + NAMED_VENUE_NOUNS + r"|block\s+of\s+flats|flats|venue|complex)\b",
    re.IGNORECASE,
)


def venue_noun(text: str) -> str | None:
    """The kind of place a venue phrase names, by its last venue noun, lower-cased, reduced to its
    last word and to a common class: 'the Sahal Palace Hotel' -> 'hotel', 'a crowded mosque in Kano'
    -> 'mosque', 'a bazaar' -> 'market'; after a comma the appositive's noun counts ('Edith Court, a
    block of flats' -> 'building')."""
    tail = text.rsplit(",", 1)[-1] if "," in text else text
    found = list(_ANY_VENUE_NOUN.finditer(tail)) or list(_ANY_VENUE_NOUN.finditer(text))
    if not found:
        return None
    m = found[-1]
    word = m.group(0).lower().split()[0 if m.group(0).lower().startswith("block") else -1]
    return NOUN_CLASS.get(word, word)


def _is_name(name: str) -> bool:
    words = [w.strip(".'’").lower() for w in re.split(r"\s+", name) if w]
    words = [re.sub(r"['’]s$", "", w) for w in words]
    return any(w and w not in NOT_A_NAME for w in words)


def find_named_venues(text: str) -> list[Place]:
    """Venues named by a proper name: "the Sahal Palace Hotel", "the Binnenrotte market",
    "St Mary's Church", "the Velvet Room, a nightclub", "outside the National Congress"."""
    out: list[Place] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, prep: str | None) -> None:
        if any(a < end and start < b for a, b in taken):
            return
        raw = text[start:end]
        taken.append((start, end))
        out.append(Place("venue", raw, start, end, raw, preposition=prep))

    for m in _APPOSITIVE_VENUE_RE.finditer(text):
        name = m.group("name")
        if "\n" in name or not _is_name(name):
            continue
        add(m.start("name"), m.end("noun"), None)
    for m in _NAMED_VENUE_RE.finditer(text):
        name = m.group("name")
        if "\n" in name or not _is_name(name):
            continue
        start = m.start("name")
        last = name.split()[-1]
        if re.search(r"['’]s?$", last):
            continue  # "the Met Office's station", "the city's market": an owner, not a name
        before = text[max(0, start - 3) : start].lower()
        if m.group("noun")[:1].islower() and not (
            name.lower().startswith("the ") or re.search(r"['’]s\s", name) or before.endswith("the ")
        ):
            continue  # "a Columbus nightclub", "Gulbahar mosque": a place word used as an adjective
        add(start, m.end("noun"), None)
    for m in _PREP_NAME_RE.finditer(text):
        name = m.group("name")
        words = {w.lower() for w in name.split()}
        if "\n" in name or not _is_name(name) or words & NOT_A_NAME_PREP or re.search(r"['’]s?$", name):
            continue
        add(m.start("name") - len("the "), m.end("name"), m.group("prep").split()[-1])
    out.sort(key=lambda p: p.start)
    return out
