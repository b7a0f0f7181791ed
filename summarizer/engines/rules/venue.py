"""The venue by its proper name ("the Sahal Palace Hotel", "the Velvet Room, a nightclub")."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ...lazyre import lazy_compile
from ...normalize.dates import CALENDAR_WORDS
from ...normalize.places import Place, find_named_venues, gazetteer, venue_noun
from ...normalize.places.lexicon import NAMED_VENUE_NOUNS
from .context import Context, fold_name, inside
from .text import Sentence, common_english_words, frequent_english_words, known_english_words, restore_case
from .usgeo import place_tails

__all__ = ["named_venue"]

# an occasion, not a place: "a crush at a New Year's Eve concert ... at Coco Beach"
_OCCASION_NOUNS = frozenset({"festival", "concert", "rally", "wedding", "funeral"})
# venues where the wounded are treated or suspects tried, not where the incident happened
_AFTERMATH_NOUNS = frozenset(
    {"hospital", "clinic", "college", "university", "academy", "court", "courthouse", "jail", "prison"}
)


# the first word of a place's name before a name, in restored case ("mount Vernon")
_PLACE_FIRST = lazy_compile(r"\b(?:mount|fort|port|saint|lake)(?= [A-Z][a-z])")
# upper-case copy: a venue's name of ordinary words the article shows to be a name: with a venue
# noun after it and again without ("THE VELVET ROOM NIGHTCLUB" ... "THE VELVET ROOM ON NORTH HIGH
# STREET"), or before an appositive venue noun ("THE VELVET ROOM, A NIGHTCLUB IN ...")
_NAME_WORDS = r"(?P<name>[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){0,2})"
_THE_NAME_NOUN = lazy_compile(rf"\bTHE\s+{_NAME_WORDS}\s+(?P<noun>(?i:{NAMED_VENUE_NOUNS}))\b")
_PHRASE_END = r"(?:ON|IN|AT|NEAR|IS|WAS|HAS|HAD|AND|WHERE|WHICH|WHEN)\b"
_THE_NAME_APPOSITIVE = lazy_compile(
    rf"\bTHE\s+{_NAME_WORDS},\s+AN?\s+(?:[A-Z][A-Z'’-]*\s+){{0,2}}?(?i:{NAMED_VENUE_NOUNS})\b"
)


# words that go on a venue's name in upper-case copy, even when they are ordinary English words
# ("THE SAHAL PALACE HOTEL" -> "the Sahal Palace Hotel"): the venue nouns and a few more
@lru_cache(maxsize=1)
def _venue_tails() -> frozenset[str]:
    return frozenset({w.lower() for w in re.findall(r"[A-Za-z]{3,}", NAMED_VENUE_NOUNS)}) | frozenset(
        {"palace", "hall", "house", "centre", "center"}
    )


def _named_venues(ctx: Context) -> list[Place]:
    """The venues upper-case local news names by a proper name, read in its restored case, where
    the venue nouns go on a name ("THE SAHAL PALACE HOTEL", "AT COCO BEACH"; same offsets)."""
    ordinary = common_english_words() - ctx.name_evidence
    text = restore_case(ctx.text, ordinary, place_tails() | _venue_tails())
    # the first word of a place's name before a name ("MOUNT VERNON TOWNSHIP HIGH SCHOOL")
    text = _PLACE_FIRST.sub(lambda m: m.group(0).capitalize(), text)
    shown = _shown_names(ctx.text)
    for a, b in shown:
        text = text[:a] + restore_case(ctx.text[a:b], frozenset()) + text[b:]
    return [
        v
        for v in find_named_venues(text)
        if _own_name(v, ordinary) or any(v.start <= a < v.end for a, _ in shown)
    ]


def _shown_names(text: str) -> list[tuple[int, int]]:
    """Spans of upper-case ``text`` that it shows to be a venue's name though its words are ordinary
    (:data:`_THE_NAME_NOUN`, :data:`_THE_NAME_APPOSITIVE`); none of their words a frequent English
    word, a venue noun or a calendar word ("THE CROWDED, A ..." is none)."""
    frequent, tails = frequent_english_words(), _venue_tails()

    def plain(name: str) -> bool:
        return all(
            w.lower() not in frequent and w.lower() not in tails and w.lower() not in CALENDAR_WORDS
            for w in re.findall(r"[A-Za-z]+", name)
        )

    out = [m.span("name") for m in _THE_NAME_APPOSITIVE.finditer(text) if plain(m.group("name"))]
    for m in _THE_NAME_NOUN.finditer(text):
        name = m.group("name")
        # again, ending its phrase ("THE VELVET ROOM ON ...", not "THE FUNERAL HOME")
        again = re.search(rf"\bTHE\s+{re.escape(name)}(?:\s*[,.;:)]|\s+{_PHRASE_END})", text)
        if plain(name) and again is not None and m.span("name") not in out:
            out.append(m.span("name"))
    return sorted(out)


def _own_name(v: Place, ordinary: frozenset[str]) -> bool:
    """Is a venue found in restored case named by a word of its own: one the restored case
    capitalises for itself (not as a venue noun after another word: "A FOUR-STOREY KARAOKE BAR"), no
    town's, state's or country's ("THE DHAKA MEDICAL COLLEGE HOSPITAL", "AN ILLINOIS HIGH SCHOOL");
    a name with no venue noun ("OUTSIDE THE TAKEAWAY") by a word that is surely no English word."""
    noun = venue_noun(v.text)
    cut = v.text.lower().rfind(noun) if noun else -1
    head = v.text[:cut] if cut > 0 else v.text
    common = ordinary if noun else known_english_words()
    tails = _venue_tails()
    return any(
        w[:1].isupper()
        and w.lower() not in common
        and w.lower() not in tails
        and fold_name(w) not in gazetteer().any_name
        for w in re.findall(r"[^\W\d_]+", head)
    )


def named_venue(
    ctx: Context,
    places: list[Place],
    venue_hit: tuple[Place, Sentence] | None,
    ordered: list[Sentence],
    facts: list[Sentence],
) -> str | None:
    """The venue by its proper name ("the Sahal Palace Hotel", "the Velvet Room, a nightclub"):
    one named in the event sentence; else one anywhere in the facts of the same kind as the event's
    generic venue ("a crowded market" ... "the Binnenrotte market"); else, when the event names no
    venue, one named in the lead. A name that is only a city or country ("a Rotterdam market") and a
    hospital or court (where the wounded are treated, suspects tried) do not count."""
    if ctx.wire:
        return None
    geo = [p for p in places if p.kind in {"city", "country", "region"}]
    generic = venue_noun(venue_hit[0].text) if venue_hit is not None else None

    def usable(v: Place) -> bool:
        noun = venue_noun(v.text)
        if noun in _AFTERMATH_NOUNS and noun != generic:
            return False
        head = v.text[: v.text.lower().rfind(noun)] if noun else v.text
        head = re.sub(r"^(?:the|a|an)\s+|['’]s?\s*$|[\s,]+$", "", head.strip(), flags=re.IGNORECASE)
        covered = [p for p in geo if v.start <= p.start and p.end <= v.end]
        rest = head
        for p in covered:
            rest = rest.replace(v.text[p.start - v.start : p.start - v.start + len(p.text)], " ")
        return bool(re.search(r"[A-Z]", rest)) or not head

    if ctx.restored is not None:
        # upper-case local news: the venues its restored case names, quoted as the article writes
        # them; else those its capitals show, as before
        restored = [v for v in _named_venues(ctx) if usable(v)]
        found = _pick(
            [replace(v, text=ctx.text[v.start : v.end], name=ctx.text[v.start : v.end]) for v in restored],
            generic,
            ordered,
            facts,
        )
        if found is not None:
            return found
    return _pick([v for v in find_named_venues(ctx.text) if usable(v)], generic, ordered, facts)


def _pick(
    named: list[Place], generic: str | None, ordered: list[Sentence], facts: list[Sentence]
) -> str | None:
    if not named:
        return None
    event = ordered[0] if ordered else None
    if event is not None:
        for v in named:
            if inside(v, event):
                return v.text
    if generic is not None and generic not in _OCCASION_NOUNS:
        for v in named:
            if venue_noun(v.text) == generic and any(inside(v, s) for s in facts):
                return v.text
        # "at the Velvet Room", "the prayer hall of the Masjid-e-Noor" in the lead
        for v in named:
            if v.preposition is not None and any(inside(v, s) for s in ordered[:3]):
                return v.text
        return None
    for v in named:
        if any(inside(v, s) for s in ordered[:3]):
            return v.text
    return None
