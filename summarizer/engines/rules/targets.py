"""Physical targets: what the attack hit, from the sentences that report the main event.

A target is a noun phrase whose last word names a thing that can be attacked (a building, a
vehicle, an installation: ``TARGET_NOUNS``) and that stands where an act puts its object:

* after an act verb: "guerrillas attacked the electric power substation", "dynamited two
  buses", "set fire to a warehouse", "blew up the bridge";
* after an act noun: "the attack on the police post", "a bomb attack against the embassy";
* after the place where a bomb went off: "a bomb exploded at the Lima restaurant", "a car bomb
  went off in front of the bank";
* before a passive: "the offices were destroyed", "three vehicles were set on fire", past a place
  phrase ("several houses in the area were damaged") and with the list it closes ("one office, one
  bus, and one transformer were damaged");
* after a participle or an infinitive ("destroying 13 stores", "tried to attack the residence"),
  "damage to", "the target was", "aimed at"; parts of a thing are passed over ("broke windows of
  the X", "the back of the X building");
* where an act took place: "the explosion occurred at 2230 in front of the X", "there was an
  explosion at the X".

:func:`burned_targets` and :func:`robbed_targets` tell the targets set on fire or looted: MUC-4
keeps such an act apart from the kidnapping or attack it came with (:mod:`.other_acts`).

The phrase runs from after its article to its last target word ("the 'La Eminencia' farm located
near ..." -> "'La Eminencia' farm"); "X and Y" gives both.
"""

from __future__ import annotations

import re

from ...lazyre import lazy_compile
from ...schema import DraftItem
from .context import Context
from .phrases import FUNCTION_WORDS, NUMBER_WORDS, TARGET_NOUNS, Token, tokens
from .text import Sentence

__all__ = ["TARGET_NOUNS", "targets"]

_DETERMINERS = frozenset({"THE", "A", "AN", "ITS", "THEIR", "HIS", "HER", "SOME", "SEVERAL", "VARIOUS"})
_STOP = (FUNCTION_WORDS | NUMBER_WORDS) - _DETERMINERS - {"OF"}
# a person's title before a possessive: "Gen Maza's vehicle" -> "Maza's vehicle"
_PERSON_TITLES = frozenset(
    {
        "GEN",
        "GENERAL",
        "COL",
        "COLONEL",
        "MAJ",
        "MAJOR",
        "CAPT",
        "CAPTAIN",
        "LT",
        "MR",
        "MRS",
        "MS",
        "DR",
        "SENATOR",
    }
)
_QUANTITY = NUMBER_WORDS | {"ABOUT", "HALF", "SOME", "SEVERAL", "NUMEROUS", "VARIOUS", "MANY", "ALL", "BOTH"}

