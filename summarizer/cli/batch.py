"""``summarizer batch INPUT --out results.jsonl`` (merged into the root app as a plain command)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import InputError, SummarizerError
from ..runner import RunInterrupted
from .common import (
    BATCH_PENDING,
    ConfirmAboveOpt,
    CrossCheckOpt,
    EngineOpt,
    ModelOpt,
    NoWaitOpt,
    PollOpt,
    PricesOpt,
    RecordOpt,
    ReplayOpt,
    ResumeOpt,
    RetryOpt,
    RpmOpt,
    TpmOpt,
    ViaOpt,
    YesOpt,
    batch_api_options,
    check_format,
    confirm_cost,
    console,
    err_console,
    fail,
    item_texts,
    make_summarizer,
    progress_bar,
)

if TYPE_CHECKING:
    from ..pipeline import Summarizer

batch_app = typer.Typer()

SHOW_FAILED = 10


def failed_lines(rows: list[dict[str, Any]], limit: int = SHOW_FAILED) -> list[str]:
    """``id: ErrorType: message`` for the first ``limit`` failed rows, then a count of the rest."""
    failed = [r for r in rows if r.get("status") != "ok"]
    lines = []
    for row in failed[:limit]:
        err = row.get("error") or {}
        tag = " [permanent]" if err.get("permanent") else ""
        message = " ".join(str(err.get("message", "")).split())
        lines.append(f"  {row['id']}: {err.get('type', 'error')}: {message}{tag}")
    if len(failed) > limit:
        lines.append(f"  ... and {len(failed) - limit} more failed (see the error rows in the results file)")
    if any((r.get("error") or {}).get("permanent") for r in failed):
        lines.append("  [permanent] failures are not retried by a re-run unless --retry-permanent")
    return lines


def print_rows(rows: list[dict[str, Any]], fmt: str) -> None:
    from ..export import flat_row, to_csv, to_jsonl

    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        sys.stdout.write(to_jsonl(rows))
    elif fmt == "csv":
        sys.stdout.write(to_csv(flat_row(r) for r in rows))
    else:
        from rich.table import Table

        table = Table(box=None, pad_edge=False)
        for col in ("id", "status", "category", "place", "date", "killed", "injured"):
            table.add_column(col, overflow="fold")
        for r in rows:
            f = flat_row(r)
            if f["status"] == "ok":
                table.add_row(
                    f["id"], "ok", f["category"], f["location"], f["date"], f["killed"], f["injured"]
                )
            else:
                table.add_row(f["id"], f"[red]{f['error_type']}[/]", f["error"], "", "", "", "")
        console.print(table, highlight=False)


@batch_app.command(short_help="Many articles into one JSONL file (resumable).")
def batch(
    source: Annotated[
        Path, typer.Argument(metavar="INPUT", help="folder of .txt/.html files, a .jsonl or a .csv file")
    ],
    out: Annotated[
        Path,
        typer.Option("--out", "-o", metavar="FILE", help="results JSONL (appended; a re-run resumes)"),
    ],
    engine: EngineOpt = None,
    model: ModelOpt = None,
    concurrency: Annotated[
        int,
        typer.Option(
            "--concurrency",
            "-c",
            metavar="N",
            min=1,
            max=256,
            help="parallel calls (LLM engines); the rules engine uses up to this many processes, one per core",
        ),
    ] = 4,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="neither read nor write the cache")] = False,
    refresh: Annotated[bool, typer.Option("--refresh", help="ignore cached reports")] = False,
    retry_permanent: Annotated[
        bool,
        typer.Option("--retry-permanent", help="also retry articles that failed for good (empty, binary)"),
    ] = False,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", metavar="FORMAT", help="also print the rows: table | json | jsonl | csv"
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar")] = False,
    events: Annotated[
        Path | None,
        typer.Option("--events", metavar="FILE", help="also group the reports into events (JSONL)"),
    ] = None,
    via: ViaOpt = "sync",
    retry: RetryOpt = "sync",
    resume: ResumeOpt = False,
    no_wait: NoWaitOpt = False,
    poll: PollOpt = 5.0,
    runner: Annotated[
        str,
        typer.Option("--runner", help="local: this machine; ray: Ray Data (the ray extra), OUT is a folder"),
    ] = "local",
    address: Annotated[
        str | None,
        typer.Option("--address", help="with --runner ray: an existing cluster, e.g. ray://head:10001"),
    ] = None,
    out_format: Annotated[
        str, typer.Option("--ray-format", help="with --runner ray: jsonl or parquet part files")
    ] = "jsonl",
    record: RecordOpt = None,
    replay: ReplayOpt = None,
    cross_check: CrossCheckOpt = True,
    rpm: RpmOpt = None,
    tpm: TpmOpt = None,
    prices: PricesOpt = None,
    yes: YesOpt = False,
    confirm_above: ConfirmAboveOpt = 1.0,
) -> None:
    """Summarize many articles into one JSONL file: one row per article (report or error).

    Re-running the same command skips finished articles and retries failed ones, except those
    that failed for good (empty or binary input) unless --retry-permanent. Ends by listing the
    failed ids with their reasons; exits 1 when any article failed.
    """
    from ..batch import read_input

    summarizer = make_summarizer(
        engine,
        model,
        no_cache=no_cache,
        record_dir=record,
        replay_dir=replay,
        cross_check=cross_check,
        rate_limit_rpm=rpm,
        rate_limit_tpm=tpm,
    )
    try:
        if summarizer.engine.profile.uses_prompt and runner == "local":  # Ray reads its own formats
            confirm_cost(summarizer, item_texts(read_input(source)), prices, yes=yes, above=confirm_above)
    except SummarizerError as exc:
        fail(exc)
    from ..batch import run_batch
    from ..batch_api import BatchPending

    fmt = check_format(output_format) if output_format else None
    if runner == "ray":
        _ray_batch(source, out, summarizer, address, concurrency, not no_cache, out_format)
        return
    if runner != "local":
        fail(InputError(f"--runner {runner!r}: choose local or ray"))
    try:
        outcome = run_batch(
            source,
            out,
            summarizer,
            concurrency=concurrency,
            use_cache=not no_cache,
            refresh=refresh,
            progress=None if quiet else progress_bar,
            retry_permanent=retry_permanent,
            via=via,
            batch_api=batch_api_options(retry, resume, no_wait, poll, summarizer.engine.model),
        )
    except BatchPending as exc:
        console.print(f"[yellow]{exc}[/]", highlight=False)
        raise typer.Exit(BATCH_PENDING) from None
    except RunInterrupted as exc:
        err_console.print(f"[yellow]{exc}[/]")
        raise typer.Exit(130) from None
    except SummarizerError as exc:
        fail(exc)
    if fmt is not None:
        print_rows(outcome.rows, fmt)
    report_to = err_console if fmt is not None else console  # keep stdout for the rows
    if events is not None:
        from ..events.batch import write_events

        try:
            n_events = write_events(source, out, events)
        except SummarizerError as exc:
            fail(exc)
        report_to.print(f"{n_events} event(s) -> {events}", highlight=False)
    color = "red" if outcome.failed or outcome.missing else "green"
    missing = f", {outcome.missing} without a result" if outcome.missing else ""
    report_to.print(
        f"[{color}]{outcome.total} articles: {outcome.ok} ok, {outcome.failed} failed{missing}[/]"
        f" ({outcome.skipped} done earlier, {outcome.seconds:.1f}s) -> {out}",
        highlight=False,
    )
    if outcome.failed:
        report_to.print("failed:", highlight=False)
        for line in failed_lines(outcome.rows):
            report_to.print(line, highlight=False, markup=False)
    for note in outcome.notes:
        report_to.print(note, highlight=False)
    if outcome.failed or outcome.missing:
        raise typer.Exit(1)


def _ray_batch(
    source: Path,
    out: Path,
    summarizer: Summarizer,
    address: str | None,
    concurrency: int,
    use_cache: bool,
    out_format: str,
) -> None:
    from ..ray_runner import run_ray

    try:
        counts = run_ray(
            source,
            out,
            summarizer,
            address=address,
            concurrency=concurrency,
            use_cache=use_cache,
            output_format=out_format,
        )
    except SummarizerError as exc:
        fail(exc)
    color = "red" if counts["failed"] else "green"
    console.print(
        f"[{color}]{counts['rows']} articles written: {counts['ok']} ok, {counts['failed']} failed[/]"
        f" ({counts['skipped']} done earlier) -> {out}/",
        highlight=False,
    )
    if counts["failed"]:
        raise typer.Exit(1)
