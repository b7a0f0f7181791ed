"""Reconcile the members of one event field by field, keeping every source.

Rules (also recorded, in words, on every :class:`ReconciledField`):

**Counts** (killed, injured). Each figure is an interval: ``exact n`` = [n, n], ``at least n`` =
[n, inf), ``more than n`` = [n+1, inf), ``about n`` = n +/- 10% (at least 1), ``up to n`` = [0, n].
A figure is *superseded* when a strictly later report (publication time at least
``update_gap_hours`` later, or a later day when a time is missing) gives a different lower bound or
an incompatible figure, is not merely vaguer (a later "at least 8" does not replace an earlier "21":
it allows 21, so both stay current and consistent), and that later report is the same outlet's
update, was published on a later day, or says the toll changed ("rose to", "climbed to", "bringing
the toll to" ...). The figures left are *current*: they *agree* (identical), are *consistent* (their
intervals overlap: "145" and "more than 100") or *conflict* (they cannot both be true: "145" and
"over 200"). Consolidated value: with no conflict, the narrowest figure all current sources allow;
with a conflict, the range spanned by the current figures (stated as a range: the weakest claim
every source supports).

**Date**: the same day agrees; a day apart is consistent when one source gives the time in GMT/UTC
(local date vs UTC date); a month-precision date containing the day is consistent; otherwise a
conflict. Consolidated: the date most outlets give, preferring local over GMT/UTC dates, then the
earliest.

**Place** (city, country, venue): equal after folding, or consistent when one article names the
other's place (a suburb "of Paris", a venue "in Mogadishu"); otherwise a conflict (generic venues
such as "a mosque" never conflict). Consolidated: the value most outlets give, then the one most
member articles mention, then the one they name most often (a dateline, where the story was filed,
does not count), then alphabetical.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from pydantic import BaseModel

from ..evaluation.matching import country_code, fold, fold_place
from ..schema import Category, Count, Qualifier
from .grouping import venue_only_in_background
from .schema import (
    ActorTally,
    ConsolidatedCount,
    FieldName,
    Member,
    OutletStatement,
    ReconciledField,
    SourceValue,
    Status,
    Tally,
)


class ReconcileConfig(BaseModel):
    update_gap_hours: float = 2.0
    about_share: float = 0.10


_UPDATE_CUE = re.compile(
    r"\b(rose|risen|rises|rising|climbed|climbs|increased|jumped|bringing|brings|taking|takes|"
    r"now stands|revised|updated|has reached|reached|more (?:people|bodies|deaths)|another|"
    r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) (?:person|victim|passenger|worker))\b",
    re.I,
)
_UTC = re.compile(r"\b(GMT|UTC|Zulu)\b|\d{3,4}\s*Z\b")


@dataclass
class _Src:
    member: Member
    outlet: str
    value: str
    quote: str
    low: int | None = None
    high: int | None = None
    count: Count | None = None
    day: date | None = None
    precision: str | None = None
    utc: bool = False
    key: str = ""
    note: str | None = None


def _time(m: Member) -> tuple[date | None, datetime | None]:
    published = m.published or m.report.article.published
    at = m.published_at
    if at is not None and published is None:
        published = at.date()
    return published, at


def _strictly_later(t: Member, s: Member, gap_hours: float) -> bool:
    td, ta = _time(t)
    sd, sa = _time(s)
    if ta is not None and sa is not None:
        return ta - sa >= timedelta(hours=gap_hours)
    if td is not None and sd is not None:
        return td > sd
    return False


def _day_later(t: Member, s: Member) -> bool:
    td, ta = _time(t)
    sd, sa = _time(s)
    if ta is not None and sa is not None:
        return ta - sa >= timedelta(hours=20)
    return td is not None and sd is not None and td > sd


def interval(count: Count, about_share: float = 0.10) -> tuple[int | None, int | None]:
    """The figures a count allows: [low, high], ``None`` for no upper bound."""
    v, q = count.value, count.qualifier
    if count.upper is not None:  # "between 10 and 15"
        return v, count.upper
    if q == Qualifier.exact:
        return v, v
    if q == Qualifier.at_least:
        return v, None
    if q == Qualifier.more_than:
        return v + 1, None
    if q == Qualifier.up_to:
        return 0, v
    spread = max(1, round(v * about_share))
    return max(0, v - spread), v + spread


def established(count: Count) -> Count:
    """The figure a count's own evidence supports: a disputed count (the checker found its quote
    giving another figure) is read as the quote's figure."""
    if count.disputed is None:
        return count
    return count.model_copy(
        update={
            "value": count.disputed.value,
            "qualifier": count.disputed.qualifier,
            "upper": None,
            "disputed": None,
        }
    )


