"""Perpetrators described as the subject of the act (read in upper-case wire copy): "FOUR HEAVILY ARMED INDIVIDUALS KIDNAPPED ...",
"a group of unidentified men opened fire", "two men riding a motorcycle shot ...".

The subject is the noun phrase right before an act verb, read backwards up to its article or a
punctuation mark; it must end on a word for people who act (men, individuals, guerrillas,
gunmen, members, commandos...). Its quantity ("four", "approximately five", "a group of") is
kept: it is part of how the article describes them.
"""

from __future__ import annotations

import re

from ...lazyre import lazy_compile
from .phrases import FUNCTION_WORDS, NUMBER_WORDS, Token, tokens, words

__all__ = ["subject_perpetrators"]

_ACT = lazy_compile(
    r"\b(?:killed|murdered|assassinated|kidnapped|kidnaped|abducted|attacked|assaulted|shot|machinegunned|dynamited|"
    r"bombed|burned|set\s+fire|opened\s+fire|fired|hurled|threw|planted|stormed|raided|ambushed|broke\s+into|"
    r"forced|seized|intercepted|blew\s+up|detonated|wounded|riddled|executed|massacred|tortured|placed|staged|destroyed|"
    r"launched|set\s+off|robbed|occupied|hijacked|burst\s+into|perpetrated|committed|began\s+(?:bombing|shooting|firing|attacking)|"
    r"(?:have|has|had)\s+(?:killed|murdered|kidnapped|attacked|assaulted|dynamited|burned)|"
    # the means named before the act: "THE AIR FORCE USED AIRPLANES AND HELICOPTERS TO BOMB" (not "used to")
    r"used\s+(?!to\b)(?:[\w'’-]+\s+){1,5}?to\s+(?:bomb|attack|kill|murder|destroy|burn|blow\s+up|strafe|shell))\b",
    re.I,
)
_HEADS = words(
    """MEN MAN INDIVIDUALS INDIVIDUAL PERSONS PERSON PEOPLE GUERRILLAS GUERRILLA TERRORISTS TERRORIST
    REBELS SUBVERSIVES GUNMEN GUNMAN MEMBERS COMMANDOS COMMANDO UNITS COLUMN GROUP GANG BAND SQUAD
    SQUADS ASSAILANTS ATTACKERS KILLERS MURDERERS HITMEN ASSASSINS YOUTHS YOUTH SOLDIERS TROOPS
    OUTLAWS CRIMINALS KIDNAPPERS NARCOTERRORISTS EXTREMISTS MILITIAMEN PARAMILITARIES STRANGERS MERCENARIES
    COUPLE WOMAN WOMEN COMMANDOES AGENTS SNIPERS GROUPS BANDITS HOODLUMS THUGS ARMY FORCES FORCE POLICE
    BATTALION BRIGADE PATROL PATROLS FRONT MOVEMENT COMMAND COMMANDS NARCOTERRORISTS PROFESSIONALS"""
)
# people who act for a body named after them ("MERCENARIES OF THAT CRIMINAL ORGANIZATION")
_PEOPLE_OF = words("MERCENARIES HITMEN GUNMEN AGENTS COMMANDOS UNITS")
# heads that name victims as often as perpetrators: kept only with a cue ("armed", "uniformed")
_VICTIM_LIKE = words("PEOPLE PERSONS PERSON SOLDIERS TROOPS WOMAN WOMEN YOUTH YOUTHS COUPLE MAN")
_PERPETRATOR_CUES = words("ARMED HEAVILY UNIDENTIFIED UNKNOWN MASKED HOODED UNIFORMED")
# words that may stand inside the phrase although they are function words
_INSIDE = frozenset({"OF", "ARMED", "HEAVILY", "UNIDENTIFIED", "UNKNOWN", "ALLEGED", "SEVERAL", "SOME"})
_QUANTITY = NUMBER_WORDS | {"SEVERAL", "SOME", "APPROXIMATELY", "ABOUT", "AT", "LEAST", "MORE", "THAN"}
_SKIP_VERB_LEAD = frozenset(
    {
        "WHO",
        "THAT",
        "WHICH",
        "ALLEGEDLY",
        "REPORTEDLY",
        "ALSO",
        "THEN",
        "LATER",
        "APPARENTLY",
        "PRESUMABLY",
        "HAVE",
        "HAS",
        "HAD",
    }
)
MAX_WORDS = 7
_WHEN = frozenset({"TODAY", "YESTERDAY", "TONIGHT"})
_PART_OF_DAY = frozenset({"MORNING", "AFTERNOON", "EVENING", "NIGHT", "WEEK", "WEEKEND"})


