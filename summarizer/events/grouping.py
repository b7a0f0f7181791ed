"""Group reports of the same incident into events.

Deterministic and near-linear:

1. **Features** per report: category, an anchor date (the incident date, else the publication
   date), the place (city, country, venue), and the content words of its lead (title + the start
   of the article or, without the text, the summary and the location quote). Background incidents
   (``report.other_incidents``) are never used, so an article that mentions an earlier attack is
   not pulled into that attack's event.
2. **Blocking**: candidate pairs share a rare lead word or the same city and have anchor dates
   within ``window_days``; only compatible categories pair up (``violent_attack`` ~
   ``civil_unrest``, ``fire`` ~ ``accident`` ~ ``natural_disaster``, ``other`` ~ anything).
3. **Pair score**: IDF-weighted cosine of the lead words plus place, date and category terms
   (same city / a city the other article names: up; two different cities or countries: down).
4. **Merging**: pairs above ``link`` are merged best-first (ties broken by input position), and
   two groups merge only when no pair across them scores below ``cannot_link`` and their mean
   cross score reaches ``merge`` -- so a chain of look-alikes cannot join two incidents in the same
   city on the same day.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from pydantic import BaseModel

from ..evaluation.matching import country_code, fold_place
from ..schema import Category, IncidentReport
from .schema import Member

FAMILIES: dict[Category, frozenset[str]] = {
    Category.violent_attack: frozenset({"conflict"}),
    Category.civil_unrest: frozenset({"conflict"}),
    Category.fire: frozenset({"mishap"}),
    Category.accident: frozenset({"mishap"}),
    Category.natural_disaster: frozenset({"mishap", "nature"}),
    Category.health_emergency: frozenset({"health"}),
}

# incidents that last days (an outbreak, a flood): reports weeks apart can still be one event
EXTENDED = frozenset({Category.natural_disaster, Category.health_emergency})
EXTENDED_WINDOW_DAYS = 14

_STOP = frozenset(
    [
        "about",
        "after",
        "again",
        "against",
        "also",
        "among",
        "another",
        "around",
        "because",
        "been",
        "before",
        "being",
        "between",
        "both",
        "could",
        "during",
        "each",
        "early",
        "even",
        "from",
        "further",
        "have",
        "having",
        "here",
        "into",
        "just",
        "last",
        "late",
        "later",
        "least",
        "like",
        "made",
        "many",
        "more",
        "most",
        "much",
        "near",
        "never",
        "night",
        "other",
        "over",
        "people",
        "said",
        "same",
        "says",
        "since",
        "some",
        "still",
        "such",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "three",
        "through",
        "under",
        "until",
        "very",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "will",
        "with",
        "within",
        "would",
        "year",
        "years",
        "yesterday",
        "today",
        "told",
        "officials",
        "official",
        "police",
        "according",
        "reported",
        "report",
        "reports",
        "news",
        "local",
        "sunday",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "killed",
        "dead",
        "injured",
        "wounded",
        "least",
        "morning",
        "evening",
        "afternoon",
        "city",
        "town",
        "village",
        "province",
        "state",
        "country",
        "region",
        "district",
        "county",
        "people's",
        "more",
        "than",
    ]
)


class GroupingConfig(BaseModel):
    """Knobs for :func:`group_events` (defaults measured on the event gold sets)."""

    window_days: int = 3
    link: float = 0.42
    merge: float = 0.32
    cannot_link: float = 0.05
    lead_chars: int = 700
    max_token_share: float = 0.05  # words in more than this share of reports (and > 40) do not block


class EventGroup(BaseModel):
    """One event: positions (in the input) and ids of its member reports."""

    indices: list[int]
    ids: list[str]
    is_incident: bool


@dataclass
class _Features:
    index: int
    incident: bool
    category: Category | None
    anchor: date | None
    city: str | None
    country: str | None
    venue: str | None
    lead: str
    body: str
    words: frozenset[str]
    venue_names: frozenset[str]
    place_words: frozenset[str]
    weights: dict[str, float] = field(default_factory=dict)
    norm: float = 0.0


def _as_member(item: IncidentReport | Member, position: int) -> Member:
    if isinstance(item, Member):
        return item
    return Member(id=item.article.sha256[:16] or f"r{position}", report=item)


_SENTENCE = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*\n")
# a sentence about another incident ("It came hours after a separate shooting ...", "the second
# fire in the city this week", "In 2023, a bombing ...") must not link this article to that one
_BACKGROUND = re.compile(
    r"\b(?:separate|earlier|previous|previously|last\s+(?:week|month|year)|(?:hours|days|weeks)\s+(?:after|before)"
    r"|came\s+(?:hours|days|a\s+day|a\s+week)|follows|followed|second\s+(?:deadly\s+)?\w+\s+(?:in|this|that|of)"
    r"|(?:in|since)\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)?\s*(?:19|20)\d\d)\b",
    re.I,
)


def strip_background(text: str) -> str:
    """``text`` without the sentences that speak of another incident."""
    return " ".join(s for s in _SENTENCE.split(text) if s and not _BACKGROUND.search(s))


def _lead(member: Member, chars: int) -> str:
    report = member.report
    parts = [report.article.title or ""]
    if member.text:
        parts.append(strip_background(member.text[: chars + 300])[:chars])
    else:
        parts.append(report.summary)
        inc = report.incident
        if inc is not None and inc.location is not None and inc.location.evidence:
            parts.append(inc.location.evidence[0].quote)
    return "\n".join(p for p in parts if p)


def _fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form (as :func:`fold`, dots dropped), fast enough
    for whole articles: ASCII text skips Unicode normalization."""
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return " ".join(_ASCII_SPLIT.split(text.casefold().replace(".", ""))).strip()


