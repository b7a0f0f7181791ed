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
from .phrases import HUMAN_NOUNS, TARGET_NOUNS, TITLE_WORDS, Token, name_like, particle, tokens
from .text import Sentence

__all__ = ["victims"]

_ACT_NOUN = re.compile(
    r"\b(?:murder|assassination|killing|slaying|execution|kidnapping|kidnaping|abduction|disappearance|"
    r"death|shooting|wounding|attack|attempt|assassination\s+attempt|release|rescue)s?\s+(?:of|on|against)\s+",
    re.I,
)
_ACT_VERB = re.compile(
    r"\b(?:killed|murdered|assassinated|executed|slew|kidnapped|kidnaped|abducted|seized|shot|wounded|"
    r"killing|murdering|assassinating|kidnapping|abducting|wounding|"
    r"injured|attacked|gunned\s+down|shot\s+(?:and\s+(?:killed|wounded))|machinegunned)\s+",
    re.I,
)
_PASSIVE = re.compile(
    r"\s+(?:was|were|has\s+been|had\s+been|have\s+been)\s+(?:\w+\s+)?(?:killed|murdered|assassinated|"
    r"executed|kidnapped|kidnaped|abducted|shot|wounded|injured|attacked|gunned\s+down|found\s+dead)\b|"
    r"\s+died\b",
    re.I,
)
# "THEY ARE X, Y, AND Z", "THE DEAD WERE IDENTIFIED AS X AND Y", "THE OTHER VICTIM, X,"
_LIST_INTRO = re.compile(
    r"(?:\b(?:victims?|dead|deceased|hostages?|wounded|injured|kidnapped|killed|murdered|abducted)\s*"
    r"(?:were|was|are|is|have\s+been|has\s+been)\s*(?:identified\s+as\s+|named\s+as\s+)?|"
    r"\b(?:victims?|dead|deceased|hostages?)\s*(?::|,)\s*|"
    r"\b(?:was|were|been|is|are)\s+identified\s+as\s+|\bidentified\s+(?:only\s+)?as\s+|"
    r"\bthey\s+(?:are|were)\s+|\bincluding\s+)",
    re.I,
)
# the person the act was aimed at, who came out of it alive: "X EMERGED UNSCATHED FROM", "X ESCAPED"
_SURVIVED = re.compile(
    r"\s+(?:emerged|escaped|survived|was\s+unhurt|was\s+unharmed|came\s+out)\b",
    re.I,
)
_SKIP_BEFORE_NAME = frozenset({"THE", "A", "AN", "HIS", "HER", "THEIR", "FORMER", "LATE", "OF", "AND"})
MAX_NAME = 5


def _name_after(toks: list[Token], upper: bool) -> tuple[str | None, list[str], int, int]:
    """(name, title words, start, end) of the first name in ``toks`` after optional titles,
    bracketed glosses and an acronym before a title ("DAS [...] DIRECTOR GENERAL X Y")."""
    titles: list[str] = []
    i = 0
    while i < len(toks) and i < 14:
        word = toks[i].word
        if word == "OF" and i > 0 and toks[i - 1].word not in _SKIP_BEFORE_NAME:
            break  # "the son of X", "the mayor of Soacha": X is not who it befell
        if re.fullmatch(r"\d+-[A-Z]+-OLD", word):
            i += 1  # "4-month-old Elmer Antonio Alvarenga"
            continue
        if (
            word in TITLE_WORDS
            or word in _SKIP_BEFORE_NAME
            or (word in HUMAN_NOUNS and not word.endswith("S"))
        ):
            if word not in _SKIP_BEFORE_NAME:
                titles.append(toks[i].text.strip('"“”'))
            i += 1
            continue
        if toks[i].text in "[(":
            close = "]" if toks[i].text == "[" else ")"
            k = next((k for k in range(i + 1, min(len(toks), i + 12)) if toks[k].text == close), None)
            if k is None:
                break
            i = k + 1
            continue
        if (
            i + 1 < len(toks)
            and name_like(toks[i], upper)
            and (toks[i + 1].word in TITLE_WORDS or toks[i + 1].text == "[")
            and toks[i + 1].word not in _SKIP_BEFORE_NAME
        ):
            i += 1  # "DAS DIRECTOR ...", "FMLN [...] COMMANDER ...": the body the title belongs to
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
    if any(t.word in TARGET_NOUNS for t in run) or (i < len(toks) and toks[i].word in TARGET_NOUNS):
        return None, titles, 0, 0  # "attacked the La Eminencia farm": a place, not a person
    if len(run) < 2:
        return None, titles, 0, 0  # a surname alone ("Monsignor Romero") is too thin to report
    return " ".join(t.bare for t in run), titles, run[0].start, run[-1].end


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
    return " ".join(t.bare for t in run), run[0].start, run[-1].end


