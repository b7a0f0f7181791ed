"""Relevance of upper-case wire-service reports (FBIS-style radio and agency copy).

Such reports have no headline, and the act they are about is often told in passing: a speech
that condemns "THE MURDER OF THE MAYOR", a communique that follows "YESTERDAY'S DYNAMITE
ATTACK". Whether such a text reports a specific act of political violence (murder,
assassination, kidnapping, bombing, arson) is scored from weighted cues over the whole body: a
cue in the first two sentences and cues further down count separately (further down they count
by how often they occur, up to three times). Military clashes, casualty tallies, accidents,
interviews and speeches, threats and past years count against.

This module is the wire-copy policy of the rules engine in one place: besides relevance, the act
sentence that reports the event, the category of a report judged by its act words, the toll
window, the country by votes and the dateline that only says where a report was filed. (A few
upper-case checks stay in the steps where they guard one reading: a surname read as a town, a
named venue, a date far from the act's word.)
"""

from __future__ import annotations

import re

from ...lazyre import lazy_compile
from ...normalize.casualties import Mention
from ...normalize.places import Place, gazetteer
from ...schema import Category
from .classify import classify
from .context import SEPARATE, Context, fold_name, inside
from .text import Sentence

__all__ = [
    "ACT_CUE",
    "DISTANCE_FROM",
    "SAID_IN",
    "act_sentence",
    "dateline_only",
    "not_where",
    "wire_category",
    "wire_country",
    "wire_event",
    "wire_incident_score",
    "wire_is_incident",
    "wire_toll_mentions",
]

# one person whose office or trade makes him a civilian or government target (singular: "JUDGES" is
# a generic plural)
_TITLE = (
    r"(?:MAYOR|JUDGE|MAGISTRATE|PRIEST|FATHER|BISHOP|ARCHBISHOP|LEADER|MINISTER|SENATOR|DEPUTY|CONGRESSMAN|"
    r"CANDIDATE|GOVERNOR|COUNCILMAN|DIRECTOR|SECRETARY|JOURNALIST|NEWSMAN|ATTORNEY|LAWYER|BUSINESSMAN|DIPLOMAT|"
    r"AMBASSADOR|CONSUL|UNIONIST|STUDENT|PEASANT|PROFESSOR|TEACHER|DOCTOR|MONSIGNOR|JUSTICE|PROSECUTOR|EDITOR|"
    r"MANAGER|INDUSTRIALIST)"
)

# a count of people ("SIX", "14")
_COUNT = r"(?:\d{1,3}|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|ELEVEN|TWELVE|\w+TEEN|TWENTY|THIRTY|FORTY|FIFTY)"

_NONCOMBATANTS = (
    r"(?:CIVILIANS?|PEASANTS?|CHILDREN|CHILD|WOMEN|WOMAN|STUDENTS?|RESIDENTS|INHABITANTS|PERSONS|PEOPLE|DAUGHTER|"
    r"SON|WIFE|FAMILY|FAMILIES|REFUGEES|PASSENGERS|WORKERS|NONCOMBATANTS|VILLAGERS)"
)

# a sentence that opens on another event (as :data:`.context.SEPARATE`)
_ANOTHER_EVENT = (
    r"(?:MEANWHILE|SEPARATELY|ELSEWHERE|IN\s+(?:A|ANOTHER)\s+(?:SEPARATE|SIMILAR|DIFFERENT|UNRELATED)|"
    r"IN\s+ANOTHER\s+(?:ATTACK|INCIDENT))\b"
)

# civilian property, vehicles and utilities
_PROPERTY = (
    r"(?:BANK|OFFICES?|HOUSE|HOME|RESIDENCE|BUS(?:ES)?|TOWERS?|PYLONS?|EMBASSY|HEADQUARTERS|STATION|SUBSTATION|"
    r"PLANT|STORE|SHOP|CHURCH|SCHOOL|UNIVERSITY|BRIDGE|VEHICLE|CAR|HOTEL|RESTAURANT|BUILDING|FACILITIES|"
    r"INSTALLATIONS|POLES|LINES|PIPELINE|COMPANY|FACTORY|FARM|PREMISES|TRAIN|TRUCK)"
)