_ASCII_SPLIT = re.compile(r"[\W_]+")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _words(text: str) -> frozenset[str]:
    """Content words of a text: folded, 4+ letters, not a stop word."""
    return frozenset(w for w in _fold(text).split() if len(w) >= 4 and w[0].isalpha() and w not in _STOP)


def _venue_names(venue: str) -> frozenset[str]:
    """The capitalised name words of a venue ("the Sahal Palace Hotel" -> sahal, palace, hotel);
    empty for a generic venue ("a mosque in the city")."""
    words = re.findall(r"[^\W\d_][\w'’-]*", venue)
    if not words or words[0].lower() in ("a", "an", "one", "some"):
        return frozenset()
    names = [w for w in words if w[0].isupper() and w.lower() not in ("the", "a", "an")]
    return frozenset(part for w in names for part in _fold(w).split())


def venue_only_in_background(venue: str, text: str | None, kept: str | None = None) -> bool:
    """Whether the article names ``venue`` only in sentences about another incident ("after a blaze
    at the Halden Paper Mill"): such a venue is not evidence for this incident. ``kept``: the text
    already folded without its background sentences, when the caller has it."""
    if not text:
        return False
    names = _venue_names(venue)
    if not names:
        return False
    kept_words = set((kept if kept is not None else _fold(strip_background(text))).split())
    if names <= kept_words:
        return False
    return names <= set(_fold(text).split())  # named in the text, but only in background sentences


def _features(member: Member, index: int, config: GroupingConfig) -> _Features:
    report = member.report
    inc = report.incident if report.is_incident else None
    anchor: date | None = None
    city = country = venue = None
    venue_names: frozenset[str] = frozenset()
    kept = _fold(strip_background(member.text)) if member.text else None
    if inc is not None:
        if inc.date is not None and inc.date.iso is not None and inc.date.precision in (None, "day"):
            anchor = inc.date.iso
        loc = inc.location
        quote = loc.evidence[0].quote if loc is not None and loc.evidence else ""
        if loc is not None and _BACKGROUND.search(quote) and not strip_background(quote):
            loc = None  # the place comes from a sentence about another incident: not evidence for this one
        if loc is not None:
            city = fold_place(loc.city) if loc.city else None
            country = country_code(loc.country) if loc.country else None
            if loc.venue and not venue_only_in_background(loc.venue, member.text, kept):
                venue = fold_place(loc.venue)
                venue_names = _venue_names(loc.venue)
    if anchor is None:
        anchor = member.published or report.article.published
    lead = _lead(member, config.lead_chars)
    return _Features(
        index=index,
        incident=inc is not None,
        category=inc.category if inc is not None else None,
        anchor=anchor,
        city=city or None,
        country=country,
        venue=venue or None,
        lead=" " + _fold(lead) + " ",
        body=" " + (kept if kept is not None else _fold(lead)) + " ",
        words=_words(lead),
        venue_names=venue_names,
        place_words=frozenset((city or "").replace(" ", "").split()) | frozenset((city or "").split()),
    )


