"""Counts as written in news text: "at least 60 people", "Twenty-three", "a dozen", "1,200".

:func:`parse_count` turns a count phrase into ``(value, qualifier)``; :func:`find_numbers` locates
every count-like number in a longer text (with offsets), for the rules engine and the checker.
Vague quantities ("hundreds", "dozens", "scores of", "several") are not counts: they give ``None``.

Number words are read with ``text2num`` (English); the regexes only find where they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from text_to_num import text2num

from ..lazyre import lazy_compile
from ..schema import Qualifier

__all__ = [
    "QUALIFIER_WORDS",
    "UNIT_VALUES",
    "NumberMatch",
    "count_context",
    "find_numbers",
    "parse_count",
    "parse_range",
    "written_numbers",
]

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
# "one" .. "nineteen" -> 1 .. 19: for rules that read a small count word by word
UNIT_VALUES: dict[str, int] = {word: value for value, word in enumerate(_UNITS) if value}
_TENS = ["twenty", "thirty", "forty", "fourty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALES = ("hundred", "thousand", "million")

_BASE_WORD = r"(?:" + "|".join(_UNITS + _TENS) + r")"
_ANY_WORD = r"(?:" + "|".join(_UNITS + _TENS + list(_SCALES)) + r")"
# "twenty-three", "one hundred and five", "two thousand", "a hundred"
_WORD_NUMBER = (
    rf"(?:(?:{_BASE_WORD}|an?(?=[\s-]+(?:hundred|thousand)\b))"
    rf"(?:(?:[\s-]+|[\s-]+and[\s-]+)(?={_ANY_WORD}\b){_ANY_WORD})*)"
)
# "1,200", "1.200" (European thousands), "2.5", "1850"; then an optional scale word
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?![.,]?\d)|\d+(?:\.\d+)?)(?:\s*(?:million|thousand))?"
_DOZEN = r"(?:(?:half\s+a|a|one|two|three|four|five|six)\s+dozen)"

# Qualifier phrases that stand right before the number (longest first inside each group).
QUALIFIER_WORDS: dict[Qualifier, tuple[str, ...]] = {
    Qualifier.at_least: (
        "at the very least",
        "a minimum of",
        "no fewer than",
        "no less than",
        "not less than",
        "not fewer than",
        "at least",
        "minimum of",
        "minimum",
    ),
    Qualifier.more_than: (
        "more than",
        "upwards of",
        "in excess of",
        "greater than",
        "well over",
        "just over",
        "over",
        "above",
    ),
    Qualifier.about: (
        "an estimated",
        "approximately",
        "estimated",
        "close to",
        "nearly",
        "almost",
        "roughly",
        "around",
        "about",
        "approx.",
        "some",
        "just under",
        "nigh on",
    ),
    Qualifier.up_to: ("up to", "as many as", "as high as", "at most", "fewer than", "less than", "under"),
}
_QUAL_LOOKUP = {p: q for q, phrases in QUALIFIER_WORDS.items() for p in phrases}
_QUAL_RE = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(_QUAL_LOOKUP, key=len, reverse=True))

_VAGUE = (
    r"(?:hundreds|thousands|dozens|scores|tens\s+of\s+thousands|millions|several|many|numerous|"
    r"a\s+number|a\s+handful|a\s+few|few|countless|multiple)"
)

_NUMBER_RE = lazy_compile(
    rf"(?P<qual>\b(?:{_QUAL_RE})\s+(?:of\s+)?(?:a\s+total\s+of\s+)?)?"
    rf"(?:(?P<dozen>\b{_DOZEN}\b)|(?P<digits>(?<![\w.,:$€£/-]){_DIGITS}(?![\w]|[.,]\d))|(?P<words>\b{_WORD_NUMBER}\b))"
    r"(?P<tail>(?:\s*-?\s*plus\b|\s+or\s+(?:more|so)\b))?",
    re.IGNORECASE,
)
_VAGUE_RE = lazy_compile(rf"\b{_VAGUE}\b", re.IGNORECASE)

# What a number may not be followed by to count people: units, ages, times, dates, magnitudes.
_NOT_A_COUNT_AFTER = lazy_compile(
    r"\s*(?:-?\s*(?:year|month|week|day|hour|minute)s?[\s-]+old\b|%|percent\b|per\s*cent\b|"
    r"(?:a\.?m\b|p\.?m\b)|o'clock\b|:\d|"
    r"(?:km|kms|kilomet(?:er|re)s?|miles?|m\b|metres?|meters?|feet|ft|kg|kilograms?|tons?|tonnes?|"
    r"degrees?|magnitude|mph|hectares?|acres?|litres?|liters?|gallons?|calibre|caliber|mm\b|"
    r"dollars?|euros?|pounds?|rupees?|naira|pesos?|yuan|billion|bn\b|"
    r"years?|months?|weeks?|days?|hours?|hrs?\b|minutes?|mins?\b|seconds?|times?\b|storeys?|stories|floors?)\b|"
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?)",
    re.IGNORECASE,
)
_NOT_A_COUNT_BEFORE = lazy_compile(
    r"(?:\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?|[$€£#]|\bno\.|\bnumber|\bnos?\.?|\bpage|\bflight|\broute|"
    r"\bhighway|\bpart|\bbrigade|\bdivision|\bdetachment|\bbattalion|\bcategory|\blevel|\bsection|\barticle|"
    r"\bchapter|\bgrade|\bmagnitude|\bmagnitude-|\baged|\bage|\bself|\bcovid-|\bcovid|\bg|\bf|\bhb|\bak-|\bm-)\s*$",
    re.IGNORECASE,
)


# an age set off after a name or a person noun: "Marcus Reed, 65, was ...", "the driver (34)"
_APPOSITIVE_BEFORE = lazy_compile(r"(?:[A-Za-zÀ-ÿ'’.]\s*,|[A-Za-zÀ-ÿ'’.]\s+\()\s*$")
_APPOSITIVE_AFTER = lazy_compile(r"\s*(?:,|\)|;|\.(?:\s|$)|$)")
_LIST_BEFORE = lazy_compile(
    r"\b(?:killing|killed|wounding|wounded|injuring|injured|leaving|left|and|or|to|of|from|with|by|"
    r"about|around|least|than|nearly|some|total|toll|all)\s*[,(]\s*$",
    re.IGNORECASE,
)


def _appositive_age(text: str, start: int, end: int) -> bool:
    """Is the number at ``start:end`` an age set off by commas or brackets after a name?"""
    if end - start > 3:
        return False
    before = text[max(0, start - 40) : start]
    if not _APPOSITIVE_BEFORE.search(before) or _LIST_BEFORE.search(before):
        return False
    return bool(_APPOSITIVE_AFTER.match(text, end))


@dataclass(frozen=True)
class NumberMatch:
    """One count-like number found in a text."""

    start: int
    end: int
    value: int
    qualifier: Qualifier
    number_start: int  # where the number itself starts (after any qualifier)
    text: str
    upper: int | None = None  # the upper end of a range ("between 10 and 15": value 10, upper 15)


@lru_cache(maxsize=4096)
def _words_value(words: str) -> int | None:
    cleaned = re.sub(r"[\s-]+", " ", words.strip().lower())
    cleaned = re.sub(r"^an? (?=hundred|thousand)", "one ", cleaned)
    cleaned = cleaned.replace("fourty", "forty")
    while cleaned:
        try:
            return int(text2num(cleaned, "en"))
        except ValueError:
            # "two and three" or "one two": keep the longest prefix that reads as one number
            if " " not in cleaned:
                return None
            cleaned = cleaned.rsplit(" ", 1)[0]
            cleaned = re.sub(r" and$", "", cleaned)
    return None


MAX_COUNT = 10**10  # more people than live on Earth: a serial number or a typo, not a count


# compiled once: these run for every number of every text
_DIGITS_SCALE = lazy_compile(r"([\d.]+)\s*(million|thousand)?$")
_DOTTED_THOUSANDS = lazy_compile(r"\d{1,3}(?:\.\d{3})+")
_YEAR_DIGITS = lazy_compile(r"(?:1[89]|20)\d\d")


def _digits_value(raw: str) -> int | None:
    """The count a digit string stands for, exactly (no float rounding), or None when it cannot be
    a count of people: a fraction without a scale word ("2.5"), or more than :data:`MAX_COUNT`."""
    raw = raw.lower().replace(",", "").strip()
    m = _DIGITS_SCALE.match(raw)
    if not m:
        return None
    number, scale = m.group(1), m.group(2)
    mult = {"million": 1_000_000, "thousand": 1000}.get(scale or "", 1)
    if scale is None and _DOTTED_THOUSANDS.fullmatch(number):
        number = number.replace(".", "")  # "1.200 people": European thousands, not 1.2 people
    try:
        exact = Decimal(number) * mult
    except InvalidOperation:
        return None
    if exact != exact.to_integral_value() or exact > MAX_COUNT:
        return None  # "2.5 people" is no count; a 26-digit number is none either
    return int(exact)


_DOZEN_VALUES = {"half a": 6, "a": 12, "one": 12, "two": 24, "three": 36, "four": 48, "five": 60, "six": 72}


def _match_value(m: re.Match[str]) -> int | None:
    if m.group("dozen"):
        head = re.sub(r"\s+", " ", m.group("dozen").lower()).rsplit(" dozen", 1)[0]
        return _DOZEN_VALUES.get(head)
    if m.group("digits"):
        return _digits_value(m.group("digits"))
    return _words_value(m.group("words"))


def _qualifier(m: re.Match[str]) -> Qualifier:
    tail = (m.group("tail") or "").lower()
    if "plus" in tail:
        return Qualifier.more_than
    if "more" in tail:
        return Qualifier.at_least
    if "so" in tail:
        return Qualifier.about
    qual = m.group("qual")
    if not qual:
        return Qualifier.exact
    key = re.sub(r"\s+", " ", qual.lower().strip())
    key = re.sub(r"\s+(?:of\s+)?(?:a\s+total\s+of)?$", "", key).strip()
    key = re.sub(r"\s+of$", "", key) if key not in _QUAL_LOOKUP else key
    return _QUAL_LOOKUP.get(key, _QUAL_LOOKUP.get(key + " of", Qualifier.exact))


def find_numbers(text: str, *, allow_years: bool = False) -> list[NumberMatch]:
    """Every count-like number in ``text`` with its qualifier, skipping ages, units, dates and years."""
    out: list[NumberMatch] = []
    for m in _NUMBER_RE.finditer(text):
        num_start = (
            m.start("dozen")
            if m.group("dozen")
            else m.start("digits")
            if m.group("digits")
            else m.start("words")
        )
        num_end = (
            m.end("dozen") if m.group("dozen") else m.end("digits") if m.group("digits") else m.end("words")
        )
        value = _match_value(m)
        if value is None:
            continue
        after = text[num_end : num_end + 24]
        if _NOT_A_COUNT_AFTER.match(after):
            continue
        before = text[max(0, num_start - 14) : num_start]
        if _NOT_A_COUNT_BEFORE.search(before):
            continue
        digits = m.group("digits")
        if digits and _appositive_age(text, num_start, num_end):
            continue  # "Marcus Reed, 65, was pronounced dead": an age, not a count
        if (
            digits
            and not allow_years
            and _YEAR_DIGITS.fullmatch(digits)
            and not count_context(text, num_start, num_end)
        ):
            continue  # a year, not a count
        if m.group("words") and m.group("words").lower() in {"a", "an"}:
            continue
        out.append(
            NumberMatch(
                start=m.start(),
                end=m.end(),
                value=value,
                qualifier=_qualifier(m),
                number_start=num_start,
                text=m.group(0),
            )
        )
    return _join_ranges(text, out)


# Every numeral, whatever it counts: "17-year-old" (17), "11:15 p.m." (11, 15), "2.5" (2.5),
# "1,200" (1200), "AK-47" (47), "1990s" (1990); see :func:`written_numbers`.
_ANY_DIGITS = lazy_compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?!\d)")
_ANY_WORDS = lazy_compile(rf"\b{_WORD_NUMBER}\b", re.IGNORECASE)


def written_numbers(text: str, *, words: bool = True) -> dict[Decimal, str]:
    """Every number ``text`` writes, in digits or in words, whatever it stands for (counts, ages,
    times, years, amounts), mapped to its first spelling: what a summary may not invent.

    Unlike :func:`find_numbers` nothing is skipped as "not a count"; "1.200" is read as 1.2 (the
    European-thousands reading is :func:`find_numbers`'s, for counts). ``words=False`` reads digits
    only (a cheap first pass over a long text).
    """
    out: dict[Decimal, str] = {}
    for m in _ANY_DIGITS.finditer(text):
        raw = m.group(1).replace(",", "") + ("." + m.group(2) if m.group(2) else "")
        out.setdefault(Decimal(raw).normalize(), m.group(0))
    for m in _ANY_WORDS.finditer(text) if words else ():
        spelled = m.group(0)
        if spelled.lower() in {"a", "an"}:
            continue
        value = _words_value(spelled)
        if value is not None:
            out.setdefault(Decimal(value), spelled)
    return out


# A count noun or casualty word right after a number, or a casualty verb or toll phrase right before
# it: then "1850" or "2053" is a count, not a year ("killing 1850 people", "the toll rose to 2053").
_COUNT_AFTER = lazy_compile(
    r"^\s+(?:(?:more|other|additional|[a-z]+-?\s*(?:old|year-old))\s+)?(?:people|persons|person|civilians|residents|"
    r"villagers|passengers|soldiers|troops|police(?:men)?|officers|workers|miners|migrants|refugees|children|"
    r"students|pupils|women|men|others|victims|bodies|casualties|fatalities|dead|"
    r"homeless|displaced|evacuees|patients|inmates|prisoners|hostages|fighters|militants|rebels|"
    r"insurgents|lives|individuals|families|households)\b",
    re.IGNORECASE,
)
_COUNT_BEFORE = lazy_compile(
    r"\b(?:kill(?:ing|ed|s)?|injur(?:ing|ed|es)|wound(?:ing|ed|s)|hurting|claim(?:ed|ing|s)\s+the\s+lives\s+of|"
    r"(?:toll|total|tally|count|number\s+of\s+(?:dead|deaths|victims|injured))\s+(?:\w+\s+){0,3}?"
    r"(?:to|at|of|was|is|stood\s+at|stands\s+at|reached|hit|passed|exceeded|topped)|"
    r"(?:rose|risen|rises|climbed|jumped|increased|grew|reached|reaches|surpassed|exceeded|topped)\s+(?:to\s+)?|"
    r"leaving|left|evacuat(?:ing|ed)|displac(?:ing|ed)|rescu(?:ing|ed)|treat(?:ing|ed))\s+"
    rf"(?:(?:{_QUAL_RE})\s+)?(?:a\s+total\s+of\s+)?$",
    re.IGNORECASE,
)
_YEAR_BEFORE = lazy_compile(
    r"\b(?:in|since|by|from|until|till|during|before|after|circa|year|years|the|early|late|mid|spring|summer|"
    r"autumn|fall|winter|christmas|easter|new\s+year|ramadan|eid|season|class\s+of|january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\s*,?\s*$|['’]s\s+$",
    re.IGNORECASE,
)


def count_context(text: str, start: int, end: int) -> bool:
    """Is the year-like number at ``text[start:end]`` a count, judged by the words beside it?"""
    before = text[max(0, start - 60) : start]
    if _COUNT_BEFORE.search(before):
        return True
    if _YEAR_BEFORE.search(before):
        return False  # "in 1850 people ...", "the 2019 deaths": a year
    return bool(_COUNT_AFTER.match(text[end : end + 40]))


_RANGE_JOIN = lazy_compile(r"^\s*(?:-|–|—|to|and|or)\s*$", re.IGNORECASE)


def _join_ranges(text: str, numbers: list[NumberMatch]) -> list[NumberMatch]:
    """ "between 10 and 15", "10 to 15", "10-15": one match with both ends (value = the lower
    end, qualifier ``at_least``, ``upper`` = the higher end). "from 10 to 15" is an update, not a range."""
    out: list[NumberMatch] = []
    i = 0
    while i < len(numbers):
        low = numbers[i]
        high = numbers[i + 1] if i + 1 < len(numbers) else None
        if high is not None and low.qualifier == Qualifier.exact and high.value > low.value:
            joint = text[low.end : high.number_start]
            lead = text[max(0, low.start - 10) : low.start]
            between = re.search(r"\bbetween\s+$", lead, re.I)
            if (
                _RANGE_JOIN.match(joint)
                and (between or not re.match(r"^\s*and\s*$", joint, re.I))
                and not re.search(r"\bfrom\s+$", lead, re.I)
            ):
                start = low.start - len(between.group(0)) if between else low.start
                out.append(
                    replace(
                        low,
                        start=start,
                        end=high.end,
                        qualifier=Qualifier.at_least,
                        upper=high.value,
                        text=text[start : high.end],
                    )
                )
                i += 2
                continue
        dash = _DASH_RANGE.match(text, low.end) if low.qualifier == Qualifier.exact else None
        if dash is not None and (high is None or high.start >= dash.end()):
            top = _digits_value(dash.group("hi"))
            if top is not None and top > low.value and not _NOT_A_COUNT_AFTER.match(text[dash.end() :]):
                out.append(
                    replace(
                        low,
                        end=dash.end(),
                        qualifier=Qualifier.at_least,
                        upper=top,
                        text=text[low.start : dash.end()],
                    )
                )
                i += 1
                continue
        out.append(low)
        i += 1
    return out


# "10-15 people": the digit pattern does not start after a hyphen, so the upper end is read here
_DASH_RANGE = lazy_compile(r"\s*[-–]\s*(?P<hi>\d{1,3}(?:,\d{3})+|\d+)(?![\w]|[.,]\d)")


def parse_range(text: str) -> tuple[int, int] | None:
    """``"between 10 and 15 people"`` -> ``(10, 15)``; None when the phrase holds no range."""
    for n in find_numbers(text):
        if n.upper is not None:
            return n.value, n.upper
    return None


_ZERO_RE = lazy_compile(r"\b(?:no|none|zero|nobody|no\s+one|not\s+a\s+single)\b", re.IGNORECASE)


def parse_count(text: str) -> tuple[int, Qualifier] | None:
    """Read a count phrase: ``"at least 60 people"`` -> ``(60, Qualifier.at_least)``.

    Returns ``None`` when the phrase holds no precise number ("hundreds", "dozens of people").
    A vague word standing before the first number makes the phrase vague too ("hundreds, 12 of them").
    """
    numbers = find_numbers(text)
    vague = _VAGUE_RE.search(text)
    if not numbers:
        if re.fullmatch(r"\s*(?:no|none|zero|nobody|no\s+one)\b.*", text, re.IGNORECASE | re.DOTALL):
            return 0, Qualifier.exact
        return None
    first = numbers[0]
    if vague and vague.start() < first.start and not _between_is_subset(text[vague.end() : first.start]):
        return None
    return first.value, first.qualifier


def _between_is_subset(between: str) -> bool:
    return bool(
        re.search(r"\b(?:including|among|of\s+whom|of\s+them|at\s+least|more\s+than)\b", between, re.I)
    )
