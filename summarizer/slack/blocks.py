"""An :class:`IncidentReport` as a Block Kit card, kept inside Slack's limits.

Layout: header (category, place, date) / killed, injured ... as fields / perpetrators and claims /
the neutral summary / background incidents / warnings, conflicts and uncertainties (shown, never
hidden) / evidence quotes folded into context blocks / footer (engine, model, prompt, cached).

Every text is escaped for mrkdwn (``&``, ``<``, ``>``, so article text can never become a mention
or a link) and cut to Slack's limits with an ellipsis.
"""

from __future__ import annotations

from typing import Any

from ..render import UNCHECKED, footer, headline, unchecked
from ..schema import Count, IncidentReport, ResponsibilityClaim

Block = dict[str, Any]

MAX_BLOCKS = 50
HEADER_CHARS = 150
SECTION_CHARS = 3000
FIELD_CHARS = 2000
MAX_FIELDS = 10
CONTEXT_ELEMENTS = 10
CONTEXT_CHARS = 3000
FALLBACK_CHARS = 3000
MAX_QUOTES_SHOWN = 40
ELLIPSIS = "…"


def escape(text: str) -> str:
    """Escape the three characters mrkdwn treats specially (Slack's own rule)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` characters with an ellipsis, never inside an ``&...;`` entity."""
    if len(text) <= limit:
        return text
    cut = text[: max(limit - len(ELLIPSIS), 0)]
    amp = cut.rfind("&")
    if amp != -1 and ";" not in cut[amp:] and amp >= len(cut) - 6:
        cut = cut[:amp]
    return cut.rstrip() + ELLIPSIS


def mrkdwn(text: str, limit: int = SECTION_CHARS) -> dict[str, str]:
    return {"type": "mrkdwn", "text": clip(text, limit)}


def section(text: str) -> Block:
    return {"type": "section", "text": mrkdwn(text)}


def context(texts: list[str]) -> Block:
    return {"type": "context", "elements": [mrkdwn(t, CONTEXT_CHARS) for t in texts[:CONTEXT_ELEMENTS]]}


def _count(label: str, c: Count | None) -> dict[str, str]:
    if c is None:
        body = "not reported"
    else:
        body = escape(c.display())
        if c.as_stated and c.as_stated.strip() != c.display():
            body += f"  _({escape(c.as_stated.strip())})_"
    return mrkdwn(f"*{label}*\n{body}", FIELD_CHARS)


def claim_status(claim: ResponsibilityClaim) -> str:
    return "claimed, verified" if claim.verified else "claimed, unverified"


def _claim(claim: ResponsibilityClaim) -> str:
    via = f" via {escape(claim.channel)}" if claim.channel else ""
    return f"{escape(claim.claimant)} — _{claim_status(claim)}_{via}"


def _pack(lines: list[str], elements: int, chars: int) -> list[str]:
    """Greedily pack lines into at most ``elements`` strings of at most ``chars`` each."""
    packed: list[str] = []
    for line in lines:
        line = clip(line, chars)
        if packed and len(packed[-1]) + 1 + len(line) <= chars:
            packed[-1] += "\n" + line
        elif len(packed) < elements:
            packed.append(line)
        else:
            break
    return packed


def _quote_with_value(quote: str, spans: list[tuple[int, int]]) -> str:
    """The quote escaped for mrkdwn, each value phrase inside it in bold (``value_start``/``value_end``)."""
    out: list[str] = []
    cursor = 0
    for start, end in sorted(spans):
        if start < cursor or not (0 <= start < end <= len(quote)):
            continue
        phrase = quote[start:end]
        if phrase != phrase.strip() or "*" in phrase:
            continue  # mrkdwn bold needs no edge spaces and no asterisk inside
        out.append(escape(quote[cursor:start]))
        out.append(f"*{escape(phrase)}*")
        cursor = end
    out.append(escape(quote[cursor:]))
    return "".join(out)


def evidence_lines(report: IncidentReport) -> list[str]:
    """One line per distinct quote, naming every fact it supports (``killed, injured: “...”``), with
    each fact's value in bold inside the quote where code found it."""
    by_quote: dict[tuple[int, int], tuple[str, list[str], set[tuple[int, int]]]] = {}
    for name, fact in report.facts():
        short = name.removeprefix("incident.")
        for ev in fact.evidence[:2]:
            _, names, values = by_quote.setdefault((ev.start, ev.end), (ev.quote, [], set()))
            if short not in names:
                names.append(short)
            if ev.value_start is not None and ev.value_end is not None:
                values.add((ev.value_start - ev.start, ev.value_end - ev.start))
    lines = [
        f"*{escape(', '.join(names))}*: “{_quote_with_value(quote, sorted(values))}”"
        for quote, names, values in by_quote.values()
    ]
    if len(lines) > MAX_QUOTES_SHOWN:
        extra = len(lines) - MAX_QUOTES_SHOWN
        lines = [*lines[:MAX_QUOTES_SHOWN], f"… and {extra} more quote(s) in the JSON report"]
    return lines