# (pattern, weight in the lead, weight per occurrence (of three) further down)
_CUES: list[tuple[str, float, float]] = [
    # a generic plural ("THE MURDERS", "POLITICAL ASSASSINATIONS") names no specific act; "THE
    # MURDERS OF SIX PRIESTS" does
    (r"\bASSASSINAT(?!IONS\b(?!\s+OF\b))", 1.5, 2.5),
    (r"\bMURDER(?:ED|ING)?\b|\bMURDERS\s+OF\b", 1.3, 1.6),
    (r"\b(?:WERE|WAS)\s+(?:\w+\s+)?(?:KILLED|SHOT|MURDERED|ASSASSINATED|KIDNAPPED|ABDUCTED)\b", 0.5, 1.6),
    # a person's violent death told without a passive verb: "THE KILLING OF PABLO X", "DIED FROM
    # GUNSHOT WOUNDS", "LEFT TWO PERSONS DEAD", "GUERRILLAS HAVE KILLED THE MAYOR" (not soldiers, not "GUERRILLAS KILLED BY TROOPS")
    (
        r"\bKILLING\s+OF\b|\b(?:DIED|DEATH)\s+(?:\w+\s+){0,2}(?:GUNSHOT|BULLET)\s+WOUNDS?\b|"
        r"\bLEFT\s+(?:\w+\s+){0,3}DEAD\b|\b(?:GUERRILLAS|TERRORISTS|SUBVERSIVES|GUNMEN|REBELS|INDIVIDUALS|"
        r"MEN|ASSAILANTS|KILLERS|SQUADS?|PARAMILITAR\w*|CRIMINALS|ASSASSINS|HITMEN)\s+(?:HAVE\s+|HAD\s+)?"
        r"(?:KILLED|MURDERED|SHOT|ASSASSINATED)\b(?!\s+BY\b)(?!\s+(?:\w+\s+){0,2}(?:SOLDIERS?|TROOPS|GUARDSMEN|POLICEMEN|"
        r"AGENTS|MEMBERS|OFFICERS?|COLONELS?|MAJORS?|CAPTAINS?|LIEUTENANTS?|SERGEANTS?|CORPORALS?))",
        1.0,
        0.0,
    ),
    # an act against one person named by the office or trade that makes him a target: "THE MURDER OF
    # FORMER MAYOR X", "THE JUDGE ... WAS SHOT", "THOSE WHO MURDERED THE MAYOR" (further down: the act
    # told in passing is specific); a counted group is as specific as one person ("THE MURDER OF SIX
    # PRIESTS", "MASSACRED SIX PRIESTS", not "THE MURDER OF PRIESTS")
    (
        rf"\b(?:MURDER|KILLING|ASSASSINATION|KIDNAPPING|ABDUCTION|DEATH)\s+OF\s+(?:THE\s+|A\s+|FORMER\s+|[\w-]+\s+)"
        rf"{{0,3}}?{_TITLE}\b|\b{_TITLE}\b[^.]{{0,60}}?\b(?:WAS|HAS\s+BEEN|HAD\s+BEEN)\s+(?:\w+\s+)?(?:KILLED|"
        r"MURDERED|KIDNAPPED|ABDUCTED|ASSASSINATED|SHOT|WOUNDED|INJURED)\b|"
        rf"\b(?:MURDERS?|KILLINGS?|ASSASSINATIONS?|KIDNAPPINGS?|ABDUCTIONS?|DEATHS?|MASSACRE)\s+OF\s+(?:THE\s+)?"
        rf"{_COUNT}\s+(?:[\w-]+\s+){{0,2}}?{_TITLE}S\b|\b(?:MURDERED|MASSACRED|KIDNAPPED|ABDUCTED|ASSASSINATED)\s+(?:THE\s+)?"
        rf"(?:{_COUNT}\s+(?:[\w-]+\s+){{0,2}}?{_TITLE}S|(?:A\s+|FORMER\s+)?(?:[\w-]+\s+){{0,2}}?{_TITLE})\b",
        0.0,
        1.0,
    ),
    # an act against a civilian building, vehicle or utility ("DYNAMITED THE X BANK", "TWO BUSES
    # WERE BURNED"), further down: military targets are war (see below)
    (
        rf"\b(?:DYNAMITED|BOMBED|BURNED|SET\s+FIRE\s+TO|TORCHED|BLEW\s+UP|DESTROYED|DAMAGED|ATTACKED|RAIDED|"
        rf"MACHINEGUNNED)\s+(?:THE\s+|A\s+|AN\s+|TWO\s+|THREE\s+|SEVERAL\s+)?(?:[\w'-]+\s+){{0,3}}?{_PROPERTY}\b|"
        rf"\b{_PROPERTY}\b[^.]{{0,40}}?\b(?:WAS|WERE)\s+(?:\w+\s+)?(?:DYNAMITED|BOMBED|BURNED|TORCHED|BLOWN\s+UP|"
        r"DESTROYED|DAMAGED|ATTACKED|MACHINEGUNNED)\b",
        0.0,
        0.6,
    ),
    # noncombatants killed or wounded, also in a clash ("30 DEAD CIVILIANS", "THE AMBASSADOR'S
    # DAUGHTER WAS WOUNDED DURING CLASHES"): not a war between armed forces only
    (
        rf"\b{_NONCOMBATANTS}\s+(?:\w+\s+){{0,6}}?(?:WERE|WAS|HAVE\s+BEEN|HAD\s+BEEN|HAS\s+BEEN)\s+(?:\w+\s+)?"
        rf"(?:KILLED|WOUNDED|INJURED|MURDERED|MASSACRED|SHOT)\b|\b(?:DEAD|WOUNDED|INJURED|MURDERED)\s+{_NONCOMBATANTS}\b",
        0.6,
        1.0,
    ),
    (r"\bDYNAMIT|\bEXPLOSIVE", 1.1, 1.4),
    (r"\bEXPLO(?:SION|DED)", 0.8, 1.2),
    (r"\bSET\s+FIRE|\bBURNED\b|\bARSON|\bTORCHED", 0.7, 1.3),
    (r"\bMASSACRE", 0.4, 1.1),
    (r"\bKIDNAP(?!PINGS\b(?!\s+OF\b))|\bABDUCT(?!IONS\b(?!\s+OF\b))", 0.9, 1.0),
    (r"\bBOMB(?!INGS\b(?!\s+OF\b))", 0.85, 0.4),
    (r"\bSHOT\b|\bMACHINEGUN", 0.8, 0.8),
    (r"\bATTACK", 0.5, 0.6),
    (r"\bATTACK(?:ED|S)?\s+(?:ON|AGAINST)\b", 0.0, 0.8),
    # one act that the report itself calls terrorist ("A GROUP OF SUBVERSIVES CONDUCTED AN ARMED
    # TERRORIST ATTACK AGAINST ...", "DUE TO THE TERRORIST SABOTAGE AGAINST THE ELECTRIC SYSTEM"): a
    # determiner makes it one act, not terrorism in general ("BLOODY TERRORIST ATTACKS")
    (
        r"\b(?:A|AN|THE|THIS|THAT|YESTERDAY'S|TODAY'S|LAST\s+NIGHT'S)\s+(?:[\w-]+\s+){0,2}?TERRORIST\s+"
        r"(?:ATTACK|ACTION|ACT|SABOTAGE|BOMBING|OPERATION)\b",
        0.8,
        0.6,
    ),
    (r"\bDESTROY|\bDAMAGE", 0.65, 0.8),
    (r"\bHOSTAGE", 0.65, 0.65),
    # people taken or kept captive ("HAVE TAKEN SEVERAL CIVILIANS AS HOSTAGES", "HELD 20 DIPLOMATS
    # HOSTAGE", "TWO WOMEN HELD BY THE GROUP SINCE 16 DECEMBER"): a hostage-taking that happened
    (
        r"\b(?:TAKEN|TOOK|TAKING|SEIZED|HELD|HOLDING|KEPT)\s+(?:[\w-]+\s+){0,4}?(?:AS\s+)?HOSTAGES?\b|"
        r"\b(?:HELD|HOLDING|KEPT)\s+(?:[\w-]+\s+){0,3}?(?:CAPTIVE|PRISONER)\b|"
        r"\bHELD\s+BY\s+(?:THE\s+)?(?:[\w-]+\s+){0,3}?SINCE\b",
        0.8,
        1.5,
    ),
    # a body found ("THE BODY OF AN UNIDENTIFIED MAN WAS FOUND ON A ROAD", "POLICE FOUND THE BODIES
    # OF", "HAS BEEN FOUND DEAD"): in this copy, a killing
    (
        r"(?<!\bNO\s)\b(?:BODY|BODIES|CORPSES?)\b[^.]{0,120}?\b(?:WAS|WERE|HAVE\s+BEEN|HAS\s+BEEN|HAD\s+BEEN)\s+"
        r"(?:\w+\s+)?(?:FOUND|DISCOVERED)\b|\b(?:FOUND|DISCOVERED)\s+(?:THE\s+)?(?:[\w-]+\s+)?(?:BODY|BODIES|CORPSES?)\b|"
        r"\bFOUND\s+DEAD\b",
        0.8,
        1.5,
    ),
    # an act told with who did it: a claim ("FOR WHICH THE GUERRILLAS CLAIMED CREDIT"), a killing
    # with its victim ("THOSE RESPONSIBLE FOR KILLING THE LAWYER"; not a noun: "THE KILLING OF",
    # "KILLING AND KIDNAPPING", "KILLING AS A WEAPON"), a slaying
    (
        r"\bCLAIM(?:ED|ING|S)?\s+(?:RESPONSIBILITY|CREDIT)\b|\b(?:OF|FOR|WITH)\s+(?:KILLING|MURDERING|ASSASSINATING)\s+"
        r"(?!(?:OF|AND|OR|AS|IN)\b)|\bSLAYINGS?\b",
        0.8,
        1.5,
    ),
    # one victim told by an apposition ("THE ASSASSINATION ON 22 MARCH OF PEDRO LARA, ITS PRESIDENTIAL
    # CANDIDATE") or by an indefinite article ("THE VIOLENT MURDER OF A MEMBER OF THE POLICE"): one act
    (
        rf"\b(?:MURDER|KILLING|ASSASSINATION|KIDNAPPING|ABDUCTION)\s+(?:ON\s+\d{{1,2}}\s+[A-Z]+\s+)?OF\s+(?:[\w-]+\s+){{1,4}}?"
        rf"[\w-]+,\s+(?:ITS|THE|A|AN|HIS|HER|THEIR|FORMER)\s+(?:[\w-]+\s+){{0,2}}?{_TITLE}\b|"
        r"\b(?:MURDER|KILLING|ASSASSINATION|KIDNAPPING|ABDUCTION)\s+OF\s+(?:A|AN)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:MEMBER|OFFICER|AGENT|LEADER|MAN|WOMAN|YOUTH|BOY|GIRL)\b",
        0.8,
        1.5,
    ),
    # a counted group of civilians killed, whoever the killers ("SOLDIERS KILLED TWO SALVADORAN
    # REPORTERS", "THOSE WHO MASSACRED SIX JESUIT PRIESTS"), and property wrecked by a bomb ("A
    # TELEPHONE BOOTH WAS DESTROYED BY A BOMB"; soldiers "KILLED BY A BOMB" in an ambush are war)
    (
        rf"\b(?:KILLED|MURDERED|MASSACRED|SHOT)\s+(?:THE\s+)?(?:{_COUNT}|SEVERAL)\s+(?:[\w-]+\s+){{0,2}}?"
        r"(?:CIVILIANS|PEASANTS|CHILDREN|WOMEN|STUDENTS|RESIDENTS|PERSONS|PEOPLE|REFUGEES|PASSENGERS|WORKERS|"
        r"VILLAGERS|JOURNALISTS|REPORTERS|NEWSMEN|PRIESTS|JUDGES|TEACHERS)\b|"
        r"\b(?:DESTROYED|DAMAGED|BLOWN\s+UP|WRECKED)\s+BY\s+(?:A|AN|THE|TWO|THREE|SEVERAL)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:BOMBS?|EXPLOSIVES?|(?:DYNAMITE|EXPLOSIVE)\s+CHARGES?|GRENADES?)\b",
        0.8,
        1.5,
    ),
    (r"\bARREST|\bCAPTURED\b|\bDETAINED\b", 0.0, 0.7),
    (r"\bCONDEMN|\bREPUDIAT|\bDEPLOR", 0.6, 0.0),
    # accidents and natural events ("A SLIGHT TREMOR ... WITHOUT CAUSING ANY DAMAGE") are no act
    (r"\bCRASH|\bACCIDENT|\b(?:EARTH)?QUAKES?\b|\bTREMORS?\b|\bSEISM|\bRICHTER\b", -1.2, 0.0),
    (r"\[(?:INTERVIEW|SPEECH|EDITORIAL|COMMENTARY)", -0.95, 0.0),
    (r"\bCOMMUNIQUE", -0.25, -0.75),
    (r"\bLAST\s+YEAR|\bIN\s+19[0-8]\d|\bAGO\b", 0.0, -0.7),
    (r"\bCASUALTIES", -0.6, 0.0),
    (r"\bTROOPS\b|\bBATTALION|\bBRIGADE|\bSOLDIERS?\b|\bARMY\b|\bPATROL", 0.0, -0.6),
    (r"\bCLASH|\bCOMBAT|\bFIGHTING\b|\bSKIRMISH", -0.3, -0.4),
    (r"\bTHREAT|\bWILL\s+(?:KILL|ATTACK)|\bWARN", -0.5, 0.0),
    (r"\bDRUG|\bNARCO|\bCARTEL|\bEXTRADITABLE", -0.4, -0.4),
    # a prison revolt (inmates who mutiny, riot or hold visitors hostage) is a crime inside a jail,
    # not an act of political violence, whatever its toll
    (
        r"\b(?:PRISON|PENITENTIAR|INMATES?|JAIL|CONVICTS?)\w*\b[^.]{0,200}?\b(?:REVOLT|MUTIN\w*|RIOT(?:S|ING)?|"
        r"UPRISING)\b|\b(?:REVOLT|MUTIN\w*|RIOT(?:S|ING)?|UPRISING)\b[^.]{0,200}?\b(?:PRISON|PENITENTIAR|INMATES?|"
        r"JAIL|CONVICTS?)|\b(?:INMATES|PRISONERS|CONVICTS)\s+(?:\w+\s+){0,3}?(?:HOLD|HOLDING|HELD|TOOK|TAKEN|TAKE)\s+"
        r"(?:\w+\s+){0,6}?HOSTAGES?\b",
        -3.0,
        -1.0,
    ),
    (r"\bSAID\b|\bSTATED\b|\bDECLARED\b", -0.3, 0.0),
    # war between armed forces is not terrorism: attacks on troops and bases, also told in the passive
    # ("ONE MILITARY HELICOPTER WAS SHOT DOWN", "THE GARRISON, WHICH WAS ATTACKED"), rebels' war bulletins
    (
        r"\b(?:ATTACK(?:ED|S|ING)?|AMBUSH(?:ED|ES)?|HARASS(?:ED|ING)?|RAID(?:ED)?)\s+(?:ON\s+|AGAINST\s+)?"
        r"(?:THE\s+|A\s+|AN\s+|SEVERAL\s+)?(?:[\w-]+\s+){0,3}(?:BRIGADE|BATTALION|GARRISON|BARRACKS|TROOPS|"
        r"PATROL|CONVOY|DETACHMENT|(?:MILITARY|ARMY)\s+(?:POST|BASE|UNIT|POSITION)S?|HELICOPTERS?|POSITIONS|CAMPS?|"
        r"OUTPOSTS?|(?:MILITARY|ARMY|NAVAL)\s+INSTALLATIONS|(?:CIVIL\s+DEFENSE|POLICE|MILITARY)\s+POSTS?)|"
        r"\b(?:BRIGADES?|BATTALIONS?|REGIMENTS?|GARRISONS?|BARRACKS|TROOPS|PATROLS?|CONVOYS?|DETACHMENTS?|"
        r"(?:MILITARY|ARMY)\s+(?:POST|BASE|UNIT|POSITION|VEHICLE|TRUCK|JEEP)S?|HELICOPTERS?|OUTPOSTS?|"
        r"(?:MILITARY|ARMY|NAVAL)\s+INSTALLATIONS)\b[^.]{0,40}?\b(?:WAS|WERE|HAS\s+BEEN|HAD\s+BEEN)\s+(?:\w+\s+)?"
        r"(?:ATTACKED|AMBUSHED|HARASSED|SHOT\s+DOWN)\b",
        -1.0,
        0.0,
    ),
    # the same with words between the act and its military target ("THE ATTACK CARRIED OUT TODAY AT
    # 0600 AGAINST THE TROOPS", "ATTACKS LAUNCHED YESTERDAY ON TWO PATROLS")
    (
        r"\b(?:ATTACK|AMBUSH|OFFENSIVE)\w*\s+(?:[\w-]+\s+){1,6}?(?:ON|AGAINST)\s+(?:THE\s+|A\s+|AN\s+|SEVERAL\s+)?"
        r"(?:[\w-]+\s+){0,3}(?:BRIGADES?|BATTALIONS?|GARRISONS?|BARRACKS|TROOPS|PATROLS?|CONVOYS?|DETACHMENTS?|"
        r"POSITIONS|(?:MILITARY|ARMY|NAVAL)\s+INSTALLATIONS|(?:CIVIL\s+DEFENSE|POLICE|MILITARY)\s+POSTS?|CAMPS?|"
        r"HELICOPTERS?|SOLDIERS)\b",
        -0.5,
        0.0,
    ),
    # the armed forces' own war on the rebels ("THE AIR FORCE BOMBED GUERRILLA POSITIONS", "ARMY
    # BOMBING OF FARC [...] CAMPS", "THE ARMY TODAY ATTACKED BY LAND AND AIR THE GUERRILLAS WHO ...")
    # and an aircraft shot down are combat, not terrorism
    (
        r"\b(?:BOMB\w*|STRAF\w*|SHELL\w*|ATTACK\w*|RAID\w*|FIRED\s+(?:\w+\s+)?(?:ON|AT))\s+(?:OF\s+|ON\s+|AGAINST\s+)?"
        r"(?:THE\s+)?(?:[\w-]+\s+){0,2}?(?:GUERRILLA|REBEL|INSURGENT|SUBVERSIVE|TERRORIST|FMLN|FARC|ELN|EPL)S?\s+"
        r"(?:\[[^\]]*\]\s+)?(?:POSITIONS|CAMPS?|REDOUBTS|HIDEOUTS|BASES?|COLUMNS?|CONCENTRATIONS|STRONGHOLDS|"
        r"SANCTUARIES)\b|\b(?:ARMY|ARMED\s+FORCES|AIR\s+FORCE|TROOPS|SOLDIERS)\s+(?:TODAY\s+|YESTERDAY\s+|HAVE\s+|"
        r"HAS\s+|HAD\s+)?(?:ATTACKED|BOMBED|STRAFED|SHELLED|ATTACKS|BOMBS)\s+(?:[\w-]+\s+){0,5}?(?:THE\s+)?"
        r"(?:GUERRILLAS|REBELS|INSURGENTS|SUBVERSIVES)\b",
        -0.6,
        -0.3,
    ),
    (r"\bSHOT\s+DOWN\b", -0.8, -0.3),
    # a clash's own toll told in the lead ("A REBEL WAS KILLED AND TWO OTHERS WERE WOUNDED IN HEAVY
    # CLASHES", "10 GUERRILLAS WERE KILLED DURING BATTLES"): war, unless the sentence names
    # noncombatants among the dead (those count for an act, above) or opens on another event
    # ("MEANWHILE, NINE REBELS WERE KILLED ... DURING CLASHES" after the act the report is about); a
    # clash "THAT FOLLOWED" an act is that act's aftermath, not a war report of its own
    (
        rf"(?:^|(?<=\.)\s)(?!\s*{_ANOTHER_EVENT})(?:(?!\b{_NONCOMBATANTS}\b)[^.])*?\b(?:KILLED|WOUNDED|INJURED|DIED|DEAD|CASUALTIES)\s+"
        r"(?:[\w-]+\s+){0,4}?(?:IN|DURING)\s+(?:THE\s+|A\s+|AN\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:CLASH|BATTLE|COMBAT|FIGHTING|SKIRMISH|CROSSFIRE|CONFRONTATION)\w*(?!\s+(?:THAT|WHICH)\s+FOLLOWED)\b",
        -0.8,
        0.0,
    ),
    (
        r"\b(?:SOLDIERS|TROOPS|GUERRILLAS|REBELS|SUBVERSIVES|TERRORISTS|INSURGENTS|EXTREMISTS)\s+(?:\w+\s+)?"
        r"(?:WERE|WAS|HAVE\s+BEEN|HAD\s+BEEN)\s+(?:\w+\s+)?(?:KILLED|WOUNDED)",
        -0.5,
        -0.5,
    ),
    (
        r"\bOUR\s+(?:UNITS|TROOPS|FORCES|COMBATANTS|FIGHTERS)|\bENEMY\s+(?:TROOPS|SOLDIERS|CASUALTIES)|"
        r"\bWAR\s+(?:BULLETIN|MATERIEL|MATERIAL)|\bCASUALTIES\s+ON\b",
        -1.0,
        -1.0,
    ),
]
_COMPILED = [(lazy_compile(p, re.IGNORECASE), lead, rest) for p, lead, rest in _CUES]
_BIAS = -0.65
_RULES_SAY_INCIDENT = 0.6  # the sentence-level rules' own verdict counts as one more cue

