"""Tolls counted from the people a report mentions and what happened to each of them.

Local news rarely states a toll as a figure: "A 27-year-old man was shot and killed Tuesday",
"a woman was wounded", "two others were shot; both are expected to survive", "He died at the
hospital". This module reads such reports as a small cast of victims:

* a *new* person or group enters with an indefinite phrase ("a man", "a 19-year-old", "another
  woman", "two others", "a man and a woman", "three people"), a first-seen full name ("Malone
  Amason") or, when nobody has been seen yet, a definite one ("the victim");
* a *reference* ("the man", "the victim", "the 19-year-old", "he", "she", "both", a surname seen
  before, a name given to someone already counted) changes the fate of people already counted;
* each mention gets the fate its predicate tells: ``killed`` ("was shot and killed", "fatally
  shot", "died after being shot", "was pronounced dead", "was found shot to death"), ``injured``
  ("was wounded", "was struck by a stray bullet", "is in stable condition", "is expected to
  survive") or ``shot`` (hit, fate not told: counted as injured unless a later sentence says the
  person died). "one fatally" / "one of them died" moves one member of a group to ``killed``.

The shooter is not a victim: a person named by a perpetrator noun ("the gunman", "the suspect")
is left out, unless nobody else was hurt (a man shot by police is the one casualty of that
report). Ages ("Marcus Reed, 65,", "the 19-year-old") are never counts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..lazyre import lazy_compile
from .dates import CALENDAR_WORDS
from .numbers import UNIT_VALUES

__all__ = ["PeopleTally", "Victim", "count_people"]

_VICTIM_NOUNS = (
    r"man|woman|male|female|boy|girl|child|baby|infant|toddler|teenager|teen|youth|juvenile|adult|person|individual|"
    r"victim|bystander|resident|neighbou?r|passer-?by|pedestrian|motorist|driver|passenger|cab\s+driver|"
    r"clerk|cashier|waitress|waiter|bartender|cook|owner|store\s+owner|shopkeeper|employee|worker|customer|guard|security\s+guard|"
    r"student|teacher|officer|police\s+officer|policeman|policewoman|deputy|trooper|agent|soldier|"
    r"husband|wife|son|daughter|father|mother|dad|mom|brother|sister|stepson|stepdaughter|stepfather|"
    r"stepmother|grandmother|grandfather|grandson|granddaughter|uncle|aunt|nephew|niece|cousin|"
    r"boyfriend|girlfriend|fianc[ée]e?|friend|roommate|relative|sibling|"
    r"civilian|citizen|villager|farmer|peasant|journalist|priest|pastor|mayor|judge|official|leader|activist"
)
_PLURAL_NOUNS = (
    r"men|women|boys|girls|children|kids|babies|teenagers|teens|youths|juveniles|adults|people|persons|"
    r"individuals|victims|bystanders|residents|neighbou?rs|pedestrians|motorists|drivers|passengers|"
    r"clerks|employees|workers|customers|guards|students|officers|police\s+officers|policemen|deputies|"
    r"troopers|agents|soldiers|sons|daughters|brothers|sisters|siblings|cousins|friends|relatives|"
    r"civilians|citizens|villagers|farmers|peasants|others|family\s+members|members"
)
_PERP_NOUNS = (
    r"gunman|gunmen|shooter|shooters|suspect|suspects|attacker|attackers|assailant|assailants|robber|"
    r"robbers|intruder|intruders|burglar|burglars|carjacker|carjackers|killer|killers|perpetrator|"
    r"perpetrators|accused|sniper|hijacker|kidnapper|kidnappers"
)
_NUMBER_WORDS = {word: value for word, value in UNIT_VALUES.items() if value <= 10} | {"both": 2}
_MODIFIERS = (
    r"(?:(?!(?:was|were|is|are|has|had|who|and|in|on|at|of|by|after|when|the|a|an|left|leaving|leaves)\b)"
    r"[\w'’.-]+\s+){0,3}?"
)
_KILLED_PRED = (
    r"(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?"
    r"(?:fatally\s+(?:shot|wounded|struck|injured|stabbed)|shot\s+(?:and\s+killed|dead|to\s+death|and\s+fatally\s+wounded)|"
    r"killed|slain|murdered|gunned\s+down|stabbed\s+to\s+death|beaten\s+to\s+death|struck\s+and\s+killed|"
    r"(?:found|discovered|declared|pronounced|confirmed)\s+(?:shot\s+)?(?:dead|to\s+death|deceased)|"
    r"found\s+(?:shot|with\s+(?:a\s+|multiple\s+|several\s+)?(?:fatal\s+)?gunshot\s+wounds?)\s+[^.;]{0,40}?\b(?:dead|died)\b)"
    r"|(?:later\s+|then\s+|subsequently\s+|eventually\s+)?(?:died|dies|has\s+died|had\s+died|succumbed|"
    r"passed\s+away|did\s+not\s+survive|didn['’]t\s+survive)"
    r"|(?:is|was|are|were)\s+(?:now\s+)?dead"
    # "was taken to a hospital, where he died": the hurt person's fate told in a relative clause
    r"|(?:was|were)\s+(?:\w+\s+)?(?:taken|rushed|transported|airlifted|flown|driven)\s+to\s+[^.;]{0,80}?,?\s+where\s+"
    r"(?:he|she|they)\s+(?:later\s+|then\s+|was\s+later\s+|were\s+later\s+)?(?:died|succumbed|"
    r"(?:was|were)\s+(?:later\s+)?(?:pronounced|declared)\s+dead)"
    # a reduced relative: "a 21-year-old man shot and killed by state police"
    r"|(?:fatally\s+shot|shot\s+and\s+killed|shot\s+dead|shot\s+to\s+death|gunned\s+down|killed|slain)(?=\s+by\b)"
    r"|['’]s?\s+body\s+(?:was|had\s+been|has\s+been)\s+(?:found|discovered|recovered|located))"
)
_INJURED_PRED = (
    r"(?:(?:was|were|has\s+been|have\s+been|had\s+been|got)\s+(?:\w+\s+)?"
    r"(?:wounded|injured|hurt|grazed|critically\s+injured|shot\s+and\s+(?:\w+\s+)?(?:wounded|injured|hurt)|"
    r"found\s+(?:[^.;]{0,60}?\s)?with\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:gunshot|bullet)\s+(?:wounds?|injuries)|struck\s+by\s+(?:a\s+|an\s+)?"
    r"(?:stray\s+|errant\s+)?(?:bullets?|gunfire|shots?|round)|hit\s+by\s+(?:a\s+|an\s+)?(?:stray\s+)?"
    r"(?:bullets?|gunfire|shots?)|(?:taken|rushed|transported|airlifted|flown|driven)\s+to\s+(?:a\s+|the\s+)?"
    r"(?:[\w'’.-]+\s+){0,4}?(?:hospital|medical\s+center|trauma\s+center)\s+(?:with|for)\s+(?:a\s+|an\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:wounds?|injuries|injury))"
    r"|(?:is|was|are|were|remains?|remained)\s+(?:listed\s+)?(?:in\s+)?(?:critical|stable|serious|fair|good|"
    r"grave|life-threatening)(?:\s+but\s+stable)?\s+condition"
    r"|(?:is|was|are|were)\s+(?:\w+\s+)?expected\s+to\s+(?:survive|recover|be\s+(?:ok|okay|fine|all\s+right))"
    r"|(?:is|was|are|were)\s+(?:being\s+)?treated\s+(?:[\w'’.-]+\s+){0,6}?for\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:gunshot\s+)?(?:wounds?|injuries|injury)"
    r"|(?:is|was|are|were)\s+suffering\s+from\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:gunshot|bullet|stab)\s+"
    r"(?:wounds?|injuries)"
    r"|(?:showed\s+up|arrived|walked\s+in(?:to)?)\s+(?:at\s+)?(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?(?:hospital|"
    r"emergency\s+room|fire\s+station)\s+with\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:gunshot|bullet)\s+wounds?"
    r"|(?:is|was|are|were|'s)\s+(?:now\s+|still\s+)?(?:in\s+(?:the\s+|a\s+)?hospital|hospitali[sz]ed)\s+(?:\w+\s+)?with\s+"
    r"(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:gunshot|bullet)\s+wounds?"
    r"|(?:is|was)\s+recovering\s+(?:[\w'’-]+\s+){0,4}?(?:after|from)\s+being\s+shot"
    r"|(?:has\s+|had\s+)?(?:received|sustained)\s+(?:a\s+|an\s+|two\s+|multiple\s+|several\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:gunshot\s+wounds?|wounds?|injuries|injury)"
    r"|(?:has|had|have)\s+(?:a\s+|an\s+|multiple\s+|several\s+)?(?:[\w-]+\s+){0,2}?(?:gunshot|bullet)\s+wounds?"
    r"|(?:wounded|injured|hurt|grazed)(?=\s+by\b)"
    r"|survived|(?:has\s+|had\s+)?suffered\s+(?:a\s+|an\s+|two\s+|multiple\s+|several\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:gunshot\s+wounds?|wounds?|injuries|injury))"
)
_BODY_PART = (
    r"head|face|neck|chest|torso|upper\s+body|lower\s+body|back|shoulder|arm|arms|hand|abdomen|stomach|side|hip|"
    r"buttocks|groin|leg|legs|thigh|knee|ankle|foot|feet"
)
_SHOT_PRED = (
    # "was struck one time", "was hit in the leg": by a bullet, in a report of a shooting
    r"(?:(?:was|were|had\s+been|has\s+been|have\s+been|got)\s+(?:\w+\s+)?(?:struck|hit)(?=\s+(?:once|twice|"
    r"(?:one|two|three|four|several|multiple|\d+)\s+times?|(?:in|on)\s+(?:the|his|her|their)\s+(?:(?:upper|lower|left|right)\s+)?"
    rf"(?:{_BODY_PART})\b))|"
    r"(?:was|were|had\s+been|has\s+been|have\s+been|got)\s+(?:\w+\s+)?shot|(?:after|from)\s+being\s+shot|"
    r"shot\s+(?:him|her)self|shot(?=\s+by\b))"
    r"(?!\s+(?:at\b|dead|to\s+death|and\s+(?:\w+\s+)?(?:killed|wounded|injured|hurt)))"
)
_PREDICATE = lazy_compile(
    rf"(?P<gap>(?:\s*,[^,;.]{{0,100}},)?(?:\s+(?:of|from)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?(?:\s*,?\s+(?:who|that)\s+)?"
    # "Torres got into a fight with employees and was shot": a first act of the same subject
    rf"(?:\s+(?:got|went|ran|came|fought|tried|struggled|[a-z]+ed)\s+[^,;.]{{0,80}}?,?\s+and(?=\s+(?:was|were|got|is|are)\s))?"
    rf"\s*(?:also\s+|reportedly\s+|later\s+|then\s+|[a-z]+ly\s+)?)"
    rf"(?:(?P<killed>{_KILLED_PRED})|(?P<injured>{_INJURED_PRED})|(?P<shot>{_SHOT_PRED}))\b",
    re.IGNORECASE,
)
# "fatally shot a 19-year-old", "shot and killed his wife", "shot and wounded two men", "killing a man"
_ACTIVE = lazy_compile(
    r"\b(?:(?P<killed>fatally\s+(?:shot|shooting|wounded|wounding|stabbed|stabbing)|"
    r"(?:found|discovered|recovered|identified)\s+the\s+body\s+of|the\s+(?:shooting\s+)?death\s+of|"
    r"(?:the\s+)?(?:murder|killing|slaying|fatal\s+shooting)\s+of|shot\s+and\s+killed|shot\s+(?:\w+\s+)?to\s+death|"
    r"gunned\s+down|killed|killing|murdered|shot\s+dead)|(?P<injured>shot\s+and\s+(?:wounded|injured)|wounded|"
    r"wounding|injured|injuring)|(?P<shot>shot|shooting|"
    # "a round hit a nearby man in the leg"
    r"(?:bullets?|rounds?|shots?|gunfire|pellets?)\s+(?:\w+\s+)?(?:hit|struck|grazed|hitting|striking|grazing)))\s+"
    r"(?:(?:police\s+|an?\s+)?(?:officer|deputy|trooper|detective|sergeant|sgt\.)\s+|"
    r"(?:a|an)\s+[\d]{1,2}-year-old\s+)?$",
    re.IGNORECASE,
)
_LEFT_STATE = lazy_compile(
    r"(?:\s*,[^,;.]{0,40},)?(?:\s+(?:in|on|at|inside|outside|near|lying\s+(?:in|on))\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?[\w'’-]+(?=\s+(?:with|suffering|dead|shot)))?\s+(?:(?P<killed>dead|deceased|shot\s+(?:to\s+death|dead))|(?P<injured>(?:(?:critically|seriously|severely|badly|gravely|slightly)\s+)?(?:wounded|injured|hurt)|in\s+(?:critical|serious|stable)\s+"
    r"condition|suffering\s+(?:from\s+)?(?:a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:gunshot|bullet)\s+(?:wounds?|injuries)|with\s+(?:a\s+|an\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:gunshot\s+)?(?:wounds?|injuries|injury)|shot))\b",
    re.IGNORECASE,
)
_INTRO = lazy_compile(
    rf"(?<![\w-])(?P<det>a|an|one|another|two|three|four|five|six|"
    rf"seven|eight|nine|ten|\d{{1,2}}|both|several|the|his|her|their|its)\s+(?P<mods>{_MODIFIERS})"
    rf"(?P<noun>{_PLURAL_NOUNS}|{_VICTIM_NOUNS}|{_PERP_NOUNS}|second(?=\s+(?:was|is|had|has|died|person))|(?<=another\s)(?=(?:was|is|had|has|died)\b)|"
    rf"(?:[\w-]+\s+)?[\w-]+-year-old(?!\s+(?:[\w-]+\s+)?(?:{_VICTIM_NOUNS}|{_PLURAL_NOUNS}|{_PERP_NOUNS})\b))\b"
    rf"(?!\s+(?:{_VICTIM_NOUNS}|{_PLURAL_NOUNS})\b)"
    # "injuring a child's parent": the possessor is not the one hurt
    r"(?!['’]s?\s+(?!bod(?:y|ies)\b)\w)"
    rf"(?P<coord>\s+and\s+(?:(?:a|an|his|her|their|(?:the\s+)?[\w-]+['’]s)\s+)?[\"“]?(?:{_MODIFIERS}(?:{_VICTIM_NOUNS})\b[\"”]?|"
    rf"\d{{1,2}}-year-old(?!\s+(?:[\w-]+\s+)?(?:{_VICTIM_NOUNS})\b)))?",
    re.IGNORECASE,
)
_PRONOUN = lazy_compile(
    r"\b(?P<pron>he|she|him|her(?=\s*(?:[,.;]|$|\s+(?:in|on|at|once|twice|several|multiple|and|with|as|\w+\s+times)\b))|they|both(?:\s+(?:victims|men|women|of\s+them))?|all\s+(?:three|four|five))\b",
    re.I,
)
# a name word, camel-cased ones included: "McDonald", "LeBlanc", "DeLuca"
_WORD = r"[A-Z][a-z'’]+(?:[A-Z][a-z'’]+)?"
_NAME = lazy_compile(
    rf"\b(?P<name>{_WORD}(?:\s+[A-Z]\.)?(?:\s+(?:{_WORD}-{_WORD}|{_WORD})){{1,3}})"
    r"(?:\s+(?:Jr|Sr|III|II)\.?)?"
)
_NOT_NAME_WORDS = (
    frozenset(
        [
            "police",
            "officer",
            "officers",
            "detective",
            "detectives",
            "sheriff",
            "deputy",
            "chief",
            "sgt",
            "lt",
            "capt",
            "sergeant",
            "lieutenant",
            "captain",
            "department",
            "county",
            "city",
            "street",
            "avenue",
            "road",
            "drive",
            "boulevard",
            "block",
            "hospital",
            "center",
            "medical",
            "north",
            "south",
            "east",
            "west",
            "the",
            "a",
            "an",
            "and",
            "but",
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec",
            "news",
            "fox",
            "cbs",
            "abc",
            "nbc",
            "cnn",
            "ap",
            "mr",
            "mrs",
            "ms",
            "dr",
            "he",
            "she",
            "they",
            "his",
            "her",
            "it",
            "in",
            "on",
            "at",
            "when",
            "after",
            "there",
            "this",
            "that",
            "authorities",
            "investigators",
            "officials",
            "family",
            "witnesses",
        ]
    )
    | CALENDAR_WORDS
)  # weekday and month names
_ONE_OF = lazy_compile(
    r"\b(?:one|1)(?:\s+of\s+(?:them|the\s+(?:victims|men|women|two|three|four)))?(?:\s+(?:man|woman|victim|person|boy|girl))?"
    r"\s*(?:,\s*)?(?:(?P<fatal>fatally)|(?:later\s+)?(?:died|was\s+killed|has\s+died|did\s+not\s+survive|"
    r"was\s+pronounced\s+dead|succumbed))\b",
    re.IGNORECASE,
)
_SELF = lazy_compile(r"\b(?:shot|killed|wounded)\s+(?:him|her)self\b", re.IGNORECASE)
_PERP_RE = lazy_compile(rf"^(?:{_PERP_NOUNS})$", re.IGNORECASE)
# a name right after these words is the shooter's: "police arrested Daniel Ortiz", "the suspect, John Doe"
_NON_VICTIM_CONTEXT = lazy_compile(
    r"\b(?:charged|arrested|accused|custody|identified\s+(?:the\s+(?:shooter|gunman|suspect)\s+)?as|wanted|"
    r"sought|booked|jailed|suspect|shooter|gunman|attacker|assailant|(?:searching|looking)\s+for)\b"
    r"[\s,]+(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)


@dataclass
class Victim:
    fate: str  # "killed" | "injured" | "shot"
    count: int
    perpetrator: bool
    names: set[str] = field(default_factory=set)
    sentence: int = 0
    start: int = 0  # article offsets of the mention that introduced them
    end: int = 0
    fate_sentence: int = 0
    fate_start: int = 0
    fate_end: int = 0
    sources: set[int] = field(default_factory=set)  # the sentences that tell of them
    noun: str = ""

    def __post_init__(self) -> None:
        self.sources.add(self.sentence)


@dataclass(frozen=True)
class PeopleTally:
    killed: int
    injured: int  # hurt and not killed, those whose fate is not told ("was shot") included
    shot: int  # of the injured, those only told to have been shot
    sources: dict[str, tuple[int, ...]]  # role -> indices of the sentences that tell it
    # where each figure is told (article offsets and the sentence index), for the evidence
    killed_at: tuple[int, int, int] | None
    injured_at: tuple[int, int, int] | None
    # sentence index -> how many of the hurt people it counted later died ("Two people were wounded
    # ... The 19-year-old victim died": 1 for the first sentence)
    died_from: dict[int, int] = field(default_factory=dict)


_RANK = {"shot": 0, "injured": 1, "killed": 2}


def _fate(m: re.Match[str]) -> str:
    return "killed" if m.group("killed") else "injured" if m.group("injured") else "shot"


def _count_of(det: str, noun: str, coord: str | None) -> int | None:
    det = re.sub(r"\s+", " ", det.lower())
    if det.isdigit():
        return int(det)
    if det in _NUMBER_WORDS:
        return _NUMBER_WORDS[det]
    if re.fullmatch(rf"(?:{_PLURAL_NOUNS})", noun, re.IGNORECASE):
        return None  # "the men", "several people": a group of unknown size
    return 2 if coord else 1


class _Cast:
    def __init__(self) -> None:
        self.victims: list[Victim] = []
        # sentence that counted a group of hurt people -> how many of them later died
        self.died_from: dict[int, int] = {}

    def died(self, v: Victim, n: int) -> None:
        self.died_from[v.sentence] = self.died_from.get(v.sentence, 0) + n

    def live(self) -> list[Victim]:
        return [v for v in self.victims if v.count > 0]

    def add(self, v: Victim) -> None:
        self.victims.append(v)

    def last(self, *, perpetrator: bool | None = None) -> Victim | None:
        pool = [v for v in self.victims if perpetrator is None or v.perpetrator == perpetrator]
        return pool[-1] if pool else None

    def by_name(self, name: str) -> Victim | None:
        parts = set(name.lower().split())
        for v in self.victims:
            if any(parts & set(n.lower().split()) for n in v.names):
                return v
        return None

    def unnamed(self) -> Victim | None:
        return next((v for v in self.victims if not v.names and v.count == 1 and not v.perpetrator), None)


def _set_fate(v: Victim, fate: str, sentence: int, start: int, end: int) -> None:
    v.sources.add(sentence)
    if _RANK[fate] > _RANK[v.fate] or v.fate_end == 0:
        v.fate = fate
        v.fate_sentence, v.fate_start, v.fate_end = sentence, start, end


def _name_at(text: str, end: int) -> str | None:
    """A person's name ending at ``end`` (before an age appositive or the predicate)."""
    head = text[:end]
    head = re.sub(r"\s*,\s*(?:a|an)?\s*\d{1,3}(?:-year-old)?(?:\s+[\w-]+){0,3}\s*,\s*$", "", head)
    head = re.sub(r"\s*,\s*\d{1,3}\s*,?\s*$", "", head)
    m = re.search(
        rf"(?P<name>{_WORD}(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+(?:[A-Z][a-z'’-]+)?){{0,3}})\s*$", head
    )
    if not m:
        return None
    words = m.group("name").split()
    while words and words[0].lower() in _NOT_NAME_WORDS:
        words = words[1:]
    if not words or any(w.lower().rstrip(".") in _NOT_NAME_WORDS for w in words if not _INITIAL.fullmatch(w)):
        return None
    return " ".join(words)


