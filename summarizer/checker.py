"""Check every report against its own evidence, whatever engine wrote it.

* Each count's value and qualifier are re-derived from its evidence quote(s) with the casualty
  reader the rules engine also uses (:mod:`summarizer.normalize.casualties`), and from
  ``as_stated`` with :func:`parse_count`. A disagreement ("killed 6" with evidence "at least 60
  people were killed") is always recorded as a warning ``checker_mismatch`` naming the field;
  ``strict`` corrects the value, ``flag`` keeps it, marks the count ``disputed`` with the
  evidence's figure (so no display shows it as established) and adds an uncertainty, ``off`` does
  nothing.
* The checker stands on :mod:`summarizer.normalize` only (no engine's internals), so it checks
  every engine the same way.
* A number in the summary that the article does not contain (as digits or as words) gets a
  warning ``unsupported_number``.
* The incident date is re-resolved from its phrase and evidence; a different resolution is a
  ``checker_mismatch`` on ``incident.date`` (corrected in ``strict``). A date phrase that is not in
  its own evidence is checked against the dates the evidence does give.
* A fact whose evidence does not state it at all (a count whose figure is not in its quote, a
  city, claimant or perpetrator not named in its quote, a date quote with no date) gets
  ``checker_unsupported``; ``strict`` corrects it from the evidence when the evidence gives exactly
  one answer, else drops it.
* A country that none of the article's places belongs to while the city is a known city elsewhere
  is a ``checker_mismatch`` on ``incident.location.country``.
* A claimant whose evidence says it denied responsibility (``checker_denial``) and a perpetrator
  named only in speculation (``checker_speculative``) are marked (dropped in ``strict``).
* The summary's casualty figures must agree with the report's counts (``summary_mismatch``), and a
  summary sentence that assigns responsibility without attribution is ``summary_unattributed``.
"""

from __future__ import annotations

import re
from datetime import date as Date
from decimal import Decimal
from typing import Literal

from .lazyre import lazy_compile
from .normalize.casualties import find_mentions
from .normalize.dates import ResolvedDate, find_date_phrases, find_dateline_date, resolve_date
from .normalize.numbers import find_numbers, parse_count, written_numbers
from .normalize.places import find_country_adjectives, find_places, gazetteer, resolve_country
from .normalize.roles import date_roles, incident_place_names, place_roles
from .normalize.text import contains_phrase
from .normalize.us_places import US_CONTEXT, find_us_cues, us_weight
from .schema import Count, Disputed, Fact, IncidentReport, Item, Qualifier, ReportWarning

__all__ = ["check_report", "derive_count"]

Mode = Literal["strict", "flag", "off"]


def derive_count(role: str, quotes: list[str], as_stated: str) -> tuple[int, Qualifier] | None:
    """What the evidence says for ``role`` ("killed", "injured", ...), or None if it cannot tell.

    Several evidence parts (a toll and a later "two more died") add up when the later part is an
    increment. ``as_stated`` picks among several figures for the same role in one quote.
    """
    stated = parse_count(as_stated) if as_stated else None
    total: tuple[int, Qualifier] | None = None
    for quote in quotes:
        mentions = [m for m in find_mentions(quote, 0, 0, None) if m.role == role and not m.subset]
        if not mentions:
            continue
        numeric = [m for m in mentions if not m.weak] or mentions
        pick = None
        if stated is not None:
            pick = next((m for m in numeric if m.value == stated[0]), None)
        if pick is None:
            updates = [m for m in numeric if m.update]
            pick = max(updates or numeric, key=lambda m: m.value)
        if total is not None and pick.increment:
            total = (total[0] + pick.value, total[1])
        elif total is None:
            total = (pick.value, pick.qualifier)
    joined = " ".join(quotes)
    if total is None and stated is not None and contains_phrase(joined, as_stated):
        # the phrase is in the evidence but its role could not be read: trust it, unless the figure
        # is there only as a date's day ("Nov. 3, 2019")
        return stated if _states_figure(stated[0], joined, role) else None
    return total


