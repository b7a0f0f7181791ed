"""The venue by its proper name ("the Sahal Palace Hotel", "the Velvet Room, a nightclub")."""

from __future__ import annotations

import re

from ...normalize.places import Place, find_named_venues, venue_noun
from .context import Context, inside
from .text import Sentence

__all__ = ["named_venue"]

# an occasion, not a place: "a crush at a New Year's Eve concert ... at Coco Beach"
_OCCASION_NOUNS = frozenset({"festival", "concert", "rally", "wedding", "funeral"})
# venues where the wounded are treated or suspects tried, not where the incident happened
_AFTERMATH_NOUNS = frozenset(
    {"hospital", "clinic", "college", "university", "academy", "court", "courthouse", "jail", "prison"}
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
            rest = rest.replace(p.text, " ")
        return bool(re.search(r"[A-Z]", rest)) or not head

    named = [v for v in find_named_venues(ctx.text) if usable(v)]
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
