"""Victims named in the sentences that report the main event.

A victim is a person's name (two to five name words, with Spanish-style particles such as *de*,
*del*, *y*) next to an act that befell them:

* after the act's noun: "the murder of presidential candidate Luis Carlos Galan", "the kidnapping
  of X", "the assassination attempt against X";
* after its verb: "gunmen killed Mayor X", "kidnapped X", "shot and wounded X";
* before its passive: "X was shot dead", "X, a union leader, was kidnapped", "X, 72, who was
  working at the station, was killed" (two appositives);
* before the act's noun, in the possessive: "Senator X's murder";
* as the owner of the home or office attacked: "the attack on the residence of Senator X".

Names joined to the first after the act form a list ("killing X, 42; Y, 19; and Z", "X, along
with Mrs Y"), ages and short descriptions between them passed over.

Titles and descriptions before the name ("presidential candidate", "Jesuit priest", "Colonel")
become the victim's description. Groups ("six peasants") are not named victims.
"""

from __future__ import annotations

import re

from ...lazyre import lazy_compile
from ...normalize.dates import find_date_phrases
from ...schema import DraftCount, DraftDate, DraftVictim, Qualifier
from .context import SEPARATE, Context
from .phrases import (
    FUNCTION_WORDS,
    HUMAN_NOUNS,
    NUMBER_WORDS,
    TARGET_NOUNS,
    TITLE_WORDS,
    Token,
    name_like,
    particle,
    tokens,
)
from .targets import sentence_targets
from .text import Sentence
from .wire import act_sentence

__all__ = ["named_toll", "victims"]

