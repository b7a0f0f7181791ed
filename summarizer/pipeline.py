"""The pipeline: article -> prompt -> engine -> validated report -> checks -> cache.

:class:`Summarizer` holds settings, one engine and the cache; ``summarize``/``asummarize`` and
``summarize_many`` are the convenience functions most callers use.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Literal
from urllib.parse import urlsplit

from . import __version__
from .article import Article, PreparedArticle, prepare_article
from .cache import ReportCache, cache_key
from .checker import check_report
from .engines.base import (
    Engine,
    EngineResult,
    ExtractionRequest,
    GenerationParams,
    RevisesSummary,
    create_engine,
)
from .errors import SummarizerError
from .neutrality import clean_summary, find_loaded_terms
from .normalize.dates import find_dateline_date
from .prompting import PromptTemplate, load_prompt
from .report import ReportBuilder
from .schema import IncidentReport, Neutrality, Provenance, ReportWarning
from .settings import Settings

log = logging.getLogger(__name__)

Source = str | bytes | Article


class Summarizer:
    """A reusable summarizer: one engine, one prompt, one cache. Thread-safe for concurrent calls."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        engine: str | Engine | None = None,
        model: str | None = None,
        prompt_version: str | None = None,
        cache: bool | None = None,
    ) -> None:
        self.settings = settings or Settings()
        if model:
            self.settings = self.settings.model_copy(update={"model": model})
        if isinstance(engine, str) or engine is None:
            self.engine: Engine = create_engine(self.settings.resolved_engine(engine), self.settings)
        else:
            self.engine = engine
        self.prompt: PromptTemplate = load_prompt(
            "extract",
            prompt_version or self.settings.prompt_version,
            str(self.settings.prompts_dir) if self.settings.prompts_dir else None,
        )
        self.params = GenerationParams(
            temperature=self.settings.temperature,
            max_tokens=self.settings.max_tokens,
            max_reasks=self.settings.max_reasks,
        )
        enabled = self.settings.cache_enabled if cache is None else cache
        self.cache = ReportCache(self.settings.cache_dir, enabled=enabled)

    # -- public API -------------------------------------------------------------------------------
    def summarize(
        self,
        source: Source,
        *,
        published: str | date | None = None,
        use_cache: bool = True,
        refresh: bool = False,
    ) -> IncidentReport:
        """Summarize one article. Raises a :class:`SummarizerError` subclass on bad input or failure."""
        started = time.perf_counter()
        prepared = prepare_article(
            source,
            published=published,
            max_chars=self.settings.max_chars,
            max_input_bytes=self.settings.max_input_bytes,
        )
        reference = prepared.meta.published
        warnings = list(prepared.warnings)
        if reference is None:
            dateline = find_dateline_date(prepared.text)
            if dateline is not None:
                reference = dateline
                warnings.append(
                    ReportWarning(
                        code="published_from_text",
                        message=f"no publication date given; relative dates resolved against {dateline} found in the text",
                    )
                )
        key = self._key(prepared, reference)
        if use_cache and not refresh:
            hit = self.cache.get(key)
            if hit is not None:
                hit.provenance.cache_hit = True
                hit.provenance.latency_ms = (time.perf_counter() - started) * 1000
                return hit
        report = self._run(prepared, reference, warnings, started)
        if self.cache.problem:
            report.warnings.append(ReportWarning(code="cache_unavailable", message=self.cache.problem))
        elif use_cache:
            self.cache.set(key, report)
        return report

    async def asummarize(self, source: Source, **kwargs: object) -> IncidentReport:
        """Async variant: runs the blocking pipeline in a worker thread."""
        return await asyncio.to_thread(self.summarize, source, **kwargs)  # type: ignore[arg-type]

    def summarize_many(
        self,
        articles: Iterable[Source],
        *,
        concurrency: int = 4,
        published: str | date | None = None,
        use_cache: bool = True,
    ) -> list[IncidentReport | SummarizerError]:
        """Summarize many articles; results in input order, per-article errors as values."""
        items: Sequence[Source] = list(articles)

        def one(item: Source) -> IncidentReport | SummarizerError:
            try:
                return self.summarize(item, published=published, use_cache=use_cache)
            except SummarizerError as exc:
                return exc
            except Exception as exc:  # never let one article abort the batch
                log.exception("unexpected error while summarizing")
                return SummarizerError(f"unexpected {type(exc).__name__}: {exc}", cause=repr(exc))

        if concurrency <= 1 or len(items) <= 1:
            return [one(i) for i in items]
        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            return list(pool.map(one, items))

    # -- internals ----------------------------------------------------------------------------------
    @property
    def _uses_prompt(self) -> bool:
        return bool(getattr(self.engine, "uses_prompt", True))

    def _prompt_fields(self) -> tuple[str, str, str]:
        if not self._uses_prompt:
            return "none", "-", "-"
        return self.prompt.name, self.prompt.version, self.prompt.short_hash

    def _key(self, prepared: PreparedArticle, reference: date | None) -> str:
        name, version, _ = self._prompt_fields()
        return cache_key(
            engine=self.engine.name,
            model=self.engine.model,
            server=self.engine.server,
            prompt=[name, version, self.prompt.sha256 if self._uses_prompt else "-"],
            schema=IncidentReport.model_fields["schema_version"].default,
            checker=self.settings.checker,
            text=prepared.text,
            published=str(reference),
            title=prepared.meta.title,
            params=self.params.key(),
            summarizer=__version__,
        )

    def _run(
        self, prepared: PreparedArticle, reference: date | None, warnings: list[ReportWarning], started: float
    ) -> IncidentReport:
        meta = prepared.meta
        messages = (
            self.prompt.render(
                article_text=prepared.text,
                title=meta.title,
                outlet=meta.outlet,
                published=reference.isoformat() if reference else None,
            )
            if self._uses_prompt
            else []
        )
        request = ExtractionRequest(
            text=prepared.text, messages=messages, published=reference, title=meta.title, params=self.params
        )
        result = self.engine.extract(request)
        name, version, digest = self._prompt_fields()
        provenance = Provenance(
            engine=self.engine.name,
            model=self.engine.model,
            server=_host(self.engine.server),
            prompt_name=name,
            prompt_version=version,
            prompt_hash=digest,
            summarizer_version=__version__,
            tokens_in=result.tokens_in,
            tokens_out=result.tokens_out,
            attempts=result.attempts,
            checker=self.settings.checker,
        )
        builder = ReportBuilder(prepared.text, reference)
        report = builder.build(result.draft, meta, provenance, warnings)
        report = self._neutralize(report, request, result)
        if not getattr(self.engine, "self_checked", False):
            report = check_report(report, prepared.text, self.settings.checker, copy=False)
        report.provenance.latency_ms = (time.perf_counter() - started) * 1000
        return report

    def _neutralize(
        self, report: IncidentReport, request: ExtractionRequest, result: EngineResult
    ) -> IncidentReport:
        terms = find_loaded_terms(report.summary)
        if not terms:
            report.neutrality = Neutrality(neutral=True)
            return report
        action: Literal["none", "reasked", "cleaned", "flagged"] = "cleaned"
        summary = report.summary
        if isinstance(self.engine, RevisesSummary):
            try:
                revised = self.engine.revise_summary(request, summary, terms)
                report.provenance.tokens_in += revised.tokens_in
                report.provenance.tokens_out += revised.tokens_out
                report.provenance.attempts += revised.attempts
                summary = (
                    ReportBuilder(request.text, request.published)._summary(revised.draft.summary) or summary
                )
                action = "reasked"
            except SummarizerError as exc:
                report.warnings.append(ReportWarning(code="reask_failed", field="summary", message=str(exc)))
        remaining = find_loaded_terms(summary)
        if remaining:
            summary = clean_summary(summary)
            action = "cleaned"
            remaining = find_loaded_terms(summary)
        report.summary = summary
        report.neutrality = Neutrality(
            neutral=not remaining, loaded_terms=sorted(set(terms)), action="flagged" if remaining else action
        )
        report.warnings.append(
            ReportWarning(
                code="loaded_language",
                field="summary",
                message=f"loaded words in the engine's summary ({', '.join(sorted(set(terms)))}): {report.neutrality.action}",
            )
        )
        return report