_AFTER_VERB = lazy_compile(
    r"\b(?:attacked|bombed|dynamited|destroyed|burned(?:\s+down)?|burnt|torched|set\s+fire\s+to|"
    r"set\s+on\s+fire|blew\s+up|blown\s+up|damaged|raided|machinegunned|strafed|sabotaged|stormed|"
    r"assaulted|robbed|looted|ransacked|sacked|plundered|occupied|hit|fired\s+(?:\w+\s+){0,2}(?:at|on)|hurled\s+(?:\w+\s+){1,3}at|"
    # the act told by its participle or infinitive: "DESTROYING 13 STORES", "TRIED TO ATTACK THE X"
    r"destroying|damaging|attacking|burning|dynamiting|bombing|blowing\s+up|razing|"
    r"to\s+(?:attack|bomb|destroy|burn|dynamite|blow\s+up)|"
    # damage told by its part: "BROKE WINDOWS OF THE X" (the part is passed over, see _PARTS)
    r"(?:broke|burst|forced\s+their\s+way)\s+into|(?:target|targets)\s+(?:was|were)|aimed\s+at|"
    r"directed\s+(?:at|against)|(?:broke|shattered|smashed)|damages?\s+to|"
    r"threw\s+(?:[\w'-]+\s+){1,6}?at|placed\s+(?:[\w'-]+\s+){0,6}?(?:at|in|near|outside|inside|under|"
    r"on(?:\s+top\s+of)?|in\s+front\s+of)|exploded\s+(?:[\w,]+\s+){0,6}?(?:at|in\s+front\s+of|near|outside|opposite)|"
    r"planted\s+(?:\w+\s+){0,3}(?:at|in|near|outside|inside|under))\s+",
    re.I,
)
# a fire set by someone: the verbs, "set X on fire" (the phrase after "set"), "the burning of X"
_BURNED_VERB = lazy_compile(
    r"\b(?:burned|burnt|torched|set\s+fire\s+to|set\s+on\s+fire|set\s+ablaze|setting\s+fire\s+to)\s+(?!to\s+death)",
    re.I,
)
_SET_ON_FIRE = lazy_compile(r"\bset(?:ting)?\s+(?=(?:[\w'\"-]+,?\s+){1,10}?on\s+fire\b)", re.I)
_BURNING_OF = lazy_compile(r"\bburning\s+of\s+", re.I)
_BURNED_PASSIVE = lazy_compile(
    r"\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:burned|burnt|torched|set\s+on\s+fire|"
    r"set\s+afire|set\s+ablaze)\b",
    re.I,
)
_ROBBED_VERB = lazy_compile(
    r"\b(?:robbed|looted|sacked|ransacked|plundered|stole\s+from|robbing|looting)\s+", re.I
)
_ROBBED_PASSIVE = lazy_compile(
    r"\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:robbed|looted|sacked|ransacked|plundered)\b",
    re.I,
)
# where an act took place: "THE FIRST BOMB ATTACK OCCURRED AT 2230 IN FRONT OF THE X", "THE
# EXPLOSION TOOK PLACE ... BETWEEN THE X AND Y"; every place phrase of the rest of the sentence that
# ends on a target noun is one
_ACT_PLACE = lazy_compile(
    r"\b(?:attacks?|explosions?|blasts?|bombings?|bombs?|devices?)\s+(?:[\w-]+\s+){0,6}?"
    r"(?:took\s+place|occurred|happened)\b|\bthere\s+(?:was|were)\s+(?:an?\s+|two\s+)?(?:[\w-]+\s+)?"
    r"(?:explosions?|attacks?|blasts?|bombings?)\b",
    re.I,
)
_PLACE_PREP = lazy_compile(
    r"\b(?:in\s+front\s+of|outside|near|next\s+to|opposite|at|between|in|inside|on)\s+", re.I
)
# parts of a thing passed over to the thing: "the back of the X building", "windows of the X"
_PARTS = frozenset(
    {
        "BACK",
        "FRONT",
        "ENTRANCE",
        "DOOR",
        "DOORS",
        "WINDOW",
        "WINDOWS",
        "BASEMENT",
        "TOP",
        "ROOF",
        "FACADE",
        "WALL",
        "WALLS",
        "PART",
        "SIDE",
        "GATE",
        "GATES",
        "FLOOR",
    }
)
_AFTER_NOUN = lazy_compile(
    r"\b(?:attacks?|bombings?|bomb\s+attacks?|dynamite\s+attacks?|terrorist\s+attacks?|explosions?|"
    r"blasts?|arson|sabotage|assaults?|raids?)\s+(?:on|against|at|in)\s+|"
    # a time between the act and its object: "AN ATTACK THIS MORNING AGAINST THE HOME OF X"
    r"\battacks?\s+(?:[\w-]+\s+){1,3}?(?:on|against)\s+(?=the\s|an?\s)",
    re.I,
)
_BOMB_PLACE = lazy_compile(
    r"\b(?:bombs?|explosive\s+devices?|explosives?|charges?|car[\s-]bombs?|devices?|grenades?|dynamite)\s+"
    r"(?:(?:\w+\s+){0,3}?(?:exploded|went\s+off|was\s+detonated|were\s+detonated|detonated|blew\s+up|"
    r"was\s+placed|were\s+placed|was\s+planted|were\s+planted|was\s+hurled|was\s+thrown|were\s+thrown|"
    r"was\s+left|were\s+left|planted|placed|hidden|left)\s+)?"
    r"(?:in\s+front\s+of|next\s+to|at|in|near|outside|inside|against|on|under|beside)\s+",
    re.I,
)
_PASSIVE = lazy_compile(
    r"\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:destroyed|damaged|bombed|dynamited|"
    r"attacked|burned|burnt|set\s+on\s+fire|set\s+afire|blown\s+up|torched|looted|robbed|hit|shaken|razed)\b|"
    r"\s+(?:has|have|had)\s+been\s+the\s+targets?\s+of\b",
    re.I,
)
MAX_PHRASE = 7
_TAIL_END = frozenset({"LOCATED", "SITUATED", "OWNED", "BELONGING", "WHERE", "NEAR"})


