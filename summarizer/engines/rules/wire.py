"""Relevance of upper-case wire-service reports (FBIS-style radio and agency copy).

Such reports have no headline, and the act they are about is often told in passing: a speech
that condemns "THE MURDER OF THE MAYOR", a communique that follows "YESTERDAY'S DYNAMITE
ATTACK". Whether such a text reports a specific act of political violence (murder,
assassination, kidnapping, bombing, arson) is scored from weighted cues over the whole body: a
cue in the first two sentences and cues further down count separately (further down they count
by how often they occur, up to three times). Military clashes, casualty tallies, accidents,
interviews and speeches, threats and past years count against.
"""

from __future__ import annotations

import re

__all__ = ["ACT_CUE", "act_sentence", "wire_incident_score"]

# (pattern, weight in the lead, weight per occurrence (of three) further down)
_CUES: list[tuple[str, float, float]] = [
    (r"\bASSASSINAT", 1.5, 2.5),
    (r"\bMURDER(?:ED|S|ING)?\b", 1.3, 1.6),
    (r"\b(?:WERE|WAS)\s+(?:\w+\s+)?(?:KILLED|SHOT|MURDERED|ASSASSINATED)\b", 0.5, 1.6),
    (r"\bDYNAMIT|\bEXPLOSIVE", 1.1, 1.4),
    (r"\bEXPLO(?:SION|DED)", 0.8, 1.2),
    (r"\bSET\s+FIRE|\bBURNED\b|\bARSON|\bTORCHED", 0.7, 1.3),
    (r"\bMASSACRE", 0.4, 1.1),
    (r"\bKIDNAP|\bABDUCT", 0.9, 1.0),
    (r"\bBOMB", 0.85, 0.4),
    (r"\bSHOT\b|\bMACHINEGUN", 0.8, 0.8),
    (r"\bATTACK", 0.5, 0.6),
    (r"\bATTACK(?:ED|S)?\s+(?:ON|AGAINST)\b", 0.0, 0.8),
    (r"\bDESTROY|\bDAMAGE", 0.65, 0.8),
    (r"\bHOSTAGE", 0.65, 0.65),
    (r"\bARREST|\bCAPTURED\b|\bDETAINED\b", 0.0, 0.7),
    (r"\bCONDEMN|\bREPUDIAT|\bDEPLOR", 0.6, 0.0),
    (r"\bCRASH|\bACCIDENT", -1.2, 0.0),
    (r"\[(?:INTERVIEW|SPEECH|EDITORIAL|COMMENTARY)", -0.95, 0.0),
    (r"\bCOMMUNIQUE", -0.25, -0.75),
    (r"\bLAST\s+YEAR|\bIN\s+19[0-8]\d|\bAGO\b", 0.0, -0.7),
    (r"\bCASUALTIES", -0.6, 0.0),
    (r"\bTROOPS\b|\bBATTALION|\bBRIGADE|\bSOLDIERS?\b|\bARMY\b|\bPATROL", 0.0, -0.6),
    (r"\bCLASH|\bCOMBAT|\bFIGHTING\b|\bSKIRMISH", -0.3, -0.4),
    (r"\bTHREAT|\bWILL\s+(?:KILL|ATTACK)|\bWARN", -0.5, 0.0),
    (r"\bDRUG|\bNARCO|\bCARTEL|\bEXTRADITABLE", -0.4, -0.4),
    (r"\bSAID\b|\bSTATED\b|\bDECLARED\b", -0.3, 0.0),
    # war between armed forces is not terrorism: attacks on troops and bases, rebels' war bulletins
    (
        r"\b(?:ATTACK(?:ED|S|ING)?|AMBUSH(?:ED|ES)?|HARASS(?:ED|ING)?|RAID(?:ED)?)\s+(?:ON\s+|AGAINST\s+)?"
        r"(?:THE\s+|A\s+|AN\s+|SEVERAL\s+)?(?:[\w-]+\s+){0,3}(?:BRIGADE|BATTALION|GARRISON|BARRACKS|TROOPS|"
        r"PATROL|CONVOY|DETACHMENT|(?:MILITARY|ARMY)\s+(?:POST|BASE|UNIT|POSITION)S?|HELICOPTER|POSITIONS)",
        -1.0,
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
_COMPILED = [(re.compile(p, re.IGNORECASE), lead, rest) for p, lead, rest in _CUES]
_BIAS = -0.65
_RULES_SAY_INCIDENT = 0.6  # the sentence-level rules' own verdict counts as one more cue

ACT_CUE = re.compile(
    r"\b(?:ASSASSINAT\w*|MURDER(?:ED|S)?|KIDNAPP\w*|ABDUCT\w*|BOMB(?:S|ED|ING|INGS)?|DYNAMIT\w*|"
    r"EXPLOSIVES?|EXPLO(?:SION|DED)|MASSACRED?|SET\s+FIRE|TORCHED|ARSON|MACHINEGUNNED|"
    r"(?:WERE|WAS)\s+(?:\w+\s+)?(?:KILLED|SHOT|MURDERED))\b",
    re.IGNORECASE,
)


def wire_incident_score(body: list[str], rules_say_incident: bool) -> float:
    """Positive when the report is about a specific act of political violence that happened."""
    lead = " ".join(body[:2])
    rest = " ".join(body[2:])
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
