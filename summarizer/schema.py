"""The report schema (versioned) and the compact draft schema an engine fills in.

Engines never compute offsets or resolve dates: they return a :class:`Draft` whose facts carry a
verbatim ``quote``. The pipeline (``grounding``, ``dates``, ``checker``, ``neutrality``) turns the
draft into an :class:`IncidentReport` whose every fact carries :class:`Evidence` with character
offsets such that ``article_text[start:end] == quote``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date as Date
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr
from pydantic.json_schema import DEFAULT_REF_TEMPLATE, GenerateJsonSchema, JsonSchemaMode, JsonSchemaValue

# 1.1: is_incident may be null; Count.upper and Count.disputed. 1.2: Evidence.value_start/value_end.
# 1.3: perpetrator kind "suspect".
# 1.4: IncidentReport.cross_check.
SCHEMA_VERSION = "1.4"


class StrEnum(str, Enum):
    def __str__(self) -> str:
        return str(self.value)


class Category(StrEnum):
    violent_attack = "violent_attack"
    natural_disaster = "natural_disaster"
    accident = "accident"
    fire = "fire"
    civil_unrest = "civil_unrest"
    health_emergency = "health_emergency"
    other = "other"


class Qualifier(StrEnum):
    exact = "exact"
    at_least = "at_least"
    more_than = "more_than"
    about = "about"
    up_to = "up_to"


class DatePrecision(StrEnum):
    day = "day"
    month = "month"
    year = "year"


# "suspect": a person the article says was charged, arrested or sought (an accusation, not a finding)
PerpetratorKind = Literal["group", "individual", "state", "suspect", "unknown"]
Stage = Literal["accomplished", "attempted", "threatened"]

# --------------------------------------------------------------------------------------------------
# Draft: what an engine returns (kept small: its JSON schema is part of every LLM prompt)
# --------------------------------------------------------------------------------------------------


# Bounds in the JSON schema (not enforced on validation) keep grammar-constrained local models from
# running on forever inside one string or list; they are generous for real quotes and phrases.
QUOTE, SHORT, SUMMARY, MAX_ITEMS = 400, 120, 900, 6
Quote = Annotated[str, Field(json_schema_extra={"maxLength": QUOTE})]
Short = Annotated[str, Field(json_schema_extra={"maxLength": SHORT})]


class _CompactSchema(GenerateJsonSchema):
    """Drops the auto-generated ``title`` of every field and model: the schema travels in every
    LLM prompt, and titles repeat the field names (about a quarter of its tokens)."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False

    def generate(self, schema: Any, mode: JsonSchemaMode = "validation") -> JsonSchemaValue:
        result = super().generate(schema, mode)
        for definition in result.get("$defs", {}).values():
            definition.pop("title", None)
        for definition in [result, *result.get("$defs", {}).values()]:
            for prop in definition.get("properties", {}).values():
                if prop.get("default", 0) in (None, [], ""):
                    prop.pop("default")  # an optional field's empty default says nothing to a model
        return result


class _Draft(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True)

    @classmethod
    def model_json_schema(  # type: ignore[override]
        cls,
        by_alias: bool = True,
        ref_template: str = DEFAULT_REF_TEMPLATE,
        schema_generator: type[GenerateJsonSchema] = _CompactSchema,
        mode: JsonSchemaMode = "validation",
        **kwargs: Any,
    ) -> dict[str, Any]:
        return super().model_json_schema(by_alias, ref_template, schema_generator, mode, **kwargs)


class DraftCount(_Draft):
    value: int = Field(ge=0)
    qualifier: Qualifier = Qualifier.exact
    as_stated: Short  # the count phrase as written, e.g. "at least 60 people" (the prompt says so)
    quote: Quote


class DraftDate(_Draft):
    as_stated: Short  # the date phrase as written, e.g. "on Friday", "March 3"
    quote: Quote


class DraftLocation(_Draft):
    venue: Short | None = None
    city: Short | None = None
    region: Short | None = None
    country: Short | None = None
    as_stated: Short = ""
    quote: Quote


