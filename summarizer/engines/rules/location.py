"""Where the incident happened: venue, city, region and country, with the words the article uses.

The city is chosen by votes across the article (:mod:`.city`); the region and the generic venue
are the first named in the event sentence, then the lead; the country is the city's own when the
gazetteer knows it, else the first named in those sentences, else the region's, else the most
named in the facts (wire copy votes its own way: :func:`.wire.wire_country`). A venue's proper
name is :mod:`.venue`.
"""

from __future__ import annotations

import re

from ...lazyre import lazy_compile
from ...normalize.places import Place, country_name, find_country_adjectives, gazetteer
from ...schema import DraftLocation
from .city import common_words_only, pick_city
from .context import Context, fold_name, inside
from .text import Sentence
from .usgeo import US_NAME, us_context
from .venue import named_venue
from .wire import dateline_only, not_where, wire_country

__all__ = ["location"]

Hit = tuple[Place, Sentence]


def _first(places: list[Place], kind: str, sentences: list[Sentence]) -> Hit | None:
    for s in sentences:
        for p in places:
            if p.kind == kind and inside(p, s):
                return p, s
    return None


def _ordered(ctx: Context, event: Sentence | None, lead: list[Sentence]) -> list[Sentence]:
    """The event sentence, the lead's body sentences, then the title: facts only."""
    usable_ids = {s.index for s in ctx.usable}
    ordered: list[Sentence] = []
    if event is not None:
        ordered.append(event)
    ordered.extend(s for s in lead if s not in ordered and not s.title)
    ordered.extend(s for s in ctx.article.title_sentences if s not in ordered)
    return [s for s in ordered if s.index in usable_ids and not (ctx.is_background(s) and s is not event)]


def _locative_town(p: Place, text: str) -> bool:
    """Is the town named as a place ("in Aurora", "at Lima"), not as the first word of a name?"""
    return p.preposition is not None and not re.match(r"\s+[A-Z]", text[p.end : p.end + 2])


def _country(
    text: str,
    places: list[Place],
    adjectives: list[Place],
    ordered: list[Sentence],
    facts: list[Sentence],
    city_hit: Hit | None,
    region_hit: Hit | None,
) -> str | None:
    if city_hit is not None and city_hit[0].country and city_hit[0].population:
        return city_hit[0].country
    for s in ordered:
        named = [
            p
            for p in [*places, *adjectives]
            if p.kind == "country" and inside(p, s) and not not_where(text, p)
        ]
        if named:
            return min(named, key=lambda p: p.start).country
    if region_hit is not None and region_hit[0].country:
        return region_hit[0].country
    if city_hit is not None and city_hit[0].country:
        return city_hit[0].country
    support: dict[str, int] = {}
    for p in places:
        if p.kind == "city" and not _locative_town(p, text):
            continue  # "Officer Rialmo", "Adam Collins": a town's name without a place's preposition
        if p.kind in {"country", "city"} and p.country and any(inside(p, s) for s in facts):
            support[p.country] = support.get(p.country, 0) + (2 if p.kind == "country" else 1)
    if support:
        return max(support, key=lambda c: support[c])
    return None


def _of_country(p: Place, country: str | None) -> bool:
    """May the town be one of that country's (the gazetteer knows no town of its name elsewhere only)?"""
    known = gazetteer().cities.get(fold_name(p.name), [])
    return country is None or not known or any(country_name(c.alpha2) == country for c in known)


_ACTS_PREPOSITION = lazy_compile(r"\b(?:IN|AT|NEAR|OUTSIDE)\s+(?:THE\s+)?$", re.IGNORECASE)


def _known_abroad(hit: Hit, country: str | None, ctx: Context, event: Sentence | None) -> bool:
    """A well-known city (100,000 people or more) of other countries only ("CARACAS" in a report on
    El Salvador); a small town may be a namesake the gazetteer does not know ("RIO BLANCO"), and so
    may a saint's name borne by towns of many countries ("SAN LUIS"). A city the event sentence puts
    the act in ("A BOMB EXPLODED NEAR THE EMBASSY IN QUITO") is the place, whatever the country."""
    p, s = hit
    known = gazetteer().cities.get(fold_name(p.name), [])
    # (a dateline's town is read without its population: the gazetteer's biggest of that name)
    if max((c.population for c in known), default=p.population) < 100_000 or _of_country(p, country):
        return False
    text = ctx.article.text
    if event is not None and s.index == event.index and _ACTS_PREPOSITION.search(text, s.start, p.start):
        return False
    dl = ctx.article.dateline_span
    if dl is not None and fold_name(text[dl[0] : dl[1]]) == fold_name(p.text):
        return True  # "SAN JOSE (COSTA RICA), 27 SEP 89": the dateline's town, abroad
    return len({c.alpha2 for c in known}) < 3


