"""Casualty figures: every count mention in a sentence with its role, and the main incident's toll.

A mention is a number (digits, number words, "a dozen") tied to a casualty word by position:

* after it: "60 people were killed", "145 others injured", "five dead", "over 100 injuries",
  "SIX PEASANTS WERE MURDERED", "12 bodies";
* before it: "killing 12 people", "injuring about 30", "claimed the lives of 9",
  "the death toll has risen to 14", "taking the toll to 21".

Singular victims ("a policeman was killed", "JOSE MARTINEZ WAS ASSASSINATED") count 1, and
"no one was hurt" / "no injuries" / "no casualties" count 0. A mention is flagged as an update
("rose to"), an increment ("two more died"), a subset ("including 5 children", "11 of the
injured"), a total ("in total") or background (another event: another year, "last year's
attack", "in a similar attack", "a year after").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lazyre import lazy_compile
from ..schema import Qualifier
from .numbers import UNIT_VALUES, NumberMatch, find_numbers

__all__ = ["Mention", "Role", "background_cue_before", "background_year", "find_mentions"]

Role = str  # "killed" | "injured" | "hospitalized" | "missing"

_AUX = (
    r"(?:(?:were|was|have|has|had|are|is|been|being|be|got|get|reportedly|also|later|all|confirmed|now|still|"
    r"allegedly|believed|feared|thought|known|to|have\s+been|could|may|might|would|will|should|likely|initially|since|subsequently|either|so\s+far|"
    r"already|seriously|critically|badly|severely|slightly|mortally|fatally|gravely|only|"
    # any other manner adverb: "WERE BRUTALLY MURDERED", "was tragically killed"
    r"(?!(?:family|only|early|daily|weekly|monthly|yearly|rally|ally|july|italy)\b)[a-z]{3,}ly)\s+)*"
)
_KILLED_AFTER = (
    r"killed|dead|died|die|dies|murdered|assassinated|slain|massacred|executed|shot\s+dead|shot\s+and\s+killed|"
    r"gunned\s+down|burned\s+to\s+death|burnt\s+to\s+death|stabbed\s+to\s+death|beaten\s+to\s+death|"
    r"hacked\s+to\s+death|crushed\s+to\s+death|drowned|perished|lost\s+(?:their|his|her)\s+li(?:ves|fe)|"
    r"deaths?|fatalities|fatality|bodies|corpses|succumbed|confirmed\s+dead|found\s+dead|dead\s+bodies|"
    r"were\s+among\s+the\s+dead|martyred|lifeless"
)
_INJURED_AFTER = (
    r"injured|wounded|hurt|injuries|injury|wounds|casualties|sustained\s+(?:serious\s+|minor\s+|severe\s+)?"
    r"(?:injuries|wounds|burns)|suffered\s+(?:serious\s+|minor\s+|severe\s+)?(?:injuries|wounds|burns)|"
    r"(?:were\s+|was\s+)?(?:being\s+)?treated\s+for\s+(?:their\s+)?(?:injuries|wounds|burns|gunshot\s+wounds)|"
    r"rescued\s+with\s+injuries|with\s+injuries|with\s+(?:gunshot\s+)?wounds|with\s+burns"
)
_HOSP_AFTER = (
    r"hospitali[sz]ed|admitted(?:\s+to\s+(?:hospital|health\s+facilities|(?:a|the)\s+\w+))?|"
    r"(?:taken|rushed|airlifted|evacuated)\s+to\s+(?:hospital|(?:a|the|nearby|local|various|different)\s+"
    r"(?:\w+\s+)?(?:hospitals?|clinics?|health\s+facilities))|in\s+hospital|receiving\s+treatment|"
    r"under\s+treatment|being\s+treated(?!\s+for\s+(?:their\s+)?(?:injuries|wounds|burns))|patients\s+admitted"
)
_MISSING_AFTER = (
    r"missing|unaccounted\s+for|trapped|still\s+buried|feared\s+trapped|remain\s+missing|disappeared"
)

# words that may stand between a number and its casualty word ("60 people", "12 police officers",
# "nine other Malian soldiers"); a conjunction or clause word ends the noun phrase
_NP_WORD = (
    r"(?:(?!(?:and|but|while|after|before|when|as|who|whom|which|that|said|says|told|in|on|at|by|from|with|"
    r"including|among|per|than|were|was|are|is|have|has|had|during|for|into|to|across|since|until|if|or|"
    r"could|may|might|would|will|should|"
    r"the)\b)[\w'’-]+)"
)
_NP = rf"(?:\s+{_NP_WORD}){{0,4}}?"


# "TWO LEADERS OF THE LEFTIST PATRIOTIC UNION [UP] WERE KILLED": a group named by what it belongs to
_OF_GROUP = (
    r"(?:\s+of\s+(?!(?:them|those|these|whom|us|you)\b)(?:the\s+)?(?:[\w'’.-]+\s+){0,5}?[\w'’.-]+"
    r"(?:\s*[\[(][^\])\n]{1,40}[\])])?(?=\s*,?\s+(?:were|have|had|are)\b))?"
)


def _after(verbs: str) -> re.Pattern[str]:
    return lazy_compile(
        rf"^(?P<np>{_NP}{_OF_GROUP})(?:\s*,\s*(?:including|among\s+them|most\s+of\s+them|many\s+of\s+them)\s[^,;.]{{1,80}},)?"
        rf"(?:\s*,)?\s+{_AUX}(?P<verb>{verbs})\b",
        re.IGNORECASE,
    )


_RIGHT: list[tuple[Role, re.Pattern[str]]] = [
    ("killed", _after(_KILLED_AFTER)),
    ("injured", _after(_INJURED_AFTER)),
    ("hospitalized", _after(_HOSP_AFTER)),
    ("missing", _after(_MISSING_AFTER)),
]
# "12 dead" directly; "five people dead"
_TOLL_VERB = (
    r"(?:rose|risen|rises|rise|climbed|climbs|climb|jumped|increased|increases|reached|reaches|reach|hit|hits|"
    r"stood|stands|stand|was|is|has\s+been|now|passed|surpassed|exceeded|topped|went\s+up|gone\s+up|grew|"
    r"grown|soared|mounted|revised\s+(?:down|up)(?:wards?)?|revised|corrected|lowered|raised)"
)
_TOLL_TAIL = lazy_compile(
    r"(?:\b"
    + _TOLL_VERB
    + r"\s+(?:from\s+\S+\s+)?(?:to\s+|at\s+)?|\b(?:toll|count|figure)\s+(?:of|at|to|was|is|now)\s+"
    r"|\b(?:taking|bringing|raising|pushing|putting|lifting|increasing|took|brought|raised|pushed|put)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}(?:toll|total|tally|count|number\s+of\s+(?:dead|deaths|fatalities|"
    r"people\s+killed|victims))\b[^.;,]{0,40}?\s(?:to|at)\s+)$",
    re.IGNORECASE,
)
_TOLL_SUBJECT = lazy_compile(
    r"\b(?:(?:death|fatality)\s+(?:toll|count)|toll|number\s+of\s+(?:dead|deaths|fatalities|people\s+killed|"
    r"victims|bodies)|deaths|fatalities|dead)\b",
    re.IGNORECASE,
)
_INJURED_SUBJECT = lazy_compile(
    r"\bnumber\s+of\s+(?:injured|wounded|injuries|people\s+injured)\b", re.IGNORECASE
)


# "a toll of three", "an official death toll of 11": a figure given, not an update of the toll
_GIVEN_TOLL = lazy_compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:toll|count|figure)\s+of\s+$", re.IGNORECASE)


class _UpdateLeft:
    """ "the death toll from Friday's bombing ... rose to 19": a toll subject, then a toll verb."""

    def __init__(self, subject: re.Pattern[str]) -> None:
        self.subject = subject

    def search(self, left: str) -> bool:
        tail = _TOLL_TAIL.search(left)
        if not tail:
            return False
        if self.subject.search(tail.group(0)) or re.search(
            r"\b(?:taking|bringing|raising|pushing|putting|lifting|"
            r"increasing|took|brought|raised|pushed|put)\b",
            tail.group(0),
            re.I,
        ):
            return True
        head = left[: tail.start()]
        clause = re.split(r"[;]|,\s+(?:while|but|whereas)\b", head)[-1]
        return bool(self.subject.search(clause[-160:]))


_UPDATE_LEFT_KILLED = _UpdateLeft(_TOLL_SUBJECT)
_UPDATE_LEFT_INJURED = _UpdateLeft(_INJURED_SUBJECT)

_LEFT: list[tuple[Role, re.Pattern[str] | _UpdateLeft, str]] = [
    (
        "killed",
        lazy_compile(
            r"(?:\b(?:killing|killed|kills|kill|claimed\s+the\s+lives\s+of|claiming\s+the\s+lives\s+of|"
            r"claims\s+the\s+lives\s+of|took\s+the\s+lives\s+of|taking\s+the\s+lives\s+of|"
            r"the\s+deaths\s+of|the\s+bodies\s+of|bodies\s+of|left|leaving|leaves|murdering|murdered|"
            r"(?:murders?|assassinations?|massacre|killings?|death)\s+of(?:\s+the|\s+all)?|"
            r"assassinated|massacred|executed|"
            r"assassinating|massacring|slaughtering)\s+(?:a\s+total\s+of\s+|all\s+|only\s+|just\s+)?)$",
            re.IGNORECASE,
        ),
        "plain",
    ),
    ("killed", _UPDATE_LEFT_KILLED, "update"),
    (
        "injured",
        lazy_compile(
            r"(?:\b(?:injuring|injured|injures|injure|wounding|wounded|wounds|hurting|hurt|maiming)\s+"
            r"(?:only\s+|just\s+)?(?:a\s+total\s+of\s+)?)$"
            # "resulting in the injury of six people", "causing injuries to three passersby"
            r"|\b(?:injury|injuries|wounding)\s+(?:of|to)\s+(?:a\s+total\s+of\s+)?$"
            r"|\b(?:number\s+of\s+(?:injured|wounded|injuries|people\s+injured)|injured|wounded)\s+"
            r"(?:has\s+|had\s+)?(?:" + _TOLL_VERB + r")\s+(?:to\s+|at\s+)?$",
            re.IGNORECASE,
        ),
        "plain",
    ),
    ("injured", _UPDATE_LEFT_INJURED, "update"),
    (
        "hospitalized",
        lazy_compile(r"\b(?:hospitali[sz]ing|sending|sent)\s+(?:a\s+total\s+of\s+)?$", re.IGNORECASE),
        "plain",
    ),
]
# a left-context verb that needs its role word after the number ("left 5 dead", "leaving 3 injured")
_LEFT_NEEDS_ROLE = lazy_compile(
    r"\b(?:left|leaving|leaves|sending|sent)\s+(?:a\s+total\s+of\s+)?$", re.IGNORECASE
)
_DEAD_AFTER = lazy_compile(
    rf"^(?P<np>{_NP})\s+(?P<verb>dead|injured|wounded|hurt|missing|homeless|"
    # "left two men hospitalized with moderate injuries": the hurt
    r"hospitali[sz]ed(?=\s+with\s+(?:[\w-]+\s+){0,3}?(?:injuries|wounds|burns)\b))\b",
    re.IGNORECASE,
)

_SUBSET_BEFORE = lazy_compile(
    r"(?:\b(?:including|includes|included|among\s+(?:them|those|the\s+(?:dead|victims|injured|wounded|"
    r"casualties|deceased|killed))(?:\s+(?:were|are|was|is))?|of\s+whom|of\s+them|of\s+those|"
    r"among\s+whom|incl\.)\s+(?:(?:were|are|was|is|at\s+least|about|some)\s+)?)$",
    re.IGNORECASE,
)
_SUBSET_AFTER = lazy_compile(
    r"^\s+(?:of\s+(?:the|them|those|these|whom|its|their)\b(?!\s+(?:same\s+)?(?:family|families|household))|"
    r"(?:\w+\s+){0,2}(?:were|are)\s+(?:among|children|women|minors)\b)",
    re.IGNORECASE,
)
_INCREMENT = lazy_compile(
    r"^(?:\s+(?:more|additional|further|other\s+(?:people|injured|wounded|victims|patients))\b)"
    r"|(?<=\banother\s)$",
    re.IGNORECASE,
)
_INCREMENT_BEFORE = lazy_compile(r"\b(?:another|an\s+additional|a\s+further)\s+$", re.IGNORECASE)
_TOTAL = lazy_compile(
    r"\b(?:in\s+total|in\s+all|altogether|overall|a\s+total\s+of|total\s+of|combined)\b", re.I
)
_UPDATE_WORDS = lazy_compile(
    r"\b(?:rose|risen|rises|climbed|climbs|jumped|increased|reached|reaches|taking\s+the|bringing\s+the|"
    r"raising\s+the|now\s+stands|has\s+risen|revised|updated|latest\s+(?:toll|figures?|count))\b",
    re.IGNORECASE,
)

_PERSON_NOUNS = (
    r"man|woman|boy|girl|child|baby|toddler|teenager|teen|youth|worker|farmer|peasant|soldier|policeman|"
    r"policewoman|police\s+officer|officer|guard|security\s+guard|student|pupil|teacher|journalist|reporter|"
    r"photographer|civilian|resident|villager|passenger|driver|pilot|miner|fisherman|pedestrian|motorist|"
    r"cyclist|shopkeeper|trader|vendor|priest|imam|pastor|nun|monk|doctor|nurse|judge|lawyer|mayor|"
    r"councillor|councilor|governor|minister|politician|candidate|leader|commander|colonel|general|"
    r"lieutenant|sergeant|captain|major|private|agent|official|employee|tourist|pilgrim|worshipper|"
    r"protester|protestor|demonstrator|rebel|militant|insurgent|guerrilla|guerrillas|subversive|"
    r"terrorist|extremist|suspect|gunman|attacker|assailant|bomber|person|individual|member|leader|activist|"
    r"businessman|businesswoman|rancher|landowner|diplomat|ambassador|consul|senator|deputy|congressman|"
    r"prisoner|inmate|hostage|refugee|migrant|firefighter|rescuer|paramedic|volunteer|fan|spectator|minor|"
    r"bodyguard|bystander|passerby"
)
_SINGLE_VICTIM = lazy_compile(
    rf"\b(?P<det>a|an|one|another|the)\s+(?:[\w'’-]+\s+){{0,3}}?(?P<noun>{_PERSON_NOUNS})\s+"
    r"(?:[\w,'’-]+\s+){0,6}?"
    r"(?P<aux>was|has\s+been|had\s+been|is|were|died|dies)\s*(?P<verb>shot\s+dead|shot\s+and\s+killed|shot\s+to\s+death|killed|murdered|assassinated|slain|"
    r"stabbed\s+to\s+death|beaten\s+to\s+death|burned\s+to\s+death|found\s+dead|confirmed\s+dead|executed|"
    r"wounded|injured|hurt|shot|stabbed|hospitali[sz]ed|missing|)\b",
    re.IGNORECASE,
)
# words that never stand in a name read from upper-case copy
_NOT_NAME = (
    r"(?:He|She|It|This|That|Who|Which|There|They|One|The|A|An|HE|SHE|IT|THIS|THAT|WHO|WHICH|THERE|THEY|ONE|THE|A|"
    r"AN|HAVE|HAS|HAD|SAID|SAYS|WAS|WERE|AND|OF|IN|ON|AT|BY|TO|FOR|FROM|WITH|TODAY|YESTERDAY|BUT|OR|NOBODY|"
    r"NO|NONE|ANYONE|ANYBODY|EVERYONE|EVERYBODY|SOMEONE|SOMEBODY|Nobody|None|Anyone|Everyone|Someone|But)\b"
)
_NAMED_VICTIM = lazy_compile(
    # a full name, or one surname ("NEGHME WAS KILLED"); up to three appositives may stand between
    # it and the verb ("RICARDO CASTELLAR, MAYOR OF ACHI, WHO WAS KIDNAPPED ON 5 JANUARY, WAS FOUND DEAD")
    rf"(?P<name>\b(?!{_NOT_NAME})[A-Z][\w'’.-]+(?:\s+(?!{_NOT_NAME})[A-Z][\w'’.-]+){{0,4}})\s*,?"
    r"(?P<gap>(?:\s+[^,.;]{1,120},){0,3})\s+"
    r"(?:(?i:who\s+)?(?i:was|has\s+been|had\s+been)\s+(?P<verb>(?i:assassinated|murdered|shot\s+and\s+killed|killed|"
    r"shot\s+dead|shot\s+to\s+death|gunned\s+down|slain|executed|found\s+dead|wounded|injured))\b"
    r"|(?P<died>(?i:died|has\s+died))\s+(?i:after|in|at|of|from|when|while|as|on|today|tonight|yesterday|"
    r"instantly|instantaneously|later|early|last|this))"
)
# an appositive gap that holds another clause ("... SOURCES HAVE CONFIRMED THAT X, Y, WAS KILLED")
_GAP_CLAUSE = lazy_compile(
    r"\b(?:said|says|that|reported|confirmed|told|announced|stated|according)\b|--", re.I
)


def _named_victims(sentence: str) -> list[re.Match[str]]:
    """The named-victim matches of a sentence; a match whose appositives hold another clause is
    tried again from its next word."""
    out: list[re.Match[str]] = []
    pos = 0
    while (m := _NAMED_VICTIM.search(sentence, pos)) is not None:
        gap = m.group("gap")
        if gap and _GAP_CLAUSE.search(gap):
            nxt = re.compile(r"\s\S").search(sentence, m.start() + 1)
            if nxt is None:
                break
            pos = nxt.start() + 1
            continue
        out.append(m)
        pos = m.end()
    return out


# "THE MURDER OF MAYOR JUAN PEREZ", "THE JUDGE'S ASSASSINATION": one victim named by the act's noun
# "THE BODY OF AN UNIDENTIFIED MAN WAS FOUND", "the body of a woman was recovered from the river": one death
_BODY_FOUND = lazy_compile(
    rf"\bthe\s+(?:[\w-]+\s+){{0,2}}?body\s+of\s+(?:(?:a|an|one|the|another)\s+(?:[\w'’-]+\s+){{0,3}}?"
    rf"(?:{_PERSON_NOUNS}|victim)\b|(?-i:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){{1,3}}))(?:\s*,[^,.;:]{{1,60}},)?"
    r"\s*,?\s+(?:was|has\s+been|had\s+been)\s+"
    r"(?:(?:later|reportedly|finally)\s+)?(?P<verb>found|discovered|recovered|located|dumped)\b",
    re.IGNORECASE,
)
# "RESULTED IN THE DEATH OF A CIVILIAN", "causing injuries to a policeman": one victim of the act
_CAUSED_SINGLE = lazy_compile(
    r"\b(?:result(?:ed|ing|s)?\s+in|caus(?:ed|ing|es)|le(?:d|ading)\s+to)\s+(?:the\s+)?"
    r"(?P<verb>death|wounding|injury|injuries)\s+(?:of|to)\s+(?:a|an|one)\s+(?:[\w'’-]+\s+){0,3}?"
    rf"(?:{_PERSON_NOUNS})\b",
    re.IGNORECASE,
)
_NOMINAL_VICTIM = lazy_compile(
    r"\b(?:murder|assassination)\s+of\s+(?:the\s+|a\s+|an\s+)?(?P<head>[\w'’.-]+(?:\s+(?!(?:of|in|on|at|by|and|"
    r"who|which|that|was|were|is|has|had|last|yesterday|today|near|from|for|with)\b)[\w'’.-]+){0,4})"
    r"|['’]s\s+(?P<poss>murder|assassination)\b",
    re.IGNORECASE,
)
_HEADLINE_SINGLE = lazy_compile(
    rf"^(?:(?:a|an|one)\s+)?(?:[\w'’-]+\s+)?(?P<noun>{_PERSON_NOUNS})\s+(?P<verb>killed|dies|died|dead|shot\s+dead|"
    r"stabbed\s+to\s+death|injured|wounded|hurt)\b",
    re.IGNORECASE,
)
_ZERO = lazy_compile(
    r"\b(?:no\s+one|nobody|none|not\s+(?:a\s+single|one|a)\s+(?:person|one|civilian|soul)|"
    r"no\s+(?:people|person|one\s+else|others?|civilians|passengers|workers|residents))"
    r"(?:\s+else)?(?:\s+[\w'’-]+){0,4}?\s+(?:was|were|has\s+been|had\s+been|have\s+been|is|are|got)\s+(?:\w+\s+)?"
    r"(?P<verb>hurt|injured|wounded|harmed|killed|hospitali[sz]ed)\b"
    r"|\b(?:no|without|there\s+were\s+no|caused\s+no|causing\s+no|resulted\s+in\s+no|resulting\s+in\s+no|"
    r"left\s+no|with\s+no|but\s+no)\s+(?:immediate\s+)?(?:reported\s+)?"
    r"(?P<noun>injuries|injury|casualties|casualty|deaths|death|fatalities|fatality|one\s+(?:hurt|injured|killed)|"
    r"loss\s+of\s+(?:human\s+)?life|victims)\b(?:\s+(?:or|and)\s+(?P<noun2>injuries|deaths|casualties|fatalities))?"
    r"(?!\s+(?:figures?|toll|count))"
    r"|\bno\s+(?:one|body)\s+(?:died|was\s+killed)\b|\bthere\s+were\s+no\s+survivors\b",
    re.IGNORECASE,
)
_ZERO_NOT = lazy_compile(
    r"\b(?:no\s+(?:immediate\s+)?(?:reports?|word|information|details|confirmation|figures?|indication)\s+(?:of|on|about)|"
    r"not\s+(?:immediately\s+)?(?:clear|known)|unclear|could\s+not\s+(?:be\s+)?(?:confirm|say)|"
    r"no\s+(?:official\s+)?(?:casualty|death)\s+(?:figures?|toll|count))\b",
    re.IGNORECASE,
)

# Another event: a past year, "last year's attack", "in a similar attack", "a year after".
_BACKGROUND_CUE = lazy_compile(
    r"\b(?:last\s+(?:year|month|week)(?:'s)?|(?:a|one|two|three|four|five|six|\d+)\s+(?:years?|months?|decades?)\s+"
    r"(?:ago|earlier|after|since|before)|years?\s+since|(?:\w+\s+)?anniversary|previous(?:ly)?|earlier\s+(?:this|that)\s+"
    r"(?:year|month)|in\s+(?:a|an|the)\s+(?:similar|separate|earlier|previous|prior|another|last)\b|similar\s+"
    r"(?:attacks?|incidents?|bombings?|raids?)|separate\s+(?:attacks?|incidents?|raids?|bombings?)|"
    r"(?:deadliest|worst|biggest|largest|bloodiest)\b[^.;]{0,80}?\bsince\b|since\s+(?:19|20)\d\d|"
    # (not "in the past few hours": the hours just gone are the news itself)
    r"history\s+of|in\s+the\s+past(?!\s+(?:few\s+|\d+\s+|twenty-four\s+|forty-eight\s+)?hours\b)|in\s+recent\s+(?:years|months)|past\s+(?:two\s+)?(?:decades?|years)|"
    r"record\s+(?:in|of)|the\s+(?:19|20)\d\d\b|in\s+(?:(?:early|late|mid-?)\s*)?(?:(?:january|february|march|april|"
    r"may|june|july|august|september|october|november|december)\s+)?(?:19|20)\d\d|"
    r"(?:19|20)\d\d\s+(?:attack|bombing|blast|shooting|massacre|earthquake|quake|flood|floods|fire|crash|"
    r"disaster|tragedy|tsunami|outbreak|epidemic|pandemic)|elsewhere|separately|meanwhile)\b"
    # "it was the second deadly fire in the city this week: on Monday, nine workers were killed"
    r"|\b(?:second|third|fourth|fifth)\s+(?:[\w-]+\s+){1,6}?(?:this|last|a|one|the\s+same|the\s+past|within\s+a)\s+"
    r"(?:week|month|fortnight|year|days?)\s*(?::|—|–|,\s+after\b)",
    re.IGNORECASE,
)
_YEAR = lazy_compile(r"\b(?:19|20)\d\d\b")
# nationwide or seasonal totals are not one event's toll
_AGGREGATE = lazy_compile(
    r"\b(?:since\s+the\s+(?:start|onset|beginning)\s+of|so\s+far\s+this\s+(?:year|season|month)|"
    r"(?:this|the)\s+(?:monsoon|rainy|wet|fire|hurricane|typhoon)\s+season|across\s+the\s+country\s+since|"
    r"nationwide\s+since|since\s+(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\b(?!\s+\d)|(?:this|last)\s+year\s+alone|in\s+the\s+past\s+(?:year|decade)|"
    # a rate, not a toll: "an average of one death every two days", "30,000 are killed each year"
    r"an\s+average\s+of|every\s+(?:\w+\s+)?(?:minutes|hours|days|weeks|months|years)|"
    r"(?:each|every|per)\s+(?:day|week|month|year)|annually)\b",
    re.IGNORECASE,
)
# "the group's claim that it had killed 20 officers": a claim, not the toll
_DISPUTED = lazy_compile(
    r"\b(?:claim(?:ed|s)?|said|says|boasted)\s+(?:that\s+)?(?:it|they|its\s+fighters)\s+(?:had\s+|have\s+)?"
    r"(?:killed|wounded|injured)\s+$|\bclaim\s+that\s+[^.;]{0,40}$",
    re.IGNORECASE,
)
# "aged 19 and 23", "aged between 20 and 35": ages
_AGE_LEFT = lazy_compile(
    r"\b(?:aged|ages?)\s+(?:between\s+)?(?:\d{1,3}\s*(?:,|and|to|-|–)\s*)*$", re.IGNORECASE
)
# a parent's children, not a toll: "a mother of three is dead", "the father of two was killed"
_PARENT_OF_LEFT = lazy_compile(
    r"\b(?:mother|father|mom|dad|parent|grandmother|grandfather|grandparent)s?\s+of\s+$", re.IGNORECASE
)
# a figure given before a later one replaced it: "officials had put the toll at two", "initial reports
# had put the number of dead at seven", "a day after health officials had put the toll at 15"
_SUPERSEDED_LEFT = lazy_compile(
    r"\b(?:had\s+(?:earlier\s+|initially\s+|first\s+|previously\s+)?(?:put|given|reported|set|placed|estimated|"
    r"said)|initial(?:ly)?\s+(?:reports?|figures?|estimates?|tolls?)?|earlier\s+(?:reports?|figures?|estimates?|"
    r"tolls?)|(?:previous|earlier|initial)\s+(?:toll|count|figure)\s+(?:of|was))\b[^.;]{0,60}$",
    re.IGNORECASE,
)
_CLAUSE_BREAK = lazy_compile(r"[;:]|,\s+(?:while|but|and|whereas)\b|\.\s")


@dataclass(frozen=True)
class Mention:
    role: Role
    value: int
    qualifier: Qualifier
    start: int  # offsets in the article text
    end: int
    as_stated: str
    sentence: int  # index of the sentence
    update: bool = False
    increment: bool = False
    subset: bool = False
    total: bool = False
    background: bool = False
    superseded: bool = False  # an earlier figure the article reports as replaced
    weak: bool = False  # singular or zero statement without a number
    disputed: bool = False  # a party's claim ("the group said it had killed 20")


def background_year(text: str, reference_year: int | None) -> bool:
    """Does ``text`` name a year before the article's own (any year when that is unknown)?"""
    return any(reference_year is None or int(m.group(0)) < reference_year for m in _YEAR.finditer(text))


