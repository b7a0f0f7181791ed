"""``summarizer event FILE|URL ... [--json]`` (``events_app``, merged into the root app as a plain
command) and ``summarizer eval events --gold ... --articles ... --out ...`` (on ``eval_app``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import SummarizerError
from .common import EngineOpt, ModelOpt, console, err_console, fail, make_summarizer, read_source
from .evaluate import eval_app

events_app = typer.Typer()


@events_app.command("event", short_help="Several articles about one incident -> one card.")
def event_command(
    sources: Annotated[
        list[str],
        typer.Argument(metavar="ARTICLE", help="article files or http(s) URLs about one incident"),
    ],
    engine: EngineOpt = None,
    model: ModelOpt = None,
    published: Annotated[
        list[str] | None,
        typer.Option(
            "--published",
            metavar="DATE",
            help="publication date/time per article, in order (YYYY-MM-DD[THH:MM])",
        ),
    ] = None,
    outlet: Annotated[
        list[str] | None, typer.Option("--outlet", metavar="NAME", help="outlet name per article, in order")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the event report as JSON")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="neither read nor write the cache")] = False,
    refresh: Annotated[bool, typer.Option("--refresh", help="recompute reports and the event")] = False,
    brief: Annotated[
        str,
        typer.Option(
            "--brief",
            metavar="MODE",
            help="auto | rules | llm (an LLM brief is kept only if it passes the checker)",
        ),
    ] = "auto",
) -> None:
    """Several articles about one incident -> one card: consolidated facts, conflicts, sources."""
    from ..article import Article, decode_bytes, parse_published
    from ..events.api import parse_time, summarize_event
    from ..events.render import event_card

    pubs = list(published or [])
    names = list(outlet or [])
    if (pubs and len(pubs) != len(sources)) or (names and len(names) != len(sources)):
        err_console.print("[bold red]error:[/] give --published / --outlet once per article, or not at all")
        raise typer.Exit(2)
    if brief not in ("auto", "rules", "llm"):
        err_console.print("[bold red]error:[/] --brief is auto, rules or llm")
        raise typer.Exit(2)
    summarizer = make_summarizer(engine, model, no_cache=no_cache)
    try:
        articles: list[Any] = []
        for i, src in enumerate(sources):
            loaded = read_source(src)
            extra: dict[str, object] = {}
            when = pubs[i] if pubs else None
            if when and parse_time(when) is not None:
                extra["published_at"] = when
            if isinstance(loaded, Article):
                update: dict[str, Any] = {"extra": {**loaded.extra, **extra}}
                if when:
                    update["published"] = parse_published(when)
                if names:
                    update["outlet"] = names[i]
                articles.append(loaded.model_copy(update=update))
            else:
                text = decode_bytes(loaded) if isinstance(loaded, bytes) else loaded
                articles.append(
                    Article(
                        text=text,
                        id=Path(src).name if not src.startswith("http") else src,
                        outlet=names[i] if names else None,
                        published=parse_published(when) if when else None,
                        extra=extra,
                    )
                )
        report = summarize_event(
            articles,
            summarizer=summarizer,
            use_cache=not no_cache,
            refresh=refresh,
            brief=brief,  # type: ignore[arg-type]
        )
    except SummarizerError as exc:
        fail(exc)
    if as_json:
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
        return
    console.print(event_card(report))


@eval_app.command("events", short_help="Score event grouping, fields and conflicts.")
def eval_events_command(
    gold: Annotated[
        Path,
        typer.Option(
            "--gold", "-g", metavar="FILE", help="gold events JSONL, e.g. evals/data/events_gold.jsonl"
        ),
    ],
    articles: Annotated[
        list[Path],
        typer.Option(
            "--articles",
            "-a",
            metavar="FILE",
            help="article gold file(s) holding the member ids (repeatable)",
        ),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", metavar="DIR", help="run folder")],
    engine: EngineOpt = None,
    model: ModelOpt = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="neither read nor write the cache")] = False,
    fail_under: Annotated[
        list[str] | None,
        typer.Option(
            "--fail-under",
            metavar="GATE",
            help="gate KEY=VALUE, e.g. grouping.f1=0.95 or conflicts.recall=0.9",
        ),
    ] = None,
) -> None:
    """Grouping (B-cubed), consolidated-field accuracy and conflict detection against gold events."""
    from ..events.evaluate import run_event_eval

    summarizer = make_summarizer(engine, model, no_cache=no_cache)
    try:
        metrics = run_event_eval(gold, articles, out, summarizer, use_cache=not no_cache)
    except SummarizerError as exc:
        fail(exc)
    except (OSError, ValueError) as exc:
        fail(SummarizerError(str(exc)))
    g, c, b = metrics["grouping"], metrics["conflicts"], metrics["brief"]
    console.print(
        f"grouping  B-cubed P {g['precision']:.3f}  R {g['recall']:.3f}  F1 {g['f1']:.3f}"
        f"  ({metrics['run']['n_articles']} articles, {g['predicted_groups']} groups)",
        highlight=False,
    )
    console.print(
        "consolidated  " + "  ".join(f"{k} {_fmt(v)}" for k, v in metrics["consolidated"].items()),
        highlight=False,
    )
    console.print(
        f"conflicts  P {c['precision']:.3f}  R {c['recall']:.3f}  (tp {c['tp']}, fp {c['fp']}, fn {c['fn']})",
        highlight=False,
    )
    console.print(
        f"brief  must-include {_fmt(b['must_include'])}  must-not-include {_fmt(b['must_not_include'])}"
        f"  checker problems {_fmt(b['checker_problem_rate'])}"
        f"  unattributed conflicts {_fmt(b['unattributed_conflict_rate'])}  -> {out}",
        highlight=False,
    )
    failed = []
    for gate in fail_under or []:
        key, _, value = gate.partition("=")
        section, _, name = key.partition(".")
        got = metrics.get(section, {}).get(name)
        try:
            threshold = float(value)
        except ValueError:
            err_console.print(f"[bold red]error:[/] bad gate {gate!r}")
            raise typer.Exit(2) from None
        ok = got is not None and (got <= threshold if name in _LOWER_IS_BETTER else got >= threshold)
        console.print(f"gate {key} {threshold:g}: {_fmt(got)} {'pass' if ok else 'FAIL'}", highlight=False)
        if not ok:
            failed.append(key)
    if failed:
        raise typer.Exit(3)
    (out / "summary.json").write_text(json.dumps({"gates_failed": failed}) + "\n", encoding="utf-8")


_LOWER_IS_BETTER = frozenset({"checker_problem_rate", "unattributed_conflict_rate"})


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
