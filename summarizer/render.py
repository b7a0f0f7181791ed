"""A readable terminal card for one report (rich): headline, facts, summary, evidence, footer."""

from __future__ import annotations

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .schema import Count, Fact, IncidentReport


def headline(report: IncidentReport) -> str:
    inc = report.incident
    if report.is_incident is None:
        return "Not read: the article's language is not supported by this engine"
    if inc is None:
        return "No incident reported"
    parts = [str(inc.category).replace("_", " ")]
    if inc.subtype:
        parts[0] += f" ({inc.subtype})"
    if inc.location is not None and inc.location.display():
        parts.append(inc.location.display())
    if inc.date is not None:
        parts.append(inc.date.iso.isoformat() if inc.date.iso else inc.date.as_stated)
    return " · ".join(parts)


def _count(c: Count | None) -> str:
    return "—" if c is None else f"{c.display()}  ({c.as_stated})"


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


def card(report: IncidentReport) -> Panel:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    inc = report.incident
    if inc is not None:
        table.add_row("killed", _count(inc.killed))
        table.add_row("injured", _count(inc.injured))
        if inc.hospitalized:
            table.add_row("hospitalized", _count(inc.hospitalized))
        if inc.missing:
            table.add_row("missing", _count(inc.missing))
        if inc.perpetrators:
            table.add_row("perpetrators", "; ".join(p.name for p in inc.perpetrators))
        for c in inc.responsibility_claims:
            status = "verified" if c.verified else ("unverified" if c.verified is False else "claimed")
            table.add_row("claim", f"{c.claimant} ({status}{', ' + c.channel if c.channel else ''})")
        if inc.weapons:
            table.add_row("weapons", "; ".join(w.text for w in inc.weapons))
        if inc.targets:
            table.add_row("targets", "; ".join(t.text for t in inc.targets))
        if inc.victims:
            table.add_row("victims", "; ".join(v.display() for v in inc.victims))
        if inc.stage:
            table.add_row("stage", inc.stage)
    for bg in report.other_incidents:
        table.add_row(
            "background", bg.description + (f" — killed {bg.killed.display()}" if bg.killed else "")
        )
    parts: list[object] = [table, Text(""), Text(report.summary, style="bold")]
    facts: list[tuple[str, Fact]] = report.facts()
    if facts:
        parts += [Text(""), Text("Evidence", style="bold")]
    for name, fact in facts:
        for ev in fact.evidence[:2]:
            line = Text(f"{name} [{ev.start}:{ev.end}] ", style="dim")
            line.append(f"“{ev.quote}”", style="italic")
            parts.append(line)
    for item in report.uncertainties:
        parts.append(Text(f"? {item.text}", style="yellow"))
    for w in report.warnings:
        parts.append(Text(f"! {w.code}: {w.message}", style="yellow"))
    return Panel(Group(*parts), title=headline(report), subtitle=footer(report), expand=True)  # type: ignore[arg-type]