def background_cue_before(
    sentence: str, pos: int, reference_year: int | None, *, number_end: int | None = None
) -> bool:
    """Is the number at ``pos`` in ``sentence`` about another event (a cue stands before it in
    the sentence, or a past year follows it within the same clause)? ``number_end``: where the
    number itself ends, so a year-like count ("the toll rose to 2053") is not its own year."""
    before = sentence[:pos]
    for y in _YEAR.finditer(before):
        if reference_year is None or int(y.group(0)) < reference_year:
            return True
    if _AGGREGATE.search(sentence[max(0, pos - 120) : pos + 160]):
        return True
    for m in _BACKGROUND_CUE.finditer(before):
        cue = m.group(0)
        years = _YEAR.findall(cue)
        if years and reference_year is not None and all(int(y) >= reference_year for y in years):
            continue  # "in 2024" in a 2024 article is this year
        return True
    after = sentence[pos : pos + 90]
    brk = _CLAUSE_BREAK.search(after)
    clause = after[: brk.start()] if brk else after
    for m in _YEAR.finditer(clause):
        if number_end is not None and pos + m.start() < number_end:
            continue
        if reference_year is None or int(m.group(0)) < reference_year:
            return True
    return bool(re.search(r"\b(?:last\s+year|years\s+ago|in\s+a\s+similar)\b", clause, re.I))