ACT_CUE = lazy_compile(
    r"\b(?:ASSASSINAT\w*|MURDER(?:ED|S)?|KIDNAPP\w*|ABDUCT\w*|BOMB(?:S|ED|ING|INGS)?|DYNAMIT\w*|"
    r"EXPLOSIVES?|EXPLO(?:SION|DED)|MASSACRED?|SET\s+FIRE|TORCHED|ARSON|MACHINEGUNNED|"
    r"(?:WERE|WAS)\s+(?:\w+\s+)?(?:KILLED|SHOT|MURDERED))\b",
    re.IGNORECASE,
)


# an act word under a modal, a plan, a prevention, a threat, a denial or a negation did not happen:
# "A PLOT TO MURDER HIM", "TO PREVENT JUDGES FROM BEING MURDERED", "WILL ATTEMPT TO ATTACK",
# "DENIED THAT THE ARMY IS BOMBING", "WAS NOT KIDNAPPED". The modal governs a verb: a determiner or a
# preposition in between makes the act word a noun of its own ("BELIEVED TO BE RESPONSIBLE FOR THE
# ATTACK" tells a real attack), and "3 MAY" is a date.
_ACT_WORD = (
    r"(ASSASSINAT\w*|MURDER\w*|KILL\w*|KIDNAP\w*|ABDUCT\w*|BOMB\w*|DYNAMIT\w*|ATTACK\w*|BURN\w*|DESTROY\w*|"
    r"SHOOT\w*|SHOT)\b"
)
_IRREALIS = lazy_compile(
    r"(?:\b(?:WILL|WOULD|COULD|MIGHT|(?<!\d\s)MAY|SHOULD|MUST|CAN|CANNOT|PLANS?\s+TO|PLANNED\s+TO|PLOT\s+TO|"
    r"PLOTTING\s+TO|INTEND\w*\s+TO|PREVENT\w*|AVOID\w*|THREATEN\w*\s+TO|THREATS?\s+TO|ATTEMPT\w*\s+TO|TRY\w*\s+TO|"
    r"TRIED\s+TO|FROM\s+BEING|TO\s+BE|NOT|NEVER|NO|WITHOUT)\s+(?:(?!(?:THE|A|AN|THIS|THAT|ITS|HIS|THEIR|FOR|OF|IN|ON|AT|BY|"
    r"WITH|AGAINST|AFTER|BEFORE|DURING)\s)[\w-]+\s+){0,3}?|\bDEN(?:IED|IES|Y)\s+(?:(?:THE\s+)?(?:REPORTS?|CLAIMS?|"
    r"CHARGES?|ALLEGATIONS?|VERSIONS?)\s+(?:(?:BY|FROM|OF)\s+(?:[\w'-]+\s+){1,6}?)?)?THAT\s+(?:\"?[\w-]+\s+){0,5}?\"?)"
    + _ACT_WORD.replace(r"SHOT)\b", r"SHOT|DAMAG\w*|HOSTAGES?)\b"),
    re.IGNORECASE,
)


