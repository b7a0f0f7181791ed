"""Who another party says did the act (read in upper-case wire copy): accusations, blame, "held
responsible", "was behind", "the work of", "participated in the crime".

    "THE LEADERS ACCUSED THE ARMY OF PERPETRATING THE ATTACK"      -> ARMY
    "HE BLAMED "NARCOMILITARY" ORGANIZATIONS FOR A CAR-BOMB ATTACK" -> "NARCOMILITARY" ORGANIZATIONS
    "THE PRESS BLAMED IT ON THE DRUG MAFIA"                         -> DRUG MAFIA
    "THE POLICE HOLD THE X MOVEMENT RESPONSIBLE FOR THE ATTACK"     -> X MOVEMENT
    "THE COMMUNISTS AND THEIR ALLIES WERE BEHIND THESE ACTIONS"     -> COMMUNISTS
    "THE ACT WAS THE WORK OF THE LEFTIST GROUP X"                   -> LEFTIST GROUP X
    "HE SAID THAT MEMBERS OF THE ARMED FORCES PARTICIPATED IN THE CRIME" -> MEMBERS OF THE ARMED FORCES

The accused is a noun phrase: read forward from the cue (after "accused", "blamed", "hold") or back
from it (before "were behind", "participated in"), up to a clause boundary; of a list, each member
(up to three). An accusation under a negation ("DENIED THAT THE ARMY WAS RESPONSIBLE", "NO ONE
BLAMED") names no one. The sentence must name an act (a crime word) for the accusation to be about
one: "ACCUSED THE GOVERNMENT OF LYING" is no act.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ...lazyre import lazy_compile
from .phrases import FUNCTION_WORDS, Token, tokens, words

__all__ = ["AGENT_HEADS", "accused_parties", "held_for_act", "names_act", "plausible_agent"]

_CRIME = lazy_compile(
    r"\b(?:ATTACKS?|ASSASSINAT\w*|MURDER\w*|KILL\w*|KIDNAPP?\w*|ABDUCT\w*|BOMB\w*|DYNAMIT\w*|MASSACRE\w*|"
    r"EXPLOSI\w*|CRIMES?|ACTS?|ACTIONS?|DEATHS?|AMBUSH\w*|ARSON|BURN\w*|DESTRUCTION|SHOOTING|"
    r"VIOLENCE|TERRORIS\w*|OUTRAGES?|SABOTAGE|EXECUT\w*)\b",
    re.IGNORECASE,
)
# the accused after the cue: "ACCUSED X OF", "BLAMED X FOR", "BLAMING X", "HOLD X RESPONSIBLE"
_AFTER = lazy_compile(
    r"\b(?:BLAMED\s+(?:IT|THEM|(?:THE|THIS|THESE|THAT)\s+[^,;.]{1,70}?)\s+ON(?!\s+(?:\d|MONDAY|TUESDAY|WEDNESDAY|"
    r"THURSDAY|FRIDAY|SATURDAY|SUNDAY|THE\s+\d))|"
    r"ATTRIBUTED\s+(?:IT|THEM|(?:THE|THIS|THESE|THAT)\s+[^,;.]{1,70}?)\s+TO(?!\s+(?:\d|THE\s+\d))|"
    r"(?:WAS|WERE|IS|ARE)\s+THE\s+WORK\s+OF|"
    # who the act's doers are said to be: "THOSE RESPONSIBLE FOR KILLING X "ARE EXTREME RIGHTIST GROUPS"
    r"THOSE\s+RESPONSIBLE\s+FOR\s+(?:THE\s+)?(?:[\w'’-]+\s+){1,4}?[\"“]?(?:ARE|WERE)(?=\s+[\"“]?(?!NOT\b)\w)|"
    r"(?:WAS|WERE|IS)\s+(?:(?:APPARENTLY|PROBABLY|ALLEGEDLY|REPORTEDLY|EVIDENTLY|ALSO)\s+)?"
    r"(?:CARRIED\s+OUT|PERPETRATED|COMMITTED)\s+BY|"
    # the one tried for the act: "DEMAND THE TRIAL OF X AND ALL THOSE INVOLVED IN Y'S MURDER"
    r"(?:TRIAL|PROSECUTION)\s+OF|"
    r"ACCUS(?:ED|ES|E|ING)|BLAM(?:ED|ES|E|ING)|HOLDS?|HELD|HOLDING|POINTS?\s+TO|POINTED\s+TO|LINKING|LINKS|LINKED|"
    # asked to stop its acts: "URGED THE ARMY TO STOP ITS BOMBINGS" (checked below)
    r"PRESSURE|URG(?:E|ED|ES|ING)|ASK(?:ED|S)?|CALL(?:ED|S)?\s+(?:ON|UPON)|DEMAND(?:S|ED|ING)?\s+THAT|"
    # "THE REPORT IMPLICATED X IN THE MURDER" (checked below)
    r"IMPLICAT(?:ED|ES|ING)|"
    # not ruled out as the doer: "DID NOT RULE OUT X AS RESPONSIBLE" (checked below)
    r"(?:NOT|NEVER)\s+RUL(?:E|ED|ING)\s+OUT|"
    # "IT IS PRESUMED THAT THIS ACTION INVOLVED X"
    r"(?:ACTION|ATTACK|CRIME|MURDER|ASSASSINATION|KIDNAPPING|MASSACRE|BOMBING)S?\s+(?:(?:MAY|MIGHT|COULD)\s+HAVE\s+)?"
    r"INVOLVED|"
    # the doers of an act, one of them named: "THE MURDERERS OF X, INCLUDING Y"
    r"(?:MURDERERS|KILLERS|ASSASSINS|KIDNAPPERS)\s+OF\s+[^,;.]{1,80},\s+INCLUDING)\s+",
    re.IGNORECASE,
)
_ITS_ACTS = (
    r"(?:[\w'’-]+\s+){0,2}?(?:CRIMES?|MURDERS?|ASSASSINATIONS?|MASSACRES?|KILLINGS?|KIDNAPPINGS?|ATTACKS?|"
    r"BOMBINGS?|ACTIONS?|ACTS|VIOLENCE|SABOTAGE)\b"
)
# the acts a party is asked to stop are its own: "TO STOP ITS BOMBINGS", "TO HALT THEIR ATTACKS"
_STOP_ITS_ACTS = lazy_compile(
    r"(?:(?!\bTO\b)[^.;]){0,120}?\bTO\s+(?:STOP|HALT|END|CEASE)\s+(?:ITS|THEIR)\s+" + _ITS_ACTS,
    re.IGNORECASE,
)
# ... or demanded that it stop them: "DEMANDS THAT THE ARMY HALT ITS BOMBINGS" (who: before the verb)
_THAT_IT_STOP = lazy_compile(
    r"(?P<who>(?:(?!(?:TO|NOT)\b)[\w'’-]+\s+){1,6}?)(?:STOP|HALT|END|CEASE)\s+(?:ITS|THEIR)\s+" + _ITS_ACTS,
    re.IGNORECASE,
)
# what X is implicated in: an act ("IN MSGR X'S DEATH", "IN THE MURDER OF")
_IN_THE_ACT = lazy_compile(
    r"[^.;]{1,80}?\bIN\s+(?:THE\s+)?(?:(?!(?:AFTER|BEFORE|DURING|SINCE|WHEN|FOLLOWING|AND|OR)\b)[\w'’.-]+\s+){0,5}?"
    r"(?:CRIMES?|MURDERS?|ASSASSINATIONS?|MASSACRES?|"
    r"KILLINGS?|KIDNAPPINGS?|ATTACKS?|BOMBINGS?|DEATHS?)\b",
    re.IGNORECASE,
)
_AS_RESPONSIBLE = lazy_compile(
    r"[^.;]{1,120}?\bAS\s+(?:HAVING\s+BEEN\s+|BEING\s+)?(?:RESPONSIBLE|BEHIND|THE\s+(?:PERPETRATORS?|AUTHORS?))\b",
    re.IGNORECASE,
)
# the accused before the cue: "X WERE BEHIND", "X WAS RESPONSIBLE FOR", "X PARTICIPATED IN THE CRIME",
# "X WAS THE PERPETRATOR"
_BEFORE = lazy_compile(
    r"\s+(?:(?:IS|ARE|WAS|WERE|HAD\s+BEEN|HAVE\s+BEEN|HAS\s+BEEN|(?:MAY|COULD|MIGHT|MUST)\s+(?:HAVE\s+BEEN|BE))\s+"
    r"(?:(?:ALLEGEDLY|DIRECTLY|REPORTEDLY|ALSO|APPARENTLY|PROBABLY|ALL|SOLELY|FULLY|BEING)\s+)?(?:BEHIND|"
    # ("X ARE BEING CHARGED" of the act the sentence names: "THE MURDER, IN WHICH TWO SOLDIERS ARE CHARGED")
    r"RESPONSIBLE\s+FOR|GUILTY(?:\s+OF|(?=\s*[.,;]))|(?:TO\s+BE\s+)?(?:BROUGHT\s+TO\s+TRIAL|TRIED|PROSECUTED|INDICTED)\s+FOR|"
    r"CHARGED(?:\s+WITH|(?=\s*(?:[.,;]|$|\b(?:FOR|IN|OVER)\b)))|BLAMED\s+FOR|"
    r"THE\s+(?:PERPETRATORS?|AUTHORS?|MASTERMINDS?|MATERIAL\s+AUTHORS?|INTELLECTUAL\s+AUTHORS?)\b|"
    # "X WERE THE ONES WHO MURDERED THE PRIESTS"
    r"THE\s+ONES?\s+(?:WHO|THAT)\s+(?:(?:HAD|HAVE|ACTUALLY|REALLY)\s+)?(?:MURDERED|KILLED|ASSASSINATED|KIDNAPP?ED|"
    r"ABDUCTED|ATTACKED|BOMBED|MASSACRED|SHOT|PLACED|PLANTED|CARRIED\s+OUT|PERPETRATED|COMMITTED|ORDERED)\b)"
    # "I AM CONVINCED X DID IT"
    r"|DID\s+IT(?=\s*[.,;!]|$)"
    # "X COMMITTED THESE MURDERS", "X ACTUALLY PERPETRATED THE MASSACRE"
    r"|(?:(?:ALLEGEDLY|ACTUALLY|REALLY)\s+)?(?:COMMITTED|PERPETRATED)\s+(?:THE|THESE|THIS|THOSE|THAT)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:CRIMES?|MURDERS?|ASSASSINATIONS?|MASSACRES?|KILLINGS?|KIDNAPPINGS?|ATTACKS?|"
    r"BOMBINGS?)\b"
    # "X CARRIED OUT THE OPERATION IN WHICH Y WAS KILLED"
    r"|CARRIED\s+OUT\s+THE\s+(?:[\w'’-]+\s+){0,2}?(?:OPERATION|RAID|ATTACK|ASSAULT|AMBUSH)\s+IN\s+WHICH\s+"
    r"(?=[^;]{1,80}?\b(?:WAS|WERE)\s+(?:KILLED|MURDERED|KIDNAPP?ED|WOUNDED|INJURED)\b)"
    # the hostage takers: "THIS GROUP IS HOLDING X AND Y, WHO WERE KIDNAPPED ON ..."
    r"|(?:IS|ARE|WAS|WERE|HAS\s+BEEN|HAVE\s+BEEN)\s+(?:STILL\s+)?HOLDING\s+"
    r"(?=[^;]{1,120}?\b(?:KIDNAPP?ED|ABDUCTED|HOSTAGES?|CAPTIVES?)\b)"
    r"|(?:ALLEGEDLY\s+|DIRECTLY\s+)?PARTICIPATED\s+IN\s+(?:THE\s+)?(?:\w+\s+){0,2}?(?:CRIMES?|MURDERS?|"
    r"ASSASSINATIONS?|MASSACRES?|KILLINGS?|KIDNAPPINGS?|ATTACKS?|BOMBINGS?)\b"
    # who ordered or planned it: "X ORDERED THE ASSASSINATION OF", "THE LEADERS MASTERMINDED THE MASSACRES"
    r"|(?:(?:ALLEGEDLY|PERSONALLY|REPORTEDLY|DIRECTLY)\s+)?(?:ORDERED|MASTERMINDED|PLANNED)\s+(?:THE\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?(?:CRIMES?|MURDERS?|ASSASSINATIONS?|MASSACRES?|KILLINGS?|KIDNAPPINGS?|ATTACKS?|"
    r"BOMBINGS?)\b)",
    re.IGNORECASE,
)
_HARM = lazy_compile(r"\b(?:SHOT|WOUNDED|INJURED|TORTURED|BEATEN)\b", re.IGNORECASE)
# an accusation that says of nothing what the accused did, up to its clause's end ("ACCUSED THE
# SOLDIERS, PARTICULARLY AN OFFICER, WHO LATER ...")
_OF_WHAT = lazy_compile(
    r"(?:(?!\b(?:OF|FOR|WHO|WHICH|THAT)\b)[^.;])*(?:\b(?:WHO|WHICH|THAT)\b|[.;]|$)", re.IGNORECASE
)
_CONDITION = lazy_compile(r"\b(?:IF|WHETHER|UNLESS)\b", re.IGNORECASE)
# a contrast after the accused: "X AND NOT Y WAS RESPONSIBLE", "X, NOT Y, COMMITTED THE CRIME"
_AND_NOT = lazy_compile(r"(?:\s+AND|,)\s+NOT\s+(?!ONLY\b)[^,;.]{1,60}?,?$", re.IGNORECASE)
# the act as the means of the subject after it: "BY KILLING HIM, THE CRIMINALS SOUGHT TO ..."
_BY_DOING = lazy_compile(
    r"\bBY\s+(?:KILLING|MURDERING|ASSASSINATING|KIDNAPPING|ABDUCTING|ATTACKING|BOMBING|MASSACRING)\s+"
    r"[^,;.]{1,60},\s+",
    re.IGNORECASE,
)
# what "LINKS X" links X to: an act ("TO THE MURDER OF", "WITH LAST WEEK'S BOMBINGS")
_LINKED_TO_ACT = lazy_compile(
    r"[^.;]{1,120}?\b(?:WITH|TO)\s+(?:[\w'’-]+\s+){0,4}?(?:CRIMES?|MURDERS?|ASSASSINATIONS?|MASSACRES?|KILLINGS?|"
    r"KIDNAPPINGS?|ATTACKS?|BOMBINGS?|DEATHS?\s+OF)\b",
    re.IGNORECASE,
)
_NEGATION = lazy_compile(
    # ("NOT ONLY ... BUT" adds, it denies nothing)
    r"\b(?:NOT(?!\s+ONLY\b)|NO|NEVER|DENIED|DENIES|DENY|DENYING|REJECTED|REJECTS|NOBODY|NONE|NEITHER|"
    r"WITHOUT|RULED\s+OUT|DISMISSED)\b",
    re.IGNORECASE,
)
# function words that may stand inside a description ("MEMBERS OF THE ARMED FORCES", "SOME HEAVILY
# ARMED MEN", "UNIDENTIFIED INDIVIDUALS")
_INSIDE = frozenset(
    {
        "THE",
        "A",
        "AN",
        "OF",
        "SOME",
        "SEVERAL",
        "ALL",
        "ARMED",
        "HEAVILY",
        "UNIDENTIFIED",
        "UNKNOWN",
        "ALLEGED",
        "MANY",
        "OTHER",
        "MOST",
    }
)
_BREAKS = FUNCTION_WORDS - _INSIDE
# where the clause of the cue starts (a negation before it is another clause's)
_CLAUSE = lazy_compile(r"[;.,]|\b(?:AND|BUT|HOWEVER|WHILE|ALTHOUGH)\b", re.IGNORECASE)
# words that end the accused's phrase (a clause, a preposition of the act)
_STOP = words(
    """OF FOR ON IN AT WITH BY FROM TO THAT WHICH WHO WHOM WHOSE WHEN WHILE AS SINCE DURING AFTER BEFORE
    BECAUSE IS ARE WAS WERE HAS HAVE HAD BE BEEN BEING WILL WOULD SHOULD COULD MAY MIGHT MUST CAN SAID
    SAYS TODAY YESTERDAY ALSO DIRECTLY RESPONSIBLE AS SUSPECTED ACCUSED CHARGED WANTED ARRESTED IMPLICATED
    INVOLVED BELIEVED ALLEGEDLY"""
)
# a participle that opens a by-phrase after the accused's head ("SQUADS RUN BY", "GUNMEN PAID BY")
_BY_PARTICIPLE = lazy_compile(
    r"[A-Z]{3,}ED|RUN|LED|SENT|PAID|HIRED|BACKED|FUNDED|TRAINED|KNOWN", re.IGNORECASE
)
_ING_NOUNS = frozenset({"GROUPING", "WING", "RIGHT-WING", "LEFT-WING", "BUILDING"})
# words inside a name that are function words ("HIGH COMMAND OF THE ARMED FORCES")
_KEEP_OF_HEADS = words(
    """MEMBERS MEMBER COMMAND UNITS UNIT AGENTS TROOPS SOLDIERS OFFICERS OFFICIALS GROUP GROUPS SECTORS SECTOR
    ELEMENTS FORCES GOVERNMENT REGIME ARMY MEN PERSONS PEOPLE SERVICE COMMANDOS GUERRILLAS REBELS
    FIGHTERS MILITANTS"""
)
# phrases that name no one
_NO_ONE = lazy_compile(
    r"^(?:IT|THEM|THEY|HIM|HER|HE|SHE|WE|US|YOU|ME|ONE|THIS|THAT|THESE|THOSE|ITSELF|HIMSELF|THEMSELVES|"
    r"EACH\s+OTHER|ANYONE|SOMEONE|THE\s+\w+ING)$",
    re.IGNORECASE,
)
# words a phrase naming who acted ends on: people, armed bodies, organisations
AGENT_HEADS = words(
    """MEN MAN INDIVIDUALS INDIVIDUAL PERSONS PERSON PEOPLE GUERRILLAS GUERRILLA TERRORISTS TERRORIST
    REBELS REBEL SUBVERSIVES SUBVERSIVE GUNMEN GUNMAN MEMBERS MEMBER COMMANDOS COMMANDO COMMANDOES
    UNITS UNIT COLUMN COLUMNS GROUP GROUPS GROUPING GANG GANGS BAND BANDS SQUAD SQUADS ASSAILANTS
    ASSAILANT ATTACKERS ATTACKER KILLERS KILLER MURDERERS MURDERER HITMEN HITMAN ASSASSINS ASSASSIN
    YOUTHS YOUTH SOLDIERS SOLDIER TROOPS OUTLAWS CRIMINALS KIDNAPPERS NARCOTERRORISTS EXTREMISTS
    MILITIAMEN MILITIAS MILITIA PARAMILITARIES PARAMILITARY STRANGERS COUPLE WOMAN WOMEN AGENTS AGENT
    SNIPERS BANDITS ARMY ARMIES FORCE FORCES POLICE POLICEMEN POLICEMAN GOVERNMENT GOVERNMENTS REGIME
    MILITARY GUARD GUARDS MAFIA MAFIAS CARTEL CARTELS FRONT MOVEMENT COMMAND COMMANDS ORGANIZATION
    ORGANIZATIONS PARTY ALLIANCE BATTALION BATTALIONS BRIGADE BRIGADES LEFT RIGHT CORPS SERVICE
    SERVICES AGENCY OFFICER OFFICERS COLONEL COLONELS MAJOR CAPTAIN CAPTAINS LIEUTENANT LIEUTENANTS SERGEANT
    SERGEANTS GENERAL TRAFFICKERS DEALERS LORDS CAPOS MERCENARIES SECTORS SECTOR ELEMENTS DISSIDENTS
    RIGHTISTS LEFTISTS ULTRARIGHTISTS COMMUNISTS FACTION FACTIONS CELL CELLS PATROL PATROLS STUDENTS
    DEMONSTRATORS PROTESTERS STRIKERS WORKERS PEASANTS RESIDENTS SUSPECTS SUSPECT PERPETRATORS
    PERPETRATOR EXTRADITABLES PERSONNEL ALLIES CONTRAS SANDINISTS SANDINISTAS INSURGENTS MILITANTS
    FIGHTERS COMBATANTS OPERATIVES AUTHORITIES INSTITUTION DIRECTORATE CENTER DEPARTMENT ENTERPRISES
    RIGHT-WINGERS LEFT-WINGERS NARCOTRAFFICKERS CAPO BOSSES HENCHMEN ACCOMPLICES COLLABORATORS RINGS
    CITIZEN CITIZENS
    RING NETWORKS NETWORK PROFESSIONALS SLAYERS CULPRITS LEADERS"""
)


_ARMED_BODIES = words("ARMY FORCE FORCES POLICE MILITARY GUARD BATTALION BRIGADE NAVY")


def plausible_agent(name: str, named: Callable[[str], bool] = lambda _p: False) -> bool:
    """Can ``name`` (upper-case wire copy) be who acted: a phrase that ends on a word for people
    or an armed body or organisation, a known group, or a proper name (a last word that is no
    common English word)? "SOME SHRAPNEL", "12 BULLETS FIRED", "THE HEAT" are not."""
    from .text import common_english_words

    words_ = [w.strip("\"'“”,.").upper() for w in name.split()]
    words_ = [re.sub(r"['’]S$", "", w) for w in words_ if w]
    if not words_ or words_[-1].isdigit():
        return False
    last = words_[-1]
    # "TWO INDIVIDUALS WEARING SPORTS CLOTHES": the head stands before the participle
    before_participle = any(
        i and w.endswith("ING") and w not in _ING_NOUNS and words_[i - 1] in AGENT_HEADS
        for i, w in enumerate(words_)
    )
    members = any(w in {"MEMBERS", "MEMBER"} for w in words_[:3])
    # an armed body's means ("SALVADORAN AIR FORCE HELICOPTERS", "MILITARY AIRCRAFT")
    body = any(w in _ARMED_BODIES for w in words_)
    if last in AGENT_HEADS or before_participle or members or body or named(name):
        return True
    from ...normalize.places import gazetteer

    if last.endswith("S") and last[:-1].lower() in gazetteer().demonyms:
        return True  # "COLOMBIANS"
    # (a surname with an apostrophe is a name too: "O'NEILL", "D'ALESSIO")
    bare = re.sub(r"['’-]", "", last)
    return last.lower() not in common_english_words() and bare.isalpha() and len(bare) > 2


# a person given by name: "A WOMAN NAMED RUTH DIAZ", "A YOUTH IDENTIFIED AS X"
_NAMED_PERSON = lazy_compile(
    r"^(?:[A-Z'’-]+\s+){0,2}?(?:MAN|WOMAN|PERSON|INDIVIDUAL|YOUTH|STUDENT|PEASANT|SUBJECT)\s+(?:NAMED|CALLED|"
    r"IDENTIFIED\s+AS)\s+(?=[A-Z])",
    re.IGNORECASE,
)


def _phrase(toks: list[Token], named: Callable[[str], bool] = lambda _p: False) -> list[str]:
    """The noun phrases of a list at the start of ``toks`` (up to three members)."""
    out: list[str] = []
    part: list[str] = []
    glossed: set[str] = set()
    depth = 0
    kept_of = False
    for i, t in enumerate(toks):
        w = t.word
        if t.text in {"[", "("}:
            depth += 1
            if part:
                glossed.add(" ".join(part))
            continue
        if depth:
            depth -= t.text in {"]", ")"}
            continue  # a bracketed gloss: "ARENA [NATIONALIST REPUBLICAN ALLIANCE]"
        if t.text in {",", ";", ":"} or w in {"AND", "OR"}:
            if part:
                out.append(" ".join(part))
            part = []
            if t.text in {";", ":"} or len(out) >= 3:
                break
            continue
        if w == "OF" and part and part[-1].upper() in _KEEP_OF_HEADS:
            nxt = toks[i + 1].word if i + 1 < len(toks) else ""
            if nxt and not nxt.endswith("ING") and nxt not in {"BEING", "HAVING"}:
                part.append(t.bare)
                kept_of = True  # "COMMANDOS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT": a longer name
                continue
        if w == "BY" and len(part) > 1 and _BY_PARTICIPLE.fullmatch(part[-1].upper()):
            part.pop()  # "DEATH SQUADS RUN BY THE ARMY", "GUNMEN HIRED BY X": the squads, the gunmen
        if (
            w in _STOP
            or (w.endswith("ING") and len(w) > 5 and part and w not in _ING_NOUNS)
            or (t.ends_sentence_part and not part)
        ):
            break
        if w in {"THE", "A", "AN", "INCLUDING", "PARTICULARLY", "ESPECIALLY", "NAMELY"} and not part:
            continue
        if part and part[-1].upper() == "OF" and w in {"THE", "A", "AN"}:
            part.append(t.bare)
            continue
        if w in _BREAKS and '"' not in t.text:
            break
        part.append(t.bare if not t.ends_sentence_part else t.text.rstrip(".").strip('"“”'))
        if t.ends_sentence_part:
            break
        if len(part) > (12 if kept_of else 9):
            return out
    if part:
        out.append(" ".join(part))
    keep = []
    for p in out:
        p = re.sub(r"\s+(?:OF|THE|A|AN)$", "", p, flags=re.I).strip(" \"'“”")
        p = _NAMED_PERSON.sub("", p)  # "A WOMAN NAMED X": X
        if not p or _NO_ONE.match(p) or len(p.split()) > (12 if re.search(r"\bOF\b", p, re.I) else 9):
            continue
        if p not in glossed and not plausible_agent(p, named):
            continue  # "THE FACT", "A CAR": not who acted
        keep.append(p)
    return keep


def _phrase_before(text: str, end: int, named: Callable[[str], bool]) -> list[str]:
    """The noun phrase (a list: each member) that ends at ``end``."""
    rel = _APPOSITION_BEFORE.search(text[:end])
    if rel is not None:
        end = (
            rel.start()
        )  # "X, WHO REMAIN UNIDENTIFIED, ARE RESPONSIBLE", "X, SPECIALLY TRAINED FOR IT, CARRIED OUT": X
    toks = tokens(text, max(0, end - 240), end)
    k = len(toks)
    if k and toks[-1].word in _ANYONE:
        return []  # "WHOEVER MASTERMINDED THIS CRIME": no one named
    b = k
    while b > 0:
        w = toks[b - 1].word
        txt = toks[b - 1].text
        if txt in {";", ":"} or (txt == "]" and b > 1 and toks[b - 2].word == "TEXT"):
            break  # (a dateline's "[TEXT]" opens the text)
        if w in {
            "THAT",
            "SAID",
            "BELIEVES",
            "BELIEVE",
            "ADMIT",
            "ADMITTED",
            "ANNOUNCED",
            "REPORTED",
            "WHICH",
            "CONVINCED",
            "SURE",
            "CERTAIN",
            "THINK",
            "KNOW",
        }:
            break
        if w in _BREAKS and w not in {"AND", "THEIR"}:
            break
        if toks[b - 1].ends_sentence_part:
            break
        b -= 1
    if b > 0 and toks[b - 1].word in _OBJECT_OF:
        # "MEN CLOSE TO X PARTICIPATED IN", "ACCORDING TO X, Y ARE RESPONSIBLE": X is the
        # preposition's, not the subject
        comma = next((i for i in range(b, k) if toks[i].text == ","), None)
        if comma is None:
            return []
        b = comma + 1
    return _phrase(toks[b:k], named) if b < k else []


# a relative clause or a participle phrase between the subject and its verb
_APPOSITION_BEFORE = lazy_compile(
    r",\s+(?:WHO|WHICH|THAT|(?:[A-Z]+LY\s+)?[A-Z]{3,}ED)\b[^,;.]{1,80},\s*$", re.IGNORECASE
)
_ANYONE = frozenset({"WHOEVER", "WHOMEVER", "ANYONE", "ANYBODY", "SOMEONE", "SOMEBODY"})
_OBJECT_OF = frozenset({"TO", "WITH", "FROM", "BY", "FOR", "AGAINST", "ABOUT"})


# people held for the act: "ARRESTED TWO MEN SUSPECTED OF ...", "THE ARREST OF EIGHT MEMBERS OF THE
# ARMY ON CHARGES OF ...", "X AND Y WERE ARRESTED IN CONNECTION WITH THE ATTACK"
_ARRESTED_AFTER = lazy_compile(
    r"\b(?:ARRESTED|DETAINED|CAPTURED|APPREHENDED|ARREST\s+OF|CAPTURE\s+OF|DETENTION\s+OF)\s+", re.IGNORECASE
)
_ARRESTED_BEFORE = lazy_compile(
    r"\s+(?:WAS|WERE|HAVE\s+BEEN|HAS\s+BEEN|HAD\s+BEEN)\s+(?:\w+\s+)?(?:ARRESTED|DETAINED|CAPTURED|APPREHENDED)\b",
    re.IGNORECASE,
)
_HELD_FOR_ACT = lazy_compile(
    r"\b(?:IN\s+CONNECTION\s+WITH|ON\s+CHARGES|CHARGED|SUSPECTED|ACCUSED|IMPLICATED|INVOLVED|INVOLVEMENT|"
    r"RESPONSIBLE|PARTICIPAT\w+|FOR\s+(?:THE|HIS|HER|THEIR|HAVING)|FOLLOWING\s+THE|AFTER\s+THE|"
    # "X WAS CAPTURED AFTER HE PLACED A BOMB"
    r"AFTER\s+(?:HE|SHE|THEY)\s+(?:HAD\s+)?(?:PLACED|PLANTED|KILLED|MURDERED|ATTACKED|KIDNAPP?ED|SHOT|DETONATED|"
    r"THREW|HURLED|SET)|(?:WHO|HAVING)\s+"
    r"(?:KILLED|MURDERED|KIDNAPPED|ATTACKED|PLACED|PLANTED)"
    # the arrested called suspects: "ARRESTED FIVE SUSPECTS"
    r"|(?:ARRESTED|DETAINED|CAPTURED|APPREHENDED)\s+(?:\w+\s+){0,2}?SUSPECTS)\b",
    re.IGNORECASE,
)


def held_for_act(text: str, named: Callable[[str], bool] = lambda _p: False) -> list[str]:
    """Who the sentence says was arrested for the act it names."""
    if not _CRIME.search(text) or not _HELD_FOR_ACT.search(text):
        return []
    out: list[str] = []
    for m in _ARRESTED_AFTER.finditer(text):
        clause = _CLAUSE.split(text[max(0, m.start() - 60) : m.start()])[-1]
        if _NEGATION.search(clause):
            continue
        out.extend(_phrase(tokens(text, m.end(), min(len(text), m.end() + 240)), named))
    for m in _ARRESTED_BEFORE.finditer(text):
        out.extend(_phrase_before(text, m.start(), named))
    return list(dict.fromkeys(out))


def names_act(text: str) -> bool:
    """Does the sentence name an act (a crime word, or "SHOT", "WOUNDED")?"""
    return bool(_CRIME.search(text) or _HARM.search(text))


def accused_parties(
    text: str, named: Callable[[str], bool] = lambda _p: False, act_before: bool = False
) -> list[str]:
    """Who the sentence says (or says someone says) did the act it names. ``act_before``: the
    sentence before names the act, so a bare accusation that names none refers to it ("X WAS SHOT
    IN THE BACK. FATHER Y ACCUSED THE SOLDIERS", "THIS MURDER WAS PART OF THEIR PLAN. I AM
    CONVINCED THE FMLN DID IT"); an accusation of something else ("ACCUSED X OF LYING") does not."""
    bare = not _CRIME.search(text)
    if bare and not act_before:
        return []
    out: list[str] = []
    for m in _AFTER.finditer(text):
        cue = " ".join(m.group(0).upper().split())
        clause = _CLAUSE.split(text[max(0, m.start() - 80) : m.start()])[-1]
        if _NEGATION.search(clause):
            continue
        if bare and (not cue.startswith(("ACCUS", "BLAM")) or _OF_WHAT.match(text, m.end()) is None):
            continue
        if cue.startswith(("PRESSURE", "URG", "ASK", "CALL")) and _STOP_ITS_ACTS.match(text, m.end()) is None:
            continue  # asked to do something else: no accusation
        if cue.startswith("DEMAND"):
            stop = _THAT_IT_STOP.match(text, m.end())
            if stop is not None:
                out.extend(_phrase(tokens(text, m.end(), stop.end("who")), named))
            continue
        if cue.startswith("IMPLICAT") and _IN_THE_ACT.match(text, m.end()) is None:
            continue  # "IMPLICATED X IN THE SCANDAL"
        if cue.startswith(("NOT ", "NEVER ")) and _AS_RESPONSIBLE.match(text, m.end()) is None:
            continue  # "DID NOT RULE OUT A MEETING"
        toks = tokens(text, m.end(), min(len(text), m.end() + 240))
        found = _phrase(toks, named)
        if cue.startswith(("HOLD", "HELD")) and not re.match(
            r"[^.;]{1,120}?\bRESPONSIBLE\b", text[m.end() : m.end() + 160], re.I
        ):
            continue  # "HELD A MEETING": no accusation
        if cue.startswith(("POINT",)) and not re.match(
            r"[^.;]{1,120}?\bAS\s+THE\b", text[m.end() : m.end() + 160], re.I
        ):
            continue
        if cue.startswith("LINKING") and not re.match(
            r"[^.;]{1,120}?\b(?:WITH|TO)\b", text[m.end() : m.end() + 160], re.I
        ):
            continue
        if cue.startswith(("LINKS", "LINKED")) and _LINKED_TO_ACT.match(text, m.end()) is None:
            continue  # linked to other people ("LINKS X WITH THE SQUADS"), not to an act ("TO THE MURDER")
        out.extend(found)
    for m in _BEFORE.finditer(text):
        end = m.start()
        contrast = _AND_NOT.search(text, max(0, end - 80), end)
        if contrast is not None:
            end = contrast.start()  # "X AND NOT Y COMMITTED THESE MURDERS": X
        clause = _CLAUSE.split(text[max(0, end - 120) : end])[-1]
        if _NEGATION.search(clause + m.group(0)) or _CONDITION.search(clause):
            continue  # "DENIED THAT X WAS RESPONSIBLE", "IF X DID IT, ..."
        if bare and not re.search(r"DID\s+IT|GUILTY$", m.group(0).strip(), re.IGNORECASE):
            continue
        out.extend(_phrase_before(text, end, named))
    for m in _BY_DOING.finditer(text):
        # "BY KILLING HIM, THE CRIMINALS SOUGHT TO ...": the subject after the comma did it
        words_ = [t.bare for t in tokens(text, m.end(), min(len(text), m.end() + 80))[:6]]
        while words_ and words_[0].upper() in {"THE", "A", "AN"}:
            words_ = words_[1:]
        head = next(
            (
                k
                for k in range(len(words_), 0, -1)
                if words_[k - 1].upper() in AGENT_HEADS or named(" ".join(words_[:k]))
            ),
            None,
        )
        if head is not None and not any(w.upper() in FUNCTION_WORDS for w in words_[:head]):
            out.append(" ".join(words_[:head]))
    return list(dict.fromkeys(out))