_ACT_NOUN = lazy_compile(
    r"\b(?:murder|assassination|killing|slaying|execution|kidnapping|kidnaping|abduction|disappearance|"
    r"death|shooting|wounding|attack|attempt|assassination\s+attempt|release|rescue|massacre)s?\s+(?:of|on|against)\s+",
    re.I,
)
_ACT_VERB = lazy_compile(
    r"\b(?:killed|murdered|assassinated|executed|slew|kidnapped|kidnaped|abducted|seized|shot|wounded|"
    r"killing|murdering|assassinating|kidnapping|abducting|wounding|"
    r"injured|attacked|gunned\s+down|shot\s+(?:and\s+(?:killed|wounded))|machinegunned|"
    # a kidnapping's victim is also the one freed or still held: "rescued X", "is holding X"
    r"rescued|released|freed|holding|still\s+holds?|"
    # shots aimed at someone, hostages taken: "FIRED AT PHOTOGRAPHERS X AND Y", "TAKING AS
    # HOSTAGES ENGINEERS X, Y, AND Z"
    r"(?:fired|shot|opened\s+fire)\s+(?:at|on)|(?:took|taking|take|takes|held|holding)\s+(?:as\s+)?hostages?|"
    r"ambushed)\s+",
    re.I,
)
_PASSIVE = lazy_compile(
    r"\s+(?:was|were|has\s+been|had\s+been|have\s+been)\s+(?:\w+\s+)?(?:killed|murdered|assassinated|"
    r"executed|kidnapped|kidnaped|abducted|shot|wounded|injured|attacked|gunned\s+down|found\s+dead)\b|"
    r"\s+died\b|"
    # a reduced relative after the name: "X AND Y, KIDNAPPED 11 DAYS AGO, WERE RESCUED"
    r",\s+(?:who\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+)?(?:kidnapped|kidnaped|abducted|murdered|assassinated|"
    r"killed|wounded|injured|shot|gunned\s+down|machinegunned)\b",
    re.I,
)
# the act told after the victim's possessive: "SENATOR X'S MURDER", "MAGISTRATE X'S ASSASSINATION"
_POSSESSIVE_ACT = lazy_compile(
    r"['’]s\s+(?:murder|assassination|killing|slaying|execution|kidnapping|kidnaping|abduction)\b", re.I
)
# "THEY ARE X, Y, AND Z", "THE DEAD WERE IDENTIFIED AS X AND Y", "THE OTHER VICTIM, X,"
_LIST_INTRO = lazy_compile(
    r"(?:\b(?:victims?|dead|deceased|hostages?|wounded|injured|kidnapped|killed|murdered|abducted)\s*"
    r"(?:here\s+|there\s+)?(?:were|was|are|is|have\s+been|has\s+been)\s*(?:identified\s+as\s+|named\s+as\s+)?|"
    # a list after the fate and a colon: "THE FOLLOWING POLICEMEN DIED IN COMBAT: MAJOR X, ..."
    r"\b(?:died|killed|murdered|wounded|injured|kidnapped|abducted)\b[^.:;]{0,40}:\s*|"
    r"\b(?:victims?|dead|deceased|hostages?)\s*(?::|,)\s*|"
    r"\b(?:was|were|been|is|are)\s+identified\s+as\s+|\bidentified\s+(?:only\s+)?as\s+|"
    r"\bthey\s+(?:are|were)\s+|\bincluding\s+)",
    re.I,
)
# a home, office or vehicle named by its owner: "RESIDENCE OF X", "FARM OWNED BY X"
_OWNED = lazy_compile(
    r"(?:[\w'-]+\s+){0,2}(?:home|homes|residence|house|office|offices|car|vehicle|farm|estate|ranch)\s+"
    r"(?:of|owned\s+by|belonging\s+to)\s+",
    re.I,
)
# the person the act was aimed at, who came out of it alive: "X EMERGED UNSCATHED FROM", "X ESCAPED"
_SURVIVED = lazy_compile(
    r"\s+(?:emerged|escaped|survived|was\s+unhurt|was\s+unharmed|came\s+out)\b",
    re.I,
)
_SKIP_BEFORE_NAME = frozenset({"THE", "A", "AN", "HIS", "HER", "THEIR", "FORMER", "LATE", "OF", "AND"})
MAX_NAME = 5
_DETERMINERS = frozenset({"THE", "A", "AN", "HIS", "HER", "THEIR"})


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
            or _plural_description(toks, i, upper)
        ):
            if word not in _SKIP_BEFORE_NAME:
                titles.append(toks[i].text.strip('"“”'))
            i += 1
            continue
        if (
            i + 1 < len(toks)
            and _modifier(toks[i])
            and toks[i + 1].word in HUMAN_NOUNS
            and not toks[i + 1].word.endswith("S")
        ):
            titles.append(toks[i].text.strip('"“”'))
            i += 1  # "THE YOUNG COUPLE, X AND Y": an adjective before the description
            continue
        if (
            toks[i].text == ","
            and titles
            and toks[0].word in _DETERMINERS
            and i + 1 < len(toks)
            and name_like(toks[i + 1], upper)
        ):
            # "KIDNAPPED THE YOUNG COUPLE, X AND Y": the names in apposition to the description (a
            # noun phrase with its determiner; "THE MURDERED DIPLOMAT, X, WAS" tells no act on X)
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
            and (name_like(toks[i], upper) or _modifier(toks[i]))
            and (
                toks[i + 1].word in TITLE_WORDS
                or toks[i + 1].text == "["
                or _plural_description(toks, i + 1, upper)
            )
            and toks[i + 1].word not in _SKIP_BEFORE_NAME
        ):
            i += 1  # "DAS DIRECTOR ...", "FMLN [...] COMMANDER ...": the body the title belongs to
            continue
        if (
            i + 2 < len(toks)
            and all(_modifier(t) for t in toks[i : i + 2])
            and toks[i + 2].word in TITLE_WORDS
            and toks[i + 2].word not in _SKIP_BEFORE_NAME
        ):
            i += 2  # "GOVERNMENT JUNTA MEMBER X": two words of the body before the title
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
    j = i  # "THE EL TRIUNFO CIVIL DEFENSE POST": plain words between the name and a target noun
    while j < len(toks) and j - i < 3 and _modifier(toks[j]) and toks[j].word not in TARGET_NOUNS:
        j += 1
    if any(t.word in TARGET_NOUNS for t in run) or (j < len(toks) and toks[j].word in TARGET_NOUNS):
        return None, titles, 0, 0  # "attacked the La Eminencia farm": a place, not a person
    if len(run) < 2:
        return None, titles, 0, 0  # a surname alone ("Monsignor Romero") is too thin to report
    return " ".join(t.bare for t in run), titles, run[0].start, run[-1].end