# an act verb that cannot be a reduced passive ("14 SOLDIERS KILLED IN AN AMBUSH" tells who died;
# "SOLDIERS BEGAN SHOOTING", "ONE MAN FIRED ON THE SENATOR", "TWO MEN SHOT HIM" tell who acted)
_ACTIVE = lazy_compile(
    # ("threw", "hurled": never a participle)
    r"(?:threw|hurled|began\s+\w+ing|opened\s+fire|set\s+fire|set\s+off|broke\s+into|burst\s+into|blew\s+up|"
    r"fired\s+(?:\w+\s+)?(?:on|at|into|upon)|(?:shot|killed|murdered|kidnapped|kidnaped|abducted|attacked|"
    r"wounded|stabbed|executed|threw|hurled|planted|placed|detonated|stormed|raided|ambushed)\s+"
    r"(?:him|her|them|his|their)\b"
    # a counted object: "ARMY TROOPS KILLED NINE PEASANTS" (not "SOLDIERS KILLED 2 DAYS AGO")
    r"|(?:shot|killed|murdered|kidnapped|kidnaped|abducted|wounded|executed|massacred)\s+(?:at\s+least\s+)?"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|dozens\s+of|scores\s+of|"
    r"hundreds\s+of)\s+(?!(?:days?|weeks?|months?|years?|hours?|minutes?|nights?|times|kilometers|km|miles|meters)\b)"
    r"[a-z]{3,})",
    re.I,
)