def _phrase(toks: list[Token]) -> list[list[Token]]:
    """Target phrases at the start of ``toks``: each ends on its last target noun."""
    out: list[list[Token]] = []
    i = 0
    misses = 0
    while i < len(toks):
        while i < len(toks) and (
            toks[i].word in _DETERMINERS
            or toks[i].word in _PERSON_TITLES
            or toks[i].word in _QUANTITY
            or (toks[i].word == "OF" and i > 0 and toks[i - 1].word in _QUANTITY)
            or (toks[i].word in _PARTS and i + 1 < len(toks) and toks[i + 1].word == "OF")
            or (toks[i].word == "OF" and i > 0 and toks[i - 1].word in _PARTS)
            or (
                toks[i].word in {"AT", "MORE", "OVER", "NEARLY", "ALMOST"}
                and i + 1 < len(toks)
                and (toks[i + 1].word in {"LEAST", "THAN"} or toks[i + 1].word.isdigit())
            )
            or (toks[i].word in {"LEAST", "THAN"} and i > 0 and toks[i - 1].word in {"AT", "MORE"})
        ):
            # "the", "two medical clinics", "one of the ...", "Gen Maza's vehicle" -> "Maza's vehicle",
            # "the back of the X", "at least 10 towers"
            i += 1
        if i < len(toks) and toks[i].word == "NEARBY" and i + 1 < len(toks) and toks[i + 1].word not in _STOP:
            span_start = [toks[i]]  # "nearby houses"
            i += 1
        else:
            span_start = []
        span: list[Token] = span_start
        while i < len(toks) and len(span) < MAX_PHRASE:
            t = toks[i]
            if t.text in ",;:()[]" or t.word in _STOP or t.word == "OF":
                break
            span.append(t)
            i += 1
            if t.ends_sentence_part:
                break
        last = max((k for k, t in enumerate(span) if t.word in TARGET_NOUNS), default=-1)
        if (
            last < 0
            and not out
            and 0 < len(span) <= 3
            and i + 1 < len(toks)
            and toks[i].word == "AND"
            and not any(t.ends_sentence_part for t in span)
        ):
            # one name joined by "and": "the Planning and Economic Coordination Ministry"
            rest = _phrase(toks[i + 1 :])
            if rest and rest[0] and rest[0][0].start == toks[i + 1].start and len(rest[0]) <= 4:
                out.append([*span, toks[i], *rest[0]])
                out.extend(rest[1:])
                break
        if last < 0:
            # inside a list ("the exchange of the X and residential district, a hotel, ..."): go on
            # to the next part, but not for long
            misses += 1
            if not out or misses > 2 or i >= len(toks) or toks[i].word not in {"AND", ","}:
                break
            i += 1
            continue
        misses = 0
        span = span[: last + 1]
        if last == len(span) - 1 and i < len(toks) and toks[i].word == "OF" and len(span) <= 2:
            # "the residence of President X", "the headquarters of the labor federation"
            tail: list[Token] = []
            k = i + 1
            while k < len(toks) and len(tail) < MAX_PHRASE:
                t = toks[k]
                if (
                    t.text in ",;:()[]"
                    or (t.word in _STOP and t.word not in {"THE", "OF"})
                    or t.word in _TAIL_END
                ):
                    break  # "the branch of the X bank located in ...": the place is told apart
                tail.append(t)
                k += 1
                if t.ends_sentence_part:
                    break
            while tail and tail[-1].word in {"THE", "OF", "A", "AN"}:
                tail.pop()
            if tail:
                span = [*span, toks[i], *tail]
                i = k
        out.append(span)
        # "houses and stores", "the bank, the store and ..."; but not "... AND LOOTED A STORE": a
        # verb and its object start another act
        if i < len(toks) and toks[i].word in {"AND", ","} and len(out) < 6 and not _verb_object(toks, i + 1):
            i += 1
            continue
        break
    return out


