"""The offline, deterministic engine's work (the class is :class:`~.facade.RulesEngine`). Same
Draft as the LLM engines, no network.

:func:`extract_draft` runs named steps over one :class:`~.context.Context` (the article segmented
once, boilerplate and model-directed text flagged; its reference year; the wire-copy flag):

1. ``incident`` -- is it an incident report, which sentence reports it (:mod:`.incident`);
2. ``tolls`` -- killed, injured, hospitalized, missing; earlier and conflicting figures to
   ``uncertainties``, other events' figures to ``other_incidents`` (:mod:`.tolls`); where no
   figure is stated, victims counted from the people mentioned and their fate (after step 4,
   whose date tells apart the sentences about other days);
3. ``category`` (:mod:`.incident`, with the lexical classifier :mod:`.classify`);
4. ``incident_date`` -- the date phrase (:mod:`.incident_date`);
5. ``location`` -- venue, city, region, country (:mod:`.location`, :mod:`.city`, :mod:`.venue`);
6. ``actors`` -- perpetrators and responsibility claims (:mod:`.actors`), weapons (:mod:`.weapons`),
   physical targets (:mod:`.targets`), named victims (:mod:`.victims`), the stage (:mod:`.stage`);
   other acts the report tells, with their own roles (:mod:`.other_acts`);
7. ``summary`` (:mod:`.summary`).

Casualty mentions come from :mod:`summarizer.normalize.casualties` (shared with the checker).
Upper-case wire copy is decided in :mod:`.wire`; Spanish and French articles get only a toll,
category and place (:mod:`.foreign`). Every quote is a verbatim sentence of ``request.text``.
"""

from __future__ import annotations

from datetime import date

from ...schema import Draft, DraftItem
from .actors import find_denials, parties
from .context import ROLES, Context
from .foreign import foreign_draft
from .incident import categorize, event_sentence, is_incident
from .incident_date import incident_date
from .location import location
from .other_acts import acts_apart, other_acts
from .stage import stage
from .summary import build_summary, case_names
from .targets import targets
from .tolls import disputed_notes, other_incidents, people_tolls, tolls
from .victims import named_toll, victims
from .weapons import weapons

__all__ = ["extract_draft"]


def extract_draft(text: str, published: date | None, title: str | None = None) -> Draft:
    """The rules engine's draft for one article (see the module for the steps)."""
    ctx = Context.build(text, published, title)
    incident = is_incident(ctx)
    if not ctx.english:
        return foreign_draft(ctx, incident and bool(ctx.mentions.lead_numeric))
    event = event_sentence(ctx, incident)
    counts, uncertainties = tolls(ctx, event) if incident else (dict.fromkeys(ROLES), [])
    uncertainties += disputed_notes(ctx)
    others = other_incidents(ctx)[:5]
    category, subtype = categorize(ctx, event, incident)
    when = incident_date(ctx, event) if incident else None
    if incident:
        counts = people_tolls(ctx, counts, when, event)
        for role in ("killed", "injured"):
            if counts[role] is None:
                # no figure and no one counted: the named victims an act killed or hurt ("the
                # murder of X", "X was seriously wounded")
                counts[role] = named_toll(ctx, event, when, role)
    where = location(ctx, event) if incident else None
    perpetrators, claims = parties(ctx, event) if incident else ([], [])
    if incident:
        others = other_acts(ctx, event, others)
    named = victims(ctx, event) if incident else []
    summary = build_summary(
        ctx.article,
        is_incident=incident,
        event=event,
        lead=ctx.lead if ctx.lead else ctx.usable[:3],
        killed=counts["killed"],
        injured=counts["injured"],
        claims=claims,
        location=where,
        subtype=subtype,
        date_as_stated=when.as_stated if when else None,
        names=case_names(ctx, where, claims, perpetrators, named),
        denials=find_denials(ctx.fact_rows) if incident else [],
    )
    main_targets: list[DraftItem] = []
    if incident:
        main_targets, others = acts_apart(ctx, subtype, targets(ctx, event), others)
    if not incident:
        return Draft(
            is_incident=False, other_incidents=others, uncertainties=uncertainties[:5], summary=summary
        )
    return Draft(
        is_incident=True,
        category=category,
        subtype=subtype,
        date=when,
        location=where,
        killed=counts["killed"],
        injured=counts["injured"],
        hospitalized=counts["hospitalized"],
        missing=counts["missing"],
        perpetrators=perpetrators,
        responsibility_claims=claims,
        weapons=weapons(ctx, event),
        targets=main_targets,
        victims=named,
        stage=stage(ctx, event),
        other_incidents=others,
        uncertainties=uncertainties[:6],
        summary=summary,
    )