def _compatible(a: _Src, b: _Src) -> bool:
    lo = max(a.low or 0, b.low or 0)
    highs = [h for h in (a.high, b.high) if h is not None]
    return not highs or lo <= min(highs)


def _contains(wide: _Src, narrow: _Src) -> bool:
    """Does ``wide`` allow every figure ``narrow`` allows ("at least 8" and "21"): then it is only
    vaguer, and a later vaguer figure does not replace a precise one."""
    if (wide.low or 0) > (narrow.low or 0):
        return False
    if wide.high is None:
        return True
    return narrow.high is not None and narrow.high <= wide.high


def _status_sort_key(s: SourceValue) -> tuple[str, str, str]:
    return (str(s.published_at or s.published or ""), s.outlet, s.member)


def _tallies(sources: list[_Src], m: int, label: Callable[[_Src], str]) -> list[Tally]:
    groups: dict[str, list[str]] = defaultdict(list)
    shown: dict[str, str] = {}
    for s in sources:
        key = s.key or s.value
        shown.setdefault(key, label(s))
        if s.outlet not in groups[key]:
            groups[key].append(s.outlet)
    out = [Tally(value=shown[k], n=len(v), m=m, outlets=sorted(v)) for k, v in groups.items()]
    return sorted(out, key=lambda t: (-t.n, t.value))


def _source_value(s: _Src, status: Status, by: str | None = None, note: str | None = None) -> SourceValue:
    published, at = _time(s.member)
    return SourceValue(
        member=s.member.id,
        outlet=s.outlet,
        published=published,
        published_at=at,
        value=s.value,
        count=s.count.value if s.count else None,
        qualifier=s.count.qualifier if s.count else None,
        low=s.low,
        high=s.high,
        quote=s.quote,
        status=status,
        superseded_by=by,
        note=note,
    )


def _outlets(members: Sequence[Member]) -> list[str]:
    return sorted({m.outlet_name() for m in members})


# -- counts -----------------------------------------------------------------------------------------


def reconcile_count(members: Sequence[Member], name: FieldName, cfg: ReconcileConfig) -> ReconciledField:
    m = len(_outlets(members))
    sources: list[_Src] = []
    for mem in members:
        inc = mem.report.incident
        given: Count | None = getattr(inc, name) if inc is not None else None
        if given is None:
            continue
        c = established(given)
        low, high = interval(c, cfg.about_share)
        quote = c.evidence[0].quote if c.evidence else c.as_stated
        src = _Src(
            mem, mem.outlet_name(), c.figure(), quote, low, high, c, key=f"{c.qualifier}:{c.value}:{c.upper}"
        )
        if given.disputed is not None:
            src.note = f"the engine gave {given.figure()}; its quote says {c.figure()}"
        sources.append(src)
    missing = sorted(set(_outlets(members)) - {s.outlet for s in sources})
    if not sources:
        return ReconciledField(
            field=name, status=Status.agree, rule="no outlet gives a figure", missing=missing
        )
    superseded: dict[int, int] = {}
    for i, s in enumerate(sources):
        later = [
            j
            for j, t in enumerate(sources)
            if j != i
            and _strictly_later(t.member, s.member, cfg.update_gap_hours)
            and (
                t.outlet == s.outlet
                or _day_later(t.member, s.member)
                or _UPDATE_CUE.search(t.quote) is not None
            )
            and (t.low != s.low or not _compatible(s, t))
            and not _contains(t, s)
        ]
        if later:
            superseded[i] = max(later, key=lambda j: (_time(sources[j].member)[1] or datetime.min, j))
    # a superseding source that is itself superseded passes the pointer on
    for i in list(superseded):
        seen = {i}
        j = superseded[i]
        while j in superseded and j not in seen:
            seen.add(j)
            j = superseded[j]
        superseded[i] = j
    current = [i for i in range(len(sources)) if i not in superseded]
    conflicting = {i for i in current for j in current if i != j and not _compatible(sources[i], sources[j])}
    identical = len({sources[i].key for i in current}) == 1
    values: list[SourceValue] = []
    for i, s in enumerate(sources):
        if i in superseded:
            t = sources[superseded[i]]
            values.append(
                _source_value(s, Status.superseded, t.member.id, f"superseded by {t.outlet}: {t.value}")
            )
        elif i in conflicting:
            values.append(_source_value(s, Status.conflict, note=s.note))
        else:
            values.append(_source_value(s, Status.agree if identical else Status.consistent, note=s.note))
    cur = [sources[i] for i in current]
    if conflicting:
        status = Status.conflict
        low = min(s.low or 0 for s in cur)
        highs = [s.high for s in cur]
        high = None if any(h is None for h in highs) else max(h for h in highs if h is not None)
        consolidated = _as_count(low, high, cur)
        if consolidated.value is None:  # a range: said in the sources' own words
            lowest = min(cur, key=lambda s: (s.low or 0, s.value))
            highest = max(cur, key=lambda s: (s.high if s.high is not None else 10**12, s.value))
            consolidated.label = f"from {lowest.value} to {highest.value}"
        rule = "current figures conflict: the range they span (the weakest claim every source supports)" + (
            "; earlier figures superseded by later reports" if superseded else ""
        )
    else:
        status = Status.superseded if superseded else Status.agree if identical else Status.consistent
        low = max(s.low or 0 for s in cur)
        bounded = [s.high for s in cur if s.high is not None]
        high = min(bounded) if bounded else None
        consolidated = _as_count(low, high, cur)
        rule = "the narrowest figure all current sources allow" + (
            "; earlier figures superseded by later reports (latest figure)" if superseded else ""
        )
    return ReconciledField(
        field=name,
        status=status,
        consolidated=consolidated.display(),
        count=consolidated,
        rule=rule,
        sources=sorted(values, key=_status_sort_key),
        tallies=_tallies(sources, m, lambda s: s.value),
        missing=missing,
    )