def categories_compatible(a: Category | None, b: Category | None) -> bool:
    if a is None or b is None or a == b or Category.other in (a, b):
        return True
    return bool(FAMILIES.get(a, frozenset()) & FAMILIES.get(b, frozenset()))


def _mentions(text: str, place: str) -> bool:
    """Whether folded ``text`` (padded with spaces) names the folded ``place`` as whole words."""
    return bool(place) and f" {place} " in text


def place_relation(a: _Features, b: _Features) -> float:
    """+1 same or nested place (one article names the other's city), -1 different places, 0 unknown."""
    if a.city and b.city and a.city == b.city:
        return 1.0
    if (a.city and _mentions(b.body, a.city)) or (b.city and _mentions(a.body, b.city)):
        return 1.0
    if a.country and b.country and a.country != b.country:
        return -1.0
    if a.city and b.city:
        return -1.0
    return 0.0


# what kind of place a venue is: two venues that share only this ("the Royal Station", "the Pioneer
# Station") are not one venue
_VENUE_TYPES = frozenset(
    [
        "airport",
        "avenue",
        "bar",
        "bazaar",
        "base",
        "bridge",
        "building",
        "cafe",
        "camp",
        "center",
        "centre",
        "church",
        "clinic",
        "club",
        "college",
        "complex",
        "depot",
        "factory",
        "farm",
        "field",
        "hall",
        "highway",
        "hospital",
        "hotel",
        "house",
        "market",
        "mall",
        "mill",
        "mine",
        "mosque",
        "office",
        "park",
        "plant",
        "plaza",
        "port",
        "restaurant",
        "road",
        "school",
        "shop",
        "square",
        "stadium",
        "station",
        "store",
        "street",
        "supermarket",
        "synagogue",
        "temple",
        "terminal",
        "tower",
        "university",
        "warehouse",
    ]
)


def _distinctive(names: frozenset[str]) -> frozenset[str]:
    return names - _VENUE_TYPES


def _venue_clash(a: _Features, b: _Features) -> bool:
    """Two named venues that share no distinctive name word (in the same city): likely two incidents."""
    wa, wb = _distinctive(a.venue_names), _distinctive(b.venue_names)
    if not wa or not wb or wa & wb:
        return False
    return not any(_mentions(b.body, w) for w in wa) and not any(_mentions(a.body, w) for w in wb)


def pair_score(a: _Features, b: _Features, window_days: int) -> float:
    if not (a.incident and b.incident):
        return -1.0
    if a.anchor is not None and b.anchor is not None:
        gap = abs((a.anchor - b.anchor).days)
        extended = a.category in EXTENDED and b.category in EXTENDED and a.category == b.category
        if gap > (EXTENDED_WINDOW_DAYS if extended else window_days):
            return -1.0
        gap = min(gap, window_days) if extended else gap
        date_term = 0.1 if gap == 0 else 0.0 if gap == 1 else -0.1
    else:
        date_term = 0.0
    if a.norm == 0 or b.norm == 0:
        cosine = 0.0
    else:
        # the place is scored on its own below: its name must not count twice
        shared = a.words & b.words - a.place_words - b.place_words
        cosine = sum(a.weights[w] for w in shared) / min(a.norm, b.norm)
    score = cosine + date_term
    rel = place_relation(a, b)
    if _distinctive(a.venue_names) & b.venue_names:
        rel = 1.0  # the same named venue (a mine, a hotel) outweighs two different town names
    score += 0.25 * rel if rel > 0 else 0.35 * rel
    if not categories_compatible(a.category, b.category):
        score -= 0.3
    if rel > 0 and _venue_clash(a, b):
        score -= 0.3
    return score


