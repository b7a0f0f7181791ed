"""From an :class:`IncidentReport` to MUC-4 response templates.

One template for the main incident and one per background incident (``other_incidents``), each
only when its kind is one MUC-4 covers:

* incident type: the words of the subtype (the description, for a background incident) decide
  BOMBING (bomb, explosive, dynamite, blast...), KIDNAPPING (kidnap, abduct, hostage), ARSON
  (arson, set fire, torched, burned down; "burned", "set ... on fire" when no explosion is told
  with it), ROBBERY (robbery, robbed, stole, looted, sacked) or FORCED WORK
  STOPPAGE (strike, stoppage); otherwise a ``violent_attack`` is an ATTACK. The type follows the
  principal act (MUC-4: a BOMBING is the explosion of a device; an armed assault stays an ATTACK
  even when explosives are among its weapons): an attack the report names only generically
  ("armed attack", no subtype, a raid) becomes a BOMBING when its weapons are explosives (bomb,
  dynamite, explosives, charges) and no firearm (gun, rifle, bullets...) is among them; an act
  named as gunfire ("shooting", "assassination", "ambush", "massacre") or told with firearms and
  explosives alike stays an ATTACK; a "bombing" told only with non-explosive weapons (shelling, air
  raids told with mortars or rifles) is an ATTACK. Categories other than
  ``violent_attack`` make no template unless those words name a MUC type (an arson reported as a
  ``fire``). A report that is not an incident makes none.
* ``PerpInd``: perpetrators of kind ``individual`` or ``unknown`` ("gunmen", "two men", a
  person's name); ``PerpOrg``: kind ``group`` or ``state`` and every responsibility claimant,
  one filler per organization: a group named by words that hold another group's name ("FMLN
  urban commandos", "members of the army" beside "FMLN", "army") is a unit or the people of that
  organization, and goes to ``PerpInd`` (see :func:`perp_fillers`). A description's leading hedge
  ("alleged", "suspected", "presumed") is left out of its filler: MUC-4 records how sure the
  report is in the confidence slot, not in the description. The members of an armed side told
  by bare words ("guerrillas", "rebels", "terrorists") beside a fuller description of a side
  ("urban guerrillas") are those people: one filler (see :func:`perp_fillers`).
* ``Target``: ``incident.targets``, one filler per target (see :func:`target_fillers`), none for a
  KIDNAPPING (its targets are the people taken; a hotel or a farm where they were taken is the
  place, not a physical target); ``Victim``: the names in ``incident.victims``; ``Weapon``:
  ``incident.weapons``.
* ``date``: the resolved day (day precision only); ``location``: the most specific of city,
  region and country; ``stage``: ACCOMPLISHED, ATTEMPTED or THREATENED (``incident.stage``);
  ``perp_confidence``: CLAIMED OR ADMITTED when a claim is reported, else REPORTED AS FACT when
  a group is named; ``hum_effect``: DEATH when someone was killed, INJURY when someone was hurt.

A background incident's template takes its type from its description (and weapons), and its
perpetrators, targets, named victims, weapons and effects from its own fields.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...lazyre import lazy_compile
from ...schema import Category, IncidentReport, Item
from .score import Filler, MucTemplate, normalize

_TYPE_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("KIDNAPPING", re.compile(r"\b(kidnap\w*|abduct\w*|hostage\w*)", re.I)),
    ("ARSON", re.compile(r"\b(arson\w*|set (on )?fire|torch\w*|burn(ed|t|ing)? down|firebomb\w*)", re.I)),
    (
        "BOMBING",
        re.compile(
            r"\b(bomb\w*|explosi\w*|explod\w*|dynamite|blast\w*|blew up|car[- ]bomb\w*|grenade\w*)", re.I
        ),
    ),
    # a fire told by its verb ("burned five buses", "set two schools on fire"), when no explosion is
    # told with it (a bomb that burned cars is a bombing)
    (
        "ARSON",
        re.compile(
            r"\b(burn(ed|t|ing)\b(?!\s+to\s+death)|set(ting)?\s+([\w'-]+\s+){1,6}?on\s+fire|"
            r"set(ting)?\s+fire|(was|were)\s+set\s+(on\s+)?fire)",
            re.I,
        ),
    ),
    (
        "ROBBERY",
        re.compile(
            r"\b(robber\w*|robbed|stole|stolen|theft|loot\w*|hold-?up|sacked|ransacked|plundered)", re.I
        ),
    ),
    ("FORCED WORK STOPPAGE", re.compile(r"\b(strike|stoppage|work stoppage)\b", re.I)),
)
_EXPLOSIVE = re.compile(
    r"\b(?:\w*bomb\w*|dynamite|TNT|explosive\w*|charges?|grenades?|(?:land)?mines?|molotov|IEDs?)\b", re.I
)
_FIREARM = re.compile(
    r"\b(?:\w*guns?|rifles?|pistols?|revolvers?|carbines?|bullets?|firearms?|shotguns?|submachineguns?|"
    r"machine-?guns?|M-16s?|AK-47s?|FAL|Uzis?|weapons? fire)\b",
    re.I,
)
# an act named as gunfire or an armed assault, not as an explosion
_ARMED_ACT = re.compile(r"\b(?:shooting|assassination|ambush|massacre|stabbing|hostage|siege)\b", re.I)
_HEDGE = lazy_compile(
    r"^(?:(?:alleged|suspected|presumed|presumably|apparent|apparently|possible|supposed)\s+)+", re.I
)
_POST_HEAD = lazy_compile(r"\b(?:of|in|at|on|from|for|with|near|by|to|owned|that|which|who)\b")
_SIDE = lazy_compile(
    r"\b(?:guerr?illas?|rebels?|terrorists?|subversives?|insurgents?|militants?|narco-?terrorists?)\b", re.I
)
_STATE_BODY = lazy_compile(
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:army|armed\s+forces|air\s+force|navy|national\s+guard|police|"
    r"security\s+forces|government|regime)",
    re.I,
)
_STAGES = {"accomplished": "ACCOMPLISHED", "attempted": "ATTEMPTED", "threatened": "THREATENED"}


def incident_type(category: Category | None, words: str) -> str | None:
    """The MUC-4 incident type of an incident of ``category`` described by ``words``."""
    for name, pattern in _TYPE_WORDS:
        if pattern.search(words):
            if name == "FORCED WORK STOPPAGE" and category not in (
                Category.violent_attack,
                Category.civil_unrest,
            ):
                continue
            return name
    return "ATTACK" if category is Category.violent_attack else None


def principal_type(kind: str | None, words: str, weapons: Iterable[Item]) -> str | None:
    """``kind`` corrected by the weapons of the act and the words that name it (see the module)."""
    texts = [w.text for w in weapons]
    explosive = any(_EXPLOSIVE.search(t) for t in texts)
    firearm = any(_FIREARM.search(t) and not _EXPLOSIVE.search(t) for t in texts)
    if kind == "ATTACK" and explosive and not firearm and not _ARMED_ACT.search(words):
        return "BOMBING"  # a generic attack told with explosives alone: the explosion is the act
    if kind == "BOMBING" and texts and not explosive:
        return "ATTACK"  # "bombing" said of shelling or air raids, told with guns or mortars
    return kind


def _fillers(values: Iterable[str | None]) -> list[Filler]:
    out: list[Filler] = []
    seen: set[str] = set()
    for value in values:
        text = " ".join((value or "").split())
        if text and text.lower() not in seen:
            seen.add(text.lower())
            out.append(Filler((text,)))
    return out


def perp_fillers(
    individuals: Iterable[str | None], groups: Iterable[str | None]
) -> tuple[list[Filler], list[Filler]]:
    """``PerpInd`` and ``PerpOrg``: one organization filler per organization. A group told by a
    name that holds another group's name ("FMLN urban commandos", "members of the army", "Shining
    Path cell" beside "FMLN", "army", "Shining Path") is a unit or the people of that
    organization: its name goes to the individuals, the organization keeps its own name. A state
    body given as the doer ("the army", "the national police", "the Salvadoran regime") is an
    organization, whatever kind the report gives it."""
    individuals = list(individuals)
    bodies = [v for v in individuals if v and _STATE_BODY.fullmatch(v.strip())]
    individuals = [v for v in individuals if v not in bodies]
    orgs = _fillers([*groups, *bodies])
    words = [normalize(f.alternatives[0]).split() for f in orgs]
    units = {
        i
        for i, longer in enumerate(words)
        if any(j != i and len(w) < len(longer) and _contains(longer, w) for j, w in enumerate(words))
    }
    people = _fillers(unhedged(v) for v in [*individuals, *(orgs[i].alternatives[0] for i in sorted(units))])
    return _one_side(people), [f for i, f in enumerate(orgs) if i not in units]


def _one_side(people: list[Filler]) -> list[Filler]:
    """The members of an armed side told by a bare word ("guerrillas", "rebels", "terrorists") are
    the people a fuller description of that side names ("urban guerrillas", "FMLN rebels"), and
    the bare words told with no fuller one are all one group: one filler each (the fuller
    description, else the first bare word)."""
    texts = [f.alternatives[0] for f in people]
    bare = [bool(_SIDE.fullmatch(t.strip())) for t in texts]
    fuller = any(_SIDE.search(t) and not b for t, b in zip(texts, bare, strict=True))
    return [f for i, f in enumerate(people) if not bare[i] or not (fuller or any(bare[:i]))]


def unhedged(description: str | None) -> str | None:
    """A perpetrator description without its leading hedge ("alleged urban guerrillas" -> "urban
    guerrillas"): MUC-4 tells how sure the report is in the confidence slot, not in the filler."""
    if description is None:
        return None
    rest = _HEDGE.sub("", description)
    return rest if rest.strip() else description


def target_fillers(values: Iterable[str | None]) -> list[Filler]:
    """One filler per physical target: a mention that names, with fewer words, the thing a fuller
    mention names ("residence" beside "residence of the vice president", "pipeline" beside "Pacific
    oil pipeline": the same head noun, no word of its own) is the same target, and only the fuller
    mention is kept."""
    fillers = _fillers(values)
    shapes = [_shape(f.alternatives[0]) for f in fillers]
    return [
        f
        for i, f in enumerate(fillers)
        if not any(
            j != i
            and shapes[i][1] == shapes[j][1]
            and set(shapes[i][0]) <= set(shapes[j][0])
            and len(shapes[i][0]) < len(shapes[j][0])
            for j in range(len(fillers))
        )
    ]


def _shape(text: str) -> tuple[list[str], str]:
    """The words of a noun phrase (plural -s dropped, no articles) and its head: the last word
    before a preposition or relative ("office" of "office of the minister")."""
    words = [_singular(w) for w in normalize(text).split()]
    before = normalize(_POST_HEAD.split(text.lower(), 1)[0]).split()
    return words, _singular(before[-1]) if before else (words[-1] if words else "")


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return bool(n) and any(longer[k : k + n] == shorter for k in range(len(longer) - n + 1))


def report_templates(report: IncidentReport) -> list[MucTemplate]:
    """The response templates of a report (see the module docstring)."""
    if not report.is_incident or report.incident is None:
        return []
    inc = report.incident
    out: list[MucTemplate] = []
    kind = principal_type(incident_type(inc.category, inc.subtype or ""), inc.subtype or "", inc.weapons)
    if kind is not None:
        individuals = [p.name for p in inc.perpetrators if p.kind in ("individual", "unknown")]
        groups = [p.name for p in inc.perpetrators if p.kind in ("group", "state")]
        claimants = [c.claimant for c in inc.responsibility_claims]
        perp_ind, perp_org = perp_fillers(individuals, [*groups, *claimants])
        slots: dict[str, list[Filler]] = {
            "PerpInd": perp_ind,
            "PerpOrg": perp_org,
            "Target": target_fillers(t.text for t in inc.targets) if kind != "KIDNAPPING" else [],
            "Victim": _fillers(v.name for v in inc.victims),
            "Weapon": _fillers(w.text for w in inc.weapons),
        }
        if inc.date is not None and inc.date.iso is not None and inc.date.precision == "day":
            slots["date"] = [Filler((inc.date.iso.isoformat(),))]
        if inc.location is not None:
            loc = inc.location
            place = loc.city or loc.region or loc.country
            if place:
                slots["location"] = [Filler((place,))]
        slots["stage"] = [Filler((_STAGES[inc.stage or "accomplished"],))]
        if claimants:
            slots["perp_confidence"] = [Filler(("CLAIMED OR ADMITTED",))]
        elif groups:
            slots["perp_confidence"] = [Filler(("REPORTED AS FACT",))]
        effects = [
            *(["DEATH"] if inc.killed is not None and inc.killed.value > 0 else []),
            *(["INJURY"] if inc.injured is not None and inc.injured.value > 0 else []),
        ]
        slots["hum_effect"] = _fillers(effects)
        out.append(MucTemplate((kind,), slots=slots, label="incident"))
    for i, bg in enumerate(report.other_incidents):
        bg_kind = principal_type(
            incident_type(Category.violent_attack if _violent(bg.description) else None, bg.description),
            bg.description,
            bg.weapons,
        )
        if bg_kind is None:
            continue
        effects = [
            *(["DEATH"] if bg.killed is not None and bg.killed.value > 0 else []),
            *(["INJURY"] if bg.injured is not None and bg.injured.value > 0 else []),
        ]
        bg_ind, bg_org = perp_fillers(
            (p.name for p in bg.perpetrators if p.kind in ("individual", "unknown")),
            (p.name for p in bg.perpetrators if p.kind in ("group", "state")),
        )
        bg_slots: dict[str, list[Filler]] = {
            "PerpInd": bg_ind,
            "PerpOrg": bg_org,
            "Target": target_fillers(t.text for t in bg.targets) if bg_kind != "KIDNAPPING" else [],
            "Victim": _fillers(v.name for v in bg.victims),
            "Weapon": _fillers(w.text for w in bg.weapons),
            "hum_effect": _fillers(effects),
        }
        out.append(MucTemplate((bg_kind,), slots=bg_slots, label=f"other_incidents[{i}]"))
    return out


_VIOLENT = re.compile(
    r"\b(attack\w*|kill\w*|murder\w*|assassinat\w*|shot|shooting|gunm[ae]n|ambush\w*|massacre\w*|slain|bomb\w*)",
    re.I,
)


def _violent(description: str) -> bool:
    return bool(_VIOLENT.search(description))