def _as_count(low: int, high: int | None, current: list[_Src]) -> ConsolidatedCount:
    """An interval as the figure a source wrote, when one wrote exactly it; else a plain form."""
    for s in sorted(current, key=lambda s: (s.count is None or s.count.qualifier != Qualifier.exact,)):
        if s.count is not None and s.count.upper is None and (s.low or 0) == low and s.high == high:
            return ConsolidatedCount(value=s.count.value, qualifier=s.count.qualifier, low=low, high=high)
    if high is None:
        return ConsolidatedCount(value=low, qualifier=Qualifier.at_least, low=low, high=None)
    if low == high:
        return ConsolidatedCount(value=low, qualifier=Qualifier.exact, low=low, high=high)
    return ConsolidatedCount(low=low, high=high)


# -- date -------------------------------------------------------------------------------------------


# incidents that span days (a typhoon, an outbreak): dates this close are one event's days, not a conflict
EXTENDED_CATEGORIES = frozenset({Category.natural_disaster, Category.health_emergency})
EXTENDED_DAYS = 14


def reconcile_date(members: Sequence[Member], extended: bool = False) -> ReconciledField:
    m = len(_outlets(members))
    sources: list[_Src] = []
    for mem in members:
        inc = mem.report.incident
        d = inc.date if inc is not None else None
        if d is None or d.iso is None:
            continue
        quote = d.evidence[0].quote if d.evidence else d.as_stated
        precision = str(d.precision or "day")
        shown = d.iso.isoformat() if precision == "day" else d.iso.strftime("%Y-%m")
        src = _Src(mem, mem.outlet_name(), shown, quote, day=d.iso, precision=precision, key=shown)
        src.utc = _UTC.search(quote) is not None or _UTC.search(d.as_stated) is not None
        sources.append(src)
    missing = sorted(set(_outlets(members)) - {s.outlet for s in sources})
    if not sources:
        return ReconciledField(
            field="date", status=Status.agree, rule="no outlet gives a date", missing=missing
        )

    def compatible(a: _Src, b: _Src) -> bool:
        assert a.day is not None and b.day is not None
        if a.precision != "day" or b.precision != "day":
            return (a.day.year, a.day.month) == (b.day.year, b.day.month) or (
                "year" in (a.precision, b.precision) and a.day.year == b.day.year
            )
        gap = abs((a.day - b.day).days)
        if extended:
            return gap <= EXTENDED_DAYS
        return gap == 0 or (gap == 1 and (a.utc or b.utc))

    conflicting = {i for i, a in enumerate(sources) for b in sources if a is not b and not compatible(a, b)}
    identical = len({s.key for s in sources}) == 1
    values = [
        _source_value(
            s,
            Status.conflict if i in conflicting else Status.agree if identical else Status.consistent,
            note="date given in GMT/UTC" if s.utc else None,
        )
        for i, s in enumerate(sources)
    ]
    day_sources = [s for s in sources if s.precision == "day"] or sources
    local = [s for s in day_sources if not s.utc] or day_sources
    outlets_by_day: dict[date, set[str]] = defaultdict(set)
    for s in local:
        assert s.day is not None
        outlets_by_day[s.day].add(s.outlet)
    if extended:
        best = min(outlets_by_day)
        rule = "an incident over several days: the earliest date an outlet gives (its onset)"
    else:
        best = sorted(outlets_by_day, key=lambda d: (-len(outlets_by_day[d]), d))[0]
        rule = "the date most outlets give (local dates before GMT/UTC ones), then the earliest"
    status = Status.conflict if conflicting else Status.agree if identical else Status.consistent
    return ReconciledField(
        field="date",
        status=status,
        consolidated=best.isoformat(),
        date=best,
        rule=rule,
        sources=sorted(values, key=_status_sort_key),
        tallies=_tallies(sources, m, lambda s: s.value),
        missing=missing,
    )