# a middle initial ("Jane A. Doe") is no word of its own: "A." is not the article "a"
_INITIAL = lazy_compile(r"[A-Z]\.")

_Mention = tuple[int, int, str, "re.Match[str] | None", str]


def _mentions(text: str, surnames: dict[str, str], cased: str | None = None) -> list[_Mention]:
    """Person mentions in a sentence: (start, end, kind, match, name); kind is intro, pronoun,
    name (a full name), or surname (a lone word that ends a full name the report gives:
    "Mitchell" for "Jakell Mitchell")."""
    out: list[_Mention] = []
    for m in _INTRO.finditer(text):
        out.append((m.start(), m.end(), "intro", m, ""))
    for m in _PRONOUN.finditer(text):
        out.append((m.start(), m.end(), "pronoun", m, ""))
    for start, end, name in _name_matches(text, cased):
        if any(a <= start < b for a, b, *_ in out):
            continue
        age = re.match(
            # "John Doe, 29, a cook, was killed": the age and an appositive after it
            r"\s*,\s*(?:(?:a|an)\s+)?\d{1,3}(?:-year-old)?(?:\s+[\w-]+){0,3}?\s*,(?:\s*(?:a|an)\s+[^,;.]{1,60},)?",
            text[end:],
            re.I,
        )
        out.append((start, end + (age.end() if age else 0), "name", None, name))
    caseless = _caseless(text)
    for m in (_SURNAME_CASELESS if caseless else _SURNAME).finditer(text):
        full = surnames.get(m.group(1).title() if caseless else m.group(1))
        if full is None or any(a <= m.start() < b for a, b, *_ in out):
            continue
        end = m.end()
        age = re.match(r"\s*,\s*\d{1,3}\s*,", text[end:])
        out.append((m.start(), end + (age.end() if age else 0), "name", None, full))
    out.sort(key=lambda t: t[0])
    return out


