"""The root command line: ``summarize`` and ``engines`` here; ``eval``, ``batch``, ``cache`` and
``slack`` are sub-apps added with ``add_typer``. Errors print one clear line (no traceback) and
exit non-zero.
"""

from __future__ import annotations

import logging
import sys
from typing import Annotated

import typer

from ..errors import SummarizerError
from .batch import batch_app
from .cache import cache_app
from .common import EngineOpt, ModelOpt, console, err_console, fail, make_summarizer, read_source
from .doctor import doctor_app
from .evaluate import eval_app
from .events import events_app
from .slack import slack_app

app = typer.Typer(
    name="summarizer",
    help="Typed, evidence-grounded incident facts and neutral summaries from news articles.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.command()
def summarize(
    source: Annotated[str, typer.Argument(help="article file, http(s) URL, or - for stdin")],
    engine: EngineOpt = None,
    model: ModelOpt = None,
    published: Annotated[str | None, typer.Option(help="publication date, YYYY-MM-DD")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the report as JSON")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="neither read nor write the cache")] = False,
    refresh: Annotated[
        bool, typer.Option("--refresh", help="ignore a cached report and store a new one")
    ] = False,
    checker: Annotated[str | None, typer.Option(help="strict | flag | off")] = None,
) -> None:
    """Summarize one article into typed facts with evidence and a neutral summary."""
    summarizer = make_summarizer(engine, model, no_cache=no_cache, checker=checker)
    try:
        article = read_source(source)
        report = summarizer.summarize(article, published=published, use_cache=not no_cache, refresh=refresh)
    except SummarizerError as exc:
        fail(exc)
    if as_json:
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
        return
    from ..render import card

    console.print(card(report))


@app.command()
def engines() -> None:
    """List the available engines."""
    from ..engines import engine_names

    for name in engine_names():
        console.print(name)


app.add_typer(batch_app)  # no name: `batch` is a plain command of the root
app.add_typer(events_app)  # `event`; `eval events` is registered on eval_app by the same module
app.add_typer(doctor_app)  # `doctor`, a plain command too
app.add_typer(eval_app, name="eval")
app.add_typer(cache_app, name="cache")
app.add_typer(slack_app, name="slack")


def main() -> None:
    from ..redact import RedactURLCredentials

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    for handler in logging.getLogger().handlers:
        handler.addFilter(RedactURLCredentials())  # HTTP clients log full URLs, user:password included
    try:
        app()
    except SummarizerError as exc:  # pragma: no cover - commands catch their own
        err_console.print(f"error: {exc}", markup=False, highlight=False)
        sys.exit(1)