def _verb_object(toks: list[Token], i: int) -> bool:
    """Does a verb in -ED with its object start at ``i`` ("LOOTED A STORE", "CAUSED SOME DAMAGE")?"""
    return (
        i + 1 < len(toks)
        and re.fullmatch(r"[A-Z]+ED", toks[i].word) is not None
        and (toks[i + 1].word in _DETERMINERS or toks[i + 1].word in _QUANTITY or toks[i + 1].word.isdigit())
    )


def _phrase_before(toks: list[Token]) -> list[Token]:
    span: list[Token] = []
    j = len(toks) - 1
    while j >= 0 and len(span) < MAX_PHRASE:
        t = toks[j]
        if t.text in ",;:()[]" or t.word in _STOP or t.word in _DETERMINERS or t.word == "OF":
            break
        span.insert(0, t)
        j -= 1
    if span and span[-1].word in TARGET_NOUNS:
        return span
    if span and j >= 1 and toks[j].word == "OF":
        # "the main offices of El Espectador were destroyed"
        head = _phrase_before(toks[:j])
        if head and len(head) <= 3:
            return [*head, toks[j], *span]
    return []


def _trim(span: list[Token]) -> list[Token]:
    """Without leading figures or verbs: "destroying 13 business establishments" -> "business
    establishments"."""
    while span and (
        span[0].word.isdigit()
        or span[0].word in _DETERMINERS
        or (
            re.fullmatch(r"[A-Z]+(?:ING|ED)", span[0].word)
            and span[0].word not in TARGET_NOUNS  # "building"
            and not (len(span) > 1 and span[1].word == "AND")
        )
    ):
        span = span[1:]
    return span


def _text(span: list[Token], sentence: str) -> str:
    """The phrase as written, without the sentence's closing punctuation or quote mark."""
    text = " ".join(sentence[span[0].start : span[-1].end].split())
    if text.count('"') % 2:
        text = text.rstrip('.,"')  # 'SEVERAL HOUSES."' -> 'SEVERAL HOUSES'
    return text.rstrip(".,")


