"""Date phrases as written in news text -> calendar dates.

:func:`resolve_date` reads one phrase ("on Friday", "3 JAN 90", "March 3", "yesterday") against the
publication date; :func:`find_date_phrases` locates such phrases in a sentence (for engines), and
:func:`find_dateline_date` finds a date the article carries itself (a dateline or a "date:" line).

Rules, all case-insensitive:

* explicit dates with a year resolve on their own ("March 3, 2024", "3 JAN 90", "2024-03-23");
* a day and month without a year take the publication year, or the year before when that would
  fall after publication (:func:`coming_date` tells engines when such a day is rather still to
  come: "the elections on 27 May" in copy of 20 February);
* a date that is all a quotation holds ('the "9 May" Liberation Forces') is a name, not a date;
* weekdays ("on Friday", "Tuesday evening", "early Sunday") are the most recent such day on or
  before publication; "today", "this morning" are the publication day, "yesterday", "last night"
  the day before;
* a weekday of the act that names the publication day itself moves a week back when the article
  reports a statement made on another weekday ("shot Wednesday" ... "the chief said Thursday" in
  copy dated a Wednesday: the statement cannot come before the act it speaks of; see
  :func:`week_of_act`);
* fixed-date holidays ("on Christmas Eve", "New Year's Day") are the most recent such day on or
  before publication;
* a date with the act's distance from it, as written after a later step's date ("died Saturday,
  Dec. 22, a day after" he was shot; "January 18 (one day after" he was killed), is that date less
  the days (or weeks) it names;
* a relative phrase with no publication date resolves to nothing: no date is ever invented.

``dateparser`` is used only as a last resort for explicit dates in unusual formats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from ..lazyre import lazy_compile
from ..schema import DatePrecision

__all__ = [
    "DAYS_AFTER",
    "DatePhrase",
    "ResolvedDate",
    "coming_date",
    "find_date_phrases",
    "find_dateline_date",
    "resolve_date",
    "week_of_act",
]


@dataclass(frozen=True)
class ResolvedDate:
    iso: date | None
    precision: DatePrecision | None
    resolved_from: Literal["explicit", "relative", "none"]


_NONE = ResolvedDate(None, None, "none")

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ],
    start=1,
):
    for _n in _names:
        MONTHS[_n] = _i

WEEKDAYS = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}

# full month and weekday names, lower case (word lists elsewhere exclude them from names)
CALENDAR_WORDS = frozenset(
    [n for n in WEEKDAYS if n.endswith("day")]
    + [n for n, i in MONTHS.items() if n == max((m for m, j in MONTHS.items() if j == i), key=len)]
)

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_MONTH2 = _MONTH.replace("?P<month>", "?P<month2>")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = _DAY.replace("?P<day>", "?P<day2>")
_NOT_COUNT = (
    r"(?!\s+(?:people|persons|others|more|were|was|have|had|of|civilians|soldiers|killed|dead|died|injured))"
)
_YEAR = r"(?P<year>(?:1[89]|20)\d\d|'\d\d)"
_YEAR2 = r"(?P<year2>(?:1[89]|20)\d\d|'?\d\d" + _NOT_COUNT + ")"
_WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PART = r"(?:morning|afternoon|evening|night|midday|noon|lunchtime|dawn|overnight)"

# One regex for every explicit date form; named groups tell them apart.
_EXPLICIT = lazy_compile(
    r"\b(?:"
    r"(?P<iso>(?P<iy>(?:19|20)\d\d)-(?P<im>[01]?\d)-(?P<id>[0-3]?\d))"
    rf"|{_MONTH}\s+{_DAY}\b(?:(?:\s*,\s*|\s+){_YEAR}\b)?"
    rf"|{_DAY2}(?:\s+of)?\s+{_MONTH2}(?:,?\s+{_YEAR2}\b)?"
    r")",
    re.IGNORECASE,
)
_MONTH_YEAR = lazy_compile(rf"\b{_MONTH}\s*,?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
_YEAR_ONLY = lazy_compile(r"\b(?:in|during|since|of)\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
_SLASH = lazy_compile(r"\b(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d)\b")

# minutes or hours before the report: the day of publication ("TWO BOMBS EXPLODED A FEW MINUTES AGO",
# "kidnapped in the past few hours", "15-20 MINUTES AGO")
_RECENT_BODY = (
    r"(?:just\s+)?(?:a\s+few|several|some|\d{1,2}(?:\s*-\s*\d{1,2})?|a\s+couple\s+of)\s+minutes['’]?\s+ago"
    r"|(?:just\s+)?(?:moments|minutes)\s+ago"
    r"|(?:a\s+few|several|two|three|\d)\s+hours\s+ago"
    r"|(?:in|over|during)\s+the\s+(?:past|last)\s+(?:few|several)\s+hours"
)
_RECENT = r"\b(?:" + _RECENT_BODY + r")\b"
_REL_DAYS_AGO = lazy_compile(
    r"\b(?P<n>\d+|one|two|three|four|five|six|seven)\s+days?\s+(?:ago|earlier)\b", re.I
)
_RELATIVE: list[tuple[re.Pattern[str], int]] = [
    (lazy_compile(r"\b(?:the\s+)?day\s+before\s+yesterday\b", re.I), -2),
    (
        lazy_compile(
            r"\b(?:yesterday|last\s+night|overnight|the\s+previous\s+(?:day|night|evening|morning|afternoon))\b",
            re.I,
        ),
        -1,
    ),
    (
        lazy_compile(
            r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening|night)|earlier\s+today|"
            r"earlier\s+in\s+the\s+day|early\s+today|late\s+today)\b|" + _RECENT,
            re.I,
        ),
        0,
    ),
]
_WEEKDAY_RE = lazy_compile(rf"\b{_WEEKDAY}\b", re.IGNORECASE)
# fixed-date holidays, with the part of the day or its eve: (pattern, month, day)
_HOLIDAYS: list[tuple[str, int, int]] = [
    (r"christmas\s+eve", 12, 24),
    (r"christmas(?:\s+day)?(?!\s+eve)", 12, 25),
    (r"new\s+year['’]?s\s+eve", 12, 31),
    (r"new\s+year['’]?s(?:\s+day)?(?!\s+eve)", 1, 1),
    (r"(?:the\s+)?fourth\s+of\s+july|independence\s+day", 7, 4),
    (r"halloween", 10, 31),
    (r"valentine['’]?s\s+day", 2, 14),
]
_HOLIDAY_PHRASE = (
    r"(?:"
    + "|".join(p for p, _, _ in _HOLIDAYS)
    + r")(?:\s+(?:morning|afternoon|evening|night))?(?!\s+(?:party|parties|tree|trees|shopping|gifts?|lights?|"
    r"dinner|sale|sales|season|holidays?|market|break|concert|service))"
)
_NUM_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}

# the distance back to an earlier act, written right after a later date: "Dec. 22, a day after",
# "January 18 (one day after", "Sunday, two weeks after" (the act's words follow; see the engines)
DAYS_AFTER = (
    r"\s*[,(]?\s*(?:just\s+|only\s+|some\s+)?(?P<n>a|an|one|two|three|four|five|six|seven|\d{1,2})\s+"
    r"(?P<unit>days?|weeks?)\s+after"
)
_OFFSET = lazy_compile(r"^(?P<base>.+?)" + DAYS_AFTER + r"$", re.IGNORECASE | re.DOTALL)


def _year(raw: str | None) -> int | None:
    if raw is None:
        return None
    raw = raw.lstrip("'")
    y = int(raw)
    if len(raw) == 2:
        y += 1900 if y >= 50 else 2000
    return y


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _explicit(phrase: str, published: date | None) -> ResolvedDate | None:
    m = _EXPLICIT.search(phrase)
    if m:
        if m.group("iso"):
            got = _safe(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
            return ResolvedDate(got, DatePrecision.day, "explicit") if got else None
        month_name = m.group("month") or m.group("month2")
        day = int(m.group("day") or m.group("day2"))
        year = _year(m.group("year") or m.group("year2"))
        month = MONTHS[month_name.lower()]
        if not 1 <= day <= 31:
            return None
        if year is not None:
            got = _safe(year, month, day)
            return ResolvedDate(got, DatePrecision.day, "explicit") if got else None
        if published is None:
            return _NONE
        got = _safe(published.year, month, day)
        if got is not None and got > published:
            got = _safe(published.year - 1, month, day)
        return ResolvedDate(got, DatePrecision.day, "explicit") if got else None
    m2 = _SLASH.search(phrase)
    if m2:
        a, b, y = int(m2.group("a")), int(m2.group("b")), int(m2.group("y"))
        got = _safe(y, a, b) if a <= 12 else _safe(y, b, a)
        return ResolvedDate(got, DatePrecision.day, "explicit") if got else None
    m3 = _MONTH_YEAR.search(phrase)
    if m3:
        got = _safe(int(m3.group("year")), MONTHS[m3.group("month").lower()], 1)
        return ResolvedDate(got, DatePrecision.month, "explicit") if got else None
    return None


def coming_date(phrase: str, published: date) -> bool:
    """Does a day and month written without a year ("on 27 May", "Dec. 14") name a day still to
    come? Such a date names the occurrence nearest the publication: when that is after it (within
    half a year: "the elections on 27 May" in copy of 20 February), the day is coming, not past.
    :func:`resolve_date` still reads it as the last such day on or before publication."""
    m = _EXPLICIT.search(phrase)
    if m is None or m.group("iso") or m.group("year") or m.group("year2"):
        return False
    month = MONTHS[(m.group("month") or m.group("month2")).lower()]
    day = int(m.group("day") or m.group("day2"))
    for year in (published.year, published.year + 1):
        when = _safe(year, month, day)
        if when is not None and published < when <= published + timedelta(days=182):
            return True
    return False


def _weekday_on_or_before(published: date, weekday: int) -> date:
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def _holiday(low: str, published: date | None) -> ResolvedDate | None:
    """ "on Christmas Eve", "New Year's Day": the most recent such day on or before publication;
    "the day after Christmas", "the night before Halloween": the day next to it."""
    for pattern, month, day in _HOLIDAYS:
        m = re.search(rf"\b(?:{pattern})\b", low)
        if m:
            if published is None:
                return _NONE
            shift = re.search(r"\b(?P<side>after|before)\s+$", low[: m.start()])
            step = 0 if shift is None else (1 if shift.group("side") == "after" else -1)
            when = date(published.year, month, day) + timedelta(days=step)
            if when > published:
                when = date(published.year - 1, month, day) + timedelta(days=step)
            return ResolvedDate(when, DatePrecision.day, "relative")
    return None


def _relative(phrase: str, published: date | None) -> ResolvedDate | None:
    low = phrase.lower()
    holiday = _holiday(low, published)
    if holiday is not None:
        return holiday
    wd = _WEEKDAY_RE.search(low)
    if wd:
        if published is None:
            return _NONE
        target = _weekday_on_or_before(published, WEEKDAYS[wd.group("weekday")])
        if re.search(r"\blast\s+week\b", low) or (
            re.search(r"\blast\s+" + wd.group("weekday"), low) and target == published
        ):
            target -= timedelta(days=7)
        return ResolvedDate(target, DatePrecision.day, "relative")
    ago = _REL_DAYS_AGO.search(low)
    if ago:
        if published is None:
            return _NONE
        n = _NUM_WORDS.get(ago.group("n")) or int(ago.group("n"))
        return ResolvedDate(published - timedelta(days=n), DatePrecision.day, "relative")
    for pattern, delta in _RELATIVE:
        if pattern.search(low):
            if published is None:
                return _NONE
            return ResolvedDate(published + timedelta(days=delta), DatePrecision.day, "relative")
    if re.search(r"\b(?:earlier\s+)?this\s+month\b", low):
        if published is None:
            return _NONE
        return ResolvedDate(published.replace(day=1), DatePrecision.month, "relative")
    if re.search(r"\blast\s+month\b", low):
        if published is None:
            return _NONE
        first = published.replace(day=1) - timedelta(days=1)
        return ResolvedDate(first.replace(day=1), DatePrecision.month, "relative")
    if re.search(r"\b(?:earlier\s+)?this\s+year\b", low):
        if published is None:
            return _NONE
        return ResolvedDate(date(published.year, 1, 1), DatePrecision.year, "relative")
    if re.search(r"\blast\s+year\b", low):
        if published is None:
            return _NONE
        return ResolvedDate(date(published.year - 1, 1, 1), DatePrecision.year, "relative")
    return None


def resolve_date(as_stated: str, context: str = "", published: date | None = None) -> ResolvedDate:
    """Resolve a date phrase as written to a calendar date (see the module doc for the rules).

    ``context`` is the sentence the phrase came from: when the phrase is only a weekday and the
    context spells the full date out ("on Friday, March 3, 2024"), the explicit date wins. A phrase
    that would land outside the calendar (a reference date at its very edge) stays unresolved.
    """
    try:
        return _resolve_date(as_stated, context, published)
    except OverflowError:
        return _NONE


def _resolve_date(as_stated: str, context: str, published: date | None) -> ResolvedDate:
    phrase = (as_stated or "").strip()
    if not phrase:
        return _NONE
    offset = _OFFSET.match(phrase)
    if offset:
        base = _resolve_date(offset.group("base"), context, published)
        if base.iso is None or base.precision != DatePrecision.day:
            return _NONE  # "last month, two days after": no day to count back from
        raw = offset.group("n").lower()
        n = 1 if raw in ("a", "an") else _NUM_WORDS.get(raw) or int(raw)
        days = n * (7 if offset.group("unit").lower().startswith("week") else 1)
        return ResolvedDate(base.iso - timedelta(days=days), DatePrecision.day, base.resolved_from)
    got = _explicit(phrase, published)
    if got is not None:
        return got
    if context and _WEEKDAY_RE.search(phrase):
        idx = context.lower().find(phrase.lower())
        if idx >= 0:
            tail = context[idx : idx + len(phrase) + 30]
            m = re.match(re.escape(phrase) + r"\s*,?\s*(?P<rest>.{0,25})", tail, re.I | re.S)
            if m:
                full = _explicit(m.group("rest"), published)
                if full is not None and full.iso is not None and m.group("rest")[:1].strip():
                    lead = _EXPLICIT.match(m.group("rest"))
                    if lead:
                        return full
    got = _relative(phrase, published)
    if got is not None:
        return got
    m = _YEAR_ONLY.search(phrase) or re.fullmatch(r"\s*(?P<year>(?:19|20)\d\d)\s*", phrase)
    if m:
        return ResolvedDate(date(int(m.group("year")), 1, 1), DatePrecision.year, "explicit")
    return _dateparser_fallback(phrase, published)


@lru_cache(maxsize=256)
def _dateparser_fallback(phrase: str, published: date | None) -> ResolvedDate:
    if not re.search(r"\d", phrase) or not re.search("|".join(MONTHS), phrase, re.I):
        return _NONE
    import dateparser  # slow to import: only when a phrase defeats the regexes

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}
    if published is None:
        settings["REQUIRE_PARTS"] = ["day", "month", "year"]
    else:
        from datetime import datetime

        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    try:
        parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input
        return _NONE
    if parsed is None:
        return _NONE
    return ResolvedDate(parsed.date(), DatePrecision.day, "explicit")


# a statement dated by another weekday: "the chief said Thursday that", "police confirmed on Friday"
_STATEMENT_WEEKDAY = lazy_compile(
    r"\b(?:said|announced|confirmed|stated|added|identified|ruled)\s+(?:on\s+)?(?:late\s+|early\s+)?"
    + _WEEKDAY
    + r"\b",
    re.IGNORECASE,
)


def week_of_act(text: str, as_stated: str, resolved: ResolvedDate, published: date | None) -> ResolvedDate:
    """The act's weekday, checked against the statements the article dates by weekday.

    A bare weekday of the act that is the publication day's own weekday resolves to that day
    ("shot by police on Wednesday" in copy dated a Wednesday). When the article also reports a
    statement on another weekday ("the chief said Thursday that ..."), that statement, read against
    the same publication day, would come before the act it speaks of: the copy was written after
    it, and the act's weekday is the one the week before. Any other date is returned unchanged."""
    if published is None or resolved.iso != published or resolved.resolved_from != "relative":
        return resolved
    low = as_stated.lower()
    wd = _WEEKDAY_RE.search(low)
    if wd is None or re.search(r"\b(?:last|this|next)\b", low):
        return resolved
    act = WEEKDAYS[wd.group("weekday")]
    for m in _STATEMENT_WEEKDAY.finditer(text):
        if WEEKDAYS[m.group("weekday").lower()] != act:
            return ResolvedDate(published - timedelta(days=7), resolved.precision, resolved.resolved_from)
    return resolved


