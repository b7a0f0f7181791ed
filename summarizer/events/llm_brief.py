"""An LLM-written event brief, accepted only when the brief checker finds nothing wrong.

The model sees the reconciled facts (never the articles): consolidated values, every outlet's value
and status, claims and denials. Its brief then goes through :func:`check_brief`: a number no source
quote backs, a conflicted figure without its outlet, or a loaded word rejects it, and the
deterministic brief stays (the rejection is recorded in the event's warnings).
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, Field

from .brief import check_brief
from .schema import BriefSentence, EventReport, EventWarning

PROMPT_VERSION = "event-brief-v1"

SYSTEM = (
    "You write one neutral brief (3 to 5 sentences, at most 110 words) about a news event from facts "
    "that several outlets reported. Rules: use only the numbers in the facts; when a field's status is "
    "'conflict', state it as a disagreement and name the outlets for each figure; report claims of "
    "responsibility as claims and say when they are unverified; report denials as denials; no loaded "
    "or emotive words (e.g. terrorist, massacre, brutal, horrific); do not speculate about causes."
)


class EventBrief(BaseModel):
    sentences: list[str] = Field(json_schema_extra={"maxItems": 5}, description="3-5 neutral sentences")


def facts_for_prompt(event: EventReport) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name, f in event.fields.items():
        if not f.sources:
            continue
        fields[name] = {
            "consolidated": f.consolidated,
            "status": str(f.status),
            "by_outlet": [
                {
                    "outlet": s.outlet,
                    "value": s.value,
                    "status": str(s.status),
                    "published": str(s.published or ""),
                }
                for s in f.sources
            ],
        }
    return {
        "category": str(event.category or "incident"),
        "outlets": event.outlets,
        "fields": fields,
        "claims_and_denials": [
            {"kind": s.kind, "actor": s.actor, "outlet": s.outlet, "verified": s.verified}
            for s in event.statements
        ],
    }


def llm_brief(event: EventReport, engine: Any, params: Any) -> EventReport:
    """Replace the brief with the engine's when it passes the checker; never raises for a bad brief.

    ``engine`` must offer instructor-style structured calls (the ``openai``/``compatible``/``local``
    engines); otherwise the event is returned unchanged.
    """
    structured = getattr(engine, "_structured", None)
    if structured is None or not event.brief:
        return event
    from ..engines.base import ExtractionRequest
    from ..errors import SummarizerError

    facts = json.dumps(facts_for_prompt(event), ensure_ascii=False, indent=1)
    messages = [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": f"Facts (JSON):\n```json\n{facts}\n```\nWrite the brief."},
    ]
    request = ExtractionRequest(text=facts, params=params)
    try:
        result, _usage, _attempts = structured(request, messages, EventBrief)
    except SummarizerError as exc:
        event.warnings.append(EventWarning(code="llm_brief_failed", field="brief", message=str(exc)))
        return event
    sentences = [s.strip() for s in getattr(result, "sentences", []) if isinstance(s, str) and s.strip()]
    text = " ".join(sentences)
    problems = (
        check_brief(text, event.fields, event.statements, len(event.outlets)) if text else ["empty brief"]
    )
    if not 3 <= len(sentences) <= 5:
        problems.append(f"{len(sentences)} sentence(s); a brief has 3-5")
    if problems:
        event.warnings.append(
            EventWarning(
                code="llm_brief_rejected",
                field="brief",
                message="the model's brief was not used: " + "; ".join(problems),
            )
        )
        return event
    event.brief = text
    event.brief_sentences = [BriefSentence(text=s) for s in sentences]
    event.brief_problems = []
    event.brief_engine = f"{getattr(engine, 'name', 'llm')}/{getattr(engine, 'model', '')} ({PROMPT_VERSION})"
    return event
