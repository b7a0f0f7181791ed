"""Draft -> validated report: ground every quote, resolve dates, normalize places, tidy the summary
(:func:`tidy_summary`, also applied to a summary the engine revises later).

This is where code, not the model, decides what is a fact: a fact whose quote is not in the
article is dropped and recorded in ``warnings``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from .grounding import Grounder
from .lazyre import lazy_compile
from .normalize.dates import resolve_date, week_of_act
from .normalize.places import resolve_country
from .schema import (
    ArticleMeta,
    BackgroundIncident,
    Category,
    Count,
    Draft,
    DraftCount,
    DraftVictim,
    Evidence,
    Incident,
    IncidentDate,
    IncidentReport,
    Item,
    Location,
    Neutrality,
    Perpetrator,
    Provenance,
    Qualifier,
    ReportWarning,
    ResponsibilityClaim,
    Victim,
)

MAX_SUMMARY_WORDS = 90
MAX_SUMMARY_SENTENCES = 4
_SENTENCE = lazy_compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")

T = TypeVar("T")


class ReportBuilder:
    """Builds one report from one draft; collects warnings as it goes."""

    def __init__(self, text: str, published: date | None) -> None:
        self.text = text
        self.published = published
        self.grounder = Grounder(text)
        self.warnings: list[ReportWarning] = []

    # -- grounding ------------------------------------------------------------------------------
    def evidence(self, quote: str, field: str, *values: str | None) -> list[Evidence] | None:
        """The quote's evidence spans, with the first of ``values`` found in it marked as the
        value's own span; None (and a warning) when the quote is not in the article."""
        found = self.grounder.locate(quote)
        if found is not None and values:
            found = self.grounder.locate_value(values, found)
        if found is None:
            shown = quote if len(quote) <= 120 else quote[:117] + "..."
            self.warnings.append(
                ReportWarning(
                    code="quote_not_found",
                    field=field,
                    message=f"dropped {field}: its evidence quote is not in the article: {shown!r}",
                )
            )
        return found

    def count(self, draft: DraftCount | None, field: str) -> Count | None:
        if draft is None:
            return None
        ev = self.evidence(draft.quote, field, draft.as_stated, _number_token(draft.as_stated))
        if ev is None:
            return None
        count = Count(value=draft.value, qualifier=draft.qualifier, as_stated=draft.as_stated, evidence=ev)
        return self._range(count, field)

    def _range(self, count: Count, field: str) -> Count:
        """A count written as a range ("between 10 and 15") keeps both ends, and says so."""
        from .normalize.numbers import parse_range

        ends = parse_range(count.as_stated) if count.as_stated else None
        if ends is None or count.value not in ends:
            return count
        low, high = ends
        self.warnings.append(
            ReportWarning(
                code="count_range",
                field=field,
                message=f"{field} is a range in the article ({count.as_stated!r}): "
                f"value is the lower end {low}, upper the higher end {high}",
            )
        )
        return count.model_copy(update={"value": low, "qualifier": Qualifier.at_least, "upper": high})

    # -- the whole report -----------------------------------------------------------------------
    def build(
        self, draft: Draft, meta: ArticleMeta, provenance: Provenance, warnings: list[ReportWarning]
    ) -> IncidentReport:
        self.warnings.extend(warnings)
        incident = self._incident(draft) if draft.is_incident else None
        if not draft.is_incident and (draft.killed or draft.injured or draft.perpetrators or draft.location):
            self.warnings.append(
                ReportWarning(
                    code="facts_ignored", message="the engine said no incident but returned facts; ignored"
                )
            )
        others: list[BackgroundIncident] = []
        for i, bg in enumerate(draft.other_incidents):
            ev = self.evidence(bg.quote, f"other_incidents[{i}]", bg.description)
            if ev is None:
                continue
            field = f"other_incidents[{i}]"
            others.append(
                BackgroundIncident(
                    description=bg.description,
                    killed=self.count(bg.killed, f"{field}.killed"),
                    injured=self.count(bg.injured, f"{field}.injured"),
                    perpetrators=[
                        Perpetrator(name=p.name, kind=p.kind, evidence=pev)
                        for j, p in enumerate(bg.perpetrators)
                        if (pev := self.evidence(p.quote, f"{field}.perpetrators[{j}]", p.name)) is not None
                    ],
                    targets=self._items(bg.targets, f"{field}.targets"),
                    victims=self._victims(bg.victims, f"{field}.victims"),
                    weapons=self._items(bg.weapons, f"{field}.weapons"),
                    evidence=ev,
                )
            )
        uncertainties = self._items(draft.uncertainties, "uncertainties")
        tidied = tidy_summary(draft.summary)
        self.warnings.extend(tidied.warnings)
        summary = tidied.text
        return IncidentReport(
            is_incident=draft.is_incident,
            incident=incident,
            other_incidents=others,
            summary=summary,
            neutrality=Neutrality(neutral=True),
            uncertainties=uncertainties,
            warnings=self.warnings,
            article=meta,
            provenance=provenance,
        )

    def _incident(self, d: Draft) -> Incident:
        category = d.category
        if category is None:
            category = Category.other
            self.warnings.append(
                ReportWarning(code="no_category", message="no category given; using 'other'")
            )
        inc = Incident(category=category, subtype=d.subtype)
        if d.date is not None:
            ev = self.evidence(d.date.quote, "incident.date", d.date.as_stated)
            if ev is not None:
                resolved = resolve_date(d.date.as_stated, d.date.quote, self.published)
                resolved = week_of_act(self.text, d.date.as_stated, resolved, self.published)
                inc.date = IncidentDate(
                    as_stated=d.date.as_stated,
                    iso=resolved.iso,
                    precision=resolved.precision,
                    resolved_from=resolved.resolved_from,
                    evidence=ev,
                )
                if resolved.iso is None:
                    self.warnings.append(
                        ReportWarning(
                            code="date_unresolved",
                            field="incident.date",
                            message=f"could not resolve {d.date.as_stated!r} to a calendar date"
                            + ("" if self.published else " (no publication date given)"),
                        )
                    )
        if d.location is not None:
            loc = d.location
            ev = self.evidence(
                loc.quote, "incident.location", loc.as_stated, loc.venue, loc.city, loc.region, loc.country
            )
            if ev is not None:
                country, code = loc.country, None
                if loc.country:
                    found = resolve_country(loc.country)
                    if found is not None:
                        country, code = found
                inc.location = Location(
                    venue=loc.venue,
                    city=loc.city,
                    region=loc.region,
                    country=country,
                    country_code=code,
                    as_stated=loc.as_stated,
                    evidence=ev,
                )
        inc.killed = self.count(d.killed, "incident.killed")
        inc.injured = self.count(d.injured, "incident.injured")
        inc.hospitalized = self.count(d.hospitalized, "incident.hospitalized")
        inc.missing = self.count(d.missing, "incident.missing")
        for i, p in enumerate(d.perpetrators):
            ev = self.evidence(p.quote, f"incident.perpetrators[{i}]", p.name)
            if ev is not None:
                inc.perpetrators.append(Perpetrator(name=p.name, kind=p.kind, evidence=ev))
        for i, c in enumerate(d.responsibility_claims):
            ev = self.evidence(c.quote, f"incident.responsibility_claims[{i}]", c.claimant)
            if ev is not None:
                inc.responsibility_claims.append(
                    ResponsibilityClaim(
                        claimant=c.claimant, channel=c.channel, verified=c.verified, evidence=ev
                    )
                )
        inc.weapons = self._items(d.weapons, "incident.weapons")
        inc.targets = self._items(d.targets, "incident.targets")
        inc.victims = self._victims(d.victims, "incident.victims")
        inc.stage = d.stage
        return inc

    def _victims(self, victims: list[DraftVictim], field: str) -> list[Victim]:
        out: list[Victim] = []
        for i, v in enumerate(victims):
            if not (v.name or v.description):
                continue
            ev = self.evidence(v.quote, f"{field}[{i}]", v.name, v.description)
            if ev is not None:
                out.append(Victim(name=v.name, description=v.description, evidence=ev))
        return out

    def _items(self, items: list, field: str) -> list[Item]:  # type: ignore[type-arg]
        out: list[Item] = []
        for i, item in enumerate(items):
            ev = self.evidence(item.quote, f"{field}[{i}]", item.text)
            if ev is not None:
                out.append(Item(text=item.text, evidence=ev))
        return out


