"""One neutral 3-5 sentence brief for an event, written deterministically from the reconciled fields,
and a checker that every number in a brief is backed by a source quote (or a source's date, or is
a count of outlets) and that no conflicted figure appears without attribution.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ..evaluation.matching import numbers_in
from ..neutrality import find_loaded_terms
from ..schema import Category
from .schema import (
    ActorTally,
    BriefSentence,
    OutletStatement,
    ReconciledField,
    SourceValue,
    Status,
)

_NOUN = {
    Category.violent_attack: "an attack",
    Category.natural_disaster: "a natural disaster",
    Category.accident: "an accident",
    Category.fire: "a fire",
    Category.civil_unrest: "unrest",
    Category.health_emergency: "a health emergency",
    Category.other: "an incident",
}
_ROLE = {"killed": ("number of dead", "died"), "injured": ("number of injured", "were injured")}
_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


def _n(k: int) -> str:
    return _WORDS[k] if 0 <= k < len(_WORDS) else str(k)


def _join(names: Sequence[str]) -> str:
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _day(d: date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


def _place(fields: dict[str, ReconciledField]) -> str:
    """'at the Arman Concert Hall in Almaty, Kazakhstan' (parts in conflict are left out)."""
    parts: list[str] = []
    venue, city, country = fields.get("venue"), fields.get("city"), fields.get("country")
    if city is not None and city.consolidated and city.status != Status.conflict:
        parts.append(city.consolidated)
    if (
        country is not None
        and country.consolidated
        and country.status != Status.conflict
        and (not parts or parts[-1] != country.consolidated)
    ):
        parts.append(country.consolidated)
    where = f" in {', '.join(parts)}" if parts else ""
    if venue is not None and venue.consolidated and venue.status != Status.conflict:
        name = re.sub(r"^(?i:the)\s+", "the ", venue.consolidated)
        return f" at {name}{where}"
    return where


def _opening(
    category: Category | None, subtype: str | None, fields: dict[str, ReconciledField], m: int
) -> str:
    noun = _NOUN.get(category or Category.other, "an incident")
    singular = bool(subtype) and not re.search(r"[^s]s$", (subtype or "").split()[-1] if subtype else "")
    if subtype and singular and len(subtype.split()) <= 4 and not find_loaded_terms(subtype):
        noun = ("an " if subtype[:1].lower() in "aeiou" else "a ") + subtype.lower()
    who = (
        "One outlet reported"
        if m == 1
        else "Both outlets reported"
        if m == 2
        else f"{_n(m).capitalize()} outlets reported"
    )
    place = _place(fields)
    sentence = f"{who} {noun}{place}"
    d = fields.get("date")
    if d is not None and d.date is not None and d.status != Status.conflict:
        sentence += f" on {_day(d.date)}"
    return sentence + "."


def _by_value(sources: Sequence[SourceValue], statuses: set[Status]) -> list[tuple[str, list[SourceValue]]]:
    groups: dict[str, list[SourceValue]] = {}
    for s in sources:
        if s.status in statuses:
            groups.setdefault(s.value, []).append(s)
    return sorted(groups.items(), key=lambda kv: (-len({s.outlet for s in kv[1]}), kv[0]))


def _count_sentence(f: ReconciledField, m: int) -> BriefSentence | None:
    if f.count is None or not f.sources:
        return None
    noun, _ = _ROLE[f.field]
    if f.status == Status.conflict:
        parts: list[str] = []
        quotes: list[str] = []
        for value, srcs in _by_value(f.sources, {Status.conflict, Status.consistent, Status.agree}):
            who = _join(sorted({s.outlet for s in srcs}))
            parts.append(f"{who} put the {noun} at {value}" if not parts else f"{who} reported {value}")
            quotes.extend(s.quote for s in srcs)
        return BriefSentence(text="; ".join(parts) + ".", quotes=quotes)
    current = [s for s in f.sources if s.status != Status.superseded]
    outlets = sorted({s.outlet for s in current})
    quotes = [s.quote for s in current]
    value = f.consolidated or ""
    if f.status == Status.superseded:
        latest = max(current, key=lambda s: (str(s.published_at or s.published or ""), s.member))
        older = sorted({s.value for s in f.sources if s.status == Status.superseded and s.value != value})
        text = f"The latest figure, from {latest.outlet}, puts the {noun} at {value}"
        if older:
            text += f"; earlier reports gave {_join(older)}"
            quotes.extend(s.quote for s in f.sources if s.status == Status.superseded)
        return BriefSentence(text=text + ".", quotes=quotes)
    if len(outlets) == m and m > 1:
        who = "Both outlets" if m == 2 else f"All {_n(m)} outlets"
        verb = "put" if f.status == Status.agree else "give figures consistent with"
        text = (
            f"{who} {verb} the {noun} at {value}"
            if f.status == Status.agree
            else f"{who} {verb} {value} as the {noun}"
        )
    else:
        verb = "puts" if len(outlets) == 1 else "put"
        text = f"{_join(outlets)} {verb} the {noun} at {value}"
    return BriefSentence(text=text + ".", quotes=quotes)


def _place_conflict(f: ReconciledField) -> BriefSentence | None:
    if f.status != Status.conflict:
        return None
    parts = [
        f"{value} ({_join(sorted({s.outlet for s in srcs}))})"
        for value, srcs in _by_value(f.sources, {Status.conflict})
    ]
    label = {"city": "place", "country": "country", "venue": "site", "date": "date"}[f.field]
    return BriefSentence(
        text=f"Outlets differ on the {label}: {'; '.join(parts)}.",
        quotes=[s.quote for s in f.sources if s.status == Status.conflict],
    )


def _claims(statements: Sequence[OutletStatement], tallies: Sequence[ActorTally]) -> list[BriefSentence]:
    out: list[BriefSentence] = []
    for t in tallies:
        quotes = [s.quote for s in statements if s.kind == t.kind and s.outlet in t.outlets]
        who = _join(t.outlets)
        if t.kind == "claim":
            verified = [s for s in statements if s.kind == "claim" and s.outlet in t.outlets and s.verified]
            tail = "" if verified else "; the claim has not been independently verified"
            out.append(
                BriefSentence(
                    text=f"{who} reported a claim of responsibility by {t.actor}{tail}.", quotes=quotes
                )
            )
        else:
            out.append(
                BriefSentence(text=f"{who} reported that {t.actor} denied involvement.", quotes=quotes)
            )
    return out


def write_brief(
    category: Category | None,
    subtype: str | None,
    fields: dict[str, ReconciledField],
    statements: Sequence[OutletStatement],
    tallies: Sequence[ActorTally],
    m: int,
) -> list[BriefSentence]:
    """3-5 neutral sentences: what happened where and when, the tolls (conflicts attributed), place or
    date disputes, claims as claims."""
    sentences = [BriefSentence(text=_opening(category, subtype, fields, m), quotes=[])]
    for name in ("killed", "injured"):
        s = _count_sentence(fields[name], m)
        if s is not None:
            sentences.append(s)
    for name in ("city", "country", "date"):
        s = _place_conflict(fields[name])
        if s is not None:
            sentences.append(s)
    sentences.extend(_claims(statements, tallies))
    if len(sentences) < 3:
        missing = [n for n in ("killed", "injured") if not fields[n].sources]
        if missing:
            sentences.append(
                BriefSentence(
                    text=f"No outlet gives a figure for the {' or the '.join(_ROLE[n][0] for n in missing)}."
                )
            )
    if len(sentences) < 3:
        d = fields.get("date")
        if d is not None and d.status == Status.conflict:
            pass
        else:
            outlets = sorted({s.outlet for f in fields.values() for s in f.sources})
            if outlets:
                sentences.append(BriefSentence(text=f"Sources: {_join(outlets)}."))
    return sentences[:5]


# -- checker ----------------------------------------------------------------------------------------

_BRIEF_DATE = re.compile(r"\b\d{1,2} [A-Z][a-z]+ \d{4}\b")


def _states(sentence: str, value: str) -> bool:
    return re.search(rf"(?<![\w,]){re.escape(value)}(?![\w,])", sentence, re.I) is not None


def unattributed_conflicts(brief: str, fields: dict[str, ReconciledField]) -> list[str]:
    """Each conflicted value (a toll, a place, a date) that a sentence of ``brief`` states without naming
    the outlet that gave it. A written date ("2 February 2026") is not a toll of 2, and a number inside
    an outlet's name ("WMTN 3") is not a figure."""
    problems: list[str] = []
    outlets = sorted({s.outlet for f in fields.values() for s in f.sources}, key=len, reverse=True)
    sentences = re.split(r"(?<=[.!?])\s+", brief)
    for name, f in fields.items():
        if f.status != Status.conflict:
            continue
        for src in f.sources:
            if src.status != Status.conflict:
                continue
            shown = [src.value]
            if name == "date" and re.fullmatch(r"\d{4}-\d\d-\d\d", src.value):
                shown.append(_day(date.fromisoformat(src.value)))  # as the brief writes it
            for sentence in sentences:
                bare = sentence
                for outlet in outlets:
                    bare = bare.replace(outlet, " ")
                if name in ("killed", "injured"):
                    bare = _BRIEF_DATE.sub(" ", bare)
                if any(_states(bare, v) for v in shown) and src.outlet not in sentence:
                    problems.append(f"conflicted {name} {src.value!r} is stated without its outlet")
                    break
    return problems


