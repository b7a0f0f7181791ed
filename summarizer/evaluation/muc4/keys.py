"""Reading MUC-4 (MUC-3/4 terrorism task) texts and answer keys (standard library only).

Texts come in files of 100 articles, each after a message-id line (``DEV-MUC3-0001 (NOSC)``);
keys hold one template per incident, slots 0-24 (``N.  LABEL   FILL``, continuation lines
indented), alternatives separated by ``/``, optional fills prefixed with ``?``, ``;`` comment
lines before a template. ``*`` marks a slot that does not apply, ``-`` an empty one. Shared by
``evals/muc4.py`` (conversion to the gold format) and the template scorer
(:mod:`summarizer.evaluation.muc4.score`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ...errors import InputError


class MucFormatError(InputError, ValueError):
    """A MUC text or key file that does not follow the format."""


SLOT_LABELS: dict[int, str] = {
    0: "MESSAGE: ID",
    1: "MESSAGE: TEMPLATE",
    2: "INCIDENT: DATE",
    3: "INCIDENT: LOCATION",
    4: "INCIDENT: TYPE",
    5: "INCIDENT: STAGE OF EXECUTION",
    6: "INCIDENT: INSTRUMENT ID",
    7: "INCIDENT: INSTRUMENT TYPE",
    8: "PERP: INCIDENT CATEGORY",
    9: "PERP: INDIVIDUAL ID",
    10: "PERP: ORGANIZATION ID",
    11: "PERP: ORGANIZATION CONFIDENCE",
    12: "PHYS TGT: ID",
    13: "PHYS TGT: TYPE",
    14: "PHYS TGT: NUMBER",
    15: "PHYS TGT: FOREIGN NATION",
    16: "PHYS TGT: EFFECT OF INCIDENT",
    17: "PHYS TGT: TOTAL NUMBER",
    18: "HUM TGT: NAME",
    19: "HUM TGT: DESCRIPTION",
    20: "HUM TGT: TYPE",
    21: "HUM TGT: NUMBER",
    22: "HUM TGT: FOREIGN NATION",
    23: "HUM TGT: EFFECT OF INCIDENT",
    24: "HUM TGT: TOTAL NUMBER",
}

COUNTRY_FIXES = {"GUATAMALA": "GUATEMALA", "SAN SALVADOR": "EL SALVADOR"}

MONTHS = {name.upper(): i for i, name in enumerate(calendar.month_abbr) if name}
SHORT_RANGE_DAYS = 7
MIN_YEAR = 1950
FUTURE_SLACK = dt.timedelta(days=31)

HEADER_RE = re.compile(r"^([A-Z0-9]+-MUC\d-\d{4})\b[^\n]*$", re.MULTILINE)
DATELINE_RE = re.compile(
    r"^(?P<place>[^,]+?),\s*(?P<date>NO DATE|[A-Z]+\.?\s+\d{1,2}(?:\s+\d{2})?"
    r"|\d{1,2}\s+[A-Z]+\.?(?:\s+\d{2})?)\s*(?:[(\[](?P<source>[^)\]]*)[)\]])?\s*$"
)
SLOT_RE = re.compile(r"^(\d{1,2})\.\s+(.*)$")


# ---------------------------------------------------------------------------------------------
# Reading the files


@dataclass
class Article:
    """One MUC text."""

    msg_id: str
    text: str
    published: str | None
    outlet: str | None
    dateline: str | None


@dataclass
class Template:
    """One answer-key template: slot number -> its lines (first line plus continuations)."""

    msg_id: str
    slots: dict[int, list[str]]
    comments: list[str] = field(default_factory=list)

    def lines(self, slot: int) -> list[str]:
        """The non-empty fills of a slot, ``-`` and ``*`` left out."""
        return [v for v in self.slots.get(slot, []) if v and v not in ("-", "*")]

    def raw(self, slot: int) -> str:
        return "\n".join(self.slots.get(slot, []))

    @property
    def number(self) -> str:
        return self.raw(1).replace("(OPTIONAL)", "").strip()

    @property
    def optional(self) -> bool:
        return "OPTIONAL" in self.raw(1)

    @property
    def is_empty(self) -> bool:
        return self.raw(1).strip() == "*"


def _msg_id(value: str) -> str:
    return value.split()[0] if value.split() else value


def parse_texts(content: str) -> list[Article]:
    """Split a MUC text file into articles."""
    articles: list[Article] = []
    headers = list(HEADER_RE.finditer(content))
    for i, match in enumerate(headers):
        end = headers[i + 1].start() if i + 1 < len(headers) else len(content)
        body = content[match.end() : end]
        body = re.sub(r"^\s*\n", "", body).rstrip()
        published, outlet, dateline = parse_dateline(body)
        articles.append(Article(match.group(1), body, published, outlet, dateline))
    return articles


def parse_dateline(body: str) -> tuple[str | None, str | None, str | None]:
    """Return (published ISO date, outlet, dateline) from the start of an article body."""
    head, sep, _ = body[:400].partition("--")
    if not sep:
        return None, None, None
    dateline = " ".join(head.split())
    match = DATELINE_RE.match(dateline)
    if not match:
        return None, None, dateline
    source = match.group("source")
    outlet = " ".join(source.split()) if source and source.strip() else None
    day = parse_day(match.group("date"), None)
    return (day.isoformat() if day else None), outlet, dateline


def parse_keys(content: str) -> list[Template]:
    """Split an answer-key file into templates (``;`` comment lines attach to the next one)."""
    templates: list[Template] = []
    comments: list[str] = []
    current: Template | None = None
    last_slot = -1
    for raw in content.splitlines():
        line = raw.rstrip()
        if not line.strip():
            continue
        if line.startswith(";"):
            comments.append(line.lstrip(";").strip())
            continue
        match = SLOT_RE.match(line)
        if match and int(match.group(1)) in SLOT_LABELS:
            slot = int(match.group(1))
            rest = match.group(2)
            label = SLOT_LABELS[slot]
            if not rest.startswith(label):
                raise MucFormatError(f"unexpected slot line: {line!r}")
            value = rest[len(label) :].strip()
            if slot == 0:
                current = Template(_msg_id(value), {}, comments)
                comments = []
                templates.append(current)
            elif current is None:
                raise MucFormatError(f"slot before any message id: {line!r}")
            current.slots[slot] = [value]
            last_slot = slot
        elif raw[:1].isspace() and current is not None and last_slot >= 0:
            current.slots[last_slot].append(line.strip())
        else:
            raise MucFormatError(f"unexpected key line: {line!r}")
    return templates


# ---------------------------------------------------------------------------------------------
# Fill syntax


def _top_level(value: str, separator: str) -> Iterator[int]:
    """Indices of ``separator`` outside double quotes (with backslash escapes) and parentheses."""
    depth = 0
    in_quote = False
    i = 0
    while i < len(value):
        char = value[i]
        if char == "\\" and in_quote:
            i += 2
            continue
        if char == '"':
            in_quote = not in_quote
        elif not in_quote and char == "(":
            depth += 1
        elif not in_quote and char == ")":
            depth -= 1
        elif not in_quote and depth == 0 and char == separator:
            yield i
        i += 1


def split_alternatives(value: str) -> list[str]:
    """Split on ``/`` outside quotes and parentheses; strip one pair of wrapping parentheses."""
    parts: list[str] = []
    start = 0
    for i in _top_level(value, "/"):
        parts.append(value[start:i])
        start = i + 1
    parts.append(value[start:])
    return [unwrap(p.strip()) for p in parts if p.strip()]


def unwrap(value: str) -> str:
    """``(A: B (C))`` -> ``A: B (C)`` when the parentheses enclose everything."""
    while value.startswith("(") and value.endswith(")"):
        depth = 0
        for i, char in enumerate(value):
            depth += char == "("
            depth -= char == ")"
            if depth == 0 and i < len(value) - 1:
                return value
        value = value[1:-1].strip()
    return value


def strip_optional(value: str) -> tuple[bool, str]:
    """A leading ``?`` marks an optional fill."""
    value = value.strip()
    if value.startswith("?"):
        return True, value[1:].strip()
    return False, value


def quoted(value: str) -> list[str]:
    """The quoted strings of a fill, unescaped; ``"-"`` (no string) left out.

    A stray ``/`` left inside by a missing quote (``"16 OTHERS / "OTHERS"``) is trimmed.
    """
    found = re.findall(r'"((?:[^"\\]|\\.)*)"', value)
    strings = [re.sub(r"\\(.)", r"\1", s).strip().strip("/").strip() for s in found]
    return [s for s in strings if s and s != "-"]


def split_head(value: str) -> tuple[str, str]:
    """``HEAD: "REF" / "REF"`` -> (HEAD, refs part), split at the first ``:`` outside quotes."""
    for i in _top_level(value, ":"):
        return value[:i].strip(), value[i + 1 :].strip()
    return value.strip(), ""


def strings_of(value: str) -> list[str]:
    """The strings of a string fill: quoted ones, or the bare text when nothing is quoted."""
    _, value = strip_optional(value)
    if '"' in value:
        return quoted(value)
    if value in ("", "-", "*"):
        return []
    return [s for s in split_alternatives(value) if s not in ("-", "*")]


def refs_of(tail: str) -> list[str]:
    return strings_of(tail) if tail else []


# ---------------------------------------------------------------------------------------------
# Dates


def _clamped(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def parse_day(value: str, reference: dt.date | None) -> dt.date | None:
    """``03 JAN 90`` / ``3 JANUARY 90`` / ``JAN 3 90`` / ``11 NOV`` -> a date.

    Without a plausible year (none, one before 1950 such as ``00``, or one that puts the date
    more than a month after ``reference``, the dateline date) the year is the latest that puts
    the date on or before ``reference``; ``None`` when there is no reference.
    """
    tokens = value.replace(".", " ").upper().split()
    if len(tokens) not in (2, 3):
        return None
    if tokens[0].isdigit():
        day_s, month_s = tokens[0], tokens[1]
    else:
        month_s, day_s = tokens[0], tokens[1]
    month = MONTHS.get(month_s[:3])
    if month is None or not day_s.isdigit() or not 1 <= int(day_s) <= 31:
        return None
    day = int(day_s)
    parsed: dt.date | None = None
    if len(tokens) == 3 and tokens[2].isdigit():
        year = 1900 + int(tokens[2]) if len(tokens[2]) == 2 else int(tokens[2])
        if year >= MIN_YEAR:
            parsed = _clamped(year, month, day)
    if reference is not None and (parsed is None or parsed > reference + FUTURE_SLACK):
        candidate = _clamped(reference.year, month, day)
        if candidate > reference:
            candidate = _clamped(reference.year - 1, month, day)
        return candidate
    return parsed


def parse_date_slot(value: str, reference: dt.date | None) -> list[str | None]:
    """Acceptable ISO dates for an INCIDENT: DATE fill (see the module docstring)."""
    accepted: list[str | None] = []

    def add(item: dt.date | None) -> None:
        iso = item.isoformat() if item else None
        if iso not in accepted:
            accepted.append(iso)

    for alternative in split_alternatives(value):
        _, alternative = strip_optional(alternative)
        alternative = alternative.strip()
        if alternative in ("-", "*", ""):
            add(None)
            continue
        if alternative.startswith("-"):
            add(parse_day(alternative[1:], reference))
            add(None)
            continue
        if "-" in alternative:
            first, _, second = alternative.partition("-")
            start, end = parse_day(first, reference), parse_day(second, reference)
            if start and end and 0 <= (end - start).days <= SHORT_RANGE_DAYS:
                for offset in range((end - start).days + 1):
                    add(start + dt.timedelta(days=offset))
            else:
                add(start)
                add(end)
                add(None)
            continue
        add(parse_day(alternative, reference))
    if not accepted:
        accepted.append(None)
    # Concrete dates in order, null last.
    return sorted(d for d in accepted if d is not None) + ([None] if None in accepted else [])


# ---------------------------------------------------------------------------------------------
# Locations


@dataclass
class Place:
    name: str
    types: list[str]


def parse_location_alternative(value: str) -> tuple[str | None, list[Place]]:
    """``EL SALVADOR: SAN MIGUEL (DEPARTMENT): SAN LUIS (TOWN) - X (CITY)`` -> country, places."""
    _, value = strip_optional(value)
    components = [c.strip() for c in re.split(r"\s*:\s*", value) if c.strip()]
    if not components:
        return None, []
    country: str | None = None
    if "(" not in components[0]:
        country = COUNTRY_FIXES.get(components[0], components[0])
        components = components[1:]
    places: list[Place] = []
    for component in components:
        for piece in re.split(r"\s+-\s+", component):
            match = re.match(r"^(.*?)\s*\(([^()]*)\)\s*$", piece)
            if match:
                types = [t.strip() for t in match.group(2).split("/") if t.strip()]
                places.append(Place(match.group(1).strip(), types))
            elif piece.strip():
                places.append(Place(piece.strip(), []))
    return country, places