def _as_stated(sentence: str, n: NumberMatch, np_end: int) -> str:
    phrase = sentence[n.start : max(n.end, np_end)].strip(" ,")
    return re.sub(r"\s+", " ", phrase)


def find_mentions(
    sentence: str, offset: int, index: int, reference_year: int | None, *, title: bool = False
) -> list[Mention]:
    """Casualty mentions in one sentence (``offset`` = where the sentence starts in the article)."""
    out: list[Mention] = []
    if not _has_any_cue(sentence):
        return out
    for n in find_numbers(sentence):
        mention = _number_mention(sentence, n, offset, index, reference_year)
        if mention is not None:
            out.append(mention)
    coordinated = _coordinated(sentence, offset, index, reference_year)
    if coordinated:
        # "FIVE POLICEMEN AND A CIVILIAN WERE KILLED": the sum, not each group alone
        out = [m for m in out if not any(c.start <= m.start < c.end for c in coordinated)]
        out.extend(coordinated)
    out.extend(_named_groups(sentence, offset, index, reference_year, out))
    out.extend(_singles(sentence, offset, index, reference_year, out, title))
    out.extend(_left_fates(sentence, offset, index, reference_year, out))
    also = _also_killed(sentence, offset, index, reference_year)
    out.extend(a for a in also if not any(m.start < a.end and a.start < m.end for m in out))
    zeros = _zeros(sentence, offset, index, reference_year)
    # "NOT A SINGLE PERSON WAS KILLED", "not one person was hurt": the figure inside is the zero's
    out = [m for m in out if not any(z.start <= m.start and m.end <= z.end for z in zeros)]
    out.extend(zeros)
    if not any(m.role == "killed" and not m.weak for m in out):
        out.extend(_ordinal(sentence, offset, index, reference_year))
    return out