def link(url: str, label: str | None = None) -> str:
    """A mrkdwn link that cannot break out of its brackets."""
    target = escape(url).replace("|", "%7C").replace(" ", "%20")
    return f"<{target}|{escape(clip(label or url, 200)).replace('|', '¦')}>"


def report_blocks(report: IncidentReport, *, source: str | None = None) -> list[Block]:
    """The card for ``report``; ``source`` says where the text came from when there is no URL."""
    blocks: list[Block] = [
        {
            "type": "header",
            "text": {"type": "plain_text", "text": clip(headline(report), HEADER_CHARS), "emoji": False},
        }
    ]
    inc = report.incident
    if inc is not None:
        fields = [_count("Killed", inc.killed), _count("Injured", inc.injured)]
        if inc.hospitalized is not None:
            fields.append(_count("Hospitalized", inc.hospitalized))
        if inc.missing is not None:
            fields.append(_count("Missing", inc.missing))
        blocks.append({"type": "section", "fields": fields[:MAX_FIELDS]})

        who: list[str] = []
        if inc.perpetrators:
            names = "; ".join(
                escape(p.name) + (f" ({p.kind})" if p.kind != "unknown" else "") for p in inc.perpetrators
            )
            who.append(f"*Perpetrators:* {names}")
        for claim in inc.responsibility_claims:
            who.append(f"*Claim:* {_claim(claim)}")
        if inc.weapons:
            who.append("*Weapons:* " + "; ".join(escape(w.text) for w in inc.weapons))
        if inc.targets:
            who.append("*Targets:* " + "; ".join(escape(t.text) for t in inc.targets))
        if who:
            blocks.append(section("\n".join(who)))

    blocks.append(section("*Summary*\n" + escape(report.summary or "(no summary)")))

    if report.other_incidents:
        lines = ["*Background* (other incidents the article mentions, not counted above)"]
        for bg in report.other_incidents:
            line = f"• {escape(bg.description)}"
            if bg.killed is not None:
                line += f" — killed {escape(bg.killed.display())}"
            if bg.injured is not None:
                line += f", injured {escape(bg.injured.display())}"
            lines.append(line)
        blocks.append(section("\n".join(lines)))

    checks = [f"• :warning: *{escape(w.code)}*: {escape(w.message)}" for w in report.warnings]
    checks += [f"• :grey_question: {escape(u.text)}" for u in report.uncertainties]
    checks += [
        f"• :twisted_rightwards_arrows: rules cross-check: {escape(x.message)}" for x in report.cross_check
    ]
    if unchecked(report):
        checks.append(f"• :warning: {escape(UNCHECKED)}")
    if checks:
        blocks.append(section("*Check before relying on this*\n" + "\n".join(checks)))

    quotes = evidence_lines(report)
    if quotes:
        blocks.append({"type": "divider"})
        blocks.append(context(["*Evidence* (verbatim from the article)"]))
        blocks.append(context(_pack(quotes, CONTEXT_ELEMENTS, CONTEXT_CHARS)))

    foot = [escape(footer(report))]
    art = report.article
    if art.url and art.url.lower().startswith(("http://", "https://")):
        foot.append("source: " + link(art.url, art.title or art.url))
    elif source:
        foot.append(f"source: {escape(source)}")
    blocks.append(context(foot))
    return fit(blocks)


def fit(blocks: list[Block]) -> list[Block]:
    """At most ``MAX_BLOCKS`` blocks; the last (footer) block is kept."""
    if len(blocks) <= MAX_BLOCKS:
        return blocks
    return [*blocks[: MAX_BLOCKS - 2], context(["(shortened to fit Slack's limits)"]), blocks[-1]]


def report_text(report: IncidentReport) -> str:
    """The fallback ``text`` (notifications, screen readers), escaped like the blocks: Slack parses it
    as mrkdwn too, so article text must never become ``<!here>`` or a user mention."""
    return clip(escape(f"{headline(report)}: {report.summary}"), FALLBACK_CHARS)


def notice_blocks(text: str) -> list[Block]:
    return [section(escape(text))]
