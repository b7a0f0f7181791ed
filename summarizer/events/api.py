"""Public entry points: :func:`build_event` (reports -> one event), :func:`summarize_event` (articles ->
one event, member reports and the event cached), :func:`summarize_events` (articles -> events)."""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..article import Article
from ..errors import InputError, SummarizerError
from ..schema import Category, IncidentReport
from ..version import __version__
from .brief import check_brief, write_brief
from .grouping import GroupingConfig, group_events
from .reconcile import ReconcileConfig, reconcile, statements
from .schema import EVENT_SCHEMA_VERSION, EventMemberInfo, EventReport, EventWarning, Member, Status

if TYPE_CHECKING:
    from ..pipeline import Summarizer

log = logging.getLogger(__name__)

Source = str | bytes | Article


def parse_time(value: object) -> datetime | None:
    """An ISO date-time (``2025-07-19T09:00:00+06:00``) or None; a bare date has no time."""
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str) or ("T" not in value and " " not in value.strip()):
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def event_id(keys: Sequence[str]) -> str:
    return "ev-" + hashlib.sha256("\n".join(sorted(keys)).encode()).hexdigest()[:16]


def build_event(members: Sequence[Member], *, reconcile_config: ReconcileConfig | None = None) -> EventReport:
    """Reconcile the members of one event and write its brief. Raises InputError on no members."""
    if not members:
        raise InputError("an event needs at least one article")
    warnings: list[EventWarning] = []
    incident_members = [m for m in members if m.report.is_incident and m.report.incident is not None]
    for m in members:
        if m not in incident_members:
            warnings.append(
                EventWarning(
                    code="not_incident", message=f"{m.id} ({m.outlet_name()}) reports no incident; left out"
                )
            )
    used = incident_members or list(members)
    fields = reconcile(used, reconcile_config)
    said, tallies = statements(used)
    outlets = sorted({m.outlet_name() for m in used})
    categories = Counter(m.report.incident.category for m in used if m.report.incident is not None)
    order = list(Category)
    category = min(categories, key=lambda c: (-categories[c], order.index(c))) if categories else None
    subtypes = Counter(
        m.report.incident.subtype.lower()
        for m in used
        if m.report.incident is not None and m.report.incident.subtype
    )
    subtype = min(subtypes, key=lambda s: (-subtypes[s], s)) if subtypes else None
    sentences = (
        write_brief(category, subtype, fields, said, tallies, len(outlets)) if incident_members else []
    )
    brief = " ".join(s.text for s in sentences)
    problems = check_brief(brief, fields, said, len(outlets)) if brief else []
    for p in problems:
        warnings.append(EventWarning(code="brief_check", field="brief", message=p))
    keys = [m.key or m.report.article.sha256 for m in members]
    return EventReport(
        schema_version=EVENT_SCHEMA_VERSION,
        event_id=event_id(keys),
        category=category,
        members=[
            EventMemberInfo(
                id=m.id,
                outlet=m.outlet_name(),
                title=m.report.article.title,
                url=m.report.article.url,
                published=m.published or m.report.article.published,
                published_at=m.published_at,
                key=m.key,
                category=m.report.incident.category if m.report.incident is not None else None,
                summary=m.report.summary,
            )
            for m in members
        ],
        outlets=outlets,
        fields=fields,
        statements=said,
        statement_tallies=tallies,
        conflicts=[
            name
            for name in ("killed", "injured", "date", "city", "country")
            if fields[name].status == Status.conflict
        ],
        brief=brief,
        brief_sentences=sentences,
        brief_problems=problems,
        warnings=warnings,
        engine=used[0].report.provenance.engine if used else None,
    )


# -- from articles ---------------------------------------------------------------------------------


class EventCache:
    """Event reports on disk (diskcache), keyed by the member reports' keys: adding an article to an
    event reuses every member report from the report cache and recomputes only the merge."""

    def __init__(self, directory: Path, enabled: bool = True) -> None:
        self.directory = Path(directory) / "events"
        self.enabled = enabled
        self._cache: Any = None

    def _open(self) -> Any:
        if not self.enabled:
            return None
        if self._cache is None:
            try:
                import diskcache

                self.directory.mkdir(parents=True, exist_ok=True)
                self._cache = diskcache.Cache(str(self.directory), size_limit=2**28)
            except Exception as exc:  # an unusable cache never stops a run
                log.warning("event cache unusable (%s); running uncached", exc)
                self.enabled = False
                return None
        return self._cache

    @staticmethod
    def key(member_keys: Sequence[str], params: dict[str, Any]) -> str:
        blob = json.dumps(
            {
                "members": sorted(member_keys),
                "params": params,
                "schema": EVENT_SCHEMA_VERSION,
                "v": __version__,
            },
            sort_keys=True,
            default=str,
        )
        return "event:" + hashlib.sha256(blob.encode()).hexdigest()

    def get(self, key: str) -> EventReport | None:
        cache = self._open()
        if cache is None:
            return None
        try:
            raw = cache.get(key)
            return EventReport.model_validate_json(raw) if raw is not None else None
        except Exception:
            return None

    def set(self, key: str, report: EventReport) -> None:
        cache = self._open()
        if cache is None:
            return
        try:
            cache.set(key, report.model_dump_json())
        except Exception as exc:
            log.warning("event cache write failed: %s", exc)

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()