# two counted groups that share one fate: "FIVE POLICEMEN AND A CIVILIAN WERE KILLED", "ONE ADULT AND
# FOUR MINORS WERE KILLED", "THE MURDER OF SIX JESUITS AND TWO WOMEN", "SIX JESUIT PRIESTS -- FIVE
# SPANIARDS AND ONE SALVADORAN -- AND TWO WOMEN WERE MURDERED"
_COUNT_WORDS = {"a": 1, "an": 1} | {word: value for word, value in UNIT_VALUES.items() if value <= 12}
_Q = r"(?:\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)"
_GROUP_WORD = (
    r"(?!(?:and|or|were|was|are|is|have|has|had|in|on|at|of|by|from|for|with|who|that|which|the|their|his|her|"
    r"during|when|after|while|killed|murdered|wounded|injured|hurt|dead|died|dies|fell|remain\w*)\b)[A-Za-z][\w'’-]*"
)
_GROUPS = (
    rf"(?<![\w-])(?P<q1>{_Q})\s+(?:{_GROUP_WORD}\s+){{0,3}}?{_GROUP_WORD}"
    r"(?:\s*(?:--|\()[^-()]{1,80}(?:--|\)))?"
    rf"\s*,?\s+and\s+(?:(?:their|his|her|its)\s+)?(?P<q2>{_Q})\s+(?:other\s+)?(?:{_GROUP_WORD}\s+){{0,3}}?"
    rf"{_GROUP_WORD}"
)
# a relative clause between the counted people and their fate: "two men who were sitting in a car were
# shot and killed", "six priests and two women who worked with them were murdered" (no clause word, no
# other fate inside it: "two men who fled after three people were killed" is not read)
_RELATIVE_CLAUSE = (
    r"\s*,?\s+who\s+(?:were\s+|was\s+|had\s+been\s+|have\s+been\s+)?"
    r"(?:(?!(?:and|but|or|who|whom|whose|which|that|where|when|while|after|before|since|because|if|as|until|"
    r"said|says|told|say|were|was|are|is|have|has|had|been|killed|died|dead|murdered|shot|wounded|injured|hurt|"
    r"slain|stabbed|\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten)\b)[\w'’.-]+\s+){0,7}?"
    r"(?!(?:and|but|or|who|which|that|after|before|when|while|were|was|been|killed|died|murdered|shot|wounded|"
    r"injured|hurt)\b)[\w'’.-]+\s*,?"
)
_RELATIVE = rf"(?:{_RELATIVE_CLAUSE})?"
_GROUPS_FATE = lazy_compile(
    _GROUPS
    + _RELATIVE
    + r"(?P<fate>\s+(?:(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?(?P<verb>killed|murdered|assassinated|"
    r"massacred|slain|executed|wounded|injured|hurt)|(?:all\s+|both\s+|later\s+)?(?:died|perished))\b)",
    re.IGNORECASE,
)
_GROUPS_ACT = lazy_compile(
    r"\b(?P<act>(?:murders?|assassinations?|killings?|massacre|deaths|slaying)\s+of\s+(?:the\s+)?|"
    r"(?:killed|killing|murdered|murdering|assassinated|assassinating|massacred|massacring|wounded|wounding|"
    r"injured|injuring)\s+)" + _GROUPS,
    re.IGNORECASE,
)
# one person and a counted group of theirs: "the governor and three of his guards were killed", "HIS
# DRIVER AND ONE OF HIS BODYGUARDS WERE KILLED", "MARIA DIAZ, A JUDGE, AND TWO OF HER BODYGUARDS WERE
# ASSASSINATED", "gunmen killed the mayor and two of his bodyguards"; a name needs an appositive or
# "of his/her" to be read as one (upper-case copy: "REBEL FIGHTERS AND TWO SOLDIERS" is no name)
_ONE_HEAD = (
    rf"(?:(?:the|his|her|their|its|a|an)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{_PERSON_NOUNS}|bodyguard|escort|wife|husband|son|"
    r"daughter|brother|sister|mother|father|companion|secretary|chauffeur|inspector|detective)(?<![sS])"
    r"|(?P<name>(?-i:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,4}))(?P<appos>\s*,(?!\s*(?:his|her|their)\s)[^,;.]{1,80},)?)"
)
_ONE_AND_GROUP = (
    rf"(?<![\w'’-])(?P<head>{_ONE_HEAD})\s*,?\s+and\s+(?P<q2>{_Q})\s+(?P<of>of\s+(?:his|her|their|its)\s+)?"
    rf"(?:other\s+)?(?:{_GROUP_WORD}\s+){{0,3}}?{_GROUP_WORD}"
)
_ONE_AND_GROUP_FATE = lazy_compile(
    r"(?:^|(?<=[,:;])|(?<=\]\s)|(?<=--\s)|(?:(?<=\bthat)|(?<=\bsaid)|(?<=\bsays)|(?<=\bwhich)|(?<=\bwhom)|"
    r"(?<=\bwhen)|(?<=\bwhere)|(?<=\bafter)|(?<=\bwhile))\s)\s*"
    + _ONE_AND_GROUP
    # "... TWO OF HER BODYGUARDS FROM THE DAS [ADMINISTRATIVE DEPARTMENT OF SECURITY], WERE ASSASSINATED"
    + r"(?:\s+(?:from|of|in|at|with)\s+(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,2}?)?(?:\s*[\[(][^\])]{1,60}[\])])?"
    r"(?:\s*,(?=\s+(?:were|have|had)\b))?"
    + _RELATIVE
    + r"(?P<fate>\s+(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?(?P<verb>killed|murdered|assassinated|"
    r"massacred|slain|executed|wounded|injured|hurt)\b)",
    re.IGNORECASE,
)
_ONE_AND_GROUP_ACT = lazy_compile(
    r"\b(?P<act>(?:murders?|assassinations?|killings?|massacre|deaths|slaying)\s+of\s+|"
    r"(?:killed|killing|murdered|murdering|assassinated|assassinating|massacred|massacring|wounded|wounding|"
    r"injured|injuring)\s+)" + _ONE_AND_GROUP,
    re.IGNORECASE,
)