# -- places -----------------------------------------------------------------------------------------


def _mentioned(place: str, member: Member) -> bool:
    text = member.text or " ".join(
        [member.report.summary, *(f.evidence[0].quote for _, f in member.report.facts() if f.evidence)]
    )
    key = fold_place(place)
    return bool(key) and re.search(rf"(?<!\w){re.escape(key)}(?!\w)", fold(text)) is not None


# a dateline opening a line: "JOS, Nigeria (PAWS) -", "KARACHI -": where the story was filed from
_DATELINE = re.compile(r"^[ \t]*(?P<name>[A-Z][A-Z'’. -]*[A-Z])[ \t]*(?:,|\(|—|–|-|:)", re.M)


def _occurrences(place: str, member: Member) -> int:
    """How often the article names ``place``, a dateline's naming aside."""
    key = fold_place(place)
    if not key or not member.text:
        return int(_mentioned(place, member))
    found = len(re.findall(rf"(?<!\w){re.escape(key)}(?!\w)", fold(member.text)))
    datelines = sum(1 for m in _DATELINE.finditer(member.text) if fold_place(m.group("name")) == key)
    return max(0, found - datelines)


def _generic_venue(venue: str) -> bool:
    words = re.findall(r"[^\W\d_][\w'’-]*", venue)
    if not words or words[0].lower() in ("a", "an", "one", "some"):
        return True
    return not any(w[0].isupper() for w in words if w.lower() not in ("the",))


