"""The pipeline: article -> prompt -> engine -> validated report -> checks -> cache.

:class:`Summarizer` holds settings, one engine and the cache; ``summarize``/``asummarize`` and
``summarize_many`` are the convenience functions most callers use.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .article import Article, PreparedArticle, describe_language, prepare_article
from .cache import ReportCache, cache_key, fits_text
from .engines import (
    Engine,
    EngineResult,
    ExtractionRequest,
    GenerationParams,
    RevisedSummary,
    SummaryReviser,
    create_engine,
)
from .engines.base import AsyncCapable, AsyncSession
from .engines.registry import check_engine
from .errors import ConfigError, SummarizerError
from .schema import CrossCheck, IncidentReport, Provenance, ReportWarning
from .settings import Settings
from .version import __version__

if TYPE_CHECKING:
    from .neutrality import Reviser
    from .prompting import PromptFingerprint
    from .ratelimit import RateLimiter

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
        if self.settings.checker not in ("strict", "flag", "off"):  # model_copy(update=...) skips validation
            raise ConfigError(
                f"checker {self.settings.checker!r}: choose one of strict, flag, off", "SUMMARIZER_CHECKER"
            )
        updates: dict[str, object] = {}
        if model:
            updates["model"] = model
        if prompt_version:
            updates["prompt_version"] = prompt_version
        if updates:
            self.settings = self.settings.model_copy(update=updates)
        self._engine_name: str | None = None  # set when the engine was created by name
        if isinstance(engine, str) or engine is None:
            self._engine_name = self.settings.resolved_engine(engine)
            self.engine: Engine = create_engine(self._engine_name, self.settings)
        else:
            if prompt_version:
                raise ConfigError(
                    "prompt_version selects the template of an engine created by name, not of an instance"
                )
            check_engine(engine, type(engine).__name__)
            self.engine = engine
        self.params = GenerationParams(
            temperature=self.settings.temperature,
            max_tokens=self.settings.max_tokens,
            max_reasks=self.settings.reasks_for(self.engine.name),
        )
        self._rules: Engine | None = None  # the cross-check's offline engine, made on first use
        self._rules_memo: dict[tuple[str, date | None, str | None], EngineResult] = {}
        self._rules_lock = threading.Lock()
        enabled = self.settings.cache_enabled if cache is None else cache
        if self.settings.record_dir or self.settings.replay_dir:
            enabled = False  # a recording must call the model; a replay re-runs every step after it
        self._cache_enabled = enabled
        self.cache = ReportCache(self.settings.cache_dir, enabled=enabled)

    def worker_factory(self) -> Callable[[], Summarizer] | None:
        """A picklable recipe that builds the same summarizer in another process, or None when
        this one cannot be rebuilt there (an engine passed as an instance)."""
        if self._engine_name is None:
            return None
        return functools.partial(_rebuild, self.settings, self._engine_name, self._cache_enabled)

    def process_workers(self, concurrency: int, jobs: int) -> int:
        """How many worker processes a run of ``jobs`` articles should use: one per core (at most
        ``concurrency``) for an engine whose profile says ``cpu_bound``, else 0 (threads)."""
        from .workers import MIN_JOBS_FOR_PROCESSES, cpu_count

        if not self.engine.profile.cpu_bound or self.worker_factory() is None:
            return 0
        if concurrency <= 1 or jobs < MIN_JOBS_FOR_PROCESSES:
            return 0
        workers = min(concurrency, cpu_count())
        return workers if workers > 1 else 0

    def async_workers(self, concurrency: int, jobs: int) -> int:
        """How many worker processes, each with its own event loop, a run of ``jobs`` articles on
        the async LLM path uses (:mod:`summarizer.aio_workers`); 0: one event loop in this process.
        ``Settings.async_processes`` when set (at most ``concurrency``); else one per core as long
        as each gets at least :data:`CALLS_PER_PROCESS` of the ``concurrency`` calls in flight and
        the run has :data:`~summarizer.workers.MIN_JOBS_FOR_PROCESSES` articles. Never for a
        summarizer that cannot be rebuilt in another process, nor for a recording or replay."""
        from .workers import MIN_JOBS_FOR_PROCESSES, cpu_count

        if not self.async_capable() or self.worker_factory() is None:
            return 0
        if self.settings.record_dir or self.settings.replay_dir:  # the cassette's calls stay here
            return 0
        chosen = self.settings.async_processes
        if chosen is not None:
            workers = min(concurrency, chosen)
        elif jobs < MIN_JOBS_FOR_PROCESSES:
            workers = 0
        else:
            workers = min(cpu_count(), concurrency // CALLS_PER_PROCESS)
        return workers if workers > 1 else 0

    def preload(self) -> None:
        """Load in this process what finishing a report needs (the modules of grounding,
        neutrality and the checker, the gazetteer, their compiled patterns), by finishing one
        made-up report: worker processes forked after it share all that (copy-on-write) instead of
        each loading it again on its first article. Nothing is sent to the engine or cached."""
        from .engines.base import EngineResult
        from .schema import Draft

        text = "A fire at a warehouse in Lyon, France, injured 2 workers on Tuesday, firefighters said."
        draft = Draft.model_validate(
            {
                "is_incident": True,
                "category": "fire",
                "location": {
                    "city": "Lyon",
                    "country": "France",
                    "as_stated": "Lyon",
                    "quote": "in Lyon, France",
                },
                "injured": {
                    "value": 2,
                    "qualifier": "exact",
                    "as_stated": "2 workers",
                    "quote": "injured 2 workers",
                },
                "summary": "A fire at a warehouse in Lyon injured 2 workers, firefighters said.",
            }
        )
        prepared = self.prepare(text, published="2024-01-02")
        result = EngineResult(draft=draft, tokens_in=0, tokens_out=0, attempts=0)
        self._build_and_finish(prepared, self.request(prepared), result, time.perf_counter(), False)
        engine_preload = getattr(self.engine, "preload", None)  # the engine's own (its async client)
        if engine_preload is not None:
            engine_preload()

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
        prepared = self.prepare(source, published=published)
        if use_cache and not refresh:
            hit = self.cached(prepared, started)
            if hit is not None:
                return hit
        return self._store(prepared, self._run(prepared, started), use_cache)

    # -- the steps, callable one by one (the Batch API runner sends the engine call elsewhere) ----
    def prepare(self, source: Source, *, published: str | date | None = None) -> PreparedArticle:
        """The exact text the engine sees, its metadata and reference date (may raise InputError)."""
        return prepare_article(
            source,
            published=published,
            max_chars=self.settings.max_chars,
            max_input_bytes=self.settings.max_input_bytes,
        )

    def cached(self, prepared: PreparedArticle, started: float | None = None) -> IncidentReport | None:
        """The cached report for this article, checked against its text, or None."""
        started = time.perf_counter() if started is None else started
        hit = self.cache.get(self.report_key(prepared))
        if hit is not None and fits_text(hit, prepared.text):
            hit.article = prepared.meta.model_copy()
            hit.provenance.cache_hit = True
            hit.provenance.latency_ms = (time.perf_counter() - started) * 1000
            return hit.with_article_text(prepared.text)
        return None

    def request(self, prepared: PreparedArticle) -> ExtractionRequest:
        """What the engine is asked for this article."""
        meta = prepared.meta
        return ExtractionRequest(
            text=prepared.text,
            reference_date=prepared.reference_date,
            title=meta.title,
            outlet=meta.outlet,
            params=self.params,
        )

    def finish(
        self, prepared: PreparedArticle, result: EngineResult, *, use_cache: bool = True
    ) -> IncidentReport:
        """An engine result obtained elsewhere (a Batch API response) through the same steps as a
        synchronous call: grounding, neutrality, checker, then the cache."""
        started = time.perf_counter()
        return self._store(
            prepared, self._complete(prepared, self.request(prepared), result, started), use_cache
        )

    def _store(self, prepared: PreparedArticle, report: IncidentReport, use_cache: bool) -> IncidentReport:
        if self.cache.problem:
            report.warnings.append(ReportWarning(code="cache_unavailable", message=self.cache.problem))
        elif use_cache:
            self.cache.set(self.report_key(prepared), report)
        return report.with_article_text(prepared.text)

    async def asummarize(self, source: Source, **kwargs: object) -> IncidentReport:
        """Async variant: runs the blocking pipeline in a worker thread."""
        import asyncio

        return await asyncio.to_thread(self.summarize, source, **kwargs)  # type: ignore[arg-type]

    def summarize_many(
        self,
        articles: Iterable[Source],
        *,
        concurrency: int = 4,
        published: str | date | None = None,
        use_cache: bool = True,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> list[IncidentReport | SummarizerError]:
        """Summarize many articles; results in input order, per-article errors as values.

        ``on_progress(finished, total)`` is called once per finished article (from the calling
        thread, in completion order).
        """
        items: Sequence[Source] = list(articles)
        total = len(items)

        def one(item: Source) -> IncidentReport | SummarizerError:
            return _summarize_one(self, (item, published, use_cache))

        results: list[IncidentReport | SummarizerError | None] = [None] * total
        if total and self.async_capable():  # an LLM engine: one event loop, async I/O, rate limits
            from .aio import run_async

            finished = 0

            async def call(
                session: AsyncSession, job: tuple[int, Source]
            ) -> tuple[int, IncidentReport | SummarizerError]:
                n, item = job
                return n, await _asummarize_one(self, session, (item, published, use_cache))

            def sink(result: tuple[int, IncidentReport | SummarizerError]) -> None:
                nonlocal finished
                results[result[0]] = result[1]
                finished += 1
                if on_progress is not None:
                    on_progress(finished, total)

            if run_async(self, enumerate(items), concurrency, call, sink):
                return [r if r is not None else SummarizerError("no result") for r in results]
        if concurrency <= 1 or total <= 1:
            for n, item in enumerate(items):
                results[n] = one(item)
                if on_progress is not None:
                    on_progress(n + 1, total)
            return [r if r is not None else SummarizerError("no result") for r in results]
        workers = self.process_workers(concurrency, total)
        factory = self.worker_factory()
        if workers and factory is not None:  # a CPU-bound engine: one process per core
            from .workers import WorkerCrash, WorkerPool

            with WorkerPool(factory, _summarize_one, workers) as processes:
                jobs = ((n, (item, published, use_cache)) for n, item in enumerate(items))
                for finished, (n, result) in enumerate(processes.imap_unordered(jobs), 1):
                    if isinstance(result, WorkerCrash):
                        results[n] = SummarizerError(result.describe())
                    elif isinstance(result, str):
                        results[n] = SummarizerError(f"unexpected error in a worker: {result}")
                    else:
                        results[n] = result
                    if on_progress is not None:
                        on_progress(finished, total)
        else:
            with ThreadPoolExecutor(max_workers=concurrency) as pool:
                futures = {pool.submit(one, item): n for n, item in enumerate(items)}
                for finished, future in enumerate(as_completed(futures), 1):
                    results[futures[future]] = future.result()
                    if on_progress is not None:
                        on_progress(finished, total)
        return [r if r is not None else SummarizerError("no result") for r in results]

    @property
    def prompt(self) -> PromptFingerprint | None:
        """The prompt the engine renders (None for an engine that reads no prompt)."""
        return self.engine.prompt if self.engine.profile.uses_prompt else None

    def report_key(self, prepared: PreparedArticle) -> str:
        """The report cache key of a prepared article (see :meth:`prepare`): engine, model, server,
        prompt fingerprint, schema, checker, exact text, reference date, title and parameters. Two
        calls that would produce the same report share it (an event is cached under its members')."""
        prompt = self.prompt
        return cache_key(
            engine=self.engine.name,
            model=self.engine.model,
            server=self.engine.server,
            prompt=[prompt.name, prompt.version, prompt.sha256] if prompt else ["none", "-", "-"],
            schema=IncidentReport.model_fields["schema_version"].default,
            checker=self.settings.checker,
            cross_check=self.settings.cross_check,
            text=prepared.text,
            published=str(prepared.reference_date),
            title=prepared.meta.title,
            params=self.params.key(),
            summarizer=__version__,
        )

    # -- the steps, in order ----------------------------------------------------------------------
    def _run(self, prepared: PreparedArticle, started: float) -> IncidentReport:
        """engine -> grounded report (summary tidied) -> neutrality -> checker."""
        request = self.request(prepared)
        return self._complete(prepared, request, self.engine.extract(request), started)

    def _complete(
        self, prepared: PreparedArticle, request: ExtractionRequest, result: EngineResult, started: float
    ) -> IncidentReport:
        report = self._build(prepared, result)
        return self._finish(prepared, request, report, self._reviser(request, report), started)

    def _build(self, prepared: PreparedArticle, result: EngineResult) -> IncidentReport:
        """The engine's draft grounded into a report (quotes located, summary tidied)."""
        # imported here: a cached report needs none of them (nor the normalizers they load)
        from .report import ReportBuilder

        builder = ReportBuilder(prepared.text, prepared.reference_date)
        return builder.build(result.draft, prepared.meta, self._provenance(result), list(prepared.warnings))

    def _finish(
        self,
        prepared: PreparedArticle,
        request: ExtractionRequest,
        report: IncidentReport,
        reviser: Reviser | None,
        started: float,
        terms: list[str] | None = None,
    ) -> IncidentReport:
        """neutrality (with its one re-ask through ``reviser``) -> checker -> cross-check.
        ``terms``: the loaded terms of ``report.summary`` when already found (not scanned again)."""
        from .neutrality import neutralize_summary

        neutral = neutralize_summary(report.summary, reviser, terms=terms)
        report.summary = neutral.summary
        report.neutrality = neutral.neutrality
        report.warnings.extend(neutral.warnings)
        if not self.engine.profile.self_checked:
            from .checker import check_report  # a self-checked engine (rules) never loads the checker

            report = check_report(report, prepared.text, self.settings.checker, copy=False)
        if self.settings.cross_check and not self.engine.profile.self_checked:
            report.cross_check = self._cross_check(request, prepared, report)
        report = unsupported_language(report, self.engine)
        report.provenance.latency_ms = (time.perf_counter() - started) * 1000
        return report

    # -- the async path (many articles on one event loop; see summarizer.aio) ---------------------
    def async_capable(self) -> bool:
        """Whether many-article runs may take the async path: async I/O on in the settings and an
        engine that waits on a server and has async calls (see :meth:`open_async`)."""
        engine = self.engine
        return self.settings.async_io and not engine.profile.cpu_bound and isinstance(engine, AsyncCapable)

    def open_async(self, limiter: RateLimiter) -> AsyncSession | None:
        """An async session of this summarizer's engine for the running event loop, or None when
        the sync path applies (see :meth:`async_capable`; also a recording being written or
        replayed)."""
        if not self.async_capable():
            return None
        engine = self.engine
        assert isinstance(engine, AsyncCapable)
        return engine.open_async(limiter)

    async def asummarize_in(
        self,
        session: AsyncSession,
        source: Source,
        *,
        published: str | date | None = None,
        use_cache: bool = True,
        refresh: bool = False,
    ) -> IncidentReport:
        """:meth:`summarize` with the model calls made through ``session`` (async I/O): the same
        cache, grounding, neutrality re-ask, checker and cross-check, the same report."""
        import asyncio

        started = time.perf_counter()
        prepared = self.prepare(source, published=published)
        if use_cache and not refresh:
            hit = self.cached(prepared, started)
            if hit is not None:
                return hit
        request = self.request(prepared)
        result = await session.extract(request)
        # the CPU work off the loop (the run's helper thread: see summarizer.aio), which meanwhile
        # sends and reads other articles' calls; one hand-over unless the summary needs a rewrite
        report, terms, done = await asyncio.to_thread(
            self._build_and_finish, prepared, request, result, started, use_cache
        )
        if done is not None:
            return done
        try:  # the neutrality step will ask for exactly this rewrite: make it now, async
            revised: RevisedSummary | SummarizerError = await session.revise_summary(
                request, report.summary, terms
            )
        except SummarizerError as exc:
            revised = exc
        reviser = self._prefetched(report, revised)

        def finish() -> IncidentReport:
            finished = self._finish(prepared, request, report, reviser, started, terms)
            return self._store(prepared, finished, use_cache)

        return await asyncio.to_thread(finish)

    def _build_and_finish(
        self,
        prepared: PreparedArticle,
        request: ExtractionRequest,
        result: EngineResult,
        started: float,
        use_cache: bool,
    ) -> tuple[IncidentReport, list[str], IncidentReport | None]:
        """The grounded report, the loaded terms of its summary and, when there are none (or the
        engine cannot revise), the finished and stored report; else None: the caller asks the
        model for the rewrite and finishes the report then."""
        report = self._build(prepared, result)
        terms: list[str] = []
        scanned = self.engine.profile.revises_summary
        if scanned:
            from .neutrality import find_loaded_terms

            terms = find_loaded_terms(report.summary)
        if terms:
            return report, terms, None
        finished = self._finish(prepared, request, report, None, started, terms if scanned else None)
        done = self._store(prepared, finished, use_cache)
        return report, terms, done

    def _prefetched(self, report: IncidentReport, revised: RevisedSummary | SummarizerError) -> Reviser:
        from .report import tidy_summary

        def revise(summary: str, problems: list[str]) -> str:
            if isinstance(revised, SummarizerError):
                raise revised
            report.provenance.tokens_in += revised.tokens_in
            report.provenance.tokens_out += revised.tokens_out
            report.provenance.attempts += revised.attempts
            return tidy_summary(revised.summary).text

        return revise

    def _cross_check(
        self, request: ExtractionRequest, prepared: PreparedArticle, report: IncidentReport
    ) -> list[CrossCheck]:
        """The offline rules engine on the same request; the fields where it reads otherwise."""
        from .checker import check_report
        from .crosscheck import cross_check
        from .report import ReportBuilder

        memo_key = (request.text, request.reference_date, request.title)
        with self._rules_lock:
            result = self._rules_memo.get(memo_key)
        if result is None:
            if self._rules is None:
                self._rules = create_engine("rules", self.settings)
            try:
                result = self._rules.extract(request)
            except SummarizerError as exc:  # the cross-check never costs the user the LLM's answer
                log.warning("rules cross-check failed: %s", exc)
                return []
            with self._rules_lock:
                # the same article again (a refresh, a re-run with another checker): reuse its reading
                self._rules_memo[memo_key] = result
                while len(self._rules_memo) > 16:
                    self._rules_memo.pop(next(iter(self._rules_memo)))
        builder = ReportBuilder(prepared.text, prepared.reference_date)
        rules = builder.build(result.draft, prepared.meta, report.provenance.model_copy(), [])
        rules = check_report(rules, prepared.text, "off", copy=False)
        return cross_check(report, rules)

    def _provenance(self, result: EngineResult) -> Provenance:
        prompt = self.prompt
        return Provenance(
            engine=self.engine.name,
            model=self.engine.model,
            server=_host(self.engine.server),
            prompt_name=prompt.name if prompt else "none",
            prompt_version=prompt.version if prompt else "-",
            prompt_hash=prompt.short_hash if prompt else "-",
            summarizer_version=__version__,
            tokens_in=result.tokens_in,
            tokens_out=result.tokens_out,
            attempts=result.attempts,
            checker=self.settings.checker,
        )

    def _reviser(self, request: ExtractionRequest, report: IncidentReport) -> Reviser | None:
        """The engine's summary rewrite as the neutrality step's re-ask (its cost added to the
        report's provenance), or None when the engine's profile says it cannot revise."""
        engine = self.engine
        if not (engine.profile.revises_summary and isinstance(engine, SummaryReviser)):
            return None
        reviser: SummaryReviser = engine

        from .report import tidy_summary

        def revise(summary: str, problems: list[str]) -> str:
            revised = reviser.revise_summary(request, summary, problems)
            report.provenance.tokens_in += revised.tokens_in
            report.provenance.tokens_out += revised.tokens_out
            report.provenance.attempts += revised.attempts
            return tidy_summary(revised.summary).text

        return revise


CALLS_PER_PROCESS = 16
"""Calls in flight that make one event loop worth a core of its own (the default of
:meth:`Summarizer.async_workers`). Below that one loop keeps up: at about 4.5 ms of client CPU per
article it answers some 220 articles a second, what 11-16 calls of a fast (50-70 ms) model give.
Each process costs about 0.1 s of CPU to start, and a process with few calls shares each turn
of its loop among fewer of them. Measured on 2 cores, idle, 50 ms model, against the plain
``AsyncOpenAI`` loop (``evals/bench_scale.py --only llm``): concurrency 32, 1,152 articles, one
loop 0.61 of it, two processes 0.91 (4.8 and 4.6 ms of client CPU per article); 384 articles,
0.64 and 0.78; concurrency 8 (96 articles) split over two processes, 0.94 -> 0.87."""


def _rebuild(settings: Settings, engine: str, cache: bool) -> Summarizer:
    """A worker process's summarizer, built from :meth:`Summarizer.worker_factory`'s recipe."""
    return Summarizer(settings, engine=engine, cache=cache)


def _summarize_one(
    summarizer: Summarizer, job: tuple[Source, str | date | None, bool]
) -> IncidentReport | SummarizerError:
    """One article of :meth:`Summarizer.summarize_many`; errors are returned, never raised."""
    source, published, use_cache = job
    try:
        return summarizer.summarize(source, published=published, use_cache=use_cache)
    except SummarizerError as exc:
        return exc
    except Exception as exc:  # never let one article abort the batch
        log.exception("unexpected error while summarizing")
        return SummarizerError(f"unexpected {type(exc).__name__}: {exc}", cause=repr(exc))


async def _asummarize_one(
    summarizer: Summarizer, session: AsyncSession, job: tuple[Source, str | date | None, bool]
) -> IncidentReport | SummarizerError:
    """:func:`_summarize_one` on the async path."""
    source, published, use_cache = job
    try:
        return await summarizer.asummarize_in(session, source, published=published, use_cache=use_cache)
    except SummarizerError as exc:
        return exc
    except Exception as exc:  # never let one article abort the batch
        log.exception("unexpected error while summarizing")
        return SummarizerError(f"unexpected {type(exc).__name__}: {exc}", cause=repr(exc))


def unsupported_language(report: IncidentReport, engine: Engine) -> IncidentReport:
    """An engine that declares the ``languages`` it reads never gives a confident "no incident" for
    an article in another language: that becomes ``is_incident: null`` with a warning."""
    languages = engine.profile.languages
    language = report.article.language
    if not languages or language is None or language in languages:
        return report
    name = describe_language(language)
    report.warnings.append(
        ReportWarning(
            code="unsupported_language",
            message=f"the article appears to be {name}; the {engine.name} engine does not read that language",
        )
    )
    if not report.is_incident:
        report.is_incident = None
        report.incident = None
        report.summary = (
            f"Not summarized: the article appears to be {name}, which the {engine.name} engine does not read."
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
    on_progress: Callable[[int, int], None] | None = None,
) -> list[IncidentReport | SummarizerError]:
    """Summarize many articles (see :meth:`Summarizer.summarize_many`)."""
    return _default(engine, model).summarize_many(articles, concurrency=concurrency, on_progress=on_progress)
