"""``summarizer batch INPUT --out results.jsonl`` (merged into the root app as a plain command)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import SummarizerError
from ..runner import RunInterrupted
from .common import EngineOpt, ModelOpt, console, err_console, fail, make_summarizer, progress_bar

batch_app = typer.Typer()


@batch_app.command()
def batch(
    source: Annotated[Path, typer.Argument(help="folder of .txt/.html files, a .jsonl or a .csv file")],
    out: Annotated[Path, typer.Option("--out", "-o", help="results JSONL (appended; a re-run resumes)")],
    engine: EngineOpt = None,
    model: ModelOpt = None,
    concurrency: Annotated[int, typer.Option("--concurrency", "-c", min=1, max=256)] = 4,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="neither read nor write the cache")] = False,
    refresh: Annotated[bool, typer.Option("--refresh", help="ignore cached reports")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar")] = False,
    events: Annotated[
        Path | None, typer.Option("--events", help="also group the reports into events (JSONL)")
    ] = None,
) -> None:
    """Summarize many articles into one JSONL file: one row per article (report or error).

    Re-running the same command skips finished articles and retries failed ones. Exits 1 when any
    article failed.
    """
    from ..batch import run_batch

    summarizer = make_summarizer(engine, model, no_cache=no_cache)
    try:
        outcome = run_batch(
            source,
            out,
            summarizer,
            concurrency=concurrency,
            use_cache=not no_cache,
            refresh=refresh,
            progress=None if quiet else progress_bar,
        )
    except RunInterrupted as exc:
        err_console.print(f"[yellow]{exc}[/]")
        raise typer.Exit(130) from None
    except SummarizerError as exc:
        fail(exc)
    if events is not None:
        from ..events.batch import write_events

        try:
            n_events = write_events(source, out, events)
        except SummarizerError as exc:
            fail(exc)
        console.print(f"{n_events} event(s) -> {events}", highlight=False)
    color = "red" if outcome.failed or outcome.missing else "green"
    missing = f", {outcome.missing} without a result" if outcome.missing else ""
    console.print(
        f"[{color}]{outcome.total} articles: {outcome.ok} ok, {outcome.failed} failed{missing}[/]"
        f" ({outcome.skipped} done earlier, {outcome.seconds:.1f}s) -> {out}",
        highlight=False,
    )
    if outcome.failed or outcome.missing:
        raise typer.Exit(1)
