"""``summarizer eval events``: grouping and reconciliation quality against a gold file of events.

Gold events (JSONL, one event a line)::

    {"event_id": str, "members": [article ids],
     "consolidated": {"killed": COUNT | [COUNT, ...] | null, "injured": same,
                      "date": [ISO dates or null], "city": [names or null], "country": [names or null]},
     "conflicts": ["killed" | "injured" | "date" | "city" | "country", ...],
     "brief_must_include": [[alternatives], ...], "brief_must_not_include": [strings]}

    COUNT = {"value": int, "qualifier": "exact|at_least|more_than|about|up_to"} | {"low": int, "high": int | null}

Articles come from one or more article gold files (the usual format: ``id``, ``text``, ``outlet``,
``published``, optionally ``published_at``); an article in no gold event is an event of its own.

Metrics: B-cubed precision/recall/F1 of :func:`group_events` over every article id; per-field
consolidated accuracy and conflict-detection precision/recall of :func:`build_event` run on each gold
event's members (so grouping mistakes do not hide reconciliation quality, and vice versa); brief
checks (must-include, must-not-include, brief-checker problems, and the share of briefs that state a
value of a field in conflict, per the gold or the report, without naming the outlet that gave it).
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from datetime import date as Date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..article import Article
from ..errors import InputError
from ..evaluation.gold import load_gold
from ..evaluation.matching import contains_phrase, place_matches
from ..schema import Qualifier
from .api import build_event, member_from, parse_time
from .brief import unattributed_conflicts
from .grouping import group_events
from .schema import ConsolidatedCount, EventReport, Member, ReconciledField, Status

CONFLICT_FIELDS = ("killed", "injured", "date", "city", "country")
ACCURACY_FIELDS = ("killed", "injured", "date", "city", "country")


class GoldCountSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    value: int | None = None
    qualifier: Qualifier | None = None
    low: int | None = None
    high: int | None = None

    def matches(self, c: ConsolidatedCount | None) -> bool:
        if c is None:
            return self.value == 0 and self.qualifier in (None, Qualifier.exact)
        if self.value is not None:
            return c.value == self.value and c.qualifier == (self.qualifier or Qualifier.exact)
        return c.low == self.low and c.high == self.high


def _no_date() -> list[Date | None]:
    return [None]


def _no_place() -> list[str | None]:
    return [None]


class GoldConsolidated(BaseModel):
    model_config = ConfigDict(extra="ignore")

    killed: list[GoldCountSpec] | None = None
    injured: list[GoldCountSpec] | None = None
    date: list[Date | None] = Field(default_factory=_no_date)
    city: list[str | None] = Field(default_factory=_no_place)
    country: list[str | None] = Field(default_factory=_no_place)

    @field_validator("killed", "injured", mode="before")
    @classmethod
    def _counts(cls, v: Any) -> Any:
        return [v] if isinstance(v, dict) else v

    @field_validator("date", "city", "country", mode="before")
    @classmethod
    def _options(cls, v: Any) -> Any:
        if v is None:
            return [None]
        return [v] if isinstance(v, str) else v


class GoldEvent(BaseModel):
    model_config = ConfigDict(extra="ignore")

    event_id: str
    members: list[str] = Field(min_length=1)
    consolidated: GoldConsolidated
    conflicts: list[str] = Field(default_factory=list)
    brief_must_include: list[list[str]] = Field(default_factory=list)
    brief_must_not_include: list[str] = Field(default_factory=list)


def load_event_gold(path: str | Path) -> list[GoldEvent]:
    file = Path(path)
    if not file.is_file():
        raise InputError(f"no such event gold file: {file}")
    out: list[GoldEvent] = []
    seen: set[str] = set()
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            event = GoldEvent.model_validate(json.loads(line))
        except json.JSONDecodeError as exc:
            raise InputError(f"{file}:{number}: not valid JSON ({exc.msg})") from None
        except ValidationError as exc:
            problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:3])
            raise InputError(f"{file}:{number}: {problems}") from None
        bad = [f for f in event.conflicts if f not in CONFLICT_FIELDS]
        if bad:
            raise InputError(f"{file}:{number}: unknown conflict field(s) {bad}; use {list(CONFLICT_FIELDS)}")
        overlap = seen & set(event.members)
        if overlap:
            raise InputError(f"{file}:{number}: article(s) {sorted(overlap)} already belong to another event")
        seen |= set(event.members)
        out.append(event)
    if not out:
        raise InputError(f"{file}: no gold events")
    return out


def bcubed(predicted: Sequence[Sequence[str]], gold: Sequence[Sequence[str]]) -> dict[str, float]:
    """B-cubed precision, recall and F1 over the items of ``gold`` (every item in exactly one cluster)."""
    pred_of = {i: frozenset(c) for c in predicted for i in c}
    gold_of = {i: frozenset(c) for c in gold for i in c}
    items = sorted(gold_of)
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    p = r = 0.0
    for i in items:
        pc = pred_of.get(i, frozenset({i}))
        gc = gold_of[i]
        both = len(pc & gc)
        p += both / len(pc)
        r += both / len(gc)
    p, r = p / len(items), r / len(items)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1}


def score_event(report: EventReport, gold: GoldEvent) -> dict[str, Any]:
    g = gold.consolidated
    scores: dict[str, bool] = {}
    for name in ("killed", "injured"):
        options: list[GoldCountSpec] | None = getattr(g, name)
        got = report.fields[name].count if report.fields[name].sources else None
        if options is None:
            scores[name] = got is None or (got.value == 0 and got.qualifier == Qualifier.exact)
        else:
            scores[name] = any(o.matches(got) for o in options)
    d = report.fields["date"].date
    scores["date"] = (d in g.date) if d is not None else (None in g.date)
    scores["city"] = place_matches(report.fields["city"].consolidated, g.city)
    scores["country"] = place_matches(report.fields["country"].consolidated, g.country, country=True)
    predicted = set(report.conflicts)
    expected = set(gold.conflicts)
    brief = report.brief
    unattributed = _unattributed(report, expected | predicted)
    include = [any(contains_phrase(brief, alt) for alt in group) for group in gold.brief_must_include]
    exclude = [not contains_phrase(brief, phrase) for phrase in gold.brief_must_not_include]
    return {
        "fields": scores,
        "conflicts": {
            "predicted": sorted(predicted),
            "expected": sorted(expected),
            "tp": len(predicted & expected),
            "fp": len(predicted - expected),
            "fn": len(expected - predicted),
        },
        "brief": {
            "must_include": all(include) if include else None,
            "must_not_include": all(exclude) if exclude else None,
            "problems": list(report.brief_problems),
            "unattributed": unattributed,
            "sentences": len(report.brief_sentences),
        },
    }


def _unattributed(report: EventReport, conflicted: set[str]) -> list[str]:
    """Values of a field in conflict (by the gold or by the report) that the brief states without the
    outlet that gave them: every current source of such a field must be attributed."""
    fields: dict[str, ReconciledField] = {}
    for name in sorted(conflicted):
        f = report.fields.get(name)
        if f is None:
            continue
        sources = [
            s if s.status == Status.superseded else s.model_copy(update={"status": Status.conflict})
            for s in f.sources
        ]
        fields[name] = f.model_copy(update={"status": Status.conflict, "sources": sources})
    return unattributed_conflicts(report.brief, fields)


def _rate(hits: int, n: int) -> float | None:
    return hits / n if n else None


def load_articles(paths: Sequence[str | Path]) -> list[tuple[Article, Any]]:
    """(article, raw published_at) from article gold files, in file order."""
    out: list[tuple[Article, Any]] = []
    seen: set[str] = set()
    for path in paths:
        records = load_gold(path)
        raw = {}
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                data = json.loads(line)
                raw[str(data.get("id"))] = data.get("published_at")
        for rec in records:
            if rec.id in seen:
                raise InputError(f"{path}: article id {rec.id!r} appears in two article files")
            seen.add(rec.id)
            out.append((rec.article(), raw.get(rec.id)))
    return out


def run_event_eval(
    gold_path: str | Path,
    article_paths: Sequence[str | Path],
    out: str | Path,
    summarizer: Any,
    *,
    use_cache: bool = True,
) -> dict[str, Any]:
    started = time.perf_counter()
    events = load_event_gold(gold_path)
    articles = load_articles(article_paths)
    ids = {a.id for a, _ in articles}
    missing = sorted({i for e in events for i in e.members} - ids)
    if missing:
        raise InputError(f"gold events name article ids not in the article files: {missing[:10]}")
    members: list[Member] = []
    errors: dict[str, str] = {}
    by_id: dict[str, Member] = {}
    for article, at in articles:
        try:
            m = member_from(
                summarizer, article, id=article.id, published_at=parse_time(at), use_cache=use_cache
            )
        except Exception as exc:  # an article that fails is an error row, and a singleton
            errors[str(article.id)] = f"{type(exc).__name__}: {exc}"
            continue
        members.append(m)
        by_id[m.id] = m
    t0 = time.perf_counter()
    groups = group_events(members)
    grouping_seconds = time.perf_counter() - t0
    predicted = [g.ids for g in groups] + [[i] for i in errors]
    in_events = {i for e in events for i in e.members}
    gold_clusters = [e.members for e in events] + [[str(a.id)] for a, _ in articles if a.id not in in_events]
    b3 = bcubed(predicted, gold_clusters)
    rows: list[dict[str, Any]] = []
    field_hits = dict.fromkeys(ACCURACY_FIELDS, 0)
    field_n = dict.fromkeys(ACCURACY_FIELDS, 0)
    tp = fp = fn = 0
    inc_pass = inc_n = exc_pass = exc_n = problems = unattributed = 0
    for e in events:
        ms = [by_id[i] for i in e.members if i in by_id]
        if not ms:
            for f in ACCURACY_FIELDS:
                field_n[f] += 1
            fn += len(e.conflicts)
            rows.append(
                {"event_id": e.event_id, "status": "error", "message": "no member could be summarized"}
            )
            continue
        report = build_event(ms)
        s = score_event(report, e)
        for f, ok in s["fields"].items():
            field_n[f] += 1
            field_hits[f] += int(ok)
        tp += s["conflicts"]["tp"]
        fp += s["conflicts"]["fp"]
        fn += s["conflicts"]["fn"]
        b = s["brief"]
        if b["must_include"] is not None:
            inc_n += 1
            inc_pass += int(b["must_include"])
        if b["must_not_include"] is not None:
            exc_n += 1
            exc_pass += int(b["must_not_include"])
        problems += int(bool(b["problems"]))
        unattributed += int(bool(b["unattributed"]))
        rows.append(
            {"event_id": e.event_id, "status": "ok", "scores": s, "report": report.model_dump(mode="json")}
        )
    precision = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    recall = tp / (tp + fn) if tp + fn else 1.0
    metrics: dict[str, Any] = {
        "run": {
            "gold": str(gold_path),
            "articles": [str(p) for p in article_paths],
            "engine": getattr(summarizer.engine, "name", None),
            "model": getattr(summarizer.engine, "model", None),
            "n_articles": len(articles),
            "n_events": len(events),
            "errors": errors,
        },
        "grouping": {**b3, "predicted_groups": len(groups), "seconds": grouping_seconds},
        "consolidated": {f: _rate(field_hits[f], field_n[f]) for f in ACCURACY_FIELDS},
        "conflicts": {"precision": precision, "recall": recall, "tp": tp, "fp": fp, "fn": fn},
        "brief": {
            "must_include": _rate(inc_pass, inc_n),
            "must_not_include": _rate(exc_pass, exc_n),
            "checker_problem_rate": _rate(problems, len(events)),
            "unattributed_conflict_rate": _rate(unattributed, len(events)),
        },
        "seconds": time.perf_counter() - started,
    }
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    with (folder / "events.jsonl").open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    with (folder / "groups.jsonl").open("w", encoding="utf-8") as handle:
        for g in groups:
            handle.write(json.dumps({"ids": g.ids, "is_incident": g.is_incident}) + "\n")
    return metrics
