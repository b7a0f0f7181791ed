"""Other acts a report tells besides the main incident, with the people and things each names.

Wire copy strings several acts together ("... MEANWHILE, A BOMB EXPLODED AT THE X BANK"). A
sentence that tells an act (:func:`.wire.act_sentence`, or a verb such as "blew up", "burned",
"threw a grenade at") and names a physical target or a victim is another incident when it lies
outside the main incident's paragraphs, or inside them when it tells its act as another one
("another", "meanwhile", "also blew up", or after a sentence that sums up several attacks): its
targets, named victims, weapons, the act's subject and the armed groups it names are read from
that sentence alone. A
sentence that already holds another event's toll (:func:`.tolls.other_incidents`) gets these
roles added.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ...lazyre import lazy_compile
from ...schema import DraftBackground, DraftItem, DraftPerpetrator, DraftVictim
from .actors import known_group_spans
from .context import SEPARATE, Context
from .subjects import subject_perpetrators
from .targets import burned_targets, robbed_targets, sentence_targets
from .text import Sentence
from .victims import sentence_victims
from .weapons import sentence_weapons
from .wire import act_sentence

__all__ = ["acts_apart", "other_acts"]

MAX_OTHERS = 6


def _description(text: str) -> str:
    words = re.sub(r"\s+", " ", text).split()
    return " ".join(words[:28]) + (" ..." if len(words) > 28 else "")


# a sentence that tells its act as another one than the event's ("IN ANOTHER ATTACK ...",
# "X, ANOTHER PARTY LEADER, WAS KILLED ...", "MEANWHILE ...")
_ANOTHER = lazy_compile(
    r"\banother\b|^\s*(?:also|in\s+addition|later|earlier)\b"
    # an act of another kind told with "also": "THE REBELS ALSO BLEW UP ...", "A TRUCK WAS ALSO BURNED"
    r"|\balso\s+(?:been\s+)?(?:blew\s+up|blown\s+up|burned|burnt|set\s+fire|looted|kidnapped|abducted|dynamited|bombed)\b",
    re.IGNORECASE,
)
# acts the wire relevance cues leave out, told with their target: "BLEW UP TWO HIGH TENSION POSTS",
# "A RESTAURANT WAS BURNED", "THREW A GRENADE AT A BUS", "SET SEVERAL HOUSES ON FIRE"
_MORE_ACTS = lazy_compile(
    r"\b(?:blew\s+up|blown\s+up|burned|burnt|set\s+(?:[\w-]+\s+){1,5}?on\s+fire|"
    r"(?:threw|hurled|tossed)\s+(?:a\s+|an\s+|two\s+)?(?:[\w-]+\s+)?(?:grenades?|bombs?|explosives?|(?:explosive\s+)?devices?))\b",
    re.IGNORECASE,
)
# an event sentence that sums up several acts ("SEVERAL GUERRILLA ATTACKS TOOK PLACE ...", "A WAVE OF
# BOMBINGS"): each act told after it is its own
_SEVERAL = lazy_compile(
    r"\b(?:several|various|numerous|a\s+(?:wave|series|string)\s+of|two|three|four|five)\s+(?:\w+\s+){0,2}?"
    r"(?:attacks|bombings|explosions|actions|incidents|assassinations|murders|kidnappings)\b",
    re.IGNORECASE,
)


_LONG_AGO = lazy_compile(r"\b(?:years?\s+ago|last\s+year|anniversary|decades?\s+ago)\b", re.IGNORECASE)


def long_past(text: str, ref_year: int | None) -> bool:
    """Is the act told as one of an earlier year ("IN MARCH 1987", "3 YEARS AGO")?"""
    if _LONG_AGO.search(text):
        return True
    years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", text)]
    return ref_year is not None and any(y < ref_year for y in years)


def separate_act(s: Sentence, event: Sentence | None, before: list[Sentence]) -> bool:
    """Is ``s``, inside the main incident's paragraphs, the telling of another act? ``before``:
    the sentences up to the event sentence."""
    if event is None or s.index == event.index:
        return False
    if SEPARATE.match(s.text) or _ANOTHER.search(s.text):
        return True
    return s.index > event.index and any(_SEVERAL.search(b.text) for b in before)


def other_acts(ctx: Context, event: Sentence | None, others: list[DraftBackground]) -> list[DraftBackground]:
    """``others`` with the roles of their sentences, plus the other acts that name a target or
    a victim (at most six in all, in text order): outside the main incident's paragraphs, or
    inside them when the sentence tells its act as another one (:func:`separate_act`)."""
    window = {t[0] for t in ctx.incident_window(event)}
    by_quote = {o.quote: o for o in others}
    out: list[DraftBackground] = list(others)
    before = [s for s in ctx.usable if event is not None and s.index <= event.index and s.index in window]
    for s in ctx.usable:
        if s.title or not (act_sentence(s.text) or _MORE_ACTS.search(s.text)):
            continue
        if s.index in window and not separate_act(s, event, before):
            continue
        if s.text not in by_quote and long_past(s.text, ctx.ref_year):
            continue  # history recalled, not news
        victims = [
            DraftVictim(name=n, description=d, quote=s.text) for n, d in sentence_victims(s.text, ctx.wire)
        ]
        targets = [DraftItem(text=t, quote=s.text) for t in sentence_targets(s.text)]
        if not (victims or targets):
            continue
        perpetrators = [
            DraftPerpetrator(name=name, kind="group", quote=s.text)
            for name in dict.fromkeys(raw for _, _, raw in known_group_spans(s.text))
        ]
        perpetrators += [
            DraftPerpetrator(name=name, kind="unknown", quote=s.text)
            for name in subject_perpetrators(s.text)
            if not known_group_spans(name)
        ]
        weapons = sentence_weapons(s.text)[:4]
        existing = by_quote.get(s.text)
        if existing is not None:
            out[out.index(existing)] = existing.model_copy(
                update={
                    "perpetrators": perpetrators[:4],
                    "targets": targets[:4],
                    "victims": victims[:6],
                    "weapons": weapons,
                }
            )
        elif len(out) < MAX_OTHERS:
            out.append(
                DraftBackground(
                    description=_description(s.text),
                    perpetrators=perpetrators[:4],
                    targets=targets[:4],
                    victims=victims[:6],
                    weapons=weapons,
                    quote=s.text,
                )
            )
    return out[:MAX_OTHERS]


# the kinds of act MUC-4 keeps apart from the act they came with: (subtype words that make the
# main act one already, the verb that starts the act's description, the targets the act befell)
_APART: tuple[tuple[re.Pattern[str], re.Pattern[str], Callable[[str], list[str]]], ...] = (
    (
        lazy_compile(r"arson|fire|burn", re.IGNORECASE),
        lazy_compile(
            r"\b(?:burn\w*|torched|set(?:ting)?\s+fire|set(?:ting)?\s+(?:[\w'\"-]+,?\s+){0,10}?on\s+fire|ablaze)\b",
            re.IGNORECASE,
        ),
        burned_targets,
    ),
    (
        lazy_compile(r"robber|loot|theft", re.IGNORECASE),
        lazy_compile(r"\b(?:robb\w*|loot\w*|sacked|ransacked|plundered|stole)\b", re.IGNORECASE),
        robbed_targets,
    ),
)


def _kind_of(description: str) -> re.Pattern[str] | None:
    """The verb pattern of the first kind kept apart that ``description`` tells, if any."""
    found = [(m.start(), verb) for _, verb, _ in _APART if (m := verb.search(description))]
    return min(found, key=lambda f: f[0])[1] if found else None


def _description_at(text: str, start: int) -> str:
    """A description of the act whose verb starts at ``start``: from the verb to the next comma
    or semicolon, at most 28 words (the clause's subject may name another act, "THE KIDNAPPERS
    SET FIRE TO ...")."""
    ends = [i for i in (text.find(",", start), text.find(";", start)) if i > 0]
    return _description(text[start : min(ends) if ends else len(text)])


def acts_apart(
    ctx: Context, subtype: str | None, targets: list[DraftItem], others: list[DraftBackground]
) -> tuple[list[DraftItem], list[DraftBackground]]:
    """The main incident's targets told as set on fire or looted ("BEFORE FLEEING, THE COMMANDO SET
    FIRE TO A STORE", "THEY LOOTED STORES"), when the main act is not of that kind, become an act of
    their own (MUC-4 keeps an arson or a robbery apart from the kidnapping or the attack it came
    with), with the act's subject and the groups its sentence names; the other targets stay."""
    kept = list(targets)
    out = list(others)
    for same_kind, verb, befell in _APART:
        if subtype is not None and same_kind.search(subtype):
            continue
        apart: dict[str, list[DraftItem]] = {}
        for t in list(kept):
            if t.text.upper() in (b.upper() for b in befell(t.quote)):
                apart.setdefault(t.quote, []).append(t)
                kept.remove(t)
        for quote, items in apart.items():
            existing = next((o for o in out if o.quote == quote and _kind_of(o.description) is verb), None)
            if existing is not None:
                update = {"targets": [*existing.targets, *items][:4]}
                out[out.index(existing)] = existing.model_copy(update=update)
                continue
            if len(out) >= MAX_OTHERS:
                kept.extend(items)
                continue
            act = verb.search(quote)
            perpetrators = [
                DraftPerpetrator(name=name, kind="group", quote=quote)
                for name in dict.fromkeys(raw for _, _, raw in known_group_spans(quote))
            ]
            perpetrators += [
                DraftPerpetrator(name=name, kind="unknown", quote=quote)
                for name in subject_perpetrators(quote)
                if not known_group_spans(name)
            ]
            out.append(
                DraftBackground(
                    description=_description_at(quote, act.start()) if act else _description(quote),
                    perpetrators=perpetrators[:4],
                    targets=items[:4],
                    quote=quote,
                )
            )
    return kept, out[:MAX_OTHERS]