def _digit_numbers(text: str) -> set[Decimal]:
    return set(written_numbers(text, words=False))


# What the full number reader finds beyond plain digits: number words ("three", "a hundred",
# "two dozen", "2 million") and European thousands ("1.200"). A sentence without any of them
# states no number that the digit scan has not already read.
_WORDY_NUMBER = lazy_compile(
    r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fourty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|thousand|million|dozen)\b|\d\.\d{3}(?!\d)",
    re.IGNORECASE,
)
_SENTENCE_END = lazy_compile(r"[.!?](?=\s)|\n\s*\n")


def _number_sentences(text: str) -> list[str]:
    """The sentences of ``text`` that hold a number word (see :data:`_WORDY_NUMBER`), each once."""
    out: list[str] = []
    covered = -1
    for match in _WORDY_NUMBER.finditer(text):
        if match.start() < covered:
            continue
        before = [m.end() for m in _SENTENCE_END.finditer(text, max(0, match.start() - 600), match.start())]
        start = before[-1] if before else max(0, match.start() - 600)
        end_match = _SENTENCE_END.search(text, match.end())
        end = end_match.end() if end_match else len(text)
        out.append(text[start:end])
        covered = end
    return out


def _article_numbers(text: str, wanted: set[Decimal] | None = None) -> set[Decimal]:
    """The numbers the article writes, in digits or words. When every ``wanted`` value is already
    written in digits, nothing more is read; otherwise the number readers run over the sentences
    that hold a number word only, not over the whole article (the costly part: most of an
    article's sentences state no number in words)."""
    values = set(_digit_numbers(text))
    if wanted is not None and wanted <= values:
        return values
    for sentence in _number_sentences(text):
        values.update(written_numbers(sentence))
        values.update(Decimal(n.value) for n in find_numbers(sentence, allow_years=True))  # "1.200"
    return values


def check_report(
    report: IncidentReport, article_text: str, mode: Mode = "flag", *, copy: bool = True
) -> IncidentReport:
    """Return a checked copy of ``report`` (``mode="off"`` returns it unchanged). ``copy=False``
    checks in place: for a caller that owns a freshly built report (the pipeline)."""
    if mode == "off":
        return report
    out = report.model_copy(deep=True) if copy else report
    inc = out.incident
    if inc is not None:
        for role in ("killed", "injured", "hospitalized", "missing"):
            count: Count | None = getattr(inc, role)
            if count is not None:
                _check_count(out, count, role, f"incident.{role}", mode)
        if inc.date is not None and inc.date.evidence:
            quote = " ".join(e.quote for e in inc.date.evidence)
            # the reference the report builder resolved against: the publication date, else the
            # article's own dateline date
            reference = out.article.published or find_dateline_date(article_text)
            again = resolve_date(inc.date.as_stated, quote, reference)
            if not _phrase_in_folded(inc.date.as_stated, quote):
                _check_date_evidence(out, quote, mode, reference)
            elif again.iso is not None and again.iso != inc.date.iso:
                out.warnings.append(
                    ReportWarning(
                        code="checker_mismatch",
                        field="incident.date",
                        message=f"date {inc.date.iso} but {inc.date.as_stated!r} resolves to {again.iso}"
                        + ("; corrected" if mode == "strict" else ""),
                    )
                )
                if mode == "strict":
                    inc.date.iso = again.iso
                    inc.date.precision = again.precision
                    inc.date.resolved_from = again.resolved_from
            else:
                _check_date_role(out, quote, mode, reference)
    if inc is not None:
        _check_location(out, article_text, mode)
        _check_names(out, mode)
    for i, bg in enumerate(out.other_incidents):
        for role in ("killed", "injured"):
            count = getattr(bg, role)
            if count is not None:
                _check_count(out, count, role, f"other_incidents[{i}].{role}", mode)
    _check_summary(out)
    for spelling in unsupported_summary_numbers(
        out.summary, article_text, title=out.article.title, published=out.article.published
    ):
        out.warnings.append(
            ReportWarning(
                code="unsupported_number",
                field="summary",
                message=f"the summary's number {spelling!r} does not appear in the article",
            )
        )
    return out