def _plural_description(toks: list[Token], i: int, upper: bool) -> bool:
    """A plural noun of people before a list of names ("PHOTOGRAPHERS X AND Y", "BRAZILIAN
    ENGINEERS X, Y"): a plain word in -ERS, -ORS, -ISTS or -ANS that no name ends like, followed
    by a name."""
    word = toks[i].word
    return (
        re.fullmatch(r"[A-Z]{3,}(?:ERS|ORS|ISTS|IANS|ANS)", word) is not None
        and not name_like(toks[i], upper)
        and i + 2 < len(toks)
        and name_like(toks[i + 1], upper)
        and name_like(toks[i + 2], upper)
    )


def _modifier(tok: Token) -> bool:
    """A word that can stand before a title as its modifier ("PRESIDENCY MINISTER", "TASS
    CORRESPONDENT"): a plain word that is no function word or number."""
    word = tok.word
    return (
        word.isalpha()
        and len(word) > 2
        and word not in FUNCTION_WORDS
        and word not in NUMBER_WORDS
        and word not in _SKIP_BEFORE_NAME
    )


def _name_follows(toks: list[Token], i: int, upper: bool) -> bool:
    while i < len(toks) and particle(toks[i]):
        i += 1
    return i < len(toks) and name_like(toks[i], upper)


def _name_before(toks: list[Token], upper: bool) -> tuple[str | None, int, int]:
    """The name that ends right before the passive verb (an appositive between commas is skipped)."""
    j = len(toks) - 1
    if j >= 1 and toks[j].word.isdigit() and toks[j - 1].text == ",":
        j -= 2  # "X, 30, WHO WAS KIDNAPPED": the age passed over
        toks = toks[: j + 1]
    if j >= 0 and toks[j].text == ",":
        direct = _name_before(toks[:j], upper)
        if direct[0] is not None:
            return direct  # "HER DAUGHTER, CELINA RAMOS, WERE KILLED": the name is the appositive
        # "X, A UNION LEADER, WAS KILLED": jump back over the appositive; "X, 72, WHO WAS WORKING
        # AT THE STATION, WAS KILLED": over two, the one next to the name an age or a description
        for jump in range(2):
            k = j - 1
            while k >= 0 and toks[k].text != "," and j - k < 20:
                k -= 1
            if k < 0 or toks[k].text != ",":
                break
            if jump and not _appositive(toks[k + 1 : j + 1]):
                break
            j = k - 1
            if j >= 0 and name_like(toks[j], upper):
                break
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


_APPOSITIVE_START = frozenset({"HIS", "HER", "THEIR", "A", "AN", "THE", "AS", "WHO", "AGED"})
_SEPARATORS = frozenset({",", ";"})


def _separator(tok: Token) -> bool:
    return tok.text in _SEPARATORS or tok.word == "AND"


def _appositive(part: list[Token]) -> bool:
    """A list part that describes the name next to it ("RECTOR OF THE UCA", "HIS WIFE", "72")."""
    head = part[0].word
    return len(part) <= 8 and (
        head in TITLE_WORDS or head in HUMAN_NOUNS or head in _APPOSITIVE_START or head.isdigit()
    )