_SUSPECTS_BEFORE = re.compile(
    r"\b(?:suspects?|accused|arrested|captured|detained|perpetrators?|killers|murderers|assassins|"
    r"kidnappers|attackers|gunmen|warrants?)\b",
    re.I,
)


def _list_names(text: str, start: int, upper: bool) -> list[tuple[int, str, str | None]]:
    """The names of a list from ``start``: each comma, semicolon or "and" part that is a name;
    ages and origins between them ("X, 55, FROM SPAIN; Y, 52, ...") are passed over."""
    found: list[tuple[int, str, str | None]] = []
    rest = tokens(text, start, min(len(text), start + 300))
    part: list[Token] = []
    misses = 0
    for tok in [*rest, Token(".", len(text), len(text))]:
        last = tok.ends_sentence_part or tok.text == "."
        if tok.text in {",", ";"} or tok.word == "AND" or last:
            if last and tok.text != ".":  # "... LUIS ROSSI." ends the list and the name
                part.append(tok)
            name, titles, begin, _ = _name_after(part, upper)
            if name:
                found.append((begin, name, " ".join(titles).lower() or None))
                misses = 0
            elif part:
                misses += 1
            if last or misses >= 3:
                break
            part = []
            continue
        part.append(tok)
    return found


def name_list(text: str, start: int, upper: bool) -> list[str]:
    """The names of a list of people that starts at ``start``."""
    return [name for _, name, _ in _list_names(text, start, upper)]


def name_after_titles(text: str, start: int, upper: bool) -> str | None:
    """The person's name at ``start``, after any titles ("Judge X Y")."""
    name, _, _, _ = _name_after(tokens(text, start, min(len(text), start + 160)), upper)
    return name


def sentence_victims(text: str, upper: bool) -> list[tuple[str, str | None]]:
    """(name, description) of the victims named in one sentence, in text order."""
    found: list[tuple[int, str, str | None]] = []
    for pattern in (_ACT_NOUN, _ACT_VERB):
        for m in pattern.finditer(text):
            toks = tokens(text, m.end(), min(len(text), m.end() + 160))
            name, titles, start, _ = _name_after(toks, upper)
            if name:
                found.append((start, name, " ".join(titles).lower() or None))
    for m in _LIST_INTRO.finditer(text):
        if _SUSPECTS_BEFORE.search(text[max(0, m.start() - 80) : m.start()]):
            continue  # "the suspects, who were identified as ...": not victims
        found.extend((s, n, d) for s, n, d in _list_names(text, m.end(), upper))
    for m in (*_PASSIVE.finditer(text), *_SURVIVED.finditer(text)):
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
    for index, text, background in ctx.incident_window(event):
        if background:
            continue
        for name, description in sentence_victims(text, ctx.wire):
            key = name.upper()
            if any(key in s or s in key for s in seen):
                continue
            seen.add(key)
            out.append(DraftVictim(name=name, description=description, quote=ctx.by_index[index].text))
    return out[:6]
