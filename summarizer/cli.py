"""Command line: ``summarizer summarize``, ``summarizer cache``, ``summarizer eval``, ``summarizer batch``,
``summarizer slack``. Errors print one clear line (no traceback) and exit non-zero.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console

from .errors import ConfigError, InputError, SummarizerError

app = typer.Typer(
    name="summarizer",
    help="Typed, evidence-grounded incident facts and neutral summaries from news articles.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
cache_app = typer.Typer(help="Inspect or clear the report cache.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")

console = Console()
err_console = Console(stderr=True)

EngineOpt = Annotated[str | None, typer.Option("--engine", "-e", help="rules | openai | compatible | local")]
ModelOpt = Annotated[str | None, typer.Option("--model", "-m", help="model name (LLM engines)")]


def fail(exc: BaseException) -> NoReturn:
    code = 2 if isinstance(exc, InputError | ConfigError) else 1
    err_console.print("[bold red]error:[/] ", end="")
    err_console.print(str(exc), highlight=False, markup=False)
    raise typer.Exit(code)


def make_summarizer(
    engine: str | None, model: str | None, *, no_cache: bool = False, checker: str | None = None, **extra: Any
) -> Any:
    from .pipeline import Summarizer
    from .settings import Settings

    try:
        updates: dict[str, Any] = {k: v for k, v in extra.items() if v is not None}
        if checker:
            updates["checker"] = checker
        settings = Settings().model_copy(update=updates)
        return Summarizer(settings, engine=engine, model=model, cache=False if no_cache else None)
    except SummarizerError as exc:
        fail(exc)
    except ValueError as exc:  # pydantic-settings: an invalid environment value
        fail(ConfigError(f"invalid configuration: {exc}"))


def read_source(source: str, allow_private: bool = False) -> Any:
    """A path, ``-`` for stdin, or an http(s) URL -> article text, bytes or Article."""
    from .fetch import fetch_article, is_url
    from .settings import Settings

    if source == "-":
        data = sys.stdin.buffer.read()
        return data
    if is_url(source):
        s = Settings()
        return fetch_article(
            source,
            timeout=s.fetch_timeout,
            max_bytes=s.fetch_max_bytes,
            max_redirects=s.fetch_max_redirects,
            allow_private=allow_private or s.fetch_allow_private,
        )
    path = Path(source)
    if not path.exists():
        raise InputError(f"no such file: {source}")
    if path.is_dir():
        raise InputError(f"{source} is a folder; use `summarizer batch` for folders")
    return path.read_bytes()


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
    from .render import card

    console.print(card(report))


@app.command()
def engines() -> None:
    """List the available engines."""
    from .engines import engine_names

    for name in engine_names():
        console.print(name)


@cache_app.command("stats")
def cache_stats() -> None:
    """Show where the cache is and how big it is."""
    from .cache import ReportCache
    from .settings import Settings

    s = Settings()
    console.print_json(json.dumps(ReportCache(s.cache_dir, s.cache_enabled).stats()))


@cache_app.command("clear")
def cache_clear() -> None:
    """Remove every cached report."""
    from .cache import ReportCache
    from .settings import Settings

    s = Settings()
    removed = ReportCache(s.cache_dir, True).clear()
    console.print(f"removed {removed} cached report(s)")


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    _register_optional_commands()
    try:
        app()
    except SummarizerError as exc:  # pragma: no cover - commands catch their own
        err_console.print(f"error: {exc}", markup=False, highlight=False)
        sys.exit(1)


def _register_optional_commands() -> None:
    """Commands that live in their own modules register themselves on import."""
    import importlib

    for module in ("summarizer.evaluation.cli", "summarizer.batch", "summarizer.slack.cli"):
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name and not exc.name.startswith("summarizer"):
                continue  # an optional extra is not installed
            if exc.name == module:
                continue
            raise


if __name__ == "__main__":
    # run through the imported module, so commands registered on `summarizer.cli.app` by other
    # modules land on the same app object as this one
    from summarizer.cli import main as _main

    _main()
