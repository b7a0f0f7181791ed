"""One event, many outlets: group reports into events, reconcile their fields, write one brief."""

from __future__ import annotations

from .api import build_event, summarize_event, summarize_events
from .grouping import EventGroup, GroupingConfig, group_events
from .reconcile import ReconcileConfig
from .schema import EventReport, Member, ReconciledField, SourceValue, Status

__all__ = [
    "EventGroup",
    "EventReport",
    "GroupingConfig",
    "Member",
    "ReconcileConfig",
    "ReconciledField",
    "SourceValue",
    "Status",
    "build_event",
    "group_events",
    "summarize_event",
    "summarize_events",
]