# --------------------------------------------------------------------------------------------------
# Finding date phrases in a sentence
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DatePhrase:
    start: int
    end: int
    text: str
    kind: Literal["explicit", "relative"]


_PHRASE_RE = lazy_compile(
    r"(?:\b(?:on|late|early|before\s+dawn|shortly\s+after\s+midnight)\s+(?:on\s+)?)?"
    r"(?:"
    # explicit: (weekday,) month day(, year) | day month (year) | iso
    rf"(?P<explicit>(?:{_WEEKDAY.replace('?P<weekday>', '?:')}\s*,?\s+)?(?:"
    r"(?:19|20)\d\d-[01]?\d-[0-3]?\d"
    rf"|{_MONTH.replace('?P<month>', '?:')}\s+[0-3]?\d(?:st|nd|rd|th)?\b(?:\s*,?\s*(?:(?:19|20)\d\d|'\d\d)\b)?"
    rf"|[0-3]?\d(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH.replace('?P<month>', '?:')}\b(?:,?\s+(?:(?:19|20)\d\d|'?\d\d)\b)?"
    r"))"
    # relative
    r"|(?P<relative>(?:(?:early|late|last)\s+)?"
    rf"(?:{_WEEKDAY.replace('?P<weekday>', '?:')}(?:\s+{_PART})?"
    r"|the\s+day\s+before\s+yesterday|yesterday(?:\s+" + _PART + r")?"
    r"|last\s+night|overnight|today|tonight|this\s+(?:morning|afternoon|evening)"
    r"|the\s+previous\s+(?:day|night|evening|morning|afternoon)"
    r"|earlier\s+today|(?:\d+|one|two|three|four|five|six|seven)\s+days\s+ago|" + _RECENT_BODY + r""
    r"|(?:the\s+(?:day|morning|afternoon|evening|night)\s+(?:after|before)\s+)?" + _HOLIDAY_PHRASE + r"))"
    r")\b",
    re.IGNORECASE,
)


