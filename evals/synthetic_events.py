"""Synthetic event reports for grouping at scale: many incidents, 1-4 outlets each, in few cities.

``synthetic_members(n)`` returns ``n`` :class:`Member` objects and the true event of each (its
incident number). Reports are built from one template report of the offline engine, with the
fields grouping reads replaced: category, incident date (sometimes missing: then the publication
date anchors), city, country, a named venue (sometimes), title and a short lead written from
templates. Incidents are made hard on purpose: cities are drawn from a skewed list, so many
incidents share a city and a month; about one in ten incidents has a twin of the same category
in the same city on the same day (another venue, other words); outlets word the same incident
differently (synonyms, their own filler); and some leads mention an earlier incident in a
background sentence. Deterministic for a given seed.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from summarizer import Article, Summarizer
from summarizer.events import Member
from summarizer.schema import Category, DatePrecision, IncidentReport

_COUNTRIES = ["Kenya", "Peru", "Pakistan", "Nigeria", "Indonesia", "Brazil", "Turkey", "Poland", "Canada"]
_SYLLABLES = ["ka", "lo", "mi", "ra", "tu", "ven", "dor", "sa", "bel", "ni", "ko", "ral", "den", "pa", "zu"]
_VENUES = ["Market", "Hotel", "Station", "Mill", "Mosque", "Church", "School", "Depot", "Bridge", "Mall"]
_NAMES = ["Amber", "Crescent", "Harbor", "Liberty", "Summit", "Cedar", "Union", "Royal", "Pioneer", "Grand"]
_EVENTS: dict[Category, list[tuple[str, str]]] = {
    Category.violent_attack: [("gunmen opened fire", "attack"), ("a bomb exploded", "bombing")],
    Category.fire: [("a fire broke out", "fire"), ("flames gutted", "blaze")],
    Category.accident: [("a bus plunged off the road", "crash"), ("a truck hit a minibus", "collision")],
    Category.civil_unrest: [
        ("protesters clashed with police", "clashes"),
        ("a march turned violent", "riot"),
    ],
}
_FILLER = [
    "witnesses described scenes of panic",
    "rescue teams worked through the night",
    "the authorities opened an investigation",
    "relatives gathered outside the hospital",
    "traffic was diverted for several hours",
    "the governor called for calm",
    "schools in the area stayed closed",
    "a curfew was imposed until further notice",
    "the interior minister visited the scene",
    "hospitals appealed for blood donors",
    "shops near the scene pulled down their shutters",
    "the army sent reinforcements",
]
_DETAIL = [
    "The {noun} left {a} and {b} families in shock",
    "Residents of {a} said the {noun} followed a dispute with {b} traders",
    "Among the victims were {a} pupils and a {b} driver",
    "Footage shared online showed {a} volunteers carrying the wounded past {b} shops",
    "The {a} council said the {noun} was the worst it had seen since {b} elders settled there",
]


def _city_names(rng: random.Random, n: int) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < n:
        name = "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 3)))).capitalize()
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def _template_report() -> IncidentReport:
    s = Summarizer(engine="rules", cache=False)
    text = "A fire at the Amber Mill in Kalo, Kenya, killed three workers on Monday, officials said."
    return s.summarize(Article(text=text, published=date(2025, 1, 7)), use_cache=False)


def synthetic_members(
    n: int, *, seed: int = 7, cities: int | None = None, template: IncidentReport | None = None
) -> tuple[list[Member], list[int]]:
    """``n`` members and the true incident number of each. ``cities``: how many (default one per 13
    reports, so the density of incidents per city and day does not grow with ``n``)."""
    rng = random.Random(seed)
    cities = cities or max(20, n // 13)
    base = template or _template_report()
    city_names = _city_names(rng, cities)
    city_country = {c: rng.choice(_COUNTRIES) for c in city_names}
    zipf = [1 / (rank + 1) for rank in range(cities)]
    start = date(2024, 1, 1)
    members: list[Member] = []
    truth: list[int] = []
    incident = 0
    while len(members) < n:
        # skewed (Zipf): the first city has about a fifth of all incidents
        city = rng.choices(city_names, weights=zipf)[0]
        category = rng.choice(list(_EVENTS))
        day = start + timedelta(days=rng.randrange(365))
        twins = 2 if rng.random() < 0.1 else 1  # another incident, same city, same day, same category
        for _ in range(twins):
            venue = f"the {rng.choice(_NAMES)} {rng.choice(_VENUES)}"
            # the incident's own details (a street, a group, a detail): each outlet gives some of them
            words = [
                "".join(rng.choice(_SYLLABLES) for _ in range(3)) + rng.choice(("ite", "ian", "ese"))
                for _ in range(6)
            ]
            killed = rng.randrange(1, 40)
            for k in range(rng.choice((1, 1, 2, 2, 3, 4))):
                if len(members) >= n:
                    break
                verb, noun = rng.choice(_EVENTS[category])
                told = rng.sample(words, 5)
                published = day + timedelta(days=rng.choice((0, 1, 1, 2)))
                named_venue = rng.random() < 0.7
                where = f"at {venue} in {city}" if named_venue else f"in {city}"
                lead = (
                    f"{verb.capitalize()} {where} on {day:%A}, killing {killed + rng.choice((0, 0, 1, 2))} "
                    f"people, {rng.choice(('officials', 'police', 'witnesses'))} said. "
                    + rng.choice(_DETAIL).format(noun=noun, a=told[0], b=told[1])
                    + f"; {rng.choice(_FILLER)}. "
                    + rng.choice(_DETAIL).format(noun=noun, a=told[2], b=told[3])
                    + f", and {rng.choice(_FILLER)}."
                )
                if rng.random() < 0.15:
                    other = rng.choice(city_names)
                    lead += (
                        f" It came days after a separate {noun} at the {rng.choice(_NAMES)} Hotel in {other}."
                    )
                if rng.random() < 0.5:
                    lead += f" {told[4].capitalize()} leaders demanded answers."
                rep = base.model_copy(deep=True)
                inc = rep.incident
                assert inc is not None and inc.location is not None and inc.date is not None
                inc.category = category
                inc.subtype = None
                inc.date.iso = day if rng.random() < 0.85 else None
                inc.date.precision = DatePrecision.day if inc.date.iso is not None else None
                inc.location.city = city
                inc.location.country = city_country[city]
                inc.location.venue = venue if named_venue else None
                inc.location.evidence[0].quote = lead.split(". ")[0] + "."
                rep.article.title = f"{noun.capitalize()} in {city} kills {killed}"
                rep.article.published = published
                rep.summary = lead.split(". ")[0] + "."
                members.append(
                    Member(
                        id=f"s{len(members)}",
                        report=rep,
                        outlet=f"Outlet {k}",
                        published=published,
                        text=lead,
                    )
                )
                truth.append(incident)
            incident += 1
    return members, truth


def clusters(labels: list[int], ids: list[str]) -> list[list[str]]:
    """Ids grouped by label, in first-seen order."""
    out: dict[int, list[str]] = {}
    for label, i in zip(labels, ids, strict=True):
        out.setdefault(label, []).append(i)
    return list(out.values())