def _host(server: str | None) -> str | None:
    if not server:
        return None
    parts = urlsplit(server)
    return parts.netloc.rsplit("@", 1)[-1] or server


_DEFAULT: dict[tuple[str | None, str | None], Summarizer] = {}


def _default(engine: str | None, model: str | None) -> Summarizer:
    key = (engine, model)
    if key not in _DEFAULT:
        _DEFAULT[key] = Summarizer(engine=engine, model=model)
    return _DEFAULT[key]


def summarize(
    source: Source,
    *,
    engine: str | None = None,
    model: str | None = None,
    published: str | date | None = None,
    use_cache: bool = True,
) -> IncidentReport:
    """Summarize one article with the configured (or given) engine. See :class:`Summarizer`."""
    return _default(engine, model).summarize(source, published=published, use_cache=use_cache)


async def asummarize(
    source: Source,
    *,
    engine: str | None = None,
    model: str | None = None,
    published: str | date | None = None,
    use_cache: bool = True,
) -> IncidentReport:
    return await _default(engine, model).asummarize(source, published=published, use_cache=use_cache)


def summarize_many(
    articles: Iterable[Source],
    *,
    engine: str | None = None,
    model: str | None = None,
    concurrency: int = 4,
) -> list[IncidentReport | SummarizerError]:
    return _default(engine, model).summarize_many(articles, concurrency=concurrency)