def unsupported_summary_numbers(
    summary: str, article: str, *, title: str | None = None, published: Date | None = None
) -> list[str]:
    """The numbers ``summary`` writes (digits or words: counts, ages, times, years) that neither the
    article nor its title gives, each once, in the summary's spelling.

    Not counted as invented: 0 and 1 ("one person" for "a man"); the publication year and the one
    before; the day and year of a date the summary gives that falls in the week up to the
    publication date ("on Friday" resolved to "28 February 2016"). The evaluation's
    ``summary.unsupported_number_rate`` applies the same rule with its own, independent code.
    """
    written = {v: s for v, s in written_numbers(summary).items() if v > 1}
    if not written:
        return []
    allowed: set[Decimal] = set()
    if published is not None:
        allowed = {Decimal(published.year), Decimal(published.year - 1)}
        for phrase in find_date_phrases(summary):
            if phrase.kind != "explicit":
                continue
            when = resolve_date(phrase.text, published=published).iso
            if when is not None and 0 <= (published - when).days <= 7:
                allowed.update(written_numbers(phrase.text))
    wanted = {v for v in written if v not in allowed}
    if not wanted:
        return []
    known = _article_numbers(article + "\n" + (title or ""), wanted)
    return [written[v] for v in written if v in wanted and v not in known]


def _check_count(report: IncidentReport, count: Count, role: str, field: str, mode: Mode) -> None:
    quotes = [e.quote for e in count.evidence]
    joined = " ".join(quotes)
    if field.startswith("incident.") and _background_figure(count.value, joined):
        _marked(
            report,
            "checker_background",
            field,
            f"{count.display()}: its evidence gives the figure for an earlier or other incident",
            mode,
            count,
        )
        return
    derived = derive_count(role, quotes, count.as_stated)
    if derived is None:
        if not _states_figure(count.value, joined, role):
            _unsupported(report, field, f"{count.display()} is not in its evidence", mode, count)
            return
        if count.value == 1 and _singular(role, joined) and not find_numbers(joined):
            derived = (1, Qualifier.exact)  # one victim, no figure at all: exactly one
        else:
            return
    value, qualifier = derived
    if (value, qualifier) == (count.value, count.qualifier):
        return
    shown = f"{count.display()} but the evidence says {Count(value=value, qualifier=qualifier, as_stated='').display()}"
    report.warnings.append(
        ReportWarning(
            code="checker_mismatch",
            field=field,
            message=f"{field}: {shown}" + ("; corrected" if mode == "strict" else ""),
        )
    )
    if mode == "strict":
        count.value = value
        count.qualifier = qualifier
    else:
        count.disputed = Disputed(value=value, qualifier=qualifier)
        report.uncertainties.append(
            Item(
                text=f"checker: {field} given as {count.display()}, evidence reads {value} ({qualifier})",
                evidence=list(count.evidence),
            )
        )


# --------------------------------------------------------------------------------------------------
# evidence that does not state the fact; places, names, summary
# --------------------------------------------------------------------------------------------------

_VERBS = {
    "killed": r"killed|dead|died|dies|slain|murdered|fatally\s+\w+|shot\s+dead|lost\s+(?:his|her)\s+life",
    "injured": r"wounded|injured|hurt|hospitali[sz]ed|shot|stabbed|treated",
    "hospitalized": r"hospitali[sz]ed|admitted|treated",
    "missing": r"missing|unaccounted",
}
_VICTIM = r"man|woman|boy|girl|person|teen(?:ager)?|child|baby|victim|officer|student|driver|resident|passenger|worker"


def _singular(role: str, quote: str) -> bool:
    """Whether ``quote`` reports one person as ``role`` without a number ("a man was shot dead")."""
    verbs = _VERBS.get(role, _VERBS["injured"])
    pattern = (
        rf"\b(?:a|an|one)\s+(?:[\w-]+\s+){{0,3}}?(?:{_VICTIM})\b[^.;]{{0,60}}?\b(?:{verbs})\b"
        rf"|\b(?:was|is|has\s+been|had\s+been)\s+(?:[\w-]+\s+){{0,3}}?(?:{verbs})\b"
    )
    if role == "killed":
        pattern += r"|\bdied\b"
    return re.search(pattern, quote, re.IGNORECASE) is not None


