"""Loaded language in summaries: find it, and clean it out without breaking the sentence.

No PyPI package offers a lexicon of *loaded* news language (sentiment lexicons such as AFINN score
"killed" and "attack" as negative, which a neutral incident summary must still say), so the project
keeps its own, small and reviewable, in four groups:

* ``EMOTIVE``: adjectives and adverbs that judge rather than describe ("horrific", "senseless",
  "cowardly", "heartbreaking"); cleaning deletes them (with a dangling "and"/comma).
* ``INTENSIFIERS``: "utterly", "incredibly", ...; deleted.
* ``LOADED_NOUNS_VERBS``: words with a neutral equivalent ("massacre" -> "killing",
  "slaughtered" -> "killed", "carnage" -> "violence"); replaced.
* ``TERROR_FRAMING``: "terrorist", "terror attack", "terrorists". Decision: the summary may
  report that someone *called* it terrorism, but must not call it so itself. The words are fine
  inside quotation marks or right after an attribution ("described as", "called it", "labelled",
  "what police called"); otherwise they are flagged and neutralised ("terrorist attack" ->
  "attack", "terrorists" -> "attackers").

The same rule covers "massacre": inside quotation marks (a quoted official's word) it is not
flagged. Matching is word-boundary and case-insensitive, so upper-case text is covered.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from .errors import SummarizerError
from .lazyre import lazy_compile
from .schema import Neutrality, ReportWarning

__all__ = [
    "EMOTIVE",
    "INTENSIFIERS",
    "LOADED_NOUNS_VERBS",
    "NeutralizedSummary",
    "Reviser",
    "clean_summary",
    "find_loaded_terms",
    "neutralize_summary",
]

EMOTIVE: frozenset[str] = frozenset(
    [
        "horrific",
        "horrifying",
        "horrendous",
        "heinous",
        "senseless",
        "cowardly",
        "barbaric",
        "barbarous",
        "brutal",
        "brutally",
        "tragic",
        "tragically",
        "devastating",
        "devastated",
        "heartbreaking",
        "heart-breaking",
        "heartbroken",
        "heart-wrenching",
        "shocking",
        "shocked",
        "catastrophic",
        "nightmarish",
        "gruesome",
        "grisly",
        "ghastly",
        "appalling",
        "atrocious",
        "monstrous",
        "vile",
        "evil",
        "despicable",
        "dastardly",
        "savage",
        "savagely",
        "unspeakable",
        "unimaginable",
        "unthinkable",
        "abhorrent",
        "outrageous",
        "disgraceful",
        "disgusting",
        "sickening",
        "harrowing",
        "chilling",
        "terrifying",
        "horrible",
        "terrible",
        "awful",
        "dreadful",
        "deplorable",
        "reprehensible",
        "inhumane",
        "bloodthirsty",
        "cold-blooded",
        "callous",
        "ruthless",
        "merciless",
        "vicious",
        "viciously",
        "wanton",
        "depraved",
        "fanatical",
        "heroic",
        "heroically",
        "innocent",
        "hapless",
        "unfortunate",
        "poor",
        "tragedy-stricken",
        "grief-stricken",
        "bloody",
        "deadliest-ever",
        "mindless",
        "sadistic",
        "diabolical",
        "infamous",
        "notorious",
        "hateful",
        "cruel",
        "senselessly",
    ]
)
INTENSIFIERS: frozenset[str] = frozenset(
    [
        "utterly",
        "incredibly",
        "unbelievably",
        "extremely",
        "horribly",
        "terribly",
        "absolutely",
        "truly",
        "deeply",
        "staggeringly",
        "shockingly",
        "sheer",
    ]
)
# word -> neutral replacement ("" deletes)
LOADED_NOUNS_VERBS: dict[str, str] = {
    "massacre": "killing",
    "massacres": "killings",
    "massacred": "killed",
    "slaughter": "killing",
    "slaughtered": "killed",
    "butchered": "killed",
    "butchery": "killing",
    "carnage": "violence",
    "bloodbath": "violence",
    "blood bath": "violence",
    "bloodshed": "violence",
    "atrocity": "attack",
    "atrocities": "attacks",
    "tragedy": "incident",
    "catastrophe": "disaster",
    "nightmare": "incident",
    "inferno": "fire",
    "mowed down": "killed",
    "gunned down": "shot",
    "rampage": "attack",
    "thugs": "attackers",
    "fanatics": "attackers",
    "savages": "attackers",
    "monsters": "attackers",
    "martyrs": "victims",
    "martyred": "killed",
    "slain": "killed",
    "perished": "died",
}
TERROR_FRAMING: dict[str, str] = {
    "terrorist attack": "attack",
    "terror attack": "attack",
    "terrorist attacks": "attacks",
    "terror attacks": "attacks",
    "act of terror": "attack",
    "act of terrorism": "attack",
    "terrorist act": "attack",
    "terrorist acts": "attacks",
    "terrorist action": "attack",
    "terrorist actions": "attacks",
    "terrorist activity": "attacks",
    "terrorist activities": "attacks",
    "terrorist operation": "attack",
    "terrorist operations": "attacks",
    "terrorist incident": "attack",
    "terrorist incidents": "attacks",
    "terrorists": "attackers",
    "terrorist": "attacker",
}
# "terrorist" before a noun is an adjective: "a terrorist group" is "an armed group", never "an
# attacker group"; before the name of an act, a state or a leader it goes ("terrorist bombings" ->
# "bombings")
_ARMED_NOUNS = frozenset(
    [
        "group",
        "groups",
        "organization",
        "organizations",
        "organisation",
        "organisations",
        "cell",
        "cells",
        "band",
        "bands",
        "network",
        "networks",
        "gang",
        "gangs",
        "front",
        "movement",
        "movements",
        "commando",
        "commandos",
        "squad",
        "squads",
        "unit",
        "units",
        "criminals",
        "delinquents",
        "element",
        "elements",
        "faction",
        "factions",
        "militia",
        "militias",
        "structure",
        "structures",
        "forces",
        "column",
        "columns",
    ]
)
_DROPPED_BEFORE = frozenset(
    [
        "attack",
        "attacks",
        "bombing",
        "bombings",
        "bomb",
        "bombs",
        "explosion",
        "explosions",
        "raid",
        "raids",
        "violence",
        "offensive",
        "offensives",
        "wave",
        "waves",
        "campaign",
        "campaigns",
        "plan",
        "plans",
        "plot",
        "plots",
        "threat",
        "threats",
        "boycott",
        "path",
        "war",
        "acts",
        "act",
        "aggression",
        "aggressions",
        "escalation",
        "actions",
        "state",
        "commander",
        "commanders",
        "leader",
        "leaders",
    ]
)
_NEXT_WORD = lazy_compile(r"\s+([A-Za-z]+)")


def _terrorist_before(rest: str) -> str:
    """The neutral word for an adjectival "terrorist", from the word after it."""
    nxt = _NEXT_WORD.match(rest)
    noun = nxt.group(1).lower() if nxt is not None else ""
    if noun in _ARMED_NOUNS:
        return "armed"
    if noun in _DROPPED_BEFORE:
        return ""
    return "attacker"


_ATTRIBUTION = lazy_compile(
    r"(?:\b(?:described|condemned|denounced|branded|labell?ed|called|termed|characteri[sz]ed)\s+(?:it\s+|the\s+\w+\s+)?"
    r"(?:as\s+)?(?:an?\s+|the\s+)?|\bwhat\s+(?:\w+\s+){1,4}(?:called|described\s+as|termed)\s+(?:an?\s+|the\s+)?"
    r"|\bso-called\s+|\balleged\s+|\bsuspected\s+)$",
    re.IGNORECASE,
)


def _phrase_pattern(words: list[str]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]?")
        for w in sorted(words, key=len, reverse=True)
    )


@lru_cache(maxsize=1)
def _term_re() -> re.Pattern[str]:
    words = list(EMOTIVE | INTENSIFIERS) + list(LOADED_NOUNS_VERBS) + list(TERROR_FRAMING)
    return re.compile(rf"(?<![\w-])(?:{_phrase_pattern(words)})(?![\w-])", re.IGNORECASE)


_DOUBLE_QUOTED = lazy_compile(r"[\"“][^\"“”]{1,300}[\"”]")
_SINGLE_QUOTED = lazy_compile(r"(?<!\w)[‘'][^‘’']{1,200}[’'](?!\w)")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in _DOUBLE_QUOTED.finditer(text)]
    spans += [(m.start(), m.end()) for m in _SINGLE_QUOTED.finditer(text)]
    return spans


# Words that are loaded only in some uses: "poor" (poor village), "innocent" (pleaded innocent),
# "bloody" is fine in "Bloody Sunday", "infamous"/"notorious" read as judgement in a summary.
_BENIGN_CONTEXT: dict[str, re.Pattern[str]] = {
    "poor": lazy_compile(
        r"\bpoor\s+(?:weather|visibility|conditions|neighbou?rhood|areas?|districts?|families|"
        r"countr(?:y|ies)|households?|communit(?:y|ies)|health|maintenance|quality|roads?|"
        r"infrastructure|sanitation|construction)\b",
        re.I,
    ),
    "innocent": lazy_compile(r"\b(?:pleaded|pleads|found|plead)\s+innocent\b", re.I),
    "bloody": lazy_compile(r"\bbloody\s+(?:sunday|friday)\b", re.I),
    "evil": lazy_compile(r"\bthe\s+evil\s+eye\b", re.I),
}


def _loaded_matches(text: str) -> list[re.Match[str]]:
    quoted = _quoted_spans(text)
    out: list[re.Match[str]] = []
    for m in _term_re().finditer(text):
        word = re.sub(r"\s+", " ", m.group(0).lower())
        if any(a <= m.start() and m.end() <= b for a, b in quoted):
            continue  # a quoted word is attributed to its speaker
        benign = _BENIGN_CONTEXT.get(word)
        if benign is not None and any(b.start() <= m.start() < b.end() for b in benign.finditer(text)):
            continue
        if _is_framing(word) and _ATTRIBUTION.search(text[max(0, m.start() - 60) : m.start()]):
            continue
        out.append(m)
    return out


def _is_framing(word: str) -> bool:
    return "terror" in word or word in {"massacre", "massacres", "atrocity", "atrocities"}


def find_loaded_terms(text: str) -> list[str]:
    """Loaded words in ``text`` (lower case, in order, repeats kept); quoted/attributed uses are skipped."""
    return [re.sub(r"\s+", " ", m.group(0).lower()) for m in _loaded_matches(text)]


def clean_summary(text: str) -> str:
    """Delete emotive words and intensifiers, replace loaded nouns/verbs, keep the grammar intact.

    "A senseless and cowardly terrorist attack killed 12" -> "An attack killed 12";
    "a horrific massacre" -> "a killing"; an article before an edit is re-agreed ("a" / "an").
    """
    out: list[str] = []
    pos = 0
    matches = _loaded_matches(text)
    if not matches:
        return text
    for m in matches:
        out.append(text[pos : m.start()])
        word = re.sub(r"\s+", " ", m.group(0).lower())
        replacement = LOADED_NOUNS_VERBS.get(word, TERROR_FRAMING.get(word, ""))
        if word == "terrorist":
            replacement = _terrorist_before(text[m.end() :])
        if replacement and m.group(0).isupper() and len(m.group(0)) > 1:
            replacement = replacement.upper()
        elif replacement and m.group(0)[:1].isupper():
            replacement = replacement[:1].upper() + replacement[1:]
        out.append(_EDIT + replacement)
        pos = m.end()
    out.append(text[pos:])
    edited = _fix_articles("".join(out))
    return _tidy(edited.replace(_EDIT, ""), original=text)


_EDIT = "\x00"

Reviser = Callable[[str, list[str]], str]
"""(summary, loaded words) -> a rewritten summary; raises :class:`SummarizerError` on failure."""


@dataclass(frozen=True)
class NeutralizedSummary:
    """The neutrality step's result: the summary to keep, its verdict, and warnings to add."""

    summary: str
    neutrality: Neutrality
    warnings: list[ReportWarning] = field(default_factory=list)


