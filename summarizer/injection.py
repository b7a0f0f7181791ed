"""Text inside an article that speaks to a model ("ignore previous instructions", "assistant: ...").

It is data, never instructions: the LLM prompt fences the article, the rules engine takes no facts
from such sentences, and the report carries an ``instruction_text`` warning naming where it is.
"""

from __future__ import annotations

import re

from .lazyre import lazy_compile

__all__ = ["INSTRUCTION_TEXT", "instruction_spans"]

INSTRUCTION_TEXT = lazy_compile(
    r"\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|the\s+)?(?:previous|prior|above|earlier|preceding|"
    r"your|system|these|those|other)\s+(?:\w+\s+)?(?:instructions?|prompts?|rules|directions|guidelines|messages?)"
    r"|\b(?:you\s+are\s+(?:now\s+)?(?:an?\s+)?(?:ai|assistant|language\s+model|llm|chatbot|summari[sz]er))"
    r"|\bas\s+an\s+ai\b|\bsystem\s+prompt\b|\b(?:assistant|system|user)\s*:\s|</?(?:instructions?|system|prompt)>"
    r"|\b(?:ai|llm|model|assistant|summari[sz]er|bot|language\s+model)s?\b[^.]{0,60}\b(?:must|should|shall)\s+"
    r"(?:report|say|state|write|output|respond|answer|include|ignore)"
    r"|\b(?:respond|reply|answer)\s+(?:only\s+)?with\b|\boutput\s+the\s+following\b"
    r"|\b(?:new|updated)\s+instructions?\s*:",
    re.IGNORECASE,
)


def instruction_spans(text: str, limit: int = 5) -> list[tuple[int, int]]:
    """Where model-directed text occurs in ``text`` (at most ``limit`` spans)."""
    out: list[tuple[int, int]] = []
    for m in INSTRUCTION_TEXT.finditer(text):
        out.append((m.start(), m.end()))
        if len(out) >= limit:
            break
    return out