def _underscored(m: re.Match[str], g: int = 0) -> str:
    """The match with its group ``g`` (by default the whole match) written as underscores of the
    same length: the word no longer counts, every offset stays."""
    whole = m.group(0)
    return whole[: m.start(g) - m.start(0)] + "_" * len(m.group(g)) + whole[m.end(g) - m.start(0) :]


def _clause(
    text: str, m: re.Match[str], stops: str, next_clause: re.Pattern[str] | None = None
) -> tuple[int, int]:
    """The span of the clause around ``m``: from after the last of ``stops`` before it to the first
    after it, or to where ``next_clause`` opens another."""
    start = max(text.rfind(c, 0, m.start()) for c in stops) + 1
    ends = [i for i in (text.find(c, m.end()) for c in stops) if i >= 0]
    later = next_clause.search(text, m.end()) if next_clause is not None else None
    if later is not None:
        ends.append(later.start())
    return start, min(ends) if ends else len(text)


def _realis(text: str) -> str:
    """The text with the act words of acts that did not happen blanked out."""
    return _IRREALIS.sub(lambda m: _underscored(m, 1), text)


# a habitual act in the present tense ("THEY STEAL, KIDNAP, AND MURDER ANYONE WHO ...", "GROUPS WHO
# BOMB BRIDGES") tells what a group does, not an act that happened
_HABIT_VERB = r"(?:STEAL|ROB|KIDNAP|MURDER|KILL|ATTACK|BOMB|BURN|DESTROY|ASSASSINATE|MASSACRE)\b"
_HABITUAL = lazy_compile(
    rf"\b(?:THEY|WHO|WE)\s+(?:(?:[\w-]+,?\s+){{0,3}}?(?:AND|OR)\s+)?{_HABIT_VERB}",
    re.IGNORECASE,
)
_HABIT_WORD = lazy_compile(r"\b" + _HABIT_VERB, re.IGNORECASE)
# an act years before the report, told in the same clause ("CIVILIANS WHO WERE KIDNAPPED MORE THAN
# FIVE YEARS AGO") or in a sentence that opens on the time ("TEN YEARS AGO, GUERRILLAS BOMBED THE
# PLANT"), is history, not the news ("THE GROUP, FOUNDED TEN YEARS AGO, BOMBED ..." is not)
_YEARS_AGO = r"\b(?:\d{1,2}|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|[A-Z]+TEEN|TWENTY|SEVERAL|MANY)\s+YEARS\s+AGO\b"
_LONG_AGO = lazy_compile(
    rf"\b{_ACT_WORD}(?=[^,.;]{{0,80}}?{_YEARS_AGO})|^\s*(?:SOME\s+|ABOUT\s+|MORE\s+THAN\s+)?{_YEARS_AGO},?[^,.;]{{0,80}}?\b{_ACT_WORD}",
    re.IGNORECASE,
)
# act words that name no act: acts counted over a period ("THE NUMBER OF M-19 MEMBERS MURDERED HAS
# RISEN TO 10", "FOUR PEOPLE HAVE BEEN KIDNAPPED EVERY DAY SO FAR IN 1990", "COUNTLESS COLOMBIANS HAVE
# BEEN ASSASSINATED", "THE DEATH SQUADS WHICH MURDERED HUNDREDS IN THE PAST FEW YEARS"), crimes named as legal charges ("TO BE TRIED ON CHARGES OF MURDER, KIDNAPPING,
# DRUG TRAFFICKING"; not "ACCUSED OF MURDERING THE PRIESTS", which names the act)
# (the cue alone: the clause around it is found by :func:`_blank_statistics`, a pattern that opened
# on "[^.;]*" would try every position of a long sentence)
_STATISTIC = lazy_compile(
    r"\b(?:SO\s+FAR\s+(?:THIS\s+YEAR|IN\s+(?:19|20)\d\d)|(?:IN|OVER|DURING)\s+THE\s+(?:PAST|LAST)\s+(?:\w+\s+)?"
    r"(?:YEARS|MONTHS|DECADES?)|THE\s+NUMBER\s+OF|COUNTLESS|(?:\d+|ONE|TWO|THREE|FOUR|"
    r"FIVE|SIX|SEVEN|EIGHT|NINE|TEN)\s+(?:PEOPLE|PERSONS)\s+(?:HAVE\s+BEEN|ARE)\s+\w+\s+(?:EVERY|EACH)\s+(?:DAY|WEEK|MONTH))"
    r"\b",
    re.IGNORECASE,
)
_CHARGES = lazy_compile(
    r"\b(?:ON\s+CHARGES?\s+OF|CHARGED\s+WITH|ACCUSED\s+OF|CONVICTED\s+OF|WANTED\s+FOR)\s+(?:(?:MURDER|KIDNAPPING|"
    r"HOMICIDE|TERRORISM|ASSASSINATION|EXTORTION|ROBBERY|DRUG\s+TRAFFICKING|ARSON|SUBVERSION|REBELLION)\b"
    r"(?:\s*,\s*(?:AND\s+)?|\s+AND\s+|\s+OR\s+)?)+(?!\s*OF\b)",
    re.IGNORECASE,
)
# arms found, seized or smuggled, named in the lead ("TROOPS ... SEIZED 6 RIFLES, ... 330 POUNDS OF
# EXPLOSIVES", "TWO MEN WHO HAD BOMBS, PRIMING TUBES, AND MAPS"): the report is about the arms, and
# their explosives are materiel, not an act
_MATERIEL = lazy_compile(
    r"\b(?:SEIZED|SEIZURE\s+OF|FOUND|CONFISCATED|DISCOVERED|INTRODUCED|SMUGGL\w+|CACHES?\s+OF|HAD)\b[^.;]{0,160}?"
    r"\b(?:RIFLES|AMMUNITION|GRENADES|PISTOLS|WEAPONS|ARMS|MACHINEGUNS|MORTARS|DETONATORS|FUSES|CAPS|"
    r"PRIMING\s+TUBES)\b[^.;]{0,160}",
    re.IGNORECASE,
)
_NO_ACT_WORD = lazy_compile(
    r"\b(?:ASSASSINAT\w*|MURDER\w*|KILL\w*|KIDNAP\w*|ABDUCT\w*|BOMB\w*|DYNAMIT\w*|ATTACK\w*|EXPLOSIVES?|"
    r"HOSTAGES?|TERRORIS\w*)",
    re.IGNORECASE,
)