class DraftPerpetrator(_Draft):
    name: str = Field(
        json_schema_extra={"maxLength": SHORT},
        description="name or description, e.g. 'Islamic State', 'gunmen'",
    )
    kind: PerpetratorKind = "unknown"
    quote: Quote


class DraftClaim(_Draft):
    claimant: Short
    channel: str | None = Field(
        default=None, json_schema_extra={"maxLength": SHORT}, description="e.g. 'Telegram statement'"
    )
    verified: bool | None = None
    quote: Quote


class DraftItem(_Draft):
    text: Short
    quote: Quote


class DraftVictim(_Draft):
    name: Short | None = Field(default=None, description="a person's name, when the article gives it")
    description: Short | None = Field(default=None, description="e.g. 'a police officer', 'two journalists'")
    quote: Quote


class DraftBackground(_Draft):
    description: Short
    killed: DraftCount | None = None
    injured: DraftCount | None = None
    perpetrators: list[DraftPerpetrator] = Field(
        default_factory=list, json_schema_extra={"maxItems": MAX_ITEMS}
    )
    targets: list[DraftItem] = Field(default_factory=list, json_schema_extra={"maxItems": MAX_ITEMS})
    victims: list[DraftVictim] = Field(default_factory=list, json_schema_extra={"maxItems": MAX_ITEMS})
    weapons: list[DraftItem] = Field(default_factory=list, json_schema_extra={"maxItems": MAX_ITEMS})
    quote: Quote


class Draft(_Draft):
    """Facts with verbatim quotes, as an engine extracted them."""

    is_incident: bool
    category: Category | None = None
    subtype: str | None = Field(
        default=None,
        json_schema_extra={"maxLength": SHORT},
        description="short, e.g. 'suicide bombing', 'flash flood'",
    )
    date: DraftDate | None = None
    location: DraftLocation | None = None
    killed: DraftCount | None = None
    injured: DraftCount | None = None
    hospitalized: DraftCount | None = None
    missing: DraftCount | None = None
    perpetrators: list[DraftPerpetrator] = Field(
        default_factory=list, json_schema_extra={"maxItems": MAX_ITEMS}
    )
    responsibility_claims: list[DraftClaim] = Field(
        default_factory=list, json_schema_extra={"maxItems": MAX_ITEMS}
    )
    weapons: list[DraftItem] = Field(default_factory=list, json_schema_extra={"maxItems": MAX_ITEMS})
    targets: list[DraftItem] = Field(
        default_factory=list,
        json_schema_extra={"maxItems": MAX_ITEMS},
        description="physical targets: buildings, vehicles, installations attacked or damaged",
    )
    victims: list[DraftVictim] = Field(
        default_factory=list,
        json_schema_extra={"maxItems": MAX_ITEMS},
        description="people attacked, killed, hurt or kidnapped",
    )
    stage: Stage | None = Field(
        default=None, description="attempted: failed or foiled; threatened: only threatened"
    )
    other_incidents: list[DraftBackground] = Field(
        default_factory=list,
        json_schema_extra={"maxItems": MAX_ITEMS},
        description="earlier or other events mentioned only as background",
    )
    uncertainties: list[DraftItem] = Field(default_factory=list, json_schema_extra={"maxItems": MAX_ITEMS})
    summary: str = Field(json_schema_extra={"maxLength": SUMMARY})  # 2-4 neutral sentences, <= 90 words


# --------------------------------------------------------------------------------------------------
# Report: what users get
# --------------------------------------------------------------------------------------------------


def _no_items() -> list[Any]:
    """A new empty list, the default of the report's list fields: the value ``default_factory=list``
    gives, but pydantic reads a default factory's signature when it builds a model, and the
    signature of a builtin such as ``list`` is parsed from its text with ``tokenize`` (~2% of a
    cached ``summarizer summarize`` for the report's 23 list fields)."""
    return []


class Evidence(BaseModel):
    """Where a fact is stated: ``article_text[start:end] == quote``. When the fact's value itself is
    written inside this quote ("at least 23" in the lead, "Peshawar" in the dateline),
    ``article_text[value_start:value_end]`` is that phrase, found by code like the quote."""

    quote: str
    start: int
    end: int
    value_start: int | None = None
    value_end: int | None = None