def neutralize_summary(
    summary: str, revise: Reviser | None = None, *, terms: list[str] | None = None
) -> NeutralizedSummary:
    """Check ``summary`` for loaded words; if any, re-ask once through ``revise`` (when the engine
    can), then clean what is left. The verdict says what was done: reasked, cleaned or flagged.
    ``terms``: ``find_loaded_terms(summary)`` when the caller has it already (not scanned again)."""
    terms = find_loaded_terms(summary) if terms is None else terms
    if not terms:
        return NeutralizedSummary(summary, Neutrality(neutral=True))
    warnings: list[ReportWarning] = []
    action: Literal["none", "reasked", "cleaned", "flagged"] = "cleaned"
    if revise is not None:
        try:
            summary = revise(summary, terms) or summary
            action = "reasked"
        except SummarizerError as exc:
            warnings.append(ReportWarning(code="reask_failed", field="summary", message=str(exc)))
    remaining = find_loaded_terms(summary)
    if remaining:
        summary = clean_summary(summary)
        action = "cleaned"
        remaining = find_loaded_terms(summary)
    loaded = sorted(set(terms))
    neutrality = Neutrality(
        neutral=not remaining, loaded_terms=loaded, action="flagged" if remaining else action
    )
    warnings.append(
        ReportWarning(
            code="loaded_language",
            field="summary",
            message=f"loaded words in the engine's summary ({', '.join(loaded)}): {neutrality.action}",
        )
    )
    return NeutralizedSummary(summary, neutrality, warnings)