def _blank_statistics(text: str) -> str:
    """The text with the act words of every clause (between "." and ";") that counts acts over a
    period blanked out."""
    out = text
    for m in _STATISTIC.finditer(text):
        start, end = _clause(text, m, ".;")
        out = out[:start] + _NO_ACT_WORD.sub(_underscored, out[start:end]) + out[end:]
    return out


def _blank_words(m: re.Match[str]) -> str:
    """The match with its act words blanked out."""
    return _NO_ACT_WORD.sub(_underscored, m.group(0))


# a clause dated by a year three or more years before the report's ("THE JUSTICE PALACE IN NOVEMBER
# 1985, WHEN 100 PEOPLE WERE KILLED", "THE ATTACKS BEGAN IN 1984 WITH THE ASSASSINATION OF THE
# MINISTER") tells history, not the news ("THE WORST SINCE 1985" compares, "FOUNDED IN 1970" dates a
# group, not an act)
_DATED_YEAR = lazy_compile(
    r"\b(?:IN|DURING)\s+(?:(?:EARLY|LATE|MID-?)\s*)?(?:(?:\d{1,2}\s+)?(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|"
    r"AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\s+)?((?:19|20)\d\d)\b(?:\s*,\s*WHEN\b)?",
    re.IGNORECASE,
)
_PAST_ACT_WORD = lazy_compile(
    r"\b(?:ASSASSINAT\w*|MURDER\w*|KILL\w*|KIDNAP\w*|ABDUCT\w*|BOMB\w*|DYNAMIT\w*|ATTACK\w*|EXPLO\w*|MASSACRE\w*|"
    r"HOSTAGES?|BURN\w*|DESTROY\w*|SHOT)\b",
    re.IGNORECASE,
)
_HISTORY_YEARS = 3
_NEXT_CLAUSE = lazy_compile(r"\b(?:(?:AND|BUT)\s+THAT|BUT|WHILE|WHEREAS)\b", re.IGNORECASE)


def _blank_history(text: str, ref_year: int | None) -> str:
    """The text with the act words of clauses dated three or more years before the report blanked out."""
    if ref_year is None:
        return text
    for m in _DATED_YEAR.finditer(text):
        if int(m.group(1)) > ref_year - _HISTORY_YEARS:
            continue
        # a clause also ends where another begins ("IN 1969 AND THAT THE OFFICERS ...", "BUT ...")
        start, end = _clause(text, m, ",.;", _NEXT_CLAUSE)
        clause = _PAST_ACT_WORD.sub(_underscored, text[start:end])
        text = text[:start] + clause + text[end:]
    return text


# a violent verb in the present passive tells what happens to people in general ("THEY ARE MURDERED
# OR HARASSED", "JOURNALISTS ARE OFTEN KIDNAPPED"; not "HE IS REPORTED KILLED"), and shots fired into
# the air are no attack on anyone
_GENERAL_PASSIVE = lazy_compile(
    r"\b(?:ARE|IS)\s+(?:(?!REPORTED|BELIEVED|SAID|THOUGHT|FEARED|KNOWN|ALLEGED|PRESUMED)[A-Z]+\s+){0,2}?"
    r"(MURDERED|KILLED|KIDNAPPED|ASSASSINATED|ATTACKED|ABDUCTED|MASSACRED|SHOT)\b",
    re.IGNORECASE,
)
# an act called for, planned or assigned as a mission has not happened ("PUBLICLY CALLING FOR THE
# ASSASSINATION OF THE GENERAL", "HAD THE MISSION OF ASSASSINATING THE PRESIDENT", "A PLOT FOR THE
# MURDER OF ...")
_CALLED_FOR = lazy_compile(
    r"\b(?:CALL(?:S|ED|ING)?\s+FOR|MISSION\s+(?:OF|TO)|PLANS?\s+(?:OF|FOR)|PLOT\s+(?:OF|FOR)|CONSPIRACY\s+TO)\s+"
    r"(?:THE\s+)?(ASSASSINAT\w*|MURDER\w*|KILL\w*|KIDNAP\w*|BOMB\w*|ATTACK\w*|DYNAMIT\w*|DESTROY\w*)",
    re.IGNORECASE,
)
# a bare infinitive names an act aimed at, not one that happened ("STEP UP THEIR ACTIONS TO DESTROY THE
# INFRASTRUCTURE AND MURDER OFFICIALS", "MERCENARIES WHO CAME TO ASSASSINATE HIM"); a verb joined to it by
# "AND"/"OR" shares its mood. An attempt is an act that happened ("AN ATTEMPT BY THE GROUP TO KIDNAP"),
# and so is one begun or kept up ("STARTED TO ATTACK", "CONTINUE TO RESORT TO ... TO KIDNAP").
_BASE_ACT = r"(?:KILL|MURDER|KIDNAP|ASSASSINATE|ATTACK|BOMB|DYNAMITE|DESTROY|BURN|ABDUCT|SHOOT|MASSACRE)"
_ATTEMPTED = lazy_compile(
    r"\b(?:ATTEMPT\w*|TRIED|TRY\w*|START\w*|BEG[AIU]N\w*|CONTINU\w*|RESORT\w*|WENT\s+ON|PROCEED\w*)\b[^.;]*$",
    re.IGNORECASE,
)
_INFINITIVE_ACT = lazy_compile(
    rf"\bTO\s+({_BASE_ACT})\b(?:[^.;,]{{0,60}}?\b(?:AND|OR)\s+({_BASE_ACT})\b)?",
    re.IGNORECASE,
)
# act words that name no act: people by what they did ("THE ALLEGED KIDNAPPERS", "A KIDNAPPING RING"),
# a symbolic burning at a protest ("BURNED EIGHT U.S. FLAGS", "BURNED A COFFIN SYMBOLIZING ..."), and
# acts of a kind, a bare plural told by its quality ("THE TARGET OF BLOODY TERRORIST ATTACKS"; not
# "THE TERRORIST ATTACKS", "TWO TERRORIST ATTACKS", "TERRORIST ATTACKS ON THE CAPITAL")
_NOT_AN_ACT = lazy_compile(
    r"\b(KIDNAPPERS|ABDUCTORS|KIDNAPPING\s+(?:RINGS?|GANGS?|BANDS?))\b|"
    r"\b(BURN(?:ED|ING|T|S)?)\s+(?:[\w.-]+\s+){0,3}?(?:FLAGS?|EFFIG(?:Y|IES)|COFFINS?|TIRES|TYRES|PAMPHLETS|"
    r"PORTRAITS?|PHOTOGRAPHS?|SCALE\s+MODELS?)\b|"
    r"(?<!\bTHE\s)(?<!\bTHESE\s)(?<!\bTHOSE\s)(?<!\bTWO\s)(?<!\bTHREE\s)(?<!\bTHEIR\s)(?<!\bITS\s)"
    r"(?<!\bBOTH\s)\b(?:(?:TERRORIST|BLOODY|CRIMINAL|VIOLENT|INDISCRIMINATE|COWARDLY|SELECTIVE|CONSTANT|"
    r"REPEATED|FREQUENT|POLITICAL|GUERRILLA)\s+)+(ATTACKS|BOMBINGS|KIDNAPPINGS|MURDERS|KILLINGS|ASSASSINATIONS|"
    r"MASSACRES)\b(?!\s+(?:ON|AGAINST|OF|IN|AT)\b)",
    re.IGNORECASE,
)
_INTO_THE_AIR = lazy_compile(r"\b(SHOT|SHOOTING)\s+(?:[\w-]+\s+){0,3}?INTO\s+THE\s+AIR\b", re.IGNORECASE)
# an attack in words: a speaker who "HARSHLY ATTACKED THE PRESIDENT" or "SHARPLY ATTACKS THE PLAN"
_VERBAL_ATTACK = lazy_compile(
    r"\b(?:HARSHLY|SHARPLY|STRONGLY|VERBALLY|BITTERLY|PUBLICLY)\s+(ATTACK\w*)", re.IGNORECASE
)
# a list number the sentence splitter leaves as a sentence of its own ("COMMUNIQUE: 1. AT 0945 ...")
_ENUMERATOR = lazy_compile(r"\s*\(?\d{1,2}[.)]\s*$")