_NON_WORD = lazy_compile(r"[\W_]+")


def _fold_text(text: str) -> str:
    return _NON_WORD.sub(" ", text.casefold()).strip()


def _phrase_in_folded(needle: str, hay: str) -> bool:
    n = _fold_text(needle)
    return bool(n) and f" {n} " in f" {_fold_text(hay)} "


# a day of the month is no count: "Nov. 3, 2019", "3, 2019)" (a date cut at its abbreviation)
_DAY_OF_DATE = lazy_compile(r"\s*,\s*(?:19|20)\d\d\b")


def _states_figure(value: int, quote: str, role: str) -> bool:
    """Whether ``quote`` gives the figure ``value`` at all (as digits or words; 1 as a single victim)."""
    dates = [(d.start, d.end) for d in find_date_phrases(quote)]

    def counted(start: int, end: int) -> bool:
        return not _DAY_OF_DATE.match(quote, end) and not any(a <= start < b for a, b in dates)

    if any(n.value == value and counted(n.start, n.end) for n in find_numbers(quote, allow_years=True)):
        return True
    pattern = rf"(?<![\d,.]){value:,}(?![\d]|,\d)|(?<![\d,.]){value}(?![\d]|,\d)"
    if any(counted(m.start(), m.end()) for m in re.finditer(pattern, quote)):
        return True
    return value == 1 and _singular(role, quote)


_BACKGROUND_CUE = lazy_compile(
    r"\b(?:last|previous|earlier|prior)\s+(?:year|month|week|attack|bombing|blast|incident|fire|crash|shooting)"
    r"|\b(?:a|one|two|three|several)\s+(?:years?|decades?|months?)\s+(?:ago|earlier|before)"
    r"|\b(?:in|since)\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:19|20)\d\d\b"
    r"|\bsimilar\s+(?:attack|bombing|blast|incident|fire|crash|shooting)|\b(?:worst|deadliest)\s+since\b",
    re.IGNORECASE,
)


# after the figure: a tally over a period or a place, or an incident dated apart ("40 homicides in
# the city in 2019", "900 deaths nationwide", "two deputies who shot a man last year")
_BACKGROUND_AFTER = lazy_compile(
    r"\b(?:in|since|during|for)\s+(?:(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+)?(?:19|20)\d\d\b|\b(?:last|this|a)\s+year\b|\bnationwide\b|\bso\s+far\b"
    r"|\b(?:years?|decades?|months?)\s+(?:ago|earlier|before)\b",
    re.IGNORECASE,
)


def _background_figure(value: int, quote: str) -> bool:
    """Whether every place ``quote`` gives ``value`` is set apart from the incident: after a cue of
    an earlier incident in the same clause ("Last year, a similar bombing ... killed 9"), or followed
    in its sentence, with no other figure or date between, by a period or a tally ("40 homicides
    in the city in 2019")."""
    numbers = find_numbers(quote, allow_years=True)
    spots = [n for n in numbers if n.value == value]
    if not spots:
        return False
    dates = find_date_phrases(quote)
    for n in spots:
        clause_start = max(quote.rfind(";", 0, n.start), quote.rfind(". ", 0, n.start), 0)
        if _BACKGROUND_CUE.search(quote, clause_start, n.start):
            continue
        ends = [i for i in (quote.find(";", n.end), quote.find(". ", n.end)) if i >= 0]
        cue = _BACKGROUND_AFTER.search(quote, n.end, min(ends) if ends else len(quote))
        if cue is None:
            return False
        between = [m for m in numbers if n.end <= m.start < cue.start()]
        if between or any(n.end <= d.start < cue.start() for d in dates):
            return False
    return True


