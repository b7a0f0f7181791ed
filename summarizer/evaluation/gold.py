"""The gold-label format (JSONL, one article a line) and its loader.

A field whose key is absent from ``gold`` is not scored; a field given as ``null`` is scored
("the report must not have one"). See ``evals/README.md`` for the full rules.
"""

from __future__ import annotations

import json
from datetime import date as Date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..article import Article
from ..errors import InputError
from ..schema import Qualifier

GoldCategory = Literal[
    "violent_attack",
    "natural_disaster",
    "accident",
    "fire",
    "civil_unrest",
    "health_emergency",
    "other",
    "not_incident",
]


class GoldFormatError(InputError):
    """A gold file that does not follow the format (the message names the file and line)."""


class GoldCount(BaseModel):
    model_config = ConfigDict(extra="ignore")

    value: int = Field(ge=0)
    qualifier: Qualifier = Qualifier.exact


def _as_options(value: Any) -> Any:
    """``null`` -> ``[null]``; a bare string -> a one-item list."""
    if value is None:
        return [None]
    if isinstance(value, str):
        return [value]
    return value


def _no_date() -> list[Date | None]:
    return [None]


def _no_place() -> list[str | None]:
    return [None]


class Gold(BaseModel):
    """The labels for one article. Extra keys are allowed and ignored."""

    model_config = ConfigDict(extra="ignore")

    category: GoldCategory
    # the incident is optional (MUC-4: a key with only optional templates, "mentioned in passing"):
    # a report that calls the article no incident is right too, and is then scored on every field
    # as against a not_incident gold; one that calls it an incident is scored against these labels
    incident_optional: bool = False
    date: list[Date | None] = Field(default_factory=_no_date)
    country: list[str | None] = Field(default_factory=_no_place)
    city: list[str | None] = Field(default_factory=_no_place)
    venue: list[str | None] = Field(default_factory=_no_place)
    killed: GoldCount | None = None
    injured: GoldCount | None = None
    perpetrators: list[str] = Field(default_factory=list)
    claimed_by: list[str] = Field(default_factory=list)
    summary_must_include: list[list[str]] = Field(default_factory=list)
    summary_must_not_include: list[str] = Field(default_factory=list)

    @field_validator("date", "country", "city", "venue", mode="before")
    @classmethod
    def _options(cls, value: Any) -> Any:
        return _as_options(value)

    @field_validator("perpetrators", "claimed_by", "summary_must_not_include", mode="before")
    @classmethod
    def _names(cls, value: Any) -> Any:
        if value is None:
            return []
        return [value] if isinstance(value, str) else value

    @field_validator("summary_must_include", mode="before")
    @classmethod
    def _groups(cls, value: Any) -> Any:
        if value is None:
            return []
        if isinstance(value, list):
            return [[g] if isinstance(g, str) else g for g in value]
        return value

    @property
    def is_incident(self) -> bool:
        return self.category != "not_incident"

    def scored(self, name: str) -> bool:
        """Whether the gold file labels this field (an absent key means: do not score it)."""
        return name in self.model_fields_set

    def as_not_incident(self) -> Gold:
        """The same gold for a report that calls an optional incident no incident: ``not_incident``
        labels on the fields this gold scores (no date, place, count, name or summary group)."""
        labelled = {name for name in self.model_fields_set if name != "incident_optional"}
        empty: dict[str, Any] = {"category": "not_incident"}
        for name in labelled - {"category"}:
            default = type(self).model_fields[name].get_default(call_default_factory=True)
            empty[name] = default
        return type(self).model_validate(empty)


class GoldRecord(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    event_id: str | None = None
    published: Date | None = None
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    text: str
    gold: Gold

    @field_validator("id", "event_id", mode="before")
    @classmethod
    def _str_id(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value

    def article(self) -> Article:
        return Article(
            text=self.text,
            id=self.id,
            title=self.title,
            outlet=self.outlet,
            url=self.url,
            published=self.published,
        )


def load_gold(path: str | Path) -> list[GoldRecord]:
    """Read a gold JSONL file; raise :class:`GoldFormatError` naming the line of the first problem."""
    file = Path(path)
    if not file.is_file():
        raise GoldFormatError(f"no such gold file: {file}")
    records: list[GoldRecord] = []
    seen: dict[str, int] = {}
    with file.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFormatError(f"{file}:{number}: not valid JSON ({exc.msg})") from None
            try:
                record = GoldRecord.model_validate(data)
            except ValidationError as exc:
                problems = "; ".join(
                    f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()[:3]
                )
                raise GoldFormatError(f"{file}:{number}: {problems}") from None
            if record.id in seen:
                raise GoldFormatError(
                    f"{file}:{number}: duplicate id {record.id!r} (first on line {seen[record.id]})"
                )
            seen[record.id] = number
            records.append(record)
    if not records:
        raise GoldFormatError(f"{file}: no gold records")
    return records