def _episodic(text: str, ref_year: int | None = None) -> str:
    """The text with the act words of acts that did not happen, that are habits, that are attacks
    in words or that are history blanked out."""
    told = _HABITUAL.sub(
        lambda m: _HABIT_WORD.sub(_underscored, m.group(0)),
        _realis(_blank_history(text, ref_year)),
    )
    told = _VERBAL_ATTACK.sub(lambda m: _underscored(m, 1), told)
    told = _INFINITIVE_ACT.sub(_blank_infinitive, told)
    told = _NOT_AN_ACT.sub(_blank_first_group, told)
    told = _CHARGES.sub(_blank_words, _blank_statistics(told))
    told = _INTO_THE_AIR.sub(_blank_act, _GENERAL_PASSIVE.sub(_blank_act, _CALLED_FOR.sub(_blank_act, told)))
    return _LONG_AGO.sub(_blank_act, told)


def _blank_infinitive(m: re.Match[str]) -> str:
    """The match with its infinitive act word, and the one joined to it, blanked out (kept after an
    attempt or a verb of beginning in the same clause)."""
    if _ATTEMPTED.search(m.string, max(0, m.start() - 80), m.start()):
        return m.group(0)
    out = _underscored(m, 1)
    if m.group(2) is not None:
        cut = m.start(2) - m.start(0)
        out = out[:cut] + "_" * len(m.group(2)) + out[cut + len(m.group(2)) :]
    return out


def _blank_first_group(m: re.Match[str]) -> str:
    """The match with its first group that took part blanked out."""
    return _underscored(m, next(g for g in range(1, (m.re.groups or 0) + 1) if m.group(g) is not None))


def _blank_act(m: re.Match[str]) -> str:
    """The match with its act word (the first or the second group) blanked out."""
    return _underscored(m, 1 if m.group(1) is not None else 2)


def wire_incident_score(body: list[str], rules_say_incident: bool, ref_year: int | None = None) -> float:
    """Positive when the report is about a specific act of political violence that happened. Its
    lead is its first two sentences that say something (a bare list number is none)."""
    body = [t for t in body if not _ENUMERATOR.match(t)]
    lead = " ".join(_MATERIEL.sub(_blank_words, _episodic(t, ref_year)) for t in body[:2])
    rest = " ".join(_episodic(t, ref_year) for t in body[2:])
    score = _BIAS + (_RULES_SAY_INCIDENT if rules_say_incident else 0.0)
    for pattern, w_lead, w_rest in _COMPILED:
        if w_lead and pattern.search(lead):
            score += w_lead
        if w_rest:
            n = len(pattern.findall(rest))
            if n:
                score += w_rest * min(n, 3) / 3
    return score


def act_sentence(text: str) -> bool:
    """Does the sentence name a specific violent act (murder, kidnapping, bombing, arson)?"""
    return bool(ACT_CUE.search(text))


# where an act happened: any act word that did happen ("THE KILLINGS OCCURRED IN LA PAZ", "THE ATTACK
# WAS CARRIED OUT IN BOQUERON", "HAVE KILLED THE MAYOR OF THE TOWN OF X"), broader than the cue of
# relevance; "KILLED" alone is a clash's too, but a clash's town is as good a place as any; also a
# crime or an incident said to have happened ("WHERE THE CRIME WAS COMMITTED", "THE INCIDENT THAT
# OCCURRED IN X"; not "CHARGED WITH THE CRIME")
_PLACE_ACT = lazy_compile(
    _ACT_WORD.replace(
        r")\b",
        r"|EXPLO\w*|BLASTS?|MASSACRE\w*|SABOTAGE\w*|AMBUSH\w*|TORCH\w*|ARSON|SET\s+FIRE|"
        r"(?:CRIME|INCIDENT|EVENT)S?\s+(?:THAT\s+|WHICH\s+)?(?:(?:WAS|WERE)\s+COMMITTED|PERPETRATED|"
        r"(?:HAS\s+|HAD\s+)?(?:OCCURRED|HAPPENED|TOOK\s+PLACE)))\b",
    ),
    re.IGNORECASE,
)


def act_place_sentence(text: str) -> bool:
    """Does the sentence tell an act that happened (the sentences whose towns place the act)?"""
    told = _realis(text)
    return bool(ACT_CUE.search(told) or _PLACE_ACT.search(told))


def wire_is_incident(ctx: Context, rules_say_incident: bool) -> bool:
    """Wire copy without a headline: the act may be told anywhere in the report."""
    return wire_incident_score([s.text for s in ctx.body], rules_say_incident, ctx.ref_year) > 0


def wire_event(ctx: Context, event: Sentence | None, *, has_killed_figure: bool) -> Sentence | None:
    """The first sentence that names the act ("THE MURDER OF ...") reports it, unless the lead's
    own event sentence names one, or a killed figure in the lead chose it."""
    if event is not None and act_sentence(event.text):
        return event
    act = next((s for s in ctx.body if act_sentence(s.text) and not ctx.is_background(s)), None)
    if act is not None and (event is None or not has_killed_figure):
        return act
    return event


def wire_category(
    ctx: Context, category: Category | None, subtype: str | None
) -> tuple[Category | None, str | None]:
    """A report judged an incident by its act words: a violent act, named by its first act sentence."""
    act = next((s for s in ctx.body if act_sentence(s.text)), None)
    if act is None:
        return category, subtype
    act_class = classify([(act.text, 1.0)])
    return (
        Category.violent_attack,
        act_class.subtype if act_class.category is Category.violent_attack else None,
    )


_WIRE_WINDOW = 0  # the event sentence alone: a wider window adds other acts' figures


def wire_toll_mentions(mentions: list[Mention], event: Sentence | None, ctx: Context) -> list[Mention]:
    """Wire copy strings several acts together ("MEANWHILE, THREE SUBVERSIVES WERE KILLED ..."):
    its toll is read from the event sentence and the few after it, up to the next separate act."""
    if event is None:
        return mentions
    window = range(event.index, event.index + _WIRE_WINDOW + 1)
    stop = next(
        (
            s.index
            for s in ctx.article.sentences
            if event.index < s.index <= window[-1] and SEPARATE.match(s.text)
        ),
        None,
    )
    picked = [m for m in mentions if m.sentence in window and (stop is None or m.sentence < stop)]
    if picked or any(m.sentence <= event.index for m in mentions):
        return picked
    # "... ON THE 2 SEPTEMBER BOMB ATTACK ... ONE PERSON WAS KILLED AND 86 OTHERS INJURED AS A RESULT
    # OF THE ATTACK": an event sentence that tells no figure, and a later one that speaks of the same
    # act by its definite name, before another act is told
    for s in ctx.article.sentences:
        if s.index <= event.index:
            continue
        if s.index > event.index + _ANAPHOR_WINDOW or SEPARATE.match(s.text) or ctx.is_background(s):
            break
        if _SAME_ACT.search(s.text):
            told = [m for m in mentions if m.sentence == s.index]
            if told:  # "NO ONE WAS HURT IN THE ATTACK": the zero is the act's own, kept by the lead's reading
                return [m for m in told if m.value > 0]
    return picked


_ANAPHOR_WINDOW = 6
# the act reported, named again: "THE ATTACK", "TODAY'S EXPLOSION", "THE BLAST"
_SAME_ACT = lazy_compile(
    r"\b(?:the|this|today's|yesterday's|last\s+night's|that)\s+(?:[\w-]+\s+)?(?:attack|explosion|blast|bombing|"
    r"ambush|massacre|shooting|assault|incident|raid)\b",
    re.IGNORECASE,
)


_WIRE_DATELINE = 2.0
_WIRE_ABROAD = 0.2
_WIRE_AFTER_ACT = 3.0
_WIRE_ACT_TOWN = 1.5
# "CARACAS (VENEZUELA), 7 DEC 89": a dateline that names its country is a report filed abroad
_ABROAD_DATELINE = lazy_compile(r"\s*[^,(\n]{2,40}\(\s*[^)\d]{3,30}\)\s*,")


