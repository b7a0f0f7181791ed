"""A deliberately small reader for Spanish and French casualty figures.

The rules engine reads English; for Spanish and French wire copy it still picks up the toll
("al menos 18 muertos", "au moins 31 civils tués", "72 heridos", "plus d'une centaine de
blessés" is vague and skipped) and a category word, and the draft always carries an
uncertainty saying the article was not read in full. Number words go through ``text2num``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

from ...lazyre import lazy_compile
from ...schema import Category, Draft, DraftCount, DraftItem, DraftLocation, Qualifier
from .context import Context
from .location import location
from .text import Sentence

__all__ = ["ForeignCount", "foreign_category", "foreign_counts", "foreign_draft"]

_QUALIFIERS: dict[str, dict[str, Qualifier]] = {
    "es": {
        "al menos": Qualifier.at_least,
        "por lo menos": Qualifier.at_least,
        "como mínimo": Qualifier.at_least,
        "más de": Qualifier.more_than,
        "cerca de": Qualifier.about,
        "alrededor de": Qualifier.about,
        "unos": Qualifier.about,
        "unas": Qualifier.about,
        "aproximadamente": Qualifier.about,
        "casi": Qualifier.about,
        "hasta": Qualifier.up_to,
    },
    "fr": {
        "au moins": Qualifier.at_least,
        "plus de": Qualifier.more_than,
        "environ": Qualifier.about,
        "près de": Qualifier.about,
        "quelque": Qualifier.about,
        "une dizaine de": Qualifier.about,
        "jusqu'à": Qualifier.up_to,
    },
}
_ROLE_WORDS: dict[str, list[tuple[str, str]]] = {
    "es": [
        (
            "killed",
            r"muert[oa]s|fallecid[oa]s|murieron|fallecieron|perdieron\s+la\s+vida|víctimas\s+mortales|asesinad[oa]s",
        ),
        ("injured", r"herid[oa]s|lesionad[oa]s|resultaron\s+herid[oa]s"),
        ("missing", r"desaparecid[oa]s"),
    ],
    "fr": [
        (
            "killed",
            r"morts?|tué(?:e|s|es)?|décès|décédé(?:e|s|es)?|ont\s+péri|ont\s+trouvé\s+la\s+mort|victimes",
        ),
        ("injured", r"blessé(?:e|s|es)?"),
        ("missing", r"disparu(?:e|s|es)?"),
    ],
}
_WORDS = {
    "es": "un uno una dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis "
    "diecisiete dieciocho diecinueve veinte veintiuno veintidós veintitrés veinticuatro veinticinco treinta "
    "cuarenta cincuenta sesenta setenta ochenta noventa cien ciento doscientos trescientos",
    "fr": "un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize "
    "dix-sept dix-huit dix-neuf vingt trente quarante cinquante soixante soixante-dix quatre-vingt "
    "quatre-vingts quatre-vingt-dix cent cents",
}


@lru_cache(maxsize=4)
def _num(lang: str) -> str:
    words = "|".join(sorted(_WORDS[lang].split(), key=len, reverse=True))
    return rf"\d[\d.,]*\d|\d|(?:{words})(?:[-\s](?:(?:y|et)\s+)?(?:{words}))*"


@dataclass(frozen=True)
class ForeignCount:
    role: str
    value: int
    qualifier: Qualifier
    as_stated: str
    start: int


_UPDATE = {
    "es": r"(?:sube|subió|asciende|ascendió|aumenta|aumentó|eleva|elevó|llega|llegó)\s+a",
    "fr": r"(?:s'élève|passe|atteint|grimpe)\s+(?:à|a)",
}


@lru_cache(maxsize=4)
def _pattern(lang: str) -> re.Pattern[str]:
    quals = "|".join(
        re.escape(q).replace(r"\ ", r"\s+") for q in sorted(_QUALIFIERS[lang], key=len, reverse=True)
    )
    roles = "|".join(f"(?P<{r}>{w})" for r, w in _ROLE_WORDS[lang])
    return re.compile(
        rf"(?P<qual>\b(?:{quals})\s+)?(?:otr[oa]s\s+)?(?P<num>\b(?:{_num(lang)}))\b\s+(?:[\wà-ÿ'’-]+\s+){{0,3}}?"
        rf"(?:{roles})\b"
        rf"|\b(?:{_UPDATE[lang]})\s+(?P<num2>{_num(lang)})\b",
        re.IGNORECASE,
    )


_APPROX = {
    "dizaine": 10,
    "douzaine": 12,
    "quinzaine": 15,
    "vingtaine": 20,
    "trentaine": 30,
    "quarantaine": 40,
    "cinquantaine": 50,
    "centaine": 100,
    "decena": 10,
    "veintena": 20,
    "treintena": 30,
    "centenar": 100,
}
_APPROX_RE = lazy_compile(
    r"(?P<qual>\b(?:plus\s+d['’]|más\s+de\s+)?)\b(?:une|una|un)\s+(?P<word>"
    + "|".join(_APPROX)
    + r")\s+(?:de\s+)?(?:[\wà-ÿ'’-]+\s+){0,2}?(?P<role>blessé(?:e|s|es)?|herid[oa]s|morts?|tué(?:e|s|es)?|muert[oa]s)\b",
    re.IGNORECASE,
)


def _value(raw: str, lang: str) -> int | None:
    raw = raw.strip().lower()
    if re.fullmatch(r"[\d.,\s]+", raw):
        digits = re.sub(r"[.,\s]", "", raw)
        return int(digits) if digits.isdigit() and len(digits) < 7 else None
    words = raw.split()
    while words:
        try:
            return int(text2num(" ".join(words), lang))
        except ValueError:
            words = words[1:]  # "personas cuatro" -> keep the tail that is a number
    return None


def foreign_counts(text: str, lang: str) -> list[ForeignCount]:
    if lang not in _QUALIFIERS:
        return []
    out: list[ForeignCount] = []
    approx_spans = []
    for a in _APPROX_RE.finditer(text):
        role = "injured" if re.match(r"bless|herid", a.group("role"), re.I) else "killed"
        qual = Qualifier.more_than if a.group("qual").strip() else Qualifier.about
        out.append(
            ForeignCount(
                role, _APPROX[a.group("word").lower()], qual, re.sub(r"\s+", " ", a.group(0)), a.start()
            )
        )
        approx_spans.append((a.start(), a.end()))
    for m in _pattern(lang).finditer(text):
        if any(x <= m.start() < y for x, y in approx_spans):
            continue
        raw = m.group("num") or m.group("num2")
        value = _value(raw, lang)
        if value is None or (1900 <= value <= 2100):
            continue
        if m.group("num2"):
            # "sube a cuatro la cifra de fallecidos", "el número de heridos a 72"
            window = text[max(0, m.start() - 80) : m.end() + 40]
            found = next(
                (r for r, w in _ROLE_WORDS[lang] if re.search(rf"\b(?:{w})\b", window, re.IGNORECASE)), None
            )
            if found is None:
                continue
            role = found
        else:
            role = next(r for r, _ in _ROLE_WORDS[lang] if m.group(r))
        qual = Qualifier.exact
        if m.group("qual"):
            key = re.sub(r"\s+", " ", m.group("qual").strip().lower())
            qual = _QUALIFIERS[lang].get(key, Qualifier.exact)
        out.append(ForeignCount(role, value, qual, re.sub(r"\s+", " ", m.group(0)), m.start()))
    return out


_CATEGORY: dict[str, list[tuple[Category, str, str]]] = {
    "es": [
        (Category.violent_attack, "armed attack", r"\b(?:ataque|atentado|asalto|emboscada|tiroteo|bomba)\b"),
        (
            Category.civil_unrest,
            "protest clashes",
            r"\b(?:protesta|manifestantes|enfrentamientos|disturbios)\b",
        ),
        (
            Category.accident,
            "bus crash",
            r"\b(?:bus|autob[uú]s|[oó]mnibus)\b[^.]{0,80}\b(?:ca[ií]da|abismo|volc[oó]|accidente)",
        ),
        (Category.accident, "accident", r"\b(?:accidente|choque|naufragio|descarril)"),
        (
            Category.natural_disaster,
            "flood",
            r"\b(?:inundaci[oó]n|terremoto|sismo|deslizamiento|hurac[aá]n)\b",
        ),
        (Category.fire, "fire", r"\b(?:incendio)\b"),
    ],
    "fr": [
        (
            Category.violent_attack,
            "armed attack",
            r"\b(?:attaque|attentat|embuscade|fusillade|assaillants|jihadistes)\b",
        ),
        (
            Category.civil_unrest,
            "protest clashes",
            r"\b(?:manifestation|manifestants|affrontements|émeutes)\b",
        ),
        (Category.accident, "boat capsizing", r"\b(?:naufrage|chavir)"),
        (Category.accident, "accident", r"\b(?:accident|collision|déraill)"),
        (
            Category.natural_disaster,
            "flood",
            r"\b(?:inondations?|séisme|tremblement\s+de\s+terre|glissement)\b",
        ),
        (Category.fire, "fire", r"\b(?:incendie)\b"),
    ],
}


def foreign_category(text: str, lang: str) -> tuple[Category | None, str | None]:
    for category, subtype, pattern in _CATEGORY.get(lang, []):
        if re.search(pattern, text, re.IGNORECASE):
            return category, subtype
    return None, None


def _lead_counts(ctx: Context, lead: list[Sentence]) -> dict[str, DraftCount]:
    counts: dict[str, DraftCount] = {}
    for s in lead:
        for c in foreign_counts(s.text, ctx.article.language):
            if c.role not in counts or c.value > counts[c.role].value:
                counts[c.role] = DraftCount(
                    value=c.value, qualifier=c.qualifier, as_stated=c.as_stated, quote=s.text
                )
    return counts


_LANGUAGE_NAMES = {"es": "Spanish", "fr": "French"}


def _foreign_summary(
    counts: dict[str, DraftCount], where: DraftLocation | None, subtype: str | None, language: str
) -> str:
    """An English summary of a Spanish or French report: English words only, and the article's own
    words for the figures, quoted as its words ('the Spanish article gives "cuatro fallecidos"
    (killed)'), never a foreign number word inside an English sentence ("Cuatro people were killed")."""
    place = ""
    if where is not None:
        place = " in " + ", ".join(dict.fromkeys(x for x in (where.city, where.country) if x))
    what = subtype or "incident"
    article = "" if re.search(r"[^s]s$", what) else ("an " if what[0] in "aeiou" else "a ")
    said = [role for role in ("killed", "injured") if role in counts]
    opening = {
        ("killed", "injured"): "Deaths and injuries were reported",
        ("killed",): "Deaths were reported",
        ("injured",): "Injuries were reported",
    }.get(tuple(said), "An incident was reported")
    summary = f"{opening} in {article}{what}{place}."
    language_name = _LANGUAGE_NAMES.get(language, "non-English")
    if said:
        figures = " and ".join(f'"{counts[role].as_stated}" ({role})' for role in said)
        summary += f" The {language_name} article gives {figures}."
    return (
        summary
        + " The rules engine reads English only; the figures were read with a small lexicon and need checking."
    )


def foreign_draft(ctx: Context, english_says_incident: bool) -> Draft:
    """Spanish or French: only the toll, category and place, read with a small lexicon."""
    art = ctx.article
    lead = ctx.lead or ctx.usable[:5]
    first_usable = next((s for s in ctx.usable if not s.title), ctx.usable[0] if ctx.usable else None)
    uncertainties: list[DraftItem] = []
    if first_usable is not None:
        uncertainties.append(
            DraftItem(
                text=f"The rules engine reads English only; this article appears to be in '{art.language}', "
                "so its facts were not extracted.",
                quote=first_usable.text,
            )
        )
    counts = _lead_counts(ctx, lead)
    is_incident = english_says_incident or "killed" in counts or "injured" in counts
    category, subtype = foreign_category(" ".join(s.text for s in lead), art.language)
    if not is_incident:
        first = next((s for s in lead if not s.title), lead[0] if lead else None)
        return Draft(
            is_incident=False,
            uncertainties=uncertainties,
            summary=first.text.strip() if first is not None else "",
        )
    event = next(
        (s for s in lead if any(c.quote == s.text for c in counts.values())), lead[0] if lead else None
    )
    where = location(ctx, event, lead)
    summary = _foreign_summary(counts, where, subtype, art.language)
    return Draft(
        is_incident=True,
        category=category or Category.other,
        subtype=subtype,
        location=where,
        killed=counts.get("killed"),
        injured=counts.get("injured"),
        missing=counts.get("missing"),
        uncertainties=uncertainties,
        summary=summary,
    )