def _names_before(toks: list[Token], upper: bool) -> list[tuple[str, int]]:
    """(name, start) of the names that end right before a passive verb: the nearest one, then the
    list it closes ("X, Y, AND Z WERE KILLED"; "JESUIT PRIESTS X, RECTOR OF THE UCA; Y, AND Z WERE
    KILLED"), passing over one appositive at a time."""
    name, start, _ = _name_before(toks, upper)
    if name is None:
        return []
    out = [(name, start)]
    k = next((i for i, t in enumerate(toks) if t.start == start), 0)
    while k > 0 and (
        toks[k - 1].word in TITLE_WORDS
        or toks[k - 1].word in HUMAN_NOUNS
        or (k < len(toks) and toks[k].word in TITLE_WORDS and _modifier(toks[k - 1]))
    ):
        k -= 1  # "MAYOR X AND MAYORAL CANDIDATE Y WERE KIDNAPPED": the titles of Y passed over
    skipped = 0
    while k > 0 and _separator(toks[k - 1]):
        k -= 1
        while k > 0 and _separator(toks[k - 1]):
            k -= 1  # ", AND"
        b = k
        while b > 0 and not _separator(toks[b - 1]):
            b -= 1
        part = toks[b:k]
        core = part
        if core and core[-1].text == ")":
            opening = next((i for i in range(len(core) - 1, -1, -1) if core[i].text == "("), None)
            core = core[:opening] if opening else core  # "SEGUNDO MONTES (SPANIARDS)"
        if not core:
            break
        found, _, begin, end = _name_after(core, upper)
        if found and end == core[-1].end:
            out.append((found, begin))
            skipped = 0
        elif (tail := _name_before(core, upper))[0] is not None and tail[2] == core[-1].end:
            out.append((str(tail[0]), tail[1]))  # "POLICE SAID X AND Y WERE KILLED": the list starts here
            break
        elif _appositive(core) and not skipped:
            skipped = 1
        else:
            break
        k = b
    return out


def person_before(toks: list[Token], upper: bool = True) -> str | None:
    """The person's name that ends ``toks`` (titles before it left out), if any."""
    name, _, end = _name_before(toks, upper)
    return name if name is not None and toks and end == toks[-1].end else None


