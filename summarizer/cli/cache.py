"""``summarizer cache stats|clear``."""

from __future__ import annotations

import json

import typer

from ..errors import SummarizerError
from .common import console, fail, load_settings

cache_app = typer.Typer(help="Inspect or clear the report cache.", no_args_is_help=True)


@cache_app.command("stats")
def cache_stats() -> None:
    """Show where the cache is and how big it is."""
    from ..cache import ReportCache

    s = load_settings()
    console.print_json(json.dumps(ReportCache(s.cache_dir, s.cache_enabled).stats()))


@cache_app.command("clear")
def cache_clear() -> None:
    """Remove every cached report."""
    from ..cache import ReportCache

    s = load_settings()
    try:
        removed = ReportCache(s.cache_dir, True).clear()
    except SummarizerError as exc:
        fail(exc)
    console.print(f"removed {removed} cached report(s)")
