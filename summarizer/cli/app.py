"""The root command line: ``summarize`` and ``engines`` here; ``eval``, ``batch``, ``cache``,
``slack``, ``config`` and ``runs`` are sub-apps added with ``add_typer``. Shell completion is
Typer's (``summarizer --install-completion``). Errors print one clear line (no traceback) and
exit non-zero.
"""

from __future__ import annotations

import atexit
import functools
import gc
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import InputError, SummarizerError
from .common import (
    CrossCheckOpt,
    EngineOpt,
    FormatOpt,
    ModelOpt,
    RecordOpt,
    ReplayOpt,
    check_format,
    console,
    err_console,
    fail,
    load_settings,
    make_summarizer,
    read_source,
)

if TYPE_CHECKING:
    app: typer.Typer  # the full app: built on first use (module ``__getattr__`` below)

APP_OPTIONS: dict[str, Any] = {
    "name": "summarizer",
    "help": "Typed, evidence-grounded incident facts and neutral summaries from news articles.",
    "no_args_is_help": True,
    "pretty_exceptions_enable": False,
    "rich_markup_mode": None,  # click's plain help: wraps at the terminal width, no type column
}


def _version(value: bool) -> None:
    if value:
        from ..version import __version__

        console.print(f"summarizer {__version__}", highlight=False)
        raise typer.Exit()


def root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Typed, evidence-grounded incident facts and neutral summaries from news articles."""


SUMMARIZE_OPTIONS: dict[str, Any] = {"short_help": "One article: facts with evidence, a neutral summary."}


def summarize(
    source: Annotated[
        str, typer.Argument(metavar="ARTICLE", help="article file, http(s) URL, or - for stdin")
    ],
    engine: EngineOpt = None,
    model: ModelOpt = None,
    published: Annotated[
        str | None, typer.Option(metavar="DATE", help="publication date, YYYY-MM-DD")
    ] = None,
    output_format: FormatOpt = "table",
    as_json: Annotated[bool, typer.Option("--json", help="same as --format json")] = False,
    html: Annotated[
        Path | None,
        typer.Option("--html", metavar="FILE", help="also write the article with its evidence highlighted"),
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="neither read nor write the cache")] = False,
    refresh: Annotated[
        bool, typer.Option("--refresh", help="ignore a cached report and store a new one")
    ] = False,
    checker: Annotated[str | None, typer.Option(metavar="MODE", help="strict | flag | off")] = None,
    record: RecordOpt = None,
    replay: ReplayOpt = None,
    cross_check: CrossCheckOpt = True,
) -> None:
    """Summarize one article into typed facts with evidence and a neutral summary."""
    fmt = "json" if as_json else check_format(output_format)
    summarizer = make_summarizer(
        engine,
        model,
        no_cache=no_cache,
        checker=checker,
        record_dir=record,
        replay_dir=replay,
        cross_check=cross_check,
    )
    try:
        article = read_source(source, settings=summarizer.settings)
        report = summarizer.summarize(article, published=published, use_cache=not no_cache, refresh=refresh)
    except SummarizerError as exc:
        fail(exc)
    if html is not None:
        try:
            html.write_text(report.to_html(), encoding="utf-8")
        except OSError as exc:
            fail(InputError(f"cannot write {html}: {exc.strerror or exc}"))
        err_console.print(f"evidence view -> {html}", highlight=False, markup=False)
    if fmt == "json":
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    elif fmt == "jsonl":
        sys.stdout.write(report.model_dump_json() + "\n")
    elif fmt == "csv":
        from ..export import COLUMNS, flat_report, to_csv

        row = {"id": source, "status": "ok", **flat_report(report)}
        sys.stdout.write(to_csv([row], [c for c in COLUMNS if c not in ("error_type", "error")]))
    else:
        from ..render import card

        console.print(card(report))


def engines() -> None:
    """List the engines, the model each would use and whether it is configured."""
    from rich.markup import escape
    from rich.table import Table

    from ..engines.status import engine_statuses

    settings = load_settings()
    table = Table(title="engines (* = the default)", title_justify="left")
    table.add_column("engine", no_wrap=True)
    table.add_column("model")
    table.add_column("state")
    for st in engine_statuses(settings):
        state = f"[green]{escape(st.state)}[/]" if st.ready else f"[yellow]{escape(st.state)}[/]"
        table.add_row(st.name + (" *" if st.default else ""), escape(st.model), state)
    console.print(table)


def _root_app() -> typer.Typer:
    """An app holding the root options (``--version``) and ``summarize``."""
    root_app = typer.Typer(**APP_OPTIONS)
    root_app.callback()(root)
    root_app.command(**SUMMARIZE_OPTIONS)(summarize)
    return root_app


@functools.cache
def full_app() -> typer.Typer:
    """Every command: ``summarize``, ``engines`` and the sub-apps. Their modules are imported here,
    on first use, so a ``summarize`` run imports none of them (see :func:`app_for`)."""
    from .batch import batch_app
    from .cache import cache_app
    from .config import config_app
    from .doctor import doctor_app
    from .evaluate import eval_app
    from .events import events_app
    from .runs import runs_app
    from .slack import slack_app

    full = _root_app()
    full.command(short_help="Engines, their models, configured or not.")(engines)
    full.add_typer(batch_app)  # no name: `batch` is a plain command of the root
    full.add_typer(events_app)  # `event`; `eval events` is registered on eval_app by the same module
    full.add_typer(doctor_app)  # `doctor`, a plain command too
    full.add_typer(eval_app, name="eval")
    full.add_typer(cache_app, name="cache")
    full.add_typer(slack_app, name="slack")
    full.add_typer(config_app, name="config")
    full.add_typer(runs_app)  # no name: `runs` is a plain command of the root
    return full


def __getattr__(name: str) -> Any:
    """``app``, the full command line, is built on first access (PEP 562)."""
    if name == "app":
        return full_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def app_for(argv: list[str]) -> typer.Typer:
    """The app that runs ``argv``. ``summarize`` (one article: the command most often run cold)
    runs on an app holding only the root options and that command, the same functions: Typer
    builds the click command of every registered command and sub-app before it dispatches (a
    third of a cached run's CPU after the imports), and no other one is needed; the modules of
    the other commands are not even imported then."""
    if argv and argv[0] == "summarize":
        return _root_app()
    return full_app()


def main() -> None:
    from ..redact import RedactURLCredentials

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    for handler in logging.getLogger().handlers:
        handler.addFilter(RedactURLCredentials())  # HTTP clients log full URLs, user:password included
    argv = sys.argv[1:]
    collecting = gc.isenabled()
    if argv[:1] == ["summarize"] and collecting:
        # one article, then the process ends: the cyclic collector would only walk the imported
        # modules and the gazetteer again and again (~5% of a cold run); it is back on after
        gc.disable()
        # and at exit the interpreter's own collections would walk every object still alive once
        # more (~6% of a cached run): they are left out of them (gc.freeze) once the exit handlers
        # registered later (the stored patterns) have run
        atexit.register(gc.freeze)
    try:
        app_for(argv)()
    except SummarizerError as exc:  # pragma: no cover - commands catch their own
        err_console.print(f"error: {exc}", markup=False, highlight=False)
        sys.exit(1)
    finally:
        if collecting:
            gc.enable()
