"""A readable terminal card for one report (rich): headline, facts, summary, evidence, footer.

The headline is the first line of the card's body, so it wraps instead of being cut at the
terminal's width. Counts show their value once ("at least 23", not "at least 23 (at least 23)");
a responsibility claim is shown as a claim, and a perpetrator named only by an unverified claim is
not listed as a perpetrator. Identical quotes are printed once, with every field they support and
the value's own words in bold.
"""

from __future__ import annotations

import re

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .lazyre import lazy_compile
from .schema import Count, Evidence, Incident, IncidentReport, Perpetrator, ResponsibilityClaim


def headline(report: IncidentReport) -> str:
    return report.headline()


def _count(c: Count | None) -> str:
    return "—" if c is None else c.describe()


def _norm(name: str) -> str:
    return re.sub(r"[^\w]+", " ", name.casefold()).strip()


def _same_actor(a: str, b: str) -> bool:
    """``Islamic State`` and ``a faction of the Islamic State`` name the same actor."""
    x, y = _norm(a), _norm(b)
    if not x or not y:
        return False
    return (
        x == y
        or re.search(rf"\b{re.escape(x)}\b", y) is not None
        or re.search(rf"\b{re.escape(y)}\b", x) is not None
    )


_PART_OF = lazy_compile(
    r"\b((?:a|an|one|another)\s+(?:faction|wing|splinter\s+group|branch|offshoot|cell|affiliate)"
    r"\s+of(?:\s+the)?)\s*$",
    re.IGNORECASE,
)


def claimant_phrase(claim: ResponsibilityClaim) -> str:
    """The claimant as the article puts it when it names only part of a group: "a faction of the
    Pakistani Taliban", not "Pakistani Taliban" (read from the claim's quote, before the value)."""
    for ev in claim.evidence:
        if ev.value_start is None:
            continue
        before = ev.quote[: ev.value_start - ev.start]
        m = _PART_OF.search(before)
        if m:
            return f"{m.group(1).lower()} {claim.claimant}"
    return claim.claimant


def perpetrators_and_claims(inc: Incident) -> tuple[list[Perpetrator], list[ResponsibilityClaim]]:
    """Perpetrators as established, and claims as claims.

    A perpetrator whose only support is a claim that nobody verified (same actor as the claimant,
    and its quote is one of the claim's quotes, or the claim is unverified) is left out of the
    perpetrators: the claim line says what is known.
    """
    claims = list(inc.responsibility_claims)
    unverified = [c for c in claims if not c.verified]
    kept: list[Perpetrator] = []
    for p in inc.perpetrators:
        if any(_same_actor(p.name, c.claimant) for c in unverified):
            continue
        kept.append(p)
    return kept, claims


def footer(report: IncidentReport) -> str:
    p = report.provenance
    bits = [f"engine {p.engine}", f"model {p.model}"]
    if p.prompt_name != "none":
        bits.append(f"prompt {p.prompt_name} v{p.prompt_version}")
    bits.append(f"{p.latency_ms:.0f} ms")
    if p.tokens_in or p.tokens_out:
        bits.append(f"tokens {p.tokens_in}/{p.tokens_out}")
    if p.cache_hit:
        bits.append("cached")
    return " · ".join(bits)


def grouped_evidence(report: IncidentReport) -> list[tuple[list[str], Evidence]]:
    """One entry per distinct quote span, with every field it supports (in report order); the
    first value span found in it is kept for display. Perpetrators the card does not list (named
    only by an unverified claim) are left out."""
    groups: dict[tuple[int, int], tuple[list[str], Evidence]] = {}
    hidden: set[int] = set()
    if report.incident is not None:
        shown, _ = perpetrators_and_claims(report.incident)
        hidden = {id(p) for p in report.incident.perpetrators} - {id(p) for p in shown}
    for name, fact in report.facts():
        if id(fact) in hidden:
            continue
        short = name.removeprefix("incident.")
        for ev in fact.evidence[:2]:
            names, first = groups.setdefault((ev.start, ev.end), ([], ev))
            if short not in names:
                names.append(short)
            if first.value_start is None and ev.value_start is not None:
                groups[(ev.start, ev.end)] = (names, ev)
    return list(groups.values())