# headline style: "Man shot, killed on west side", "Teen Shot To Death" -> "Man was shot, killed ..."
# "... had been shot multiple times and was pronounced dead at the scene"
_THEN_DIED = lazy_compile(
    r"[^.;]{0,80}?\b(?:and|but)\s+(?:later\s+|then\s+|was\s+later\s+)?(?:was\s+)?(?:pronounced\s+dead|died|"
    r"succumbed|declared\s+dead|killed)\b",
    re.IGNORECASE,
)
_HEADLINE_VERB = lazy_compile(
    r"^((?:(?:a|an|one|two|three|\d+)\s+)?(?:[\w'’-]+\s+){0,2}?(?:"
    + _VICTIM_NOUNS
    + r"|"
    + _PLURAL_NOUNS
    + r"|\d{1,2}-year-old))\s+((?:fatally\s+shot|shot(?:,|\s+and)\s+killed|shot\s+to\s+death|shot\s+dead|killed|"
    r"dies|died|dead|slain))\b",
    re.IGNORECASE,
)


_DEADLY = lazy_compile(
    r"(?<!non-)(?<!non )\b(?:fatal(?:ly)?|deadly)\s+(?:shooting|shot|stabbing)|"
    # "a deadly Sunday morning shooting", "a fatal drive-by shooting" (not "a non-fatal shooting")
    r"(?<!non-)(?<!non )\b(?:fatal|deadly)\s+(?:(?!(?:and|or|but|a|an|the|no|not|non)\b)[\w'’-]+\s+){1,3}?(?:shooting|stabbing)\b|\bshooting\s+death|(?<!attempted )\bhomicide\b|(?<!attempted )\bmurder(?!-suicide)\b",
    re.IGNORECASE,
)