def _unsupported(report: IncidentReport, field: str, what: str, mode: Mode, fact: Fact | None = None) -> None:
    report.warnings.append(
        ReportWarning(
            code="checker_unsupported",
            field=field,
            message=f"{field}: {what}" + ("; dropped" if mode == "strict" else ""),
        )
    )
    if mode == "strict":
        _drop(report, field)
    else:
        report.uncertainties.append(
            Item(text=f"checker: {field}: {what}", evidence=list(fact.evidence) if fact else [])
        )


def _drop(report: IncidentReport, field: str) -> None:
    inc = report.incident
    if inc is None:
        return
    m = re.fullmatch(r"incident\.(\w+)(?:\[(\d+)\])?(?:\.(\w+))?", field)
    if m is None:
        return
    name, index, sub = m.group(1), m.group(2), m.group(3)
    if index is not None:
        items = getattr(inc, name)
        if int(index) < len(items):
            items[int(index)] = None  # removed after the loop that reported it (see _check_names)
        return
    if name == "location" and sub and inc.location is not None:
        setattr(inc.location, sub, None)
        if sub == "country":
            inc.location.country_code = None
        return
    if name.startswith("other_incidents"):
        return
    setattr(inc, name, None)


def _check_date_evidence(report: IncidentReport, quote: str, mode: Mode, published: Date | None) -> None:
    """The date phrase is not in its evidence: compare with the dates the evidence itself gives."""
    inc = report.incident
    assert inc is not None and inc.date is not None
    found: dict[Date, ResolvedDate] = {}
    for p in find_date_phrases(quote):
        r = resolve_date(p.text, quote, published)
        if r.iso is not None:
            found.setdefault(r.iso, r)
    if not found:
        _unsupported(
            report,
            "incident.date",
            f"{inc.date.as_stated!r} is not in its evidence, which gives no date",
            mode,
            inc.date,
        )
        return
    if inc.date.iso in found:
        _check_date_role(report, quote, mode, published)
        return
    shown = ", ".join(d.isoformat() for d in found)
    _date_disagrees(
        report,
        found,
        mode,
        f"date {inc.date.iso} ({inc.date.as_stated!r}) but its evidence gives {shown}",
        f"checker: incident.date given as {inc.date.iso}, evidence gives {shown}",
        drop=True,
    )


def _date_disagrees(
    report: IncidentReport,
    dates: dict[Date, ResolvedDate],
    mode: Mode,
    message: str,
    uncertainty: str,
    *,
    drop: bool,
) -> None:
    """The incident date is not the one its evidence gives (``dates``): a ``checker_mismatch``
    warning; ``strict`` corrects it when the evidence gives one date (else drops it when ``drop``),
    ``flag`` adds an uncertainty."""
    inc = report.incident
    assert inc is not None and inc.date is not None
    corrected = mode == "strict" and len(dates) == 1
    dropped = mode == "strict" and not corrected and drop
    report.warnings.append(
        ReportWarning(
            code="checker_mismatch",
            field="incident.date",
            message=message + ("; corrected" if corrected else "; dropped" if dropped else ""),
        )
    )
    if corrected:
        again = next(iter(dates.values()))
        inc.date.iso, inc.date.precision, inc.date.resolved_from = (
            again.iso,
            again.precision,
            again.resolved_from,
        )
    elif dropped:
        inc.date = None
    elif mode != "strict":
        report.uncertainties.append(Item(text=uncertainty, evidence=list(inc.date.evidence)))


def _check_date_role(report: IncidentReport, quote: str, mode: Mode, published: Date | None) -> None:
    """The date is one the evidence gives, but in another role: when a toll was updated, a
    statement made or the dateline written ("Friday's bombing ... rose to 19 on Saturday" given as
    Saturday), while the evidence dates the act itself on another day."""
    inc = report.incident
    assert inc is not None and inc.date is not None
    acts: dict[Date, ResolvedDate] = {}
    others: set[Date] = set()
    for p, role in date_roles(quote):
        r = resolve_date(p.text, quote, published)
        if r.iso is None:
            continue
        if role == "act":
            acts.setdefault(r.iso, r)
        else:
            others.add(r.iso)
    if not acts or inc.date.iso in acts or inc.date.iso not in others:
        return
    shown = ", ".join(d.isoformat() for d in acts)
    _date_disagrees(
        report,
        acts,
        mode,
        f"date {inc.date.iso}: its evidence gives that day for a report, an update or the "
        f"dateline, and dates the incident {shown}",
        f"checker: incident.date given as {inc.date.iso}, its evidence dates the incident {shown}",
        drop=False,
    )


