"""``summarizer eval``, ``summarizer eval muc4`` and ``summarizer eval compare`` (the ``eval`` sub-app
of the root CLI).

Exit status: 0 all good, 1 a run failure, 2 bad input or configuration, 3 a gate failed.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import ConfigError, SummarizerError
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
    confirm_cost,
    console,
    err_console,
    fail,
    make_summarizer,
    progress_bar,
)

if TYPE_CHECKING:  # imported where used: `summarizer summarize` loads this module and needs neither
    from rich.table import Table

GATE_FAILED = 3

eval_app = typer.Typer(
    help="Evaluate an engine on a gold-labelled JSONL file, or compare two runs.",
    short_help="Score an engine on a gold file; compare runs.",
    invoke_without_command=True,
    no_args_is_help=False,
)

FailUnder = Annotated[
    list[str] | None,
    typer.Option(
        "--fail-under",
        metavar="GATE",
        help="gate FIELD=VALUE (repeatable), e.g. killed.joint=0.9; for lower-is-better rates it is a ceiling",
    ),
]
ThresholdsOpt = Annotated[
    Path | None,
    typer.Option("--thresholds", metavar="FILE", help="JSON file of gates, e.g. evals/thresholds.json"),
]


def _gates(fail_under: list[str] | None, thresholds: Path | None) -> list[Any]:
    from ..evaluation.compare import load_thresholds, parse_gate

    gates = [parse_gate(g) for g in fail_under or []]
    if thresholds is not None:
        gates.extend(load_thresholds(thresholds))
    return gates


def _show_gates(results: list[dict[str, Any]]) -> bool:
    from ..evaluation.report_md import fmt

    passed = True
    for g in results:
        mark = "[green]pass[/]" if g["passed"] else "[bold red]FAIL[/]"
        console.print(
            f"gate {g['metric']} {g['op']} {g['threshold']:g}: {fmt(g['value'])} {mark}", highlight=False
        )
        passed &= bool(g["passed"])
    return passed


def metrics_table(metrics: dict[str, Any]) -> Table:
    from rich.table import Table

    from ..evaluation.metrics import METRICS
    from ..evaluation.report_md import fmt

    table = Table(title="metrics", show_lines=False)
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_column("scored", justify="right")
    for spec in METRICS:
        m = metrics["fields"].get(spec.key, {})
        table.add_row(
            spec.key + (" ↓" if spec.better == "lower" else ""), fmt(m.get("value")), str(m.get("n", 0))
        )
    return table


@eval_app.callback()
def eval_command(
    ctx: typer.Context,
    gold: Annotated[Path | None, typer.Option("--gold", "-g", metavar="FILE", help="gold JSONL file")] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", metavar="DIR", help="run folder, e.g. runs/rules-dev")
    ] = None,
    engine: EngineOpt = None,
    model: ModelOpt = None,
    concurrency: Annotated[int, typer.Option("--concurrency", "-c", metavar="N", min=1, max=256)] = 4,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="neither read nor write the cache")] = False,
    refresh: Annotated[bool, typer.Option("--refresh", help="ignore cached reports")] = False,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="discard earlier results in --out")] = False,
    force: Annotated[
        bool, typer.Option("--force", help="resume --out even if it was run with other settings or gold")
    ] = False,
    prices: PricesOpt = None,
    limit: Annotated[
        int | None, typer.Option("--limit", metavar="N", min=1, help="only the first N gold articles")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar")] = False,
    fail_under: FailUnder = None,
    thresholds: ThresholdsOpt = None,
    via: ViaOpt = "sync",
    retry: RetryOpt = "sync",
    resume: ResumeOpt = False,
    no_wait: NoWaitOpt = False,
    poll: PollOpt = 5.0,
    record: RecordOpt = None,
    replay: ReplayOpt = None,
    cross_check: CrossCheckOpt = True,
    rpm: RpmOpt = None,
    tpm: TpmOpt = None,
    yes: YesOpt = False,
    confirm_above: ConfirmAboveOpt = 1.0,
) -> None:
    """Run the engine over a gold file into a resumable run folder, then score it.

    Writes results.jsonl, metrics.json, report.md and report.html into --out. A re-run with the
    same --out skips finished articles and retries failed ones.
    """
    if ctx.invoked_subcommand is not None:
        return
    if gold is None or out is None:
        console.print(ctx.get_help())
        err_console.print(
            "[bold red]error:[/] --gold and --out are required (or use `summarizer eval compare`)"
        )
        raise typer.Exit(2)
    from ..batch_api import BatchPending
    from ..evaluation.evaluate import run_eval
    from ..evaluation.gold import GoldFormatError
    from ..evaluation.metrics import DEFAULT_PRICES, load_prices
    from ..runner import RunInterrupted

    try:
        if not gold.is_file():
            raise GoldFormatError(f"no such gold file: {gold}")
        gates = _gates(fail_under, thresholds)
        table = None
        if prices is not None:
            table = dict(DEFAULT_PRICES) | load_prices(json.loads(prices.read_text(encoding="utf-8")))
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
        if summarizer.engine.profile.uses_prompt:
            from ..evaluation.gold import load_gold

            records = load_gold(gold)[:limit] if limit else load_gold(gold)
            confirm_cost(summarizer, [r.text for r in records], prices, yes=yes, above=confirm_above)
        result = run_eval(
            gold,
            out,
            summarizer,
            concurrency=concurrency,
            use_cache=not no_cache,
            refresh=refresh,
            progress=None if quiet else progress_bar,
            overwrite=overwrite,
            prices=table,
            limit=limit,
            gates=gates,
            force=force,
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
    except (OSError, ValueError) as exc:
        fail(SummarizerError(str(exc)))
    o = result.outcome
    console.print(metrics_table(result.metrics))
    for note in o.notes:
        console.print(note, highlight=False)
    console.print(
        f"{o.total} articles: {o.ok} ok, {o.failed} failed ({o.skipped} done earlier) in {o.seconds:.1f}s -> {result.out}",
        highlight=False,
    )
    if gates and not _show_gates(result.metrics["gates"]):
        raise typer.Exit(GATE_FAILED)


@eval_app.command(
    "muc4",
    context_settings={"allow_extra_args": True},
    short_help="Template-score an engine on MUC-4 texts and keys.",
)
def muc4_command(
    ctx: typer.Context,
    texts: Annotated[list[Path], typer.Option("--texts", metavar="FILE", help="MUC-4 text file(s)")],
    keys: Annotated[list[Path], typer.Option("--keys", metavar="FILE", help="MUC-4 answer-key file(s)")],
    out: Annotated[Path, typer.Option("--out", "-o", metavar="DIR", help="run folder, e.g. runs/muc4-dev")],
    engine: EngineOpt = None,
    model: ModelOpt = None,
    concurrency: Annotated[int, typer.Option("--concurrency", "-c", metavar="N", min=1, max=256)] = 4,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="neither read nor write the cache")] = False,
    refresh: Annotated[bool, typer.Option("--refresh", help="ignore cached reports")] = False,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="discard earlier results in --out")] = False,
    limit: Annotated[
        int | None, typer.Option("--limit", metavar="N", min=1, help="only the first N texts")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar")] = False,
) -> None:
    """Template-score an engine on MUC-4 texts and keys (role-filler entity F1, per-slot P/R/F1).

    `--texts A B --keys C D` works: further files after an option are sorted into texts and keys
    by their content. Writes results.jsonl, metrics.json, report.md and report.html into --out;
    a re-run resumes.
    """
    from rich.table import Table

    from ..evaluation.muc4.run import run_muc4, slot_table, sort_files
    from ..runner import RunInterrupted

    try:
        texts, keys = sort_files(texts, keys, [Path(a) for a in ctx.args])
        summarizer = make_summarizer(engine, model, no_cache=no_cache)
        result = run_muc4(
            texts,
            keys,
            out,
            summarizer,
            concurrency=concurrency,
            use_cache=not no_cache,
            refresh=refresh,
            progress=None if quiet else progress_bar,
            overwrite=overwrite,
            limit=limit,
        )
    except RunInterrupted as exc:
        err_console.print(f"[yellow]{exc}[/]")
        raise typer.Exit(130) from None
    except SummarizerError as exc:
        fail(exc)
    except OSError as exc:
        fail(SummarizerError(str(exc)))
    table = Table(title="MUC-4 slots (micro, %)")
    for col in ("slot", "P", "R", "F1", "pred", "key"):
        table.add_column(col, justify="left" if col == "slot" else "right")
    for name, c in slot_table(result.metrics):
        cells = [c["precision"], c["recall"], c["f1"]]
        table.add_row(
            name, *("n/a" if v is None else f"{100 * v:.1f}" for v in cells), str(c["pred"]), str(c["key"])
        )
    console.print(table)
    o = result.outcome
    console.print(
        f"{o.total} texts: {o.ok} ok, {o.failed} failed ({o.skipped} done earlier) in {o.seconds:.1f}s -> {result.out}",
        highlight=False,
    )


@eval_app.command("compare", short_help="Per-field deltas B - A; regressions; --html side by side.")
def compare_command(
    run_a: Annotated[Path, typer.Argument(metavar="RUN_A", help="baseline run folder (or its metrics.json)")],
    run_b: Annotated[
        Path, typer.Argument(metavar="RUN_B", help="candidate run folder (or its metrics.json)")
    ],
    tolerance: Annotated[
        float, typer.Option(metavar="X", help="a drop larger than this is a regression")
    ] = 0.0,
    fail_under: FailUnder = None,
    thresholds: ThresholdsOpt = None,
    fail_on_regression: Annotated[
        bool, typer.Option("--fail-on-regression", help="exit 3 when any field regresses")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="print the comparison as JSON")] = False,
    html: Annotated[
        Path | None,
        typer.Option("--html", metavar="FILE", help="write changed articles side by side: gold, A, B"),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="compare runs on different gold files")] = False,
) -> None:
    """Per-field deltas B - A with regressions flagged; gates apply to RUN_B.

    Runs on different gold files are not comparable: refused unless --force.
    """
    from rich.table import Table

    from ..evaluation.compare import check_comparable, compare_runs, evaluate_gates, setting_diffs
    from ..evaluation.evaluate import load_metrics
    from ..evaluation.metrics import METRIC_BY_KEY
    from ..evaluation.report_md import fmt

    try:
        gates = _gates(fail_under, thresholds)
        ma, mb = load_metrics(run_a), load_metrics(run_b)
        if not force:
            check_comparable(ma, mb)
    except SummarizerError as exc:
        fail(exc)
    if not as_json:
        for key, va, vb in setting_diffs(ma, mb):
            console.print(f"differs: {key}: A={va}  B={vb}", highlight=False, markup=False)
    deltas = compare_runs(
        ma, mb, run_a if run_a.is_dir() else None, run_b if run_b.is_dir() else None, tolerance=tolerance
    )
    gate_results = evaluate_gates(mb, gates)
    if html is not None:
        from ..evaluation.compare_html import render_compare_html

        if not (run_a.is_dir() and run_b.is_dir()):
            fail(
                SummarizerError("--html needs two run folders (their results.jsonl), not metrics.json files")
            )
        try:
            html.write_text(render_compare_html(run_a, run_b, ma, mb, deltas), encoding="utf-8")
        except OSError as exc:
            fail(SummarizerError(f"cannot write {html}: {exc.strerror or exc}"))
        err_console.print(f"side-by-side comparison -> {html}", highlight=False, markup=False)
    if as_json:
        payload = {
            "a": str(run_a),
            "b": str(run_b),
            "fields": [
                {
                    "metric": d.metric,
                    "a": d.a,
                    "b": d.b,
                    "delta": d.delta,
                    "better": d.better,
                    "regressed": d.regressed,
                    "improved": d.improved,
                    "newly_wrong": d.newly_wrong,
                    "newly_right": d.newly_right,
                }
                for d in deltas
            ],
            "gates": gate_results,
        }
        console.print_json(json.dumps(payload))
    else:
        ra, rb = ma.get("run", {}), mb.get("run", {})
        table = Table(
            title=f"A: {ra.get('engine')}/{ra.get('model')}  vs  B: {rb.get('engine')}/{rb.get('model')}"
        )
        for col, justify in (
            ("metric", "left"),
            ("A", "right"),
            ("B", "right"),
            ("delta", "right"),
            ("", "left"),
            ("articles", "left"),
        ):
            table.add_column(col, justify=justify, no_wrap=col != "articles")  # type: ignore[arg-type]
        for d in deltas:
            flag = "[bold red]REGRESSION[/]" if d.regressed else "[green]better[/]" if d.improved else ""
            delta = "n/a" if d.delta is None else f"{d.delta:+.3f}"
            flips = []
            if d.newly_wrong:
                flips.append(
                    f"-{len(d.newly_wrong)}: {', '.join(d.newly_wrong[:5])}{' ...' if len(d.newly_wrong) > 5 else ''}"
                )
            if d.newly_right:
                flips.append(f"+{len(d.newly_right)}")
            arrow = " ↓" if METRIC_BY_KEY[d.metric].better == "lower" else ""
            table.add_row(d.metric + arrow, fmt(d.a), fmt(d.b), delta, flag, " ".join(flips))
        console.print(table)
        regressions = [d.metric for d in deltas if d.regressed]
        console.print(
            f"{len(regressions)} regression(s){': ' + ', '.join(regressions) if regressions else ''}",
            highlight=False,
        )
    passed = _show_gates(gate_results) if not as_json else all(g["passed"] for g in gate_results)
    if not passed or (fail_on_regression and any(d.regressed for d in deltas)):
        raise typer.Exit(GATE_FAILED)


@eval_app.command("checker", short_help="How many model mistakes the checker catches (oracle + mutations).")
def checker_command(
    gold: Annotated[Path, typer.Option("--gold", "-g", help="gold JSONL file")],
    out: Annotated[Path, typer.Option("--out", "-o", help="output folder, e.g. runs/checker-dev")],
    sample: Annotated[
        int | None,
        typer.Option("--sample", min=1, help="a fixed sample of N articles, evenly spaced in the file"),
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="only the first N articles")] = None,
    cross_check: Annotated[
        bool, typer.Option("--cross-check/--no-cross-check", help="also measure the rules cross-check")
    ] = True,
    fail_under: FailUnder = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar")] = False,
) -> None:
    """The checker harness: oracle drafts from gold values and one-fact mutations of them, each
    delivered through the real LLM path (a fake OpenAI-compatible server on 127.0.0.1), scored for
    catch rate and false alarms under each checker mode. Gates: --fail-under flag.catch.count=0.95,
    flag.false_alarm.all=0.02 (a ceiling), ...
    """
    from ..evaluation.checker_eval import gate_checker, run_checker_eval

    try:
        if not gold.is_file():
            from ..evaluation.gold import GoldFormatError

            raise GoldFormatError(f"no such gold file: {gold}")
        pairs = [g.split("=", 1) for g in fail_under or []]
        for pair in pairs:
            if len(pair) != 2:
                raise ConfigError(
                    f"--fail-under wants MODE.catch.CLASS=VALUE or MODE.false_alarm.FACT=VALUE, got {'='.join(pair)!r}"
                )
        if quiet:
            result = run_checker_eval(gold, out, sample=sample, limit=limit, cross_check=cross_check)
        else:
            with _counter("checker harness") as tick:
                result = run_checker_eval(
                    gold, out, sample=sample, limit=limit, cross_check=cross_check, progress=tick
                )
        checked = gate_checker(result.metrics, [(k, float(v)) for k, v in pairs])
    except SummarizerError as exc:
        fail(exc)
    except (OSError, ValueError) as exc:
        fail(SummarizerError(str(exc)))
    console.print((result.out / "report.md").read_text(encoding="utf-8"), markup=False, highlight=False)
    passed = True
    for g in checked:
        mark = "[green]pass[/]" if g["passed"] else "[bold red]FAIL[/]"
        shown = "n/a" if g["value"] is None else f"{g['value']:.3f}"
        console.print(f"gate {g['metric']} {g['op']} {g['threshold']:g}: {shown} {mark}", highlight=False)
        passed &= bool(g["passed"])
    if not passed:
        raise typer.Exit(GATE_FAILED)


@contextlib.contextmanager
def _counter(description: str) -> Iterator[Callable[[int, int], None]]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
    ) as bar:
        task = bar.add_task(description, total=None)

        def tick(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield tick
