"""Counts as written in news text: "at least 60 people", "Twenty-three", "a dozen", "1,200".

:func:`parse_count` turns a count phrase into ``(value, qualifier)``; :func:`find_numbers` locates
every count-like number in a longer text (with offsets), for the rules engine and the checker.
Vague quantities ("hundreds", "dozens", "scores of", "several") are not counts: they give ``None``.

Number words are read with ``text2num`` (English); the regexes only find where they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

from ..schema import Qualifier

__all__ = ["QUALIFIER_WORDS", "NumberMatch", "find_numbers", "parse_count"]

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
_TENS = ["twenty", "thirty", "forty", "fourty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALES = ("hundred", "thousand", "million")

_BASE_WORD = r"(?:" + "|".join(_UNITS + _TENS) + r")"
_ANY_WORD = r"(?:" + "|".join(_UNITS + _TENS + list(_SCALES)) + r")"
# "twenty-three", "one hundred and five", "two thousand", "a hundred"
_WORD_NUMBER = (
    rf"(?:(?:{_BASE_WORD}|an?(?=[\s-]+(?:hundred|thousand)\b))"
    rf"(?:(?:[\s-]+|[\s-]+and[\s-]+)(?={_ANY_WORD}\b){_ANY_WORD})*)"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*(?:million|thousand))?"
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

_NUMBER_RE = re.compile(
    rf"(?P<qual>\b(?:{_QUAL_RE})\s+(?:of\s+)?(?:a\s+total\s+of\s+)?)?"
    rf"(?:(?P<dozen>\b{_DOZEN}\b)|(?P<digits>(?<![\w.,:$€£/-]){_DIGITS}(?![\w]|[.,]\d))|(?P<words>\b{_WORD_NUMBER}\b))"
    r"(?P<tail>(?:\s*-?\s*plus\b|\s+or\s+(?:more|so)\b))?",
    re.IGNORECASE,
)
_VAGUE_RE = re.compile(rf"\b{_VAGUE}\b", re.IGNORECASE)

# What a number may not be followed by to count people: units, ages, times, dates, magnitudes.
_NOT_A_COUNT_AFTER = re.compile(
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
_NOT_A_COUNT_BEFORE = re.compile(
    r"(?:\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?|[$€£#]|\bno\.|\bnumber|\bnos?\.?|\bpage|\bflight|\broute|"
    r"\bhighway|\bpart|\bbrigade|\bdivision|\bdetachment|\bbattalion|\bcategory|\blevel|\bsection|\barticle|"
    r"\bchapter|\bgrade|\bmagnitude|\bmagnitude-|\baged|\bage|\bself|\bcovid-|\bcovid|\bg|\bf|\bhb|\bak-|\bm-)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NumberMatch:
    """One count-like number found in a text."""

    start: int
    end: int
    value: int
    qualifier: Qualifier
    number_start: int  # where the number itself starts (after any qualifier)
    text: str


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


def _digits_value(raw: str) -> int | None:
    raw = raw.lower().replace(",", "").strip()
    mult = 1
    m = re.match(r"([\d.]+)\s*(million|thousand)?$", raw)
    if not m:
        return None
    if m.group(2) == "million":
        mult = 1_000_000
    elif m.group(2) == "thousand":
        mult = 1000
    try:
        return round(float(m.group(1)) * mult)
    except ValueError:
        return None


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
        if digits and not allow_years and re.fullmatch(r"(?:1[89]|20)\d\d", digits) and "," not in digits:
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
    return out


_ZERO_RE = re.compile(r"\b(?:no|none|zero|nobody|no\s+one|not\s+a\s+single)\b", re.IGNORECASE)


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