# cheap checks before the coordination patterns: every one needs "and", the fate ones a fate word
_AND_WORD = lazy_compile(r"\band\b", re.IGNORECASE)
_FATE_WORD = lazy_compile(
    r"\b(?:killed|murdered|assassinated|massacred|slain|executed|wounded|injured|hurt|died|perished)\b",
    re.IGNORECASE,
)

_ACT_WORD = lazy_compile(
    r"\b(?:kill|murder|assassinat|massacr|death|slay|slain|execut|wound|injur|hurt|died|perish)",
    re.IGNORECASE,
)


def _coordinated(sentence: str, offset: int, index: int, reference_year: int | None) -> list[Mention]:
    out: list[Mention] = []
    if _AND_WORD.search(sentence) is None or _ACT_WORD.search(sentence) is None:
        return out
    fate = _FATE_WORD.search(sentence) is not None
    patterns = (
        (_GROUPS_FATE, _GROUPS_ACT, _ONE_AND_GROUP_FATE, _ONE_AND_GROUP_ACT)
        if fate
        else (_GROUPS_ACT, _ONE_AND_GROUP_ACT)
    )
    for pattern in patterns:
        for m in pattern.finditer(sentence):
            head = m.groupdict().get("head")
            if head is not None:
                if m.group("q2").lower() in {"a", "an"}:
                    continue  # "the mayor and a bodyguard": the people tally's
                if m.group("name") and not (
                    m.group("appos") or (m.group("of") or "").lower().startswith("of h")
                ):
                    continue  # a bare name: upper-case copy cannot tell "REBEL FIGHTERS" from one
            q1 = "one" if head is not None else m.group("q1").lower()
            q2 = m.group("q2").lower()
            if q1 in {"a", "an"} and q2 in {"a", "an"}:
                continue  # "a man and a woman": the people tally's
            if re.search(
                r"\b(?:at\s+least|about|around|nearly|almost|more\s+than|over|up\s+to)\s*$",
                sentence[: m.start("head") if head is not None else m.start("q1")],
                re.I,
            ):
                continue  # a hedged first figure: not an exact sum
            verb = (m.groupdict().get("verb") or m.groupdict().get("act") or "").lower()
            role: Role = "injured" if re.match(r"wound|injur|hurt", verb) else "killed"
            value = sum(
                _COUNT_WORDS.get(q, 0) or int(q) for q in (q1, q2) if q in _COUNT_WORDS or q.isdigit()
            )
            start = m.start("head") if head is not None else m.start("q1")
            end = m.end()
            out.append(
                Mention(
                    role=role,
                    value=value,
                    qualifier=Qualifier.exact,
                    start=offset + start,
                    end=offset + end,
                    as_stated=re.sub(r"\s+", " ", sentence[start:end]).strip(),
                    sentence=index,
                    background=background_cue_before(sentence, start, reference_year),
                )
            )
    return out


# one more victim told apart from the first: "THE DRIVER OF THE VEHICLE, WHOM AUTHORITIES HAVE NOT
# YET IDENTIFIED, WAS ALSO KILLED", "IN WHICH HIS BODYGUARD AND DRIVER WERE ALSO KILLED"
_ALSO_KILLED = lazy_compile(
    r"(?<![\w-])(?P<np>(?:the|a|an|his|her|their)\s+(?:(?!(?:was|were|who|whom|which|that|is|are)\b)[\w'’()-]+(?:\s+|(?=,))){0,8}?)"
    r"(?:,[^,;.]{1,80},\s+)?(?:was|were)\s+also\s+(?:killed|murdered|assassinated|shot\s+dead|shot\s+to\s+death)\b",
    re.IGNORECASE,
)