class Fact(BaseModel):
    evidence: list[Evidence] = Field(default_factory=_no_items)

    def describe(self) -> str:
        """The fact's value as a short phrase (for cards, the HTML view and reprs)."""
        return type(self).__name__


_PREFIX = {
    Qualifier.exact: "",
    Qualifier.at_least: "at least ",
    Qualifier.more_than: "more than ",
    Qualifier.about: "about ",
    Qualifier.up_to: "up to ",
}


class Disputed(BaseModel):
    """What the count's own evidence says when it contradicts the engine's figure (``flag`` mode)."""

    value: int = Field(ge=0, description="the figure the evidence quote gives")
    qualifier: Qualifier = Qualifier.exact

    def display(self) -> str:
        return f"{_PREFIX[self.qualifier]}{self.value}"


class Count(Fact):
    value: int = Field(ge=0)
    qualifier: Qualifier = Qualifier.exact
    as_stated: str
    upper: int | None = Field(
        default=None,
        description="the upper end when the article gives a range ('between 10 and 15'): value is the lower end",
    )
    disputed: Disputed | None = Field(
        default=None,
        description="set when the evidence contradicts value/qualifier: the figure is not established",
    )

    def figure(self) -> str:
        """The figure as the engine gave it, without any dispute."""
        if self.upper is not None:
            return f"{self.value} to {self.upper}"
        return f"{_PREFIX[self.qualifier]}{self.value}"

    def display(self) -> str:
        """The figure for people to read; a disputed figure says so and gives the quote's value."""
        if self.disputed is not None:
            return f"{self.disputed.display()} per the quote (disputed: the engine gave {self.figure()})"
        return self.figure()

    def describe(self) -> str:
        """``at least 23``, with the article's wording added only when it says more."""
        shown = self.display()
        stated = " ".join(self.as_stated.split())
        return shown if not stated or shown.lower() in stated.lower() else f"{shown} ({stated})"


class IncidentDate(Fact):
    as_stated: str
    iso: Date | None = None
    precision: DatePrecision | None = None
    resolved_from: Literal["explicit", "relative", "none"] = "none"

    def describe(self) -> str:
        return self.iso.isoformat() if self.iso else self.as_stated


def _words_inside(part: str, kept: str) -> bool:
    """``part`` appears as whole words inside ``kept`` (``gaza`` in ``gaza city``)."""
    return re.search(rf"(?<!\w){re.escape(part)}(?!\w)", kept) is not None


class Location(Fact):
    venue: str | None = None
    city: str | None = None
    region: str | None = None
    country: str | None = None
    country_code: str | None = None
    as_stated: str = ""

    def display(self) -> str:
        """Venue, city, region, country, each once: a part that repeats an earlier one ("Lyon,
        Lyon, France", "Gaza City, Gaza") or sits inside it is left out."""
        kept: list[str] = []
        for part in (self.venue, self.city, self.region, self.country):
            if not part or not part.strip():
                continue
            low = part.strip().casefold()
            if any(low == k.casefold() or _words_inside(low, k.casefold()) for k in kept):
                continue
            kept.append(part.strip())
        return ", ".join(kept)

    def describe(self) -> str:
        return self.display() or self.as_stated


class Perpetrator(Fact):
    name: str
    kind: PerpetratorKind = "unknown"

    def describe(self) -> str:
        return self.name + (f" ({self.kind})" if self.kind != "unknown" else "")


class ResponsibilityClaim(Fact):
    claimant: str
    channel: str | None = None
    verified: bool | None = None

    @property
    def status(self) -> str:
        return "verified" if self.verified else "unverified" if self.verified is False else "not verified"

    def describe(self) -> str:
        """A claim is a claim: ``claim by X (unverified, via Telegram)``, never a perpetrator."""
        via = f", via {self.channel}" if self.channel else ""
        return f"claim by {self.claimant} ({self.status}{via})"