def _after(pattern: re.Pattern[str], text: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for m in pattern.finditer(text):
        for span in _phrase(tokens(text, m.end(), min(len(text), m.end() + 200))):
            span = _trim(span)
            if span:
                found.append((span[0].start, _text(span, text)))
    return found


_LOCATIVE = frozenset({"IN", "AT", "NEAR", "ON", "INSIDE", "OUTSIDE"})


def _spans_before(toks: list[Token]) -> list[list[Token]]:
    """The target phrases that end right before a passive verb: the nearest one (past a short
    place phrase or relative clause after it: "several houses in the area were damaged", "two
    vehicles that were in the area were damaged"), then the list it closes ("one office, one bus,
    and one transformer were damaged")."""
    span = _phrase_before(toks)
    if span:
        # "several shops in the market were damaged": the thing before the place phrase
        k = next(i for i, t in enumerate(toks) if t.start == span[0].start)
        while k > 0 and toks[k - 1].word in _DETERMINERS:
            k -= 1
        if k > 1 and toks[k - 1].word in _LOCATIVE:
            head = _phrase_before(toks[: k - 1])
            if (
                not head
                and k > 2
                and toks[k - 2].word in {"WERE", "WAS"}
                and toks[k - 3].word in {"THAT", "WHICH"}
            ):
                head = _phrase_before(toks[: k - 3])
            span = head or span
    if not span:
        for k in range(len(toks) - 1, max(-1, len(toks) - 9), -1):
            if toks[k].text in ",;:":
                break
            if toks[k].word in _LOCATIVE or toks[k].word in {"THAT", "WHICH"}:
                span = _phrase_before(toks[:k])
                if span:
                    break
    if not span:
        return []
    out = [span]
    k = next(i for i, t in enumerate(toks) if t.start == span[0].start)
    while k > 0 and (
        toks[k - 1].word in _DETERMINERS or toks[k - 1].word in _QUANTITY or toks[k - 1].word.isdigit()
    ):
        k -= 1
    while k > 0 and len(out) < 6 and (toks[k - 1].text == "," or toks[k - 1].word == "AND"):
        k -= 1
        while k > 0 and (toks[k - 1].text == "," or toks[k - 1].word == "AND"):
            k -= 1
        previous = _phrase_before(toks[:k])
        if not previous:
            break
        out.insert(0, previous)
        k = next(i for i, t in enumerate(toks) if t.start == previous[0].start)
        while k > 0 and (
            toks[k - 1].word in _DETERMINERS or toks[k - 1].word in _QUANTITY or toks[k - 1].word.isdigit()
        ):
            k -= 1
    return out


def _before(pattern: re.Pattern[str], text: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for m in pattern.finditer(text):
        for span in _spans_before(tokens(text, max(0, m.start() - 200), m.start())):
            span = _trim(span)
            if span:
                found.append((span[0].start, _text(span, text)))
    return found


def _distinct(found: list[tuple[int, str]]) -> list[str]:
    out: list[str] = []
    for _, phrase in sorted(found):
        if phrase.upper() not in (o.upper() for o in out):
            out.append(phrase)
    return out


def sentence_targets(text: str) -> list[str]:
    """The physical targets of one sentence, in text order."""
    found: list[tuple[int, str]] = []
    for pattern in (_AFTER_VERB, _AFTER_NOUN, _BOMB_PLACE, _SET_ON_FIRE, _BURNING_OF):
        found += _after(pattern, text)
    for m in _ACT_PLACE.finditer(text):
        for prep in _PLACE_PREP.finditer(text, m.end(), min(len(text), m.end() + 160)):
            for span in _phrase(tokens(text, prep.end(), min(len(text), prep.end() + 200))):
                span = _trim(span)
                if span:
                    found.append((span[0].start, _text(span, text)))
    found += _before(_PASSIVE, text)
    return _distinct(found)


def robbed_targets(text: str) -> list[str]:
    """The targets one sentence tells as robbed or looted ("LOOTED STORES", "SACKED TWO
    PHARMACIES", "THE BANK WAS ROBBED")."""
    return _distinct(_after(_ROBBED_VERB, text) + _before(_ROBBED_PASSIVE, text))


def burned_targets(text: str) -> list[str]:
    """The targets one sentence tells as set on fire ("BURNED FIVE BUSES", "SET TWO SCHOOLS ON
    FIRE", "THE BURNING OF A FACTORY", "A BUS WAS BURNED"): MUC-4 keeps an arson apart from the
    attack it came with."""
    found = _after(_BURNED_VERB, text) + _after(_SET_ON_FIRE, text) + _after(_BURNING_OF, text)
    return _distinct(found + _before(_BURNED_PASSIVE, text))


def targets(ctx: Context, event: Sentence | None) -> list[DraftItem]:
    """Up to six physical targets in the event's window (background sentences left out)."""
    out: list[DraftItem] = []
    for index, text, background in ctx.incident_window(event):
        if background:
            continue
        for phrase in sentence_targets(text):
            if phrase.upper() in (o.text.upper() for o in out):
                continue
            out.append(DraftItem(text=phrase, quote=ctx.by_index[index].text))
    return out[:6]
