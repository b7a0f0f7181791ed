"""MUC-4 (MUC-3/4 terrorism templates): reading texts and keys, mapping reports to templates,
the template scorer, and the ``summarizer eval muc4`` run (see :mod:`.score` for what is
computed)."""

from __future__ import annotations

from .keys import MucFormatError, parse_keys, parse_texts
from .mapping import report_templates
from .score import ENTITY_SLOTS, Filler, MucTemplate, aggregate, key_templates, score_document

__all__ = [
    "ENTITY_SLOTS",
    "Filler",
    "MucFormatError",
    "MucTemplate",
    "aggregate",
    "key_templates",
    "parse_keys",
    "parse_texts",
    "report_templates",
    "score_document",
]