def _country_weight(p: Place, event: Sentence | None, ordered: list[Sentence], lead_ids: set[int]) -> float:
    """A country name or adjective after the dateline: most after the act's word in the event
    sentence or the lead, less before it (the speaker's country), little elsewhere."""
    home = next((s for s in ordered if inside(p, s)), None)
    w = 0.3
    if home is not None and (home is event or home.index in lead_ids):
        act = ACT_CUE.search(home.text)
        if act is not None and home.start + act.start() < p.start:
            w = _WIRE_AFTER_ACT
        elif act is not None:
            w = 0.5  # "THE NICARAGUAN GOVERNMENT CONDEMNED THE MURDER ...": the speaker's country
        else:
            w = 1.5 if home is event else 1.0
    if p.kind == "region":
        w *= 0.5
    return w


_NATIONALITY_CAP = 1.5
# a nationality used as a noun, for a person: "WAS A COLOMBIAN.", "TWO PERUVIANS," (the adjective
# ends its phrase)
_NATIONALITY_NOUN_AFTER = lazy_compile(r"\s*(?:[.,;:)]|$)")
# "THE PERUVIAN TOWN OF YUNGUYO", "THE ECUADORAN CAPITAL": the adjective says where a place is, not
# who a person is (no nationality cap)
_PLACE_NOUN_AFTER = lazy_compile(
    r"\s+(?:CITY|TOWN|VILLAGE|HAMLET|PORT|CAPITAL)\b(?!\s+(?:HALL|COUNCIL))", re.IGNORECASE
)

# a country named as a border ("NEAR THE COLOMBIAN BORDER", "ON THE BORDER WITH MEXICO"), a
# person's origin ("JOSE MARTINEZ, 55, FROM SPAIN", "CITIZENS OF ITALY") or the name of a
# neighbourhood or street ("SAN SALVADOR'S VENEZUELA NEIGHBORHOOD") says where the act was not
_BORDER_AFTER = lazy_compile(
    r"(?:\s*-\s*[A-Za-z]+|\s+AND\s+[A-Za-z]+)?\s+(?:BORDERS?|FRONTIERS?)\b", re.IGNORECASE
)
_BORDER_BEFORE = lazy_compile(
    r"\b(?:BORDERS?|FRONTIERS?)\s+(?:WITH|OF)\s+(?:THE\s+)?(?:[A-Za-z]+\s+AND\s+)?$", re.IGNORECASE
)
_ORIGIN_BEFORE = lazy_compile(
    r"(?:,\s*\d{1,3}\s*,\s*(?:FROM|OF)|\b(?:CITIZENS?|NATIONALS?|NATIVES?)\s+OF)\s+$", re.IGNORECASE
)
_STREET_AFTER = lazy_compile(
    r"\s+(?:NEIGHBORHOODS?|NEIGHBOURHOODS?|DISTRICT|AVENUE|STREET|BOULEVARD|SQUARE|COLONY|QUARTER|"
    r"SUBURB|PARK|HOTEL)\b",
    re.IGNORECASE,
)


def not_where(text: str, p: Place) -> bool:
    """Does the article name this country only as a border, a person's origin or part of a street's
    or neighbourhood's name, never as the place of the act?"""
    after = text[p.end : p.end + 40]
    before = text[max(0, p.start - 40) : p.start]
    if _BORDER_AFTER.match(after) or _BORDER_BEFORE.search(before) or _ORIGIN_BEFORE.search(before):
        return True
    return bool(_STREET_AFTER.match(after)) and (re.search(r"['’]S\s+$", before, re.I) is not None)


def _is_nationality(p: Place) -> bool:
    """Is the country mention a nationality adjective ("SALVADORAN", "SPANISH"), not the name?"""
    demonyms = gazetteer().demonyms
    key = fold_name(p.text)
    return key in demonyms or (key.endswith("s") and key[:-1] in demonyms)


# a government, a party or an official of a country reacting to an act told after it ("THE
# HONDURAN GOVERNMENT TODAY DENOUNCED THE ASSASSINATION OF ...", "NICARAGUA HAS DENIED ANY LINKS
# WITH THE ASSASSINATION OF ...")
_REACTION = lazy_compile(
    r"(?:\s*(?:GOVERNMENT|PRESIDENT|FOREIGN\s+MINISTRY|FOREIGN\s+MINISTER|CHANCELLERY|CONGRESS|"
    r"SENATE|EMBASSY|AUTHORITIES|OFFICIALS?|SPOKESMAN|DELEGATE|AMBASSADOR))?\s+(?:[A-Z][\w'-]*\s+){0,6}?"
    r"(?:HAS\s+|HAVE\s+|HAD\s+)?(?:TODAY\s+|YESTERDAY\s+|ALSO\s+|STRONGLY\s+)?"
    r"(?:CONDEMNED|CONDEMNS|DENOUNCED|DENOUNCES|DENIED|DENIES|REPUDIATED|REPUDIATES|DEPLORED|DEPLORES|"
    r"REGRETS|REGRETTED|PROTESTED|REJECTED|EXPRESSED\s+(?:ITS\s+)?(?:CONDOLENCES|REGRET|SORROW|"
    r"INDIGNATION|CONCERN))\b",
    re.IGNORECASE,
)


def _reacting_countries(text: str, places: list[Place], lead: list[Sentence], dl_end: int) -> set[str]:
    """Countries that open the lead as the subject of a reaction to the act ("THE GUATEMALAN
    GOVERNMENT TODAY CONDEMNED THE MURDER OF ...") when the act's own victims or place are another
    country's ("SALVADORAN PRESIDENCY MINISTER")."""
    out: set[str] = set()
    for s in lead:
        act = ACT_CUE.search(s.text)
        if act is None:
            continue
        act_at = s.start + act.start()
        mentioned = [
            p for p in places if p.kind == "country" and p.country and inside(p, s) and p.start >= dl_end
        ]
        after = {p.country for p in mentioned if p.start > act_at}
        if not after:
            continue
        out.update(
            p.country
            for p in mentioned
            if p.country is not None
            and p.start < act_at
            and p.country not in after
            and _REACTION.match(text, p.end, act_at)
        )
    return out


def wire_country(
    ctx: Context,
    places: list[Place],
    event: Sentence | None,
    ordered: list[Sentence],
    city_hit: tuple[Place, Sentence] | None,
) -> str | None:
    """The country of upper-case wire copy by votes: the dateline city's country, country names and
    adjectives in the event sentence (most after the act's word: "CONDEMNED THE MURDER OF THREE
    JOURNALISTS IN EL SALVADOR"), then the lead, then the rest; a gazetteer city only adds a little
    (surnames such as "MEDINA" or "VALENCIA" are also towns)."""
    art = ctx.article
    support: dict[str, float] = {}
    dl_end = max(art.dateline_end, art.dateline_span[1] if art.dateline_span else -1)
    lead_ids = {s.index for s in ordered[:3]}
    dateline_seen = False
    inner = _inner_dateline(art.text, places, dl_end)
    abroad = bool(_ABROAD_DATELINE.match(art.text)) or inner is not None
    if inner is not None and inner.country:
        # "MEXICO CITY (MEXICO), 2 MAY 90 (NOTIMEX) -- [EXCERPTS] SAN SALVADOR, 2 MAY (NOTIMEX) --":
        # the relayed story's own dateline
        support[inner.country] = _WIRE_DATELINE
    reacting = _reacting_countries(art.text, places, ordered[:2], dl_end)
    nationality: dict[str, float] = {}
    for p in places:
        if not p.country:
            continue
        if p.start < dl_end:
            if not dateline_seen and p.kind in {"city", "country"}:
                # "TEGUCIGALPA, ... -- THE HONDURAN GOVERNMENT TODAY CONDEMNED THE MURDER OF ...":
                # the dateline is where the reaction was voiced
                w = _WIRE_ABROAD if abroad or p.country in reacting else _WIRE_DATELINE
                support[p.country] = support.get(p.country, 0.0) + w
                dateline_seen = True
            continue
        if p.kind not in {"country", "adjective"} and p.kind != "region":
            continue
        if p.kind == "country" and (not_where(art.text, p) or p.country in reacting):
            continue  # the reacting country's government, ministry and people are the speakers
        w = _country_weight(p, event, ordered, lead_ids)
        if _is_nationality(p) and _NATIONALITY_NOUN_AFTER.match(art.text, p.end):
            continue  # "THE OTHER PERSON KILLED WAS A COLOMBIAN.": who a person is, never where
        if _is_nationality(p) and not _PLACE_NOUN_AFTER.match(art.text, p.end):
            # "THE SPANISH JESUITS", said again and again, is who the victims were, not where: a
            # nationality adds at most a little
            room = _NATIONALITY_CAP - nationality.get(p.country, 0.0)
            w = max(0.0, min(w, room))
            nationality[p.country] = nationality.get(p.country, 0.0) + w
        support[p.country] = support.get(p.country, 0.0) + w
    if (
        city_hit is not None
        and city_hit[0].country
        and city_hit[0].start >= dl_end
        and (city_hit[0].population or _named_in(city_hit[0]))
    ):
        # the act's town named as a place ("CARRIED OUT ... IN SAN SALVADOR") whose country the
        # report also names ("SALVADORAN") weighs more than one named bare (a surname may be a town)
        # or one that may be another country's namesake ("IN CORDOBA" in a Colombian report)
        town = city_hit[0]
        seconded = any(
            p.kind == "country" and p.country == town.country and p.start >= dl_end for p in places
        )
        w = _WIRE_ACT_TOWN if town.preposition and seconded else 1.0
        if w > 1.0 and event is not None and city_hit[1].index == event.index and town.population >= 100_000:
            # "WAS KIDNAPPED ... AT THE AIRPORT IN GUATEMALA CITY": a known city named as the place of
            # the act in its own sentence weighs as much as the dateline
            w = _WIRE_DATELINE
        if _town_in_its_division(art.text, town, places):
            w += _WIRE_TOWN_DIVISION  # "IN TRUJILLO, LIBERTAD DEPARTMENT": the report says where the town is
        support[city_hit[0].country] = support.get(city_hit[0].country, 0.0) + w
    if not support:
        return None
    # a tie goes to the act's town's country (then to the first named)
    town_country = (
        city_hit[0].country
        if city_hit is not None and (city_hit[0].population or _named_in(city_hit[0]))
        else None
    )
    return max(support, key=lambda c: (support[c], c == town_country))