class Item(Fact):
    text: str

    def describe(self) -> str:
        return self.text


class Victim(Fact):
    """A person attacked, killed, hurt or kidnapped: a name, a description, or both."""

    name: str | None = None
    description: str | None = None

    def display(self) -> str:
        if self.name and self.description:
            return f"{self.name} ({self.description})"
        return self.name or self.description or ""

    def describe(self) -> str:
        return self.display()


class Incident(BaseModel):
    category: Category
    subtype: str | None = None
    date: IncidentDate | None = None
    location: Location | None = None
    killed: Count | None = None
    injured: Count | None = None
    hospitalized: Count | None = None
    missing: Count | None = None
    perpetrators: list[Perpetrator] = Field(default_factory=_no_items)
    responsibility_claims: list[ResponsibilityClaim] = Field(default_factory=_no_items)
    weapons: list[Item] = Field(default_factory=_no_items)
    targets: list[Item] = Field(default_factory=_no_items)
    victims: list[Victim] = Field(default_factory=_no_items)
    stage: Stage | None = None  # None: the article reports it as done (or does not say)


class BackgroundIncident(Fact):
    """Another event the article reports (an earlier attack, a second act in the same report),
    with the people and things it names."""

    description: str
    killed: Count | None = None
    injured: Count | None = None
    perpetrators: list[Perpetrator] = Field(default_factory=_no_items)
    targets: list[Item] = Field(default_factory=_no_items)
    victims: list[Victim] = Field(default_factory=_no_items)
    weapons: list[Item] = Field(default_factory=_no_items)

    def describe(self) -> str:
        said = self.description.lower()
        tolls = [
            f"{n} {c.display()}"
            for n, c in (("killed", self.killed), ("injured", self.injured))
            if c and c.display().lower() not in said and str(c.value) not in re.findall(r"\d+", said)
        ]
        return self.description + (f" ({', '.join(tolls)})" if tolls else "")


class ReportWarning(BaseModel):
    code: str = Field(description="machine-readable, e.g. 'quote_not_found', 'truncated'")
    message: str
    field: str | None = None


class CrossCheck(BaseModel):
    """One field where the offline rules engine, run on the same article, reads something else
    than the LLM did (``summarizer.crosscheck``). A disagreement is a prompt to look, not a verdict."""

    field: str = Field(description="dotted report field, e.g. 'incident.killed'")
    llm: str | None = Field(description="what the report (the LLM engine) gives")
    rules: str | None = Field(description="what the rules engine reads")
    message: str


class Neutrality(BaseModel):
    neutral: bool
    loaded_terms: list[str] = Field(default_factory=_no_items)
    action: Literal["none", "reasked", "cleaned", "flagged"] = "none"


class ArticleMeta(BaseModel):
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: Date | None = None
    chars: int
    sha256: str
    truncated: bool = False
    language: str | None = None


class Provenance(BaseModel):
    engine: str
    model: str
    server: str | None = None
    prompt_name: str
    prompt_version: str
    prompt_hash: str
    schema_version: str = SCHEMA_VERSION
    summarizer_version: str
    tokens_in: int = 0
    tokens_out: int = 0
    attempts: int = 1
    latency_ms: float = 0.0
    cache_hit: bool = False
    checker: str = "flag"


class HtmlViews:
    """The HTML renderers behind :meth:`IncidentReport.to_html` and ``_repr_html_``. They live in
    ``summarizer.evidence_view``, which builds on this module and registers itself here when it is
    imported; the first HTML view loads it by name, so the schema imports no view code (and a run
    that renders no HTML never loads it)."""

    page: Callable[[IncidentReport, str | None], str] | None = None
    snippet: Callable[[IncidentReport, str | None], str] | None = None

    @classmethod
    def require(
        cls,
    ) -> tuple[Callable[[IncidentReport, str | None], str], Callable[[IncidentReport, str | None], str]]:
        if cls.page is None or cls.snippet is None:
            from importlib import import_module

            import_module(f"{__package__}.evidence_view")  # registers page and snippet
        if cls.page is None or cls.snippet is None:  # pragma: no cover - the view module sets both
            raise RuntimeError("summarizer.evidence_view did not register its HTML views")
        return cls.page, cls.snippet