def _check_location(report: IncidentReport, article_text: str, mode: Mode) -> None:
    inc = report.incident
    assert inc is not None
    loc = inc.location
    if loc is None or not loc.evidence:
        return
    quote = " ".join(e.quote for e in loc.evidence)
    if loc.city and not _phrase_in_folded(loc.city, quote):
        cities = list(dict.fromkeys(p.name for p in find_places(quote) if p.kind == "city"))
        what = f"city {loc.city!r} is not named in its evidence"
        report.warnings.append(
            ReportWarning(
                code="checker_unsupported",
                field="incident.location.city",
                message=f"incident.location.city: {what}"
                + (
                    f"; corrected to {cities[0]!r}"
                    if mode == "strict" and len(cities) == 1
                    else "; dropped"
                    if mode == "strict"
                    else ""
                ),
            )
        )
        if mode == "strict":
            loc.city = cities[0] if len(cities) == 1 else None
        else:
            report.uncertainties.append(Item(text=f"checker: {what}", evidence=list(loc.evidence)))
    elif loc.city:
        _check_city_role(report, quote, mode)
    if loc.country_code:
        _check_country(report, article_text, quote, mode)


_ROLE_WORDS = {
    "dateline": "the dateline (where the report was filed)",
    "reference": "a reference point for a distance or direction",
    "route": "a point of departure or destination",
    "region": "a region's name",
    "name": "part of another name",
    "common": "a common noun",
}


_LOCAL_AREA = lazy_compile(
    r"\b(?:district|municipality|locality|island|division|subdistrict|ward)$", re.IGNORECASE
)


def _check_city_role(report: IncidentReport, quote: str, mode: Mode) -> None:
    """The city is in its evidence, but only in another role (the dateline, "30 km north of X",
    "from X to Y", "X province", "Minister Roger X"), while the evidence places the incident
    somewhere else by name ("in the town of Turbat")."""
    inc = report.incident
    assert inc is not None and inc.location is not None
    loc = inc.location
    city = loc.city or ""
    roles = place_roles(city, quote)
    if not roles or any(r in ("incident", "other") for r in roles):
        return
    # a country or a state is no place for the city's role ("in Illinois"); a district can be
    regions = [
        p
        for p in find_places(quote)
        if p.kind == "country" or (p.kind == "region" and not _LOCAL_AREA.search(p.text))
    ]
    folded = _fold_text(city)
    elsewhere = list(
        dict.fromkeys(
            p.name
            for p in incident_place_names(quote)
            if folded not in _fold_text(p.name)
            and _fold_text(p.name) not in folded
            and resolve_country(p.name) is None
            and not any(r.start <= p.start < r.end or p.start <= r.start < p.end for r in regions)
        )
    )
    if not elsewhere and set(roles) != {"common"}:
        return
    how = " and ".join(dict.fromkeys(_ROLE_WORDS[r] for r in roles))
    what = f"city {city!r} is named in its evidence only as {how}" + (
        f", which places the incident in {' or '.join(repr(e) for e in elsewhere)}" if elsewhere else ""
    )
    fixed = elsewhere[0] if len(elsewhere) == 1 else None
    report.warnings.append(
        ReportWarning(
            code="checker_unsupported",
            field="incident.location.city",
            message=f"incident.location.city: {what}"
            + ((f"; corrected to {fixed!r}" if fixed else "; dropped") if mode == "strict" else ""),
        )
    )
    if mode == "strict":
        loc.city = fixed
    else:
        report.uncertainties.append(Item(text=f"checker: {what}", evidence=list(loc.evidence)))


