"""Convert MUC-4 newswire texts and answer keys into the project's gold JSONL format.

MUC-4 (the Message Understanding Conference 3/4 terrorism task; the NIST distribution as
redistributed in the MIT-licensed repository xinyadu/gtt) ships upper-case Latin-American
newswire (1988-1990) in files of 100 texts and answer keys with one template per incident
(slots 0-24, alternatives separated by ``/``, optional fills prefixed with ``?``). This module
writes one gold record per article (standard library only)::

    python -m evals.muc4 --texts TEXT_FILE... --keys KEY_FILE... --out OUT.jsonl

Mapping decisions
-----------------
Article fields
    * ``id``: the MUC message id (``DEV-MUC3-0001``); the provider after it in the text header
      (``(NOSC)``) or in the key (``(NCCOSC)``) is dropped.
    * ``text``: the article as in the file minus the message-id header line; only the blank
      lines around it and trailing white space are removed. The dateline (``SAN SALVADOR, 3 JAN
      90 (RADIO CADENA NACIONAL) -- [REPORT] ...``) and the upper case are kept.
    * ``published``: the dateline date (``3 JAN 90`` -> ``1990-01-03``; full month names and
      ``JUNE 11 89`` are understood); ``null`` for ``NO DATE`` or a date without a year.
    * ``outlet``: the source in parentheses after the dateline date, else ``null``.
    * ``title``: ``null`` (MUC texts have none). ``lang``: ``en``. ``notes``: one generated line.
    * ``event_id``: ``<id>:T<n>`` for the main template ``n``; the bare id without one.
    * ``muc4`` (extra): message id, dateline, main template and why, MUC incident type(s) and
      stage, optional-only / threat-only flags, killed/injured status, the raw claim
      confidence, and a summary of every template (raw date and location, parsed dates, perps,
      physical and human targets with numbers and effects, counts, annotator comments).

Which template
    The main template is the first in key order (the keys follow the text) that is neither
    marked ``(OPTIONAL)`` (the annotators' "mentioned in passing") nor only ``THREATENED``;
    failing that the first that is not a threat. An article whose key is the all-``*`` template
    is ``not_incident``, and so is one whose templates are all threats (stage ``THREATENED``:
    nothing happened; ``muc4.threat_only``). ``not_incident`` records have date, country, city
    and venue ``[null]``, killed/injured ``null`` and empty lists.

Category
    Every MUC-4 incident type (ATTACK, BOMBING, KIDNAPPING, ARSON, ROBBERY, FORCED WORK
    STOPPAGE) is ``violent_attack``; ARSON too, since it is an attack by a perpetrator, not an
    accidental fire. The MUC type(s) are ``muc4.incident_type``. Articles whose templates are
    all optional stay ``violent_attack`` (``muc4.optional_only``) with ``incident_optional:
    true``: MUC-4 scoring does not penalise a missing optional template and scores one that is
    produced, so a report calling the article no incident is right too (and is then scored as
    against a ``not_incident`` gold), while one calling it an incident is scored on the labels.

Date (slot 2)
    Alternatives (``A / B``) are unioned and sorted, ``null`` last. ``D`` -> ``[D]``; ``- D``
    (on or before D, start unknown) -> ``[D, null]``; ``D1 - D2`` -> every day when the range
    spans at most 7 days, else ``[D1, D2, null]``; ``-`` -> ``[null]``. A key date without a
    year, with a year before 1950 (``13 NOV 00``) or more than a month after the dateline date
    (``28 AUG 92`` in a 1989 text) takes the latest year that puts it on or before the dateline
    date (``[null]`` when the text has no dated dateline); an impossible day (``31 NOV``) is
    clamped to the month's last day. The raw fill stays in ``muc4.templates[].date``.

Country / city / venue (slot 3 and physical targets)
    Location alternatives (``(A) / (B)``) are unioned. The first ``:``-component is the country,
    listed as in the key plus in title case (``EL SALVADOR`` / ``El Salvador``; the key typos
    ``GUATAMALA`` and ``SAN SALVADOR`` as a country are corrected). Places typed CITY, TOWN,
    VILLAGE, MUNICIPALITY, PORT, HAMLET, TOWNSHIP, CAPITAL or CORREGIMIENTO (also as one of
    ``(CITY / DEPARTMENT)``-style alternatives) are cities, both ends of a ``X - Y`` route and
    every level of ``MUNICIPALITY: VILLAGE`` chains included, again with a title-case variant.
    An alternative without such a place adds ``null``: ``EL SALVADOR`` or ``SAN MIGUEL
    (DEPARTMENT)`` alone gives city ``[null]`` (regions are not cities; the key's department is
    not guessed into a city). Venue lists the physical-target strings (slot 12, all
    alternatives, vehicles included) and the places below city level (NEIGHBORHOOD, UNIVERSITY,
    AIRPORT, FARM, MILITARY BASE, or any place under a city), and always ends with ``null``: the
    key does not say where exactly it happened, so a report may leave venue out, but a venue it
    gives must be one of these.

Killed / injured (slots 18-24, main template only)
    Human targets are the description lines of slot 19 (with the name they point to) and the
    names of slot 18 no description points to; an effect on ``"-"`` is an undescribed target of
    its own. Number (21) and effect (23) lines attach to targets through their quoted strings; a
    repeated description (``"PEOPLE"`` / ``? "PEOPLE"``) takes them in order. Numbers: ``N``
    exact, ``~N`` about, ``N-`` at_least, ``-N`` up_to, ``PLURAL`` uncountable; of
    alternatives the numeric ones count (``1 / PLURAL`` -> 1), and disagreeing ones give their
    minimum, at_least; a named target without a number is 1. For DEATH (killed) and INJURY
    (injured), conservatively:

    * no target has the effect: ``null`` (``muc4.killed_status`` ``"none"``);
    * ``"ambiguous"``, ``null``: the effect is only optional (``? DEATH``), is one of
      alternatives (``INJURY / DEATH``), or shares a target with another effect (``INJURY`` and
      ``DEATH`` both on "5 PEOPLE"), or a repeated description's copies do not pair up (fewer
      effect lines than copies, equal effects, or ``INJURY`` beside ``? NO INJURY``);
    * ``"count"``: when every human target has the effect and the key gives a (non-optional)
      total number (slot 24), that total (descriptions overlap: "107 VICTIMS" and the "5
      INFORMERS" among them); else the single target's number; else the sum of several targets'
      numbers when all are exact and no named person stands beside a group (``6 CLERGYMEN``
      and ``FATHER: JOSE IGNACIO ELLACURIA`` would count him twice);
    * ``"uncountable"``, ``null`` otherwise (a ``PLURAL`` or missing number, inexact counts of
      several groups, a named person beside a group): no count is guessed behind a plural.

Perpetrators / claims (slots 9-11, main template)
    ``perpetrators``: every string of the individual (9) and organisation (10) slots, all
    alternatives, optional ones included. ``claimed_by``: the organisations whose confidence
    (11) lists ``CLAIMED OR ADMITTED``, also as one of alternatives (``REPORTED AS FACT /
    CLAIMED OR ADMITTED``); the raw fill is ``muc4.claim_confidence``.

Summary checks
    ``summary_must_include``: ``[[cities..., countries...]]`` when the location is known, plus
    one group of words for the incident type(s) (``TYPE_WORDS``: BOMBING -> bomb, bombing,
    explosion, exploded, blast, ...; KIDNAPPING -> kidnap, kidnapped, abducted, ...; ATTACK ->
    attack, attacked, killed, murdered, ...; ARSON -> arson, burned, set fire, ...; ROBBERY ->
    robbery, robbed, stole, ...; FORCED WORK STOPPAGE -> strike, stoppage, ...).
    ``summary_must_not_include``: ``[]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from summarizer.evaluation.gold import GoldRecord
from summarizer.evaluation.muc4.keys import (
    COUNTRY_FIXES,
    FUTURE_SLACK,
    MIN_YEAR,
    MONTHS,
    SHORT_RANGE_DAYS,
    SLOT_LABELS,
    Article,
    Place,
    Template,
    parse_date_slot,
    parse_dateline,
    parse_day,
    parse_keys,
    parse_location_alternative,
    parse_texts,
    quoted,
    refs_of,
    split_alternatives,
    split_head,
    strings_of,
    strip_optional,
    unwrap,
)

__all__ = [
    "COUNTRY_FIXES",
    "FUTURE_SLACK",
    "MIN_YEAR",
    "MONTHS",
    "SHORT_RANGE_DAYS",
    "SLOT_LABELS",
    "Article",
    "Place",
    "Template",
    "convert",
    "main",
    "parse_date_slot",
    "parse_dateline",
    "parse_day",
    "parse_keys",
    "parse_location",
    "parse_location_alternative",
    "parse_texts",
    "quoted",
    "refs_of",
    "split_alternatives",
    "split_head",
    "strings_of",
    "strip_optional",
    "unwrap",
    "validate_gold",
]

CATEGORY = "violent_attack"
NOT_INCIDENT = "not_incident"


TYPE_WORDS: dict[str, list[str]] = {
    "ATTACK": [
        "attack",
        "attacked",
        "killed",
        "killing",
        "murder",
        "murdered",
        "assassinated",
        "assassination",
        "shot",
        "slain",
        "gunned",
        "executed",
        "massacre",
        "ambush",
    ],
    "BOMBING": [
        "bomb",
        "bombing",
        "bombed",
        "explosion",
        "exploded",
        "explosive",
        "blast",
        "blew up",
        "blown up",
        "dynamite",
    ],
    "KIDNAPPING": [
        "kidnap",
        "kidnapped",
        "kidnapping",
        "kidnappers",
        "abducted",
        "abduction",
        "hostage",
    ],
    "ARSON": ["arson", "burned", "burnt", "set fire", "set on fire", "fire", "torched"],
    "ROBBERY": ["robbery", "robbed", "robbers", "stole", "stolen", "theft", "looted", "raided"],
    "FORCED WORK STOPPAGE": ["strike", "stoppage", "shutdown", "paralyzed", "paralysed"],
}

CITY_TYPES = frozenset(
    {
        "CITY",
        "TOWN",
        "VILLAGE",
        "MUNICIPALITY",
        "PORT",
        "HAMLET",
        "TOWNSHIP",
        "CAPITAL",
        "CORREGIMIENTO",
        "TOWN IN FEDERAL DISTRICT",
    }
)
REGION_TYPES = frozenset(
    {
        "DEPARTMENT",
        "PROVINCE",
        "REGION",
        "STATE",
        "DISTRICT",
        "INTENDANCY",
        "COUNTY",
        "JURISDICTION",
        "CANTON",
        "METROPOLITAN DISTRICT",
        "ZONE",
        "RURAL AREA",
        "AREA",
        "JUNGLE",
        "MOUNTAIN",
        "RIVER",
        "ISLAND",
    }
)
# Every other place type (NEIGHBORHOOD, UNIVERSITY, AIRPORT, FARM, ...) is a venue.


# Country spellings in the keys that are typos.
def _with_title(names: Iterable[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        for variant in (name, name.title()):
            if variant not in out:
                out.append(variant)
    return out


def parse_location(value: str) -> tuple[list[str | None], list[str | None], list[str]]:
    """Countries, cities (each possibly ``None``) and sub-city places of a LOCATION fill."""
    countries: list[str | None] = []
    cities: list[str | None] = []
    venues: list[str] = []
    if value.strip() in ("", "-", "*"):
        return [None], [None], []
    for alternative in split_alternatives(value):
        country, places = parse_location_alternative(alternative)
        if country is None:
            countries.append(None)
        else:
            countries.extend(c for c in _with_title([country]) if c not in countries)
        found_city = False
        for place in places:
            if any(t in CITY_TYPES for t in place.types):
                found_city = True
                cities.extend(c for c in _with_title([place.name]) if c not in cities)
            elif (
                place.types
                and (found_city or not any(t in REGION_TYPES for t in place.types))
                and place.name not in venues
            ):
                # A sub-city place, or any place named after the city (``LIMA (CITY):
                # MIRAFLORES (DISTRICT)``).
                venues.append(place.name)
        if not found_city and None not in cities:
            cities.append(None)
    countries = list(dict.fromkeys(countries))
    return _null_last(countries), _null_last(cities), venues


def _null_last(values: list[str | None]) -> list[str | None]:
    return [v for v in values if v is not None] + ([None] if None in values else [])


# ---------------------------------------------------------------------------------------------
# Human targets and counts


@dataclass
class Quantity:
    value: int
    qualifier: str

    def as_json(self) -> dict[str, Any]:
        return {"value": self.value, "qualifier": self.qualifier}


PLURAL = "PLURAL"


def parse_number(value: str) -> Quantity | str | None:
    """A NUMBER fill (``5``, ``~5``, ``5-``, ``-5``, ``PLURAL``, ``1 / PLURAL``...)."""
    numeric: list[Quantity] = []
    plural = False
    for alternative in split_alternatives(value):
        _, alternative = strip_optional(alternative)
        alternative = alternative.replace(" ", "")
        if alternative == PLURAL:
            plural = True
        elif match := re.fullmatch(r"~(\d+)", alternative):
            numeric.append(Quantity(int(match.group(1)), "about"))
        elif match := re.fullmatch(r"(\d+)-", alternative):
            numeric.append(Quantity(int(match.group(1)), "at_least"))
        elif match := re.fullmatch(r"-(\d+)", alternative):
            numeric.append(Quantity(int(match.group(1)), "up_to"))
        elif match := re.fullmatch(r"(\d+)-(\d+)", alternative):
            numeric.append(Quantity(int(match.group(1)), "at_least"))
        elif match := re.fullmatch(r"(\d+)", alternative):
            numeric.append(Quantity(int(match.group(1)), "exact"))
    if numeric:
        values = {q.value for q in numeric}
        if len(values) == 1:
            exact = any(q.qualifier == "exact" for q in numeric)
            return Quantity(numeric[0].value, "exact" if exact else numeric[0].qualifier)
        return Quantity(min(values), "at_least")
    return PLURAL if plural else None


@dataclass
class HumanTarget:
    strings: list[str]
    named: bool
    optional: bool = False
    number: Quantity | str | None = None
    number_raw: str | None = None
    effects: list[tuple[frozenset[str], bool]] = field(default_factory=list)

    def matches(self, refs: Sequence[str]) -> bool:
        return any(r in self.strings for r in refs)

    def as_json(self) -> dict[str, Any]:
        return {
            "strings": self.strings,
            "optional": self.optional,
            "number": self.number_raw,
            "effects": [
                ("? " if optional else "") + " / ".join(sorted(alts)) for alts, optional in self.effects
            ],
        }


def _candidates(targets: Sequence[HumanTarget], refs: Sequence[str]) -> list[HumanTarget]:
    """Targets a slot line points at: the ones carrying exactly its strings, else any of them."""
    exact = [t for t in targets if set(t.strings) == set(refs)]
    return exact or [t for t in targets if t.matches(refs)]


def human_targets(template: Template) -> list[HumanTarget]:
    """Human targets with their numbers and effects, linked through the quoted strings.

    A description repeated on several lines (the annotators' "optional fills for duplicate
    descriptions") is one target per line; number and effect lines pointing at such a string
    pair with them in order.
    """
    targets: list[HumanTarget] = []
    for line in template.lines(19):
        optional, line = strip_optional(line)
        head, tail = split_head(line)
        descriptions = strings_of(head) if '"' in head else strings_of(line)
        names = refs_of(tail) if '"' in head else []
        targets.append(HumanTarget(descriptions + names, bool(names), optional))
    for line in template.lines(18):
        optional, line = strip_optional(line)
        names = strings_of(line)
        if names and not any(t.matches(names) for t in targets):
            targets.append(HumanTarget(names, True, optional))
    for line in template.lines(21):
        head, tail = split_head(line)
        free = [t for t in _candidates(targets, refs_of(tail)) if t.number_raw is None]
        if free:
            free[0].number = parse_number(head)
            free[0].number_raw = head
    for line in template.lines(23):
        head, tail = split_head(line)
        refs = refs_of(tail)
        optional, head = strip_optional(head)
        alternatives: set[str] = set()
        for alternative in split_alternatives(head):
            alt_optional, alternative = strip_optional(alternative)
            optional = optional or alt_optional
            alternatives.add(alternative)
        effect = (frozenset(alternatives), optional)
        matched = _candidates(targets, refs) if refs else []
        if not matched and tail:
            # An effect on ``"-"`` (people the text does not describe) or on a string no
            # description carries: a target of its own, with no number.
            orphan = HumanTarget(list(refs) or ["-"], False)
            targets.append(orphan)
            matched = [orphan]
        if matched:
            free = [t for t in matched if not t.effects]
            (free[0] if free else matched[-1]).effects.append(effect)
    for target in targets:
        if target.number is None and target.named:
            target.number = Quantity(1, "exact")
    return targets


def count_effect(template: Template, effect: str) -> tuple[Quantity | None, str]:
    """(count, status) of the human targets with ``effect`` (DEATH or INJURY).

    Optional effect fills (``? DEATH``) are left out when definite ones exist.
    """
    targets = human_targets(template)
    hit = [t for t in targets if any(effect in alts for alts, _ in t.effects)]
    if not hit:
        return None, "none"
    definite: list[HumanTarget] = []
    for target in hit:
        mine = [(alts, optional) for alts, optional in target.effects if effect in alts]
        others = [alts for alts, optional in target.effects if effect not in alts and not optional]
        if any(len(alts) > 1 for alts, _ in mine) or others:
            return None, "ambiguous"  # INJURY / DEATH, or DEATH and INJURY for one group
        if any(not optional for _, optional in mine):
            definite.append(target)
        # A repeated description ("PEOPLE" killed, "? PEOPLE" injured): its number and effect
        # lines pair up in order only when each copy has one effect of its own, the copies'
        # effects differ and none denies this one ("INJURY" and "? NO INJURY" for two
        # "BODYGUARDS" lines mean one of two was hurt).
        copies = [t for t in targets if set(t.strings) == set(target.strings)]
        if len(copies) > 1:
            effects = [c.effects[0][0] for c in copies if len(c.effects) == 1]
            if (
                len(effects) != len(copies)
                or len(set(effects)) != len(effects)
                or any(a.startswith("NO ") and effect in a for alts in effects for a in alts)
            ):
                return None, "ambiguous"
    if not definite:
        return None, "ambiguous"
    total_optional, total_fill = strip_optional(template.raw(24))
    if len(definite) == len(targets) and not total_optional and total_fill not in ("", "-", "*"):
        # Every human target has the effect and the key gives their total: the descriptions
        # may overlap ("VICTIMS" and the "INFORMERS" among them), the total does not.
        total = parse_number(split_head(total_fill)[0])
        if isinstance(total, Quantity):
            return total, "count"
    quantities = [t.number for t in definite]
    counts = [q for q in quantities if isinstance(q, Quantity)]
    if len(counts) != len(quantities):
        return None, "uncountable"
    if len(counts) == 1:
        return counts[0], "count"
    if any(q.qualifier != "exact" for q in counts):
        # Ranges and approximations of several descriptions do not add up.
        return None, "uncountable"
    if any(t.named for t in definite) and any(q.value > 1 for q in counts):
        # A named victim next to a group may be one of it ("6 CLERGYMEN" and "FATHER": "JOSE
        # IGNACIO ELLACURIA"): the sum would count them twice.
        return None, "uncountable"
    return Quantity(sum(q.value for q in counts), "exact"), "count"


# ---------------------------------------------------------------------------------------------
# Templates -> gold


def incident_types(template: Template) -> list[str]:
    return [strip_optional(t)[1] for t in split_alternatives(template.raw(4))]


def stages(template: Template) -> list[str]:
    return [strip_optional(s)[1] for s in split_alternatives(template.raw(5))]


def perpetrators(template: Template) -> tuple[list[str], list[str]]:
    """(individual strings, organisation strings)."""
    individuals = [s for line in template.lines(9) for s in strings_of(line)]
    organizations = [s for line in template.lines(10) for s in strings_of(line)]
    return list(dict.fromkeys(individuals)), list(dict.fromkeys(organizations))


def claimants(template: Template) -> list[str]:
    claimed: list[str] = []
    for line in template.lines(11):
        head, tail = split_head(line)
        _, head = strip_optional(head)
        confidences = {strip_optional(c)[1] for c in split_alternatives(head)}
        if "CLAIMED OR ADMITTED" in confidences:
            claimed.extend(s for s in refs_of(tail) if s not in claimed)
    return claimed


def physical_targets(template: Template) -> list[str]:
    found = [s for line in template.lines(12) for s in strings_of(line)]
    return list(dict.fromkeys(found))


def is_threat(template: Template) -> bool:
    return set(stages(template)) == {"THREATENED"}


def choose_main(templates: Sequence[Template]) -> tuple[Template, str]:
    """The main template and why (see the module docstring)."""
    for template in templates:
        if not template.optional and not is_threat(template):
            return template, "first non-optional template that is not a threat"
    for template in templates:
        if not is_threat(template):
            return template, "first template that is not a threat (all are optional)"
    return templates[0], "first template (all are threats)"


def template_summary(template: Template, reference: dt.date | None) -> dict[str, Any]:
    killed, killed_status = count_effect(template, "DEATH")
    injured, injured_status = count_effect(template, "INJURY")
    individuals, organizations = perpetrators(template)
    return {
        "template": template.number,
        "optional": template.optional,
        "type": incident_types(template),
        "stage": stages(template),
        "date": template.raw(2),
        "date_iso": parse_date_slot(template.raw(2), reference),
        "location": template.raw(3),
        "perp_individuals": individuals,
        "perp_organizations": organizations,
        "claim_confidence": template.lines(11),
        "phys_targets": physical_targets(template),
        "hum_targets": [t.as_json() for t in human_targets(template)],
        "killed": killed.as_json() if killed else None,
        "killed_status": killed_status,
        "injured": injured.as_json() if injured else None,
        "injured_status": injured_status,
        "comments": template.comments,
    }


def empty_gold() -> dict[str, Any]:
    return {
        "category": NOT_INCIDENT,
        "date": [None],
        "country": [None],
        "city": [None],
        "venue": [None],
        "killed": None,
        "injured": None,
        "perpetrators": [],
        "claimed_by": [],
        "summary_must_include": [],
        "summary_must_not_include": [],
    }


def _count_note(name: str, status: str, quantity: dict[str, Any] | None) -> str:
    if status == "count" and quantity is not None:
        return f"{name} {quantity['value']} ({quantity['qualifier']})"
    return f"{name} {status}"


def convert_article(article: Article, templates: Sequence[Template]) -> dict[str, Any]:
    """One gold record."""
    reference = dt.date.fromisoformat(article.published) if article.published else None
    record: dict[str, Any] = {
        "id": article.msg_id,
        "event_id": article.msg_id,
        "published": article.published,
        "outlet": article.outlet,
        "title": None,
        "text": article.text,
        "lang": "en",
    }
    real = [t for t in templates if not t.is_empty]
    summaries = [template_summary(t, reference) for t in real]
    muc4: dict[str, Any] = {
        "message_id": article.msg_id,
        "dateline": article.dateline,
        "main_template": None,
        "optional_only": bool(real) and all(t.optional for t in real),
        "threat_only": bool(real) and all(is_threat(t) for t in real),
        "templates": summaries,
    }
    comments = [c for t in templates if t.is_empty for c in t.comments]
    if comments:
        muc4["comments"] = comments
    if not real or muc4["threat_only"]:
        record["gold"] = empty_gold()
        record["notes"] = (
            "MUC-4 key: no relevant incident."
            if not real
            else "MUC-4 key: only threats (stage THREATENED), no incident that happened: "
            "not_incident. The threat templates are under muc4.templates."
        )
        record["muc4"] = muc4
        return record

    main, reason = choose_main(real)
    summary = summaries[real.index(main)]
    countries, cities, location_venues = parse_location(main.raw(3))
    venues: list[str | None] = [*physical_targets(main), *location_venues]
    venues = [*dict.fromkeys(venues), None]
    individuals, organizations = perpetrators(main)

    must_include: list[list[str]] = []
    place_words = [c for c in (*cities, *countries) if c is not None]
    if place_words:
        must_include.append(list(dict.fromkeys(place_words)))
    type_words: list[str] = []
    for incident_type in incident_types(main):
        type_words.extend(w for w in TYPE_WORDS.get(incident_type, []) if w not in type_words)
    if type_words:
        must_include.append(type_words)

    record["event_id"] = f"{article.msg_id}:T{main.number}"
    record["gold"] = {
        "category": CATEGORY,
        **({"incident_optional": True} if muc4["optional_only"] else {}),
        "date": summary["date_iso"],
        "country": countries,
        "city": cities,
        "venue": venues,
        "killed": summary["killed"],
        "injured": summary["injured"],
        "perpetrators": list(dict.fromkeys([*individuals, *organizations])),
        "claimed_by": claimants(main),
        "summary_must_include": must_include,
        "summary_must_not_include": [],
    }
    others = len(real) - 1
    record["notes"] = (
        f"MUC-4 key, template {main.number} ({' / '.join(summary['type'])}, "
        f"{' / '.join(summary['stage'])}) of {len(real)}; {reason}"
        + (f"; {others} other template(s) under muc4.templates" if others else "")
        + f"; {_count_note('killed', summary['killed_status'], summary['killed'])}"
        + f", {_count_note('injured', summary['injured_status'], summary['injured'])}."
    )
    muc4.update(
        {
            "main_template": main.number,
            "selection": reason,
            "incident_type": summary["type"],
            "stage": summary["stage"],
            "killed_status": summary["killed_status"],
            "injured_status": summary["injured_status"],
            "claim_confidence": summary["claim_confidence"],
        }
    )
    record["muc4"] = muc4
    return record


def convert(text_contents: Iterable[str], key_contents: Iterable[str]) -> list[dict[str, Any]]:
    """Gold records for all articles of the given text files, in text order."""
    articles: list[Article] = []
    for content in text_contents:
        articles.extend(parse_texts(content))
    by_message: dict[str, list[Template]] = {}
    for content in key_contents:
        for template in parse_keys(content):
            by_message.setdefault(template.msg_id, []).append(template)
    seen: set[str] = set()
    records: list[dict[str, Any]] = []
    for article in articles:
        if article.msg_id in seen:
            raise ValueError(f"duplicate article {article.msg_id}")
        seen.add(article.msg_id)
        templates = by_message.get(article.msg_id)
        if templates is None:
            raise ValueError(f"no key for {article.msg_id}")
        records.append(convert_article(article, templates))
    orphans = sorted(set(by_message) - seen)
    if orphans:
        raise ValueError(f"keys without text: {', '.join(orphans[:5])}")
    return records


def validate_gold(record: dict[str, Any]) -> list[str]:
    """Problems with a record (empty when it is valid): the project's gold loader
    (``summarizer/evaluation/gold.py``) decides, plus the converter's own promise that a
    ``not_incident`` record carries no facts."""
    try:
        parsed = GoldRecord.model_validate(record)
    except ValidationError as exc:
        return [f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()]
    problems: list[str] = []
    for name in ("id", "event_id", "text"):
        if not getattr(parsed, name):
            problems.append(f"{name} missing")
    gold = parsed.gold
    if not gold.is_incident and (
        gold.killed is not None or gold.injured is not None or gold.perpetrators or gold.summary_must_include
    ):
        problems.append("not_incident with facts")
    return problems


def stats(records: Sequence[dict[str, Any]]) -> dict[str, int]:
    return {
        "articles": len(records),
        "not_incident": sum(r["gold"]["category"] == NOT_INCIDENT for r in records),
        "killed_labelled": sum(r["gold"]["killed"] is not None for r in records),
        "injured_labelled": sum(r["gold"]["injured"] is not None for r in records),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Convert MUC-4 texts and answer keys to the project's gold JSONL."
    )
    parser.add_argument("--texts", nargs="+", required=True, type=Path, help="MUC text files")
    parser.add_argument("--keys", nargs="+", required=True, type=Path, help="answer-key files")
    parser.add_argument("--out", required=True, type=Path, help="output JSONL file")
    args = parser.parse_args(argv)
    records = convert(
        (p.read_text(encoding="latin-1") for p in args.texts),
        (p.read_text(encoding="latin-1") for p in args.keys),
    )
    for record in records:
        problems = validate_gold(record)
        if problems:
            raise SystemExit(f"{record['id']}: {'; '.join(problems)}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    counts = stats(records)
    print(
        f"{args.out}: {counts['articles']} articles, {counts['not_incident']} not_incident, "
        f"{counts['killed_labelled']} with killed, {counts['injured_labelled']} with injured",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
