"""A rules cross-check beside every LLM answer: where the offline engine reads the same article
differently, per field, as :class:`~summarizer.schema.CrossCheck` entries.

Only real disagreements are recorded: both engines give a value and the values differ (a field
the rules engine leaves empty says nothing, since it misses more than it misreads). Counts compare
their figures, dates their calendar day, places their folded names and country codes, claimants
whether the LLM's claimant is among those the rules engine found.
"""

from __future__ import annotations

import re
import unicodedata

from .schema import Count, CrossCheck, IncidentReport

__all__ = ["cross_check"]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return re.sub(r"^(the|a|an)\s+", "", re.sub(r"[\W_]+", " ", plain).strip())


def _count(c: Count | None) -> str | None:
    return None if c is None else c.display()


def cross_check(llm: IncidentReport, rules: IncidentReport) -> list[CrossCheck]:
    """Fields where ``rules`` (the offline engine's report on the same text) disagrees with ``llm``."""
    out: list[CrossCheck] = []

    def add(field: str, a: str | None, b: str | None, what: str) -> None:
        out.append(
            CrossCheck(
                field=field, llm=a, rules=b, message=f"{what}: the LLM gives {a}, the rules engine reads {b}"
            )
        )

    if llm.is_incident != rules.is_incident:
        add("is_incident", str(llm.is_incident), str(rules.is_incident), "incident or not")
    a, b = llm.incident, rules.incident
    if a is None or b is None:
        return out
    if a.category != b.category:
        add("incident.category", str(a.category), str(b.category), "category")
    for role in ("killed", "injured"):
        ca: Count | None = getattr(a, role)
        cb: Count | None = getattr(b, role)
        if ca is not None and cb is not None and ca.value != cb.value:
            add(f"incident.{role}", _count(ca), _count(cb), role)
    if a.date is not None and b.date is not None and a.date.iso and b.date.iso and a.date.iso != b.date.iso:
        add("incident.date", a.date.iso.isoformat(), b.date.iso.isoformat(), "date")
    la, lb = a.location, b.location
    if la is not None and lb is not None:
        if la.city and lb.city and _fold(la.city) != _fold(lb.city):
            add("incident.location.city", la.city, lb.city, "city")
        ka = la.country_code or (_fold(la.country) if la.country else None)
        kb = lb.country_code or (_fold(lb.country) if lb.country else None)
        if ka and kb and ka != kb:
            add("incident.location.country", la.country, lb.country, "country")
    if a.responsibility_claims and b.responsibility_claims:
        theirs = [_fold(c.claimant) for c in b.responsibility_claims]
        for i, c in enumerate(a.responsibility_claims):
            mine = _fold(c.claimant)
            if not any(mine in t or t in mine for t in theirs):
                add(
                    f"incident.responsibility_claims[{i}]",
                    c.claimant,
                    "; ".join(x.claimant for x in b.responsibility_claims),
                    "claimant",
                )
    return out