_DATE_CUE = lazy_compile(
    r"\d|day\b|night|morning|afternoon|evening|yesterday|ago\b|hours|christmas|new\s+year|halloween|fourth\s+of|valentine",
    re.IGNORECASE,
)


def find_date_phrases(sentence: str) -> list[DatePhrase]:
    """Date phrases in a sentence, in order, with a leading "on"/"early"/"late" kept."""
    out: list[DatePhrase] = []
    if not _DATE_CUE.search(sentence):
        return out  # no digit, weekday, part of a day or holiday: no date phrase (a cheap test first)
    for m in _PHRASE_RE.finditer(sentence):
        kind: Literal["explicit", "relative"] = "explicit" if m.group("explicit") else "relative"
        text = m.group(0).strip()
        if kind == "explicit":
            # "May" alone, "march 3 km": require a plausible day
            day = re.search(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b", m.group("explicit"), re.IGNORECASE)
            if not day or not 1 <= int(day.group(1)) <= 31:
                continue
            # "may 5 people" is not a date
            if re.match(r"\s+(?:people|persons|others|of\s+the)", sentence[m.end() : m.end() + 12], re.I):
                continue
            # "the 19 April Movement", "the 26th of July Movement": a name, not a date
            if re.match(
                r"\s*\]?\s*(?:\([^)]{1,12}\)\s*)?(?:guerrilla\s+)?movement\b",
                sentence[m.end() : m.end() + 40],
                re.I,
            ):
                continue
            # 'the "9 May" Liberation Forces': a date that is all a quotation holds names something
            if re.search(r"[\"“]\s*$", sentence[max(0, m.start() - 2) : m.start()]) and re.match(
                r"\s*[\"”]", sentence[m.end() : m.end() + 2]
            ):
                continue
        out.append(DatePhrase(m.start(), m.start() + len(text), text, kind))
    return out


# --------------------------------------------------------------------------------------------------
# A date the article carries itself
# --------------------------------------------------------------------------------------------------

_META_LINE = lazy_compile(
    r"^\s*(?:date|published|posted|updated|first\s+published|last\s+updated|dateline)\s*(?:on)?\s*[:=]?\s*(?P<rest>.{4,60})$",
    re.IGNORECASE | re.MULTILINE,
)
_DATELINE = lazy_compile(
    r"^\s*(?:[A-Z][\w .'’()-]{1,40}?|[A-Z .'’()-]{2,40}?)\s*,\s*"
    r"(?:[A-Za-z .'’-]{2,30},\s*)?"
    rf"(?P<date>(?:{_WEEKDAY.replace('?P<weekday>', '?:')}\s*,?\s+)?"
    rf"(?:{_MONTH.replace('?P<month>', '?:')}\s+[0-3]?\d(?:st|nd|rd|th)?(?:\s*,?\s*(?:19|20)\d\d)?"
    rf"|[0-3]?\d\s+{_MONTH.replace('?P<month>', '?:')}(?:\s+(?:(?:19|20)\d\d|\d\d))?))"
    r"\s*(?:\([^)]{1,60}\))?\s*(?:--|-|—|–|:)",
    re.IGNORECASE | re.MULTILINE,
)


# the same with the date in brackets after the place, as US local stations write it:
# "INDIANAPOLIS, Ind. (Dec. 10, 2015) – A traffic stop ...", "LA PORTE (December 26, 2015) — ..."
_DATELINE_BRACKETED = lazy_compile(
    r"^\s*(?:[A-Z][\w .'’-]{1,40}?|[A-Z .'’-]{2,40}?)\s*(?:,\s*[A-Za-z .'’-]{2,30}?)?\s*\(\s*"
    rf"(?P<date>{_MONTH.replace('?P<month>', '?:')}\s+[0-3]?\d(?:st|nd|rd|th)?\s*,?\s*(?:19|20)\d\d)"
    r"\s*\)\s*(?:--|-|—|–|:)",
    re.IGNORECASE | re.MULTILINE,
)


def _datelines(head: str) -> list[re.Match[str]]:
    """Dateline matches in the head of an article, in order of position."""
    found = list(_DATELINE.finditer(head)) + list(_DATELINE_BRACKETED.finditer(head))
    return sorted(found, key=lambda m: m.start())


def dateline_gap(text: str, published: date, max_days: int = 3) -> tuple[str, int] | None:
    """``(the dateline's date as written, days apart)`` when the article's own dateline date
    ("LAGOS, May 17 -") is more than ``max_days`` from ``published``; else None."""
    found = _datelines(text[:1500])
    if not found:
        return None
    m = found[0]
    got = _explicit(m.group("date"), published)
    if got is None or got.iso is None:
        return None
    days = abs((published - got.iso).days)
    return (m.group("date").strip(), days) if days > max_days else None


def find_dateline_date(text: str) -> date | None:
    """The date an article states for itself: a "Date:"/"Published:" line or a dateline.

    Only a date with a year is returned (a dateline "KABUL, March 3 (Reuters) -" alone gives no year).
    """
    head = text[:1500]
    for m in _META_LINE.finditer(head):
        got = _explicit(m.group("rest"), None)
        if got is not None and got.iso is not None:
            return got.iso
    for m in _datelines(head):
        got = _explicit(m.group("date"), None)
        if got is not None and got.iso is not None:
            return got.iso
    iso = re.search(r"\b(?:19|20)\d\d-[01]\d-[0-3]\d\b", text[:300])
    if iso:
        got = _explicit(iso.group(0), None)
        if got is not None and got.iso is not None:
            return got.iso
    return None
