"""Category and subtype from a lexicon, and the cues that tell an incident report from other news.

Each category has weighted patterns; the title and the first body sentences count more. The
subtype is the most specific pattern that fired for the winning category ("suicide bombing"
beats "bombing"). An explosion is an attack only with attack cues (bomb, bomber, militants,
explosive device), else an accident when industrial cues are near (plant, gas, tanker, boiler).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...lazyre import lazy_compile
from ...schema import Category

__all__ = ["EVENT_NOUN", "Classification", "classify", "event_clause", "non_incident_framing", "violent_act"]

# (category, subtype, pattern, weight); the first listed subtype of a category wins on ties
_LEXICON: list[tuple[Category, str, str, float]] = [
    # violent attacks
    (
        Category.violent_attack,
        "suicide bombing",
        r"suicide\s+(?:bomb(?:er|ing|ers)?|attack(?:er)?s?|car\s+bomb(?:ing)?|vest)|blew\s+(?:himself|herself|themselves)\s+up",
        3.0,
    ),
    (
        Category.violent_attack,
        "car bombing",
        r"car\s+bomb(?:ing)?s?|vehicle[\s-]borne\s+(?:ied|improvised)|truck\s+bomb|booby-trapped\s+(?:car|vehicle)",
        3.0,
    ),
    (
        Category.violent_attack,
        "IED attack",
        r"\bied\b|improvised\s+explosive\s+device|roadside\s+bomb|landmine",
        2.5,
    ),
    (
        Category.violent_attack,
        "bombing",
        r"\bbomb(?:ing|ings|s|ed)?\b|grenade|dynamite|explosive\s+device|\bexplosives?\b",
        2.0,
    ),
    (Category.violent_attack, "mass shooting", r"mass\s+shooting|shooting\s+spree", 3.0),
    (
        Category.violent_attack,
        "shooting",
        r"\bshooting\b|\bgunm[ae]n\b|opened\s+fire|\bshot\s+(?:dead|and\s+killed)|gunfire|\bgunshots?\b|machine[\s-]?gun"
        # the commonest local-news telling: someone "was shot", "fatally shot", "shot and wounded",
        # "shot at" a car, "shots fired" (a plan or a plane "was shot down" is none of them)
        r"|\b(?:was|were|been|being|got|is|are)\s+(?:\w+\s+){0,2}?shot\b(?!\s+down\b)"
        r"|\b(?:fatally|critically|seriously|mortally)\s+(?:shot|wounded)\b|\bshot\s+(?:and\s+)?(?:wounded|injured)\b"
        r"|\bshot\s+at\b|\bshots?\s+(?:were\s+|had\s+been\s+|have\s+been\s+)?fired\b",
        2.0,
    ),
    (
        Category.violent_attack,
        "armed robbery",
        r"\b(?:armed|aggravated)\s+robber(?:y|ies)\b|\bat\s+gunpoint\b|\bcarjack\w*|\bhome\s+invasions?\b",
        2.0,
    ),
    (Category.violent_attack, "stabbing", r"\bstabb(?:ing|ed)\b|knife\s+attack|\bknifem[ae]n\b|machete", 2.5),
    (
        Category.violent_attack,
        "vehicle ramming",
        r"(?:drove|driven|ploughed|plowed|rammed|crashed)\s+(?:a\s+|his\s+|her\s+)?(?:car|van|truck|lorry|vehicle)?\s*(?:into|through)\s+(?:a\s+|the\s+)?(?:crowd|pedestrians|people|shoppers|market)",
        3.5,
    ),
    (Category.violent_attack, "ambush", r"\bambush(?:ed)?\b", 2.5),
    (Category.violent_attack, "hostage siege", r"\bsiege\b|hostages?\b", 1.5),
    (Category.violent_attack, "armed raid", r"\b(?:stormed|raided|raid|overran)\b", 1.5),
    (Category.violent_attack, "kidnapping", r"\bkidnap(?:ping|ped|pers?)?\b|\babduct(?:ed|ion|ions)\b", 2.0),
    (Category.violent_attack, "assassination", r"\bassassinat(?:ed|ion)\b", 2.5),
    (Category.violent_attack, "arson attack", r"\barson\b|set\s+(?:fire|ablaze)\s+to|torched", 2.0),
    (
        Category.violent_attack,
        "armed attack",
        r"\battack(?:ed|s|ers?)?\b|\bhomicides?\b|\bmilitants?\b|\bterroris[tm]s?\b|\binsurgents?\b|\bjihadists?\b|\bassailants?\b|\bmurder(?:ed|s)?\b|\bmassacre\b|\bbandits\b|\bguerrillas?\b|\bsubversives?\b",
        1.0,
    ),
    # natural disasters
    (
        Category.natural_disaster,
        "earthquake",
        r"\bearthquakes?\b|\bquakes?\b|\btremors?\b|\bseismic\b|\bmagnitude\b|\baftershocks?\b",
        3.0,
    ),
    (Category.natural_disaster, "tsunami", r"\btsunami\b", 3.0),
    (Category.natural_disaster, "volcanic eruption", r"\bvolcan(?:o|ic)\b|\beruption\b|\berupted\b", 3.0),
    (
        Category.natural_disaster,
        "tropical cyclone",
        r"\btyphoon\b|\bcyclone\b|\bhurricane\b|\btropical\s+storm\b",
        3.0,
    ),
    (Category.natural_disaster, "tornado", r"\btornado(?:es)?\b|\btwister\b", 3.0),
    (Category.natural_disaster, "flash flood", r"flash\s+floods?", 3.5),
    (Category.natural_disaster, "flood", r"\bfloods?\b|\bflooding\b|\bfloodwaters?\b|\binundat", 2.5),
    (
        Category.natural_disaster,
        "landslide",
        r"\blandslides?\b|\bmudslides?\b|\bmudflows?\b|\brockfall\b",
        3.0,
    ),
    (Category.natural_disaster, "avalanche", r"\bavalanche\b", 3.0),
    (
        Category.natural_disaster,
        "heatwave",
        r"\bheat\s*waves?\b|\bheatstroke\b|\bextreme\s+heat\b|\bheat-related\b",
        3.0,
    ),
    (
        Category.natural_disaster,
        "storm",
        r"\bstorms?\b|\bblizzard\b|\blightning\b|\bhailstorm\b|\bheavy\s+rains?\b|\btorrential\b",
        1.5,
    ),
    (Category.natural_disaster, "drought", r"\bdrought\b|\bfamine\b", 2.0),
    # accidents
    (
        Category.accident,
        "plane crash",
        r"(?:plane|aircraft|jet|airliner|helicopter|chopper|light\s+aircraft)\b[^.]{0,40}\b(?:crash(?:ed|es)?|went\s+down|came\s+down)|(?:plane|air|helicopter)\s+crash",
        3.5,
    ),
    (
        Category.accident,
        "train derailment",
        r"\bderail(?:ed|ment|s)?\b|train\s+(?:crash|collision|accident)|trains?\s+collided",
        3.5,
    ),
    (
        Category.accident,
        "boat capsizing",
        r"\bcapsiz(?:ed|ing|es)\b|\bshipwreck\b|(?:boat|ferry|vessel|ship|canoe|barge)\b[^.]{0,30}\b(?:sank|sinking|sunk|overturned)",
        3.5,
    ),
    (
        Category.accident,
        "bus crash",
        r"\bbus\b[^.]{0,60}\b(?:crash(?:ed)?|plunged|plunge|overturned|collided|veered|fell|skidded)|(?:crash(?:ed)?|plunged|overturned|collided)\b[^.]{0,30}\bbus\b|\bbus\s+(?:crash|accident|plunge)",
        3.0,
    ),
    (
        Category.accident,
        "road accident",
        r"\b(?:road|traffic|car|truck|highway|motorway)\s+(?:accident|crash|collision)|\bhead-on\b|\bcollided\b|\bcollision\b|\bpile-?up\b",
        2.5,
    ),
    (
        Category.accident,
        "mine collapse",
        r"\bmine\b[^.]{0,40}\b(?:collaps|cave-?in|accident|explosion|flood)|\bshaft\b[^.]{0,30}\bcollaps|\bminers?\b[^.]{0,40}\btrapped",
        3.5,
    ),
    (
        Category.accident,
        "building collapse",
        r"(?:building|bridge|roof|wall|block|stand|structure|house|houses|tower|dam)\s+(?:\w+\s+)?collaps|\bcollapsed\b",
        2.0,
    ),
    (
        Category.accident,
        "industrial explosion",
        # whole words: a bomb "PLANTED" under a bus, "VARGAS" are no plant and no gas
        r"\b(?:chemical|industrial|factory|plant|refinery|warehouse|fireworks|mine|boiler|gas|tanker|pipeline|cylinder)\b[^.]{0,40}\b(?:explosion|blast|exploded|leak)|(?:explosion|blast)\b[^.]{0,40}\b(?:chemical|plant|factory|refinery|warehouse|boiler|tanker|pipeline|fireworks)\b",
        3.0,
    ),
    (Category.accident, "gas leak", r"\bgas\s+leak\b|\btoxic\s+gas\b", 2.5),
    (Category.accident, "drowning", r"\bdrown(?:ed|ing|ings)?\b", 1.0),
    # a gun fired by mistake: "accidentally shot his sister", "an accidental shooting", "the gun
    # accidentally discharged"; it outweighs the shooting words that tell the same act
    (
        Category.accident,
        "accidental shooting",
        r"\baccidental(?:ly)?\s+(?:\w+\s+)?(?:shot|shooting|shoots|discharg(?:ed|es|ing)|fired|went\s+off)\b"
        r"|\baccidental\s+(?:gun\s+)?discharge\b|\b(?:gun|weapon|firearm|handgun|pistol|rifle|shotgun)\s+(?:\w+\s+){0,2}?"
        r"(?:accidentally|unintentionally)\s+(?:discharged|fired|went\s+off)\b",
        4.5,
    ),
    # fires
    (
        Category.fire,
        "wildfire",
        r"\bwild\s*fires?\b|\bbush\s*fires?\b|\bforest\s+fires?\b|\bgrass\s*fires?\b",
        3.5,
    ),
    (
        Category.fire,
        "building fire",
        r"\b(?:factory|building|apartment|house|hotel|hospital|market|warehouse|office|tower|block|shop|shops|school|dormitory|club|nightclub|slum|camp)\s+fire\b|\bfire\b[^.]{0,30}\b(?:broke\s+out|gutted|engulfed|razed|ripped|swept|tore|raged|destroyed)|\bblaze\b|\binferno\b|\bburn(?:ed|t)\s+(?:down|to\s+the\s+ground)|\bflames\b|\bfirefighters\b",
        2.5,
    ),
    # civil unrest
    (Category.civil_unrest, "riot", r"\briots?\b|\brioters?\b|\brioting\b|\blooting\b", 3.0),
    (
        Category.civil_unrest,
        "protest clashes",
        r"\bprotests?\b|\bprotesters?\b|\bprotestors?\b|\bdemonstrat(?:ors?|ions?)\b|\bmarchers\b|\bstrikers\b|\btear\s*gas\b|\brubber\s+bullets\b|\bwater\s+cannon\b|\bunrest\b|\bclash(?:ed|es)\s+with\s+(?:police|security\s+forces)",
        2.5,
    ),
    # health
    (Category.health_emergency, "cholera outbreak", r"\bcholera\b", 4.0),
    (Category.health_emergency, "measles outbreak", r"\bmeasles\b", 4.0),
    (
        Category.health_emergency,
        "alcohol poisoning",
        r"\bmethanol\b|\billicit\s+(?:brew|alcohol|liquor)\b|\bbootleg\b|\btainted\s+(?:alcohol|liquor)\b|\bhooch\b",
        4.0,
    ),
    (Category.health_emergency, "food poisoning", r"\bfood\s+poisoning\b|\bpoisoning\b", 3.0),
    (
        Category.health_emergency,
        "disease outbreak",
        r"\boutbreaks?\b|\bepidemic\b|\bebola\b|\bmpox\b|\bdengue\b|\bmeningitis\b|\banthrax\b|\bdiphtheria\b|\bplague\b|\bmarburg\b|\bvirus\b|\binfections?\b|\bsuspected\s+cases\b",
        2.5,
    ),
    # other
    (Category.other, "crowd crush", r"\bcrowd\s+crush\b|\bcrush\b|\bstampede\b", 4.0),
]
_COMPILED = [(c, s, lazy_compile(p, re.IGNORECASE), w) for c, s, p, w in _LEXICON]

EVENT_NOUN = (
    r"attack|bombing|blast|explosion|shooting|stabbing|ambush|raid|assault|massacre|killing|killings|siege|"
    r"earthquake|quake|tsunami|eruption|typhoon|cyclone|hurricane|storm|tornado|flood|floods|flooding|landslide|"
    r"mudslide|avalanche|heatwave|crash|collision|derailment|capsizing|collapse|fire|blaze|wildfire|inferno|"
    r"protest|protests|clashes|riot|riots|unrest|outbreak|epidemic|poisoning|stampede|crush|incident|accident|"
    r"tragedy|disaster|kidnapping|abduction|assassination|bomb"
)
_EVENT_VERB = lazy_compile(
    r"\b(?:killed|kills|killing|died|dead|injured|wounded|hurt|exploded|explodes|blew\s+up|went\s+off|detonated|"
    r"struck|strikes|hit|hits|erupted|broke\s+out|swept|sweeps|tore|ripped|razed|gutted|engulfed|burned|burnt|"
    r"destroyed|damaged|collapsed|collapses|crashed|crashes|derailed|capsized|sank|overturned|plunged|"
    r"attacked|stormed|raided|ambushed|opened\s+fire|shot|stabbed|abducted|kidnapped|assassinated|murdered|"
    r"clashed|clash|fired|torched|flooded|inundated|battered|lashed|left|leaving|forced|forces|evacuated|"
    r"declared|confirmed|recorded|spread|drove|rammed|ploughed|trapped|buried|swept\s+away|claimed|claims|"
    r"damages|burns|rages|raged|triggered|caused|causing|hospitali[sz]ed|fell|rose|rises|climbed|disperse|"
    r"dispersed|dispersing|used\s+(?:tear\s+gas|water\s+cannon|live\s+(?:rounds|ammunition))|arrested|"
    r"succumbed|hit|slammed|battered|pounded|submerged|washed\s+away|devastated|"
    # an event told as reported ("CLASHES WERE REPORTED IN THE AREA", "an explosion was reported")
    r"(?:was|were|been)\s+reported)\b",
    re.IGNORECASE,
)
_FUTURE = lazy_compile(
    r"\b(?:will|would|to\s+hold|to\s+stage|plans?\s+to|planned|is\s+expected\s+to|are\s+expected\s+to|likely\s+to|"
    r"could|may|might|forecasts?|forecasted|predicted|warned\s+of|warns\s+of|risk\s+of|prepar(?:e|es|ing|ations)|"
    r"drill|exercise|simulat(?:ed|ion)|mock|rehears)\b",
    re.IGNORECASE,
)
_NON_INCIDENT = lazy_compile(
    r"\b(?:anniversary|commemorat\w*|memorial\s+(?:service|event)|vigil|remember(?:ed|ing)?|mark(?:ed|s|ing)?\s+"
    r"(?:one|two|three|five|ten|\d+|a)\s+years?|years?\s+(?:after|since)|a\s+year\s+(?:after|since|on)|"
    r"(?<!\ba\s)(?<!\ban\s)convict(?:ed|s|ion)|sentenc(?:ed|es|ing)|verdict|acquitt(?:ed|al)|trial\s+(?:of|over|for)|court\s+(?:convicts|"
    r"sentences|jails)|jailed|profits?|earnings|revenue|net\s+income|shares\s+(?:rose|fell)|quarter(?:ly)?|"
    r"third-quarter|second-quarter|first-quarter|fourth-quarter|insur(?:er|ers|ance)|reinsur\w+|stock|investors?|"
    r"forecast|alert|outlook|drill|exercise|approv(?:ed|es)|budget|policy|bill\b|legislation|reform|recruit\w*|"
    r"derby|league|match|goals?|striker|scored|tournament|championship|season|coach|fixture|"
    r"election|campaign|poll|summit|talks|reopen(?:s|ed|ing)?|(?:a|one|two)\s+weeks?\s+(?:after|since))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Classification:
    category: Category | None
    subtype: str | None
    score: float


def classify(weighted_texts: list[tuple[str, float]]) -> Classification:
    """Score every category over (text, weight) pairs; the best category and its subtype."""
    scores: dict[Category, float] = {}
    subtypes: dict[Category, dict[str, float]] = {}
    joined = " ".join(t for t, _ in weighted_texts)
    attack_cues = bool(
        re.search(
            r"\b(?:bomb(?:er|ing|s)?|militants?|attack(?:ed|ers?)?|explosive\s+device|gunm[ae]n|"
            r"terroris\w+|insurgents?|suicide)\b",
            joined,
            re.I,
        )
    )
    for text, weight in weighted_texts:
        for category, subtype, pattern, w in _COMPILED:
            hits = len(pattern.findall(text))
            if not hits:
                continue
            if category is Category.violent_attack and subtype == "bombing" and not attack_cues:
                continue
            if (
                category is Category.fire
                and re.search(r"\bopened\s+fire|\bset\s+fire|\bgunfire|\bcrossfire|\bceasefire", text, re.I)
                and not re.search(
                    r"\bblaze\b|\bfire\s+(?:broke|gutted|engulfed|razed|swept|raged)|\bwildfire|\b(?:factory|building|market)\s+fire",
                    text,
                    re.I,
                )
            ):
                continue
            gain = w * weight * min(hits, 3)
            scores[category] = scores.get(category, 0.0) + gain
            sub = subtypes.setdefault(category, {})
            sub[subtype] = sub.get(subtype, 0.0) + gain
    if not scores:
        return Classification(None, None, 0.0)
    best = max(scores, key=lambda c: scores[c])
    # an industrial blast without attack cues is an accident, a bombing with them an attack
    sub = subtypes[best]
    specific = max(sub, key=lambda s: sub[s] + _SPECIFICITY.get(s, 0.0))
    return Classification(best, specific, scores[best])


_SPECIFICITY = {
    "suicide bombing": 3.0,
    "car bombing": 2.0,
    "vehicle ramming": 2.0,
    "flash flood": 2.0,
    "mass shooting": 2.0,
    "armed attack": -1.0,
    "armed raid": -0.5,
    "storm": -1.0,
    "hostage siege": -0.5,
}


_VIOLENT_PASSIVE = lazy_compile(
    r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:kidnapped|abducted|assassinated|murdered|"
    r"killed|shot|bombed|dynamited|attacked|machinegunned|ambushed|burned|torched|destroyed|blown\s+up|set\s+on\s+fire|"
    r"wounded|injured|seized|taken\s+hostage|robbed|executed)\b"
    r"|\b(?:kidnapped|abducted|assassinated|murdered|bombed|dynamited|attacked|machinegunned|ambushed|torched|"
    r"blew\s+up|set\s+fire\s+to|opened\s+fire\s+on|hurled|detonated)\b",
    re.IGNORECASE,
)


# words that only look like an event's: a truce ("A CEASE-FIRE"), a legal regime ("A STATE OF SIEGE")
_NOT_AN_EVENT = lazy_compile(r"(?:\bcease[\s-]|\bstate\s+of\s+)$", re.IGNORECASE)
# event verbs that are other words: the troops ("THE ARMED FORCES", "SECURITY FORCES") and a side
# in politics ("LEFT-WING GUERRILLAS")
_FORCES_NOUN = lazy_compile(
    r"\b(?:armed|security|military|police|government|guerrilla|rebel|special|air|ground|naval|enemy|allied|"
    r"federal|opposition|insurgent|the|its|our|their|his|her)\s+$",
    re.IGNORECASE,
)
# a violent verb in the present passive tells what happens to people in general ("THEY ARE MURDERED
# OR HARASSED", "NOW THEY ARE EVEN KIDNAPPED"), not an act that happened
_PRESENT_PASSIVE = lazy_compile(r"\b(?:are|is|am)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# goods or property seized in the same sentence as arrests ("27 PEOPLE WERE DETAINED AND 30 STOLEN
# CARS WERE SEIZED") are a police operation, not a hostage-taking
_ARRESTS = lazy_compile(r"\b(?:arrest(?:ed|s)?|detain(?:ed|ees)|detentions?|confiscat\w+)\b", re.IGNORECASE)


def _event_nouns(text: str) -> bool:
    return any(
        not _NOT_AN_EVENT.search(text[max(0, m.start() - 12) : m.start()])
        for m in re.finditer(rf"\b(?:{EVENT_NOUN})s?\b", text, re.I)
    )


def _event_verbs(text: str) -> bool:
    for m in _EVENT_VERB.finditer(text):
        word = m.group(0).lower()
        if word == "forces" and _FORCES_NOUN.search(text[max(0, m.start() - 14) : m.start()]):
            continue
        if word == "left" and text[m.end() : m.end() + 1] == "-":
            continue
        return True
    return False


def _violent_passives(text: str) -> bool:
    for m in _VIOLENT_PASSIVE.finditer(text):
        told = m.group(0)
        if not re.match(r"(?:was|were|has|have|had)\b", told, re.I) and _PRESENT_PASSIVE.search(
            text[max(0, m.start() - 40) : m.start()]
        ):
            continue
        if re.search(r"\bseized$", told, re.I) and _ARRESTS.search(text):
            continue
        return True
    return False


def event_clause(text: str) -> bool:
    """Does the sentence report an event that happened (an event word with a past event verb, or a
    violent verb such as "WERE KIDNAPPED"; not a forecast, drill or plan, not an arrest, not what
    happens to people in general)?"""
    if not _event_nouns(text):
        return _violent_passives(text) and not _FUTURE.search(text)
    if not _event_verbs(text):
        return False
    fut = _FUTURE.search(text)
    return not (fut and not re.search(r"\b(?:killed|died|dead|injured|wounded)\b", text, re.I))


def non_incident_framing(text: str) -> int:
    """How many non-incident cues (anniversary, court verdict, finance, forecast, sport, policy)."""
    return len(_NON_INCIDENT.findall(text))


# A violent act against people, told as having happened: the commonest news about violence is one
# or two victims ("28-year-old man shot in Eastside", "A teenager was fatally shot Sunday", "died
# after being shot", "was struck by a stray bullet", "opened fire on", "police are investigating a
# shooting", "found with a gunshot wound"), and follow-ups on such an act (a suspect charged "in the
# shooting death of", a reward "in the fatal shooting of").
_PERSON = (
    r"(?:man|woman|boy|girl|teen\w*|child|son|daughter|wife|husband|brother|sister|father|mother|friend|"
    r"girlfriend|boyfriend|neighbou?r|officer|deputy|trooper|victim|suspect|driver|cab\s+driver|clerk|owner|"
    r"employee|customer|cashier|student|passengers?|pedestrians?|bystanders?|residents?|person|people|men|women|"
    r"\d{1,2}-year-old)"
)
_ACT = lazy_compile(
    r"\b(?:(?:was|were|been|being|got|is|are)\s+(?:\w+\s+){0,2}?(?:shot|gunned\s+down|stabbed|killed|slain|"
    r"murdered|wounded|pronounced\s+dead|struck\s+by\s+(?:a\s+|an\s+)?(?:stray\s+|errant\s+)?(?:bullets?|gunfire|round))"
    r"|(?:fatally|accidentally|critically|seriously)\s+(?:shot|shooting|wounded)|shot\s+and\s+(?:killed|wounded|injured)|"
    r"shot\s+(?:\w+\s+)?(?:to\s+death|dead)|(?:shot|shooting|gunned\s+down|shoots?)\s+(?:(?:him|her|them)(?:sel(?:f|ves))?\b|"
    r"at\s+(?:a|an|the|his|her|police|officers?)|(?:a|an|his|her|their|the|two|three|four)\s+(?:[\w'’-]+\s+){0,2}?"
    rf"{_PERSON})|shoots?\s+(?:(?:and|&)\s+(?:kills?|wounds?|injures?)|{_PERSON}\b|\d)|opened\s+fire|open\s+fire|"
    r"fired\s+(?:\w+\s+){0,4}?(?:shots?|rounds|bullets|at)|firing\s+(?:\w+\s+){0,2}?(?:shots|rounds|bullets)\b|shots?\s+(?:were\s+|had\s+been\s+|have\s+been\s+)?fired|"
    r"(?:held|robbed|forced|threatened)\s+(?:\w+\s+){0,6}?at\s+gunpoint|(?:armed|aggravated)\s+robber(?:y|ies)|"
    r"(?:wielding|brandish(?:ed|ing)|display(?:ed|ing)|point(?:ed|ing)|pull(?:ed|ing)\s+out)\s+(?:a|an|his|her)\s+"
    r"(?:(?:loaded|semi-automatic|small)\s+)?(?:hand)?(?:gun|pistol|rifle|shotgun|firearm)s?\b|exchanged\s+gunfire|shoot-?out|"
    r"gunshot\s+wounds?|gunshot\s+victim|gunfire\s+(?:erupted|broke\s+out|rang\s+out)|"
    r"shooting\s+(?:death|victim)s?|(?:murder|homicide|manslaughter)\s+(?:charges?\s+)?in\s+the\s+(?:\w+\s+)?deaths?\s+of|"
    r"(?:for|in)\s+the\s+(?:\w+\s+)?murders?\s+of|(?:fatal|deadly|double|triple|drive-by|officer-involved|police|"
    r"police-involved|accidental|road\s+rage)\s+shootings?|(?:fatal|deadly)\s+(?:[\w'’-]+\s+){1,2}?shootings?|"
    r"(?:double|triple)\s+(?:murder|homicide)|"
    r"(?:died|dies|dead)\s+(?:\w+\s+){0,5}?after\s+(?:being\s+)?shot|murder-suicide|"
    r"(?:investigat\w+|respond\w*\s+to)\s+(?:a|an|the)\s+(?:\w+\s+){0,3}?(?:shooting|homicide|stabbing)|"
    r"(?:shootings?|homicide|murder)\s+(?:that\s+)?(?:occurred|happened|took\s+place)|"
    # the act named by what it did ("in shooting that killed 14") or by whoever did it ("the shooter
    # who injured a cab driver"), told in headline style without an article ("shot cab driver",
    # "shooting at plow driver"), by the shots ("shot twice in the head") or by the gun fired at someone
    r"shootings?\s+(?:that|which)\s+(?:killed|left|wounded|injured)|(?:shooters?|gunm[ae]n)\s*,?\s+who\s+"
    rf"(?:shot|killed|injured|wounded)|(?:shot|shooting\s+at)\s+(?:(?!(?:of|and|or|in|on|at|to|for|by|with|from)\b)[\w'’-]+\s+)?{_PERSON}\b|shot\s+(?:once|twice|(?:three|four|five|"
    r"several|multiple|\d+)\s+times)\b|(?:fired|firing)\s+(?:a|an|his|her|the)\s+(?:[\w-]+\s+)?(?:gun|handgun|pistol|"
    r"rifle|shotgun|firearm|weapon)\s+at\b|"
    r"(?:a|the)\s+(?:(?!(?:is|are|was|were|be|been)\b)[\w'’-]+\s+){0,3}?shooting\s+"
    r"(?:that\s+)?(?:left|in|on|at|near|outside|inside)|(?:man|woman|teen|boy|girl|person|victim|child|officer|"
    r"\d+|one|two|three|four|five)\s+(?:\w+\s+)?(?:shot|killed|wounded|dead|hurt|slain)\s+(?:in|at|on|near|outside|"
    r"inside|after|during|while|by|early|late|overnight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)"
    r"(?!\s+(?:range|gallery|competition|practice|club|sports?))",
    re.IGNORECASE,
)


def violent_act(text: str) -> bool:
    """Does the sentence tell of a violent act against people (a shooting above all) that
    happened, rather than a plan, a drill or a general statement?"""
    m = _ACT.search(text)
    if m is None:
        return False
    return not re.search(
        r"\b(?:will|would|could|might|should|if|whether|plans?\s+to|threaten\w*\s+to)\s+(?:\w+\s+){0,3}$",
        text[max(0, m.start() - 60) : m.start()],
        re.IGNORECASE,
    )