def _also_killed(sentence: str, offset: int, index: int, reference_year: int | None) -> list[Mention]:
    """An added victim ("X WAS ALSO KILLED"): one person, two for "his bodyguard and driver"; a
    plural noun without a number ("the guards were also killed") counts none."""
    out: list[Mention] = []
    for m in _ALSO_KILLED.finditer(sentence):
        words = m.group("np").split()
        if len(words) < 2:
            continue
        pair = re.search(r"\band\b", m.group("np"), re.I) is not None
        if not pair and re.search(r"(?<![sS])[sS]$", words[-1]) and m.group(0).lower().find(" were ") >= 0:
            continue
        out.append(
            Mention(
                role="killed",
                value=2 if pair else 1,
                qualifier=Qualifier.exact,
                start=offset + m.start(),
                end=offset + m.end(),
                as_stated=re.sub(r"\s+", " ", m.group(0)).strip(),
                sentence=index,
                increment=True,
                weak=True,
                background=background_cue_before(sentence, m.start(), reference_year),
            )
        )
    return out


# "the shooting left a woman dead", "LEAVING A POLICEMAN WOUNDED": one person and what befell them
_LEFT_ONE = lazy_compile(
    rf"\b(?:left|leaving|leaves)\s+(?:a|an)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_PERSON_NOUNS})\s+"
    r"(?P<verb>dead|injured|wounded|hurt)\b",
    re.IGNORECASE,
)
# "... left one man dead and another with life-threatening injuries": the second person's fate
_AND_ANOTHER = lazy_compile(
    r"\band\s+another(?:\s+(?:man|woman|person|teen|teenager|boy|girl|victim|one))?\s+"
    r"(?P<verb>dead|injured|wounded|hurt|with\s+(?:[\w-]+\s+){0,3}?(?:injuries|wounds))\b",
    re.IGNORECASE,
)
_LEFT_WORD = lazy_compile(r"\b(?:left|leaving|leaves)\b", re.IGNORECASE)


def _left_fates(
    sentence: str, offset: int, index: int, reference_year: int | None, found: list[Mention]
) -> list[Mention]:
    """One person left dead or hurt ("the shooting left a woman dead"), and "another" after a
    figure so left ("left one man dead and another with life-threatening injuries")."""
    out: list[Mention] = []
    left = _LEFT_WORD.search(sentence)
    if left is None:
        return out
    matches = [(m, True) for m in _LEFT_ONE.finditer(sentence)]
    matches += [(m, False) for m in _AND_ANOTHER.finditer(sentence, left.end()) if found or matches]
    for m, weak in matches:
        verb = m.group("verb").lower()
        role: Role = "killed" if verb == "dead" else "injured"
        start, end = offset + m.start(), offset + m.end()
        if any(x.role == role and x.start < end and start < x.end for x in found + out):
            continue
        out.append(
            Mention(
                role=role,
                value=1,
                qualifier=Qualifier.exact,
                start=start,
                end=end,
                as_stated=re.sub(r"\s+", " ", m.group(0)).strip(),
                sentence=index,
                weak=weak,
                background=background_cue_before(sentence, m.start(), reference_year),
            )
        )
    return out


_DEAD_AFTER_ROLE = {
    "dead": "killed",
    "injured": "injured",
    "wounded": "injured",
    "hurt": "injured",
    "hospitalized": "injured",
    "hospitalised": "injured",
}


def _role_from_left(n: NumberMatch, left: str, right: str) -> tuple[Role, int, bool] | None:
    """Role, end of the noun phrase and update flag from a cue before the number ("killing 12",
    "the death toll has risen to 14")."""
    for r, pattern, kind in _LEFT:
        if not pattern.search(left):
            continue
        np_end = n.end
        if r == "killed" and kind == "update":
            # "a toll of 1 person wounded": the toll names its own role
            hurt = _DEAD_AFTER.match(right)
            if hurt and hurt.group("verb").lower() in {"injured", "wounded", "hurt"}:
                return "injured", n.end + hurt.end(), False
        if kind == "plain" and _LEFT_NEEDS_ROLE.search(left):
            m2 = _DEAD_AFTER.match(right)
            if not m2:
                continue
            verb = m2.group("verb").lower()
            r = _DEAD_AFTER_ROLE.get(verb, "missing" if verb == "missing" else "")
            if not r:
                continue
            np_end = n.end + m2.end()
        if np_end == n.end:
            np_m = re.match(rf"^(?:\s+{_NP_WORD}){{0,2}}", right, re.IGNORECASE)
            np_end = n.end + (np_m.end() if np_m else 0)
        return r, np_end, kind == "update"
    return None


# "TWO POLICEMEN GUARDING THE ECUADORAN CONSULATE IN MEDELLIN WERE KILLED", "five people at the bus
# stop were wounded": counted people named by a phrase after the noun (where they were, what they were
# doing) before a passive casualty verb; a clause word ends the phrase
_PLURAL_PERSONS = (
    rf"(?:(?:{_PERSON_NOUNS})s|people|persons|men|women|children|youths|policemen|policewomen|firemen|"
    r"fishermen|businessmen|congressmen|gunmen|servicemen|guerrillas)"
)
_POSTMOD_FATE = lazy_compile(
    rf"^(?P<np>(?:\s+{_NP_WORD}){{0,2}}?\s+{_PLURAL_PERSONS})"
    r"(?:(?:\s+(?!(?:and|but|or|who|whom|whose|which|that|where|when|while|after|before|since|because|if|"
    r"said|says|told|say|were|was|are|is|have|has|had|killed|died|wounded|injured)\b)[\w'’.-]+){1,8}?"
    + _RELATIVE
    + r"|"
    + _RELATIVE_CLAUSE
    + r")"
    r"\s*,?\s+(?:were|have\s+been|had\s+been)\s+(?:(?:reportedly|also|later|all|allegedly|seriously|"
    r"critically|badly|fatally|slightly)\s+)?"
    r"(?P<verb>killed|murdered|assassinated|slain|massacred|executed|shot\s+dead|shot\s+and\s+killed|"
    r"shot\s+to\s+death|gunned\s+down|injured|wounded|hurt)\b",
    re.IGNORECASE,
)


def _role_from_right(n: NumberMatch, right: str) -> tuple[Role, int] | None:
    """Role and end of the noun phrase from a casualty word after the number ("60 people were
    killed", "five dead", "over 100 injuries")."""
    for r, pattern in _RIGHT:
        m = pattern.match(right)
        if not m:
            continue
        role: Role = r
        np_end = n.end + m.end("np")
        verb = m.group("verb")
        if r == "killed" and verb.lower() in {"bodies", "corpses", "dead bodies"}:
            np_end = n.end + m.end("verb")
        if r == "killed" and re.match(r"deaths?|fatalit|dead$", verb, re.I):
            np_end = n.end + m.end("verb")
        if r == "injured" and re.match(r"injur(?:y|ies)|wounds|casualt", verb, re.I):
            np_end = n.end + m.end("verb")
        if r in {"injured", "hospitalized"} and re.match(
            r"\s+(?:in|during|by|at|from)\b[^.;]{0,80}?\b(?:died|succumbed|have\s+died|had\s+died)\b",
            right[m.end("verb") :],
            re.I,
        ):
            role = "killed"  # "two more people injured in the attack died"
        return role, np_end
    post = _POSTMOD_FATE.match(right)
    if post is not None:
        hurt = post.group("verb").lower() in {"injured", "wounded", "hurt"}
        return ("injured" if hurt else "killed"), n.end + post.end("np")
    return None


def _not_a_count(sentence: str, n: NumberMatch, role: Role, np_end: int, left: str, right: str) -> bool:
    """Ages ("two men, aged 19 and 23, were killed") and case counts ("12 cases") are no toll."""
    if _AGE_LEFT.search(left) or _PARENT_OF_LEFT.search(left):
        return True
    np_text = sentence[n.end : np_end]
    if (
        role == "injured"
        and re.search(r"\b(?:cases?|patients)\b", np_text, re.I)
        and not re.search(r"injur|wound|hurt", right[:40], re.I)
    ):
        return True
    if re.match(r"^\s*(?:cases?|suspected\s+cases)\b", right, re.I):
        return True
    # "six gunshot wounds", "a man wielding two handguns was shot": wounds and weapons, not people
    return bool(_NOT_PEOPLE.match(right)) and not re.search(r"\b(?:people|persons|others)\b", np_text, re.I)


