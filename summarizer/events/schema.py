"""The event report: one incident as several outlets reported it, field by field, with every source kept.

An :class:`EventReport` holds the member articles, a :class:`ReconciledField` per field (killed,
injured, date, city, country, venue) with the value each outlet gives, its evidence quote and a
status, a consolidated value chosen by a stated rule, "n of m outlets" tallies, the claims and
denials each outlet reports, and one neutral brief whose every number is backed by a source quote.
"""

from __future__ import annotations

from datetime import date as Date
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from ..schema import Category, IncidentReport, Qualifier, StrEnum

EVENT_SCHEMA_VERSION = "1.0"


class Status(StrEnum):
    """How a value (or a whole field) relates to the other outlets' values.

    ``agree``: the same value; ``consistent``: different wording that both can be true ("145" and
    "more than 100"); ``conflict``: values that cannot both be true at the same time ("145" and
    "over 200"; two different cities); ``superseded``: replaced by a later report (a raised toll,
    or the same outlet's own update).
    """

    agree = "agree"
    consistent = "consistent"
    conflict = "conflict"
    superseded = "superseded"


FieldName = Literal["killed", "injured", "date", "city", "country", "venue"]
FIELDS: tuple[FieldName, ...] = ("killed", "injured", "date", "city", "country", "venue")


class Member(BaseModel):
    """One article of an event: its report plus what grouping and reconciliation need to know."""

    id: str
    report: IncidentReport
    outlet: str | None = None
    published: Date | None = None
    published_at: datetime | None = Field(
        default=None, description="publication time when known: orders updates hours apart"
    )
    text: str | None = Field(default=None, description="article text (improves grouping and denials)")
    key: str | None = Field(default=None, description="the member report's cache key")

    def outlet_name(self) -> str:
        return self.outlet or self.report.article.outlet or self.id


class SourceValue(BaseModel):
    """The value one article gives for one field, with its quote and its status."""

    member: str
    outlet: str
    published: Date | None = None
    published_at: datetime | None = None
    value: str  # as displayed: "at least 12", "2025-10-17", "Peshawar"
    count: int | None = None
    qualifier: Qualifier | None = None
    low: int | None = None  # the interval a count allows (None: unbounded)
    high: int | None = None
    quote: str
    status: Status
    superseded_by: str | None = None  # member id of the later report
    note: str | None = None


class Tally(BaseModel):
    """``n`` of ``m`` outlets report ``value``."""

    value: str
    n: int
    m: int
    outlets: list[str]

    def display(self) -> str:
        return f"{self.n} of {self.m} outlets report {self.value}"


class ConsolidatedCount(BaseModel):
    value: int | None = None  # set when the consolidated figure is one number with a qualifier
    qualifier: Qualifier | None = None
    low: int | None = None
    high: int | None = None
    label: str | None = None  # a range in the sources' own words ("from about 30 to 50")

    def display(self) -> str:
        if self.label:
            return self.label
        if self.value is not None and self.qualifier is not None:
            prefix = {
                Qualifier.exact: "",
                Qualifier.at_least: "at least ",
                Qualifier.more_than: "more than ",
                Qualifier.about: "about ",
                Qualifier.up_to: "up to ",
            }[self.qualifier]
            return f"{prefix}{self.value}"
        if self.low is not None and self.high is not None:
            return f"between {self.low} and {self.high}"
        if self.low is not None:
            return f"at least {self.low}"
        if self.high is not None:
            return f"up to {self.high}"
        return "unknown"


class ReconciledField(BaseModel):
    field: FieldName
    status: Status
    consolidated: str | None = None  # displayed value
    count: ConsolidatedCount | None = None  # killed / injured
    date: Date | None = None  # date
    rule: str  # the rule that chose ``consolidated``, in words
    sources: list[SourceValue] = Field(default_factory=list)
    tallies: list[Tally] = Field(default_factory=list)
    missing: list[str] = Field(default_factory=list, description="outlets that give no value")


class OutletStatement(BaseModel):
    """A claim of responsibility (or a denial) as one outlet reports it."""

    kind: Literal["claim", "denial"]
    actor: str
    outlet: str
    member: str
    verified: bool | None = None
    channel: str | None = None
    quote: str


class ActorTally(BaseModel):
    kind: Literal["claim", "denial"]
    actor: str
    n: int
    m: int
    outlets: list[str]


class BriefSentence(BaseModel):
    text: str
    quotes: list[str] = Field(default_factory=list, description="source quotes behind its numbers")


class EventMemberInfo(BaseModel):
    id: str
    outlet: str
    title: str | None = None
    url: str | None = None
    published: Date | None = None
    published_at: datetime | None = None
    key: str | None = None
    category: Category | None = None
    summary: str = ""


class EventWarning(BaseModel):
    code: str
    message: str
    field: str | None = None


class EventReport(BaseModel):
    """One incident across several outlets: reconciled facts, conflicts with attribution, a brief."""

    schema_version: str = EVENT_SCHEMA_VERSION
    event_id: str
    category: Category | None = None
    members: list[EventMemberInfo]
    outlets: list[str]
    fields: dict[str, ReconciledField]
    statements: list[OutletStatement] = Field(default_factory=list)
    statement_tallies: list[ActorTally] = Field(default_factory=list)
    conflicts: list[str] = Field(default_factory=list, description="fields whose current values conflict")
    brief: str = ""
    brief_sentences: list[BriefSentence] = Field(default_factory=list)
    brief_problems: list[str] = Field(default_factory=list, description="what the brief checker found")
    brief_engine: str = Field(
        default="rules", description="who wrote the brief: 'rules' (code) or engine/model"
    )
    warnings: list[EventWarning] = Field(default_factory=list)
    engine: str | None = None
    cache_hit: bool = False

    def tally(self, field: str) -> list[Tally]:
        """``n of m outlets report X`` for every value of ``field``."""
        f = self.fields.get(field)
        return list(f.tallies) if f is not None else []