def group_events(
    reports: Sequence[IncidentReport | Member], config: GroupingConfig | None = None
) -> list[EventGroup]:
    """Cluster reports of the same incident. Returns groups in order of their first member.

    ``reports`` are :class:`IncidentReport` objects or :class:`Member` objects (a member can carry
    the article text and publication time, which help). Non-incident reports form groups of one
    (``is_incident=False``). The result depends only on the input order-independent content plus
    the input positions used to break ties, never on hashing.
    """
    cfg = config or GroupingConfig()
    members = [_as_member(r, i) for i, r in enumerate(reports)]
    feats = [_features(m, i, cfg) for i, m in enumerate(members)]
    n = len(feats)
    # IDF over the incident reports' lead words
    df: dict[str, int] = defaultdict(int)
    incident_feats = [f for f in feats if f.incident]
    for f in incident_feats:
        for w in f.words:
            df[w] += 1
    total = max(1, len(incident_feats))
    for f in incident_feats:
        f.weights = {w: math.log((1 + total) / (1 + df[w])) + 1.0 for w in f.words}
        f.norm = sum(f.weights.values())
    # blocking: rare lead words and cities, within the date window
    cap = max(40, int(cfg.max_token_share * total))
    postings: dict[str, list[int]] = defaultdict(list)
    for f in incident_feats:
        keys = {f"w:{w}" for w in f.words if df[w] <= cap}
        if f.city:
            keys.add(f"c:{f.city}")
        for k in keys:
            postings[k].append(f.index)
    candidates: set[tuple[int, int]] = set()
    far = date.min
    for key in sorted(postings):
        ids = sorted(postings[key], key=lambda i: (feats[i].anchor or far, i))
        dated = [i for i in ids if feats[i].anchor is not None]
        undated = [i for i in ids if feats[i].anchor is None]
        start = 0
        for pos, i in enumerate(dated):
            anchor = feats[i].anchor
            assert anchor is not None
            while (anchor - (feats[dated[start]].anchor or anchor)).days > max(
                cfg.window_days, EXTENDED_WINDOW_DAYS
            ):
                start += 1
            for j in dated[start:pos]:
                candidates.add((min(i, j), max(i, j)))
        for i in undated:
            for j in ids:
                if i != j:
                    candidates.add((min(i, j), max(i, j)))
    scores: dict[tuple[int, int], float] = {}
    edges: list[tuple[float, int, int]] = []
    for i, j in sorted(candidates):
        s = pair_score(feats[i], feats[j], cfg.window_days)
        scores[(i, j)] = s
        if s >= cfg.link:
            edges.append((s, i, j))
    edges.sort(key=lambda e: (-e[0], e[1], e[2]))

    def score(i: int, j: int) -> float:
        key = (min(i, j), max(i, j))
        if key not in scores:
            scores[key] = pair_score(feats[key[0]], feats[key[1]], cfg.window_days)
        return scores[key]

    cluster_of = list(range(n))
    clusters: dict[int, list[int]] = {i: [i] for i in range(n)}
    for _, i, j in edges:
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj:
            continue
        a, b = clusters[ci], clusters[cj]
        cross = [score(x, y) for x in a for y in b]
        if min(cross) < cfg.cannot_link or sum(cross) / len(cross) < cfg.merge:
            continue
        keep, drop = (ci, cj) if ci < cj else (cj, ci)
        clusters[keep] = sorted(clusters[keep] + clusters[drop])
        for x in clusters[drop]:
            cluster_of[x] = keep
        del clusters[drop]
    out: list[EventGroup] = []
    for first in sorted(clusters):
        idx = clusters[first]
        out.append(
            EventGroup(
                indices=idx,
                ids=[members[i].id for i in idx],
                is_incident=all(feats[i].incident for i in idx),
            )
        )
    return out