def _check_country(report: IncidentReport, article_text: str, quote: str, mode: Mode) -> None:
    """The country must fit the city (when the gazetteer knows the city) or, failing that, the
    places the article names; a country the article itself names in any place is trusted."""
    inc = report.incident
    assert inc is not None and inc.location is not None
    loc = inc.location
    # the country fits the city the gazetteer knows: settled without reading the whole article
    known = gazetteer().cities.get(_fold_text(loc.city), []) if loc.city else []
    candidates = {c.alpha2 for c in known}
    if candidates and loc.country_code in candidates:
        return
    # a nationality adjective names its country too ("Tanzanian officials", "a Pakistani town");
    # the adjectives are only read when the places named outright do not settle it
    places = [p for p in find_places(article_text) if p.alpha2 and p.kind in ("country", "region")]
    if loc.country_code in {p.alpha2 for p in places}:
        return
    places += [
        p for p in find_country_adjectives(article_text) if p.alpha2 and p.kind in ("country", "region")
    ]
    if loc.country_code in {p.alpha2 for p in places}:
        return
    # only countries the article names outright speak against it (a region's name is often ambiguous)
    named = [p.alpha2 for p in places if p.kind == "country" and p.alpha2]
    in_us = loc.country_code != "US" and us_weight(find_us_cues(article_text)) >= US_CONTEXT
    if candidates:
        likely: str | None = "US" if in_us and "US" in candidates else known[0].alpha2
        why = f"{loc.city!r} is a city elsewhere and the article names nothing in {loc.country!r}"
    elif in_us:
        # US local news rarely names its country, but its state names, "Town, St." datelines,
        # counties and call signs say where it is
        likely = "US"
        why = f"the article is set in the United States (its states, counties, datelines) and names nothing in {loc.country!r}"
    elif named:
        in_quote = {p.alpha2 for p in find_places(quote) if p.alpha2 and p.kind in ("country", "region")}
        likely = (
            next(iter(in_quote)) if len(in_quote) == 1 else max(set(named), key=lambda c: (named.count(c), c))
        )
        why = f"every place the article names is outside {loc.country!r}"
    else:
        return
    fixed = resolve_country(likely) if likely else None
    report.warnings.append(
        ReportWarning(
            code="checker_mismatch",
            field="incident.location.country",
            message=f"country {loc.country!r}: {why}"
            + (f"; corrected to {fixed[0]!r}" if mode == "strict" and fixed else ""),
        )
    )
    if mode == "strict" and fixed:
        loc.country, loc.country_code = fixed
    elif mode != "strict":
        report.uncertainties.append(
            Item(text=f"checker: country {loc.country!r}: {why}", evidence=list(loc.evidence))
        )


_DENIAL = lazy_compile(r"\b(?:den(?:ied|ies|y|ying)|reject(?:ed|s)?|disclaim(?:ed|s)?)\b", re.IGNORECASE)
_CLAIMED = lazy_compile(
    r"\bclaim(?:ed|s|ing)\s+(?:responsibility|credit)|\b(?:took|takes|claimed|claims|accepted|admitted)\s+(?:\w+\s+){0,2}?responsibility"
    r"|\bsaid\s+(?:it|they)\s+(?:had\s+)?carried\s+out",
    re.IGNORECASE,
)
_SPECULATION = lazy_compile(
    r"\b(?:suspected\s+(?:of|to|that)|(?:is|are|was|were)\s+suspected|suspected(?=\s+[A-Z])|believed\s+to|thought\s+to|"
    r"may\s+have|might\s+have|could\s+have|blamed|suspicion|possibly|probably|likely|allegedly|speculat\w*|unconfirmed)\b",
)


# a name that carries its own hedge ("suspected Boko Haram insurgents") says what it is; a suspect
# arrested or charged is an accused, named so by the police, not speculation
_HEDGED_NAME = lazy_compile(
    r"\b(?:suspected|alleged|presumed|unidentified|unknown|possible)\b", re.IGNORECASE
)
_ACCUSED = lazy_compile(
    r"\b(?:arrested|charged|detained|in\s+custody|booked|indicted|convicted)\b", re.IGNORECASE
)