class IncidentReport(BaseModel):
    """A validated, evidence-grounded report on one article."""

    schema_version: str = SCHEMA_VERSION
    is_incident: bool | None = Field(
        description="null when the engine could not read the article (e.g. a language it does not support)"
    )
    incident: Incident | None = None
    other_incidents: list[BackgroundIncident] = Field(default_factory=_no_items)
    summary: str
    neutrality: Neutrality
    uncertainties: list[Item] = Field(default_factory=_no_items)
    warnings: list[ReportWarning] = Field(default_factory=_no_items)
    cross_check: list[CrossCheck] = Field(
        default_factory=_no_items,
        description="fields where the offline rules engine disagrees (LLM engines only)",
    )
    article: ArticleMeta
    provenance: Provenance

    # the exact text the engine read (not serialized): set by the pipeline, used by the HTML view
    _article_text: str | None = PrivateAttr(default=None)

    @property
    def article_text(self) -> str | None:
        """The text the offsets point into, when this report came from a :class:`Summarizer` in
        this process (a report loaded from JSON does not carry it)."""
        return self._article_text

    def with_article_text(self, text: str) -> IncidentReport:
        """Attach the article text (e.g. after loading a report from JSON) and return ``self``."""
        self._article_text = text
        return self

    def headline(self) -> str:
        """``violent attack (shooting) · Lyon, France · 2024-03-01``, or ``No incident reported``."""
        inc = self.incident
        if self.is_incident is None:
            return "Not read: the article's language is not supported by this engine"
        if inc is None:
            return "No incident reported"
        parts = [str(inc.category).replace("_", " ")]
        if inc.subtype:
            parts[0] += f" ({inc.subtype})"
        if inc.location is not None and inc.location.display():
            parts.append(inc.location.display())
        if inc.date is not None:
            parts.append(inc.date.describe())
        return " · ".join(parts)

    def to_html(self, text: str | None = None) -> str:
        """A self-contained HTML page: the article with every fact's evidence highlighted."""
        page, _ = HtmlViews.require()
        return page(self, text if text is not None else self._article_text)

    def _repr_html_(self) -> str:
        """Notebooks: the evidence view (highlights, legend, facts table)."""
        _, snippet = HtmlViews.require()
        return snippet(self, self._article_text)

    def __repr__(self) -> str:
        bits = [self.headline()]
        inc = self.incident
        if inc is not None:
            for name in ("killed", "injured"):
                count = getattr(inc, name)
                if count is not None:
                    bits.append(f"{name}={count.display()}")
        bits.append(f"facts={len(self.facts())}")
        if self.warnings:
            bits.append(f"warnings={len(self.warnings)}")
        bits.append(f"engine={self.provenance.engine}")
        return f"<IncidentReport {' · '.join(bits[:1])}{': ' if len(bits) > 1 else ''}{', '.join(bits[1:])}>"

    def __str__(self) -> str:
        return self.__repr__()

    def facts(self) -> list[tuple[str, Fact]]:
        """Every grounded fact with a dotted field name (for display, grounding rates, evals)."""
        out: list[tuple[str, Fact]] = []
        inc = self.incident
        if inc is not None:
            for name in ("date", "location", "killed", "injured", "hospitalized", "missing"):
                value = getattr(inc, name)
                if value is not None:
                    out.append((f"incident.{name}", value))
            for name in ("perpetrators", "responsibility_claims", "weapons", "targets", "victims"):
                out.extend((f"incident.{name}[{i}]", f) for i, f in enumerate(getattr(inc, name)))
        for i, bg in enumerate(self.other_incidents):
            out.append((f"other_incidents[{i}]", bg))
            for name in ("perpetrators", "targets", "victims", "weapons"):
                out.extend((f"other_incidents[{i}].{name}[{j}]", f) for j, f in enumerate(getattr(bg, name)))
        out.extend((f"uncertainties[{i}]", f) for i, f in enumerate(self.uncertainties))
        return out