_SUSPECTS_BEFORE = lazy_compile(
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


# words that join one more name to a list: "X, ALONG WITH MRS Y", "X AS WELL AS Y"
_LIST_JOINS = frozenset({("ALONG", "WITH"), ("TOGETHER", "WITH"), ("AS", "WELL")})


def _joined_names(toks: list[Token], end: int, upper: bool) -> list[tuple[int, str, str | None]]:
    """The names joined to the one that ends at ``end`` ("KIDNAPPED X AND Y", "THE MURDER OF X, Y,
    AND Z", "KILLING X, 42; Y, 19; AND Z"): each list part is a name (after titles only) or one
    appositive of the name before it (an age, "THE DEPARTMENTAL SECRETARY"); anything else ends
    the list."""
    out: list[tuple[int, str, str | None]] = []
    k = next((i for i, t in enumerate(toks) if t.end == end), len(toks)) + 1
    if k > len(toks) or toks[k - 1].ends_sentence_part:
        return out
    appositives = 0
    while k < len(toks) and _separator(toks[k]):
        while k < len(toks) and _separator(toks[k]):
            k += 1
        b = k
        while b < len(toks) and not _separator(toks[b]) and not toks[b].ends_sentence_part:
            b += 1
        part = toks[k : min(b + 1, len(toks))] if b < len(toks) and toks[b].ends_sentence_part else toks[k:b]
        if not part:
            break
        lead = 2 if len(part) > 2 and (part[0].word, part[1].word) in _LIST_JOINS else 0
        if lead == 2 and part[0].word == "AS":
            lead = 3 if len(part) > 3 and part[2].word == "AS" else 0
        name, titles, start, _ = _name_after(part[lead:], upper)
        before = [t for t in part[lead:] if t.start < start] if name else []
        if name and (
            not before
            or any(t.word in TITLE_WORDS for t in before)
            or all(t.word in HUMAN_NOUNS or t.word in _SKIP_BEFORE_NAME for t in before)
        ):
            out.append((start, name, " ".join(titles).lower() or None))
            appositives = 0
        elif _appositive(part) and appositives < 2:
            appositives += 1  # "X, 42; Y": the age or title of the name before
        else:
            break
        if b < len(toks) and toks[b].ends_sentence_part:
            break
        k = b
    return out


# the acts that kill the one they befall: "the murder of X", "killed X", "X was shot dead"; not an
# attempt ("the assassination attempt against X")
_KILLING = lazy_compile(
    r"^(?!.*\battempt)(?:.*\b(?:murder|murdered|murdering|assassinat\w*|killing|killed|slaying|slain|slew|"
    r"execution|executed|massacre|deaths?|died|dead|gunned\s+down|machinegunned))",
    re.I | re.S,
)
# the acts that hurt: "wounded X", "X was seriously injured", "the wounding of X"
_HURTING = lazy_compile(r"^(?!.*\battempt)(?:.*\b(?:wounded|wounding|injured|injuring))", re.I | re.S)
# "X WAS SHOT TO DEATH", "X WAS SHOT DEAD": the passive's verb was "shot"
_SHOT_DEAD = lazy_compile(r"\s+(?:to\s+death|dead)\b", re.I)
# the word before a participle that makes it an adjective: "THE MURDERED PRIEST", "RECENTLY KILLED"
_ATTRIBUTIVE = lazy_compile(r"\b(?:the|a|an|his|her|their|its|our|recently|late|newly)\s+$", re.I)

# what an act did to the one it names: nothing told, hurt, killed (the worst one told wins)
NO_FATE, HURT, DEAD = 0, 1, 2
_ROLE_FATE = {"killed": DEAD, "injured": HURT}


def _fate(act: str) -> int:
    return DEAD if _KILLING.match(act) else HURT if _HURTING.match(act) else NO_FATE


def _sentence_found(text: str, upper: bool) -> list[tuple[int, str, str | None, int]]:
    """(start, name, description, fate) of every victim's name found in one sentence: the fate
    the act that names them tells (:func:`_fate`)."""
    found: list[tuple[int, str, str | None, int]] = []
    for pattern in (_ACT_NOUN, _ACT_VERB):
        for m in pattern.finditer(text):
            # "THE RECENTLY ASSASSINATED CANDIDATE X", "THE LATE X": a description, no act told here
            attributive = pattern is _ACT_VERB and _ATTRIBUTIVE.search(text, 0, m.start())
            fate = NO_FATE if attributive else _fate(m.group(0))
            toks = tokens(text, m.end(), min(len(text), m.end() + 400))
            name, titles, start, end = _name_after(toks, upper)
            if name:
                found.append((start, name, " ".join(titles).lower() or None, fate))
                found.extend((s, n, d, fate) for s, n, d in _joined_names(toks, end, upper))
    for m in _LIST_INTRO.finditer(text):
        if _SUSPECTS_BEFORE.search(text[max(0, m.start() - 80) : m.start()]):
            continue  # "the suspects, who were identified as ...": not victims
        fate = _fate(m.group(0))
        found.extend((s, n, d, fate) for s, n, d in _list_names(text, m.end(), upper))
    for m in _PASSIVE.finditer(text):
        # a bare participle after a comma may be the name's next verb with its own object ("X,
        # KILLED A GUARD"): only "who was killed" tells the name's own fate
        bare = m.group(0).lstrip().startswith(",") and re.search(r"\bwho\b", m.group(0), re.I) is None
        fate = DEAD if _SHOT_DEAD.match(text, m.end()) else _fate(m.group(0))
        toks = tokens(text, max(0, m.start() - 400), m.start())
        found.extend(
            (start, name, None, NO_FATE if bare else fate) for name, start in _names_before(toks, upper)
        )
    for m in _POSSESSIVE_ACT.finditer(text):
        toks = tokens(text, max(0, m.start() - 160), m.start() + 2)
        name, start, _ = _name_before(toks, upper)
        if name and toks and toks[-1].end == m.start() + 2:
            found.append((start, name, None, _fate(m.group(0))))
    for target in sentence_targets(text):
        # the owner of the home or office attacked: "THE ATTACK ON THE RESIDENCE OF SENATOR X"
        owner = _OWNED.match(target)
        if owner:
            begin = text.upper().find(target.upper())
            name = name_after_titles(target, owner.end(), upper)
            if name and begin >= 0:
                found.append((begin + owner.end(), name, None, NO_FATE))
    for m in _SURVIVED.finditer(text):
        toks = tokens(text, max(0, m.start() - 160), m.start())
        name, start, _ = _name_before(toks, upper)
        if name:
            found.append((start, name, None, NO_FATE))
    return found


def _distinct(found: list[tuple[int, str, str | None, int]]) -> list[tuple[str, str | None, int]]:
    """One (name, description, fate) per person in text order, with the worst fate any act found
    for them tells ("X, WHO WAS KIDNAPPED ON MONDAY, WAS FOUND DEAD")."""
    out: list[tuple[str, str | None, int]] = []
    seen: list[str] = []
    for _, name, description, fate in sorted(found, key=lambda f: (f[0], f[1], -f[3])):
        key = name.upper()
        same = next((i for i, s in enumerate(seen) if key in s or s in key), None)
        if same is not None:
            out[same] = (out[same][0], out[same][1], max(fate, out[same][2]))
            continue
        seen.append(key)
        out.append((name, description, fate))
    return out


def sentence_victims(text: str, upper: bool) -> list[tuple[str, str | None]]:
    """(name, description) of the victims named in one sentence, in text order."""
    return [(name, description) for name, description, _ in _distinct(_sentence_found(text, upper))]


def _same_person(a: str, b: str) -> bool:
    """ "FEBE VELAZQUEZ" and "FEBE ELIZABETH VELAZQUEZ": the same first and last name."""
    x, y = a.split(), b.split()
    return len(x) >= 2 and len(y) >= 2 and x[0] == y[0] and x[-1] == y[-1]


def _named(ctx: Context, event: Sentence | None) -> list[tuple[str, str | None, int, int]]:
    """(name, description, sentence index, fate) of the named victims in the event's window,
    then in later sentences that tell no act of their own (background sentences left out); a name
    that is a place of the article ("San Salvador") is none."""
    out: list[tuple[str, str | None, int, int]] = []
    seen: list[str] = [p.text.upper() for p in ctx.places if " " in p.text]
    places = len(seen)
    window = ctx.incident_window(event)
    # later sentences that tell no act of their own ("AMONG THE INJURED ARE X, Y"); one that does
    # is another incident (:mod:`.other_acts`), its victims are its own
    rest = (
        [t for t in ctx.fact_rows if t not in window and not act_sentence(t[1])] if event is not None else []
    )
    for index, text, background in [*window, *rest]:
        if background:
            continue
        for name, description, fate in _distinct(_sentence_found(text, ctx.wire)):
            key = name.upper()
            same = next((i for i, s in enumerate(seen) if key in s or s in key or _same_person(key, s)), None)
            if same is not None:
                k = same - places
                if k >= 0 and fate > out[k][3]:
                    out[k] = (*out[k][:3], fate)  # "X WAS KIDNAPPED ... X WAS FOUND MURDERED"
                continue
            seen.append(key)
            out.append((name, description, index, fate))
    return out


def victims(ctx: Context, event: Sentence | None) -> list[DraftVictim]:
    """Up to ten named victims (see :func:`_named`)."""
    return [
        DraftVictim(name=name, description=description, quote=ctx.by_index[index].text)
        for name, description, index, _ in _named(ctx, event)[:10]
    ]


def named_toll(ctx: Context, event: Sentence | None, when: DraftDate | None, role: str) -> DraftCount | None:
    """The dead (role ``killed``) or hurt (``injured``) counted one by one from the named victims
    an act killed or hurt ("the murder of presidential candidate X", "gunmen killed X and Y", "X
    was seriously wounded"), for a report that states no figure; None when there is none. Each
    person counts once, with the worst fate told. A sentence that tells another event (a separate
    act, an old one, or one dated otherwise than the incident: "X DIED ON 28 NOVEMBER" in a report
    on the 29 November attack) counts none."""
    wanted = _ROLE_FATE[role]
    event_date = when.as_stated.lower() if when is not None else None
    told = [
        (name, index)
        for name, _, index, fate in _named(ctx, event)
        if fate == wanted and not _other_event(ctx, ctx.by_index[index], event_date)
    ]
    if not told:
        return None
    indices = sorted({index for _, index in told})
    return DraftCount(
        value=len(told),
        qualifier=Qualifier.exact,
        as_stated=told[0][0],
        quote=" ... ".join(ctx.by_index[i].text for i in indices),
    )


def _other_event(ctx: Context, s: Sentence, event_date: str | None) -> bool:
    if ctx.is_past_event(s) or SEPARATE.match(s.text):
        return True
    if event_date is None:
        return False
    # the dateline's date ("LIMA, 20 APR 89 (APA) --") dates the report, not the act
    phrases = [
        p.text.lower() for p in find_date_phrases(s.text) if s.start + p.start >= ctx.article.dateline_end
    ]
    return bool(phrases) and not any(event_date in p or p in event_date for p in phrases)
