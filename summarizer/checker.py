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
  ``checker_mismatch`` on ``incident.date`` (corrected in ``strict``).
"""

from __future__ import annotations

import re
from typing import Literal

from .normalize.casualties import find_mentions
from .normalize.dates import resolve_date
from .normalize.numbers import find_numbers, parse_count
from .normalize.text import contains_phrase
from .schema import Count, Disputed, IncidentReport, Item, Qualifier, ReportWarning

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
    if total is None and stated is not None and contains_phrase(" ".join(quotes), as_stated):
        return stated  # the phrase is in the evidence but its role could not be read: trust it
    return total


def _digit_numbers(text: str) -> set[int]:
    return {int(d.replace(",", "")) for d in re.findall(r"\d[\d,]*", text) if d.replace(",", "").isdigit()}


def _article_numbers(text: str, wanted: set[int] | None = None) -> set[int]:
    """The numbers the article states, in digits or words. When every ``wanted`` value is already
    written in digits, the word-number scan of the whole article (the costly part) is skipped: the
    answer for those values is the same."""
    values = _digit_numbers(text)
    if wanted is not None and wanted <= values:
        return values
    values.update(n.value for n in find_numbers(text, allow_years=True))
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
            again = resolve_date(inc.date.as_stated, quote, out.article.published)
            if again.iso is not None and again.iso != inc.date.iso:
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
    for i, bg in enumerate(out.other_incidents):
        for role in ("killed", "injured"):
            count = getattr(bg, role)
            if count is not None:
                _check_count(out, count, role, f"other_incidents[{i}].{role}", mode)
    in_summary = find_numbers(out.summary, allow_years=True)
    supported = _article_numbers(article_text, {n.value for n in in_summary}) if in_summary else set()
    for n in in_summary:
        if n.value not in supported:
            out.warnings.append(
                ReportWarning(
                    code="unsupported_number",
                    field="summary",
                    message=f"the summary's number {n.text.strip()!r} does not appear in the article",
                )
            )
    return out


def _check_count(report: IncidentReport, count: Count, role: str, field: str, mode: Mode) -> None:
    quotes = [e.quote for e in count.evidence]
    derived = derive_count(role, quotes, count.as_stated)
    if derived is None:
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