def _significant(name: str) -> list[str]:
    stop = {"the", "a", "an", "of", "and", "group", "movement", "front", "army", "brigade", "brigades"}
    return [w for w in _fold_text(name).split() if len(w) >= 3 and w not in stop]


def _named_in(name: str, quote: str) -> bool:
    if _phrase_in_folded(name, quote):
        return True
    words = _significant(name)
    hay = f" {_fold_text(quote)} "
    return bool(words) and all(f" {w} " in hay for w in words)


def _check_names(report: IncidentReport, mode: Mode) -> None:
    inc = report.incident
    assert inc is not None
    for i, claim in enumerate(inc.responsibility_claims):
        quote = " ".join(e.quote for e in claim.evidence)
        field = f"incident.responsibility_claims[{i}]"
        if not _named_in(claim.claimant, quote):
            _unsupported(
                report, field, f"claimant {claim.claimant!r} is not named in its evidence", mode, claim
            )
        elif _DENIAL.search(quote) and not _CLAIMED.search(quote):
            _marked(
                report,
                "checker_denial",
                field,
                f"{claim.claimant!r}: its evidence reports a denial, not a claim",
                mode,
                claim,
            )
    for i, perp in enumerate(inc.perpetrators):
        quote = " ".join(e.quote for e in perp.evidence)
        field = f"incident.perpetrators[{i}]"
        if not _named_in(perp.name, quote):
            _unsupported(report, field, f"perpetrator {perp.name!r} is not named in its evidence", mode, perp)
        elif _SPECULATION.search(quote) and not _HEDGED_NAME.search(perp.name) and not _ACCUSED.search(quote):
            _marked(
                report,
                "checker_speculative",
                field,
                f"{perp.name!r} is named in speculation only",
                mode,
                perp,
            )
    inc.responsibility_claims = [c for c in inc.responsibility_claims if c is not None]
    inc.perpetrators = [p for p in inc.perpetrators if p is not None]


def _marked(report: IncidentReport, code: str, field: str, what: str, mode: Mode, fact: Fact) -> None:
    report.warnings.append(
        ReportWarning(
            code=code, field=field, message=f"{field}: {what}" + ("; dropped" if mode == "strict" else "")
        )
    )
    if mode == "strict":
        _drop(report, field)
    else:
        report.uncertainties.append(Item(text=f"checker: {what}", evidence=list(fact.evidence)))


_RESPONSIBLE = lazy_compile(
    r"\b(?:carried\s+out|(?:was|were|is|are)\s+behind|(?:was|were|is|are)\s+responsible\s+for|perpetrated|orchestrated|masterminded)\b",
    re.IGNORECASE,
)
_ATTRIBUTED = lazy_compile(
    r"\b(?:said|says|say|claim\w*|accord\w*|suspect\w*|alleg\w*|accus\w*|blam\w*|believ\w*|report\w*|"
    r"den\w+|told|stated|according|police|officials?|authorities)\b",
    re.IGNORECASE,
)


_SUMMARY_SENTENCE = lazy_compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")


def _check_summary(report: IncidentReport) -> None:
    inc = report.incident
    counted = inc is not None and (inc.killed is not None or inc.injured is not None)
    for sentence in _SUMMARY_SENTENCE.split(report.summary):
        if _RESPONSIBLE.search(sentence) and not _ATTRIBUTED.search(sentence):
            report.warnings.append(
                ReportWarning(
                    code="summary_unattributed",
                    field="summary",
                    message=f"the summary assigns responsibility without saying who says so: {sentence!r}",
                )
            )
        if inc is None or not counted:  # no count the summary's figures could disagree with
            continue
        for m in find_mentions(sentence, 0, 0, None):
            if m.role not in ("killed", "injured") or m.subset:
                continue
            count: Count | None = getattr(inc, m.role)
            if count is None or m.value == count.value:
                continue
            report.warnings.append(
                ReportWarning(
                    code="summary_mismatch",
                    field="summary",
                    message=f"the summary says {m.value} {m.role} but the report's count is {count.display()}",
                )
            )