def _published_at(source: Source) -> datetime | None:
    if isinstance(source, Article):
        return parse_time(source.extra.get("published_at"))
    return None


def member_from(
    summarizer: Summarizer,
    source: Source,
    *,
    id: str | None = None,
    published: str | date | None = None,
    published_at: datetime | None = None,
    use_cache: bool = True,
    refresh: bool = False,
) -> Member:
    """Summarize one article (through the report cache) into an event member with its cache key."""
    prepared = summarizer.prepare(source, published=published)
    key = summarizer.report_key(prepared)
    report: IncidentReport = summarizer.summarize(
        source, published=published, use_cache=use_cache, refresh=refresh
    )
    when = published_at or _published_at(source)
    article_id = id or (source.id if isinstance(source, Article) and source.id else None)
    # the report cache keys on the text, not on the outlet: the caller's outlet wins over a cached one
    given = source.outlet if isinstance(source, Article) else None
    return Member(
        id=article_id or f"sha256:{report.article.sha256[:16]}",
        report=report,
        outlet=given or report.article.outlet,
        published=report.article.published or (when.date() if when else None),
        published_at=when,
        text=prepared.text,
        key=key,
    )


def _summarizer(summarizer: Summarizer | None, engine: str | None, model: str | None) -> Summarizer:
    if summarizer is not None:
        return summarizer
    from ..pipeline import Summarizer

    return Summarizer(engine=engine, model=model)


def summarize_event(
    articles: Sequence[Source],
    *,
    summarizer: Summarizer | None = None,
    engine: str | None = None,
    model: str | None = None,
    published: str | date | None = None,
    use_cache: bool = True,
    refresh: bool = False,
    grouping: GroupingConfig | None = None,
    reconcile_config: ReconcileConfig | None = None,
    brief: Literal["auto", "rules", "llm"] = "auto",
) -> EventReport:
    """Several articles about one incident -> one :class:`EventReport`.

    ``brief``: ``rules`` writes the brief with code; ``llm`` (and ``auto`` with an LLM engine) asks
    the engine for one and keeps it only when the brief checker finds no unsupported number, no
    unattributed conflicted figure and no loaded word (otherwise the code's brief stays).

    Each article is summarized (member reports come from the report cache when present); the event
    is cached under its member reports' keys. When the articles seem to describe more than one
    incident the report says so in ``warnings`` (it still reconciles all of them).
    """
    if not articles:
        raise InputError("summarize_event needs at least one article")
    s = _summarizer(summarizer, engine, model)
    members: list[Member] = []
    for i, a in enumerate(articles):
        try:
            members.append(member_from(s, a, published=published, use_cache=use_cache, refresh=refresh))
        except SummarizerError as exc:
            raise type(exc)(f"article {i + 1}: {exc}") from exc
    _dedupe_ids(members)
    cache = EventCache(s.settings.cache_dir, enabled=use_cache and s.cache.enabled)
    params = {
        "grouping": (grouping or GroupingConfig()).model_dump(),
        "reconcile": (reconcile_config or ReconcileConfig()).model_dump(),
        "ids": [m.id for m in members],
        "outlets": [m.outlet for m in members],
        "times": [str(m.published_at) for m in members],
        "brief": brief if hasattr(s.engine, "_structured") else "rules",
    }
    key = EventCache.key([m.key or "" for m in members], params)
    if not refresh:
        hit = cache.get(key)
        if hit is not None:
            hit.cache_hit = True
            cache.close()
            return hit
    report = build_event(members, reconcile_config=reconcile_config)
    if brief != "rules" and hasattr(s.engine, "_structured"):
        from .llm_brief import llm_brief

        report = llm_brief(report, s.engine, s.params)
    elif brief == "llm":
        report.warnings.append(
            EventWarning(
                code="llm_brief_unavailable", field="brief", message=f"engine {s.engine.name} writes no brief"
            )
        )
    groups = [g for g in group_events(members, grouping) if g.is_incident]
    if len(groups) > 1:
        report.warnings.append(
            EventWarning(
                code="several_incidents",
                message="the articles may describe "
                f"{len(groups)} different incidents: " + " | ".join(", ".join(g.ids) for g in groups),
            )
        )
    cache.set(key, report)
    cache.close()
    return report


def _dedupe_ids(members: list[Member]) -> None:
    seen: Counter[str] = Counter()
    for m in members:
        seen[m.id] += 1
        if seen[m.id] > 1:
            m.id = f"{m.id}#{seen[m.id]}"


def summarize_events(
    members: Sequence[Member],
    *,
    grouping: GroupingConfig | None = None,
    reconcile_config: ReconcileConfig | None = None,
    min_size: int = 1,
) -> list[EventReport]:
    """Group members into events and build a report for every incident group of ``min_size`` or more."""
    out: list[EventReport] = []
    for g in group_events(members, grouping):
        if not g.is_incident or len(g.indices) < min_size:
            continue
        out.append(build_event([members[i] for i in g.indices], reconcile_config=reconcile_config))
    return out