_NOT_PEOPLE = lazy_compile(
    r"\s+(?:[\w-]+\s+)?(?:(?:gunshot|bullet|stab|knife|graze|shrapnel)\s+)?(?:wounds|shots|rounds|bullets|"
    r"handguns|guns|rifles|pistols|times)\b",
    re.IGNORECASE,
)


# compiled once: these run for every number a casualty word may tie to a role
_MORE_NEXT = lazy_compile(r"^\s+(?:more|additional|further)\b", re.I)
_MORE_THAN_AFTER = lazy_compile(r"^\s+(?:more|additional|further)\s+than\b", re.I)
_TOLL_WORD = lazy_compile(r"\b(?:toll|death\s+count)\b", re.I)


def _number_mention(
    sentence: str, n: NumberMatch, offset: int, index: int, reference_year: int | None
) -> Mention | None:
    """The mention a number makes, if a casualty word ties it to a role."""
    left = sentence[max(0, n.start - 220) : n.start]
    right = sentence[n.end : n.end + 120]
    update = False
    from_left = _role_from_left(n, left, right)
    if from_left is not None:
        role, np_end, update = from_left
    else:
        from_right = _role_from_right(n, right)
        if from_right is None:
            return None
        role, np_end = from_right
    if _not_a_count(sentence, n, role, np_end, left, right):
        return None
    increment = bool(_MORE_NEXT.match(right)) or bool(_INCREMENT_BEFORE.search(left))
    if _MORE_THAN_AFTER.match(right):
        increment = False
    update = update or bool(role == "killed" and _TOLL_WORD.search(left[-70:]) and _UPDATE_WORDS.search(left))
    if update and _GIVEN_TOLL.search(left):
        update = False  # "police have given a toll of three": a figure stated, not the toll updated
    superseded = bool(_SUPERSEDED_LEFT.search(left[-90:]))
    if superseded:
        update = False  # "officials had earlier put the toll at two": the figure that was replaced
    return Mention(
        role=role,
        value=n.value,
        qualifier=n.qualifier,
        start=offset + n.start,
        end=offset + np_end,
        as_stated=_as_stated(sentence, n, np_end),
        sentence=index,
        update=update,
        increment=increment,
        subset=bool(_SUBSET_BEFORE.search(left)) or bool(_SUBSET_AFTER.match(right)),
        total=bool(_TOTAL.search(sentence[max(0, n.start - 30) : np_end + 40])),
        background=background_cue_before(sentence, n.start, reference_year, number_end=n.end),
        disputed=bool(_DISPUTED.search(left[-80:])),
        superseded=superseded,
    )


_CUE_WORDS = lazy_compile(
    r"kill|dead|die|death|murder|assassinat|slain|massacr|execut|shot|gunned|perish|drown|lost\s+(?:their|his|her)\s+li|"
    r"bod(?:y|ies)|corpse|fatal|succumb|injur|wound|hurt|casualt|hospital|admitted|treat|missing|unaccounted|"
    r"trapped|buried|toll|lives|harmed|survivor|stabbed|beaten|burn|martyr|lifeless|victim",
    re.IGNORECASE,
)


def _has_any_cue(sentence: str) -> bool:
    return bool(_CUE_WORDS.search(sentence))


_SINGLE_ROLE = {
    "shot dead": "killed",
    "shot and killed": "killed",
    "shot to death": "killed",
    "gunned down": "killed",
    "murder of": "killed",
    "killed": "killed",
    "murdered": "killed",
    "assassinated": "killed",
    "slain": "killed",
    "stabbed to death": "killed",
    "beaten to death": "killed",
    "burned to death": "killed",
    "found dead": "killed",
    "body found": "killed",
    "death of": "killed",
    "injury to": "injured",
    "confirmed dead": "killed",
    "executed": "killed",
    "died": "killed",
    "dies": "killed",
    "dead": "killed",
    "wounded": "injured",
    "injured": "injured",
    "hurt": "injured",
    "shot": "injured",
    "stabbed": "injured",
    "hospitalized": "hospitalized",
    "hospitalised": "hospitalized",
    "missing": "missing",
}