@dataclass(frozen=True)
class TidiedSummary:
    """A summary cut to the length limits, and the warnings cutting it produced."""

    text: str
    warnings: list[ReportWarning]


def tidy_summary(summary: str) -> TidiedSummary:
    """Collapse whitespace and keep whole sentences within 4 sentences / 90 words."""
    text = re.sub(r"\s+", " ", summary).strip()
    if not text:
        return TidiedSummary(
            text, [ReportWarning(code="empty_summary", field="summary", message="the summary is empty")]
        )
    warnings: list[ReportWarning] = []
    sentences = split_sentences(text)
    kept: list[str] = []
    words = 0
    for s in sentences:
        n = len(s.split())
        if kept and (len(kept) >= MAX_SUMMARY_SENTENCES or words + n > MAX_SUMMARY_WORDS):
            break
        kept.append(s)
        words += n
    if len(kept) < len(sentences):
        warnings.append(
            ReportWarning(
                code="summary_trimmed",
                field="summary",
                message=f"summary cut to {len(kept)} sentence(s) / {words} words (limits: 4 sentences, 90 words)",
            )
        )
    if words > MAX_SUMMARY_WORDS:
        warnings.append(
            ReportWarning(
                code="summary_too_long", field="summary", message=f"summary sentence has {words} words"
            )
        )
    return TidiedSummary(" ".join(kept), warnings)


_NUMBER = lazy_compile(r"\d[\d,.]*\d|\d|\b[A-Za-z]+(?:-[A-Za-z]+)?\b")
_NOT_NUMBERS = frozenset(
    {"at", "least", "more", "than", "about", "up", "to", "some", "nearly", "around", "over"}
)


def _number_token(as_stated: str) -> str | None:
    """The number inside a count phrase ("at least 23 people" -> "23", "dozens of" -> "dozens")."""
    for m in _NUMBER.finditer(as_stated):
        if m.group().lower() not in _NOT_NUMBERS:
            return m.group()
    return None


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s.strip()]