def _values_in(report: IncidentReport, ev: Evidence) -> list[tuple[int, int]]:
    spans: set[tuple[int, int]] = set()
    for _, fact in report.facts():
        for other in fact.evidence:
            if (other.start, other.end) == (ev.start, ev.end) and other.value_start is not None:
                assert other.value_end is not None
                spans.add((other.value_start - ev.start, other.value_end - ev.start))
    return sorted(spans)


def _quote_text(report: IncidentReport, ev: Evidence) -> Text:
    text = Text("“", style="italic")
    quote = Text(ev.quote, style="italic")
    for start, end in _values_in(report, ev):
        if 0 <= start < end <= len(ev.quote):
            quote.stylize("bold not italic", start, end)
    text.append_text(quote)
    text.append("”", style="italic")
    return text


UNCHECKED = "checker off: the model's counts and dates were not re-checked against their evidence"


def unchecked(report: IncidentReport) -> bool:
    """An LLM report made with the checker off: nothing in it is established by the checker."""
    p = report.provenance
    return p.checker == "off" and p.prompt_name != "none"


def _row(table: Table, label: str, value: str) -> None:
    """A row of the card's table. Its cells are :class:`Text`, as the rest of the card: a string
    cell would be read as rich markup and emoji codes, so the article's own words would not show
    as written (a "[...]" taken for a style, ":fire:" for an emoji, a stray "[/]" stopping the
    card). It also spares each cached run the import of rich's emoji table."""
    table.add_row(Text(label), Text(value))


def card(report: IncidentReport) -> Panel:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    inc = report.incident
    if inc is not None:
        _row(table, "killed", _count(inc.killed))
        _row(table, "injured", _count(inc.injured))
        if inc.hospitalized:
            _row(table, "hospitalized", _count(inc.hospitalized))
        if inc.missing:
            _row(table, "missing", _count(inc.missing))
        perpetrators, claims = perpetrators_and_claims(inc)
        if perpetrators:
            _row(table, "perpetrators", "; ".join(p.describe() for p in perpetrators))
        for c in claims:
            via = f", via {c.channel}" if c.channel else ""
            _row(table, "claimed by", f"{claimant_phrase(c)} ({c.status}{via})")
        if inc.weapons:
            _row(table, "weapons", "; ".join(w.text for w in inc.weapons))
        if inc.targets:
            _row(table, "targets", "; ".join(t.text for t in inc.targets))
        if inc.victims:
            _row(table, "victims", "; ".join(v.display() for v in inc.victims))
        if inc.stage:
            _row(table, "stage", inc.stage)
    for bg in report.other_incidents:
        _row(table, "background", bg.describe())
    parts: list[object] = [Text(report.headline(), style="bold magenta"), Text(""), table]
    parts += [Text(""), Text(report.summary, style="bold")]
    groups = grouped_evidence(report)
    if groups:
        parts += [Text(""), Text("Evidence", style="bold")]
    for names, ev in groups:
        line = Text(f"{', '.join(names)} [{ev.start}:{ev.end}] ", style="dim")
        line.append_text(_quote_text(report, ev))
        parts.append(line)
    for item in report.uncertainties:
        parts.append(Text(f"? {item.text}", style="yellow"))
    for w in report.warnings:
        parts.append(Text(f"! {w.code}: {w.message}", style="yellow"))
    if unchecked(report):
        parts.append(Text(f"! {UNCHECKED}", style="yellow"))
    for x in report.cross_check:
        parts.append(Text(f"≠ rules cross-check: {x.message}", style="magenta"))
    parts += [Text(""), Text(footer(report), style="dim")]  # in the body: it wraps, never clipped
    return Panel(Group(*parts), expand=True)  # type: ignore[arg-type]