def _subject(toks: list[Token], active: bool = False) -> str | None:
    j = len(toks) - 1
    if j > 0 and toks[j].text in {"]", ")"}:
        # a gloss between the subject and the verb: "THE "X FRONT" [SPANISH NAME] BOMBED"
        k = next((k for k in range(j - 1, max(-1, j - 14), -1) if toks[k].text in {"[", "("}), None)
        if k is None:
            return None
        toks = toks[:k]
        j = k - 1
    if active and j > 1 and toks[j].word == "AND":
        # "A YOUNG MAN APPROACHED HER AND SHOT HER", "SOLDIERS ENTERED THE CAMPUS AND BEGAN SHOOTING":
        # the subject of the first verb acts in the second
        k = next(
            (
                k
                for k in range(j - 1, max(0, j - 7), -1)
                if re.fullmatch(r"[A-Z]{3,}ED", toks[k].word) and toks[k].word not in _HEADS
            ),
            None,
        )
        if k is not None and not any(t.text in ",;:()[]" or t.ends_sentence_part for t in toks[k:j]):
            toks = toks[:k]
            j = k - 1
    while j >= 0 and (
        toks[j].word in _SKIP_VERB_LEAD
        or toks[j].word in _WHEN
        or (j > 0 and toks[j - 1].word in {"THIS", "LAST"} and toks[j].word in _PART_OF_DAY)
    ):
        # "MEN WHO KILLED", "GUERRILLAS REPORTEDLY KILLED", "INDIVIDUALS THIS AFTERNOON PLACED"
        j -= 2 if j > 0 and toks[j - 1].word in {"THIS", "LAST"} and toks[j].word in _PART_OF_DAY else 1
    if j > 0 and toks[j].text == "," and toks[-1].word == "WHO":
        # "X Y Z, WHO KILLED ...": the person named before the relative clause
        from .victims import person_before

        return person_before(toks[:j])
    if j >= 0 and toks[j].word not in _HEADS:
        # "TWO MEN RIDING ON A MOTORCYCLE THREW ...", "INDIVIDUALS WEARING MILITARY UNIFORMS SHOT ...":
        # a head with a participle phrase after it
        k = next(
            (
                k
                for k in range(j - 1, max(-1, j - 7), -1)
                if toks[k].word in _HEADS
                and k + 1 <= j
                and toks[k + 1].word.endswith("ING")
                and not any(t.text in ",;:()[]" or t.ends_sentence_part for t in toks[k : j + 1])
            ),
            None,
        )
        if k is not None:
            j = k
    if j < 0 or toks[j].word not in _HEADS:
        # "members of the armed forces massacred ...", "MERCENARIES OF THAT CRIMINAL ORGANIZATION
        # ASSASSINATED ...": the people of a body are the subject
        k = next(
            (
                k
                for k in range(j, max(-1, j - 6), -1)
                if toks[k].word == "MEMBERS"
                or (toks[k].word in _PEOPLE_OF and k < j and toks[k + 1].word == "OF")
            ),
            None,
        )
        if k is None or any(
            toks[m].word
            in FUNCTION_WORDS
            - {"OF", "THE", "ARMED", "THAT", "THIS", "THOSE", "THESE", "OUR", "ITS", "THEIR"}
            for m in range(k, j + 1)
        ):
            return None
        while j > k and re.fullmatch(r"[A-Z]{3,}LY", toks[j].word):
            j -= 1  # "MEMBERS OF THAT ORGANIZATION COMPLETELY BLEW UP": the adverb is the verb's
        if toks[k].word != "MEMBERS":
            # the name before the people: "THE "NELSON MANDELA COMMANDOS OF OUR ORGANIZATION HAVE SEIZED"
            while (
                k > 0
                and j - k < MAX_WORDS
                and toks[k - 1].word not in FUNCTION_WORDS
                and not toks[k - 1].ends_sentence_part
                and re.fullmatch(r"[\"“]?[A-Z][A-Z'’-]*", toks[k - 1].text)
                and not re.fullmatch(r"[A-Z]+(?:ED|ING|LY)", toks[k - 1].word)
            ):
                k -= 1
        return " ".join(t.bare for t in toks[k : j + 1])
    span: list[Token] = []
    while j >= 0 and len(span) < MAX_WORDS:
        t = toks[j]
        if t.text in ",;:()[]" or (t.ends_sentence_part and span):
            break
        if t.word in {"THE", "A", "AN"}:
            break
        if t.word in FUNCTION_WORDS and t.word not in _INSIDE and t.word not in _QUANTITY:
            break
        if not re.fullmatch(r"[A-Za-z][\w'’-]*\.?|\d+", t.text.strip('"“”')):
            break
        span.insert(0, t)
        j -= 1
    if (
        j >= 2
        and toks[j].word == "THE"
        and toks[j - 1].word == "OF"
        and toks[j - 2].word == "MEMBERS"
        and span
        and span[0].text not in ",;:()[]"
    ):
        # "PRESUMED MEMBERS OF THE SHINING PATH GROUP ATTACKED": the members, as described
        k = j - 2
        while k > 0 and toks[k - 1].word in {"PRESUMED", "ALLEGED", "SUSPECTED", "ARMED", "SEVERAL", "SOME"}:
            k -= 1
        span = [*toks[k : j + 1], *span]
    while span and span[0].word in {"OF", "AT", "THAN", "LEAST", "MORE"}:
        span.pop(0)
    if not span or (len(span) == 1 and span[0].word in {"MEN", "MAN", "PEOPLE", "PERSONS", "GROUP", "UNITS"}):
        return None  # "men", "people" alone say too little
    if span[-1].word in _VICTIM_LIKE and not active and not any(t.word in _PERPETRATOR_CUES for t in span):
        return None  # "14 soldiers killed", "a number of people wounded": more likely who it befell
    return " ".join(t.bare for t in span)


# a verb that needs an object, then a preposition or a time: a participle telling who it befell
# ("THE 10 UNION MEMBERS KILLED IN THE DYNAMITE ATTACK", "THE THREE GUERRILLAS KILLED DURING THE CLASH")
_REDUCED_PASSIVE = lazy_compile(
    r"(?:killed|murdered|assassinated|kidnapped|kidnaped|abducted|wounded|shot|executed|massacred|tortured|"
    r"machinegunned|injured)\s+(?:(?:in|during)\s+(?:the|an?)\s|by\b|when\b|while\b)",
    re.I,
)


def subject_perpetrators(text: str, active_only: bool = False) -> list[str]:
    """The act's subjects in one sentence, in text order (``active_only``: only of a verb that
    cannot be a reduced passive, "SOLDIERS KILLED TWO REPORTERS")."""
    out: list[str] = []
    for m in _ACT.finditer(text):
        active = _ACTIVE.match(text, m.start()) is not None
        if active_only and not active:
            continue
        if not active and _REDUCED_PASSIVE.match(text, m.start()):
            continue
        name = _subject(tokens(text, max(0, m.start() - 160), m.start()), active)
        if name and name.upper() not in (o.upper() for o in out):
            out.append(name)
    return out