_ORDINALS = {
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
_ORDINAL_VICTIM = lazy_compile(
    r"\b(?:a|the)\s+(?P<ord>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,3}(?:st|nd|rd|th))"
    rf"\s+(?:[\w'’-]+\s+){{0,3}}?(?:{_PERSON_NOUNS}|victim|casualty)\s+(?:[^.;]{{0,40}}?\s)?"
    r"(?:has\s+died|had\s+died|died|dies|has\s+been\s+killed|was\s+killed|succumbed)\b",
    re.IGNORECASE,
)


def _ordinal(sentence: str, offset: int, index: int, reference_year: int | None) -> list[Mention]:
    out = []
    for m in _ORDINAL_VICTIM.finditer(sentence):
        raw = m.group("ord").lower()
        value = _ORDINALS.get(raw) or int(re.sub(r"\D", "", raw))
        out.append(
            Mention(
                role="killed",
                value=value,
                qualifier=Qualifier.exact,
                start=offset + m.start(),
                end=offset + m.end(),
                as_stated=re.sub(r"\s+", " ", m.group(0)),
                sentence=index,
                update=True,
                background=background_cue_before(sentence, m.start(), reference_year),
            )
        )
    return out


# "CRISTOBAL PEREZ AND RUBEN RAMIREZ WERE SHOT TO DEATH", "A POLICE COLONEL, A JUDGE, AND SENATOR X
# WERE MURDERED": people listed one by one before a plural death verb
_LIST_VERB = lazy_compile(
    r"\s+(?:were|have\s+been|had\s+been)\s+(?:also\s+|reportedly\s+|all\s+)?(?P<verb>killed|murdered|assassinated|"
    r"shot\s+to\s+death|shot\s+dead|shot\s+and\s+killed|gunned\s+down|found\s+dead|slain|executed|massacred)\b",
    re.IGNORECASE,
)
# "THE ASSASSINATION OF X AND OF Y", "THE MURDERS OF X, Y, AND Z"
_LIST_NOUN = lazy_compile(
    r"\b(?:(?P<plural>murders|assassinations|killings)|murder|assassination|killing)\s+of\s+"
    r"(?P<list>[^.;:()\[\]]{3,240}?)(?=\s*(?:[.;:()\[\]]|$|,?\s+(?:who|which|that|was|were|is|are|has|had|in|on|"
    r"last|yesterday|today|by|as|and\s+(?:the\s+)?(?:kidnapping|attack|bombing|wounding|disappearance))\b))",
    re.IGNORECASE,
)
_LIST_START = lazy_compile(
    r"(?:^\W*[A-Za-z]+\s*,\s*|^|\b(?:that|after|when|while|because|as|since|said|says|reported|confirmed)\s+|:\s*|--\s*|\]\s*)(?=\S)",
    re.IGNORECASE,
)
_LIST_NOT = lazy_compile(
    r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens?|several|many|some|people|persons|"
    r"others|both|they|them|who|which|gunm[ae]n|suspects?|shooters?|attackers?|assailants?|robbers?|killers?)\b",
    re.IGNORECASE,
)
_ITEM_DET = lazy_compile(r"\s*(?:a|an|another|his|her|their|its)\s", re.IGNORECASE)
# an item that is itself a group ("GOVERNMENT OFFICIALS, LAWYERS, AND JOURNALISTS"): no count
_PLURAL_ITEM = lazy_compile(
    r"(?:people|persons|priests|jesuits|officials|lawyers|journalists|judges|leaders|members|workers|peasants|"
    r"farmers|students|soldiers|policemen|officers|guards|bodyguards|children|relatives|civilians|villagers|"
    r"residents|individuals|men|women|others|militants|activists|employees|passengers|agents|escorts)\W*$",
    re.IGNORECASE,
)
# two people, each named by a person noun (or the first by name): "the murder of a university professor
# and a union leader", "THE ASSASSINATION OF THE MAYOR AND HIS BODYGUARD"
_PAIR_NOUN = (
    rf"(?:{_PERSON_NOUNS}|bodyguard|escort|wife|husband|son|daughter|brother|sister|mother|father|companion|"
    r"secretary|chauffeur|professor|engineer|economist|inspector|detective)"
)
_PERSON_PAIR = lazy_compile(
    rf"\s*(?:(?:the|a|an|his|her|their)\s+(?:[\w'’-]+\s+){{0,3}}?{_PAIR_NOUN}"
    r"|(?-i:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,4}))"
    rf"\s+and\s+(?:a|an|his|her|their)\s+(?:[\w'’-]+\s+){{0,3}}?{_PAIR_NOUN}"
    r"(?:\s*,\s*(?-i:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,4}))?\s*,?\s*",
    re.IGNORECASE,
)
# "X AND HIS SON WERE KILLED, AS WELL AS OTHER INDIVIDUALS": the list is not the whole toll
_MORE_AFTER = lazy_compile(
    r"\W*(?:as\s+well\s+as|along\s+with|together\s+with|with\s+(?:several|other|\w+\s+other))\b", re.I
)
# "Earlier, a man and a woman were shot": another time
_OTHER_TIME_OPENING = lazy_compile(r"^\W*(?:earlier|previously|before\s+that)\s*,", re.IGNORECASE)


def _list_items(span: str, plural_noun: bool = False) -> int:
    """How many people a list names: semicolon items, else the parts joined by "and" plus the comma
    items that open with a determiner ("A POLICE COLONEL, A JUDGE, AND ..."); after a plural act noun
    ("THE MURDERS OF X, Y, AND Z") every comma item is one."""
    if ";" in span:
        return len([p for p in span.split(";") if p.strip(" ,")])
    # ", and" closes a list whose own items may hold "and" ("SENATOR AND CANDIDATE X")
    joint = (
        r",\s+and\s+(?:of\s+)?" if re.search(r",\s+and\s", span, re.IGNORECASE) else r"\s+and\s+(?:of\s+)?"
    )
    parts = [p for p in re.split(joint, span, flags=re.IGNORECASE) if p.strip(" ,")]
    if len(parts) < 2:
        return 1
    head_items = [c for c in parts[0].split(",") if c.strip()]
    if any(_PLURAL_ITEM.search(c.strip()) for c in [*head_items, *parts[1:]]):
        return 0
    if plural_noun:
        return len(head_items) + len(parts) - 1
    extra = sum(1 for c in head_items[1:] if _ITEM_DET.match(c))
    return len(parts) + extra


def _named_groups(
    sentence: str, offset: int, index: int, reference_year: int | None, numeric: list[Mention]
) -> list[Mention]:
    if any(m.role == "killed" and not m.weak for m in numeric):
        return []
    found: list[tuple[int, int, int]] = []  # start, end, count
    for v in _LIST_VERB.finditer(sentence):
        head = sentence[max(0, v.start() - 240) : v.start()]
        starts = list(_LIST_START.finditer(head))
        span = head[starts[-1].end() :] if starts else head
        if " and " not in span.lower() or _LIST_NOT.search(span) or len(span) < 5:
            continue
        if _MORE_AFTER.match(sentence, v.end()):
            continue
        n = _list_items(span)
        if n >= 2:
            found.append((v.start() - len(span), v.end(), n))
    for m in _LIST_NOUN.finditer(sentence):
        span = m.group("list")
        if _LIST_NOT.search(span):
            continue
        plural = bool(m.group("plural"))
        if not plural and not re.search(r"\band\s+of\b", span, re.IGNORECASE):
            if _PERSON_PAIR.fullmatch(span):
                found.append((m.start(), m.end(), 2))  # "the murder of the mayor and his bodyguard"
            continue
        n = _list_items(span, plural)
        if n >= 2:
            found.append((m.start(), m.end(), n))
    if not found:
        return []
    start, end, n = max(found, key=lambda t: t[2])
    return [
        Mention(
            role="killed",
            value=n,
            qualifier=Qualifier.exact,
            start=offset + start,
            end=offset + end,
            as_stated=re.sub(r"\s+", " ", sentence[start:end]).strip(),
            sentence=index,
            background=background_cue_before(sentence, start, reference_year)
            or bool(_OTHER_TIME_OPENING.match(sentence)),
            weak=True,
        )
    ]


def _singles(
    sentence: str, offset: int, index: int, reference_year: int | None, numeric: list[Mention], title: bool
) -> list[Mention]:
    out: list[Mention] = []
    taken = {m.role for m in numeric}
    candidates: list[tuple[re.Match[str], str]] = []
    for m in _SINGLE_VICTIM.finditer(sentence):
        verb = re.sub(r"\s+", " ", (m.group("verb") or "").lower())
        aux = m.group("aux").lower()
        if not verb:
            if aux in {"died", "dies"}:
                verb = "died"
            else:
                continue
        elif aux in {"died", "dies"}:
            continue
        if aux == "were":
            continue
        if m.group("det").lower() == "the" and verb not in {
            "assassinated",
            "murdered",
            "shot dead",
            "killed",
        }:
            continue
        candidates.append((m, verb))
    for m in _named_victims(sentence):
        if m.group("died"):
            if re.search(r"\b(?:people|persons|men|women|they|who|and)\b", m.group("name"), re.I):
                continue  # "FIVE PEOPLE DIED": a number, not one named person
            candidates.append((m, "died"))
            continue
        candidates.append((m, re.sub(r"\s+", " ", m.group("verb").lower())))
    for m in _NOMINAL_VICTIM.finditer(sentence):
        head = m.group("head")
        if head is not None and (
            re.match(
                r"(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|dozens?|several|many)\b)", head, re.I
            )
            or re.search(r"(?<![sS])[sS]$", head.split()[-1].rstrip(".,;:'’"))
        ):
            continue  # a number ("THE MURDER OF SIX PEASANTS") or a plural ("THE MURDER OF PEASANTS")
        candidates.append((m, "murder of"))
    candidates.extend((m, "body found") for m in _BODY_FOUND.finditer(sentence))
    candidates.extend(
        (m, "death of" if m.group("verb").lower() == "death" else "injury to")
        for m in _CAUSED_SINGLE.finditer(sentence)
    )
    if title:
        hm = _HEADLINE_SINGLE.match(sentence)
        if hm:
            candidates.append((hm, re.sub(r"\s+", " ", hm.group("verb").lower())))
    for m, verb in candidates:
        role = _SINGLE_ROLE.get(verb)
        if role is None or role in taken:
            continue
        # a number word right before ("two men were killed") is a numeric mention, not a single
        head = sentence[max(0, m.start() - 12) : m.start()]
        if re.search(r"\d\s*$", head):
            continue
        # "the man who was killed" inside a sentence about someone else is still one victim; the
        # aggregation only uses singles when no figure exists
        taken.add(role)
        out.append(
            Mention(
                role=role,
                value=1,
                qualifier=Qualifier.exact,
                start=offset + m.start(),
                end=offset + m.end(),
                as_stated=re.sub(r"\s+", " ", m.group(0)).strip(),
                sentence=index,
                background=background_cue_before(sentence, m.start(), reference_year),
                weak=True,
            )
        )
    return out


def _zeros(sentence: str, offset: int, index: int, reference_year: int | None) -> list[Mention]:
    out: list[Mention] = []
    if _ZERO_NOT.search(sentence):
        return out
    for m in _ZERO.finditer(sentence):
        word = (m.group("verb") or m.group("noun") or m.group(0)).lower()
        if m.group("noun2"):
            word = "casualties"
        roles: list[Role]
        if re.search(r"killed|died|deaths?|fatalit|loss\s+of|survivors", word + m.group(0).lower()):
            roles = ["killed"]
            if "survivors" in m.group(0).lower():
                continue  # "no survivors": everyone died, the count is elsewhere
        elif re.search(r"casualt|victims", word):
            roles = ["killed", "injured"]
        elif re.search(r"hospitali", word):
            roles = ["hospitalized"]
        else:
            roles = ["injured"]
        bg = background_cue_before(sentence, m.start(), reference_year)
        # "rarely cause injuries" / "usually" are generalities, not this event
        if re.search(r"\b(?:rarely|usually|typically|often|generally|never)\b", sentence[: m.end()], re.I):
            continue
        for role in roles:
            out.append(
                Mention(
                    role=role,
                    value=0,
                    qualifier=Qualifier.exact,
                    start=offset + m.start(),
                    end=offset + m.end(),
                    as_stated=re.sub(r"\s+", " ", m.group(0)).strip(),
                    sentence=index,
                    background=bg,
                    weak=True,
                )
            )
    return out
