"""Victims named in the sentences that report the main event.

A victim is a person's name (two to five name words, with Spanish-style particles such as *de*,
*del*, *y*) next to an act that befell them:

* after the act's noun: "the murder of presidential candidate Luis Carlos Galan", "the kidnapping
  of X", "the assassination attempt against X";
* after its verb: "gunmen killed Mayor X", "kidnapped X", "shot and wounded X";
* before its passive: "X was shot dead", "X, a union leader, was kidnapped".

Titles and descriptions before the name ("presidential candidate", "Jesuit priest", "Colonel")
become the victim's description. Groups ("six peasants") are not named victims.
"""

from __future__ import annotations

import re

from ...schema import DraftVictim
from .context import Context
from .phrases import TARGET_NOUNS, TITLE_WORDS, Token, name_like, particle, tokens
from .text import Sentence

__all__ = ["victims"]

_ACT_NOUN = re.compile(
    r"\b(?:murder|assassination|killing|slaying|execution|kidnapping|kidnaping|abduction|disappearance|"
    r"death|shooting|wounding|attack|attempt|assassination\s+attempt)s?\s+(?:of|on|against)\s+",
    re.I,
)
_ACT_VERB = re.compile(
    r"\b(?:killed|murdered|assassinated|executed|slew|kidnapped|kidnaped|abducted|seized|shot|wounded|"
    r"injured|attacked|gunned\s+down|shot\s+(?:and\s+(?:killed|wounded))|machinegunned)\s+",
    re.I,
)
_PASSIVE = re.compile(
    r"\s+(?:was|were|has\s+been|had\s+been|have\s+been)\s+(?:\w+\s+)?(?:killed|murdered|assassinated|"
    r"executed|kidnapped|kidnaped|abducted|shot|wounded|injured|attacked|gunned\s+down|found\s+dead)\b",
    re.I,
)
_SKIP_BEFORE_NAME = frozenset({"THE", "A", "AN", "HIS", "HER", "THEIR", "FORMER", "LATE", "OF", "AND"})
MAX_NAME = 5


def _name_after(toks: list[Token], upper: bool) -> tuple[str | None, list[str], int, int]:
    """(name, title words, start, end) of the first name in ``toks`` after optional titles."""
    titles: list[str] = []
    i = 0
    while i < len(toks) and i < 8:
        word = toks[i].word
        if word in TITLE_WORDS or word in _SKIP_BEFORE_NAME:
            if word not in _SKIP_BEFORE_NAME:
                titles.append(toks[i].text.strip('"“”'))
            i += 1
            continue
        break
    run: list[Token] = []
    while i < len(toks) and len(run) < MAX_NAME:
        t = toks[i]
        if name_like(t, upper) or (run and particle(t) and _name_follows(toks, i + 1, upper)):
            run.append(t)
            i += 1
            if t.ends_sentence_part:
                break
            continue
        break
    while run and particle(run[-1]):
        run.pop()
    if any(t.word in TARGET_NOUNS for t in run):
        return None, titles, 0, 0  # "attacked the La Eminencia farm": a place, not a person
    if len(run) < 2:
        return None, titles, 0, 0  # a surname alone ("Monsignor Romero") is too thin to report
    return " ".join(t.text.strip('"“”').rstrip(".,") for t in run), titles, run[0].start, run[-1].end


def _name_follows(toks: list[Token], i: int, upper: bool) -> bool:
    while i < len(toks) and particle(toks[i]):
        i += 1
    return i < len(toks) and name_like(toks[i], upper)


def _name_before(toks: list[Token], upper: bool) -> tuple[str | None, int, int]:
    """The name that ends right before the passive verb (an appositive between commas is skipped)."""
    j = len(toks) - 1
    if j >= 0 and toks[j].text == ",":
        # "X, A UNION LEADER, WAS KILLED": jump back over the appositive
        k = j - 1
        while k >= 0 and toks[k].text != "," and j - k < 14:
            k -= 1
        if k >= 0 and toks[k].text == ",":
            j = k - 1
    run: list[Token] = []
    while j >= 0 and len(run) < MAX_NAME:
        t = toks[j]
        if (
            name_like(t, upper)
            or (run and particle(t) and j > 0 and name_like(toks[j - 1], upper))
            or (run and particle(t) and j > 0 and particle(toks[j - 1]))
        ):
            run.insert(0, t)
            j -= 1
            continue
        break
    while run and particle(run[0]):
        run.pop(0)
    if len(run) < 2 or any(t.word in TARGET_NOUNS for t in run):
        return None, 0, 0
    return " ".join(t.text.strip('"“”').rstrip(".,") for t in run), run[0].start, run[-1].end


def sentence_victims(text: str, upper: bool) -> list[tuple[str, str | None]]:
    """(name, description) of the victims named in one sentence, in text order."""
    found: list[tuple[int, str, str | None]] = []
    for pattern in (_ACT_NOUN, _ACT_VERB):
        for m in pattern.finditer(text):
            toks = tokens(text, m.end(), min(len(text), m.end() + 160))
            name, titles, start, _ = _name_after(toks, upper)
            if name:
                found.append((start, name, " ".join(titles).lower() or None))
    for m in _PASSIVE.finditer(text):
        toks = tokens(text, max(0, m.start() - 160), m.start())
        name, start, _ = _name_before(toks, upper)
        if name:
            found.append((max(0, m.start() - 160) + start, name, None))
    out: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    for _, name, description in sorted(found):
        key = name.upper()
        if any(key in s or s in key for s in seen):
            continue
        seen.add(key)
        out.append((name, description))
    return out


def victims(ctx: Context, event: Sentence | None) -> list[DraftVictim]:
    """Up to six named victims in the event's window (background sentences left out); a name
    that is a place of the article ("San Salvador") is none."""
    out: list[DraftVictim] = []
    seen: set[str] = {p.text.upper() for p in ctx.places if " " in p.text}
    for index, text, background in ctx.event_window(event):
        if background:
            continue
        for name, description in sentence_victims(text, ctx.wire):
            key = name.upper()
            if any(key in s or s in key for s in seen):
                continue
            seen.add(key)
            out.append(DraftVictim(name=name, description=description, quote=ctx.by_index[index].text))
    return out[:6]