def location(
    ctx: Context, event: Sentence | None, lead: list[Sentence] | None = None
) -> DraftLocation | None:
    """The incident's location, or None when the article names no place for it."""
    art = ctx.article
    places = list(ctx.places)
    adjectives = find_country_adjectives(art.text)
    ordered = _ordered(ctx, event, ctx.lead if lead is None else lead)
    facts = [s for s in ctx.usable if not ctx.is_background(s) or s is event]

    us = us_context(art, ctx.title, places, ordered, ctx.restored) if ctx.english else None
    lead_ids = {s.index for s in ordered}
    city_hit = pick_city(ctx, places, event, lead_ids, facts, us, acts_only=ctx.wire)
    # the venue is told beside a town the report names anywhere (wire copy places its act only by the
    # sentences that tell an act, but a town named elsewhere still keeps another sentence's venue out)
    named_town = pick_city(ctx, places, event, lead_ids, facts, us) if ctx.wire else city_hit
    # "THE CITY'S NOTORIOUS NORTHERN DISTRICTS" in capitals: a description, no region
    regions = [p for p in places if not (art.upper and p.kind == "region" and common_words_only(p.text))]
    region_hit = _first(regions, "region", ordered[:1]) or _first(regions, "region", ordered)
    if (
        region_hit is not None
        and city_hit is not None
        and fold_name(region_hit[0].name) == fold_name(city_hit[0].name)
    ):
        region_hit = _first(regions, "region", [s for s in ordered if s is not region_hit[1]])
    venue_hit = _first(places, "venue", ordered[:1]) or _first(places, "venue", ordered[1:3])
    country = _country(art.text, places, adjectives, ordered, facts, city_hit, region_hit)
    region_name = region_hit[0].name if region_hit else None
    if us is not None:
        country = US_NAME
        region_name = us.state_of(
            city_hit[0].name if city_hit else None
        )  # the state ("Georgia" is the state; "Police in York" is no region)
        if region_hit is not None and region_hit[0].alpha2 != "US":
            region_hit = None
    elif ctx.wire:
        country = wire_country(ctx, places + adjectives, event, ordered, city_hit) or country
        if city_hit is not None and (
            dateline_only(ctx, city_hit[0], acts=True) or _known_abroad(city_hit, country, ctx, event)
        ):
            # the dateline says where the report was filed, not where the act happened; a known city
            # of another country than the report's is a reference ("TALKS IN CARACAS", "A HAVANA
            # BROADCAST"): the town the sentences that tell an act name next ("BOGOTA, ... -- ...
            # ARRESTED IN MEDELLIN IN CONNECTION WITH THE ATTACK"), in the report's country
            city_hit = pick_city(
                ctx, places, event, lead_ids, facts, us, acts_only=True, skip=fold_name(city_hit[0].name)
            )
            if city_hit is not None:
                country = wire_country(ctx, places + adjectives, event, ordered, city_hit) or country
                if not _of_country(city_hit[0], country) or dateline_only(ctx, city_hit[0], acts=True):
                    city_hit = None
        if named_town is not None and dateline_only(ctx, named_town[0]):
            named_town = None
    if city_hit is None and region_hit is None and venue_hit is None and country is None:
        return None
    anchor = city_hit or region_hit or venue_hit
    quote_sentence = anchor[1] if anchor is not None else (event or (ordered[0] if ordered else None))
    if quote_sentence is None:
        return None
    as_stated = _as_stated(art.text, quote_sentence, [h for h in (venue_hit, city_hit, region_hit) if h])
    if not as_stated and city_hit is not None:
        as_stated = city_hit[0].text
    town_anchor = named_town or region_hit or venue_hit
    venue = (
        venue_hit[0].text
        if venue_hit
        and (
            venue_hit[1] is (town_anchor[1] if town_anchor else quote_sentence)
            or named_town is None
            or (not ctx.wire and event is not None and venue_hit[1] is event)
        )
        else None
    )
    named = named_venue(ctx, places, venue_hit, ordered, facts)
    if named is not None:
        venue = named
    if (
        venue
        and city_hit is not None
        and re.search(rf"\b(?:PORT|CITY|TOWN|VILLAGE)\s+OF\s+{re.escape(city_hit[0].text)}\s*$", venue, re.I)
    ):
        venue = None  # "THE PORT OF EL CALLAO" is the town, not a venue in it
    return DraftLocation(
        venue=venue,
        city=city_hit[0].name if city_hit else None,
        region=region_name,
        country=country,
        as_stated=as_stated,
        quote=quote_sentence.text,
    )


def _as_stated(text: str, s: Sentence, hits: list[tuple[Place, Sentence]]) -> str:
    spans = [(p.start, p.end, p) for p, hs in hits if hs is s]
    if not spans:
        return ""
    a = min(x[0] for x in spans)
    b = max(x[1] for x in spans)
    # keep a preposition such as "near" or "on the outskirts of"
    before = text[max(s.start, a - 40) : a]
    prep = re.search(
        r"(?:\b(?:on|in)\s+the\s+outskirts\s+of|\boutskirts\s+of|\bnear|\boutside|\binside|\bat|\bin|"
        r"\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\s+(?:the\s+)?$",
        before,
        re.IGNORECASE,
    )
    if prep:
        a = a - len(before) + prep.start()
    if b - a > 160:
        p0 = spans[0]
        return re.sub(r"\s+", " ", text[p0[0] : p0[1]])
    return re.sub(r"\s+", " ", text[a:b]).strip()