def _deadly_hint(cast: _Cast, texts: list[str]) -> None:
    """ "a deadly shooting", "a homicide" told of the incident whose one victim is only said to have
    been shot: that victim died."""
    victims = [v for v in cast.victims if not v.perpetrator]
    shot = [v for v in victims if v.fate == "shot"]
    if any(v.fate == "killed" for v in victims) or len(shot) != 1 or shot[0].count != 1:
        return
    if any(_DEADLY.search(t) for t in texts if t):
        v = shot[0]
        _set_fate(v, "killed", v.fate_sentence or v.sentence, v.fate_start or v.start, v.fate_end or v.end)


def _headline_deaths(cast: _Cast, headline: str) -> None:
    head = _Cast()
    text = _HEADLINE_VERB.sub(
        lambda m: f"{m.group(1)} was {m.group(2).replace(',', ' and')}", headline.strip()
    )
    # "Teen dead from gunshot wound" reads "A Teen was dead"; "Man dies" reads "A Man dies"
    text = re.sub(r"\bwas\s+(dies|died)\b", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(
        r"^(\S)",
        lambda m: (
            "A " + m.group(1) if not re.match(r"(?:a|an|one|two|three|\d)\b", text, re.I) else m.group(1)
        ),
        text,
    )
    _read_sentence(head, -1, 0, text, {})
    said = sum(v.count for v in head.victims if v.fate == "killed" and not v.perpetrator)
    counted = [v for v in cast.victims if not v.perpetrator]
    died = sum(v.count for v in counted if v.fate == "killed")
    if said <= died or sum(v.count for v in counted) < said:
        return
    for v in list(counted):
        if v.fate != "killed" and said > died:
            moved = min(v.count, said - died)
            _upgrade(
                cast,
                moved,
                "killed",
                (v.fate_sentence or v.sentence, v.fate_start or v.start, v.fate_end or v.end),
            )
            died += moved


# in text without letter case a name is told by the age set off after it: "JOSE REYES, 21, WAS ..."
_NAME_CASELESS = lazy_compile(
    r"(?<![\w'’-])(?P<name>[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){1,3})(?=\s*,\s*(?:(?:A|AN)\s+)?\d{1,3}(?:-YEAR-OLD)?\b)"
)
# ... or by the age right before it, with no article: "KILLED 36-YEAR-OLD MARCUS BELL", "A
# NEIGHBOR, 55-YEAR-OLD BETTIE JONES" (not "A 36-YEAR-OLD HARTFORD MAN")
_AGE_BEFORE_NAME = lazy_compile(
    r"(?<![\w'’-])(?P<det>[A-Z]+\s+)?\d{1,3}-YEAR-OLD(?P<name>(?:\s+(?:[A-Z]\.|[A-Z][A-Z'’-]+)(?![\w'’-])){2,3})"
)
_TOKEN = lazy_compile(r"\S+")
_DETERMINERS = frozenset(
    ["a", "an", "the", "one", "another", "his", "her", "their", "its", "two", "three", "four", "five", "both"]
)
_VICTIM_WORD = lazy_compile(rf"(?:{_VICTIM_NOUNS}|{_PLURAL_NOUNS}|{_PERP_NOUNS})", re.IGNORECASE)


def _caseless(text: str) -> bool:
    return not re.search(r"[a-z]", text)


def _name_word(w: str, nouns: bool = False) -> bool:
    """Can this word of upper-case text be part of a person's name? With ``nouns``, a word for a
    person ("MAN", "RESIDENT") cannot either."""
    low = w.lower().rstrip(".")
    return low not in _NOT_NAME_WORDS and low not in _COMMON and not (nouns and _VICTIM_WORD.fullmatch(low))


def _caseless_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of the full names an age tells in a sentence without letter case."""
    out: list[tuple[int, int, str]] = []
    for m in _NAME_CASELESS.finditer(text):
        # the name is the words right before the age: "KILLED ALONG WITH HERIBERTO CORPUS, 20"
        words = m.group("name").split()
        k = len(words)
        while k > 0 and _name_word(words[k - 1]):
            k -= 1
        words = words[k:]
        if len(words) < 2:
            continue
        name = " ".join(words)
        out.append((m.end("name") - len(name), m.end("name"), name))
    for m in _AGE_BEFORE_NAME.finditer(text):
        if m.group("det") and m.group("det").strip().lower() in _DETERMINERS:
            continue
        spans = [(w.start(), w.end()) for w in _TOKEN.finditer(text, m.start("name"), m.end("name"))]
        k = 0  # the name: its first words that can be a name's
        while k < len(spans) and (_INITIAL.fullmatch(w := text[slice(*spans[k])]) or _name_word(w, True)):
            k += 1
        if k == 3 and _PREDICATE.match(text, spans[1][1]):
            k = 2  # "36-YEAR-OLD MARCUS BELL SUFFERED A GUNSHOT WOUND"
        if k < 2 or any(a < spans[k - 1][1] and spans[0][0] < b for a, b, _ in out):
            continue
        start, end = spans[0][0], spans[k - 1][1]
        out.append((start, end, " ".join(text[start:end].split())))
    return out


def _name_matches(text: str, cased: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, name) of the full names in a sentence; in one without letter case, those an age
    tells, and those its restored case (``cased``) writes as names, given as written."""
    out: list[tuple[int, int, str]] = []
    if _caseless(text):
        out = _caseless_names(text)
        if cased is None:
            return out
        for start, end, _ in _name_matches(cased):
            if not any(a < end and start < b for a, b, _ in out):
                out.append((start, end, text[start:end]))
        out.sort()
        return out
    for m in _NAME.finditer(text):
        words = m.group("name").split()
        if any(w.lower().rstrip(".") in _NOT_NAME_WORDS for w in words if not _INITIAL.fullmatch(w)):
            continue
        out.append((m.start(), m.end(), m.group("name")))
    return out


_COMMON = frozenset(
    [
        "man",
        "woman",
        "boy",
        "girl",
        "teen",
        "teenager",
        "victim",
        "male",
        "female",
        "person",
        "driver",
        "officer",
        "suspect",
        "identified",
        "as",
        "was",
        "were",
        "is",
        "are",
        "of",
        "for",
        "with",
        "by",
        "from",
        "to",
        "who",
        "said",
        "says",
        "told",
        "that",
        "old",
        "year-old",
    ]
)
_SURNAME_CASELESS = lazy_compile(r"\b([A-Z][A-Z'’]+(?:-[A-Z]+)?)\b")
_SURNAME = lazy_compile(rf"\b({_WORD}(?:-[A-Z][a-z]+)?)\b(?!\s+[A-Z])")


def _surnames(sentences: list[tuple[int, int, str]], cased: Mapping[int, str]) -> dict[str, str]:
    """Last word -> full name, for every full name the sentences give."""
    out: dict[str, str] = {}
    for index, _, text in sentences:
        for _, _, name in _name_matches(text, cased.get(index)):
            last = name.split()[-1]
            out.setdefault(last.title() if _caseless(text) else last, name)
    return out


def count_people(
    sentences: list[tuple[int, int, str]],
    headline: str | None = None,
    cased: Mapping[int, str] | None = None,
) -> PeopleTally:
    """Victims and their fate over ``(index, article_offset, text)`` sentences of one incident,
    in reading order. A ``headline`` that says more of the same people died ("Woman shot, killed
    in West Philadelphia" over "a woman was shot twice") moves them to killed; it never adds
    people the text does not mention.

    ``cased`` gives upper-case sentences (by index) in a restored letter case, letter for letter
    the same length ("JAKELL MITCHELL WAS SHOT" -> "Jakell Mitchell was shot"): full names are also
    read there, as in mixed-case text; everything else is read in the sentence as written."""
    cased = cased or {}
    cast = _Cast()
    surnames = _surnames(sentences, cased)
    for index, offset, text in sentences:
        _read_sentence(cast, index, offset, text, surnames, cased.get(index))
    if headline:
        _headline_deaths(cast, headline)
    _deadly_hint(cast, [headline or "", *(t for _, _, t in sentences[:3])])
    victims = [v for v in cast.live() if not v.perpetrator]
    if not victims:
        victims = cast.live()  # nobody but the one shot by police: that person is the casualty
    killed = [v for v in victims if v.fate == "killed"]
    hurt = [v for v in victims if v.fate != "killed"]

    def at(vs: list[Victim]) -> tuple[int, int, int] | None:
        if not vs:
            return None
        v = vs[0]
        if v.fate_end:
            return v.fate_sentence, v.fate_start, v.fate_end
        return v.sentence, v.start, v.end

    return PeopleTally(
        killed=sum(v.count for v in killed),
        injured=sum(v.count for v in hurt),
        shot=sum(v.count for v in hurt if v.fate == "shot"),
        sources={
            "killed": tuple(sorted({i for v in killed for i in v.sources})),
            "injured": tuple(sorted({i for v in hurt for i in v.sources})),
        },
        killed_at=at(killed),
        injured_at=at(hurt),
        died_from=dict(cast.died_from),
    )


# a sentence without any of these words tells no one's fate
_FATE_CUE = lazy_compile(
    r"shot|shoot|kill|dead|die|death|decease|slain|murder|fatal|wound|injur|hurt|graze|hospital|condition|"
    r"bod(?:y|ies)|gunshot|bullet|\brounds?\b|surviv|treated|suffer|stabb|gunned|succumb|passed\s+away|pronounced",
    re.IGNORECASE,
)


_PLACE_BEFORE = lazy_compile(r"\b(?:in|at|near|from|outside|inside)\s+$", re.IGNORECASE)
_ALONG_WITH = lazy_compile(
    r"(?:\s+[\w'’-]+){0,4}?\s+(?:along|together)\s+with\s+(?:(?:his|her|their)\s+)?", re.IGNORECASE
)


def _read_sentence(
    cast: _Cast, index: int, offset: int, text: str, surnames: dict[str, str], cased: str | None = None
) -> None:
    if not _FATE_CUE.search(text):
        return
    consumed: list[tuple[int, int]] = []
    last: tuple[int, str] | None = None  # where the last fate told ends, and that fate
    for start, end, kind, m, name in _mentions(text, surnames, cased):
        if any(a <= start < b for a, b in consumed):
            continue
        if kind == "name" and _PLACE_BEFORE.search(text, max(0, start - 12), start):
            continue  # "a man shot in Cedar Falls was in stable condition": a place, not a person
        pred = _PREDICATE.match(text, end)
        fate: str | None = None
        f_start = f_end = 0
        if pred is not None:
            fate = _fate(pred)
            f_start, f_end = start, pred.end()
            then = _THEN_DIED.match(text, f_end)
            if fate != "killed" and then is not None:
                fate, f_end = "killed", then.end()
        else:
            active = _ACTIVE.search(text[max(0, start - 40) : start])
            state = _LEFT_STATE.match(text, end)
            if active is not None and (
                kind != "pronoun" or (m is not None and m.group("pron").lower() in {"him", "her"})
            ):
                fate = _fate(active)
                if fate == "shot" and state is not None:
                    fate = "killed" if state.group("killed") else "injured"
                f_start, f_end = max(0, start - 40) + active.start(), end
            elif state is not None and re.search(
                r"\b(?:left|leaving|leaves|found|find|finding|discovered|located|pronounced|declared)\s+(?:[\w'’-]+\s+){0,2}$",
                text[max(0, start - 40) : start],
                re.IGNORECASE,
            ):
                fate = "killed" if state.group("killed") else "injured"
                f_start, f_end = start, state.end()
            elif kind != "pronoun" and last is not None and _ALONG_WITH.fullmatch(text, last[0], start):
                # "X was killed along with Y": Y shares the fate just told
                fate, f_start, f_end = last[1], start, end
        if fate is None:
            continue
        last = (max(end, f_end), fate)
        consumed.append((start, max(end, f_end)))
        if kind == "name":
            full = (_name_at(text, end) if not _caseless(text) else None) or name
            _apply_name(cast, index, offset, text, start, end, full, fate, f_start, f_end)
            continue
        _apply(cast, index, offset, text, start, end, kind, m, fate, f_start, f_end)
    # "two men were shot, one fatally", "one of them died": one member of a group died
    for m in _ONE_OF.finditer(text):
        if any(a <= m.start() < b for a, b in consumed if a != m.start()):
            continue
        group = next(
            (v for v in reversed(cast.victims) if v.count > 1 and v.fate != "killed" and not v.perpetrator),
            None,
        )
        if group is None:
            continue
        cast.died(group, 1)
        group.count -= 1
        died = Victim(
            "killed",
            1,
            False,
            set(),
            index,
            offset + m.start(),
            offset + m.end(),
            index,
            offset + m.start(),
            offset + m.end(),
        )
        died.sources |= group.sources
        cast.add(died)


def _apply_name(
    cast: _Cast,
    index: int,
    offset: int,
    text: str,
    start: int,
    end: int,
    name: str,
    fate: str,
    f_start: int,
    f_end: int,
) -> None:
    """A named person: someone already counted (by name, or the one unnamed victim), else new."""
    span = (index, offset + f_start, offset + f_end)
    perp = bool(_NON_VICTIM_CONTEXT.search(text[max(0, start - 50) : start])) and f_start >= start
    known = cast.by_name(name) or (cast.unnamed() if not perp else None)
    if known is not None:
        known.names.add(name)
        _set_fate(known, fate, *span)
        return
    if perp:
        return
    group = _group_of(cast, fate, text[start:f_end])
    if group is not None:
        # "Two people were shot ... Roe was in good condition": one of them, named
        if fate == "killed" and group.fate != "killed":
            cast.died(group, 1)
        group.count -= 1
        member = Victim(group.fate, 1, False, {name}, group.sentence, group.start, group.end, noun=group.noun)
        member.fate_sentence, member.fate_start, member.fate_end = (
            group.fate_sentence,
            group.fate_start,
            group.fate_end,
        )
        member.sources |= group.sources
        _set_fate(member, fate, *span)
        cast.add(member)
        return
    # "police officer John Doe": the noun before the name tells who the person is, so "a police
    # officer was killed" later is the same person
    title = _TITLE_BEFORE.search(text, max(0, start - 30), start)
    noun = re.sub(r"\s+", " ", title.group(1).lower()) if title else ""
    cast.add(Victim(fate, 1, False, {name}, index, offset + start, offset + end, *span, noun=noun))


_TITLE_BEFORE = lazy_compile(rf"\b({_VICTIM_NOUNS})\s+$", re.IGNORECASE)
_DIED = lazy_compile(
    r"\b(?:died|dies|succumbed|pronounced\s+dead|declared\s+dead|passed\s+away)\b", re.IGNORECASE
)


def _group_of(cast: _Cast, fate: str, told: str) -> Victim | None:
    """The group of unnamed victims a newly named person belongs to: the last group counted ("two
    people were shot"), of a fate that the name's fate can continue (shot, then in good condition;
    wounded, then died), unless the sentence adds someone ("also", "another")."""
    group = next((v for v in reversed(cast.victims) if not v.perpetrator), None)
    if group is None or group.count < 2 or group.names or _OTHER.search(told):
        return None
    if group.fate in {"shot", fate} or (group.fate == "injured" and fate == "killed" and _DIED.search(told)):
        return group
    return None


_MALE = frozenset(
    [
        "man",
        "boy",
        "son",
        "husband",
        "father",
        "dad",
        "brother",
        "stepson",
        "stepfather",
        "grandson",
        "grandfather",
        "uncle",
        "nephew",
        "boyfriend",
        "policeman",
        "he",
    ]
)
_FEMALE = frozenset(
    [
        "woman",
        "girl",
        "daughter",
        "wife",
        "mother",
        "mom",
        "sister",
        "stepdaughter",
        "stepmother",
        "granddaughter",
        "grandmother",
        "aunt",
        "niece",
        "girlfriend",
        "policewoman",
        "she",
    ]
)
_ORDINAL = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_OTHER = lazy_compile(
    r"\b(?:other|others|more|additional|another|also|further|second|third)\b", re.IGNORECASE
)


def _compatible(v: Victim, noun: str) -> bool:
    """Can a singular reference with ``noun`` ("the woman", "he", "the victim") be this person?"""
    head = v.noun.split()[-1] if v.noun else ""
    if noun in _MALE:
        return head not in _FEMALE
    if noun in _FEMALE:
        return head not in _MALE
    return True


_GENERIC = frozenset({"person", "victim", "individual"})


_SEX_WORD = {"man": "male", "male": "male", "woman": "female", "female": "female"}


def _same_noun(seen: str, noun: str, mods: str = "") -> bool:
    """Can a new "a man" be the one already counted as ``seen``? The same head noun, or a generic one
    ("a person shot" ... "officers found a man suffering from a gunshot wound"), or a role told with
    the same sex ("a man" ... "a 20-year-old male customer")."""
    a, b = seen.split()[-1:], noun.split()[-1:]
    if a == b:
        return True
    if a and _SEX_WORD.get(a[0]) and _SEX_WORD.get(a[0]) in {_SEX_WORD.get(w) for w in mods.lower().split()}:
        return True
    if not a or not b:
        return False
    return (a[0] in _GENERIC or b[0] in _GENERIC) and not (
        (a[0] in _MALE and b[0] in _FEMALE) or (a[0] in _FEMALE and b[0] in _MALE)
    )


def _single(cast: _Cast, noun: str, perp: bool = False, fate: str | None = None) -> Victim | None:
    """The person a singular reference points to: the last one counted who fits it; for a death
    told again ("the scene where the victim was killed"), the one already known dead."""
    fits = [
        v for v in reversed(cast.victims) if v.count == 1 and v.perpetrator == perp and _compatible(v, noun)
    ]
    if fate == "killed" and len(fits) > 1:
        dead = next((v for v in fits if v.fate == "killed"), None)
        if dead is not None:
            return dead
    return fits[0] if fits else None


def _upgrade(cast: _Cast, n: int, fate: str, span: tuple[int, int, int]) -> None:
    """``n`` of the people already counted have (at least) this fate; groups split as needed."""
    for v in list(cast.victims):
        if n <= 0:
            break
        if v.perpetrator or _RANK[v.fate] >= _RANK[fate]:
            n -= min(n, v.count) if _RANK[v.fate] >= _RANK[fate] and not v.perpetrator else 0
            continue
        if fate == "killed":
            cast.died(v, min(n, v.count))
        if v.count <= n:
            n -= v.count
            _set_fate(v, fate, *span)
            continue
        v.count -= n
        moved = Victim(fate, n, False, set(), v.sentence, v.start, v.end, *span, noun=v.noun)
        moved.sources |= v.sources | {span[0]}
        cast.add(moved)
        n = 0


def _apply(
    cast: _Cast,
    index: int,
    offset: int,
    text: str,
    start: int,
    end: int,
    kind: str,
    m: re.Match[str] | None,
    fate: str,
    f_start: int,
    f_end: int,
) -> None:
    span = (index, offset + f_start, offset + f_end)
    victims = [v for v in cast.victims if not v.perpetrator]
    if kind == "pronoun":
        assert m is not None
        pron = m.group("pron").lower()
        if pron in {"he", "she", "him", "her"}:
            noun = "he" if pron in {"he", "him"} else "she"
            target = _single(cast, noun)
            if target is not None:
                _set_fate(target, fate, *span)
            elif (pron in {"him", "her"} or not victims) and not (
                fate == "shot" and victims and _quoted(text, start)
            ):
                # "the suspects who shot and killed him": the person the sentence is about
                man = "man" if noun == "he" else "woman"
                cast.add(Victim(fate, 1, False, set(), index, offset + start, offset + end, *span, noun=man))
        else:
            for v in victims:
                if v.fate != "killed":
                    _set_fate(v, fate, *span)
        return
    assert m is not None
    det = re.sub(r"\s+", " ", m.group("det").lower())
    noun = re.sub(r"\s+", " ", m.group("noun").lower())
    mods = m.group("mods") or ""
    perp = bool(_PERP_RE.match(noun))
    count = _count_of(det, noun, m.group("coord"))
    other = bool(_OTHER.search(f"{det} {mods} {noun}"))
    ordinal = next(
        (n for w, n in _ORDINAL.items() if re.search(rf"\b{w}\b", f"{det} {mods} {noun}", re.I)), None
    )
    if ordinal is not None and not perp:
        # "a fourth victim died": the fourth of the people counted, or one more
        if sum(v.count for v in victims) >= ordinal:
            _upgrade(cast, 1, fate, span)
            return
        cast.add(Victim(fate, 1, False, set(), index, offset + start, offset + end, *span, noun=noun))
        return
    if det in {"the", "his", "her", "their", "its", "both"}:
        # a reference: the person (or people) already counted
        plural = det == "both" or bool(re.fullmatch(rf"(?:{_PLURAL_NOUNS})", noun, re.IGNORECASE))
        if plural and victims and not perp:
            n = count if count is not None else sum(v.count for v in victims)
            _upgrade(cast, n, fate, span) if _RANK[fate] > 0 else None
            return
        target = _single(cast, noun, perp, fate)
        if target is not None:
            _set_fate(target, fate, *span)
            return
        if not perp and any(v.count > 1 for v in victims) and det == "the":
            _upgrade(cast, 1, fate, span)  # "The 19-year-old victim died": one of the two shot
            return
        if det in {"his", "her", "their", "its"} and not re.search(
            r"(?:wife|husband|son|daughter|father|mother|brother|sister|girlfriend|boyfriend|friend|cousin|"
            r"uncle|aunt|nephew|niece|grand\w+|step\w+|fianc\w*|roommate|relative|sibling|neighbou?r|children|"
            r"sons|daughters|brothers|sisters|friends|relatives)$",
            noun,
        ):
            return
        if plural and not (det == "both" and not victims and not perp):
            return  # "Both teens were taken to a hospital": two people, where nobody was counted yet
    if count is None:
        return
    if fate == "shot" and re.search(r"\b(?:wounded|injured)\b", mods, re.IGNORECASE):
        fate = "injured"
    if noun == "others" and det not in _NUMBER_WORDS and not det.isdigit():
        return
    if not other and not perp and victims:
        if count >= 2 and sum(v.count for v in victims) >= count:
            # "Three people were pronounced dead" after "four people were killed": the same people
            _upgrade(cast, count, fate, span) if _RANK[fate] > 0 else None
            return
        same = next((v for v in reversed(victims) if v.count == 1 and _same_noun(v.noun, noun, mods)), None)
        if count == 1 and same is not None and same.sentence != index:
            _set_fate(same, fate, *span)  # "a man" again: the man already counted
            return
        if count == 1 and det == "one":
            _upgrade(cast, 1, fate, span)  # "one man was shot outside": one of those counted
            return
    if fate == "shot" and victims and _quoted(text, start):
        return  # a witness retelling the act ("He shot her, then shot a man"): the people already counted
    cast.add(Victim(fate, count, perp, set(), index, offset + start, offset + end, *span, noun=noun))


def _quoted(text: str, at: int) -> bool:
    """Is this point of the sentence inside quoted speech?"""
    head = text[:at]
    return head.count("“") > head.count("”") or head.count('"') % 2 == 1
