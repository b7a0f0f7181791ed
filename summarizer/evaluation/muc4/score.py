"""MUC-4 templates and the template scorer, written from the metric's definition.

What is computed (see also the README's evaluation section)
-----------------------------------------------------------
Key side (:func:`key_templates`)
    Every template of a text except the all-``*`` one ("no relevant incident"). Templates marked
    ``(OPTIONAL)`` are kept with ``optional=True``. Per template:

    * ``incident_type``: the alternatives of slot 4 (``ATTACK / BOMBING`` -> both).
    * the five role-filler entity slots, one *entity* per fill line, its ``/`` alternatives as
      the entity's mentions, ``?`` making it optional: ``PerpInd`` = slot 9 (PERP: INDIVIDUAL
      ID), ``PerpOrg`` = 10 (PERP: ORGANIZATION ID), ``Target`` = 12 (PHYS TGT: ID), ``Victim`` =
      18 (HUM TGT: NAME; as in GTT's data, descriptions such as "PEASANTS" are not victims),
      ``Weapon`` = 6 (INCIDENT: INSTRUMENT ID).
    * As in GTT's preprocessing, a mention that does not occur in the text (case-insensitive,
      white space collapsed) is dropped, an entity left without mentions is dropped, and
      templates that are equal on the incident type and the five entity slots are merged (kept
      optional only when all copies are).
    * Further slots, scored on their own: ``date`` (slot 2: the accepted days, ranges up to a
      week expanded, see ``parse_date_slot``), ``location`` (slot 3: its most specific place
      per alternative; the places above it give half credit), ``stage`` (5), ``perp_confidence``
      (11, the distinct confidence values) and ``hum_effect`` (23, the distinct effect values).

Matching a predicted filler to a key entity
    Both strings are normalized as GTT's ``eval.py`` does (lower case, punctuation removed, the
    articles *a*, *an*, *the* removed, white space collapsed); the filler matches the entity
    when it equals any of its mentions. Inside a slot of a matched template pair, predicted
    fillers and key entities are paired one-to-one by an optimal assignment (a second filler
    naming an entity already matched is spurious).

Template alignment (per text)
    Response templates are paired one-to-one with key templates by an optimal assignment that
    maximizes, in this order, matched entity fillers, then matches in the other slots, then
    the number of pairs. A pair is only possible when the response's incident type is one of
    the key template's alternatives (as in GTT's ``eval.py``). Unpaired response templates make
    all their fillers spurious; unpaired key templates make their fillers missing.

Counting
    Per slot: ``pred`` = predicted fillers, ``key`` = key entities, ``correct`` = matched pairs
    (a location matching only a containing place counts 0.5). A key entity marked optional
    (``?``), and every entity of an optional template, counts in ``key`` only when matched:
    missing it costs nothing, and finding it is still correct. ``incident_type`` counts the
    templates (correct = paired). Precision ``correct / pred``, recall ``correct / key``, F1 the
    harmonic mean; all micro-averaged over texts. ``entity`` is the micro average over the five
    entity slots (the role-filler entity F1 that papers report).

Relevance
    A text is relevant when its key has a template (optional ones included), predicted relevant
    when the response has one; scored as a separate binary decision.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .assign import max_assignment
from .keys import (
    Template,
    parse_date_slot,
    parse_location_alternative,
    split_alternatives,
    strings_of,
    strip_optional,
)

ENTITY_SLOTS: tuple[str, ...] = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
KEY_SLOT: dict[str, int] = {"PerpInd": 9, "PerpOrg": 10, "Target": 12, "Victim": 18, "Weapon": 6}
OTHER_SLOTS: tuple[str, ...] = ("date", "location", "stage", "perp_confidence", "hum_effect")
ALL_SLOTS: tuple[str, ...] = ("incident_type", *ENTITY_SLOTS, *OTHER_SLOTS)
INCIDENT_TYPES: tuple[str, ...] = (
    "ATTACK",
    "BOMBING",
    "KIDNAPPING",
    "ARSON",
    "ROBBERY",
    "FORCED WORK STOPPAGE",
)

_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCT = str.maketrans("", "", string.punctuation)


def normalize(text: str) -> str:
    """Lower case, punctuation and the articles a/an/the removed, white space collapsed."""
    return " ".join(_ARTICLES.sub(" ", text.lower().translate(_PUNCT)).split())


@dataclass(frozen=True)
class Filler:
    """One slot fill: an entity with its alternative mentions, or a set-fill value.

    ``partial`` lists alternatives worth half credit (the containing places of a location).
    """

    alternatives: tuple[str, ...]
    optional: bool = False
    partial: tuple[str, ...] = ()

    def score(self, predicted: str, slot: str) -> float:
        value = _norm(predicted, slot)
        if value in (_norm(a, slot) for a in self.alternatives):
            return 1.0
        if value in (_norm(a, slot) for a in self.partial):
            return 0.5
        return 0.0


def _norm(value: str, slot: str) -> str:
    if slot in ENTITY_SLOTS or slot == "location":
        return normalize(value)
    return value.strip().upper()


@dataclass
class MucTemplate:
    """A template reduced to what the scorer compares: key alternatives, or one response value."""

    incident_type: tuple[str, ...]
    optional: bool = False
    slots: dict[str, list[Filler]] = field(default_factory=dict)
    label: str = ""

    def fillers(self, slot: str) -> list[Filler]:
        return self.slots.get(slot, [])

    def signature(self) -> tuple[Any, ...]:
        return (
            tuple(sorted(self.incident_type)),
            tuple(tuple(sorted(self.fillers(s), key=repr)) for s in ENTITY_SLOTS),
        )

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": " / ".join(self.incident_type)}
        if self.label:
            out["label"] = self.label
        if self.optional:
            out["optional"] = True
        for slot in (*ENTITY_SLOTS, *OTHER_SLOTS):
            fills = self.fillers(slot)
            if fills:
                out[slot] = [("? " if f.optional else "") + " / ".join(f.alternatives) for f in fills]
        return out


# ---------------------------------------------------------------------------------------------
# Key templates


def _squash(text: str) -> str:
    return " ".join(text.lower().split())


def _entities(template: Template, slot: int, text: str | None) -> list[Filler]:
    out: list[Filler] = []
    for line in template.lines(slot):
        optional, rest = strip_optional(line)
        mentions = [m for m in dict.fromkeys(strings_of(rest)) if m]
        if text is not None:
            mentions = [m for m in mentions if _squash(m) in text]
        if mentions:
            filler = Filler(tuple(mentions), optional)
            if filler not in out:
                out.append(filler)
    return out


def _values(template: Template, slot: int) -> list[Filler]:
    """Distinct set-fill values of a slot (``CLAIMED OR ADMITTED: "FMLN"`` -> the head)."""
    found: dict[tuple[str, ...], bool] = {}
    for line in template.lines(slot):
        optional, rest = strip_optional(line)
        head = rest.split(":", 1)[0] if '"' in rest else rest
        alternatives: list[str] = []
        for alt in split_alternatives(head):
            alt_optional, alt = strip_optional(alt)
            optional = optional or alt_optional
            if alt and alt not in ("-", "*") and not alt.startswith('"'):
                alternatives.append(alt)
        if alternatives:
            key = tuple(dict.fromkeys(alternatives))
            found[key] = found.get(key, True) and optional
    return [Filler(k, opt) for k, opt in found.items()]


def _date(template: Template, reference: dt.date | None) -> list[Filler]:
    raw = template.raw(2)
    optional, _ = strip_optional(raw)
    days = [d for d in parse_date_slot(raw, reference) if d is not None]
    return [Filler(tuple(days), optional)] if days else []


def _location(template: Template) -> list[Filler]:
    raw = template.raw(3).strip()
    if raw in ("", "-", "*"):
        return []
    optional, raw = strip_optional(raw)
    best: list[str] = []
    containing: list[str] = []
    for alternative in split_alternatives(raw):
        country, places = parse_location_alternative(alternative)
        chain = [*([country] if country else []), *(p.name for p in places)]
        if not chain:
            continue
        best.append(chain[-1])
        containing.extend(chain[:-1])
        # ``X (CITY) - Y (CITY)``: both ends of a route are as specific as each other.
        if len(places) > 1 and places[-1].types == places[-2].types:
            best.append(places[-2].name)
    best = list(dict.fromkeys(best))
    partial = [c for c in dict.fromkeys(containing) if c not in best]
    return [Filler(tuple(best), optional, tuple(partial))] if best else []


def key_templates(
    templates: Iterable[Template], text: str | None = None, reference: dt.date | None = None
) -> list[MucTemplate]:
    """The scorer's view of a text's key templates (see the module docstring).

    ``text``: the article; mentions not in it are dropped (``None``: keep every mention).
    ``reference``: the dateline date, for key dates without a year.
    """
    squashed = _squash(text) if text is not None else None
    out: list[MucTemplate] = []
    for template in templates:
        if template.is_empty:
            continue
        types = tuple(dict.fromkeys(strip_optional(t)[1] for t in split_alternatives(template.raw(4))))
        slots: dict[str, list[Filler]] = {s: _entities(template, KEY_SLOT[s], squashed) for s in ENTITY_SLOTS}
        slots["date"] = _date(template, reference)
        slots["location"] = _location(template)
        slots["stage"] = _values(template, 5)
        slots["perp_confidence"] = _values(template, 11)
        slots["hum_effect"] = _values(template, 23)
        candidate = MucTemplate(types, template.optional, slots, label=template.number)
        twin = next((t for t in out if t.signature() == candidate.signature()), None)
        if twin is None:
            out.append(candidate)
        elif twin.optional and not candidate.optional:
            twin.optional = False
    return out


# ---------------------------------------------------------------------------------------------
# Scoring


@dataclass
class Counts:
    """Correct (may be fractional for partial credit), predicted and key totals."""

    correct: float = 0.0
    pred: int = 0
    key: int = 0

    def add(self, other: Counts) -> None:
        self.correct += other.correct
        self.pred += other.pred
        self.key += other.key

    @property
    def precision(self) -> float | None:
        return self.correct / self.pred if self.pred else None

    @property
    def recall(self) -> float | None:
        return self.correct / self.key if self.key else None

    @property
    def f1(self) -> float | None:
        if not self.pred and not self.key:
            return None
        p = self.precision or 0.0
        r = self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_json(self) -> dict[str, Any]:
        return {
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
            "correct": round(self.correct, 4),
            "pred": self.pred,
            "key": self.key,
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _slot_counts(
    pred: Sequence[Filler], key: Sequence[Filler], slot: str
) -> tuple[Counts, list[str], list[str]]:
    """One slot of a matched pair, by one-to-one optimal filler matching: the counts, the
    unmatched predictions and the unmatched required key fills."""
    weights = [[k.score(p.alternatives[0], slot) for k in key] for p in pred]
    pairs = max_assignment(weights)
    correct = sum(weights[i][j] for i, j in pairs)
    matched_keys = {j for _, j in pairs}
    matched_preds = {i for i, _ in pairs}
    counted_keys = sum(1 for j, k in enumerate(key) if not k.optional or j in matched_keys)
    wrong = [p.alternatives[0] for i, p in enumerate(pred) if i not in matched_preds]
    missed = [
        " / ".join(k.alternatives) for j, k in enumerate(key) if j not in matched_keys and not k.optional
    ]
    return Counts(correct, len(pred), counted_keys), wrong, missed


def _required(fillers: Sequence[Filler]) -> int:
    return sum(1 for f in fillers if not f.optional)


def compatible(response: MucTemplate, key: MucTemplate) -> bool:
    return bool(response.incident_type) and response.incident_type[0] in key.incident_type


@dataclass
class DocScore:
    """The scores of one text: per-slot counts, the pairing and the relevance decision."""

    slots: dict[str, Counts]
    pairs: list[tuple[int, int]]
    key_relevant: bool
    pred_relevant: bool
    missing: dict[str, list[str]] = field(default_factory=dict)
    spurious: dict[str, list[str]] = field(default_factory=dict)

    @property
    def entity(self) -> Counts:
        total = Counts()
        for slot in ENTITY_SLOTS:
            total.add(self.slots[slot])
        return total

    def as_json(self) -> dict[str, Any]:
        return {
            "slots": {s: c.as_json() for s, c in self.slots.items()},
            "entity": self.entity.as_json(),
            "pairs": [list(p) for p in self.pairs],
            "key_relevant": self.key_relevant,
            "pred_relevant": self.pred_relevant,
            "missing": self.missing,
            "spurious": self.spurious,
        }


def _pair_counts(response: MucTemplate, key: MucTemplate) -> dict[str, tuple[Counts, list[str], list[str]]]:
    return {
        slot: _slot_counts(response.fillers(slot), key.fillers(slot), slot)
        for slot in (*ENTITY_SLOTS, *OTHER_SLOTS)
    }


def score_document(
    response: Sequence[MucTemplate], key: Sequence[MucTemplate], *, require_type: bool = True
) -> DocScore:
    """Score one text's response templates against its key templates (see the module docstring)."""
    table = [
        [_pair_counts(r, k) if (compatible(r, k) or not require_type) else None for k in key]
        for r in response
    ]
    weights: list[list[float]] = []
    for row in table:
        weights.append([])
        for cell in row:
            if cell is None:
                weights[-1].append(0.0)
                continue
            entity = sum(cell[s][0].correct for s in ENTITY_SLOTS)
            other = sum(cell[s][0].correct for s in OTHER_SLOTS)
            weights[-1].append(entity * 1_000_000 + other * 1_000 + 1)
    pairs = max_assignment(weights)
    slots = {s: Counts() for s in ALL_SLOTS}
    missing: dict[str, list[str]] = {}
    spurious: dict[str, list[str]] = {}
    paired_r = {i for i, _ in pairs}
    paired_k = {j for _, j in pairs}
    for i, j in pairs:
        cell = table[i][j]
        assert cell is not None
        slots["incident_type"].add(Counts(1, 1, 1))
        for slot, (counts, wrong, missed) in cell.items():
            slots[slot].add(counts)
            spurious.setdefault(slot, []).extend(wrong)
            missing.setdefault(slot, []).extend(missed)
    for i, template in enumerate(response):
        if i in paired_r:
            continue
        slots["incident_type"].add(Counts(0, 1, 0))
        for slot in (*ENTITY_SLOTS, *OTHER_SLOTS):
            fills = template.fillers(slot)
            slots[slot].add(Counts(0, len(fills), 0))
            spurious.setdefault(slot, []).extend(f.alternatives[0] for f in fills)
    for j, template in enumerate(key):
        if j in paired_k or template.optional:
            continue
        slots["incident_type"].add(Counts(0, 0, 1))
        for slot in (*ENTITY_SLOTS, *OTHER_SLOTS):
            fills = template.fillers(slot)
            slots[slot].add(Counts(0, 0, _required(fills)))
            missing.setdefault(slot, []).extend(" / ".join(f.alternatives) for f in fills if not f.optional)
    return DocScore(
        slots=slots,
        pairs=sorted(pairs),
        key_relevant=bool(key),
        pred_relevant=bool(response),
        missing={s: v for s, v in missing.items() if v},
        spurious={s: v for s, v in spurious.items() if v},
    )


def aggregate(docs: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Micro-averaged metrics over per-text score dicts (``DocScore.as_json()``)."""
    slots = {s: Counts() for s in ALL_SLOTS}
    relevance = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    n = 0
    for doc in docs:
        n += 1
        for slot in ALL_SLOTS:
            c = doc["slots"].get(slot, {})
            slots[slot].add(Counts(float(c.get("correct", 0)), int(c.get("pred", 0)), int(c.get("key", 0))))
        k, p = bool(doc["key_relevant"]), bool(doc["pred_relevant"])
        relevance["tp" if k and p else "fp" if p else "fn" if k else "tn"] += 1
    entity = Counts()
    for slot in ENTITY_SLOTS:
        entity.add(slots[slot])
    rel = Counts(relevance["tp"], relevance["tp"] + relevance["fp"], relevance["tp"] + relevance["fn"])
    return {
        "texts": n,
        "entity": entity.as_json(),
        "slots": {s: c.as_json() for s, c in slots.items()},
        "relevance": {
            **rel.as_json(),
            "accuracy": _round((relevance["tp"] + relevance["tn"]) / n) if n else None,
            **relevance,
        },
    }
