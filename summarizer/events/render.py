"""A rich card for an :class:`EventReport`: consolidated facts, conflicts highlighted, sources."""

from __future__ import annotations

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .schema import EventReport, Status

_STYLE = {
    Status.agree: "green",
    Status.consistent: "cyan",
    Status.conflict: "bold red",
    Status.superseded: "dim",
}


def event_card(report: EventReport) -> Panel:
    facts = Table(show_header=True, header_style="bold", expand=True)
    facts.add_column("field", no_wrap=True)
    facts.add_column("consolidated")
    facts.add_column("status", no_wrap=True)
    facts.add_column("outlets (n of m)")
    facts.add_column("rule", style="dim")
    for name, f in report.fields.items():
        if not f.sources:
            continue
        tallies = "; ".join(f"{t.value}: {t.n}/{t.m} ({', '.join(t.outlets)})" for t in f.tallies)
        facts.add_row(
            name,
            f.consolidated or "-",
            Text(str(f.status), style=_STYLE[f.status]),
            tallies,
            f.rule,
        )
    sources = Table(show_header=True, header_style="bold", expand=True, title="sources")
    sources.add_column("field", no_wrap=True)
    sources.add_column("outlet")
    sources.add_column("published", no_wrap=True)
    sources.add_column("value")
    sources.add_column("status", no_wrap=True)
    sources.add_column("quote", style="italic")
    for name, f in report.fields.items():
        if name == "venue":
            continue
        for s in f.sources:
            when = s.published_at.strftime("%Y-%m-%d %H:%M") if s.published_at else str(s.published or "")
            quote = s.quote if len(s.quote) <= 160 else s.quote[:157] + "..."
            sources.add_row(name, s.outlet, when, s.value, Text(str(s.status), style=_STYLE[s.status]), quote)
    parts: list[object] = [Text(report.brief or "(no incident reported)", style="bold"), facts]
    if report.conflicts:
        parts.insert(1, Text("Disputed: " + ", ".join(report.conflicts), style="bold red"))
    if report.statements:
        claims = Table(show_header=True, header_style="bold", expand=True, title="claims and denials")
        claims.add_column("kind", no_wrap=True)
        claims.add_column("actor")
        claims.add_column("outlet")
        claims.add_column("verified", no_wrap=True)
        claims.add_column("quote", style="italic")
        for st in report.statements:
            verified = (
                "-"
                if st.kind == "denial"
                else "yes"
                if st.verified
                else "no"
                if st.verified is False
                else "unknown"
            )
            claims.add_row(st.kind, st.actor, st.outlet, verified, st.quote[:160])
        parts.append(claims)
    parts.append(sources)
    members = Table(show_header=True, header_style="bold", expand=True, title="articles")
    members.add_column("id")
    members.add_column("outlet")
    members.add_column("published", no_wrap=True)
    members.add_column("title")
    for m in report.members:
        when = m.published_at.strftime("%Y-%m-%d %H:%M") if m.published_at else str(m.published or "")
        members.add_row(m.id, m.outlet, when, m.title or "")
    parts.append(members)
    for w in report.warnings:
        parts.append(Text(f"warning [{w.code}]: {w.message}", style="yellow"))
    title = f"event {report.event_id} · {report.category or 'unknown'} · {len(report.outlets)} outlet(s)"
    if report.cache_hit:
        title += " · cached"
    return Panel(Group(*parts), title=title, expand=True)  # type: ignore[arg-type]
