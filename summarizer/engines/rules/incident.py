"""Is the article an incident report, which sentence reports the incident, and its category.

An article is an incident report when its lead gives a casualty figure, tells an event, or tells a
violent act against people ("a teenager was fatally shot Sunday", "police are investigating a
shooting", "a man was charged in the shooting death of ..."), and its opening is not framed as
something else (a verdict, an anniversary or vigil, a policy story): see :func:`_act_reported`. The event
sentence is the lead's first killed figure, else its first event clause, else its first figure,
else its first body sentence. The category comes from the lead's words, the title weighing most.
Upper-case wire copy decides these its own way (:mod:`.wire`).
"""

from __future__ import annotations

import re

from ...lazyre import lazy_compile
from ...schema import Category
from .classify import classify, non_incident_framing, violent_act
from .context import Context
from .text import Sentence
from .wire import wire_category, wire_event, wire_is_incident

__all__ = ["categorize", "event_sentence", "is_incident"]

# a gun in the telling of an act: "shot", "fired six rounds", "gunpoint"
_GUN = lazy_compile(
    r"\b(?:shot|shots|shoot\w*|fir(?:ed|ing)|rounds|bullets?|gun\w*|pistol|rifle|firearm)\b", re.IGNORECASE
)


def is_incident(ctx: Context) -> bool:
    """Does the article report an incident (before the language check: a non-English article
    is then judged by its figures alone)?"""
    ms = ctx.mentions
    opening = " ".join(s.text for s in (ctx.article.title_sentences + ctx.lead_body[:1]))
    framing = non_incident_framing(opening)
    if (
        (ms.lead_numeric and framing < 2)
        or (ms.lead_main and ctx.event_lead)
        or (ctx.event_lead and framing == 0)
    ):
        verdict = True
    elif framing == 0 and any(m.value > 0 and m.role in {"killed", "injured"} for m in ms.lead_main):
        verdict = True  # "MAYOR ... WAS ASSASSINATED"
    elif ms.lead_numeric and ctx.event_lead:
        verdict = True
    else:
        verdict = _act_reported(ctx, framing)
    if ctx.wire and ctx.english:
        return wire_is_incident(ctx, verdict)
    return verdict


def _act_reported(ctx: Context, framing: int) -> bool:
    """Does the lead tell of a violent act against people (a shooting with one victim, a suspect
    charged in a shooting death)? Follow-ups on a recent act are reports of it; an aftermath
    framed as such (a verdict, an anniversary, a vigil, a policy) is not, unless the lead also
    tells the act in a sentence of its own without that framing."""
    acts = [s for s in ctx.lead if not ctx.is_past_event(s) and violent_act(s.text)]
    headline = ctx.title if ctx.title and not ctx.article.title_sentences else None
    if headline is not None:
        # a headline the text does not repeat ("Man shot, killed on west side") is read for the
        # verdict only: facts and quotes come from the text
        framing += non_incident_framing(headline)
        if not acts and violent_act(headline):
            return framing == 0 and bool(ctx.lead_body)
    if not acts:
        return False
    if framing == 0:
        return True
    return framing < 2 and any(non_incident_framing(s.text) == 0 and not s.title for s in acts)


def event_sentence(ctx: Context, incident: bool) -> Sentence | None:
    """The sentence that reports the main event."""
    ms = ctx.mentions
    event: Sentence | None = None
    killed_lead = [m for m in ms.lead_numeric if m.role == "killed"] or ms.lead_numeric
    if killed_lead:
        body_first = [m for m in killed_lead if not ctx.by_index[m.sentence].title]
        event = ctx.by_index[(body_first or killed_lead)[0].sentence]
    elif ctx.event_lead:
        body_event = [s for s in ctx.event_lead if not s.title]
        event = (body_event or ctx.event_lead)[0]
    elif ms.lead_main:
        event = ctx.by_index[ms.lead_main[0].sentence]
    elif ctx.lead_body:
        event = ctx.lead_body[0]
    if ctx.wire and incident:
        return wire_event(ctx, event, has_killed_figure=bool(killed_lead))
    return event


def categorize(ctx: Context, event: Sentence | None, incident: bool) -> tuple[Category | None, str | None]:
    """Category and subtype from the lead (title 3, event sentence 2, others 1)."""
    weighted = [
        (s.text, 3.0 if s.title else 2.0 if event is not None and s.index == event.index else 1.0)
        for s in ctx.lead
        if not ctx.is_background(s)
    ]
    if ctx.wire and event is not None and event.index not in ctx.lead_ids:
        weighted.append((event.text, 2.0))  # wire copy: the act told further down
    classification = classify(weighted)
    category, subtype = classification.category, classification.subtype
    if ctx.wire and incident and category in {None, Category.other}:
        category, subtype = wire_category(ctx, category, subtype)
    if incident and category is None:
        # no category word, but a violent act against people told in the lead ("he shot a woman",
        # "fired six rounds into his vehicle"): an attack, a shooting when a gun speaks
        acts = [s.text for s in ctx.lead if not ctx.is_background(s) and violent_act(s.text)]
        if acts:
            category = Category.violent_attack
            subtype = "shooting" if any(_GUN.search(t) for t in acts) else "armed attack"
        else:
            category = Category.other
    return category, subtype