def _tidy(text: str, original: str) -> str:
    s = text
    # dangling coordinations left by deleted adjectives: "a  and  attack", "the , attack"
    for _ in range(3):
        s = re.sub(
            r"\b(an?|the|this|that|its|their|his|her)\s+(?:(?:and|or|but|,)\s+)+", r"\1 ", s, flags=re.I
        )
        s = re.sub(r"(?<=\s)(?:and|or)\s+(?=(?:and|or)\b)", "", s, flags=re.I)
        s = re.sub(r"\s+,", ",", s)
        s = re.sub(r",\s*,", ",", s)
        s = re.sub(r"[ \t]{2,}", " ", s)
    s = re.sub(r"(^|[.!?]\s+)(?:and|or|but)\s+(?=[A-Za-z])", r"\1", s)
    s = re.sub(r"\(\s*\)", "", s)
    s = re.sub(r"\s+([.,;:!?])", r"\1", s)
    s = re.sub(r"^[\s,]+", "", s)
    # sentence starts stay capitalised
    s = re.sub(r"(^|[.!?]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), s)
    return s.strip() if original.strip() == original else s


_SILENT_H = ("hour", "honest", "honor", "honour", "heir")
_YOU_SOUND = lazy_compile(r"^(?:uni|use|usu|eu|one|once|u\b)", re.I)
# an article, then (with at least one edit point among them) deleted words' leftovers, then a word
_ARTICLE_BEFORE_EDIT = lazy_compile(
    r"\b(an?)(\s*(?:(?:and|or|,)\s*)*"
    + _EDIT
    + r"(?:\s*(?:and|or|,)\s*|\s*"
    + _EDIT
    + r")*\s*)([A-Za-z][\w-]*)",
    re.IGNORECASE,
)


def _fix_articles(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        article, gap, word = m.group(1), m.group(2), m.group(3)
        low = word.lower()
        vowel = (low[:1] in "aeiou" and not _YOU_SOUND.match(low)) or low.startswith(_SILENT_H)
        want = "an" if vowel else "a"
        if article.isupper() and (len(article) > 1 or word.isupper()):
            want = want.upper()
        elif article[:1].isupper():
            want = want.capitalize()
        return want + gap + word

    return _ARTICLE_BEFORE_EDIT.sub(repl, text)