def reconcile_place(
    members: Sequence[Member], name: FieldName, prefer: frozenset[str] = frozenset()
) -> ReconciledField:
    """``prefer``: member ids whose value wins a tie (for the country: members naming the chosen city)."""
    m = len(_outlets(members))
    sources: list[_Src] = []
    for mem in members:
        inc = mem.report.incident
        loc = inc.location if inc is not None else None
        raw = getattr(loc, name) if loc is not None else None
        if not raw or loc is None:
            continue
        quote = loc.evidence[0].quote if loc.evidence else loc.as_stated
        if name == "venue" and (_generic_venue(raw) or venue_only_in_background(raw, mem.text)):
            continue
        key = (country_code(raw) or fold_place(raw)) if name == "country" else fold_place(raw)
        sources.append(_Src(mem, mem.outlet_name(), raw, quote, key=key))
    missing = sorted(set(_outlets(members)) - {s.outlet for s in sources})
    if not sources:
        return ReconciledField(
            field=name, status=Status.agree, rule=f"no outlet names a {name}", missing=missing
        )

    def compatible(a: _Src, b: _Src) -> bool:
        if a.key == b.key:
            return True
        if name == "country" and not (_mentioned(a.value, a.member) and _mentioned(b.value, b.member)):
            return True  # a country inferred from a city name (not written in its article) is weak
        if name == "venue":
            wa, wb = set(a.key.split()), set(b.key.split())
            if len(wa & wb) >= max(1, min(len(wa), len(wb)) // 2):
                return True
        return _mentioned(a.value, b.member) or _mentioned(b.value, a.member)

    conflicting = {i for i, a in enumerate(sources) for b in sources if a is not b and not compatible(a, b)}
    identical = len({s.key for s in sources}) == 1
    values = [
        _source_value(
            s, Status.conflict if i in conflicting else Status.agree if identical else Status.consistent
        )
        for i, s in enumerate(sources)
    ]
    outlets_by_key: dict[str, set[str]] = defaultdict(set)
    shown: dict[str, str] = {}
    for s in sources:
        outlets_by_key[s.key].add(s.outlet)
        shown.setdefault(s.key, s.value)
    mentions = {k: sum(_mentioned(shown[k], mem) for mem in members) for k in outlets_by_key}
    preferred = {k: sum(1 for s in sources if s.key == k and s.member.id in prefer) for k in outlets_by_key}
    named = {k: sum(_occurrences(shown[k], mem) for mem in members) for k in outlets_by_key}
    best = sorted(
        outlets_by_key, key=lambda k: (-len(outlets_by_key[k]), -mentions[k], -preferred[k], -named[k], k)
    )[0]
    status = Status.conflict if conflicting else Status.agree if identical else Status.consistent
    return ReconciledField(
        field=name,
        status=status,
        consolidated=shown[best],
        rule=(
            "the value most outlets give, then the one most member articles mention, then the one they name"
            " most often (datelines aside), then alphabetical"
        ),
        sources=sorted(values, key=_status_sort_key),
        tallies=_tallies(sources, m, lambda s: s.value),
        missing=missing,
    )


# -- claims and denials ------------------------------------------------------------------------------

_DENIAL = re.compile(
    r"(?P<actor>(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,5}[A-Z][\w'’-]*)"
    r"(?:\s*,[^,.]{0,80},)?\s+(?:has\s+|had\s+|have\s+|also\s+|swiftly\s+|quickly\s+)?"
    r"(?:denied|denies|rejected|rejects|disowned|disowns)\s+"
    r"(?:any\s+|all\s+|its\s+|their\s+|the\s+)?(?:involvement|responsibility|role|part|links?|claims?)",
)


def find_denials(text: str) -> list[tuple[str, str]]:
    """(actor, sentence) for each denial of involvement in the text."""
    out: list[tuple[str, str]] = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        for m in _DENIAL.finditer(sentence):
            actor = re.sub(r"^(?:A|An|The|But|However|Meanwhile)\s+", "", m.group("actor")).strip()
            if actor and actor.lower() not in ("it", "he", "she", "they", "police"):
                out.append((actor, sentence.strip()))
    return out


def _same_actor(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    fa, fb = fold_place(a), fold_place(b)
    if fa == fb:
        return True
    if min(len(fa), len(fb)) < 5:
        return False
    return max(fuzz.token_set_ratio(fa, fb), fuzz.ratio(fa, fb)) >= 90


def statements(members: Sequence[Member]) -> tuple[list[OutletStatement], list[ActorTally]]:
    out: list[OutletStatement] = []
    for mem in members:
        inc = mem.report.incident
        if inc is not None:
            for c in inc.responsibility_claims:
                out.append(
                    OutletStatement(
                        kind="claim",
                        actor=c.claimant,
                        outlet=mem.outlet_name(),
                        member=mem.id,
                        verified=c.verified,
                        channel=c.channel,
                        quote=c.evidence[0].quote if c.evidence else c.claimant,
                    )
                )
        if mem.text:
            for actor, sentence in find_denials(mem.text):
                out.append(
                    OutletStatement(
                        kind="denial", actor=actor, outlet=mem.outlet_name(), member=mem.id, quote=sentence
                    )
                )
    m = len(_outlets(members))
    groups: list[tuple[str, str, set[str]]] = []
    for s in sorted(out, key=lambda s: (s.kind, s.member, s.actor)):
        for kind, actor, outlets in groups:
            if kind == s.kind and _same_actor(actor, s.actor):
                outlets.add(s.outlet)
                break
        else:
            groups.append((s.kind, s.actor, {s.outlet}))
    tallies = [
        ActorTally(kind=k, actor=a, n=len(o), m=m, outlets=sorted(o))  # type: ignore[arg-type]
        for k, a, o in groups
    ]
    return out, sorted(tallies, key=lambda t: (t.kind, -t.n, t.actor))


def reconcile(members: Sequence[Member], config: ReconcileConfig | None = None) -> dict[str, ReconciledField]:
    cfg = config or ReconcileConfig()
    categories = [m.report.incident.category for m in members if m.report.incident is not None]
    extended = bool(categories) and all(c in EXTENDED_CATEGORIES for c in categories)
    city = reconcile_place(members, "city")
    chosen = fold_place(city.consolidated or "")
    naming_city = frozenset(
        m.id
        for m in members
        if m.report.incident is not None
        and m.report.incident.location is not None
        and fold_place(m.report.incident.location.city or "") == chosen
    )
    return {
        "killed": reconcile_count(members, "killed", cfg),
        "injured": reconcile_count(members, "injured", cfg),
        "date": reconcile_date(members, extended),
        "city": city,
        "country": reconcile_place(members, "country", prefer=naming_city),
        "venue": reconcile_place(members, "venue"),
    }