_OUTLET_COUNT = re.compile(r"\b(\w+) outlets?\b", re.I)


def check_brief(
    brief: str, fields: dict[str, ReconciledField], statements: Sequence[OutletStatement], m: int
) -> list[str]:
    """Problems with a brief: numbers no source quote (or source date) backs; a conflicted figure stated
    without attribution to an outlet; loaded words."""
    problems: list[str] = []
    quotes = (
        " \n".join(s.quote for f in fields.values() for s in f.sources)
        + " \n"
        + " \n".join(s.quote for s in statements)
    )
    known = numbers_in(quotes)
    for f in fields.values():
        for s in f.sources:
            if s.count is not None:
                known |= numbers_in(str(s.count))
            if f.field == "date":
                for part in re.findall(r"\d+", s.value):
                    known |= numbers_in(str(int(part)))
    allowed_meta = numbers_in(" ".join(str(k) for k in range(m + 1)))
    text = brief
    outlets = {s.outlet for f in fields.values() for s in f.sources} | {s.outlet for s in statements}
    for name in sorted(outlets, key=len, reverse=True):
        text = text.replace(name, " ")  # "WMTN 3 Memphis": a number in a name is not a figure
    for mo in _OUTLET_COUNT.finditer(brief):
        if numbers_in(mo.group(1)) <= allowed_meta:
            text = text.replace(mo.group(0), " ")
    for mo in re.finditer(r"\b(\d{1,2}) ([A-Z][a-z]+) (\d{4})\b", text):
        day, year = mo.group(1), mo.group(3)
        dates = [s.value for s in fields["date"].sources] if "date" in fields else []
        if not any(d.startswith(year) and d.endswith(f"-{int(day):02d}") for d in dates):
            problems.append(f"date {mo.group(0)!r} is not a date any source gives")
        text = text.replace(mo.group(0), " ")
    from decimal import Decimal

    unsupported = sorted(n for n in numbers_in(text) if n not in known and n != Decimal(0))
    problems.extend(f"number {n} is not in any source quote" for n in unsupported)
    problems.extend(unattributed_conflicts(brief, fields))
    loaded = find_loaded_terms(brief)
    if loaded:
        problems.append("loaded words: " + ", ".join(sorted(set(loaded))))
    return problems
