"""How a prediction is compared with a gold label: places, names, summary phrases and numbers.

Kept independent of the pipeline's own normalizers on purpose: an evaluation that used the code
under test to decide what counts as a match could not catch that code's mistakes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ..lazyre import lazy_compile

# Everyday names pycountry does not know (keys are folded: see `fold`).
_COUNTRY_ALIASES: dict[str, str] = {
    "us": "USA",
    "usa": "USA",
    "america": "USA",
    "united states of america": "USA",
    "uk": "GBR",
    "britain": "GBR",
    "great britain": "GBR",
    "england": "GBR",
    "scotland": "GBR",
    "wales": "GBR",
    "northern ireland": "GBR",
    "holland": "NLD",
    "drc": "COD",
    "dr congo": "COD",
    "rdc": "COD",
    "congo kinshasa": "COD",
    "democratic republic of congo": "COD",
    "republique democratique du congo": "COD",
    "congo brazzaville": "COG",
    "prc": "CHN",
    "mainland china": "CHN",
    "russia": "RUS",
    "south korea": "KOR",
    "korea": "KOR",
    "north korea": "PRK",
    "ivory coast": "CIV",
    "cote d ivoire": "CIV",
    "burma": "MMR",
    "syria": "SYR",
    "iran": "IRN",
    "turkey": "TUR",
    "turkiye": "TUR",
    "vietnam": "VNM",
    "laos": "LAO",
    "bolivia": "BOL",
    "venezuela": "VEN",
    "tanzania": "TZA",
    "moldova": "MDA",
    "palestine": "PSE",
    "gaza": "PSE",
    "west bank": "PSE",
    "czech republic": "CZE",
    "east timor": "TLS",
    "swaziland": "SWZ",
    "macedonia": "MKD",
    "cape verde": "CPV",
    "vatican": "VAT",
    "micronesia": "FSM",
    "brunei": "BRN",
    "taiwan": "TWN",
    "kosovo": "XKX",
}

_ARTICLE = re.compile(r"^(the|a|an|la|le|les|el|los|las|l)\s+")


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form: 'The U.S.' -> 'the us', 'Huai'an' -> 'huai an'."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    stripped = re.sub(r"(?<=\b\w)\.(?=\w\b|\s|$)", "", stripped)  # U.S. -> US, D.R. -> DR
    return re.sub(r"[\W_]+", " ", stripped).strip()


def fold_place(text: str) -> str:
    """`fold` without a leading article ('The Netherlands' -> 'netherlands')."""
    return _ARTICLE.sub("", fold(text))


@lru_cache(maxsize=4096)
def country_code(name: str) -> str | None:
    """ISO alpha-3 code for a country name or alias, or None when unknown."""
    import pycountry

    key = fold_place(name)
    if not key:
        return None
    if key in _COUNTRY_ALIASES:
        return _COUNTRY_ALIASES[key]
    for candidate in (name.strip(), key, re.sub(r"^the\s+", "", name.strip(), flags=re.I)):
        try:
            found = pycountry.countries.lookup(candidate)
        except LookupError:
            continue
        return str(found.alpha_3)
    by_name = _country_names()
    return by_name.get(key)


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Folded name / official name / common name -> alpha-3 (for accents and articles)."""
    import pycountry

    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if not value:
                continue
            name = str(value)
            out.setdefault(fold_place(name), str(c.alpha_3))
            if (
                ", " in name
            ):  # "Congo, The Democratic Republic of the" -> "The Democratic Republic of the Congo"
                head, tail = name.split(", ", 1)
                out.setdefault(fold_place(f"{tail} {head}"), str(c.alpha_3))
    return out


def same_country(predicted: str, gold: str) -> bool:
    a, b = country_code(predicted), country_code(gold)
    if a is not None and b is not None:
        return a == b
    return fold_place(predicted) == fold_place(gold)


def same_place(predicted: str, gold: str) -> bool:
    """City/venue match: equal after folding, ignoring a leading article."""
    return fold_place(predicted) == fold_place(gold)


def same_venue(predicted: str, gold: str) -> bool:
    """Venue match: the gold name, folded, appears as whole words in the (often wordier) prediction:
    'the Sahal Palace Hotel in Mogadishu' matches 'Sahal Palace Hotel'; 'a hotel' does not."""
    p, g = fold_place(predicted), fold_place(gold)
    return bool(g) and f" {g} " in f" {p} "


def place_matches(
    predicted: str | None, gold: Iterable[str | None], *, country: bool = False, venue: bool = False
) -> bool:
    """True when the prediction is one of the acceptable gold values (None = 'no value' is acceptable)."""
    test = same_country if country else same_venue if venue else same_place
    for option in gold:
        if option is None:
            if predicted is None or not predicted.strip():
                return True
        elif predicted is not None and test(predicted, option):
            return True
    return False


# --------------------------------------------------------------------------------------------------
# names: perpetrators and claimants
# --------------------------------------------------------------------------------------------------

NAME_THRESHOLD = 90.0
_GLOSS = lazy_compile(r"\[[^\]]*\]")