# a relayed story's own dateline right after the report's: "-- [EXCERPTS] SAN SALVADOR, 2 MAY (NOTIMEX) --"
_INNER_DATELINE = lazy_compile(
    r"\s*\[[A-Z ]+\]\s*(?P<town>[A-Z][A-Z .'\n-]{2,30}),\s*\d{1,2}\s+[A-Z]{3}\w*(?:\s+\d{2,4})?\s*"
    r"(?:\([^)\n]*\))?\s*--"
)


def _inner_dateline(text: str, places: list[Place], dl_end: int) -> Place | None:
    """The gazetteer town of a relayed story's dateline that follows the report's own, if any."""
    if dl_end < 0:
        return None
    m = _INNER_DATELINE.match(text, dl_end)
    if m is None:
        return None
    return next((p for p in places if p.kind == "city" and p.start == m.start("town")), None)


def _named_in(p: Place) -> bool:
    """Is the place's country one the gazetteer knows for that name (a division, a town or a US
    state of it), not a guess from the places near it?"""
    gz = gazetteer()
    if p.alpha2 is None:
        return False
    return (
        p.alpha2 in gz.division_countries(p.name)
        or any(c.alpha2 == p.alpha2 for c in gz.cities.get(fold_name(p.name), []))
        or (p.alpha2 == "US" and fold_name(p.name) in gz.us_states)
    )


_WIRE_TOWN_DIVISION = 1.0
# "TRUJILLO, LIBERTAD DEPARTMENT", "SAN ISIDRO, IN CHALATENANGO DEPARTMENT": a town and its division
_TOWN_THEN_DIVISION = lazy_compile(r"\s*,\s*(?:(?:IN|OF)\s+)?(?:THE\s+)?$", re.IGNORECASE)


def _town_in_its_division(text: str, town: Place, places: list[Place]) -> bool:
    """Does the report name the town, anywhere, with a division of its country right after it
    ("TRUJILLO, LIBERTAD DEPARTMENT")?"""
    key = fold_name(town.text)
    divisions = gazetteer().division_countries
    for p in places:
        if p.kind != "city" or fold_name(p.text) != key:
            continue
        after = next((q for q in places if q.start >= p.end), None)
        if (
            after is not None
            and after.kind == "region"
            and town.alpha2 in divisions(after.name)
            and _TOWN_THEN_DIVISION.match(text[p.end : after.start])
        ):
            return True
    return False


# wire copy: a town where something was said, met or based, not where the act happened ("CONFIRMED
# TODAY IN BOGOTA", "IN A SPEECH IN THE TOWN OF SOMOTILLO", "THE AMBASSADOR IN BOGOTA"; an embassy
# or a ministry in a town may be the act's target)
_SAID = (
    r"\b(?:SAID|SAYS|REPORTED|CONFIRMED|CHARGED|ANNOUNCED|DECLARED|STATED|DENOUNCED|ISSUED|RELEASED|ARRIVED|"
    r"ARRIVING|MET|MEETING|MEET|SPEECH|CONFERENCE|TALKS|DIALOGUE|NEGOTIATIONS|AMBASSADOR|CONSUL|CORRESPONDENT|"
    r"LEARNED)\s+(?:(?:TODAY|YESTERDAY|TONIGHT|HERE|THERE|ALSO)\s+)?"
    r"(?:IN|AT)\s+(?:THE\s+(?:CITY|TOWN|CAPITAL)\s+OF\s+)?"
)
# a town as a distance's reference point: "ABOUT 250 KM FROM BOGOTA", "200 KM EAST OF LIMA"
_DISTANCE = (
    r"\b(?:KM|KMS|KILOMETERS|KILOMETRES|MILES|BLOCKS)\s+(?:(?:NORTH|SOUTH|EAST|WEST)(?:-?(?:EAST|WEST))?\w*\s+)?"
    r"(?:OF|FROM)\s+(?:THE\s+(?:CITY|TOWN|CAPITAL)\s+OF\s+)?"
)
# a town as a see or as where a victim was taken or treated: "THE ARCHBISHOP OF SAN SALVADOR", "WAS
# RUSHED TO A HOSPITAL IN BOGOTA", "WAS FLOWN TO LIMA" (another place of the story, not the act's)
_ELSEWHERE = (
    r"\b(?:(?:ARCH)?BISHOP|ARCHDIOCESE|DIOCESE)\s+OF\s+|\b(?:TAKEN|RUSHED|FLOWN|TRANSFERRED|AIRLIFTED|"
    r"EVACUATED|HOSPITALIZED|TREATED)\s+(?:BACK\s+)?(?:TO|IN|AT)\s+(?:(?:A|THE)\s+)?"
    r"(?:(?:[A-Z][\w'-]*\s+){0,2}?(?:HOSPITAL|CLINIC)\s+(?:IN|OF|AT)\s+)?"
)
SAID_IN = lazy_compile(f"(?:{_SAID}|{_ELSEWHERE})$")  # right before a town's name
DISTANCE_FROM = lazy_compile(_DISTANCE + "$")
# with the town's (first) word
_NOT_THE_ACTS_TOWN = lazy_compile(rf"(?:{_SAID}|{_DISTANCE}|{_ELSEWHERE})[A-Z][\w'-]*")


# the dateline's city named by a pointer: "IN THIS CAPITAL", "HERE", "IN THE CAPITAL"
_HERE = lazy_compile(
    r"\b(?:IN|OF|NEAR|OUTSIDE|FROM|AROUND|ACROSS)\s+(?:THIS|THE)\s+(?:CAPITAL|CITY)\b(?!\s+OF\b)"
    r"|\bHERE\b(?!\s+IN\b)|\bTHIS\s+CAPITAL\b",
    re.IGNORECASE,
)


def dateline_only(ctx: Context, p: Place, *, acts: bool = False) -> bool:
    """Is the place named only in the dateline (not again in the report's text, or with ``acts`` in
    its sentences that tell an act)? In wire copy the dateline says where the report was filed, not
    where the act happened."""
    art = ctx.article
    dl = art.dateline_span
    if dl is None or not (dl[0] <= p.start < max(dl[1], art.dateline_end)):
        return False
    after = max(art.dateline_end, dl[1])
    if acts:
        told = [
            art.text[max(s.start, after) : s.end]
            for s in ctx.body
            if s.end > after and act_place_sentence(s.text)
        ]
        if any(_HERE.search(t) for t in told):
            return False  # "A BOMB EXPLODED IN THIS CAPITAL": the dateline's city
        # "THE POLICE REPORTED IN BOGOTA ...": where it was said, not where it happened
        body = fold_name(" ".join(_NOT_THE_ACTS_TOWN.sub(" ", t) for t in told))
    else:
        body = fold_name(art.text[after:])
    return not any(f" {fold_name(n)} " in f" {body} " for n in {p.name, p.text} if fold_name(n))
