"""An :class:`EventReport` as one Block Kit card: the brief, consolidated facts with their status
(conflicts marked), claims and denials per outlet, and the sources (linked), inside Slack's limits."""

from __future__ import annotations

from ..events.schema import EventReport, Status
from .blocks import (
    CONTEXT_CHARS,
    CONTEXT_ELEMENTS,
    FALLBACK_CHARS,
    HEADER_CHARS,
    Block,
    _pack,
    clip,
    context,
    escape,
    fit,
    link,
    section,
)

_MARK = {
    Status.agree: "agreed",
    Status.consistent: "consistent",
    Status.conflict: ":warning: *disputed*",
    Status.superseded: "updated",
}


def event_headline(report: EventReport) -> str:
    category = str(report.category or "incident").replace("_", " ")
    place = report.fields["city"].consolidated if "city" in report.fields else None
    day = report.fields["date"].consolidated if "date" in report.fields else None
    parts = [f"{category}: one event, {len(report.outlets)} outlet(s)"]
    parts += [p for p in (place, day) if p]
    return " · ".join(parts)


def event_blocks(report: EventReport, *, failed: list[str] | None = None) -> list[Block]:
    blocks: list[Block] = [
        {
            "type": "header",
            "text": {"type": "plain_text", "text": clip(event_headline(report), HEADER_CHARS)},
        },
        section("*Brief*\n" + escape(report.brief or "(no incident reported)")),
    ]
    lines: list[str] = []
    for name, f in report.fields.items():
        if not f.sources:
            continue
        tallies = "; ".join(f"{escape(t.value)} {t.n}/{t.m}" for t in f.tallies)
        lines.append(f"*{name}*: {escape(f.consolidated or '-')} — {_MARK[f.status]} ({tallies})")
    if lines:
        blocks.append(section("\n".join(lines)))
    disputed: list[str] = []
    for name in report.conflicts:
        for s in report.fields[name].sources:
            if s.status == Status.conflict:
                disputed.append(
                    f"*{name}* {escape(s.value)} — {escape(s.outlet)}: “{escape(clip(s.quote, 240))}”"
                )
    if disputed:
        blocks.append(section("*Disputed*\n" + "\n".join(disputed)))
    said = [
        f"• {escape(s.outlet)}: {escape(s.actor)} "
        + ("claimed responsibility" if s.kind == "claim" else "denied involvement")
        + ("" if s.kind == "denial" or s.verified else " _(unverified)_")
        for s in report.statements
    ]
    if said:
        blocks.append(section("*Claims and denials*\n" + "\n".join(said)))
    warnings = [
        f"• :warning: {escape(w.message)}" for w in report.warnings if not w.code.startswith("llm_brief")
    ]
    warnings += [f"• :warning: could not read {escape(u)}" for u in failed or []]
    if warnings:
        blocks.append(section("*Check before relying on this*\n" + "\n".join(warnings)))
    sources = []
    for m in report.members:
        label = f"{m.outlet}" + (f" ({m.published})" if m.published else "")
        if m.url and m.url.lower().startswith(("http://", "https://")):
            sources.append(link(m.url, label))
        else:
            sources.append(escape(label))
    blocks.append({"type": "divider"})
    blocks.append(context(_pack(["*Sources*", *sources], CONTEXT_ELEMENTS, CONTEXT_CHARS)))
    return fit(blocks)


def event_text(report: EventReport) -> str:
    return clip(f"{event_headline(report)}: {report.brief}", FALLBACK_CHARS)