def name_matches(predicted: str, gold: str, threshold: float = NAME_THRESHOLD) -> bool:
    """Fuzzy name match (rapidfuzz). Short names (< 5 characters, e.g. 'IS') must match exactly.

    ``token_set_ratio`` scores 100 when one name's words are a subset of the other's, so
    'suspected al-Shabaab militants' matches 'al-Shabaab'; ``ratio`` catches spelling variants
    ('al-Shabab' / 'al-Shabaab').
    """
    from rapidfuzz import fuzz

    if "[" in predicted or "[" in gold:
        # a bracketed gloss is the translator's, not part of the name: "THE FMLN [FARABUNDO MARTI
        # NATIONAL LIBERATION MOVEMENT]" names the FMLN
        bare_p, bare_g = _GLOSS.sub(" ", predicted), _GLOSS.sub(" ", gold)
        if (bare_p, bare_g) != (predicted, gold) and name_matches(bare_p, bare_g, threshold):
            return True
    a, b = fold_place(predicted), fold_place(gold)
    if not a or not b:
        return False
    if a == b:
        return True
    if min(len(a.replace(" ", "")), len(b.replace(" ", ""))) < 5:
        return False
    return fuzz.token_set_ratio(a, b) >= threshold or fuzz.ratio(a, b) >= threshold


def any_name_matches(predicted: Iterable[str], gold: Iterable[str]) -> bool:
    gold_list = list(gold)
    return any(name_matches(p, g) for p in predicted for g in gold_list)


# --------------------------------------------------------------------------------------------------
# summary phrases
# --------------------------------------------------------------------------------------------------


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    """Numbers match whole numbers only ('4' is not in '14' or '4,000'); words match at a word start
    and as a prefix ('derail' matches 'derailed', 'man' does not match 'woman')."""
    folded = re.sub(r"\s+", " ", _fold_keep_punct(phrase).strip())
    body = re.escape(folded).replace(r"\ ", r"\s+")
    start = r"(?<![\w])" if folded[:1].isalnum() else ""
    end = ""
    if folded[-1:].isdigit():
        end = r"(?![\d]|[.,]\d)"
    if folded[:1].isdigit():
        start = r"(?<![\d.,\w])"
    return re.compile(start + body + end)


def _fold_keep_punct(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    out = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return out.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")


def contains_phrase(text: str, phrase: str) -> bool:
    if not phrase.strip():
        return True
    return _phrase_pattern(phrase).search(_fold_keep_punct(text)) is not None


# --------------------------------------------------------------------------------------------------
# numbers
# --------------------------------------------------------------------------------------------------

_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:st|nd|rd|th|s|am|pm)?(?![\w])", re.I)


def _with_digits(text: str) -> str:
    """Number words -> digits ('twenty-one' -> '21') with text2num; the text itself if it fails."""
    try:
        from text_to_num import alpha2digit

        return str(alpha2digit(text, "en", threshold=0))  # "two" too, not only 3 and up
    except Exception:  # text2num missing or choking on odd input: digits only
        return text


def numbers_in(text: str) -> set[Decimal]:
    """Every number written in the text, as digits or English number words."""
    out: set[Decimal] = set()
    for source in {text, _with_digits(text)}:
        for m in _NUMBER.finditer(source):
            whole = m.group(1).replace(",", "")
            raw = whole + ("." + m.group(2) if m.group(2) else "")
            try:
                out.add(Decimal(raw).normalize())
            except InvalidOperation:
                continue
    return out


_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_EXPR = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH})(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|{_MONTH}\s+(?P<y3>\d{{4}})"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))",
    re.I,
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _recent_day(m: re.Match[str], days: set[date]) -> bool:
    """Is the day of this date expression one of ``days`` (the week up to publication)? The month
    must agree too, and the year when one is written."""
    if m.group("id"):
        try:
            return date(int(m.group("iy")), int(m.group("im")), int(m.group("id"))) in days
        except ValueError:
            return False
    day = m.group("d1") or m.group("d2")
    month = _MONTHS.index((m.group("m1") or m.group("m2"))[:3].lower()) + 1
    year = m.group("y1") or m.group("y2")
    return any(d.day == int(day) and d.month == month and (year is None or d.year == int(year)) for d in days)


def unsupported_numbers(
    summary: str, article: str, *, title: str | None = None, published: date | None = None
) -> list[str]:
    """Numbers in the summary that the article (text or title) does not give.

    Dates resolved from the publication date ('on Friday' -> '17 October 2025') are allowed: the
    day (and year) of a date expression that falls in the week up to the publication date, and the
    publication year (or the one before) anywhere. 0 and 1 are never counted ('one person' for 'a
    man'). The checker's ``unsupported_number`` warning applies the same rule with its own code.
    """
    known = numbers_in(article + "\n" + (title or ""))
    days: set[date] = set()
    years: set[Decimal] = set()
    if published is not None:
        from datetime import timedelta

        days = {published - timedelta(days=k) for k in range(8)}
        years = {Decimal(published.year), Decimal(published.year - 1)}
    missing: set[Decimal] = set()
    rest: list[str] = []
    cursor = 0
    for m in _DATE_EXPR.finditer(summary):
        rest.append(summary[cursor : m.start()])
        cursor = m.end()
        recent = _recent_day(m, days) if m.group("d1") or m.group("d2") or m.group("id") else False
        for group in ("d1", "d2", "id", "y1", "y2", "y3", "iy"):
            raw = m.group(group)
            if raw is None:
                continue
            value = Decimal(int(raw))
            allowed = recent or ((group[0] == "y" or group == "iy") and value in years)
            if value not in known and not allowed:
                missing.add(value)
    rest.append(summary[cursor:])
    missing |= {n for n in numbers_in(" ".join(rest)) if n not in known and n not in years}
    return [format(n, "f") for n in sorted(missing) if n > 1]
